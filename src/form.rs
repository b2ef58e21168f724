//! The form's state as plain data: the loaded baseline, the draft being typed, which
//! fields were touched, and errors the server pinned on fields. The component keeps one
//! of these in a signal and asks it what to show; every decision is tested on the host.

use crate::i18n::Message;
use crate::profile::{Draft, Gender, ValidProfile};
use crate::validate::{check, validate, Field, FieldError};

/// What a field shows under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldMessage {
    /// A rule this widget checks.
    Rule(FieldError),
    /// The server refused the value with this text.
    Server(String),
}

impl FieldMessage {
    /// The message in `language`; the server's own words stay as it sent them.
    pub fn render(&self, language: &str) -> String {
        match self {
            FieldMessage::Rule(e) => Message::from(e).render(language),
            FieldMessage::Server(text) => text.clone(),
        }
    }
}

impl std::fmt::Display for FieldMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::i18n::locale::ENGLISH))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormModel {
    /// The values as the server last confirmed them.
    pub baseline: Draft,
    /// The values as typed.
    pub draft: Draft,
    /// Per field, in [`Field::ALL`] order: whether it was touched.
    touched: [bool; 6],
    submitted: bool,
    /// Per field, in [`Field::ALL`] order: what the server said about it.
    server_errors: [Option<String>; 6],
}

impl FormModel {
    /// A form showing `profile` with nothing changed.
    pub fn loaded(profile: Draft) -> Self {
        Self {
            baseline: profile.clone(),
            draft: profile,
            ..Self::default()
        }
    }

    /// The person typed `value` into `field`.
    pub fn edit(&mut self, field: Field, value: String) {
        if let Some(slot) = field.value_mut(&mut self.draft) {
            *slot = value;
        }
        self.touched[field.index()] = true;
        self.server_errors[field.index()] = None;
    }

    pub fn set_gender(&mut self, gender: Gender) {
        self.draft.gender = gender;
        self.touched[Field::Gender.index()] = true;
        self.server_errors[Field::Gender.index()] = None;
    }

    /// The field lost focus: from now on its message shows.
    pub fn touch(&mut self, field: Field) {
        self.touched[field.index()] = true;
    }

    /// A save was attempted: every field's message shows from now on.
    pub fn attempt_submit(&mut self) {
        self.submitted = true;
    }

    /// The server refused `field` with `text`; shown until the field is edited.
    pub fn pin_server_error(&mut self, field: Field, text: String) {
        self.server_errors[field.index()] = Some(text);
    }

    /// The message `field` shows now: rules once it was touched or a save was tried,
    /// the server's word until the field is edited again.
    pub fn message(&self, field: Field) -> Option<FieldMessage> {
        if let Some(text) = &self.server_errors[field.index()] {
            return Some(FieldMessage::Server(text.clone()));
        }
        if !(self.submitted || self.touched[field.index()]) {
            return None;
        }
        check(field, field.value(&self.draft))
            .err()
            .map(FieldMessage::Rule)
    }

    /// Whether the draft differs from the baseline once both are trimmed, so that
    /// adding a trailing space is no change worth saving.
    pub fn is_dirty(&self) -> bool {
        normalised(&self.draft) != normalised(&self.baseline)
    }

    /// What Save would send, if it may be sent: something changed and nothing is
    /// invalid, including errors the server reported that were not edited since.
    pub fn to_save(&self) -> Option<ValidProfile> {
        if !self.is_dirty() || self.server_errors.iter().any(Option::is_some) {
            return None;
        }
        validate(&self.draft).ok()
    }

    /// The server stored `saved`: it becomes the new baseline, and the draft shows
    /// what was stored (trimmed), keeping anything typed since the save was sent.
    pub fn saved(&mut self, saved: &ValidProfile, sent_from: &Draft) {
        let stored = saved.to_draft();
        if self.draft == *sent_from {
            self.draft = stored.clone();
        }
        self.baseline = stored;
        self.touched = [false; 6];
        self.submitted = false;
        self.server_errors = Default::default();
    }

    /// Back to the baseline.
    pub fn reset(&mut self) {
        *self = Self::loaded(self.baseline.clone());
    }

    /// Puts a kept draft over freshly loaded values, as if the person had typed it
    /// again: the fields that differ count as edited.
    pub fn restore(&mut self, kept: Draft) {
        for field in Field::ALL {
            if field == Field::Gender {
                if kept.gender != self.draft.gender {
                    self.set_gender(kept.gender);
                }
            } else if field.value(&kept) != field.value(&self.draft) {
                self.edit(field, field.value(&kept).to_owned());
            }
        }
    }
}

