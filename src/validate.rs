//! The widget's own rules for a profile, stricter than the server where the server
//! would store something nobody meant:
//! - leading and trailing whitespace is trimmed, and a required field that is only
//!   whitespace counts as empty (the server would accept `" "` as a name);
//! - lengths are ZITADEL's limits, counted in Unicode scalar values after trimming;
//! - a language tag must look like BCP 47 (the server's `language.Parse` would
//!   silently strip what it cannot read, or store `und`);
//! - text holds no C0 control character (U+0000 to U+001F, tab and line breaks
//!   included) once trimmed: ZITADEL keeps events as Postgres JSONB, which refuses a
//!   NUL, so the save would fail with a server error.
//!
//! Everything the widget accepts, the server accepts too; a property test against the
//! local stand-in's independent copy of the server's rules holds this module to that.

use std::fmt;

use crate::i18n::{Key, Message};
use crate::profile::{Draft, Field, ValidProfile};

/// The longest name ZITADEL accepts, in Unicode scalar values.
pub const NAME_MAX: usize = 200;
/// The longest language tag ZITADEL accepts.
pub const LANGUAGE_MAX: usize = 10;

/// The most characters ZITADEL takes in `field`.
fn max_len(field: Field) -> usize {
    match field {
        Field::PreferredLanguage => LANGUAGE_MAX,
        _ => NAME_MAX,
    }
}

/// Why a field's value cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// Empty, or only whitespace.
    Required,
    /// Longer than `max` characters (after trimming); `len` is the count now.
    TooLong { max: usize, len: usize },
    /// Not shaped like a BCP 47 language tag.
    LanguageTag,
    /// Holds a C0 control character (a tab, a line break, a NUL…) inside the text.
    ControlCharacter,
}

