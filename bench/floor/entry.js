// The floor's page (bench/floor): asks for the profile with the widget's session in this
// tab, as js/early.js does, then starts the floor's wasm. With `?widget-wasm` it first
// fetches and compiles the widget's wasm too, without running it: what the widget's
// bytes cost on their own. scripts/bench writes the wasm's name in place of WIDGET_WASM.
import init from "./floor.js";

const WIDGET_WASM = "WIDGET_WASM";
try {
  const key = Object.keys(sessionStorage).find((k) => k.startsWith("zitadel-profile-form:tokens:"));
  const issuer = /@(https?:\/\/.+)$/.exec(key)[1];
  const { accessToken } = JSON.parse(sessionStorage.getItem(key));
  window.__zpfFloorMe = fetch(`${issuer}/auth/v1/users/me`, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" },
  });
} catch (error) {
  window.__zpfFloorMe = Promise.reject(error);
}
const before = new URLSearchParams(location.search).has("widget-wasm")
  ? WebAssembly.compileStreaming(fetch(WIDGET_WASM))
  : Promise.resolve();
before.then(() => init());
