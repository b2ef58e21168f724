//! The Auth API's authentication: the Authorization header and the token.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use zitadel_dev::config::Config;

use crate::harness::{assert_api_error, valid_profile, Harness, Reply, ISSUER, PAGE};

/// `GET /auth/v1/users/me` with `authorization` as the whole header.
async fn me_authorized_as(h: &Harness, authorization: &str) -> Reply {
    let headers = [("authorization", authorization)];
    h.api_with(Method::GET, "/auth/v1/users/me", None, None, &headers)
        .await
}

/// Without an Authorization header (or with an empty one): 401 with no details key,
/// and the status message, not a Bearer challenge, in `WWW-Authenticate`.
#[tokio::test]
async fn no_authorization_header_is_401_auth_header_missing() {
    let h = Harness::new();
    let reply = h.api(Method::GET, "/auth/v1/users/me", None, None).await;
    assert_api_error(&reply, StatusCode::UNAUTHORIZED, 16, None);
    assert_eq!(reply.json()["message"], "auth header missing");
    assert_eq!(
        reply.header("www-authenticate"),
        Some("auth header missing")
    );
    let empty = me_authorized_as(&h, "").await;
    assert_eq!(empty.json()["message"], "auth header missing");
}

/// Every 401 carries `WWW-Authenticate: <the status message>`.
#[tokio::test]
async fn a_bad_token_is_401_with_www_authenticate() {
    let h = Harness::new();
    let reply = h.me("not-a-token").await;
    assert_api_error(&reply, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
    assert_eq!(reply.json()["message"], "Errors.Token.Invalid (AUTH-7fs1e)");
    assert_eq!(
        reply.header("www-authenticate"),
        Some("Errors.Token.Invalid (AUTH-7fs1e)")
    );
}

/// ZITADEL splits the header on the exact `"Bearer "`: a lower-case `bearer `, another
/// scheme or a second `Bearer ` is `AUTH-toLo1`, even with a live token in it.
#[tokio::test]
async fn an_authorization_header_without_the_exact_bearer_prefix_is_auth_tolo1() {
    let h = Harness::new();
    let token = h.api_token();
    for header in [
        format!("bearer {token}"),
        format!("BEARER {token}"),
        format!("Bearer{token}"),
        format!("Basic {token}"),
        format!("Bearer {token} Bearer {token}"),
    ] {
        let reply = me_authorized_as(&h, &header).await;
        assert_api_error(&reply, StatusCode::UNAUTHORIZED, 16, Some("AUTH-toLo1"));
        assert_eq!(reply.json()["message"], "invalid auth header (AUTH-toLo1)");
        assert_eq!(
            reply.header("www-authenticate"),
            Some("invalid auth header (AUTH-toLo1)")
        );
    }
    // The token after the prefix is taken as it is: a second space is part of it.
    let spaced = me_authorized_as(&h, &format!("Bearer  {token}")).await;
    assert_api_error(&spaced, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
    let exact = me_authorized_as(&h, &format!("Bearer {token}")).await;
    assert_eq!(exact.status, StatusCode::OK);
}

#[tokio::test]
async fn an_expired_token_is_401() {
    let mut config = Config::demo(ISSUER, PAGE);
    config.access_token_seconds = 5;
    let h = Harness::with(config);
    let token = h.api_token();
    assert_eq!(h.me(&token).await.status, StatusCode::OK);
    h.state.advance_clock(Duration::from_secs(5));
    let reply = h.me(&token).await;
    assert_api_error(&reply, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
    let challenge = reply.header("www-authenticate");
    assert_eq!(challenge, Some("Errors.Token.Invalid (AUTH-7fs1e)"));
}

#[tokio::test]
async fn a_token_without_the_api_audience_is_401() {
    let h = Harness::new();
    let token = h.mint("openid profile email offline_access");
    let reply = h.put_profile(&token, valid_profile()).await;
    assert_api_error(&reply, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
    // The same token is fine for userinfo, which needs no API audience.
    assert_eq!(
        h.api(Method::GET, "/oidc/v1/userinfo", Some(&token), None)
            .await
            .status,
        StatusCode::OK
    );
}
