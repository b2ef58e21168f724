//! ZITADEL's error bodies: the gRPC-gateway JSON shape for `/auth/v1`, RFC 6749 §5.2
//! bodies for the token endpoint, and RFC 6750's answer to a bad bearer token. Each type
//! implements `IntoResponse`, so handlers return `Result<_, ApiError>` (or `OAuthError`)
//! and never build an error response by hand.

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// gRPC status codes that ZITADEL's gateway puts in the body's `code`.
pub mod grpc {
    pub const INVALID_ARGUMENT: u32 = 3;
    pub const NOT_FOUND: u32 = 5;
    pub const PERMISSION_DENIED: u32 = 7;
    pub const RESOURCE_EXHAUSTED: u32 = 8;
    pub const FAILED_PRECONDITION: u32 = 9;
    pub const INTERNAL: u32 = 13;
    pub const UNAVAILABLE: u32 = 14;
    pub const UNAUTHENTICATED: u32 = 16;
}

/// Token responses, and the errors in their place, must not be cached (RFC 6749 §5.1).
pub const NO_STORE: [(HeaderName, &str); 2] = [
    (header::CACHE_CONTROL, "no-store"),
    (header::PRAGMA, "no-cache"),
];

/// An error from the Auth API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: u32,
    /// ZITADEL's error id, e.g. `COMMAND-2M0fs`; errors without one carry no details.
    pub id: Option<&'static str>,
    pub text: String,
}

impl ApiError {
    fn new(status: StatusCode, code: u32, id: Option<&'static str>, text: String) -> Self {
        Self {
            status,
            code,
            id,
            text,
        }
    }

    pub fn invalid_argument(text: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            grpc::INVALID_ARGUMENT,
            None,
            text.into(),
        )
    }

    pub fn precondition(id: &'static str, text: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            grpc::FAILED_PRECONDITION,
            Some(id),
            text.into(),
        )
    }

    /// The token is fine but its user is gone, as the query side reports it.
    pub fn user_not_found(text: impl Into<String>) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            grpc::NOT_FOUND,
            Some("QUERY-Dfbg2"),
            text.into(),
        )
    }

    /// The store failed: ZITADEL keeps events as Postgres JSONB, which refuses a NUL
    /// character, so the push fails and the gateway answers 500 code 13. The id of
    /// that failure is not reproduced: the body carries the text only.
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            grpc::INTERNAL,
            None,
            "Errors.Internal".into(),
        )
    }

    /// No `Authorization` header, or an empty one
    /// (`internal/api/grpc/server/middleware/auth_interceptor.go`): a plain gRPC status
    /// without an id.
    pub fn auth_header_missing() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            grpc::UNAUTHENTICATED,
            None,
            "auth header missing".into(),
        )
    }

    /// A header that does not split into two on the exact `"Bearer "`, e.g. one
    /// written `bearer ` (`internal/api/authz/access_token.go`).
    pub fn invalid_auth_header() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            grpc::UNAUTHENTICATED,
            Some("AUTH-toLo1"),
            "invalid auth header".into(),
        )
    }

    pub fn token_invalid() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            grpc::UNAUTHENTICATED,
            Some("AUTH-7fs1e"),
            "Errors.Token.Invalid".into(),
        )
    }

    pub fn origin_not_allowed() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            grpc::PERMISSION_DENIED,
            Some("AUTH-DZG21"),
            "Errors.OriginNotAllowed".into(),
        )
    }

    /// A token of a session signed in without the second factor ZITADEL wants of its
    /// user (`internal/authz/repository/eventsourcing/eventstore/token_verifier.go`).
    pub fn mfa_required() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            grpc::PERMISSION_DENIED,
            Some("AUTHZ-Kl3p0"),
            "mfa required".into(),
        )
    }

    /// The status message: the text, and the id after it when there is one.
    pub fn message(&self) -> String {
        match self.id {
            Some(id) => format!("{} ({id})", self.text),
            None => self.text.clone(),
        }
    }

    /// The body exactly as the gateway writes it. ZITADEL's marshaler leaves empty
    /// fields out (`EmitUnpopulated` is off), so an error without details has no
    /// `details` key at all.
    pub fn body(&self) -> serde_json::Value {
        let mut body = json!({ "code": self.code, "message": self.message() });
        if let Some(id) = self.id {
            body["details"] = json!([{
                "@type": "type.googleapis.com/zitadel.v1.ErrorDetail",
                "id": id,
                "message": self.text,
            }]);
        }
        body
    }
}

