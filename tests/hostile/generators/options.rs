use std::collections::HashMap;

use proptest::prelude::*;
use proptest::sample::select;
use zitadel_profile_form::element::ATTRIBUTES;
use zitadel_profile_form::profile::{Draft, Field, Gender};
use zitadel_profile_form::Options;

use super::json::{one_of, NUMBERS};
use super::text::{dom_text, or_odd, typed};
use super::urls::url_like;
use crate::{Maybe, Text};

/// A value for an option: the right kind mostly, odd text sometimes, or none (as
/// often as `odds` says).
fn option(odds: f64, right: Text) -> Maybe {
    prop::option::weighted(odds, or_odd(right)).boxed()
}

fn client_id() -> Text {
    prop_oneof![8 => "[0-9]{1,18}@[a-z]{1,8}", 1 => Just(" ".to_owned())].boxed()
}

pub fn options() -> impl Strategy<Value = Options> {
    (
        option(0.9, url_like()),
        option(0.9, client_id()),
        option(0.6, url_like()),
        option(0.6, typed()),
        option(0.6, url_like()),
        option(0.6, url_like()),
        option(0.6, typed()),
        prop::option::of(prop_oneof![any::<u32>(), Just(0)]),
        prop::option::weighted(0.3, prop::collection::vec(url_like(), 0..3)),
    )
        .prop_map(
            |(
                issuer,
                client_id,
                redirect_uri,
                scope,
                api_base_url,
                logout,
                locale,
                timeout_ms,
                allowed_api_origins,
            )| {
                Options {
                    issuer,
                    client_id,
                    redirect_uri,
                    scope,
                    api_base_url,
                    post_logout_redirect_uri: logout,
                    locale,
                    timeout_ms,
                    allowed_api_origins,
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
pub fn attributes() -> impl Strategy<Value = HashMap<String, String>> {
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

fn language() -> Text {
    prop_oneof![
        2 => "[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}",
        1 => Just(String::new()),
        1 => typed(),
    ]
    .boxed()
}

/// A draft whose names are [`typed`] and whose language is a [`language`].
pub fn draft() -> impl Strategy<Value = Draft> {
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
