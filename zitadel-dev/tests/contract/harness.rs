//! The harness every area shares: the router driven with `oneshot`, its replies, the
//! instance's constants and the helpers more than one area uses.

use std::collections::HashMap;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use zitadel_dev::config::{Config, DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_USER};
use zitadel_dev::{app, AppState};

pub(crate) const ISSUER: &str = "http://idp.test";
pub(crate) const PAGE: &str = "http://page.test";
pub(crate) const REDIRECT: &str = "http://page.test/";
/// RFC 7636 appendix B.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
pub(crate) const FULL_SCOPE: &str =
    "openid profile email offline_access urn:zitadel:iam:org:project:id:zitadel:aud";

pub(crate) struct Harness {
    pub(crate) app: Router,
    pub(crate) state: AppState,
}

pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    body: Bytes,
}

impl Reply {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    pub(crate) fn location(&self) -> &str {
        assert!(
            self.status.is_redirection(),
            "not a redirect: {} {}",
            self.status,
            self.text()
        );
        self.header("location").expect("Location header")
    }
    /// Query (or fragment) parameters of the redirect target.
    pub(crate) fn redirect_params(&self) -> HashMap<String, String> {
        let location = self.location();
        let query = location.split_once(['?', '#']).map_or("", |(_, q)| q);
        form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect()
    }
    pub(crate) fn cookie(&self) -> Option<String> {
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
    pub(crate) fn new() -> Self {
        let mut config = Config::demo(ISSUER, PAGE);
        config.test_controls = true;
        Self::with(config)
    }

    pub(crate) fn with(config: Config) -> Self {
        let state = AppState::new(config);
        Self {
            app: app(state.clone()),
            state,
        }
    }

    pub(crate) async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        Reply {
            status: parts.status,
            headers: parts.headers,
            body: body.collect().await.unwrap().to_bytes(),
        }
    }

    pub(crate) async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub(crate) async fn get_with_cookie(&self, uri: &str, cookie: &str) -> Reply {
        self.send(
            Request::get(uri)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub(crate) async fn post_form(&self, uri: &str, pairs: &[(&str, &str)]) -> Reply {
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form_body(pairs)))
            .unwrap();
        self.send(request).await
    }

