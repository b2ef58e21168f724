use proptest::prelude::*;
use proptest::sample::select;
use zitadel_profile_form::oidc::encoding::base64url;
use zitadel_profile_form::oidc::protocol::IdClaims;
use zitadel_profile_form::{Config, Options};

use super::json::{body, json, object, one_of, quote, shaped};
use super::text::{mangled, text};
use crate::{Text, CLIENT_ID, ISSUER, NONCE, NOW};

/// Claims close to what the check wants: right, or wrong by one value; wrong types
/// come from [`shaped`].
fn claims() -> Text {
    shaped(vec![
        (
            "iss",
            one_of(&[
                "\"https://acme.zitadel.cloud\"",
                "\"https://acme.zitadel.cloud\"",
                "\"https://acme.zitadel.cloud\"",
                "\"https://Acme.Zitadel.Cloud\"",
                "\"https://acme.zitadel.cloud/\"",
                "\"https://evil.example\"",
                "\"\"",
            ]),
        ),
        ("sub", one_of(&["\"1\"", "\"1\"", "\"1\"", "\"2\"", "\"\""])),
        (
            "aud",
            one_of(&[
                "\"123@app\"",
                "[\"123@app\",\"project\"]",
                "[\"project\"]",
                "[]",
                "\"\"",
            ]),
        ),
        ("azp", one_of(&["\"123@app\"", "\"other@app\"", "null"])),
        (
            "exp",
            one_of(&[
                "1800000001",
                "1800000001",
                "1800000001",
                "1800000000",
                "0",
                "18446744073709551615",
            ]),
        ),
        (
            "iat",
            one_of(&[
                "1799999000",
                "1799999000",
                "1800000300",
                "1800000301",
                "0",
                "18446744073709551615",
            ]),
        ),
        ("nonce", one_of(&["\"n-1\"", "\"n-1\"", "\"n-2\"", "\"\""])),
    ])
}

/// A segment of a compact JWT: base64url-ish, or anything.
fn segment() -> Text {
    prop_oneof![
        3 => "[A-Za-z0-9_-]{0,40}",
        1 => Just("e30".to_owned()),
        1 => text(),
    ]
    .boxed()
}

/// `header.payload.signature` whose payload is claims (whole or mangled), any bytes
/// or any JSON; or any number of segments; or any text.
pub fn id_token() -> Text {
    let payload = prop_oneof![
        6 => mangled(claims()).prop_map(|c| base64url(c.as_bytes())),
        1 => any::<Vec<u8>>().prop_map(|b| base64url(&b)),
        1 => body(json()).prop_map(|b| base64url(b.as_bytes())),
        1 => segment(),
    ];
    let padding = select(&["", "", "", "=", "==", "==="][..]);
    prop_oneof![
        6 => (segment(), payload, padding, segment())
            .prop_map(|(header, payload, pad, sig)| format!("{header}.{payload}{pad}.{sig}")),
        1 => prop::collection::vec(segment(), 0..6).prop_map(|s| s.join(".")),
        1 => text(),
    ]
    .boxed()
}

/// Claims that pass, in any order, with other claims beside them.
pub fn good_claims() -> Text {
    let right = vec![
        format!("\"iss\":{}", quote(ISSUER)),
        "\"sub\":\"1\"".to_owned(),
        format!("\"aud\":[{},\"project\"]", quote(CLIENT_ID)),
        format!("\"azp\":{}", quote(CLIENT_ID)),
        format!("\"exp\":{}", NOW + 1),
        format!("\"iat\":{}", NOW - 1),
        format!("\"nonce\":{}", quote(NONCE)),
    ];
    let value = prop_oneof![
        text().prop_map(|t| quote(&t)),
        any::<i64>().prop_map(|n| n.to_string()),
        one_of(&["null", "true", "[]", "{}", "[\"123@app\"]", "{\"iss\":1}"]),
    ];
    let extra = prop::collection::vec(("[a-z]{1,8}", value), 0..4)
        .prop_map(|e| e.into_iter().map(|(k, v)| format!("\"x_{k}\":{v}")));
    (Just(right).prop_shuffle(), extra)
        .prop_map(|(right, extra)| object(right.into_iter().chain(extra).collect()))
        .boxed()
}

/// What any accepted id_token's claims hold.
pub fn trusted(claims: &IdClaims, now: u64) -> Result<(), TestCaseError> {
    prop_assert_eq!(claims.iss.as_str(), ISSUER);
    prop_assert!(!claims.sub.is_empty());
    prop_assert!(claims.aud.iter().any(|a| a == CLIENT_ID));
    prop_assert!(claims.azp.as_deref().is_none_or(|a| a == CLIENT_ID));
    prop_assert!(claims.exp > now);
    prop_assert!(claims.iat.is_some());
    Ok(())
}

pub fn config() -> Config {
    Options {
        issuer: Some(ISSUER.to_owned()),
        client_id: Some(CLIENT_ID.to_owned()),
        ..Default::default()
    }
    .resolve("https://app.example/")
    .expect("the test's own options are valid")
}
