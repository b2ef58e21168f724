//! The token endpoint (authorization code with PKCE S256, refresh with rotation) and
//! token revocation (RFC 7009), answering errors as RFC 6749 §5.2 bodies.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Form, Json};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::config::has_scope;
use crate::error::{OAuthError, OAuthErrorCode, NO_STORE};
use crate::params::{AsSent, Params};
use crate::state::{unix, AccessToken, AppState, RefreshGrant};

/// A token request's form. Every field is optional so that each missing one gets
/// ZITADEL's own "… missing" answer, in ZITADEL's order.
#[derive(Debug, Deserialize)]
pub struct TokenRequest {
    client_id: Option<String>,
    grant_type: Option<GrantType>,
    code: Option<String>,
    redirect_uri: Option<String>,
    code_verifier: Option<String>,
    refresh_token: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum GrantType {
    AuthorizationCode,
    RefreshToken,
    #[serde(other)]
    Unsupported,
}

pub async fn token(
    State(state): State<AppState>,
    Form(Params(request)): Form<Params<TokenRequest>>,
) -> Result<impl IntoResponse, OAuthError> {
    let client_id = request
        .client_id
        .as_deref()
        .filter(|id| state.config().app(id).is_some())
        .ok_or_else(OAuthError::client_not_found)?;
    let granted = match request.grant_type {
        Some(GrantType::AuthorizationCode) => exchange_code(&state, client_id, &request)?,
        Some(GrantType::RefreshToken) => refresh(&state, client_id, &request)?,
        Some(GrantType::Unsupported) => {
            let code = OAuthErrorCode::UnsupportedGrantType;
            return Err(OAuthError::new(code, "grant_type not supported"));
        }
        None => return Err(OAuthError::invalid_request("grant_type missing")),
    };
    Ok((NO_STORE, Json(issue_tokens(&state, &granted))))
}

/// Whom a grant issues tokens to, for which app and what, and in which session.
struct Granted {
    user_id: String,
    client_id: String,
    session: String,
    scope: String,
    nonce: Option<String>,
    auth_time: u64,
}

/// The authorization code grant, with PKCE (RFC 6749 §4.1.3, RFC 7636 §4.6).
fn exchange_code(
    state: &AppState,
    client_id: &str,
    request: &TokenRequest,
) -> Result<Granted, OAuthError> {
    let code = request
        .code
        .as_deref()
        .ok_or_else(|| OAuthError::invalid_request("code missing"))?;
    let grant = state
        .store()
        .take_code(code)
        .ok_or_else(|| OAuthError::invalid_grant("invalid code"))?;
    if grant.expires <= state.now() {
        return Err(OAuthError::invalid_grant("code expired"));
    }
    if grant.client_id != client_id {
        return Err(OAuthError::invalid_grant("invalid code"));
    }
    if request.redirect_uri.as_deref() != Some(grant.redirect_uri.as_str()) {
        return Err(OAuthError::invalid_grant(
            "redirect_uri does not correspond",
        ));
    }
    let verifier = request
        .code_verifier
        .as_deref()
        .ok_or_else(|| OAuthError::invalid_grant("code_verifier required"))?;
    if s256(verifier) != grant.code_challenge {
        return Err(OAuthError::invalid_grant("invalid code challenge"));
    }
    Ok(Granted {
        user_id: grant.user_id,
        client_id: grant.client_id,
        session: grant.session,
        scope: grant.scope,
        nonce: grant.nonce,
        auth_time: grant.auth_time,
    })
}

/// The refresh token grant with rotation (RFC 6749 §6). A spent, expired, revoked or
/// unknown refresh token gets ZITADEL's `invalid_request` with its i18n key.
fn refresh(
    state: &AppState,
    client_id: &str,
    request: &TokenRequest,
) -> Result<Granted, OAuthError> {
    let allowed = state
        .config()
        .app(client_id)
        .is_some_and(|a| a.refresh_token_grant);
    if !allowed {
        let code = OAuthErrorCode::UnauthorizedClient;
        return Err(OAuthError::new(code, "refresh_token grant not allowed"));
    }
    let token = request
        .refresh_token
        .as_deref()
        .ok_or_else(|| OAuthError::invalid_request("refresh_token missing"))?;
    let grant = state
        .store()
        .take_refresh_token(token, client_id)
        .ok_or_else(OAuthError::refresh_token_invalid)?;
    if grant.idle_expires <= state.now() {
        return Err(OAuthError::refresh_token_invalid());
    }
    // The id token of a refresh carries no nonce (OIDC Core §12.2).
    Ok(Granted {
        user_id: grant.user_id,
        client_id: grant.client_id,
        session: grant.session,
        scope: grant.scope,
        nonce: None,
        auth_time: grant.auth_time,
    })
}

/// Tokens for `user_id` and `client_id` without the browser round trip, exactly as the
/// token endpoint answers after a sign-in. They belong to a session of their own, which
/// no browser holds; ending the user's sessions ends them too.
pub fn mint(state: &AppState, user_id: &str, client_id: &str, scope: &str) -> Value {
    let session = state.store().start_session(user_id.to_owned());
    let granted = Granted {
        user_id: user_id.to_owned(),
        client_id: client_id.to_owned(),
        session,
        scope: scope.to_owned(),
        nonce: None,
        auth_time: unix(state.now()),
    };
    issue_tokens(state, &granted)
}

/// Access token, id token and (with `offline_access` and the grant enabled) a refresh
/// token, as the token endpoint answers.
fn issue_tokens(state: &AppState, granted: &Granted) -> Value {
    let Granted {
        user_id,
        client_id,
        session,
        scope,
        nonce,
        auth_time,
    } = granted;
    let config = state.config();
    let mut store = state.store();
    let now = store.now();
    let wants_refresh = has_scope(scope, "offline_access")
        && config.app(client_id).is_some_and(|a| a.refresh_token_grant);
    let refresh = wants_refresh.then(|| RefreshGrant {
        user_id: user_id.clone(),
        session: session.clone(),
        client_id: client_id.clone(),
        scope: scope.clone(),
        idle_expires: now + Duration::from_secs(config.refresh_token_idle_seconds),
        auth_time: *auth_time,
    });
    let access = AccessToken {
        user_id: user_id.clone(),
        session: session.clone(),
        client_id: client_id.clone(),
        scope: scope.clone(),
        expires: now + config.access_token_ttl(),
        refresh_token: None,
    };
    let (access_token, refresh_token) = store.issue(access, refresh);
    drop(store);
    let mut claims = json!({
        "iss": config.issuer,
        "sub": user_id,
        "aud": [client_id],
        "azp": client_id,
        "exp": unix(now) + config.id_token_seconds,
        "iat": unix(now),
        "auth_time": auth_time,
        "amr": ["pwd"],
        "at_hash": at_hash(&access_token),
    });
    if let Some(nonce) = nonce {
        claims["nonce"] = json!(nonce);
    }
    let mut response = json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": config.access_token_seconds,
        "id_token": state.keys().sign(&claims),
    });
    if let Some(token) = refresh_token {
        response["refresh_token"] = json!(token);
    }
    response
}

/// OIDC Core 3.1.3.6: the left half of SHA-256 of the access token, base64url.
fn at_hash(access_token: &str) -> String {
    let digest = Sha256::digest(access_token.as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..16])
}

/// `BASE64URL(SHA256(verifier))`, RFC 7636 §4.2.
pub fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// A revocation request's form, taken as sent: `token=` is an (unknown) empty token.
#[derive(Debug, Deserialize)]
pub struct RevokeRequest {
    #[serde(default)]
    client_id: String,
    token: Option<String>,
}

/// RFC 7009: 200 for any token, known or not; a revoked refresh token takes its
/// access tokens with it.
pub async fn revoke(
    State(state): State<AppState>,
    Form(AsSent(request)): Form<AsSent<RevokeRequest>>,
) -> Result<StatusCode, OAuthError> {
    if state.config().app(&request.client_id).is_none() {
        return Err(OAuthError::client_not_found());
    }
    let token = request
        .token
        .ok_or_else(|| OAuthError::invalid_request("token missing"))?;
    state.store().revoke(&request.client_id, &token);
    Ok(StatusCode::OK)
}
