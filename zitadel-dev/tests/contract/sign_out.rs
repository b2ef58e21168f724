//! Signing out: revoke and end_session.

use axum::http::StatusCode;
use zitadel_dev::config::DEMO_CLIENT_ID;

use crate::harness::{
    assert_api_error, assert_oauth_error, assert_refresh_token_invalid, end_session, field,
    overridden, refresh, with_other_app, Harness, Reply,
};

async fn revoke_as(h: &Harness, token: &str, client_id: &str) -> Reply {
    let form = overridden(vec![("token", token)], &[("client_id", client_id)]);
    h.post_form("/oauth/v2/revoke", &form).await
}

#[tokio::test]
async fn revoking_a_refresh_token_kills_it_and_its_access_token() {
    let h = Harness::new();
    let tokens = h.tokens().await;
    let (access, refresh_token) = (
        tokens["access_token"].as_str().unwrap(),
        tokens["refresh_token"].as_str().unwrap(),
    );
    let reply = revoke_as(&h, refresh_token, DEMO_CLIENT_ID).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_refresh_token_invalid(&refresh(&h, refresh_token).await);
    let me = h.me(access).await;
    assert_api_error(&me, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
}

/// The contract: a public client revokes with its `client_id` alone, and a token
/// nobody holds (unknown, malformed, already revoked) answers 200.
#[tokio::test]
async fn revoke_needs_only_the_client_id_and_accepts_unknown_tokens() {
    let h = Harness::new();
    let access = h.api_token();
    for token in ["unknown", "", "a:b:c", access.as_str(), access.as_str()] {
        let reply = revoke_as(&h, token, DEMO_CLIENT_ID).await;
        assert_eq!(reply.status, StatusCode::OK, "{token}: {}", reply.text());
    }
    let me = h.me(&access).await;
    assert_api_error(&me, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
}

/// The contract: at revocation an unknown client, and a client naming another
/// client's token, get 401 `invalid_client`; the token keeps working.
#[tokio::test]
async fn revoke_refuses_unknown_clients_and_other_clients_tokens_with_401() {
    let h = with_other_app();
    let tokens = h.tokens().await;
    for token in [
        field(&tokens, "access_token"),
        field(&tokens, "refresh_token"),
    ] {
        let reply = revoke_as(&h, token, "other@app").await;
        assert_oauth_error(&reply, StatusCode::UNAUTHORIZED, "invalid_client");
        let description = &reply.json()["error_description"];
        assert_eq!(description, "token was not issued for this client");
    }
    for client in ["nobody", ""] {
        let reply = revoke_as(&h, "unknown", client).await;
        assert_oauth_error(&reply, StatusCode::UNAUTHORIZED, "invalid_client");
    }
    let still = h.me(field(&tokens, "access_token")).await;
    assert_eq!(still.status, StatusCode::OK);
    let renewed = refresh(&h, field(&tokens, "refresh_token")).await;
    assert_eq!(renewed.status, StatusCode::OK);
}

#[tokio::test]
async fn end_session_checks_the_post_logout_uri_and_ends_the_session() {
    let h = Harness::new();
    let (params, cookie) = h.sign_in(&[]).await;
    let id_token = h.exchange(&params["code"], &[]).await.json()["id_token"]
        .as_str()
        .unwrap()
        .to_owned();

    let bad = [
        ("client_id", ""),
        ("post_logout_redirect_uri", "http://evil.test/"),
        ("state", ""),
    ];
    let refused = end_session(&h, &id_token, &cookie, &bad).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.header("location").is_none());

    let reply = end_session(&h, &id_token, &cookie, &[]).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    assert_eq!(reply.location(), "http://page.test/?state=bye");
    let after = h.authorize_in(&cookie, &[("prompt", "none")]).await;
    assert_eq!(after.redirect_params()["error"], "login_required");
}

/// The contract: ending the session kills the tokens issued in it; another session's
/// tokens keep working.
#[tokio::test]
async fn end_session_ends_the_tokens_of_its_session_only() {
    let h = Harness::new();
    let (ended, cookie) = h.session().await;
    let (kept, _) = h.session().await;
    let out = end_session(&h, field(&ended, "id_token"), &cookie, &[]).await;
    assert_eq!(out.location(), "http://page.test/?state=bye");
    let me = h.me(field(&ended, "access_token")).await;
    assert_api_error(&me, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
    assert_refresh_token_invalid(&refresh(&h, field(&ended, "refresh_token")).await);
    let still = h.me(field(&kept, "access_token")).await;
    assert_eq!(still.status, StatusCode::OK);
}

/// The contract: `client_id` must equal the hint's `azp`.
#[tokio::test]
async fn end_session_refuses_a_client_id_other_than_the_hints_azp() {
    let h = with_other_app();
    let (tokens, cookie) = h.session().await;
    let other = [("client_id", "other@app")];
    let reply = end_session(&h, field(&tokens, "id_token"), &cookie, &other).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.header("location").is_none());
    assert!(reply.text().contains("does not match the id_token_hint"));
}

/// The contract: without `post_logout_redirect_uri`, end_session sends the browser
/// (302) to ZITADEL's logged-out page, which the stand-in serves; `logout_hint` is
/// accepted; the session's tokens end all the same.
#[tokio::test]
async fn end_session_without_a_post_logout_uri_goes_to_the_logged_out_page() {
    let h = Harness::new();
    let (tokens, cookie) = h.session().await;
    let extra = [
        ("post_logout_redirect_uri", ""),
        ("logout_hint", "demo@zitadel.localhost"),
    ];
    let reply = end_session(&h, field(&tokens, "id_token"), &cookie, &extra).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    assert_eq!(reply.location(), "/ui/login/logout/done");
    let page = h.get(reply.location()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("You have logged out successfully."));
    let me = h.me(field(&tokens, "access_token")).await;
    assert_api_error(&me, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
    assert_refresh_token_invalid(&refresh(&h, field(&tokens, "refresh_token")).await);
}
