//! What every answer must satisfy, shared by the properties.

use proptest::prelude::*;
use proptest::sample::select;
use serde::de::DeserializeOwned;
use zitadel_profile_form::http::{decode, HttpError};
use zitadel_profile_form::problem::Problem;
use zitadel_profile_form::url::{is_secure, origin};
use zitadel_profile_form::{Config, Options};

/// Decodes `body` as a 2xx answer's `T`: the value, or `None` for a typed refusal.
pub fn decoded<T: DeserializeOwned>(body: &str) -> Result<Option<T>, TestCaseError> {
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
pub fn resolves_or_refuses(options: Options, page_url: &str) -> Result<(), TestCaseError> {
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

pub fn problem_is_told(problem: &Problem) -> Result<(), TestCaseError> {
    prop_assert!(!problem.to_string().is_empty(), "{:?}", problem);
    prop_assert!(!problem.kind().as_str().is_empty());
    Ok(())
}

pub fn status() -> impl Strategy<Value = u16> {
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
