//! Which language a form speaks: a pure choice among the languages with a catalogue.

use crate::languages::ZITADEL_LANGUAGES;

/// The built-in language.
pub const ENGLISH: &str = "en";

/// ZITADEL's code for `tag`'s language (`de-CH` → `de`, `zh-Hant-TW` → `zh`,
/// `pt_BR` → `pt`), if the form has a catalogue for it.
pub fn supported(tag: &str) -> Option<&'static str> {
    let primary = tag.trim().split(['-', '_']).next()?;
    ZITADEL_LANGUAGES
        .into_iter()
        .find(|code| code.eq_ignore_ascii_case(primary))
}

/// The form's language: the `locale` option first; else the person's stored
/// preferred language (once the profile is loaded); else the browser's languages in
/// their order; else English. A tag without a catalogue passes to the next.
pub fn pick(option: Option<&str>, stored: Option<&str>, browser: &[String]) -> &'static str {
    option
        .into_iter()
        .chain(stored)
        .chain(browser.iter().map(String::as_str))
        .find_map(supported)
        .unwrap_or(ENGLISH)
}

/// The writing direction of a language.
pub fn direction(code: &str) -> &'static str {
    if code == "ar" {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn browser(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn the_option_wins_then_the_stored_language_then_the_browser() {
        let nav = browser(&["fr-CA", "en"]);
        assert_eq!(pick(Some("de-CH"), Some("ja"), &nav), "de");
        assert_eq!(pick(None, Some("ja"), &nav), "ja");
        assert_eq!(pick(None, None, &nav), "fr");
        assert_eq!(pick(None, None, &[]), "en");
    }

    #[test]
    fn tags_without_a_catalogue_pass_to_the_next() {
        let nav = browser(&["eo", "gsw-CH", "UK-ua"]);
        assert_eq!(pick(Some("xx"), Some("und"), &nav), "uk");
        assert_eq!(pick(Some(""), Some("und-CH"), &browser(&["eo"])), "en");
    }

    #[test]
    fn regions_scripts_and_underscores_are_read_by_their_language() {
        assert_eq!(supported("zh-Hant-TW"), Some("zh"));
        assert_eq!(supported("pt_BR"), Some("pt"));
        assert_eq!(supported(" ar-EG "), Some("ar"));
        assert_eq!(supported("english"), None);
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("de"), "ltr");
    }
}
