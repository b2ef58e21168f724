//! What the form does with the end of a load or a save, as pure functions over plain
//! data: which phase it shows, the form's model, the notice, the event for the host,
//! and whether the session's tokens go. The components apply the result; every branch
//! is tested here on the host.

use crate::api::{draft_of, UpdateResponse, User};
use crate::authorized::CallError;
use crate::form::FormModel;
use crate::host_events::{ErrorKind, HostEvent, Loaded as LoadedDetail, SavedDetail};
use crate::http::HttpError;
use crate::i18n::{Key, Message};
use crate::oidc::SignInError;
use crate::options::API_AUDIENCE_SCOPE;
use crate::problem::Problem;
use crate::profile::Field;
use crate::profile::{Draft, KeptDraft, ValidProfile};

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

/// How loading the profile ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadResult {
    /// No tokens: nobody is signed in.
    NoSession,
    Profile(Box<User>),
    /// The sign-in this page load finished failed.
    SignIn(SignInError),
    /// The session is gone and could not be refreshed.
    SessionEnded,
    /// ZITADEL refused a token it issued a moment ago; `has_audience` when the scope
    /// asked for the API audience.
    FreshTokenRefused {
        has_audience: bool,
    },
    Failed(HttpError),
}

/// Who is signed in, for the form's header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Account {
    pub login_name: String,
    /// Whom the avatar shows, as its accessible name: the display name, or else the
    /// login name.
    pub name: String,
    /// One or two letters, shown when there is no avatar or it cannot be loaded.
    pub initials: String,
    pub avatar_url: Option<String>,
    /// The email address and whether it is verified.
    pub email: Option<(String, bool)>,
}

impl Account {
    pub fn of(user: &User) -> Self {
        let human = user.human.clone().unwrap_or_default();
        let form = human.profile.form();
        let name = Some(form.display_name.trim())
            .filter(|n| !n.is_empty())
            .unwrap_or(&user.preferred_login_name);
        Account {
            login_name: user.preferred_login_name.clone(),
            name: name.to_owned(),
            initials: initials(&form.first_name, &form.last_name, name),
            avatar_url: Some(human.profile.avatar_url).filter(|u| !u.is_empty()),
            email: Some(human.email)
                .filter(|e| !e.email.is_empty())
                .map(|e| (e.email, e.is_email_verified)),
        }
    }
}

impl Account {
    /// Keeps the avatar only when it is served from one of `ours` (the instance and
    /// its API, where ZITADEL's assets API lives): a profile cannot make the page
    /// load images from elsewhere. The documented CSP's `img-src` allows the same.
    pub fn with_avatar_from(mut self, ours: &[&str]) -> Self {
        let origin = crate::url::origin;
        let allowed: Vec<String> = ours.iter().filter_map(|u| origin(u)).collect();
        self.avatar_url = self
            .avatar_url
            .filter(|u| origin(u).is_some_and(|o| allowed.contains(&o)));
        self
    }
}

/// The first letters of the first and the last name; the first letter of `fallback`
/// when both names are empty. Latin letters are put in capitals; others stay as
/// written (Unicode's case tables would cost kilobytes for names people already
/// write capitalised).
pub fn initials(first_name: &str, last_name: &str, fallback: &str) -> String {
    let first_letter = |s: &str| s.trim().chars().next().map(|c| c.to_ascii_uppercase());
    let letters: String = [first_letter(first_name), first_letter(last_name)]
        .into_iter()
        .flatten()
        .collect();
    if letters.is_empty() {
        first_letter(fallback).map(String::from).unwrap_or_default()
    } else {
        letters
    }
}

/// What the form becomes after a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub phase: Phase,
    /// The signed-in user's id, when a profile arrived.
    pub user_id: Option<String>,
    /// The form to show, when a profile arrived.
    pub model: Option<FormModel>,
    /// Who is signed in, when a profile arrived.
    pub account: Option<Account>,
    pub notice: Option<Notice>,
    pub event: Option<HostEvent>,
    /// Whether the session's tokens must be forgotten.
    pub clear_tokens: bool,
}

