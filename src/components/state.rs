//! The form's signals and actions, shared by its parts. Each action applies its own
//! outcome when it ends (decided by [`crate::screen`]), so no effect copies results
//! around, and each action's `pending()` disables the button that started it.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::html::Section;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::tr::Tr;
use crate::api::{draft_of, ApiClient, User};
use crate::authorized::{authorized, CallError};
use crate::form::FormModel;
use crate::host_events::{ErrorKind, HostEvent};
use crate::i18n::locale::{self, ENGLISH};
use crate::i18n::{catalogue, Key, Message};
use crate::oidc::{self, stored};
use crate::options::Config;
use crate::profile::Field;
use crate::profile::{keep_draft, take_kept_draft, Draft, ValidProfile};
use crate::screen::{self, Account, LoadResult, Notice, NoticeAction, Phase, SaveOutcome, Tone};

/// The state of one mounted form.
#[derive(Clone, Copy)]
pub struct FormState {
    pub config: StoredValue<Config>,
    pub phase: RwSignal<Phase>,
    pub model: RwSignal<FormModel>,
    pub notice: RwSignal<Option<Notice>>,
    pub account: RwSignal<Option<Account>>,
    /// The signed-in user's id, which a kept draft is bound to.
    pub user_id: RwSignal<Option<String>>,
    /// Whether the form holds edits that are not saved; the host may read it.
    pub dirty: RwSignal<bool>,
    /// The form's root element, where host events are dispatched.
    pub root: NodeRef<Section>,
    /// The language the form speaks now.
    pub tr: Tr,
    /// The language last asked for; a catalogue that arrives after a newer ask is
    /// not shown.
    asked: StoredValue<&'static str>,
}

impl FormState {
    pub fn new(config: Config, dirty: Option<RwSignal<bool>>) -> Self {
        Self {
            dirty: dirty.unwrap_or_else(|| RwSignal::new(false)),
            config: StoredValue::new(config),
            phase: RwSignal::new(Phase::Loading),
            model: RwSignal::new(FormModel::default()),
            notice: RwSignal::new(None),
            account: RwSignal::new(None),
            user_id: RwSignal::new(None),
            root: NodeRef::new(),
            tr: Tr(RwSignal::new(ENGLISH)),
            asked: StoredValue::new(ENGLISH),
        }
    }

    /// Speaks the language [`locale::pick`] chooses with the person's `stored`
    /// preferred language, once its catalogue is on the page; English until then, or
    /// for good if it cannot be fetched.
    pub fn follow_language(self, stored: Option<&str>) {
        let config = self.config.get_value();
        let wanted = locale::pick(config.locale.as_deref(), stored, &browser_languages());
        self.asked.set_value(wanted);
        if catalogue::is_loaded(wanted) {
            self.tr.0.set(wanted);
            return;
        }
        leptos::task::spawn_local(async move {
            let loaded = catalogue::load(wanted).await;
            if loaded && self.asked.try_get_value() == Some(wanted) {
                self.tr.0.try_set(wanted);
            }
        });
    }

    /// Shows `phase`; setting the phase it already shows rebuilds nothing.
    pub fn show(self, phase: Phase) {
        self.phase.maybe_update(|p| {
            let changed = *p != phase;
            *p = phase;
            changed
        });
    }

    pub fn emit(self, event: HostEvent) {
        if let Some(Some(root)) = self.root.try_get_untracked() {
            event.dispatch(&root);
        }
    }

