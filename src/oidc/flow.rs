//! Signing in from the browser: PKCE on WebCrypto, the redirect to ZITADEL, and the
//! callback that turns the code into tokens exactly once.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use wasm_bindgen_futures::JsFuture;

use super::discovery::discover;
use super::encoding::{base64url, form_encode, parse_query};
use super::protocol::{
    check_id_token, code_exchange_body, parse_callback, refresh_body, AuthorizeRequest, Callback,
    IdTokenError, TokenError, TokenResponse,
};
use super::sync::{announce, ask_others, with_refresh_lock};
use crate::api::{ApiClient, ApiError, Problem};
use crate::options::Config;
use crate::session::{self, Tokens};

/// Why a sign-in did not work, in words for the person (and the operator).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SignInError {
    #[error("The sign-in service could not be reached: {0}")]
    Unreachable(String),
    #[error("This browser cannot sign in securely: {0}")]
    Crypto(String),
    #[error("{}", authorize_text(.error, .description.as_deref()))]
    Authorize {
        error: String,
        description: Option<String>,
    },
    #[error(
        "This sign-in response was not started on this page, so it was refused. Sign in again."
    )]
    UnknownState,
    #[error("{}", token_text(.0))]
    Token(TokenError),
    #[error("The sign-in answer could not be trusted: {0}.")]
    IdToken(IdTokenError),
    #[error("You are not signed in.")]
    NoSession,
    #[error("Your session has ended. Sign in again to continue; your changes are kept.")]
    CannotRefresh,
}

fn authorize_text(error: &str, description: Option<&str>) -> String {
    let detail = description.map(|d| format!(" ({d})")).unwrap_or_default();
    match error {
        "access_denied" => "Sign-in was cancelled.".to_owned(),
        "login_required" | "interaction_required" => "Please sign in.".to_owned(),
        "invalid_scope" => {
            format!("ZITADEL refused the requested scope{detail}. Check the “scope” option.")
        }
        _ => format!("ZITADEL refused the sign-in: {error}{detail}."),
    }
}

fn token_text(error: &TokenError) -> String {
    match error.error.as_str() {
        "invalid_grant" => "The sign-in could not be completed: the code was already used or has expired. Sign in again.".to_owned(),
        "invalid_client" => "ZITADEL does not know this application. Check the “clientId” option.".to_owned(),
        "unauthorized_client" => "The application may not use this grant. In ZITADEL, enable “Refresh Token” for the application.".to_owned(),
        other => format!(
            "The sign-in could not be completed: {other}{}.",
            error.error_description.as_deref().map(|d| format!(" ({d})")).unwrap_or_default()
        ),
    }
}

/// A sign-in started on this page, waiting for ZITADEL's answer. Kept in
/// `sessionStorage` because the page is left for the login in between.
#[derive(Serialize, Deserialize)]
pub(crate) struct PendingSignIn {
    pub state: String,
    pub nonce: String,
    /// The PKCE code verifier (RFC 7636 §4.1): the secret that proves this page asked.
    pub verifier: String,
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the widget runs in a window")
}

/// `bytes` random bytes from the platform's CSPRNG, base64url.
fn random(bytes: usize) -> Result<String, SignInError> {
    let mut buf = vec![0u8; bytes];
    let crypto = window()
        .crypto()
        .map_err(|_| SignInError::Crypto("no crypto".into()))?;
    crypto
        .get_random_values_with_u8_array(&mut buf)
        .map_err(|_| SignInError::Crypto("no random numbers".into()))?;
    Ok(base64url(&buf))
}