impl Loaded {
    fn signed_out(notice: Option<Notice>, event: Option<HostEvent>, clear_tokens: bool) -> Self {
        Loaded {
            phase: Phase::SignedOut,
            user_id: None,
            model: None,
            account: None,
            notice,
            event,
            clear_tokens,
        }
    }
}

/// Decides what a load's `result` shows. `kept` is the draft a person left when their
/// session ended; it is read only when a profile arrived, and typed over it again
/// only when it is that same person's.
pub fn loaded(result: LoadResult, kept: Option<KeptDraft>) -> Loaded {
    match result {
        LoadResult::Profile(user) => {
            let account = Account::of(&user);
            let profile = user.human.map(|h| h.profile.form()).unwrap_or_default();
            let (current, sequence) = (draft_of(profile), user.details.sequence);
            let event = HostEvent::ProfileLoaded(LoadedDetail {
                user_id: user.id.clone(),
                profile: current.clone(),
            });
            let kept = kept.filter(|k| k.user_id == user.id);
            let notice = kept.is_some().then(|| {
                Notice::new(Tone::Info, Key::DraftRestored).with_action(NoticeAction::DiscardDraft)
            });
            let model = match kept {
                Some(kept) => FormModel::restored(kept, current, sequence),
                None => FormModel::loaded_at(current, sequence),
            };
            Loaded {
                phase: Phase::Ready,
                user_id: Some(user.id.clone()),
                model: Some(model),
                account: Some(account),
                notice,
                event: Some(event),
                clear_tokens: false,
            }
        }
        LoadResult::NoSession => Loaded::signed_out(None, None, false),
        // Nothing went wrong here: the other tab holds the session.
        LoadResult::SignIn(SignInError::FinishedElsewhere) => {
            let notice = Notice::new(Tone::Info, Key::FinishedElsewhere);
            Loaded::signed_out(Some(notice), None, false)
        }
        LoadResult::SignIn(error) => {
            let notice = Notice::new(Tone::Error, error.message());
            let event = HostEvent::error(ErrorKind::SignIn, error);
            Loaded::signed_out(Some(notice), Some(event), false)
        }
        LoadResult::SessionEnded => {
            let notice = Notice::new(Tone::Info, Key::SessionEndedSignIn);
            Loaded::signed_out(Some(notice), None, true)
        }
        LoadResult::FreshTokenRefused { has_audience } => {
            let key = if has_audience {
                Key::FreshTokenRefused
            } else {
                Key::FreshTokenLacksAudience
            };
            let text = Message::new(key).with("scope", API_AUDIENCE_SCOPE);
            let event = HostEvent::error(ErrorKind::SignIn, &text);
            Loaded::signed_out(Some(Notice::new(Tone::Error, text)), Some(event), true)
        }
        LoadResult::Failed(error) => {
            let problem = Problem::from_error(&error);
            Loaded {
                event: Some(HostEvent::error(problem.kind(), &problem)),
                phase: Phase::LoadFailed(problem),
                user_id: None,
                model: None,
                account: None,
                notice: None,
                clear_tokens: false,
            }
        }
    }
}

/// What a save sent, from which draft, and how the server answered.
#[derive(Debug, Clone)]
pub struct SaveOutcome {
    pub sent: ValidProfile,
    pub sent_from: Draft,
    pub result: Result<UpdateResponse, CallError>,
}

/// What the form does after a save, besides updating its model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub notice: Option<Notice>,
    pub event: Option<HostEvent>,
    /// The field to move focus to, once its message shows.
    pub focus: Option<Field>,
    /// The session is over: keep the draft for the next sign-in, forget the tokens.
    pub session_ended: bool,
}

impl Saved {
    fn notice(notice: Notice, event: Option<HostEvent>) -> Self {
        Saved {
            notice: Some(notice),
            event,
            focus: None,
            session_ended: false,
        }
    }

    fn session_ended() -> Self {
        let problem = Problem::Unauthenticated;
        Saved {
            notice: Some(
                Notice::new(Tone::Error, problem.message()).with_action(NoticeAction::SignIn),
            ),
            event: Some(HostEvent::error(ErrorKind::SessionEnded, &problem)),
            focus: None,
            session_ended: true,
        }
    }
}

