//! The stand-in against the ZITADEL contract, one test per endpoint and error row,
//! driven through `app()` with `oneshot`: no socket, no browser.

use std::collections::HashMap;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use http_body_util::BodyExt;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::signature::Verifier;
use rsa::{BigUint, RsaPublicKey};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use zitadel_dev::config::{
    Config, DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_USER, SECOND_USER, SECOND_USER_ID,
    ZITADEL_PROJECT_ID,
};
use zitadel_dev::{app, AppState};

const ISSUER: &str = "http://idp.test";
const PAGE: &str = "http://page.test";
const REDIRECT: &str = "http://page.test/";
/// RFC 7636 appendix B.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const FULL_SCOPE: &str =
    "openid profile email offline_access urn:zitadel:iam:org:project:id:zitadel:aud";

struct Harness {
    app: Router,
    state: AppState,
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    fn location(&self) -> &str {
        assert!(
            self.status.is_redirection(),
            "not a redirect: {} {}",
            self.status,
            self.text()
        );
        self.header("location").expect("Location header")
    }
    /// Query (or fragment) parameters of the redirect target.
    fn redirect_params(&self) -> HashMap<String, String> {
        let location = self.location();
        let query = location.split_once(['?', '#']).map_or("", |(_, q)| q);
        form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect()
    }
    fn cookie(&self) -> Option<String> {
        self.header("set-cookie")
            .map(|c| c.split(';').next().unwrap_or_default().to_owned())
    }
}

