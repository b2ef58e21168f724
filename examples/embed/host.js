// How a host page embeds the form: load the bundle, then use the element. The issuer
// and client id come from config.json here; a real host would write them in the HTML.
import init from "../zitadel-profile-form.js";

await init();

const config = await (await fetch("../config.json")).json();
const form = document.createElement("zitadel-profile-form");
form.setAttribute("issuer", config.issuer);
form.setAttribute("client-id", config.clientId);

// The event log survives the sign-in and sign-out round trips through sessionStorage,
// by name only: the details carry the person's profile, which a host keeps no longer
// than the page shows it (and forgets at sign-out).
const log = document.getElementById("events");
let seen = JSON.parse(sessionStorage.getItem("host-events") || "[]");
const show = (text) => {
  const item = document.createElement("li");
  item.textContent = text;
  log.append(item);
};
seen.forEach(show);
for (const name of ["profile-loaded", "profile-saved", "profile-error", "signed-out"]) {
  form.addEventListener(name, (event) => {
    seen = name === "signed-out" ? [name] : [...seen, name].slice(-20);
    sessionStorage.setItem("host-events", JSON.stringify(seen));
    show(`${name} ${JSON.stringify(event.detail)}`);
  });
}

document.getElementById("profile-slot").append(form);
