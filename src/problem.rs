//! From a failed request to what the form does and tells the person: a pure mapping
//! from [`HttpError`] (and ZITADEL's gRPC-gateway error body) to a [`Problem`]. Both
//! the API calls and the sign-in's requests are told through it.

use serde::Deserialize;

use crate::host_events::ErrorKind;
use crate::http::HttpError;
use crate::i18n::{Key, Message};
use crate::profile::Field;

/// ZITADEL's error body (gRPC-gateway JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ZitadelError {
    pub code: u32,
    pub message: String,
    pub details: Vec<ErrorDetail>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ErrorDetail {
    pub id: String,
    pub message: String,
}

impl ZitadelError {
    /// Parses an error body; `None` when it is not ZITADEL's JSON (a proxy's HTML page, say).
    pub fn parse(body: &str) -> Option<Self> {
        let error: Self = crate::json::from_str(body).ok()?;
        (error.code != 0 || !error.message.is_empty()).then_some(error)
    }

    /// The error id, e.g. `COMMAND-2M0fs`.
    pub fn id(&self) -> Option<&str> {
        self.details
            .first()
            .map(|d| d.id.as_str())
            .filter(|id| !id.is_empty())
    }

    /// The field an "invalid argument" names, from the validator's message or the domain id.
    pub fn field(&self) -> Option<Field> {
        match self.id() {
            Some("PROFILE-RF5z2") => return Some(Field::FirstName),
            Some("PROFILE-DSUkN") => return Some(Field::LastName),
            _ => {}
        }
        let rest = self.message.split("UpdateMyProfileRequest.").nth(1)?;
        let name = rest.split(':').next()?;
        Field::ALL.into_iter().find(|f| f.server_name() == name)
    }
}

/// What the form does about an error, and what it tells the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The server refused a value: shown at `field`, or in the banner if none is named.
    Invalid {
        field: Option<Field>,
        text: String,
    },
    /// The server had nothing to change.
    NotChanged,
    /// The user no longer exists.
    UserGone,
    /// The token is missing, expired, revoked or lacks the API audience.
    Unauthenticated,
    /// This page's origin is not allowed for the application.
    OriginNotAllowed,
    /// ZITADEL wants a second factor the session was signed in without.
    MfaRequired,
    RateLimited,
    Server {
        status: u16,
    },
    Network,
    Timeout,
    /// Anything else, with the status and the server's text if any.
    Unexpected {
        status: u16,
        text: Option<String>,
    },
    /// A success answer that could not be read.
    Garbled,
}

impl Problem {
    pub fn from_error(error: &HttpError) -> Self {
        match error {
            HttpError::Network(_) => Problem::Network,
            HttpError::Timeout => Problem::Timeout,
            HttpError::Decode(_) => Problem::Garbled,
            HttpError::Status { status, body } => {
                Self::from_status(*status, ZitadelError::parse(body).as_ref())
            }
        }
    }

    fn from_status(status: u16, error: Option<&ZitadelError>) -> Self {
        // 400 alone does not say what went wrong: the body's code and id do.
        match (status, error) {
            (400, Some(e)) if e.code == 9 && e.id() == Some("COMMAND-2M0fs") => Problem::NotChanged,
            (400, Some(e)) if e.code == 9 && e.id() == Some("COMMAND-3M9sd") => Problem::UserGone,
            (400, Some(e)) if e.code == 3 => Problem::Invalid {
                field: e.field(),
                text: e
                    .details
                    .first()
                    .map_or(e.message.clone(), |d| d.message.clone()),
            },
            (401, _) => Problem::Unauthenticated,
            (403, Some(e)) if e.id() == Some("AUTH-DZG21") => Problem::OriginNotAllowed,
            (403, Some(e)) if e.id() == Some("AUTHZ-Kl3p0") => Problem::MfaRequired,
            (429, _) => Problem::RateLimited,
            (500..=599, _) => Problem::Server { status },
            (_, e) => Problem::Unexpected {
                status,
                text: e
                    .map(|e| e.message.clone())
                    .filter(|m| !m.is_empty() && !m.starts_with("Errors.")),
            },
        }
    }

    /// The `kind` hosts see in `profile-error`.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Problem::Invalid { .. } => ErrorKind::Invalid,
            Problem::NotChanged => ErrorKind::NotChanged,
            Problem::UserGone => ErrorKind::UserGone,
            Problem::Unauthenticated => ErrorKind::Unauthenticated,
            Problem::OriginNotAllowed => ErrorKind::OriginNotAllowed,
            Problem::MfaRequired => ErrorKind::MfaRequired,
            Problem::RateLimited => ErrorKind::RateLimited,
            Problem::Server { .. } => ErrorKind::Server,
            Problem::Network => ErrorKind::Network,
            Problem::Timeout => ErrorKind::Timeout,
            Problem::Unexpected { .. } => ErrorKind::Unexpected,
            Problem::Garbled => ErrorKind::Garbled,
        }
    }

    /// Whether trying the same request again may help.
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            Problem::RateLimited
                | Problem::Server { .. }
                | Problem::Network
                | Problem::Timeout
                | Problem::Garbled
        )
    }
}

