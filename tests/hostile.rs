//! Hostile input never panics. Everything the widget reads from outside (the callback
//! URL, token responses, id_tokens, discovery, API bodies, options from JSON or element
//! attributes, values kept in the session, what the person types) goes through
//! functions that answer any input, valid-shaped or garbage, huge or deeply nested,
//! with a value or a typed error. Each property runs 256 cases, or `ZPF_PROPTEST_CASES`.
//!
//! The generators aim at every branch: bodies are mostly the right shape with a few
//! values of the wrong type, so that the checks behind the parsers run too.
#![cfg(not(target_arch = "wasm32"))]

mod cases;

use std::collections::HashMap;

use cases::cases;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde::de::DeserializeOwned;
use zitadel_profile_form::api::{draft_of, MeResponse, UpdateResponse};
use zitadel_profile_form::element::{options_from_attributes, stylesheet_allowed, ATTRIBUTES};
use zitadel_profile_form::http::{decode, HttpError};
use zitadel_profile_form::i18n::catalogue::{install, Catalogue};
use zitadel_profile_form::i18n::{Key, Message};
use zitadel_profile_form::languages;
use zitadel_profile_form::oidc::discovery::Discovery;
use zitadel_profile_form::oidc::encoding::{base64url, base64url_decode, form_encode, parse_query};
use zitadel_profile_form::oidc::protocol::{
    check_id_token, check_refreshed_id_token, parse_callback, Callback, IdClaims, TokenError,
    TokenResponse,
};
use zitadel_profile_form::oidc::stored::{PendingSignIn, Tokens};
use zitadel_profile_form::oidc::strip_callback_params;
use zitadel_profile_form::oidc::types::{Nonce, RefreshToken, State};
use zitadel_profile_form::oidc::SignInError;
use zitadel_profile_form::problem::{Problem, ZitadelError};
use zitadel_profile_form::profile::Field;
use zitadel_profile_form::profile::{Draft, Gender, KeptDraft};
use zitadel_profile_form::screen::{loaded, LoadResult};
use zitadel_profile_form::url::{is_secure, origin};
use zitadel_profile_form::validate::{check, validate};
use zitadel_profile_form::{Config, Options, OptionsError};

type Text = BoxedStrategy<String>;
type Maybe = BoxedStrategy<Option<String>>;

/// The longest of the huge inputs, in chars.
const HUGE: usize = 1 << 16;
/// The deepest nesting tried; JSON parsers give up far earlier.
const DEEP: usize = 5000;

const ISSUER: &str = "https://acme.zitadel.cloud";
const CLIENT_ID: &str = "123@app";
const NONCE: &str = "n-1";
/// The id_token check's clock, in seconds.
const NOW: u64 = 1_800_000_000;
/// The latest `Date.now()` tried, in milliseconds: the year 2100.
const LATEST_MS: u64 = 4_102_444_800_000;

// ---- text ----------------------------------------------------------------------------

/// `piece` repeated to up to [`HUGE`] chars.
fn huge(piece: impl Strategy<Value = String> + 'static) -> Text {
    (piece, 1..HUGE)
        .prop_map(|(piece, len)| piece.chars().cycle().take(len).collect())
        .boxed()
}

/// Chars that trouble text handling: controls, combining marks with nothing to
/// combine with, zero-width and direction marks, odd spaces, the edges of the
/// surrogate gap, and the separators of URLs and JSON.
fn odd_char() -> BoxedStrategy<char> {
    prop_oneof![
        prop::char::range('\0', '\u{1f}'),
        prop::char::range('\u{7f}', '\u{9f}'),
        prop::char::range('\u{300}', '\u{36f}'),
        select(vec![
            '\u{200b}',
            '\u{200d}',
            '\u{202e}',
            '\u{2028}',
            '\u{feff}',
            '\u{a0}',
            '\u{3000}',
            '\u{fffd}',
            '\u{d7ff}',
            '\u{e000}',
            '\u{10ffff}',
            '%',
            '&',
            '=',
            '+',
            '?',
            '#',
            '/',
            '\\',
            '"',
            '{',
            '[',
            '.',
        ]),
    ]
    .boxed()
}

/// Any text: any chars, odd ones often, sometimes huge.
fn text() -> Text {
    let short = prop_oneof![
        any::<String>(),
        prop::collection::vec(prop_oneof![any::<char>(), odd_char()], 0..64)
            .prop_map(String::from_iter),
    ];
    prop_oneof![6 => short.clone(), 1 => huge(short)].boxed()
}

