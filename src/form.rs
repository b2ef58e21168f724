//! The form's state as plain data: the loaded baseline, the draft being typed, which
//! fields were touched, and errors the server pinned on fields. The component keeps one
//! of these in a signal and asks it what to show; every decision is tested on the host.

use crate::conflict::{self, Choice, Conflict};
use crate::i18n::Message;
use crate::profile::{Draft, Field, Gender, KeptDraft, PerField, ValidProfile};
use crate::validate::{check, validate, FieldError};

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
    /// Per field: whether it was touched.
    touched: PerField<bool>,
    submitted: bool,
    /// Per field: what the server said about it.
    server_errors: PerField<Option<String>>,
    /// The server's `details.sequence` for the baseline.
    pub sequence: u64,
    /// The profile was changed elsewhere since the baseline: the person is choosing
    /// which values to keep, and nothing is saved until they have.
    conflict: Option<Conflict>,
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

    /// A form showing `profile`, which the server holds at `sequence`.
    pub fn loaded_at(profile: Draft, sequence: u64) -> Self {
        Self {
            sequence,
            ..Self::loaded(profile)
        }
    }

    /// The person typed `value` into `field`.
    pub fn edit(&mut self, field: Field, value: String) {
        if let Some(slot) = field.value_mut(&mut self.draft) {
            *slot = value;
        }
        self.touched[field] = true;
        self.server_errors[field] = None;
    }

    pub fn set_gender(&mut self, gender: Gender) {
        self.draft.gender = gender;
        self.touched[Field::Gender] = true;
        self.server_errors[Field::Gender] = None;
    }

    /// The field lost focus: from now on its message shows.
    pub fn touch(&mut self, field: Field) {
        self.touched[field] = true;
    }

    /// A save was attempted: every field's message shows from now on.
    pub fn attempt_submit(&mut self) {
        self.submitted = true;
    }

    /// The server refused `field` with `text`; shown until the field is edited.
    pub fn pin_server_error(&mut self, field: Field, text: String) {
        self.server_errors[field] = Some(text);
    }

    /// The message `field` shows now: rules once it was touched or a save was tried,
    /// the server's word until the field is edited again.
    pub fn message(&self, field: Field) -> Option<FieldMessage> {
        if let Some(text) = &self.server_errors[field] {
            return Some(FieldMessage::Server(text.clone()));
        }
        if !(self.submitted || self.touched[field]) {
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
    /// Nothing is sent while a change made elsewhere waits for the person's choice.
    pub fn to_save(&self) -> Option<ValidProfile> {
        if !self.is_dirty()
            || self.conflict.is_some()
            || self.server_errors.iter().any(|(_, e)| e.is_some())
        {
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
        self.touched = PerField::default();
        self.submitted = false;
        self.server_errors = Default::default();
    }

    /// Back to the baseline; with a change made elsewhere waiting, to the profile as
    /// the server holds it now.
    pub fn reset(&mut self) {
        *self = match self.conflict.take() {
            Some(c) => Self::loaded_at(c.merge().theirs().clone(), c.sequence()),
            None => Self::loaded_at(self.baseline.clone(), self.sequence),
        };
    }

    /// The draft to keep for `user_id` until the person is back, with what it was
    /// typed over.
    pub fn to_kept(&self, user_id: &str) -> KeptDraft {
        KeptDraft {
            user_id: user_id.to_owned(),
            draft: self.draft.clone(),
            base: Some(self.baseline.clone()),
            sequence: self.sequence,
        }
    }

    /// A kept draft back over the profile the server holds now (`current`, at
    /// `sequence`), as if typed again; compared as before a save, so a change made
    /// elsewhere meanwhile shows as a conflict rather than being typed over.
    pub fn restored(kept: KeptDraft, current: Draft, sequence: u64) -> Self {
        let mut form = match kept.base {
            Some(base) => Self::loaded_at(base, kept.sequence),
            None => Self::loaded_at(current.clone(), sequence),
        };
        form.restore(kept.draft);
        form.compare(current, sequence);
        form
    }

    /// Compares the baseline with the profile the server holds now (`current`, at
    /// `sequence`). The same sequence means nothing changed (unless both are 0, as
    /// from a server that sent none: then the values decide). Otherwise, where nobody
    /// else touched a value, or every change elsewhere equals what the person typed,
    /// the baseline quietly moves on; if not, the form shows a [`Conflict`] and
    /// answers `true`.
    pub fn compare(&mut self, current: Draft, sequence: u64) -> bool {
        if sequence == self.sequence && sequence != 0 {
            return false;
        }
        if self.conflict.as_ref().map(Conflict::sequence) == Some(sequence) {
            return true; // already showing, with the person's choices so far
        }
        if !self.is_dirty() {
            *self = Self::loaded_at(current, sequence);
            return false;
        }
        let merge = conflict::merge(&self.baseline, &self.draft, &current);
        if merge.changed_elsewhere().next().is_none() {
            self.baseline = current;
            self.sequence = sequence;
            return false;
        }
        self.conflict = Some(Conflict::new(merge, sequence));
        true
    }

    /// The change made elsewhere the person is deciding on, if any.
    pub fn conflict(&self) -> Option<&Conflict> {
        self.conflict.as_ref()
    }

    /// The person chose `choice` for `field` (every field changed elsewhere if `None`).
    pub fn choose(&mut self, field: Option<Field>, choice: Choice) {
        match (self.conflict.as_mut(), field) {
            (Some(c), Some(field)) => c.choose(field, choice),
            (Some(c), None) => c.choose_all(choice),
            (None, _) => {}
        }
    }

    /// Ends the conflict with the person's choices: the server's values become the
    /// baseline and the chosen ones the draft. `Err` names the first field still
    /// undecided, which from now on says so.
    pub fn settle(&mut self) -> Result<(), Field> {
        let Some(conflict) = self.conflict.as_mut() else {
            return Ok(());
        };
        let draft = conflict.resolve()?;
        let (baseline, sequence) = (conflict.merge().theirs().clone(), conflict.sequence());
        *self = Self::loaded_at(baseline, sequence);
        self.restore(draft);
        Ok(())
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

fn normalised(draft: &Draft) -> PerField<&str> {
    PerField::from_fn(|f| f.value(draft).trim())
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

    fn edited_here_and_elsewhere() -> (FormModel, Draft) {
        let mut form = FormModel::loaded_at(ada(), 7);
        form.edit(Field::FirstName, "Augusta".into());
        form.edit(Field::NickName, "Countess".into());
        let mut theirs = ada();
        theirs.first_name = "Ada Augusta".into();
        theirs.gender = Gender::Female;
        (form, theirs)
    }

    #[test]
    fn the_same_sequence_is_no_change_and_another_with_the_same_values_moves_on() {
        let (mut form, theirs) = edited_here_and_elsewhere();
        assert!(
            !form.compare(theirs, 7),
            "same sequence: the values are not read"
        );
        assert!(form.conflict().is_none());
        let before = form.clone();
        assert!(
            !form.compare(ada(), 8),
            "an email change bumps the sequence too"
        );
        assert_eq!(form.sequence, 8);
        assert_eq!(
            (&form.baseline, &form.draft),
            (&before.baseline, &before.draft)
        );
        assert!(form.to_save().is_some());
    }

    #[test]
    fn without_a_sequence_the_values_decide() {
        let (mut form, theirs) = edited_here_and_elsewhere();
        form.sequence = 0;
        assert!(form.compare(theirs, 0));
        let (mut form, _) = edited_here_and_elsewhere();
        form.sequence = 0;
        assert!(!form.compare(ada(), 0));
        assert!(form.to_save().is_some());
    }

    #[test]
    fn a_change_elsewhere_holds_the_save_until_the_person_chooses() {
        let (mut form, theirs) = edited_here_and_elsewhere();
        let mine = form.draft.clone();
        assert!(form.compare(theirs.clone(), 9));
        assert_eq!(form.to_save(), None, "nothing is sent meanwhile");
        assert!(form.is_dirty(), "the edits are still unsaved");
        assert_eq!(form.draft, mine, "nothing the person typed is replaced");
        assert_eq!(form.settle(), Err(Field::FirstName));
        assert!(form.conflict().unwrap().needs_choice(Field::FirstName));
        form.choose(Some(Field::FirstName), Choice::Mine);
        assert_eq!(form.settle(), Ok(()));
        assert!(form.conflict().is_none());
        assert_eq!(
            form.baseline, theirs,
            "the server's values are the new baseline"
        );
        assert_eq!(form.sequence, 9);
        assert_eq!(form.draft.first_name, "Augusta");
        assert_eq!(form.draft.nick_name, "Countess");
        assert_eq!(form.draft.gender, Gender::Female);
        let saved = form
            .to_save()
            .expect("mine differ from theirs: a save follows");
        assert_eq!(
            saved.to_draft().gender,
            Gender::Female,
            "their edit survives the save"
        );
    }

    #[test]
    fn keeping_every_value_of_mine_or_taking_every_new_one() {
        let (mut form, theirs) = edited_here_and_elsewhere();
        let mine = form.draft.clone();
        form.compare(theirs.clone(), 9);
        form.choose(None, Choice::Mine);
        form.settle().unwrap();
        assert_eq!(form.draft, mine);
        let (mut form, theirs) = edited_here_and_elsewhere();
        form.compare(theirs.clone(), 9);
        form.choose(None, Choice::Theirs);
        form.settle().unwrap();
        assert_eq!(form.draft.first_name, "Ada Augusta");
        assert_eq!(
            form.draft.nick_name, "Countess",
            "untouched elsewhere: mine stays"
        );
    }

    #[test]
    fn a_change_elsewhere_that_equals_the_edit_is_no_conflict() {
        let mut form = FormModel::loaded_at(ada(), 7);
        form.edit(Field::NickName, "Countess".into());
        let mut theirs = ada();
        theirs.nick_name = "Countess".into();
        assert!(!form.compare(theirs.clone(), 8));
        assert_eq!(form.baseline, theirs);
        assert!(!form.is_dirty());
    }

    #[test]
    fn a_clean_form_just_shows_the_new_values() {
        let mut form = FormModel::loaded_at(ada(), 7);
        let mut theirs = ada();
        theirs.nick_name = "Countess".into();
        assert!(!form.compare(theirs.clone(), 8));
        assert_eq!(form, FormModel::loaded_at(theirs, 8));
    }

    #[test]
    fn reset_during_a_conflict_shows_the_profile_as_the_server_holds_it() {
        let (mut form, theirs) = edited_here_and_elsewhere();
        form.compare(theirs.clone(), 9);
        form.reset();
        assert_eq!(form, FormModel::loaded_at(theirs, 9));
    }

    #[test]
    fn comparing_again_keeps_the_choices_made_unless_the_profile_moved_on() {
        let (mut form, theirs) = edited_here_and_elsewhere();
        form.compare(theirs.clone(), 9);
        form.choose(Some(Field::FirstName), Choice::Mine);
        assert!(form.compare(theirs.clone(), 9));
        assert_eq!(
            form.conflict().unwrap().choice(Field::FirstName),
            Some(Choice::Mine)
        );
        let mut newer = theirs;
        newer.last_name = "King".into();
        assert!(form.compare(newer.clone(), 10));
        let conflict = form.conflict().unwrap();
        assert_eq!(conflict.merge().theirs(), &newer);
        assert_eq!(conflict.choice(Field::FirstName), None, "asked again");
    }

    #[test]
    fn a_kept_draft_comes_back_over_a_change_made_meanwhile_as_a_conflict() {
        let (form, theirs) = edited_here_and_elsewhere();
        let kept = form.to_kept("42");
        let back = FormModel::restored(kept.clone(), ada(), 7);
        assert_eq!(back.draft, form.draft, "nothing changed meanwhile");
        assert!(back.conflict().is_none());
        let back = FormModel::restored(kept, theirs.clone(), 9);
        let conflict = back.conflict().expect("changed meanwhile");
        assert_eq!(conflict.merge().theirs(), &theirs);
        assert_eq!(back.draft, form.draft, "the draft is not typed over theirs");
        assert_eq!(back.to_save(), None);
    }

    #[test]
    fn a_draft_kept_without_its_base_is_typed_over_the_current_values() {
        let (form, _) = edited_here_and_elsewhere();
        let mut kept = form.to_kept("42");
        kept.base = None;
        let back = FormModel::restored(kept, ada(), 9);
        assert_eq!(back.draft, form.draft);
        assert_eq!(back.sequence, 9);
        assert!(back.conflict().is_none());
    }
}
