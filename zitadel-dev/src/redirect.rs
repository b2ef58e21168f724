//! Answers that travel back to a client through the browser, on its registered redirect
//! URI: the code after a sign-in, or an error for the client to see (RFC 6749 §4.1.2).

use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::error::OAuthErrorCode;

/// How the answer's parameters ride on the redirect URI (OAuth 2.0 Multiple Response
/// Type Encoding Practices §2.1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseMode {
    #[default]
    Query,
    Fragment,
}

/// `base?k=v&...` (or `base#k=v&...` in fragment mode), values percent-encoded.
pub fn with_params(base: &str, params: &[(&str, &str)], mode: ResponseMode) -> String {
    let encoded: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    let separator = match mode {
        ResponseMode::Fragment => '#',
        ResponseMode::Query if base.contains('?') => '&',
        ResponseMode::Query => '?',
    };
    format!("{base}{separator}{encoded}")
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
    /// A redirect to the client carrying `params` and its `state`.
    pub fn redirect(&self, params: &[(&str, &str)]) -> Response {
        let mut params = params.to_vec();
        if let Some(state) = &self.state {
            params.push(("state", state.as_str()));
        }
        Redirect::to(&with_params(&self.redirect_uri, &params, self.mode)).into_response()
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