/// Text as the DOM hands it to Rust: UTF-16 with lone surrogates, made lossy as the
/// browser bindings make it.
fn dom_text() -> Text {
    let unit = prop_oneof![any::<u16>(), 0xd800u16..0xe000, 0x20u16..0x7f];
    prop::collection::vec(unit, 0..128)
        .prop_map(|units| String::from_utf16_lossy(&units))
        .boxed()
}

/// `right` mostly, else any text, DOM text, or `right` with DOM text after it.
fn or_odd(right: Text) -> Text {
    prop_oneof![
        12 => right.clone(),
        1 => text(),
        1 => dom_text(),
        1 => (right, dom_text()).prop_map(|(r, d)| r + &d),
    ]
    .boxed()
}

/// `text` as it is, or cut short, with a char spliced in, or with a char taken out.
fn mangled(text: Text) -> Text {
    (text, any::<Index>(), 0..8u8, odd_char())
        .prop_map(|(mut text, at, how, c)| {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match how {
                1 => text.truncate(i),
                2 => text.insert(i, c),
                3 if i < text.len() => {
                    text.remove(i);
                }
                _ => {}
            }
            text
        })
        .boxed()
}

// ---- URLs and queries ----------------------------------------------------------------

const SCHEMES: &[&str] = &[
    "https://",
    "http://",
    "HTTPS://",
    "ftp://",
    "javascript:",
    "",
    "//",
    "https:",
    " https://",
    "https:\\\\",
];
const HOSTS: &[&str] = &[
    "acme.zitadel.cloud",
    "Acme.Zitadel.Cloud",
    "localhost",
    "localhost:8080",
    "127.0.0.1:18080",
    "127.0.0.1.evil.example",
    "[::1]:8080",
    "[::1",
    "user@evil.example",
    "",
    "a b",
    "münchen.de",
    ":443",
    "host:99999",
    "%2e%2e",
];
const URL_PIECES: &[&str] = &[
    "/", "/path", "//", "?", "?x=1", "#", "#top", "%", "%2F", " ", "\t", "\n", "\0", "\\", "@",
    "/..", "/./", ":",
];

