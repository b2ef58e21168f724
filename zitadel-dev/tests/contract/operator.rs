//! An operator's mistakes as ZITADEL answers them, each behind a switch of the config:
//! Development Mode, a wildcard port in a pattern, a Web app with a secret, the
//! Refresh Token grant, "only authorized users", a second factor wanted, and the new
//! login's sign-out page.

use axum::http::{Method, StatusCode};
use serde_json::json;
use zitadel_dev::config::{
    misconfigured, Config, DEMO_PASSWORD, DEMO_SECOND_FACTOR, DEMO_USER, DEMO_USER_ID, SECOND_USER,
};

use crate::harness::{
    assert_api_error, assert_oauth_error, field, refresh_as, Harness, Reply, ISSUER, PAGE,
};

/// The embedding example's page of mistakes, which every misconfigured app registers.
const EMBED: &str = "http://page.test/embed/mistakes.html";

/// A sign-in to `client_id` coming back to `redirect`: the authorize request's
/// parameters for both.
fn to(client_id: &'static str, redirect: &'static str) -> [(&'static str, &'static str); 2] {
    [("client_id", client_id), ("redirect_uri", redirect)]
}

/// Signs in as `user_name` at the login page; the login's answer.
async fn log_in(h: &Harness, extra: &[(&str, &str)], user_name: &str) -> Reply {
    let id = h.pending_sign_in(extra).await;
    let fields = [
        ("loginName", user_name),
        ("password", DEMO_PASSWORD),
        ("action", "login"),
    ];
    h.submit_login(&id, &fields).await
}

#[tokio::test]
async fn without_development_mode_an_http_redirect_uri_is_refused_at_zitadel() {
    let h = Harness::new();
    let url = h.authorize_url(&to(misconfigured::NO_DEV_MODE, EMBED));
    let reply = h.get(&url).await;
    assert_oauth_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    let description = reply.json()["error_description"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        description.starts_with("This client's redirect_uri is http and is not allowed."),
        "{description}"
    );
    assert!(
        reply.header("location").is_none(),
        "the browser stays at ZITADEL"
    );
    // In Development Mode the registered URIs are patterns too.
    let mut config = Config::demo(ISSUER, PAGE);
    let app = config
        .apps
        .iter_mut()
        .find(|a| a.client_id == misconfigured::NO_DEV_MODE)
        .unwrap();
    app.dev_mode = true;
    app.redirect_uris = vec!["http://page.test/**/cb".into()];
    let h = Harness::with(config);
    for (redirect, pattern_matches) in [
        ("http://page.test/a/b/cb", true),
        ("http://page.test/cb", true),
        ("http://page.test/a/b/other", false),
    ] {
        let reply = h
            .get(&h.authorize_url(&to(misconfigured::NO_DEV_MODE, redirect)))
            .await;
        let to_login =
            reply.status.is_redirection() && reply.location().starts_with("/ui/login/login");
        assert_eq!(to_login, pattern_matches, "{redirect}: {}", reply.text());
    }
}

#[tokio::test]
async fn a_wildcard_port_in_a_pattern_leaves_the_app_no_allowed_origin() {
    let h = Harness::new();
    let page = "http://page.test:8081/embed/mistakes.html";
    let (params, _) = h.sign_in(&to(misconfigured::WILDCARD_PORT, page)).await;
    let tokens = h
        .exchange(&params["code"], &to(misconfigured::WILDCARD_PORT, page))
        .await
        .json();
    let token = field(&tokens, "access_token");
    let reply = h
        .me_with(token, &[("Origin", "http://page.test:8081")])
        .await;
    assert_api_error(&reply, StatusCode::FORBIDDEN, 7, Some("AUTH-DZG21"));
}

#[tokio::test]
async fn a_web_app_wants_its_client_secret_before_anything_else() {
    let h = Harness::new();
    let (params, _) = h.sign_in(&to(misconfigured::WEB_APP, EMBED)).await;
    let exchange = |extra: &'static [(&'static str, &'static str)]| {
        let mut pairs = to(misconfigured::WEB_APP, EMBED).to_vec();
        pairs.extend_from_slice(extra);
        pairs
    };
    let refused = h.exchange(&params["code"], &exchange(&[])).await;
    assert_oauth_error(&refused, StatusCode::BAD_REQUEST, "invalid_client");
    assert_eq!(refused.json()["error_description"], "empty client secret");
    let with_secret = h
        .exchange(&params["code"], &exchange(&[("client_secret", "s3cret")]))
        .await;
    assert_eq!(with_secret.status, StatusCode::OK, "{}", with_secret.text());
}

