//! Why signing in, refreshing or signing out did not work, kept apart by cause
//! (transport, parse, crypto, the server's word), and what the person is told.

use std::fmt;

use super::protocol::{IdTokenError, OAuthErrorCode, TokenError};
use crate::http::HttpError;
use crate::i18n::{Key, Message};
use crate::problem::Problem;

/// Why a discovery document was refused: each is an operator mistake or an attack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiscoveryError {
    /// The document names another issuer than the configured one.
    Issuer { found: String },
    /// An endpoint that is not https on the issuer's origin.
    Endpoint { name: &'static str, url: String },
    /// No PKCE with S256 (RFC 9700 §2.1.1).
    NoS256,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInError {
    /// Discovery or the token endpoint gave no usable answer.
    Transport(HttpError),
    /// The discovery document could not be trusted.
    Discovery(DiscoveryError),
    /// The token endpoint's success answer could not be read.
    Parse,
    /// The browser lacks what PKCE needs.
    Crypto(CryptoError),
    /// The browser refused to navigate to the login.
    Navigation,
    /// ZITADEL answered the authorize request with an error.
    Authorize {
        error: OAuthErrorCode,
        description: Option<String>,
    },
    /// A callback no sign-in of this tab waits for (stale, copied or forged), while
    /// no session is held: nothing was signed in with it.
    StrayCallback,
    /// The callback's `iss` (RFC 9207) names another issuer.
    IssuerMismatch(String),
    /// The token endpoint refused the request.
    Token(TokenError),
    IdToken(IdTokenError),
    NoSession,
    /// The issuer names no `end_session_endpoint`.
    NoEndSession,
    /// The session is over and cannot be refreshed.
    CannotRefresh,
    /// ZITADEL refused the refresh because the application may not use refresh
    /// tokens (`unauthorized_client`): the Refresh Token grant is not ticked.
    RefreshNotAllowed,
}

/// What the browser lacks for PKCE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    NoCrypto,
    NoRandom,
    NoDigest,
}

impl SignInError {
    /// What the person (and the operator) is told.
    pub fn message(&self) -> Message {
        match self {
            SignInError::Transport(e) => Message::new(Key::SignInUnreachable)
                .with("problem", Problem::from_error(e).message()),
            SignInError::Parse => Key::TokenUnreadable.into(),
            SignInError::Crypto(e) => {
                let reason = match e {
                    CryptoError::NoCrypto => Key::CryptoMissing,
                    CryptoError::NoRandom => Key::RandomMissing,
                    CryptoError::NoDigest => Key::DigestMissing,
                };
                Message::new(Key::BrowserCannotSignIn).with("reason", Message::new(reason))
            }
            SignInError::Discovery(e) => discovery_message(e),
            SignInError::Navigation => Key::NavigationRefused.into(),
            SignInError::StrayCallback => Key::StrayCallback.into(),
            SignInError::IssuerMismatch(found) => {
                Message::new(Key::CallbackIssuer).with("found", found)
            }
            SignInError::Authorize { error, description } => {
                authorize_message(error, description.as_deref())
            }
            SignInError::Token(e) => token_message(e),
            SignInError::IdToken(e) => {
                Message::new(Key::IdTokenUntrusted).with("reason", e.message())
            }
            SignInError::NoSession => Key::NotSignedIn.into(),
            SignInError::NoEndSession => Key::NoEndSession.into(),
            SignInError::CannotRefresh => Key::SessionEnded.into(),
            SignInError::RefreshNotAllowed => Key::RefreshGrantMissing.into(),
        }
    }

    /// The `kind` a host hears in `profile-error`: a refused application is the
    /// operator's to fix, and says so; any other sign-in failure is `sign-in`.
    pub fn kind(&self) -> crate::host_events::ErrorKind {
        use crate::host_events::ErrorKind;
        match self {
            SignInError::Token(e) if e.error == OAuthErrorCode::InvalidClient => {
                ErrorKind::ClientRefused
            }
            SignInError::RefreshNotAllowed => ErrorKind::RefreshNotAllowed,
            _ => ErrorKind::SignIn,
        }
    }
}

impl fmt::Display for SignInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

/// `key` or, with a description worth reading, `with_detail`, naming the error code.
fn with_detail(
    key: Key,
    with_detail: Key,
    error: &OAuthErrorCode,
    detail: Option<&str>,
) -> Message {
    match detail.filter(|d| !is_message_key(d)) {
        Some(detail) => Message::new(with_detail).with("detail", detail),
        None => Message::new(key),
    }
    .with("error", error.as_str())
}

