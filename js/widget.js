// The widget's JavaScript side: defines <zitadel-profile-form>, brings the form's
// styles along and fetches the catalogues. Rust cannot extend HTMLElement, so the
// element's class only forwards the lifecycle to the Rust hooks in src/element.rs.
//
// Everything this file imports sits beside it in wasm-bindgen's snippets/ folder (see
// src/bundle.rs), at paths a bundler can follow: the styles and the requests that go
// out before the wasm by static imports, the catalogues by a dynamic one, each its
// own chunk.

import { prefetchProfile } from "./early.js";
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

// Last, once every declaration above exists: defining the element upgrades those
// already in the page's markup, which draw their frame and ask for the profile now
// (early.js, imported first, is ready by then).
if (!customElements.get("zitadel-profile-form")) {
  customElements.define("zitadel-profile-form", ProfileFormElement);
}
