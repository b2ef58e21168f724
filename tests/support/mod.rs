//! Shared by the browser suites: talking to the running stand-in's test controls,
//! mounting a form with a real session, and driving the DOM as a person would.
#![allow(dead_code)]

use std::time::Duration;

use gloo_net::http::Request;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use zitadel_profile_form::oidc::tokens::{self, Tokens};
use zitadel_profile_form::oidc::types::{AccessToken, IdToken, RefreshToken};
use zitadel_profile_form::profile::take_kept_draft;
use zitadel_profile_form::{Config, Mounted, Options};

/// The stand-in the test command started; set at compile time by scripts/test.
pub const ISSUER: &str = match option_env!("ZPF_TEST_ISSUER") {
    Some(issuer) => issuer,
    None => "http://127.0.0.1:18080",
};

pub async fn sleep(duration: Duration) {
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

/// The last Auth API request the stand-in saw.
pub async fn last_request() -> Value {
    dev("GET", "last-request", None).await
}

pub fn page_origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

pub fn config(timeout_ms: Option<u32>) -> Config {
    Options {
        issuer: Some(ISSUER.into()),
        client_id: Some("243862081218773235@profile-form".into()),
        timeout_ms,
        ..Options::default()
    }
    .resolve(&zitadel_profile_form::page_url())
    .unwrap()
}

/// A fresh stand-in, this page's origin allowed, and a signed-in session in storage.
pub async fn signed_in(config: &Config) {
    dev("POST", "reset", None).await;
    dev("POST", "origins", Some(json!({ "origin": page_origin() }))).await;
    let minted = dev("POST", "tokens", Some(json!({}))).await;
    take_kept_draft(config);
    let text = |name: &str| minted[name].as_str().map(String::from);
    tokens::save(
        config,
        &Tokens {
            access_token: AccessToken::new(text("access_token").unwrap()),
            expires_at_ms: js_sys::Date::now() as u64 + 3_600_000,
            refresh_token: text("refresh_token").map(RefreshToken::new),
            id_token: text("id_token").map(IdToken::new),
        },
    );
}

pub fn fresh_host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.dyn_into().unwrap()
}

pub struct Page {
    pub host: HtmlElement,
    pub mounted: Option<Mounted>,
}

impl Page {
    pub fn mount(config: &Config) -> Self {
        let host = fresh_host();
        let mounted = zitadel_profile_form::mount_options(host.clone(), Ok(config.clone()));
        Page {
            host,
            mounted: Some(mounted),
        }
    }

    pub fn query(&self, selector: &str) -> Option<web_sys::Element> {
        self.host.query_selector(selector).unwrap()
    }

    pub fn by_testid(&self, testid: &str) -> Option<web_sys::Element> {
        self.query(&format!("[data-testid='{testid}']"))
    }

    pub fn text(&self, testid: &str) -> String {
        self.by_testid(testid)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    /// Polls until `condition` holds, for up to ten seconds.
    pub async fn until(&self, what: &str, condition: impl Fn(&Page) -> bool) {
        for _ in 0..1000 {
            if condition(self) {
                return;
            }
            sleep(Duration::from_millis(10)).await;
        }
        panic!(
            "timed out waiting for {what}; page: {}",
            self.host.inner_html()
        );
    }

    pub async fn loaded(&self) {
        self.until("the form", |p| p.input("firstName").is_some())
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
        self.host
            .query_selector(&format!("#{}-message", control.id()))
            .unwrap()
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

impl Drop for Page {
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

pub fn js(value: &str) -> JsValue {
    JsValue::from_str(value)
}
