//! PKCE on the platform's WebCrypto (RFC 7636): random values from
//! `crypto.getRandomValues`, the S256 challenge from `SubtleCrypto.digest`, so no
//! hashing or random crate lands in the bundle.

use wasm_bindgen_futures::JsFuture;

use super::encoding::base64url;
use super::error::{CryptoError, SignInError};
use super::tokens::PendingSignIn;
use super::types::{CodeChallenge, Nonce, PkceVerifier, State};

fn crypto() -> Result<web_sys::Crypto, SignInError> {
    crate::window()
        .crypto()
        .map_err(|_| SignInError::Crypto(CryptoError::NoCrypto))
}

/// `bytes` random bytes from the platform's CSPRNG, base64url.
fn random(bytes: usize) -> Result<String, SignInError> {
    let mut buf = vec![0u8; bytes];
    crypto()?
        .get_random_values_with_u8_array(&mut buf)
        .map_err(|_| SignInError::Crypto(CryptoError::NoRandom))?;
    Ok(base64url(&buf))
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
    let no_digest = |_| SignInError::Crypto(CryptoError::NoDigest);
    let promise = crypto()?
        .subtle()
        .digest_with_str_and_u8_array("SHA-256", verifier.secret().as_bytes())
        .map_err(no_digest)?;
    let digest = JsFuture::from(promise).await.map_err(no_digest)?;
    Ok(CodeChallenge::new(base64url(
        &js_sys::Uint8Array::new(&digest).to_vec(),
    )))
}