/// Applies a save's outcome to `model` and decides the rest. `format_time` turns
/// ZITADEL's change date into a time for people, when it can.
pub fn saved(
    model: &mut FormModel,
    outcome: SaveOutcome,
    format_time: impl Fn(&str) -> Option<String>,
) -> Saved {
    let SaveOutcome {
        sent,
        sent_from,
        result,
    } = outcome;
    let error = match result {
        Ok(response) => {
            model.saved(&sent, &sent_from);
            let details = &response.details;
            model.sequence = details.sequence;
            let text = match details.change_date.as_deref().and_then(format_time) {
                Some(time) => Message::new(Key::SavedAt).with("time", time),
                None => Key::Saved.into(),
            };
            let event = HostEvent::ProfileSaved(SavedDetail {
                profile: sent,
                details: details.into(),
            });
            return Saved::notice(Notice::new(Tone::Success, text), Some(event));
        }
        Err(CallError::SessionEnded) => return Saved::session_ended(),
        Err(CallError::Http(error)) => error,
    };
    let problem = Problem::from_error(&error);
    let event = Some(HostEvent::error(problem.kind(), &problem));
    match problem {
        Problem::Invalid {
            field: Some(field),
            text,
        } => {
            model.pin_server_error(field, text);
            Saved {
                notice: None,
                event,
                focus: Some(field),
                session_ended: false,
            }
        }
        // The server already holds exactly these values.
        Problem::NotChanged => {
            model.saved(&sent, &sent_from);
            Saved::notice(Notice::new(Tone::Info, problem.message()), event)
        }
        Problem::Unauthenticated => Saved::session_ended(),
        problem => {
            let mut notice = Notice::new(Tone::Error, problem.message());
            if problem.retryable() {
                notice = notice.with_action(NoticeAction::RetrySave);
            }
            Saved::notice(notice, event)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::{Email, Human, Profile};
    use crate::api::Details;
    use crate::oidc::protocol::OAuthErrorCode;
    use crate::profile::Gender;
    use crate::validate::validate;

    fn user() -> User {
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
    fn an_avatar_is_shown_only_from_the_instance_or_its_api() {
        let with = |url: &str| Account {
            avatar_url: Some(url.into()),
            ..Account::default()
        };
        let ours = [
            "https://acme.zitadel.cloud",
            "https://api.acme.example/base",
        ];
        let kept = |url: &str| with(url).with_avatar_from(&ours).avatar_url.is_some();
        assert!(kept(
            "https://acme.zitadel.cloud/assets/v1/1/users/2/avatar"
        ));
        assert!(kept("https://API.acme.example/assets/v1/1/users/2/avatar"));
        assert!(!kept("https://tracker.example/pixel.png"));
        assert!(!kept(
            "http://acme.zitadel.cloud/assets/v1/1/users/2/avatar"
        ));
        assert!(!kept("data:image/svg+xml,<svg/>"));
        assert!(!kept("javascript:alert(1)"));
    }

    #[test]
    fn initials_come_from_the_names_or_else_the_fallback() {
        assert_eq!(initials("ada", "lovelace", "x"), "AL");
        assert_eq!(initials(" Émile", "", "x"), "É");
        assert_eq!(initials("", "", "ada@acme"), "A");
        assert_eq!(initials("", "", ""), "");
        assert_eq!(
            initials("élodie", "", ""),
            "é",
            "left as written beyond ASCII"
        );
    }

    #[test]
    fn an_account_without_display_name_or_email_is_named_by_its_login() {
        let mut user = user();
        if let Some(human) = user.human.as_mut() {
            human.profile.display_name = "  ".into();
            human.profile.avatar_url = "https://acme.example/assets/v1/1/users/42/avatar".into();
            human.email = Email::default();
        }
        let account = Account::of(&user);
        assert_eq!(account.name, "ada@acme");
        assert_eq!(account.email, None);
        assert_eq!(
            account.avatar_url.as_deref(),
            Some("https://acme.example/assets/v1/1/users/42/avatar")
        );
    }

    #[test]
    fn a_profile_shows_the_form_and_tells_the_host() {
        let loaded = loaded(LoadResult::Profile(Box::new(user())), None);
        assert_eq!(loaded.phase, Phase::Ready);
        let account = loaded.account.unwrap();
        assert_eq!(account.login_name, "ada@acme");
        assert_eq!(account.name, "Ada Lovelace");
        assert_eq!(account.initials, "AL");
        assert_eq!(account.avatar_url, None);
        assert_eq!(account.email, Some(("ada@acme.example".into(), true)));
        let model = loaded.model.unwrap();
        assert_eq!(model.draft.first_name, Draft::sample().first_name);
        assert_eq!(model.draft.preferred_language, "", "und shows as not set");
        assert!(!model.is_dirty());
        assert_eq!(loaded.notice, None);
        assert!(!loaded.clear_tokens);
        let Some(HostEvent::ProfileLoaded(detail)) = loaded.event else {
            panic!("profile-loaded expected");
        };
        assert_eq!(detail.user_id, "42");
        assert_eq!(detail.profile, model.baseline);
    }

    #[test]
    fn a_kept_draft_is_typed_over_the_loaded_profile() {
        let mut kept = loaded(LoadResult::Profile(Box::new(user())), None)
            .model
            .unwrap()
            .draft;
        kept.nick_name = "Countess".into();
        kept.gender = Gender::Female;
        let mine = KeptDraft {
            user_id: "42".into(),
            draft: kept.clone(),
            base: None,
            sequence: 0,
        };
        let loaded = loaded(LoadResult::Profile(Box::new(user())), Some(mine));
        let model = loaded.model.unwrap();
        assert_eq!(model.draft, kept);
        assert!(model.is_dirty());
        assert_eq!(model.baseline.nick_name, "", "the baseline is the server's");
        assert_eq!(
            loaded.notice,
            Some(
                Notice::new(Tone::Info, Key::DraftRestored).with_action(NoticeAction::DiscardDraft)
            )
        );
    }

    /// L6: a draft kept for one account is never restored into another.
    #[test]
    fn l6_a_draft_of_another_account_is_dropped() {
        let mut draft = Draft::sample();
        draft.nick_name = "Someone else's".into();
        let theirs = KeptDraft {
            user_id: "7".into(),
            draft,
            base: None,
            sequence: 0,
        };
        let loaded = loaded(LoadResult::Profile(Box::new(user())), Some(theirs));
        let model = loaded.model.unwrap();
        assert!(!model.is_dirty());
        assert_eq!(model.draft.nick_name, "");
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.user_id.as_deref(), Some("42"));
    }

    /// L2: a callback for a sign-in of another tab is no error, and offers sign-in.
    #[test]
    fn l2_a_sign_in_finished_elsewhere_is_explained() {
        let loaded = loaded(LoadResult::SignIn(SignInError::FinishedElsewhere), None);
        assert_eq!(loaded.phase, Phase::SignedOut);
        assert_eq!(loaded.event, None);
        assert!(!loaded.clear_tokens);
        let notice = loaded.notice.unwrap();
        assert_eq!(notice.tone, Tone::Info);
        assert!(notice.text.to_string().contains("another tab or window"));
    }

    #[test]
    fn a_machine_user_shows_an_empty_form() {
        let mut machine = user();
        machine.human = None;
        let model = loaded(LoadResult::Profile(Box::new(machine)), None)
            .model
            .unwrap();
        assert_eq!(model.draft, Draft::default());
    }

    #[test]
    fn no_session_offers_to_sign_in_quietly() {
        assert_eq!(
            loaded(LoadResult::NoSession, None),
            Loaded::signed_out(None, None, false)
        );
    }

    #[test]
    fn a_failed_sign_in_is_shown_and_reported() {
        let error = SignInError::Authorize {
            error: OAuthErrorCode::AccessDenied,
            description: None,
        };
        let loaded = loaded(LoadResult::SignIn(error), None);
        assert_eq!(loaded.phase, Phase::SignedOut);
        let notice = loaded.notice.unwrap();
        assert_eq!(notice.tone, Tone::Error);
        assert_eq!(notice.text.to_string(), "Sign-in was cancelled.");
        assert_eq!(
            loaded.event,
            Some(HostEvent::error(
                ErrorKind::SignIn,
                "Sign-in was cancelled."
            ))
        );
        assert!(!loaded.clear_tokens);
    }

    #[test]
    fn an_ended_session_forgets_the_tokens() {
        let loaded = loaded(LoadResult::SessionEnded, None);
        assert_eq!(loaded.phase, Phase::SignedOut);
        assert!(loaded.clear_tokens);
        assert_eq!(loaded.event, None);
        assert_eq!(
            loaded.notice.unwrap().text.to_string(),
            "Your session has ended. Sign in again to continue."
        );
    }

    #[test]
    fn a_refused_fresh_token_names_the_operator_fix() {
        for (has_audience, expected) in [
            (true, "points at the same instance"),
            (
                false,
                "add urn:zitadel:iam:org:project:id:zitadel:aud to the “scope” option",
            ),
        ] {
            let loaded = loaded(LoadResult::FreshTokenRefused { has_audience }, None);
            assert_eq!(loaded.phase, Phase::SignedOut);
            assert!(loaded.clear_tokens);
            let text = loaded.notice.unwrap().text.to_string();
            assert!(text.contains(expected), "{text}");
            assert_eq!(
                loaded.event,
                Some(HostEvent::error(ErrorKind::SignIn, &text))
            );
        }
    }

    #[test]
    fn a_failed_load_shows_the_problem() {
        let loaded = loaded(LoadResult::Failed(HttpError::Timeout), None);
        assert_eq!(loaded.phase, Phase::LoadFailed(Problem::Timeout));
        assert_eq!(
            loaded.event,
            Some(HostEvent::error(ErrorKind::Timeout, Problem::Timeout))
        );
        assert!(!loaded.clear_tokens);
        assert_eq!(loaded.notice, None);
    }

    fn edited() -> (FormModel, SaveOutcome) {
        let mut model = FormModel::loaded(Draft::sample());
        model.edit(Field::NickName, " Countess ".into());
        let outcome = SaveOutcome {
            sent: model.to_save().unwrap(),
            sent_from: model.draft.clone(),
            result: Err(CallError::SessionEnded),
        };
        (model, outcome)
    }

    fn refused(status: u16, body: &str) -> Result<UpdateResponse, CallError> {
        Err(CallError::Http(HttpError::Status {
            status,
            body: body.into(),
        }))
    }

    #[test]
    fn a_stored_save_moves_the_baseline_and_says_when() {
        let (mut model, mut outcome) = edited();
        outcome.result = Ok(UpdateResponse {
            details: Details {
                sequence: 7,
                change_date: Some("2026-11-29T13:12:42Z".into()),
                resource_owner: Some("org".into()),
            },
        });
        let saved = saved(&mut model, outcome, |_| Some("14:12:42".into()));
        assert_eq!(model.draft.nick_name, "Countess");
        assert!(!model.is_dirty());
        let notice = saved.notice.unwrap();
        assert_eq!((notice.tone, notice.actions), (Tone::Success, vec![]));
        assert_eq!(notice.text.to_string(), "Saved at 14:12:42.");
        let Some(HostEvent::ProfileSaved(detail)) = saved.event else {
            panic!("profile-saved expected");
        };
        assert_eq!(detail.details.sequence, "7");
        assert_eq!(detail.profile, validate(&model.draft).unwrap());
        assert!(!saved.session_ended);
    }

    #[test]
    fn a_save_without_a_readable_date_just_says_saved() {
        let (mut model, mut outcome) = edited();
        outcome.result = Ok(UpdateResponse::default());
        let saved = saved(&mut model, outcome, |_| None);
        assert_eq!(saved.notice.unwrap().text.to_string(), "Saved.");
    }

    #[test]
    fn a_refused_field_is_pinned_and_focused() {
        let (mut model, mut outcome) = edited();
        outcome.result = refused(
            400,
            r#"{"code":3,"message":"invalid UpdateMyProfileRequest.NickName: too long","details":[]}"#,
        );
        let saved = saved(&mut model, outcome, |_| None);
        assert_eq!(saved.focus, Some(Field::NickName));
        assert_eq!(saved.notice, None);
        assert!(model.message(Field::NickName).is_some());
        assert!(model.to_save().is_none(), "not again until edited");
        assert!(matches!(
            saved.event,
            Some(HostEvent::ProfileError(ref d)) if d.kind == ErrorKind::Invalid
        ));
    }

    #[test]
    fn a_refusal_naming_no_field_goes_to_the_banner() {
        let (mut model, mut outcome) = edited();
        outcome.result = refused(400, r#"{"code":3,"message":"proto: syntax error"}"#);
        let saved = saved(&mut model, outcome, |_| None);
        assert_eq!(saved.focus, None);
        let notice = saved.notice.unwrap();
        assert_eq!((notice.tone, notice.actions), (Tone::Error, vec![]));
        assert!(notice.text.to_string().contains("proto: syntax error"));
    }

    #[test]
    fn not_changed_counts_as_saved() {
        let (mut model, mut outcome) = edited();
        outcome.result = refused(
            400,
            r#"{"code":9,"message":"x","details":[{"id":"COMMAND-2M0fs","message":"x"}]}"#,
        );
        let saved = saved(&mut model, outcome, |_| None);
        assert!(!model.is_dirty());
        let notice = saved.notice.unwrap();
        assert_eq!(notice.tone, Tone::Info);
        assert_eq!(notice.text.key(), Key::NotChanged);
    }

    /// ZITADEL answers the first identical save of a user whose gender it holds as 0
    /// with 200 and a new sequence (the v1 API stores UNSPECIFIED as -1): that reads
    /// as saved, just as "not changed" does.
    #[test]
    fn an_identical_save_answered_200_reads_as_saved() {
        let mut model = FormModel::loaded(Draft::sample());
        let sent = validate(&model.draft).unwrap();
        assert_eq!(
            sent.to_draft(),
            model.baseline,
            "the stored values, sent again"
        );
        let outcome = SaveOutcome {
            sent,
            sent_from: model.draft.clone(),
            result: Ok(UpdateResponse {
                details: Details {
                    sequence: 8,
                    change_date: None,
                    resource_owner: None,
                },
            }),
        };
        let saved = saved(&mut model, outcome, |_| None);
        assert!(!model.is_dirty());
        let notice = saved.notice.unwrap();
        assert_eq!(notice.tone, Tone::Success);
        assert_eq!(notice.text.key(), Key::Saved);
        assert!(matches!(saved.event, Some(HostEvent::ProfileSaved(_))));
    }

    #[test]
    fn an_ended_session_keeps_the_draft_and_offers_sign_in() {
        for result in [Err(CallError::SessionEnded), refused(401, "")] {
            let (mut model, mut outcome) = edited();
            let before = model.clone();
            outcome.result = result;
            let saved = saved(&mut model, outcome, |_| None);
            assert!(saved.session_ended);
            assert_eq!(model, before, "nothing typed is lost");
            let notice = saved.notice.unwrap();
            assert_eq!(notice.actions, [NoticeAction::SignIn]);
            assert!(matches!(
                saved.event,
                Some(HostEvent::ProfileError(ref d)) if d.kind == ErrorKind::SessionEnded
            ));
        }
    }

    #[test]
    fn passing_failures_offer_a_retry_and_lasting_ones_do_not() {
        for (result, retry) in [
            (refused(503, ""), true),
            (refused(429, ""), true),
            (Err(CallError::Http(HttpError::Timeout)), true),
            (Err(CallError::Http(HttpError::Network("x".into()))), true),
            (
                refused(
                    403,
                    r#"{"code":7,"message":"x","details":[{"id":"AUTH-DZG21"}]}"#,
                ),
                false,
            ),
            (
                refused(
                    400,
                    r#"{"code":9,"message":"x","details":[{"id":"COMMAND-3M9sd"}]}"#,
                ),
                false,
            ),
        ] {
            let (mut model, mut outcome) = edited();
            let before = model.clone();
            outcome.result = result;
            let saved = saved(&mut model, outcome, |_| None);
            let notice = saved.notice.unwrap();
            assert_eq!(notice.tone, Tone::Error);
            assert_eq!(!notice.actions.is_empty(), retry, "{}", notice.text);
            assert_eq!(model, before);
            assert!(!saved.session_ended);
        }
    }
}
