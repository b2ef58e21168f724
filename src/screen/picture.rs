//! The end of a change of picture: what the form shows once the upload or the
//! removal was answered.

use super::save::call_ended_session;
use super::{Account, Effect, Focus, Notice, Outcome, Tone};
use crate::avatar::{fresh_url, PictureProblem};
use crate::host_events::{AvatarDetail, ErrorKind, HostEvent};
use crate::i18n::Key;

/// The picture was uploaded (`avatar_url`, ZITADEL's address for it, read back with
/// the user's `sequence`) or removed (`None`): the header shows it at once, from an
/// address no earlier load of the page has kept, and the host hears ZITADEL's.
pub fn picture_changed(account: Account, avatar_url: Option<String>, sequence: u64) -> Outcome {
    let text = match avatar_url {
        Some(_) => Key::PictureChanged,
        None => Key::PictureRemoved,
    };
    let shown = avatar_url.as_deref().map(|url| fresh_url(url, sequence));
    Outcome(vec![
        Effect::Account(Some(Account {
            avatar_url: shown,
            ..account
        })),
        Effect::Notice(Some(Notice::new(Tone::Success, text))),
        Effect::Event(HostEvent::AvatarChanged(AvatarDetail { avatar_url })),
        Effect::Focus(Focus::Picture),
    ])
}

/// The crop view or the question opened: a notice of an earlier success goes, so
/// that it is not read as the answer to this; one that asks something stays.
pub fn picture_opened(shown: Option<&Notice>) -> Outcome {
    match shown {
        Some(notice) if notice.tone == Tone::Success => Outcome(vec![Effect::Notice(None)]),
        _ => Outcome(Vec::new()),
    }
}

/// The crop view or the question closed: focus goes back to the picture's button.
pub fn picture_closed() -> Outcome {
    Outcome(vec![Effect::Focus(Focus::Picture)])
}

/// The picture could not be changed: said beside it (and to the host), and nothing
/// else on the form changes, unless the session is over, which the form's sign-in
/// flow then takes up with the edits kept.
pub fn picture_failed(problem: PictureProblem) -> Outcome {
    let kind = match &problem {
        PictureProblem::SessionEnded(ended) => return call_ended_session(ended.clone()),
        PictureProblem::Request(problem) => problem.kind(),
        _ => ErrorKind::Invalid,
    };
    let text = problem.message();
    Outcome(vec![
        Effect::Notice(Some(Notice::new(Tone::Error, text.clone()))),
        Effect::Event(HostEvent::error(kind, &text)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authorized::CallError;
    use crate::http::HttpError;
    use crate::screen::Change;

    fn account() -> Account {
        Account {
            user_id: "42".into(),
            name: "Ada".into(),
            initials: "AL".into(),
            avatar_url: Some("https://i.example/assets/v1/o/old".into()),
            ..Account::default()
        }
    }

    #[test]
    fn an_upload_shows_the_new_picture_from_a_fresh_address_and_tells_the_host() {
        let url = "https://i.example/assets/v1/o/avatar".to_owned();
        let outcome = picture_changed(account(), Some(url.clone()), 9);
        let effects = outcome.effects();
        let shown = effects.iter().find_map(|e| match e {
            Effect::Account(Some(a)) => Some(a.avatar_url.clone()),
            _ => None,
        });
        assert_eq!(shown, Some(Some(format!("{url}?v=9"))));
        assert!(
            effects.contains(&Effect::Event(HostEvent::AvatarChanged(AvatarDetail {
                avatar_url: Some(url)
            })))
        );
        assert!(effects.contains(&Effect::Focus(Focus::Picture)));
        assert!(effects.iter().any(|e| matches!(e,
            Effect::Notice(Some(n)) if n.tone == Tone::Success && n.text == Key::PictureChanged.into())));
    }

    #[test]
    fn opening_clears_a_success_but_keeps_a_question() {
        let done = Notice::new(Tone::Success, Key::PictureChanged);
        assert_eq!(
            picture_opened(Some(&done)).effects(),
            vec![Effect::Notice(None)]
        );
        let restored = Notice::new(Tone::Info, Key::DraftRestored)
            .with_action(crate::screen::NoticeAction::DiscardDraft);
        assert!(picture_opened(Some(&restored)).effects().is_empty());
        assert!(picture_opened(None).effects().is_empty());
    }

    #[test]
    fn a_removal_brings_the_initials_back() {
        let effects = picture_changed(account(), None, 10).effects();
        assert!(effects.iter().any(|e| matches!(e, Effect::Account(Some(a)) if a.avatar_url.is_none() && a.initials == "AL")));
        assert!(
            effects.contains(&Effect::Event(HostEvent::AvatarChanged(AvatarDetail {
                avatar_url: None
            })))
        );
    }

    #[test]
    fn a_refused_picture_is_said_and_nothing_else_changes() {
        let outcome = picture_failed(PictureProblem::TooBig);
        assert_eq!(outcome.phase(), None);
        assert!(matches!(outcome.notice_change(), Change::Set(n) if n.tone == Tone::Error));
        let effects = outcome.effects();
        assert!(!effects.iter().any(|e| matches!(
            e,
            Effect::Account(_) | Effect::Model(_) | Effect::ClearTokens
        )));
        assert!(effects.iter().any(|e| matches!(e,
            Effect::Event(HostEvent::ProfileError(d)) if d.kind == ErrorKind::Invalid)));
        let busy = PictureProblem::from_call(CallError::Http(HttpError::Status {
            status: 429,
            body: String::new(),
        }));
        let effects = picture_failed(busy).effects();
        assert!(effects.iter().any(|e| matches!(e,
            Effect::Event(HostEvent::ProfileError(d)) if d.kind == ErrorKind::RateLimited)));
    }

    #[test]
    fn an_ended_session_keeps_the_edits_and_offers_the_sign_in() {
        for (ended, kind) in [
            (CallError::SessionEnded, ErrorKind::SessionEnded),
            (CallError::RefreshNotAllowed, ErrorKind::RefreshNotAllowed),
        ] {
            let effects = picture_failed(PictureProblem::SessionEnded(ended)).effects();
            assert_eq!(effects[0], Effect::KeepDraft);
            assert!(effects.contains(&Effect::ClearTokens));
            assert!(effects.iter().any(|e| matches!(e,
                Effect::Event(HostEvent::ProfileError(d)) if d.kind == kind)));
        }
    }
}
