//! The profile was changed elsewhere while the form held edits: per field changed
//! there, the person's value and the new one side by side, as a pair of radio buttons,
//! then one save. Shown instead of the fields until the person has chosen; the save
//! itself runs in the form, which shows it under way.

use leptos::prelude::*;

use super::tr::{tr, Tr};
use crate::conflict::Choice;
use crate::form::FormModel;
use crate::i18n::Key;
use crate::profile::Draft;
use crate::profile::Field;

/// The choices, and the buttons that choose for every field or save.
#[component]
pub fn ConflictView(
    /// A page-unique prefix for the controls' ids and names.
    ids: String,
    /// The form's state, whose conflict this shows and decides.
    model: RwSignal<FormModel>,
    /// The person asked to save their choices.
    on_settle: Callback<()>,
) -> impl IntoView {
    let tr = tr();
    // Which fields differ is fixed while the view shows; only the choices move.
    let fields: Vec<Field> = model.with_untracked(|m| {
        m.conflict()
            .map(|c| c.merge().changed_elsewhere().collect())
            .unwrap_or_default()
    });
    // One button type for both: the same code serves each.
    let choose_all = |choice: Choice, label: Key, testid: &'static str| {
        view! {
            <button type="button" class="zpf-button" data-testid=testid
                on:click=move |_| model.update(|m| m.choose(None, choice))>
                {move || tr.text(label)}
            </button>
        }
    };
    view! {
        <form class="zpf-form zpf-conflict" novalidate data-testid="conflict" on:submit=move |ev| {
            ev.prevent_default();
            on_settle.run(());
        }>
            {fields.into_iter().map(|field| view! { <FieldChoice ids=ids.clone() field model/> }).collect_view()}
            <div class="zpf-actions">
                <button type="submit" class="zpf-button zpf-button--primary" data-testid="save-choices">
                    {move || tr.text(Key::SaveChoices)}
                </button>
                {choose_all(Choice::Mine, Key::KeepAllMine, "keep-all-mine")}
                {choose_all(Choice::Theirs, Key::TakeAllNew, "take-all-new")}
            </div>
        </form>
    }
}

/// One field changed elsewhere: its two values as radio buttons, and a message when
/// a save was tried before choosing.
#[component]
fn FieldChoice(ids: String, field: Field, model: RwSignal<FormModel>) -> impl IntoView {
    let tr = tr();
    let name = format!("{ids}-conflict-{}", field.as_str());
    let message_id = format!("{name}-message");
    let needs_choice =
        Memo::new(move |_| model.with(|m| m.conflict().is_some_and(|c| c.needs_choice(field))));
    let option = |choice: Choice, side: Key| {
        let checked =
            move || model.with(|m| m.conflict().and_then(|c| c.choice(field)) == Some(choice));
        // The values stay as they are while the view shows; only the language moves.
        let draft = model.with_untracked(|m| {
            m.conflict().map(|c| match choice {
                Choice::Mine => c.merge().mine().clone(),
                Choice::Theirs => c.merge().theirs().clone(),
            })
        });
        let value = move || draft.as_ref().map(|d| shown_value(tr, field, d));
        view! {
            <label class="zpf-option" data-testid=format!("conflict-{}-{}", field.as_str(), choice_name(choice))>
                <input type="radio" name=name.clone() prop:checked=checked
                    on:change=move |_| model.update(|m| m.choose(Some(field), choice))/>
                <span class="zpf-option-side">{move || tr.text(side)}</span>
                <span class="zpf-option-value" dir="auto">{value}</span>
            </label>
        }
    };
    view! {
        <fieldset class="zpf-choice" class:zpf-field--invalid=move || needs_choice.get()
            data-testid=format!("conflict-{}", field.as_str())
            aria-describedby=move || needs_choice.get().then(|| message_id.clone())>
            <legend class="zpf-label">{move || tr.text(field.label())}</legend>
            <div class="zpf-options">
                {option(Choice::Mine, Key::ValueYours)}
                {option(Choice::Theirs, Key::ValueChangedElsewhere)}
            </div>
            <p class="zpf-message" id=format!("{name}-message")>
                {move || needs_choice.get().then(|| tr.text(Key::ChooseValue))}
            </p>
        </fieldset>
    }
}

fn choice_name(choice: Choice) -> &'static str {
    match choice {
        Choice::Mine => "mine",
        Choice::Theirs => "theirs",
    }
}

/// A field's value as the person reads it: the gender and the language by name, an
/// empty text as "(empty)".
fn shown_value(tr: Tr, field: Field, draft: &Draft) -> String {
    let value = field.value(draft).trim();
    match field {
        Field::Gender => tr.text(draft.gender.label()),
        Field::PreferredLanguage if value.is_empty() => tr.text(Key::LanguageNotSet),
        Field::PreferredLanguage => crate::languages::label(value),
        _ if value.is_empty() => tr.text(Key::ValueEmpty),
        _ => value.to_owned(),
    }
}