fn form_body(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

impl Harness {
    fn new() -> Self {
        let mut config = Config::demo(ISSUER, PAGE);
        config.test_controls = true;
        Self::with(config)
    }

    fn with(config: Config) -> Self {
        let state = AppState::new(config);
        Self {
            app: app(state.clone()),
            state,
        }
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        Reply {
            status: parts.status,
            headers: parts.headers,
            body: body.collect().await.unwrap().to_bytes(),
        }
    }

    async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    async fn get_with_cookie(&self, uri: &str, cookie: &str) -> Reply {
        self.send(
            Request::get(uri)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    async fn post_form(&self, uri: &str, pairs: &[(&str, &str)]) -> Reply {
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form_body(pairs)))
            .unwrap();
        self.send(request).await
    }

    async fn api(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        self.api_with(method, uri, token, body, &[]).await
    }

    async fn api_with(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = match body {
            Some(json) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).unwrap()).await
    }

    /// `GET /auth/v1/users/me` with `token`.
    async fn me(&self, token: &str) -> Reply {
        self.me_with(token, &[]).await
    }

    /// `GET /auth/v1/users/me` with `token` and extra `headers`.
    async fn me_with(&self, token: &str, headers: &[(&str, &str)]) -> Reply {
        let uri = "/auth/v1/users/me";
        self.api_with(Method::GET, uri, Some(token), None, headers)
            .await
    }

    async fn put_profile(&self, token: &str, body: Value) -> Reply {
        self.put_profile_with(token, body, &[]).await
    }

    async fn put_profile_with(&self, token: &str, body: Value, headers: &[(&str, &str)]) -> Reply {
        let uri = "/auth/v1/users/me/profile";
        self.api_with(Method::PUT, uri, Some(token), Some(body), headers)
            .await
    }

    /// Stores [`valid_profile`] for `token`'s user, so that sending it again changes nothing.
    async fn store_valid_profile(&self, token: &str) {
        let reply = self.put_profile(token, valid_profile()).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    }

    fn authorize_url(&self, extra: &[(&str, &str)]) -> String {
        let defaults = vec![
            ("client_id", DEMO_CLIENT_ID),
            ("redirect_uri", REDIRECT),
            ("response_type", "code"),
            ("scope", FULL_SCOPE),
            ("code_challenge", CHALLENGE),
            ("code_challenge_method", "S256"),
            ("state", "st4te"),
            ("nonce", "n0nce"),
        ];
        let pairs = overridden(defaults, extra);
        format!("/oauth/v2/authorize?{}", form_body(&pairs))
    }

    /// Authorizes with `extra` in the browser session `cookie`.
    async fn authorize_in(&self, cookie: &str, extra: &[(&str, &str)]) -> Reply {
        self.get_with_cookie(&self.authorize_url(extra), cookie)
            .await
    }

    /// Authorizes with `extra` and follows the redirect to the login page; returns the
    /// pending sign-in's `authRequestID`.
    async fn pending_sign_in(&self, extra: &[(&str, &str)]) -> String {
        let to_login = self.get(&self.authorize_url(extra)).await;
        let login_url = to_login.location();
        let id = login_url.strip_prefix("/ui/login/login?authRequestID=");
        id.unwrap_or_else(|| panic!("not the login page: {login_url}"))
            .to_owned()
    }

    /// Posts the login form for the pending sign-in `id` with `fields`.
    async fn submit_login(&self, id: &str, fields: &[(&str, &str)]) -> Reply {
        let mut form = vec![("authRequestID", id)];
        form.extend_from_slice(fields);
        self.post_form("/ui/login/login", &form).await
    }

    /// Authorize, sign in at the login page; returns the redirect's parameters and the session cookie.
    async fn sign_in(&self, extra: &[(&str, &str)]) -> (HashMap<String, String>, String) {
        let id = self.pending_sign_in(extra).await;
        let page = self
            .get(&format!("/ui/login/login?authRequestID={id}"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text().contains("name=\"password\""));
        let credentials = [
            ("loginName", DEMO_USER),
            ("password", DEMO_PASSWORD),
            ("action", "login"),
        ];
        let done = self.submit_login(&id, &credentials).await;
        let cookie = done.cookie().expect("session cookie");
        (done.redirect_params(), cookie)
    }

    async fn exchange(&self, code: &str, pairs: &[(&str, &str)]) -> Reply {
        let defaults = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("client_id", DEMO_CLIENT_ID),
            ("code_verifier", VERIFIER),
        ];
        let form = overridden(defaults, pairs);
        self.post_form("/oauth/v2/token", &form).await
    }

    /// A fresh authorization code from a full sign-in with `extra` authorize parameters.
    async fn code(&self, extra: &[(&str, &str)]) -> String {
        let (params, _) = self.sign_in(extra).await;
        params["code"].clone()
    }

    /// A full sign-in and code exchange; returns the token response.
    async fn tokens(&self) -> Value {
        self.session().await.0
    }

    /// A full sign-in in a new browser session and its code exchange; returns the
    /// token response and the session cookie.
    async fn session(&self) -> (Value, String) {
        let (params, cookie) = self.sign_in(&[]).await;
        let reply = self.exchange(&params["code"], &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        (reply.json(), cookie)
    }

    /// The refresh token of a full sign-in.
    async fn refresh_token(&self) -> String {
        let tokens = self.tokens().await;
        tokens["refresh_token"].as_str().unwrap().to_owned()
    }

    fn mint(&self, scope: &str) -> String {
        let user = self.state.config().users[0].id.clone();
        let tokens = zitadel_dev::oidc::mint(&self.state, &user, DEMO_CLIENT_ID, scope);
        tokens["access_token"].as_str().unwrap().to_owned()
    }

    fn api_token(&self) -> String {
        self.mint(FULL_SCOPE)
    }
}

/// `defaults` with each of `overrides` in place of the default of that name; an empty
/// value leaves the parameter out.
fn overridden<'a>(
    mut defaults: Vec<(&'a str, &'a str)>,
    overrides: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    for (name, value) in overrides {
        defaults.retain(|(key, _)| key != name);
        if !value.is_empty() {
            defaults.push((name, value));
        }
    }
    defaults
}

/// The demo instance with a second app, `other@app`, registered like the first.
fn with_other_app() -> Harness {
    let mut config = Config::demo(ISSUER, PAGE);
    let mut other = config.apps[0].clone();
    other.client_id = "other@app".into();
    config.apps.push(other);
    Harness::with(config)
}

/// The string `name` of a token response.
fn field<'a>(tokens: &'a Value, name: &str) -> &'a str {
    tokens[name]
        .as_str()
        .unwrap_or_else(|| panic!("no {name} in {tokens}"))
}

