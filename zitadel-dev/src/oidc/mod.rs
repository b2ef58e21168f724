//! The OpenID Connect side. Discovery and keys live here; the endpoints that do more
//! have a module each: authorize with its login page, the token endpoint (authorization
//! code + PKCE S256, refresh with rotation) and revocation, userinfo, and the browser
//! session that end session closes, with the logged-out page after it.

mod authorize;
mod login;
mod pages;
mod session;
mod token;
mod userinfo;

use axum::extract::State;
use axum::Json;
use serde_json::json;

use crate::state::AppState;

pub use authorize::{authorize, AuthorizeError, AuthorizeParams};
pub use login::{login_page, login_submit, LoginForm, LoginPageParams};
pub use pages::{favicon, ErrorPage};
pub use session::{
    end_session, logged_out, logout_v2_end, logout_v2_page, EndSessionParams, LOGGED_OUT_PATH,
    LOGOUT_V2_PATH,
};
pub use token::{mint, revoke, s256, token, RevokeRequest, TokenRequest};
pub use userinfo::userinfo;

pub async fn discovery(State(state): State<AppState>) -> Json<serde_json::Value> {
    let issuer = &state.config().issuer;
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/oauth/v2/authorize"),
        "token_endpoint": format!("{issuer}/oauth/v2/token"),
        "introspection_endpoint": format!("{issuer}/oauth/v2/introspect"),
        "userinfo_endpoint": format!("{issuer}/oidc/v1/userinfo"),
        "revocation_endpoint": format!("{issuer}/oauth/v2/revoke"),
        "end_session_endpoint": format!("{issuer}/oidc/v1/end_session"),
        "jwks_uri": format!("{issuer}/oauth/v2/keys"),
        "scopes_supported": ["openid", "profile", "email", "phone", "address", "offline_access"],
        "response_types_supported": ["code", "id_token", "id_token token"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "grant_types_supported": ["authorization_code", "implicit", "refresh_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["none", "client_secret_basic", "client_secret_post", "private_key_jwt"],
        "revocation_endpoint_auth_methods_supported": ["none", "client_secret_basic", "client_secret_post", "private_key_jwt"],
        "claims_supported": ["sub", "aud", "exp", "iat", "iss", "auth_time", "nonce", "acr", "amr", "azp",
            "name", "given_name", "family_name", "nickname", "preferred_username", "locale", "gender",
            "email", "email_verified", "updated_at"],
        "code_challenge_methods_supported": ["S256"],
        "ui_locales_supported": state.config().languages,
        "request_parameter_supported": true,
        "request_uri_parameter_supported": false,
    }))
}

pub async fn jwks(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(json!({ "keys": [state.keys().jwk] }))
}
