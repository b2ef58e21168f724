//! The code exchange at the token endpoint and its errors.

use std::time::Duration;

use axum::http::StatusCode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};
use zitadel_dev::config::{Config, DEMO_CLIENT_ID, ZITADEL_PROJECT_ID};

use crate::harness::{
    assert_oauth_error, claims, field, with_other_app, Harness, Reply, ISSUER, PAGE,
};

/// A well-formed code this instance never issued: 24 random-looking bytes, base64url.
const UNKNOWN_CODE: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/// The contract's token endpoint error: `status`, `error` and the exact description.
fn assert_token_error(reply: &Reply, status: StatusCode, error: &str, description: &str) {
    assert_oauth_error(reply, status, error);
    assert_eq!(reply.json()["error_description"], description);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
}

/// A reused or unknown code: 404 `Errors.AuthRequest.NotFound` (login v1).
fn assert_code_not_found(reply: &Reply) {
    let (status, description) = (StatusCode::NOT_FOUND, "Errors.AuthRequest.NotFound");
    assert_token_error(reply, status, "invalid_request", description);
}

#[tokio::test]
async fn code_exchange_returns_tokens_with_checked_claims() {
    let h = Harness::new();
    let reply = h.exchange(&h.code(&[]).await, &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let tokens = reply.json();
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 43200);
    assert!(tokens["refresh_token"].is_string());
    let c = claims(tokens["id_token"].as_str().unwrap());
    assert_eq!(c["iss"], ISSUER);
    assert_eq!(c["nonce"], "n0nce");
    assert_eq!(c["sub"], h.state.config().users[0].id);
    assert!(c["exp"].as_u64().unwrap() > c["iat"].as_u64().unwrap());
}

/// The contract's id_token: `aud` = the client, its project (the part after `@`) and,
/// with the API audience scope, ZITADEL's own project; `azp` and `client_id` = the
/// client; `sid` names the browser session; `at_hash` and `amr` as ZITADEL sets them.
#[tokio::test]
async fn id_token_claims_are_shaped_like_zitadels() {
    let h = Harness::new();
    let (params, cookie) = h.sign_in(&[]).await;
    let tokens = h.exchange(&params["code"], &[]).await.json();
    let c = claims(field(&tokens, "id_token"));
    let project = DEMO_CLIENT_ID.split_once('@').unwrap().1;
    let aud = json!([DEMO_CLIENT_ID, project, ZITADEL_PROJECT_ID]);
    assert_eq!(c["aud"], aud);
    assert_eq!(c["azp"], DEMO_CLIENT_ID);
    assert_eq!(c["client_id"], DEMO_CLIENT_ID);
    assert_eq!(c["amr"], json!(["pwd"]));
    let access = field(&tokens, "access_token");
    let digest = Sha256::digest(access.as_bytes());
    assert_eq!(c["at_hash"], URL_SAFE_NO_PAD.encode(&digest[..16]));
    let sid = c["sid"].as_str().expect("sid");
    assert!(!cookie.contains(sid), "sid must not reveal the cookie");

    let same_browser = h.authorize_in(&cookie, &[("scope", "openid")]).await;
    let code = &same_browser.redirect_params()["code"];
    let again = claims(field(&h.exchange(code, &[]).await.json(), "id_token"));
    assert_eq!(again["sid"], sid);
    assert_eq!(again["aud"], json!([DEMO_CLIENT_ID, project]));
    let other_browser = claims(field(&h.tokens().await, "id_token"));
    assert_ne!(other_browser["sid"], sid);
}

/// The contract: only a wrong verifier is `invalid_grant` ("invalid code_verifier"), a
/// missing one is `invalid_request` ("code_verifier required"), and neither uses up
/// the code: ZITADEL spends it only after every check.
#[tokio::test]
async fn a_failed_pkce_check_is_refused_and_leaves_the_code_usable() {
    let h = Harness::new();
    let code = h.code(&[]).await;
    let wrong = [("code_verifier", "wrong-verifier-wrong-verifier-wrong-verif")];
    let reply = h.exchange(&code, &wrong).await;
    let status = StatusCode::BAD_REQUEST;
    assert_token_error(&reply, status, "invalid_grant", "invalid code_verifier");
    let missing = h.exchange(&code, &[("code_verifier", "")]).await;
    assert_token_error(
        &missing,
        status,
        "invalid_request",
        "code_verifier required",
    );
    assert_eq!(h.exchange(&code, &[]).await.status, StatusCode::OK);
}

