//! The form's heading: its title, who is signed in, and Sign out.

use leptos::either::Either;
use leptos::prelude::*;

use super::picture::Picture;
use super::task::Task;
use super::tr::tr;

use crate::i18n::{Key, Message};
use crate::screen::Account;

/// The title, the signed-in account and, while editing, a Sign out button.
#[component]
pub fn AccountBar(
    /// The heading's id, which labels the whole form.
    title_id: String,
    /// Who is signed in, once the profile is loaded.
    account: Signal<Option<Account>>,
    /// Whether to offer Sign out and changing the picture.
    signed_in: Signal<bool>,
    /// The picture's button, crop view and removal.
    picture: Picture,
    /// The sign-out; the button is disabled while it runs.
    sign_out: Task<()>,
    /// Asks for the sign-out (which may first ask about unsaved edits).
    on_sign_out: Callback<()>,
    /// Whether the form is the page (the standalone page): its title is then the
    /// page's one level-one heading; embedded, it is a section heading.
    owns_document: bool,
) -> impl IntoView {
    let tr = tr();
    let signed_in_as = move || {
        account.with(|a| {
            a.as_ref().map(|a| {
                tr.message(&Message::new(Key::SignedInAs).with("account", a.login_name.as_str()))
            })
        })
    };
    view! {
        <header class="zpf-header">
            <div class="zpf-heading">
                {if owns_document {
                    Either::Left(view! { <h1 id=title_id class="zpf-title">{move || tr.text(Key::Title)}</h1> })
                } else {
                    Either::Right(view! { <h2 id=title_id class="zpf-title">{move || tr.text(Key::Title)}</h2> })
                }}
                <div class="zpf-identity">
                    {move || account.get().map(|account| picture.button(view! { <Avatar account/> }))}
                    <div>
                        <p class="zpf-account" data-testid="account">{signed_in_as}</p>
                        {move || account.with(|a| a.as_ref().and_then(|a| a.email.clone())).map(email_line)}
                        {picture.remove_button(account, signed_in)}
                    </div>
                </div>
            </div>
            {move || signed_in.get().then(|| view! {
                <button type="button" class="zpf-button zpf-sign-out" data-testid="sign-out"
                    disabled=move || sign_out.running()
                    on:click=move |_| on_sign_out.run(())>
                    {move || tr.text(Key::SignOut)}
                </button>
            })}
        </header>
        {picture.panel()}
    }
}

/// The address and its verification, read-only.
fn email_line((address, verified): (String, bool)) -> impl IntoView {
    let tr = tr();
    let (class, key) = if verified {
        ("zpf-verified", Key::EmailVerified)
    } else {
        ("zpf-unverified", Key::EmailNotVerified)
    };
    view! {
        <p class="zpf-email" data-testid="email">
            {address}" · "<span class=class>{move || tr.text(key)}</span>
        </p>
    }
}

/// The person's picture from ZITADEL, or their initials when there is none or it
/// cannot be loaded; either way named for screen readers.
#[component]
pub(super) fn Avatar(account: Account) -> impl IntoView {
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
