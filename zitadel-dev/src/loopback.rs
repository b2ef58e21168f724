//! Keeps the test controls on this machine. A request is let through only when it is
//! addressed to a loopback host and, if a page sent it, that page is served from a
//! loopback origin. The first rule stops DNS rebinding (a foreign name that resolves to
//! 127.0.0.1 still arrives with that name in `Host`); the second stops any other web
//! page open in the same browser.

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The loopback host names, as they appear in a `Host` header or an origin.
const HOSTS: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

/// Whether `authority` is a loopback host with an optional port: `127.0.0.1[:port]`,
/// `localhost[:port]` or `[::1][:port]`. Nothing else passes: no user info, no other
/// address, no name that merely starts with one of these.
pub fn is_host(authority: &str) -> bool {
    let (host, port) = match authority.rfind(':') {
        // The colons inside `[::1]` are not a port separator.
        Some(i) if !authority[i..].contains(']') => (&authority[..i], Some(&authority[i + 1..])),
        _ => (authority, None),
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    port_ok && HOSTS.iter().any(|h| host.eq_ignore_ascii_case(h))
}

/// Whether `origin` is a page served over plain HTTP from a loopback host, on any port.
pub fn is_origin(origin: &str) -> bool {
    origin.strip_prefix("http://").is_some_and(is_host)
}

/// Whether the request is addressed to a loopback host. Both places a request can name
/// its host are checked: the `Host` header and the authority of an absolute request
/// target. A request that names no host at all passes: browsers always send `Host`,
/// so such a request comes from a local program (or a test driving the router
/// directly), never from a rebound page.
fn addressed_locally(request: &Request) -> bool {
    let host_ok = match request.headers().get(header::HOST) {
        Some(value) => value.to_str().is_ok_and(is_host),
        None => true,
    };
    let authority_ok = request
        .uri()
        .authority()
        .is_none_or(|authority| is_host(authority.as_str()));
    host_ok && authority_ok
}

/// Whether the request comes from no page at all, or from a loopback page.
fn sent_locally(request: &Request) -> bool {
    match request.headers().get(header::ORIGIN) {
        Some(value) => value.to_str().is_ok_and(is_origin),
        None => true,
    }
}

/// Answers 403, before any handler (or CORS preflight) runs, to a request that is not
/// addressed to a loopback host or that a non-loopback page sent.
pub async fn guard(request: Request, next: Next) -> Response {
    if addressed_locally(&request) && sent_locally(&request) {
        next.run(request).await
    } else {
        StatusCode::FORBIDDEN.into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_pass_with_or_without_a_port() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:18080",
            "localhost",
            "LocalHost:8080",
            "[::1]",
            "[::1]:65535",
        ] {
            assert!(is_host(host), "{host}");
        }
    }

    #[test]
    fn other_hosts_fail() {
        for host in [
            "",
            "evil.test",
            "127.0.0.1.evil.test",
            "localhost.evil.test:80",
            "evil.test:127.0.0.1",
            "127.0.0.2",
            "0.0.0.0:8080",
            "::1",
            "[::1]x",
            "[::2]:80",
            "localhost:",
            "localhost:80a",
            "localhost:123456",
            "user@localhost",
            "localhost.",
        ] {
            assert!(!is_host(host), "{host}");
        }
    }

    #[test]
    fn only_plain_http_loopback_origins_pass() {
        assert!(is_origin("http://127.0.0.1:9999"));
        assert!(is_origin("http://localhost:3000"));
        assert!(is_origin("http://[::1]:8080"));
        assert!(is_origin("http://localhost"));
        for origin in [
            "null",
            "https://evil.test",
            "http://evil.test",
            "http://localhost.evil.test",
            "http://127.0.0.1:9999/",
            "file://",
            "localhost:3000",
        ] {
            assert!(!is_origin(origin), "{origin}");
        }
    }
}
