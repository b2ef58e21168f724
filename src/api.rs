//! The ZITADEL Auth API client: typed requests and responses, one error type, and the
//! pure mapping from an error to what the person is told ([`Problem`]).

use serde::{Deserialize, Deserializer};
use thiserror::Error;

use crate::profile::{Draft, Gender, ValidProfile};
use crate::validate::Field;

// ---- wire types ----

/// `GET /auth/v1/users/me`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MeResponse {
    pub user: User,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct User {
    pub id: String,
    pub user_name: String,
    pub preferred_login_name: String,
    pub details: Details,
    /// Absent for machine users, which have no profile to edit.
    pub human: Option<Human>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Human {
    pub profile: WireProfile,
    pub email: Email,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Email {
    pub email: String,
    pub is_email_verified: bool,
}

/// A profile as ZITADEL encodes it: empty strings and the zero enum are omitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WireProfile {
    pub first_name: String,
    pub last_name: String,
    pub nick_name: String,
    pub display_name: String,
    pub preferred_language: String,
    pub gender: Gender,
    pub avatar_url: String,
}

impl WireProfile {
    /// The form's starting values; an unset language (`und`) shows as "not set".
    pub fn to_draft(&self) -> Draft {
        let language = match self.preferred_language.as_str() {
            "und" => "",
            other => other,
        };
        Draft {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            nick_name: self.nick_name.clone(),
            display_name: self.display_name.clone(),
            preferred_language: language.to_owned(),
            gender: self.gender,
        }
    }
}

/// `details` of a response; `sequence` is a uint64 sent as a JSON string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Details {
    #[serde(deserialize_with = "u64_from_string_or_number")]
    pub sequence: u64,
    pub creation_date: Option<String>,
    pub change_date: Option<String>,
    pub resource_owner: Option<String>,
}

/// `PUT /auth/v1/users/me/profile`'s answer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct UpdateResponse {
    pub details: Details,
}

fn u64_from_string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Text(String),
        Number(u64),
    }
    match Either::deserialize(d)? {
        Either::Number(n) => Ok(n),
        Either::Text(s) => s.parse().map_err(serde::de::Error::custom),
    }
}

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
        let error: Self = serde_json::from_str(body).ok()?;
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

// ---- errors ----

/// Everything that can go wrong talking to the API, kept apart by layer.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS refusal, connection closed).
    #[error("the server could not be reached: {0}")]
    Network(String),
    /// No answer within the time limit.
    #[error("the server did not answer in time")]
    Timeout,
    /// An answer with a non-2xx status; `error` when the body was ZITADEL's JSON.
    #[error("the server answered HTTP {status}")]
    Status {
        status: u16,
        error: Option<ZitadelError>,
    },
    /// A 2xx answer whose body was not what ZITADEL sends.
    #[error("the server's answer could not be read: {0}")]
    Decode(String),
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
    pub fn from_error(error: &ApiError) -> Self {
        match error {
            ApiError::Network(_) => Problem::Network,
            ApiError::Timeout => Problem::Timeout,
            ApiError::Decode(_) => Problem::Garbled,
            ApiError::Status { status, error } => Self::from_status(*status, error.as_ref()),
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
            (429, _) => Problem::RateLimited,
            (500..=599, _) => Problem::Server { status },
            (_, e) => Problem::Unexpected {
                status,
                text: e.map(|e| e.message.clone()).filter(|m| !m.is_empty()),
            },
        }
    }

    /// A stable name for hosts listening to `profile-error`.
    pub fn kind(&self) -> &'static str {
        match self {
            Problem::Invalid { .. } => "invalid",
            Problem::NotChanged => "not-changed",
            Problem::UserGone => "user-gone",
            Problem::Unauthenticated => "unauthenticated",
            Problem::OriginNotAllowed => "origin-not-allowed",
            Problem::RateLimited => "rate-limited",
            Problem::Server { .. } => "server",
            Problem::Network => "network",
            Problem::Timeout => "timeout",
            Problem::Unexpected { .. } => "unexpected",
            Problem::Garbled => "garbled",
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

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Invalid { text, .. } => write!(f, "The server refused a value: {text}"),
            Problem::NotChanged => f.write_str("Nothing to save: your profile already has these values."),
            Problem::UserGone => f.write_str("This account no longer exists."),
            Problem::Unauthenticated => f.write_str("Your session has ended. Sign in again to continue; your changes are kept."),
            Problem::OriginNotAllowed => f.write_str(
                "ZITADEL refused this page's origin. Add this page's origin to the application's allowed origins (its redirect URIs or “additional origins”) in the ZITADEL console.",
            ),
            Problem::RateLimited => f.write_str("Too many requests right now. Wait a moment and try again."),
            Problem::Server { status } => write!(f, "The server had a problem (HTTP {status}). Try again in a moment."),
            Problem::Network => f.write_str("The server could not be reached. Check your connection and try again."),
            Problem::Timeout => f.write_str("The server did not answer in time. Try again."),
            Problem::Unexpected { status, text: Some(text) } => write!(f, "The request failed (HTTP {status}): {text}"),
            Problem::Unexpected { status, text: None } => write!(f, "The request failed (HTTP {status})."),
            Problem::Garbled => f.write_str("The server's answer could not be read. Try again."),
        }
    }
}

