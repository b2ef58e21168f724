//! The DOM events the form dispatches for its host, and the shape of each `detail`.
//! The README's events table is checked against this module by a test.

use serde::Serialize;

use crate::api::Details;
use crate::profile::{Draft, ValidProfile};

/// An event for the host page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostEvent {
    /// The profile was loaded and the form shows it.
    ProfileLoaded(Loaded),
    /// A save was stored.
    ProfileSaved(SavedDetail),
    /// Something went wrong; the form shows the same text.
    ProfileError(ErrorDetail),
    /// The person signed out.
    SignedOut,
    /// The form turned dirty (edited and not saved) or clean again.
    DirtyChange(DirtyDetail),
    /// The person uploaded or removed their picture.
    AvatarChanged(AvatarDetail),
}

/// `profile-avatar-changed`'s detail: ZITADEL's `avatarUrl` now, `null` once removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AvatarDetail {
    pub avatar_url: Option<String>,
}

/// `profile-dirty-change`'s detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirtyDetail {
    pub dirty: bool,
}

/// `profile-loaded`'s detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Loaded {
    pub user_id: String,
    pub profile: Draft,
}

/// `profile-saved`'s detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedDetail {
    pub profile: ValidProfile,
    pub details: SavedDetails,
}

/// What ZITADEL said about the change; the sequence is a string, as ZITADEL sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedDetails {
    pub sequence: String,
    pub change_date: Option<String>,
    pub resource_owner: Option<String>,
}

impl From<&Details> for SavedDetails {
    fn from(details: &Details) -> Self {
        Self {
            sequence: details.sequence.to_string(),
            change_date: details.change_date.clone(),
            resource_owner: details.resource_owner.clone(),
        }
    }
}

/// `profile-error`'s detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorDetail {
    pub kind: ErrorKind,
    /// The text the person sees.
    pub message: String,
}

macro_rules! error_kinds {
    ($($kind:ident = $name:literal,)*) => {
        /// `profile-error`'s `kind`: a stable name hosts can switch on.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        pub enum ErrorKind {
            $(#[serde(rename = $name)] $kind,)*
        }

        impl ErrorKind {
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$kind,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorKind::$kind => $name,)*
                }
            }
        }
    };
}

error_kinds! {
    Invalid = "invalid",
    NotChanged = "not-changed",
    UserGone = "user-gone",
    Unauthenticated = "unauthenticated",
    OriginNotAllowed = "origin-not-allowed",
    RateLimited = "rate-limited",
    Server = "server",
    Network = "network",
    Timeout = "timeout",
    Unexpected = "unexpected",
    Garbled = "garbled",
    SignIn = "sign-in",
    SessionEnded = "session-ended",
    ClientRefused = "client-refused",
    RefreshNotAllowed = "refresh-not-allowed",
    MfaRequired = "mfa-required",
    Crashed = "crashed",
}

impl ErrorKind {
    /// Whether the error is a mistake in ZITADEL's setup, for the operator to fix.
    pub fn is_the_operators(self) -> bool {
        matches!(
            self,
            ErrorKind::ClientRefused | ErrorKind::RefreshNotAllowed | ErrorKind::OriginNotAllowed
        )
    }
}

impl HostEvent {
    /// Every event name, in the README's order.
    pub const NAMES: [&'static str; 6] = [
        "profile-loaded",
        "profile-saved",
        "profile-error",
        "signed-out",
        "profile-dirty-change",
        "profile-avatar-changed",
    ];

    /// `profile-error` of `kind`, with the text the person sees.
    pub fn error(kind: ErrorKind, message: impl ToString) -> Self {
        HostEvent::ProfileError(ErrorDetail {
            kind,
            message: message.to_string(),
        })
    }

