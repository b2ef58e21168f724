//! PKCE on the browser's own WebCrypto, in Chromium and Firefox.

use wasm_bindgen_test::*;
use zitadel_profile_form::oidc::pkce::s256_challenge;
use zitadel_profile_form::oidc::stored::PendingSignIn;
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

/// I1, I12: every sign-in draws its own 256-bit state, nonce and verifier (43
/// base64url characters each), never repeated and never all zero.
#[wasm_bindgen_test]
fn i12_each_sign_in_draws_fresh_values() {
    let drawn: Vec<PendingSignIn> = (0..64)
        .map(|_| PendingSignIn::generate(0).expect("crypto.getRandomValues"))
        .collect();
    let mut seen = std::collections::HashSet::new();
    for p in &drawn {
        for value in [p.state.as_str(), p.nonce.as_str(), p.verifier.secret()] {
            assert_eq!(value.len(), 43, "{value}");
            assert!(value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            assert_ne!(value, "A".repeat(43), "zeroed bytes");
            assert!(seen.insert(value.to_owned()), "repeated: {value}");
        }
    }
}
