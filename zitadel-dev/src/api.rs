//! The Auth API's own-profile endpoints, with ZITADEL's JSON encoding (zero values
//! omitted, uint64 as strings) and its error bodies.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};

use axum::Json;
use serde_json::{json, Map, Value};

use crate::auth::{Authenticated, CurrentUser};
use crate::error::ApiError;
use crate::rules::{self, Gender, ProfileRequest};
use crate::state::{AppState, Language, Profile, UpdateRefused, User};
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
    let gender = profile.gender.as_api();
    if gender != Gender::Unspecified {
        map.insert("gender".into(), json!(gender));
    }
    Value::Object(map)
}

/// The profile with `avatarUrl` when the user has an avatar (absent otherwise, as
/// protojson leaves out an empty string).
fn with_avatar(mut profile: Value, state: &AppState, user: &User) -> Value {
    if user.avatar {
        profile["avatarUrl"] = json!(avatar_url(&state.config().issuer, &user.id));
    }
    profile
}

/// A change's `details`, as every write of the Auth API answers them.
pub(crate) fn details(user: &User) -> Value {
    json!({
        "sequence": user.sequence.to_string(),
        "creationDate": user.creation_date,
        "changeDate": user.change_date,
        "resourceOwner": ORG_ID,
    })
}

/// Where ZITADEL's assets API serves a user's avatar: `{origin}/assets/v1/{resource
/// owner}/{key}`, as `domain.AvatarURL` composes it.
pub fn avatar_url(issuer: &str, user_id: &str) -> String {
    format!("{issuer}/assets/v1/{ORG_ID}/users/{user_id}/avatar")
}

/// `GET /auth/v1/users/me`
pub async fn me(State(state): State<AppState>, CurrentUser(user): CurrentUser) -> Json<Value> {
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
                "profile": with_avatar(profile_json(&user.profile), &state, &user),
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

/// An `UpdateMyProfileRequest` body, decoded as grpc-gateway decodes it (see
/// [`ProfileRequest::from_json`]); a body that does not decode is 400 code 3.
#[derive(Debug, Clone)]
pub struct ProfileBody(pub ProfileRequest);

impl<S: Send + Sync> FromRequest<S> for ProfileBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|e| ApiError::invalid_argument(e.body_text()))?;
        ProfileRequest::from_json(&body)
            .map(Self)
            .map_err(ApiError::invalid_argument)
    }
}

/// `PUT /auth/v1/users/me/profile`: a full replace, checked in the server's order. The
/// gateway decodes the body before the call reaches any interceptor, so a malformed
/// body is refused even without a token; then come the token (and the page's origin),
/// the rules, and last the stored user.
pub async fn update_profile(
    State(state): State<AppState>,
    token: Result<Authenticated, ApiError>,
    caller: AcceptLanguage,
    ProfileBody(request): ProfileBody,
) -> Result<Json<Value>, ApiError> {
    let Authenticated(token) = token?;
    rules::validate(&request).map_err(|v| ApiError::invalid_argument(v.message()))?;
    if holds_nul(&request) {
        return Err(ApiError::internal());
    }
    let change = state
        .store()
        .update_profile(&token.user_id, Profile::from(request))
        .map_err(|refused| refusal(refused, &token.language, &caller))?;
    Ok(Json(json!({
        "details": {
            "sequence": change.sequence.to_string(),
            "changeDate": change.change_date,
            "resourceOwner": ORG_ID,
        }
    })))
}

/// Whether a name holds a NUL, which passes every rule but cannot be stored (JSONB).
/// The language cannot: it is stored as parsed, and a NUL does not parse.
fn holds_nul(request: &ProfileRequest) -> bool {
    [
        &request.first_name,
        &request.last_name,
        &request.nick_name,
        &request.display_name,
    ]
    .iter()
    .any(|text| text.contains('\0'))
}

/// ZITADEL's error for an update the store refused, worded in the token session's
/// language or else the caller's.
fn refusal(refused: UpdateRefused, session: &Language, caller: &AcceptLanguage) -> ApiError {
    let (id, text) = match refused {
        UpdateRefused::UserGone => ("COMMAND-3M9sd", Text::ProfileNotFound),
        UpdateRefused::NotChanged => ("COMMAND-2M0fs", Text::ProfileNotChanged),
    };
    ApiError::precondition(id, text.localised(session.as_str(), caller))
}
