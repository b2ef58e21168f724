//! ZITADEL's own rules for `UpdateMyProfileRequest`, copied from the server's behaviour
//! and kept independent of the widget's validator on purpose: tests between the two can
//! only catch a disagreement if neither imports the other.
//!
//! What the server does, and so what this does:
//! - lengths are counted in runes (Unicode scalar values), never bytes;
//! - nothing is trimmed: `" "` is a valid first name;
//! - rules are checked in the proto's field order and only the first violation is reported;
//! - the gender has no rule: an enum number outside the enum is accepted;
//! - a language tag is never an error: Go's `language.Parse` keeps what it can of it.

use serde::{Deserialize, Serialize};

/// `zitadel.user.v1.Gender`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    #[default]
    #[serde(rename = "GENDER_UNSPECIFIED")]
    Unspecified,
    #[serde(rename = "GENDER_FEMALE")]
    Female,
    #[serde(rename = "GENDER_MALE")]
    Male,
    #[serde(rename = "GENDER_DIVERSE")]
    Diverse,
}

impl Gender {
    /// protojson accepts an enum as its name or as its number.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        decode_gender(value).map(|(gender, _)| gender)
    }
}

/// The gender and whether it was a number outside the enum. protojson keeps such a
/// number (the enum is open), ZITADEL's proto has no `defined_only` rule against it,
/// and the v1 converter stores it exactly like UNSPECIFIED, so it decodes as
/// [`Gender::Unspecified`].
fn decode_gender(value: &serde_json::Value) -> Result<(Gender, bool), String> {
    use serde_json::Value;
    let number = match value {
        Value::Null => return Ok((Gender::Unspecified, false)),
        Value::String(s) => {
            return serde_json::from_value(value.clone())
                .map(|gender| (gender, false))
                .map_err(|_| format!("invalid value for enum type: {s:?}"))
        }
        Value::Number(n) => {
            enum_number(n).ok_or_else(|| format!("invalid value for enum type: {n}"))?
        }
        other => return Err(format!("invalid value for enum type: {other}")),
    };
    Ok(match number {
        0 => (Gender::Unspecified, false),
        1 => (Gender::Female, false),
        2 => (Gender::Male, false),
        3 => (Gender::Diverse, false),
        _ => (Gender::Unspecified, true),
    })
}

/// An enum number as protojson reads it: any int32, written as an integer or as an
/// integral number such as `2.0` or `2e0`.
fn enum_number(n: &serde_json::Number) -> Option<i32> {
    let whole = match n.as_i64() {
        Some(i) => i,
        None => {
            let f = n.as_f64()?;
            if f.fract() != 0.0 || f.abs() > f64::from(i32::MAX) + 1.0 {
                return None;
            }
            f as i64
        }
    };
    i32::try_from(whole).ok()
}

/// The request body after protojson decoding: absent fields are zero values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileRequest {
    pub first_name: String,
    pub last_name: String,
    pub nick_name: String,
    pub display_name: String,
    pub preferred_language: String,
    pub gender: Gender,
    /// The gender was an enum number outside the enum. Nothing refuses it and it is
    /// stored like UNSPECIFIED; it is kept so that a decoded request says what was sent.
    pub undefined_gender: bool,
}

impl ProfileRequest {
    /// Decodes a JSON body the way grpc-gateway's protojson does: lowerCamelCase names
    /// (the proto names are accepted too), unknown fields ignored, `null` as the zero value,
    /// a value of the wrong type refused. The gateway reads the first JSON value only
    /// (anything after it is never looked at), and an empty body (or one of white space
    /// alone) is the empty message, not an error.
    pub fn from_json(body: &[u8]) -> Result<Self, String> {
        let first = serde_json::Deserializer::from_slice(body)
            .into_iter::<serde_json::Value>()
            .next();
        let value = match first {
            None => return Ok(Self::default()),
            Some(value) => value.map_err(|e| format!("proto: syntax error: {e}"))?,
        };
        let serde_json::Value::Object(map) = value else {
            return Err("proto: syntax error: unexpected token, expected {".into());
        };
        let mut request = ProfileRequest::default();
        for (key, value) in &map {
            let slot = match key.as_str() {
                "firstName" | "first_name" => &mut request.first_name,
                "lastName" | "last_name" => &mut request.last_name,
                "nickName" | "nick_name" => &mut request.nick_name,
                "displayName" | "display_name" => &mut request.display_name,
                "preferredLanguage" | "preferred_language" => &mut request.preferred_language,
                "gender" => {
                    (request.gender, request.undefined_gender) =
                        decode_gender(value).map_err(|e| format!("proto: ({key}): {e}"))?;
                    continue;
                }
                _ => continue,
            };
            match value {
                serde_json::Value::String(s) => *slot = s.clone(),
                serde_json::Value::Null => {}
                other => {
                    return Err(format!(
                        "proto: ({key}): invalid value for string type: {other}"
                    ))
                }
            }
        }
        Ok(request)
    }
}