    /// Emits `event` when the page starts to leave (for `end_session`), unless the
    /// returned guard is dropped first.
    fn emit_on_leave(self, event: HostEvent) -> LeaveGuard {
        let closure =
            wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || self.emit(event.clone()));
        let window = crate::page::window();
        let _ =
            window.add_event_listener_with_callback("pagehide", closure.as_ref().unchecked_ref());
        LeaveGuard { closure }
    }

    /// The session is over in this tab: show the sign-in offer, then tell the host.
    pub fn signed_out(self, notice: Option<Notice>) {
        self.account.set(None);
        self.user_id.set(None);
        self.notice.set(notice);
        self.show(Phase::SignedOut);
        self.emit(HostEvent::SignedOut);
    }

    /// Throws the unsaved edits away: the form shows what was loaded, and no draft is
    /// kept for later.
    pub fn discard_edits(self) {
        self.model.update(FormModel::reset);
        crate::profile::discard_kept_draft(&self.config.get_value());
        self.notice.set(None);
    }

    fn apply_loaded(self, result: LoadResult) {
        let config = self.config.get_value();
        let kept = matches!(result, LoadResult::Profile(_))
            .then(|| take_kept_draft(&config))
            .flatten();
        let loaded = screen::loaded(result, kept);
        if loaded.clear_tokens {
            stored::clear(&config);
        }
        if let Some(model) = loaded.model {
            self.follow_language(Some(&model.baseline.preferred_language));
            self.model.set(model);
        }
        let ours = [config.issuer.as_str(), config.api_base_url.as_str()];
        self.account
            .set(loaded.account.map(|a| a.with_avatar_from(&ours)));
        self.user_id.set(loaded.user_id);
        self.notice.set(loaded.notice);
        let editable = loaded.phase == Phase::Ready;
        self.show(loaded.phase);
        if editable {
            mark_editable();
        }
        if let Some(event) = loaded.event {
            self.emit(event);
        }
    }

    fn apply_saved(self, outcome: SaveOutcome) {
        let language = self.tr.0.get_untracked();
        let saved = self
            .model
            .try_update(|m| screen::saved(m, outcome, |date| format_time(date, language)));
        let Some(saved) = saved else {
            return; // unmounted meanwhile
        };
        // A newly saved preferred language is the form's language from now on.
        let stored = self
            .model
            .with_untracked(|m| m.baseline.preferred_language.clone());
        self.follow_language(Some(&stored));
        if saved.session_ended {
            // Keep the draft where a new sign-in will find it.
            let config = self.config.get_value();
            if let Some(user_id) = self.user_id.get_untracked() {
                keep_draft(&config, &self.model.with_untracked(|m| m.to_kept(&user_id)));
            }
            stored::clear(&config);
        }
        if saved.notice.is_some() {
            self.notice.set(saved.notice);
        }
        if let Some(event) = saved.event {
            self.emit(event);
        }
        if let Some(field) = saved.focus {
            self.focus(field);
        }
    }

    /// Moves focus to `field`'s control in this form, once its message is showing.
    pub fn focus(self, field: Field) {
        self.focus_on(format!("[name='{}']", field.as_str()));
    }

    /// Moves focus to what `selector` finds in this form, once it is rendered.
    fn focus_on(self, selector: String) {
        use wasm_bindgen::JsCast;
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            let element = self
                .root
                .try_get_untracked()
                .flatten()
                .and_then(|r| r.query_selector(&selector).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
        });
    }
}

