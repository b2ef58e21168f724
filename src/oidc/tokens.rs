//! The session's tokens and the sign-in waiting for its callback, as kept in the
//! session store: what this tab holds, and the refresh tokens it spent.

use serde::{Deserialize, Serialize};

use super::protocol::TokenResponse;
use super::types::{AccessToken, IdToken, Nonce, PkceVerifier, RefreshToken, State};
use crate::options::Config;
use crate::session::Slot;

/// Tokens from the token endpoint. Every token is a secret type, so `Debug` is safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tokens {
    pub access_token: AccessToken,
    /// When the access token expires, in milliseconds since the epoch.
    pub expires_at_ms: u64,
    #[serde(default)]
    pub refresh_token: Option<RefreshToken>,
    #[serde(default)]
    pub id_token: Option<IdToken>,
}

impl Tokens {
    /// The tokens of a token response received at `now_ms`; a refresh answer without
    /// an id_token keeps `previous_id_token` for sign-out's hint.
    pub fn from_response(
        response: TokenResponse,
        previous_id_token: Option<IdToken>,
        now_ms: u64,
    ) -> Self {
        Tokens {
            access_token: response.access_token,
            // ZITADEL's default is 12 h; assume an hour when the server does not say.
            expires_at_ms: now_ms + response.expires_in.unwrap_or(3600) * 1000,
            refresh_token: response.refresh_token,
            id_token: response.id_token.or(previous_id_token),
        }
    }
}

/// A sign-in started on this page, waiting for ZITADEL's answer. Kept in the session
/// store because the page is left for the login in between.
#[derive(Debug, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub state: State,
    pub nonce: Nonce,
    pub verifier: PkceVerifier,
}

const TOKENS: Slot<Tokens> = Slot::new("tokens");
const SPENT: Slot<Vec<RefreshToken>> = Slot::new("spent");
const PENDING: Slot<PendingSignIn> = Slot::new("pending");

/// How many spent refresh tokens a tab remembers, to answer tabs that missed a rotation.
const SPENT_KEPT: usize = 4;

/// The session's tokens in this tab, if signed in.
pub fn load(config: &Config) -> Option<Tokens> {
    config.store().read(&TOKENS)
}

pub fn save(config: &Config, tokens: &Tokens) {
    config.store().write(&TOKENS, tokens);
}

/// Forgets the session in this tab.
pub fn clear(config: &Config) {
    let store = config.store();
    store.remove(&TOKENS);
    store.remove(&SPENT);
}

/// Notes that this tab exchanged `refresh_token`, which is dead from now on.
pub fn remember_spent(config: &Config, refresh_token: &RefreshToken) {
    let store = config.store();
    let mut spent = store.read(&SPENT).unwrap_or_default();
    spent.push(refresh_token.clone());
    let excess = spent.len().saturating_sub(SPENT_KEPT);
    spent.drain(..excess);
    store.write(&SPENT, &spent);
}

/// Whether this tab exchanged `refresh_token` itself.
pub fn has_spent(config: &Config, refresh_token: &RefreshToken) -> bool {
    config
        .store()
        .read(&SPENT)
        .is_some_and(|spent| spent.contains(refresh_token))
}

pub fn save_pending(config: &Config, pending: &PendingSignIn) {
    config.store().write(&PENDING, pending);
}

/// The sign-in waiting for its callback, if any; gone once taken.
pub fn take_pending(config: &Config) -> Option<PendingSignIn> {
    config.store().take(&PENDING)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_that_holds_a_token_prints_it() {
        let tokens = Tokens {
            access_token: AccessToken::new("at-secret".into()),
            expires_at_ms: 1,
            refresh_token: Some(RefreshToken::new("rt-secret".into())),
            id_token: Some(IdToken::new("id-secret".into())),
        };
        let printed = format!("{tokens:?}");
        assert!(!printed.contains("secret"), "{printed}");
        let pending = PendingSignIn {
            state: State::new("s".into()),
            nonce: Nonce::new("n".into()),
            verifier: PkceVerifier::new("verifier-secret".into()),
        };
        assert!(!format!("{pending:?}").contains("secret"));
    }

    #[test]
    fn a_refresh_without_id_token_keeps_the_previous_one() {
        let response: TokenResponse =
            serde_json::from_str(r#"{"access_token":"a","expires_in":60}"#).unwrap();
        let tokens = Tokens::from_response(response, Some(IdToken::new("old".into())), 1_000);
        assert_eq!(tokens.expires_at_ms, 61_000);
        assert_eq!(tokens.id_token.unwrap().secret(), "old");
        assert!(tokens.refresh_token.is_none());
    }
}
