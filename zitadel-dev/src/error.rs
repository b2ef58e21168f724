//! ZITADEL's error bodies: the gRPC-gateway JSON shape for `/auth/v1`, and RFC 6749 §5.2
//! bodies for the token endpoint. Each type implements `IntoResponse`, so handlers
//! return `Result<_, ApiError>` and never build an error response by hand.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// gRPC status codes that ZITADEL's gateway puts in the body's `code`.
pub mod grpc {
    pub const INVALID_ARGUMENT: u32 = 3;
    pub const PERMISSION_DENIED: u32 = 7;
    pub const RESOURCE_EXHAUSTED: u32 = 8;
    pub const FAILED_PRECONDITION: u32 = 9;
    pub const INTERNAL: u32 = 13;
    pub const UNAVAILABLE: u32 = 14;
    pub const UNAUTHENTICATED: u32 = 16;
}

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
    pub fn invalid_argument(text: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code: grpc::INVALID_ARGUMENT,
            id: None,
            text: text.into(),
            www_authenticate: false,
        }
    }

    pub fn precondition(id: &'static str, text: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code: grpc::FAILED_PRECONDITION,
            id: Some(id),
            text: text.into(),
            www_authenticate: false,
        }
    }

    pub fn auth_header_missing() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            code: grpc::UNAUTHENTICATED,
            id: None,
            text: "auth header missing".into(),
            www_authenticate: false,
        }
    }

    pub fn token_invalid() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            code: grpc::UNAUTHENTICATED,
            id: Some("AUTH-7fs1e"),
            text: "Errors.Token.Invalid".into(),
            www_authenticate: true,
        }
    }

    pub fn origin_not_allowed() -> Self {
        Self {
            status: StatusCode::FORBIDDEN,
            code: grpc::PERMISSION_DENIED,
            id: Some("AUTH-DZG21"),
            text: "Errors.OriginNotAllowed".into(),
            www_authenticate: false,
        }
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
        let mut response = (self.status, Json(self.body())).into_response();
        if self.www_authenticate {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(
                    "Bearer error=\"invalid_token\", error_description=\"Errors.Token.Invalid\"",
                ),
            );
        }
        response
    }
}

/// An OAuth error from the token or revocation endpoint (RFC 6749 §5.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError {
    pub error: &'static str,
    pub description: String,
}

impl OAuthError {
    pub fn new(error: &'static str, description: impl Into<String>) -> Self {
        Self {
            error,
            description: description.into(),
        }
    }

    pub fn invalid_grant(description: impl Into<String>) -> Self {
        Self::new("invalid_grant", description)
    }

    pub fn invalid_request(description: impl Into<String>) -> Self {
        Self::new("invalid_request", description)
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        // §5.2: 400, except 401 for a failed client authentication.
        let status = if self.error == "invalid_client" {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::BAD_REQUEST
        };
        let body = json!({ "error": self.error, "error_description": self.description });
        let mut response = (status, Json(body)).into_response();
        no_store(&mut response);
        response
    }
}

/// Token responses must not be cached (RFC 6749 §5.1).
pub fn no_store(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}
