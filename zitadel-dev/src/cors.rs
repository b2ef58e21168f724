//! CORS as ZITADEL answers it. Two policies: the Auth API reflects any origin with
//! credentials and a fixed header list; the OIDC endpoints allow any origin with a
//! shorter list. A preflight asking for anything else gets a 204 without CORS headers,
//! which the browser treats as a refusal, as it does with the real server. A third
//! policy, for the test controls, answers loopback origins only.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub struct Policy {
    /// Which origins get CORS headers at all.
    origins: fn(&str) -> bool,
    methods: &'static [&'static str],
    /// Lower case.
    headers: &'static [&'static str],
}

pub const API: Policy = Policy {
    origins: any_origin,
    methods: &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
    headers: &[
        "origin",
        "content-type",
        "accept",
        "accept-language",
        "authorization",
        "x-zitadel-orgid",
        "x-user-agent",
        "x-grpc-web",
        "x-requested-with",
        "connect-protocol-version",
        "connect-timeout-ms",
        "grpc-timeout",
    ],
};

pub const OIDC: Policy = Policy {
    origins: any_origin,
    methods: &["GET", "HEAD", "POST"],
    headers: &[
        "origin",
        "accept",
        "accept-language",
        "authorization",
        "content-type",
        "x-requested-with",
    ],
};

/// The test controls are not ZITADEL's; they let in test pages served from this
/// machine, and no other page.
pub const DEV: Policy = Policy {
    origins: crate::loopback::is_origin,
    methods: &["GET", "POST", "DELETE"],
    headers: &["content-type"],
};

fn any_origin(_: &str) -> bool {
    true
}

impl Policy {
    /// The request's `Origin` if this policy answers it with CORS headers.
    fn allowed_origin(&self, headers: &HeaderMap) -> Option<HeaderValue> {
        let origin = headers.get(header::ORIGIN)?;
        let allowed = origin.to_str().is_ok_and(|o| (self.origins)(o));
        allowed.then(|| origin.clone())
    }

    fn preflight(&self, headers: &HeaderMap) -> Response {
        let mut response = StatusCode::NO_CONTENT.into_response();
        let out = response.headers_mut();
        out.insert(
            header::VARY,
            HeaderValue::from_static(
                "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
            ),
        );
        let Some(origin) = self.allowed_origin(headers) else {
            return response;
        };
        let method_ok = headers
            .get(header::ACCESS_CONTROL_REQUEST_METHOD)
            .and_then(|m| m.to_str().ok())
            .is_some_and(|m| self.methods.contains(&m));
        let requested = headers
            .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        let headers_ok = requested
            .split(',')
            .map(|h| h.trim().to_ascii_lowercase())
            .filter(|h| !h.is_empty())
            .all(|h| self.headers.contains(&h.as_str()));
        if !(method_ok && headers_ok) {
            return response;
        }
        out.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        out.insert(
            header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
            HeaderValue::from_static("true"),
        );
        out.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_str(&self.methods.join(", ")).expect("static header value"),
        );
        if !requested.is_empty() {
            if let Ok(value) = HeaderValue::from_str(requested) {
                out.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, value);
            }
        }
        out.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("86400"),
        );
        response
    }

    async fn apply(&self, request: Request, next: Next) -> Response {
        let is_preflight = request.method() == Method::OPTIONS
            && request
                .headers()
                .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
        if is_preflight {
            return self.preflight(request.headers());
        }
        let origin = self.allowed_origin(request.headers());
        let mut response = next.run(request).await;
        let out = response.headers_mut();
        out.append(header::VARY, HeaderValue::from_static("Origin"));
        if let Some(origin) = origin {
            out.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            out.insert(
                header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
                HeaderValue::from_static("true"),
            );
        }
        response
    }
}

pub async fn api(request: Request, next: Next) -> Response {
    API.apply(request, next).await
}

pub async fn oidc(request: Request, next: Next) -> Response {
    OIDC.apply(request, next).await
}

pub async fn dev(request: Request, next: Next) -> Response {
    DEV.apply(request, next).await
}
