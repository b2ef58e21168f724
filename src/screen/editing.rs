//! What editing shows: a change made elsewhere found or settled, a save refused before
//! it is sent, edits thrown away, a notice dismissed, a reload begun, and the host told
//! when the form turns dirty or clean.

use super::{Effect, Focus, Notice, Outcome, Phase, Tone};
use crate::host_events::{DirtyDetail, HostEvent};
use crate::i18n::Key;
use crate::profile::Field;

/// The profile was compared with the server's: when it `changed_elsewhere`, the form
/// says so and focus goes to the first choice (the view of choices replaces the fields).
pub fn compared(changed_elsewhere: bool) -> Outcome {
    if !changed_elsewhere {
        return Outcome::default();
    }
    Outcome::notice(Notice::new(Tone::Info, Key::ChangedElsewhere))
        .and(Effect::Focus(Focus::FirstChoice))
}

/// The person's choices were applied (`Ok`) and left nothing to save, or a field is
/// still undecided (`Err`), where focus goes. (Choices that leave edits are saved.)
pub fn settled(result: Result<(), Field>) -> Outcome {
    match result {
        Ok(()) => Outcome::notice(Notice::new(Tone::Success, Key::NothingLeftToSave)),
        Err(field) => Outcome(vec![Effect::Focus(Focus::Choice(field))]),
    }
}

/// Save was pressed with something to fix: focus goes to the first such field.
pub fn submit_refused(first: Option<Field>) -> Outcome {
    Outcome(
        first
            .map(|f| Effect::Focus(Focus::Field(f)))
            .into_iter()
            .collect(),
    )
}

/// A save is on its way: an earlier notice no longer applies.
pub fn save_started() -> Outcome {
    notice_dismissed()
}

/// The edits go: the form shows what was loaded, and no draft is kept.
pub fn edits_discarded() -> Outcome {
    notice_dismissed().and(Effect::DiscardDraft)
}

/// The notice's question was answered, or the form reset: the notice goes.
pub fn notice_dismissed() -> Outcome {
    Outcome(vec![Effect::Notice(None)])
}

/// Loading again: the skeleton shows meanwhile.
pub fn reloading() -> Outcome {
    Outcome(vec![Effect::Phase(Phase::Loading)])
}

/// The form turned `dirty` (edited and not saved) or clean again: the host hears it.
pub fn dirty_changed(dirty: bool) -> Outcome {
    Outcome(vec![Effect::Event(HostEvent::DirtyChange(DirtyDetail {
        dirty,
    }))])
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::screen::{Change, Effect};

    #[test]
    fn a_change_made_elsewhere_is_announced_and_focused_and_none_changes_nothing() {
        assert_eq!(compared(false), Outcome::default());
        let shown = compared(true);
        assert_eq!(shown.focus(), Some(Focus::FirstChoice));
        let notice = shown.notice_change().set().unwrap();
        assert_eq!(
            (notice.tone, notice.text.key()),
            (Tone::Info, Key::ChangedElsewhere)
        );
    }

    #[test]
    fn settling_says_nothing_is_left_or_points_at_the_undecided_field() {
        let done = settled(Ok(()));
        assert_eq!(
            done.notice_change().set().unwrap().text.key(),
            Key::NothingLeftToSave
        );
        let undecided = settled(Err(Field::Gender));
        assert_eq!(undecided.focus(), Some(Focus::Choice(Field::Gender)));
        assert_eq!(undecided.notice_change(), Change::Keep);
    }

    #[test]
    fn the_small_outcomes_change_only_what_they_name() {
        assert_eq!(
            submit_refused(Some(Field::LastName)).focus(),
            Some(Focus::Field(Field::LastName))
        );
        assert_eq!(submit_refused(None), Outcome::default());
        assert_eq!(save_started().notice_change(), Change::Clear);
        let discarded = edits_discarded();
        assert!(
            discarded.does(&Effect::DiscardDraft) && discarded.notice_change() == Change::Clear
        );
        assert_eq!(reloading().phase(), Some(Phase::Loading));
        assert_eq!(
            dirty_changed(true).event(),
            Some(HostEvent::DirtyChange(DirtyDetail { dirty: true }))
        );
    }
}
