//! Shared by the browser suites: talking to the running stand-in's test controls,
//! mounting a form with a real session, and driving the DOM as a person would.
#![allow(dead_code)]

use std::time::Duration;

use gloo_net::http::Request;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, ShadowRoot};
use zitadel_profile_form::oidc::stored::{self, Tokens};
use zitadel_profile_form::oidc::types::{AccessToken, IdToken, RefreshToken, SessionTag};
use zitadel_profile_form::profile::take_kept_draft;
use zitadel_profile_form::{Config, Mounted, Options};

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
const seen = [];
const original = console.error;
console.error = function (...args) {
  const text = String(args[0]);
  if (text.startsWith('panicked at ')) seen.push(text);
  return original.apply(this, args);
};
export function panicsReported() { return seen.join('\\n'); }
")]
extern "C" {
    #[wasm_bindgen(js_name = panicsReported)]
    fn panics_reported_js() -> String;
}

/// What the widget's panic hook has written to the console on this page so far (a
/// failed assertion of an earlier test included): each panic's message and place.
pub fn panics_reported() -> String {
    panics_reported_js()
}

/// The stand-in the test command started; set at compile time by scripts/test.
pub const ISSUER: &str = match option_env!("ZPF_TEST_ISSUER") {
    Some(issuer) => issuer,
    None => "http://127.0.0.1:18080",
};

