//! An operator's mistakes as a person meets them: each on the embedding example's page
//! of mistakes (a form per app, each app registered with the stand-in with one
//! mistake), or, where it is about the person or the instance, on the standalone page.
//! Where ZITADEL keeps the browser, its page says what happened; where the browser
//! comes back, the form names the cause.

use super::*;

/// The page with a form per misconfigured app.
fn mistakes() -> String {
    format!("{}embed/mistakes.html", page_url())
}

/// Opens the page of mistakes and starts the sign-in of the form `slot`.
async fn sign_in_with(b: &Browser, slot: &str) {
    b.client.goto(&mistakes()).await.unwrap();
    b.until(&format!("the {slot} form's sign-in"), || async {
        showing(b, slot).await == json!("sign-in")
    })
    .await;
    let click = "root.querySelector(\"[data-testid='sign-in']\").click()";
    in_form(b, slot, click).await;
}

/// The text of the page the browser shows (ZITADEL's own, when it kept the browser).
async fn page_text(b: &Browser) -> String {
    let text = b
        .client
        .execute(
            "return document.body ? document.body.innerText : ''",
            vec![],
        )
        .await
        .unwrap();
    text.as_str().unwrap_or_default().to_owned()
}

/// Waits until the form `slot` shows something that starts with `prefix`; returns it.
async fn until_showing(b: &Browser, slot: &str, prefix: &str) -> String {
    b.until(&format!("the {slot} form to show {prefix}"), || async {
        showing(b, slot)
            .await
            .as_str()
            .is_some_and(|s| s.starts_with(prefix))
    })
    .await;
    showing(b, slot).await.as_str().unwrap().to_owned()
}

/// A Web application (a framework preset) wants a client secret: the browser comes
/// back, and the form names the app type to create instead.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_web_application_is_named_as_the_wrong_type() {
    let b = Browser::open().await;
    sign_in_with(&b, "web-app").await;
    b.log_in_as_demo().await;
    let shown = until_showing(&b, "web-app", "notice").await;
    assert!(
        shown.contains("client secret") && shown.contains("User Agent"),
        "{shown}"
    );
    b.close().await;
}

/// Without the Refresh Token grant, the session cannot be renewed after the access
/// token dies: the form says why, keeps the edits, and they come back after signing
/// in again.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_missing_refresh_grant_is_named_and_the_edits_survive_it() {
    let b = Browser::open().await;
    sign_in_with(&b, "no-refresh-grant").await;
    b.log_in_as_demo().await;
    until_showing(&b, "no-refresh-grant", "signed-in Ada").await;
    let typed = "const input = root.querySelector(\"[name='nickName']\"); \
                 input.value = 'Countess'; \
                 input.dispatchEvent(new Event('input', {bubbles: true}));";
    in_form(&b, "no-refresh-grant", typed).await;
    // Twelve hours pass: the access token is dead, and renewing it is refused.
    dev("clock", json!({"advanceSeconds": 43_201}));
    let save = "root.querySelector(\"[data-testid='save']\").click()";
    in_form(&b, "no-refresh-grant", save).await;
    let shown = until_showing(&b, "no-refresh-grant", "notice").await;
    assert!(
        shown.contains("may not use refresh tokens") && shown.contains("“Refresh Token”"),
        "{shown}"
    );
    let sign_in_again = "root.querySelector(\"[data-testid='notice-action']\").click()";
    in_form(&b, "no-refresh-grant", sign_in_again).await;
    // ZITADEL's session lives: straight back, with the edits restored.
    b.until("the restored draft", || async {
        showing(&b, "no-refresh-grant")
            .await
            .as_str()
            .is_some_and(|s| s.contains("restored"))
    })
    .await;
    let nick = in_form(
        &b,
        "no-refresh-grant",
        "return root.querySelector(\"[name='nickName']\").value",
    )
    .await;
    assert_eq!(nick, json!("Countess"));
    b.close().await;
}

/// A Development Mode pattern with a wildcard port leaves the app no allowed origin:
/// the sign-in works, and the API's 403 `AUTH-DZG21` is named with its fix.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_wildcard_port_pattern_is_named_as_the_origin_check() {
    let b = Browser::open().await;
    sign_in_with(&b, "wildcard-port").await;
    b.log_in_as_demo().await;
    let shown = until_showing(&b, "wildcard-port", "load-error").await;
    assert!(
        shown.contains("origin") && shown.contains("additional origins"),
        "{shown}"
    );
    b.close().await;
}

