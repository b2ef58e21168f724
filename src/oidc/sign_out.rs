//! Signing out: forget the session here and in the tabs that share it, revoke the
//! refresh and the access token (RFC 7009), then always end ZITADEL's session through
//! `end_session` (OIDC RP-Initiated Logout §2), even when the tokens are already gone.

use super::discovery::{discover, Discovery};
use super::encoding::form_encode;
use super::error::SignInError;
use super::stored::{self, Tokens};
use super::sync::announce_signed_out;
use crate::http::Request;
use crate::options::Config;

/// Signs out and navigates to ZITADEL's `end_session`, which comes back to
/// `postLogoutRedirectUri`. Returns only when ZITADEL's session could not be ended
/// (discovery or `end_session` unreachable): this tab is signed out all the same.
pub async fn sign_out(config: &Config) -> SignInError {
    let held = stored::load(config);
    stored::clear(config);
    crate::profile::discard_kept_draft(config);
    if let Some(held) = &held {
        announce_signed_out(config, held).await;
    }
    let discovery = match discover(config).await {
        Ok(discovery) => discovery,
        Err(error) => return error,
    };
    if let Some(held) = &held {
        revoke(config, &discovery, held).await;
    }
    let Some(url) = end_session_url(config, &discovery, held.as_ref()) else {
        return SignInError::NoEndSession;
    };
    if crate::page::window().location().assign(&url).is_ok() {
        // The page is leaving for end_session: nothing more happens here.
        std::future::pending::<()>().await;
    }
    SignInError::Navigation
}

/// Revokes the refresh token, then the access token, each within the timeout. Best
/// effort: the session ends at `end_session` either way.
async fn revoke(config: &Config, discovery: &Discovery, held: &Tokens) {
    let Some(endpoint) = &discovery.revocation_endpoint else {
        return;
    };
    for (token, hint) in revocations(held) {
        let body = form_encode(&[
            ("token", token),
            ("token_type_hint", hint),
            ("client_id", &config.client_id),
        ]);
        let _ = Request::post(endpoint)
            .form(body)
            .send(config.timeout_ms)
            .await;
    }
}

/// What to revoke, in order: the refresh token first, so that no new access token
/// can be made, then the access token (RFC 7009 §2.1), each with its type hint.
pub fn revocations(held: &Tokens) -> Vec<(&str, &'static str)> {
    held.secrets().collect()
}

/// `end_session` with `client_id` and `post_logout_redirect_uri`, plus
/// `id_token_hint` when an id_token is held.
pub fn end_session_url(
    config: &Config,
    discovery: &Discovery,
    held: Option<&Tokens>,
) -> Option<String> {
    let endpoint = discovery.end_session_endpoint.as_ref()?;
    let mut params = vec![
        ("client_id", config.client_id.as_str()),
        (
            "post_logout_redirect_uri",
            config.post_logout_redirect_uri.as_str(),
        ),
    ];
    if let Some(hint) = held.and_then(|t| t.id_token.as_ref()) {
        params.push(("id_token_hint", hint.secret()));
    }
    let separator = if endpoint.contains('?') { '&' } else { '?' };
    Some(format!("{endpoint}{separator}{}", form_encode(&params)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oidc::types::{AccessToken, IdToken};
    use crate::options::Options;

    fn config() -> Config {
        Options {
            issuer: Some("https://acme.zitadel.cloud".into()),
            client_id: Some("1@app".into()),
            ..Options::default()
        }
        .resolve("https://app.example/profile")
        .unwrap()
    }

    /// L5: sign-out revokes the refresh token and the access token.
    #[test]
    fn l5_both_tokens_are_revoked() {
        let mut held = Tokens {
            access_token: AccessToken::new("a".into()),
            expires_at_ms: 0,
            refresh_token: Some(crate::oidc::types::RefreshToken::new("r".into())),
            id_token: None,
            sub: None,
        };
        assert_eq!(
            revocations(&held),
            vec![("r", "refresh_token"), ("a", "access_token")]
        );
        held.refresh_token = None;
        assert_eq!(revocations(&held), vec![("a", "access_token")]);
    }

    /// M4: end_session is reached with or without tokens; the hint only when held.
    #[test]
    fn m4_end_session_needs_no_tokens() {
        let discovery = Discovery {
            end_session_endpoint: Some("https://acme.zitadel.cloud/oidc/v1/end_session".into()),
            ..Discovery::default()
        };
        assert_eq!(
            end_session_url(&config(), &discovery, None).as_deref(),
            Some(
                "https://acme.zitadel.cloud/oidc/v1/end_session?client_id=1%40app\
                 &post_logout_redirect_uri=https%3A%2F%2Fapp.example%2Fprofile"
            )
        );
        let held = Tokens {
            access_token: AccessToken::new("a".into()),
            expires_at_ms: 0,
            refresh_token: None,
            id_token: Some(IdToken::new("i.d.t".into())),
            sub: None,
        };
        let url = end_session_url(&config(), &discovery, Some(&held)).unwrap();
        assert!(url.ends_with("&id_token_hint=i.d.t"), "{url}");
        assert_eq!(
            end_session_url(&config(), &Discovery::default(), Some(&held)),
            None
        );
    }
}