/// `BASE64URL(SHA256(verifier))` through `SubtleCrypto.digest`, so no hashing crate
/// lands in the bundle (RFC 7636 §4.2).
pub async fn s256_challenge(verifier: &str) -> Result<String, SignInError> {
    let crypto = window()
        .crypto()
        .map_err(|_| SignInError::Crypto("no crypto".into()))?;
    let promise = crypto
        .subtle()
        .digest_with_str_and_u8_array("SHA-256", verifier.as_bytes())
        .map_err(|_| {
            SignInError::Crypto("SHA-256 unavailable (is the page served over https?)".into())
        })?;
    let digest = JsFuture::from(promise)
        .await
        .map_err(|_| SignInError::Crypto("SHA-256 failed".into()))?;
    Ok(base64url(&js_sys::Uint8Array::new(&digest).to_vec()))
}

/// Sends the browser to ZITADEL's login. Returns only on failure: on success the
/// page is navigating away.
pub async fn begin_sign_in(config: &Config) -> Result<(), SignInError> {
    let discovery = discover(&config.issuer)
        .await
        .map_err(|e| SignInError::Unreachable(Problem::from_error(&e).to_string()))?;
    // 32 random bytes: a 43-character verifier, the RFC's recommendation.
    let pending = PendingSignIn {
        state: random(16)?,
        nonce: random(16)?,
        verifier: random(32)?,
    };
    let challenge = s256_challenge(&pending.verifier).await?;
    let url = AuthorizeRequest {
        authorization_endpoint: &discovery.authorization_endpoint,
        state: &pending.state,
        nonce: &pending.nonce,
        code_challenge: &challenge,
        prompt: None,
    }
    .url(config);
    session::save_pending(config, &pending);
    window()
        .location()
        .assign(&url)
        .map_err(|_| SignInError::Unreachable("the browser refused to navigate".into()))
}

/// Synchronous entry point for buttons: starts the sign-in and reports a failure
/// through `on_error`.
pub fn sign_in(config: &Config, on_error: impl Fn(SignInError) + 'static) {
    let config = config.clone();
    leptos::task::spawn_local(async move {
        if let Err(e) = begin_sign_in(&config).await {
            on_error(e);
        }
    });
}

/// The callback parameters this flow owns; everything else in the query is the host's.
const CALLBACK_PARAMS: [&str; 6] = [
    "code",
    "state",
    "error",
    "error_description",
    "iss",
    "session_state",
];

/// The query without the callback's parameters.
pub fn strip_callback_params(query: &str) -> String {
    let kept: Vec<(String, String)> = parse_query(query)
        .into_iter()
        .filter(|(k, _)| !CALLBACK_PARAMS.contains(&k.as_str()))
        .collect();
    let pairs: Vec<(&str, &str)> = kept.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form_encode(&pairs)
}

/// Removes the code and state from the address bar and from history.
fn clean_url(query: &str) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let rest = strip_callback_params(query);
    let url = if rest.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{rest}{hash}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Finishes a sign-in if this page load is ZITADEL's answer to one. `Ok(true)` when
/// tokens were stored, `Ok(false)` when the page is no callback.
pub async fn complete_sign_in(config: &Config) -> Result<bool, SignInError> {
    let search = window().location().search().unwrap_or_default();
    let query = search.trim_start_matches('?');
    let Some(callback) = parse_callback(query) else {
        return Ok(false);
    };
    // Whatever happens next, the code and state leave the address bar now, and the
    // pending sign-in is used up: a code is exchanged at most once.
    clean_url(query);
    let pending = session::take_pending(config);
    let pending = match (&callback, pending) {
        (Callback::Code { state, .. }, Some(p)) if *state == p.state => p,
        (
            Callback::Error {
                state: Some(state),
                error,
                description,
            },
            Some(p),
        ) if *state == p.state => {
            return Err(SignInError::Authorize {
                error: error.clone(),
                description: description.clone(),
            });
        }
        _ => return Err(SignInError::UnknownState),
    };
    let Callback::Code { code, .. } = callback else {
        return Err(SignInError::UnknownState);
    };
    let discovery = discover(&config.issuer)
        .await
        .map_err(|e| SignInError::Unreachable(Problem::from_error(&e).to_string()))?;
    let body = code_exchange_body(config, &code, &pending.verifier);
    let response = post_token(&discovery.token_endpoint, body, config.timeout_ms).await?;
    let now_ms = js_sys::Date::now() as u64;
    let id_token = response
        .id_token
        .clone()
        .ok_or(SignInError::IdToken(IdTokenError::Malformed))?;
    check_id_token(&id_token, config, &pending.nonce, now_ms / 1000)
        .map_err(SignInError::IdToken)?;
    session::save_tokens(config, &tokens_from(response, None, now_ms));
    Ok(true)
}