fn discovery_message(error: &DiscoveryError) -> Message {
    match error {
        DiscoveryError::Issuer { found } => Message::new(Key::DiscoveryIssuer).with("found", found),
        DiscoveryError::Endpoint { name, url } => Message::new(Key::DiscoveryEndpoint)
            .with("name", name)
            .with("url", url),
        DiscoveryError::NoS256 => Key::DiscoveryNoS256.into(),
    }
}

fn authorize_message(error: &OAuthErrorCode, detail: Option<&str>) -> Message {
    match error {
        OAuthErrorCode::AccessDenied => Key::SignInCancelled.into(),
        OAuthErrorCode::LoginRequired | OAuthErrorCode::InteractionRequired => {
            Key::PleaseSignIn.into()
        }
        OAuthErrorCode::InvalidScope => with_detail(
            Key::ScopeRefused,
            Key::ScopeRefusedWithDetail,
            error,
            detail,
        ),
        _ => with_detail(
            Key::SignInRefused,
            Key::SignInRefusedWithDetail,
            error,
            detail,
        ),
    }
}

/// Whether a description is one of ZITADEL's untranslated message keys
/// (`Errors.AuthRequest.NotFound`): words for translators, not for people.
fn is_message_key(description: &str) -> bool {
    description.starts_with("Errors.")
        || (description.contains('.')
            && !description.contains(' ')
            && description.split('.').all(|part| {
                part.starts_with(|c: char| c.is_ascii_alphabetic())
                    && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            }))
}

/// The keys ZITADEL's token endpoint answers a spent, expired or unreadable code
/// with, as `invalid_request`: login v1 forgets an exchanged or expired code's auth
/// request (HTTP 404), login v2 marks it as having no code, and a code it cannot
/// decrypt is invalid. Other servers say `invalid_grant` (RFC 6749 §5.2).
const SPENT_CODE_KEYS: [&str; 3] = [
    "Errors.AuthRequest.NotFound",
    "Errors.AuthRequest.NoCode",
    "Errors.User.Code.Invalid",
];

/// Whether the token endpoint refused the code itself, so that signing in again is
/// the whole fix.
fn code_is_spent(error: &TokenError) -> bool {
    match error.error {
        OAuthErrorCode::InvalidGrant => true,
        OAuthErrorCode::InvalidRequest => error
            .error_description
            .as_deref()
            .is_some_and(|d| SPENT_CODE_KEYS.contains(&d)),
        _ => false,
    }
}

