//! `GET`/`POST /oidc/v1/userinfo`: the signed-in user's claims, as far as the token's
//! scopes reach (OpenID Connect Core §5.3).

use std::time::SystemTime;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};

use crate::auth::BearerToken;
use crate::config::has_scope;
use crate::rules::Gender;
use crate::state::{unix, AppState, User};

pub async fn userinfo(
    State(state): State<AppState>,
    BearerToken(token): BearerToken,
) -> Result<Json<Value>, StatusCode> {
    // A token whose user is gone gets a bare 401.
    let user = state
        .store()
        .user(&token.user_id)
        .ok_or(StatusCode::UNAUTHORIZED)?;
    Ok(Json(claims(&user, &token.scope, state.now())))
}

/// The standard claims (§5.1) for `user` that `scope` grants.
fn claims(user: &User, scope: &str, now: SystemTime) -> Value {
    let mut claims = json!({ "sub": user.id });
    if has_scope(scope, "profile") {
        let p = &user.profile;
        claims["name"] = json!(p.display_name);
        claims["given_name"] = json!(p.first_name);
        claims["family_name"] = json!(p.last_name);
        if !p.nick_name.is_empty() {
            claims["nickname"] = json!(p.nick_name);
        }
        claims["preferred_username"] = json!(user.user_name);
        claims["locale"] = json!(p.preferred_language.as_str());
        if let Some(gender) = gender_claim(p.gender) {
            claims["gender"] = json!(gender);
        }
        claims["updated_at"] = json!(unix(now));
    }
    if has_scope(scope, "email") {
        claims["email"] = json!(user.email);
        claims["email_verified"] = json!(user.email_verified);
    }
    claims
}

/// The `gender` claim: the enum's name in lower case, absent when unspecified.
fn gender_claim(gender: Gender) -> Option<&'static str> {
    match gender {
        Gender::Unspecified => None,
        Gender::Female => Some("female"),
        Gender::Male => Some("male"),
        Gender::Diverse => Some("diverse"),
    }
}
