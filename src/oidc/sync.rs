//! Keeping tabs from spending the same refresh token twice. ZITADEL rotates refresh
//! tokens: the first use returns a new one and kills the old, so two tabs holding the
//! same token (a tab opened from another copies its `sessionStorage`) must take turns.
//!
//! - A Web Lock per session serialises refreshes across every tab of the origin.
//! - The tab that refreshed broadcasts the new tokens, sealed for holders of the
//!   spent refresh token ([`super::seal`]); a tab holding that same token adopts them.
//! - A tab that missed the broadcast (it was reloading, say) asks before spending:
//!   a tab that spent that token answers with its current tokens, sealed the same way.
//! - A tab that signs out tells the tabs sharing its session, which forget it too.
//!
//! Other pages of the origin can listen on the channel, but learn no token from it.
//! Nothing goes to `localStorage`.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::seal::{id_of, open, seal};
use super::stored::{self, Tokens};
use super::types::RefreshToken;
use crate::options::Config;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`; bound here because web-sys keeps it behind an unstable flag.
    type LockManager;

    #[wasm_bindgen(method, js_name = request)]
    fn request(
        this: &LockManager,
        name: &str,
        callback: &Closure<dyn FnMut(JsValue) -> js_sys::Promise>,
    ) -> js_sys::Promise;
}

fn lock_manager() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// The lock and channel name of one session.
fn name(config: &Config) -> String {
    format!("zitadel-profile-form:refresh:{}", config.session_name())
}

/// Runs `work` while holding this session's refresh lock, in every tab of the origin.
/// Where the browser has no Web Locks, it runs unlocked. `None` when the browser
/// refused the lock, in which case `work` did not run.
pub async fn with_refresh_lock<T: 'static>(
    config: &Config,
    work: impl Future<Output = T> + 'static,
) -> Option<T> {
    let Some(locks) = lock_manager() else {
        return Some(work.await);
    };
    let result: Rc<RefCell<Option<T>>> = Rc::new(RefCell::new(None));
    let slot = result.clone();
    let mut work = Some(work);
    // The lock is held until the promise the callback returns settles.
    let callback = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |_lock: JsValue| {
        let slot = slot.clone();
        let work = work.take();
        wasm_bindgen_futures::future_to_promise(async move {
            if let Some(work) = work {
                *slot.borrow_mut() = Some(work.await);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let granted = JsFuture::from(locks.request(&name(config), &callback)).await;
    drop(callback);
    let value = result.borrow_mut().take();
    granted.ok().and(value)
}

/// What tabs tell each other. No message carries a token readably: tokens are named
/// by [`id_of`] and sealed under a key derived from the spent refresh token, which
/// only tabs of that session hold.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Message {
    /// The refresh token named `spent` was exchanged; `sealed` holds the session's
    /// tokens now, sealed for holders of that refresh token.
    Rotated {
        spent: String,
        iv: String,
        sealed: String,
    },
    /// Does any tab know what the refresh token named `spent` was exchanged for?
    Ask { spent: String },
    /// The session holding these tokens (named) signed out.
    SignedOut { tokens: Vec<String> },
}

fn post(config: &Config, message: &Message) {
    let Ok(channel) = web_sys::BroadcastChannel::new(&name(config)) else {
        return;
    };
    if let Ok(text) = crate::json::to_string(message) {
        let _ = channel.post_message(&text.into());
    }
    channel.close();
}

/// `tokens`, sealed for the holders of `spent`.
async fn rotated(spent: &RefreshToken, tokens: &Tokens) -> Option<Message> {
    let plain = crate::json::to_string(tokens).ok()?.into_bytes();
    let (iv, sealed) = seal(spent.secret(), &plain).await.ok()?;
    Some(Message::Rotated {
        spent: id_of(spent.secret()).await.ok()?,
        iv,
        sealed,
    })
}

/// Tells the other tabs that `spent` was exchanged for `tokens`.
pub async fn announce(config: &Config, spent: &RefreshToken, tokens: &Tokens) {
    stored::remember_spent(config, spent);
    if let Some(message) = rotated(spent, tokens).await {
        post(config, &message);
    }
}

/// Tells the tabs that share `held` that the session ended.
pub async fn announce_signed_out(config: &Config, held: &Tokens) {
    let tokens = ids_of(held).await;
    post(config, &Message::SignedOut { tokens });
}

/// The public names of the tokens in `held`.
async fn ids_of(held: &Tokens) -> Vec<String> {
    let mut ids = Vec::new();
    for (secret, _) in held.secrets() {
        if let Ok(id) = id_of(secret).await {
            ids.push(id);
        }
    }
    ids
}

/// How long a tab waits for another to say what a refresh token was exchanged for.
const ANSWER_WAIT_MS: i32 = 300;

thread_local! {
    /// Refreshes waiting for an answer: the spent token, and what wakes the wait.
    static WAITING: RefCell<Vec<(RefreshToken, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
}

/// Wakes the refreshes waiting to learn what `spent` was exchanged for.
fn wake(spent: &RefreshToken) {
    let woken: Vec<js_sys::Function> = WAITING.with(|w| {
        let mut waiting = w.borrow_mut();
        let (woken, rest) = waiting.drain(..).partition(|(s, _)| s == spent);
        *waiting = rest;
        woken.into_iter().map(|(_, wake)| wake).collect()
    });
    for wake in woken {
        let _ = wake.call0(&JsValue::NULL);
    }
}

/// Asks the other tabs whether `spent` was already exchanged, and waits until this
/// tab's [`TokenSync`] adopts the answer, or [`ANSWER_WAIT_MS`] pass. The session's
/// tokens if an answer came.
pub async fn ask_others(config: &Config, spent: &RefreshToken) -> Option<Tokens> {
    let id = id_of(spent.secret()).await.ok()?;
    let answered = js_sys::Promise::new(&mut |resolve, _| {
        WAITING.with(|w| w.borrow_mut().push((spent.clone(), resolve.clone())));
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ANSWER_WAIT_MS);
        }
    });
    post(config, &Message::Ask { spent: id });
    let _ = JsFuture::from(answered).await;
    WAITING.with(|w| w.borrow_mut().retain(|(s, _)| s != spent));
    let now = stored::load(config)?;
    (now.refresh_token.as_ref() != Some(spent)).then_some(now)
}

/// Adopts the tokens of a rotation, when this tab holds the refresh token it spent.
async fn adopt(config: &Config, spent: &str, iv: &str, sealed: &str) {
    let Some(mine) = stored::load(config).and_then(|t| t.refresh_token) else {
        return;
    };
    if id_of(mine.secret()).await.ok().as_deref() != Some(spent) {
        return;
    }
    let Some(plain) = open(mine.secret(), iv, sealed).await else {
        return;
    };
    if let Ok(fresh) = std::str::from_utf8(&plain).ok().map_or(Err(()), |text| {
        crate::json::from_str::<Tokens>(text).map_err(drop)
    }) {
        stored::save(config, &fresh);
        wake(&mine);
    }
}

/// Answers a tab that asks about a refresh token this tab spent.
async fn answer(config: &Config, spent: &str) {
    for mine in stored::spent(config) {
        if id_of(mine.secret()).await.ok().as_deref() == Some(spent) {
            if let Some(current) = stored::load(config) {
                if let Some(message) = rotated(&mine, &current).await {
                    post(config, &message);
                }
            }
            return;
        }
    }
}

/// Whether this tab holds a token named in `ids`.
async fn holds_any(config: &Config, ids: &[String]) -> bool {
    let Some(held) = stored::load(config) else {
        return false;
    };
    ids_of(&held).await.iter().any(|id| ids.contains(id))
}

/// Listens for other tabs' refreshes and sign-outs while it lives: adopts their
/// tokens when this tab holds the refresh token they spent, and forgets the session
/// when a tab sharing it signed out. Dropping it stops listening.
pub struct TokenSync {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl TokenSync {
    /// Listens for `config`'s session; `signed_out` runs when another tab ended it.
    pub fn listen(config: &Config, signed_out: impl Fn() + 'static) -> Option<Self> {
        let channel = web_sys::BroadcastChannel::new(&name(config)).ok()?;
        let config = config.clone();
        let signed_out = Rc::new(signed_out);
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    return;
                };
                let Ok(message) = crate::json::from_str::<Message>(&text) else {
                    return;
                };
                let (config, signed_out) = (config.clone(), signed_out.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match message {
                        Message::Rotated { spent, iv, sealed } => {
                            adopt(&config, &spent, &iv, &sealed).await
                        }
                        Message::Ask { spent } => answer(&config, &spent).await,
                        Message::SignedOut { tokens: ids } => {
                            if holds_any(&config, &ids).await {
                                stored::clear(&config);
                                signed_out();
                            }
                        }
                    }
                });
            },
        );
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            _on_message: on_message,
        })
    }
}

impl Drop for TokenSync {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
