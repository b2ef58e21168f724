//! The Auth API's own profile: `users/me`, the profile's GET and PUT, its rules, its
//! errors and their languages.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use zitadel_dev::config::{Config, DEMO_CLIENT_ID, DEMO_USER, SECOND_USER, SECOND_USER_ID};

use crate::harness::{
    assert_api_error, field, refresh, valid_profile, Harness, Reply, FULL_SCOPE, ISSUER, PAGE,
};

#[tokio::test]
async fn users_me_omits_zero_values_and_sends_sequence_as_a_string() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = h.me(&token).await;
    assert_eq!(reply.status, StatusCode::OK);
    let user = &reply.json()["user"];
    assert!(user["details"]["sequence"].is_string());
    assert_eq!(user["userName"], DEMO_USER);
    assert_eq!(user["human"]["email"]["isEmailVerified"], true);
    let profile = &user["human"]["profile"];
    assert_eq!(profile["firstName"], "Ada");
    assert_eq!(profile["preferredLanguage"], "en");
    assert!(profile.get("nickName").is_none(), "{profile}");
    assert!(profile.get("gender").is_none(), "{profile}");
}

#[tokio::test]
async fn an_unset_language_reads_und() {
    let mut config = Config::demo(ISSUER, PAGE);
    config.users[0].preferred_language = String::new();
    let h = Harness::with(config);
    let token = h.api_token();
    let reply = h
        .api(Method::GET, "/auth/v1/users/me/profile", Some(&token), None)
        .await;
    assert_eq!(reply.json()["profile"]["preferredLanguage"], "und");
    assert!(reply.json()["details"]["sequence"].is_string());
}

// ---- the Auth API: UpdateMyProfile ----

#[tokio::test]
async fn a_valid_update_is_stored_and_answered_with_details() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = h.put_profile(&token, valid_profile()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let details = &reply.json()["details"];
    let sequence: u64 = details["sequence"].as_str().unwrap().parse().unwrap();
    assert!(sequence > 1);
    assert!(details["changeDate"].as_str().unwrap().ends_with('Z'));
    assert!(details["resourceOwner"].is_string());
    assert!(details.get("creationDate").is_none());

    let me = h.me(&token).await.json();
    let profile = &me["user"]["human"]["profile"];
    assert_eq!(profile["nickName"], "Amazing Grace");
    assert_eq!(profile["gender"], "GENDER_FEMALE");
    assert_eq!(me["user"]["details"]["sequence"], details["sequence"]);
}

/// The digits after the second's dot in an RFC 3339 timestamp (0 without a dot).
fn fraction_digits(timestamp: &str) -> usize {
    let seconds = timestamp.trim_end_matches('Z');
    seconds.split_once('.').map_or(0, |(_, f)| f.len())
}

/// Timestamps are protojson's: 0, 3, 6 or 9 fractional digits (`.123400Z`), never a
/// trimmed length such as `.1234Z`.
#[tokio::test]
async fn timestamps_have_0_3_6_or_9_fractional_digits() {
    let h = Harness::new();
    let token = h.api_token();
    for nick in ["a", "b", "c", "d", "e", "f", "g", "h"] {
        let reply = put_field(&h, &token, "nickName", nick).await;
        let changed = reply.json()["details"]["changeDate"].clone();
        let me = h.me(&token).await.json();
        let details = &me["user"]["details"];
        for date in [&changed, &details["changeDate"], &details["creationDate"]] {
            let date = date.as_str().unwrap();
            assert!([0, 3, 6, 9].contains(&fraction_digits(date)), "{date}");
        }
    }
}

#[tokio::test]
async fn update_is_a_full_replace() {
    let h = Harness::new();
    let token = h.api_token();
    h.store_valid_profile(&token).await;
    let partial = json!({"firstName": "Grace", "lastName": "Hopper", "displayName": "G"});
    assert_eq!(h.put_profile(&token, partial).await.status, StatusCode::OK);
    let profile = h.me(&token).await.json()["user"]["human"]["profile"].clone();
    assert!(profile.get("nickName").is_none(), "{profile}");
    assert!(profile.get("gender").is_none(), "{profile}");
    assert_eq!(profile["preferredLanguage"], "und");
}

