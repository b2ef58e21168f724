//! What the form shows, decided as pure functions over plain data. Every end of
//! every flow (a load, a save, a comparison with the server, a sign-in that failed, a
//! sign-out, a notice's button) is a function here that returns an [`Outcome`]: the
//! phase, the notice, who is signed in, the model, the host's event, where focus goes,
//! and what happens to the session's tokens and the kept draft. The components apply
//! an outcome in one place (`FormState::apply`); every branch is tested here.

mod account;
mod editing;
mod load;
#[cfg(feature = "picture")]
mod picture;
mod save;
mod session;

pub use account::{initials, Account};
pub use editing::{
    compared, dirty_changed, edits_discarded, notice_dismissed, reloading, save_started, settled,
    submit_refused,
};
pub use load::{loaded, names_the_signed_in_user, LoadResult};
#[cfg(feature = "picture")]
pub use picture::{picture_changed, picture_closed, picture_failed, picture_opened};
pub use save::{saved, SaveOutcome};
pub use session::{
    leaving_for_sign_out, sign_in_failed, sign_out_asked, sign_out_not_ended, sign_out_started,
    signed_out_elsewhere,
};

use crate::form::FormModel;
use crate::host_events::HostEvent;
use crate::i18n::{Key, Message};
use crate::problem::Problem;
use crate::profile::Field;

/// Where the form is in its life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Loading,
    /// No session: offer to sign in.
    SignedOut,
    /// The profile could not be loaded.
    LoadFailed(Problem),
    /// Editing; also after the session ended, so nothing typed disappears.
    Ready,
}

/// How a notice looks and how assistive technology announces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Error,
    Info,
    Success,
}

/// What a notice's button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    RetrySave,
    SignIn,
    /// Throws away a restored draft: the form shows the loaded profile again.
    DiscardDraft,
    /// Answers "unsaved changes, sign out?" with no.
    KeepEditing,
    /// Answers it with yes: the changes go, then the sign-out.
    DiscardAndSignOut,
}

impl NoticeAction {
    /// The button's words.
    pub fn label(self) -> Key {
        match self {
            NoticeAction::RetrySave => Key::TryAgain,
            NoticeAction::SignIn => Key::SignInAgain,
            NoticeAction::DiscardDraft => Key::DiscardChanges,
            NoticeAction::KeepEditing => Key::KeepEditing,
            NoticeAction::DiscardAndSignOut => Key::DiscardAndSignOut,
        }
    }

    /// The button's `data-testid`.
    pub fn testid(self) -> &'static str {
        match self {
            NoticeAction::RetrySave | NoticeAction::SignIn => "notice-action",
            NoticeAction::DiscardDraft => "discard-draft",
            NoticeAction::KeepEditing => "keep-editing",
            NoticeAction::DiscardAndSignOut => "discard-and-sign-out",
        }
    }
}

/// A message above the form, with the buttons that answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub tone: Tone,
    pub text: Message,
    pub actions: Vec<NoticeAction>,
}

impl Notice {
    pub fn new(tone: Tone, text: impl Into<Message>) -> Self {
        Self {
            tone,
            text: text.into(),
            actions: Vec::new(),
        }
    }

    pub fn with_action(mut self, action: NoticeAction) -> Self {
        self.actions.push(action);
        self
    }

    /// "You have unsaved changes": keep editing, or discard them and sign out.
    pub fn unsaved_sign_out() -> Self {
        Notice::new(Tone::Info, Key::UnsavedSignOut)
            .with_action(NoticeAction::KeepEditing)
            .with_action(NoticeAction::DiscardAndSignOut)
    }
}

/// What becomes of one thing the form shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Change<T> {
    /// It stays as it is.
    #[default]
    Keep,
    /// It goes.
    Clear,
    /// It becomes this.
    Set(T),
}

impl<T> Change<T> {
    /// `Set` for `Some`, `Clear` for `None`.
    pub fn to(value: Option<T>) -> Self {
        value.map_or(Change::Clear, Change::Set)
    }