/// The contract: a reused code is 404 `invalid_request` `Errors.AuthRequest.NotFound`,
/// and so is a well-formed code that was never issued.
#[tokio::test]
async fn a_reused_or_unknown_code_is_404_auth_request_not_found() {
    let h = Harness::new();
    let code = h.code(&[]).await;
    assert_eq!(h.exchange(&code, &[]).await.status, StatusCode::OK);
    assert_code_not_found(&h.exchange(&code, &[]).await);
    assert_code_not_found(&h.exchange(UNKNOWN_CODE, &[]).await);
}

/// The contract: a code that cannot be one this server issued (wrong length or
/// alphabet) is 400 `invalid_request` `Errors.User.Code.Invalid`.
#[tokio::test]
async fn a_garbage_code_is_400_code_invalid() {
    let h = Harness::new();
    let code = h.code(&[]).await;
    let too_short = &code[..code.len() - 1];
    let with_plus = format!("+{}", &code[1..]);
    for garbage in [
        "garbage",
        too_short,
        with_plus.as_str(),
        &format!("{code}A"),
    ] {
        let reply = h.exchange(garbage, &[]).await;
        let status = StatusCode::BAD_REQUEST;
        assert_token_error(
            &reply,
            status,
            "invalid_request",
            "Errors.User.Code.Invalid",
        );
    }
    assert_eq!(h.exchange(&code, &[]).await.status, StatusCode::OK);
}

/// An expired code is gone, like a spent one: 404 `Errors.AuthRequest.NotFound`.
#[tokio::test]
async fn a_code_expires_after_sixty_seconds() {
    let h = Harness::new();
    let code = h.code(&[]).await;
    h.state.advance_clock(Duration::from_secs(61));
    assert_code_not_found(&h.exchange(&code, &[]).await);

    let code = h.code(&[]).await;
    h.state.advance_clock(Duration::from_secs(59));
    assert_eq!(h.exchange(&code, &[]).await.status, StatusCode::OK);
}

/// The contract: a redirect_uri mismatch is `invalid_grant`; the code stays usable.
#[tokio::test]
async fn redirect_uri_must_match_exactly_at_the_token_endpoint() {
    let h = Harness::new();
    let code = h.code(&[]).await;
    let without_slash = [("redirect_uri", "http://page.test")];
    let reply = h.exchange(&code, &without_slash).await;
    let status = StatusCode::BAD_REQUEST;
    assert_token_error(
        &reply,
        status,
        "invalid_grant",
        "redirect_uri does not correspond",
    );
    assert_eq!(h.exchange(&code, &[]).await.status, StatusCode::OK);
}

/// The contract: an unknown client, or one the code was not issued to, is
/// `invalid_client` with 400 at the token endpoint; the code stays usable.
#[tokio::test]
async fn client_id_must_be_known_and_match() {
    let h = with_other_app();
    let code = h.code(&[]).await;
    for client in ["nobody", "other@app", ""] {
        let reply = h.exchange(&code, &[("client_id", client)]).await;
        assert_oauth_error(&reply, StatusCode::BAD_REQUEST, "invalid_client");
    }
    assert_eq!(h.exchange(&code, &[]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_grant_types_are_refused() {
    let h = Harness::new();
    let password = [("grant_type", "password"), ("client_id", DEMO_CLIENT_ID)];
    let reply = h.post_form("/oauth/v2/token", &password).await;
    assert_oauth_error(&reply, StatusCode::BAD_REQUEST, "unsupported_grant_type");
}

#[tokio::test]
async fn no_refresh_token_without_offline_access_or_the_grant() {
    let h = Harness::new();
    let code = h.code(&[("scope", "openid profile")]).await;
    let tokens = h.exchange(&code, &[]).await.json();
    assert!(tokens.get("refresh_token").is_none());

    // Without the grant, the new login issues none (the classic login's refresh
    // token fails at its first use: see `operator`).
    let mut config = Config::demo(ISSUER, PAGE);
    config.apps[0].refresh_token_grant = false;
    config.login_v2 = true;
    let h = Harness::with(config);
    assert!(h.tokens().await.get("refresh_token").is_none());
}