fn token_message(error: &TokenError) -> Message {
    if code_is_spent(error) {
        return Key::CodeUsedOrExpired.into();
    }
    match error.error {
        // A Web app (a framework preset) wants its secret before anything else.
        OAuthErrorCode::InvalidClient
            if error
                .error_description
                .as_deref()
                .is_some_and(|d| d.contains("client secret")) =>
        {
            Key::ClientNeedsSecret.into()
        }
        OAuthErrorCode::InvalidClient => Key::ClientRefused.into(),
        OAuthErrorCode::UnauthorizedClient => Key::GrantNotAllowed.into(),
        _ => with_detail(
            Key::TokenRefused,
            Key::TokenRefusedWithDetail,
            &error.error,
            error.error_description.as_deref(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_fix() {
        let cancelled = SignInError::Authorize {
            error: OAuthErrorCode::AccessDenied,
            description: None,
        };
        assert_eq!(cancelled.to_string(), "Sign-in was cancelled.");
        let scope = SignInError::Authorize {
            error: OAuthErrorCode::InvalidScope,
            description: Some("unknown scope x".into()),
        };
        assert_eq!(
            scope.to_string(),
            "ZITADEL refused the requested scope (unknown scope x). Check the “scope” option."
        );
        let other = SignInError::Authorize {
            error: OAuthErrorCode::from("server_error".to_owned()),
            description: None,
        };
        assert_eq!(
            other.to_string(),
            "ZITADEL refused the sign-in: server_error."
        );
        let grant = SignInError::Token(TokenError {
            error: OAuthErrorCode::UnauthorizedClient,
            error_description: None,
        });
        assert!(grant.to_string().contains("Refresh Token"));
        let unknown = SignInError::Token(TokenError {
            error: OAuthErrorCode::from("slow_down".to_owned()),
            error_description: Some("wait".into()),
        });
        assert_eq!(
            unknown.to_string(),
            "The sign-in could not be completed: slow_down (wait)."
        );
        assert!(SignInError::StrayCallback
            .to_string()
            .contains("not started in this tab"));
    }

    /// Operator mistakes at the token endpoint are named by their cause: a Web app
    /// wants a secret (ZITADEL's `invalid_client` "empty client secret"), another
    /// refused client is checked by id and type, and the missing refresh grant.
    #[test]
    fn a_refused_application_is_named_by_its_cause() {
        let client = |description: Option<&str>| {
            SignInError::Token(TokenError {
                error: OAuthErrorCode::InvalidClient,
                error_description: description.map(str::to_owned),
            })
        };
        let secret = client(Some("empty client secret"));
        assert_eq!(secret.message().key(), Key::ClientNeedsSecret);
        assert!(secret.to_string().contains("User Agent"), "{secret}");
        assert_eq!(secret.kind(), crate::host_events::ErrorKind::ClientRefused);
        for other in [None, Some("client_id does not correspond")] {
            assert_eq!(client(other).message().key(), Key::ClientRefused);
            assert_eq!(
                client(other).kind(),
                crate::host_events::ErrorKind::ClientRefused
            );
        }
        let refresh = SignInError::RefreshNotAllowed;
        assert!(refresh.to_string().contains("“Refresh Token”"), "{refresh}");
        assert_eq!(
            refresh.kind(),
            crate::host_events::ErrorKind::RefreshNotAllowed
        );
        assert_eq!(
            SignInError::CannotRefresh.kind(),
            crate::host_events::ErrorKind::SignIn
        );
    }

    fn refused(error: &str, description: Option<&str>) -> String {
        SignInError::Token(TokenError {
            error: OAuthErrorCode::from(error.to_owned()),
            error_description: description.map(str::to_owned),
        })
        .to_string()
    }

    /// ZITADEL's answers to a reused, expired or unreadable code (the contract's token
    /// endpoint row) all read as "sign in again", never as the raw key.
    #[test]
    fn a_spent_code_reads_plainly_in_every_shape_zitadel_sends() {
        let plain = "That sign-in link was already used or has expired. Please sign in again.";
        for description in [
            Some("Errors.AuthRequest.NotFound"),
            Some("Errors.AuthRequest.NoCode"),
            Some("Errors.User.Code.Invalid"),
        ] {
            assert_eq!(refused("invalid_request", description), plain);
        }
        assert_eq!(
            refused("invalid_grant", Some("invalid code_verifier")),
            plain
        );
        assert_eq!(refused("invalid_grant", None), plain);
    }

    #[test]
    fn raw_message_keys_are_never_shown() {
        for key in [
            "Errors.OIDCSession.RefreshTokenInvalid",
            "Errors.Internal",
            "OIDC.Something.Else",
        ] {
            let text = refused("invalid_request", Some(key));
            assert_eq!(text, "The sign-in could not be completed: invalid_request.");
        }
        assert_eq!(
            refused("invalid_request", Some("code_verifier required")),
            "The sign-in could not be completed: invalid_request (code_verifier required)."
        );
        let authorize = SignInError::Authorize {
            error: OAuthErrorCode::from("server_error".to_owned()),
            description: Some("Errors.Internal".into()),
        };
        assert_eq!(
            authorize.to_string(),
            "ZITADEL refused the sign-in: server_error."
        );
        assert!(is_message_key("Errors.AuthRequest.NotFound"));
        assert!(!is_message_key("wait."));
        assert!(!is_message_key("see https://example.com/x.y"));
        assert!(!is_message_key("1.5"));
    }

    #[test]
    fn transport_and_browser_failures_are_told_in_words() {
        assert_eq!(
            SignInError::Transport(HttpError::Timeout).to_string(),
            "The sign-in service could not be reached: The server did not answer in time. Try again."
        );
        assert_eq!(
            SignInError::Crypto(CryptoError::NoDigest).to_string(),
            "This browser cannot sign in securely: SHA-256 unavailable (is the page served over https?)"
        );
        let parse = SignInError::Parse.to_string();
        assert!(!parse.contains("expected"), "no parser words: {parse}");
    }
}
