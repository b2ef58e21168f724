//! `GET /oauth/v2/authorize`: checks a browser app's request (RFC 6749 §4.1.1 with
//! PKCE, RFC 7636), then reuses the browser's session or parks the request for the
//! login page, and finally sends a code to the app's redirect URI.

use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::pages::ErrorPage;
use super::session::session_user;
use crate::config::{has_scope, App};
use crate::error::{OAuthError, OAuthErrorCode};
use crate::params::{OneOf, Params};
use crate::redirect::{found, with_params, RedirectError, ReplyTo, ResponseMode};
use crate::state::{unix, AppState, AuthRequest, CodeGrant};

/// The query of an authorization request. Everything is optional here so that each
/// missing or wrong value gets ZITADEL's own answer.
#[derive(Debug, Deserialize)]
pub struct AuthorizeParams {
    client_id: Option<String>,
    redirect_uri: Option<String>,
    state: Option<String>,
    response_mode: Option<OneOf<ResponseMode>>,
    response_type: Option<ResponseType>,
    scope: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<ChallengeMethod>,
    nonce: Option<String>,
    prompt: Option<String>,
    /// The languages the client would like the login in, space-separated (OIDC Core §3.1.2.1).
    ui_locales: Option<String>,
}

/// `response_type`: only the code flow is allowed for a browser app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ResponseType {
    Code,
    #[serde(other)]
    Unsupported,
}

/// `code_challenge_method`: only S256 (RFC 7636 §4.2); `plain` is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
enum ChallengeMethod {
    S256,
    #[serde(other)]
    Unsupported,
}

/// Why `authorize` (or the login page after it) stops: a page for the person when the
/// client cannot be trusted with the answer, otherwise an error on its redirect URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorizeError {
    Page(ErrorPage),
    Redirect(RedirectError),
    /// zitadel/oidc's own JSON answer, at ZITADEL, for a redirect URI it will not use.
    Json(OAuthError),
}

impl From<ErrorPage> for AuthorizeError {
    fn from(page: ErrorPage) -> Self {
        Self::Page(page)
    }
}

impl From<RedirectError> for AuthorizeError {
    fn from(error: RedirectError) -> Self {
        Self::Redirect(error)
    }
}

impl IntoResponse for AuthorizeError {
    fn into_response(self) -> Response {
        match self {
            Self::Page(page) => page.into_response(),
            Self::Redirect(error) => error.into_response(),
            Self::Json(error) => error.into_response(),
        }
    }
}

pub async fn authorize(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(Params(mut params)): Query<Params<AuthorizeParams>>,
) -> Result<Response, AuthorizeError> {
    let app = params.app(&state)?;
    let reply = params.reply_to(app)?;
    let prompt = params.prompt.take().unwrap_or_default();
    let request = params.into_request(app, reply)?;
    // `prompt=none` never shows the login page; `prompt=login` always does.
    let silent = prompt.split(' ').any(|p| p == "none");
    match session_user(&state, &headers) {
        Some((session, user)) if silent || !prompt.contains("login") => {
            Ok(complete(&state, request, &session, &user))
        }
        None if silent => {
            let description = "The user must sign in first.";
            let error = request
                .reply
                .error(OAuthErrorCode::LoginRequired, description);
            Err(error.into())
        }
        _ => {
            let id = state.store().add_auth_request(request);
            let login = [("authRequestID", id.as_str())];
            let url = with_params("/ui/login/login", &login, ResponseMode::Query);
            Ok(found(&url))
        }
    }
}

