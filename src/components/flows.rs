//! What the form's buttons start, each a named flow that talks to ZITADEL and ends by
//! applying what [`crate::screen`] decides. [`Actions`] only wires them to buttons.

use leptos::prelude::*;

use super::dom;
use super::state::FormState;
use super::task::Task;
use crate::api::{draft_of, ApiClient, User};
use crate::authorized::{authorized, CallError};
use crate::form::FormModel;
use crate::oidc::{self, stored};
use crate::options::Config;
use crate::profile::{take_kept_draft, Draft, Field, ValidProfile};
use crate::screen::{self, LoadResult, NoticeAction, SaveOutcome};

/// What the form can start; each runs at most once at a time.
#[derive(Clone, Copy)]
pub struct Actions {
    state: FormState,
    pub load: Task<()>,
    pub save: Task<(ValidProfile, Draft)>,
    /// Compares with the server's profile while edits wait (the tab came back).
    pub recheck: Task<()>,
    pub sign_in: Task<()>,
    pub sign_out: Task<()>,
}

impl Actions {
    pub fn new(state: FormState) -> Self {
        let save = Task::new(move |(sent, from)| save(state, sent, from));
        Self {
            state,
            load: Task::new(move |()| load(state)),
            save,
            recheck: Task::new(move |()| recheck(state, save)),
            sign_in: Task::new(move |()| sign_in(state)),
            sign_out: Task::new(move |()| sign_out(state)),
        }
    }

    /// Runs the action of a notice's button.
    pub fn on_notice(self, action: NoticeAction) {
        match action {
            NoticeAction::RetrySave => self.submit(),
            NoticeAction::SignIn => self.sign_in.start(()),
            NoticeAction::DiscardDraft => self.state.apply(screen::edits_discarded()),
            NoticeAction::KeepEditing => self.state.apply(screen::notice_dismissed()),
            NoticeAction::DiscardAndSignOut => {
                self.state.apply(screen::edits_discarded());
                self.sign_out.start(());
            }
        }
    }

    /// Signs out, asking first (inside the form) when edits are not saved.
    pub fn request_sign_out(self) {
        if self.state.model.with_untracked(FormModel::is_dirty) {
            self.state.apply(screen::sign_out_asked());
        } else {
            self.sign_out.start(());
        }
    }

    /// Ends a conflict with the person's choices and saves what is left to save; an
    /// undecided field gets focus instead.
    pub fn settle(self) {
        let dirty = || self.state.model.with_untracked(FormModel::is_dirty);
        match self.state.model.try_update(FormModel::settle) {
            Some(Ok(())) if dirty() => self.submit(),
            Some(result) => self.state.apply(screen::settled(result)),
            None => {}
        }
    }

    /// Loads the profile again, showing the skeleton meanwhile.
    pub fn reload(self) {
        self.state.apply(screen::reloading());
        self.load.start(());
    }

    /// The form was reset: the notice about it goes.
    pub fn reset(self) {
        self.state.apply(screen::notice_dismissed());
    }

    /// Saves the draft if it may be saved; shows every field's message either way.
    pub fn submit(self) {
        let state = self.state;
        if self.save.is_running() {
            return; // one save at a time, and no message while it runs
        }
        state.model.update(FormModel::attempt_submit);
        let Some(profile) = state.model.with_untracked(FormModel::to_save) else {
            // Refused here: the person lands on the first field to fix.
            let first = state
                .model
                .with_untracked(|m| Field::ALL.into_iter().find(|&f| m.message(f).is_some()));
            return state.apply(screen::submit_refused(first));
        };
        state.apply(screen::save_started());
        let draft = state.model.with_untracked(|m| m.draft.clone());
        self.save.start((profile, draft));
    }
}

/// Finishes a sign-in this page load may be the answer to, then loads the profile.
async fn load(state: FormState) {
    let Some(config) = state.config.try_get_value() else {
        return;
    };
    let result = load_profile(&config).await;
    let kept = matches!(result, LoadResult::Profile(_))
        .then(|| take_kept_draft(&config))
        .flatten();
    state.apply(screen::loaded(result, kept));
}

