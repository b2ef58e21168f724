//! While a form is on the page, its edits are never lost without asking:
//! - every edit is kept in the session store for the signed-in person, a moment after
//!   the typing pauses and at once when the page is hidden or left, so a reload, a
//!   crashed tab or a sign-in round trip brings it back; a clean form keeps nothing;
//! - the host hears when the form turns dirty or clean (`profile-dirty-change`, and
//!   the `dirty` signal behind the element's property and `mount()`'s handle);
//! - leaving the page with unsaved edits raises the browser's own leave-page prompt;
//! - when the tab is shown again with unsaved edits, the profile is compared with the
//!   server's, so a change made elsewhere meanwhile shows before the person goes on.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::state::FormState;
use super::task::Task;
use crate::form::FormModel;
use crate::profile::{discard_kept_draft, keep_draft};

/// How long typing must pause before the draft is written.
const KEEP_AFTER_MS: i32 = 300;

/// Keeps the draft, tells the host, and guards the page, until the form unmounts;
/// runs `recheck` when the tab is shown again.
pub fn watch_edits(state: FormState, recheck: Task<()>) {
    let watch = Watch::start(state, recheck);
    let schedule = watch.scheduler();
    Effect::new(move |was: Option<bool>| {
        let dirty = state.model.with(FormModel::is_dirty);
        state.account.track();
        schedule();
        if was.unwrap_or(false) != dirty {
            state.dirty.set(dirty);
            state.apply(crate::screen::dirty_changed(dirty));
        }
        dirty
    });
    // The last edit is kept even when the form goes within the pause.
    on_cleanup(move || keep_now(state));
    StoredValue::new_local(watch);
}

/// The page's listeners and the pending write; removed and cleared when dropped.
struct Watch {
    window: web_sys::Window,
    keep: Closure<dyn FnMut()>,
    guard: Closure<dyn FnMut(web_sys::Event)>,
    shown: Closure<dyn FnMut()>,
    timer: Rc<Cell<Option<i32>>>,
}

impl Watch {
    fn start(state: FormState, recheck: Task<()>) -> Self {
        let guard = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            if state.dirty.try_get_untracked() == Some(true) {
                event.prevent_default();
                // Older browsers ask only when `returnValue` is set.
                let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"".into());
            }
        });
        let watch = Self {
            window: crate::page::window(),
            keep: Closure::new(move || keep_now(state)),
            guard,
            shown: Closure::new(move || {
                let visible = crate::page::window()
                    .document()
                    .is_some_and(|d| !d.hidden());
                if visible {
                    recheck.start(());
                }
            }),
            timer: Rc::default(),
        };
        for (name, listener) in watch.listeners() {
            let _ = watch
                .window
                .add_event_listener_with_callback(name, listener.unchecked_ref());
        }
        watch
    }

    fn listeners(&self) -> [(&'static str, &wasm_bindgen::JsValue); 3] {
        [
            ("beforeunload", self.guard.as_ref()),
            ("pagehide", self.keep.as_ref()),
            // Fired at the document; it bubbles to the window.
            ("visibilitychange", self.shown.as_ref()),
        ]
    }

    /// Writes the draft once typing pauses: each call moves the write later.
    fn scheduler(&self) -> impl Fn() + 'static {
        let (window, keep) = (self.window.clone(), self.keep.as_ref().clone());
        let timer = self.timer.clone();
        move || {
            if let Some(id) = timer.take() {
                window.clear_timeout_with_handle(id);
            }
            let id = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    keep.unchecked_ref(),
                    KEEP_AFTER_MS,
                )
                .ok();
            timer.set(id);
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Some(id) = self.timer.take() {
            self.window.clear_timeout_with_handle(id);
        }
        for (name, listener) in self.listeners() {
            let _ = self
                .window
                .remove_event_listener_with_callback(name, listener.unchecked_ref());
        }
    }
}

/// Writes the draft of the signed-in person now if it holds edits, or forgets the
/// kept one if it does not. Nothing without a signed-in person: a draft kept when a
/// session ended stays for the next sign-in.
fn keep_now(state: FormState) {
    let (Some(user_id), Some(config)) = (state.user_id(), state.config.try_get_value()) else {
        return;
    };
    match state
        .model
        .try_with_untracked(|m| m.is_dirty().then(|| m.to_kept(&user_id)))
    {
        Some(Some(kept)) => keep_draft(&config, &kept),
        Some(None) => discard_kept_draft(&config),
        None => {}
    }
}
