// Starts the widget; a file, not an inline script, so a strict CSP holds. No top-level
// await, which bundlers targeting older browsers refuse.
import init from "./zitadel-profile-form.js";

init();
