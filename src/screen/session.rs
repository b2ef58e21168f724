//! The ends of signing in and out: a sign-in that failed, a sign-out that could not
//! reach ZITADEL, one made in another tab, and the question before signing out with
//! unsaved edits.

use super::{Effect, Focus, Notice, NoticeAction, Outcome, Tone};
use crate::host_events::HostEvent;
use crate::i18n::{Key, Message};
use crate::oidc::SignInError;

/// A sign-in could not start or finish: the notice says why, and the host hears it.
/// A stray callback is no error of the host's: the notice says what it was.
pub fn sign_in_failed(error: SignInError) -> Outcome {
    match error {
        SignInError::StrayCallback => Outcome::notice(Notice::new(Tone::Info, Key::StrayCallback)),
        error => Outcome(vec![
            Effect::Notice(Some(Notice::new(Tone::Error, error.message()))),
            Effect::Event(HostEvent::error(error.kind(), error)),
        ]),
    }
}

/// Signing out has begun: an earlier notice no longer applies.
pub fn sign_out_started() -> Outcome {
    Outcome(vec![Effect::Notice(None)])
}

/// The page is leaving for ZITADEL's `end_session`: the host hears of the sign-out
/// before the page goes.
pub fn leaving_for_sign_out() -> Outcome {
    Outcome(vec![Effect::Event(HostEvent::SignedOut)])
}

/// Signed out here, but ZITADEL's session could not be ended (`why`): say so.
pub fn sign_out_not_ended(why: &SignInError) -> Outcome {
    let text = Message::new(Key::SignedOutHereOnly).with("reason", why.message());
    Outcome::signed_out(Some(Notice::new(Tone::Error, text)))
        .and(Effect::Event(HostEvent::SignedOut))
}

/// A tab sharing the session signed out: so is this one, and the person's unsaved
/// edits here (`dirty`) go from memory and storage as a sign-out here would drop
/// them (S5); the notice says so when there were some.
pub fn signed_out_elsewhere(dirty: bool) -> Outcome {
    let key = if dirty {
        Key::SignedOutElsewhereDiscarded
    } else {
        Key::SignedOutElsewhere
    };
    Outcome::signed_out(Some(Notice::new(Tone::Info, key)))
        .and(Effect::DiscardDraft)
        .and(Effect::Event(HostEvent::SignedOut))
}

/// "You have unsaved changes": keep editing, or discard them and sign out; focus on
/// the first answer.
pub fn sign_out_asked() -> Outcome {
    Outcome::notice(Notice::unsaved_sign_out())
        .and(Effect::Focus(Focus::Action(NoticeAction::KeepEditing)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host_events::ErrorKind;
    use crate::oidc::protocol::OAuthErrorCode;
    use crate::screen::Phase;
    #[allow(unused_imports)]
    use crate::screen::{Change, Effect};

    #[test]
    fn a_failed_sign_in_says_why_and_tells_the_host_but_one_finished_elsewhere_does_not() {
        let cancelled = SignInError::Authorize {
            error: OAuthErrorCode::AccessDenied,
            description: None,
        };
        let failed = sign_in_failed(cancelled);
        let notice = failed.notice_change().set().unwrap();
        assert_eq!(
            (notice.tone, notice.text.to_string().as_str()),
            (Tone::Error, "Sign-in was cancelled.")
        );
        assert_eq!(
            failed.event(),
            Some(HostEvent::error(
                ErrorKind::SignIn,
                "Sign-in was cancelled."
            ))
        );
        assert_eq!(failed.phase(), None, "the sign-in offer stays");
        let elsewhere = sign_in_failed(SignInError::StrayCallback);
        assert_eq!(elsewhere.event(), None);
        assert_eq!(elsewhere.notice_change().set().unwrap().tone, Tone::Info);
    }

    #[test]
    fn a_sign_out_that_missed_zitadel_signs_out_here_and_says_so() {
        let outcome =
            sign_out_not_ended(&SignInError::Discovery(crate::oidc::DiscoveryError::NoS256));
        assert_eq!(outcome.phase(), Some(Phase::SignedOut));
        assert_eq!(outcome.account(), Change::Clear);
        assert_eq!(outcome.event(), Some(HostEvent::SignedOut));
        let notice = outcome.notice_change().set().unwrap();
        assert_eq!(notice.tone, Tone::Error);
        assert_eq!(notice.text.key(), Key::SignedOutHereOnly);
    }

    /// S5: a sign-out in another tab drops this tab's draft, before anything else.
    #[test]
    fn s5_a_sign_out_elsewhere_signs_out_here_drops_the_draft_and_tells_the_host() {
        for (dirty, key) in [
            (false, Key::SignedOutElsewhere),
            (true, Key::SignedOutElsewhereDiscarded),
        ] {
            let outcome = signed_out_elsewhere(dirty);
            assert_eq!(outcome.phase(), Some(Phase::SignedOut));
            assert_eq!(outcome.account(), Change::Clear);
            assert_eq!(outcome.event(), Some(HostEvent::SignedOut));
            assert_eq!(outcome.notice_change().set().unwrap().text.key(), key);
            assert!(outcome.does(&Effect::DiscardDraft) && outcome.in_order());
        }
        assert_eq!(leaving_for_sign_out().event(), Some(HostEvent::SignedOut));
        assert_eq!(sign_out_started().notice_change(), Change::Clear);
    }

    #[test]
    fn signing_out_with_edits_asks_first_and_focuses_keep_editing() {
        let outcome = sign_out_asked();
        assert_eq!(
            outcome.notice_change(),
            Change::Set(Notice::unsaved_sign_out())
        );
        assert_eq!(
            outcome.focus(),
            Some(Focus::Action(NoticeAction::KeepEditing))
        );
        assert_eq!((outcome.phase(), outcome.event()), (None, None));
    }
}
