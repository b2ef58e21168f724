//! The end of a save: what the form shows once the server answered the `PUT`.

use super::{Effect, Focus, Notice, NoticeAction, Outcome, Tone};
use crate::api::UpdateResponse;
use crate::authorized::CallError;
use crate::form::FormModel;
use crate::host_events::{ErrorKind, HostEvent, SavedDetail};
use crate::i18n::{Key, Message};
use crate::problem::Problem;
use crate::profile::{Draft, ValidProfile};

/// What a save sent, from which draft, and how the server answered.
#[derive(Debug, Clone)]
pub struct SaveOutcome {
    pub sent: ValidProfile,
    pub sent_from: Draft,
    pub result: Result<UpdateResponse, CallError>,
}

/// The session is over: offer to sign in again, keep the draft for that sign-in and
/// forget the tokens.
fn session_ended() -> Outcome {
    let problem = Problem::Unauthenticated;
    session_ended_because(problem.message(), ErrorKind::SessionEnded)
}

/// The session cannot go on, for the reason `text` names (the host hears `kind`):
/// as [`session_ended`], in those words.
fn session_ended_because(text: Message, kind: ErrorKind) -> Outcome {
    let event = HostEvent::error(kind, &text);
    let notice = Notice::new(Tone::Error, text).with_action(NoticeAction::SignIn);
    Outcome(vec![
        Effect::KeepDraft,
        Effect::ClearTokens,
        Effect::Notice(Some(notice)),
        Effect::Event(event),
    ])
}

/// A call that could not go on without a new sign-in (the save's, or the picture's).
#[cfg_attr(not(feature = "picture"), allow(dead_code))]
pub(super) fn call_ended_session(error: CallError) -> Outcome {
    match error {
        CallError::RefreshNotAllowed => {
            let text = Key::RefreshGrantMissing.into();
            session_ended_because(text, ErrorKind::RefreshNotAllowed)
        }
        _ => session_ended(),
    }
}

fn notice(notice: Notice, event: Option<HostEvent>) -> Outcome {
    let outcome = Outcome::notice(notice);
    match event {
        Some(event) => outcome.and(Effect::Event(event)),
        None => outcome,
    }
}

/// Applies a save's outcome to `model` and decides the rest. `format_time` turns
/// ZITADEL's change date into a time for people, when it can. Whatever the answer,
/// the form then speaks the preferred language the model holds (a saved one included).
pub fn saved(
    model: &mut FormModel,
    outcome: SaveOutcome,
    format_time: impl Fn(&str) -> Option<String>,
) -> Outcome {
    decide_saved(model, outcome, format_time).and(Effect::FollowLanguage)
}

