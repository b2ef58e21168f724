// The mistakes an operator makes in ZITADEL's console, one form each: every form is
// registered with the local stand-in as an app set up with that one mistake, and
// shows what a person (and the operator, in the console) then sees. Each form
// finishes only the sign-in it started, so they share the page.
import init from "../zitadel-profile-form.js";

await init();

const config = await (await fetch("../config.json")).json();
// The stand-in's demo apps for these mistakes (zitadel-dev's config::misconfigured).
const mistakes = [
  ["web-app", "312345678901234568", "A Web application (a framework preset), which wants a client secret"],
  ["no-refresh-grant", "312345678901234567", "The Refresh Token grant not ticked: try a save after 12 hours"],
  ["wildcard-port", "312345678901234571", "A Development Mode redirect URI with a wildcard port"],
  ["authorized-only", "312345678901234569", "Only authorized users can authenticate (only hedy has a grant)"],
  ["no-dev-mode", "312345678901234570", "Development Mode off, on this http:// page"],
];
const list = document.getElementById("mistakes");
for (const [slug, clientId, what] of mistakes) {
  const item = document.createElement("section");
  item.className = "slot";
  const title = document.createElement("h2");
  title.textContent = what;
  const form = document.createElement("zitadel-profile-form");
  form.setAttribute("issuer", config.issuer);
  form.setAttribute("client-id", clientId);
  form.dataset.testid = `form-${slug}`;
  item.append(title, form);
  list.append(item);
}
