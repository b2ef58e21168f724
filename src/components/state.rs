//! The state of one mounted form, and the one place where what it shows changes:
//! [`FormState::apply`] takes an [`Outcome`] (decided by [`crate::screen`]) and writes
//! the phase, the notice, who is signed in, focus and the host's events. Nothing else
//! writes those: the signals for them are private, and readable through accessors.

use leptos::html::Section;
use leptos::prelude::*;

use super::dom;
use super::tr::Tr;
use crate::form::FormModel;
use crate::host_events::HostEvent;
use crate::i18n::catalogue;
use crate::i18n::locale::{self, ENGLISH};
use crate::oidc::stored;
use crate::options::Config;
use crate::profile::{discard_kept_draft, keep_draft};
use crate::screen::{Account, Effect, Focus, Notice, Outcome, Phase};

/// The state of one mounted form.
#[derive(Clone, Copy)]
pub struct FormState {
    pub config: StoredValue<Config>,
    /// The form's values, as typed and as loaded.
    pub model: RwSignal<FormModel>,
    /// Whether the form holds edits that are not saved; the host may read it.
    pub dirty: RwSignal<bool>,
    /// The form's root element, where host events are dispatched.
    pub root: NodeRef<Section>,
    /// The language the form speaks now.
    pub tr: Tr,
    /// What the form shows; only [`FormState::apply`] writes these three.
    pub phase: ReadSignal<Phase>,
    pub notice: ReadSignal<Option<Notice>>,
    /// Who is signed in; their id is what a kept draft is bound to.
    pub account: ReadSignal<Option<Account>>,
    write: Writers,
    /// The language last asked for; a catalogue that arrives after a newer ask is
    /// not shown.
    asked: StoredValue<&'static str>,
    /// Whether the next sign-in must authenticate afresh (ZITADEL wants a second
    /// factor the last session did not have).
    pub reauthenticate: StoredValue<bool>,
}

/// The write halves of what the form shows, kept private to this file.
#[derive(Clone, Copy)]
struct Writers {
    phase: WriteSignal<Phase>,
    notice: WriteSignal<Option<Notice>>,
    account: WriteSignal<Option<Account>>,
}

impl FormState {
    pub fn new(config: Config, dirty: Option<RwSignal<bool>>) -> Self {
        let (phase, set_phase) = signal(Phase::Loading);
        let (notice, set_notice) = signal(None);
        let (account, set_account) = signal(None);
        Self {
            dirty: dirty.unwrap_or_else(|| RwSignal::new(false)),
            config: StoredValue::new(config),
            model: RwSignal::new(FormModel::default()),
            root: NodeRef::new(),
            tr: Tr(RwSignal::new(ENGLISH)),
            phase,
            notice,
            account,
            write: Writers {
                phase: set_phase,
                notice: set_notice,
                account: set_account,
            },
            asked: StoredValue::new(ENGLISH),
            reauthenticate: StoredValue::new(false),
        }
    }

    /// The signed-in user's id, while someone is signed in and the form is mounted.
    pub fn user_id(self) -> Option<String> {
        self.account
            .try_with_untracked(|a| a.as_ref().map(|a| a.user_id.clone()))
            .flatten()
    }

    /// Whether the form is gone (its signals disposed).
    pub fn is_gone(self) -> bool {
        self.phase.is_disposed()
    }

    /// Applies `outcome`, effect by effect in the order it lists them.
    pub fn apply(self, outcome: Outcome) {
        let Some(config) = self.config.try_get_value() else {
            return; // unmounted meanwhile
        };
        for effect in outcome.effects() {
            match effect {
                Effect::KeepDraft => {
                    if let Some(user_id) = self.user_id() {
                        keep_draft(&config, &self.model.with_untracked(|m| m.to_kept(&user_id)));
                    }
                }
                Effect::ClearTokens => stored::clear(&config),
                Effect::Reauthenticate => self.reauthenticate.set_value(true),
                Effect::DiscardDraft => {
                    self.model.update(FormModel::reset);
                    discard_kept_draft(&config);
                }
                Effect::Model(model) => self.model.set(*model),
                Effect::FollowLanguage => {
                    let stored = self
                        .model
                        .with_untracked(|m| m.baseline.preferred_language.clone());
                    self.follow_language(Some(&stored));
                }
                Effect::Account(account) => {
                    let ours = [config.issuer.as_str(), config.api_base_url.as_str()];
                    let account = account.map(|a| a.with_avatar_from(&ours));
                    self.write.account.set(account);
                }
                Effect::Notice(notice) => self.write.notice.set(notice),
                Effect::Phase(phase) => self.show(phase),
                Effect::MarkEditable => dom::mark_editable(),
                Effect::Event(event) => self.emit(event),
                Effect::Focus(focus) => self.focus(focus),
            }
        }
    }

    /// Speaks the language [`locale::pick`] chooses with the person's `stored`
    /// preferred language, once its catalogue is on the page; English until then, or
    /// for good if it cannot be loaded.
    pub fn follow_language(self, stored: Option<&str>) {
        let config = self.config.get_value();
        let wanted = locale::pick(config.locale.as_deref(), stored, &dom::browser_languages());
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
    fn show(self, phase: Phase) {
        self.write.phase.maybe_update(|p| {
            let changed = *p != phase;
            *p = phase;
            changed
        });
    }

    fn emit(self, event: HostEvent) {
        // A mistake in ZITADEL's setup is also told where the operator looks.
        if let HostEvent::ProfileError(detail) = &event {
            if detail.kind.is_the_operators() {
                let text = format!(
                    "zitadel-profile-form ({}): {}",
                    detail.kind.as_str(),
                    detail.message
                );
                web_sys::console::warn_1(&text.into());
            }
        }
        if let Some(Some(root)) = self.root.try_get_untracked() {
            event.dispatch(&root);
        }
    }

    /// Moves focus to `focus` in this form, once it is rendered.
    fn focus(self, focus: Focus) {
        use wasm_bindgen::JsCast;
        let selector = focus.selector();
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
