//! Test controls under `/_dev/`: fault injection, token minting, ending a user's
//! sessions, deactivating a user, clock moves, run-time origins and a record of the
//! last API request.
//! Mounted only when the config enables them, so the demo cannot be made to misbehave
//! by a stray request, and then only for loopback hosts and pages.

use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::config::{DEMO_CLIENT_ID, DEMO_USER, FULL_SCOPE};
use crate::state::{AppState, Fault};

/// Marks a response that the server must drop by closing the connection.
#[derive(Debug, Clone, Copy)]
pub struct CloseConnection;

/// Applies a pending fault to a matching request.
pub async fn inject(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let fault = {
        let mut store = state.store();
        match store.fault.as_mut() {
            Some(f) if request.uri().path().starts_with(&f.path_prefix) => {
                f.count = f.count.saturating_sub(1);
                let applied = f.clone();
                if f.count == 0 {
                    store.fault = None;
                }
                Some(applied)
            }
            _ => None,
        }
    };
    let Some(fault) = fault else {
        return next.run(request).await;
    };
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    if fault.close {
        let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
        response.extensions_mut().insert(CloseConnection);
        return response;
    }
    match fault.status {
        Some(status) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut response = (status, fault.body.unwrap_or_default()).into_response();
            if let Ok(value) = HeaderValue::from_str(&fault.content_type) {
                response.headers_mut().insert(header::CONTENT_TYPE, value);
            }
            response
        }
        None => next.run(request).await,
    }
}

/// Keeps the last API request so tests can check exactly what a client sent.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, 1 << 20).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let header = |name: header::HeaderName| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    {
        let mut store = state.store();
        store.request_count += 1;
        let entry = json!({
            "count": store.request_count,
            "method": parts.method.as_str(),
            "path": parts.uri.path(),
            "contentType": header(header::CONTENT_TYPE),
            "origin": header(header::ORIGIN),
            "body": String::from_utf8_lossy(&bytes),
        });
        store.last_request = Some(entry);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Mint {
    #[serde(default = "demo_user")]
    user_name: String,
    #[serde(default = "demo_client")]
    client_id: String,
    #[serde(default = "default_scope")]
    scope: String,
}
fn demo_user() -> String {
    DEMO_USER.into()
}
fn demo_client() -> String {
    DEMO_CLIENT_ID.into()
}
fn default_scope() -> String {
    FULL_SCOPE.into()
}

/// Whose sessions to end, or who to deactivate.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SessionsOf {
    #[serde(default = "demo_user")]
    user_name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Clock {
    advance_seconds: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Origin {
    #[serde(default = "demo_client")]
    client_id: String,
    origin: String,
}

/// Whether ZITADEL wants a second factor of a user from now on.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Mfa {
    #[serde(default = "demo_user")]
    user_name: String,
    required: bool,
}

/// The new login on or off for the instance.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LoginV2 {
    required: bool,
}

async fn mfa(State(s): State<AppState>, Json(m): Json<Mfa>) -> StatusCode {
    let mut store = s.store();
    let Some(id) = store.user_id_by_name(&m.user_name) else {
        return StatusCode::NOT_FOUND;
    };
    if let Some(user) = store.users.get_mut(&id) {
        user.mfa_required = m.required;
    }
    StatusCode::NO_CONTENT
}

async fn login_v2(State(s): State<AppState>, Json(l): Json<LoginV2>) -> StatusCode {
    s.store().login_v2 = Some(l.required);
    StatusCode::NO_CONTENT
}

