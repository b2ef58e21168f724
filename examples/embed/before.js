// The element before the wasm runs: importing the bundle defines it (js/widget.js
// does, as the module loads), and without init() the wasm never arrives.
import "../zitadel-profile-form.js";

const config = await (await fetch("../config.json")).json();
const form = document.createElement("zitadel-profile-form");
form.setAttribute("issuer", config.issuer);
form.setAttribute("client-id", config.clientId);
document.getElementById("profile-slot").append(form);
