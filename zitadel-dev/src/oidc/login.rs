//! The login page at `/ui/login/login`: shows the form for a pending sign-in, checks
//! the password, starts the browser session and completes the authorization request.

use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use super::authorize::{complete, AuthorizeError};
use super::pages::{login_form, login_language, second_factor_form, ErrorPage};
use super::session::with_session_cookie;
use crate::config::DEMO_SECOND_FACTOR;
use crate::error::OAuthErrorCode;
use crate::params::Params;
use crate::state::{AppState, AuthRequest};

/// The login page's query: the pending sign-in it is for.
#[derive(Debug, Deserialize)]
pub struct LoginPageParams {
    #[serde(rename = "authRequestID", default)]
    auth_request_id: String,
    /// A language picked on the page itself.
    language: Option<String>,
}

/// What the login form posts.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(rename = "authRequestID", default)]
    auth_request_id: String,
    #[serde(rename = "loginName", default)]
    login_name: String,
    #[serde(default)]
    password: String,
    /// The second factor's code, on the second step.
    #[serde(default)]
    code: String,
    #[serde(default)]
    action: LoginAction,
}

/// Which button sent the form: anything but "cancel" is a sign-in attempt.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum LoginAction {
    Cancel,
    #[default]
    #[serde(other)]
    SignIn,
}

/// The user these credentials sign in, or the error the form shows again. ZITADEL's
/// login asks for the login name first and refuses an inactive user there, before any
/// password ("User is inactive", `Errors.User.Inactive`); the stand-in's one form
/// keeps that order.
fn check_user(state: &AppState, form: &LoginForm) -> Result<String, &'static str> {
    let store = state.store();
    let inactive = store
        .user_id_by_name(&form.login_name)
        .is_some_and(|id| !store.is_active(&id));
    if inactive {
        return Err("User is inactive");
    }
    store
        .check_password(&form.login_name, &form.password)
        .ok_or("Username or password is invalid.")
}

pub async fn login_page(
    State(state): State<AppState>,
    Query(Params(params)): Query<Params<LoginPageParams>>,
) -> Result<Html<String>, ErrorPage> {
    let id = params.auth_request_id;
    let request = state
        .store()
        .auth_request(&id)
        .ok_or(ErrorPage::SIGN_IN_EXPIRED)?;
    Ok(page(
        &state,
        &id,
        &request,
        None,
        params.language.as_deref(),
    ))
}

/// The login page in the language the client asked for, or the one picked.
fn page(
    state: &AppState,
    id: &str,
    request: &AuthRequest,
    error: Option<&str>,
    picked: Option<&str>,
) -> Html<String> {
    let offered = &state.config().languages;
    let language = login_language(picked, &request.ui_locales, offered);
    login_form(id, error, &language, offered)
}

pub async fn login_submit(
    State(state): State<AppState>,
    Form(Params(form)): Form<Params<LoginForm>>,
) -> Result<Response, AuthorizeError> {
    let id = form.auth_request_id.as_str();
    let request = state
        .store()
        .auth_request(id)
        .ok_or(ErrorPage::SIGN_IN_EXPIRED)?;
    if form.action == LoginAction::Cancel {
        state.store().drop_auth_request(id);
        let description = "The user cancelled the sign-in.";
        let error = request
            .reply
            .error(OAuthErrorCode::AccessDenied, description);
        return Err(error.into());
    }
    if let Some(user) = request.second_factor_for.clone() {
        if form.code.trim() != DEMO_SECOND_FACTOR {
            return Ok(second_factor_form(id, Some("The code is invalid.")).into_response());
        }
        return Ok(signed_in(&state, id, request, &user, true));
    }
    let user = match check_user(&state, &form) {
        Ok(user) => user,
        Err(text) => return Ok(page(&state, id, &request, Some(text), None).into_response()),
    };
    let wants_mfa = state.store().user(&user).is_some_and(|u| u.mfa_required);
    if wants_mfa {
        let mut waiting = request;
        waiting.second_factor_for = Some(user);
        state.store().auth_requests.insert(id.to_owned(), waiting);
        return Ok(second_factor_form(id, None).into_response());
    }
    Ok(signed_in(&state, id, request, &user, false))
}

/// Starts the browser session of `user` (with `mfa` when a second factor was given)
/// and completes the sign-in `id`.
fn signed_in(state: &AppState, id: &str, request: AuthRequest, user: &str, mfa: bool) -> Response {
    state.store().drop_auth_request(id);
    let session = state.store().start_session(user.to_owned());
    if mfa {
        state.store().mfa_sessions.insert(session.clone());
    }
    let response = complete(state, request, &session, user);
    with_session_cookie(&session, response)
}
