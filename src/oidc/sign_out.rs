//! Signing out: forget the session here, revoke the refresh token (RFC 7009), then
//! end ZITADEL's session through `end_session` (OIDC RP-Initiated Logout §2).

use super::discovery::discover;
use super::encoding::form_encode;
use super::tokens;
use crate::http::Request;
use crate::options::Config;

/// Signs out and comes back to `postLogoutRedirectUri`. Without the discovery
/// document only the local part happens, and this returns.
pub async fn sign_out(config: &Config) {
    let held = tokens::load(config);
    tokens::clear(config);
    crate::profile::discard_kept_draft(config);
    let Ok(discovery) = discover(config).await else {
        return;
    };
    let Some(held) = held else {
        return;
    };
    if let (Some(endpoint), Some(refresh_token)) =
        (&discovery.revocation_endpoint, &held.refresh_token)
    {
        let body = form_encode(&[
            ("token", refresh_token.secret()),
            ("token_type_hint", "refresh_token"),
            ("client_id", &config.client_id),
        ]);
        // Best effort: the session ends either way.
        let _ = Request::post(endpoint)
            .form(body)
            .send(config.timeout_ms)
            .await;
    }
    if let Some(endpoint) = discovery.end_session_endpoint {
        let mut params = vec![
            ("client_id", config.client_id.as_str()),
            (
                "post_logout_redirect_uri",
                config.post_logout_redirect_uri.as_str(),
            ),
        ];
        if let Some(hint) = &held.id_token {
            params.push(("id_token_hint", hint.secret()));
        }
        let separator = if endpoint.contains('?') { '&' } else { '?' };
        let _ = crate::window()
            .location()
            .assign(&format!("{endpoint}{separator}{}", form_encode(&params)));
    }
}
