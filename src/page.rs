//! What belongs to the page rather than to one form: the browser window and its
//! address, the clock, ids unique on the page, how many forms are mounted, and the
//! User Timing mark a form sets when it becomes editable.

use std::cell::Cell;

use leptos::prelude::on_cleanup;
use wasm_bindgen::UnwrapThrowExt;

/// The URL of the page the widget runs in.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Milliseconds since the epoch, by the browser's clock.
pub(crate) fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The name of the `performance.mark` set each time a form becomes editable with the
/// signed-in person's profile in it.
pub const EDITABLE_MARK: &str = "zitadel-profile-form:editable";

/// The browser window; the widget only ever runs in one. (Elsewhere, a JS exception
/// rather than a Rust panic: no panic machinery or source location in the bundle.)
pub(crate) fn window() -> web_sys::Window {
    web_sys::window().expect_throw("the widget runs in a window")
}

thread_local! {
    static LIVE_FORMS: Cell<usize> = const { Cell::new(0) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// How many forms are mounted on this page now; a removed form must not linger.
pub fn live_forms() -> usize {
    LIVE_FORMS.with(Cell::get)
}

/// Counts a form while it is mounted.
pub(crate) fn count_live_form() {
    LIVE_FORMS.with(|n| n.set(n.get() + 1));
    on_cleanup(|| LIVE_FORMS.with(|n| n.set(n.get().saturating_sub(1))));
}

/// A number not handed out before on this page: keeps ids unique when several forms
/// share a page.
pub(crate) fn next_id() -> u32 {
    NEXT_ID.with(|n| n.replace(n.get() + 1))
}