    pub fn name(&self) -> &'static str {
        let index = match self {
            HostEvent::ProfileLoaded(_) => 0,
            HostEvent::ProfileSaved(_) => 1,
            HostEvent::ProfileError(_) => 2,
            HostEvent::SignedOut => 3,
            HostEvent::DirtyChange(_) => 4,
            HostEvent::AvatarChanged(_) => 5,
        };
        Self::NAMES[index]
    }

    /// The `detail` as JSON text.
    pub fn detail_json(&self) -> String {
        let json = match self {
            HostEvent::ProfileLoaded(d) => crate::json::to_string(d),
            HostEvent::ProfileSaved(d) => crate::json::to_string(d),
            HostEvent::ProfileError(d) => crate::json::to_string(d),
            HostEvent::SignedOut => Ok("{}".to_owned()),
            HostEvent::DirtyChange(d) => crate::json::to_string(d),
            HostEvent::AvatarChanged(d) => crate::json::to_string(d),
        };
        json.unwrap_or_else(|_| "{}".to_owned())
    }

    /// Dispatches the event from `target`; it bubbles, and crosses a shadow root to
    /// reach the host element.
    pub fn dispatch(&self, target: &web_sys::EventTarget) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(detail) = js_sys::JSON::parse(&self.detail_json()) {
            init.set_detail(&detail);
        }
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(self.name(), &init) {
            let _ = target.dispatch_event(&event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    #[test]
    fn details_have_the_documented_shape() {
        let loaded = HostEvent::ProfileLoaded(Loaded {
            user_id: "42".into(),
            profile: Draft::sample(),
        });
        assert_eq!(loaded.name(), "profile-loaded");
        let json: serde_json::Value = serde_json::from_str(&loaded.detail_json()).unwrap();
        assert_eq!(json["userId"], "42");
        assert_eq!(json["profile"]["firstName"], "Ada");

        let saved = HostEvent::ProfileSaved(SavedDetail {
            profile: validate(&Draft::sample()).unwrap(),
            details: SavedDetails::from(&Details {
                sequence: u64::MAX,
                change_date: Some("2026-11-29T13:12:42Z".into()),
                resource_owner: None,
            }),
        });
        let json: serde_json::Value = serde_json::from_str(&saved.detail_json()).unwrap();
        assert_eq!(json["details"]["sequence"], "18446744073709551615");
        assert_eq!(json["details"]["changeDate"], "2026-11-29T13:12:42Z");
        assert!(json["details"]["resourceOwner"].is_null());
        assert_eq!(json["profile"]["gender"], "GENDER_UNSPECIFIED");

        let error = HostEvent::error(ErrorKind::SessionEnded, "gone");
        assert_eq!(error.name(), "profile-error");
        assert_eq!(
            error.detail_json(),
            r#"{"kind":"session-ended","message":"gone"}"#
        );
        assert_eq!(HostEvent::SignedOut.detail_json(), "{}");

        let changed = HostEvent::AvatarChanged(AvatarDetail {
            avatar_url: Some("https://i.example/assets/v1/o/a".into()),
        });
        assert_eq!(changed.name(), "profile-avatar-changed");
        assert_eq!(
            changed.detail_json(),
            r#"{"avatarUrl":"https://i.example/assets/v1/o/a"}"#
        );
        let removed = HostEvent::AvatarChanged(AvatarDetail { avatar_url: None });
        assert_eq!(removed.detail_json(), r#"{"avatarUrl":null}"#);
    }

    /// The README's events table names exactly these events and error kinds.
    #[test]
    fn the_typescript_types_name_every_event_and_kind() {
        let types = include_str!("../web/index.d.ts");
        let map = types
            .split("interface ProfileFormEventMap {")
            .nth(1)
            .and_then(|rest| rest.split('}').next())
            .expect("the event map");
        let events: Vec<&str> = map
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
            .collect();
        assert_eq!(events, HostEvent::NAMES);
        let kinds: Vec<&str> = types
            .split("export type ErrorKind =")
            .nth(1)
            .and_then(|rest| rest.split(';').next())
            .expect("the ErrorKind union")
            .split('"')
            .skip(1)
            .step_by(2)
            .collect();
        let ours: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(kinds, ours);
        let package = include_str!("../web/package.json");
        let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
        assert!(
            package.contains(&version),
            "web/package.json's version follows Cargo's"
        );
    }

    #[test]
    fn the_readme_documents_every_event_and_kind() {
        let readme = include_str!("../README.md");
        let table: Vec<&str> = readme
            .lines()
            .filter(|l| {
                l.trim_start().starts_with("| `profile-")
                    || l.trim_start().starts_with("| `signed-")
            })
            .collect();
        let documented: Vec<&str> = table
            .iter()
            .filter_map(|l| l.trim_start().strip_prefix("| `")?.split('`').next())
            .collect();
        assert_eq!(documented, HostEvent::NAMES);
        let error_row = table
            .iter()
            .find(|l| l.contains("`profile-error`"))
            .expect("a row for profile-error");
        let kinds: Vec<&str> = error_row
            .split("is one of")
            .nth(1)
            .expect("the row lists the kinds")
            .split('`')
            .skip(1)
            .step_by(2)
            .collect();
        let ours: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(kinds, ours);
    }
}