/// "Only authorized users can authenticate": ZITADEL's login stops the person and the
/// browser never comes back, so its page is what says so.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_project_that_lets_only_authorized_users_in_stops_at_zitadel() {
    let b = Browser::open().await;
    sign_in_with(&b, "authorized-only").await;
    b.log_in_as_demo().await;
    b.until("ZITADEL's page", || async {
        page_text(&b).await.contains("(APP-asb43)")
    })
    .await;
    assert!(page_text(&b).await.contains("Login not possible"));
    let url = b.client.current_url().await.unwrap();
    assert!(url.as_str().starts_with(&issuer()), "{url}");
    b.close().await;
}

/// Development Mode off, on an `http://` page: ZITADEL refuses the redirect URI on its
/// own page, before any login.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn development_mode_off_refuses_the_http_page_at_zitadel() {
    let b = Browser::open().await;
    sign_in_with(&b, "no-dev-mode").await;
    b.until("ZITADEL's refusal", || async {
        page_text(&b)
            .await
            .contains("redirect_uri is http and is not allowed")
    })
    .await;
    let url = b.client.current_url().await.unwrap();
    assert!(url.as_str().starts_with(&issuer()), "{url}");
    b.close().await;
}

/// ZITADEL starts wanting a second factor of a signed-in person (an administrator
/// forced MFA): the save says so and keeps the edits; signing in again asks for the
/// second factor even though ZITADEL's session lives, and the save then goes through.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_second_factor_wanted_is_asked_for_and_the_edits_survive_it() {
    let b = Browser::open().await;
    b.sign_in().await;
    b.type_into("nickName", "Countess").await;
    dev("mfa", json!({"userName": "demo", "required": true}));
    b.save_until("the second factor notice", |n| n.contains("second factor"))
        .await;
    b.testid("notice-action").await.click().await.unwrap();
    // A fresh sign-in: the password, then the second factor.
    b.log_in_as_demo().await;
    b.find("#code")
        .await
        .send_keys(zitadel_dev::config::DEMO_SECOND_FACTOR)
        .await
        .unwrap();
    b.find("#submit").await.click().await.unwrap();
    b.until_notice("the restored draft", |n| n.contains("restored"))
        .await;
    assert_eq!(b.value("nickName").await, "Countess");
    b.save_until("the save", |n| n.starts_with("Saved")).await;
    b.close().await;
}

/// The new login: a sign-out with no id_token left to name the session stops on
/// ZITADEL's sign-out page; the person picks the account and comes back signed out.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn with_the_new_login_a_sign_out_without_a_hint_asks_at_zitadel() {
    let b = Browser::open().await;
    b.sign_in().await;
    dev("login-v2", json!({"required": true}));
    b.lose_the_tokens_while_editing().await;
    b.testid("sign-out").await.click().await.unwrap();
    b.testid("discard-and-sign-out")
        .await
        .click()
        .await
        .unwrap();
    b.find("#end-session").await;
    assert!(page_text(&b).await.contains("demo@zitadel.localhost"));
    b.find("#end-session").await.click().await.unwrap();
    b.testid("sign-in").await.click().await.unwrap();
    b.find("#password").await;
    dev("login-v2", json!({"required": false}));
    b.close().await;
}

/// ZITADEL's rate limit on a save: said in words, with a retry that then works.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_rate_limit_is_named_and_the_retry_saves() {
    let b = Browser::open().await;
    b.sign_in().await;
    b.type_into("nickName", "Countess").await;
    dev(
        "faults",
        json!({"count": 1, "status": 429, "pathPrefix": "/auth/v1/users/me/profile",
               "body": r#"{"code":8,"message":"Quota.Access.Exhausted (QUOTA-vjAy8)"}"#}),
    );
    b.save_until("the rate limit", |n| n.starts_with("Too many requests"))
        .await;
    b.testid("notice-action").await.click().await.unwrap();
    b.until_notice("the save", |n| n.starts_with("Saved")).await;
    b.close().await;
}
