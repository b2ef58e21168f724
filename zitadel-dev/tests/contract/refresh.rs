//! Refresh tokens: rotation, the session's one live access token, lifetimes.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::harness::{
    assert_api_error, assert_oauth_error, assert_refresh_token_invalid, claims, field, refresh,
    refresh_as, with_other_app, Harness,
};

#[tokio::test]
async fn refresh_tokens_rotate_and_the_spent_one_stops_working() {
    let h = Harness::new();
    let first = h.refresh_token().await;
    let reply = refresh(&h, &first).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let second = reply.json();
    let next = second["refresh_token"].as_str().unwrap();
    assert_ne!(next, first);
    let access = second["access_token"].as_str().unwrap();
    assert_eq!(h.me(access).await.status, StatusCode::OK);
    assert_refresh_token_invalid(&refresh(&h, &first).await);
    assert_eq!(refresh(&h, next).await.status, StatusCode::OK);
}

/// The contract: a session holds one live access token, so a refresh makes the
/// previous one fail at once with 401 `AUTH-7fs1e`; another session's token lives on.
#[tokio::test]
async fn a_refresh_kills_the_previous_access_token_at_once() {
    let h = Harness::new();
    let (tokens, _) = h.session().await;
    let (other, _) = h.session().await;
    let old = field(&tokens, "access_token");
    assert_eq!(h.me(old).await.status, StatusCode::OK);
    let renewed = refresh(&h, field(&tokens, "refresh_token")).await.json();
    let me = h.me(old).await;
    assert_api_error(&me, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
    let info = h
        .api(Method::GET, "/oidc/v1/userinfo", Some(old), None)
        .await;
    assert_eq!(info.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        h.me(field(&renewed, "access_token")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        h.me(field(&other, "access_token")).await.status,
        StatusCode::OK
    );
}

/// The contract's refreshed id_token: same claims, the sign-in's nonce kept.
#[tokio::test]
async fn refreshed_id_tokens_keep_the_nonce_and_the_session() {
    let h = Harness::new();
    let tokens = h.tokens().await;
    let renewed = refresh(&h, field(&tokens, "refresh_token")).await.json();
    let (first, second) = (
        claims(field(&tokens, "id_token")),
        claims(field(&renewed, "id_token")),
    );
    assert_eq!(second["nonce"], "n0nce");
    for claim in ["sid", "aud", "azp", "client_id", "auth_time", "sub"] {
        assert_eq!(second[claim], first[claim], "{claim}");
    }
}

#[tokio::test]
async fn refresh_tokens_expire_when_idle() {
    let h = Harness::new();
    let token = h.refresh_token().await;
    h.state
        .advance_clock(Duration::from_secs(30 * 24 * 3600 + 1));
    assert_refresh_token_invalid(&refresh(&h, &token).await);
}

/// Moves the clock with the test control, as browser tests do.
async fn advance_days(h: &Harness, days: u64) {
    let body = json!({ "advanceSeconds": days * 24 * 3600 });
    let reply = h.api(Method::POST, "/_dev/clock", None, Some(body)).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
}

/// The contract's absolute refresh lifetime: 90 days from the sign-in, however often
/// the token was used (each use within the 30 idle days).
#[tokio::test]
async fn refresh_tokens_end_ninety_days_after_sign_in_however_often_used() {
    let h = Harness::new();
    assert_eq!(
        h.state.config().refresh_token_absolute_seconds,
        90 * 24 * 3600
    );
    let mut token = h.refresh_token().await;
    for _ in 0..3 {
        advance_days(&h, 29).await;
        let reply = refresh(&h, &token).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        token = field(&reply.json(), "refresh_token").to_owned();
    }
    advance_days(&h, 3).await;
    assert_refresh_token_invalid(&refresh(&h, &token).await);
}

/// The contract: a client refreshing another client's token is `invalid_client` (400),
/// and the token stays with its owner.
#[tokio::test]
async fn another_clients_refresh_token_is_invalid_client_and_stays_unspent() {
    let h = with_other_app();
    let token = h.refresh_token().await;
    let reply = refresh_as(&h, &token, "other@app").await;
    assert_oauth_error(&reply, StatusCode::BAD_REQUEST, "invalid_client");
    let unknown = refresh_as(&h, &token, "nobody").await;
    assert_oauth_error(&unknown, StatusCode::BAD_REQUEST, "invalid_client");
    assert_eq!(refresh(&h, &token).await.status, StatusCode::OK);
}
