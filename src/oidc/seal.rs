//! Sealing what tabs tell each other, on the browser's WebCrypto: a message about a
//! refresh token names it by a hash and is encrypted (AES-GCM) under a key derived
//! from that token, so only a tab that holds the token can find or open it. Another
//! page of the origin that listens on the channel learns nothing.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::encoding::{base64url, base64url_decode};
use super::error::CryptoError;

fn subtle() -> Result<web_sys::SubtleCrypto, CryptoError> {
    Ok(crate::page::window()
        .crypto()
        .map_err(|_| CryptoError::NoCrypto)?
        .subtle())
}

/// `n` bytes from the platform's CSPRNG.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut buf = vec![0u8; n];
    crate::page::window()
        .crypto()
        .map_err(|_| CryptoError::NoCrypto)?
        .get_random_values_with_u8_array(&mut buf)
        .map_err(|_| CryptoError::NoRandom)?;
    Ok(buf)
}

/// SHA-256 of `data`.
pub async fn sha256(data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let promise = subtle()?
        .digest_with_str_and_u8_array("SHA-256", data)
        .map_err(|_| CryptoError::NoDigest)?;
    let digest = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::NoDigest)?;
    Ok(Uint8Array::new(&digest).to_vec())
}

/// SHA-256 of a purpose and a secret, kept apart so that an id is never a key.
async fn derive(purpose: &str, secret: &str) -> Result<Vec<u8>, CryptoError> {
    sha256(format!("zitadel-profile-form:{purpose}\0{secret}").as_bytes()).await
}

/// A public name for `secret`: who holds the secret can recognise it, nobody
/// else can learn the secret from it.
pub async fn id_of(secret: &str) -> Result<String, CryptoError> {
    Ok(base64url(&derive("id", secret).await?))
}

async fn key_of(secret: &str) -> Result<web_sys::CryptoKey, CryptoError> {
    let raw = Uint8Array::from(derive("key", secret).await?.as_slice());
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let promise = subtle()?
        .import_key_with_str("raw", &raw, "AES-GCM", false, &usages)
        .map_err(|_| CryptoError::NoDigest)?;
    let key = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::NoDigest)?;
    Ok(key.unchecked_into())
}

/// `plain`, encrypted under a key only holders of `secret` can derive: the nonce
/// and the ciphertext, base64url.
pub async fn seal(secret: &str, plain: &[u8]) -> Result<(String, String), CryptoError> {
    let key = key_of(secret).await?;
    let iv = random_bytes(12)?;
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv.as_slice()));
    let promise = subtle()?
        .encrypt_with_object_and_u8_array(&params, &key, plain)
        .map_err(|_| CryptoError::NoDigest)?;
    let sealed = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::NoDigest)?;
    Ok((
        base64url(&iv),
        base64url(&Uint8Array::new(&sealed).to_vec()),
    ))
}

/// What [`seal`] sealed, if `secret` is the one it was sealed for and nothing was
/// changed on the way.
pub async fn open(secret: &str, iv: &str, sealed: &str) -> Option<Vec<u8>> {
    let key = key_of(secret).await.ok()?;
    let iv = base64url_decode(iv)?;
    let sealed = base64url_decode(sealed)?;
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv.as_slice()));
    let promise = subtle()
        .ok()?
        .decrypt_with_object_and_u8_array(&params, &key, &sealed)
        .ok()?;
    let plain = JsFuture::from(promise).await.ok()?;
    Some(Uint8Array::new(&plain).to_vec())
}
