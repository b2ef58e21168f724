// The widget's JavaScript side: defines <zitadel-profile-form>, brings the form's
// styles along and fetches the catalogues. Rust cannot extend HTMLElement, so the
// element's class only forwards the lifecycle to the Rust hooks in src/element.rs.
//
// Everything this file imports sits beside it in wasm-bindgen's snippets/ folder (see
// src/bundle.rs), at paths a bundler can follow: the styles by a static import, the
// catalogues by a dynamic one, each its own chunk.

import css from "./styles.js";

export function defineElement(name, attributes, connected, disconnected, changed) {
  if (customElements.get(name)) {
    return;
  }
  customElements.define(
    name,
    class extends HTMLElement {
      static get observedAttributes() {
        return attributes;
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
        connected(this);
      }

      disconnectedCallback() {
        this._zpfDirty = false;
        disconnected(this);
      }

      attributeChangedCallback(_name, before, after) {
        // An element upgraded from the page's markup hears of each attribute before
        // connectedCallback, which renders with all of them: nothing to remount yet.
        // Several attributes set in a row remount once.
        if (!this._zpfRendered || !this.isConnected || before === after || this._zpfPending) {
          return;
        }
        this._zpfPending = true;
        queueMicrotask(() => {
          this._zpfPending = false;
          if (this.isConnected) {
            // The remounted form starts clean; it says so again if a draft comes back.
            this._zpfDirty = false;
            changed(this);
          }
        });
      }
    },
  );
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
    if (!("adoptedStyleSheets" in root) || hostStyled.has(root)) {
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
