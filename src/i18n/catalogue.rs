//! The catalogues of other languages: JavaScript modules whose default export is a
//! JSON object of the same keys as the built-in English (`export default {"Title":
//! "Ihr Profil", …};`; a text with plural forms is an object keyed by CLDR category,
//! `{"one": …, "other": …}`). They travel beside the bundle (see [`crate::bundle`]); a
//! page imports each at most once and keeps it for every form on the page.

use std::cell::RefCell;
use std::rc::Rc;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::locale::ENGLISH;
use super::Key;

/// One language's texts, by key; a key it lacks is shown in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    entries: Vec<Option<Entry>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Plain(String),
    /// `(CLDR plural category, template)`.
    Plural(Vec<(String, String)>),
}

impl Catalogue {
    /// Reads a catalogue file. Keys it does not know are skipped whatever they hold;
    /// a known key holding neither a text nor plural forms refuses the whole file.
    pub fn parse(json: &str) -> Result<Self, crate::json::Error> {
        crate::json::from_str(json)
    }

    /// The template of `key` for a count in plural `category` (the `other` form when
    /// the language has no such form, or the key none at all).
    pub fn template(&self, key: Key, category: &str) -> Option<&str> {
        match self.entries.get(key as usize)?.as_ref()? {
            Entry::Plain(text) => Some(text),
            Entry::Plural(forms) => forms
                .iter()
                .find(|(c, _)| c == category)
                .or_else(|| forms.iter().find(|(c, _)| c == "other"))
                .map(|(_, text)| text.as_str()),
        }
    }

    /// The keys this catalogue has a text for.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        Key::ALL
            .iter()
            .zip(&self.entries)
            .filter(|(_, entry)| entry.is_some())
            .map(|(key, _)| *key)
    }
}

/// Read straight from the JSON, without building a tree of values first: the
/// visitor keeps what it knows and skips the rest, which keeps the bundle small.
impl<'de> Deserialize<'de> for Catalogue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(CatalogueVisitor)
    }
}

struct CatalogueVisitor;

impl<'de> Visitor<'de> for CatalogueVisitor {
    type Value = Catalogue;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object of texts by key")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Catalogue, A::Error> {
        let mut entries: Vec<Option<Entry>> = vec![None; Key::ALL.len()];
        while let Some(name) = map.next_key::<String>()? {
            match Key::ALL.iter().find(|k| k.name() == name) {
                Some(key) => entries[*key as usize] = Some(map.next_value::<Entry>()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Catalogue { entries })
    }
}

/// A text, or its plural forms.
impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a text or its plural forms")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Entry, E> {
        Ok(Entry::Plain(text.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
        let mut forms = Vec::new();
        while let Some((category, text)) = map.next_entry::<String, String>()? {
            forms.push((category, text));
        }
        Ok(Entry::Plural(forms))
    }
}

thread_local! {
    static LOADED: RefCell<Vec<(&'static str, Rc<Catalogue>)>> = const { RefCell::new(Vec::new()) };
}

/// Makes `catalogue` the page's texts for `code`.
pub fn install(code: &'static str, catalogue: Catalogue) {
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        loaded.retain(|(c, _)| *c != code);
        loaded.push((code, Rc::new(catalogue)));
    });
}

/// Whether this page holds the texts for `code`.
pub fn is_loaded(code: &str) -> bool {
    code == ENGLISH || LOADED.with(|loaded| loaded.borrow().iter().any(|(c, _)| *c == code))
}

/// The template of `key` in `language`, English where that catalogue is not here or
/// lacks the key.
pub fn template(language: &str, key: Key, category: &str) -> String {
    let found = LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let catalogue = loaded.iter().find(|(c, _)| *c == language)?;
        catalogue.1.template(key, category).map(str::to_owned)
    });
    found.unwrap_or_else(|| {
        key.english_plural(category)
            .unwrap_or_else(|| key.english())
            .to_owned()
    })
}

/// The CLDR plural category of `n` in `language`, from the browser's
/// `Intl.PluralRules`, so no plural rules ship in the bundle.
#[cfg(target_arch = "wasm32")]
pub fn plural_category(language: &str, n: u64) -> String {
    let locales = js_sys::Array::of1(&language.into());
    let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
    rules.select(n as f64).into()
}

/// English's rule, for host tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn plural_category(_language: &str, n: u64) -> String {
    if n == 1 { "one" } else { "other" }.to_owned()
}

/// The JSON object a catalogue module exports: the module's text without
/// `export default ` and the closing `;`.
pub fn module_json(module: &str) -> Option<&str> {
    module
        .trim()
        .strip_prefix("export default ")?
        .strip_suffix(';')
}

