//! A self-service profile editor for ZITADEL.
//!
//! Three ways in, one component underneath:
//! - [`ProfileForm`] for Leptos apps,
//! - [`mount`] for plain JavaScript (`mount(element, options)` returns a handle with `unmount()`),
//! - the standalone page (`index.html` + `config.json`, see `main.rs`).
//!
//! Everything that decides something lives in plain modules with host unit tests;
//! the components only read signals, call those modules and render.

pub mod api;
pub mod components;
pub mod element;
pub mod form;
pub mod languages;
pub mod oidc;
pub mod options;
pub mod profile;
pub mod session;
pub mod validate;

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use components::{OptionsErrorView, ProfileForm};
pub use element::define_element;
pub use options::{Config, Options, OptionsError};

/// Renders the form for `options`, or a readable error in its place, into `parent`.
/// Keep the returned value alive: dropping it unmounts the view.
pub fn mount_options(
    parent: web_sys::HtmlElement,
    options: Result<Config, OptionsError>,
) -> Mounted {
    let handle: Box<dyn Any> = match options {
        Ok(config) => Box::new(leptos::mount::mount_to(parent, move || {
            view! { <ProfileForm config=config/> }
        })),
        Err(error) => Box::new(leptos::mount::mount_to(parent, move || {
            view! { <OptionsErrorView error=error/> }
        })),
    };
    Mounted(handle)
}

/// A mounted view; dropping it removes the view from the page.
pub struct Mounted(#[allow(dead_code)] Box<dyn Any>);

/// What JavaScript gets back from [`mount`].
#[wasm_bindgen]
pub struct MountHandle {
    mounted: Option<Mounted>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the form from the page. Calling it twice does nothing the second time.
    pub fn unmount(&mut self) {
        self.mounted.take();
    }
}

/// Mounts the profile form into `element`, configured by `options`
/// (`{ issuer, clientId, redirectUri?, scope?, apiBaseUrl?, postLogoutRedirectUri?, locale? }`).
///
/// Options that are missing or malformed render a readable error inside `element`
/// instead of the form; only a missing element throws, since there is nowhere to show it.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<MountHandle, JsError> {
    let parent: web_sys::HtmlElement = element
        .dyn_into()
        .map_err(|_| JsError::new("mount(element, options): element must be an HTML element"))?;
    let config = options_from_js(&options).and_then(|o| o.resolve(&page_url()));
    Ok(MountHandle {
        mounted: Some(mount_options(parent, config)),
    })
}

/// Reads options from any JS value through JSON, which keeps serde-wasm-bindgen out of the bundle.
fn options_from_js(value: &JsValue) -> Result<Options, OptionsError> {
    if value.is_undefined() || value.is_null() {
        return Err(OptionsError::Malformed(
            "no options were given; pass an object with at least issuer and clientId".into(),
        ));
    }
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| OptionsError::Malformed("the options are not a plain object".into()))?;
    Options::from_json(&text)
}

/// The URL of the page the widget runs in.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

thread_local! {
    static LIVE_FORMS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many forms are mounted on this page now; a removed form must not linger.
pub fn live_forms() -> usize {
    LIVE_FORMS.with(std::cell::Cell::get)
}

pub(crate) fn form_mounted() {
    LIVE_FORMS.with(|n| n.set(n.get() + 1));
}

pub(crate) fn form_unmounted() {
    LIVE_FORMS.with(|n| n.set(n.get().saturating_sub(1)));
}
