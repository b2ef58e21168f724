//! The token endpoint (RFC 6749 §5) and the refresh (§6), once across all tabs.

use super::discovery::discover;
use super::error::SignInError;
use super::protocol::{
    check_refreshed_id_token, refresh_body, OAuthErrorCode, TokenError, TokenResponse,
};
use super::revoke::revoke;
use super::stored::{self, Tokens};
use super::sync::{announce, ask_others, with_refresh_lock, LockError};
use super::types::AccessToken;
use crate::http::{self, HttpError, Request};
use crate::options::Config;

/// POSTs a form to the token endpoint and reads the answer.
pub async fn post_token(
    endpoint: &str,
    body: String,
    timeout_ms: u32,
) -> Result<TokenResponse, SignInError> {
    let sent = Request::post(endpoint)
        .header("Accept", "application/json")
        .form(body)
        .send(timeout_ms)
        .await;
    match sent {
        Ok(body) => http::decode(&body).map_err(|_| SignInError::Parse),
        Err(HttpError::Status { status, body }) => match http::decode::<TokenError>(&body) {
            Ok(error) if !error.error.as_str().is_empty() => Err(SignInError::Token(error)),
            _ => Err(SignInError::Transport(HttpError::Status {
                status,
                body: String::new(),
            })),
        },
        Err(e) => Err(SignInError::Transport(e)),
    }
}

/// Spends the refresh token for new tokens in place of `used`, the access token the
/// caller found dead or about to die; once across all tabs: under the session's Web
/// Lock, and not at all if the tokens held already moved past `used` (another call
/// of this tab, or another tab, refreshed meanwhile). ZITADEL keeps one live access
/// token per session, so a second rotation would kill the one the first just got.
pub async fn refresh(config: &Config, used: &AccessToken) -> Result<Tokens, SignInError> {
    let used = used.clone();
    let config = config.clone();
    with_refresh_lock(&config.clone(), async move {
        let current = stored::load(&config).ok_or(SignInError::NoSession)?;
        if current.access_token != used {
            return Ok(current);
        }
        let spent = current
            .refresh_token
            .clone()
            .ok_or(SignInError::CannotRefresh)?;
        // A tab that was reloading may have missed another's rotation: ask first.
        if let Some(adopted) = ask_others(&config, &spent).await {
            return Ok(adopted);
        }
        let discovery = discover(&config).await?;
        let body = refresh_body(&config, &spent);
        let response = match post_token(&discovery.token_endpoint, body, config.timeout_ms).await {
            Err(SignInError::Token(e)) if e.error == OAuthErrorCode::UnauthorizedClient => {
                return Err(SignInError::RefreshNotAllowed)
            }
            Err(SignInError::Token(_)) => return Err(SignInError::CannotRefresh),
            other => other?,
        };
        let now_ms = crate::page::now_ms();
        if let (Some(id_token), Some(sub)) = (&response.id_token, &current.sub) {
            check_refreshed_id_token(id_token.secret(), &config, sub, now_ms / 1000)
                .map_err(SignInError::IdToken)?;
        }
        let tokens = current.refreshed(response, now_ms);
        // Saved only over the tokens spent (S3): a sign-out while the request was out
        // (this tab's, or another's heard here) wins, and the new tokens are revoked.
        if stored::load(&config).and_then(|t| t.refresh_token) != Some(spent.clone()) {
            revoke(&config, &discovery, &tokens).await;
            return Err(SignInError::NoSession);
        }
        stored::save(&config, &tokens);
        announce(&config, &spent, &tokens).await;
        Ok(tokens)
    })
    .await
    .unwrap_or_else(|error| match error {
        // Another tab holds the lock too long: worth another try, not a sign-out.
        LockError::TimedOut => Err(SignInError::Transport(HttpError::Timeout)),
        LockError::Refused => Err(SignInError::CannotRefresh),
    })
}
