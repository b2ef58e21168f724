//! Leptos components. One concern per file; [`ProfileForm`] orchestrates.

mod fields;
mod notice;
mod options_error;
mod profile_form;

pub use options_error::OptionsErrorView;
pub use profile_form::ProfileForm;
