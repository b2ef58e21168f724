// Defines <zitadel-profile-form>. Rust cannot extend HTMLElement, so this class only
// forwards the lifecycle to the Rust hooks; everything else happens in src/element.rs.

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

// The stylesheet next to the bundle: this file is served from snippets/<crate>/js/.
export function defaultStylesheet() {
  return new URL("../../../profile-form.css", import.meta.url).href;
}

// A file beside the bundle, e.g. a language's catalogue.
export function bundleUrl(path) {
  return new URL("../../../" + path, import.meta.url).href;
}