fn decide_saved(
    model: &mut FormModel,
    outcome: SaveOutcome,
    format_time: impl Fn(&str) -> Option<String>,
) -> Outcome {
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
            return notice(Notice::new(Tone::Success, text), Some(event));
        }
        Err(CallError::Http(error)) => error,
        Err(ended) => return call_ended_session(ended),
    };
    let problem = Problem::from_error(&error);
    let event = Some(HostEvent::error(problem.kind(), &problem));
    match problem {
        Problem::Invalid {
            field: Some(field),
            text,
        } => {
            model.pin_server_error(field, text);
            let mut effects: Vec<Effect> = event.map(Effect::Event).into_iter().collect();
            effects.push(Effect::Focus(Focus::Field(field)));
            Outcome(effects)
        }
        // The server already holds exactly these values.
        Problem::NotChanged => {
            model.saved(&sent, &sent_from);
            notice(Notice::new(Tone::Info, problem.message()), event)
        }
        Problem::Unauthenticated => session_ended(),
        // Signing in again, this time with the second factor ZITADEL wants.
        Problem::MfaRequired => {
            session_ended_because(problem.message(), problem.kind()).and(Effect::Reauthenticate)
        }
        problem => {
            let mut shown = Notice::new(Tone::Error, problem.message());
            if problem.retryable() {
                shown = shown.with_action(NoticeAction::RetrySave);
            }
            notice(shown, event)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Details;
    use crate::http::HttpError;
    use crate::profile::Field;
    #[allow(unused_imports)]
    use crate::screen::{Change, Effect};
    use crate::validate::validate;

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
        assert!(
            saved.does(&Effect::FollowLanguage),
            "a saved language is spoken"
        );
        assert_eq!(model.draft.nick_name, "Countess");
        assert!(!model.is_dirty());
        let notice = saved.notice_change().set().unwrap();
        assert_eq!((notice.tone, notice.actions), (Tone::Success, vec![]));
        assert_eq!(notice.text.to_string(), "Saved at 14:12:42.");
        let Some(HostEvent::ProfileSaved(detail)) = saved.event() else {
            panic!("profile-saved expected");
        };
        assert_eq!(detail.details.sequence, "7");
        assert_eq!(detail.profile, validate(&model.draft).unwrap());
        assert!(!saved.does(&Effect::KeepDraft) && !saved.does(&Effect::ClearTokens));
    }

    #[test]
    fn a_save_without_a_readable_date_just_says_saved() {
        let (mut model, mut outcome) = edited();
        outcome.result = Ok(UpdateResponse::default());
        let saved = saved(&mut model, outcome, |_| None);
        assert_eq!(
            saved.notice_change().set().unwrap().text.to_string(),
            "Saved."
        );
    }

    #[test]
    fn a_refused_field_is_pinned_and_focused() {
        let (mut model, mut outcome) = edited();
        outcome.result = refused(
            400,
            r#"{"code":3,"message":"invalid UpdateMyProfileRequest.NickName: too long","details":[]}"#,
        );
        let saved = saved(&mut model, outcome, |_| None);
        assert_eq!(saved.focus(), Some(Focus::Field(Field::NickName)));
        assert_eq!(saved.notice_change(), Change::Keep);
        assert!(model.message(Field::NickName).is_some());
        assert!(model.to_save().is_none(), "not again until edited");
        assert!(matches!(
            saved.event(),
            Some(HostEvent::ProfileError(ref d)) if d.kind == ErrorKind::Invalid
        ));
    }

    #[test]
    fn a_refusal_naming_no_field_goes_to_the_banner() {
        let (mut model, mut outcome) = edited();
        outcome.result = refused(400, r#"{"code":3,"message":"proto: syntax error"}"#);
        let saved = saved(&mut model, outcome, |_| None);
        assert_eq!(saved.focus(), None);
        let notice = saved.notice_change().set().unwrap();
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
        let notice = saved.notice_change().set().unwrap();
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
        let notice = saved.notice_change().set().unwrap();
        assert_eq!(notice.tone, Tone::Success);
        assert_eq!(notice.text.key(), Key::Saved);
        assert!(matches!(saved.event(), Some(HostEvent::ProfileSaved(_))));
    }

    /// An operator's missing Refresh Token grant, and a second factor ZITADEL wants,
    /// end the session like a lost one (the draft kept, "Sign in" offered), each in
    /// words that name it; the second factor's sign-in authenticates afresh.
    #[test]
    fn a_missing_grant_or_a_second_factor_keeps_the_draft_and_names_the_cause() {
        let mfa = r#"{"code":7,"message":"mfa required (AUTHZ-Kl3p0)","details":[{"id":"AUTHZ-Kl3p0","message":"mfa required"}]}"#;
        for (result, key, kind, fresh) in [
            (
                Err(CallError::RefreshNotAllowed),
                Key::RefreshGrantMissing,
                ErrorKind::RefreshNotAllowed,
                false,
            ),
            (
                refused(403, mfa),
                Key::MfaRequired,
                ErrorKind::MfaRequired,
                true,
            ),
        ] {
            let (mut model, mut outcome) = edited();
            let before = model.clone();
            outcome.result = result;
            let saved = saved(&mut model, outcome, |_| None);
            assert!(saved.does(&Effect::KeepDraft) && saved.does(&Effect::ClearTokens));
            assert_eq!(saved.does(&Effect::Reauthenticate), fresh, "{key:?}");
            assert!(saved.in_order());
            assert_eq!(model, before, "nothing typed is lost");
            let notice = saved.notice_change().set().unwrap();
            assert_eq!(
                (notice.text.key(), notice.actions.as_slice()),
                (key, &[NoticeAction::SignIn][..])
            );
            assert!(
                matches!(saved.event(), Some(HostEvent::ProfileError(ref d)) if d.kind == kind),
                "{:?}",
                saved.event()
            );
        }
    }

    #[test]
    fn an_ended_session_keeps_the_draft_and_offers_sign_in() {
        for result in [Err(CallError::SessionEnded), refused(401, "")] {
            let (mut model, mut outcome) = edited();
            let before = model.clone();
            outcome.result = result;
            let saved = saved(&mut model, outcome, |_| None);
            assert!(saved.does(&Effect::KeepDraft) && saved.does(&Effect::ClearTokens));
            assert_eq!(model, before, "nothing typed is lost");
            let notice = saved.notice_change().set().unwrap();
            assert_eq!(notice.actions, [NoticeAction::SignIn]);
            assert!(matches!(
                saved.event(),
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
            let notice = saved.notice_change().set().unwrap();
            assert_eq!(notice.tone, Tone::Error);
            assert_eq!(!notice.actions.is_empty(), retry, "{}", notice.text);
            assert_eq!(model, before);
            assert!(!saved.does(&Effect::KeepDraft) && !saved.does(&Effect::ClearTokens));
        }
    }
}
