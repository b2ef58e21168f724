//! The `/_dev/` test controls: faults, deactivating a user, ending a user's sessions,
//! changing a profile elsewhere, and the guard that keeps them on this machine (L8).

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use tower::ServiceExt;
use zitadel_dev::config::{Config, DEMO_PASSWORD, DEMO_USER};

use crate::harness::{
    assert_api_error, assert_refresh_token_invalid, end_session, field, minted_for, preflight_from,
    refresh, valid_profile, Harness, Reply, ISSUER, PAGE,
};

// ---- fault injection and test controls ----

async fn fault(h: &Harness, fault: Value) {
    let reply = h.api(Method::POST, "/_dev/faults", None, Some(fault)).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text());
}

#[tokio::test]
async fn faults_answer_the_next_n_calls_then_stop() {
    let h = Harness::new();
    let token = h.api_token();
    let body = json!({"code": 8, "message": "rate limited", "details": []});
    fault(
        &h,
        json!({"count": 2, "status": 429, "body": body.to_string()}),
    )
    .await;
    for _ in 0..2 {
        let reply = h.me(&token).await;
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(reply.json(), body);
    }
    assert_eq!(h.me(&token).await.status, StatusCode::OK);
}

#[tokio::test]
async fn faults_can_send_non_json_server_errors() {
    let h = Harness::new();
    let token = h.api_token();
    fault(
        &h,
        json!({"status": 503, "body": "<html>upstream down</html>", "contentType": "text/html"}),
    )
    .await;
    let reply = h.put_profile(&token, valid_profile()).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reply.header("content-type"), Some("text/html"));
    assert_eq!(reply.text(), "<html>upstream down</html>");
}

#[tokio::test]
async fn faults_can_close_the_connection_and_delay() {
    let h = Harness::new();
    let token = h.api_token();
    fault(&h, json!({"close": true})).await;
    let response = h
        .app
        .clone()
        .oneshot(
            Request::get("/auth/v1/users/me")
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(response
        .extensions()
        .get::<zitadel_dev::faults::CloseConnection>()
        .is_some());

    fault(&h, json!({"delayMs": 30})).await;
    let started = std::time::Instant::now();
    let reply = h.me(&token).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(30));
}

#[tokio::test]
async fn faults_can_target_the_token_endpoint() {
    let h = Harness::new();
    fault(
        &h,
        json!({"status": 500, "body": "{}", "pathPrefix": "/oauth/v2/token"}),
    )
    .await;
    let reply = refresh(&h, "whatever").await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
}

