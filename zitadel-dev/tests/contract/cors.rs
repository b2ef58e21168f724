//! CORS and the page origins an app allows.

use axum::http::{Method, StatusCode};
use zitadel_dev::config::Config;

use crate::harness::{assert_api_error, preflight_from, Harness, Reply, ISSUER, PAGE};

async fn preflight(h: &Harness, path: &str, method: &str, headers: &str) -> Reply {
    preflight_from(h, "http://anywhere.test", path, method, headers).await
}

/// The preflight of a profile update that sends `headers`.
async fn profile_update_preflight(h: &Harness, headers: &str) -> Reply {
    preflight(h, "/auth/v1/users/me/profile", "PUT", headers).await
}

#[tokio::test]
async fn api_preflight_allows_the_listed_headers() {
    let h = Harness::new();
    let listed = "authorization, content-type, x-zitadel-orgid";
    let reply = profile_update_preflight(&h, listed).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("http://anywhere.test")
    );
    assert_eq!(
        reply.header("access-control-allow-credentials"),
        Some("true")
    );
    // rs/cors echoes the requested method and headers, and sets no Max-Age: browsers
    // preflight every call.
    assert_eq!(reply.header("access-control-allow-methods"), Some("PUT"));
    assert_eq!(reply.header("access-control-allow-headers"), Some(listed));
    assert!(reply.header("access-control-max-age").is_none());
    assert!(reply.header("access-control-expose-headers").is_none());
}

/// rs/cors v1.11.1 takes the requested headers as browsers send them: lower case,
/// sorted, each once. A hand-written list in another shape is refused like an
/// unlisted header: 204 without CORS headers.
#[tokio::test]
async fn api_preflight_headers_must_be_lower_case_sorted_and_unique() {
    let h = Harness::new();
    for ok in ["authorization,content-type", "accept, authorization", ""] {
        let reply = profile_update_preflight(&h, ok).await;
        assert_eq!(
            reply.header("access-control-allow-origin"),
            Some("http://anywhere.test"),
            "{ok:?}"
        );
    }
    for refused in [
        "content-type, authorization",
        "Authorization, Content-Type",
        "authorization, authorization",
        "authorization,  content-type",
    ] {
        let reply = profile_update_preflight(&h, refused).await;
        assert_eq!(reply.status, StatusCode::NO_CONTENT, "{refused}");
        assert!(
            reply
                .headers
                .keys()
                .all(|k| !k.as_str().starts_with("access-control-")),
            "{refused}"
        );
    }
}

/// Actual (non-preflight) answers name the headers a page may read, as rs/cors
/// canonicalises them; `WWW-Authenticate` is not among them.
#[tokio::test]
async fn actual_responses_expose_zitadels_header_lists() {
    let h = Harness::new();
    let from_page = [("origin", PAGE)];
    let api = h.me_with(&h.api_token(), &from_page).await;
    assert_eq!(
        api.header("access-control-expose-headers"),
        Some("Location, Content-Length, Grpc-Status, Grpc-Message, Grpc-Status-Details-Bin")
    );
    let refused = h.me_with("not-a-token", &from_page).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    let exposed = refused.header("access-control-expose-headers").unwrap();
    assert!(!exposed.to_ascii_lowercase().contains("www-authenticate"));
    let discovery = "/.well-known/openid-configuration";
    let oidc = h
        .api_with(Method::GET, discovery, None, None, &from_page)
        .await;
    assert_eq!(
        oidc.header("access-control-expose-headers"),
        Some("Location, Content-Length")
    );
    let without_origin = h.me(&h.api_token()).await;
    assert!(without_origin
        .header("access-control-expose-headers")
        .is_none());
}

#[tokio::test]
async fn api_preflight_with_any_other_header_fails() {
    let h = Harness::new();
    let reply = profile_update_preflight(&h, "authorization, x-custom-header").await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert!(reply.header("access-control-allow-origin").is_none());
    assert!(reply.header("access-control-allow-headers").is_none());
}

#[tokio::test]
async fn oidc_preflight_has_its_own_shorter_lists() {
    let h = Harness::new();
    let ok = preflight(&h, "/oauth/v2/token", "POST", "content-type").await;
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("http://anywhere.test")
    );
    let header = preflight(&h, "/oauth/v2/token", "POST", "x-zitadel-orgid").await;
    assert!(header.header("access-control-allow-origin").is_none());
    let method = preflight(&h, "/oauth/v2/token", "PUT", "").await;
    assert!(method.header("access-control-allow-origin").is_none());
    assert_eq!(ok.header("access-control-allow-methods"), Some("POST"));
    assert!(ok.header("access-control-max-age").is_none());
}

// ---- the page origins an app allows ----

#[tokio::test]
async fn a_page_origin_the_app_does_not_allow_is_403() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = h.me_with(&token, &[("origin", "http://other.test")]).await;
    assert_api_error(&reply, StatusCode::FORBIDDEN, 7, Some("AUTH-DZG21"));
    // CORS still lets the page read the refusal.
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("http://other.test")
    );

    let allowed = h.me_with(&token, &[("origin", PAGE)]).await;
    assert_eq!(allowed.status, StatusCode::OK);
    assert_eq!(allowed.header("access-control-allow-origin"), Some(PAGE));
    assert_eq!(
        allowed.header("access-control-allow-credentials"),
        Some("true")
    );
}

#[tokio::test]
async fn additional_origins_are_matched_exactly() {
    let mut config = Config::demo(ISSUER, PAGE);
    config.apps[0]
        .additional_origins
        .push("https://shop.test".into());
    let h = Harness::with(config);
    let token = h.api_token();
    for (origin, status) in [
        ("https://shop.test", StatusCode::OK),
        ("https://shop.test/", StatusCode::FORBIDDEN),
        ("http://shop.test", StatusCode::FORBIDDEN),
    ] {
        let reply = h.me_with(&token, &[("origin", origin)]).await;
        assert_eq!(reply.status, status, "{origin}");
    }
}
