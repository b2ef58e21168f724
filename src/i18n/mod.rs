//! Every text a person reads, in one place. Code names a [`Key`] (and fills in its
//! arguments through [`Message`]); the catalogue decides the words. English is the
//! only catalogue today ([`en`]); another language is another table of the same keys.

mod en;

use std::fmt;

macro_rules! keys {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        /// One text of the catalogue. Templates may hold `{name}` placeholders, filled
        /// from a [`Message`]'s arguments.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $key,)*
        }

        impl Key {
            /// Every key, in declaration order.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }
    };
}

keys! {
    // The form and its controls.
    Title,
    SignedInAs,
    SignIn,
    SignInAgain,
    SignOut,
    SignInPrompt,
    Save,
    Saving,
    Reset,
    TryAgain,
    Loading,
    Optional,
    FirstName,
    LastName,
    NickName,
    DisplayName,
    PreferredLanguage,
    Gender,
    LanguageNotSet,
    GenderUnspecified,
    GenderFemale,
    GenderMale,
    GenderDiverse,
    // Notices.
    Saved,
    SavedAt,
    DraftRestored,
    SessionEndedSignIn,
    FreshTokenRefused,
    FreshTokenLacksAudience,
    // Field messages.
    Required,
    TooLong,
    LanguageTag,
    // What went wrong with a request.
    ServerRefusedValue,
    NotChanged,
    UserGone,
    SessionEnded,
    OriginNotAllowed,
    RateLimited,
    ServerProblem,
    Network,
    Timeout,
    RequestFailed,
    RequestFailedWithText,
    Garbled,
    // Signing in.
    SignInUnreachable,
    BrowserCannotSignIn,
    CryptoMissing,
    RandomMissing,
    DigestMissing,
    NavigationRefused,
    SignInCancelled,
    PleaseSignIn,
    ScopeRefused,
    ScopeRefusedWithDetail,
    SignInRefused,
    SignInRefusedWithDetail,
    UnknownState,
    CodeUsedOrExpired,
    UnknownClient,
    GrantNotAllowed,
    TokenRefused,
    TokenRefusedWithDetail,
    TokenUnreadable,
    IdTokenUntrusted,
    IdTokenMalformed,
    IdTokenIssuer,
    IdTokenAudience,
    IdTokenExpired,
    IdTokenNonce,
    NotSignedIn,
    // Options.
    NotConfigured,
    OptionMissing,
    OptionNotAUrl,
    OptionNotPositive,
    OptionsUnreadable,
    NoOptions,
    OptionsNotAnObject,
    ConfigUnreachable,
    ConfigStatus,
    ConfigMalformed,
}

impl Key {
    /// The template in the active catalogue.
    pub fn text(self) -> &'static str {
        en::text(self)
    }
}

/// A text to show: a key and the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: Key,
    args: Vec<(&'static str, String)>,
}

impl Message {
    pub fn new(key: Key) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// Fills `{name}` with `value`.
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn key(&self) -> Key {
        self.key
    }
}

impl From<Key> for Message {
    fn from(key: Key) -> Self {
        Message::new(key)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.key.text();
        while let Some(open) = rest.find('{') {
            f.write_str(&rest[..open])?;
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                return f.write_str(&rest[open..]);
            };
            let name = &after[..close];
            match self.args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => f.write_str(value)?,
                None => f.write_str(&rest[open..open + close + 2])?,
            }
            rest = &after[close + 1..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_order_of_the_template() {
        let m = Message::new(Key::TooLong).with("over", 3).with("max", 200);
        assert_eq!(
            m.to_string(),
            "At most 200 characters, please (3 too many)."
        );
    }

    #[test]
    fn a_missing_argument_shows_its_placeholder() {
        assert_eq!(
            Message::new(Key::SignedInAs).to_string(),
            "Signed in as {account}"
        );
    }

    #[test]
    fn every_placeholder_of_every_key_is_well_formed() {
        for &key in Key::ALL {
            let text = key.text();
            assert!(!text.trim().is_empty(), "{key:?} is empty");
            assert_eq!(
                text.matches('{').count(),
                text.matches('}').count(),
                "{key:?}: {text}"
            );
        }
    }
}