fn claims(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

fn assert_oauth_error(reply: &Reply, status: StatusCode, error: &str) {
    assert_eq!(reply.status, status, "{}", reply.text());
    assert_eq!(reply.json()["error"], error, "{}", reply.text());
    assert!(reply.json()["error_description"].is_string());
}

/// The contract's answer to a spent, expired, revoked or unknown refresh token.
fn assert_refresh_token_invalid(reply: &Reply) {
    assert_oauth_error(reply, StatusCode::BAD_REQUEST, "invalid_request");
    let description = &reply.json()["error_description"];
    assert_eq!(description, "Errors.OIDCSession.RefreshTokenInvalid");
}

fn assert_api_error(reply: &Reply, status: StatusCode, code: u64, id: Option<&str>) {
    assert_eq!(reply.status, status, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["code"], code, "{body}");
    match id {
        Some(id) => {
            assert_eq!(body["details"][0]["id"], id, "{body}");
            assert_eq!(
                body["details"][0]["@type"],
                "type.googleapis.com/zitadel.v1.ErrorDetail"
            );
            let text = body["details"][0]["message"].as_str().unwrap();
            assert_eq!(body["message"], format!("{text} ({id})"));
        }
        None => assert!(body.get("details").is_none(), "no details key: {body}"),
    }
}

fn valid_profile() -> Value {
    json!({
        "firstName": "Grace",
        "lastName": "Hopper",
        "nickName": "Amazing Grace",
        "displayName": "Grace Hopper",
        "preferredLanguage": "de",
        "gender": "GENDER_FEMALE",
    })
}

// ---- discovery and keys ----

#[tokio::test]
async fn discovery_advertises_endpoints_s256_and_languages() {
    let h = Harness::new();
    let reply = h.get("/.well-known/openid-configuration").await;
    assert_eq!(reply.status, StatusCode::OK);
    let d = reply.json();
    assert_eq!(d["issuer"], ISSUER);
    assert_eq!(
        d["authorization_endpoint"],
        format!("{ISSUER}/oauth/v2/authorize")
    );
    assert_eq!(d["token_endpoint"], format!("{ISSUER}/oauth/v2/token"));
    assert_eq!(
        d["revocation_endpoint"],
        format!("{ISSUER}/oauth/v2/revoke")
    );
    assert_eq!(
        d["end_session_endpoint"],
        format!("{ISSUER}/oidc/v1/end_session")
    );
    assert_eq!(d["userinfo_endpoint"], format!("{ISSUER}/oidc/v1/userinfo"));
    assert_eq!(d["jwks_uri"], format!("{ISSUER}/oauth/v2/keys"));
    assert_eq!(d["code_challenge_methods_supported"], json!(["S256"]));
    let languages = d["ui_locales_supported"].as_array().unwrap();
    assert_eq!(languages.len(), 22);
    for language in ["de", "ar", "uk"] {
        assert!(languages.contains(&json!(language)), "{language}");
    }
}

#[tokio::test]
async fn discovery_is_open_to_any_origin() {
    let h = Harness::new();
    let reply = h
        .api_with(
            Method::GET,
            "/.well-known/openid-configuration",
            None,
            None,
            &[("origin", "http://anywhere.test")],
        )
        .await;
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("http://anywhere.test")
    );
}

#[tokio::test]
async fn id_tokens_verify_against_the_published_key() {
    let h = Harness::new();
    let jwks = h.get("/oauth/v2/keys").await.json();
    let key = &jwks["keys"][0];
    assert_eq!(key["alg"], "RS256");
    assert_eq!(key["kty"], "RSA");
    let n = BigUint::from_bytes_be(&URL_SAFE_NO_PAD.decode(key["n"].as_str().unwrap()).unwrap());
    let e = BigUint::from_bytes_be(&URL_SAFE_NO_PAD.decode(key["e"].as_str().unwrap()).unwrap());
    let verifying = VerifyingKey::<Sha256>::new(RsaPublicKey::new(n, e).unwrap());

    let id_token = h.tokens().await["id_token"].as_str().unwrap().to_owned();
    let (input, signature) = id_token.rsplit_once('.').unwrap();
    let signature =
        Signature::try_from(URL_SAFE_NO_PAD.decode(signature).unwrap().as_slice()).unwrap();
    verifying
        .verify(input.as_bytes(), &signature)
        .expect("signature verifies");
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(input.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["kid"], key["kid"]);
}

// ---- authorize ----

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

// ---- token ----

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

    let mut config = Config::demo(ISSUER, PAGE);
    config.apps[0].refresh_token_grant = false;
    let h = Harness::with(config);
    assert!(h.tokens().await.get("refresh_token").is_none());
}

async fn refresh(h: &Harness, token: &str) -> Reply {
    refresh_as(h, token, DEMO_CLIENT_ID).await
}

async fn refresh_as(h: &Harness, token: &str, client_id: &str) -> Reply {
    h.post_form(
        "/oauth/v2/token",
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", token),
            ("client_id", client_id),
        ],
    )
    .await
}

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

// ---- revoke, userinfo, end_session ----

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

