//! The profile as the form edits it: its six [`Field`]s, [`Draft`] holding exactly
//! what the person typed, [`ValidProfile`] its checked, trimmed twin (the only thing
//! the API client sends), and [`PerField`] for anything the form keeps per field.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::i18n::Key;
use crate::options::Config;
use crate::session::Slot;

/// `zitadel.user.v1.Gender`, written on the wire by its name ([`Gender::as_str`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Gender {
    #[default]
    Unspecified,
    Female,
    Male,
    Diverse,
}

impl Serialize for Gender {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Gender {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl Gender {
    pub const ALL: [Gender; 4] = [
        Gender::Unspecified,
        Gender::Female,
        Gender::Male,
        Gender::Diverse,
    ];

    /// What a person reads for this gender.
    pub fn label(self) -> Key {
        match self {
            Gender::Unspecified => Key::GenderUnspecified,
            Gender::Female => Key::GenderFemale,
            Gender::Male => Key::GenderMale,
            Gender::Diverse => Key::GenderDiverse,
        }
    }

    /// The wire name, also used as the `<option>` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Unspecified => "GENDER_UNSPECIFIED",
            Gender::Female => "GENDER_FEMALE",
            Gender::Male => "GENDER_MALE",
            Gender::Diverse => "GENDER_DIVERSE",
        }
    }
}

/// A gender name that is not one of ZITADEL's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownGender(pub String);

impl fmt::Display for UnknownGender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown gender {:?}", self.0)
    }
}

impl FromStr for Gender {
    type Err = UnknownGender;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Gender::ALL
            .into_iter()
            .find(|g| g.as_str() == s)
            .ok_or_else(|| UnknownGender(s.to_owned()))
    }
}

/// One field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    FirstName,
    LastName,
    NickName,
    DisplayName,
    PreferredLanguage,
    Gender,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::FirstName,
        Field::LastName,
        Field::NickName,
        Field::DisplayName,
        Field::PreferredLanguage,
        Field::Gender,
    ];

    /// The form control's `name`, and the JSON key on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::FirstName => "firstName",
            Field::LastName => "lastName",
            Field::NickName => "nickName",
            Field::DisplayName => "displayName",
            Field::PreferredLanguage => "preferredLanguage",
            Field::Gender => "gender",
        }
    }

    /// The field as ZITADEL names it in messages such as
    /// `invalid UpdateMyProfileRequest.FirstName: ...`.
    pub fn server_name(self) -> &'static str {
        match self {
            Field::FirstName => "FirstName",
            Field::LastName => "LastName",
            Field::NickName => "NickName",
            Field::DisplayName => "DisplayName",
            Field::PreferredLanguage => "PreferredLanguage",
            Field::Gender => "Gender",
        }
    }

    /// The field's label.
    pub fn label(self) -> Key {
        match self {
            Field::FirstName => Key::FirstName,
            Field::LastName => Key::LastName,
            Field::NickName => Key::NickName,
            Field::DisplayName => Key::DisplayName,
            Field::PreferredLanguage => Key::PreferredLanguage,
            Field::Gender => Key::Gender,
        }
    }

    /// The field's place in [`Field::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the server refuses the field when empty.
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::FirstName | Field::LastName | Field::DisplayName
        )
    }

    /// This field's value in a draft (the gender has no text to check).
    pub fn value(self, draft: &Draft) -> &str {
        match self {
            Field::FirstName => &draft.first_name,
            Field::LastName => &draft.last_name,
            Field::NickName => &draft.nick_name,
            Field::DisplayName => &draft.display_name,
            Field::PreferredLanguage => &draft.preferred_language,
            Field::Gender => draft.gender.as_str(),
        }
    }

    /// Mutable access to a text field's value; `None` for the gender.
    pub fn value_mut(self, draft: &mut Draft) -> Option<&mut String> {
        match self {
            Field::FirstName => Some(&mut draft.first_name),
            Field::LastName => Some(&mut draft.last_name),
            Field::NickName => Some(&mut draft.nick_name),
            Field::DisplayName => Some(&mut draft.display_name),
            Field::PreferredLanguage => Some(&mut draft.preferred_language),
            Field::Gender => None,
        }
    }
}

/// One `T` for each field of the form, found by [`Field`]: what the form keeps per
/// field (touched, a server's message, a conflict's standing or choice) lives in one
/// of these, so a seventh field is one change here, not a hunt through arrays.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PerField<T>([T; 6]);

impl<T> PerField<T> {
    /// Each field's value from `value`.
    pub fn from_fn(mut value: impl FnMut(Field) -> T) -> Self {
        Self(Field::ALL.map(&mut value))
    }

