//! Discovery and the signing keys.

use axum::http::{Method, StatusCode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::signature::Verifier;
use rsa::{BigUint, RsaPublicKey};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::harness::{Harness, ISSUER};

#[tokio::test]
async fn discovery_advertises_endpoints_s256_and_languages() {
    let h = Harness::new();
    let reply = h.get("/.well-known/openid-configuration").await;
    assert_eq!(reply.status, StatusCode::OK);
    let d = reply.json();
    assert_eq!(d["issuer"], ISSUER);
    assert_eq!(
        d["authorization_endpoint"],
        format!("{ISSUER}/oauth/v2/authorize")
    );
    assert_eq!(d["token_endpoint"], format!("{ISSUER}/oauth/v2/token"));
    assert_eq!(
        d["revocation_endpoint"],
        format!("{ISSUER}/oauth/v2/revoke")
    );
    assert_eq!(
        d["end_session_endpoint"],
        format!("{ISSUER}/oidc/v1/end_session")
    );
    assert_eq!(d["userinfo_endpoint"], format!("{ISSUER}/oidc/v1/userinfo"));
    assert_eq!(d["jwks_uri"], format!("{ISSUER}/oauth/v2/keys"));
    assert_eq!(d["code_challenge_methods_supported"], json!(["S256"]));
    let languages = d["ui_locales_supported"].as_array().unwrap();
    assert_eq!(languages.len(), 22);
    for language in ["de", "ar", "uk"] {
        assert!(languages.contains(&json!(language)), "{language}");
    }
}

#[tokio::test]
async fn discovery_is_open_to_any_origin() {
    let h = Harness::new();
    let reply = h
        .api_with(
            Method::GET,
            "/.well-known/openid-configuration",
            None,
            None,
            &[("origin", "http://anywhere.test")],
        )
        .await;
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("http://anywhere.test")
    );
}

#[tokio::test]
async fn id_tokens_verify_against_the_published_key() {
    let h = Harness::new();
    let jwks = h.get("/oauth/v2/keys").await.json();
    let key = &jwks["keys"][0];
    assert_eq!(key["alg"], "RS256");
    assert_eq!(key["kty"], "RSA");
    let n = BigUint::from_bytes_be(&URL_SAFE_NO_PAD.decode(key["n"].as_str().unwrap()).unwrap());
    let e = BigUint::from_bytes_be(&URL_SAFE_NO_PAD.decode(key["e"].as_str().unwrap()).unwrap());
    let verifying = VerifyingKey::<Sha256>::new(RsaPublicKey::new(n, e).unwrap());

    let id_token = h.tokens().await["id_token"].as_str().unwrap().to_owned();
    let (input, signature) = id_token.rsplit_once('.').unwrap();
    let signature =
        Signature::try_from(URL_SAFE_NO_PAD.decode(signature).unwrap().as_slice()).unwrap();
    verifying
        .verify(input.as_bytes(), &signature)
        .expect("signature verifies");
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(input.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["kid"], key["kid"]);
}