/// Sends `field = value` on top of an otherwise valid profile.
async fn put_field(h: &Harness, token: &str, field: &str, value: &str) -> Reply {
    let mut body = valid_profile();
    body[field] = json!(value);
    h.put_profile(token, body).await
}

#[tokio::test]
async fn required_names_take_1_to_200_runes() {
    let h = Harness::new();
    let token = h.api_token();
    for (field, go_name) in [
        ("firstName", "FirstName"),
        ("lastName", "LastName"),
        ("displayName", "DisplayName"),
    ] {
        for ok in [
            "é".repeat(200),
            "😀".repeat(200),
            "e\u{301}".repeat(100),
            "x".into(),
        ] {
            let reply = put_field(&h, &token, field, &ok).await;
            assert!(
                reply.status == StatusCode::OK || reply.json()["code"] == 9,
                "{field} {}: {}",
                ok.chars().count(),
                reply.text()
            );
        }
        for bad in [
            String::new(),
            "😀".repeat(201),
            "e\u{301}".repeat(100) + "x",
        ] {
            let reply = put_field(&h, &token, field, &bad).await;
            assert_api_error(&reply, StatusCode::BAD_REQUEST, 3, None);
            assert_eq!(
                reply.json()["message"],
                format!("invalid UpdateMyProfileRequest.{go_name}: value length must be between 1 and 200 runes, inclusive")
            );
        }
    }
}

#[tokio::test]
async fn nickname_takes_0_to_200_runes() {
    let h = Harness::new();
    let token = h.api_token();
    assert_eq!(
        put_field(&h, &token, "nickName", "").await.status,
        StatusCode::OK
    );
    assert_eq!(
        put_field(&h, &token, "nickName", &"ß".repeat(200))
            .await
            .status,
        StatusCode::OK
    );
    let reply = put_field(&h, &token, "nickName", &"ß".repeat(201)).await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 3, None);
    assert_eq!(
        reply.json()["message"],
        "invalid UpdateMyProfileRequest.NickName: value length must be at most 200 runes"
    );
}

/// The language is never refused for its content: Go's `language.Parse` keeps the
/// parts that parse, canonicalises a tag without errors, and gives `und` when nothing
/// parses.
#[tokio::test]
async fn language_takes_at_most_10_runes_and_is_stored_as_go_parses_it() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = put_field(&h, &token, "preferredLanguage", "de-CH-1996").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let too_long = put_field(&h, &token, "preferredLanguage", "de-CH-19961").await;
    assert_api_error(&too_long, StatusCode::BAD_REQUEST, 3, None);
    assert_eq!(
        too_long.json()["message"],
        "invalid UpdateMyProfileRequest.PreferredLanguage: value length must be at most 10 runes"
    );

    for (sent, stored) in [
        ("xx-!!", "und"),
        // (de-Latn-Latn, the contract's example, is longer than the rule allows.)
        ("de-Latn-JJ", "de-Latn"),
        ("xx-CH", "und-CH"),
        ("iw", "he"),
        ("EN-us", "en-US"),
    ] {
        let reply = put_field(&h, &token, "preferredLanguage", sent).await;
        assert_eq!(reply.status, StatusCode::OK, "{sent}: {}", reply.text());
        let profile = stored_profile(&h, &token).await;
        assert_eq!(profile["preferredLanguage"], stored, "{sent}");
    }
}

/// "Not changed" compares the parsed tags: the stored one as read back against what
/// Parse makes of the one sent. A tag Parse only half understands is stored as that
/// half and read back canonicalised, so sending it again is a change every time, as
/// it is in ZITADEL.
#[tokio::test]
async fn language_changes_are_decided_on_the_parsed_tags() {
    let h = Harness::new();
    let token = h.api_token();
    h.store_valid_profile(&token).await; // "de"
    for same in ["DE", "de", "de_"] {
        let reply = put_field(&h, &token, "preferredLanguage", same).await;
        assert_api_error(&reply, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));
    }
    assert_eq!(
        put_field(&h, &token, "preferredLanguage", "iw")
            .await
            .status,
        StatusCode::OK
    );
    let reply = put_field(&h, &token, "preferredLanguage", "he").await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));
    for _ in 0..2 {
        let half = put_field(&h, &token, "preferredLanguage", "iw-abcde").await;
        assert_eq!(half.status, StatusCode::OK, "{}", half.text());
        assert_eq!(stored_profile(&h, &token).await["preferredLanguage"], "he");
    }
}

