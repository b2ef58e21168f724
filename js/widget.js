// The widget's JavaScript side: defines <zitadel-profile-form>, brings the form's
// styles along and fetches the catalogues. Rust cannot extend HTMLElement, so the
// element's class only forwards the lifecycle to the Rust hooks in src/element.rs.
//
// Everything this file imports sits beside it in wasm-bindgen's snippets/ folder (see
// src/bundle.rs), at paths a bundler can follow: the styles by a static import, the
// catalogues by a dynamic one, each its own chunk.

import css from "./styles.js";

// The element's attributes, the options in kebab-case (src/element.rs reads them).
const ATTRIBUTES = [
  "issuer",
  "client-id",
  "redirect-uri",
  "scope",
  "api-base-url",
  "post-logout-redirect-uri",
  "locale",
  "timeout-ms",
  "stylesheet",
];

// The Rust side of the element, once the wasm runs: connected, disconnected, changed.
let hooks = null;
const waiting = new Set();

// <zitadel-profile-form> is defined as soon as this module runs, before the wasm has
// arrived: meanwhile an element shows the form's frame (see `frame`) and starts
// the profile request the form will need. Its lifecycle goes to the Rust hooks.
class ProfileFormElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  constructor() {
    super();
    this._zpfDirty = false;
    this.addEventListener("profile-dirty-change", (event) => {
      this._zpfDirty = event.detail.dirty === true;
    });
  }

  /** Whether the form holds edits that are not saved. */
  get dirty() {
    return this._zpfDirty;
  }

  connectedCallback() {
    this._zpfRendered = true;
    if (hooks) {
      hooks.connected(this);
      return;
    }
    waiting.add(this);
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: "open" });
      root.append(frame(root.ownerDocument));
      adoptStyles(root.firstChild);
      if (!this.hasAttribute("api-base-url")) {
        prefetchProfile(this.getAttribute("issuer"), this.getAttribute("client-id"));
      }
    }
  }

  disconnectedCallback() {
    this._zpfDirty = false;
    waiting.delete(this);
    hooks?.disconnected(this);
  }

  attributeChangedCallback(_name, before, after) {
    // An element upgraded from the page's markup hears of each attribute before
    // connectedCallback, which renders with all of them: nothing to remount yet.
    // Several attributes set in a row remount once.
    if (!hooks || !this._zpfRendered || !this.isConnected || before === after || this._zpfPending) {
      return;
    }
    this._zpfPending = true;
    queueMicrotask(() => {
      this._zpfPending = false;
      if (this.isConnected) {
        // The remounted form starts clean; it says so again if a draft comes back.
        this._zpfDirty = false;
        hooks.changed(this);
      }
    });
  }
}

// The wasm's side of the element: every element on the page renders the form now.
export function elementHooks(connected, disconnected, changed) {
  hooks ??= { connected, disconnected, changed };
  for (const element of waiting) {
    hooks.connected(element);
  }
  waiting.clear();
}

// The form's frame while it loads, as the form draws it (src/components) at the same
// size: the header with a blank line for the title (the form knows the language
// later) and one placeholder per field, announced as busy. Built from elements, not
// markup, so Trusted Types have nothing to check.
export function frame(document) {
  const element = (tag, className, ...children) => {
    const node = document.createElement(tag);
    node.className = className;
    node.append(...children);
    return node;
  };
  const hidden = (node) => {
    node.setAttribute("aria-hidden", "true");
    return node;
  };
  const fields = Array.from({ length: 6 }, () =>
    hidden(element("div", "zpf-skeleton-field", element("div", "zpf-skeleton-label"), element("div", "zpf-skeleton-input"))),
  );
  const header = element(
    "header",
    "zpf-header",
    element("div", "zpf-heading", hidden(element("div", "zpf-title", "\u00a0")), element("div", "zpf-identity", element("div", "", element("p", "zpf-account")))),
  );
  const section = element("section", "zpf", header, element("div", "zpf-skeleton", ...fields));
  section.setAttribute("aria-busy", "true");
  return element("div", "zpf-host", section);
}

