use leptos::prelude::*;

/// How a notice looks and how assistive technology announces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Error,
    Info,
    Success,
}

/// What the notice's button does, if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    Retry,
    SignIn,
}

/// A message above the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
    pub action: Option<NoticeAction>,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Error,
            text: text.into(),
            action: None,
        }
    }
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Info,
            text: text.into(),
            action: None,
        }
    }
    pub fn success(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Success,
            text: text.into(),
            action: None,
        }
    }
    pub fn with_action(mut self, action: NoticeAction) -> Self {
        self.action = Some(action);
        self
    }
}

/// Shows the current notice, if any. Errors are alerts; the rest are polite status.
#[component]
pub fn NoticeBanner(
    notice: Signal<Option<Notice>>,
    /// Called with the notice's action when its button is pressed.
    on_action: Callback<NoticeAction>,
) -> impl IntoView {
    move || {
        notice.get().map(|n| {
            let (class, role) = match n.tone {
                Tone::Error => ("zpf-banner zpf-banner--error", "alert"),
                Tone::Info => ("zpf-banner zpf-banner--info", "status"),
                Tone::Success => ("zpf-banner zpf-banner--success", "status"),
            };
            let button = n.action.map(|action| {
                let label = match action {
                    NoticeAction::Retry => "Try again",
                    NoticeAction::SignIn => "Sign in again",
                };
                view! {
                    <button type="button" class="zpf-button zpf-banner-action" data-testid="notice-action"
                        on:click=move |_| on_action.run(action)>
                        {label}
                    </button>
                }
            });
            view! {
                <div class=class role=role data-testid="notice">
                    <p>{n.text}</p>
                    {button}
                </div>
            }
        })
    }
}

/// Placeholder blocks while the profile loads.
#[component]
pub fn Skeleton() -> impl IntoView {
    view! {
        <div class="zpf-skeleton" data-testid="loading">
            <span class="zpf-visually-hidden">"Loading your profile…"</span>
            {(0..6)
                .map(|_| view! {
                    <div class="zpf-skeleton-field" aria-hidden="true">
                        <div class="zpf-skeleton-label"></div>
                        <div class="zpf-skeleton-input"></div>
                    </div>
                })
                .collect_view()}
        </div>
    }
}
