//! Query strings and form bodies read into typed structs the way ZITADEL's OAuth
//! handlers read them: a repeated key keeps its last value, and the structs are built so
//! that reading never fails (every field is an `Option`, has a default, or is an enum
//! with a catch-all variant). A missing or unknown value therefore reaches the handler,
//! which answers with the endpoint's own error instead of a generic rejection.
//!
//! Use them inside axum's extractors: `Query(Params(p)): Query<Params<AuthorizeParams>>`.

use std::collections::HashMap;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// `T` from the request's parameters, an empty value counting as absent.
#[derive(Debug)]
pub struct Params<T>(pub T);

/// `T` from the request's parameters as sent, empty values included: for an endpoint
/// where `token=` is a token (an unknown one) rather than no token.
#[derive(Debug)]
pub struct AsSent<T>(pub T);

/// A parameter with a fixed set of values: one of them, or something else, which the
/// handler refuses in its own words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum OneOf<T> {
    Known(T),
    Other(String),
}

fn read<'de, D, T>(deserializer: D, keep_empty: bool) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    // Collecting into a map keeps the last of repeated keys.
    let pairs = HashMap::<String, String>::deserialize(deserializer)?;
    let object: Map<String, Value> = pairs
        .into_iter()
        .filter(|(_, value)| keep_empty || !value.is_empty())
        .map(|(key, value)| (key, Value::String(value)))
        .collect();
    T::deserialize(Value::Object(object)).map_err(D::Error::custom)
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Params<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read(deserializer, false).map(Self)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for AsSent<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read(deserializer, true).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use axum::extract::Query;
    use axum::http::Uri;

    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Mode {
        Query,
        #[serde(other)]
        Other,
    }

    #[derive(Debug, Deserialize)]
    struct Example {
        state: Option<String>,
        mode: Option<Mode>,
        strict: Option<OneOf<Strict>>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Strict {
        Query,
    }

    fn query<T: DeserializeOwned>(query: &str) -> T {
        let uri: Uri = format!("/?{query}").parse().unwrap();
        Query::<T>::try_from_uri(&uri).unwrap().0
    }

    fn params(query_string: &str) -> Example {
        query::<Params<Example>>(query_string).0
    }

    #[test]
    fn the_last_of_a_repeated_key_wins() {
        assert_eq!(params("state=a&state=b").state.as_deref(), Some("b"));
        assert_eq!(params("state=a&state=").state, None);
    }

    #[test]
    fn empty_values_are_absent_unless_kept() {
        assert_eq!(params("state=&mode=").mode, None);
        let as_sent = query::<AsSent<Example>>("state=").0;
        assert_eq!(as_sent.state.as_deref(), Some(""));
    }

    #[test]
    fn unknown_values_and_keys_do_not_fail() {
        let example = params("mode=form_post&other=1&%zz=%ff");
        assert_eq!(example.mode, Some(Mode::Other));
        assert_eq!(params("mode=query").mode, Some(Mode::Query));
    }

    #[test]
    fn one_of_keeps_what_it_does_not_know() {
        let known = params("strict=query").strict;
        assert_eq!(known, Some(OneOf::Known(Strict::Query)));
        let other = params("strict=Query").strict;
        assert_eq!(other, Some(OneOf::Other("Query".into())));
    }
}