/// Stops listening for the page leaving when dropped.
struct LeaveGuard {
    closure: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for LeaveGuard {
    fn drop(&mut self) {
        let _ = crate::page::window()
            .remove_event_listener_with_callback("pagehide", self.closure.as_ref().unchecked_ref());
    }
}

/// "14:03:12" as people write times in `language` (the browser's `Intl`), from the
/// server's change date.
fn format_time(change_date: &str, language: &str) -> Option<String> {
    let date = js_sys::Date::new(&change_date.into());
    if date.get_time().is_nan() {
        return None;
    }
    Some(date.to_locale_time_string(language).into())
}

/// The moment the prefilled form is on screen and takes input, as the User Timing
/// mark [`crate::page::EDITABLE_MARK`]: benchmarks and hosts measure load time with it.
fn mark_editable() {
    leptos::task::spawn_local(async {
        leptos::task::tick().await;
        if let Some(performance) = crate::page::window().performance() {
            let _ = performance.mark(crate::page::EDITABLE_MARK);
        }
    });
}

/// The browser's languages, most preferred first (`navigator.languages`).
fn browser_languages() -> Vec<String> {
    crate::page::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// Finishes a sign-in this page load may be the answer to, then loads the profile.
async fn load_profile(config: &Config) -> LoadResult {
    let just_signed_in = match oidc::complete_sign_in(config).await {
        Ok(just_signed_in) => just_signed_in,
        Err(error) => return LoadResult::SignIn(error),
    };
    if stored::load(config).is_none() {
        return LoadResult::NoSession;
    }
    match me(config).await {
        Ok(user) => LoadResult::Profile(Box::new(user)),
        Err(CallError::SessionEnded) if just_signed_in => LoadResult::FreshTokenRefused {
            has_audience: config.has_api_audience(),
        },
        Err(CallError::SessionEnded) => LoadResult::SessionEnded,
        Err(CallError::Http(error)) => LoadResult::Failed(error),
    }
}

/// The signed-in user as the server holds them now (`GET /auth/v1/users/me`).
async fn me(config: &Config) -> Result<User, CallError> {
    let me = authorized(config, |c: ApiClient| async move { c.me().await }).await?;
    Ok(me.user)
}

/// Reads the profile as the server holds it now and compares it with the form's
/// baseline: `true` when it was changed elsewhere and the form now shows the conflict.
/// An answer that arrives after a save moved the baseline is stale, and left alone.
async fn changed_elsewhere(config: &Config, state: FormState) -> Result<bool, CallError> {
    let Some(since) = state.model.try_with_untracked(|m| m.sequence) else {
        return Ok(false); // unmounted
    };
    let user = me(config).await?;
    let current = draft_of(user.human.map(|h| h.profile.form()).unwrap_or_default());
    let sequence = user.details.sequence;
    let shown = state
        .model
        .try_update(|m| m.sequence == since && m.compare(current, sequence));
    if shown == Some(true) {
        state
            .notice
            .set(Some(Notice::new(Tone::Info, Key::ChangedElsewhere)));
        state.focus_on(CONFLICT_FIRST_CHOICE.to_owned());
    }
    Ok(shown == Some(true))
}

/// The first choice of the conflict view, where focus goes when it opens.
const CONFLICT_FIRST_CHOICE: &str = "[data-testid='conflict'] input";

type LocalBoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Work a button starts: at most one run at a time, and `running()` says when one is
/// under way, so the button that started it can stay disabled meanwhile. Plain
/// signals and `spawn_local` cost far fewer bytes than Leptos's `Action`.
pub struct Task<I: 'static> {
    running: RwSignal<bool>,
    work: StoredValue<Rc<dyn Fn(I) -> LocalBoxFuture<'static, ()>>, LocalStorage>,
}

impl<I: 'static> Clone for Task<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static> Copy for Task<I> {}

impl<I: 'static> Task<I> {
    fn new<F: Future<Output = ()> + 'static>(work: impl Fn(I) -> F + 'static) -> Self {
        let work: Rc<dyn Fn(I) -> LocalBoxFuture<'static, ()>> =
            Rc::new(move |input| Box::pin(work(input)));
        Self {
            running: RwSignal::new(false),
            work: StoredValue::new_local(work),
        }
    }

    /// Whether a run is under way (tracked).
    pub fn running(self) -> bool {
        self.running.get()
    }

    /// Starts a run with `input`, unless one is under way.
    pub fn start(self, input: I) {
        if self.running.get_untracked() {
            return;
        }
        let Some(run) = self.work.try_with_value(|work| work(input)) else {
            return; // unmounted
        };
        self.running.set(true);
        leptos::task::spawn_local(async move {
            WhileMounted {
                work: run,
                alive: self.running,
            }
            .await;
            self.running.try_set(false);
        });
    }
}

/// Runs `work` only while the form that started it is mounted: once `alive` is
/// disposed, the work stops at its next `await` instead of writing into a form that
/// is gone (a host may remount or remove the form while a request is under way).
struct WhileMounted {
    work: LocalBoxFuture<'static, ()>,
    alive: RwSignal<bool>,
}

impl Future for WhileMounted {
    type Output = ();

    fn poll(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        if self.alive.is_disposed() {
            return std::task::Poll::Ready(());
        }
        self.work.as_mut().poll(cx)
    }
}

/// What the form can start; each runs at most once at a time.
#[derive(Clone, Copy)]
pub struct Actions {
    pub load: Task<()>,
    pub save: Task<(ValidProfile, Draft)>,
    /// Compares with the server's profile while edits wait (the tab came back).
    pub recheck: Task<()>,
    pub sign_in: Task<()>,
    pub sign_out: Task<()>,
}

