//! The OpenID Connect side: discovery, keys, authorize with a login page, token
//! (authorization code + PKCE S256, refresh with rotation), revoke, userinfo, end session.

use std::collections::HashMap;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::{Form, Json};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::error::{no_store, OAuthError};
use crate::state::{
    random_token, unix, AccessToken, AppState, AuthRequest, CodeGrant, RefreshGrant,
};

type Params = HashMap<String, String>;

const SESSION_COOKIE: &str = "zitadel_dev_session";
pub const API_AUDIENCE_SCOPE: &str = "urn:zitadel:iam:org:project:id:zitadel:aud";

pub async fn discovery(State(state): State<AppState>) -> Json<serde_json::Value> {
    let issuer = &state.config().issuer;
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/oauth/v2/authorize"),
        "token_endpoint": format!("{issuer}/oauth/v2/token"),
        "introspection_endpoint": format!("{issuer}/oauth/v2/introspect"),
        "userinfo_endpoint": format!("{issuer}/oidc/v1/userinfo"),
        "revocation_endpoint": format!("{issuer}/oauth/v2/revoke"),
        "end_session_endpoint": format!("{issuer}/oidc/v1/end_session"),
        "jwks_uri": format!("{issuer}/oauth/v2/keys"),
        "scopes_supported": ["openid", "profile", "email", "phone", "address", "offline_access"],
        "response_types_supported": ["code", "id_token", "id_token token"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "grant_types_supported": ["authorization_code", "implicit", "refresh_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["none", "client_secret_basic", "client_secret_post", "private_key_jwt"],
        "revocation_endpoint_auth_methods_supported": ["none", "client_secret_basic", "client_secret_post", "private_key_jwt"],
        "claims_supported": ["sub", "aud", "exp", "iat", "iss", "auth_time", "nonce", "acr", "amr", "azp",
            "name", "given_name", "family_name", "nickname", "preferred_username", "locale", "gender",
            "email", "email_verified", "updated_at"],
        "code_challenge_methods_supported": ["S256"],
        "ui_locales_supported": state.config().languages,
        "request_parameter_supported": true,
        "request_uri_parameter_supported": false,
    }))
}

pub async fn jwks(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(json!({ "keys": [state.keys().jwk] }))
}

/// A page for errors that must not be sent to an unverified redirect URI.
fn error_page(status: StatusCode, title: &str, text: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title></head>\
         <body><h1>{t}</h1><p data-testid=\"idp-error\">{x}</p></body></html>",
        t = escape(title),
        x = escape(text)
    );
    (status, Html(body)).into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `base?k=v&...` (or `#k=v` for the fragment mode), values percent-encoded.
pub fn with_params(base: &str, params: &[(&str, &str)], fragment: bool) -> String {
    let encoded: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    let separator = if fragment {
        '#'
    } else if base.contains('?') {
        '&'
    } else {
        '?'
    };
    format!("{base}{separator}{encoded}")
}

/// An error for the client, sent to its redirect URI (RFC 6749 §4.1.2.1).
fn redirect_error(
    redirect_uri: &str,
    state: Option<&str>,
    fragment: bool,
    error: &str,
    description: &str,
) -> Response {
    let mut params = vec![("error", error), ("error_description", description)];
    if let Some(state) = state {
        params.push(("state", state));
    }
    Redirect::to(&with_params(redirect_uri, &params, fragment)).into_response()
}

fn session_user(state: &AppState, headers: &HeaderMap) -> Option<(String, String)> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    let session = cookies
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())?;
    let user = state.store().sessions.get(&session).cloned()?;
    Some((session, user))
}