async fn load_profile(config: &Config) -> LoadResult {
    let just_signed_in = match oidc::complete_sign_in(config).await {
        Ok(just_signed_in) => just_signed_in,
        Err(error) => return LoadResult::SignIn(error),
    };
    let Some(held) = stored::load(config) else {
        return LoadResult::NoSession;
    };
    match me(config).await {
        Ok(user) if !screen::names_the_signed_in_user(&user.id, held.sub.as_deref()) => {
            LoadResult::AnotherAccount
        }
        Ok(user) => LoadResult::Profile(Box::new(user)),
        Err(CallError::SessionEnded) if just_signed_in => LoadResult::FreshTokenRefused {
            has_audience: config.has_api_audience(),
        },
        Err(CallError::SessionEnded) => LoadResult::SessionEnded,
        Err(CallError::RefreshNotAllowed) => LoadResult::RefreshNotAllowed,
        Err(CallError::Http(error)) => LoadResult::Failed(error),
    }
}

/// The signed-in user as the server holds them now (`GET /auth/v1/users/me`).
pub(super) async fn me(config: &Config) -> Result<User, CallError> {
    let me = authorized(config, |c: ApiClient| async move { c.me().await }).await?;
    Ok(me.user)
}

/// Saves `sent` (typed as `sent_from`), unless the profile was changed elsewhere since
/// the form loaded: then nothing is sent and the person chooses.
async fn save(state: FormState, sent: ValidProfile, sent_from: Draft) {
    let Some(config) = state.config.try_get_value() else {
        return;
    };
    let result = match changed_elsewhere(&config, state).await {
        Ok(true) => return,
        Ok(false) => {
            let body = sent.clone();
            authorized(&config, |c: ApiClient| {
                let body = body.clone();
                async move { c.update_profile(&body).await }
            })
            .await
        }
        // The comparison failed: so did the save, and nothing was sent.
        Err(error) => Err(error),
    };
    let outcome = SaveOutcome {
        sent,
        sent_from,
        result,
    };
    let language = state.tr.0.get_untracked();
    let decided = state
        .model
        .try_update(|m| screen::saved(m, outcome, |date| dom::format_time(date, language)));
    if let Some(decided) = decided {
        state.apply(decided);
    }
}

/// With edits waiting and no save under way, compares with the server again (the tab
/// was shown again). A failure here is left for the save to report.
async fn recheck(state: FormState, save: Task<(ValidProfile, Draft)>) {
    let waiting = state
        .model
        .try_with_untracked(|m| m.is_dirty() && m.conflict().is_none());
    let Some(config) = state.config.try_get_value() else {
        return;
    };
    if waiting == Some(true) && !save.is_running() {
        let _ = changed_elsewhere(&config, state).await;
    }
}

/// Reads the profile as the server holds it now and compares it with the form's
/// baseline: `true` when it was changed elsewhere and the form now shows the conflict.
/// An answer that arrives after a save moved the baseline is stale, and left alone.
async fn changed_elsewhere(config: &Config, state: FormState) -> Result<bool, CallError> {
    let Some(since) = state.model.try_with_untracked(|m| m.sequence) else {
        return Ok(false); // unmounted
    };
    let user = me(config).await?;
    // The server now names another user than the one the form loaded: this session
    // is not theirs any more, and nothing of theirs is saved over (N3).
    if state.user_id().as_deref() != Some(user.id.as_str()) {
        return Err(CallError::SessionEnded);
    }
    let current = draft_of(user.human.map(|h| h.profile.form()).unwrap_or_default());
    let sequence = user.details.sequence;
    let shown = state
        .model
        .try_update(|m| m.sequence == since && m.compare(current, sequence))
        == Some(true);
    state.apply(screen::compared(shown));
    Ok(shown)
}

/// Starts the sign-in; on success the page is navigating away, so only a failure
/// returns here.
async fn sign_in(state: FormState) {
    let Some(config) = state.config.try_get_value() else {
        return;
    };
    let language = state.tr.0.get_untracked();
    let prompt = state.reauthenticate.get_value().then_some("login");
    if let Err(error) = oidc::begin_sign_in(&config, language, prompt).await {
        state.apply(screen::sign_in_failed(error));
    }
}

/// Signs out, and ends ZITADEL's session by leaving for its `end_session`; the host
/// hears of it before the page goes. Still here afterwards means ZITADEL's session
/// could not be ended, and the form says so.
async fn sign_out(state: FormState) {
    let Some(config) = state.config.try_get_value() else {
        return;
    };
    state.apply(screen::sign_out_started());
    let leaving = dom::OnLeave::new(move || state.apply(screen::leaving_for_sign_out()));
    let not_ended = oidc::sign_out(&config).await;
    drop(leaving);
    state.apply(screen::sign_out_not_ended(&not_ended));
}