/// `end_session` in the browser session `cookie` with `id_token` as the hint: the demo
/// app going back to its page with `state=bye`, unless `extra` says otherwise.
async fn end_session(h: &Harness, id_token: &str, cookie: &str, extra: &[(&str, &str)]) -> Reply {
    let defaults = vec![
        ("id_token_hint", id_token),
        ("client_id", DEMO_CLIENT_ID),
        ("post_logout_redirect_uri", REDIRECT),
        ("state", "bye"),
    ];
    let query = form_body(&overridden(defaults, extra));
    h.get_with_cookie(&format!("/oidc/v1/end_session?{query}"), cookie)
        .await
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

// ---- the Auth API: authentication ----

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

// ---- CORS ----

async fn preflight(h: &Harness, path: &str, method: &str, headers: &str) -> Reply {
    preflight_from(h, "http://anywhere.test", path, method, headers).await
}

/// A preflight from a page at `origin`.
async fn preflight_from(
    h: &Harness,
    origin: &str,
    path: &str,
    method: &str,
    headers: &str,
) -> Reply {
    h.send(
        Request::builder()
            .method(Method::OPTIONS)
            .uri(path)
            .header("origin", origin)
            .header("access-control-request-method", method)
            .header("access-control-request-headers", headers)
            .body(Body::empty())
            .unwrap(),
    )
    .await
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

// ---- the Auth API: reading ----

#[tokio::test]
async fn users_me_omits_zero_values_and_sends_sequence_as_a_string() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = h.me(&token).await;
    assert_eq!(reply.status, StatusCode::OK);
    let user = &reply.json()["user"];
    assert!(user["details"]["sequence"].is_string());
    assert_eq!(user["userName"], DEMO_USER);
    assert_eq!(user["human"]["email"]["isEmailVerified"], true);
    let profile = &user["human"]["profile"];
    assert_eq!(profile["firstName"], "Ada");
    assert_eq!(profile["preferredLanguage"], "en");
    assert!(profile.get("nickName").is_none(), "{profile}");
    assert!(profile.get("gender").is_none(), "{profile}");
}

#[tokio::test]
async fn an_unset_language_reads_und() {
    let mut config = Config::demo(ISSUER, PAGE);
    config.users[0].preferred_language = String::new();
    let h = Harness::with(config);
    let token = h.api_token();
    let reply = h
        .api(Method::GET, "/auth/v1/users/me/profile", Some(&token), None)
        .await;
    assert_eq!(reply.json()["profile"]["preferredLanguage"], "und");
    assert!(reply.json()["details"]["sequence"].is_string());
}

// ---- the Auth API: UpdateMyProfile ----

#[tokio::test]
async fn a_valid_update_is_stored_and_answered_with_details() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = h.put_profile(&token, valid_profile()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let details = &reply.json()["details"];
    let sequence: u64 = details["sequence"].as_str().unwrap().parse().unwrap();
    assert!(sequence > 1);
    assert!(details["changeDate"].as_str().unwrap().ends_with('Z'));
    assert!(details["resourceOwner"].is_string());
    assert!(details.get("creationDate").is_none());

    let me = h.me(&token).await.json();
    let profile = &me["user"]["human"]["profile"];
    assert_eq!(profile["nickName"], "Amazing Grace");
    assert_eq!(profile["gender"], "GENDER_FEMALE");
    assert_eq!(me["user"]["details"]["sequence"], details["sequence"]);
}

/// The digits after the second's dot in an RFC 3339 timestamp (0 without a dot).
fn fraction_digits(timestamp: &str) -> usize {
    let seconds = timestamp.trim_end_matches('Z');
    seconds.split_once('.').map_or(0, |(_, f)| f.len())
}

/// Timestamps are protojson's: 0, 3, 6 or 9 fractional digits (`.123400Z`), never a
/// trimmed length such as `.1234Z`.
#[tokio::test]
async fn timestamps_have_0_3_6_or_9_fractional_digits() {
    let h = Harness::new();
    let token = h.api_token();
    for nick in ["a", "b", "c", "d", "e", "f", "g", "h"] {
        let reply = put_field(&h, &token, "nickName", nick).await;
        let changed = reply.json()["details"]["changeDate"].clone();
        let me = h.me(&token).await.json();
        let details = &me["user"]["details"];
        for date in [&changed, &details["changeDate"], &details["creationDate"]] {
            let date = date.as_str().unwrap();
            assert!([0, 3, 6, 9].contains(&fraction_digits(date)), "{date}");
        }
    }
}

#[tokio::test]
async fn update_is_a_full_replace() {
    let h = Harness::new();
    let token = h.api_token();
    h.store_valid_profile(&token).await;
    let partial = json!({"firstName": "Grace", "lastName": "Hopper", "displayName": "G"});
    assert_eq!(h.put_profile(&token, partial).await.status, StatusCode::OK);
    let profile = h.me(&token).await.json()["user"]["human"]["profile"].clone();
    assert!(profile.get("nickName").is_none(), "{profile}");
    assert!(profile.get("gender").is_none(), "{profile}");
    assert_eq!(profile["preferredLanguage"], "und");
}

/// Sends `field = value` on top of an otherwise valid profile.
async fn put_field(h: &Harness, token: &str, field: &str, value: &str) -> Reply {
    let mut body = valid_profile();
    body[field] = json!(value);
    h.put_profile(token, body).await
}

#[tokio::test]
async fn required_names_take_1_to_200_runes() {
    let h = Harness::new();
    let token = h.api_token();
    for (field, go_name) in [
        ("firstName", "FirstName"),
        ("lastName", "LastName"),
        ("displayName", "DisplayName"),
    ] {
        for ok in [
            "é".repeat(200),
            "😀".repeat(200),
            "e\u{301}".repeat(100),
            "x".into(),
        ] {
            let reply = put_field(&h, &token, field, &ok).await;
            assert!(
                reply.status == StatusCode::OK || reply.json()["code"] == 9,
                "{field} {}: {}",
                ok.chars().count(),
                reply.text()
            );
        }
        for bad in [
            String::new(),
            "😀".repeat(201),
            "e\u{301}".repeat(100) + "x",
        ] {
            let reply = put_field(&h, &token, field, &bad).await;
            assert_api_error(&reply, StatusCode::BAD_REQUEST, 3, None);
            assert_eq!(
                reply.json()["message"],
                format!("invalid UpdateMyProfileRequest.{go_name}: value length must be between 1 and 200 runes, inclusive")
            );
        }
    }
}

#[tokio::test]
async fn nickname_takes_0_to_200_runes() {
    let h = Harness::new();
    let token = h.api_token();
    assert_eq!(
        put_field(&h, &token, "nickName", "").await.status,
        StatusCode::OK
    );
    assert_eq!(
        put_field(&h, &token, "nickName", &"ß".repeat(200))
            .await
            .status,
        StatusCode::OK
    );
    let reply = put_field(&h, &token, "nickName", &"ß".repeat(201)).await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 3, None);
    assert_eq!(
        reply.json()["message"],
        "invalid UpdateMyProfileRequest.NickName: value length must be at most 200 runes"
    );
}

