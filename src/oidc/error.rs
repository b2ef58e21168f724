//! Why signing in, refreshing or signing out did not work, kept apart by cause
//! (transport, parse, crypto, the server's word), and what the person is told.

use std::fmt;

use super::discovery::DiscoveryError;
use super::protocol::{IdTokenError, OAuthErrorCode, TokenError};
use crate::http::HttpError;
use crate::i18n::{Key, Message};
use crate::problem::Problem;

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
    /// A callback that no sign-in on this page asked for, while one is pending.
    UnknownState,
    /// A callback while no sign-in is pending here: it was started in another tab
    /// or window, which has the verifier.
    FinishedElsewhere,
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
            SignInError::FinishedElsewhere => Key::FinishedElsewhere.into(),
            SignInError::IssuerMismatch(found) => {
                Message::new(Key::CallbackIssuer).with("found", found)
            }
            SignInError::Authorize { error, description } => {
                authorize_message(error, description.as_deref())
            }
            SignInError::UnknownState => Key::UnknownState.into(),
            SignInError::Token(e) => token_message(e),
            SignInError::IdToken(e) => {
                Message::new(Key::IdTokenUntrusted).with("reason", e.message())
            }
            SignInError::NoSession => Key::NotSignedIn.into(),
            SignInError::NoEndSession => Key::NoEndSession.into(),
            SignInError::CannotRefresh => Key::SessionEnded.into(),
        }
    }
}

impl fmt::Display for SignInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

/// `key` or, with a description, `with_detail`, naming the error code.
fn with_detail(
    key: Key,
    with_detail: Key,
    error: &OAuthErrorCode,
    detail: Option<&str>,
) -> Message {
    match detail {
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

fn token_message(error: &TokenError) -> Message {
    match error.error {
        OAuthErrorCode::InvalidGrant => Key::CodeUsedOrExpired.into(),
        OAuthErrorCode::InvalidClient => Key::UnknownClient.into(),
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
        assert!(SignInError::UnknownState.to_string().contains("refused"));
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
