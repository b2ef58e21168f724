//! Calling the API as the signed-in person: the one place a 401 is handled. The
//! access token is refreshed first when it is about to expire, and once more when
//! the server answers 401 anyway; a second 401, or a refresh the server refuses,
//! ends the session. A refresh that could not reach the server keeps the session:
//! the person can try again.

use std::future::Future;

use crate::api::ApiClient;
use crate::http::HttpError;
use crate::oidc::stored::{self, Tokens};
use crate::oidc::SignInError;
use crate::options::Config;

/// Refresh this long before the access token expires.
const REFRESH_MARGIN_MS: u64 = 60_000;

/// How an authorized call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// No usable session, even after one refresh.
    SessionEnded,
    /// The session could not be renewed: the application may not use refresh tokens.
    RefreshNotAllowed,
    Http(HttpError),
}

/// What a failed refresh means for the call: only the server's refusal ends the
/// session; an unreachable or slow server is a failure worth retrying.
fn after_failed_refresh(error: SignInError) -> CallError {
    match error {
        SignInError::Transport(http) => CallError::Http(http),
        SignInError::RefreshNotAllowed => CallError::RefreshNotAllowed,
        _ => CallError::SessionEnded,
    }
}

fn is_unauthorized<T>(result: &Result<T, HttpError>) -> bool {
    matches!(result, Err(HttpError::Status { status: 401, .. }))
}

/// Runs `call` with a client holding the session's access token.
pub async fn authorized<T, F, Fut>(config: &Config, call: F) -> Result<T, CallError>
where
    F: Fn(ApiClient) -> Fut,
    Fut: Future<Output = Result<T, HttpError>>,
{
    let mut held = stored::load(config).ok_or(CallError::SessionEnded)?;
    let expiring = held.expires_at_ms <= crate::page::now_ms() + REFRESH_MARGIN_MS;
    if expiring && held.refresh_token.is_some() {
        if let Ok(fresh) = crate::oidc::refresh(config, &held.access_token).await {
            held = fresh;
        }
    }
    let used = held.access_token.clone();
    let client =
        |t: Tokens| ApiClient::new(&config.api_base_url, t.access_token, config.timeout_ms);
    let first = call(client(held)).await;
    if !is_unauthorized(&first) {
        return first.map_err(CallError::Http);
    }
    let fresh = crate::oidc::refresh(config, &used)
        .await
        .map_err(after_failed_refresh)?;
    let second = call(client(fresh)).await;
    if is_unauthorized(&second) {
        return Err(CallError::SessionEnded);
    }
    second.map_err(CallError::Http)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oidc::protocol::{OAuthErrorCode, TokenError};

    /// L7: a network error during the refresh after a 401 keeps the session.
    #[test]
    fn l7_only_a_refused_refresh_ends_the_session() {
        assert_eq!(
            after_failed_refresh(SignInError::Transport(HttpError::Timeout)),
            CallError::Http(HttpError::Timeout)
        );
        let network = HttpError::Network("offline".into());
        assert_eq!(
            after_failed_refresh(SignInError::Transport(network.clone())),
            CallError::Http(network)
        );
        for refused in [
            SignInError::CannotRefresh,
            SignInError::NoSession,
            SignInError::Token(TokenError {
                error: OAuthErrorCode::InvalidRequest,
                error_description: None,
            }),
        ] {
            assert_eq!(after_failed_refresh(refused), CallError::SessionEnded);
        }
        assert_eq!(
            after_failed_refresh(SignInError::RefreshNotAllowed),
            CallError::RefreshNotAllowed,
            "the operator's mistake is named, not a lost session"
        );
    }
}
