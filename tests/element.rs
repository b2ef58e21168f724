//! `<zitadel-profile-form>` in a real browser: attributes become options, changes
//! remount, events reach the host with their details, removal cleans up, and styles
//! stay on their own side of the shadow root.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{json, Value};
use support::{config, fault, signed_in, sleep, ISSUER};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRoot};
use zitadel_profile_form::{define_element, live_forms};

wasm_bindgen_test_configure!(run_in_browser);

const CLIENT_ID: &str = "243862081218773235@profile-form";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `<zitadel-profile-form>` configured by attributes and added to the page.
fn element(client_id: &str) -> HtmlElement {
    define_element();
    let element: HtmlElement = document()
        .create_element("zitadel-profile-form")
        .unwrap()
        .unchecked_into();
    element.set_attribute("issuer", ISSUER).unwrap();
    element.set_attribute("client-id", client_id).unwrap();
    // The test server serves the crate root.
    element
        .set_attribute("stylesheet", "/style/profile-form.css")
        .unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

fn shadow(element: &HtmlElement) -> ShadowRoot {
    element.shadow_root().expect("an open shadow root")
}

fn query(element: &HtmlElement, selector: &str) -> Option<web_sys::Element> {
    shadow(element).query_selector(selector).unwrap()
}

fn input_value(element: &HtmlElement, name: &str) -> Option<String> {
    query(element, &format!("input[name='{name}']"))
        .map(|e| e.unchecked_into::<web_sys::HtmlInputElement>().value())
}

async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..1000 {
        if condition() {
            return;
        }
        sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Collects the details of `name` events reaching `target`.
fn record(target: &web_sys::EventTarget, name: &str) -> Rc<RefCell<Vec<Value>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            let text = js_sys::JSON::stringify(&event.detail())
                .unwrap()
                .as_string()
                .unwrap();
            sink.borrow_mut().push(serde_json::from_str(&text).unwrap());
        });
    target
        .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

async fn type_into(element: &HtmlElement, name: &str, value: &str) {
    let input: web_sys::HtmlInputElement = query(element, &format!("input[name='{name}']"))
        .unwrap()
        .unchecked_into();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    leptos::task::tick().await;
}

