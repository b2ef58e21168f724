//! The end of a load: what the form shows once the profile (or why there is none)
//! is known.

use super::{sign_in_failed, Account, Effect, Notice, NoticeAction, Outcome, Phase, Tone};
use crate::api::{draft_of, User};
use crate::form::FormModel;
use crate::host_events::{ErrorKind, HostEvent, Loaded as LoadedDetail};
use crate::http::HttpError;
use crate::i18n::{Key, Message};
use crate::oidc::SignInError;
use crate::options::API_AUDIENCE_SCOPE;
use crate::problem::Problem;
use crate::profile::KeptDraft;

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
    /// users/me named another user than the id_token's `sub` (or none).
    AnotherAccount,
    /// The session could not be renewed: the application may not use refresh tokens.
    RefreshNotAllowed,
    /// ZITADEL refused a token it issued a moment ago; `has_audience` when the scope
    /// asked for the API audience.
    FreshTokenRefused {
        has_audience: bool,
    },
    Failed(HttpError),
}

/// Decides what a load's `result` shows. `kept` is the draft a person left when their
/// session ended; it is read only when a profile arrived, and typed over it again
/// only when it is that same person's.
pub fn loaded(result: LoadResult, kept: Option<KeptDraft>) -> Outcome {
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
            Outcome(vec![
                Effect::Model(Box::new(model)),
                Effect::FollowLanguage,
                Effect::Account(Some(account)),
                Effect::Notice(notice),
                Effect::Phase(Phase::Ready),
                Effect::MarkEditable,
                Effect::Event(event),
            ])
        }
        LoadResult::NoSession => Outcome::signed_out(None),
        LoadResult::SignIn(error) => sign_in_failed(error)
            .and(Effect::Account(None))
            .and(Effect::Phase(Phase::SignedOut)),
        LoadResult::SessionEnded => {
            let notice = Notice::new(Tone::Info, Key::SessionEndedSignIn);
            signed_out_forgetting_tokens(notice, None)
        }
        LoadResult::RefreshNotAllowed => {
            let text = Message::new(Key::RefreshGrantMissing);
            let event = HostEvent::error(ErrorKind::RefreshNotAllowed, &text);
            signed_out_forgetting_tokens(Notice::new(Tone::Error, text), Some(event))
        }
        LoadResult::Failed(error) if Problem::from_error(&error) == Problem::MfaRequired => {
            let problem = Problem::MfaRequired;
            let event = HostEvent::error(problem.kind(), &problem);
            let notice = Notice::new(Tone::Error, problem.message());
            signed_out_forgetting_tokens(notice, Some(event)).and(Effect::Reauthenticate)
        }
        LoadResult::AnotherAccount => {
            let notice = Notice::new(Tone::Error, Key::AnotherAccount);
            let event =
                HostEvent::error(ErrorKind::SessionEnded, Message::new(Key::AnotherAccount));
            signed_out_forgetting_tokens(notice, Some(event))
        }
        LoadResult::FreshTokenRefused { has_audience } => {
            let key = if has_audience {
                Key::FreshTokenRefused
            } else {
                Key::FreshTokenLacksAudience
            };
            let text = Message::new(key).with("scope", API_AUDIENCE_SCOPE);
            let event = HostEvent::error(ErrorKind::SignIn, &text);
            signed_out_forgetting_tokens(Notice::new(Tone::Error, text), Some(event))
        }
        LoadResult::Failed(error) => {
            let problem = Problem::from_error(&error);
            let event = HostEvent::error(problem.kind(), &problem);
            Outcome(vec![
                Effect::Account(None),
                Effect::Notice(None),
                Effect::Phase(Phase::LoadFailed(problem)),
                Effect::Event(event),
            ])
        }
    }
}

/// Whether users/me's `user_id` is the person the checked id_token names (`sub`):
/// a draft is bound to that id, so an empty one, or another, is never taken as theirs
/// (N3). Tokens stored before `sub` was kept name nobody, and accept any non-empty id.
pub fn names_the_signed_in_user(user_id: &str, sub: Option<&str>) -> bool {
    !user_id.is_empty() && sub.is_none_or(|sub| sub == user_id)
}

