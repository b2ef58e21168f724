//! The wasm reads JSON with the browser's `JSON.parse` and serde-wasm-bindgen, while
//! the host unit tests read it with serde_json. Both must agree on every body the
//! widget meets, good and bad, so the host tests speak for the browser too.
#![cfg(target_arch = "wasm32")]

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use zitadel_profile_form::api::{MeResponse, UpdateResponse};
use zitadel_profile_form::json;
use zitadel_profile_form::oidc::discovery::Discovery;
use zitadel_profile_form::oidc::protocol::{IdClaims, TokenError, TokenResponse};
use zitadel_profile_form::oidc::stored::Tokens;
use zitadel_profile_form::problem::ZitadelError;
use zitadel_profile_form::profile::Draft;
use zitadel_profile_form::Options;

wasm_bindgen_test_configure!(run_in_browser);

/// Reads each text both ways; the outcomes (value or failure) must be the same.
fn agree<T: DeserializeOwned + Debug>(texts: &[&str]) {
    agree_reading(json::from_str::<T>, texts);
}

/// [`agree`] for a type read with [`json::from_str_exact`] (serde's
/// `deny_unknown_fields`).
fn agree_exact<T: DeserializeOwned + Debug>(texts: &[&str]) {
    agree_reading(json::from_str_exact::<T>, texts);
}

fn agree_reading<T: DeserializeOwned + Debug>(
    read: fn(&str) -> Result<T, json::Error>,
    texts: &[&str],
) {
    for text in texts {
        let browser = read(text).map_err(drop);
        let serde_json = serde_json::from_str::<T>(text).map_err(drop);
        assert_eq!(
            format!("{browser:?}"),
            format!("{serde_json:?}"),
            "{} from {text}",
            std::any::type_name::<T>()
        );
    }
}

/// Writes `value` both ways; the JSON must mean the same.
fn writes_alike<T: Serialize>(value: &T) {
    let browser: serde_json::Value =
        serde_json::from_str(&json::to_string(value).expect("JSON text")).unwrap();
    assert_eq!(browser, serde_json::to_value(value).unwrap());
}

#[wasm_bindgen_test]
fn users_me_reads_alike() {
    agree::<MeResponse>(&[
        r#"{"user":{"id":"1","state":"USER_STATE_ACTIVE","preferredLoginName":"ada@acme",
            "human":{"profile":{"firstName":"Ada","lastName":"Lovelace","nickName":"",
            "displayName":"Ada Lovelace","preferredLanguage":"en","gender":"GENDER_FEMALE"},
            "email":{"email":"ada@acme","isEmailVerified":true}},
            "details":{"sequence":"42","changeDate":"2026-11-30T01:02:03.456Z"}}}"#,
        r#"{"user":{"id":"2","machine":{"name":"bot"}}}"#,
        r#"{"user":{"id":"3","human":{"profile":{"firstName":"Grace","gender":7}}}}"#,
        r#"{"user":{"id":"4","human":{"profile":{"firstName":null}}}}"#,
        r#"{"user":{"id":5}}"#,
        r#"{}"#,
        r#"not json"#,
    ]);
}

#[wasm_bindgen_test]
fn save_answers_and_errors_read_alike() {
    agree::<UpdateResponse>(&[
        r#"{"details":{"sequence":"18446744073709551615","changeDate":"2026-11-30T01:02:03Z","resourceOwner":"9"}}"#,
        r#"{"details":{"sequence":42}}"#,
        r#"{"details":{"sequence":"x"}}"#,
        r#"{"details":{"sequence":-1}}"#,
        r#"{"details":{"sequence":1.5}}"#,
        r#"{}"#,
    ]);
    agree::<ZitadelError>(&[
        r#"{"code":3,"message":"Errors.User.Profile.Empty (USER-d0fsd)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"USER-d0fsd","message":"Profile is empty"}]}"#,
        r#"{"code":16,"message":"auth header missing"}"#,
        r#"{"code":"3"}"#,
        r#"<html>Bad gateway</html>"#,
    ]);
}

#[wasm_bindgen_test]
fn oidc_bodies_read_alike() {
    agree::<Discovery>(&[
        r#"{"issuer":"https://acme.zitadel.cloud","authorization_endpoint":"https://acme.zitadel.cloud/oauth/v2/authorize",
            "token_endpoint":"https://acme.zitadel.cloud/oauth/v2/token","code_challenge_methods_supported":["S256"],
            "ui_locales_supported":["de","en"],"claims_supported":["sub"]}"#,
        r#"{"issuer":1}"#,
    ]);
    agree::<TokenResponse>(&[
        r#"{"access_token":"a","token_type":"Bearer","expires_in":43199,"refresh_token":"r","id_token":"i"}"#,
        r#"{"access_token":"a2"}"#,
        r#"{"access_token":"a","expires_in":"43199"}"#,
        r#"{"expires_in":1}"#,
    ]);
    agree::<TokenError>(&[
        r#"{"error":"invalid_grant","error_description":"Errors.AuthRequest.NotFound"}"#,
        r#"{"error":"something_new"}"#,
    ]);
    agree::<IdClaims>(&[
        r#"{"iss":"https://i","sub":"1","aud":"c","exp":2000000000,"iat":1,"nonce":"n"}"#,
        r#"{"iss":"https://i","sub":"1","aud":["c","p"],"azp":"c","exp":2000000000}"#,
        r#"{"iss":"https://i","aud":3,"exp":1}"#,
        r#"{"exp":-1}"#,
    ]);
}