pub async fn authorize(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Response {
    let get = |k: &str| params.get(k).map(String::as_str).filter(|v| !v.is_empty());
    let Some(app) = get("client_id").and_then(|id| state.config().app(id)) else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Invalid client",
            "The client_id is missing or unknown.",
        );
    };
    let redirect_uri = get("redirect_uri").unwrap_or_default();
    if !app.redirect_uris.iter().any(|u| u == redirect_uri) {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Invalid redirect_uri",
            "The requested redirect_uri is missing in the client configuration. If you have any \
             questions, you may contact the administrator of the application.",
        );
    }
    let client_state = get("state");
    let fragment = match get("response_mode").unwrap_or("query") {
        "query" => false,
        "fragment" => true,
        _ => {
            return redirect_error(
                redirect_uri,
                client_state,
                false,
                "invalid_request",
                "unsupported response_mode",
            )
        }
    };
    let fail = |error: &str, description: &str| {
        redirect_error(redirect_uri, client_state, fragment, error, description)
    };
    if get("response_type") != Some("code") {
        return fail(
            "unsupported_response_type",
            "The requested response type is missing or not allowed for this client.",
        );
    }
    let scope = get("scope").unwrap_or_default();
    if !scope.split(' ').any(|s| s == "openid") {
        return fail(
            "invalid_scope",
            "The scope openid is missing in your request.",
        );
    }
    let Some(challenge) = get("code_challenge") else {
        return fail(
            "invalid_request",
            "code_challenge is required for clients without authentication",
        );
    };
    if get("code_challenge_method") != Some("S256") {
        return fail("invalid_request", "code_challenge_method must be S256");
    }
    let request = AuthRequest {
        client_id: app.client_id.clone(),
        redirect_uri: redirect_uri.to_owned(),
        scope: scope.to_owned(),
        state: client_state.map(str::to_owned),
        nonce: get("nonce").map(str::to_owned),
        code_challenge: challenge.to_owned(),
        response_mode: if fragment { "fragment" } else { "query" }.into(),
    };
    let prompt = get("prompt").unwrap_or_default();
    let session = session_user(&state, &headers);
    if prompt.split(' ').any(|p| p == "none") {
        return match session {
            Some((_, user)) => complete(&state, request, &user),
            None => fail("login_required", "The user must sign in first."),
        };
    }
    if let (Some((_, user)), false) = (session, prompt.contains("login")) {
        return complete(&state, request, &user);
    }
    let id = random_token(12);
    state.store().auth_requests.insert(id.clone(), request);
    Redirect::to(&with_params(
        "/ui/login/login",
        &[("authRequestID", &id)],
        false,
    ))
    .into_response()
}

/// Finishes a sign-in: a code for the client on its redirect URI.
fn complete(state: &AppState, request: AuthRequest, user_id: &str) -> Response {
    let code = random_token(24);
    let grant = CodeGrant {
        user_id: user_id.to_owned(),
        client_id: request.client_id,
        redirect_uri: request.redirect_uri.clone(),
        scope: request.scope,
        nonce: request.nonce,
        code_challenge: request.code_challenge,
        expires: state.now() + Duration::from_secs(state.config().code_seconds),
        auth_time: unix(state.now()),
    };
    state.store().codes.insert(code.clone(), grant);
    let mut params = vec![("code", code.as_str())];
    if let Some(s) = request.state.as_deref() {
        params.push(("state", s));
    }
    let fragment = request.response_mode == "fragment";
    Redirect::to(&with_params(&request.redirect_uri, &params, fragment)).into_response()
}

fn login_form(id: &str, error: Option<&str>) -> Html<String> {
    let error = error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e)))
        .unwrap_or_default();
    Html(format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in · ZITADEL (local)</title>
<style>body{{font-family:system-ui,sans-serif;max-width:22rem;margin:3rem auto;padding:0 1rem}}
label{{display:block;margin:.8rem 0 .2rem}}input{{width:100%;padding:.5rem;box-sizing:border-box}}
button{{margin-top:1rem;padding:.5rem 1rem}}.error{{color:#b3261e}}</style></head>
<body><h1>Sign in</h1><p>Local ZITADEL stand-in</p>{error}
<form method="post" action="/ui/login/login">
<input type="hidden" name="authRequestID" value="{id}">
<label for="loginName">Login name</label><input id="loginName" name="loginName" autocomplete="username" autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit" name="action" value="login" id="submit">Sign in</button>
<button type="submit" name="action" value="cancel" id="cancel">Cancel</button>
</form></body></html>"#,
        id = escape(id)
    ))
}

pub async fn login_page(State(state): State<AppState>, Query(params): Query<Params>) -> Response {
    let id = params.get("authRequestID").cloned().unwrap_or_default();
    if !state.store().auth_requests.contains_key(&id) {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Sign-in expired",
            "This sign-in request is unknown or expired. Start again from the application.",
        );
    }
    login_form(&id, None).into_response()
}