// The form's stylesheet, one constructed sheet shared by every document and shadow
// root a form renders in. Constructed stylesheets are not inline styles: a strict CSP
// allows them.
let sheet = null;
// Shadow roots whose host brings a stylesheet of its own (the element's `stylesheet`).
const hostStyled = new WeakSet();

// Adopts the form's stylesheet into the document or shadow root that `node` (a form
// being rendered) is in, once it is in one: after the current rendering, before the
// next frame. Sheets the root adopted before stay first.
export function adoptStyles(node) {
  queueMicrotask(() => {
    const root = node.getRootNode();
    // A page that links the form's stylesheet itself (index.html does, for the frame
    // it draws before the wasm) has the rules once already.
    if (!("adoptedStyleSheets" in root) || hostStyled.has(root) || root.querySelector("link[data-zitadel-profile-form]")) {
      return;
    }
    if (sheet === null) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  });
}

// Styles the shadow root `root` with the host's stylesheet at `href` instead of the
// form's, or (no `href`) with the form's again.
export function hostStylesheet(root, href) {
  if (href == null) {
    hostStyled.delete(root);
    return;
  }
  hostStyled.add(root);
  root.adoptedStyleSheets = [];
  const link = root.ownerDocument.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  root.append(link);
}

// The catalogues, one module each, imported the first time a form speaks their
// language. One literal import per language: a bundler splits each into a chunk of its
// own (a path built from a variable is not followed inside a dependency).
const catalogues = {
  ar: () => import("../src/i18n/catalogues/ar.js"),
  bg: () => import("../src/i18n/catalogues/bg.js"),
  cs: () => import("../src/i18n/catalogues/cs.js"),
  de: () => import("../src/i18n/catalogues/de.js"),
  es: () => import("../src/i18n/catalogues/es.js"),
  fr: () => import("../src/i18n/catalogues/fr.js"),
  hu: () => import("../src/i18n/catalogues/hu.js"),
  id: () => import("../src/i18n/catalogues/id.js"),
  it: () => import("../src/i18n/catalogues/it.js"),
  ja: () => import("../src/i18n/catalogues/ja.js"),
  ko: () => import("../src/i18n/catalogues/ko.js"),
  mk: () => import("../src/i18n/catalogues/mk.js"),
  nl: () => import("../src/i18n/catalogues/nl.js"),
  pl: () => import("../src/i18n/catalogues/pl.js"),
  pt: () => import("../src/i18n/catalogues/pt.js"),
  ro: () => import("../src/i18n/catalogues/ro.js"),
  ru: () => import("../src/i18n/catalogues/ru.js"),
  sv: () => import("../src/i18n/catalogues/sv.js"),
  tr: () => import("../src/i18n/catalogues/tr.js"),
  uk: () => import("../src/i18n/catalogues/uk.js"),
  zh: () => import("../src/i18n/catalogues/zh.js"),
};

// The texts of one of ZITADEL's languages (`code` is always one of them), as JSON text
// for the wasm to read.
export function loadCatalogue(code) {
  return catalogues[code]().then((module) => JSON.stringify(module.default));
}

// Requests started before the wasm runs, each kept for the wasm to take once: the
// standalone page's config.json and, on a signed-in reload, the profile. A request
// is sent as the wasm would send it; the wasm takes the answer only for the same URL
// and the same access token (see takeEarly), and treats it as the answer to its own
// request, so a 401 goes through its one refresh path. Nothing here is stored.
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
    answer: fetch(url, { headers, signal: AbortSignal.timeout(EARLY_TIMEOUT_MS) }).catch(() => null),
  };
  early.set(url, entry);
  setTimeout(() => early.get(url) === entry && early.delete(url), EARLY_KEPT_MS);
}

// The answer to a GET the page sent to `url` with the Authorization header
// `authorization` ("" for none), as a promise of its Response or of null (it failed:
// ask again); undefined when no such request was sent. Each is taken once.
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
  // Read from a copy: the wasm reads the answer itself.
  early.get(config).answer.then((answer) => answer?.clone().json()).then((options) => {
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

// Last, once every declaration above exists: defining the element upgrades those
// already in the page's markup, which draw their frame and ask for the profile now.
if (!customElements.get("zitadel-profile-form")) {
  customElements.define("zitadel-profile-form", ProfileFormElement);
}