    /// Every field with its value, in the form's order.
    pub fn iter(&self) -> impl Iterator<Item = (Field, &T)> {
        Field::ALL.into_iter().zip(&self.0)
    }
}

impl<T> std::ops::Index<Field> for PerField<T> {
    type Output = T;

    fn index(&self, field: Field) -> &T {
        &self.0[field.index()]
    }
}

impl<T> std::ops::IndexMut<Field> for PerField<T> {
    fn index_mut(&mut self, field: Field) -> &mut T {
        &mut self.0[field.index()]
    }
}

/// The form's values exactly as typed; nothing here is trimmed or checked. Absent
/// JSON keys read as empty, as ZITADEL omits empty values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Draft {
    pub first_name: String,
    pub last_name: String,
    pub nick_name: String,
    pub display_name: String,
    /// A BCP 47 tag, or empty for "not set".
    pub preferred_language: String,
    pub gender: Gender,
}

/// A draft that passed [`crate::validate::validate`]: trimmed, within every limit.
/// Its draft is private so that only the validator can make one; it serialises as
/// the draft does, all six fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ValidProfile(Draft);

impl ValidProfile {
    /// Only the validator calls this, after checking every field.
    pub(crate) fn new_unchecked(draft: &Draft) -> Self {
        let mut trimmed = draft.clone();
        for field in Field::ALL {
            if let Some(value) = field.value_mut(&mut trimmed) {
                *value = value.trim().to_owned();
            }
        }
        Self(trimmed)
    }

    /// The same values as a draft, e.g. to become the form's new baseline after a save.
    pub fn to_draft(&self) -> Draft {
        self.0.clone()
    }

    /// The `PUT /auth/v1/users/me/profile` body: always all six fields, since the
    /// server replaces the whole profile and clears whatever is not sent.
    pub fn to_json(&self) -> String {
        // A struct of strings always serialises.
        crate::json::to_string(self).unwrap_or_default()
    }
}

/// A draft waiting while its author signs in again, with who its author is, so it
/// is never restored into another account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptDraft {
    /// The author's user id (the id_token's `sub`).
    pub user_id: String,
    pub draft: Draft,
    /// The values the draft was typed over, and their `details.sequence`, so that a
    /// change made elsewhere meanwhile is noticed when the draft comes back.
    #[serde(default)]
    pub base: Option<Draft>,
    #[serde(default)]
    pub sequence: u64,
}

const KEPT_DRAFT: Slot<KeptDraft> = Slot::new("draft");

/// Keeps a draft until the person is back (from a reload or from signing in again).
pub fn keep_draft(config: &Config, kept: &KeptDraft) {
    config.store().write(&KEPT_DRAFT, kept);
}

/// The kept draft, removed from storage as it is handed out.
pub fn take_kept_draft(config: &Config) -> Option<KeptDraft> {
    config.store().take(&KEPT_DRAFT)
}

pub fn discard_kept_draft(config: &Config) {
    config.store().remove(&KEPT_DRAFT);
}

#[cfg(test)]
impl Draft {
    /// A valid profile; the shared fixture of the unit tests.
    pub(crate) fn sample() -> Self {
        Draft {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            display_name: "Ada Lovelace".into(),
            preferred_language: "en".into(),
            ..Draft::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gender_round_trips_through_its_wire_name() {
        for g in Gender::ALL {
            assert_eq!(g.as_str().parse::<Gender>(), Ok(g));
        }
        assert!("GENDER_OTHER".parse::<Gender>().is_err());
        let json = serde_json::to_string(&Gender::Diverse).unwrap();
        assert_eq!(json, "\"GENDER_DIVERSE\"");
        assert_eq!(
            serde_json::from_str::<Gender>(&json).unwrap(),
            Gender::Diverse
        );
        assert!(serde_json::from_str::<Gender>("\"GENDER_OTHER\"").is_err());
        assert!("".parse::<Gender>().is_err());
    }

    #[test]
    fn the_body_carries_all_six_fields_even_when_empty() {
        let valid = ValidProfile::new_unchecked(&Draft {
            first_name: " Ada ".into(),
            last_name: "Lovelace".into(),
            display_name: "Ada".into(),
            ..Draft::default()
        });
        let body: serde_json::Value = serde_json::from_str(&valid.to_json()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "firstName": "Ada",
                "lastName": "Lovelace",
                "nickName": "",
                "displayName": "Ada",
                "preferredLanguage": "",
                "gender": "GENDER_UNSPECIFIED",
            })
        );
    }
}
