//! `mount(element, options)` as plain JavaScript uses it: the form or a readable
//! error appears inside the element, and `unmount()` removes it again.
#![cfg(target_arch = "wasm32")]

mod support;

use support::Page;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use zitadel_profile_form::{mount, MountHandle};

wasm_bindgen_test_configure!(run_in_browser);

fn js_options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// Calls `mount` on the page's host element, as JavaScript would, and lets it render.
async fn mount_into(page: &Page, options: JsValue) -> MountHandle {
    let handle = mount(page.host.clone().into(), options).unwrap();
    leptos::task::tick().await;
    handle
}

#[wasm_bindgen_test]
async fn mounts_the_form_from_js_options() {
    let page = Page::blank();
    let mut handle = mount_into(
        &page,
        js_options(r#"{"issuer":"https://acme.example/","clientId":"c1"}"#),
    )
    .await;
    assert!(
        page.by_testid("profile-form").is_some(),
        "form not rendered"
    );
    assert!(page.by_testid("options-error").is_none());
    // No session in this fresh page: the form offers to sign in.
    page.until("the sign-in offer", |p| p.by_testid("sign-in").is_some())
        .await;
    assert_eq!(page.text("sign-in"), "Sign in");
    handle.unmount();
}

#[wasm_bindgen_test]
async fn unmount_removes_the_form() {
    let page = Page::blank();
    let mut handle = mount_into(
        &page,
        js_options(r#"{"issuer":"https://acme.example","clientId":"c1"}"#),
    )
    .await;
    assert!(page.by_testid("profile-form").is_some());
    handle.unmount();
    leptos::task::tick().await;
    assert!(page.by_testid("profile-form").is_none(), "form still there");
    handle.unmount(); // a second call is harmless
}

#[wasm_bindgen_test]
async fn missing_option_is_explained_in_the_element() {
    let page = Page::blank();
    let _handle = mount_into(&page, js_options(r#"{"issuer":"https://acme.example"}"#)).await;
    let message = page.text("options-error");
    assert!(message.contains("clientId"), "{message}");
    assert!(page.by_testid("profile-form").is_none());
}

#[wasm_bindgen_test]
async fn malformed_options_are_explained_not_thrown() {
    for (options, words) in [
        (JsValue::UNDEFINED, vec!["could not be read", "no options"]),
        (
            js_options(r#"{"issuer":42,"clientId":"c"}"#),
            // The browser's reader says what kind of value it found, never the value
            // (serde_json says "integer `42`").
            vec!["could not be read", "a number", "expected a string"],
        ),
        (
            js_options(r#"{"issuer":"not a url","clientId":"c"}"#),
            vec!["“issuer”", "“not a url”"],
        ),
    ] {
        let page = Page::blank();
        let _handle = mount_into(&page, options).await;
        let message = page.text("options-error");
        for word in words {
            assert!(message.contains(word), "no “{word}” in: {message}");
        }
        assert!(
            !message.contains("Error: "),
            "a JS error's prefix: {message}"
        );
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

/// A host may take the form away while it is still loading; what it was waiting for
/// then arrives for a form that is gone, and must end quietly, not in a panic.
#[wasm_bindgen_test]
async fn a_form_removed_while_it_loads_ends_quietly() {
    let config = support::config(None);
    support::signed_in(&config).await;
    let panics = support::panics_reported();
    // The profile takes a while, so the form is gone before it arrives.
    support::fault(serde_json::json!({"delayMs": 300, "count": 1})).await;
    let page = Page::blank();
    let options = format!(
        r#"{{"issuer":"{}","clientId":"{}"}}"#,
        support::ISSUER,
        support::CLIENT_ID
    );
    let mut handle = mount_into(&page, js_options(&options)).await;
    assert!(page.by_testid("profile-form").is_some());
    handle.unmount();
    // The delayed profile arrives meanwhile.
    support::pause(std::time::Duration::from_millis(800)).await;
    assert_eq!(support::panics_reported(), panics, "nothing panicked");
}

fn computed(element: &web_sys::Element, property: &str) -> String {
    web_sys::window()
        .unwrap()
        .get_computed_style(element)
        .unwrap()
        .unwrap()
        .get_property_value(property)
        .unwrap()
}

/// `mount()` renders into the host's own document, which the bundle styled when it
/// loaded: the form's controls are not the browser's defaults, and a theme the host
/// sets on `:root` in its own stylesheet wins over the form's defaults.
#[wasm_bindgen_test]
async fn the_form_mounted_in_the_page_is_styled_and_the_hosts_theme_wins() {
    let theme = support::document().create_element("style").unwrap();
    theme.set_text_content(Some(":root { --zpf-accent: rgb(1, 2, 3); }"));
    support::document()
        .head()
        .unwrap()
        .append_child(&theme)
        .unwrap();
    let page = Page::blank();
    let _handle = mount_into(
        &page,
        js_options(&format!(
            r#"{{"issuer":"{}","clientId":"{}"}}"#,
            support::ISSUER,
            support::CLIENT_ID
        )),
    )
    .await;
    page.until("the sign-in offer", |p| p.by_testid("sign-in").is_some())
        .await;
    let button = page.by_testid("sign-in").unwrap();
    assert_eq!(computed(&button, "border-top-left-radius"), "8px");
    assert_eq!(computed(&button, "background-color"), "rgb(1, 2, 3)");
    assert!(
        page.query("style, link").is_none(),
        "nothing inline, nothing linked"
    );
    theme.remove();
    // Without the host's theme, the form's own accent.
    assert_eq!(computed(&button, "background-color"), "rgb(59, 91, 219)");
}

/// A host that keeps no reference to the handle (`mount(…)` inside a callback) keeps
/// its form: the garbage collector freeing the handle, as dropping it here does, does
/// not take the form away; only `unmount()` does.
#[wasm_bindgen_test]
async fn the_form_stays_when_its_handle_is_dropped() {
    let page = Page::blank();
    let handle = mount_into(
        &page,
        js_options(r#"{"issuer":"https://acme.example","clientId":"c1"}"#),
    )
    .await;
    // What the garbage collector's finaliser does with a handle nobody holds: free
    // the Rust value behind it, as the handle's own `free()` does.
    let handle = JsValue::from(handle);
    let free: js_sys::Function = js_sys::Reflect::get(&handle, &"free".into())
        .unwrap()
        .into();
    free.call0(&handle).unwrap();
    leptos::task::tick().await;
    page.until("the sign-in offer", |p| p.by_testid("sign-in").is_some())
        .await;
    assert!(page.by_testid("profile-form").is_some(), "the form stayed");
}