impl Problem {
    /// What the person is told.
    pub fn message(&self) -> Message {
        let status = |key: Key, status: &u16| Message::new(key).with("status", status);
        match self {
            Problem::Invalid { text, .. } => {
                Message::new(Key::ServerRefusedValue).with("text", text)
            }
            Problem::NotChanged => Key::NotChanged.into(),
            Problem::UserGone => Key::UserGone.into(),
            Problem::Unauthenticated => Key::SessionEnded.into(),
            Problem::OriginNotAllowed => Key::OriginNotAllowed.into(),
            Problem::MfaRequired => Key::MfaRequired.into(),
            Problem::RateLimited => Key::RateLimited.into(),
            Problem::Server { status: code } => status(Key::ServerProblem, code),
            Problem::Network => Key::Network.into(),
            Problem::Timeout => Key::Timeout.into(),
            Problem::Unexpected {
                status: code,
                text: Some(text),
            } => status(Key::RequestFailedWithText, code).with("text", text),
            Problem::Unexpected {
                status: code,
                text: None,
            } => status(Key::RequestFailed, code),
            Problem::Garbled => Key::Garbled.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16, body: &str) -> Problem {
        Problem::from_error(&HttpError::Status {
            status,
            body: body.to_owned(),
        })
    }

    /// A second factor wanted: ZITADEL's 403 `AUTHZ-Kl3p0`, told apart from the
    /// origin check's 403 by its id.
    #[test]
    fn mfa_required_is_its_own_problem() {
        let mfa = status(
            403,
            r#"{"code":7,"message":"mfa required (AUTHZ-Kl3p0)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"AUTHZ-Kl3p0","message":"mfa required"}]}"#,
        );
        assert_eq!(mfa, Problem::MfaRequired);
        assert_eq!(mfa.kind(), ErrorKind::MfaRequired);
        assert!(!mfa.retryable());
        assert!(mfa.to_string().contains("second factor"));
        let origin = status(
            403,
            r#"{"code":7,"message":"Errors.OriginNotAllowed (AUTH-DZG21)","details":[{"id":"AUTH-DZG21"}]}"#,
        );
        assert_eq!(origin, Problem::OriginNotAllowed);
        assert!(matches!(status(403, "{}"), Problem::Unexpected { .. }));
    }

    #[test]
    fn invalid_argument_names_its_field() {
        let p = status(
            400,
            r#"{"code":3,"message":"invalid UpdateMyProfileRequest.DisplayName: value length must be between 1 and 200 runes, inclusive","details":[]}"#,
        );
        assert_eq!(
            p,
            Problem::Invalid {
                field: Some(Field::DisplayName),
                text: "invalid UpdateMyProfileRequest.DisplayName: value length must be between 1 and 200 runes, inclusive".into()
            }
        );
        let domain = status(
            400,
            r#"{"code":3,"message":"Errors.User.Profile.Invalid (PROFILE-DSUkN)","details":[{"id":"PROFILE-DSUkN","message":"Errors.User.Profile.Invalid"}]}"#,
        );
        assert!(matches!(
            domain,
            Problem::Invalid {
                field: Some(Field::LastName),
                ..
            }
        ));
        let unnamed = status(
            400,
            r#"{"code":3,"message":"proto: syntax error","details":[]}"#,
        );
        assert!(matches!(unnamed, Problem::Invalid { field: None, .. }));
    }

    #[test]
    fn status_400_is_told_apart_by_code_and_id() {
        let not_changed = r#"{"code":9,"message":"Profile not changed (COMMAND-2M0fs)","details":[{"id":"COMMAND-2M0fs","message":"Profile not changed"}]}"#;
        assert_eq!(status(400, not_changed), Problem::NotChanged);
        let gone = r#"{"code":9,"message":"x (COMMAND-3M9sd)","details":[{"id":"COMMAND-3M9sd","message":"x"}]}"#;
        assert_eq!(status(400, gone), Problem::UserGone);
    }

    #[test]
    fn auth_and_origin_errors() {
        assert_eq!(
            status(
                401,
                r#"{"code":16,"message":"auth header missing","details":[]}"#
            ),
            Problem::Unauthenticated
        );
        assert_eq!(status(401, ""), Problem::Unauthenticated);
        let origin = r#"{"code":7,"message":"Errors.OriginNotAllowed (AUTH-DZG21)","details":[{"id":"AUTH-DZG21","message":"Errors.OriginNotAllowed"}]}"#;
        let p = status(403, origin);
        assert_eq!(p, Problem::OriginNotAllowed);
        assert!(p.to_string().contains("allowed origins"));
        assert!(matches!(
            status(403, "{}"),
            Problem::Unexpected { status: 403, .. }
        ));
    }

    #[test]
    fn retryable_failures_and_non_json_bodies() {
        for (code, body) in [
            (429, ""),
            (500, "<html>oops</html>"),
            (503, "upstream connect error"),
        ] {
            assert!(status(code, body).retryable(), "{code}");
        }
        assert_eq!(
            status(429, "").to_string(),
            "Too many requests right now. Wait a moment and try again."
        );
        assert_eq!(
            status(500, "<html>oops</html>").to_string(),
            "The server had a problem (HTTP 500). Try again in a moment."
        );
        assert_eq!(
            status(503, "upstream connect error").to_string(),
            "The server had a problem (HTTP 503). Try again in a moment."
        );
        assert!(Problem::from_error(&HttpError::Timeout).retryable());
        assert!(Problem::from_error(&HttpError::Network("x".into())).retryable());
        assert!(!Problem::NotChanged.retryable());
        let teapot = status(418, "<h1>I'm a teapot</h1>");
        assert_eq!(teapot.to_string(), "The request failed (HTTP 418).");
    }
}
