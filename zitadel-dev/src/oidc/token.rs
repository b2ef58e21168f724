//! The token endpoint (authorization code with PKCE S256, refresh with rotation) and
//! token revocation (RFC 7009), answering errors as ZITADEL does: RFC 6749 §5.2 bodies,
//! mostly `invalid_request` with ZITADEL's untranslated i18n key as the description
//! (`internal/api/oidc/error.go`).

use std::time::{Duration, SystemTime};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Form, Json};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::config::{
    has_scope, project_id, AuthMethod, Config, API_AUDIENCE_SCOPE, ZITADEL_PROJECT_ID,
};
use crate::error::{OAuthError, OAuthErrorCode, NO_STORE};
use crate::params::{AsSent, Params};
use crate::state::{
    unix, AccessToken, AppState, CodeGrant, Language, RefreshGrant, TokenRefused, CODE_BYTES,
};

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
    /// A Web app's secret in the form (`client_secret_post`); the stand-in's Web app
    /// takes any non-empty one.
    client_secret: Option<String>,
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
    // A Web app (client secret) is verified before any grant: without a secret it
    // is refused (`internal/api/oidc/client.go`), whatever the request holds.
    let basic = state
        .config()
        .app(client_id)
        .is_some_and(|app| app.auth_method == AuthMethod::Basic);
    if basic
        && request
            .client_secret
            .as_deref()
            .unwrap_or_default()
            .is_empty()
    {
        return Err(OAuthError::new(
            OAuthErrorCode::InvalidClient,
            "empty client secret",
        ));
    }
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
    /// The sign-in's nonce, for every id_token of the grant.
    nonce: Option<String>,
    auth_time: u64,
    /// When the grant's refresh tokens end for good; `None` before the first one.
    refresh_expires: Option<SystemTime>,
    /// The OIDC session's language, fixed at sign-in; `None` before the first tokens.
    language: Option<Language>,
}

/// The authorization code grant, with PKCE (RFC 6749 §4.1.3, RFC 7636 §4.6). The code
/// is spent only once every check has passed.
fn exchange_code(
    state: &AppState,
    client_id: &str,
    request: &TokenRequest,
) -> Result<Granted, OAuthError> {
    let code = request
        .code
        .as_deref()
        .ok_or_else(|| OAuthError::invalid_request("code missing"))?;
    if !URL_SAFE_NO_PAD
        .decode(code)
        .is_ok_and(|bytes| bytes.len() == CODE_BYTES)
    {
        return Err(OAuthError::code_invalid());
    }
    let mut store = state.store();
    let now = store.now();
    // An expired code is gone from ZITADEL's auth request cache, like a spent one.
    let grant = store
        .code(code)
        .filter(|grant| grant.expires > now)
        .ok_or_else(OAuthError::code_not_found)?;
    check_exchange(&grant, client_id, request)?;
    store.take_code(code);
    Ok(Granted {
        user_id: grant.user_id,
        client_id: grant.client_id,
        session: grant.session,
        scope: grant.scope,
        nonce: grant.nonce,
        auth_time: grant.auth_time,
        refresh_expires: None,
        language: None,
    })
}

/// ZITADEL's checks of a known code, in its order (`internal/api/oidc/token_code.go`,
/// zitadel/oidc `AuthorizeCodeChallenge`): the client, the verifier, the redirect URI.
/// Only a wrong verifier and a different redirect URI are `invalid_grant`.
fn check_exchange(
    grant: &CodeGrant,
    client_id: &str,
    request: &TokenRequest,
) -> Result<(), OAuthError> {
    if grant.client_id != client_id {
        let code = OAuthErrorCode::InvalidClient;
        return Err(OAuthError::new(code, "client_id does not correspond"));
    }
    let verifier = request
        .code_verifier
        .as_deref()
        .ok_or_else(|| OAuthError::invalid_request("code_verifier required"))?;
    if s256(verifier) != grant.code_challenge {
        return Err(OAuthError::invalid_grant("invalid code_verifier"));
    }
    if request.redirect_uri.as_deref() != Some(grant.redirect_uri.as_str()) {
        return Err(OAuthError::invalid_grant(
            "redirect_uri does not correspond",
        ));
    }
    Ok(())
}

/// The refresh token grant with rotation (RFC 6749 §6). A spent, expired, revoked or
/// unknown refresh token, or one of a deactivated user, gets ZITADEL's
/// `invalid_request` with its i18n key; another client's token is `invalid_client`
/// and stays unspent.
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
        return Err(OAuthError::new(
            code,
            "grant_type \"refresh_token\" not allowed",
        ));
    }
    let token = request
        .refresh_token
        .as_deref()
        .ok_or_else(|| OAuthError::invalid_request("refresh_token missing"))?;
    let mut store = state.store();
    let grant = store
        .take_refresh_token(token, client_id)
        .map_err(|refused| match refused {
            TokenRefused::Unknown => OAuthError::refresh_token_invalid(),
            TokenRefused::OtherClient => {
                let code = OAuthErrorCode::InvalidClient;
                OAuthError::new(code, "client_id does not correspond")
            }
        })?;
    let now = store.now();
    let expired = grant.idle_expires <= now || grant.absolute_expires <= now;
    if expired || !store.is_active(&grant.user_id) {
        return Err(OAuthError::refresh_token_invalid());
    }
    Ok(Granted {
        user_id: grant.user_id,
        client_id: grant.client_id,
        session: grant.session,
        scope: grant.scope,
        nonce: grant.nonce,
        auth_time: grant.auth_time,
        refresh_expires: Some(grant.absolute_expires),
        language: Some(grant.language),
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
        refresh_expires: None,
        language: None,
    };
    issue_tokens(state, &granted)
}

