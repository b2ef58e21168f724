use proptest::prelude::*;
use proptest::sample::select;

use super::text::{dom_text, huge, text};
use crate::{Maybe, Text};

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
pub fn url_like() -> Text {
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
pub const CALLBACK_KEYS: [&str; 6] = zitadel_profile_form::oidc::CALLBACK_PARAMS;
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
pub fn query() -> Text {
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