/// The first broken rule, as protoc-gen-validate words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The Go field name, e.g. `FirstName`.
    pub field: &'static str,
    pub reason: &'static str,
}

impl Violation {
    pub fn message(&self) -> String {
        format!(
            "invalid UpdateMyProfileRequest.{}: {}",
            self.field, self.reason
        )
    }
}

const BETWEEN_1_AND_200: &str = "value length must be between 1 and 200 runes, inclusive";
const AT_MOST_200: &str = "value length must be at most 200 runes";
const AT_MOST_10: &str = "value length must be at most 10 runes";

fn runes(s: &str) -> usize {
    s.chars().count()
}

/// Checks the request in field order and reports the first violation. The gender has
/// no rule (`proto/zitadel/auth.proto`).
pub fn validate(request: &ProfileRequest) -> Result<(), Violation> {
    let checks: [(&'static str, bool, &'static str); 5] = [
        (
            "FirstName",
            (1..=200).contains(&runes(&request.first_name)),
            BETWEEN_1_AND_200,
        ),
        (
            "LastName",
            (1..=200).contains(&runes(&request.last_name)),
            BETWEEN_1_AND_200,
        ),
        ("NickName", runes(&request.nick_name) <= 200, AT_MOST_200),
        (
            "DisplayName",
            (1..=200).contains(&runes(&request.display_name)),
            BETWEEN_1_AND_200,
        ),
        (
            "PreferredLanguage",
            runes(&request.preferred_language) <= 10,
            AT_MOST_10,
        ),
    ];
    match checks.into_iter().find(|(_, ok, _)| !ok) {
        Some((field, _, reason)) => Err(Violation { field, reason }),
        None => Ok(()),
    }
}

/// What the server stores for a preferred language. ZITADEL's converter calls
/// `language.Parse`, logs its error and keeps the tag it returns whatever it is
/// (`internal/api/grpc/auth/profile_converter.go`): the parts that parse, canonicalised
/// only when nothing was wrong, and `und` when nothing parses (the empty string too).
pub fn stored_language(tag: &str) -> String {
    crate::language_tag::parse(tag)
}

/// A gender as ZITADEL's events keep it (`domain.Gender`), which is not the API's
/// enum: there are two "unspecified" values, and since ZITADEL decides "not changed"
/// by comparing this number, they behave differently. Written in a config file as the
/// number ZITADEL stores: −1, 0, 1, 2 or 3.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "i8")]
pub enum StoredGender {
    /// −1: what the v1 API stores for `GENDER_UNSPECIFIED`, an absent gender or an
    /// enum number outside the enum (`GenderToDomain`'s default branch,
    /// `internal/api/grpc/user/converter.go`).
    V1Unspecified,
    /// 0, `domain.GenderUnspecified`: the zero value that users created through the v2
    /// API, the new login or setup start with. The first save through the v1 API of
    /// an unchanged profile turns it into −1 and so answers 200, not "not changed".
    #[default]
    Unspecified,
    Female,
    Male,
    Diverse,
}

impl TryFrom<i8> for StoredGender {
    type Error = String;

    fn try_from(number: i8) -> Result<Self, String> {
        match number {
            -1 => Ok(Self::V1Unspecified),
            0 => Ok(Self::Unspecified),
            1 => Ok(Self::Female),
            2 => Ok(Self::Male),
            3 => Ok(Self::Diverse),
            other => Err(format!("a stored gender is -1, 0, 1, 2 or 3, not {other}")),
        }
    }
}

impl From<Gender> for StoredGender {
    /// `GenderToDomain`: the three named genders map to themselves, anything else to −1.
    fn from(gender: Gender) -> Self {
        match gender {
            Gender::Female => Self::Female,
            Gender::Male => Self::Male,
            Gender::Diverse => Self::Diverse,
            Gender::Unspecified => Self::V1Unspecified,
        }
    }
}

