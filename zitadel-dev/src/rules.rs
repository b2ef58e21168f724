//! ZITADEL's own rules for `UpdateMyProfileRequest`, copied from the server's behaviour
//! and kept independent of the widget's validator on purpose: tests between the two can
//! only catch a disagreement if neither imports the other.
//!
//! What the server does, and so what this does:
//! - lengths are counted in runes (Unicode scalar values), never bytes;
//! - nothing is trimmed: `" "` is a valid first name;
//! - rules are checked in the proto's field order and only the first violation is reported;
//! - an unparsable language tag is stored as `und` without an error.

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
        match value {
            serde_json::Value::Null => Ok(Gender::Unspecified),
            serde_json::Value::String(s) => serde_json::from_value(value.clone())
                .map_err(|_| format!("invalid value for enum type: {s:?}")),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(0) => Ok(Gender::Unspecified),
                Some(1) => Ok(Gender::Female),
                Some(2) => Ok(Gender::Male),
                Some(3) => Ok(Gender::Diverse),
                // protojson keeps unknown numbers; the validator then refuses them.
                Some(_) => Err(UNDEFINED_ENUM.to_owned()),
                None => Err(format!("invalid value for enum type: {n}")),
            },
            other => Err(format!("invalid value for enum type: {other}")),
        }
    }
}

const UNDEFINED_ENUM: &str = "undefined enum";

/// The request body after protojson decoding: absent fields are zero values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileRequest {
    pub first_name: String,
    pub last_name: String,
    pub nick_name: String,
    pub display_name: String,
    pub preferred_language: String,
    pub gender: Gender,
    /// An enum number outside the defined values, kept for the validator to refuse.
    pub undefined_gender: bool,
}

impl ProfileRequest {
    /// Decodes a JSON body the way grpc-gateway's protojson does: lowerCamelCase names
    /// (the proto names are accepted too), unknown fields ignored, `null` as the zero value,
    /// a value of the wrong type refused.
    pub fn from_json(body: &[u8]) -> Result<Self, String> {
        let value: serde_json::Value =
            serde_json::from_slice(body).map_err(|e| format!("proto: syntax error: {e}"))?;
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
                    match Gender::from_json(value) {
                        Ok(g) => request.gender = g,
                        Err(e) if e == UNDEFINED_ENUM => request.undefined_gender = true,
                        Err(e) => return Err(format!("proto: ({key}): {e}")),
                    }
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
const DEFINED_ENUM: &str = "value must be one of the defined enum values";

fn runes(s: &str) -> usize {
    s.chars().count()
}

/// Checks the request in field order and reports the first violation.
pub fn validate(request: &ProfileRequest) -> Result<(), Violation> {
    let checks: [(&'static str, bool, &'static str); 6] = [
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
        ("Gender", !request.undefined_gender, DEFINED_ENUM),
    ];
    match checks.into_iter().find(|(_, ok, _)| !ok) {
        Some((field, _, reason)) => Err(Violation { field, reason }),
        None => Ok(()),
    }
}

/// ISO 639-1 codes: the two-letter languages Go's `language` package knows.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// What the server stores for a preferred language: `language.Make(tag).String()`,
/// which canonicalises the case of a well-formed, known tag and turns anything else,
/// the empty string included, into `und`.
pub fn stored_language(tag: &str) -> String {
    canonical_tag(tag).unwrap_or_else(|| "und".to_owned())
}

fn canonical_tag(tag: &str) -> Option<String> {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next()?.to_ascii_lowercase();
    let known = match language.len() {
        2 => ISO_639_1.split(' ').any(|code| code == language),
        3 => language.bytes().all(|b| b.is_ascii_lowercase()),
        _ => false,
    };
    if !known {
        return None;
    }
    let mut out = vec![language];
    let mut stage = 0; // 0: script allowed, 1: region allowed, 2: variants only
    for part in parts {
        let alpha = part.bytes().all(|b| b.is_ascii_alphabetic());
        let digits = part.bytes().all(|b| b.is_ascii_digit());
        let alnum = part.bytes().all(|b| b.is_ascii_alphanumeric());
        if stage == 0 && part.len() == 4 && alpha {
            let mut script = part.to_ascii_lowercase();
            script[..1].make_ascii_uppercase();
            out.push(script);
            stage = 1;
        } else if stage <= 1 && ((part.len() == 2 && alpha) || (part.len() == 3 && digits)) {
            out.push(part.to_ascii_uppercase());
            stage = 2;
        } else if alnum
            && ((5..=8).contains(&part.len())
                || (part.len() == 4 && part.as_bytes()[0].is_ascii_digit()))
        {
            out.push(part.to_ascii_lowercase());
            stage = 2;
        } else {
            return None;
        }
    }
    Some(out.join("-"))
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
    fn unparsable_languages_are_stored_as_und() {
        assert_eq!(stored_language("EN-us"), "en-US");
        assert_eq!(stored_language("zh_hant_tw"), "zh-Hant-TW");
        assert_eq!(stored_language("de-CH-1996"), "de-CH-1996");
        assert_eq!(stored_language("es-419"), "es-419");
        for bad in [
            "",
            "x",
            "xx",
            "klingon",
            "en--US",
            "en-",
            "1a",
            "de-Latn-Latn",
        ] {
            assert_eq!(stored_language(bad), "und", "{bad:?}");
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
        assert!(ProfileRequest::from_json(br#"{"gender":"GENDER_OTHER"}"#).is_err());
        assert!(ProfileRequest::from_json(br#"{"firstName":5}"#).is_err());
        assert!(ProfileRequest::from_json(b"[]").is_err());
        assert!(ProfileRequest::from_json(b"{").is_err());
    }
}