/// The language is never refused for its content: Go's `language.Parse` keeps the
/// parts that parse, canonicalises a tag without errors, and gives `und` when nothing
/// parses.
#[tokio::test]
async fn language_takes_at_most_10_runes_and_is_stored_as_go_parses_it() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = put_field(&h, &token, "preferredLanguage", "de-CH-1996").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let too_long = put_field(&h, &token, "preferredLanguage", "de-CH-19961").await;
    assert_api_error(&too_long, StatusCode::BAD_REQUEST, 3, None);
    assert_eq!(
        too_long.json()["message"],
        "invalid UpdateMyProfileRequest.PreferredLanguage: value length must be at most 10 runes"
    );

    for (sent, stored) in [
        ("xx-!!", "und"),
        // (de-Latn-Latn, the contract's example, is longer than the rule allows.)
        ("de-Latn-JJ", "de-Latn"),
        ("xx-CH", "und-CH"),
        ("iw", "he"),
        ("EN-us", "en-US"),
    ] {
        let reply = put_field(&h, &token, "preferredLanguage", sent).await;
        assert_eq!(reply.status, StatusCode::OK, "{sent}: {}", reply.text());
        let profile = stored_profile(&h, &token).await;
        assert_eq!(profile["preferredLanguage"], stored, "{sent}");
    }
}

/// "Not changed" compares the parsed tags: the stored one as read back against what
/// Parse makes of the one sent. A tag Parse only half understands is stored as that
/// half and read back canonicalised, so sending it again is a change every time, as
/// it is in ZITADEL.
#[tokio::test]
async fn language_changes_are_decided_on_the_parsed_tags() {
    let h = Harness::new();
    let token = h.api_token();
    h.store_valid_profile(&token).await; // "de"
    for same in ["DE", "de", "de_"] {
        let reply = put_field(&h, &token, "preferredLanguage", same).await;
        assert_api_error(&reply, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));
    }
    assert_eq!(
        put_field(&h, &token, "preferredLanguage", "iw")
            .await
            .status,
        StatusCode::OK
    );
    let reply = put_field(&h, &token, "preferredLanguage", "he").await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));
    for _ in 0..2 {
        let half = put_field(&h, &token, "preferredLanguage", "iw-abcde").await;
        assert_eq!(half.status, StatusCode::OK, "{}", half.text());
        assert_eq!(stored_profile(&h, &token).await["preferredLanguage"], "he");
    }
}