/// Imports the catalogue for `code` unless the page has it already; `false` when it
/// could not be imported or read, and the form stays in English.
pub async fn load(code: &'static str) -> bool {
    if is_loaded(code) {
        return true;
    }
    let imported = wasm_bindgen_futures::JsFuture::from(crate::bundle::load_catalogue(code)).await;
    let Some(text) = imported.ok().and_then(|text| text.as_string()) else {
        return false;
    };
    match Catalogue::parse(&text) {
        Ok(catalogue) => {
            install(code, catalogue);
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::languages::ZITADEL_LANGUAGES;

    fn file(code: &str) -> String {
        let path = format!(
            "{}/src/i18n/catalogues/{code}.js",
            env!("CARGO_MANIFEST_DIR")
        );
        let module = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        module_json(&module)
            .unwrap_or_else(|| panic!("{path}: not `export default {{…}};`"))
            .to_owned()
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    /// Every language ZITADEL ships has a catalogue with exactly the built-in keys, the
    /// same placeholders, and no English left in it.
    #[test]
    fn every_catalogue_is_complete_and_translated() {
        for code in ZITADEL_LANGUAGES.into_iter().filter(|c| *c != ENGLISH) {
            let text = file(code);
            let raw: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&text).unwrap();
            let mut names: Vec<&str> = raw.keys().map(String::as_str).collect();
            let mut expected: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
            expected.sort_unstable();
            if !cfg!(feature = "picture") {
                // The picture's texts are in every catalogue; without the feature the
                // form has no keys for them.
                let picture = [
                    "ChangePicture",
                    "RemovePicture",
                    "PictureCropHint",
                    "Zoom",
                    "UploadPicture",
                    "Cancel",
                    "UploadingPicture",
                    "RemovePictureAsk",
                    "KeepPicture",
                    "PictureChanged",
                    "PictureRemoved",
                    "PictureNotAnImage",
                    "PictureUnreadable",
                    "PictureTooBig",
                    "PictureRefused",
                ];
                names.retain(|n| !picture.contains(n));
            }
            assert_eq!(names, expected, "{code}: keys missing or extra");
            let catalogue = Catalogue::parse(&text).unwrap();
            assert_eq!(catalogue.keys().count(), Key::ALL.len(), "{code}");
            for &key in Key::ALL {
                let english = key.english();
                for category in ["zero", "one", "two", "few", "many", "other"] {
                    let translated = catalogue.template(key, category).unwrap();
                    assert_eq!(
                        placeholders(translated),
                        placeholders(english),
                        "{code} {key:?} {category}: {translated}"
                    );
                    assert_ne!(translated, english, "{code} {key:?}: still English");
                }
            }
            for key in [Key::TooLong, Key::CharactersLeft] {
                let plural = raw[key.name()].as_object();
                assert!(
                    plural.is_some_and(|forms| forms.contains_key("other")),
                    "{code}: {key:?} needs its plural forms"
                );
            }
        }
    }

    #[test]
    fn a_catalogue_falls_back_to_english_where_it_lacks_a_key() {
        assert!(Catalogue::parse(r#"{"Save": "Speichern", "Reset": 3}"#).is_err());
        let catalogue =
            Catalogue::parse(r#"{"Save": "Speichern", "Nope": {"x": [1, null]}}"#).unwrap();
        assert_eq!(catalogue.template(Key::Save, ""), Some("Speichern"));
        assert_eq!(catalogue.template(Key::Reset, ""), None);
        assert_eq!(catalogue.keys().collect::<Vec<_>>(), [Key::Save]);
        install("xx", catalogue);
        assert_eq!(template("xx", Key::Save, ""), "Speichern");
        assert_eq!(template("xx", Key::Reset, ""), "Reset");
        assert_eq!(template("yy", Key::Save, ""), "Save");
        assert!(is_loaded("xx") && is_loaded(ENGLISH) && !is_loaded("yy"));
        assert!(Catalogue::parse("[1]").is_err());
    }

    #[test]
    fn plural_forms_are_chosen_by_category_with_other_as_fallback() {
        let catalogue = Catalogue::parse(
            r#"{"TooLong": {"one": "{max}/{over} Zeichen", "other": "{max}/{over} Zeichen!"}}"#,
        )
        .unwrap();
        assert_eq!(
            catalogue.template(Key::TooLong, "one"),
            Some("{max}/{over} Zeichen")
        );
        assert_eq!(
            catalogue.template(Key::TooLong, "few"),
            Some("{max}/{over} Zeichen!")
        );
    }

    #[test]
    fn nested_messages_speak_the_language_of_the_one_they_sit_in() {
        let catalogue = Catalogue::parse(
            r#"{"SignInUnreachable": "Nicht erreichbar: {problem}", "Timeout": "Zu langsam."}"#,
        )
        .unwrap();
        install("de", catalogue);
        let message =
            crate::i18n::Message::new(Key::SignInUnreachable).with("problem", Key::Timeout);
        assert_eq!(message.render("de"), "Nicht erreichbar: Zu langsam.");
        assert_eq!(
            message.to_string(),
            "The sign-in service could not be reached: The server did not answer in time. Try again."
        );
    }
}