/// Waits `duration` in the page.
pub async fn pause(duration: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                duration.as_millis() as i32,
            )
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Calls the stand-in's `/_dev/` controls.
pub async fn dev(method: &str, path: &str, body: Option<Value>) -> Value {
    let url = format!("{ISSUER}/_dev/{path}");
    let builder = match method {
        "POST" => Request::post(&url),
        "DELETE" => Request::delete(&url),
        _ => Request::get(&url),
    };
    let response = match body {
        Some(body) => builder.json(&body).unwrap().send().await,
        None => builder.send().await,
    }
    .unwrap_or_else(|e| panic!("stand-in unreachable at {ISSUER}: {e}"));
    assert!(
        response.ok(),
        "{method} /_dev/{path}: HTTP {}",
        response.status()
    );
    let text = response.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// The next matching API calls answer with this fault.
pub async fn fault(fault: Value) {
    dev("POST", "faults", Some(fault)).await;
}

/// The next saves (`PUT .../users/me/profile`) answer with this fault; the reading of
/// the profile that comes before each save does not.
pub async fn save_fault(mut fault: Value) {
    fault["pathPrefix"] = "/auth/v1/users/me/profile".into();
    dev("POST", "faults", Some(fault)).await;
}

/// The last Auth API request the stand-in saw.
pub async fn last_request() -> Value {
    dev("GET", "last-request", None).await
}

pub fn page_origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

/// The stand-in's demo app.
pub const CLIENT_ID: &str = "243862081218773235@profile-form";
/// The stand-in's demo user, whom `signed_in` signs in.
pub const DEMO_USER_ID: &str = "243862081218773300";
/// The second seeded user, `hedy`: no avatar, an email not verified.
pub const SECOND_USER_ID: &str = "243862081218773302";

pub fn config(timeout_ms: Option<u32>) -> Config {
    Options {
        issuer: Some(ISSUER.into()),
        client_id: Some(CLIENT_ID.into()),
        timeout_ms,
        ..Options::default()
    }
    .resolve(&zitadel_profile_form::page_url())
    .unwrap()
}

/// A fresh stand-in, this page's origin allowed, and a signed-in session in storage.
pub async fn signed_in(config: &Config) {
    signed_in_as(config, "demo", DEMO_USER_ID).await;
}

/// [`signed_in`] as the seeded user `user_name`, whose id is `sub`.
pub async fn signed_in_as(config: &Config, user_name: &str, sub: &str) {
    dev("POST", "reset", None).await;
    dev("POST", "origins", Some(json!({ "origin": page_origin() }))).await;
    let minted = dev("POST", "tokens", Some(json!({ "userName": user_name }))).await;
    take_kept_draft(config);
    let text = |name: &str| minted[name].as_str().map(String::from);
    stored::save(
        config,
        &Tokens {
            access_token: AccessToken::new(text("access_token").unwrap()),
            expires_at_ms: js_sys::Date::now() as u64 + 3_600_000,
            refresh_token: text("refresh_token").map(RefreshToken::new),
            id_token: text("id_token").map(IdToken::new),
            sub: Some(sub.into()),
            session: Some(SessionTag::new(format!(
                "session-{}",
                js_sys::Math::random()
            ))),
        },
    );
}

/// Where a page's controls live: in the host element itself, or in the shadow root a
/// custom element renders into.
pub trait Root {
    fn find(&self, selector: &str) -> Option<Element>;
    fn markup(&self) -> String;
}

impl Root for HtmlElement {
    fn find(&self, selector: &str) -> Option<Element> {
        self.query_selector(selector).unwrap()
    }

    fn markup(&self) -> String {
        self.inner_html()
    }
}

impl Root for ShadowRoot {
    fn find(&self, selector: &str) -> Option<Element> {
        self.query_selector(selector).unwrap()
    }

    fn markup(&self) -> String {
        self.inner_html()
    }
}

/// Keeps `draft` for `user_id` with no base: it comes back typed over whatever the
/// profile holds then.
pub fn keep_draft(config: &Config, user_id: &str, draft: &zitadel_profile_form::profile::Draft) {
    let kept = zitadel_profile_form::profile::KeptDraft {
        user_id: user_id.into(),
        draft: draft.clone(),
        base: None,
        sequence: 0,
    };
    zitadel_profile_form::profile::keep_draft(config, &kept);
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Polls `condition` every 10 ms until it holds, for up to ten seconds; on timeout
/// panics, naming `what` and adding `context()`.
async fn wait_for(what: &str, condition: impl Fn() -> bool, context: impl FnOnce() -> String) {
    for _ in 0..1000 {
        if condition() {
            return;
        }
        pause(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}{}", context());
}

/// Polls until `condition` holds, for up to ten seconds.
/// A signed-in demo user's form, mounted and loaded.
pub async fn ready_form() -> (Page, Config) {
    let config = config(None);
    signed_in(&config).await;
    let page = Page::mount(&config);
    page.loaded().await;
    (page, config)
}

pub async fn until(what: &str, condition: impl Fn() -> bool) {
    wait_for(what, condition, String::new).await;
}

/// A form on the document, found and driven through its host element: in the host's
/// own children (`Page`) or in the shadow root of a custom element (`Page<ShadowRoot>`).
/// Dropping it unmounts the form and takes the host off the document.
pub struct Page<R: Root = HtmlElement> {
    pub host: HtmlElement,
    pub root: R,
    mounted: Option<Mounted>,
}

impl Page {
    /// An empty `<div>` on the document, for a form mounted by other means.
    pub fn blank() -> Self {
        let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&host).unwrap();
        Page {
            root: host.clone(),
            host,
            mounted: None,
        }
    }

    /// Whether the mounted form says it holds unsaved edits.
    pub fn dirty(&self) -> bool {
        self.mounted.as_ref().is_some_and(|m| m.dirty())
    }

    pub fn mount(config: &Config) -> Self {
        let mut page = Self::blank();
        page.mounted = Some(zitadel_profile_form::mount_options(
            page.host.clone(),
            Ok(config.clone()),
        ));
        page
    }
}

impl Page<ShadowRoot> {
    /// A form some other way put into `root`, taken off the page with `host`.
    pub fn around(host: HtmlElement, root: ShadowRoot) -> Self {
        Page {
            host,
            root,
            mounted: None,
        }
    }

    /// Puts `element` on the document and reads the open shadow root it renders into.
    pub fn attach(element: HtmlElement) -> Self {
        document().body().unwrap().append_child(&element).unwrap();
        let root = element.shadow_root().expect("an open shadow root");
        Page {
            host: element,
            root,
            mounted: None,
        }
    }
}

impl<R: Root> Page<R> {
    pub fn query(&self, selector: &str) -> Option<Element> {
        self.root.find(selector)
    }

    pub fn by_testid(&self, testid: &str) -> Option<Element> {
        self.query(&format!("[data-testid='{testid}']"))
    }

    pub fn text(&self, testid: &str) -> String {
        self.by_testid(testid)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    /// Polls until `condition` holds, for up to ten seconds.
    pub async fn until(&self, what: &str, condition: impl Fn(&Self) -> bool) {
        wait_for(
            what,
            || condition(self),
            || format!("; page: {}", self.root.markup()),
        )
        .await;
    }

    pub async fn loaded(&self) {
        self.until("the form", |p| p.input("firstName").is_some())
            .await;
    }

    /// Waits for the form filled with the demo user's profile.
    pub async fn prefilled(&self) {
        self.until("the prefilled form", |p| {
            p.input("firstName").is_some_and(|i| i.value() == "Ada")
        })
        .await;
    }

    pub fn input(&self, name: &str) -> Option<HtmlInputElement> {
        self.query(&format!("input[name='{name}']"))
            .and_then(|e| e.dyn_into().ok())
    }

    pub fn select(&self, name: &str) -> HtmlSelectElement {
        self.query(&format!("select[name='{name}']"))
            .and_then(|e| e.dyn_into().ok())
            .unwrap_or_else(|| panic!("no select {name}"))
    }

    pub fn value(&self, name: &str) -> String {
        match self.input(name) {
            Some(input) => input.value(),
            None => self.select(name).value(),
        }
    }

    /// Types `value` into the input named `name`, as the browser reports typing.
    pub async fn type_into(&self, name: &str, value: &str) {
        let input = self
            .input(name)
            .unwrap_or_else(|| panic!("no input {name}"));
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &bubbles()).unwrap())
            .unwrap();
        leptos::task::tick().await;
    }

    pub async fn choose(&self, name: &str, value: &str) {
        let select = self.select(name);
        select.set_value(value);
        assert_eq!(select.value(), value, "{name} has no option {value}");
        select
            .dispatch_event(
                &web_sys::Event::new_with_event_init_dict("change", &bubbles()).unwrap(),
            )
            .unwrap();
        leptos::task::tick().await;
    }

    pub fn message(&self, name: &str) -> String {
        let control = self.query(&format!("[name='{name}']")).unwrap();
        self.query(&format!("#{}-message", control.id()))
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    pub fn attribute(&self, name: &str, attribute: &str) -> Option<String> {
        self.query(&format!("[name='{name}']"))
            .unwrap()
            .get_attribute(attribute)
    }

    pub fn button(&self, testid: &str) -> web_sys::HtmlButtonElement {
        self.by_testid(testid)
            .and_then(|e| e.dyn_into().ok())
            .unwrap_or_else(|| panic!("no button {testid}"))
    }

    pub async fn click(&self, testid: &str) {
        self.button(testid).click();
        leptos::task::tick().await;
    }
}

impl<R: Root> Drop for Page<R> {
    fn drop(&mut self) {
        self.mounted.take();
        self.host.remove();
    }
}

fn bubbles() -> web_sys::EventInit {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init
}
