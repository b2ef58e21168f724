// Records Content-Security-Policy violations, so a test (or a person, in the console)
// can see that the page and the widget need nothing the policy forbids.
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
  console.error("CSP violation", event.violatedDirective, event.blockedURI);
});