/// The `/_dev/` routes. Bodies are JSON; every field has a default unless marked.
///
/// - `POST /_dev/faults` `{count, status, body, contentType, delayMs, close, pathPrefix}`:
///   the next `count` requests under `pathPrefix` (default `/auth/v1/`) get the fault;
///   `DELETE /_dev/faults` clears it.
/// - `POST /_dev/reset`: back to the seeded users, all active, with no sessions,
///   tokens, fault, added origins, recorded request or clock offset.
/// - `POST /_dev/clock` `{advanceSeconds}` (required): moves the clock forward.
/// - `POST /_dev/origins` `{clientId, origin}` (`origin` required): one more allowed
///   origin for the app.
/// - `POST /_dev/tokens` `{userName, clientId, scope}`: tokens as after a sign-in, in a
///   session of their own; 409 for a deactivated user.
/// - `POST /_dev/end-sessions` `{userName}` (default the demo user; the body may be left
///   out): ends every session of the user, as signing out elsewhere or an administrator
///   terminating them would. Every token issued in them (access and refresh) stops
///   working and the login page asks for the password again; `end_session` with an old
///   `id_token_hint` still goes back to the app. 204, or 404 for an unknown user.
/// - `POST /_dev/deactivate` `{userName}` (default the demo user; the body may be left
///   out): deactivates the user, as an administrator would in ZITADEL. Its sessions end
///   and every token of it stops working (the API answers 401 `AUTH-7fs1e`, a refresh
///   gets `RefreshTokenInvalid`), and the login page refuses it with "User is
///   inactive" and no code, until `/_dev/reset`. 204, or 404 for an unknown user.
/// - `POST /_dev/profile` `{userName, profile}` (`profile` required, shaped like the body
///   of `PUT /auth/v1/users/me/profile`): changes the user's profile as if from
///   elsewhere (another device, an administrator, an action), under ZITADEL's rules and
///   as one change with the next sequence. 200 with the change's `details`, 400 for a
///   profile the rules refuse, 404 for an unknown user, 412 when nothing changes.
/// - `POST /_dev/mfa` `{userName, required}` (`required` required): whether ZITADEL
///   wants a second factor of the user from now on, as when an administrator forces
///   MFA: tokens of sessions signed in without one get 403 `AUTHZ-Kl3p0` from the API,
///   and the login asks for the code. 204, or 404 for an unknown user.
/// - `POST /_dev/login-v2` `{required}` (required): the new login on or off for the
///   instance, over the config's `loginV2`.
/// - `DELETE /_dev/users/{id}`: removes a user.
/// - `GET /_dev/last-request`: the last Auth API request, or `null`.
///
/// The app mounts them behind [`crate::loopback::guard`] and [`crate::cors::dev`].
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/_dev/faults",
            post(
                |State(s): State<AppState>, Json(f): Json<Fault>| async move {
                    s.store().fault = Some(f);
                    StatusCode::NO_CONTENT
                },
            )
            .delete(|State(s): State<AppState>| async move {
                s.store().fault = None;
                StatusCode::NO_CONTENT
            }),
        )
        .route(
            "/_dev/reset",
            post(|State(s): State<AppState>| async move {
                s.reset();
                StatusCode::NO_CONTENT
            }),
        )
        .route(
            "/_dev/clock",
            post(
                |State(s): State<AppState>, Json(c): Json<Clock>| async move {
                    s.advance_clock(Duration::from_secs(c.advance_seconds));
                    StatusCode::NO_CONTENT
                },
            ),
        )
        .route(
            "/_dev/origins",
            post(
                |State(s): State<AppState>, Json(o): Json<Origin>| async move {
                    s.store()
                        .extra_origins
                        .entry(o.client_id)
                        .or_default()
                        .push(o.origin);
                    StatusCode::NO_CONTENT
                },
            ),
        )
        .route("/_dev/tokens", post(mint))
        .route("/_dev/end-sessions", post(end_sessions))
        .route("/_dev/deactivate", post(deactivate))
        .route("/_dev/profile", post(change_profile))
        .route("/_dev/mfa", post(mfa))
        .route("/_dev/login-v2", post(login_v2))
        .route(
            "/_dev/users/{id}",
            delete(
                |State(s): State<AppState>, Path(id): Path<String>| async move {
                    match s.store().users.remove(&id) {
                        Some(_) => StatusCode::NO_CONTENT,
                        None => StatusCode::NOT_FOUND,
                    }
                },
            ),
        )
        .route(
            "/_dev/last-request",
            get(|State(s): State<AppState>| async move {
                Json(
                    s.store()
                        .last_request
                        .clone()
                        .unwrap_or(serde_json::Value::Null),
                )
            }),
        )
}

/// Issues tokens for a user without the browser round trip, exactly as the token
/// endpoint would after a sign-in.
async fn mint(State(state): State<AppState>, Json(m): Json<Mint>) -> Response {
    let user_id = state.store().user_id_by_name(&m.user_name);
    let (Some(user_id), Some(_)) = (user_id, state.config().app(&m.client_id)) else {
        return (StatusCode::NOT_FOUND, "no such user or client").into_response();
    };
    if !state.store().is_active(&user_id) {
        // ZITADEL issues no tokens to an inactive user.
        return (StatusCode::CONFLICT, "the user is inactive").into_response();
    }
    Json(crate::oidc::mint(&state, &user_id, &m.client_id, &m.scope)).into_response()
}

/// Ends every session of a user and every token issued in them. Without a JSON body
/// it is the demo user's.
async fn end_sessions(State(state): State<AppState>, body: Option<Json<SessionsOf>>) -> Response {
    let user_name = body.map_or_else(demo_user, |Json(b)| b.user_name);
    let mut store = state.store();
    let Some(user_id) = store.user_id_by_name(&user_name) else {
        return (StatusCode::NOT_FOUND, "no such user").into_response();
    };
    store.end_sessions_of(&user_id);
    StatusCode::NO_CONTENT.into_response()
}

/// Deactivates a user: its sessions and tokens end and it cannot sign in. Without a
/// JSON body it is the demo user.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ProfileChange {
    #[serde(default = "demo_user")]
    user_name: String,
    profile: serde_json::Value,
}

async fn change_profile(
    State(state): State<AppState>,
    Json(change): Json<ProfileChange>,
) -> Response {
    let body = change.profile.to_string();
    let request = match crate::rules::ProfileRequest::from_json(body.as_bytes()) {
        Ok(request) => request,
        Err(why) => return (StatusCode::BAD_REQUEST, why).into_response(),
    };
    if let Err(refused) = crate::rules::validate(&request) {
        return (StatusCode::BAD_REQUEST, refused.message()).into_response();
    }
    let mut store = state.store();
    let Some(user_id) = store.user_id_by_name(&change.user_name) else {
        return (StatusCode::NOT_FOUND, "no such user").into_response();
    };
    match store.update_profile(&user_id, crate::state::Profile::from(request)) {
        Ok(change) => Json(json!({
            "details": {"sequence": change.sequence.to_string(), "changeDate": change.change_date}
        }))
        .into_response(),
        Err(_) => (StatusCode::PRECONDITION_FAILED, "nothing changes").into_response(),
    }
}

async fn deactivate(State(state): State<AppState>, body: Option<Json<SessionsOf>>) -> Response {
    let user_name = body.map_or_else(demo_user, |Json(b)| b.user_name);
    let mut store = state.store();
    let Some(user_id) = store.user_id_by_name(&user_name) else {
        return (StatusCode::NOT_FOUND, "no such user").into_response();
    };
    store.deactivate(&user_id);
    StatusCode::NO_CONTENT.into_response()
}