pub(crate) fn tokens_from(
    response: TokenResponse,
    previous_id_token: Option<String>,
    now_ms: u64,
) -> Tokens {
    Tokens {
        access_token: response.access_token,
        // ZITADEL's default is 12 h; assume an hour when the server does not say.
        expires_at_ms: now_ms + response.expires_in.unwrap_or(3600) * 1000,
        refresh_token: response.refresh_token,
        id_token: response.id_token.or(previous_id_token),
    }
}

/// POSTs a form to the token endpoint and reads the answer (RFC 6749 §5).
pub(crate) async fn post_token(
    endpoint: &str,
    body: String,
    timeout_ms: u32,
) -> Result<TokenResponse, SignInError> {
    let signal = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
    let request = gloo_net::http::Request::post(endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .abort_signal(Some(&signal))
        .body(body)
        .map_err(|e| SignInError::Unreachable(e.to_string()))?;
    let unreachable = |e: gloo_net::Error| {
        let problem = if signal.aborted() {
            Problem::Timeout
        } else {
            Problem::from_error(&ApiError::Network(e.to_string()))
        };
        SignInError::Unreachable(problem.to_string())
    };
    let response = request.send().await.map_err(unreachable)?;
    let status = response.status();
    let text = response.text().await.map_err(unreachable)?;
    if (200..300).contains(&status) {
        serde_json::from_str(&text)
            .map_err(|e| SignInError::Unreachable(format!("unreadable token response: {e}")))
    } else {
        match serde_json::from_str::<TokenError>(&text) {
            Ok(error) if !error.error.is_empty() => Err(SignInError::Token(error)),
            _ => Err(SignInError::Unreachable(
                Problem::from_error(&ApiError::Status {
                    status,
                    error: None,
                })
                .to_string(),
            )),
        }
    }
}

/// Refresh this long before the access token expires.
const REFRESH_MARGIN_MS: u64 = 60_000;

/// Spends the refresh token for new tokens (RFC 6749 §6), once across all tabs: under
/// the session's Web Lock, and not at all if another tab already rotated the tokens
/// this tab holds while it waited.
pub async fn refresh(config: &Config) -> Result<Tokens, SignInError> {
    let before = session::tokens(config).ok_or(SignInError::NoSession)?;
    let config = config.clone();
    with_refresh_lock(&config.clone(), async move {
        let current = session::tokens(&config).ok_or(SignInError::NoSession)?;
        if current.access_token != before.access_token {
            return Ok(current);
        }
        let spent = current
            .refresh_token
            .clone()
            .ok_or(SignInError::CannotRefresh)?;
        // A tab that was reloading may have missed another's rotation: ask first.
        if let Some(adopted) = ask_others(&config, &spent).await {
            return Ok(adopted);
        }
        let discovery = discover(&config.issuer)
            .await
            .map_err(|e| SignInError::Unreachable(Problem::from_error(&e).to_string()))?;
        let body = refresh_body(&config, &spent);
        let response = match post_token(&discovery.token_endpoint, body, config.timeout_ms).await {
            Err(SignInError::Token(_)) => return Err(SignInError::CannotRefresh),
            other => other?,
        };
        let tokens = tokens_from(response, current.id_token, js_sys::Date::now() as u64);
        session::save_tokens(&config, &tokens);
        announce(&config, &spent, &tokens);
        Ok(tokens)
    })
    .await
    .unwrap_or(Err(SignInError::CannotRefresh))
}

/// How an authorized call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// No usable session, even after one refresh.
    SessionEnded,
    Api(ApiError),
}

