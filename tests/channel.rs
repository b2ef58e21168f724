//! What tabs sharing a session may do to each other over the channel, and what a
//! page of the origin that holds a leaked token may not: a spent refresh token
//! answers briefly (S2), tokens are saved only over what they replace (S3), a
//! sign-out names the session whatever rotation each tab holds (S3), and adopted
//! tokens are the same person's (S4). "Another tab" is a second `BroadcastChannel`
//! of this page, which the widget cannot tell from one.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use serde_json::{json, Value};
use support::{config, fault, pause, signed_in, until, ISSUER};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use zitadel_profile_form::oidc::seal::{id_of, seal};
use zitadel_profile_form::oidc::stored::{self, Tokens};
use zitadel_profile_form::oidc::sync::TokenSync;
use zitadel_profile_form::oidc::types::{AccessToken, RefreshToken};
use zitadel_profile_form::oidc::{refresh, SignInError};
use zitadel_profile_form::Config;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
let issued = [];
const original = window.fetch;
let revocations = 0;
window.fetch = async function (request, init) {
  const url = typeof request === 'string' ? request : request.url;
  if (url.endsWith('/oauth/v2/revoke')) revocations += 1;
  const response = await original.call(this, request, init);
  if (url.endsWith('/oauth/v2/token') && response.ok) {
    response.clone().json().then((body) => issued.push(JSON.stringify(body)), () => {});
  }
  return response;
};
export function tokensIssued() { return issued; }
export function revocationsSent() { return revocations; }
export function whileDecrypting(f) {
  const subtle = crypto.subtle;
  subtle.decrypt = function (...args) {
    delete subtle.decrypt;
    const opened = SubtleCrypto.prototype.decrypt.apply(subtle, args);
    f();
    return opened;
  };
}
export function refreshAt(issuer, clientId, refreshToken) {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
  return original(issuer + '/oauth/v2/token', { method: 'POST', body }).then((r) => r.status);
}
")]
extern "C" {
    /// Every token response this page received so far (JSON texts), oldest first.
    #[wasm_bindgen(js_name = tokensIssued)]
    fn tokens_issued() -> Vec<String>;
    /// How many revocation requests this page sent so far.
    #[wasm_bindgen(js_name = revocationsSent)]
    fn revocations_sent() -> u32;
    /// Runs `f` while the next sealed message is being opened (once).
    #[wasm_bindgen(js_name = whileDecrypting)]
    fn while_decrypting(f: &js_sys::Function);
    /// Spends `refresh_token` at the stand-in, past the widget: the HTTP status.
    #[wasm_bindgen(js_name = refreshAt)]
    fn refresh_at(issuer: &str, client_id: &str, refresh_token: &str) -> js_sys::Promise;
}

/// Whether the stand-in would still exchange `refresh_token` (it was not revoked).
async fn is_live(config: &Config, refresh_token: &str) -> bool {
    let status = JsFuture::from(refresh_at(ISSUER, &config.client_id, refresh_token))
        .await
        .unwrap();
    status.as_f64() == Some(200.0)
}

fn channel(config: &Config) -> web_sys::BroadcastChannel {
    let name = format!("zitadel-profile-form:refresh:{}", config.session_name());
    web_sys::BroadcastChannel::new(&name).unwrap()
}

/// Posts `message` on `config`'s channel, as another tab would.
fn post(config: &Config, message: Value) {
    let channel = channel(config);
    channel.post_message(&message.to_string().into()).unwrap();
    channel.close();
}

/// Everything posted on `config`'s channel from now on.
fn overhear(config: &Config) -> (web_sys::BroadcastChannel, Rc<RefCell<Vec<Value>>>) {
    let channel = channel(config);
    let heard = Rc::new(RefCell::new(Vec::new()));
    let sink = heard.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            sink.borrow_mut()
                .push(serde_json::from_str(&text).unwrap_or(Value::Null));
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    (channel, heard)
}

