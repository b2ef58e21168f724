//! The editing form itself: six fields, Save and Reset.

use leptos::prelude::*;

use super::tr::tr;

use super::fields::{GenderField, LanguageField, TextField};
use crate::form::FormModel;
use crate::i18n::Key;
use crate::profile::Field;

/// The six fields bound to `model`, and the buttons that save or reset them.
#[component]
pub fn Editor(
    /// A page-unique prefix for the controls' ids.
    ids: String,
    /// The form's state, which the fields read and edit.
    model: RwSignal<FormModel>,
    /// The instance's languages for the picker.
    supported: Signal<Vec<String>>,
    /// Whether a save is under way.
    saving: Signal<bool>,
    /// Save was asked for (button or Enter).
    on_submit: Callback<()>,
    /// Called after the form went back to the loaded values.
    on_reset: Callback<()>,
) -> impl IntoView {
    let id = move |field: Field| format!("{ids}-{}", field.as_str());
    let can_save = Memo::new(move |_| !saving.get() && model.with(|m| m.to_save().is_some()));
    let dirty = Memo::new(move |_| model.with(FormModel::is_dirty));
    let tr = tr();
    view! {
        <form class="zpf-form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            on_submit.run(());
        }>
            <div class="zpf-fields">
                <TextField id=id(Field::FirstName) field=Field::FirstName autocomplete="given-name" model/>
                <TextField id=id(Field::LastName) field=Field::LastName autocomplete="family-name" model/>
                <TextField id=id(Field::NickName) field=Field::NickName autocomplete="nickname" model
                    hint=Key::Optional/>
                <TextField id=id(Field::DisplayName) field=Field::DisplayName autocomplete="name" model/>
                <LanguageField id=id(Field::PreferredLanguage) model supported/>
                <GenderField id=id(Field::Gender) model/>
            </div>
            <div class="zpf-actions">
                <button type="submit" class="zpf-button zpf-button--primary" data-testid="save"
                    disabled=move || !can_save.get()>
                    {move || tr.text(if saving.get() { Key::Saving } else { Key::Save })}
                </button>
                <button type="button" class="zpf-button" data-testid="reset"
                    disabled=move || !dirty.get() || saving.get()
                    on:click=move |_| {
                        model.update(FormModel::reset);
                        on_reset.run(());
                    }>
                    {move || tr.text(Key::Reset)}
                </button>
            </div>
        </form>
    }
}