#[tokio::test]
async fn whitespace_is_not_trimmed_by_the_server() {
    let h = Harness::new();
    let token = h.api_token();
    let mut body = valid_profile();
    body["firstName"] = json!(" ");
    body["lastName"] = json!("  Hopper  ");
    assert_eq!(h.put_profile(&token, body).await.status, StatusCode::OK);
    let profile = h.me(&token).await.json()["user"]["human"]["profile"].clone();
    assert_eq!(profile["firstName"], " ");
    assert_eq!(profile["lastName"], "  Hopper  ");
}

/// Every rule passes a NUL, but ZITADEL stores events as Postgres JSONB, which refuses
/// it: the push fails and the answer is a 500. Other control characters are stored.
#[tokio::test]
async fn a_nul_in_a_name_fails_the_save_with_500_and_other_controls_are_stored() {
    let h = Harness::new();
    let token = h.api_token();
    for field in ["firstName", "lastName", "nickName", "displayName"] {
        let reply = put_field(&h, &token, field, "Ada\u{0}").await;
        assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR, "{field}");
        assert_eq!(reply.json()["code"], 13, "{field}");
    }
    let reply = put_field(&h, &token, "nickName", "Ada\tthe\u{1b}Countess").await;
    assert_eq!(reply.status, StatusCode::OK);
    let profile = h.me(&token).await.json()["user"]["human"]["profile"].clone();
    assert_eq!(profile["nickName"], "Ada\tthe\u{1b}Countess");
    assert_eq!(
        put_field(&h, &token, "preferredLanguage", "de\u{0}")
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn only_the_first_violated_rule_is_reported() {
    let h = Harness::new();
    let token = h.api_token();
    let body = json!({"firstName": "", "lastName": "", "displayName": ""});
    let reply = h.put_profile(&token, body).await;
    assert!(reply.json()["message"]
        .as_str()
        .unwrap()
        .contains(".FirstName:"));
}

/// The profile as the user reads it back.
async fn stored_profile(h: &Harness, token: &str) -> Value {
    h.me(token).await.json()["user"]["human"]["profile"].clone()
}

/// protojson takes an enum by name or by any int32 number; ZITADEL has no rule
/// against numbers outside the enum and stores them like UNSPECIFIED (−1), which reads
/// back as UNSPECIFIED: left out.
#[tokio::test]
async fn gender_takes_names_and_any_enum_number() {
    let h = Harness::new();
    let token = h.api_token();
    let mut body = valid_profile();
    body["gender"] = json!(2);
    assert_eq!(
        h.put_profile(&token, body.clone()).await.status,
        StatusCode::OK
    );
    assert_eq!(stored_profile(&h, &token).await["gender"], "GENDER_MALE");
    body["gender"] = json!(7);
    let unknown = h.put_profile(&token, body.clone()).await;
    assert_eq!(unknown.status, StatusCode::OK, "{}", unknown.text());
    let profile = stored_profile(&h, &token).await;
    assert!(profile.get("gender").is_none(), "{profile}");
    // Stored as −1, like UNSPECIFIED: sending that instead changes nothing.
    body["gender"] = json!("GENDER_UNSPECIFIED");
    let same = h.put_profile(&token, body.clone()).await;
    assert_api_error(&same, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));
    body["gender"] = json!("GENDER_OTHER");
    let reply = h.put_profile(&token, body).await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 3, None);
}

/// An API token of the seeded user `user_id`.
fn token_for(h: &Harness, user_id: &str) -> String {
    let tokens = zitadel_dev::oidc::mint(&h.state, user_id, DEMO_CLIENT_ID, FULL_SCOPE);
    field(&tokens, "access_token").to_owned()
}

