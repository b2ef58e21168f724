//! `<zitadel-profile-form>` in a real browser: attributes become options, changes
//! remount, events reach the host with their details, removal cleans up, and styles
//! stay on their own side of the shadow root.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use serde_json::{json, Value};
use support::{
    config, document, fault, panics_reported, pause, signed_in, until, Page, CLIENT_ID, ISSUER,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRoot};
use zitadel_profile_form::{define_element, live_forms};

wasm_bindgen_test_configure!(run_in_browser);

/// A `<zitadel-profile-form>` configured by attributes, not yet on the page.
fn element(client_id: &str) -> HtmlElement {
    define_element();
    let element: HtmlElement = document()
        .create_element("zitadel-profile-form")
        .unwrap()
        .unchecked_into();
    element.set_attribute("issuer", ISSUER).unwrap();
    element.set_attribute("client-id", client_id).unwrap();
    element
}

/// How many stylesheets `root` (a document or shadow root) has adopted.
fn adopted(root: &JsValue) -> u32 {
    js_sys::Reflect::get(root, &"adoptedStyleSheets".into())
        .unwrap()
        .unchecked_into::<js_sys::Array>()
        .length()
}

/// The demo app's element, on the page.
fn attached() -> Page<ShadowRoot> {
    Page::attach(element(CLIENT_ID))
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

#[wasm_bindgen_test]
async fn mounts_from_attributes_into_a_shadow_root() {
    signed_in(&config(None)).await;
    let page = attached();
    page.prefilled().await;
    // Nothing leaks into the page's own DOM.
    assert!(document()
        .query_selector("[data-testid='profile-form']")
        .unwrap()
        .is_none());
    // Its styles came with the bundle, as a constructed stylesheet: nothing to link,
    // nothing inline.
    assert_eq!(adopted(&page.root), 1, "the form's stylesheet adopted");
    assert!(page.query("link").is_none(), "no stylesheet to fetch");
    assert!(page.query("style").is_none(), "no inline <style>");
}

/// A host that brings a stylesheet of its own gets it instead of the form's.
#[wasm_bindgen_test]
async fn a_stylesheet_of_the_hosts_replaces_the_forms() {
    signed_in(&config(None)).await;
    let element = element(CLIENT_ID);
    // The test server serves the crate root.
    element
        .set_attribute("stylesheet", "/style/profile-form.css")
        .unwrap();
    let page = Page::attach(element);
    page.prefilled().await;
    let link = page
        .query("link[rel='stylesheet']")
        .expect("the host's stylesheet");
    assert!(link
        .get_attribute("href")
        .unwrap()
        .ends_with("/style/profile-form.css"));
    assert_eq!(adopted(&page.root), 0, "the form's own sheet stays out");
    // A stylesheet from elsewhere over plain http is refused: the form's own instead.
    page.host
        .set_attribute("stylesheet", "http://evil.example/theme.css")
        .unwrap();
    page.until("the form's own stylesheet", |p| {
        p.query("link").is_none() && adopted(&p.root) == 1
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_attribute_change_takes_effect() {
    signed_in(&config(None)).await;
    let page = attached();
    page.loaded().await;
    // Another client has no session here: the form offers to sign in.
    page.host.set_attribute("client-id", "other@app").unwrap();
    page.until("the sign-in offer", |p| p.by_testid("sign-in").is_some())
        .await;
    // A broken issuer is explained in place of the form.
    page.host.set_attribute("issuer", "not a url").unwrap();
    page.until("the options error", |p| {
        p.by_testid("options-error").is_some()
    })
    .await;
    let text = page.text("options-error");
    assert!(text.contains("issuer"), "{text}");
    page.host.set_attribute("issuer", ISSUER).unwrap();
    page.host.set_attribute("client-id", CLIENT_ID).unwrap();
    page.prefilled().await;
}

#[wasm_bindgen_test]
async fn events_reach_the_host_with_their_details() {
    signed_in(&config(None)).await;
    let element = element(CLIENT_ID);
    let loaded = record(&element, "profile-loaded");
    let saved = record(&element, "profile-saved");
    let errors = record(&element, "profile-error");
    // Composed events cross the shadow boundary and bubble on to the document.
    let at_document = record(&document(), "profile-loaded");
    let page = Page::attach(element);

    until("profile-loaded", || !loaded.borrow().is_empty()).await;
    assert_eq!(loaded.borrow()[0]["profile"]["firstName"], "Ada");
    assert_eq!(
        loaded.borrow()[0]["profile"]["gender"],
        "GENDER_UNSPECIFIED"
    );
    assert_eq!(at_document.borrow().len(), 1);

    page.until("the form", |p| p.input("nickName").is_some())
        .await;
    page.type_into("nickName", "Countess").await;
    page.click("save").await;
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

    page.type_into("nickName", "Countess L").await;
    fault(json!({"status": 503, "body": "{}"})).await;
    page.click("save").await;
    until("profile-error", || !errors.borrow().is_empty()).await;
    assert_eq!(errors.borrow()[0]["kind"], "server");
    assert!(errors.borrow()[0]["message"]
        .as_str()
        .unwrap()
        .contains("503"));
}

/// The element as a bundler's host page has it: in the markup before the bundle
/// defines it. Upgrading it reports each attribute before it is connected; it must
/// render once, not render and remount (which left the first form's sign-in check
/// running into a disposed form: a panic, and the form replaced by the crash message).
#[wasm_bindgen_test]
async fn an_element_upgraded_from_the_markup_renders_once() {
    signed_in(&config(None)).await;
    let panics = panics_reported();
    define_element();
    let holder: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&holder).unwrap();
    // Parsed markup is created undefined and upgraded on insertion, as on a page.
    holder.set_inner_html(&format!(
        r#"<zitadel-profile-form issuer="{ISSUER}" client-id="{CLIENT_ID}"></zitadel-profile-form>"#
    ));
    let element: HtmlElement = holder.first_element_child().unwrap().unchecked_into();
    let root = element.shadow_root().expect("rendered on upgrade");
    let first = root.query_selector("[data-testid='profile-form']").unwrap();
    assert!(first.is_some(), "the form is there at once");
    let page = Page::around(holder, root);
    page.prefilled().await;
    let now = page.by_testid("profile-form");
    assert!(
        now.is_some_and(|f| first
            .as_ref()
            .is_some_and(|first| first.is_same_node(Some(&f)))),
        "the form that loaded is the one rendered first"
    );
    assert!(page.by_testid("crashed").is_none());
    assert_eq!(panics_reported(), panics, "nothing panicked");
}

#[wasm_bindgen_test]
async fn removing_the_element_cleans_up() {
    signed_in(&config(None)).await;
    let before = live_forms();
    let page = attached();
    page.loaded().await;
    assert_eq!(live_forms(), before + 1);
    page.host.remove();
    leptos::task::tick().await;
    assert_eq!(live_forms(), before, "the form's owner was disposed");
    assert_eq!(page.root.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn two_instances_do_not_interfere() {
    signed_in(&config(None)).await;
    let first = attached();
    let second = attached();
    first.loaded().await;
    second.loaded().await;
    let id = |page: &Page<ShadowRoot>| page.input("firstName").unwrap().id();
    assert_ne!(id(&first), id(&second), "ids stay unique on the page");
    first.type_into("firstName", "Augusta").await;
    assert_eq!(second.value("firstName"), "Ada");
    drop(second);
    assert_eq!(first.value("firstName"), "Augusta");
}

#[wasm_bindgen_test]
async fn host_styles_stay_out_and_the_theme_comes_in() {
    signed_in(&config(None)).await;
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(
        "input { border: 7px dashed rgb(255, 0, 0) !important; } .zpf-input { min-height: 99px; }",
    ));
    document().head().unwrap().append_child(&style).unwrap();
    let page = attached();
    page.host
        .style()
        .set_property("--zpf-accent", "rgb(1, 2, 3)")
        .unwrap();
    page.loaded().await;
    let window = web_sys::window().unwrap();
    let computed = |e: &web_sys::Element, property: &str| {
        window
            .get_computed_style(e)
            .unwrap()
            .unwrap()
            .get_property_value(property)
            .unwrap()
    };
    let save = page.by_testid("save").unwrap();
    until("the stylesheet", || {
        computed(&save, "background-color") == "rgb(1, 2, 3)"
    })
    .await;
    let input = page.query("input[name='firstName']").unwrap();
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
}

#[wasm_bindgen(inline_js = "
const sent = [];
const original = window.fetch;
window.fetch = function (request, init) {
  const url = typeof request === 'string' ? request : request.url;
  const headers = new Headers((typeof request === 'string' ? init && init.headers : request.headers) || {});
  sent.push({ origin: new URL(url, location.href).origin, bearer: (headers.get('authorization') || '').startsWith('Bearer ') });
  if (url.startsWith('https://api.elsewhere.example')) {
    return Promise.reject(new TypeError('not on this network'));
  }
  return original.call(this, request, init);
};
export function bearersTo(origin) { return sent.filter((s) => s.origin === origin && s.bearer).length; }
")]
extern "C" {
    /// How many requests carrying a bearer token this page sent to `origin` so far.
    #[wasm_bindgen(js_name = bearersTo)]
    fn bearers_to(origin: &str) -> u32;
}

/// `value` as a JavaScript value.
fn js_value(value: Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

/// S1: markup cannot choose where the token goes. An element naming an API on another
/// origin than the issuer gets an options error, not a form, even with a session of
/// its own in store; only the page's script can allow that origin.
#[wasm_bindgen_test]
async fn s1_markup_alone_sends_no_token_to_another_origin() {
    const ELSEWHERE: &str = "https://api.elsewhere.example";
    let options = |allowed: Option<Vec<String>>| zitadel_profile_form::Options {
        issuer: Some(ISSUER.into()),
        client_id: Some(CLIENT_ID.into()),
        api_base_url: Some(ELSEWHERE.into()),
        allowed_api_origins: allowed,
        ..Default::default()
    };
    // Its session, as a sign-in through the element would have left it.
    let elsewhere = options(Some(vec![ELSEWHERE.into()]))
        .resolve(&zitadel_profile_form::page_url())
        .unwrap();
    signed_in(&elsewhere).await;
    let element = element(CLIENT_ID);
    element.set_attribute("api-base-url", ELSEWHERE).unwrap();
    let page = Page::attach(element);
    page.until("the options error", |p| {
        p.by_testid("options-error").is_some()
    })
    .await;
    let text = page.text("options-error");
    assert!(
        text.contains(ELSEWHERE) && text.contains("allowedApiOrigins"),
        "{text}"
    );
    assert!(page.by_testid("sign-in").is_none(), "nothing to click");
    assert_eq!(bearers_to(ELSEWHERE), 0);
    // mount() without the allow-list is refused the same way.
    assert_eq!(
        options(None).resolve(&zitadel_profile_form::page_url()),
        Err(zitadel_profile_form::OptionsError::ForeignApiNotAllowed(
            ELSEWHERE.into()
        ))
    );
    // The page's script allows it: the element renders again and uses its session.
    let allowed = js_value(json!({ "api": [ELSEWHERE] }));
    zitadel_profile_form::element::allow_origins(allowed).unwrap();
    until("the profile asked of the allowed API", || {
        bearers_to(ELSEWHERE) > 0
    })
    .await;
    assert!(page.by_testid("options-error").is_none());
}

/// `allowOrigins()` takes origins only, and says so when given something else.
#[wasm_bindgen_test]
fn allow_origins_refuses_what_is_not_an_origin() {
    for bad in [
        json!({ "api": ["https://api.example.com/v1"] }),
        json!({ "stylesheets": ["http://cdn.example.com"] }),
        json!({ "api": "https://api.example.com" }),
        json!({ "apis": ["https://api.example.com"] }),
    ] {
        let value = js_value(bad.clone());
        assert!(
            zitadel_profile_form::element::allow_origins(value).is_err(),
            "{bad}"
        );
    }
}

/// S7: a stylesheet from another origin, or one that only looks relative until the
/// browser strips its tab or newline, falls back to the form's own; one from an
/// origin the page's script allowed is linked.
#[wasm_bindgen_test]
async fn s7_only_the_pages_or_an_allowed_origins_stylesheet_styles_the_form() {
    signed_in(&config(None)).await;
    let page = attached();
    page.prefilled().await;
    for href in [
        "https://evil.example/theme.css",
        "da\tta:text/css,option[selected]{color:red}",
        "/\t/evil.example/theme.css",
        "/\n/evil.example/theme.css",
        "java\nscript:alert(1)",
    ] {
        page.host.set_attribute("stylesheet", href).unwrap();
        pause(Duration::from_millis(50)).await;
        page.until("the form's own stylesheet", |p| {
            p.query("link").is_none() && adopted(&p.root) == 1
        })
        .await;
    }
    let allowed = js_value(json!({ "stylesheets": ["https://cdn.allowed.example"] }));
    zitadel_profile_form::element::allow_origins(allowed).unwrap();
    page.host
        .set_attribute("stylesheet", "https://cdn.allowed.example/theme.css")
        .unwrap();
    page.until("the allowed stylesheet", |p| {
        p.query("link").and_then(|l| l.get_attribute("href"))
            == Some("https://cdn.allowed.example/theme.css".into())
    })
    .await;
}