fn normalised(draft: &Draft) -> [&str; 6] {
    Field::ALL.map(|f| f.value(draft).trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ada() -> Draft {
        Draft::sample()
    }

    #[test]
    fn a_fresh_form_shows_nothing_and_cannot_save() {
        let form = FormModel::loaded(ada());
        assert!(!form.is_dirty());
        assert_eq!(form.to_save(), None);
        assert!(Field::ALL.iter().all(|f| form.message(*f).is_none()));
    }

    #[test]
    fn messages_show_once_touched_and_clear_when_fixed() {
        let mut form = FormModel::loaded(ada());
        form.edit(Field::FirstName, "  ".into());
        assert_eq!(
            form.message(Field::FirstName),
            Some(FieldMessage::Rule(FieldError::Required))
        );
        assert_eq!(form.message(Field::LastName), None);
        assert_eq!(form.to_save(), None);
        form.edit(Field::FirstName, "Augusta".into());
        assert_eq!(form.message(Field::FirstName), None);
        assert!(form.to_save().is_some());
    }

    #[test]
    fn untouched_invalid_fields_show_after_a_submit_attempt() {
        let mut draft = ada();
        draft.last_name.clear(); // as loaded from a server holding odd data
        let mut form = FormModel::loaded(draft);
        form.edit(Field::FirstName, "Augusta".into());
        assert_eq!(form.message(Field::LastName), None);
        assert_eq!(form.to_save(), None);
        form.attempt_submit();
        assert!(form.message(Field::LastName).is_some());
    }

    #[test]
    fn trailing_space_is_no_change() {
        let mut form = FormModel::loaded(ada());
        form.edit(Field::FirstName, "Ada ".into());
        assert!(!form.is_dirty());
        assert_eq!(form.to_save(), None);
    }

    #[test]
    fn gender_changes_count() {
        let mut form = FormModel::loaded(ada());
        form.set_gender(Gender::Diverse);
        assert!(form.is_dirty());
        assert!(form.to_save().is_some());
    }

    #[test]
    fn server_errors_stay_until_the_field_is_edited() {
        let mut form = FormModel::loaded(ada());
        form.edit(Field::NickName, "Countess".into());
        form.pin_server_error(Field::NickName, "refused".into());
        assert_eq!(
            form.message(Field::NickName),
            Some(FieldMessage::Server("refused".into()))
        );
        assert_eq!(form.to_save(), None);
        form.edit(Field::NickName, "Countess L".into());
        assert_eq!(form.message(Field::NickName), None);
        assert!(form.to_save().is_some());
    }

    #[test]
    fn a_save_moves_the_baseline_and_trims_the_draft() {
        let mut form = FormModel::loaded(ada());
        form.edit(Field::NickName, "  Countess ".into());
        let sent_from = form.draft.clone();
        let valid = form.to_save().unwrap();
        form.saved(&valid, &sent_from);
        assert_eq!(form.draft.nick_name, "Countess");
        assert_eq!(form.baseline.nick_name, "Countess");
        assert!(!form.is_dirty());
        assert_eq!(form.message(Field::NickName), None);
    }

    #[test]
    fn typing_during_a_save_is_kept() {
        let mut form = FormModel::loaded(ada());
        form.edit(Field::NickName, "Countess".into());
        let sent_from = form.draft.clone();
        let valid = form.to_save().unwrap();
        form.edit(Field::NickName, "Countess of Lovelace".into());
        form.saved(&valid, &sent_from);
        assert_eq!(form.draft.nick_name, "Countess of Lovelace");
        assert_eq!(form.baseline.nick_name, "Countess");
        assert!(form.is_dirty());
    }

    #[test]
    fn a_restored_draft_counts_as_edited_where_it_differs() {
        let mut kept = ada();
        kept.nick_name = "Countess".into();
        kept.gender = Gender::Diverse;
        kept.first_name = "x".repeat(201);
        let mut form = FormModel::loaded(ada());
        form.restore(kept.clone());
        assert_eq!(form.draft, kept);
        assert!(form.is_dirty());
        assert!(form.message(Field::FirstName).is_some(), "shown at once");
        assert_eq!(form.message(Field::LastName), None, "untouched");
        let mut same = FormModel::loaded(ada());
        same.restore(ada());
        assert_eq!(same, FormModel::loaded(ada()));
    }

    #[test]
    fn reset_goes_back_to_the_baseline() {
        let mut form = FormModel::loaded(ada());
        form.edit(Field::FirstName, String::new());
        form.attempt_submit();
        form.reset();
        assert_eq!(form, FormModel::loaded(ada()));
    }
}
