//! The notice above the form, and the placeholder shown while the profile loads.

use leptos::prelude::*;

use super::tr::tr;

use crate::i18n::Key;
use crate::profile::Field;
use crate::screen::{Notice, NoticeAction, Tone};

/// The notice above the form, in two live regions that are always on the page, so
/// screen readers announce a notice when it appears: errors assertively
/// (`role="alert"`), everything else politely (`role="status"`).
#[component]
pub fn NoticeBanner(
    /// What to show, if anything.
    notice: Signal<Option<Notice>>,
    /// Runs the action of the button pressed.
    on_action: Callback<NoticeAction>,
) -> impl IntoView {
    let tr = tr();
    let banner = move |errors: bool| {
        notice
            .get()
            .filter(|n| (n.tone == Tone::Error) == errors)
            .map(|n| {
                let class = match n.tone {
                    Tone::Error => "zpf-banner zpf-banner--error",
                    Tone::Info => "zpf-banner zpf-banner--info",
                    Tone::Success => "zpf-banner zpf-banner--success",
                };
                let buttons = (!n.actions.is_empty()).then(|| {
                    let buttons = n.actions.iter().map(|&action| view! {
                        <button type="button" class="zpf-button zpf-banner-action"
                            data-testid=action.testid() on:click=move |_| on_action.run(action)>
                            {move || tr.text(action.label())}
                        </button>
                    }).collect_view();
                    view! { <div class="zpf-banner-actions">{buttons}</div> }
                });
                view! {
                    <div class=class data-testid="notice">
                        <p>{move || tr.message(&n.text)}</p>
                        {buttons}
                    </div>
                }
            })
    };
    view! {
        <div class="zpf-live" role="status">{move || banner(false)}</div>
        <div class="zpf-live" role="alert">{move || banner(true)}</div>
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
                    // Braced values: an element of literals only would be built from
                    // HTML through a <template>'s innerHTML, which Trusted Types refuse.
                    <div class="zpf-skeleton-field" aria-hidden="true">
                        <div class={"zpf-skeleton-label"}></div>
                        <div class={"zpf-skeleton-input"}></div>
                    </div>
                })
                .collect_view()}
        </div>
    }
}
