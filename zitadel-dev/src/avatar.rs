//! The profile picture: `POST /assets/v1/users/me/avatar` (the assets API, Go's
//! `net/http`: multipart, the type sniffed from the bytes, errors as `text/plain`),
//! `DELETE /auth/v1/users/me/avatar` (the Auth API, JSON) and the picture itself at
//! the `avatarUrl` that `users/me` names, public.
//!
//! One URL per user, whatever was uploaded: ZITADEL may version it, the contract does
//! not say, and a client must not show a cached old picture either way.

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::api::{details, ORG_ID};
use crate::auth::{Authenticated, CurrentUser};
use crate::error::ApiError;
use crate::sniff::detect_content_type;
use crate::state::{AppState, Image};

/// The largest picture the assets API takes (`1 << 19` bytes).
pub const MAX_AVATAR_BYTES: usize = 1 << 19;
/// The multipart part that holds the picture.
const FILE_PART: &str = "file";

/// Go's `http.Error`: the text and a line break, as `text/plain`, not to be sniffed.
fn go_error(status: StatusCode, text: &str) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        format!("{text}\n"),
    )
        .into_response()
}

/// A refused token as the assets API's interceptor answers it: always 401, the
/// error's own text (`ID=… Message=…` for ZITADEL's errors).
fn unauthorized(error: &ApiError) -> Response {
    let text = match error.id {
        Some(id) => format!("ID={id} Message={}", error.text),
        None => error.text.clone(),
    };
    go_error(StatusCode::UNAUTHORIZED, &text)
}

/// The first part named `file` that is a file (has a file name), as Go's
/// `Request.FormFile` finds it, with Go's error text when there is none.
async fn file_part(multipart: Result<Multipart, MultipartRejection>) -> Result<Vec<u8>, String> {
    let mut multipart =
        multipart.map_err(|_| "request Content-Type isn't multipart/form-data".to_owned())?;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                if field.name() == Some(FILE_PART) && field.file_name().is_some() {
                    return field
                        .bytes()
                        .await
                        .map(|b| b.to_vec())
                        .map_err(|e| e.body_text());
                }
            }
            Ok(None) => return Err("http: no such file".to_owned()),
            Err(e) => return Err(e.body_text()),
        }
    }
}

/// `POST /assets/v1/users/me/avatar`: 200 with an empty body, or Go's `text/plain`
/// errors: the token first, then the form, the sniffed type, the size.
pub async fn upload(
    State(state): State<AppState>,
    token: Result<Authenticated, ApiError>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let token = match token {
        Ok(Authenticated(token)) => token,
        Err(error) => return unauthorized(&error),
    };
    let bytes = match file_part(multipart).await {
        Ok(bytes) => bytes,
        Err(text) => return go_error(StatusCode::BAD_REQUEST, &text),
    };
    let content_type = detect_content_type(&bytes);
    if !content_type.starts_with("image/") {
        let text = format!("invalid content-type: {content_type}");
        return go_error(StatusCode::BAD_REQUEST, &text);
    }
    if bytes.len() > MAX_AVATAR_BYTES {
        return go_error(
            StatusCode::BAD_REQUEST,
            "file too big, max file size is 512KB",
        );
    }
    let image = Image {
        content_type,
        bytes,
    };
    match state.store().set_avatar(&token.user_id, Some(image)) {
        Ok(_) => StatusCode::OK.into_response(),
        Err(_) => unauthorized(&ApiError::token_invalid()),
    }
}

/// `DELETE /auth/v1/users/me/avatar`: `{"details": …}` with the next sequence.
pub async fn remove(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Value>, ApiError> {
    let change = state
        .store()
        .set_avatar(&user.id, None)
        .map_err(|_| ApiError::token_invalid())?;
    let mut user = user;
    user.sequence = change.sequence;
    user.change_date = change.change_date;
    Ok(Json(json!({ "details": details(&user) })))
}

/// `text` as SVG (XML) character data.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// What a user's avatar address shows.
enum Picture {
    Uploaded(Image),
    /// A seeded user's: drawn from the initials.
    Initials(String),
}

/// `GET /assets/v1/{org}/users/{id}/avatar`: the uploaded picture with its type, a
/// seeded user's picture (a small SVG of the initials), or 404.
pub async fn picture(
    State(state): State<AppState>,
    Path((org, user_id)): Path<(String, String)>,
) -> Response {
    // Only what the answer needs leaves the lock, not the whole user.
    let found = state
        .store()
        .users
        .get(&user_id)
        .filter(|u| u.avatar && org == ORG_ID)
        .map(|u| match &u.avatar_image {
            Some(image) => Picture::Uploaded(image.clone()),
            None => {
                let first = |s: &str| s.chars().next().unwrap_or(' ');
                Picture::Initials(format!(
                    "{}{}",
                    first(&u.profile.first_name),
                    first(&u.profile.last_name)
                ))
            }
        });
    let initials = match found {
        None => return StatusCode::NOT_FOUND.into_response(),
        Some(Picture::Uploaded(image)) => {
            return ([(header::CONTENT_TYPE, image.content_type)], image.bytes).into_response()
        }
        Some(Picture::Initials(initials)) => initials,
    };
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">\
         <rect width=\"64\" height=\"64\" fill=\"#7b4ea8\"/>\
         <circle cx=\"32\" cy=\"26\" r=\"12\" fill=\"#f1e6fa\"/>\
         <path d=\"M12 60c2-12 10-18 20-18s18 6 20 18z\" fill=\"#f1e6fa\"/>\
         <title>{}</title></svg>",
        escaped(&initials)
    );
    ([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response()
}
