//! The HTML the identity provider shows people: error pages for requests that must not
//! go back to an unverified client, the login form, and the logged-out page.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::redirect::escape;

/// A page for errors that must not be sent to an unverified redirect URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorPage {
    title: &'static str,
    text: &'static str,
    status: StatusCode,
}

impl ErrorPage {
    pub const INVALID_CLIENT: Self = Self {
        title: "Invalid client",
        text: "The client_id is missing or unknown.",
        status: StatusCode::BAD_REQUEST,
    };
    pub const INVALID_REDIRECT_URI: Self = Self {
        title: "Invalid redirect_uri",
        text: "The requested redirect_uri is missing in the client configuration. If you have \
               any questions, you may contact the administrator of the application.",
        status: StatusCode::BAD_REQUEST,
    };
    pub const SIGN_IN_EXPIRED: Self = Self {
        title: "Sign-in expired",
        text: "This sign-in request is unknown or expired. Start again from the application.",
        status: StatusCode::BAD_REQUEST,
    };
    pub const INVALID_ID_TOKEN_HINT: Self = Self {
        title: "Sign-out failed",
        text: "The id_token_hint is invalid.",
        status: StatusCode::BAD_REQUEST,
    };
    pub const CLIENT_ID_NOT_AZP: Self = Self {
        title: "Sign-out failed",
        text: "The client_id does not match the id_token_hint.",
        status: StatusCode::BAD_REQUEST,
    };
    pub const UNREGISTERED_POST_LOGOUT_URI: Self = Self {
        title: "Sign-out failed",
        text: "The post_logout_redirect_uri is not registered for this client.",
        status: StatusCode::BAD_REQUEST,
    };
}

impl ErrorPage {
    /// The classic login's page for a user the project's settings refuse ("Only
    /// authorized users can authenticate", `Errors.User.GrantRequired`), served with
    /// 200 as every page of the login's renderer is; the browser never returns.
    pub const GRANT_REQUIRED: Self = Self {
        title: "An internal error occurred",
        text: "Login not possible. The user is required to have at least one grant on the \
               application. Please contact your administrator. (APP-asb43)",
        status: StatusCode::OK,
    };
}

impl IntoResponse for ErrorPage {
    fn into_response(self) -> Response {
        let body = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title></head>\
             <body><h1>{t}</h1><p data-testid=\"idp-error\">{x}</p></body></html>",
            t = escape(self.title),
            x = escape(self.text)
        );
        (self.status, Html(body)).into_response()
    }
}

/// The logged-out page `end_session` sends the browser to when the app names no way
/// back, worded as ZITADEL's login words it (`LogoutDone`).
pub const LOGGED_OUT: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
    <title>Logged out</title></head><body><h1>Logged out</h1>\
    <p data-testid=\"logged-out\">You have logged out successfully.</p></body></html>";

/// A language's name in that language, as ZITADEL's login lists them.
fn native_name(code: &str) -> &str {
    match code {
        "ar" => "العربية",
        "bg" => "Български",
        "cs" => "Čeština",
        "de" => "Deutsch",
        "en" => "English",
        "es" => "Español",
        "fr" => "Français",
        "hu" => "Magyar",
        "id" => "Bahasa Indonesia",
        "it" => "Italiano",
        "ja" => "日本語",
        "ko" => "한국어",
        "mk" => "Македонски",
        "nl" => "Nederlands",
        "pl" => "Polski",
        "pt" => "Português",
        "ro" => "Română",
        "ru" => "Русский",
        "sv" => "Svenska",
        "tr" => "Türkçe",
        "uk" => "Українська",
        "zh" => "中文",
        other => other,
    }
}

/// The login's language: the one picked on the page, else the first of the client's
/// `ui_locales` the instance offers (by primary subtag), else English.
pub fn login_language(picked: Option<&str>, ui_locales: &[String], offered: &[String]) -> String {
    picked
        .into_iter()
        .chain(ui_locales.iter().map(String::as_str))
        .filter_map(|tag| tag.split(['-', '_']).next())
        .map(str::to_ascii_lowercase)
        .find(|base| offered.contains(base))
        .unwrap_or_else(|| "en".to_owned())
}

/// The login page's language picker: a GET form, since the page runs no script.
fn language_picker(id: &str, current: &str, offered: &[String]) -> String {
    let options: String = offered
        .iter()
        .map(|code| {
            let selected = if code == current { " selected" } else { "" };
            format!(
                "<option value=\"{c}\" lang=\"{c}\"{selected}>{n}</option>",
                c = escape(code),
                n = escape(native_name(code))
            )
        })
        .collect();
    format!(
        r#"<form method="get" action="/ui/login/login" class="languages">
<input type="hidden" name="authRequestID" value="{id}">
<label for="language">Language</label><select id="language" name="language">{options}</select>
<button type="submit" id="change-language">Change</button></form>"#,
        id = escape(id)
    )
}

/// The login page for the pending sign-in `id`, with `error` above the form, in
/// `language` (its `lang` and direction; the texts stay English) with a picker over
/// the instance's `offered` languages.
pub fn login_form(
    id: &str,
    error: Option<&str>,
    language: &str,
    offered: &[String],
) -> Html<String> {
    let error = error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e)))
        .unwrap_or_default();
    let dir = if language == "ar" { "rtl" } else { "ltr" };
    let picker = language_picker(id, language, offered);
    Html(format!(
        r#"<!DOCTYPE html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8">
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
</form>{picker}</body></html>"#,
        id = escape(id),
        lang = escape(language)
    ))
}

/// The login's second step for a user ZITADEL wants a second factor of: a one-time
/// code (the stand-in takes [`crate::config::DEMO_SECOND_FACTOR`]).
pub fn second_factor_form(id: &str, error: Option<&str>) -> Html<String> {
    let error = error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e)))
        .unwrap_or_default();
    Html(format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Second factor · ZITADEL (local)</title></head>
<body><h1>Verify your second factor</h1><p>Enter the code from your authenticator app.</p>{error}
<form method="post" action="/ui/login/login">
<input type="hidden" name="authRequestID" value="{id}">
<label for="code">Code</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" autofocus>
<button type="submit" name="action" value="login" id="submit">Verify</button>
</form></body></html>"#,
        id = escape(id)
    ))
}

/// The new login's sign-out page, for a sign-out that named no session: the browser's
/// accounts, each to end with a click; the way back travels in `logout_token`.
pub fn logout_page(logout_token: &str, accounts: &[String]) -> Html<String> {
    let accounts: String = accounts
        .iter()
        .map(|name| format!("<li>{}</li>", escape(name)))
        .collect();
    Html(format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Logout · ZITADEL (local)</title></head>
<body><h1>Logout</h1><p>Click an account to end the session</p><ul data-testid="accounts">{accounts}</ul>
<form method="post" action="/ui/v2/login/logout">
<input type="hidden" name="logout_token" value="{token}">
<button type="submit" id="end-session">End Session</button>
</form></body></html>"#,
        token = escape(logout_token)
    ))
}

/// The icon browsers ask every page of the instance for (`/favicon.ico`): a blank
/// head-and-shoulders, so that the login page's console stays clean.
pub async fn favicon() -> impl IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "image/svg+xml")],
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">\
         <circle cx=\"16\" cy=\"16\" r=\"16\" fill=\"#5469d4\"/></svg>",
    )
}
