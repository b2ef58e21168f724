//! `mount(element, options)` as plain JavaScript uses it: the form or a readable
//! error appears inside the element, and `unmount()` removes it again.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use zitadel_profile_form::mount;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.dyn_into().unwrap()
}

fn js_options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn text_of(host: &HtmlElement, testid: &str) -> Option<String> {
    host.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn mounts_the_form_from_js_options() {
    let host = fresh_host();
    let handle = mount(
        host.clone().into(),
        js_options(r#"{"issuer":"https://acme.example/","clientId":"c1"}"#),
    )
    .unwrap();
    leptos::task::tick().await;
    assert!(
        text_of(&host, "profile-form").is_some(),
        "form not rendered"
    );
    assert!(text_of(&host, "options-error").is_none());
    // No session in this fresh page: the form offers to sign in.
    for _ in 0..200 {
        if text_of(&host, "sign-in").is_some() {
            break;
        }
        leptos::task::tick().await;
    }
    assert_eq!(text_of(&host, "sign-in").as_deref(), Some("Sign in"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn unmount_removes_the_form() {
    let host = fresh_host();
    let mut handle = mount(
        host.clone().into(),
        js_options(r#"{"issuer":"https://acme.example","clientId":"c1"}"#),
    )
    .unwrap();
    leptos::task::tick().await;
    assert!(text_of(&host, "profile-form").is_some());
    handle.unmount();
    leptos::task::tick().await;
    assert!(text_of(&host, "profile-form").is_none(), "form still there");
    handle.unmount(); // a second call is harmless
}

#[wasm_bindgen_test]
async fn missing_option_is_explained_in_the_element() {
    let host = fresh_host();
    let _handle = mount(
        host.clone().into(),
        js_options(r#"{"issuer":"https://acme.example"}"#),
    )
    .unwrap();
    leptos::task::tick().await;
    let message = text_of(&host, "options-error").expect("no error shown");
    assert!(message.contains("clientId"), "{message}");
    assert!(text_of(&host, "profile-form").is_none());
}

#[wasm_bindgen_test]
async fn malformed_options_are_explained_not_thrown() {
    for options in [
        JsValue::UNDEFINED,
        js_options(r#"{"issuer":42,"clientId":"c"}"#),
        js_options(r#"{"issuer":"not a url","clientId":"c"}"#),
    ] {
        let host = fresh_host();
        let _handle = mount(host.clone().into(), options).unwrap();
        leptos::task::tick().await;
        let message = text_of(&host, "options-error").expect("no error shown");
        assert!(!message.trim().is_empty());
    }
}

#[wasm_bindgen_test]
fn a_non_element_target_throws_a_readable_error() {
    let Err(error) = mount(JsValue::from_str("#app"), JsValue::UNDEFINED) else {
        panic!("mount accepted a string as its element");
    };
    let message: JsValue = error.into();
    let message = js_sys::Reflect::get(&message, &"message".into()).unwrap();
    assert!(message.as_string().unwrap().contains("HTML element"));
}
