use proptest::prelude::*;
use proptest::sample::select;
use zitadel_profile_form::i18n::Key;

use super::text::{mangled, text, typed};
use super::urls::url_like;
use crate::{Maybe, Text, CLIENT_ID, ISSUER, NONCE};

/// The deepest nesting tried; JSON parsers give up far earlier.
const DEEP: usize = 5000;

pub fn quote(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

fn array(items: Vec<String>) -> String {
    format!("[{}]", items.join(","))
}

pub fn object(fields: Vec<String>) -> String {
    format!("{{{}}}", fields.join(","))
}

/// Strings that mean something to the widget somewhere.
const WORDS: &[&str] = &[
    ISSUER,
    "https://acme.zitadel.cloud/",
    "https://evil.example",
    "javascript:alert(1)",
    CLIENT_ID,
    NONCE,
    "GENDER_FEMALE",
    "GENDER_UNKNOWN",
    "und",
    "de-CH",
    "COMMAND-2M0fs",
    "UpdateMyProfileRequest.",
    "18446744073709551615",
    "-1",
    "1234",
    "",
    " ",
    "invalid_grant",
    "2026-01-01T00:00:00Z",
];

/// Numbers as JSON writes them, and as it does not.
pub const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "3",
    "9",
    "1.5",
    "1e3",
    "1e999",
    "-1e999",
    "1E-400",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775809",
    "123456789012345678901234567890123456789",
    "01",
    "1.",
    ".5",
    "NaN",
    "Infinity",
    "0x10",
];

/// Literals, escapes JSON refuses (lone surrogates), and stray punctuation.
const JUNK: &[&str] = &[
    "null",
    "true",
    "false",
    "\"\\ud800\"",
    "\"\\udc00x\"",
    "\"\\u0000\"",
    "\"\\x\"",
    "\"unterminated",
    "\"tab\there\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "[1,]",
    "{\"a\"}",
    "{\"a\":1,}",
    "\u{feff}{}",
    "/*",
    "",
];

/// Keys the widget reads somewhere, so nested shapes meet the wrong parser.
const KEYS: &[&str] = &[
    "access_token",
    "expires_in",
    "error",
    "authorization_endpoint",
    "ui_locales_supported",
    "user",
    "human",
    "profile",
    "firstName",
    "gender",
    "details",
    "sequence",
    "code",
    "message",
    "id",
    "iss",
    "aud",
    "exp",
    "issuer",
    "clientId",
];

/// One of `values`, JSON text as it stands.
pub fn one_of(values: &'static [&'static str]) -> Text {
    select(values).prop_map(str::to_owned).boxed()
}

/// A JSON string: a word, or any text.
fn string() -> Text {
    prop_oneof![
        2 => select(WORDS).prop_map(quote),
        1 => text().prop_map(|t| quote(&t)),
    ]
    .boxed()
}

/// A JSON number, of any size, or something that looks like one.
fn number() -> Text {
    prop_oneof![
        2 => one_of(NUMBERS),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_map(|n| n.to_string()),
    ]
    .boxed()
}

/// One JSON value with nothing inside.
fn leaf() -> Text {
    prop_oneof![3 => string(), 2 => number(), 1 => one_of(JUNK)].boxed()
}

/// A list of `items`.
fn list(items: Text) -> Text {
    prop::collection::vec(items, 0..5).prop_map(array).boxed()
}

fn key() -> Text {
    prop_oneof![
        4 => select(KEYS).prop_map(quote),
        1 => text().prop_map(|t| quote(&t)),
        1 => leaf(),
    ]
    .boxed()
}

/// Any JSON-ish value a few levels deep, over the keys the widget reads.
pub fn json() -> Text {
    leaf()
        .prop_recursive(4, 48, 6, |inner| {
            let field = (key(), inner.clone()).prop_map(|(k, v)| format!("{k}:{v}"));
            prop_oneof![
                list(inner),
                prop::collection::vec(field, 0..6).prop_map(object),
            ]
        })
        .boxed()
}

/// Nesting far past any parser's patience, closed or left open.
fn deep() -> Text {
    let open = select(&["[", "{\"a\":", "{\"user\":", "{\"aud\":", "[{\"details\":"][..]);
    (open, 1..DEEP, any::<bool>())
        .prop_map(|(open, depth, closed)| {
            let mut text = open.repeat(depth);
            text.push('0');
            if closed {
                let close: String = open
                    .chars()
                    .rev()
                    .filter_map(|c| match c {
                        '[' => Some(']'),
                        '{' => Some('}'),
                        _ => None,
                    })
                    .collect();
                text.push_str(&close.repeat(depth));
            }
            text
        })
        .boxed()
}

