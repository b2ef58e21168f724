//! What a person sees when the profile could not be loaded.

use leptos::prelude::*;

use super::tr::tr;

use crate::i18n::Key;
use crate::problem::Problem;

/// The problem in words, with Try again when trying again may help.
#[component]
pub fn LoadFailedPanel(
    /// What went wrong.
    problem: Problem,
    /// Loads the profile again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let tr = tr();
    let text = problem.message();
    view! {
        <div class="zpf-banner zpf-banner--error" role="alert" data-testid="load-error">
            <p>{move || tr.message(&text)}</p>
            {problem.retryable().then(|| view! {
                <button type="button" class="zpf-button zpf-banner-action" data-testid="load-retry"
                    on:click=move |_| on_retry.run(())>
                    {move || tr.text(Key::TryAgain)}
                </button>
            })}
        </div>
    }
}