impl StoredGender {
    /// `GenderToPb`: how the API reads it back; both "unspecified" read as UNSPECIFIED.
    pub fn as_api(self) -> Gender {
        match self {
            Self::Female => Gender::Female,
            Self::Male => Gender::Male,
            Self::Diverse => Gender::Diverse,
            Self::V1Unspecified | Self::Unspecified => Gender::Unspecified,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> ProfileRequest {
        ProfileRequest {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            nick_name: String::new(),
            display_name: "Ada Lovelace".into(),
            preferred_language: "en".into(),
            gender: Gender::Female,
            undefined_gender: false,
        }
    }

    #[test]
    fn lengths_are_runes_not_bytes() {
        let mut r = valid();
        r.first_name = "é".repeat(200); // 400 bytes, 200 runes
        assert_eq!(validate(&r), Ok(()));
        r.first_name = "😀".repeat(201);
        assert_eq!(validate(&r).unwrap_err().field, "FirstName");
        r.first_name = "e\u{301}".repeat(100); // 100 combining pairs = 200 runes
        assert_eq!(validate(&r), Ok(()));
        r.first_name.push('x');
        assert_eq!(validate(&r).unwrap_err().field, "FirstName");
    }

    #[test]
    fn no_trimming_a_space_is_a_name() {
        let mut r = valid();
        r.first_name = " ".into();
        r.last_name = "\t".into();
        assert_eq!(validate(&r), Ok(()));
    }

    #[test]
    fn first_violation_in_field_order_wins() {
        let mut r = valid();
        r.display_name.clear();
        r.last_name.clear();
        let v = validate(&r).unwrap_err();
        assert_eq!(
            v.message(),
            "invalid UpdateMyProfileRequest.LastName: value length must be between 1 and 200 runes, inclusive"
        );
    }

    #[test]
    fn nickname_may_be_empty_but_not_long() {
        let mut r = valid();
        r.nick_name = "n".repeat(200);
        assert_eq!(validate(&r), Ok(()));
        r.nick_name.push('n');
        assert_eq!(
            validate(&r).unwrap_err().message(),
            "invalid UpdateMyProfileRequest.NickName: value length must be at most 200 runes"
        );
    }

    #[test]
    fn language_at_most_ten_runes() {
        let mut r = valid();
        r.preferred_language = "de-CH-1996".into();
        assert_eq!(validate(&r), Ok(()));
        r.preferred_language = "de-CH-19961".into();
        assert_eq!(validate(&r).unwrap_err().field, "PreferredLanguage");
    }

    #[test]
    fn languages_are_stored_as_go_parses_them() {
        for (sent, stored) in [
            ("EN-us", "en-US"),
            ("de-CH-1996", "de-CH-1996"),
            ("de-Latn-Latn", "de-Latn"),
            ("xx-CH", "und-CH"),
            ("iw", "he"),
            ("", "und"),
            ("klingon", "und"),
        ] {
            assert_eq!(stored_language(sent), stored, "{sent:?}");
        }
    }

    #[test]
    fn protojson_decoding() {
        let r = ProfileRequest::from_json(
            br#"{"firstName":"A","last_name":"B","nickName":null,"gender":"GENDER_MALE","extra":1}"#,
        )
        .unwrap();
        assert_eq!((r.first_name.as_str(), r.last_name.as_str()), ("A", "B"));
        assert_eq!(r.gender, Gender::Male);
        assert_eq!(
            ProfileRequest::from_json(br#"{"gender":3}"#)
                .unwrap()
                .gender,
            Gender::Diverse
        );
        let undefined = ProfileRequest::from_json(br#"{"gender":9}"#).unwrap();
        assert!(undefined.undefined_gender);
        assert_eq!(undefined.gender, Gender::Unspecified);
        let integral = ProfileRequest::from_json(br#"{"gender":2.0}"#).unwrap();
        assert_eq!(integral.gender, Gender::Male);
        assert!(ProfileRequest::from_json(br#"{"gender":2.5}"#).is_err());
        assert!(ProfileRequest::from_json(br#"{"gender":4294967296}"#).is_err());
        assert!(ProfileRequest::from_json(br#"{"gender":"GENDER_OTHER"}"#).is_err());
        assert!(ProfileRequest::from_json(br#"{"firstName":5}"#).is_err());
        assert!(ProfileRequest::from_json(b"[]").is_err());
        assert!(ProfileRequest::from_json(b"{").is_err());
    }

    #[test]
    fn an_empty_body_is_the_empty_message_and_trailing_data_is_never_read() {
        assert_eq!(
            ProfileRequest::from_json(b""),
            Ok(ProfileRequest::default())
        );
        assert_eq!(
            ProfileRequest::from_json(b" \n\t "),
            Ok(ProfileRequest::default())
        );
        let first = ProfileRequest::from_json(br#"{"firstName":"A"} {"firstName":"B"} x"#);
        assert_eq!(first.unwrap().first_name, "A");
    }

    #[test]
    fn an_undefined_gender_breaks_no_rule() {
        let mut r = valid();
        r.gender = Gender::Unspecified;
        r.undefined_gender = true;
        assert_eq!(validate(&r), Ok(()));
    }
}