#[wasm_bindgen_test]
fn options_and_kept_values_read_alike() {
    agree_exact::<Options>(&[
        r#"{"issuer":"https://acme.zitadel.cloud","clientId":"123@acme","timeoutMs":5000}"#,
        r#"{"issuer":"https://acme.zitadel.cloud","clientID":"typo"}"#,
        r#"{"timeoutMs":-5}"#,
        r#"{"timeoutMs":"5000"}"#,
        r#"null"#,
        r#"[]"#,
    ]);
    // The message names the stray key, as serde_json's does.
    let refused = json::from_str_exact::<Options>(r#"{"clientID":"typo"}"#).unwrap_err();
    assert!(
        refused.to_string().contains("unknown field `clientID`"),
        "{refused}"
    );
    agree::<Draft>(&[
        r#"{"firstName":"Ada","lastName":"L","gender":"GENDER_DIVERSE"}"#,
        r#"{"firstName":"😀\u0000"}"#,
    ]);
}

#[wasm_bindgen_test]
fn what_the_widget_writes_means_the_same() {
    let draft: Draft = serde_json::from_str(
        r#"{"firstName":"Ada \"the\" first","lastName":"Lovelace","nickName":"😀",
            "displayName":"","preferredLanguage":"und-CH","gender":"GENDER_DIVERSE"}"#,
    )
    .unwrap();
    writes_alike(&draft);
    // Tokens print redacted, so they are compared by their secrets after a round trip.
    let text = r#"{"accessToken":"a","refreshToken":null,"idToken":"i","expiresAtMs":1,"sub":"7"}"#;
    let tokens: Tokens = serde_json::from_str(text).unwrap();
    writes_alike(&tokens);
    let back: Tokens = json::from_str(&json::to_string(&tokens).unwrap()).unwrap();
    assert_eq!(back.access_token.secret(), "a");
    assert_eq!(back.id_token.as_ref().map(|t| t.secret()), Some("i"));
    assert_eq!((back.expires_at_ms, back.sub.as_deref()), (1, Some("7")));
    assert!(back.refresh_token.is_none());
}

#[wasm_bindgen_test]
fn catalogues_read_alike() {
    use zitadel_profile_form::i18n::catalogue::{module_json, Catalogue};
    for (code, module) in [
        ("de", include_str!("../src/i18n/catalogues/de.js")),
        ("ar", include_str!("../src/i18n/catalogues/ar.js")),
        ("ru", include_str!("../src/i18n/catalogues/ru.js")),
        ("ja", include_str!("../src/i18n/catalogues/ja.js")),
    ] {
        let text = module_json(module).expect(code);
        let browser = Catalogue::parse(text).expect(code);
        assert_eq!(
            Some(browser),
            serde_json::from_str::<Catalogue>(text).ok(),
            "{code}"
        );
    }
    agree::<Catalogue>(&[
        r#"{"Title":"T","Unknown":{"deep":[1,2]},"SavedAt":{"one":"a","other":"b"}}"#,
        r#"{"Title":3}"#,
        r#"{"Title":{"one":1}}"#,
        r#"[]"#,
    ]);
}

/// The one place the two readers part: serde_json reads an array as a struct in
/// serde's sequence form (`[]` for a struct whose fields all default); the browser
/// refuses an array where a struct or map belongs, at any depth. No ZITADEL body is
/// an array.
#[wasm_bindgen_test]
fn an_array_is_refused_where_an_object_belongs() {
    assert!(serde_json::from_str::<MeResponse>("[]").is_ok());
    assert!(json::from_str::<MeResponse>("[]").is_err());
    assert!(json::from_str::<UpdateResponse>(r#"[{"details":{}}]"#).is_err());
    assert!(serde_json::from_str::<Vec<Draft>>("[[]]").is_ok());
    assert!(json::from_str::<Vec<Draft>>("[[]]").is_err());
    assert!(json::from_str::<MeResponse>(r#"{"user":[]}"#).is_err());
}

/// N6: only an object's own keys are read; nothing comes from its prototype chain,
/// so a host script that polluted `Object.prototype` cannot supply an option.
#[wasm_bindgen_test]
fn n6_only_own_keys_are_read() {
    let prototype = js_sys::Object::get_prototype_of(&js_sys::Object::new().into());
    let key = JsValue::from_str("apiBaseUrl");
    js_sys::Reflect::set(&prototype, &key, &"https://evil.example".into()).unwrap();
    let read =
        json::from_str_exact::<Options>(r#"{"issuer":"https://acme.example","clientId":"c"}"#);
    js_sys::Reflect::delete_property(&prototype, &key).unwrap();
    assert_eq!(read.unwrap().api_base_url, None, "read from the prototype");
}

/// What the session store keeps as lists (waiting sign-ins, spent refresh tokens)
/// reads back as lists.
#[wasm_bindgen_test]
fn lists_read_alike() {
    agree::<Vec<String>>(&[r#"["a","b"]"#, "[]", r#"{"0":"a"}"#, r#"[1]"#]);
    agree::<Vec<Draft>>(&[r#"[{"firstName":"Ada"},{"lastName":"L"}]"#, "[]"]);
}