/// A `rotated` message: `tokens`, sealed for the holders of `spent`.
async fn rotated(spent: &RefreshToken, tokens: &Tokens) -> Value {
    let plain = serde_json::to_vec(tokens).unwrap();
    let (iv, sealed) = seal(spent.secret(), &plain).await.unwrap();
    json!({"kind": "rotated", "spent": id_of(spent.secret()).await.unwrap(), "iv": iv, "sealed": sealed})
}

/// `tokens` with new access and refresh tokens, as a rotation makes them.
fn rotated_from(tokens: &Tokens, n: u32) -> Tokens {
    Tokens {
        access_token: AccessToken::new(format!("at-{n}")),
        refresh_token: Some(RefreshToken::new(format!("rt-{n}"))),
        ..tokens.clone()
    }
}

/// S4: a rotation sealed with this tab's refresh token but naming another person is
/// not adopted; the same person's is (so the message did arrive).
#[wasm_bindgen_test]
async fn s4_tokens_of_another_person_are_not_adopted() {
    let config = config(None);
    signed_in(&config).await;
    let held = stored::load(&config).unwrap();
    let mine = held.refresh_token.clone().unwrap();
    let _sync = TokenSync::listen(&config, || {}).unwrap();
    let someone_else = Tokens {
        sub: Some("somebody-else".into()),
        ..rotated_from(&held, 1)
    };
    post(&config, rotated(&mine, &someone_else).await);
    let other_session = Tokens {
        session: None,
        ..rotated_from(&held, 2)
    };
    post(&config, rotated(&mine, &other_session).await);
    pause(Duration::from_millis(400)).await;
    assert_eq!(
        stored::load(&config).as_ref(),
        Some(&held),
        "nothing adopted"
    );
    let same = rotated_from(&held, 3);
    post(&config, rotated(&mine, &same).await);
    until("the same person's rotation adopted", || {
        stored::load(&config).as_ref() == Some(&same)
    })
    .await;
}

/// S3: an adoption whose tokens open only after the session was forgotten here (a
/// sign-out meanwhile) saves nothing: the sign-out happens while the widget opens the
/// sealed tokens.
#[wasm_bindgen_test]
async fn s3_an_adoption_finishing_after_a_sign_out_saves_nothing() {
    let config = config(None);
    signed_in(&config).await;
    let held = stored::load(&config).unwrap();
    let mine = held.refresh_token.clone().unwrap();
    let _sync = TokenSync::listen(&config, || {}).unwrap();
    let signed_out = Rc::new(Cell::new(false));
    let (forget, done) = (config.clone(), signed_out.clone());
    let sign_out = Closure::<dyn FnMut()>::new(move || {
        stored::clear(&forget);
        done.set(true);
    });
    while_decrypting(sign_out.as_ref().unchecked_ref());
    post(&config, rotated(&mine, &rotated_from(&held, 1)).await);
    until("the sign-out", || signed_out.get()).await;
    pause(Duration::from_millis(400)).await;
    assert_eq!(stored::load(&config), None, "the sign-out stays");
}

/// S3: a refresh whose answer arrives after a sign-out saves nothing, and the tokens
/// it was given are revoked.
#[wasm_bindgen_test]
async fn s3_a_refresh_finishing_after_a_sign_out_saves_nothing_and_revokes() {
    let config = config(None);
    signed_in(&config).await;
    let held = stored::load(&config).unwrap();
    fault(json!({"pathPrefix": "/oauth/v2/token", "delayMs": 800, "count": 1})).await;
    let issued_before = tokens_issued().len();
    let result: Rc<RefCell<Option<Result<Tokens, SignInError>>>> = Rc::default();
    let slot = result.clone();
    let (refreshing, used) = (config.clone(), held.access_token.clone());
    wasm_bindgen_futures::spawn_local(async move {
        *slot.borrow_mut() = Some(refresh(&refreshing, &used).await);
    });
    pause(Duration::from_millis(300)).await;
    stored::clear(&config);
    until("the refresh's end", || result.borrow().is_some()).await;
    let result = result.borrow_mut().take().unwrap();
    assert_eq!(result.err(), Some(SignInError::NoSession));
    assert_eq!(
        stored::load(&config),
        None,
        "nothing saved after the sign-out"
    );
    let issued = tokens_issued();
    assert_eq!(issued.len(), issued_before + 1, "the refresh was answered");
    let answer: Value = serde_json::from_str(issued.last().unwrap()).unwrap();
    let fresh = answer["refresh_token"].as_str().unwrap();
    assert!(
        !is_live(&config, fresh).await,
        "the refresh token it was given is revoked"
    );
}