// ---- the client ----

/// A client for the signed-in user's own profile.
#[derive(Debug, Clone)]
pub struct ApiClient {
    base: String,
    access_token: String,
    timeout_ms: u32,
}

impl ApiClient {
    /// `base` is the API base URL without a trailing slash.
    pub fn new(base: &str, access_token: &str, timeout_ms: u32) -> Self {
        Self {
            base: base.to_owned(),
            access_token: access_token.to_owned(),
            timeout_ms,
        }
    }

    pub async fn me(&self) -> Result<MeResponse, ApiError> {
        let text = self.send("GET", "/auth/v1/users/me", None).await?;
        serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))
    }

    /// Replaces the whole profile with `profile`.
    pub async fn update_profile(&self, profile: &ValidProfile) -> Result<UpdateResponse, ApiError> {
        let text = self
            .send("PUT", "/auth/v1/users/me/profile", Some(profile.to_json()))
            .await?;
        serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
    ) -> Result<String, ApiError> {
        use gloo_net::http::{Method, RequestBuilder};
        let url = format!("{}{path}", self.base);
        let signal = web_sys::AbortSignal::timeout_with_u32(self.timeout_ms);
        let method = if method == "PUT" {
            Method::PUT
        } else {
            Method::GET
        };
        // Only headers on ZITADEL's CORS list: anything else breaks the preflight.
        let builder = RequestBuilder::new(&url)
            .method(method)
            .header("Authorization", &format!("Bearer {}", self.access_token))
            .header("Accept", "application/json")
            .abort_signal(Some(&signal));
        let request = match body {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json),
            None => builder.build(),
        }
        .map_err(|e| ApiError::Network(e.to_string()))?;
        let response = request
            .send()
            .await
            .map_err(|e| transport_error(&e, &signal))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| transport_error(&e, &signal))?;
        if (200..300).contains(&status) {
            Ok(text)
        } else {
            Err(ApiError::Status {
                status,
                error: ZitadelError::parse(&text),
            })
        }
    }
}

fn transport_error(error: &gloo_net::Error, signal: &web_sys::AbortSignal) -> ApiError {
    if signal.aborted() {
        ApiError::Timeout
    } else {
        ApiError::Network(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16, body: &str) -> Problem {
        Problem::from_error(&ApiError::Status {
            status,
            error: ZitadelError::parse(body),
        })
    }

    #[test]
    fn users_me_with_omitted_zero_values() {
        let body = r#"{"user":{"id":"1","details":{"sequence":"18446744073709551615","changeDate":"2026-01-01T00:00:00Z"},
            "userName":"ada","human":{"profile":{"firstName":"Ada","lastName":"L","displayName":"Ada L","preferredLanguage":"und"},
            "email":{"email":"a@b.c"},"phone":{}}}}"#;
        let me: MeResponse = serde_json::from_str(body).unwrap();
        assert_eq!(me.user.details.sequence, u64::MAX);
        let profile = me.user.human.unwrap().profile;
        assert_eq!(profile.gender, Gender::Unspecified);
        assert_eq!(profile.nick_name, "");
        let draft = profile.to_draft();
        assert_eq!(draft.preferred_language, "", "und means not set");
    }

    #[test]
    fn update_response_with_string_sequence_and_no_creation_date() {
        let r: UpdateResponse = serde_json::from_str(
            r#"{"details":{"sequence":"1234","changeDate":"2026-11-29T13:12:42.123Z","resourceOwner":"2345"}}"#,
        )
        .unwrap();
        assert_eq!(r.details.sequence, 1234);
        assert_eq!(r.details.creation_date, None);
        assert_eq!(
            r.details.change_date.as_deref(),
            Some("2026-11-29T13:12:42.123Z")
        );
        let numeric: UpdateResponse =
            serde_json::from_str(r#"{"details":{"sequence":5}}"#).unwrap();
        assert_eq!(numeric.details.sequence, 5);
        assert!(serde_json::from_str::<UpdateResponse>(r#"{"details":{"sequence":"x"}}"#).is_err());
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
            let p = status(code, body);
            assert!(p.retryable(), "{code}");
            assert!(p.to_string().len() > 10);
        }
        assert!(Problem::from_error(&ApiError::Timeout).retryable());
        assert!(Problem::from_error(&ApiError::Network("x".into())).retryable());
        assert!(!Problem::NotChanged.retryable());
        let teapot = status(418, "<h1>I'm a teapot</h1>");
        assert_eq!(teapot.to_string(), "The request failed (HTTP 418).");
    }
}
