//! Refreshing the session's tokens as tabs see it: a tab alone with its session spends
//! its refresh token at once; beside another tab of the session it first asks whether
//! that tab already did (and waits a moment for the answer).
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use support::{config, signed_in, Page};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use zitadel_profile_form::oidc::stored;
use zitadel_profile_form::Config;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function holdShared(name) {
  let release = null;
  navigator.locks.request(name, { mode: 'shared' }, () => new Promise((r) => { release = r; }));
  return () => release && release();
}
")]
extern "C" {
    /// Holds a shared Web Lock named `name` (as another tab would); calling what it
    /// returns lets it go.
    #[wasm_bindgen(js_name = holdShared)]
    fn hold_shared(name: &str) -> js_sys::Function;
}

/// Every message posted on `config`'s channel from now on, as another tab hears it.
fn overhear(config: &Config) -> (web_sys::BroadcastChannel, Rc<RefCell<Vec<String>>>) {
    let name = format!("zitadel-profile-form:refresh:{}", config.session_name());
    let channel = web_sys::BroadcastChannel::new(&name).unwrap();
    let heard = Rc::new(RefCell::new(Vec::new()));
    let sink = heard.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            sink.borrow_mut()
                .push(event.data().as_string().unwrap_or_default());
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    (channel, heard)
}

/// The access token expires within the refresh margin: loading the form refreshes it.
fn expiring_soon(config: &Config) {
    let mut tokens = stored::load(config).expect("signed in");
    tokens.expires_at_ms = js_sys::Date::now() as u64 + 10_000;
    stored::save(config, &tokens);
}

/// Signs in, lets the form load with a token about to expire, and returns the kinds
/// of message another tab would have heard meanwhile.
async fn load_with_a_refresh() -> Vec<String> {
    let config = config(None);
    signed_in(&config).await;
    expiring_soon(&config);
    let (channel, heard) = overhear(&config);
    let page = Page::mount(&config);
    page.prefilled().await;
    drop(page);
    channel.close();
    let heard = heard.borrow().clone();
    heard
}

#[wasm_bindgen_test]
async fn a_tab_alone_with_its_session_refreshes_at_once() {
    let heard = load_with_a_refresh().await;
    assert!(
        heard.iter().any(|m| m.contains(r#""kind":"rotated""#)),
        "the refresh was announced: {heard:?}"
    );
    assert!(
        !heard.iter().any(|m| m.contains(r#""kind":"ask""#)),
        "nobody to ask, so no question: {heard:?}"
    );
}

#[wasm_bindgen_test]
async fn beside_another_tab_a_refresh_asks_first() {
    let session = config(None).session_name();
    let another = hold_shared(&format!("zitadel-profile-form:tab:{session}:another"));
    let heard = load_with_a_refresh().await;
    let _ = another.call0(&JsValue::NULL);
    assert!(
        heard.iter().any(|m| m.contains(r#""kind":"ask""#)),
        "the other tab is asked first: {heard:?}"
    );
}

/// L7: a refreshed id_token must name the person the session is for; one naming
/// someone else is refused, and nothing of it is saved.
#[wasm_bindgen_test]
async fn l7_a_refreshed_id_token_naming_another_person_is_refused() {
    use zitadel_profile_form::oidc::{refresh, SignInError};
    let config = config(None);
    signed_in(&config).await;
    let mut tokens = stored::load(&config).unwrap();
    tokens.sub = Some("somebody-else".into());
    stored::save(&config, &tokens);
    let result = refresh(&config, &tokens.access_token).await;
    assert!(matches!(result, Err(SignInError::IdToken(_))), "{result:?}");
    assert_eq!(stored::load(&config), Some(tokens), "nothing saved");
}

/// L7: only ZITADEL's refusal of a refresh ends the session; a token endpoint that
/// cannot answer right now fails the call, worth a retry, and keeps the session.
#[wasm_bindgen_test]
async fn l7_an_unreachable_token_endpoint_keeps_the_session() {
    use zitadel_profile_form::api::ApiClient;
    use zitadel_profile_form::authorized::{authorized, CallError};
    let config = config(None);
    signed_in(&config).await;
    // Twelve hours pass: the access token is dead, the refresh token lives.
    support::dev(
        "POST",
        "clock",
        Some(serde_json::json!({"advanceSeconds": 43_201})),
    )
    .await;
    support::fault(serde_json::json!({"pathPrefix": "/oauth/v2/token", "status": 503, "count": 1}))
        .await;
    let result = authorized(&config, |c: ApiClient| async move { c.me().await }).await;
    assert!(
        matches!(result, Err(CallError::Http(_))),
        "{:?}",
        result.map(|_| ())
    );
    assert!(stored::load(&config).is_some(), "the session stays");
    // Once the endpoint answers again, the same session carries on.
    let again = authorized(&config, |c: ApiClient| async move { c.me().await }).await;
    assert!(again.is_ok());
}
