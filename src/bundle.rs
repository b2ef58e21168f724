//! What the wasm brings along in JavaScript: `js/widget.js` (the custom element's
//! class, the form's stylesheet, the catalogue loader), `js/early.js` (the requests
//! that go out before the wasm has arrived) and the modules they import.
//!
//! wasm-bindgen writes every module an `extern` block names into `snippets/`, beside
//! `widget.js`, whether or not the wasm calls into it, and imports only those it
//! calls. So `js/styles.js` and the language catalogues are named here, never called:
//! they travel with the bundle into every build that runs wasm-bindgen (this
//! repository's, a Leptos app's trunk build, a bundler reading the npm package), and
//! `widget.js` imports them by relative paths a bundler can follow.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/widget.js")]
extern "C" {
    /// Hands `<zitadel-profile-form>`'s lifecycle to the wasm (`widget.js` defines the
    /// element before the wasm runs); elements already on the page render now.
    #[wasm_bindgen(js_name = elementHooks)]
    pub(crate) fn element_hooks(connected: &JsValue, disconnected: &JsValue, changed: &JsValue);

    /// The frame an element shows before the wasm runs: the form's loading view, drawn
    /// by `widget.js`. The form never builds it (it draws its own); tests measure one
    /// against the other.
    pub fn frame(document: &web_sys::Document) -> web_sys::Element;

    /// Adopts the form's stylesheet into the document or shadow root `node` is in
    /// once it is on the page, unless the host styles that root itself.
    #[wasm_bindgen(js_name = adoptStyles)]
    pub(crate) fn adopt_styles(node: &web_sys::Element);

    /// Styles the shadow root `root` with the host's stylesheet at `href` instead of
    /// the form's, or with the form's again (`None`).
    #[wasm_bindgen(js_name = hostStylesheet)]
    pub(crate) fn host_stylesheet(root: &web_sys::ShadowRoot, href: Option<String>);

    /// A promise of the JSON text of `code`'s catalogue.
    #[wasm_bindgen(js_name = loadCatalogue)]
    pub(crate) fn load_catalogue(code: &str) -> js_sys::Promise;
}

#[wasm_bindgen(module = "/js/early.js")]
extern "C" {
    /// The answer to a GET the page sent to `url` with the `Authorization` header
    /// `authorization` ("" for none) before the wasm ran: undefined when there is
    /// none, else a promise of its body (a success's, read to the end), or of null
    /// when it failed or was refused.
    #[wasm_bindgen(js_name = takeEarly)]
    pub(crate) fn take_early(url: &str, authorization: &str) -> JsValue;

    /// What the page does before the wasm runs, when it knows `client_id` at `issuer`:
    /// asks for the profile if this tab holds a session there whose access token
    /// lives more than a minute. The form never calls it (it asks itself); tests do.
    #[wasm_bindgen(js_name = prefetchProfile)]
    pub fn prefetch_profile(issuer: &str, client_id: &str);
}

/// Declares modules that `widget.js` imports, so that wasm-bindgen writes them beside
/// it; the function named for each is never called. Each catalogue comes with its
/// language's feature (all by default, see Cargo.toml).
macro_rules! carried {
    ($($feature:literal: $path:literal => $marker:ident),* $(,)?) => {
        $(
            #[cfg(feature = $feature)]
            #[wasm_bindgen(module = $path)]
            extern "C" {
                #[allow(dead_code)]
                fn $marker();
            }
        )*
        /// The catalogues carried beside `widget.js`, by their path in this crate.
        #[cfg(test)]
        #[allow(clippy::vec_init_then_push)] // each push has its feature
        fn carried_catalogues() -> Vec<&'static str> {
            let mut carried = Vec::new();
            $(
                #[cfg(feature = $feature)]
                carried.push($path);
            )*
            carried
        }
    };
}

#[wasm_bindgen(module = "/js/styles.js")]
extern "C" {
    #[allow(dead_code)]
    fn carried_styles();
}

carried! {
    "lang-ar": "/src/i18n/catalogues/ar.js" => carried_ar,
    "lang-bg": "/src/i18n/catalogues/bg.js" => carried_bg,
    "lang-cs": "/src/i18n/catalogues/cs.js" => carried_cs,
    "lang-de": "/src/i18n/catalogues/de.js" => carried_de,
    "lang-es": "/src/i18n/catalogues/es.js" => carried_es,
    "lang-fr": "/src/i18n/catalogues/fr.js" => carried_fr,
    "lang-hu": "/src/i18n/catalogues/hu.js" => carried_hu,
    "lang-id": "/src/i18n/catalogues/id.js" => carried_id,
    "lang-it": "/src/i18n/catalogues/it.js" => carried_it,
    "lang-ja": "/src/i18n/catalogues/ja.js" => carried_ja,
    "lang-ko": "/src/i18n/catalogues/ko.js" => carried_ko,
    "lang-mk": "/src/i18n/catalogues/mk.js" => carried_mk,
    "lang-nl": "/src/i18n/catalogues/nl.js" => carried_nl,
    "lang-pl": "/src/i18n/catalogues/pl.js" => carried_pl,
    "lang-pt": "/src/i18n/catalogues/pt.js" => carried_pt,
    "lang-ro": "/src/i18n/catalogues/ro.js" => carried_ro,
    "lang-ru": "/src/i18n/catalogues/ru.js" => carried_ru,
    "lang-sv": "/src/i18n/catalogues/sv.js" => carried_sv,
    "lang-tr": "/src/i18n/catalogues/tr.js" => carried_tr,
    "lang-uk": "/src/i18n/catalogues/uk.js" => carried_uk,
    "lang-zh": "/src/i18n/catalogues/zh.js" => carried_zh,
}

#[cfg(test)]
mod tests {
    use super::carried_catalogues;
    use crate::i18n::locale::ENGLISH;
    use crate::languages::ZITADEL_LANGUAGES;

    /// By default every catalogue travels with the bundle, and every carried file
    /// exists.
    #[test]
    fn every_catalogue_is_carried() {
        let carried = carried_catalogues();
        for code in ZITADEL_LANGUAGES.into_iter().filter(|c| *c != ENGLISH) {
            let path = format!("/src/i18n/catalogues/{code}.js");
            assert!(carried.contains(&path.as_str()), "{path} is not carried");
        }
        for path in carried.iter().chain(&["/js/styles.js"]) {
            let file = format!("{}{path}", env!("CARGO_MANIFEST_DIR"));
            assert!(std::path::Path::new(&file).is_file(), "{file}");
        }
        let on_disk =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/catalogues"))
                .unwrap()
                .count();
        assert_eq!(
            on_disk,
            carried.len(),
            "a catalogue file that is not carried"
        );
    }

    /// `widget.js` imports each catalogue by a literal path, which bundlers follow.
    #[test]
    fn the_widget_imports_every_catalogue_by_name() {
        let widget = include_str!("../js/widget.js");
        for code in ZITADEL_LANGUAGES.into_iter().filter(|c| *c != ENGLISH) {
            let import = format!("{code}: () => import(\"../src/i18n/catalogues/{code}.js\"),");
            assert!(widget.contains(&import), "widget.js lacks {import}");
        }
        assert_eq!(
            widget.matches("import(\"").count(),
            ZITADEL_LANGUAGES.len() - 1
        );
    }
}
