//! Answers that travel back to a client through the browser, on its registered redirect
//! URI: the code after a sign-in, or an error for the client to see (RFC 6749 §4.1.2),
//! as a redirect or, in `form_post` mode, as a page that posts them.

use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::error::OAuthErrorCode;

/// How the answer's parameters ride on the redirect URI (OAuth 2.0 Multiple Response
/// Type Encoding Practices §2.1, OAuth 2.0 Form Post Response Mode).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseMode {
    #[default]
    Query,
    Fragment,
    /// A page that posts the parameters to the redirect URI; ZITADEL supports it.
    FormPost,
}

/// `base?k=v&...` (or `base#k=v&...` in fragment mode), values percent-encoded.
/// `form_post` carries nothing in the URL, so it is given the query form here.
pub fn with_params(base: &str, params: &[(&str, &str)], mode: ResponseMode) -> String {
    let encoded: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    let separator = match mode {
        ResponseMode::Fragment => '#',
        ResponseMode::Query | ResponseMode::FormPost if base.contains('?') => '&',
        ResponseMode::Query | ResponseMode::FormPost => '?',
    };
    format!("{base}{separator}{encoded}")
}

/// A redirect to `location` with 302 Found, as zitadel/oidc and ZITADEL's login send
/// them (Go's `http.Redirect`), rather than axum's 303.
pub fn found(location: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

/// The one script of the `form_post` page. It is inline, so the page's CSP allows it
/// by its hash and nothing else runs: no inline handler, no other script.
const SUBMIT_SCRIPT: &str = "document.forms[0].submit();";

/// The Content-Security-Policy of the `form_post` page, stricter than the page
/// server's: nothing loads, and the submit script runs because its SHA-256 hash is
/// listed (the form's own POST is not a fetch, so `default-src 'none'` allows it).
fn form_post_csp() -> String {
    let hash = STANDARD.encode(Sha256::digest(SUBMIT_SCRIPT.as_bytes()));
    format!(
        "default-src 'none'; script-src 'sha256-{hash}'; base-uri 'none'; \
         object-src 'none'; frame-ancestors 'none'"
    )
}

/// The `form_post` answer: hidden fields posted to `uri` by the hashed script as the
/// page loads, or by the button when scripts are off.
fn form_post(uri: &str, params: &[(&str, &str)]) -> Response {
    let fields: String = params
        .iter()
        .map(|(name, value)| {
            let (name, value) = (escape(name), escape(value));
            format!("<input type=\"hidden\" name=\"{name}\" value=\"{value}\">")
        })
        .collect();
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Login</title>\
         </head><body><form method=\"post\" action=\"{action}\">{fields}\
         <noscript><button type=\"submit\">Continue</button></noscript></form>\
         <script>{SUBMIT_SCRIPT}</script></body></html>",
        action = escape(uri)
    );
    let csp = [(header::CONTENT_SECURITY_POLICY, form_post_csp())];
    (csp, Html(page)).into_response()
}

/// `text` safe inside HTML text and double-quoted attributes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Where the answer to one authorization request goes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyTo {
    pub redirect_uri: String,
    /// The client's `state`, echoed back with every answer.
    pub state: Option<String>,
    pub mode: ResponseMode,
}

impl ReplyTo {
    /// The answer to the client carrying `params` and its `state`: a redirect, or the
    /// page that posts them.
    pub fn redirect(&self, params: &[(&str, &str)]) -> Response {
        let mut params = params.to_vec();
        if let Some(state) = &self.state {
            params.push(("state", state.as_str()));
        }
        match self.mode {
            ResponseMode::FormPost => form_post(&self.redirect_uri, &params),
            mode => found(&with_params(&self.redirect_uri, &params, mode)),
        }
    }

    /// An error for the client, to be sent on its redirect URI.
    pub fn error(self, error: OAuthErrorCode, description: &'static str) -> RedirectError {
        RedirectError {
            to: self,
            error,
            description,
        }
    }
}

/// An error the client learns about on its redirect URI (RFC 6749 §4.1.2.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectError {
    to: ReplyTo,
    error: OAuthErrorCode,
    description: &'static str,
}

impl IntoResponse for RedirectError {
    fn into_response(self) -> Response {
        self.to.redirect(&[
            ("error", self.error.as_str()),
            ("error_description", self.description),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_join_the_query_or_make_a_fragment() {
        let params = [("code", "a b"), ("state", "s&t")];
        assert_eq!(
            with_params("http://x/", &params, ResponseMode::Query),
            "http://x/?code=a+b&state=s%26t"
        );
        assert_eq!(
            with_params("http://x/?p=1", &params[..1], ResponseMode::Query),
            "http://x/?p=1&code=a+b"
        );
        assert_eq!(
            with_params("http://x/", &params[..1], ResponseMode::Fragment),
            "http://x/#code=a+b"
        );
    }
}