    /// The same change, to what `f` makes of the value.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Change<U> {
        match self {
            Change::Keep => Change::Keep,
            Change::Clear => Change::Clear,
            Change::Set(value) => Change::Set(f(value)),
        }
    }

    /// What it becomes, when it becomes something.
    pub fn set(self) -> Option<T> {
        match self {
            Change::Set(value) => Some(value),
            _ => None,
        }
    }
}

/// Where focus goes once the outcome is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A field's control.
    Field(Field),
    /// The first choice of the view of a change made elsewhere.
    FirstChoice,
    /// The choices for one field changed elsewhere.
    Choice(Field),
    /// A notice's button.
    Action(NoticeAction),
    /// The picture's button in the header.
    #[cfg(feature = "picture")]
    Picture,
}

impl Focus {
    /// The CSS selector that finds it in the form.
    pub fn selector(self) -> String {
        match self {
            Focus::Field(field) => format!("[name='{}']", field.as_str()),
            Focus::FirstChoice => "[data-testid='conflict'] input".to_owned(),
            Focus::Choice(field) => format!("[data-testid='conflict-{}'] input", field.as_str()),
            Focus::Action(action) => format!("[data-testid='{}']", action.testid()),
            #[cfg(feature = "picture")]
            Focus::Picture => "[data-testid='picture']".to_owned(),
        }
    }
}

/// One change an [`Outcome`] makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Keep the form's edits where a new sign-in of the same person finds them.
    KeepDraft,
    /// Forget the session's tokens.
    ClearTokens,
    /// The next sign-in must authenticate afresh (`prompt=login`), so that ZITADEL
    /// asks for the second factor it wants.
    Reauthenticate,
    /// Throw the edits away: the form goes back to what was loaded, no draft is kept.
    DiscardDraft,
    /// A new model for the form as a whole.
    Model(Box<FormModel>),
    /// Speak the person's stored preferred language, as the model now holds it.
    FollowLanguage,
    /// Who is signed in (nobody: `None`).
    Account(Option<Account>),
    /// The notice (none: `None`).
    Notice(Option<Notice>),
    Phase(Phase),
    /// The prefilled form takes input now: set the User Timing mark.
    MarkEditable,
    /// Tell the host.
    Event(HostEvent),
    /// Move focus, once the outcome is on screen.
    Focus(Focus),
}

impl Effect {
    /// Where the effect stands in the order outcomes list them (and so are applied):
    /// the draft is kept before the tokens go, a model is in place before its language
    /// is followed, the host hears of what is on screen, and focus comes last. What the
    /// form shows (account, notice, phase) may come in any order among itself.
    pub fn rank(&self) -> u8 {
        match self {
            Effect::KeepDraft => 0,
            Effect::ClearTokens | Effect::Reauthenticate => 1,
            Effect::DiscardDraft => 2,
            Effect::Model(_) => 3,
            Effect::FollowLanguage => 4,
            Effect::Account(_) | Effect::Notice(_) | Effect::Phase(_) => 5,
            Effect::MarkEditable => 6,
            Effect::Event(_) => 7,
            Effect::Focus(_) => 8,
        }
    }
}

/// Everything a flow's end changes on screen and around it: its effects, listed in
/// [`Effect::rank`] order. [`Outcome::default`] changes nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome(Vec<Effect>);

impl Outcome {
    /// The effects, in the order to apply them.
    pub fn effects(self) -> Vec<Effect> {
        self.0
    }

    /// One more effect, in its place by rank.
    fn and(mut self, effect: Effect) -> Self {
        let rank = effect.rank();
        let at = self.0.iter().position(|e| e.rank() > rank);
        self.0.insert(at.unwrap_or(self.0.len()), effect);
        self
    }

    /// Nobody is signed in any more: the sign-in offer, with `notice`.
    fn signed_out(notice: Option<Notice>) -> Self {
        Outcome(vec![
            Effect::Account(None),
            Effect::Notice(notice),
            Effect::Phase(Phase::SignedOut),
        ])
    }

    fn notice(notice: Notice) -> Self {
        Outcome(vec![Effect::Notice(Some(notice))])
    }
}

