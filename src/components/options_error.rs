//! What a misconfigured page shows instead of the form.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::options::OptionsError;

/// Shown in place of the form when the widget's options cannot be used, so that a
/// misconfigured page says what to fix instead of staying blank.
#[component]
pub fn OptionsErrorView(
    /// Why the options were refused.
    error: OptionsError,
) -> impl IntoView {
    view! {
        <div class="zpf zpf-banner zpf-banner--error" role="alert" data-testid="options-error">
            <strong>{Key::NotConfigured.text()}</strong>
            <p>{error.to_string()}</p>
        </div>
    }
}
