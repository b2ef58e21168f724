use leptos::prelude::*;

use crate::options::Config;

/// The self-service profile editor for one ZITADEL instance.
#[component]
pub fn ProfileForm(
    /// Checked options, see [`crate::Options::resolve`].
    config: Config,
) -> impl IntoView {
    view! {
        <section class="zpf" data-testid="profile-form" aria-labelledby="zpf-title">
            <h2 id="zpf-title" class="zpf-title">"Your profile"</h2>
            <p class="zpf-issuer">"Account at " <span data-testid="issuer">{config.issuer}</span></p>
        </section>
    }
}
