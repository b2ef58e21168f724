//! The authorize endpoint, the login page and the instance's icon.

use axum::http::StatusCode;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};
use zitadel_dev::config::DEMO_USER;

use crate::harness::{Harness, REDIRECT};

#[tokio::test]
async fn authorize_refuses_unknown_clients_without_redirecting() {
    let h = Harness::new();
    let reply = h.get(&h.authorize_url(&[("client_id", "nobody")])).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.header("location").is_none());
}

#[tokio::test]
async fn authorize_refuses_unregistered_redirect_uris_without_redirecting() {
    let h = Harness::new();
    for uri in [
        "http://page.test",
        "http://page.test/?x=1",
        "http://evil.test/",
    ] {
        let reply = h.get(&h.authorize_url(&[("redirect_uri", uri)])).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(reply
            .text()
            .contains("redirect_uri is missing in the client configuration"));
        assert!(reply.header("location").is_none());
    }
}

#[tokio::test]
async fn authorize_requires_pkce_s256() {
    let h = Harness::new();
    let missing = h.get(&h.authorize_url(&[("code_challenge", "")])).await;
    assert!(missing.location().starts_with(REDIRECT));
    assert_eq!(missing.redirect_params()["error"], "invalid_request");
    assert_eq!(missing.redirect_params()["state"], "st4te");
    let plain = h
        .get(&h.authorize_url(&[("code_challenge_method", "plain")]))
        .await;
    assert_eq!(plain.redirect_params()["error"], "invalid_request");
}

#[tokio::test]
async fn authorize_checks_response_type_and_openid_scope() {
    let h = Harness::new();
    let token = h.get(&h.authorize_url(&[("response_type", "token")])).await;
    assert_eq!(
        token.redirect_params()["error"],
        "unsupported_response_type"
    );
    let no_openid = h.get(&h.authorize_url(&[("scope", "profile")])).await;
    assert_eq!(no_openid.redirect_params()["error"], "invalid_scope");
}

#[tokio::test]
async fn prompt_none_without_session_answers_login_required() {
    let h = Harness::new();
    let reply = h.get(&h.authorize_url(&[("prompt", "none")])).await;
    let params = reply.redirect_params();
    assert_eq!(params["error"], "login_required");
    assert_eq!(params["state"], "st4te");
    assert!(!params.contains_key("code"));
}

/// The icon browsers ask the login page's origin for is there, so its console stays
/// clean.
#[tokio::test]
async fn the_instance_answers_the_browsers_icon_request() {
    let h = Harness::new();
    let icon = h.get("/favicon.ico").await;
    assert_eq!(icon.status, StatusCode::OK);
    assert_eq!(icon.headers["content-type"], "image/svg+xml");
    assert!(icon.text().starts_with("<svg"));
}

