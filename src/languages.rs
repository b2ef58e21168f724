//! The language picker's choices: the instance's languages shown by their own names.

/// ZITADEL's languages, for instances whose discovery lists none.
pub const ZITADEL_LANGUAGES: [&str; 22] = [
    "ar", "bg", "cs", "de", "en", "es", "fr", "hu", "id", "it", "ja", "ko", "mk", "nl", "pl", "pt",
    "ro", "ru", "sv", "tr", "uk", "zh",
];

/// A language's name in that language.
pub fn native_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "ar" => "العربية",
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
        "uk" => "Українська",
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

/// Whether a tag names no language: `und` alone, or with a region or script kept
/// (`und-CH`), as ZITADEL stores a tag whose language it could not read.
pub fn is_undetermined(tag: &str) -> bool {
    tag.split('-')
        .next()
        .is_some_and(|base| base.eq_ignore_ascii_case("und"))
}

/// The picker's options as `(value, label)`: "not set" first, then the values to keep
/// (the stored and the current language) that the instance does not list, then the
/// instance's languages, so that opening the form never changes a stored language.
/// A kept `und-*` value is the "not set" choice itself, so it reads as not set and
/// is sent back unchanged unless the person picks a language.
pub fn options(supported: &[String], keep: &[&str], not_set_label: &str) -> Vec<(String, String)> {
    let not_set = keep
        .iter()
        .map(|t| t.trim())
        .find(|t| is_undetermined(t))
        .unwrap_or_default();
    let mut out = vec![(not_set.to_owned(), not_set_label.to_owned())];
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
        let options = options(&supported(), &["en", "en"], "Not set");
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
        let options = options(&supported(), &["de-CH", "de-CH"], "Not set");
        assert_eq!(options[1], ("de-CH".into(), "Deutsch (de-CH)".into()));
        assert_eq!(options.len(), 4);
        let unknown = super::options(&supported(), &["gsw", "en"], "Not set");
        assert_eq!(unknown[1], ("gsw".into(), "gsw".into()));
        assert_eq!(unknown.len(), 4);
    }

    #[test]
    fn every_zitadel_language_has_a_native_name() {
        assert!(ZITADEL_LANGUAGES.iter().all(|c| native_name(c).is_some()));
        assert_eq!(label("ar"), "العربية");
        assert_eq!(label("uk"), "Українська");
    }

    /// ZITADEL keeps what `language.Parse` could read: `xx-CH` is stored as `und-CH`.
    /// The picker shows it as "not set", and choosing nothing else sends it back.
    #[test]
    fn a_stored_und_with_a_region_reads_as_not_set_and_is_kept() {
        for stored in ["und-CH", "und-Latn", "UND-419", "und"] {
            let options = options(&supported(), &[stored, stored], "Not set");
            assert_eq!(options[0], (stored.to_owned(), "Not set".to_owned()));
            assert_eq!(options.len(), 3, "{stored}: no second entry for it");
        }
        // The person picked a language: "not set" still means the stored value.
        let options = options(&supported(), &["und-CH", "de"], "Not set");
        assert_eq!(options[0].0, "und-CH");
        assert!(!is_undetermined("de"));
        assert!(!is_undetermined("undx"));
    }
}
