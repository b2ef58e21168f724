//! A self-service profile editor for ZITADEL.
//!
//! Three ways in, one component underneath:
//! - [`ProfileForm`] for Leptos apps,
//! - [`mount`] for plain JavaScript (`mount(element, options)` returns a handle with `unmount()`),
//! - the `<zitadel-profile-form>` custom element ([`element`]),
//! - the standalone page (`index.html` + `config.json`, see `main.rs`).
//!
//! Modules point one way. Pure ones decide: [`validate`], [`profile`], [`form`],
//! [`screen`], [`options`], [`oidc::protocol`], [`problem`], [`host_events`],
//! [`i18n`]. Below them, [`http`] sends and [`session`] keeps. [`oidc`] and [`api`] talk
//! to ZITADEL through `http` and know nothing of each other; [`authorized`] sits above
//! both. The components only read signals, call those modules and render.

pub mod api;
pub mod authorized;
pub mod bundle;
pub mod components;
pub mod conflict;
pub mod crash;
pub mod element;
pub mod form;
pub mod host_events;
pub mod http;
pub mod i18n;
pub mod json;
pub mod languages;
pub mod oidc;
pub mod options;
pub mod problem;
pub mod profile;
pub mod screen;
pub mod session;
pub mod url;
pub mod validate;

use std::cell::Cell;

use leptos::either::Either;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use components::{OptionsErrorView, ProfileForm};
pub use element::define_element;
pub use i18n::{Key, Message};
pub use options::{Config, Options, OptionsError};

/// Renders the form for `options`, or a readable error in its place, into `parent`.
/// Keep the returned value alive: dropping it unmounts the view.
pub fn mount_options(
    parent: web_sys::HtmlElement,
    options: Result<Config, OptionsError>,
) -> Mounted {
    let dirty = ArcRwSignal::new(false);
    let held = dirty.clone();
    // Styled from its first frame, whichever view shows.
    bundle::adopt_styles(&parent);
    let view = mount_to(parent, move || match options {
        Ok(config) => {
            let dirty = RwSignal::from(held);
            Either::Left(view! { <ProfileForm config dirty/> })
        }
        Err(error) => Either::Right(view! { <OptionsErrorView error/> }),
    });
    Mounted {
        _view: Box::new(view),
        dirty,
    }
}

/// A mounted view; dropping it removes the view from the page.
pub struct Mounted {
    /// Boxed, so the view's type need not be named.
    _view: Box<dyn std::any::Any>,
    dirty: ArcRwSignal<bool>,
}

impl Mounted {
    /// Whether the form holds edits that are not saved.
    pub fn dirty(&self) -> bool {
        self.dirty.get_untracked()
    }
}

/// What JavaScript gets back from [`mount`]. The form stays until `unmount()` is
/// called, whatever becomes of the handle: a host that drops it (or lets the garbage
/// collector take it) keeps its form.
#[wasm_bindgen]
pub struct MountHandle {
    id: u32,
    /// The form's dirty state; `false` for good once unmounted.
    dirty: ArcRwSignal<bool>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the form from the page. Calling it twice does nothing the second time.
    pub fn unmount(&mut self) {
        drop(release(self.id));
        self.dirty.set(false);
    }

    /// Whether the form holds edits that are not saved; a single-page host can guard
    /// its own routes with it. `false` once unmounted.
    #[wasm_bindgen(getter)]
    pub fn dirty(&self) -> bool {
        self.dirty.get_untracked()
    }
}

/// Keeps `mounted` on the page until [`release`] is called with the returned id.
pub(crate) fn hold(mounted: Mounted) -> u32 {
    let id = next_id();
    HELD.with(|held| held.borrow_mut().push((id, mounted)));
    id
}

/// Takes the form held under `id` off the page's keeping; dropping it unmounts it.
pub(crate) fn release(id: u32) -> Option<Mounted> {
    HELD.with(|held| {
        let mut held = held.borrow_mut();
        let at = held.iter().position(|(i, _)| *i == id)?;
        Some(held.remove(at).1)
    })
}

/// Mounts the profile form into `element`, configured by `options` (`{ issuer,
/// clientId, redirectUri?, scope?, apiBaseUrl?, postLogoutRedirectUri?, locale?,
/// timeoutMs? }`).
///
/// Options that are missing or malformed render a readable error inside `element`
/// instead of the form; only a missing element throws, since there is nowhere to show it.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<MountHandle, JsError> {
    let parent: web_sys::HtmlElement = element
        .dyn_into()
        .map_err(|_| JsError::new("mount(element, options): element must be an HTML element"))?;
    let config = options_from_js(&options).and_then(|o| o.resolve(&page_url()));
    let mounted = mount_options(parent, config);
    let dirty = mounted.dirty.clone();
    Ok(MountHandle {
        id: hold(mounted),
        dirty,
    })
}

/// Reads options from any JS value through JSON, which keeps serde-wasm-bindgen out of the bundle.
fn options_from_js(value: &JsValue) -> Result<Options, OptionsError> {
    if value.is_undefined() || value.is_null() {
        return Err(OptionsError::unreadable(Message::new(Key::NoOptions)));
    }
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| OptionsError::unreadable(Message::new(Key::OptionsNotAnObject)))?;
    Options::from_json(&text)
}

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
    /// The forms `mount()` and the custom element keep, by id.
    static HELD: std::cell::RefCell<Vec<(u32, Mounted)>> = const { std::cell::RefCell::new(Vec::new()) };
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
