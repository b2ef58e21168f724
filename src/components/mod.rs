//! Leptos components, one concern per file. [`ProfileForm`] switches between the
//! panels; `state` holds its signals and applies every outcome, `flows` the work its
//! buttons start, `task` runs that work, `dom` the little it asks of the browser.

mod account_bar;
mod conflict_view;
#[cfg(feature = "picture")]
mod crop_input;
mod dom;
mod editor;
mod edits;
mod fields;
mod flows;
mod load_failed;
mod notice;
mod options_error;
#[cfg(feature = "picture")]
mod picture;
#[cfg(not(feature = "picture"))]
#[path = "no_picture.rs"]
mod picture;
#[cfg(feature = "picture")]
mod picture_flow;
mod profile_form;
mod signed_out;
mod state;
mod task;
mod tr;

pub use options_error::OptionsErrorView;
pub use profile_form::ProfileForm;