/// The profile the second seeded user (Hedy Lamarr, created elsewhere) already has.
fn hedys_profile() -> Value {
    json!({
        "firstName": "Hedy",
        "lastName": "Lamarr",
        "displayName": "Hedy Lamarr",
        "preferredLanguage": "de",
        "gender": "GENDER_UNSPECIFIED",
    })
}

/// The v1 API stores UNSPECIFIED (or no gender) as −1, and ZITADEL compares the stored
/// number: for a user created elsewhere (stored 0) the first save of the same values is
/// a change, with a new sequence; only the saves after it are "not changed". The demo
/// user is stored −1 already, so hers is "not changed" at once.
#[tokio::test]
async fn a_user_created_elsewhere_saves_unchanged_values_once() {
    let h = Harness::new();
    let hedy = token_for(&h, SECOND_USER_ID);
    let before = h.me(&hedy).await.json()["user"]["details"]["sequence"].clone();
    let first = h.put_profile(&hedy, hedys_profile()).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    let sequence = &first.json()["details"]["sequence"];
    assert_ne!(sequence, &before);
    let mut no_gender = hedys_profile();
    no_gender.as_object_mut().unwrap().remove("gender");
    let again = h.put_profile(&hedy, no_gender).await;
    assert_api_error(&again, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));

    let demo = h.api_token();
    let ada = json!({"firstName": "Ada", "lastName": "Lovelace",
        "displayName": "Ada Lovelace", "preferredLanguage": "en"});
    let unchanged = h.put_profile(&demo, ada).await;
    assert_api_error(
        &unchanged,
        StatusCode::BAD_REQUEST,
        9,
        Some("COMMAND-2M0fs"),
    );
    let seeded = h.state.config().users.clone();
    assert_eq!(seeded[1].user_name, SECOND_USER);
}

/// The gateway decodes the body before the token is looked at: a malformed body is
/// 400 code 3 with no token at all. An empty body is the empty message, which then
/// fails the first field rule, after the token check.
#[tokio::test]
async fn malformed_json_is_400_code_3() {
    let h = Harness::new();
    let token = h.api_token();
    let put = |authorization: Option<String>, body: &'static str| {
        let mut request = Request::put("/auth/v1/users/me/profile");
        if let Some(value) = authorization {
            request = request.header(header::AUTHORIZATION, value);
        }
        request.body(Body::from(body)).unwrap()
    };
    let bearer = Some(format!("Bearer {token}"));
    for authorization in [bearer.clone(), None, Some("Bearer nope".into())] {
        let reply = h.send(put(authorization, "{\"firstName\":")).await;
        assert_api_error(&reply, StatusCode::BAD_REQUEST, 3, None);
    }
    let empty = h.send(put(bearer, "")).await;
    assert_api_error(&empty, StatusCode::BAD_REQUEST, 3, None);
    assert_eq!(
        empty.json()["message"],
        "invalid UpdateMyProfileRequest.FirstName: value length must be between 1 and 200 runes, inclusive"
    );
    let anonymous = h.send(put(None, "")).await;
    assert_api_error(&anonymous, StatusCode::UNAUTHORIZED, 16, None);
}

/// Stores the valid profile, then sends it again asking for answers in `language`;
/// returns the refusal.
async fn resend_valid_profile(h: &Harness, token: &str, language: &str) -> Reply {
    h.store_valid_profile(token).await;
    unchanged_in(h, token, language).await
}

/// Sends the valid profile, stored already, asking for answers in `language`;
/// returns the refusal.
async fn unchanged_in(h: &Harness, token: &str, language: &str) -> Reply {
    let accept = [("accept-language", language)];
    let reply = h.put_profile_with(token, valid_profile(), &accept).await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 9, Some("COMMAND-2M0fs"));
    reply
}

#[tokio::test]
async fn nothing_changed_is_400_code_9() {
    let h = Harness::new();
    let token = h.api_token();
    let reply = resend_valid_profile(&h, &token, "en").await;
    assert_eq!(
        reply.json()["message"],
        "Profile not changed (COMMAND-2M0fs)"
    );
    // A language that canonicalises to the stored one changes nothing either.
    let mut same = valid_profile();
    same["preferredLanguage"] = json!("DE");
    assert_eq!(h.put_profile(&token, same).await.json()["code"], 9);
}

