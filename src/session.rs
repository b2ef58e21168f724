//! A small typed store for what must survive a reload: values live in memory,
//! mirrored to `sessionStorage` (per tab, gone when the tab closes), never in
//! `localStorage`. It knows nothing of tokens or profiles: each module that keeps
//! something declares its own [`Slot`], and a [`Store`] names whose values they are.

use std::cell::RefCell;
use std::marker::PhantomData;

use serde::{de::DeserializeOwned, Serialize};

/// A named place for one value of type `T`.
pub struct Slot<T> {
    name: &'static str,
    kind: PhantomData<fn() -> T>,
}

impl<T> Slot<T> {
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            kind: PhantomData,
        }
    }
}

/// The slots of one owner, e.g. one session of one client at one issuer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    owner: String,
}

thread_local! {
    /// A few entries per form: a list is lighter in the bundle than a hash map.
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

fn forget(memory: &mut Vec<(String, String)>, key: &str) {
    memory.retain(|(k, _)| k != key);
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

impl Store {
    pub fn new(owner: String) -> Self {
        Self { owner }
    }

    fn key<T>(&self, slot: &Slot<T>) -> String {
        format!("zitadel-profile-form:{}:{}", slot.name, self.owner)
    }

    pub fn read<T: DeserializeOwned>(&self, slot: &Slot<T>) -> Option<T> {
        let key = self.key(slot);
        let text = MEMORY
            .with(|m| {
                m.borrow()
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.clone())
            })
            .or_else(|| storage()?.get_item(&key).ok().flatten())?;
        crate::json::from_str(&text).ok()
    }

    pub fn write<T: Serialize>(&self, slot: &Slot<T>, value: &T) {
        let Ok(text) = crate::json::to_string(value) else {
            return;
        };
        let key = self.key(slot);
        if let Some(storage) = storage() {
            // A full or disabled storage only costs the reload; memory still has it.
            let _ = storage.set_item(&key, &text);
        }
        MEMORY.with(|m| {
            let mut memory = m.borrow_mut();
            forget(&mut memory, &key);
            memory.push((key, text));
        });
    }

    pub fn remove<T>(&self, slot: &Slot<T>) {
        let key = self.key(slot);
        MEMORY.with(|m| forget(&mut m.borrow_mut(), &key));
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&key);
        }
    }

    /// The values other owners keep in `slot`, in this tab (another form's, say).
    pub fn others<T: DeserializeOwned>(&self, slot: &Slot<T>) -> Vec<T> {
        let prefix = format!("zitadel-profile-form:{}:", slot.name);
        let mine = self.key(slot);
        let mut texts: Vec<(String, String)> = MEMORY.with(|m| m.borrow().clone());
        if let Some(storage) = storage() {
            for index in 0..storage.length().unwrap_or(0) {
                let Some(key) = storage.key(index).ok().flatten() else {
                    continue;
                };
                if key.starts_with(&prefix) && !texts.iter().any(|(k, _)| *k == key) {
                    if let Some(text) = storage.get_item(&key).ok().flatten() {
                        texts.push((key, text));
                    }
                }
            }
        }
        texts
            .into_iter()
            .filter(|(key, _)| key.starts_with(&prefix) && *key != mine)
            .filter_map(|(_, text)| crate::json::from_str(&text).ok())
            .collect()
    }

    /// Reads and removes: what is taken can be used once only.
    pub fn take<T: DeserializeOwned>(&self, slot: &Slot<T>) -> Option<T> {
        let value = self.read(slot);
        self.remove(slot);
        value
    }
}