#[tokio::test]
async fn whitespace_is_not_trimmed_by_the_server() {
    let h = Harness::new();
    let token = h.api_token();
    let mut body = valid_profile();
    body["firstName"] = json!(" ");
    body["lastName"] = json!("  Hopper  ");
    assert_eq!(h.put_profile(&token, body).await.status, StatusCode::OK);
    let profile = h.me(&token).await.json()["user"]["human"]["profile"].clone();
    assert_eq!(profile["firstName"], " ");
    assert_eq!(profile["lastName"], "  Hopper  ");
}

/// Every rule passes a NUL, but ZITADEL stores events as Postgres JSONB, which refuses
/// it: the push fails and the answer is a 500. Other control characters are stored.
#[tokio::test]
async fn a_nul_in_a_name_fails_the_save_with_500_and_other_controls_are_stored() {
    let h = Harness::new();
    let token = h.api_token();
    for field in ["firstName", "lastName", "nickName", "displayName"] {
        let reply = put_field(&h, &token, field, "Ada\u{0}").await;
        assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR, "{field}");
        assert_eq!(reply.json()["code"], 13, "{field}");
    }
    let reply = put_field(&h, &token, "nickName", "Ada\tthe\u{1b}Countess").await;
    assert_eq!(reply.status, StatusCode::OK);
    let profile = h.me(&token).await.json()["user"]["human"]["profile"].clone();
    assert_eq!(profile["nickName"], "Ada\tthe\u{1b}Countess");
    assert_eq!(
        put_field(&h, &token, "preferredLanguage", "de\u{0}")
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn only_the_first_violated_rule_is_reported() {
    let h = Harness::new();
    let token = h.api_token();
    let body = json!({"firstName": "", "lastName": "", "displayName": ""});
    let reply = h.put_profile(&token, body).await;
    assert!(reply.json()["message"]
        .as_str()
        .unwrap()
        .contains(".FirstName:"));
}

/// The profile as the user reads it back.
async fn stored_profile(h: &Harness, token: &str) -> Value {
    h.me(token).await.json()["user"]["human"]["profile"].clone()
}

/// protojson takes an enum by name or by any int32 number; ZITADEL has no rule
/// against numbers outside the enum and stores them like UNSPECIFIED (−1), which reads
/// back as UNSPECIFIED: left out.
#[tokio::test]
async fn gender_takes_names_and_any_enum_number() {
    let h = Harness::new();
    let token = h.api_token();
    let mut body = valid_profile();
    body["gender"] = json!(2);
    assert_eq!(
        h.put_profile(&token, body.clone()).await.status,
        StatusCode::OK
    );
    assert_eq!(stored_profile(&h, &token).await["gender"], "GENDER_MALE");
    body["gender"] = json!(7);
    let unknown = h.put_profile(&token, body.clone()).await;
    assert_eq!(unknown.status, StatusCode::OK, "{}", unknown.text());
    let profile = stored_profile(&h, &token).await;
    assert!(profile.get("gender").is_none(), "{profile}");
    // Stored as −1, like UNSPECIFIED: sending that instead changes nothing.
    body["gender"] = json!("GENDER_UNSPECIFIED");
    let same = h.put_profile(&token, body.clone()).await;
    assert_api_error(&same, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));
    body["gender"] = json!("GENDER_OTHER");
    let reply = h.put_profile(&token, body).await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 3, None);
}

/// An API token of the seeded user `user_id`.
fn token_for(h: &Harness, user_id: &str) -> String {
    let tokens = zitadel_dev::oidc::mint(&h.state, user_id, DEMO_CLIENT_ID, FULL_SCOPE);
    field(&tokens, "access_token").to_owned()
}

/// The profile the second seeded user (Hedy Lamarr, created elsewhere) already has.
fn hedys_profile() -> Value {
    json!({
        "firstName": "Hedy",
        "lastName": "Lamarr",
        "displayName": "Hedy Lamarr",
        "preferredLanguage": "de",
        "gender": "GENDER_UNSPECIFIED",
    })
}

