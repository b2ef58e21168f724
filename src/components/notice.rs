//! The notice above the form, and the placeholder shown while the profile loads.

use leptos::prelude::*;

use super::tr::tr;

use crate::i18n::Key;
use crate::screen::{Notice, NoticeAction, Tone};
use crate::validate::Field;

/// Shows the current notice, if any. Errors are alerts; the rest are polite status.
#[component]
pub fn NoticeBanner(
    /// The notice to show; none shows nothing.
    notice: Signal<Option<Notice>>,
    /// Called with the notice's action when its button is pressed.
    on_action: Callback<NoticeAction>,
) -> impl IntoView {
    let tr = tr();
    move || {
        notice.get().map(|n| {
            let (class, role) = match n.tone {
                Tone::Error => ("zpf-banner zpf-banner--error", "alert"),
                Tone::Info => ("zpf-banner zpf-banner--info", "status"),
                Tone::Success => ("zpf-banner zpf-banner--success", "status"),
            };
            let button = n.action.map(|action| {
                let label = match action {
                    NoticeAction::RetrySave => Key::TryAgain,
                    NoticeAction::SignIn => Key::SignInAgain,
                };
                view! {
                    <button type="button" class="zpf-button zpf-banner-action" data-testid="notice-action"
                        on:click=move |_| on_action.run(action)>
                        {move || tr.text(label)}
                    </button>
                }
            });
            view! {
                <div class=class role=role data-testid="notice">
                    <p>{move || tr.message(&n.text)}</p>
                    {button}
                </div>
            }
        })
    }
}

/// Placeholder blocks, one per field, while the profile loads.
#[component]
pub fn Skeleton() -> impl IntoView {
    let tr = tr();
    view! {
        <div class="zpf-skeleton" data-testid="loading">
            <span class="zpf-visually-hidden">{move || tr.text(Key::Loading)}</span>
            {Field::ALL
                .map(|_| view! {
                    <div class="zpf-skeleton-field" aria-hidden="true">
                        <div class="zpf-skeleton-label"></div>
                        <div class="zpf-skeleton-input"></div>
                    </div>
                })
                .collect_view()}
        </div>
    }
}
