//! Revoking tokens (RFC 7009): the refresh token first, so that no new access token
//! can be made, then the access token, each within the timeout. Best effort: what
//! cannot be revoked dies with its lifetime or with ZITADEL's session.

use super::discovery::{discover, Discovery};
use super::encoding::form_encode;
use super::stored::Tokens;
use crate::http::Request;
use crate::options::Config;

/// Revokes `held` at `discovery`'s revocation endpoint, if it names one.
pub async fn revoke(config: &Config, discovery: &Discovery, held: &Tokens) {
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

/// Revokes `held`, finding the endpoint first (discovery is cached).
pub async fn revoke_discovering(config: &Config, held: &Tokens) {
    if let Ok(discovery) = discover(config).await {
        revoke(config, &discovery, held).await;
    }
}

/// What to revoke, in order: the refresh token first, so that no new access token
/// can be made, then the access token (RFC 7009 §2.1), each with its type hint.
pub fn revocations(held: &Tokens) -> Vec<(&str, &'static str)> {
    held.secrets().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oidc::types::{AccessToken, RefreshToken};

    /// L5: sign-out revokes the refresh token and the access token.
    #[test]
    fn l5_both_tokens_are_revoked() {
        let mut held = Tokens {
            access_token: AccessToken::new("a".into()),
            expires_at_ms: 0,
            refresh_token: Some(RefreshToken::new("r".into())),
            id_token: None,
            sub: None,
            session: None,
        };
        assert_eq!(
            revocations(&held),
            vec![("r", "refresh_token"), ("a", "access_token")]
        );
        held.refresh_token = None;
        assert_eq!(revocations(&held), vec![("a", "access_token")]);
    }
}