impl AuthorizeParams {
    /// The registered app named by `client_id`.
    fn app<'a>(&self, state: &'a AppState) -> Result<&'a App, ErrorPage> {
        self.client_id
            .as_deref()
            .and_then(|id| state.config().app(id))
            .ok_or(ErrorPage::INVALID_CLIENT)
    }

    /// Where answers go: a redirect URI registered for `app`, in the requested mode.
    /// Until the mode is known to be valid, errors go back in the query.
    fn reply_to(&self, app: &App) -> Result<ReplyTo, AuthorizeError> {
        let redirect_uri = self
            .redirect_uri
            .clone()
            .filter(|uri| app.registers(uri))
            .ok_or(ErrorPage::INVALID_REDIRECT_URI)?;
        // A User Agent app may use plain http only in Development Mode (zitadel/oidc
        // `ValidateAuthReqRedirectURI`); the answer stays at ZITADEL.
        if redirect_uri.starts_with("http://") && !app.dev_mode {
            return Err(AuthorizeError::Json(OAuthError::new(
                OAuthErrorCode::InvalidRequest,
                "This client's redirect_uri is http and is not allowed. If you have any \
                 questions, you may contact the administrator of the application.",
            )));
        }
        let mut reply = ReplyTo {
            redirect_uri,
            state: self.state.clone(),
            mode: ResponseMode::Query,
        };
        reply.mode = match &self.response_mode {
            None => ResponseMode::Query,
            Some(OneOf::Known(mode)) => *mode,
            Some(OneOf::Other(_)) => {
                let description = "unsupported response_mode";
                let error = reply.error(OAuthErrorCode::InvalidRequest, description);
                return Err(error.into());
            }
        };
        Ok(reply)
    }

    /// The rest of the checks, in ZITADEL's order; the request to complete once the
    /// user is known.
    fn into_request(self, app: &App, reply: ReplyTo) -> Result<AuthRequest, RedirectError> {
        if self.response_type != Some(ResponseType::Code) {
            return Err(reply.error(
                OAuthErrorCode::UnsupportedResponseType,
                "The requested response type is missing or not allowed for this client.",
            ));
        }
        let scope = self.scope.unwrap_or_default();
        if !has_scope(&scope, "openid") {
            return Err(reply.error(
                OAuthErrorCode::InvalidScope,
                "The scope openid is missing in your request.",
            ));
        }
        let Some(code_challenge) = self.code_challenge else {
            return Err(reply.error(
                OAuthErrorCode::InvalidRequest,
                "code_challenge is required for clients without authentication",
            ));
        };
        if self.code_challenge_method != Some(ChallengeMethod::S256) {
            let description = "code_challenge_method must be S256";
            return Err(reply.error(OAuthErrorCode::InvalidRequest, description));
        }
        Ok(AuthRequest {
            client_id: app.client_id.clone(),
            scope,
            nonce: self.nonce,
            code_challenge,
            reply,
            ui_locales: self
                .ui_locales
                .unwrap_or_default()
                .split(' ')
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            second_factor_for: None,
        })
    }
}

/// Finishes a sign-in in `session`: a code for the client on its redirect URI, unless
/// the app's project lets only authorized users in and this one holds no grant (the
/// classic login's page, and the browser stays).
pub(super) fn complete(
    state: &AppState,
    request: AuthRequest,
    session: &str,
    user_id: &str,
) -> Response {
    let granted = state
        .config()
        .app(&request.client_id)
        .and_then(|app| app.authorized_users.as_ref())
        .is_none_or(|users| {
            let name = state.store().user(user_id).map(|u| u.user_name);
            name.is_some_and(|name| users.contains(&name))
        });
    if !granted {
        return ErrorPage::GRANT_REQUIRED.into_response();
    }
    let mut store = state.store();
    let now = store.now();
    let code = store.add_code(CodeGrant {
        user_id: user_id.to_owned(),
        session: session.to_owned(),
        client_id: request.client_id,
        redirect_uri: request.reply.redirect_uri.clone(),
        scope: request.scope,
        nonce: request.nonce,
        code_challenge: request.code_challenge,
        expires: now + Duration::from_secs(state.config().code_seconds),
        auth_time: unix(now),
    });
    drop(store);
    request.reply.redirect(&[("code", &code)])
}