impl IntoResponse for ApiError {
    /// grpc-gateway's `DefaultHTTPErrorHandler` puts the status message into
    /// `WWW-Authenticate` on every Unauthenticated answer; it is no Bearer challenge.
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body())).into_response();
        if self.code == grpc::UNAUTHENTICATED {
            if let Ok(value) = HeaderValue::from_str(&self.message()) {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, value);
            }
        }
        response
    }
}

/// The OAuth 2.0 and OpenID Connect error codes the stand-in answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OAuthErrorCode {
    InvalidRequest,
    InvalidClient,
    InvalidGrant,
    UnauthorizedClient,
    UnsupportedGrantType,
    InvalidScope,
    UnsupportedResponseType,
    AccessDenied,
    /// OpenID Connect Core §3.1.2.6: `prompt=none` without a session.
    LoginRequired,
    /// RFC 6750 §3.1: the bearer token is missing, expired or unknown.
    InvalidToken,
}

impl OAuthErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::InvalidClient => "invalid_client",
            Self::InvalidGrant => "invalid_grant",
            Self::UnauthorizedClient => "unauthorized_client",
            Self::UnsupportedGrantType => "unsupported_grant_type",
            Self::InvalidScope => "invalid_scope",
            Self::UnsupportedResponseType => "unsupported_response_type",
            Self::AccessDenied => "access_denied",
            Self::LoginRequired => "login_required",
            Self::InvalidToken => "invalid_token",
        }
    }
}

/// An OAuth error from the token or revocation endpoint (RFC 6749 §5.2). ZITADEL
/// answers them all with 400 (zitadel/oidc `pkg/op/error.go` `WriteError`), except a
/// code its login v1 cannot find (404, from the error's zerror kind) and a failed client
/// check at revocation (401, `pkg/op/token_revocation.go`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError {
    pub status: StatusCode,
    pub error: OAuthErrorCode,
    pub description: String,
}

impl OAuthError {
    pub fn new(error: OAuthErrorCode, description: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            error,
            description: description.into(),
        }
    }

    /// The same error with another HTTP status.
    pub fn with_status(self, status: StatusCode) -> Self {
        Self { status, ..self }
    }

    pub fn invalid_grant(description: impl Into<String>) -> Self {
        Self::new(OAuthErrorCode::InvalidGrant, description)
    }

    pub fn invalid_request(description: impl Into<String>) -> Self {
        Self::new(OAuthErrorCode::InvalidRequest, description)
    }

    /// ZITADEL's answer to a refresh token that is spent, expired, revoked or unknown.
    pub fn refresh_token_invalid() -> Self {
        Self::invalid_request("Errors.OIDCSession.RefreshTokenInvalid")
    }

    /// An unknown client, 400 at the token endpoint (401 at revocation, see
    /// [`OAuthError::with_status`]).
    pub fn client_not_found() -> Self {
        Self::new(OAuthErrorCode::InvalidClient, "client not found")
    }

    /// ZITADEL's answer (login v1) to a well-formed code it does not hold: never
    /// issued, already exchanged or expired. The status comes from the zerror's
    /// NotFound kind (`internal/api/http/error.go`).
    pub fn code_not_found() -> Self {
        Self::invalid_request("Errors.AuthRequest.NotFound").with_status(StatusCode::NOT_FOUND)
    }

    /// ZITADEL's answer to a code it cannot even decrypt (`OIDC-ahLi2`).
    pub fn code_invalid() -> Self {
        Self::invalid_request("Errors.User.Code.Invalid")
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let body = json!({ "error": self.error.as_str(), "error_description": self.description });
        (self.status, NO_STORE, Json(body)).into_response()
    }
}

/// The userinfo endpoint's answer to a missing, unknown or expired token (RFC 6750 §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidToken;

impl IntoResponse for InvalidToken {
    fn into_response(self) -> Response {
        let body = json!({
            "error": OAuthErrorCode::InvalidToken.as_str(),
            "error_description": "access token invalid",
        });
        let scheme = [(header::WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")];
        (StatusCode::UNAUTHORIZED, scheme, Json(body)).into_response()
    }
}