#[tokio::test]
async fn without_the_refresh_grant_the_classic_login_issues_a_refresh_token_that_fails() {
    let h = Harness::new();
    let (params, _) = h.sign_in(&to(misconfigured::NO_REFRESH_GRANT, EMBED)).await;
    let tokens = h
        .exchange(&params["code"], &to(misconfigured::NO_REFRESH_GRANT, EMBED))
        .await
        .json();
    let refresh_token = field(&tokens, "refresh_token");
    let reply = refresh_as(&h, refresh_token, misconfigured::NO_REFRESH_GRANT).await;
    assert_oauth_error(&reply, StatusCode::BAD_REQUEST, "unauthorized_client");
    assert_eq!(
        reply.json()["error_description"],
        "grant_type \"refresh_token\" not allowed"
    );
    // The new login issues none.
    let mut config = Config::demo(ISSUER, PAGE);
    config.login_v2 = true;
    let h = Harness::with(config);
    let (params, _) = h.sign_in(&to(misconfigured::NO_REFRESH_GRANT, EMBED)).await;
    let tokens = h
        .exchange(&params["code"], &to(misconfigured::NO_REFRESH_GRANT, EMBED))
        .await
        .json();
    assert!(tokens.get("refresh_token").is_none(), "{tokens}");
}

#[tokio::test]
async fn only_authorized_users_get_past_the_login() {
    let h = Harness::new();
    let extra = to(misconfigured::AUTHORIZED_ONLY, EMBED);
    let refused = log_in(&h, &extra, DEMO_USER).await;
    assert_eq!(
        refused.status,
        StatusCode::OK,
        "the login's page, not an error status"
    );
    assert!(refused.header("location").is_none(), "the browser stays");
    let page = refused.text();
    assert!(
        page.contains("Login not possible") && page.contains("(APP-asb43)"),
        "{page}"
    );
    let granted = log_in(&h, &extra, SECOND_USER).await;
    assert!(granted.redirect_params().contains_key("code"));
}

#[tokio::test]
async fn a_second_factor_wanted_refuses_older_sessions_and_is_asked_at_the_login() {
    let h = Harness::new();
    let token = h.api_token();
    assert_eq!(h.me(&token).await.status, StatusCode::OK);
    let body = json!({"userName": DEMO_USER, "required": true});
    let switched = h.api(Method::POST, "/_dev/mfa", None, Some(body)).await;
    assert_eq!(switched.status, StatusCode::NO_CONTENT);
    let refused = h.me(&token).await;
    assert_api_error(&refused, StatusCode::FORBIDDEN, 7, Some("AUTHZ-Kl3p0"));
    assert_eq!(refused.json()["message"], "mfa required (AUTHZ-Kl3p0)");
    // Signing in again asks for the code, and its session passes.
    let id = h.pending_sign_in(&[("prompt", "login")]).await;
    let fields = [
        ("loginName", DEMO_USER),
        ("password", DEMO_PASSWORD),
        ("action", "login"),
    ];
    let asked = h.submit_login(&id, &fields).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.text().contains("id=\"code\""), "{}", asked.text());
    let wrong = h.submit_login(&id, &[("code", "000000")]).await;
    assert!(wrong.text().contains("The code is invalid."));
    let done = h.submit_login(&id, &[("code", DEMO_SECOND_FACTOR)]).await;
    let code = done.redirect_params()["code"].clone();
    let tokens = h.exchange(&code, &[]).await.json();
    let fresh = field(&tokens, "access_token");
    assert_eq!(h.me(fresh).await.status, StatusCode::OK);
    let user = h.state.store().users[DEMO_USER_ID].mfa_required;
    assert!(user);
}

#[tokio::test]
async fn the_new_login_asks_which_account_to_end_when_no_hint_names_it() {
    let mut config = Config::demo(ISSUER, PAGE);
    config.login_v2 = true;
    let h = Harness::with(config);
    let (_, cookie) = h.session().await;
    let back = "http://page.test/";
    let url = format!(
        "/oidc/v1/end_session?client_id={}&post_logout_redirect_uri={}",
        urlencoding(zitadel_dev::config::DEMO_CLIENT_ID),
        urlencoding(back)
    );
    let to_page = h.get_with_cookie(&url, &cookie).await;
    let location = to_page.location().to_owned();
    assert!(location.starts_with("/ui/v2/login/logout?"), "{location}");
    let token = to_page.redirect_params()["logout_token"].clone();
    let page = h.get_with_cookie(&location, &cookie).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text().contains("demo@zitadel.localhost"),
        "{}",
        page.text()
    );
    // Still signed in until the person picks the account.
    let silent = h.authorize_in(&cookie, &[("prompt", "none")]).await;
    assert!(silent.redirect_params().contains_key("code"));
    let ended = h
        .post_form_with_cookie("/ui/v2/login/logout", &[("logout_token", &token)], &cookie)
        .await;
    assert_eq!(ended.location(), back);
    let after = h.authorize_in(&cookie, &[("prompt", "none")]).await;
    assert_eq!(after.redirect_params()["error"], "login_required");
}

/// `text` percent-encoded for a query.
fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
