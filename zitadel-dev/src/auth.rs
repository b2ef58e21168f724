//! Who is calling: a request's bearer token and the user behind it, as axum extractors.
//! Handlers name what they need ([`BearerToken`], [`Authenticated`], [`CurrentUser`])
//! and never read the `Authorization` header themselves; a request that falls short is
//! answered with the endpoint's own error before the handler runs.

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
    /// No `Authorization` header at all.
    Missing,
    /// A header that names no live access token.
    Invalid,
}

/// The live access token named by the `Authorization: Bearer` header.
fn bearer(state: &AppState, headers: &HeaderMap) -> Result<AccessToken, BearerError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or(BearerError::Missing)?;
    value
        .to_str()
        .ok()
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .and_then(|token| state.store().live_access_token(token.trim()))
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
            BearerError::Invalid => ApiError::token_invalid(),
        })?;
        if !has_scope(&token.scope, API_AUDIENCE_SCOPE) {
            return Err(ApiError::token_invalid());
        }
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
            let language = AcceptLanguage::from_headers(&parts.headers);
            ApiError::user_not_found(language.text(None, Text::UserNotFound))
        })
    }
}
