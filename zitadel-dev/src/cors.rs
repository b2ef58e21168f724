//! CORS as ZITADEL answers it: rs/cors v1.11.1 with ZITADEL's options. Two policies:
//! the Auth API reflects any origin with credentials and a fixed header list
//! (`internal/api/http/middleware/cors_interceptor.go`); the OIDC endpoints allow any
//! origin with a shorter list (zitadel/oidc `pkg/op/op.go`). A preflight asking for
//! anything else gets a 204 without CORS headers, which the browser treats as a
//! refusal, as it does with the real server. A third policy, for the test controls,
//! answers loopback origins only and is not ZITADEL's.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub struct Policy {
    /// Which origins get CORS headers at all.
    origins: fn(&str) -> bool,
    methods: &'static [&'static str],
    /// Lower case, sorted: rs/cors keeps them as a sorted set.
    headers: &'static [&'static str],
    answer: Answer,
}

/// How a policy answers: as rs/cors does, or as the test controls always have.
enum Answer {
    /// rs/cors v1.11.1 (`cors.go`, `internal/sortedset.go`): the requested headers
    /// must be listed lower case, sorted and without duplicates, as browsers send
    /// them; the allowed method is the requested one echoed; no `Max-Age` (ZITADEL
    /// sets none, so browsers preflight every call); `exposed` on actual responses,
    /// each name canonicalised as Go's `http.CanonicalHeaderKey` writes it.
    RsCors { exposed: &'static str },
    /// The test controls' own answer: requested headers in any case and order, the
    /// whole method list, cached for a day.
    Lenient,
}

pub const API: Policy = Policy {
    origins: any_origin,
    methods: &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
    headers: &[
        "accept",
        "accept-language",
        "authorization",
        "connect-protocol-version",
        "connect-timeout-ms",
        "content-type",
        "grpc-timeout",
        "origin",
        "x-grpc-web",
        "x-requested-with",
        "x-user-agent",
        "x-zitadel-orgid",
    ],
    answer: Answer::RsCors {
        exposed: "Location, Content-Length, Grpc-Status, Grpc-Message, Grpc-Status-Details-Bin",
    },
};

pub const OIDC: Policy = Policy {
    origins: any_origin,
    methods: &["GET", "HEAD", "POST"],
    headers: &[
        "accept",
        "accept-language",
        "authorization",
        "content-type",
        "origin",
        "x-requested-with",
    ],
    answer: Answer::RsCors {
        exposed: "Location, Content-Length",
    },
};

/// The test controls are not ZITADEL's; they let in test pages served from this
/// machine, and no other page.
pub const DEV: Policy = Policy {
    origins: crate::loopback::is_origin,
    methods: &["GET", "POST", "DELETE"],
    headers: &["content-type"],
    answer: Answer::Lenient,
};

fn any_origin(_: &str) -> bool {
    true
}

/// How many spaces or tabs rs/cors tolerates on each side of a requested header name.
const MAX_OWS_BYTES: usize = 1;
/// How many empty elements rs/cors tolerates in `Access-Control-Request-Headers`.
const MAX_EMPTY_ELEMENTS: usize = 16;

/// rs/cors' `SortedSet.Accepts`: every name of every `Access-Control-Request-Headers`
/// line is in `allowed`, and their positions there strictly increase, which is to say
/// they are lower case, sorted and unique.
fn accepts_sorted(allowed: &[&str], lines: &[&str]) -> bool {
    let mut last_position = None;
    let mut empty = 0;
    for element in lines.iter().flat_map(|line| line.split(',')) {
        let Some(name) = trim_ows(element) else {
            return false;
        };
        if name.is_empty() {
            empty += 1;
            if empty > MAX_EMPTY_ELEMENTS {
                return false;
            }
            continue;
        }
        match allowed.iter().position(|h| *h == name) {
            Some(position) if last_position.is_none_or(|last| position > last) => {
                last_position = Some(position);
            }
            _ => return false,
        }
    }
    true
}

/// `element` without up to [`MAX_OWS_BYTES`] spaces or tabs on each side, or `None`
/// when there are more.
fn trim_ows(element: &str) -> Option<&str> {
    let is_ows = |c: char| c == ' ' || c == '\t';
    let trimmed = element.trim_matches(is_ows);
    if trimmed.is_empty() {
        // rs/cors trims from the right first and stops at the empty string.
        return (element.len() <= MAX_OWS_BYTES + 1).then_some(trimmed);
    }
    let leading = element.len() - element.trim_start_matches(is_ows).len();
    let trailing = element.len() - element.trim_end_matches(is_ows).len();
    (leading <= MAX_OWS_BYTES && trailing <= MAX_OWS_BYTES).then_some(trimmed)
}

/// Whether the lenient answer lets every requested header through.
fn accepts_any_order(allowed: &[&str], lines: &[&str]) -> bool {
    lines
        .iter()
        .flat_map(|line| line.split(','))
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| !h.is_empty())
        .all(|h| allowed.contains(&h.as_str()))
}

