//! `GET`/`POST /oidc/v1/userinfo`: the signed-in user's claims, as far as the token's
//! scopes reach (OpenID Connect Core §5.3), shaped as ZITADEL fills them
//! (`internal/api/oidc/userinfo.go`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};

use crate::auth::BearerToken;
use crate::config::has_scope;
use crate::rules::Gender;
use crate::state::{AppState, User};

pub async fn userinfo(
    State(state): State<AppState>,
    BearerToken(token): BearerToken,
) -> Result<Json<Value>, StatusCode> {
    // A token whose user is gone gets a bare 401.
    let user = state
        .store()
        .user(&token.user_id)
        .ok_or(StatusCode::UNAUTHORIZED)?;
    Ok(Json(claims(&user, &token.scope)))
}

/// The standard claims (§5.1) for `user` that `scope` grants. `preferred_username` is
/// the preferred login name, `locale` is null for an unset language (`und`), and
/// `updated_at` is the user's last change.
fn claims(user: &User, scope: &str) -> Value {
    let mut claims = json!({ "sub": user.id });
    if has_scope(scope, "profile") {
        let p = &user.profile;
        claims["name"] = json!(p.display_name);
        claims["given_name"] = json!(p.first_name);
        claims["family_name"] = json!(p.last_name);
        if !p.nick_name.is_empty() {
            claims["nickname"] = json!(p.nick_name);
        }
        claims["preferred_username"] = json!(user.preferred_login_name());
        let language = p.preferred_language.as_str();
        claims["locale"] = if language == "und" {
            Value::Null
        } else {
            json!(language)
        };
        if let Some(gender) = gender_claim(p.gender.as_api()) {
            claims["gender"] = json!(gender);
        }
        claims["updated_at"] = json!(unix_seconds(&user.change_date));
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

/// Seconds since the epoch of a stored `YYYY-MM-DDTHH:MM:SS[.frac]Z` timestamp (the
/// store keeps change dates as the API writes them).
fn unix_seconds(timestamp: &str) -> Option<i64> {
    let number =
        |range: std::ops::Range<usize>| -> Option<i64> { timestamp.get(range)?.parse().ok() };
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (h, min, s) = (number(11..13)?, number(14..16)?, number(17..19)?);
    Some(days_from_civil(y, m, d) * 86_400 + h * 3600 + min * 60 + s)
}

/// Howard Hinnant's days-from-civil algorithm: days since 1970-01-01.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::rfc3339;

    #[test]
    fn stored_timestamps_read_back_as_unix_seconds() {
        for secs in [0, 951_782_400, 1_795_957_962, 4_102_444_799] {
            assert_eq!(unix_seconds(&rfc3339(secs, 0)), Some(secs as i64));
            let precise = rfc3339(secs, 123_400_000);
            assert_eq!(unix_seconds(&precise), Some(secs as i64));
        }
        assert_eq!(unix_seconds("yesterday"), None);
    }
}
