//! The browser's session at the identity provider: a cookie set at sign-in, read by
//! `authorize` to skip the login page, and ended by `end_session` (RP-Initiated
//! Logout 1.0) together with every token issued in it; the browser then goes back to
//! the app, or to the logged-out page when the app names no way back.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{AppendHeaders, Html, IntoResponse, Response};
use serde::Deserialize;

use super::pages::{logout_page, ErrorPage, LOGGED_OUT};
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
            .is_some_and(|app| app.registers_post_logout(uri));
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
    // The new login, asked to end a session it is not told (no hint): its sign-out
    // page, where the person picks the account; the way back travels signed in
    // `logout_token` (`internal/api/oidc/auth_request.go`, `buildLoginV2LogoutURL`).
    let login_v2 = state.store().login_v2.unwrap_or(state.config().login_v2);
    if login_v2 && params.id_token_hint.is_none() {
        let token = state.store().add_logout(target.clone());
        let page = with_params(
            LOGOUT_V2_PATH,
            &[("logout_token", &token), ("post_logout_redirect", &target)],
            ResponseMode::Query,
        );
        return Ok(found(&page));
    }
    Ok(end_browser_session(&state, &headers, &target))
}

/// Ends the browser's session (and everything issued in it), forgets its cookie and
/// sends the browser to `target`.
fn end_browser_session(state: &AppState, headers: &HeaderMap, target: &str) -> Response {
    if let Some((session, _)) = session_user(state, headers) {
        state.store().end_session(&session);
    }
    let expired = format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    (
        AppendHeaders([(header::SET_COOKIE, expired)]),
        found(target),
    )
        .into_response()
}

/// The new login's sign-out page (`DefaultLogoutURLV2`).
pub const LOGOUT_V2_PATH: &str = "/ui/v2/login/logout";

/// The query and form of the new login's sign-out page.
#[derive(Debug, Deserialize)]
pub struct LogoutV2 {
    #[serde(default)]
    logout_token: String,
}

/// `GET /ui/v2/login/logout`: the browser's account, to end with a click.
pub async fn logout_v2_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(Params(params)): Query<Params<LogoutV2>>,
) -> Result<Html<String>, ErrorPage> {
    if !state.store().logouts.contains_key(&params.logout_token) {
        return Err(ErrorPage::SIGN_IN_EXPIRED);
    }
    let accounts: Vec<String> = session_user(&state, &headers)
        .and_then(|(_, user)| state.store().user(&user))
        .map(|user| user.preferred_login_name())
        .into_iter()
        .collect();
    Ok(logout_page(&params.logout_token, &accounts))
}

/// `POST /ui/v2/login/logout`: ends the browser's session and goes back to where the
/// `logout_token` says.
pub async fn logout_v2_end(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::Form(Params(form)): axum::Form<Params<LogoutV2>>,
) -> Result<Response, ErrorPage> {
    let target = state
        .store()
        .logouts
        .remove(&form.logout_token)
        .ok_or(ErrorPage::SIGN_IN_EXPIRED)?;
    Ok(end_browser_session(&state, &headers, &target))
}

/// `GET /ui/login/logout/done`: the page ZITADEL's login shows after a sign-out that
/// names no way back to an app.
pub async fn logged_out() -> Html<&'static str> {
    Html(LOGGED_OUT)
}