/// S3: a sign-out from a tab that missed rotations names the session by its tag: the
/// tab holding newer tokens forgets them, and revokes them, since nobody else will.
#[wasm_bindgen_test]
async fn s3_a_sign_out_naming_older_tokens_ends_this_session_too() {
    let config = config(None);
    signed_in(&config).await;
    let held = stored::load(&config).unwrap();
    let told = Rc::new(Cell::new(false));
    let heard = told.clone();
    let _sync = TokenSync::listen(&config, move || heard.set(true)).unwrap();
    let stale = [
        id_of("an older refresh token").await.unwrap(),
        id_of("an older access token").await.unwrap(),
    ];
    let session = id_of(held.session.as_ref().unwrap().secret())
        .await
        .unwrap();
    // Another session's sign-out changes nothing here.
    let elsewhere = id_of("another session").await.unwrap();
    post(
        &config,
        json!({"kind": "signedOut", "tokens": stale, "session": elsewhere}),
    );
    pause(Duration::from_millis(300)).await;
    assert!(!told.get() && stored::load(&config).is_some());
    let before = revocations_sent();
    post(
        &config,
        json!({"kind": "signedOut", "tokens": stale, "session": session}),
    );
    until("the sign-out heard", || told.get()).await;
    assert_eq!(stored::load(&config), None);
    until("both tokens revoked", || revocations_sent() >= before + 2).await;
    let live = held.refresh_token.unwrap();
    assert!(
        !is_live(&config, live.secret()).await,
        "the tokens nobody else knew are revoked"
    );
}

/// Two rotations in this tab, each the way a refresh makes it (announced, its spent
/// refresh token remembered): the refresh tokens spent, oldest first.
async fn rotate_twice(config: &Config) -> Vec<RefreshToken> {
    let mut spent = Vec::new();
    for _ in 0..2 {
        let held = stored::load(config).unwrap();
        spent.push(held.refresh_token.clone().unwrap());
        refresh(config, &held.access_token).await.unwrap();
    }
    spent
}

/// Asks about `spent`, as a tab that missed its rotation would, and returns whether
/// an answer came within `wait`.
async fn answered(config: &Config, spent: &RefreshToken, wait: Duration) -> bool {
    let id = id_of(spent.secret()).await.unwrap();
    let (listener, heard) = overhear(config);
    post(config, json!({"kind": "ask", "spent": id}));
    pause(wait).await;
    listener.close();
    let heard = heard.borrow();
    heard
        .iter()
        .any(|m| m["kind"] == "rotated" && m["spent"] == json!(id))
}

/// S2: only the refresh token spent last is answered for, at most twice, and only
/// within a short while of the rotation; an older one (leaked, say) pulls nothing.
#[wasm_bindgen_test]
async fn s2_a_spent_refresh_token_pulls_the_session_briefly_and_rarely() {
    let config = config(None);
    signed_in(&config).await;
    let _sync = TokenSync::listen(&config, || {}).unwrap();
    let spent = rotate_twice(&config).await;
    let wait = Duration::from_millis(700);
    assert!(
        !answered(&config, &spent[0], wait).await,
        "two rotations old: no answer"
    );
    assert!(answered(&config, &spent[1], wait).await, "the last one is");
    assert!(answered(&config, &spent[1], wait).await, "twice");
    assert!(!answered(&config, &spent[1], wait).await, "not thrice");
    // The same token, spent longer ago than the window: no answer either.
    let long_ago = js_sys::Date::now() as u64 - stored::ANSWER_WINDOW_MS - 1_000;
    stored::remember_spent(&config, &spent[1], long_ago);
    assert!(!answered(&config, &spent[1], wait).await, "too late");
}