/// Anything near a URL: good ones (https, or http on this machine), odd schemes and
/// hosts, queries, fragments, escapes.
fn url_like() -> Text {
    let host = prop_oneof![
        3 => select(&["https://acme.zitadel.cloud", "https://api.example.com:8443", "https://app.example"][..]),
        1 => select(&["http://localhost:8080", "http://127.0.0.1:18080", "http://[::1]:8080"][..]),
    ];
    let good =
        (host, "(/[a-z0-9._~%-]{0,8}){0,3}/?").prop_map(|(host, path)| format!("{host}{path}"));
    let host = prop_oneof![4 => select(HOSTS).prop_map(str::to_owned), 1 => text()];
    let piece = prop_oneof![
        3 => select(URL_PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    let wild = (select(SCHEMES), host, prop::collection::vec(piece, 0..5))
        .prop_map(|(scheme, host, path)| format!("{scheme}{host}{}", path.concat()));
    prop_oneof![4 => good, 1 => wild].boxed()
}

const QUERY_PIECES: &[&str] = &[
    "%",
    "%2",
    "%zz",
    "%%",
    "%FF",
    "%C3",
    "%C3%A4",
    "%ED%A0%80",
    "%F4%90%80%80",
    "%00",
    "+",
    "=",
    "&",
    "==",
    "&&",
    "%2B",
    "%3D",
    "%26",
];
/// The parameters a callback may carry.
const CALLBACK_KEYS: [&str; 6] = zitadel_profile_form::oidc::CALLBACK_PARAMS;
/// How often each of [`CALLBACK_KEYS`] is in a query.
const CALLBACK_ODDS: [f64; 6] = [0.7, 0.7, 0.3, 0.4, 0.4, 0.3];

/// A query's key or value: plain characters, good and broken percent escapes, escaped
/// bytes that are no UTF-8, sometimes huge.
fn query_value() -> Text {
    let piece = prop_oneof![
        3 => "[a-zA-Z0-9._~-]{1,8}",
        3 => select(QUERY_PIECES).prop_map(str::to_owned),
        2 => any::<u8>().prop_map(|b| format!("%{b:02X}")),
        1 => any::<u8>().prop_map(|b| format!("%{b:02x}")),
        1 => any::<char>().prop_map(String::from),
    ];
    let short = prop::collection::vec(piece, 0..12).prop_map(|p| p.concat());
    prop_oneof![8 => short.clone(), 1 => huge(short)].boxed()
}

/// `k=v&k&…`: each of the callback's keys or not, in any order, among other keys,
/// with a loose end now and then.
fn query() -> Text {
    let pair = |key: Text| {
        (key, prop::option::weighted(0.9, query_value())).prop_map(|(k, v)| match v {
            Some(v) => format!("{k}={v}"),
            None => k,
        })
    };
    let ours: Vec<Maybe> = CALLBACK_KEYS
        .iter()
        .zip(CALLBACK_ODDS)
        .map(|(k, odds)| prop::option::weighted(odds, pair(Just(k.to_string()).boxed())).boxed())
        .collect();
    let others = prop::collection::vec(pair(query_value()), 0..3);
    let end = select(&["", "", "", "%", "&", "%4", "="][..]);
    let shaped = (ours, others, end).prop_flat_map(|(ours, others, end)| {
        let pairs: Vec<String> = ours.into_iter().flatten().chain(others).collect();
        Just(pairs)
            .prop_shuffle()
            .prop_map(move |pairs| pairs.join("&") + end)
    });
    prop_oneof![6 => shaped, 1 => text(), 1 => dom_text()].boxed()
}

// ---- JSON ----------------------------------------------------------------------------

fn quote(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

fn array(items: Vec<String>) -> String {
    format!("[{}]", items.join(","))
}

fn object(fields: Vec<String>) -> String {
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
const NUMBERS: &[&str] = &[
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
fn one_of(values: &'static [&'static str]) -> Text {
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
fn json() -> Text {
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
fn shaped(fields: Vec<(&'static str, Text)>) -> Text {
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
fn catalogue_shape() -> Text {
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
fn body(shape: Text) -> Text {
    prop_oneof![6 => mangled(shape), 1 => json(), 1 => deep(), 1 => text()].boxed()
}

fn token_shape() -> Text {
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

fn discovery_shape() -> Text {
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

fn me_shape() -> Text {
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

fn update_shape() -> Text {
    shaped(vec![("details", details_shape())])
}

fn zitadel_error_shape() -> Text {
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

fn options_shape() -> Text {
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
fn kept_shape() -> Text {
    let tokens = shaped(vec![
        ("accessToken", string()),
        ("expiresAtMs", number()),
        ("refreshToken", string()),
        ("idToken", string()),
        ("sub", string()),
    ]);
    let pending = shaped(vec![
        ("state", string()),
        ("nonce", string()),
        ("verifier", string()),
        ("started_ms", number()),
    ]);
    let kept = shaped(vec![("userId", string()), ("draft", profile_shape())]);
    prop_oneof![tokens, pending.clone(), list(pending), list(string()), kept].boxed()
}

// ---- id_tokens -----------------------------------------------------------------------

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
fn id_token() -> Text {
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
fn good_claims() -> Text {
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
fn trusted(claims: &IdClaims, now: u64) -> Result<(), TestCaseError> {
    prop_assert_eq!(claims.iss.as_str(), ISSUER);
    prop_assert!(!claims.sub.is_empty());
    prop_assert!(claims.aud.iter().any(|a| a == CLIENT_ID));
    prop_assert!(claims.azp.as_deref().is_none_or(|a| a == CLIENT_ID));
    prop_assert!(claims.exp > now);
    prop_assert!(claims.iat.is_some());
    Ok(())
}

fn config() -> Config {
    Options {
        issuer: Some(ISSUER.to_owned()),
        client_id: Some(CLIENT_ID.to_owned()),
        ..Default::default()
    }
    .resolve("https://app.example/")
    .expect("the test's own options are valid")
}

// ---- options, attributes, drafts ---------------------------------------------------

/// A value for an option: the right kind mostly, odd text sometimes, or none (as
/// often as `odds` says).
fn option(odds: f64, right: Text) -> Maybe {
    prop::option::weighted(odds, or_odd(right)).boxed()
}

fn client_id() -> Text {
    prop_oneof![8 => "[0-9]{1,18}@[a-z]{1,8}", 1 => Just(" ".to_owned())].boxed()
}

fn options() -> impl Strategy<Value = Options> {
    (
        option(0.9, url_like()),
        option(0.9, client_id()),
        option(0.6, url_like()),
        option(0.6, typed()),
        option(0.6, url_like()),
        option(0.6, url_like()),
        option(0.6, typed()),
        prop::option::of(prop_oneof![any::<u32>(), Just(0)]),
    )
        .prop_map(
            |(issuer, client_id, redirect_uri, scope, api_base_url, logout, locale, timeout_ms)| {
                Options {
                    issuer,
                    client_id,
                    redirect_uri,
                    scope,
                    api_base_url,
                    post_logout_redirect_uri: logout,
                    locale,
                    timeout_ms,
                }
            },
        )
}

/// A stylesheet's `href`: URLs of any kind, relative paths, protocol-relative ones,
/// scripts and data.
fn stylesheet() -> Text {
    let odd = one_of(&[
        "style.css",
        "/css/form.css",
        "//evil.example/x.css",
        "\\\\evil.example/x.css",
        "/\\evil.example/x.css",
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/css,*{}",
        "http://evil.example/x.css",
        "",
    ]);
    prop_oneof![url_like(), odd].boxed()
}

/// An element's attributes: each one the element reads or not, with a value of the
/// right kind or DOM text with its lone surrogates, and other attributes beside them.
fn attributes() -> impl Strategy<Value = HashMap<String, String>> {
    let number = (one_of(NUMBERS), select(&["", " ", "\t", "\u{a0}"][..]))
        .prop_map(|(n, pad)| format!("{pad}{n}{pad}"))
        .boxed();
    let values: Vec<Maybe> = ATTRIBUTES
        .iter()
        .map(|name| match *name {
            "issuer" => option(0.9, url_like()),
            "client-id" => option(0.9, client_id()),
            "scope" | "locale" => option(0.6, typed()),
            "timeout-ms" => option(0.6, number.clone()),
            "stylesheet" => option(0.6, stylesheet()),
            _ => option(0.6, url_like()),
        })
        .collect();
    let others = prop::collection::vec((dom_text(), dom_text()), 0..3);
    (values, others).prop_map(|(values, others)| {
        let named = ATTRIBUTES
            .iter()
            .zip(values)
            .filter_map(|(name, value)| Some((name.to_string(), value?)));
        others.into_iter().chain(named).collect()
    })
}

/// What a person might type into a name: a name, anything, DOM text, combining marks
/// with nothing to combine with, lengths around the limits, huge text.
fn typed() -> Text {
    prop_oneof![
        3 => "[\\p{L}\\p{M}' -]{1,40}",
        3 => text(),
        2 => dom_text(),
        1 => prop::collection::vec(prop::char::range('\u{300}', '\u{36f}'), 0..220)
            .prop_map(String::from_iter),
        1 => prop::collection::vec(odd_char(), 195..206).prop_map(String::from_iter),
        1 => (any::<char>(), 195..206usize).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
    .boxed()
}

fn language() -> Text {
    prop_oneof![
        2 => "[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}",
        1 => Just(String::new()),
        1 => typed(),
    ]
    .boxed()
}

/// A draft whose names are [`typed`] and whose language is a [`language`].
fn draft() -> impl Strategy<Value = Draft> {
    let names = prop::collection::vec(typed(), 4);
    (names, language(), select(Gender::ALL.to_vec())).prop_map(|(names, language, gender)| {
        let mut draft = Draft {
            gender,
            ..Draft::default()
        };
        for (field, value) in Field::ALL
            .into_iter()
            .zip(names.into_iter().chain([language]))
        {
            if let Some(slot) = field.value_mut(&mut draft) {
                *slot = value;
            }
        }
        draft
    })
}

// ---- checks --------------------------------------------------------------------------

/// Decodes `body` as a 2xx answer's `T`: the value, or `None` for a typed refusal.
fn decoded<T: DeserializeOwned>(body: &str) -> Result<Option<T>, TestCaseError> {
    match decode::<T>(body) {
        Ok(value) => Ok(Some(value)),
        Err(HttpError::Decode(reason)) if !reason.is_empty() => Ok(None),
        Err(other) => Err(TestCaseError::fail(format!(
            "not a decode error: {other:?}"
        ))),
    }
}

/// A resolved configuration is usable as is: secure URLs without query or fragment,
/// bases without trailing slash, an API elsewhere only over https, trimmed names, a
/// positive timeout.
fn sane(config: &Config) -> Result<(), TestCaseError> {
    for url in [
        &config.issuer,
        &config.api_base_url,
        &config.redirect_uri,
        &config.post_logout_redirect_uri,
    ] {
        prop_assert!(!url.contains(['?', '#']), "{:?} in {:?}", url, config);
        prop_assert!(is_secure(url), "{:?} in {:?}", url, config);
    }
    for base in [&config.issuer, &config.api_base_url] {
        prop_assert!(!base.ends_with('/'), "{:?}", config);
    }
    if origin(&config.api_base_url) != origin(&config.issuer) {
        prop_assert!(config.api_base_url.starts_with("https://"), "{:?}", config);
    }
    prop_assert!(config.session_name().contains(&config.issuer));
    prop_assert!(config.timeout_ms > 0);
    prop_assert!(!config.client_id.is_empty() && config.client_id.trim() == config.client_id);
    prop_assert!(
        !config.scope.is_empty()
            && config
                .scope
                .split(' ')
                .all(|s| !s.is_empty() && !s.contains(char::is_whitespace)),
        "scope {:?}",
        config.scope
    );
    prop_assert!(config
        .locale
        .as_deref()
        .is_none_or(|l| !l.is_empty() && l.trim() == l));
    Ok(())
}

/// `options` resolve to a sane configuration, or to an error with words; a zero
/// timeout never passes.
fn resolves_or_refuses(options: Options, page_url: &str) -> Result<(), TestCaseError> {
    let zero_timeout = options.timeout_ms == Some(0);
    match options.resolve(page_url) {
        Ok(config) => {
            prop_assert!(!zero_timeout);
            sane(&config)
        }
        Err(error) => {
            prop_assert!(!error.to_string().is_empty());
            Ok(())
        }
    }
}

fn problem_is_told(problem: &Problem) -> Result<(), TestCaseError> {
    prop_assert!(!problem.to_string().is_empty(), "{:?}", problem);
    prop_assert!(!problem.kind().as_str().is_empty());
    Ok(())
}

fn status() -> impl Strategy<Value = u16> {
    let known = select(vec![
        0u16,
        200,
        400,
        400,
        400,
        401,
        403,
        404,
        418,
        429,
        500,
        503,
        600,
        u16::MAX,
    ]);
    prop_oneof![1 => any::<u16>(), 1 => Just(400), 2 => known]
}

// ---- properties ----------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn callback_queries_parse_or_are_no_callback(query in query()) {
        let pairs = parse_query(&query);
        prop_assert_eq!(pairs.len(), query.split('&').filter(|p| !p.is_empty()).count());
        let rest = strip_callback_params(&query);
        prop_assert!(parse_query(&rest).iter().all(|(k, _)| !CALLBACK_KEYS.contains(&k.as_str())));
        match parse_callback(&query) {
            Some(Callback::Code { code, state, iss }) => {
                prop_assert!(!code.is_empty() && !state.as_str().is_empty());
                prop_assert!(iss.is_none_or(|i| !i.is_empty()));
            }
            Some(Callback::Error { error, description, state }) => {
                prop_assert!(!error.as_str().is_empty());
                prop_assert!(description.as_deref().is_none_or(|d| !d.is_empty()));
                prop_assert!(state.is_none_or(|s| !s.as_str().is_empty()));
                let told = SignInError::Authorize { error, description }.to_string();
                prop_assert!(!told.is_empty());
            }
            None => {}
        }
    }

    #[test]
    fn encoded_queries_parse_back(pairs in prop::collection::vec((text(), text()), 0..6)) {
        let borrowed: Vec<(&str, &str)> =
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        prop_assert_eq!(parse_query(&form_encode(&borrowed)), pairs);
    }

    #[test]
    fn a_code_and_state_make_a_callback(code in text(), state in text()) {
        let query = form_encode(&[("code", &code), ("state", &state)]);
        let expected = (!code.is_empty() && !state.is_empty()).then(|| Callback::Code {
            code,
            state: State::new(state),
            iss: None,
        });
        prop_assert_eq!(parse_callback(&query), expected);
    }

    #[test]
    fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..512), pad in 0..3usize) {
        let encoded = base64url(&bytes);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(base64url_decode(&encoded), Some(bytes.clone()));
        prop_assert_eq!(base64url_decode(&(encoded + &"=".repeat(pad))), Some(bytes));
    }

    #[test]
    fn base64url_decodes_anything_or_refuses(
        text in prop_oneof![2 => "[A-Za-z0-9_=+/-]{0,64}", 1 => text(), 1 => dom_text()],
    ) {
        if let Some(bytes) = base64url_decode(&text) {
            prop_assert_eq!(bytes.len(), text.trim_end_matches('=').len() * 6 / 8);
        }
    }

    #[test]
    fn token_responses_decode_or_refuse(body in body(token_shape()), now_ms in 0..=LATEST_MS) {
        if let Some(response) = decoded::<TokenResponse>(&body)? {
            let tokens = Tokens::signed_in(response, "1".to_owned(), now_ms);
            prop_assert!(tokens.expires_at_ms >= now_ms, "expires before it arrived");
            if let Some(again) = decoded::<TokenResponse>(&body)? {
                let tokens = tokens.refreshed(again, now_ms);
                prop_assert!(tokens.expires_at_ms >= now_ms, "expires before it arrived");
            }
        }
        if let Some(error) = decoded::<TokenError>(&body)? {
            prop_assert!(!SignInError::Token(error).to_string().is_empty());
        }
    }

    #[test]
    fn id_tokens_are_checked_or_refused(
        token in id_token(),
        now in prop_oneof![3 => Just(NOW), 1 => 0..=LATEST_MS / 1000],
    ) {
        let config = config();
        let first = check_id_token(&token, &config, &Nonce::new(NONCE.to_owned()), now);
        if let Ok(claims) = &first {
            prop_assert_eq!(claims.nonce.as_deref(), Some(NONCE));
        }
        let refreshed = check_refreshed_id_token(&token, &config, "1", now);
        if let Ok(claims) = &refreshed {
            prop_assert_eq!(claims.sub.as_str(), "1");
        }
        for checked in [first, refreshed] {
            match checked {
                Ok(claims) => trusted(&claims, now)?,
                Err(error) => prop_assert!(!error.message().to_string().is_empty()),
            }
        }
    }

    /// An imported catalogue is outside input: whatever it holds, reading it and
    /// wording every message with it neither panics nor loses a placeholder's value.
    #[test]
    fn catalogues_decode_or_refuse(
        body in body(catalogue_shape()),
        count in 0usize..1000,
    ) {
        if let Ok(catalogue) = Catalogue::parse(&body) {
            install("xx", catalogue);
            for &key in Key::ALL {
                let message = Message::new(key).with("max", 200_usize).count("over", count);
                let _ = message.render("xx");
            }
        }
    }

    #[test]
    fn id_tokens_with_the_right_claims_pass(
        claims in good_claims(),
        header in "[A-Za-z0-9_-]{0,40}",
        signature in "[A-Za-z0-9_-]{0,400}",
    ) {
        let token = format!("{header}.{}.{signature}", base64url(claims.as_bytes()));
        let checked = check_id_token(&token, &config(), &Nonce::new(NONCE.to_owned()), NOW);
        prop_assert!(checked.is_ok(), "{:?} for {}", checked, claims);
    }

    #[test]
    fn discovery_decodes_or_refuses(
        body in body(discovery_shape()),
        keep in prop::collection::vec(typed(), 0..3),
    ) {
        if let Some(discovery) = decoded::<Discovery>(&body)? {
            let keep: Vec<&str> = keep.iter().map(String::as_str).collect();
            let choices = languages::options(&discovery.ui_locales_supported, &keep, "Not set");
            prop_assert!(choices.len() > discovery.ui_locales_supported.len());
            match discovery.verified(ISSUER) {
                Ok(trusted) => {
                    prop_assert_eq!(trusted.issuer.as_str(), ISSUER);
                    for endpoint in [&trusted.authorization_endpoint, &trusted.token_endpoint] {
                        prop_assert!(is_secure(endpoint), "{}", endpoint);
                        let home = origin(endpoint);
                        prop_assert_eq!(home.as_deref(), Some(ISSUER));
                    }
                }
                Err(error) => {
                    prop_assert!(!SignInError::Discovery(error).to_string().is_empty());
                }
            }
        }
    }

    #[test]
    fn api_answers_decode_or_refuse(me in body(me_shape()), update in body(update_shape())) {
        if let Some(me) = decoded::<MeResponse>(&me)? {
            if let Some(human) = me.user.human.clone() {
                let _ = validate(&draft_of(human.profile.form()));
            }
            let shown = loaded(LoadResult::Profile(Box::new(me.user)), None);
            prop_assert!(shown.model().is_some());
        }
        decoded::<UpdateResponse>(&update)?;
    }

    #[test]
    fn error_answers_become_problems(status in status(), body in body(zitadel_error_shape())) {
        if let Some(error) = ZitadelError::parse(&body) {
            prop_assert!(error.code != 0 || !error.message.is_empty());
            let _ = (error.id(), error.field());
        }
        let problem = Problem::from_error(&HttpError::Status { status, body });
        problem_is_told(&problem)?;
        match status {
            401 => prop_assert_eq!(problem, Problem::Unauthenticated),
            429 => prop_assert_eq!(problem, Problem::RateLimited),
            500..=599 => prop_assert_eq!(problem, Problem::Server { status }),
            _ => {}
        }
    }

    #[test]
    fn transport_failures_become_problems(reason in text()) {
        for error in [
            HttpError::Network(reason.clone()),
            HttpError::Decode(reason.clone()),
            HttpError::Timeout,
        ] {
            problem_is_told(&Problem::from_error(&error))?;
            prop_assert!(!SignInError::Transport(error).to_string().is_empty());
        }
    }

    #[test]
    fn options_json_resolves_or_refuses(json in body(options_shape()), page_url in url_like()) {
        match Options::from_json(&json) {
            Ok(options) => resolves_or_refuses(options, &page_url)?,
            Err(error) => {
                prop_assert!(matches!(error, OptionsError::Malformed(_)), "{:?}", error);
                prop_assert!(!error.to_string().is_empty());
            }
        }
    }

    #[test]
    fn options_of_any_text_resolve_or_refuse(
        options in options(),
        page_url in prop_oneof![3 => url_like(), 1 => dom_text()],
    ) {
        resolves_or_refuses(options, &page_url)?;
    }

    #[test]
    fn element_attributes_resolve_or_refuse(attributes in attributes(), page_url in url_like()) {
        let options = options_from_attributes(|name| attributes.get(name).cloned());
        prop_assert_eq!(options.timeout_ms.is_some(), attributes.contains_key("timeout-ms"));
        resolves_or_refuses(options, &page_url)?;
        if let Some(href) = attributes.get("stylesheet") {
            let scheme = href.trim().split(':').next().unwrap_or_default().to_ascii_lowercase();
            let script = scheme == "javascript" || scheme == "data";
            prop_assert!(!(script && stylesheet_allowed(href, &page_url)), "{:?}", href);
        }
    }

    #[test]
    fn drafts_validate_or_name_what_is_wrong(draft in draft()) {
        match validate(&draft) {
            Ok(valid) => {
                let sent = valid.to_draft();
                for field in Field::ALL {
                    prop_assert_eq!(field.value(&sent), field.value(&draft).trim());
                    prop_assert_eq!(check(field, field.value(&sent)), Ok(()));
                }
                let back: Draft = serde_json::from_str(&valid.to_json())
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(back, sent);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for (field, error) in &errors {
                    prop_assert!(!error.to_string().is_empty());
                    prop_assert_eq!(check(*field, field.value(&draft)), Err(error.clone()));
                }
            }
        }
    }

    #[test]
    fn urls_have_an_origin_or_none(url in prop_oneof![3 => url_like(), 1 => text(), 1 => dom_text()]) {
        let found = origin(&url);
        if let Some(found) = &found {
            let (scheme, authority) = found.split_once("://").unwrap_or_default();
            prop_assert!(scheme == "https" || scheme == "http", "{}", found);
            prop_assert!(!authority.is_empty() && !authority.contains(['/', '?', '#', '@']));
            prop_assert_eq!(found.to_ascii_lowercase(), found.clone());
            let again = origin(found);
            prop_assert_eq!(again.as_ref(), Some(found));
        }
        prop_assert!(!is_secure(&url) || found.is_some());
    }

    #[test]
    fn kept_values_decode_or_refuse(body in body(kept_shape())) {
        decoded::<Tokens>(&body)?;
        decoded::<PendingSignIn>(&body)?;
        decoded::<Vec<PendingSignIn>>(&body)?;
        decoded::<Vec<RefreshToken>>(&body)?;
        decoded::<KeptDraft>(&body)?;
    }
}
