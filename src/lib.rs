//! A self-service profile editor for ZITADEL.
//!
//! Three ways in, one component underneath:
//! - [`ProfileForm`] for Leptos apps,
//! - [`mount`] for plain JavaScript (`mount(element, options)` returns a handle with `unmount()`),
//! - the `<zitadel-profile-form>` custom element ([`element`]),
//! - the standalone page (`index.html` + `config.json`, see `main.rs`).
//!
//! Modules point one way; no two files import each other, directly or around a
//! circle (`scripts/check-structure` holds that). Pure ones decide: [`profile`]
//! (the fields and values), [`validate`], [`form`], [`conflict`], [`screen`] (what
//! each flow's end shows), [`options`], [`oidc::protocol`], [`problem`],
//! [`host_events`], [`i18n`]. Below them, [`http`] sends, [`json`] reads and writes,
//! [`session`] keeps and [`page`] knows the page. [`oidc`] and [`api`] talk to ZITADEL
//! through `http` and know nothing of each other; [`authorized`] sits above both. The
//! components read signals, start the flows and apply each [`screen::Outcome`] in one
//! place; [`mount`] and [`element`] put them on a page, [`bundle`] brings their
//! JavaScript along.

pub mod api;
pub mod authorized;
#[cfg(feature = "picture")]
pub mod avatar;
pub mod bundle;
pub mod components;
pub mod conflict;
pub mod crash;
pub mod element;
pub mod form;
pub mod host_events;
pub mod http;
pub mod i18n;
#[cfg(feature = "picture")]
pub mod image;
pub mod json;
pub mod languages;
pub mod mount;
pub mod oidc;
pub mod options;
pub mod page;
pub mod problem;
pub mod profile;
pub mod screen;
pub mod session;
pub mod url;
pub mod validate;

pub use components::{OptionsErrorView, ProfileForm};
pub use element::define_element;
pub use i18n::{Key, Message};
pub use mount::{mount, mount_options, MountHandle, Mounted};
pub use options::{Config, Options, OptionsError};
pub use page::{live_forms, page_url, EDITABLE_MARK};
