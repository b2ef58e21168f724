// Requests that go out before the wasm has arrived, each kept for it to take once
// (src/http.rs): the standalone page's config.json and, on a signed-in reload, the
// profile (asked for below for the page, and by js/widget.js for an element in the
// host's markup). A request is sent as the wasm would send it; the wasm takes a
// successful answer only for the same URL and the same access token (see takeEarly)
// as the answer to its own request; anything else it asks again itself, so a 401
// goes through its one refresh path.
// Nothing here is stored; SECURITY.md argues it ("The profile request that starts
// before the wasm").
const early = new Map();
// Kept this long at most for a wasm that is slow to arrive; each request given up
// after EARLY_TIMEOUT_MS (the wasm then asks itself).
const EARLY_KEPT_MS = 30_000;
const EARLY_TIMEOUT_MS = 10_000;
// The profile is fetched early only when the token has at least this much life left
// (src/authorized.rs refreshes a token closer to its end first).
const REFRESH_MARGIN_MS = 60_000;

function request(url, token) {
  const authorization = token ? `Bearer ${token}` : "";
  const headers = token ? { Authorization: authorization, Accept: "application/json" } : {};
  const entry = {
    authorization,
    // A success's body, read here as it arrives: the wasm then has the text at once
    // instead of waiting for the browser to read it (a task, and often a frame drawn
    // meanwhile).
    answer: fetch(url, { headers, signal: AbortSignal.timeout(EARLY_TIMEOUT_MS) })
      .then((r) => (r.ok ? r.text() : null))
      .catch(() => null),
  };
  early.set(url, entry);
  setTimeout(() => early.get(url) === entry && early.delete(url), EARLY_KEPT_MS);
}

// The answer to a GET the page sent to `url` with the Authorization header
// `authorization` ("" for none), as a promise of its text when it succeeded (2xx), or
// of null (it failed, or the server refused it: the wasm asks itself, so a 401 takes
// the one refresh path); undefined when no such request was sent. Each is taken once.
export function takeEarly(url, authorization) {
  const entry = early.get(url);
  early.delete(url);
  return entry?.authorization === authorization ? entry.answer : undefined;
}

// On a reload the session is known before the wasm runs: the tokens are in this tab's
// session storage, where the form keeps them for `clientId` at `issuer` (src/options.rs,
// src/session.rs). Tokens are only ever stored there after the form signed in to
// that issuer, so the token goes back to where it came from, in a header.
export function prefetchProfile(issuer, clientId) {
  if (!issuer || !clientId || new URLSearchParams(location.search).has("state")) {
    return;
  }
  issuer = issuer.trim().replace(/\/+$/, "");
  try {
    const tokens = JSON.parse(sessionStorage.getItem(`zitadel-profile-form:tokens:${clientId.trim()}@${issuer}`));
    if (tokens?.expiresAtMs > Date.now() + REFRESH_MARGIN_MS) {
      request(`${issuer}/auth/v1/users/me`, tokens.accessToken);
    }
  } catch {
    // No storage, or nothing readable in it: the form signs in as usual.
  }
}

// The standalone page (its form mounts into #zitadel-profile-form, src/main.rs): its
// config.json beside the page, with a preconnect to the issuer it names; and, at
// once, the profile of the session this tab holds, if it holds one (its key names
// the client and the issuer, see prefetchProfile).
if (document.getElementById("zitadel-profile-form")) {
  const page = location.href.split(/[?#]/)[0];
  const config = page.slice(0, page.lastIndexOf("/") + 1) + "config.json";
  request(config, "");
  early.get(config).answer.then((answer) => {
    const options = JSON.parse(answer);
    const link = document.createElement("link");
    link.rel = "preconnect";
    link.href = new URL(options.issuer).origin;
    link.crossOrigin = "";
    document.head.append(link);
  }).catch(() => {
    // The wasm says what is wrong with it.
  });
  try {
    const prefix = "zitadel-profile-form:tokens:";
    const held = Object.keys(sessionStorage).filter((key) => key.startsWith(prefix));
    // One session of a client at an issuer whose API is its own: "clientId@issuer".
    const session = held.length === 1 && /^(.+?)@(https?:\/\/[^>]+)$/.exec(held[0].slice(prefix.length));
    if (session && new URL(session[2]).href.replace(/\/$/, "") === session[2]) {
      prefetchProfile(session[2], session[1]);
    }
  } catch {
    // No storage: nothing held.
  }
}
