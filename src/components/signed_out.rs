//! What a person sees before signing in.

use leptos::prelude::*;

use super::task::Task;
use super::tr::tr;

use crate::i18n::Key;

/// An invitation to sign in, with the button that starts it.
#[component]
pub fn SignedOutPanel(
    /// Starts the sign-in; the button stays disabled while the browser leaves.
    sign_in: Task<()>,
) -> impl IntoView {
    let tr = tr();
    view! {
        <div class="zpf-signed-out" data-testid="signed-out">
            <p>{move || tr.text(Key::SignInPrompt)}</p>
            <button type="button" class="zpf-button zpf-button--primary" data-testid="sign-in"
                disabled=move || sign_in.running()
                on:click=move |_| sign_in.start(())>
                {move || tr.text(Key::SignIn)}
            </button>
        </div>
    }
}
