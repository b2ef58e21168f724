//! Signing out: forget the session here and in the tabs that share it, revoke the
//! refresh and the access token (RFC 7009), then always end ZITADEL's session through
//! `end_session` (OIDC RP-Initiated Logout §2), even when the tokens are already gone.

use super::discovery::{discover, Discovery};
use super::encoding::form_encode;
use super::error::SignInError;
use super::revoke::revoke;
use super::stored::{self, Tokens};
use super::sync::{announce_signed_out, ask_others, with_refresh_lock};
use crate::options::Config;

/// Signs out and navigates to ZITADEL's `end_session`, which comes back to
/// `postLogoutRedirectUri`. Returns only when ZITADEL's session could not be ended
/// (discovery or `end_session` unreachable): this tab is signed out all the same.
pub async fn sign_out(config: &Config) -> SignInError {
    // Under the refresh lock (S3): a refresh in flight in any tab finishes first, so
    // the tokens it makes are the ones revoked here. A lock not granted in time
    // (another tab stuck) does not keep anyone signed in: then without it.
    let held = match with_refresh_lock(config, forget(config.clone())).await {
        Ok(held) => held,
        Err(_) => forget(config.clone()).await,
    };
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

/// Forgets the session in this tab and tells the tabs that share it; the tokens to
/// revoke, the newest any tab knows (a tab that missed a rotation asks first).
async fn forget(config: Config) -> Option<Tokens> {
    let mut held = stored::load(&config);
    if let Some(spent) = held.as_ref().and_then(|t| t.refresh_token.clone()) {
        if let Some(newer) = ask_others(&config, &spent).await {
            held = Some(newer);
        }
    }
    stored::clear(&config);
    crate::profile::discard_kept_draft(&config);
    if let Some(held) = &held {
        announce_signed_out(&config, held).await;
    }
    held
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
            session: None,
        };
        let url = end_session_url(&config(), &discovery, Some(&held)).unwrap();
        assert!(url.ends_with("&id_token_hint=i.d.t"), "{url}");
        assert_eq!(
            end_session_url(&config(), &Discovery::default(), Some(&held)),
            None
        );
    }
}
