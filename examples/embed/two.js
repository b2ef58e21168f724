// Two forms on one page, for two applications of the same instance (each its own
// session): each finishes only the sign-in it started, whichever comes back first.
// The issuer comes from config.json here; a real host would write it in the HTML.
import init from "../zitadel-profile-form.js";

await init();

const config = await (await fetch("../config.json")).json();
const apps = [
  ["first", config.clientId],
  // The stand-in's second demo app.
  ["second", "243862081218773236@profile-form-two"],
];
for (const [slot, clientId] of apps) {
  const form = document.createElement("zitadel-profile-form");
  form.setAttribute("issuer", config.issuer);
  form.setAttribute("client-id", clientId);
  form.dataset.testid = `form-${slot}`;
  document.getElementById(`slot-${slot}`).append(form);
}