    /// Posts a form in the browser session `cookie`.
    pub(crate) async fn post_form_with_cookie(
        &self,
        uri: &str,
        pairs: &[(&str, &str)],
        cookie: &str,
    ) -> Reply {
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::from(form_body(pairs)))
            .unwrap();
        self.send(request).await
    }

    pub(crate) async fn api(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        self.api_with(method, uri, token, body, &[]).await
    }

    pub(crate) async fn api_with(
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
    pub(crate) async fn me(&self, token: &str) -> Reply {
        self.me_with(token, &[]).await
    }

    /// `GET /auth/v1/users/me` with `token` and extra `headers`.
    pub(crate) async fn me_with(&self, token: &str, headers: &[(&str, &str)]) -> Reply {
        let uri = "/auth/v1/users/me";
        self.api_with(Method::GET, uri, Some(token), None, headers)
            .await
    }

    pub(crate) async fn put_profile(&self, token: &str, body: Value) -> Reply {
        self.put_profile_with(token, body, &[]).await
    }

    pub(crate) async fn put_profile_with(
        &self,
        token: &str,
        body: Value,
        headers: &[(&str, &str)],
    ) -> Reply {
        let uri = "/auth/v1/users/me/profile";
        self.api_with(Method::PUT, uri, Some(token), Some(body), headers)
            .await
    }

    /// Stores [`valid_profile`] for `token`'s user, so that sending it again changes nothing.
    pub(crate) async fn store_valid_profile(&self, token: &str) {
        let reply = self.put_profile(token, valid_profile()).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    }

    pub(crate) fn authorize_url(&self, extra: &[(&str, &str)]) -> String {
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
    pub(crate) async fn authorize_in(&self, cookie: &str, extra: &[(&str, &str)]) -> Reply {
        self.get_with_cookie(&self.authorize_url(extra), cookie)
            .await
    }

    /// Authorizes with `extra` and follows the redirect to the login page; returns the
    /// pending sign-in's `authRequestID`.
    pub(crate) async fn pending_sign_in(&self, extra: &[(&str, &str)]) -> String {
        let to_login = self.get(&self.authorize_url(extra)).await;
        let login_url = to_login.location();
        let id = login_url.strip_prefix("/ui/login/login?authRequestID=");
        id.unwrap_or_else(|| panic!("not the login page: {login_url}"))
            .to_owned()
    }

    /// Posts the login form for the pending sign-in `id` with `fields`.
    pub(crate) async fn submit_login(&self, id: &str, fields: &[(&str, &str)]) -> Reply {
        let mut form = vec![("authRequestID", id)];
        form.extend_from_slice(fields);
        self.post_form("/ui/login/login", &form).await
    }

    /// Authorize, sign in at the login page; returns the redirect's parameters and the session cookie.
    pub(crate) async fn sign_in(
        &self,
        extra: &[(&str, &str)],
    ) -> (HashMap<String, String>, String) {
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

    pub(crate) async fn exchange(&self, code: &str, pairs: &[(&str, &str)]) -> Reply {
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
    pub(crate) async fn code(&self, extra: &[(&str, &str)]) -> String {
        let (params, _) = self.sign_in(extra).await;
        params["code"].clone()
    }

    /// A full sign-in and code exchange; returns the token response.
    pub(crate) async fn tokens(&self) -> Value {
        self.session().await.0
    }

    /// A full sign-in in a new browser session and its code exchange; returns the
    /// token response and the session cookie.
    pub(crate) async fn session(&self) -> (Value, String) {
        let (params, cookie) = self.sign_in(&[]).await;
        let reply = self.exchange(&params["code"], &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        (reply.json(), cookie)
    }

    /// The refresh token of a full sign-in.
    pub(crate) async fn refresh_token(&self) -> String {
        let tokens = self.tokens().await;
        tokens["refresh_token"].as_str().unwrap().to_owned()
    }

    pub(crate) fn mint(&self, scope: &str) -> String {
        let user = self.state.config().users[0].id.clone();
        let tokens = zitadel_dev::oidc::mint(&self.state, &user, DEMO_CLIENT_ID, scope);
        tokens["access_token"].as_str().unwrap().to_owned()
    }

    pub(crate) fn api_token(&self) -> String {
        self.mint(FULL_SCOPE)
    }
}

/// `defaults` with each of `overrides` in place of the default of that name; an empty
/// value leaves the parameter out.
pub(crate) fn overridden<'a>(
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
pub(crate) fn with_other_app() -> Harness {
    let mut config = Config::demo(ISSUER, PAGE);
    let mut other = config.apps[0].clone();
    other.client_id = "other@app".into();
    config.apps.push(other);
    Harness::with(config)
}

/// The string `name` of a token response.
pub(crate) fn field<'a>(tokens: &'a Value, name: &str) -> &'a str {
    tokens[name]
        .as_str()
        .unwrap_or_else(|| panic!("no {name} in {tokens}"))
}

pub(crate) fn claims(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

pub(crate) fn assert_oauth_error(reply: &Reply, status: StatusCode, error: &str) {
    assert_eq!(reply.status, status, "{}", reply.text());
    assert_eq!(reply.json()["error"], error, "{}", reply.text());
    assert!(reply.json()["error_description"].is_string());
}

/// The contract's answer to a spent, expired, revoked or unknown refresh token.
pub(crate) fn assert_refresh_token_invalid(reply: &Reply) {
    assert_oauth_error(reply, StatusCode::BAD_REQUEST, "invalid_request");
    let description = &reply.json()["error_description"];
    assert_eq!(description, "Errors.OIDCSession.RefreshTokenInvalid");
}

pub(crate) fn assert_api_error(reply: &Reply, status: StatusCode, code: u64, id: Option<&str>) {
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

pub(crate) fn valid_profile() -> Value {
    json!({
        "firstName": "Grace",
        "lastName": "Hopper",
        "nickName": "Amazing Grace",
        "displayName": "Grace Hopper",
        "preferredLanguage": "de",
        "gender": "GENDER_FEMALE",
    })
}

pub(crate) async fn refresh(h: &Harness, token: &str) -> Reply {
    refresh_as(h, token, DEMO_CLIENT_ID).await
}

pub(crate) async fn refresh_as(h: &Harness, token: &str, client_id: &str) -> Reply {
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

/// `end_session` in the browser session `cookie` with `id_token` as the hint: the demo
/// app going back to its page with `state=bye`, unless `extra` says otherwise.
pub(crate) async fn end_session(
    h: &Harness,
    id_token: &str,
    cookie: &str,
    extra: &[(&str, &str)],
) -> Reply {
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

/// Tokens for `user_name` from `POST /_dev/tokens`.
pub(crate) async fn minted_for(h: &Harness, user_name: &str) -> Value {
    let body = json!({ "userName": user_name });
    let reply = h.api(Method::POST, "/_dev/tokens", None, Some(body)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()
}

/// A preflight from a page at `origin`.
pub(crate) async fn preflight_from(
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
