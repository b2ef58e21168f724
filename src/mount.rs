//! Putting a form on the page: [`mount_options`] for Rust, [`mount`] for JavaScript
//! (whose handle keeps the form until `unmount()`), and the registry that keeps the
//! forms `mount()` and the custom element made.

use std::cell::RefCell;

use leptos::either::Either;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{OptionsErrorView, ProfileForm};
use crate::i18n::{Key, Message};
use crate::options::{Config, Options, OptionsError};
use crate::page::{next_id, page_url};

thread_local! {
    /// The forms `mount()` and the custom element keep, by id.
    static HELD: RefCell<Vec<(u32, Mounted)>> = const { RefCell::new(Vec::new()) };
}

/// Renders the form for `options`, or a readable error in its place, into `parent`.
/// Keep the returned value alive: dropping it unmounts the view.
pub fn mount_options(
    parent: web_sys::HtmlElement,
    options: Result<Config, OptionsError>,
) -> Mounted {
    let dirty = ArcRwSignal::new(false);
    let held = dirty.clone();
    // Styled from its first frame, whichever view shows.
    crate::bundle::adopt_styles(&parent);
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
