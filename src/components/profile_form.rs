use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::json;

use super::fields::{GenderField, LanguageField, TextField};
use super::notice::{Notice, NoticeAction, NoticeBanner, Skeleton};
use crate::api::{ApiError, MeResponse, Problem, UpdateResponse};
use crate::form::FormModel;
use crate::languages::ZITADEL_LANGUAGES;
use crate::oidc::discovery::discover;
use crate::oidc::sync::TokenSync;
use crate::oidc::{authorized, CallError, SignInError};
use crate::options::Config;
use crate::profile::{Draft, ValidProfile};
use crate::session;
use crate::validate::Field;

/// Where the form is in its life.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Loading,
    /// No session: offer to sign in.
    SignedOut,
    /// The profile could not be loaded.
    LoadFailed(Problem),
    /// Editing; also after the session ended, so nothing typed disappears.
    Ready,
}

/// A prefix that keeps ids unique when several forms share a page.
fn next_instance() -> usize {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

/// "Saved at 14:03:12." in the page's language, from the server's change date.
fn saved_text(change_date: Option<&str>) -> String {
    let Some(date) = change_date else {
        return "Saved.".into();
    };
    let date = js_sys::Date::new(&date.into());
    if date.get_time().is_nan() {
        return "Saved.".into();
    }
    let locale = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".into());
    format!(
        "Saved at {}.",
        String::from(date.to_locale_time_string(&locale))
    )
}

/// The self-service profile editor for one ZITADEL instance: loads the signed-in
/// user's profile, checks every field as it is typed, and saves all six fields with
/// `PUT /auth/v1/users/me/profile`.
#[component]
pub fn ProfileForm(
    /// Checked options, see [`crate::Options::resolve`].
    config: Config,
) -> impl IntoView {
    let ids = format!("zpf{}", next_instance());
    crate::form_mounted();
    on_cleanup(crate::form_unmounted);
    let config = StoredValue::new(config);
    let set_phase = RwSignal::new(Phase::Loading);
    // Deduplicated, so setting the same phase again never rebuilds the form.
    let phase = Memo::new(move |_| set_phase.get());
    let root = NodeRef::<leptos::html::Section>::new();
    let model = RwSignal::new(FormModel::default());
    let notice = RwSignal::new(None::<Notice>);
    let account = RwSignal::new(String::new());

    let supported = LocalResource::new(move || {
        let issuer = config.with_value(|c| c.issuer.clone());
        async move {
            match discover(&issuer).await {
                Ok(d) if !d.ui_locales_supported.is_empty() => d.ui_locales_supported,
                _ => ZITADEL_LANGUAGES.map(String::from).to_vec(),
            }
        }
    });
    let supported = Signal::derive(move || supported.get().unwrap_or_default());

    // While mounted, adopt tokens another tab rotated; dropped with the component.
    let _sync = StoredValue::new_local(config.with_value(TokenSync::listen));

    let load = Action::new_local(move |_: &()| {
        let config = config.get_value();
        async move {
            // A page load may be ZITADEL's answer to a sign-in started here.
            let just_signed_in = crate::oidc::complete_sign_in(&config).await?;
            if session::tokens(&config).is_none() {
                return Ok(None);
            }
            match authorized(&config, |c| async move { c.me().await }).await {
                Ok(me) => Ok(Some(me)),
                Err(CallError::SessionEnded) if just_signed_in => {
                    Err(LoadError::FreshTokenRefused(config.has_api_audience()))
                }
                Err(CallError::SessionEnded) => Err(LoadError::SessionEnded),
                Err(CallError::Api(e)) => Err(LoadError::Api(e)),
            }
        }
    });
    let save = Action::new_local(move |(sent, sent_from): &(ValidProfile, Draft)| {
        let config = config.get_value();
        let (sent, sent_from) = (sent.clone(), sent_from.clone());
        async move {
            let result = authorized(&config, |c| {
                let sent = sent.clone();
                async move { c.update_profile(&sent).await }
            })
            .await;
            SaveOutcome {
                sent,
                sent_from,
                result,
            }
        }
    });

    // The session ended: keep the draft where a new sign-in will find it.
    let session_ended = move || {
        config.with_value(|c| {
            session::save_draft(c, &model.with_untracked(|m| m.draft.clone()));
            session::clear_tokens(c);
        });
        notice.set(Some(
            Notice::error(Problem::Unauthenticated.to_string()).with_action(NoticeAction::SignIn),
        ));
        emit_error(root, "session-ended", &Problem::Unauthenticated.to_string());
    };

    Effect::new(move |_| {
        let Some(result) = load.value().get() else {
            return;
        };
        match result {
            Ok(Some(MeResponse { user })) => {
                let profile = user.human.map(|h| h.profile).unwrap_or_default();
                let mut form = FormModel::loaded(profile.to_draft());
                if let Some(kept) = config.with_value(session::take_draft) {
                    restore(&mut form, kept);
                    notice.set(Some(Notice::info(
                        "Welcome back. Your unsaved changes were restored; review them and save.",
                    )));
                }
                account.set(user.preferred_login_name);
                let loaded = json!({ "userId": user.id, "profile": form.baseline });
                model.set(form);
                set_phase.set(Phase::Ready);
                emit(root, "profile-loaded", loaded);
            }
            Ok(None) => set_phase.set(Phase::SignedOut),
            Err(LoadError::SignIn(error)) => {
                emit_error(root, "sign-in", &error.to_string());
                notice.set(Some(Notice::error(error.to_string())));
                set_phase.set(Phase::SignedOut);
            }
            Err(LoadError::SessionEnded) => {
                config.with_value(session::clear_tokens);
                notice.set(Some(Notice::info(
                    "Your session has ended. Sign in again to continue.",
                )));
                set_phase.set(Phase::SignedOut);
            }
            Err(LoadError::FreshTokenRefused(has_audience)) => {
                config.with_value(session::clear_tokens);
                let text = fresh_token_refused(has_audience);
                emit_error(root, "sign-in", &text);
                notice.set(Some(Notice::error(text)));
                set_phase.set(Phase::SignedOut);
            }
            Err(LoadError::Api(error)) => {
                let problem = Problem::from_error(&error);
                emit_error(root, problem.kind(), &problem.to_string());
                set_phase.set(Phase::LoadFailed(problem))
            }
        }
    });

    Effect::new(move |_| {
        let Some(outcome) = save.value().get() else {
            return;
        };
        apply_save_result(outcome, model, notice, root, session_ended);
    });

    let start_sign_in = move || {
        config.with_value(|c| {
            crate::oidc::sign_in(c, move |e| {
                emit_error(root, "sign-in", &e.to_string());
                notice.set(Some(Notice::error(e.to_string())));
            })
        })
    };

    let submit = move || {
        if save.pending().get_untracked() {
            return; // one save at a time
        }
        model.update(FormModel::attempt_submit);
        let Some(profile) = model.with_untracked(FormModel::to_save) else {
            return;
        };
        notice.set(None);
        let draft = model.with_untracked(|m| m.draft.clone());
        save.dispatch_local((profile, draft));
    };

    let on_action = Callback::new(move |action: NoticeAction| match action {
        NoticeAction::Retry => {
            if phase.get_untracked() == Phase::Ready {
                submit();
            } else {
                set_phase.set(Phase::Loading);
                load.dispatch_local(());
            }
        }
        NoticeAction::SignIn => start_sign_in(),
    });

    let can_save =
        Memo::new(move |_| !save.pending().get() && model.with(|m| m.to_save().is_some()));
    let dirty = Memo::new(move |_| model.with(FormModel::is_dirty));
    let title_id = format!("{ids}-title");
    let labelled_by = title_id.clone();
    let ids = StoredValue::new(ids);
    let id = move |field: Field| ids.with_value(|p| format!("{p}-{}", field.as_str()));

    load.dispatch_local(());

    let form = move || {
        view! {
            <form class="zpf-form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }>
                <div class="zpf-fields">
                    <TextField id=id(Field::FirstName) field=Field::FirstName label="First name"
                        autocomplete="given-name" model/>
                    <TextField id=id(Field::LastName) field=Field::LastName label="Last name"
                        autocomplete="family-name" model/>
                    <TextField id=id(Field::NickName) field=Field::NickName label="Nickname"
                        hint="optional" autocomplete="nickname" model/>
                    <TextField id=id(Field::DisplayName) field=Field::DisplayName label="Display name"
                        autocomplete="name" model/>
                    <LanguageField id=id(Field::PreferredLanguage) model supported/>
                    <GenderField id=id(Field::Gender) model/>
                </div>
                <div class="zpf-actions">
                    <button type="submit" class="zpf-button zpf-button--primary" data-testid="save"
                        disabled=move || !can_save.get()>
                        {move || if save.pending().get() { "Saving…" } else { "Save" }}
                    </button>
                    <button type="button" class="zpf-button" data-testid="reset"
                        disabled=move || !dirty.get() || save.pending().get()
                        on:click=move |_| {
                            model.update(FormModel::reset);
                            notice.set(None);
                        }>
                        "Reset"
                    </button>
                </div>
            </form>
        }
    };

    view! {
        <section node_ref=root class="zpf" data-testid="profile-form" aria-labelledby=labelled_by
            aria-busy=move || (phase.get() == Phase::Loading).then_some("true")>
            <header class="zpf-header">
                <div class="zpf-heading">
                    <h2 id=title_id class="zpf-title">"Your profile"</h2>
                    <p class="zpf-account" data-testid="account">
                        {move || account.with(|a| (!a.is_empty()).then(|| format!("Signed in as {a}")))}
                    </p>
                </div>
                {move || (phase.get() == Phase::Ready).then(|| view! {
                    <button type="button" class="zpf-button zpf-sign-out" data-testid="sign-out"
                        on:click=move |_| {
                            let config = config.get_value();
                            emit(root, "signed-out", json!({}));
                            spawn_local(async move {
                                crate::oidc::sign_out(&config).await;
                                // Still here: ZITADEL's end_session could not be reached.
                                account.set(String::new());
                                set_phase.set(Phase::SignedOut);
                            });
                        }>
                        "Sign out"
                    </button>
                })}
            </header>
            <NoticeBanner notice=notice.into() on_action/>
            {move || match phase.get() {
                Phase::Loading => view! { <Skeleton/> }.into_any(),
                Phase::SignedOut => view! {
                    <div class="zpf-signed-out" data-testid="signed-out">
                        <p>"Sign in to edit your profile."</p>
                        <button type="button" class="zpf-button zpf-button--primary" data-testid="sign-in"
                            on:click=move |_| start_sign_in()>
                            "Sign in"
                        </button>
                    </div>
                }.into_any(),
                Phase::LoadFailed(problem) => view! {
                    <div class="zpf-banner zpf-banner--error" role="alert" data-testid="load-error">
                        <p>{problem.to_string()}</p>
                        {problem.retryable().then(|| view! {
                            <button type="button" class="zpf-button zpf-banner-action" data-testid="load-retry"
                                on:click=move |_| {
                                    set_phase.set(Phase::Loading);
                                    load.dispatch_local(());
                                }>
                                "Try again"
                            </button>
                        })}
                    </div>
                }.into_any(),
                Phase::Ready => form().into_any(),
            }}
        </section>
    }
}

/// Puts a kept draft over freshly loaded values, as if the person had typed it again.
fn restore(form: &mut FormModel, kept: Draft) {
    for field in Field::ALL {
        if field == Field::Gender {
            continue;
        }
        let value = field.value(&kept).to_owned();
        if value != field.value(&form.draft) {
            form.edit(field, value);
        }
    }
    if kept.gender != form.draft.gender {
        form.set_gender(kept.gender);
    }
}

/// Why the profile could not be shown.
#[derive(Debug, Clone)]
enum LoadError {
    SignIn(SignInError),
    /// The session is gone and could not be refreshed.
    SessionEnded,
    /// ZITADEL refused a token it issued a moment ago; `true` when the scope asked for
    /// the API audience.
    FreshTokenRefused(bool),
    Api(ApiError),
}

/// An operator mistake, in words that name the fix.
fn fresh_token_refused(has_audience: bool) -> String {
    let scope = crate::options::API_AUDIENCE_SCOPE;
    if has_audience {
        format!(
            "ZITADEL refused the access token it just issued. Check that “apiBaseUrl” points at \
             the same instance as “issuer” and that the scope includes {scope}."
        )
    } else {
        format!(
            "Signed in, but the access token cannot call ZITADEL's API: add {scope} to the \
             “scope” option."
        )
    }
}

impl From<SignInError> for LoadError {
    fn from(e: SignInError) -> Self {
        LoadError::SignIn(e)
    }
}

/// What a save sent, from which draft, and how the server answered.
#[derive(Clone)]
struct SaveOutcome {
    sent: ValidProfile,
    sent_from: Draft,
    result: Result<UpdateResponse, CallError>,
}

fn apply_save_result(
    SaveOutcome {
        sent,
        sent_from,
        result,
    }: SaveOutcome,
    model: RwSignal<FormModel>,
    notice: RwSignal<Option<Notice>>,
    root: NodeRef<leptos::html::Section>,
    session_ended: impl Fn(),
) {
    let (sent, sent_from) = (&sent, &sent_from);
    match result {
        Ok(response) => {
            model.update(|m| m.saved(sent, sent_from));
            let details = &response.details;
            notice.set(Some(Notice::success(saved_text(
                details.change_date.as_deref(),
            ))));
            emit(
                root,
                "profile-saved",
                json!({
                    "profile": sent,
                    "details": {
                        "sequence": details.sequence.to_string(),
                        "changeDate": details.change_date,
                        "resourceOwner": details.resource_owner,
                    },
                }),
            );
        }
        Err(CallError::SessionEnded) => session_ended(),
        Err(CallError::Api(error)) => {
            let problem = Problem::from_error(&error);
            emit_error(root, problem.kind(), &problem.to_string());
            match problem {
                Problem::Invalid {
                    field: Some(field),
                    text,
                } => {
                    model.update(|m| m.pin_server_error(field, text));
                    focus_field(root, field);
                }
                Problem::NotChanged => {
                    // The server already holds exactly these values.
                    model.update(|m| m.saved(sent, sent_from));
                    notice.set(Some(Notice::info(Problem::NotChanged.to_string())));
                }
                Problem::Unauthenticated => session_ended(),
                problem if problem.retryable() => {
                    notice.set(Some(
                        Notice::error(problem.to_string()).with_action(NoticeAction::Retry),
                    ));
                }
                problem => notice.set(Some(Notice::error(problem.to_string()))),
            }
        }
    }
}

/// Dispatches `name` from the form's root; it bubbles out of a shadow root to the host.
fn emit(root: NodeRef<leptos::html::Section>, name: &str, detail: serde_json::Value) {
    let Some(section) = root.get_untracked() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(detail) = js_sys::JSON::parse(&detail.to_string()) {
        init.set_detail(&detail);
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = section.dispatch_event(&event);
    }
}

/// `profile-error` with a stable `kind` and the text the person sees.
fn emit_error(root: NodeRef<leptos::html::Section>, kind: &str, message: &str) {
    emit(
        root,
        "profile-error",
        json!({ "kind": kind, "message": message }),
    );
}

/// Moves focus to `field`'s control in this form, once its message is showing.
fn focus_field(root: NodeRef<leptos::html::Section>, field: Field) {
    use wasm_bindgen::JsCast;
    spawn_local(async move {
        leptos::task::tick().await;
        let selector = format!("[name='{}']", field.as_str());
        let element = root
            .get_untracked()
            .and_then(|r| r.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}
