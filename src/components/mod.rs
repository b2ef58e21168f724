//! Leptos components. One component per file; [`ProfileForm`] orchestrates.

mod options_error;
mod profile_form;

pub use options_error::OptionsErrorView;
pub use profile_form::ProfileForm;