/// Access token, id token and (with `offline_access` and the grant enabled) a refresh
/// token, as the token endpoint answers.
fn issue_tokens(state: &AppState, granted: &Granted) -> Value {
    let config = state.config();
    let mut store = state.store();
    let now = store.now();
    // The new login issues a refresh token only with the grant; the classic login for
    // `offline_access` alone (zitadel#9715), and the grant is checked at the refresh.
    let login_v2 = store.login_v2.unwrap_or(config.login_v2);
    let wants_refresh = has_scope(&granted.scope, "offline_access")
        && config
            .app(&granted.client_id)
            .is_some_and(|a| a.refresh_token_grant || !login_v2);
    // ZITADEL fixes the session's language when the session starts (`prefLang`): a
    // refresh keeps it, whatever the profile says by then.
    let language = granted.language.clone().unwrap_or_else(|| {
        store
            .user(&granted.user_id)
            .map_or_else(Language::default, |u| u.profile.preferred_language)
    });
    let refresh = wants_refresh.then(|| RefreshGrant {
        user_id: granted.user_id.clone(),
        session: granted.session.clone(),
        client_id: granted.client_id.clone(),
        scope: granted.scope.clone(),
        idle_expires: now + Duration::from_secs(config.refresh_token_idle_seconds),
        absolute_expires: granted
            .refresh_expires
            .unwrap_or_else(|| now + Duration::from_secs(config.refresh_token_absolute_seconds)),
        auth_time: granted.auth_time,
        nonce: granted.nonce.clone(),
        language: language.clone(),
    });
    let access = AccessToken {
        user_id: granted.user_id.clone(),
        session: granted.session.clone(),
        client_id: granted.client_id.clone(),
        scope: granted.scope.clone(),
        expires: now + config.access_token_ttl(),
        refresh_token: None,
        language,
    };
    let (access_token, refresh_token) = store.issue(access, refresh);
    drop(store);
    let claims = id_token_claims(config, granted, &access_token, unix(now));
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

/// The id_token's claims, shaped like ZITADEL's (`internal/api/oidc/token.go`,
/// zitadel/oidc `NewIDTokenClaims`): the audience is the client, its project and, with
/// the API audience scope, ZITADEL's own project; `azp` and `client_id` name the
/// client; `sid` names the session; the sign-in's nonce stays on refreshed id_tokens.
fn id_token_claims(config: &Config, granted: &Granted, access_token: &str, now: u64) -> Value {
    let client_id = granted.client_id.as_str();
    let mut aud = vec![client_id, project_id(client_id)];
    if has_scope(&granted.scope, API_AUDIENCE_SCOPE) {
        aud.push(ZITADEL_PROJECT_ID);
    }
    aud.dedup();
    let mut claims = json!({
        "iss": config.issuer,
        "sub": granted.user_id,
        "aud": aud,
        "azp": client_id,
        "client_id": client_id,
        "exp": now + config.id_token_seconds,
        "iat": now,
        "auth_time": granted.auth_time,
        "amr": ["pwd"],
        "at_hash": at_hash(access_token),
        "sid": session_id(&granted.session),
    });
    if let Some(nonce) = &granted.nonce {
        claims["nonce"] = json!(nonce);
    }
    claims
}

/// The `sid` claim: a stable name for the session that does not give away the session
/// cookie's value (a hash of it).
fn session_id(session: &str) -> String {
    let digest = Sha256::digest(format!("sid:{session}").as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..16])
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

/// RFC 7009 as ZITADEL answers it (`internal/command/oidc_session.go`
/// `RevokeOIDCSessionToken`): 200 for a token nobody holds; a revoked refresh token
/// takes its access token with it. A public client needs only its `client_id`; an
/// unknown client, or another client's live token, is `invalid_client` with 401.
pub async fn revoke(
    State(state): State<AppState>,
    Form(AsSent(request)): Form<AsSent<RevokeRequest>>,
) -> Result<StatusCode, OAuthError> {
    if state.config().app(&request.client_id).is_none() {
        return Err(OAuthError::client_not_found().with_status(StatusCode::UNAUTHORIZED));
    }
    let token = request
        .token
        .ok_or_else(|| OAuthError::invalid_request("token missing"))?;
    state
        .store()
        .revoke(&request.client_id, &token)
        .map_err(|_| {
            let code = OAuthErrorCode::InvalidClient;
            OAuthError::new(code, "token was not issued for this client")
                .with_status(StatusCode::UNAUTHORIZED)
        })?;
    Ok(StatusCode::OK)
}
