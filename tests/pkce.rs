//! PKCE on the browser's own WebCrypto, in Chromium and Firefox.

use wasm_bindgen_test::*;
use zitadel_profile_form::oidc::pkce::s256_challenge;
use zitadel_profile_form::oidc::tokens::PendingSignIn;
use zitadel_profile_form::oidc::types::PkceVerifier;

wasm_bindgen_test_configure!(run_in_browser);

/// RFC 7636 appendix B: the verifier and the challenge S256 must turn it into.
#[wasm_bindgen_test]
async fn s256_challenge_matches_rfc_7636_appendix_b() {
    let verifier = PkceVerifier::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into());
    let challenge = s256_challenge(&verifier).await.expect("WebCrypto digest");
    assert_eq!(
        challenge.as_str(),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    );
}

/// Every sign-in gets its own state, nonce and verifier, of the RFC's length.
#[wasm_bindgen_test]
fn each_sign_in_draws_fresh_values() {
    let a = PendingSignIn::generate().expect("crypto.getRandomValues");
    let b = PendingSignIn::generate().expect("crypto.getRandomValues");
    assert_ne!(a.state, b.state);
    assert_ne!(a.nonce, b.nonce);
    assert_ne!(a.verifier.secret(), b.verifier.secret());
    assert_ne!(a.state.as_str(), a.nonce.as_str());
    assert_eq!(a.verifier.secret().len(), 43);
}
