//! The Auth API's own-profile endpoints, with ZITADEL's JSON encoding (zero values
//! omitted, uint64 as strings) and its error bodies.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::error::ApiError;
use crate::oidc::{bearer, API_AUDIENCE_SCOPE};
use crate::rules::{self, Gender, ProfileRequest};
use crate::state::{timestamp, AccessToken, AppState, Profile, User};

/// The organisation every seeded user belongs to.
pub const ORG_ID: &str = "243862081218773201";

/// What the API checks before any handler runs: a header, a live token with the API
/// audience, and a page origin the token's app allows.
fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<AccessToken, ApiError> {
    let token = match bearer(state, headers) {
        None => return Err(ApiError::auth_header_missing()),
        Some(Err(())) => return Err(ApiError::token_invalid()),
        Some(Ok(token)) => token,
    };
    if !token.scope.split(' ').any(|s| s == API_AUDIENCE_SCOPE) {
        return Err(ApiError::token_invalid());
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        if !state.origin_allowed(&token.client_id, origin) {
            return Err(ApiError::origin_not_allowed());
        }
    }
    Ok(token)
}

fn current_user(state: &AppState, headers: &HeaderMap) -> Result<User, ApiError> {
    let token = authenticate(state, headers)?;
    state
        .store()
        .users
        .get(&token.user_id)
        .cloned()
        .ok_or_else(|| ApiError {
            status: StatusCode::NOT_FOUND,
            code: 5,
            id: Some("QUERY-Dfbg2"),
            text: localise(headers, None, Text::UserNotFound),
            www_authenticate: false,
        })
}

enum Text {
    ProfileNotChanged,
    UserNotFound,
}

/// Domain errors speak the caller's language (Accept-Language first, then the
/// user's preferred language); validation and auth errors are English only.
fn localise(headers: &HeaderMap, user_language: Option<&str>, text: Text) -> String {
    let requested = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split([',', ';', '-']).next())
        .map(|l| l.trim().to_ascii_lowercase());
    let german = requested
        .as_deref()
        .or(user_language)
        .is_some_and(|l| l.starts_with("de"));
    match (text, german) {
        (Text::ProfileNotChanged, false) => "Profile not changed",
        (Text::ProfileNotChanged, true) => "Profil wurde nicht verändert",
        (Text::UserNotFound, false) => "User could not be found",
        (Text::UserNotFound, true) => "Benutzer konnte nicht gefunden werden",
    }
    .to_owned()
}

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
    put_non_empty(&mut map, "preferredLanguage", &profile.preferred_language);
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
pub async fn me(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let user = current_user(&state, &headers)?;
    let mut email = Map::new();
    put_non_empty(&mut email, "email", &user.email);
    if user.email_verified {
        email.insert("isEmailVerified".into(), json!(true));
    }
    let domain = "zitadel.localhost";
    Ok(Json(json!({
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
    })))
}

/// `GET /auth/v1/users/me/profile`
pub async fn profile(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let user = current_user(&state, &headers)?;
    Ok(Json(
        json!({ "details": details(&user), "profile": profile_json(&user.profile) }),
    ))
}

/// `PUT /auth/v1/users/me/profile`: a full replace, checked like the server checks it.
pub async fn update_profile(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let token = authenticate(&state, &headers)?;
    let request = ProfileRequest::from_json(&body).map_err(ApiError::invalid_argument)?;
    rules::validate(&request).map_err(|v| ApiError::invalid_argument(v.message()))?;
    let new_profile = Profile {
        first_name: request.first_name,
        last_name: request.last_name,
        nick_name: request.nick_name,
        display_name: request.display_name,
        preferred_language: rules::stored_language(&request.preferred_language),
        gender: request.gender,
    };
    let Some(current) = state.store().users.get(&token.user_id).cloned() else {
        return Err(ApiError::precondition(
            "COMMAND-3M9sd",
            localise(&headers, None, Text::UserNotFound),
        ));
    };
    if current.profile == new_profile {
        let language = Some(current.profile.preferred_language.as_str());
        return Err(ApiError::precondition(
            "COMMAND-2M0fs",
            localise(&headers, language, Text::ProfileNotChanged),
        ));
    }
    let sequence = state.next_sequence();
    let change_date = timestamp(state.now());
    let mut store = state.store();
    let Some(user) = store.users.get_mut(&token.user_id) else {
        return Err(ApiError::precondition(
            "COMMAND-3M9sd",
            localise(&headers, None, Text::UserNotFound),
        ));
    };
    user.profile = new_profile;
    user.sequence = sequence;
    user.change_date = change_date.clone();
    Ok(Json(json!({
        "details": {
            "sequence": sequence.to_string(),
            "changeDate": change_date,
            "resourceOwner": ORG_ID,
        }
    })))
}
