//! PKCE on the platform's WebCrypto (RFC 7636): random values from
//! `crypto.getRandomValues`, the S256 challenge from `SubtleCrypto.digest`, so no
//! hashing or random crate lands in the bundle.

use super::encoding::base64url;
use super::error::SignInError;
use super::seal::{random_bytes, sha256};
use super::stored::PendingSignIn;
use super::types::{CodeChallenge, Nonce, PkceVerifier, State};

/// `bytes` random bytes from the platform's CSPRNG, base64url.
pub(crate) fn random(bytes: usize) -> Result<String, SignInError> {
    Ok(base64url(
        &random_bytes(bytes).map_err(SignInError::Crypto)?,
    ))
}

impl PendingSignIn {
    /// Fresh state, nonce and verifier for one sign-in, started at `now_ms`. 32
    /// random bytes each: 256 bits, beyond RFC 6749 §10.10's 2^-160, and a
    /// 43-character verifier, RFC 7636's recommendation.
    pub fn generate(now_ms: u64) -> Result<Self, SignInError> {
        Ok(PendingSignIn {
            state: State::new(random(32)?),
            nonce: Nonce::new(random(32)?),
            verifier: PkceVerifier::new(random(32)?),
            started_ms: now_ms,
        })
    }
}

/// `BASE64URL(SHA256(verifier))` (RFC 7636 §4.2).
pub async fn s256_challenge(verifier: &PkceVerifier) -> Result<CodeChallenge, SignInError> {
    let digest = sha256(verifier.secret().as_bytes())
        .await
        .map_err(SignInError::Crypto)?;
    Ok(CodeChallenge::new(base64url(&digest)))
}
