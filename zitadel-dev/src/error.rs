//! ZITADEL's error bodies: the gRPC-gateway JSON shape for `/auth/v1`, RFC 6749 §5.2
//! bodies for the token endpoint, and RFC 6750's answer to a bad bearer token. Each type
//! implements `IntoResponse`, so handlers return `Result<_, ApiError>` (or `OAuthError`)
//! and never build an error response by hand.

use axum::http::{header, HeaderName, StatusCode};
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
    /// 401s for a bad token name the scheme in `WWW-Authenticate`.
    pub www_authenticate: bool,
}

impl ApiError {
    fn new(status: StatusCode, code: u32, id: Option<&'static str>, text: String) -> Self {
        Self {
            status,
            code,
            id,
            text,
            www_authenticate: false,
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

    pub fn auth_header_missing() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            grpc::UNAUTHENTICATED,
            None,
            "auth header missing".into(),
        )
    }

    pub fn token_invalid() -> Self {
        Self {
            www_authenticate: true,
            ..Self::new(
                StatusCode::UNAUTHORIZED,
                grpc::UNAUTHENTICATED,
                Some("AUTH-7fs1e"),
                "Errors.Token.Invalid".into(),
            )
        }
    }

    pub fn origin_not_allowed() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            grpc::PERMISSION_DENIED,
            Some("AUTH-DZG21"),
            "Errors.OriginNotAllowed".into(),
        )
    }

    /// The body exactly as the gateway writes it.
    pub fn body(&self) -> serde_json::Value {
        match self.id {
            Some(id) => json!({
                "code": self.code,
                "message": format!("{} ({id})", self.text),
                "details": [{
                    "@type": "type.googleapis.com/zitadel.v1.ErrorDetail",
                    "id": id,
                    "message": self.text,
                }],
            }),
            None => json!({ "code": self.code, "message": self.text, "details": [] }),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(self.body());
        if self.www_authenticate {
            let scheme =
                "Bearer error=\"invalid_token\", error_description=\"Errors.Token.Invalid\"";
            (self.status, [(header::WWW_AUTHENTICATE, scheme)], body).into_response()
        } else {
            (self.status, body).into_response()
        }
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

    /// RFC 6749 §5.2: 400, except 401 for a failed client authentication.
    fn status(self) -> StatusCode {
        match self {
            Self::InvalidClient => StatusCode::UNAUTHORIZED,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

/// An OAuth error from the token or revocation endpoint (RFC 6749 §5.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError {
    pub error: OAuthErrorCode,
    pub description: String,
}

impl OAuthError {
    pub fn new(error: OAuthErrorCode, description: impl Into<String>) -> Self {
        Self {
            error,
            description: description.into(),
        }
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

    pub fn client_not_found() -> Self {
        Self::new(OAuthErrorCode::InvalidClient, "client not found")
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let body = json!({ "error": self.error.as_str(), "error_description": self.description });
        (self.error.status(), NO_STORE, Json(body)).into_response()
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