/// Every value of the header `name`, as text (a value that is not is left out).
fn values<'a>(headers: &'a HeaderMap, name: &header::HeaderName) -> Vec<&'a str> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect()
}

impl Policy {
    /// The request's `Origin` if this policy answers it with CORS headers.
    fn allowed_origin(&self, headers: &HeaderMap) -> Option<HeaderValue> {
        let origin = headers.get(header::ORIGIN)?;
        let allowed = origin.to_str().is_ok_and(|o| (self.origins)(o));
        allowed.then(|| origin.clone())
    }

    /// rs/cors allows `OPTIONS` whatever the list says.
    fn allows_method(&self, method: &str) -> bool {
        method == Method::OPTIONS.as_str() || self.methods.contains(&method)
    }

    /// Whether a preflight for `method` with these `Access-Control-Request-Headers`
    /// lines may go ahead.
    fn preflight_allowed(&self, method: &str, requested: &[&str]) -> bool {
        match self.answer {
            Answer::RsCors { .. } => {
                self.allows_method(method) && accepts_sorted(self.headers, requested)
            }
            Answer::Lenient => {
                self.methods.contains(&method) && accepts_any_order(self.headers, requested)
            }
        }
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
        let method = headers
            .get(header::ACCESS_CONTROL_REQUEST_METHOD)
            .and_then(|m| m.to_str().ok())
            .unwrap_or("");
        let requested = values(headers, &header::ACCESS_CONTROL_REQUEST_HEADERS);
        if !self.preflight_allowed(method, &requested) {
            return response;
        }
        out.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        out.insert(
            header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
            HeaderValue::from_static("true"),
        );
        let methods = match self.answer {
            // The spec allows the requested method alone as the answer; rs/cors does that.
            Answer::RsCors { .. } => method.to_owned(),
            Answer::Lenient => self.methods.join(", "),
        };
        if let Ok(value) = HeaderValue::from_str(&methods) {
            out.insert(header::ACCESS_CONTROL_ALLOW_METHODS, value);
        }
        // The requested lines are echoed as they came, when the first is not empty.
        if requested.first().is_some_and(|first| !first.is_empty()) {
            for line in &requested {
                if let Ok(value) = HeaderValue::from_str(line) {
                    out.append(header::ACCESS_CONTROL_ALLOW_HEADERS, value);
                }
            }
        }
        if let Answer::Lenient = self.answer {
            out.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("86400"),
            );
        }
        response
    }

    /// The CORS headers of an actual (non-preflight) response to `method`.
    fn actual(&self, origin: HeaderValue, method: &Method, out: &mut HeaderMap) {
        if let Answer::RsCors { exposed } = self.answer {
            // rs/cors adds nothing for a method its list does not name.
            if !self.allows_method(method.as_str()) {
                return;
            }
            out.insert(
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
                HeaderValue::from_static(exposed),
            );
        }
        out.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        out.insert(
            header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
            HeaderValue::from_static("true"),
        );
    }

    async fn apply(&self, request: Request, next: Next) -> Response {
        // rs/cors takes an OPTIONS request for a preflight only when it names a method.
        let is_preflight = request.method() == Method::OPTIONS
            && request
                .headers()
                .get(header::ACCESS_CONTROL_REQUEST_METHOD)
                .is_some_and(|m| !m.is_empty());
        if is_preflight {
            return self.preflight(request.headers());
        }
        let origin = self.allowed_origin(request.headers());
        let method = request.method().clone();
        let mut response = next.run(request).await;
        let out = response.headers_mut();
        out.append(header::VARY, HeaderValue::from_static("Origin"));
        if let Some(origin) = origin {
            self.actual(origin, &method, out);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lists_are_sorted_sets() {
        for policy in [&API, &OIDC] {
            assert!(policy.headers.windows(2).all(|w| w[0] < w[1]));
            assert!(policy.headers.iter().all(|h| *h == h.to_ascii_lowercase()));
        }
    }

    #[test]
    fn requested_headers_must_come_as_browsers_send_them() {
        let allowed = API.headers;
        let ok = |lines: &[&str]| accepts_sorted(allowed, lines);
        assert!(ok(&["authorization,content-type"]));
        assert!(ok(&["authorization, content-type"]));
        assert!(ok(&["authorization", "content-type"]));
        assert!(ok(&[""]));
        assert!(ok(&["authorization,,content-type"]));
        assert!(!ok(&["content-type,authorization"]), "unsorted");
        assert!(!ok(&["authorization,authorization"]), "duplicate");
        assert!(!ok(&["Authorization"]), "not lower case");
        assert!(!ok(&["authorization,  content-type"]), "two spaces");
        assert!(!ok(&["authorization,x-custom"]), "not listed");
        assert!(
            !ok(&[&",".repeat(MAX_EMPTY_ELEMENTS + 1)]),
            "too many empties"
        );
    }
}
