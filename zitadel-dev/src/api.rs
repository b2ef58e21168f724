//! The Auth API's own-profile endpoints, with ZITADEL's JSON encoding (zero values
//! omitted, uint64 as strings) and its error bodies.

use axum::body::Bytes;
use axum::extract::State;
use axum::Json;
use serde_json::{json, Map, Value};

use crate::auth::{Authenticated, CurrentUser};
use crate::error::ApiError;
use crate::rules::{self, Gender, ProfileRequest};
use crate::state::{AppState, Profile, UpdateRefused, User};
use crate::texts::{AcceptLanguage, Text};

/// The organisation every seeded user belongs to.
pub const ORG_ID: &str = "243862081218773201";

fn put_non_empty(map: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.is_empty() {
        map.insert(key.into(), json!(value));
    }
}

/// A profile as protojson writes it: empty strings and the zero enum left out.
pub fn profile_json(profile: &Profile) -> Value {
    let mut map = Map::new();
    put_non_empty(&mut map, "firstName", &profile.first_name);
    put_non_empty(&mut map, "lastName", &profile.last_name);
    put_non_empty(&mut map, "nickName", &profile.nick_name);
    put_non_empty(&mut map, "displayName", &profile.display_name);
    put_non_empty(
        &mut map,
        "preferredLanguage",
        profile.preferred_language.as_str(),
    );
    if profile.gender != Gender::Unspecified {
        map.insert("gender".into(), json!(profile.gender));
    }
    Value::Object(map)
}

fn details(user: &User) -> Value {
    json!({
        "sequence": user.sequence.to_string(),
        "creationDate": user.creation_date,
        "changeDate": user.change_date,
        "resourceOwner": ORG_ID,
    })
}

/// `GET /auth/v1/users/me`
pub async fn me(CurrentUser(user): CurrentUser) -> Json<Value> {
    let mut email = Map::new();
    put_non_empty(&mut email, "email", &user.email);
    if user.email_verified {
        email.insert("isEmailVerified".into(), json!(true));
    }
    let domain = "zitadel.localhost";
    Json(json!({
        "user": {
            "id": user.id,
            "details": details(&user),
            "state": "USER_STATE_ACTIVE",
            "userName": user.user_name,
            "loginNames": [format!("{}@{domain}", user.user_name)],
            "preferredLoginName": format!("{}@{domain}", user.user_name),
            "human": {
                "profile": profile_json(&user.profile),
                "email": email,
                "phone": {},
            },
        }
    }))
}

/// `GET /auth/v1/users/me/profile`
pub async fn profile(CurrentUser(user): CurrentUser) -> Json<Value> {
    Json(json!({ "details": details(&user), "profile": profile_json(&user.profile) }))
}

/// `PUT /auth/v1/users/me/profile`: a full replace, checked like the server checks it:
/// the token first, then the body's encoding, the rules, and last the stored user.
pub async fn update_profile(
    State(state): State<AppState>,
    Authenticated(token): Authenticated,
    caller: AcceptLanguage,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request = ProfileRequest::from_json(&body).map_err(ApiError::invalid_argument)?;
    rules::validate(&request).map_err(|v| ApiError::invalid_argument(v.message()))?;
    let change = state
        .store()
        .update_profile(&token.user_id, Profile::from(request))
        .map_err(|refused| refusal(&caller, refused))?;
    Ok(Json(json!({
        "details": {
            "sequence": change.sequence.to_string(),
            "changeDate": change.change_date,
            "resourceOwner": ORG_ID,
        }
    })))
}

/// ZITADEL's error for an update the store refused, in the caller's language.
fn refusal(caller: &AcceptLanguage, refused: UpdateRefused) -> ApiError {
    match refused {
        UpdateRefused::UserGone => {
            ApiError::precondition("COMMAND-3M9sd", caller.text(None, Text::UserNotFound))
        }
        UpdateRefused::NotChanged { preferred_language } => {
            let text = caller.text(Some(preferred_language.as_str()), Text::ProfileNotChanged);
            ApiError::precondition("COMMAND-2M0fs", text)
        }
    }
}
