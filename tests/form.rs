//! The profile form in a real browser against the running local stand-in: prefill,
//! inline errors, Save enablement, the exact PUT body, and every error mapping, with
//! typed text surviving each failure.
#![cfg(target_arch = "wasm32")]

mod support;

use serde_json::{json, Value};
use support::{
    config, dev, fault, keep_draft, last_request, ready_form, save_fault, signed_in, until, Page,
    DEMO_USER_ID,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zitadel_profile_form::api::ApiClient;
use zitadel_profile_form::oidc::stored;
use zitadel_profile_form::oidc::types::AccessToken;
use zitadel_profile_form::profile::take_kept_draft;
use zitadel_profile_form::profile::Draft;
use zitadel_profile_form::profile::Field;
use zitadel_profile_form::validate::validate;

wasm_bindgen_test_configure!(run_in_browser);

fn zitadel_error(code: u32, id: Option<&str>, text: &str) -> String {
    match id {
        Some(id) => json!({"code": code, "message": format!("{text} ({id})"),
            "details": [{"@type": "type.googleapis.com/zitadel.v1.ErrorDetail", "id": id, "message": text}]}),
        None => json!({"code": code, "message": text, "details": []}),
    }
    .to_string()
}

#[wasm_bindgen_test]
async fn the_form_is_prefilled_from_users_me() {
    let (page, _) = ready_form().await;
    assert_eq!(page.value("firstName"), "Ada");
    assert_eq!(page.value("lastName"), "Lovelace");
    assert_eq!(page.value("nickName"), "");
    assert_eq!(page.value("displayName"), "Ada Lovelace");
    assert_eq!(page.value("preferredLanguage"), "en");
    assert_eq!(page.value("gender"), "GENDER_UNSPECIFIED");
    assert!(
        page.text("account").contains("demo@"),
        "{}",
        page.text("account")
    );
    // Every control has a visible label pointing at it.
    for name in Field::ALL.map(Field::as_str) {
        let id = page.query(&format!("[name='{name}']")).unwrap().id();
        let label = page.query(&format!("label[for='{id}']")).expect("label");
        assert!(!label.text_content().unwrap().trim().is_empty());
    }
}

/// Plural forms come from the browser's `Intl.PluralRules`: Russian has a form for
/// one, a few and many, and picks them as Russian counts.
#[wasm_bindgen_test]
fn plural_forms_follow_the_browsers_rules_for_the_language() {
    use zitadel_profile_form::i18n::catalogue::{install, Catalogue};
    use zitadel_profile_form::{Key, Message};
    let forms = r#"{"TooLong": {"one": "{over} one {max}", "few": "{over} few {max}",
        "many": "{over} many {max}", "other": "{over} other {max}"}}"#;
    install("ru", Catalogue::parse(forms).unwrap());
    let shown = |n: usize| {
        Message::new(Key::TooLong)
            .with("max", 200_usize)
            .count("over", n)
            .render("ru")
    };
    assert_eq!(shown(1), "1 one 200");
    assert_eq!(shown(3), "3 few 200");
    assert_eq!(shown(5), "5 many 200");
    assert_eq!(shown(21), "21 one 200");
    // English has one and other only.
    let english = Message::new(Key::TooLong)
        .with("max", 200_usize)
        .count("over", 3);
    assert_eq!(
        english.render("en"),
        "At most 200 characters, please (3 characters too many)."
    );
}

/// The catalogues travel with the bundle: the test runner's page, which serves
/// wasm-bindgen's output and nothing set up for the widget, speaks German when asked.
#[wasm_bindgen_test]
async fn the_catalogues_come_with_the_bundle() {
    let config = zitadel_profile_form::Config {
        locale: Some("de".into()),
        ..config(None)
    };
    signed_in(&config).await;
    let page = Page::mount(&config);
    page.loaded().await;
    let id = page.input("firstName").unwrap().id();
    page.until("the German label", |p| {
        p.query(&format!("label[for='{id}']"))
            .and_then(|label| label.text_content())
            .is_some_and(|text| text.trim() == "Vorname")
    })
    .await;
    let root = page.query("section").unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
}