/// The login page speaks the client's `ui_locales` (the first the instance offers) and
/// offers every language of the instance: ZITADEL's 22, Arabic right to left.
#[tokio::test]
async fn the_login_page_follows_ui_locales_and_offers_22_languages() {
    let h = Harness::new();
    let id = h.pending_sign_in(&[("ui_locales", "xx ar-EG de")]).await;
    let page = h.get(&format!("/ui/login/login?authRequestID={id}")).await;
    let html = page.text();
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#), "{html}");
    assert_eq!(html.matches("<option ").count(), 22);
    for (code, name) in [("ar", "العربية"), ("uk", "Українська"), ("zh", "中文")]
    {
        assert!(
            html.contains(&format!(r#"value="{code}" lang="{code}""#)),
            "{code}"
        );
        assert!(html.contains(name), "{name}");
    }
    assert!(html.contains(r#"value="ar" lang="ar" selected"#));
    let picked = h
        .get(&format!("/ui/login/login?authRequestID={id}&language=uk"))
        .await;
    assert!(picked.text().contains(r#"<html lang="uk" dir="ltr">"#));
    let plain = h.pending_sign_in(&[]).await;
    let page = h
        .get(&format!("/ui/login/login?authRequestID={plain}"))
        .await;
    assert!(page.text().contains(r#"<html lang="en" dir="ltr">"#));
}

#[tokio::test]
async fn sign_in_redirects_with_code_and_state() {
    let h = Harness::new();
    let (params, cookie) = h.sign_in(&[]).await;
    assert_eq!(params["state"], "st4te");
    assert!(params["code"].len() >= 32);
    assert!(cookie.starts_with("zitadel_dev_session="));
}

#[tokio::test]
async fn wrong_password_shows_the_form_again() {
    let h = Harness::new();
    let id = h.pending_sign_in(&[]).await;
    let wrong = [
        ("loginName", DEMO_USER),
        ("password", "nope"),
        ("action", "login"),
    ];
    let reply = h.submit_login(&id, &wrong).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.text().contains("Username or password is invalid"));
    assert!(reply.cookie().is_none());
}

#[tokio::test]
async fn cancelling_sign_in_returns_access_denied() {
    let h = Harness::new();
    let id = h.pending_sign_in(&[]).await;
    let reply = h.submit_login(&id, &[("action", "cancel")]).await;
    let params = reply.redirect_params();
    assert_eq!(params["error"], "access_denied");
    assert_eq!(params["state"], "st4te");
    assert!(params["error_description"].len() > 5);
}

#[tokio::test]
async fn a_session_skips_the_login_page_and_prompt_login_forces_it() {
    let h = Harness::new();
    let (_, cookie) = h.sign_in(&[]).await;
    let silent_request = [("prompt", "none"), ("state", "s2")];
    let silent = h.authorize_in(&cookie, &silent_request).await;
    assert_eq!(silent.redirect_params()["state"], "s2");
    assert!(silent.redirect_params().contains_key("code"));
    let again = h.authorize_in(&cookie, &[]).await;
    assert!(again.redirect_params().contains_key("code"));
    let forced = h.authorize_in(&cookie, &[("prompt", "login")]).await;
    assert!(forced.location().starts_with("/ui/login/login"));
}

#[tokio::test]
async fn fragment_response_mode_puts_the_code_in_the_fragment() {
    let h = Harness::new();
    let (_, cookie) = h.sign_in(&[]).await;
    let reply = h
        .authorize_in(&cookie, &[("response_mode", "fragment")])
        .await;
    assert!(reply.location().starts_with("http://page.test/#code="));
}

/// The text of `text` between the first `start` and the `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {text}"))
        + start.len();
    let to = text[from..].find(end).expect("end marker") + from;
    &text[from..to]
}

/// `response_mode=form_post`, which discovery advertises as ZITADEL does: a page that
/// posts the code and state to the redirect URI. Its one inline script is allowed by
/// hash in the page's own strict CSP; there are no inline handlers. Errors go the
/// same way.
#[tokio::test]
async fn form_post_response_mode_posts_the_code_under_a_strict_csp() {
    let h = Harness::new();
    let discovery = h.get("/.well-known/openid-configuration").await.json();
    let modes = discovery["response_modes_supported"].as_array().unwrap();
    assert!(modes.contains(&json!("form_post")));
    let (_, cookie) = h.sign_in(&[]).await;
    let reply = h
        .authorize_in(&cookie, &[("response_mode", "form_post")])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    let page = reply.text();
    assert!(page.contains(r#"<form method="post" action="http://page.test/">"#));
    assert!(page.contains(r#"<input type="hidden" name="state" value="st4te">"#));
    let code = between(&page, r#"name="code" value=""#, "\"");
    assert_eq!(h.exchange(code, &[]).await.status, StatusCode::OK);
    let script = between(&page, "<script>", "</script>");
    assert_eq!(page.matches("<script").count(), 1);
    assert!(!page.contains("onload") && !page.contains("javascript:"));
    let hash = STANDARD.encode(Sha256::digest(script.as_bytes()));
    let csp = reply.header("content-security-policy").unwrap();
    assert!(
        csp.contains(&format!("script-src 'sha256-{hash}';")),
        "{csp}"
    );
    assert!(csp.starts_with("default-src 'none';"), "{csp}");

    let no_openid = [("response_mode", "form_post"), ("scope", "profile")];
    let refused = h.get(&h.authorize_url(&no_openid)).await;
    assert!(refused
        .text()
        .contains(r#"<input type="hidden" name="error" value="invalid_scope">"#));
}