/// The session is over for good: forget its tokens, offer to sign in with `notice`.
fn signed_out_forgetting_tokens(notice: Notice, event: Option<HostEvent>) -> Outcome {
    let outcome = Outcome::signed_out(Some(notice)).and(Effect::ClearTokens);
    match event {
        Some(event) => outcome.and(Effect::Event(event)),
        None => outcome,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oidc::protocol::OAuthErrorCode;
    use crate::profile::{Draft, Gender};
    use crate::screen::tests::user;
    #[allow(unused_imports)]
    use crate::screen::{Change, Effect};

    #[test]
    fn a_profile_shows_the_form_and_tells_the_host() {
        let loaded = loaded(LoadResult::Profile(Box::new(user())), None);
        assert_eq!(loaded.phase(), Some(Phase::Ready));
        let account = loaded.account().set().unwrap();
        assert_eq!(account.login_name, "ada@acme");
        assert_eq!(account.name, "Ada Lovelace");
        assert_eq!(account.initials, "AL");
        assert_eq!(account.avatar_url, None);
        assert_eq!(account.email, Some(("ada@acme.example".into(), true)));
        let model = loaded.model().unwrap();
        assert_eq!(model.draft.first_name, Draft::sample().first_name);
        assert_eq!(model.draft.preferred_language, "", "und shows as not set");
        assert!(!model.is_dirty());
        assert_eq!(loaded.notice_change(), Change::Clear);
        assert!(!loaded.does(&Effect::ClearTokens));
        let Some(HostEvent::ProfileLoaded(detail)) = loaded.event() else {
            panic!("profile-loaded expected");
        };
        assert_eq!(detail.user_id, "42");
        assert_eq!(detail.profile, model.baseline);
        assert!(loaded.does(&Effect::FollowLanguage) && loaded.does(&Effect::MarkEditable));
    }

    #[test]
    fn a_kept_draft_is_typed_over_the_loaded_profile() {
        let mut kept = loaded(LoadResult::Profile(Box::new(user())), None)
            .model()
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
        let model = loaded.model().unwrap();
        assert_eq!(model.draft, kept);
        assert!(model.is_dirty());
        assert_eq!(model.baseline.nick_name, "", "the baseline is the server's");
        assert_eq!(
            loaded.notice_change(),
            Change::Set(
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
        let model = loaded.model().unwrap();
        assert!(!model.is_dirty());
        assert_eq!(model.draft.nick_name, "");
        assert_eq!(loaded.notice_change(), Change::Clear);
        assert_eq!(
            loaded.account().set().map(|a| a.user_id).as_deref(),
            Some("42")
        );
    }

    /// A load that meets the missing Refresh Token grant, or a second factor ZITADEL
    /// wants, offers to sign in again in words that name it.
    #[test]
    fn a_missing_grant_or_a_second_factor_at_load_offers_sign_in() {
        let refresh = loaded(LoadResult::RefreshNotAllowed, None);
        assert_eq!(refresh.phase(), Some(Phase::SignedOut));
        assert!(refresh.does(&Effect::ClearTokens));
        assert_eq!(
            refresh.notice_change().set().unwrap().text.key(),
            Key::RefreshGrantMissing
        );
        let mfa = HttpError::Status {
            status: 403,
            body: r#"{"code":7,"message":"mfa required (AUTHZ-Kl3p0)","details":[{"id":"AUTHZ-Kl3p0"}]}"#.into(),
        };
        let outcome = loaded(LoadResult::Failed(mfa), None);
        assert_eq!(outcome.phase(), Some(Phase::SignedOut));
        assert!(outcome.does(&Effect::Reauthenticate) && outcome.in_order());
        assert_eq!(
            outcome.notice_change().set().unwrap().text.key(),
            Key::MfaRequired
        );
        let other = loaded(LoadResult::Failed(HttpError::Timeout), None);
        assert!(!other.does(&Effect::Reauthenticate));
    }

    /// N3: a draft is bound to the checked id_token's `sub`; users/me naming another
    /// user, or nobody, ends the session instead of loading someone else's profile.
    #[test]
    fn n3_the_profile_must_be_the_signed_in_users() {
        assert!(names_the_signed_in_user("42", Some("42")));
        assert!(names_the_signed_in_user("42", None));
        assert!(!names_the_signed_in_user("43", Some("42")));
        assert!(!names_the_signed_in_user("", Some("")));
        assert!(!names_the_signed_in_user("", None));
        let outcome = loaded(LoadResult::AnotherAccount, None);
        assert_eq!(outcome.phase(), Some(Phase::SignedOut));
        assert!(outcome.does(&Effect::ClearTokens));
        assert_eq!(
            outcome.notice_change().set().unwrap().text.key(),
            Key::AnotherAccount
        );
        assert!(matches!(outcome.event(), Some(HostEvent::ProfileError(_))));
    }

    /// A stray callback is no error: the sign-in offer says what happened, and claims
    /// nothing about other tabs, which the form cannot know.
    #[test]
    fn a_stray_callback_is_explained_truthfully() {
        let loaded = loaded(LoadResult::SignIn(SignInError::StrayCallback), None);
        assert_eq!(loaded.phase(), Some(Phase::SignedOut));
        assert_eq!(loaded.event(), None);
        assert!(!loaded.does(&Effect::ClearTokens));
        let notice = loaded.notice_change().set().unwrap();
        assert_eq!(notice.tone, Tone::Info);
        let text = notice.text.to_string();
        assert!(
            text.starts_with("Nothing was signed in with this link"),
            "{text}"
        );
        assert!(!text.contains("signed in now"), "{text}");
        assert!(text.contains("“Sign in”"), "{text}");
    }

    #[test]
    fn a_machine_user_shows_an_empty_form() {
        let mut machine = user();
        machine.human = None;
        let model = loaded(LoadResult::Profile(Box::new(machine)), None)
            .model()
            .unwrap();
        assert_eq!(model.draft, Draft::default());
    }

    #[test]
    fn no_session_offers_to_sign_in_quietly() {
        let loaded = loaded(LoadResult::NoSession, None);
        assert_eq!(loaded.phase(), Some(Phase::SignedOut));
        assert_eq!(
            (loaded.notice_change(), loaded.account()),
            (Change::Clear, Change::Clear)
        );
        assert_eq!(
            (loaded.event(), loaded.does(&Effect::ClearTokens)),
            (None, false)
        );
    }

    #[test]
    fn a_failed_sign_in_is_shown_and_reported() {
        let error = SignInError::Authorize {
            error: OAuthErrorCode::AccessDenied,
            description: None,
        };
        let loaded = loaded(LoadResult::SignIn(error), None);
        assert_eq!(loaded.phase(), Some(Phase::SignedOut));
        let notice = loaded.notice_change().set().unwrap();
        assert_eq!(notice.tone, Tone::Error);
        assert_eq!(notice.text.to_string(), "Sign-in was cancelled.");
        assert_eq!(
            loaded.event(),
            Some(HostEvent::error(
                ErrorKind::SignIn,
                "Sign-in was cancelled."
            ))
        );
        assert!(!loaded.does(&Effect::ClearTokens));
    }

    #[test]
    fn an_ended_session_forgets_the_tokens() {
        let loaded = loaded(LoadResult::SessionEnded, None);
        assert_eq!(loaded.phase(), Some(Phase::SignedOut));
        assert!(loaded.does(&Effect::ClearTokens));
        assert_eq!(loaded.event(), None);
        assert_eq!(
            loaded.notice_change().set().unwrap().text.to_string(),
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
            assert_eq!(loaded.phase(), Some(Phase::SignedOut));
            assert!(loaded.does(&Effect::ClearTokens));
            let text = loaded.notice_change().set().unwrap().text.to_string();
            assert!(text.contains(expected), "{text}");
            assert_eq!(
                loaded.event(),
                Some(HostEvent::error(ErrorKind::SignIn, &text))
            );
        }
    }

    #[test]
    fn a_failed_load_shows_the_problem() {
        let loaded = loaded(LoadResult::Failed(HttpError::Timeout), None);
        assert_eq!(loaded.phase(), Some(Phase::LoadFailed(Problem::Timeout)));
        assert_eq!(
            loaded.event(),
            Some(HostEvent::error(ErrorKind::Timeout, Problem::Timeout))
        );
        assert!(!loaded.does(&Effect::ClearTokens));
        assert_eq!(loaded.notice_change(), Change::Clear);
    }
}
