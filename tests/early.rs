//! The profile request `js/widget.js` starts before the wasm runs (SECURITY.md, "The
//! profile request that starts before the wasm"): the wasm takes its answer only with
//! the token it would send itself, once, and a 401 goes through the one refresh.
#![cfg(target_arch = "wasm32")]

mod support;

use serde_json::json;
use support::{config, dev, document, fault, last_request, signed_in, Page, DEMO_USER_ID};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zitadel_profile_form::api::ApiClient;
use zitadel_profile_form::authorized::authorized;
use zitadel_profile_form::bundle::{frame, prefetch_profile};
use zitadel_profile_form::http::Request;
use zitadel_profile_form::oidc::stored;
use zitadel_profile_form::Config;

wasm_bindgen_test_configure!(run_in_browser);

fn me_url(config: &Config) -> String {
    format!("{}/auth/v1/users/me", config.api_base_url)
}

fn prefetch(config: &Config) {
    prefetch_profile(&config.issuer, &config.client_id);
}

/// The body of the answer the page got early to `GET url` with `token`, if any.
async fn early(url: &str, token: &str) -> Option<String> {
    let bearer = format!("Bearer {token}");
    Request::get(url)
        .header("Authorization", &bearer)
        .early()
        .await
}

fn access_token(config: &Config) -> String {
    stored::load(config)
        .unwrap()
        .access_token
        .secret()
        .to_owned()
}

#[wasm_bindgen_test]
async fn an_early_answer_is_taken_only_with_its_own_token() {
    let config = config(None);
    signed_in(&config).await;
    let url = me_url(&config);
    let token = access_token(&config);

    prefetch(&config);
    assert!(
        early(&url, "another token").await.is_none(),
        "an answer to another token's request"
    );
    assert!(
        early(&url, &token).await.is_none(),
        "what was offered to the wrong token is gone"
    );

    prefetch(&config);
    let body = early(&url, &token).await.expect("the early answer");
    assert!(body.contains(DEMO_USER_ID), "{body}");
    assert!(early(&url, &token).await.is_none(), "taken once");

    // A token with less than the refresh margin left is not sent early.
    let mut held = stored::load(&config).unwrap();
    held.expires_at_ms = js_sys::Date::now() as u64 + 30_000;
    stored::save(&config, &held);
    prefetch(&config);
    assert!(early(&url, &token).await.is_none(), "nearly expired");
}

#[wasm_bindgen_test]
async fn an_early_401_goes_through_the_one_refresh() {
    let config = config(None);
    signed_in(&config).await;
    let before = access_token(&config);
    // Twelve hours on the stand-in's clock: the access token is dead, the refresh token lives.
    dev("POST", "clock", Some(json!({"advanceSeconds": 43_201}))).await;
    prefetch(&config);
    let me = authorized(&config, |c: ApiClient| async move { c.me().await })
        .await
        .expect("the profile after one refresh");
    assert_eq!(me.user.id, DEMO_USER_ID);
    assert_ne!(access_token(&config), before, "the 401 led to a refresh");
    assert!(
        early(&me_url(&config), &before).await.is_none(),
        "the early answer was taken"
    );
}

/// The server refused the early request (its token died meanwhile): the form does not
/// take the refusal, and asks itself.
#[wasm_bindgen_test]
async fn a_refused_early_answer_is_not_taken() {
    let config = config(None);
    signed_in(&config).await;
    dev("POST", "clock", Some(json!({"advanceSeconds": 43_201}))).await;
    let token = access_token(&config);
    let before = last_request().await["count"].as_u64().unwrap_or(0);
    prefetch(&config);
    let answer = early(&me_url(&config), &token).await;
    assert_eq!(answer, None, "the 401 is not taken");
    let asked = last_request().await;
    assert_eq!(
        (asked["count"].as_u64(), asked["path"].as_str()),
        (Some(before + 1), Some("/auth/v1/users/me")),
        "the page asked early: {asked}"
    );
}

