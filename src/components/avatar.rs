//! The signed-in person's picture, or their initials.

use leptos::either::Either;
use leptos::prelude::*;

use crate::screen::Account;

/// The person's picture from ZITADEL, or their initials when there is none or it
/// cannot be loaded; either way named for screen readers.
#[component]
pub fn Avatar(account: Account) -> impl IntoView {
    let broken = RwSignal::new(false);
    let Account {
        name,
        initials,
        avatar_url,
        ..
    } = account;
    move || match avatar_url.clone().filter(|_| !broken.get()) {
        Some(src) => Either::Left(view! {
            // Sized (40 px, 2.5rem in the stylesheet) even before the stylesheet applies.
            <img class="zpf-avatar" src=src alt=name.clone() data-testid="avatar"
                width="40" height="40" referrerpolicy="no-referrer"
                on:error=move |_| broken.set(true)/>
        }),
        None => Either::Right(view! {
            <span class="zpf-avatar zpf-avatar--initials" role="img" aria-label=name.clone()
                data-testid="avatar-initials">{initials.clone()}</span>
        }),
    }
}
