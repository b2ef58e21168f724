// A plain webpack 5 app: nothing here is about the profile form, which webpack takes
// from the package as it is (its wasm, styles and catalogues included).
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";

export default {
  mode: "production",
  entry: "./src/index.js",
  output: { clean: true },
  plugins: [
    new HtmlWebpackPlugin({ template: "index.html", favicon: "public/favicon.svg" }),
    // The ZITADEL instance and the app's client id (default: the local stand-in's demo app).
    new webpack.DefinePlugin({
      "process.env.ZITADEL_ISSUER": JSON.stringify(process.env.ZITADEL_ISSUER ?? "http://127.0.0.1:8080"),
      "process.env.ZITADEL_CLIENT_ID": JSON.stringify(
        process.env.ZITADEL_CLIENT_ID ?? "243862081218773235@profile-form",
      ),
    }),
  ],
};