impl From<&FieldError> for Message {
    fn from(error: &FieldError) -> Self {
        match error {
            FieldError::Required => Key::Required.into(),
            FieldError::TooLong { max, len } => Message::new(Key::TooLong)
                .with("max", max)
                .count("over", len.saturating_sub(*max)),
            FieldError::LanguageTag => Key::LanguageTag.into(),
            FieldError::ControlCharacter => Key::ControlCharacter.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Message::from(self).fmt(f)
    }
}

/// The errors of a whole draft, in field order.
pub type FieldErrors = Vec<(Field, FieldError)>;

/// Checks one field's value.
pub fn check(field: Field, value: &str) -> Result<(), FieldError> {
    if field == Field::Gender {
        // The select only offers the enum's values.
        return Ok(());
    }
    let value = value.trim();
    if value.is_empty() {
        return if field.required() {
            Err(FieldError::Required)
        } else {
            Ok(())
        };
    }
    if value.chars().any(|c| c <= '\u{1f}') {
        return Err(FieldError::ControlCharacter);
    }
    let len = value.chars().count();
    if len > max_len(field) {
        return Err(FieldError::TooLong {
            max: max_len(field),
            len,
        });
    }
    if field == Field::PreferredLanguage && !is_language_tag(value) {
        return Err(FieldError::LanguageTag);
    }
    Ok(())
}

/// How close to its limit a text field may come before a counter says what is left.
pub const COUNTER_FROM: usize = 20;

/// The characters left in a name field, counted as [`check`] and the server count
/// them (Unicode scalar values of the trimmed text); only when at most
/// [`COUNTER_FROM`] are left, and not past the limit, where the field's message
/// already says how many are too many.
pub fn characters_left(field: Field, value: &str) -> Option<usize> {
    if field == Field::PreferredLanguage || field == Field::Gender {
        return None;
    }
    let left = max_len(field).checked_sub(value.trim().chars().count())?;
    (left <= COUNTER_FROM).then_some(left)
}

/// Checks every field; on success the trimmed profile that may be sent.
pub fn validate(draft: &Draft) -> Result<ValidProfile, FieldErrors> {
    let errors: FieldErrors = Field::ALL
        .into_iter()
        .filter_map(|field| check(field, field.value(draft)).err().map(|e| (field, e)))
        .collect();
    if errors.is_empty() {
        Ok(ValidProfile::new_unchecked(draft))
    } else {
        Err(errors)
    }
}

/// The shape of a BCP 47 tag: a 2–3 letter language, then subtags of 1–8 ASCII
/// letters or digits joined by single hyphens (script, region, variants, extensions).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> Draft {
        Draft::sample()
    }

    #[test]
    fn the_counter_shows_the_last_twenty_characters_as_the_server_counts_them() {
        let name = |n: usize| "a".repeat(n);
        assert_eq!(characters_left(Field::FirstName, &name(179)), None);
        assert_eq!(characters_left(Field::FirstName, &name(180)), Some(20));
        assert_eq!(characters_left(Field::NickName, &name(199)), Some(1));
        assert_eq!(characters_left(Field::DisplayName, &name(200)), Some(0));
        assert_eq!(
            characters_left(Field::LastName, &name(201)),
            None,
            "the error says it"
        );
        // Scalar values, not bytes or UTF-16 units: 190 emoji leave 10.
        assert_eq!(
            characters_left(Field::FirstName, &"😀".repeat(190)),
            Some(10)
        );
        // What is trimmed away is not sent, so it does not count.
        let padded = format!("  {}  ", name(195));
        assert_eq!(characters_left(Field::FirstName, &padded), Some(5));
        assert_eq!(characters_left(Field::PreferredLanguage, "de-CH"), None);
        assert_eq!(characters_left(Field::Gender, ""), None);
    }

    #[test]
    fn names_at_199_200_201_characters() {
        for field in [
            Field::FirstName,
            Field::LastName,
            Field::NickName,
            Field::DisplayName,
        ] {
            assert_eq!(check(field, &"a".repeat(199)), Ok(()));
            assert_eq!(check(field, &"a".repeat(200)), Ok(()));
            assert_eq!(
                check(field, &"a".repeat(201)),
                Err(FieldError::TooLong { max: 200, len: 201 })
            );
        }
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        // 4 bytes each: 200 emoji are 800 bytes and still fit.
        assert_eq!(check(Field::FirstName, &"😀".repeat(200)), Ok(()));
        assert!(check(Field::FirstName, &"😀".repeat(201)).is_err());
        // A combining accent is its own scalar value, as the server counts it.
        let combined = "e\u{301}".repeat(100);
        assert_eq!(check(Field::LastName, &combined), Ok(()));
        assert_eq!(
            check(Field::LastName, &(combined + "x")),
            Err(FieldError::TooLong { max: 200, len: 201 })
        );
    }

    #[test]
    fn trimming_happens_before_counting() {
        let padded = format!("  {}  ", "a".repeat(200));
        assert_eq!(check(Field::DisplayName, &padded), Ok(()));
        let mut draft = valid();
        draft.first_name = "\t Ada \n".into();
        let sent: serde_json::Value =
            serde_json::from_str(&validate(&draft).unwrap().to_json()).unwrap();
        assert_eq!(sent["firstName"], "Ada");
    }

    #[test]
    fn whitespace_only_is_empty() {
        for blank in ["", " ", "\t\n", "\u{3000}", "\u{a0}"] {
            assert_eq!(
                check(Field::FirstName, blank),
                Err(FieldError::Required),
                "{blank:?}"
            );
            assert_eq!(check(Field::NickName, blank), Ok(()), "{blank:?}");
            assert_eq!(check(Field::PreferredLanguage, blank), Ok(()), "{blank:?}");
        }
    }

    /// Fidelity review 1.11: a NUL reaches Postgres JSONB and fails the save with a
    /// 500, so no C0 control character gets past the field; at the edges, tabs and
    /// line breaks are whitespace and trimmed first.
    #[test]
    fn c0_control_characters_are_refused_inside_text() {
        for field in [
            Field::FirstName,
            Field::LastName,
            Field::NickName,
            Field::DisplayName,
        ] {
            for c in ('\u{0}'..='\u{1f}').chain(['\t', '\n', '\r']) {
                assert_eq!(
                    check(field, &format!("Ada{c}Lovelace")),
                    Err(FieldError::ControlCharacter),
                    "{field:?} {c:?}"
                );
            }
            assert_eq!(check(field, "\u{0}"), Err(FieldError::ControlCharacter));
            assert_eq!(check(field, "\t Ada \n"), Ok(()), "trimmed first");
            // DEL and the C1 range are not C0: the server stores them.
            assert_eq!(check(field, "Ada\u{7f}\u{85}"), Ok(()));
        }
        assert_eq!(
            Message::from(&FieldError::ControlCharacter).to_string(),
            "Remove the tab, line break or other control character from this field."
        );
    }

    #[test]
    fn language_tags_at_10_and_11_characters() {
        assert_eq!(check(Field::PreferredLanguage, "de-CH-1996"), Ok(()));
        assert_eq!(
            check(Field::PreferredLanguage, "de-CH-19961"),
            Err(FieldError::TooLong { max: 10, len: 11 })
        );
    }

    #[test]
    fn language_tags_must_be_shaped_like_bcp47() {
        for ok in ["en", "de-CH", "zh-Hant", "es-419", "sr-Latn-RS", "gsw"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "e",
            "english",
            "en_US",
            "en-",
            "-en",
            "en--US",
            "1a",
            "de CH",
            "dé",
            "en-123456789",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn a_fields_index_is_its_place_in_all() {
        for (i, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field.index(), i, "{field:?}");
        }
    }

    #[test]
    fn validate_reports_every_broken_field_in_order() {
        let mut draft = valid();
        draft.first_name = " ".into();
        draft.display_name = "x".repeat(201);
        draft.preferred_language = "klingon!".into();
        let errors = validate(&draft).unwrap_err();
        assert_eq!(
            errors.iter().map(|(field, _)| *field).collect::<Vec<_>>(),
            [
                Field::FirstName,
                Field::DisplayName,
                Field::PreferredLanguage
            ]
        );
    }

    #[test]
    fn messages_are_for_people() {
        assert_eq!(FieldError::Required.to_string(), "This field is required.");
        assert_eq!(
            FieldError::TooLong { max: 200, len: 203 }.to_string(),
            "At most 200 characters, please (3 characters too many)."
        );
    }
}