/// The v1 API stores UNSPECIFIED (or no gender) as −1, and ZITADEL compares the stored
/// number: for a user created elsewhere (stored 0) the first save of the same values is
/// a change, with a new sequence; only the saves after it are "not changed". The demo
/// user is stored −1 already, so hers is "not changed" at once.
#[tokio::test]
async fn a_user_created_elsewhere_saves_unchanged_values_once() {
    let h = Harness::new();
    let hedy = token_for(&h, SECOND_USER_ID);
    let before = h.me(&hedy).await.json()["user"]["details"]["sequence"].clone();
    let first = h.put_profile(&hedy, hedys_profile()).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    let sequence = &first.json()["details"]["sequence"];
    assert_ne!(sequence, &before);
    let mut no_gender = hedys_profile();
    no_gender.as_object_mut().unwrap().remove("gender");
    let again = h.put_profile(&hedy, no_gender).await;
    assert_api_error(&again, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));

    let demo = h.api_token();
    let ada = json!({"firstName": "Ada", "lastName": "Lovelace",
        "displayName": "Ada Lovelace", "preferredLanguage": "en"});
    let unchanged = h.put_profile(&demo, ada).await;
    assert_api_error(
        &unchanged,
        StatusCode::BAD_REQUEST,
        9,
        Some("COMMAND-2M0fs"),
    );
    let seeded = h.state.config().users.clone();
    assert_eq!(seeded[1].user_name, SECOND_USER);
}

/// The gateway decodes the body before the token is looked at: a malformed body is
/// 400 code 3 with no token at all. An empty body is the empty message, which then
/// fails the first field rule, after the token check.
#[tokio::test]
async fn malformed_json_is_400_code_3() {
    let h = Harness::new();
    let token = h.api_token();
    let put = |authorization: Option<String>, body: &'static str| {
        let mut request = Request::put("/auth/v1/users/me/profile");
        if let Some(value) = authorization {
            request = request.header(header::AUTHORIZATION, value);
        }
        request.body(Body::from(body)).unwrap()
    };
    let bearer = Some(format!("Bearer {token}"));
    for authorization in [bearer.clone(), None, Some("Bearer nope".into())] {
        let reply = h.send(put(authorization, "{\"firstName\":")).await;
        assert_api_error(&reply, StatusCode::BAD_REQUEST, 3, None);
    }
    let empty = h.send(put(bearer, "")).await;
    assert_api_error(&empty, StatusCode::BAD_REQUEST, 3, None);
    assert_eq!(
        empty.json()["message"],
        "invalid UpdateMyProfileRequest.FirstName: value length must be between 1 and 200 runes, inclusive"
    );
    let anonymous = h.send(put(None, "")).await;
    assert_api_error(&anonymous, StatusCode::UNAUTHORIZED, 16, None);
}

/// Stores the valid profile, then sends it again asking for answers in `language`;
/// returns the refusal.
async fn resend_valid_profile(h: &Harness, token: &str, language: &str) -> Reply {
    h.store_valid_profile(token).await;
    unchanged_in(h, token, language).await
}

/// Sends the valid profile, stored already, asking for answers in `language`;
/// returns the refusal.
async fn unchanged_in(h: &Harness, token: &str, language: &str) -> Reply {
    let accept = [("accept-language", language)];
    let reply = h.put_profile_with(token, valid_profile(), &accept).await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));
    reply
}

#[tokio::test]
async fn nothing_changed_is_400_code_9() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = resend_valid_profile(&h, &token, "en").await;
    assert_eq!(
        reply.json()["message"],
        "Profile not changed (COMMAND-2M0fs)"
    );
    // A language that canonicalises to the stored one changes nothing either.
    let mut same = valid_profile();
    same["preferredLanguage"] = json!("DE");
    assert_eq!(h.put_profile(&token, same).await.json()["code"], 9);
}

/// Domain errors speak the token session's language (the user's preferred language
/// when the token was issued) before `Accept-Language`, in ZITADEL's own words.
#[tokio::test]
async fn domain_errors_speak_the_sessions_language_then_accept_language() {
    let h = Harness::new();
    let demo = h.api_token(); // issued while Ada prefers English
    let reply = resend_valid_profile(&h, &demo, "de-CH,de;q=0.9").await;
    assert_eq!(reply.json()["details"][0]["message"], "Profile not changed");
    // She now prefers German (valid_profile), but this token's session does not.
    let reply = unchanged_in(&h, &demo, "de").await;
    assert_eq!(
        reply.json()["message"],
        "Profile not changed (COMMAND-2M0fs)"
    );
    let newer = token_for(&h, &h.state.config().users[0].id);
    let reply = unchanged_in(&h, &newer, "en").await;
    assert_eq!(
        reply.json()["details"][0]["message"],
        "Profil nicht verändert"
    );

    let hedy = token_for(&h, SECOND_USER_ID);
    h.put_profile(&hedy, hedys_profile()).await;
    let accept = [("accept-language", "en")];
    let reply = h.put_profile_with(&hedy, hedys_profile(), &accept).await;
    assert_eq!(
        reply.json()["message"],
        "Profil nicht verändert (COMMAND-2M0fs)"
    );
}