pub async fn login_submit(State(state): State<AppState>, Form(form): Form<Params>) -> Response {
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or_default();
    let id = field("authRequestID");
    let Some(request) = state.store().auth_requests.get(id).cloned() else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Sign-in expired",
            "This sign-in request is unknown or expired. Start again from the application.",
        );
    };
    if field("action") == "cancel" {
        state.store().auth_requests.remove(id);
        return redirect_error(
            &request.redirect_uri,
            request.state.as_deref(),
            request.response_mode == "fragment",
            "access_denied",
            "The user cancelled the sign-in.",
        );
    }
    let user = state
        .store()
        .users
        .values()
        .find(|u| u.user_name == field("loginName") && u.password == field("password"))
        .map(|u| u.id.clone());
    let Some(user) = user else {
        return (
            StatusCode::OK,
            login_form(id, Some("Username or password is invalid.")),
        )
            .into_response();
    };
    state.store().auth_requests.remove(id);
    let session = random_token(24);
    state.store().sessions.insert(session.clone(), user.clone());
    let mut response = complete(&state, request, &user);
    let cookie = format!("{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// Access token, id token and (with `offline_access` and the grant enabled) a refresh
/// token, as the token endpoint answers.
pub fn issue_tokens(
    state: &AppState,
    user_id: &str,
    client_id: &str,
    scope: &str,
    nonce: Option<&str>,
    auth_time: u64,
) -> serde_json::Value {
    let config = state.config();
    let now = state.now();
    let wants_refresh = scope.split(' ').any(|s| s == "offline_access")
        && config.app(client_id).is_some_and(|a| a.refresh_token_grant);
    let refresh_token = wants_refresh.then(|| random_token(32));
    let access_token = random_token(32);
    let mut store = state.store();
    if let Some(token) = &refresh_token {
        store.refresh_tokens.insert(
            token.clone(),
            RefreshGrant {
                user_id: user_id.to_owned(),
                client_id: client_id.to_owned(),
                scope: scope.to_owned(),
                idle_expires: now + Duration::from_secs(config.refresh_token_idle_seconds),
                auth_time,
            },
        );
    }
    store.access_tokens.insert(
        access_token.clone(),
        AccessToken {
            user_id: user_id.to_owned(),
            client_id: client_id.to_owned(),
            scope: scope.to_owned(),
            expires: now + config.access_token_ttl(),
            refresh_token: refresh_token.clone(),
        },
    );
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

pub async fn token(State(state): State<AppState>, Form(form): Form<Params>) -> Response {
    match token_grant(&state, &form) {
        Ok(body) => {
            let mut response = Json(body).into_response();
            no_store(&mut response);
            response
        }
        Err(error) => error.into_response(),
    }
}

fn token_grant(state: &AppState, form: &Params) -> Result<serde_json::Value, OAuthError> {
    let get = |k: &str| form.get(k).map(String::as_str).filter(|v| !v.is_empty());
    let client_id = get("client_id")
        .filter(|id| state.config().app(id).is_some())
        .ok_or_else(|| OAuthError::new("invalid_client", "client not found"))?;
    match get("grant_type") {
        Some("authorization_code") => {
            let code = get("code").ok_or_else(|| OAuthError::invalid_request("code missing"))?;
            // Taken out at once: a code works exactly once, right or wrong.
            let grant = state
                .store()
                .codes
                .remove(code)
                .ok_or_else(|| OAuthError::invalid_grant("invalid code"))?;
            if grant.expires <= state.now() {
                return Err(OAuthError::invalid_grant("code expired"));
            }
            if grant.client_id != client_id {
                return Err(OAuthError::invalid_grant("invalid code"));
            }
            if get("redirect_uri") != Some(grant.redirect_uri.as_str()) {
                return Err(OAuthError::invalid_grant(
                    "redirect_uri does not correspond",
                ));
            }
            let verifier = get("code_verifier")
                .ok_or_else(|| OAuthError::invalid_grant("code_verifier required"))?;
            if s256(verifier) != grant.code_challenge {
                return Err(OAuthError::invalid_grant("invalid code challenge"));
            }
            Ok(issue_tokens(
                state,
                &grant.user_id,
                client_id,
                &grant.scope,
                grant.nonce.as_deref(),
                grant.auth_time,
            ))
        }
        Some("refresh_token") => {
            if !state
                .config()
                .app(client_id)
                .is_some_and(|a| a.refresh_token_grant)
            {
                return Err(OAuthError::new(
                    "unauthorized_client",
                    "refresh_token grant not allowed",
                ));
            }
            let token = get("refresh_token")
                .ok_or_else(|| OAuthError::invalid_request("refresh_token missing"))?;
            let mut store = state.store();
            let grant = store
                .refresh_tokens
                .get(token)
                .filter(|g| g.client_id == client_id)
                .cloned()
                .ok_or_else(|| OAuthError::invalid_grant("invalid refresh token"))?;
            // Rotation: the spent token stops working now.
            store.refresh_tokens.remove(token);
            drop(store);
            if grant.idle_expires <= state.now() {
                return Err(OAuthError::invalid_grant("refresh token expired"));
            }
            Ok(issue_tokens(
                state,
                &grant.user_id,
                client_id,
                &grant.scope,
                None,
                grant.auth_time,
            ))
        }
        Some(_) => Err(OAuthError::new(
            "unsupported_grant_type",
            "grant_type not supported",
        )),
        None => Err(OAuthError::invalid_request("grant_type missing")),
    }
}

/// RFC 7009: 200 for any token, known or not; a revoked refresh token takes its
/// access tokens with it.
pub async fn revoke(State(state): State<AppState>, Form(form): Form<Params>) -> Response {
    let client_id = form
        .get("client_id")
        .map(String::as_str)
        .unwrap_or_default();
    if state.config().app(client_id).is_none() {
        return OAuthError::new("invalid_client", "client not found").into_response();
    }
    let Some(token) = form.get("token") else {
        return OAuthError::invalid_request("token missing").into_response();
    };
    let mut store = state.store();
    if store
        .refresh_tokens
        .get(token)
        .is_some_and(|g| g.client_id == client_id)
    {
        store.refresh_tokens.remove(token);
        store
            .access_tokens
            .retain(|_, a| a.refresh_token.as_deref() != Some(token.as_str()));
    } else if store
        .access_tokens
        .get(token)
        .is_some_and(|a| a.client_id == client_id)
    {
        store.access_tokens.remove(token);
    }
    StatusCode::OK.into_response()
}

/// The live access token named by a `Bearer` header.
pub fn bearer(state: &AppState, headers: &HeaderMap) -> Option<Result<AccessToken, ()>> {
    let value = headers.get(header::AUTHORIZATION)?;
    let token = value.to_str().ok().and_then(|v| {
        v.strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
    });
    let found = token
        .and_then(|t| state.store().access_tokens.get(t.trim()).cloned())
        .filter(|a| a.expires > state.now());
    Some(found.ok_or(()))
}

pub async fn userinfo(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(Ok(token)) = bearer(&state, &headers) else {
        let mut response = (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "invalid_token", "error_description": "access token invalid"})),
        )
            .into_response();
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer error=\"invalid_token\""),
        );
        return response;
    };
    let Some(user) = state.store().users.get(&token.user_id).cloned() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let scopes: Vec<&str> = token.scope.split(' ').collect();
    let mut claims = json!({ "sub": user.id });
    if scopes.contains(&"profile") {
        let p = &user.profile;
        claims["name"] = json!(p.display_name);
        claims["given_name"] = json!(p.first_name);
        claims["family_name"] = json!(p.last_name);
        if !p.nick_name.is_empty() {
            claims["nickname"] = json!(p.nick_name);
        }
        claims["preferred_username"] = json!(user.user_name);
        claims["locale"] = json!(p.preferred_language);
        if p.gender != crate::rules::Gender::Unspecified {
            let g = serde_json::to_value(p.gender).unwrap_or_default();
            let g = g
                .as_str()
                .unwrap_or_default()
                .trim_start_matches("GENDER_")
                .to_lowercase();
            claims["gender"] = json!(g);
        }
        claims["updated_at"] = json!(unix(state.now()));
    }
    if scopes.contains(&"email") {
        claims["email"] = json!(user.email);
        claims["email_verified"] = json!(user.email_verified);
    }
    Json(claims).into_response()
}