impl Actions {
    pub fn new(state: FormState) -> Self {
        let load = Task::new(move |()| {
            let config = state.config.get_value();
            async move { state.apply_loaded(load_profile(&config).await) }
        });
        let save = Task::new(move |(sent, sent_from): (ValidProfile, Draft)| {
            let config = state.config.get_value();
            async move {
                // Nothing is sent over a change made elsewhere since the form loaded.
                match changed_elsewhere(&config, state).await {
                    Ok(false) => {}
                    Ok(true) => return,
                    Err(error) => {
                        let result = Err(error);
                        return state.apply_saved(SaveOutcome {
                            sent,
                            sent_from,
                            result,
                        });
                    }
                }
                let body = sent.clone();
                let result = authorized(&config, |c: ApiClient| {
                    let body = body.clone();
                    async move { c.update_profile(&body).await }
                })
                .await;
                state.apply_saved(SaveOutcome {
                    sent,
                    sent_from,
                    result,
                });
            }
        });
        let recheck = Task::new(move |()| {
            let config = state.config.get_value();
            let waiting = state
                .model
                .with_untracked(|m| m.is_dirty() && m.conflict().is_none());
            async move {
                if waiting && !save.running.get_untracked() {
                    // A failure here is left for the save to report.
                    let _ = changed_elsewhere(&config, state).await;
                }
            }
        });
        let sign_in = Task::new(move |()| {
            let config = state.config.get_value();
            async move {
                // On success the page is navigating away; only a failure returns.
                let language = state.tr.0.get_untracked();
                if let Err(error) = oidc::begin_sign_in(&config, language).await {
                    state
                        .notice
                        .set(Some(Notice::new(Tone::Error, error.message())));
                    state.emit(HostEvent::error(ErrorKind::SignIn, error));
                }
            }
        });
        let sign_out = Task::new(move |()| {
            let config = state.config.get_value();
            state.notice.set(None);
            async move {
                // Leaving for end_session: the host hears of it before the page goes.
                let leaving = state.emit_on_leave(HostEvent::SignedOut);
                let not_ended = oidc::sign_out(&config).await;
                drop(leaving);
                // Still here: ZITADEL's session could not be ended. Say so.
                let text = Message::new(Key::SignedOutHereOnly).with("reason", not_ended.message());
                state.signed_out(Some(Notice::new(Tone::Error, text)));
            }
        });
        Self {
            load,
            save,
            recheck,
            sign_in,
            sign_out,
        }
    }

    /// Runs the action of a notice's button.
    pub fn on_notice(self, state: FormState, action: NoticeAction) {
        match action {
            NoticeAction::RetrySave => self.submit(state),
            NoticeAction::SignIn => self.sign_in.start(()),
            NoticeAction::DiscardDraft => state.discard_edits(),
            NoticeAction::KeepEditing => state.notice.set(None),
            NoticeAction::DiscardAndSignOut => {
                state.discard_edits();
                self.sign_out.start(());
            }
        }
    }

    /// Signs out, asking first (inside the form) when edits are not saved.
    pub fn request_sign_out(self, state: FormState) {
        if state.model.with_untracked(FormModel::is_dirty) {
            state.notice.set(Some(Notice::unsaved_sign_out()));
            state.focus_on(format!(
                "[data-testid='{}']",
                NoticeAction::KeepEditing.testid()
            ));
        } else {
            self.sign_out.start(());
        }
    }

    /// Ends a conflict with the person's choices and saves what is left to save; an
    /// undecided field gets focus instead.
    pub fn settle(self, state: FormState) {
        match state.model.try_update(FormModel::settle) {
            Some(Ok(())) if state.model.with_untracked(FormModel::is_dirty) => self.submit(state),
            Some(Ok(())) => state
                .notice
                .set(Some(Notice::new(Tone::Success, Key::NothingLeftToSave))),
            Some(Err(field)) => {
                state.focus_on(format!("[data-testid='conflict-{}'] input", field.as_str()))
            }
            None => {}
        }
    }

    /// Loads the profile again, showing the skeleton meanwhile.
    pub fn reload(self, state: FormState) {
        state.show(Phase::Loading);
        self.load.start(());
    }

    /// Saves the draft if it may be saved; shows every field's message either way.
    pub fn submit(self, state: FormState) {
        if self.save.running.get_untracked() {
            return; // one save at a time
        }
        state.model.update(FormModel::attempt_submit);
        let Some(profile) = state.model.with_untracked(FormModel::to_save) else {
            // Refused here: the person lands on the first field to fix.
            let first = state
                .model
                .with_untracked(|m| Field::ALL.into_iter().find(|&f| m.message(f).is_some()));
            if let Some(field) = first {
                state.focus(field);
            }
            return;
        };
        state.notice.set(None);
        let draft = state.model.with_untracked(|m| m.draft.clone());
        self.save.start((profile, draft));
    }
}