/// What an outcome does to each part of the form, read back (for tests: the form
/// itself applies the effects in order).
impl Outcome {
    pub fn phase(&self) -> Option<Phase> {
        self.0.iter().find_map(|e| match e {
            Effect::Phase(p) => Some(p.clone()),
            _ => None,
        })
    }

    pub fn notice_change(&self) -> Change<Notice> {
        self.0
            .iter()
            .find_map(|e| match e {
                Effect::Notice(n) => Some(Change::to(n.clone())),
                _ => None,
            })
            .unwrap_or_default()
    }

    pub fn account(&self) -> Change<Account> {
        self.0
            .iter()
            .find_map(|e| match e {
                Effect::Account(a) => Some(Change::to(a.clone())),
                _ => None,
            })
            .unwrap_or_default()
    }

    pub fn model(&self) -> Option<FormModel> {
        self.0.iter().find_map(|e| match e {
            Effect::Model(m) => Some((**m).clone()),
            _ => None,
        })
    }

    pub fn event(&self) -> Option<HostEvent> {
        self.0.iter().find_map(|e| match e {
            Effect::Event(event) => Some(event.clone()),
            _ => None,
        })
    }

    pub fn focus(&self) -> Option<Focus> {
        self.0.iter().find_map(|e| match e {
            Effect::Focus(f) => Some(*f),
            _ => None,
        })
    }

    pub fn does(&self, effect: &Effect) -> bool {
        self.0.contains(effect)
    }

    /// Whether the effects are listed in the order they must be applied.
    pub fn in_order(&self) -> bool {
        self.0.windows(2).all(|w| w[0].rank() <= w[1].rank())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::api::wire::{Email, Human, Profile};
    use crate::api::{Details, User};
    #[allow(unused_imports)]
    use crate::screen::{Change, Effect};

    pub fn user() -> User {
        User {
            id: "42".into(),
            details: Details::default(),
            preferred_login_name: "ada@acme".into(),
            human: Some(Human {
                profile: Profile {
                    first_name: "Ada".into(),
                    last_name: "Lovelace".into(),
                    display_name: "Ada Lovelace".into(),
                    preferred_language: "und".into(),
                    ..Profile::default()
                },
                email: Email {
                    email: "ada@acme.example".into(),
                    is_email_verified: true,
                },
            }),
        }
    }

    #[test]
    fn focus_finds_each_target_in_the_form() {
        assert_eq!(
            Focus::Field(Field::NickName).selector(),
            "[name='nickName']"
        );
        assert_eq!(
            Focus::FirstChoice.selector(),
            "[data-testid='conflict'] input"
        );
        assert_eq!(
            Focus::Choice(Field::Gender).selector(),
            "[data-testid='conflict-gender'] input"
        );
        assert_eq!(
            Focus::Action(NoticeAction::KeepEditing).selector(),
            "[data-testid='keep-editing']"
        );
    }

    #[test]
    fn a_change_is_kept_cleared_or_set() {
        assert_eq!(Change::to(Some(1)), Change::Set(1));
        assert_eq!(Change::<u8>::to(None), Change::Clear);
        assert_eq!(Change::Set(1).set(), Some(1));
        assert_eq!(Change::<u8>::Keep.set(), None);
        assert_eq!(Outcome::default().notice_change(), Change::Keep);
    }

    /// Every outcome lists its effects in the order they are applied.
    #[test]
    fn every_outcome_lists_its_effects_in_order() {
        use crate::screen::*;
        let outcomes = [
            loaded(LoadResult::Profile(Box::new(user())), None),
            loaded(LoadResult::SessionEnded, None),
            loaded(LoadResult::FreshTokenRefused { has_audience: true }, None),
            loaded(LoadResult::Failed(crate::http::HttpError::Timeout), None),
            sign_out_not_ended(&crate::oidc::SignInError::NoEndSession),
            signed_out_elsewhere(true),
            sign_out_asked(),
            compared(true),
            settled(Err(Field::Gender)),
            edits_discarded(),
        ];
        for outcome in outcomes {
            assert!(outcome.in_order(), "{outcome:?}");
        }
    }
}