pub async fn end_session(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Response {
    let get = |k: &str| params.get(k).map(String::as_str).filter(|v| !v.is_empty());
    let hinted_client = match get("id_token_hint") {
        Some(hint) => match state.keys().verify(hint) {
            Some(claims) => claims["azp"].as_str().map(str::to_owned),
            None => {
                return error_page(
                    StatusCode::BAD_REQUEST,
                    "Sign-out failed",
                    "The id_token_hint is invalid.",
                )
            }
        },
        None => None,
    };
    let client_id = get("client_id").map(str::to_owned).or(hinted_client);
    let target = match get("post_logout_redirect_uri") {
        Some(uri) => {
            let allowed = client_id
                .as_deref()
                .and_then(|id| state.config().app(id))
                .is_some_and(|app| app.post_logout_redirect_uris.iter().any(|u| u == uri));
            if !allowed {
                return error_page(
                    StatusCode::BAD_REQUEST,
                    "Sign-out failed",
                    "The post_logout_redirect_uri is not registered for this client.",
                );
            }
            let mut p = vec![];
            if let Some(s) = get("state") {
                p.push(("state", s));
            }
            Some(if p.is_empty() {
                uri.to_owned()
            } else {
                with_params(uri, &p, false)
            })
        }
        None => None,
    };
    if let Some((session, _)) = session_user(&state, &headers) {
        state.store().sessions.remove(&session);
    }
    let mut response = match target {
        Some(uri) => Redirect::to(&uri).into_response(),
        None => Html("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed out</title></head><body><h1>You are signed out.</h1></body></html>").into_response(),
    };
    let expired = format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    if let Ok(value) = HeaderValue::from_str(&expired) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