#[wasm_bindgen_test]
async fn the_language_picker_shows_native_names_and_not_set() {
    let (page, _) = ready_form().await;
    page.until("languages from discovery", |p| {
        p.select("preferredLanguage").length() > 2
    })
    .await;
    let select = page.select("preferredLanguage");
    let labels: Vec<String> = (0..select.length())
        .filter_map(|i| select.item(i))
        .filter_map(|o| o.text_content())
        .collect();
    assert_eq!(labels[0], "Not set");
    assert_eq!(labels.len(), 23, "not set and ZITADEL's 22: {labels:?}");
    for name in ["Deutsch", "日本語", "العربية", "Українська"] {
        assert!(labels.contains(&name.to_owned()), "{name}: {labels:?}");
    }
    let genders = page.select("gender");
    let options: Vec<String> = (0..genders.length())
        .filter_map(|i| genders.item(i))
        .filter_map(|o| o.text_content())
        .collect();
    assert_eq!(options, ["Unspecified", "Female", "Male", "Diverse"]);
}

/// ZITADEL stores a tag whose language it does not know with the rest kept (`xx-CH`
/// becomes `und-CH`). The picker shows that as "not set", and a save of another
/// field sends it back as it is.
#[wasm_bindgen_test]
async fn a_stored_und_with_a_region_reads_as_not_set_and_is_sent_back_unchanged() {
    let config = config(None);
    signed_in(&config).await;
    let held = stored::load(&config).unwrap();
    let client = ApiClient::new(&config.api_base_url, held.access_token, 10_000);
    let draft = Draft {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        display_name: "Ada Lovelace".into(),
        preferred_language: "xx-CH".into(),
        ..Draft::default()
    };
    client
        .update_profile(&validate(&draft).unwrap())
        .await
        .unwrap();
    let page = Page::mount(&config);
    page.loaded().await;
    page.until("languages from discovery", |p| {
        p.select("preferredLanguage").length() > 2
    })
    .await;
    let select = page.select("preferredLanguage");
    assert_eq!(select.value(), "und-CH");
    let shown = select.item(select.selected_index() as u32).unwrap();
    assert_eq!(shown.text_content().unwrap(), "Not set");
    page.type_into("nickName", "Countess").await;
    page.click("save").await;
    page.until("the save", |p| p.text("notice").starts_with("Saved"))
        .await;
    let body: Value = serde_json::from_str(last_request().await["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["preferredLanguage"], "und-CH");
}

#[wasm_bindgen_test]
async fn inline_errors_appear_while_typing_and_clear_when_fixed() {
    let (page, _) = ready_form().await;
    assert_eq!(page.message("firstName"), "");
    assert_eq!(
        page.attribute("firstName", "aria-invalid").as_deref(),
        Some("false")
    );

    page.type_into("firstName", "   ").await;
    assert_eq!(page.message("firstName"), "This field is required.");
    assert_eq!(
        page.attribute("firstName", "aria-invalid").as_deref(),
        Some("true")
    );
    let described = page.attribute("firstName", "aria-describedby").unwrap();
    let message_id = format!("{}-message", page.input("firstName").unwrap().id());
    assert!(
        described.split(' ').any(|id| id == message_id),
        "{described}"
    );
    assert!(page.button("save").disabled());

    page.type_into("firstName", "Augusta").await;
    assert_eq!(page.message("firstName"), "");
    assert_eq!(
        page.attribute("firstName", "aria-invalid").as_deref(),
        Some("false")
    );
    assert!(!page.button("save").disabled());
}

#[wasm_bindgen_test]
async fn limits_count_characters_not_bytes() {
    let (page, _) = ready_form().await;
    page.type_into("displayName", &"😀".repeat(201)).await;
    assert!(
        page.message("displayName").contains("200"),
        "{}",
        page.message("displayName")
    );
    assert!(page.button("save").disabled());
    page.type_into("displayName", &"😀".repeat(200)).await;
    assert_eq!(page.message("displayName"), "");
    assert!(!page.button("save").disabled());
    // Nothing typed is ever cut off.
    assert_eq!(page.value("displayName").chars().count(), 200);
}

#[wasm_bindgen_test]
async fn save_is_enabled_only_when_something_valid_changed() {
    let (page, _) = ready_form().await;
    assert!(page.button("save").disabled(), "nothing changed yet");
    assert!(page.button("reset").disabled());
    page.type_into("nickName", "Countess").await;
    assert!(!page.button("save").disabled());
    page.type_into("nickName", "").await;
    assert!(page.button("save").disabled(), "back to the loaded value");
    page.type_into("firstName", "Ada  ").await;
    assert!(
        page.button("save").disabled(),
        "trailing spaces are no change"
    );
    page.choose("gender", "GENDER_DIVERSE").await;
    assert!(!page.button("save").disabled());
}

#[wasm_bindgen_test]
async fn save_puts_all_six_fields_trimmed_and_moves_the_baseline() {
    let (page, _) = ready_form().await;
    page.type_into("nickName", "  Countess ").await;
    page.choose("gender", "GENDER_FEMALE").await;
    page.until("languages", |p| p.select("preferredLanguage").length() > 2)
        .await;
    page.choose("preferredLanguage", "de").await;
    page.click("save").await;
    // Saved, and said in the newly preferred language.
    page.until("the saved notice", |p| {
        p.text("notice").starts_with("Gespeichert")
    })
    .await;

    let request = last_request().await;
    assert_eq!(request["method"], "PUT");
    assert_eq!(request["path"], "/auth/v1/users/me/profile");
    assert_eq!(request["contentType"], "application/json");
    let body: Value = serde_json::from_str(request["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({
            "firstName": "Ada",
            "lastName": "Lovelace",
            "nickName": "Countess",
            "displayName": "Ada Lovelace",
            "preferredLanguage": "de",
            "gender": "GENDER_FEMALE",
        })
    );
    assert_eq!(page.value("nickName"), "Countess");
    assert!(
        page.button("save").disabled(),
        "the saved values are the new baseline"
    );
}

#[wasm_bindgen_test]
async fn reset_returns_to_the_loaded_values() {
    let (page, _) = ready_form().await;
    page.type_into("firstName", "").await;
    page.type_into("lastName", "Byron").await;
    page.click("reset").await;
    assert_eq!(page.value("firstName"), "Ada");
    assert_eq!(page.value("lastName"), "Lovelace");
    assert_eq!(page.message("firstName"), "");
    assert!(page.button("save").disabled());
}

/// Two clicks make one save: one reading of the profile to compare, then one PUT.
#[wasm_bindgen_test]
async fn a_double_click_sends_one_save() {
    let (page, _) = ready_form().await;
    page.type_into("nickName", "Countess").await;
    let before = last_request().await["count"].as_u64().unwrap_or(0);
    save_fault(json!({"delayMs": 400})).await;
    page.button("save").click();
    page.button("save").click();
    leptos::task::tick().await;
    assert!(page.button("save").disabled(), "disabled while saving");
    assert_eq!(page.text("save"), "Saving…");
    page.until("the save", |p| p.text("notice").starts_with("Saved"))
        .await;
    let last = last_request().await;
    assert_eq!(last["count"].as_u64().unwrap(), before + 2);
    assert_eq!(last["method"], "PUT");
}

/// Reading the profile before a save fails: nothing is sent, the text stays, and a
/// retry is offered, as when the save itself fails.
#[wasm_bindgen_test]
async fn a_failed_comparison_before_a_save_sends_nothing_and_offers_a_retry() {
    let (page, _) = ready_form().await;
    page.type_into("nickName", "Countess").await;
    fault(json!({"status": 503, "body": zitadel_error(14, None, "unavailable"), "pathPrefix": "/auth/v1/users/me"})).await;
    page.click("save").await;
    page.until("the failure", |p| p.text("notice").contains("HTTP 503"))
        .await;
    assert_eq!(last_request().await["method"], "GET", "no PUT followed");
    assert_eq!(page.value("nickName"), "Countess");
    page.click("notice-action").await;
    page.until("the retried save", |p| {
        p.text("notice").starts_with("Saved")
    })
    .await;
    assert_eq!(last_request().await["method"], "PUT");
}

#[wasm_bindgen_test]
async fn an_invalid_argument_is_shown_at_the_field_it_names() {
    let (page, _) = ready_form().await;
    page.type_into("displayName", "Lady Lovelace").await;
    let text = "invalid UpdateMyProfileRequest.DisplayName: value length must be between 1 and 200 runes, inclusive";
    save_fault(json!({"status": 400, "body": zitadel_error(3, None, text)})).await;
    page.click("save").await;
    page.until("the field message", |p| p.message("displayName") == text)
        .await;
    assert_eq!(
        page.attribute("displayName", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(page.value("displayName"), "Lady Lovelace");
    assert!(page.button("save").disabled(), "until the field is edited");
    page.type_into("displayName", "Lady Lovelace!").await;
    assert_eq!(page.message("displayName"), "");
}

#[wasm_bindgen_test]
async fn an_invalid_argument_without_a_field_goes_to_the_banner() {
    let (page, _) = ready_form().await;
    page.type_into("nickName", "Countess").await;
    save_fault(json!({"status": 400, "body": zitadel_error(3, None, "proto: syntax error")})).await;
    page.click("save").await;
    page.until("the banner", |p| {
        p.text("notice").contains("proto: syntax error")
    })
    .await;
    assert_eq!(page.value("nickName"), "Countess");
}

#[wasm_bindgen_test]
async fn not_changed_says_there_is_nothing_to_save() {
    let (page, _) = ready_form().await;
    page.type_into("nickName", "Countess").await;
    save_fault(json!({"status": 400, "body": zitadel_error(9, Some("COMMAND-2M0fs"), "Profile not changed")})).await;
    page.click("save").await;
    page.until("the notice", |p| {
        p.text("notice").contains("Nothing to save")
    })
    .await;
    assert_eq!(page.value("nickName"), "Countess");
}

#[wasm_bindgen_test]
async fn a_page_origin_the_app_does_not_allow_names_the_fix() {
    let config = config(None);
    signed_in(&config).await;
    dev("POST", "reset", None).await; // forgets this page's origin, keeps no tokens
    let minted = dev("POST", "tokens", Some(json!({}))).await;
    let mut held = stored::load(&config).unwrap();
    held.access_token = AccessToken::new(minted["access_token"].as_str().unwrap().into());
    stored::save(&config, &held);
    let page = Page::mount(&config);
    page.until("the load error", |p| p.by_testid("load-error").is_some())
        .await;
    let text = page.text("load-error");
    assert!(text.contains("allowed origins"), "{text}");
    assert!(
        page.by_testid("load-retry").is_none(),
        "retrying cannot help"
    );
}

async fn retryable(fault_body: Value, expected: &str) {
    let (page, _) = ready_form().await;
    page.type_into("nickName", "Countess ✓").await;
    page.type_into("lastName", "").await;
    page.type_into("lastName", "Lovelace-Byron").await;
    save_fault(fault_body).await;
    page.click("save").await;
    page.until(expected, |p| p.text("notice").contains(expected))
        .await;
    assert_eq!(page.value("nickName"), "Countess ✓");
    assert_eq!(page.value("lastName"), "Lovelace-Byron");
    assert!(
        page.by_testid("notice-action").is_some(),
        "a retry is offered"
    );
    dev("DELETE", "faults", None).await;
    page.click("notice-action").await;
    page.until("the retried save", |p| {
        p.text("notice").starts_with("Saved")
    })
    .await;
    let body: Value = serde_json::from_str(last_request().await["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["nickName"], "Countess ✓");
}

#[wasm_bindgen_test]
async fn rate_limiting_offers_a_retry_and_keeps_the_text() {
    retryable(
        json!({"status": 429, "body": zitadel_error(8, None, "too many")}),
        "Too many requests",
    )
    .await;
}

#[wasm_bindgen_test]
async fn server_errors_offer_a_retry_and_keep_the_text() {
    retryable(
        json!({"status": 500, "body": zitadel_error(13, None, "internal")}),
        "HTTP 500",
    )
    .await;
    retryable(
        json!({"status": 503, "body": zitadel_error(14, None, "unavailable")}),
        "HTTP 503",
    )
    .await;
}

#[wasm_bindgen_test]
async fn a_non_json_error_body_still_reads_well() {
    retryable(
        json!({"status": 502, "body": "<html><body>Bad gateway</body></html>", "contentType": "text/html"}),
        "The server had a problem (HTTP 502)",
    )
    .await;
}

#[wasm_bindgen_test]
async fn a_dropped_connection_offers_a_retry_and_keeps_the_text() {
    // Browsers retry an idempotent request once by themselves when a kept-alive
    // connection closes unanswered, so keep closing until the error surfaces.
    retryable(json!({"close": true, "count": 5}), "could not be reached").await;
}

#[wasm_bindgen_test]
async fn a_timeout_offers_a_retry_and_keeps_the_text() {
    let config = config(Some(400));
    signed_in(&config).await;
    let page = Page::mount(&config);
    page.loaded().await;
    page.type_into("nickName", "Countess").await;
    save_fault(json!({"delayMs": 1500})).await;
    page.click("save").await;
    page.until("the timeout", |p| {
        p.text("notice").contains("did not answer in time")
    })
    .await;
    assert_eq!(page.value("nickName"), "Countess");
    assert!(page.by_testid("notice-action").is_some());
}

#[wasm_bindgen_test]
async fn an_expired_session_keeps_the_draft_for_the_next_sign_in() {
    let (page, config) = ready_form().await;
    page.type_into("nickName", "Countess").await;
    page.type_into("firstName", "Augusta Ada").await;
    // A month on the stand-in's clock: access and refresh token are both dead.
    dev(
        "POST",
        "clock",
        Some(json!({"advanceSeconds": 31 * 24 * 3600})),
    )
    .await;
    page.click("save").await;
    page.until("the session notice", |p| {
        p.text("notice").contains("Sign in again")
    })
    .await;
    assert_eq!(page.value("nickName"), "Countess");
    assert_eq!(page.value("firstName"), "Augusta Ada");
    assert!(stored::load(&config).is_none(), "the dead token is dropped");
    let kept = take_kept_draft(&config).expect("draft kept for the next sign-in");
    assert_eq!(kept.user_id, DEMO_USER_ID, "bound to its author");
    assert_eq!(kept.draft.nick_name, "Countess");
    assert_eq!(kept.draft.first_name, "Augusta Ada");
}

#[wasm_bindgen_test]
async fn a_401_refreshes_once_and_the_save_goes_through() {
    let (page, config) = ready_form().await;
    let before = stored::load(&config).unwrap();
    page.type_into("nickName", "Countess").await;
    // Twelve hours on the stand-in's clock: the access token is dead, the refresh token lives.
    dev("POST", "clock", Some(json!({"advanceSeconds": 43_201}))).await;
    page.click("save").await;
    page.until("the save", |p| p.text("notice").starts_with("Saved"))
        .await;
    let after = stored::load(&config).unwrap();
    assert_ne!(after.access_token, before.access_token);
    assert_ne!(
        after.refresh_token, before.refresh_token,
        "refresh tokens rotate"
    );
}

/// Two calls of one tab race a refresh. ZITADEL keeps one live access token per
/// session, so the call whose token the other's refresh killed must take the new
/// tokens, not spend the refresh token again: a second rotation would kill the access
/// token the first call just got.
#[wasm_bindgen_test]
async fn two_calls_racing_a_refresh_rotate_the_tokens_once() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use zitadel_profile_form::authorized::authorized;

    let config = config(None);
    signed_in(&config).await;
    let before = stored::load(&config).unwrap().access_token;
    // Twelve hours on the stand-in's clock: the tab's access token is dead though the
    // tab cannot tell, and the refresh token lives.
    dev("POST", "clock", Some(json!({"advanceSeconds": 43_201}))).await;
    let used: Rc<RefCell<Vec<(&str, AccessToken)>>> = Rc::default();
    let held = |config: &zitadel_profile_form::Config| stored::load(config).unwrap().access_token;
    let (log, second_config) = (used.clone(), config.clone());
    let second_done: Rc<RefCell<Option<bool>>> = Rc::default();
    let done = second_done.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = authorized(&second_config, |client| {
            let (log, config) = (log.clone(), second_config.clone());
            async move {
                // Sent only once the first call got past its refresh.
                until("the first call's retry", || {
                    log.borrow()
                        .iter()
                        .filter(|(who, _)| *who == "first")
                        .count()
                        >= 2
                })
                .await;
                log.borrow_mut().push(("second", held(&config)));
                client.me().await
            }
        })
        .await;
        *done.borrow_mut() = Some(result.is_ok());
    });
    let first = authorized(&config, |client| {
        used.borrow_mut().push(("first", held(&config)));
        async move { client.me().await }
    })
    .await;
    assert!(first.is_ok(), "{first:?}");
    until("the second call", || second_done.borrow().is_some()).await;
    assert_eq!(
        *second_done.borrow(),
        Some(true),
        "the second call recovered"
    );
    let used = used.borrow();
    let first_retry = &used[1].1;
    assert_ne!(*first_retry, before, "the first call refreshed");
    let second_tries: Vec<_> = used.iter().filter(|(who, _)| *who == "second").collect();
    assert_eq!(
        second_tries.len(),
        2,
        "refused once (its token is dead), then retried"
    );
    assert_eq!(
        second_tries[1].1, *first_retry,
        "it took the first call's tokens instead of rotating them again"
    );
    assert_eq!(stored::load(&config).unwrap().access_token, *first_retry);
}

fn enchantress() -> zitadel_profile_form::profile::Draft {
    zitadel_profile_form::profile::Draft {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        nick_name: "Enchantress of Numbers".into(),
        display_name: "Ada Lovelace".into(),
        preferred_language: "en".into(),
        ..Default::default()
    }
}

/// L6: a draft kept for another account is not restored into this one.
#[wasm_bindgen_test]
async fn l6_a_draft_kept_for_another_account_is_not_restored() {
    let config = config(None);
    signed_in(&config).await;
    keep_draft(&config, "someone-else", &enchantress());
    let page = Page::mount(&config);
    page.loaded().await;
    assert_eq!(page.value("nickName"), "");
    assert!(!page.text("notice").contains("restored"));
    assert!(page.button("save").disabled());
    assert!(take_kept_draft(&config).is_none(), "and it is gone");
}

#[wasm_bindgen_test]
async fn a_kept_draft_is_restored_after_signing_in_again() {
    let config = config(None);
    signed_in(&config).await;
    keep_draft(&config, DEMO_USER_ID, &enchantress());
    let page = Page::mount(&config);
    page.loaded().await;
    assert_eq!(page.value("nickName"), "Enchantress of Numbers");
    assert!(
        page.text("notice").contains("restored"),
        "{}",
        page.text("notice")
    );
    assert!(!page.button("save").disabled());
    assert!(take_kept_draft(&config).is_none(), "restored once only");
}

#[wasm_bindgen_test]
async fn without_a_session_the_form_offers_sign_in() {
    let config = config(None);
    signed_in(&config).await;
    stored::clear(&config);
    let page = Page::mount(&config);
    page.until("the sign-in offer", |p| p.by_testid("sign-in").is_some())
        .await;
    assert!(page.input("firstName").is_none());
}

/// M1: a form pointed at an API on another origin (allowed by the host's script,
/// see S1) does not inherit the issuer's session, so the person's token never goes
/// there without a sign-in of its own.
#[wasm_bindgen_test]
async fn m1_an_api_elsewhere_gets_no_token() {
    let home = config(None);
    signed_in(&home).await;
    let elsewhere = zitadel_profile_form::Options {
        issuer: Some(home.issuer.clone()),
        client_id: Some(home.client_id.clone()),
        api_base_url: Some("https://api.evil.example".into()),
        allowed_api_origins: Some(vec!["https://api.evil.example".into()]),
        ..Default::default()
    }
    .resolve(&zitadel_profile_form::page_url())
    .unwrap();
    assert!(stored::load(&home).is_some());
    assert!(stored::load(&elsewhere).is_none(), "a session of its own");
    let page = Page::mount(&elsewhere);
    page.until("the sign-in offer", |p| p.by_testid("sign-in").is_some())
        .await;
    assert!(page.input("firstName").is_none());
}

/// M2: a discovery document naming another issuer is refused, and sign-in goes
/// nowhere. The stand-in answers on `localhost` too, but calls itself 127.0.0.1.
#[wasm_bindgen_test]
async fn m2_a_discovery_naming_another_issuer_stops_sign_in() {
    let home = config(None);
    signed_in(&home).await;
    stored::clear(&home);
    let aliased = zitadel_profile_form::Options {
        issuer: Some(home.issuer.replace("127.0.0.1", "localhost")),
        client_id: Some(home.client_id.clone()),
        ..Default::default()
    }
    .resolve(&zitadel_profile_form::page_url())
    .unwrap();
    let page = Page::mount(&aliased);
    page.until("the sign-in offer", |p| p.by_testid("sign-in").is_some())
        .await;
    let before = zitadel_profile_form::page_url();
    page.click("sign-in").await;
    page.until("the refusal", |p| p.text("notice").contains("calls itself"))
        .await;
    let text = page.text("notice");
    assert!(text.contains(&home.issuer), "{text}");
    assert!(text.contains("“issuer”"), "{text}");
    assert_eq!(zitadel_profile_form::page_url(), before, "no navigation");
}

/// A crash replaces the form with a readable error and tells the host.
#[wasm_bindgen_test]
async fn a_crash_shows_a_readable_error_and_tells_the_host() {
    let (page, _config) = ready_form().await;
    let heard = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
    let slot = heard.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
        move |event: web_sys::CustomEvent| {
            *slot.borrow_mut() = js_sys::JSON::stringify(&event.detail())
                .ok()
                .and_then(|s| s.as_string());
        },
    );
    let host = page.query("[data-testid=profile-form]").unwrap();
    host.add_event_listener_with_callback("profile-error", listener.as_ref().unchecked_ref())
        .unwrap();
    zitadel_profile_form::crash::report();
    assert!(page.text("crashed").contains("Reload the page"));
    assert!(page.input("firstName").is_none(), "the form is gone");
    let detail = heard.borrow().clone().expect("profile-error heard");
    assert!(detail.contains(r#""kind":"crashed""#), "{detail}");
}

fn editable_marks() -> u32 {
    web_sys::window()
        .unwrap()
        .performance()
        .unwrap()
        .get_entries_by_name(zitadel_profile_form::EDITABLE_MARK)
        .length()
}

/// The User Timing mark a host or a benchmark measures load time with: set once the
/// prefilled form takes input, and not for a form that only offers sign-in.
#[wasm_bindgen_test]
async fn the_editable_mark_is_set_once_the_prefilled_form_takes_input() {
    let config = config(None);
    signed_in(&config).await;
    stored::clear(&config);
    let before = editable_marks();
    let signed_out = Page::mount(&config);
    signed_out
        .until("the sign-in offer", |p| p.by_testid("sign-in").is_some())
        .await;
    leptos::task::tick().await;
    assert_eq!(editable_marks(), before, "no mark without a form");
    drop(signed_out);
    signed_in(&config).await;
    let page = Page::mount(&config);
    until("the mark", || editable_marks() == before + 1).await;
    assert_eq!(page.value("firstName"), "Ada", "prefilled when marked");
    assert!(page.input("firstName").is_some_and(|i| !i.disabled()));
}

/// The counter under a name, near ZITADEL's limit, in the form's language.
#[wasm_bindgen_test]
async fn a_counter_appears_within_twenty_characters_of_the_limit() {
    let (page, _) = ready_form().await;
    let id = page.input("nickName").unwrap().id();
    let counter = || page.text(&format!("{id}-counter"));
    page.type_into("nickName", &"n".repeat(180)).await;
    assert_eq!(counter(), "20 characters left");
    page.type_into("nickName", &"n".repeat(199)).await;
    assert_eq!(counter(), "1 character left");
    page.type_into("nickName", "Countess").await;
    assert_eq!(counter(), "");
    let live = page.by_testid(&format!("{id}-counter")).unwrap();
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
}