/// Sets `element`'s width in CSS pixels.
fn set_width(element: &web_sys::HtmlElement, px: u32) {
    element
        .style()
        .set_property("width", &format!("{px}px"))
        .unwrap();
}

fn height(root: &impl support::Root) -> f64 {
    root.find("section.zpf")
        .expect("a section.zpf")
        .unchecked_into::<web_sys::HtmlElement>()
        .offset_height()
        .into()
}

/// What shows before the wasm runs is the form's own loading view, at its size, so
/// nothing moves when the form takes over: `index.html`'s frame against the form that
/// owns the page, and the element's frame (`js/widget.js`) against an element's form.
#[wasm_bindgen_test]
async fn the_frames_before_the_wasm_are_the_loading_views_size() {
    let config = config(None);
    signed_in(&config).await;
    // The profile answers late: both forms stay in their loading view meanwhile.
    fault(json!({"delayMs": 5000, "count": 2})).await;
    let page = Page::mount(&Config {
        owns_document: true,
        ..config.clone()
    });
    zitadel_profile_form::define_element();
    let element: web_sys::HtmlElement = document()
        .create_element("zitadel-profile-form")
        .unwrap()
        .unchecked_into();
    element.set_attribute("issuer", &config.issuer).unwrap();
    element
        .set_attribute("client-id", &config.client_id)
        .unwrap();
    let embedded = Page::attach(element);
    for form in [&page.root, &embedded.host] {
        form.style().set_property("display", "block").unwrap();
    }
    page.until("the loading view", |p| p.by_testid("loading").is_some())
        .await;
    embedded
        .until("the loading view", |p| p.by_testid("loading").is_some())
        .await;

    let html = Request::get("/index.html").send(5_000).await.unwrap();
    let start = html
        .find("<section class=\"zpf\"")
        .expect("a frame in index.html");
    let end = start + html[start..].find("</section>").unwrap() + "</section>".len();
    let page_frame = Page::blank();
    page_frame.host.set_inner_html(&html[start..end]);

    let frame_host = Page::blank();
    let shadow = frame_host
        .host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    shadow.append_child(&frame(&document())).unwrap();
    let sheets = js_sys::Reflect::get(&document(), &"adoptedStyleSheets".into()).unwrap();
    js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &sheets).unwrap();
    let element_frame = Page::around(frame_host.host.clone(), shadow);

    for width in [360, 900] {
        for host in [
            &page.root,
            &page_frame.host,
            &embedded.host,
            &element_frame.host,
        ] {
            set_width(host, width);
        }
        let (form, before) = (height(&page.root), height(&page_frame.host));
        assert!(
            form > 100.0 && (form - before).abs() < 1.0,
            "page at {width}px: the form {form}, index.html's frame {before}"
        );
        let (form, before) = (height(&embedded.root), height(&element_frame.root));
        assert!(
            form > 100.0 && (form - before).abs() < 1.0,
            "element at {width}px: the form {form}, the frame {before}"
        );
    }
}

/// `widget.js` defines the element before the wasm runs, so it names the attributes
/// it observes itself: the same list the wasm reads options from.
#[wasm_bindgen_test]
fn the_element_observes_every_attribute_the_options_read() {
    let registry =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"customElements".into()).unwrap();
    let get: js_sys::Function = js_sys::Reflect::get(&registry, &"get".into())
        .unwrap()
        .unchecked_into();
    let class = get
        .call1(&registry, &zitadel_profile_form::element::TAG.into())
        .unwrap();
    let observed = js_sys::Reflect::get(&class, &"observedAttributes".into()).unwrap();
    let observed: Vec<String> = js_sys::Array::from(&observed)
        .iter()
        .map(|a| a.as_string().unwrap())
        .collect();
    assert_eq!(observed, zitadel_profile_form::element::ATTRIBUTES);
}
