//! Leptos components, one concern per file. [`ProfileForm`] switches between the
//! panels; [`state`] holds its signals and actions.

mod account_bar;
mod conflict_view;
mod editor;
mod edits;
mod fields;
mod load_failed;
mod notice;
mod options_error;
mod profile_form;
mod signed_out;
mod state;
mod tr;

pub use options_error::OptionsErrorView;
pub use profile_form::ProfileForm;
