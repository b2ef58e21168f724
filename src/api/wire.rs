//! The Auth API's JSON as ZITADEL's gRPC gateway encodes it: camelCase, zero values
//! omitted, `uint64` as strings. Only what the widget reads is declared.

use serde::{Deserialize, Deserializer};

use crate::profile::{Draft, Gender};

/// `GET /auth/v1/users/me`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct MeResponse {
    pub user: User,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct User {
    pub id: String,
    /// `sequence` moves with every change to the user, here or elsewhere.
    pub details: Details,
    pub preferred_login_name: String,
    /// Absent for machine users, which have no profile to edit.
    pub human: Option<Human>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Human {
    pub profile: Profile,
    pub email: Email,
}

/// `human.profile`: the six fields the form edits, and the avatar's address. (Spelt
/// out rather than `#[serde(flatten)]` over [`Draft`]: flattening costs 1 KB of wasm.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Profile {
    pub first_name: String,
    pub last_name: String,
    pub nick_name: String,
    pub display_name: String,
    pub preferred_language: String,
    pub gender: Gender,
    /// On ZITADEL's assets API; absent when none was uploaded.
    pub avatar_url: String,
}

impl Profile {
    /// The six fields the form edits.
    pub fn form(&self) -> Draft {
        Draft {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            nick_name: self.nick_name.clone(),
            display_name: self.display_name.clone(),
            preferred_language: self.preferred_language.clone(),
            gender: self.gender,
        }
    }
}

/// `human.email`; shown, never edited here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Email {
    pub email: String,
    pub is_email_verified: bool,
}

/// The form's starting values from a profile as ZITADEL encodes it (empty strings
/// and the zero enum omitted, so every field defaults); an unset language (`und`)
/// shows as "not set".
pub fn draft_of(mut profile: Draft) -> Draft {
    if profile.preferred_language == "und" {
        profile.preferred_language.clear();
    }
    profile
}

/// `details` of a response; `sequence` is a uint64 sent as a JSON string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Details {
    #[serde(deserialize_with = "u64_from_string_or_number")]
    pub sequence: u64,
    pub change_date: Option<String>,
    pub resource_owner: Option<String>,
}

/// `PUT /auth/v1/users/me/profile`'s answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct UpdateResponse {
    pub details: Details,
}

fn u64_from_string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Text(String),
        Number(u64),
    }
    match Either::deserialize(d)? {
        Either::Number(n) => Ok(n),
        Either::Text(s) => s.parse().map_err(serde::de::Error::custom),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_me_with_omitted_zero_values() {
        let body = r#"{"user":{"id":"1","details":{"sequence":"18446744073709551615","changeDate":"2026-01-01T00:00:00Z"},
            "userName":"ada","human":{"profile":{"firstName":"Ada","lastName":"L","displayName":"Ada L","preferredLanguage":"und"},
            "email":{"email":"a@b.c"},"phone":{}}}}"#;
        let me: MeResponse = serde_json::from_str(body).unwrap();
        assert_eq!(
            me.user.details.sequence,
            u64::MAX,
            "a uint64 sent as a string"
        );
        let human = me.user.human.unwrap();
        assert_eq!(human.email.email, "a@b.c");
        assert!(!human.email.is_email_verified);
        assert_eq!(human.profile.avatar_url, "");
        let profile = human.profile.form();
        assert_eq!(profile.gender, Gender::Unspecified);
        assert_eq!(profile.nick_name, "");
        assert_eq!(profile.first_name, "Ada");
        let draft = draft_of(profile);
        assert_eq!(draft.preferred_language, "", "und means not set");
    }

    #[test]
    fn users_me_with_an_avatar_and_a_verified_email() {
        let body = r#"{"user":{"id":"1","human":{"profile":{"firstName":"Ada","gender":"GENDER_FEMALE",
            "avatarUrl":"https://acme.zitadel.cloud/assets/v1/9/users/1/avatar"},
            "email":{"email":"ada@acme.example","isEmailVerified":true}}}}"#;
        let human = serde_json::from_str::<MeResponse>(body)
            .unwrap()
            .user
            .human
            .unwrap();
        assert_eq!(
            human.profile.avatar_url,
            "https://acme.zitadel.cloud/assets/v1/9/users/1/avatar"
        );
        assert_eq!(human.profile.form().first_name, "Ada");
        assert_eq!(human.profile.form().gender, Gender::Female);
        assert!(human.email.is_email_verified);
    }

    #[test]
    fn update_response_with_string_sequence_and_no_creation_date() {
        let r: UpdateResponse = serde_json::from_str(
            r#"{"details":{"sequence":"1234","changeDate":"2026-11-29T13:12:42.123Z","resourceOwner":"2345"}}"#,
        )
        .unwrap();
        assert_eq!(r.details.sequence, 1234);
        assert_eq!(
            r.details.change_date.as_deref(),
            Some("2026-11-29T13:12:42.123Z")
        );
        let numeric: UpdateResponse =
            serde_json::from_str(r#"{"details":{"sequence":5}}"#).unwrap();
        assert_eq!(numeric.details.sequence, 5);
        let max: UpdateResponse =
            serde_json::from_str(r#"{"details":{"sequence":"18446744073709551615"}}"#).unwrap();
        assert_eq!(max.details.sequence, u64::MAX);
        assert!(serde_json::from_str::<UpdateResponse>(r#"{"details":{"sequence":"x"}}"#).is_err());
    }
}