/// The session's language is fixed when it starts: a token from a refresh after the
/// person switched to German still words errors in the sign-in's English.
#[tokio::test]
async fn a_refresh_keeps_the_sessions_language() {
    let h = Harness::new();
    let tokens = h.tokens().await; // signed in while Ada prefers English
    let first = tokens["access_token"].as_str().unwrap();
    h.store_valid_profile(first).await; // she now prefers German
    let refreshed = refresh(&h, tokens["refresh_token"].as_str().unwrap()).await;
    let access = refreshed.json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let reply = unchanged_in(&h, &access, "de").await;
    assert_eq!(reply.json()["details"][0]["message"], "Profile not changed");
    // A new sign-in starts a German session.
    let newer = h.tokens().await;
    let reply = unchanged_in(&h, newer["access_token"].as_str().unwrap(), "en").await;
    assert_eq!(
        reply.json()["details"][0]["message"],
        "Profil nicht verändert"
    );
}

/// A session without a language (`und`) leaves the choice to `Accept-Language`.
#[tokio::test]
async fn without_a_session_language_domain_errors_follow_accept_language() {
    let mut config = Config::demo(ISSUER, PAGE);
    config.users[0].preferred_language = String::new();
    let h = Harness::with(config);
    let token = h.api_token();
    let german = resend_valid_profile(&h, &token, "de-CH,de;q=0.9").await;
    assert_eq!(
        german.json()["details"][0]["message"],
        "Profil nicht verändert"
    );
    let english = unchanged_in(&h, &token, "fr;q=0, en").await;
    assert_eq!(
        english.json()["details"][0]["message"],
        "Profile not changed"
    );
    let field_rule = put_field(&h, &token, "firstName", "").await;
    assert_eq!(
        field_rule.json()["message"],
        "invalid UpdateMyProfileRequest.FirstName: value length must be between 1 and 200 runes, inclusive",
        "field rules stay English"
    );
}

#[tokio::test]
async fn a_user_that_is_gone_is_400_code_9() {
    let h = Harness::new();
    let token = h.api_token();
    let id = h.state.config().users[0].id.clone();
    let deleted = h
        .api(Method::DELETE, &format!("/_dev/users/{id}"), None, None)
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    let reply = h.put_profile(&token, valid_profile()).await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 9, Some("COMMAND-3M9sd"));
    assert_eq!(reply.json()["message"], "Profile not found (COMMAND-3M9sd)");
}

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

// ---- ending a user's sessions (test control) ----

/// `POST /_dev/end-sessions` with `body`, or with no body at all.
async fn end_sessions(h: &Harness, body: Option<Value>) -> Reply {
    h.api(Method::POST, "/_dev/end-sessions", None, body).await
}

/// Tokens for `user_name` from `POST /_dev/tokens`.
async fn minted_for(h: &Harness, user_name: &str) -> Value {
    let body = json!({ "userName": user_name });
    let reply = h.api(Method::POST, "/_dev/tokens", None, Some(body)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()
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

/// One seeded user has an avatar on the assets API, named in `users/me` as
/// `human.profile.avatarUrl`; the other has none (the key absent, as protojson leaves
/// out an empty string) and her avatar's address answers 404.
#[tokio::test]
async fn the_demo_user_has_an_avatar_on_the_assets_api_and_the_second_none() {
    let h = Harness::new();
    let me = h.me(&h.api_token()).await.json();
    let url = me["user"]["human"]["profile"]["avatarUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = url.strip_prefix(ISSUER).expect("on the instance's origin");
    assert!(path.starts_with("/assets/v1/"), "{path}");
    let avatar = h.api(Method::GET, path, None, None).await;
    assert_eq!(avatar.status, StatusCode::OK);
    assert_eq!(avatar.headers["content-type"], "image/svg+xml");
    let hedy = minted_for(&h, SECOND_USER).await;
    let her = h.me(field(&hedy, "access_token")).await.json();
    assert!(her["user"]["human"]["profile"].get("avatarUrl").is_none());
    assert!(
        her["user"]["human"]["email"]
            .get("isEmailVerified")
            .is_none(),
        "not verified"
    );
    let id = her["user"]["id"].as_str().unwrap();
    let none = path.replace(zitadel_dev::config::DEMO_USER_ID, id);
    assert_eq!(
        h.api(Method::GET, &none, None, None).await.status,
        StatusCode::NOT_FOUND
    );
}
