//! Where the widget keeps what must survive a reload: tokens, and a draft waiting for
//! a new sign-in. Both live in memory, mirrored to `sessionStorage` (per tab, gone when
//! the tab closes), and never in `localStorage`.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::oidc::flow::PendingSignIn;
use crate::options::Config;
use crate::profile::Draft;

/// Tokens from the token endpoint.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tokens {
    pub access_token: String,
    /// When the access token expires, in milliseconds since the epoch.
    pub expires_at_ms: u64,
    #[serde(default)]
    pub refresh_token: Option<String>,
    #[serde(default)]
    pub id_token: Option<String>,
}

/// Tokens never show up in logs, not even in debug output.
impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("access_token", &"<redacted>")
            .field("expires_at_ms", &self.expires_at_ms)
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "<redacted>"),
            )
            .field("id_token", &self.id_token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// One session per issuer and client, so two widgets for different apps do not mix.
fn key(config: &Config, what: &str) -> String {
    format!(
        "zitadel-profile-form:{what}:{}@{}",
        config.client_id, config.issuer
    )
}

thread_local! {
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = MEMORY
        .with(|m| m.borrow().get(key).cloned())
        .or_else(|| storage()?.get_item(key).ok().flatten())?;
    serde_json::from_str(&text).ok()
}

fn write<T: Serialize>(key: &str, value: &T) {
    let Ok(text) = serde_json::to_string(value) else {
        return;
    };
    if let Some(storage) = storage() {
        // A full or disabled storage only costs the reload; memory still has it.
        let _ = storage.set_item(key, &text);
    }
    MEMORY.with(|m| m.borrow_mut().insert(key.to_owned(), text));
}

fn remove(key: &str) {
    MEMORY.with(|m| m.borrow_mut().remove(key));
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

pub fn tokens(config: &Config) -> Option<Tokens> {
    read(&key(config, "tokens"))
}

pub fn save_tokens(config: &Config, tokens: &Tokens) {
    write(&key(config, "tokens"), tokens);
}

pub fn clear_tokens(config: &Config) {
    remove(&key(config, "tokens"));
    remove(&key(config, "spent"));
}

/// How many spent refresh tokens a tab remembers, to answer tabs that missed a rotation.
const SPENT_KEPT: usize = 4;

/// Notes that this tab exchanged `refresh_token`, which is dead from now on.
pub(crate) fn remember_spent(config: &Config, refresh_token: &str) {
    let key = key(config, "spent");
    let mut spent: Vec<String> = read(&key).unwrap_or_default();
    spent.push(refresh_token.to_owned());
    let excess = spent.len().saturating_sub(SPENT_KEPT);
    spent.drain(..excess);
    write(&key, &spent);
}

/// Whether this tab exchanged `refresh_token` itself.
pub(crate) fn has_spent(config: &Config, refresh_token: &str) -> bool {
    read::<Vec<String>>(&key(config, "spent")).is_some_and(|s| s.iter().any(|t| t == refresh_token))
}

/// Reads and removes: what is taken can be used once only.
fn take<T: DeserializeOwned>(key: &str) -> Option<T> {
    let value = read(key);
    remove(key);
    value
}

/// Keeps `draft` until the person is back from signing in again.
pub fn save_draft(config: &Config, draft: &Draft) {
    write(&key(config, "draft"), draft);
}

/// The kept draft, removed from storage as it is handed out.
pub fn take_draft(config: &Config) -> Option<Draft> {
    take(&key(config, "draft"))
}

pub(crate) fn save_pending(config: &Config, pending: &PendingSignIn) {
    write(&key(config, "pending"), pending);
}

/// The sign-in waiting for its callback, if any; gone once taken.
pub(crate) fn take_pending(config: &Config) -> Option<PendingSignIn> {
    take(&key(config, "pending"))
}