fn click(element: &HtmlElement, testid: &str) {
    query(element, &format!("[data-testid='{testid}']"))
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn mounts_from_attributes_into_a_shadow_root() {
    signed_in(&config(None)).await;
    let element = element(CLIENT_ID);
    until("the prefilled form", || {
        input_value(&element, "firstName").as_deref() == Some("Ada")
    })
    .await;
    // Nothing leaks into the page's own DOM.
    assert!(document()
        .query_selector("[data-testid='profile-form']")
        .unwrap()
        .is_none());
    assert!(
        query(&element, "link[rel='stylesheet']").is_some(),
        "stylesheet from a file"
    );
    assert!(query(&element, "style").is_none(), "no inline <style>");
    element.remove();
}

#[wasm_bindgen_test]
async fn an_attribute_change_takes_effect() {
    signed_in(&config(None)).await;
    let element = element(CLIENT_ID);
    until("the form", || input_value(&element, "firstName").is_some()).await;
    // Another client has no session here: the form offers to sign in.
    element.set_attribute("client-id", "other@app").unwrap();
    until("the sign-in offer", || {
        query(&element, "[data-testid='sign-in']").is_some()
    })
    .await;
    // A broken issuer is explained in place of the form.
    element.set_attribute("issuer", "not a url").unwrap();
    until("the options error", || {
        query(&element, "[data-testid='options-error']").is_some()
    })
    .await;
    let text = query(&element, "[data-testid='options-error']")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(text.contains("issuer"), "{text}");
    element.set_attribute("issuer", ISSUER).unwrap();
    element.set_attribute("client-id", CLIENT_ID).unwrap();
    until("the form again", || {
        input_value(&element, "firstName").as_deref() == Some("Ada")
    })
    .await;
    element.remove();
}

#[wasm_bindgen_test]
async fn events_reach_the_host_with_their_details() {
    signed_in(&config(None)).await;
    define_element();
    let element: HtmlElement = document()
        .create_element("zitadel-profile-form")
        .unwrap()
        .unchecked_into();
    let loaded = record(&element, "profile-loaded");
    let saved = record(&element, "profile-saved");
    let errors = record(&element, "profile-error");
    // Composed events cross the shadow boundary and bubble on to the document.
    let at_document = record(&document(), "profile-loaded");
    element.set_attribute("issuer", ISSUER).unwrap();
    element.set_attribute("client-id", CLIENT_ID).unwrap();
    document().body().unwrap().append_child(&element).unwrap();

    until("profile-loaded", || !loaded.borrow().is_empty()).await;
    assert_eq!(loaded.borrow()[0]["profile"]["firstName"], "Ada");
    assert_eq!(
        loaded.borrow()[0]["profile"]["gender"],
        "GENDER_UNSPECIFIED"
    );
    assert_eq!(at_document.borrow().len(), 1);

    until("the form", || input_value(&element, "nickName").is_some()).await;
    type_into(&element, "nickName", "Countess").await;
    click(&element, "save");
    until("profile-saved", || !saved.borrow().is_empty()).await;
    let detail = saved.borrow()[0].clone();
    assert_eq!(detail["profile"]["nickName"], "Countess");
    assert!(
        detail["details"]["sequence"]
            .as_str()
            .unwrap()
            .parse::<u64>()
            .is_ok(),
        "{detail}"
    );
    assert!(detail["details"]["changeDate"].is_string(), "{detail}");

    type_into(&element, "nickName", "Countess L").await;
    fault(json!({"status": 503, "body": "{}"})).await;
    click(&element, "save");
    until("profile-error", || !errors.borrow().is_empty()).await;
    assert_eq!(errors.borrow()[0]["kind"], "server");
    assert!(errors.borrow()[0]["message"]
        .as_str()
        .unwrap()
        .contains("503"));
    element.remove();
}

#[wasm_bindgen_test]
async fn removing_the_element_cleans_up() {
    signed_in(&config(None)).await;
    let before = live_forms();
    let element = element(CLIENT_ID);
    until("the form", || input_value(&element, "firstName").is_some()).await;
    assert_eq!(live_forms(), before + 1);
    element.remove();
    leptos::task::tick().await;
    assert_eq!(live_forms(), before, "the form's owner was disposed");
    assert_eq!(shadow(&element).child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn two_instances_do_not_interfere() {
    signed_in(&config(None)).await;
    let first = element(CLIENT_ID);
    let second = element(CLIENT_ID);
    until("both forms", || {
        input_value(&first, "firstName").is_some() && input_value(&second, "firstName").is_some()
    })
    .await;
    let id = |e: &HtmlElement| query(e, "input[name='firstName']").unwrap().id();
    assert_ne!(id(&first), id(&second), "ids stay unique on the page");
    type_into(&first, "firstName", "Augusta").await;
    assert_eq!(input_value(&second, "firstName").as_deref(), Some("Ada"));
    second.remove();
    assert_eq!(input_value(&first, "firstName").as_deref(), Some("Augusta"));
    first.remove();
}

#[wasm_bindgen_test]
async fn host_styles_stay_out_and_the_theme_comes_in() {
    signed_in(&config(None)).await;
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(
        "input { border: 7px dashed rgb(255, 0, 0) !important; } .zpf-input { min-height: 99px; }",
    ));
    document().head().unwrap().append_child(&style).unwrap();
    let element = element(CLIENT_ID);
    element
        .style()
        .set_property("--zpf-accent", "rgb(1, 2, 3)")
        .unwrap();
    until("the form", || input_value(&element, "firstName").is_some()).await;
    let window = web_sys::window().unwrap();
    let computed = |e: &web_sys::Element, property: &str| {
        window
            .get_computed_style(e)
            .unwrap()
            .unwrap()
            .get_property_value(property)
            .unwrap()
    };
    let save = query(&element, "[data-testid='save']").unwrap();
    until("the stylesheet", || {
        computed(&save, "background-color") == "rgb(1, 2, 3)"
    })
    .await;
    let input = query(&element, "input[name='firstName']").unwrap();
    assert_eq!(computed(&input, "border-top-style"), "solid");
    assert_ne!(computed(&input, "border-top-width"), "7px");
    // And the widget's own classes do nothing outside it.
    let outside = document().create_element("input").unwrap();
    outside.set_class_name("zpf-input");
    document().body().unwrap().append_child(&outside).unwrap();
    assert_eq!(computed(&outside, "border-top-width"), "7px");
    assert_eq!(computed(&outside, "min-height"), "99px");
    outside.remove();
    style.remove();
    element.remove();
}