#[tokio::test]
async fn test_controls_are_absent_unless_enabled() {
    let h = Harness::with(Config::demo(ISSUER, PAGE));
    for path in ["/_dev/faults", "/_dev/tokens", "/_dev/reset"] {
        let reply = h.api(Method::POST, path, None, Some(json!({}))).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn minted_tokens_and_recorded_requests_serve_browser_tests() {
    let h = Harness::new();
    let minted = h
        .api(Method::POST, "/_dev/tokens", None, Some(json!({})))
        .await
        .json();
    let token = minted["access_token"].as_str().unwrap();
    let from_page = [("origin", PAGE)];
    let reply = h.put_profile_with(token, valid_profile(), &from_page).await;
    assert_eq!(reply.status, StatusCode::OK);
    let last = h
        .api(Method::GET, "/_dev/last-request", None, None)
        .await
        .json();
    assert_eq!(last["method"], "PUT");
    assert_eq!(last["count"], 1);
    assert_eq!(
        serde_json::from_str::<Value>(last["body"].as_str().unwrap()).unwrap(),
        valid_profile()
    );

    let origin = json!({"origin": "http://127.0.0.1:9999"});
    assert_eq!(
        h.api(Method::POST, "/_dev/origins", None, Some(origin))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let runner = [("origin", "http://127.0.0.1:9999")];
    let from_runner = h.me_with(token, &runner).await;
    assert_eq!(from_runner.status, StatusCode::OK);
}

// ---- deactivating a user (test control) ----

/// `POST /_dev/deactivate` with `{"userName": user_name}`.
async fn deactivate(h: &Harness, user_name: &str) -> Reply {
    let body = json!({ "userName": user_name });
    h.api(Method::POST, "/_dev/deactivate", None, Some(body))
        .await
}

/// The contract: deactivating a user kills its tokens (401 `AUTH-7fs1e`; a refresh
/// gets `RefreshTokenInvalid`), and the login page refuses it with a visible error and
/// no code. Another user is untouched, and `/_dev/reset` restores the user.
#[tokio::test]
async fn deactivating_a_user_kills_its_tokens_and_refuses_sign_in() {
    let h = with_second_user();
    let (tokens, cookie) = h.session().await;
    let minted = minted_for(&h, DEMO_USER).await;
    let other = minted_for(&h, "grace").await;
    assert_eq!(
        deactivate(&h, DEMO_USER).await.status,
        StatusCode::NO_CONTENT
    );
    for tokens in [&tokens, &minted] {
        let me = h.me(field(tokens, "access_token")).await;
        assert_api_error(&me, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
        assert_refresh_token_invalid(&refresh(&h, field(tokens, "refresh_token")).await);
    }
    assert_eq!(
        h.me(field(&other, "access_token")).await.status,
        StatusCode::OK
    );
    let silent = h.authorize_in(&cookie, &[("prompt", "none")]).await;
    assert_eq!(silent.redirect_params()["error"], "login_required");
    let id = h.pending_sign_in(&[]).await;
    let credentials = [
        ("loginName", DEMO_USER),
        ("password", DEMO_PASSWORD),
        ("action", "login"),
    ];
    let refused = h.submit_login(&id, &credentials).await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(
        refused.text().contains("User is inactive"),
        "{}",
        refused.text()
    );
    assert!(refused.cookie().is_none());
    let body = Some(json!({ "userName": DEMO_USER }));
    let mint = h.api(Method::POST, "/_dev/tokens", None, body).await;
    assert_eq!(mint.status, StatusCode::CONFLICT);

    let reset = h.api(Method::POST, "/_dev/reset", None, None).await;
    assert_eq!(reset.status, StatusCode::NO_CONTENT);
    let (params, _) = h.sign_in(&[]).await;
    assert_eq!(
        h.exchange(&params["code"], &[]).await.status,
        StatusCode::OK
    );
}

/// The deactivate control: the demo user without a body, 404 for an unknown user, and
/// like every control, nothing for a foreign page.
#[tokio::test]
async fn deactivate_defaults_to_the_demo_user_and_refuses_unknown_users_and_pages() {
    let h = Harness::new();
    let token = h.api_token();
    assert_eq!(deactivate(&h, "nobody").await.status, StatusCode::NOT_FOUND);
    let evil = [("origin", "http://evil.test")];
    let uri = "/_dev/deactivate";
    let foreign = h.api_with(Method::POST, uri, None, None, &evil).await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    assert_eq!(h.me(&token).await.status, StatusCode::OK);
    let own = h.api(Method::POST, uri, None, None).await;
    assert_eq!(own.status, StatusCode::NO_CONTENT);
    assert_eq!(h.me(&token).await.status, StatusCode::UNAUTHORIZED);
}

// ---- ending a user's sessions (test control) ----

/// `POST /_dev/end-sessions` with `body`, or with no body at all.
async fn end_sessions(h: &Harness, body: Option<Value>) -> Reply {
    h.api(Method::POST, "/_dev/end-sessions", None, body).await
}

/// The demo instance, test controls on, with a second user, `grace`.
fn with_second_user() -> Harness {
    let mut config = Config::demo(ISSUER, PAGE);
    config.test_controls = true;
    let mut grace = config.users[0].clone();
    grace.id = "243862081218773301".into();
    grace.user_name = "grace".into();
    config.users.push(grace);
    Harness::with(config)
}

/// Every session of the user ends, browser sessions and the minted tokens' alike: each
/// access token is refused by the API and each refresh token gets the contract's
/// error. Another user's tokens keep working.
#[tokio::test]
async fn end_sessions_ends_every_session_of_the_user_and_their_tokens() {
    let h = with_second_user();
    let (first, _) = h.session().await;
    let (second, _) = h.session().await;
    let minted = minted_for(&h, DEMO_USER).await;
    let other = minted_for(&h, "grace").await;
    let ended = end_sessions(&h, Some(json!({ "userName": DEMO_USER }))).await;
    assert_eq!(ended.status, StatusCode::NO_CONTENT, "{}", ended.text());
    for tokens in [&first, &second, &minted] {
        let me = h.me(field(tokens, "access_token")).await;
        assert_api_error(&me, StatusCode::UNAUTHORIZED, 16, Some("AUTH-7fs1e"));
        assert_refresh_token_invalid(&refresh(&h, field(tokens, "refresh_token")).await);
    }
    let theirs = h.me(field(&other, "access_token")).await;
    assert_eq!(theirs.status, StatusCode::OK);
    let renewed = refresh(&h, field(&other, "refresh_token")).await;
    assert_eq!(renewed.status, StatusCode::OK);
}

/// After the sessions ended elsewhere the login page asks for the password again, and
/// `end_session` with the old `id_token_hint` still sends the browser back to the app:
/// the contract checks the hint's signature and `azp`, not whether its session lives.
#[tokio::test]
async fn after_end_sessions_sign_in_asks_again_and_end_session_still_returns() {
    let h = Harness::new();
    let (tokens, cookie) = h.session().await;
    let ended = end_sessions(&h, Some(json!({}))).await;
    assert_eq!(ended.status, StatusCode::NO_CONTENT);
    let silent = h.authorize_in(&cookie, &[("prompt", "none")]).await;
    assert_eq!(silent.redirect_params()["error"], "login_required");
    let again = h.authorize_in(&cookie, &[]).await;
    let login = h.get(again.location()).await;
    assert!(login.text().contains("name=\"password\""));
    let out = end_session(&h, field(&tokens, "id_token"), &cookie, &[]).await;
    assert_eq!(out.location(), "http://page.test/?state=bye");
}

/// Without a body the control ends the demo user's sessions; an unknown user is 404
/// and ends nothing.
#[tokio::test]
async fn end_sessions_defaults_to_the_demo_user_and_refuses_unknown_users() {
    let h = Harness::new();
    let token = h.api_token();
    let unknown = end_sessions(&h, Some(json!({ "userName": "nobody" }))).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(h.me(&token).await.status, StatusCode::OK);
    assert_eq!(end_sessions(&h, None).await.status, StatusCode::NO_CONTENT);
    assert_eq!(h.me(&token).await.status, StatusCode::UNAUTHORIZED);
}

// ---- L8: the test controls stay on this machine ----

/// A control's preflight and a read of `/_dev/last-request`, both from a page at `origin`.
async fn control_from(h: &Harness, origin: &str) -> [Reply; 2] {
    let preflight = preflight_from(h, origin, "/_dev/tokens", "POST", "content-type").await;
    let from_page = [("origin", origin)];
    let uri = "/_dev/last-request";
    let read = h.api_with(Method::GET, uri, None, None, &from_page).await;
    [preflight, read]
}

/// L8: the controls send CORS headers to pages served from a loopback origin (any
/// port) only; a foreign page's preflight and request get 403 without them. The
/// harness's own calls carry no Origin and keep working.
#[tokio::test]
async fn l8_controls_answer_cors_only_for_loopback_origins() {
    let h = Harness::new();
    for origin in [
        "http://127.0.0.1:9999",
        "http://localhost:3000",
        "http://[::1]:8080",
    ] {
        let [preflight, read] = control_from(&h, origin).await;
        assert_eq!(preflight.status, StatusCode::NO_CONTENT, "{origin}");
        assert_eq!(read.status, StatusCode::OK, "{origin}");
        for reply in [&preflight, &read] {
            assert_eq!(reply.header("access-control-allow-origin"), Some(origin));
        }
    }
    for origin in [
        "http://evil.test",
        "http://localhost.evil.test",
        "https://localhost:3000",
        "null",
    ] {
        for reply in control_from(&h, origin).await {
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{origin}");
            assert!(reply.header("access-control-allow-origin").is_none());
        }
    }
    let own = h.api(Method::GET, "/_dev/last-request", None, None).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.header("access-control-allow-origin").is_none());
}

/// L8: a request from a foreign page is refused before the control runs, even one a
/// browser sends without a preflight.
#[tokio::test]
async fn l8_a_foreign_page_cannot_work_a_control() {
    let h = Harness::new();
    let token = h.api_token();
    let evil = [("origin", "http://evil.test")];
    let uri = "/_dev/end-sessions";
    let ended = h.api_with(Method::POST, uri, None, None, &evil).await;
    assert_eq!(ended.status, StatusCode::FORBIDDEN);
    let fault = Some(json!({ "status": 500 }));
    let faulted = h
        .api_with(Method::POST, "/_dev/faults", None, fault, &evil)
        .await;
    assert_eq!(faulted.status, StatusCode::FORBIDDEN);
    assert_eq!(h.me(&token).await.status, StatusCode::OK);
}

/// L8, DNS rebinding: a rebound page is same-origin with the stand-in, so it may send
/// no Origin, but its requests name the foreign host. The controls answer only requests
/// addressed to a loopback host, by `Host` and by an absolute request target; one that
/// names no host at all (a local program) passes. ZITADEL's endpoints answer any host.
#[tokio::test]
async fn l8_controls_refuse_requests_not_addressed_to_a_loopback_host() {
    let h = Harness::new();
    let uri = "/_dev/last-request";
    for (host, status) in [
        ("127.0.0.1:18080", StatusCode::OK),
        ("127.0.0.1", StatusCode::OK),
        ("localhost:8080", StatusCode::OK),
        ("[::1]:1", StatusCode::OK),
        ("evil.test", StatusCode::FORBIDDEN),
        ("evil.test:18080", StatusCode::FORBIDDEN),
        ("127.0.0.1.evil.test", StatusCode::FORBIDDEN),
        ("localhost.evil.test:8080", StatusCode::FORBIDDEN),
    ] {
        let reply = h
            .api_with(Method::GET, uri, None, None, &[("host", host)])
            .await;
        assert_eq!(reply.status, status, "{host}");
    }
    let absolute = "http://evil.test/_dev/last-request";
    let foreign = h.api(Method::GET, absolute, None, None).await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    let disguised = [("host", "127.0.0.1")];
    let mixed = h
        .api_with(Method::GET, absolute, None, None, &disguised)
        .await;
    assert_eq!(mixed.status, StatusCode::FORBIDDEN);
    let local = h.api(
        Method::GET,
        "http://127.0.0.1:18080/_dev/last-request",
        None,
        None,
    );
    assert_eq!(local.await.status, StatusCode::OK);
    let discovery = "/.well-known/openid-configuration";
    let idp = [("host", "idp.test")];
    let open = h.api_with(Method::GET, discovery, None, None, &idp).await;
    assert_eq!(open.status, StatusCode::OK);
}

// ---- a profile changed elsewhere (test control) ----

/// `POST /_dev/profile` with `body`.
async fn change_profile(h: &Harness, body: Value) -> Reply {
    h.api(Method::POST, "/_dev/profile", None, Some(body)).await
}

/// `POST /_dev/profile`: the profile changes as if from elsewhere, as one change with
/// the next sequence, under the server's rules; the signed-in person's next
/// `users/me` sees it.
#[tokio::test]
async fn a_profile_changed_elsewhere_shows_in_users_me_with_a_new_sequence() {
    let h = Harness::new();
    let token = h.api_token();
    let before = h.me(&token).await.json();
    let profile = json!({"firstName": "Augusta", "lastName": "King", "nickName": "",
        "displayName": "Augusta Ada King", "preferredLanguage": "en", "gender": "GENDER_FEMALE"});
    let change = change_profile(&h, json!({ "profile": profile })).await;
    assert_eq!(change.status, StatusCode::OK);
    let after = h.me(&token).await.json();
    assert_eq!(after["user"]["human"]["profile"]["firstName"], "Augusta");
    assert_eq!(after["user"]["human"]["profile"]["gender"], "GENDER_FEMALE");
    let sequence = |me: &Value| {
        me["user"]["details"]["sequence"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_ne!(sequence(&after), sequence(&before));
    assert_eq!(
        change.json()["details"]["sequence"].as_str(),
        Some(sequence(&after).as_str())
    );
    let same = change_profile(&h, json!({ "profile": profile })).await;
    assert_eq!(same.status, StatusCode::PRECONDITION_FAILED);
    let refused = json!({"userName": DEMO_USER, "profile": {"firstName": "", "lastName": "K"}});
    let refused = change_profile(&h, refused).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let nobody = json!({"userName": "nobody", "profile": profile});
    let nobody = change_profile(&h, nobody).await;
    assert_eq!(nobody.status, StatusCode::NOT_FOUND);
}
