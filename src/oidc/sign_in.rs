//! Signing in: the redirect to ZITADEL's login, and the callback that turns the
//! code into tokens exactly once.

use super::callback::{self, Claim};
use super::discovery::discover;
use super::encoding::{form_encode, parse_query};
use super::error::SignInError;
use super::pkce::{random, s256_challenge};
use super::protocol::{
    check_id_token, code_exchange_body, AuthorizeRequest, Callback, IdTokenError,
};
use super::stored::{self, PendingSignIn, Tokens};
use super::token_endpoint::post_token;
use super::types::SessionTag;
use crate::options::Config;

/// Sends the browser to ZITADEL's login, with `prompt` if given (`login`: sign in
/// afresh even with a ZITADEL session). Returns only on failure: on success the page
/// is navigating away.
pub async fn begin_sign_in(
    config: &Config,
    language: &str,
    prompt: Option<&str>,
) -> Result<(), SignInError> {
    let discovery = discover(config).await?;
    let pending = PendingSignIn::generate(crate::page::now_ms())?;
    let challenge = s256_challenge(&pending.verifier).await?;
    let url = AuthorizeRequest {
        authorization_endpoint: &discovery.authorization_endpoint,
        state: &pending.state,
        nonce: &pending.nonce,
        code_challenge: &challenge,
        language,
        prompt,
    }
    .url(config);
    stored::save_pending(config, pending);
    crate::page::window()
        .location()
        .assign(&url)
        .map_err(|_| SignInError::Navigation)
}

/// The callback parameters this flow owns; everything else in the query is the host's.
pub const CALLBACK_PARAMS: [&str; 6] = [
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
    let window = crate::page::window();
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let rest = strip_callback_params(query);
    let url = if rest.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{rest}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Finishes a sign-in if this page load is ZITADEL's answer to one this form started.
/// `Ok(true)` when tokens were stored, `Ok(false)` when there is nothing for this form
/// to finish (no callback, another form's, or a stray one while this tab holds a
/// session, which simply stays). A stray callback without a session is
/// [`SignInError::StrayCallback`]: nothing was signed in with it.
pub async fn complete_sign_in(config: &Config) -> Result<bool, SignInError> {
    let search = crate::page::window()
        .location()
        .search()
        .unwrap_or_default();
    let query = search.trim_start_matches('?');
    let now_ms = crate::page::now_ms();
    let claim = callback::claim(
        query,
        |state| stored::take_pending(config, state, now_ms),
        |state| stored::awaited_elsewhere(config, state, now_ms),
    );
    let (callback, pending) = match claim {
        Claim::None | Claim::Another => return Ok(false),
        Claim::Stray { widget_shaped } => {
            // A stale callback of this widget is no use to anyone: its code leaves the
            // address. Parameters that may be the host's own stay.
            if widget_shaped {
                clean_url(query);
            }
            return match stored::load(config) {
                Some(_) => Ok(false),
                None => Err(SignInError::StrayCallback),
            };
        }
        Claim::Mine(callback, pending) => (callback, pending),
    };
    // This form's answer: the OAuth parameters leave the address bar and history now;
    // the host's own parameters stay.
    clean_url(query);
    let code = code_of(callback, &config.issuer)?;
    let discovery = discover(config).await?;
    let body = code_exchange_body(config, &code, &pending.verifier);
    let response = post_token(&discovery.token_endpoint, body, config.timeout_ms).await?;
    let now_ms = crate::page::now_ms();
    let id_token = response
        .id_token
        .as_ref()
        .ok_or(SignInError::IdToken(IdTokenError::Malformed))?;
    let claims = check_id_token(id_token.secret(), config, &pending.nonce, now_ms / 1000)
        .map_err(SignInError::IdToken)?;
    // A new session: nothing of an earlier one (its spent refresh tokens) carries over.
    stored::clear(config);
    let session = SessionTag::new(random(32)?);
    stored::save(
        config,
        &Tokens::signed_in(response, claims.sub, session, now_ms),
    );
    Ok(true)
}

/// The code a callback that matched a pending sign-in carries, unless ZITADEL
/// answered with an error or the callback names another issuer (RFC 9207).
fn code_of(callback: Callback, issuer: &str) -> Result<String, SignInError> {
    match callback {
        Callback::Error {
            error, description, ..
        } => Err(SignInError::Authorize { error, description }),
        Callback::Code { iss: Some(iss), .. } if iss != issuer => {
            Err(SignInError::IssuerMismatch(iss))
        }
        Callback::Code { code, .. } => Ok(code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oidc::types::State;

    /// I3: a callback whose `iss` names another issuer is refused.
    #[test]
    fn i3_a_callback_from_another_issuer_is_refused() {
        let callback = |iss: Option<&str>| Callback::Code {
            code: "c".into(),
            state: State::new("s".into()),
            iss: iss.map(String::from),
        };
        let issuer = "https://acme.zitadel.cloud";
        assert_eq!(code_of(callback(None), issuer), Ok("c".into()));
        assert_eq!(code_of(callback(Some(issuer)), issuer), Ok("c".into()));
        assert_eq!(
            code_of(callback(Some("https://evil.example")), issuer),
            Err(SignInError::IssuerMismatch("https://evil.example".into()))
        );
    }

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
}
