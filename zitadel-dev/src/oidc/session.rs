//! The browser's session at the identity provider: a cookie set at sign-in, read by
//! `authorize` to skip the login page, and ended by `end_session` (RP-Initiated
//! Logout 1.0) together with every token issued in it; the browser then goes back to
//! the app, or to the logged-out page when the app names no way back.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{AppendHeaders, Html, IntoResponse, Response};
use serde::Deserialize;

use super::pages::{ErrorPage, LOGGED_OUT};
use crate::params::Params;
use crate::redirect::{found, with_params, ResponseMode};
use crate::state::AppState;

const SESSION_COOKIE: &str = "zitadel_dev_session";

/// Where `end_session` sends the browser without a `post_logout_redirect_uri`: the
/// login's logged-out page, at ZITADEL's path (`DefaultLoggedOutPath`,
/// `internal/api/ui/login/login.go`).
pub const LOGGED_OUT_PATH: &str = "/ui/login/logout/done";

/// The browser's session id and its user, from the session cookie.
pub(super) fn session_user(state: &AppState, headers: &HeaderMap) -> Option<(String, String)> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    let session = cookies
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())?;
    let user = state.store().session_user(&session)?;
    Some((session, user))
}

/// `response` with the cookie that keeps `session` in the browser.
pub(super) fn with_session_cookie(session: &str, response: Response) -> Response {
    let cookie = format!("{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax");
    (AppendHeaders([(header::SET_COOKIE, cookie)]), response).into_response()
}

/// The query of `GET /oidc/v1/end_session`.
#[derive(Debug, Deserialize)]
pub struct EndSessionParams {
    id_token_hint: Option<String>,
    client_id: Option<String>,
    post_logout_redirect_uri: Option<String>,
    state: Option<String>,
    /// Accepted as ZITADEL accepts it. ZITADEL uses it to pick which of a browser's
    /// sessions to end; a browser holds only one session here, so it changes nothing.
    #[serde(rename = "logout_hint")]
    _logout_hint: Option<String>,
}

impl EndSessionParams {
    /// The app signing out: the one the `id_token_hint` was issued to (its `azp`),
    /// which `client_id` must then equal, or else the one `client_id` names. The hint
    /// needs only this instance's signature: an expired hint, or one whose session has
    /// already ended, still names the app.
    fn client_id(&self, state: &AppState) -> Result<Option<String>, ErrorPage> {
        let Some(hint) = &self.id_token_hint else {
            return Ok(self.client_id.clone());
        };
        let claims = state.keys().verify(hint);
        let claims = claims.ok_or(ErrorPage::INVALID_ID_TOKEN_HINT)?;
        let azp = claims["azp"].as_str();
        match &self.client_id {
            Some(id) if azp != Some(id.as_str()) => Err(ErrorPage::CLIENT_ID_NOT_AZP),
            _ => Ok(azp.map(str::to_owned)),
        }
    }

    /// Where the browser goes afterwards: a post-logout URI registered for the app,
    /// with the app's `state`, or else the logged-out page (without `state`, as
    /// zitadel/oidc's `ValidateEndSessionRequest` adds it only to the app's URI).
    fn target(&self, state: &AppState) -> Result<String, ErrorPage> {
        let client_id = self.client_id(state)?;
        let Some(uri) = &self.post_logout_redirect_uri else {
            return Ok(LOGGED_OUT_PATH.to_owned());
        };
        let registered = client_id
            .as_deref()
            .and_then(|id| state.config().app(id))
            .is_some_and(|app| app.post_logout_redirect_uris.contains(uri));
        if !registered {
            return Err(ErrorPage::UNREGISTERED_POST_LOGOUT_URI);
        }
        Ok(match &self.state {
            Some(s) => with_params(uri, &[("state", s)], ResponseMode::Query),
            None => uri.clone(),
        })
    }
}

pub async fn end_session(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(Params(params)): Query<Params<EndSessionParams>>,
) -> Result<Response, ErrorPage> {
    let target = params.target(&state)?;
    if let Some((session, _)) = session_user(&state, &headers) {
        state.store().end_session(&session);
    }
    let expired = format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    Ok((
        AppendHeaders([(header::SET_COOKIE, expired)]),
        found(&target),
    )
        .into_response())
}

/// `GET /ui/login/logout/done`: the page ZITADEL's login shows after a sign-out that
/// names no way back to an app.
pub async fn logged_out() -> Html<&'static str> {
    Html(LOGGED_OUT)
}