/// An object with each of `fields` or not, in any order, mostly with its right value
/// and now and then with any value, any nesting or junk; sometimes another key.
pub fn shaped(fields: Vec<(&'static str, Text)>) -> Text {
    let fields: Vec<Maybe> = fields
        .into_iter()
        .map(|(key, right)| {
            let value = prop_oneof![40 => right, 1 => leaf(), 1 => json(), 1 => deep()];
            let field = value.prop_map(move |v| format!("{}:{v}", quote(key)));
            prop::option::weighted(0.9, field).boxed()
        })
        .collect();
    let other = (key(), json()).prop_map(|(k, v)| format!("{k}:{v}"));
    (fields, prop::option::weighted(0.2, other))
        .prop_flat_map(|(fields, other)| {
            let fields: Vec<String> = fields.into_iter().flatten().chain(other).collect();
            Just(fields).prop_shuffle().prop_map(object)
        })
        .boxed()
}

/// A catalogue file: key names with texts (templates with placeholders, stray braces)
/// or plural objects.
pub fn catalogue_shape() -> Text {
    let template = prop_oneof![
        text(),
        Just("{max} / {over}".to_owned()),
        Just("{".to_owned()),
        Just("}{".to_owned()),
        Just("{{over}}".to_owned()),
    ];
    let value = prop_oneof![
        4 => template.clone().prop_map(|t| quote(&t)),
        1 => (template.clone(), template).prop_map(|(one, other)| {
            object(vec![format!("\"one\":{}", quote(&one)), format!("\"other\":{}", quote(&other))])
        }),
    ];
    let names: Vec<&'static str> = Key::ALL.iter().map(|k| k.name()).collect();
    prop::collection::vec((select(names), value), 0..12)
        .prop_map(|fields| {
            object(
                fields
                    .into_iter()
                    .map(|(name, v)| format!("{}:{v}", quote(name)))
                    .collect(),
            )
        })
        .boxed()
}

/// A body to parse: `shape` (whole or mangled), or any JSON, any nesting, any text.
pub fn body(shape: Text) -> Text {
    prop_oneof![6 => mangled(shape), 1 => json(), 1 => deep(), 1 => text()].boxed()
}

pub fn token_shape() -> Text {
    shaped(vec![
        ("access_token", string()),
        (
            "token_type",
            one_of(&["\"Bearer\"", "\"bearer\"", "\"DPoP\""]),
        ),
        ("expires_in", number()),
        ("refresh_token", string()),
        ("id_token", string()),
        ("scope", string()),
        (
            "error",
            one_of(&["\"invalid_grant\"", "\"slow_down\"", "\"\""]),
        ),
        ("error_description", string()),
    ])
}

/// An endpoint on the issuer, beside it, or anywhere.
fn endpoint() -> Text {
    let near = select(
        &[
            "/oauth/v2/authorize",
            "/oauth/v2/token",
            "",
            ".evil.example/x",
            ":443/x",
            "/x?y#z",
            "@evil.example/",
        ][..],
    )
    .prop_map(|path| quote(&format!("{ISSUER}{path}")));
    let home = "(/[a-z0-9._~%-]{0,12}){0,3}".prop_map(|path| quote(&format!("{ISSUER}{path}")));
    prop_oneof![
        12 => home,
        1 => near,
        1 => url_like().prop_map(|u| quote(&u)),
        1 => Just(quote("http://acme.zitadel.cloud/oauth/v2/token")),
    ]
    .boxed()
}

pub fn discovery_shape() -> Text {
    let issuer = prop_oneof![
        8 => Just(quote(ISSUER)),
        1 => one_of(&["\"https://acme.zitadel.cloud/\"", "\"https://evil.example\""]),
        1 => string(),
    ];
    let locales = prop_oneof![one_of(&["\"de\"", "\"en\"", "\"de-CH\""]), string()];
    shaped(vec![
        ("issuer", issuer.boxed()),
        ("authorization_endpoint", endpoint()),
        ("token_endpoint", endpoint()),
        ("revocation_endpoint", endpoint()),
        ("end_session_endpoint", endpoint()),
        ("jwks_uri", endpoint()),
        (
            "code_challenge_methods_supported",
            list(one_of(&["\"S256\"", "\"S256\"", "\"plain\""])),
        ),
        ("ui_locales_supported", list(locales.boxed())),
    ])
}

/// A name as ZITADEL might return it, or as nobody would.
fn name() -> Text {
    prop_oneof![3 => typed().prop_map(|t| quote(&t)), 1 => string()].boxed()
}

fn profile_shape() -> Text {
    shaped(vec![
        ("firstName", name()),
        ("lastName", name()),
        ("nickName", name()),
        ("displayName", name()),
        (
            "preferredLanguage",
            prop_oneof![one_of(&["\"und\"", "\"de-CH\"", "\"en\"", "\"\""]), name()].boxed(),
        ),
        (
            "gender",
            one_of(&[
                "\"GENDER_FEMALE\"",
                "\"GENDER_MALE\"",
                "\"GENDER_DIVERSE\"",
                "\"GENDER_UNSPECIFIED\"",
                "\"GENDER_UNKNOWN\"",
                "\"female\"",
                "2",
                "null",
            ]),
        ),
    ])
}

fn details_shape() -> Text {
    let sequence = one_of(&[
        "\"1234\"",
        "5",
        "\"18446744073709551615\"",
        "\"18446744073709551616\"",
        "\"x\"",
        "\"\"",
        "\" 1\"",
        "-1",
        "1.5",
    ]);
    shaped(vec![
        (
            "sequence",
            prop_oneof![3 => sequence, 1 => number()].boxed(),
        ),
        ("changeDate", string()),
        ("resourceOwner", string()),
        ("creationDate", string()),
    ])
}

pub fn me_shape() -> Text {
    let human = shaped(vec![("profile", profile_shape()), ("email", json())]);
    let user = shaped(vec![
        ("id", string()),
        ("preferredLoginName", string()),
        ("userName", string()),
        ("human", human),
        ("details", details_shape()),
    ]);
    shaped(vec![("user", user)])
}

pub fn update_shape() -> Text {
    shaped(vec![("details", details_shape())])
}

pub fn zitadel_error_shape() -> Text {
    let id = one_of(&[
        "\"COMMAND-2M0fs\"",
        "\"COMMAND-3M9sd\"",
        "\"AUTH-DZG21\"",
        "\"PROFILE-RF5z2\"",
        "\"PROFILE-DSUkN\"",
        "\"\"",
    ]);
    let detail = shaped(vec![
        ("@type", string()),
        ("id", prop_oneof![3 => id, 1 => string()].boxed()),
        ("message", string()),
    ]);
    let message = one_of(&[
        "\"invalid UpdateMyProfileRequest.FirstName: value length must be at most 200\"",
        "\"invalid UpdateMyProfileRequest.Nope: x\"",
        "\"UpdateMyProfileRequest.\"",
        "\"Errors.User.NotChanged\"",
        "\"\"",
    ]);
    shaped(vec![
        (
            "code",
            prop_oneof![
                4 => one_of(&["3", "9"]),
                1 => one_of(&["5", "16", "0"]),
                1 => number(),
            ]
            .boxed(),
        ),
        ("message", prop_oneof![message, string()].boxed()),
        ("details", list(detail)),
    ])
}

pub fn options_shape() -> Text {
    let url = || url_like().prop_map(|u| quote(&u)).boxed();
    shaped(vec![
        ("issuer", url()),
        ("clientId", string()),
        ("redirectUri", url()),
        ("scope", string()),
        ("apiBaseUrl", url()),
        ("postLogoutRedirectUri", url()),
        ("locale", string()),
        ("timeoutMs", number()),
    ])
}

/// What the session store hands back: tokens, sign-ins waiting for their callback,
/// spent refresh tokens, a kept draft with its author.
pub fn kept_shape() -> Text {
    let tokens = shaped(vec![
        ("accessToken", string()),
        ("expiresAtMs", number()),
        ("refreshToken", string()),
        ("idToken", string()),
        ("sub", string()),
        ("session", string()),
    ]);
    let spent = shaped(vec![
        ("token", string()),
        ("atMs", number()),
        ("answers", number()),
    ]);
    let pending = shaped(vec![
        ("state", string()),
        ("nonce", string()),
        ("verifier", string()),
        ("started_ms", number()),
    ]);
    let kept = shaped(vec![("userId", string()), ("draft", profile_shape())]);
    prop_oneof![
        tokens,
        spent,
        pending.clone(),
        list(pending),
        list(string()),
        kept
    ]
    .boxed()
}

/// What another page may post on the tabs' channel: the three kinds of message, with
/// their fields mostly right, and kinds that do not exist.
pub fn message_shape() -> Text {
    let kind = prop_oneof![
        4 => one_of(&["rotated", "ask", "signedOut"]).prop_map(|k| quote(&k)).boxed(),
        1 => string(),
    ];
    let ids = list(string());
    shaped(vec![
        ("kind", kind.boxed()),
        ("spent", string()),
        ("iv", string()),
        ("sealed", string()),
        ("tokens", ids),
        ("session", string()),
    ])
}