/// Domain errors speak the token session's language (the user's preferred language
/// when the token was issued) before `Accept-Language`, in ZITADEL's own words.
#[tokio::test]
async fn domain_errors_speak_the_sessions_language_then_accept_language() {
    let h = Harness::new();
    let demo = h.api_token(); // issued while Ada prefers English
    let reply = resend_valid_profile(&h, &demo, "de-CH,de;q=0.9").await;
    assert_eq!(reply.json()["details"][0]["message"], "Profile not changed");
    // She now prefers German (valid_profile), but this token's session does not.
    let reply = unchanged_in(&h, &demo, "de").await;
    assert_eq!(
        reply.json()["message"],
        "Profile not changed (COMMAND-2M0fs)"
    );
    let newer = token_for(&h, &h.state.config().users[0].id);
    let reply = unchanged_in(&h, &newer, "en").await;
    assert_eq!(
        reply.json()["details"][0]["message"],
        "Profil nicht verändert"
    );

    let hedy = token_for(&h, SECOND_USER_ID);
    h.put_profile(&hedy, hedys_profile()).await;
    let accept = [("accept-language", "en")];
    let reply = h.put_profile_with(&hedy, hedys_profile(), &accept).await;
    assert_eq!(
        reply.json()["message"],
        "Profil nicht verändert (COMMAND-2M0fs)"
    );
}

/// The session's language is fixed when it starts: a token from a refresh after the
/// person switched to German still words errors in the sign-in's English.
#[tokio::test]
async fn a_refresh_keeps_the_sessions_language() {
    let h = Harness::new();
    let tokens = h.tokens().await; // signed in while Ada prefers English
    let first = tokens["access_token"].as_str().unwrap();
    h.store_valid_profile(first).await; // she now prefers German
    let refreshed = refresh(&h, tokens["refresh_token"].as_str().unwrap()).await;
    let access = refreshed.json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let reply = unchanged_in(&h, &access, "de").await;
    assert_eq!(reply.json()["details"][0]["message"], "Profile not changed");
    // A new sign-in starts a German session.
    let newer = h.tokens().await;
    let reply = unchanged_in(&h, newer["access_token"].as_str().unwrap(), "en").await;
    assert_eq!(
        reply.json()["details"][0]["message"],
        "Profil nicht verändert"
    );
}

/// A session without a language (`und`) leaves the choice to `Accept-Language`.
#[tokio::test]
async fn without_a_session_language_domain_errors_follow_accept_language() {
    let mut config = Config::demo(ISSUER, PAGE);
    config.users[0].preferred_language = String::new();
    let h = Harness::with(config);
    let token = h.api_token();
    let german = resend_valid_profile(&h, &token, "de-CH,de;q=0.9").await;
    assert_eq!(
        german.json()["details"][0]["message"],
        "Profil nicht verändert"
    );
    let english = unchanged_in(&h, &token, "fr;q=0, en").await;
    assert_eq!(
        english.json()["details"][0]["message"],
        "Profile not changed"
    );
    let field_rule = put_field(&h, &token, "firstName", "").await;
    assert_eq!(
        field_rule.json()["message"],
        "invalid UpdateMyProfileRequest.FirstName: value length must be between 1 and 200 runes, inclusive",
        "field rules stay English"
    );
}

#[tokio::test]
async fn a_user_that_is_gone_is_400_code_9() {
    let h = Harness::new();
    let token = h.api_token();
    let id = h.state.config().users[0].id.clone();
    let deleted = h
        .api(Method::DELETE, &format!("/_dev/users/{id}"), None, None)
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    let reply = h.put_profile(&token, valid_profile()).await;
    assert_api_error(&reply, StatusCode::BAD_REQUEST, 9, Some("COMMAND-3M9sd"));
    assert_eq!(reply.json()["message"], "Profile not found (COMMAND-3M9sd)");
}