/// Calls the API with the session's access token: refreshed first when it is about to
/// expire, and refreshed once more if the server answers 401 anyway.
pub async fn authorized<T, F, Fut>(config: &Config, call: F) -> Result<T, CallError>
where
    F: Fn(ApiClient) -> Fut,
    Fut: std::future::Future<Output = Result<T, ApiError>>,
{
    let mut tokens = session::tokens(config).ok_or(CallError::SessionEnded)?;
    let expiring = tokens.expires_at_ms <= js_sys::Date::now() as u64 + REFRESH_MARGIN_MS;
    if expiring && tokens.refresh_token.is_some() {
        if let Ok(fresh) = refresh(config).await {
            tokens = fresh;
        }
    }
    let client =
        |t: &Tokens| ApiClient::new(&config.api_base_url, &t.access_token, config.timeout_ms);
    match call(client(&tokens)).await {
        Err(ApiError::Status { status: 401, .. }) => {
            let fresh = refresh(config).await.map_err(|_| CallError::SessionEnded)?;
            match call(client(&fresh)).await {
                Err(ApiError::Status { status: 401, .. }) => Err(CallError::SessionEnded),
                other => other.map_err(CallError::Api),
            }
        }
        other => other.map_err(CallError::Api),
    }
}

/// Signs out: forgets the session here, revokes the refresh token (RFC 7009), then
/// ends ZITADEL's session through `end_session` and comes back to
/// `postLogoutRedirectUri`. Without the discovery document only the local part happens.
pub async fn sign_out(config: &Config) {
    let tokens = session::tokens(config);
    session::clear_tokens(config);
    session::take_draft(config);
    let Ok(discovery) = discover(&config.issuer).await else {
        return;
    };
    let Some(tokens) = tokens else {
        return;
    };
    if let (Some(endpoint), Some(refresh_token)) =
        (&discovery.revocation_endpoint, &tokens.refresh_token)
    {
        let body = form_encode(&[
            ("token", refresh_token),
            ("token_type_hint", "refresh_token"),
            ("client_id", &config.client_id),
        ]);
        // Best effort: the session ends either way.
        if let Ok(request) = gloo_net::http::Request::post(endpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
        {
            let _ = request.send().await;
        }
    }
    if let Some(endpoint) = discovery.end_session_endpoint {
        let mut params = vec![
            ("client_id", config.client_id.as_str()),
            (
                "post_logout_redirect_uri",
                config.post_logout_redirect_uri.as_str(),
            ),
        ];
        if let Some(hint) = tokens.id_token.as_deref() {
            params.push(("id_token_hint", hint));
        }
        let separator = if endpoint.contains('?') { '&' } else { '?' };
        let _ = window()
            .location()
            .assign(&format!("{endpoint}{separator}{}", form_encode(&params)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_callback_parameters_leave_the_url() {
        assert_eq!(strip_callback_params("code=a&state=b"), "");
        assert_eq!(
            strip_callback_params("tab=profile&code=a&state=b&iss=x"),
            "tab=profile"
        );
        assert_eq!(
            strip_callback_params("error=access_denied&error_description=x&lang=de"),
            "lang=de"
        );
    }

    #[test]
    fn errors_name_the_fix() {
        let cancelled = SignInError::Authorize {
            error: "access_denied".into(),
            description: None,
        };
        assert_eq!(cancelled.to_string(), "Sign-in was cancelled.");
        let grant = SignInError::Token(TokenError {
            error: "unauthorized_client".into(),
            error_description: None,
        });
        assert!(grant.to_string().contains("Refresh Token"));
        assert!(SignInError::UnknownState.to_string().contains("refused"));
    }
}
