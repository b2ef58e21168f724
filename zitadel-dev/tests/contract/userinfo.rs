//! The userinfo endpoint.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::Harness;

#[tokio::test]
async fn userinfo_answers_for_a_live_token_only() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = h
        .api(Method::GET, "/oidc/v1/userinfo", Some(&token), None)
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let info = reply.json();
    assert_eq!(info["given_name"], "Ada");
    assert_eq!(info["email"], "ada@example.com");
    let denied = h
        .api(Method::GET, "/oidc/v1/userinfo", Some("bogus"), None)
        .await;
    assert_eq!(denied.status, StatusCode::UNAUTHORIZED);
    assert!(denied.header("www-authenticate").is_some());
}

/// The contract's userinfo: `preferred_username` is the preferred login name (as
/// `/users/me` shows it), `locale` is the language or null when unset (`und`), and
/// `updated_at` is the user's last change, not the time of the call.
#[tokio::test]
async fn userinfo_claims_are_shaped_like_zitadels() {
    let h = Harness::new();
    let token = h.api_token();
    let uri = "/oidc/v1/userinfo";
    let info = h.api(Method::GET, uri, Some(&token), None).await.json();
    let me = h.me(&token).await.json();
    assert_eq!(info["preferred_username"], me["user"]["preferredLoginName"]);
    assert_eq!(info["preferred_username"], "demo@zitadel.localhost");
    assert_eq!(info["locale"], "en");

    let saved_at = zitadel_dev::state::unix(h.state.now());
    let unset = json!({"firstName": "A", "lastName": "B", "displayName": "A B"});
    assert_eq!(h.put_profile(&token, unset).await.status, StatusCode::OK);
    h.state.advance_clock(Duration::from_secs(3600));
    let info = h.api(Method::GET, uri, Some(&token), None).await.json();
    assert_eq!(info["locale"], Value::Null);
    let updated = info["updated_at"].as_u64().unwrap();
    assert!(
        (saved_at..=saved_at + 1).contains(&updated),
        "{updated} vs {saved_at}"
    );
}
