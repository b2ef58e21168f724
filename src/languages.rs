//! The language picker's choices: the instance's languages shown by their own names.

use crate::i18n::Key;

/// ZITADEL's languages, for instances whose discovery lists none.
pub const ZITADEL_LANGUAGES: [&str; 20] = [
    "bg", "cs", "de", "en", "es", "fr", "hu", "id", "it", "ja", "ko", "mk", "nl", "pl", "pt", "ro",
    "ru", "sv", "tr", "zh",
];

/// A language's name in that language.
pub fn native_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "bg" => "Български",
        "cs" => "Čeština",
        "de" => "Deutsch",
        "en" => "English",
        "es" => "Español",
        "fr" => "Français",
        "hu" => "Magyar",
        "id" => "Bahasa Indonesia",
        "it" => "Italiano",
        "ja" => "日本語",
        "ko" => "한국어",
        "mk" => "Македонски",
        "nl" => "Nederlands",
        "pl" => "Polski",
        "pt" => "Português",
        "ro" => "Română",
        "ru" => "Русский",
        "sv" => "Svenska",
        "tr" => "Türkçe",
        "zh" => "中文",
        _ => return None,
    })
}

/// A label for any tag: the native name, with the full tag when it has a region or more.
pub fn label(tag: &str) -> String {
    let base = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    match native_name(&base) {
        Some(name) if base == tag => name.to_owned(),
        Some(name) => format!("{name} ({tag})"),
        None => tag.to_owned(),
    }
}

/// The picker's options as `(value, label)`: "not set" first, then the values to keep
/// (the stored and the current language) that the instance does not list, then the
/// instance's languages, so that opening the form never changes a stored language.
pub fn options(supported: &[String], keep: &[&str]) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), Key::LanguageNotSet.text().to_owned())];
    for tag in keep.iter().map(|t| t.trim()) {
        let listed = supported.iter().any(|s| s == tag) || out.iter().any(|(v, _)| v == tag);
        if !tag.is_empty() && !listed {
            out.push((tag.to_owned(), label(tag)));
        }
    }
    out.extend(supported.iter().map(|code| (code.clone(), label(code))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn supported() -> Vec<String> {
        ["de", "en"].map(String::from).to_vec()
    }

    #[test]
    fn not_set_comes_first_then_the_instance_languages() {
        let options = options(&supported(), &["en", "en"]);
        assert_eq!(
            options,
            [
                (String::new(), "Not set".to_owned()),
                ("de".into(), "Deutsch".into()),
                ("en".into(), "English".into())
            ]
        );
    }

    #[test]
    fn a_current_value_outside_the_list_is_kept() {
        let options = options(&supported(), &["de-CH", "de-CH"]);
        assert_eq!(options[1], ("de-CH".into(), "Deutsch (de-CH)".into()));
        assert_eq!(options.len(), 4);
        let unknown = super::options(&supported(), &["gsw", "en"]);
        assert_eq!(unknown[1], ("gsw".into(), "gsw".into()));
        assert_eq!(unknown.len(), 4);
    }

    #[test]
    fn every_zitadel_language_has_a_native_name() {
        assert!(ZITADEL_LANGUAGES.iter().all(|c| native_name(c).is_some()));
    }
}
