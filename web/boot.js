// Starts the widget. A file rather than an inline script, so that pages served with a
// strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval') can load it.
import init from "./zitadel-profile-form.js";

await init();
