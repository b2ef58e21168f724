//! Keeping tabs from spending the same refresh token twice. ZITADEL rotates refresh
//! tokens: the first use returns a new one and kills the old, so two tabs holding the
//! same token (a tab opened from another copies its `sessionStorage`) must take turns.
//!
//! - A Web Lock per session serialises refreshes across every tab of the origin.
//! - The tab that refreshed broadcasts the new tokens, sealed for holders of the
//!   spent refresh token ([`super::seal`]); a tab holding that same token adopts them.
//! - A tab that missed the broadcast (it was reloading, say) asks before spending:
//!   the tab that spent that token last answers with its current tokens, sealed the
//!   same way, for a short while and a few times only (S2, see [`stored::Spent`]).
//!   A tab alone with its session does not ask: every tab listening for a session
//!   holds a shared Web Lock named for the session and the tab, so a query of the
//!   held locks tells whether another tab could answer.
//! - A tab that signs out tells the tabs sharing its session, named by the session's
//!   own tag whatever rotation each holds; they forget it too, and one that holds
//!   newer tokens than the ones named revokes them (S3).
//! - Tokens are saved over only what they replace: an adoption or a refresh that
//!   finds the session gone or moved on meanwhile saves nothing (S3, S4).
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

use super::revoke::revoke_discovering;
use super::seal::{id_of, open, seal};
use super::stored::{self, Tokens};
use super::types::RefreshToken;
use crate::options::Config;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`; bound here because web-sys keeps it behind an unstable flag.
    type LockManager;

    #[wasm_bindgen(method, js_name = request)]
    fn request_with(
        this: &LockManager,
        name: &str,
        options: &js_sys::Object,
        callback: &Closure<dyn FnMut(JsValue) -> js_sys::Promise>,
    ) -> js_sys::Promise;

    /// A snapshot of the origin's locks: `{ held: [{ name, … }], pending: […] }`.
    #[wasm_bindgen(method)]
    fn query(this: &LockManager) -> js_sys::Promise;
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

/// Why [`with_refresh_lock`] did not run its work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockError {
    /// The lock was not granted in time: another tab holds it (maybe forever).
    TimedOut,
    /// The browser refused the lock.
    Refused,
}

/// Runs `work` while holding this session's refresh lock, in every tab of the origin.
/// Where the browser has no Web Locks, it runs unlocked. Waits for the lock at most
/// twice the timeout (the holder's own requests are bounded by one), so a tab that
/// never lets go cannot hang this one (N1); then `work` does not run.
pub async fn with_refresh_lock<T: 'static>(
    config: &Config,
    work: impl Future<Output = T> + 'static,
) -> Result<T, LockError> {
    let Some(locks) = lock_manager() else {
        return Ok(work.await);
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
    let options = js_sys::Object::new();
    let signal = web_sys::AbortSignal::timeout_with_u32(config.timeout_ms.saturating_mul(2));
    let _ = js_sys::Reflect::set(&options, &"signal".into(), &signal);
    let granted = JsFuture::from(locks.request_with(&name(config), &options, &callback)).await;
    drop(callback);
    let value = result.borrow_mut().take();
    match (granted, value) {
        (Ok(_), Some(value)) => Ok(value),
        _ if signal.aborted() => Err(LockError::TimedOut),
        _ => Err(LockError::Refused),
    }
}

/// What tabs tell each other. No message carries a token readably: tokens are named
/// by [`id_of`] and sealed under a key derived from the spent refresh token, which
/// only tabs of that session hold.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Message {
    /// The refresh token named `spent` was exchanged; `sealed` holds the session's
    /// tokens now, sealed for holders of that refresh token.
    Rotated {
        spent: String,
        iv: String,
        sealed: String,
    },
    /// Does any tab know what the refresh token named `spent` was exchanged for?
    Ask { spent: String },
    /// The session named `session` (the [`id_of`] its tag), holding these tokens
    /// (named), signed out.
    SignedOut {
        tokens: Vec<String>,
        #[serde(default)]
        session: Option<String>,
    },
}

impl Message {
    /// A message as another page of the origin posted it: `None` for anything that
    /// is not one of the three kinds, well formed.
    pub fn read(text: &str) -> Option<Message> {
        crate::json::from_str(text).ok()
    }
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
    stored::remember_spent(config, spent, crate::page::now_ms());
    if let Some(message) = rotated(spent, tokens).await {
        post(config, &message);
    }
}

/// Tells the tabs that share `held` that the session ended.
pub async fn announce_signed_out(config: &Config, held: &Tokens) {
    let tokens = ids_of(held).await;
    let session = session_id(held).await;
    post(config, &Message::SignedOut { tokens, session });
}

/// The public name of `held`'s session, if it has a tag.
async fn session_id(held: &Tokens) -> Option<String> {
    id_of(held.session.as_ref()?.secret()).await.ok()
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

thread_local! {
    /// This tab's part of the presence locks' names, drawn once per page.
    static TAB: String = format!("{}", (js_sys::Math::random() * 1e15) as u64);
}

/// The start of the presence locks' names of `config`'s session; each tab that
/// listens adds its own part.
fn presence(config: &Config) -> String {
    format!("zitadel-profile-form:tab:{}:", config.session_name())
}

/// Whether another tab listens for `config`'s session (holds its presence lock). Where
/// the locks cannot be queried, another tab may be there.
async fn others_listen(config: &Config) -> bool {
    let Some(locks) = lock_manager() else {
        return true;
    };
    let Ok(snapshot) = JsFuture::from(locks.query()).await else {
        return true;
    };
    let prefix = presence(config);
    let mine = TAB.with(|tab| format!("{prefix}{tab}"));
    let held = js_sys::Reflect::get(&snapshot, &"held".into()).unwrap_or_default();
    js_sys::Array::from(&held).iter().any(|lock| {
        let name = js_sys::Reflect::get(&lock, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        name.is_some_and(|n| n.starts_with(&prefix) && n != mine)
    })
}

/// Holds this tab's presence lock for `config`'s session until dropped (shared, so
/// several forms of one tab may hold it together).
struct Presence {
    /// Resolving it releases the lock; `None` until the lock is granted, and after.
    release: Rc<RefCell<Option<js_sys::Function>>>,
    /// Set when dropped before the lock was granted: then it is let go at once.
    gone: Rc<std::cell::Cell<bool>>,
    _callback: Closure<dyn FnMut(JsValue) -> js_sys::Promise>,
}

impl Presence {
    fn hold(config: &Config) -> Option<Self> {
        let locks = lock_manager()?;
        let release: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
        let gone: Rc<std::cell::Cell<bool>> = Rc::default();
        let (slot, dropped) = (release.clone(), gone.clone());
        let callback = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |_| {
            if dropped.get() {
                return js_sys::Promise::resolve(&JsValue::UNDEFINED);
            }
            let slot = slot.clone();
            js_sys::Promise::new(&mut |resolve, _| *slot.borrow_mut() = Some(resolve))
        });
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"mode".into(), &"shared".into());
        let name = TAB.with(|tab| format!("{}{tab}", presence(config)));
        let _ = locks.request_with(&name, &options, &callback);
        Some(Self {
            release,
            gone,
            _callback: callback,
        })
    }
}

impl Drop for Presence {
    fn drop(&mut self) {
        self.gone.set(true);
        if let Some(release) = self.release.borrow_mut().take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

/// Asks the other tabs whether `spent` was already exchanged, and waits until this
/// tab's [`TokenSync`] adopts the answer, or [`ANSWER_WAIT_MS`] pass. The session's
/// tokens if an answer came. A tab alone with its session asks nobody and waits for
/// nothing.
pub async fn ask_others(config: &Config, spent: &RefreshToken) -> Option<Tokens> {
    if !others_listen(config).await {
        return None;
    }
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

/// Adopts the tokens of a rotation, when this tab holds the refresh token it spent,
/// and still does once they are opened: see [`Tokens::may_adopt`].
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
    let Ok(fresh) = std::str::from_utf8(&plain).ok().map_or(Err(()), |text| {
        crate::json::from_str::<Tokens>(text).map_err(drop)
    }) else {
        return;
    };
    // Read again: a sign-out or another adoption may have happened while opening.
    if stored::load(config).is_some_and(|now| now.may_adopt(&mine, &fresh)) {
        stored::save(config, &fresh);
        wake(&mine);
    }
}

/// Answers a tab that asks about the refresh token this tab spent last, while it
/// may (S2: see [`stored::Spent`]).
async fn answer(config: &Config, asked: &str) {
    let Some(current) = stored::load(config) else {
        return;
    };
    let Some(last) = stored::last_spent(config) else {
        return;
    };
    if id_of(last.secret()).await.ok().as_deref() != Some(asked) {
        return;
    }
    if stored::answer_for(config, crate::page::now_ms()).as_ref() != Some(&last) {
        return;
    }
    if let Some(message) = rotated(&last, &current).await {
        post(config, &message);
    }
}

/// Whether a sign-out naming `ids` and `session` is this tab's session's: the same
/// session tag, whatever rotation each tab holds, or (tokens kept before tags) one
/// of the same tokens.
async fn is_this_session(held: &Tokens, ids: &[String], session: Option<&str>) -> bool {
    if session.is_some() && session_id(held).await.as_deref() == session {
        return true;
    }
    ids_of(held).await.iter().any(|id| ids.contains(id))
}

/// Another tab signed out of the session this tab holds: forget it, and revoke what
/// this tab holds if it is newer than what that tab named (it missed a rotation).
async fn signed_out_elsewhere(
    config: &Config,
    ids: &[String],
    session: Option<&str>,
    signed_out: &dyn Fn(),
) {
    let Some(held) = stored::load(config) else {
        return;
    };
    if !is_this_session(&held, ids, session).await {
        return;
    }
    stored::clear(config);
    signed_out();
    let named = ids_of(&held).await.iter().all(|id| ids.contains(id));
    if !named {
        revoke_discovering(config, &held).await;
    }
}

/// Listens for other tabs' refreshes and sign-outs while it lives: adopts their
/// tokens when this tab holds the refresh token they spent, and forgets the session
/// when a tab sharing it signed out. Dropping it stops listening.
pub struct TokenSync {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _presence: Option<Presence>,
}

impl TokenSync {
    /// Listens for `config`'s session; `signed_out` runs when another tab ended it.
    pub fn listen(config: &Config, signed_out: impl Fn() + 'static) -> Option<Self> {
        let channel = web_sys::BroadcastChannel::new(&name(config)).ok()?;
        let presence = Presence::hold(config);
        let config = config.clone();
        let signed_out = Rc::new(signed_out);
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    return;
                };
                let Some(message) = Message::read(&text) else {
                    return;
                };
                let (config, signed_out) = (config.clone(), signed_out.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match message {
                        Message::Rotated { spent, iv, sealed } => {
                            adopt(&config, &spent, &iv, &sealed).await
                        }
                        Message::Ask { spent } => answer(&config, &spent).await,
                        Message::SignedOut {
                            tokens: ids,
                            session,
                        } => {
                            signed_out_elsewhere(&config, &ids, session.as_deref(), &*signed_out)
                                .await
                        }
                    }
                });
            },
        );
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Self {
            _presence: presence,
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
