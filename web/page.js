// The standalone page's entry (scripts/page-bundle bundles it with the glue): boot.js,
// and a choice of when the wasm is fetched.
//
// Someone signed in on a reload (a session in this tab's storage, src/session.rs) or
// back from the sign-in (`state` in the address) needs the form at once: the wasm is
// fetched now. Anyone else first sees the frame index.html draws, and the wasm is
// fetched once the browser has reported that paint (its largest contentful paint, the
// heading): the paint never waits on the download, and the form's own heading, which
// replaces the frame's, is not taken for a later one. Nothing can be done before it but
// read the frame; "Sign in" is the wasm's.
import init from "./zitadel-profile-form.js";

function needed() {
  try {
    return (
      document.visibilityState === "hidden" ||
      new URLSearchParams(location.search).has("state") ||
      Object.keys(sessionStorage).some((key) => key.startsWith("zitadel-profile-form:tokens:"))
    );
  } catch {
    return true; // no storage to read: as if signed in
  }
}

// After the first paint is reported, or after the frame where the browser reports no
// such paint; at the latest after FALLBACK_MS.
const FALLBACK_MS = 500;
function afterFirstPaint(then) {
  let observer = null;
  const go = () => {
    observer?.disconnect();
    observer = null;
    then?.();
    then = null;
  };
  if (PerformanceObserver.supportedEntryTypes?.includes("largest-contentful-paint")) {
    observer = new PerformanceObserver(go);
    observer.observe({ type: "largest-contentful-paint", buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(go));
  }
  setTimeout(go, FALLBACK_MS);
}

if (needed()) {
  init();
} else {
  afterFirstPaint(init);
}
