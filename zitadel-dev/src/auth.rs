//! Who is calling: a request's bearer token and the user behind it, as axum extractors.
//! Handlers name what they need ([`BearerToken`], [`Authenticated`], [`CurrentUser`])
//! and never read the `Authorization` header themselves; a request that falls short is
//! answered with the endpoint's own error before the handler runs (or, where the
//! server looks at something else first, as soon as the handler takes the `Result`).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

use crate::config::{has_scope, API_AUDIENCE_SCOPE};
use crate::error::{ApiError, InvalidToken};
use crate::state::{AccessToken, AppState, User};
use crate::texts::{AcceptLanguage, Text};

/// What is wrong with a request's bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BearerError {
    /// No `Authorization` header, or an empty one.
    Missing,
    /// A header that does not split into two on the exact `"Bearer "`: ZITADEL's test
    /// (`internal/api/authz/access_token.go`), so `bearer ` in lower case fails it.
    Malformed,
    /// A well-formed header that names no live access token.
    Invalid,
}

/// The token in an `Authorization` header as ZITADEL takes it apart: split on
/// `"Bearer "` into exactly two parts, the second being the token, untrimmed.
fn token_in(header: &str) -> Option<&str> {
    let mut parts = header.split("Bearer ");
    let (Some(_), Some(token), None) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    Some(token)
}

/// The live access token named by the `Authorization: Bearer` header.
fn bearer(state: &AppState, headers: &HeaderMap) -> Result<AccessToken, BearerError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .filter(|v| !v.is_empty())
        .ok_or(BearerError::Missing)?;
    let token = value
        .to_str()
        .ok()
        .and_then(token_in)
        .ok_or(BearerError::Malformed)?;
    state
        .store()
        .live_access_token(token)
        .ok_or(BearerError::Invalid)
}

/// A live access token, as the userinfo endpoint takes it: any scope, any origin.
#[derive(Debug, Clone)]
pub struct BearerToken(pub AccessToken);

impl FromRequestParts<AppState> for BearerToken {
    type Rejection = InvalidToken;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, InvalidToken> {
        bearer(state, &parts.headers)
            .map(Self)
            .map_err(|_| InvalidToken)
    }
}

/// A live access token the Auth API accepts: it carries the API audience and, when the
/// request names an origin, the token's app allows that origin.
#[derive(Debug, Clone)]
pub struct Authenticated(pub AccessToken);

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer(state, &parts.headers).map_err(|e| match e {
            BearerError::Missing => ApiError::auth_header_missing(),
            BearerError::Malformed => ApiError::invalid_auth_header(),
            BearerError::Invalid => ApiError::token_invalid(),
        })?;
        if !has_scope(&token.scope, API_AUDIENCE_SCOPE) {
            return Err(ApiError::token_invalid());
        }
        let store = state.store();
        let wants_mfa = store.user(&token.user_id).is_some_and(|u| u.mfa_required);
        if wants_mfa && !store.mfa_sessions.contains(&token.session) {
            return Err(ApiError::mfa_required());
        }
        drop(store);
        let origin = parts
            .headers
            .get(header::ORIGIN)
            .and_then(|o| o.to_str().ok());
        if let Some(origin) = origin {
            if !state.origin_allowed(&token.client_id, origin) {
                return Err(ApiError::origin_not_allowed());
            }
        }
        Ok(Self(token))
    }
}

/// The user behind an [`Authenticated`] token.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub User);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Authenticated(token) = Authenticated::from_request_parts(parts, state).await?;
        let user = state.store().user(&token.user_id);
        user.map(Self).ok_or_else(|| {
            let caller = AcceptLanguage::from_headers(&parts.headers);
            let text = Text::UserNotFound.localised(token.language.as_str(), &caller);
            ApiError::user_not_found(text)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_whatever_follows_the_one_exact_bearer_prefix() {
        assert_eq!(token_in("Bearer abc"), Some("abc"));
        assert_eq!(token_in("Bearer  abc"), Some(" abc"));
        assert_eq!(token_in("Bearer "), Some(""));
        // ZITADEL splits anywhere, so text before the prefix is dropped.
        assert_eq!(token_in("xBearer abc"), Some("abc"));
        for malformed in ["bearer abc", "Bearerabc", "Basic abc", "Bearer a Bearer b"] {
            assert_eq!(token_in(malformed), None, "{malformed}");
        }
    }
}
