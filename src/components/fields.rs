//! Form controls, each wired once: a visible `<label for>`, `aria-invalid`, and
//! `aria-describedby` pointing at the hint and the message.

use leptos::prelude::*;

use super::tr::tr;

use crate::form::FormModel;
use crate::i18n::{Key, Message};
use crate::languages;
use crate::profile::Field;
use crate::profile::Gender;
use crate::validate;

/// The message under a field, from the form model.
fn message_of(model: RwSignal<FormModel>, field: Field) -> Memo<Option<String>> {
    let tr = tr();
    Memo::new(move |_| model.with(|m| m.message(field).map(|m| m.render(tr.language()))))
}

/// Label, control and message around `children`.
#[component]
fn FieldFrame(
    /// The control's id, which the label points at.
    control_id: String,
    /// The field; gives the label.
    field: Field,
    /// Shown beside the label, e.g. "optional".
    hint: Option<Key>,
    /// The message under the control, if any.
    message: Memo<Option<String>>,
    children: Children,
) -> impl IntoView {
    let tr = tr();
    view! {
        <div class="zpf-field" class:zpf-field--invalid=move || message.with(Option::is_some)>
            <label class="zpf-label" for=control_id.clone()>
                {move || tr.text(field.label())}
                {hint.map(|h| view! { <span class="zpf-hint" id=format!("{control_id}-hint")>{move || tr.text(h)}</span> })}
            </label>
            {children()}
            <p class="zpf-message" id=format!("{control_id}-message") data-testid=format!("{control_id}-message")>
                {move || message.get()}
            </p>
        </div>
    }
}

fn described_by(
    id: &str,
    hint: bool,
    message: Memo<Option<String>>,
) -> impl Fn() -> Option<String> {
    let hint_id = hint.then(|| format!("{id}-hint"));
    let message_id = format!("{id}-message");
    move || {
        let parts: Vec<&str> = hint_id
            .iter()
            .map(String::as_str)
            .chain(message.with(Option::is_some).then_some(message_id.as_str()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

fn aria_invalid(message: Memo<Option<String>>) -> impl Fn() -> &'static str {
    move || {
        if message.with(Option::is_some) {
            "true"
        } else {
            "false"
        }
    }
}

/// A text input bound to one field of the form model.
#[component]
pub fn TextField(
    /// Unique on the page; the input's id.
    id: String,
    /// The field it edits; also gives the label.
    field: Field,
    /// The browser's autofill hint (`given-name`, ...).
    autocomplete: &'static str,
    /// The form's state, which the control reads and edits.
    model: RwSignal<FormModel>,
    /// Shown beside the label, e.g. "optional".
    #[prop(optional)]
    hint: Option<Key>,
) -> impl IntoView {
    let message = message_of(model, field);
    let value = Memo::new(move |_| model.with(|m| field.value(&m.draft).to_owned()));
    view! {
        <FieldFrame control_id=id.clone() field hint message>
            <input
                id=id.clone()
                class="zpf-input"
                type="text"
                name=field.as_str()
                autocomplete=autocomplete
                spellcheck="false"
                aria-required=field.required().then_some("true")
                aria-invalid=aria_invalid(message)
                aria-describedby=described_by(&id, hint.is_some(), message)
                prop:value=move || value.get()
                on:input:target=move |ev| model.update(|m| m.edit(field, ev.target().value()))
                on:blur=move |_| model.update(|m| m.touch(field))
            />
            <p class="zpf-counter" aria-live="polite" data-testid=format!("{id}-counter")>
                {characters_left(model, field)}
            </p>
        </FieldFrame>
    }
}

/// "12 characters left" once `field` is close to its limit, in the form's language.
fn characters_left(model: RwSignal<FormModel>, field: Field) -> impl Fn() -> Option<String> {
    let tr = tr();
    move || {
        let left = model.with(|m| validate::characters_left(field, field.value(&m.draft)))?;
        Some(tr.message(&Message::new(Key::CharactersLeft).count("count", left)))
    }
}

/// A `<select>` for `field`, wired like every control, with `children` as options.
#[component]
fn SelectField(
    /// Unique on the page; the select's id.
    id: String,
    /// The field it edits; also gives the label.
    field: Field,
    /// The form's state, whose message for `field` shows under the select.
    model: RwSignal<FormModel>,
    /// Called with the chosen option's value.
    on_change: Callback<String>,
    children: Children,
) -> impl IntoView {
    let message = message_of(model, field);
    view! {
        <FieldFrame control_id=id.clone() field hint=None message>
            <select
                id=id.clone()
                class="zpf-input zpf-select"
                name=field.as_str()
                aria-invalid=aria_invalid(message)
                aria-describedby=described_by(&id, false, message)
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {children()}
            </select>
        </FieldFrame>
    }
}

/// The preferred language: the instance's languages by native name, "not set", and
/// the stored value even when the instance does not list it.
#[component]
pub fn LanguageField(
    /// Unique on the page; the select's id.
    id: String,
    /// The form's state, which the control reads and edits.
    model: RwSignal<FormModel>,
    /// The instance's languages (discovery's `ui_locales_supported`).
    supported: Signal<Vec<String>>,
) -> impl IntoView {
    let field = Field::PreferredLanguage;
    let tr = tr();
    let choices = Memo::new(move |_| {
        let not_set = tr.text(Key::LanguageNotSet);
        supported.with(|s| {
            model.with(|m| {
                languages::options(
                    s,
                    &[&m.baseline.preferred_language, &m.draft.preferred_language],
                    &not_set,
                )
            })
        })
    });
    let on_change = Callback::new(move |value| model.update(|m| m.edit(field, value)));
    view! {
        <SelectField id field model on_change>
                // A plain list, rebuilt when the choices change: lighter than a keyed
                // <For> for two dozen options.
                {move || choices.get().into_iter().map(|(value, label)| {
                    let current = value.clone();
                    view! {
                        <option
                            value=value
                            selected=move || model.with(|m| m.draft.preferred_language.trim() == current)
                        >
                            {label}
                        </option>
                    }
                }).collect_view()}
        </SelectField>
    }
}

/// The gender, one of ZITADEL's four values.
#[component]
pub fn GenderField(
    /// Unique on the page; the select's id.
    id: String,
    /// The form's state, which the control reads and edits.
    model: RwSignal<FormModel>,
) -> impl IntoView {
    let tr = tr();
    // Parse at the edge: a value that is not one of ours changes nothing.
    let on_change = Callback::new(move |value: String| {
        if let Ok(gender) = value.parse::<Gender>() {
            model.update(|m| m.set_gender(gender));
        }
    });
    view! {
        <SelectField id field=Field::Gender model on_change>
                {Gender::ALL
                    .map(|g| {
                        view! {
                            <option value=g.as_str() selected=move || model.with(|m| m.draft.gender == g)>
                                {move || tr.text(g.label())}
                            </option>
                        }
                    })
                    .collect_view()}
        </SelectField>
    }
}
