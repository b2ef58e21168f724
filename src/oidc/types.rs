//! A type per protocol value, so that a state cannot be passed where a nonce belongs
//! and no secret can be printed. Secrets show `Name([redacted])` in debug output; the
//! PKCE verifier is not even `Clone`: it is made once and spent once.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! secret {
    ($(#[$doc:meta])* $name:ident $(, $derive:ident)*) => {
        $(#[$doc])*
        #[derive(PartialEq, Eq, Serialize, Deserialize $(, $derive)*)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(value: String) -> Self {
                Self(value)
            }

            /// The secret itself, for the one place that must send it.
            pub fn secret(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "([redacted])"))
            }
        }
    };
}

secret!(
    /// A bearer token for ZITADEL's API (RFC 6750).
    AccessToken,
    Clone
);
secret!(
    /// A refresh token (RFC 6749 §1.5); ZITADEL rotates it on every use.
    RefreshToken,
    Clone
);
secret!(
    /// The id_token (OIDC Core §2), kept as `id_token_hint` for sign-out.
    IdToken,
    Clone
);
secret!(
    /// A session's own random name, shared only by the tabs holding the session (in
    /// their stores and sealed on the channel); its [`crate::oidc::seal::id_of`]
    /// names the session when one of them signs out.
    SessionTag,
    Clone
);
secret!(
    /// The PKCE code verifier (RFC 7636 §4.1): the secret that proves this page asked.
    PkceVerifier
);

macro_rules! value {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(value: String) -> Self {
                Self(value)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}

value!(
    /// The `state` that ties a callback to the sign-in that asked (RFC 6749 §10.12).
    State
);
value!(
    /// The `nonce` that ties an id_token to the sign-in that asked (OIDC Core §3.1.2.1).
    Nonce
);
value!(
    /// `BASE64URL(SHA256(verifier))` (RFC 7636 §4.2).
    CodeChallenge
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let token = AccessToken::new("eyJ.secret.sig".into());
        assert_eq!(format!("{token:?}"), "AccessToken([redacted])");
        let verifier = PkceVerifier::new("dBjftJeZ4CVP".into());
        assert_eq!(format!("{verifier:?}"), "PkceVerifier([redacted])");
        assert_eq!(verifier.secret(), "dBjftJeZ4CVP");
    }

    #[test]
    fn secrets_are_stored_as_plain_strings() {
        let json = serde_json::to_string(&RefreshToken::new("r1".into())).unwrap();
        assert_eq!(json, "\"r1\"");
        let back: RefreshToken = serde_json::from_str(&json).unwrap();
        assert_eq!(back.secret(), "r1");
    }
}
