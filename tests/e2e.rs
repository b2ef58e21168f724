//! End to end, as a person uses it: a real headless browser driven over WebDriver,
//! the built page on one origin, the local ZITADEL stand-in on another.
//!
//! These need the stand-in (with test controls) and the page running, which
//! `scripts/test` starts; there they run once per browser with
//! `ZPF_E2E_BROWSER=chromium|firefox cargo test --test e2e -- --ignored --test-threads=1`.
#![cfg(not(target_arch = "wasm32"))]

mod driving;

use driving::browser::Browser;
use driving::{dev, env, issuer, page_url};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use zitadel_dev::config::{DEMO_PASSWORD, DEMO_USER};
use zitadel_profile_form::profile::Field;

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn sign_in_edit_save_reload_sign_out() {
    let b = Browser::open().await;
    b.sign_in().await;
    assert_eq!(b.value("firstName").await, "Ada");
    assert_eq!(b.value("displayName").await, "Ada Lovelace");
    let url = b.client.current_url().await.unwrap();
    assert!(
        url.query().is_none(),
        "code and state left the address bar: {url}"
    );

    b.type_into("firstName", "  ").await;
    assert_eq!(b.message("firstName").await, "This field is required.");
    b.type_into("firstName", "Augusta").await;
    assert_eq!(b.message("firstName").await, "");
    b.type_into("nickName", "Enchantress of Numbers").await;
    b.testid("save").await.click().await.unwrap();
    b.until("the save", || async {
        b.notice().await.starts_with("Saved")
    })
    .await;

    b.client.refresh().await.unwrap();
    b.loaded().await;
    assert_eq!(
        b.value("firstName").await,
        "Augusta",
        "the saved value comes back after a reload"
    );
    assert_eq!(b.value("nickName").await, "Enchantress of Numbers");
    assert_eq!(
        b.storage("localStorage").await,
        json!([]),
        "nothing in localStorage"
    );

    let before = b.document_started().await;
    b.testid("sign-out").await.click().await.unwrap();
    // Sign-out leaves for ZITADEL's end_session and comes back: wait for the new page.
    b.back_on_a_new_page(before).await;
    b.testid("sign-in").await;
    let keys = b.storage("sessionStorage").await;
    assert!(
        !keys.to_string().contains("tokens"),
        "tokens left behind: {keys}"
    );
    // ZITADEL's session ended too: signing in again asks for the password.
    b.testid("sign-in").await.click().await.unwrap();
    b.find("#password").await;
    // Nothing on the way failed to load or broke the page's policy (the icon included).
    assert_eq!(
        driving::page_server_reports(&page_url()),
        json!({"csp": [], "failed": []})
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn an_access_token_expiring_mid_edit_is_refreshed_and_the_rotation_survives_a_reload() {
    let b = Browser::open().await;
    b.sign_in().await;
    let tokens = || async {
        b.client
            .execute(
                "return Object.keys(sessionStorage).filter(k => k.includes(':tokens:'))\
                 .map(k => sessionStorage.getItem(k)).join()",
                vec![],
            )
            .await
            .unwrap()
    };
    let before = tokens().await;
    b.type_into("nickName", "Countess").await;
    // Twelve hours pass on the server: the access token is dead, the refresh token lives.
    dev("clock", json!({"advanceSeconds": 43_201}));
    b.testid("save").await.click().await.unwrap();
    b.until("the save", || async {
        b.notice().await.starts_with("Saved")
    })
    .await;
    let after = tokens().await;
    assert_ne!(
        before, after,
        "the rotated tokens are in this tab's sessionStorage"
    );
    // The old refresh token is spent: a reload only stays signed in on the new one.
    let stamp = b.reload_soon().await;
    b.back_on_a_new_page(stamp).await;
    b.loaded().await;
    assert_eq!(b.value("nickName").await, "Countess");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_dead_session_keeps_the_draft_through_a_new_sign_in() {
    let b = Browser::open().await;
    b.sign_in().await;
    b.type_into("nickName", "Countess").await;
    b.type_into("lastName", "King").await;
    // A month passes: the refresh token expired too, but the IdP's browser session lives.
    dev("clock", json!({"advanceSeconds": 31 * 24 * 3600}));
    b.testid("save").await.click().await.unwrap();
    b.until("the session notice", || async {
        b.notice().await.contains("Sign in again")
    })
    .await;
    assert_eq!(
        b.value("nickName").await,
        "Countess",
        "typed text stays on screen"
    );
    b.testid("notice-action").await.click().await.unwrap();
    b.until("the restored draft", || async {
        b.notice().await.contains("restored")
    })
    .await;
    assert_eq!(b.value("nickName").await, "Countess");
    assert_eq!(b.value("lastName").await, "King");
    b.testid("save").await.click().await.unwrap();
    b.until("the save", || async {
        b.notice().await.starts_with("Saved")
    })
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
/// L2: a callback with no sign-in pending in this tab is not ours: the OAuth
/// parameters go, the host's stay, and the page explains.
async fn l2_a_stray_callback_is_explained_and_the_hosts_parameters_stay() {
    let b = Browser::open().await;
    b.client
        .goto(&format!(
            "{}?tab=profile&code=stolen&state=forged",
            page_url()
        ))
        .await
        .unwrap();
    b.until("the explanation", || async {
        b.notice().await.contains("another tab or window")
    })
    .await;
    b.testid("sign-in").await;
    let url = b.client.current_url().await.unwrap();
    assert_eq!(url.query(), Some("tab=profile"), "{url}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
/// L2: a forged callback while a sign-in is pending is refused, and spoils nothing:
/// the real callback still signs in.
async fn l2_a_forged_callback_leaves_the_pending_sign_in_alone() {
    let b = Browser::open().await;
    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await.click().await.unwrap();
    b.find("#password").await;
    let login = b.client.current_url().await.unwrap();
    b.client
        .goto(&format!("{}?code=stolen&state=forged", page_url()))
        .await
        .unwrap();
    b.until("the refusal", || async {
        b.notice().await.contains("refused")
    })
    .await;
    let url = b.client.current_url().await.unwrap();
    assert!(
        url.query().is_none(),
        "the forged parameters stay visible: {url}"
    );
    // Back to the login the real sign-in opened: its callback still works.
    b.client.goto(login.as_str()).await.unwrap();
    b.log_in_as_demo().await;
    b.loaded().await;
    assert_eq!(b.value("firstName").await, "Ada");
    b.close().await;
}

/// The form's label for the first name in `code`, from its catalogue file.
fn first_name_label(code: &str) -> String {
    if code == "en" {
        return "First name".to_owned();
    }
    let path = format!(
        "{}/src/i18n/catalogues/{code}.js",
        env!("CARGO_MANIFEST_DIR")
    );
    let module = std::fs::read_to_string(path).unwrap();
    let json = zitadel_profile_form::i18n::catalogue::module_json(&module).unwrap();
    let catalogue: Value = serde_json::from_str(json).unwrap();
    catalogue["FirstName"].as_str().unwrap().to_owned()
}

/// ZITADEL's 22 languages: the embedded element's `locale` attribute switches the
/// form to each, its labels in that language's words, its root's `lang` set, and
/// Arabic laid out right to left.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn every_language_labels_the_form_in_its_own_words() {
    let b = Browser::open().await;
    b.sign_in_embedded().await;
    for code in zitadel_profile_form::languages::ZITADEL_LANGUAGES {
        b.set_locale(code).await;
        let expected = first_name_label(code);
        b.until(&format!("the form in {code}"), || async {
            let dir = if code == "ar" { "rtl" } else { "ltr" };
            b.shadow_language().await == json!([expected, code, dir])
        })
        .await;
    }
    // The form's language goes to ZITADEL's login as `ui_locales`.
    let before = b.document_started().await;
    b.shadow_click("sign-out").await;
    b.back_on_a_new_page(before).await;
    b.shadow_shows("sign-in").await;
    b.set_locale("ar").await;
    b.until("the signed-out element in Arabic", || async {
        b.in_shadow("return root.querySelector('section')?.lang")
            .await
            == json!("ar")
    })
    .await;
    b.shadow_click("sign-in").await;
    b.find("#password").await;
    let login = b
        .client
        .execute(
            "return [document.documentElement.lang, document.documentElement.dir]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(login, json!(["ar", "rtl"]), "the login page in Arabic");
    b.close().await;
}

/// The standalone page speaks the person's stored language, and switches when they
/// save a new one: the labels, and `<html lang>` for screen readers.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn saving_a_new_preferred_language_switches_the_page_to_it() {
    let b = Browser::open().await;
    b.sign_in().await;
    let html_lang = || async {
        b.client
            .execute(
                "return [document.documentElement.lang, document.documentElement.dir]",
                vec![],
            )
            .await
            .unwrap()
    };
    assert_eq!(html_lang().await, json!(["en", "ltr"]));
    b.choose("preferredLanguage", "ar").await;
    b.testid("save").await.click().await.unwrap();
    let expected = first_name_label("ar");
    b.until("the page in Arabic", || async {
        html_lang().await == json!(["ar", "rtl"])
            && b.client
                .execute(
                    "const id = document.querySelector(\"[name='firstName']\").id; \
                     return document.querySelector(`label[for='${id}']`).textContent.trim()",
                    vec![],
                )
                .await
                .unwrap()
                == json!(expected)
    })
    .await;
    // A reload keeps it: the stored language decides.
    let stamp = b.reload_soon().await;
    b.back_on_a_new_page(stamp).await;
    b.loaded().await;
    b.until("Arabic after the reload", || async {
        html_lang().await == json!(["ar", "rtl"])
    })
    .await;
    b.close().await;
}

/// A code shaped like the stand-in's (24 random bytes, base64url) that it never issued,
/// so it answers as for a spent one.
const SPENT_LOOKING_CODE: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/// ZITADEL answers a spent, expired or unreadable code with `invalid_request` and an
/// untranslated message key (HTTP 404 `Errors.AuthRequest.NotFound` for a code it no
/// longer knows, 400 `Errors.User.Code.Invalid` for one it cannot read). The person
/// reads a plain "sign in again" beside the Sign in button, never the key.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_spent_code_says_sign_in_again_and_never_shows_a_message_key() {
    let b = Browser::open().await;
    for code in [SPENT_LOOKING_CODE, "stolen"] {
        b.client.goto(&page_url()).await.unwrap();
        b.testid("sign-in").await.click().await.unwrap();
        b.find("#password").await;
        // Back on the page without signing in: the sign-in is still pending here.
        b.client.goto(&page_url()).await.unwrap();
        b.testid("sign-in").await;
        let state = b
            .client
            .execute(
                "const k = Object.keys(sessionStorage).find(k => k.includes(':pending:'));\
                 return JSON.parse(sessionStorage.getItem(k)).pop().state",
                vec![],
            )
            .await
            .unwrap();
        let state = state.as_str().unwrap().to_owned();
        b.client
            .goto(&format!("{}?code={code}&state={state}", page_url()))
            .await
            .unwrap();
        b.until("the explanation", || async {
            b.notice().await.contains("already used or has expired")
        })
        .await;
        let notice = b.notice().await;
        assert!(!notice.contains("Errors."), "{code}: {notice}");
        assert!(!notice.contains("invalid_request"), "{code}: {notice}");
        b.testid("sign-in").await;
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn two_tabs_refreshing_at_once_both_stay_signed_in() {
    let b = Browser::open().await;
    b.sign_in().await;
    let first = b.client.window().await.unwrap();
    let second = b.open_sharing_tab(&first).await;
    for tab in b.refresh_both_at_once(first, second).await {
        b.client.switch_to_window(tab).await.unwrap();
        b.loaded().await;
        assert_eq!(b.value("firstName").await, "Ada");
        assert!(
            !b.notice().await.contains("ended"),
            "a tab was signed out: {}",
            b.notice().await
        );
    }
    b.close().await;
}

/// The requests this document sent to ZITADEL, by path, in order (the browser's
/// resource timings; CORS preflights are not listed).
/// The paths the page asked ZITADEL for, in order; the avatar, an image on ZITADEL's
/// assets API, is not counted.
async fn requests_to_zitadel(b: &Browser) -> Vec<String> {
    let found = b
        .client
        .execute(
            "return performance.getEntriesByType('resource') \
               .filter(e => e.name.startsWith(arguments[0]) && e.initiatorType !== 'img') \
               .map(e => new URL(e.name).pathname);",
            vec![json!(issuer())],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

/// Whether leaving the page now would raise the browser's leave-page prompt: a
/// cancelable `beforeunload` comes back `defaultPrevented`. (Under WebDriver Firefox
/// never shows the prompt itself, so the event is what both browsers can check.)
async fn leaving_asks(b: &Browser) -> bool {
    let script = "const e = new Event('beforeunload', {cancelable: true}); \
                  window.dispatchEvent(e); return e.defaultPrevented;";
    b.client.execute(script, vec![]).await.unwrap() == json!(true)
}

/// A reload mid-edit brings the draft back with a notice that offers to discard it;
/// leaving with unsaved edits asks first; discarding leaves nothing to restore.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_reload_mid_edit_brings_the_draft_back() {
    let b = Browser::open().await;
    b.sign_in().await;
    assert!(!leaving_asks(&b).await, "nothing to lose yet");
    b.type_into("nickName", "Countess").await;
    b.choose("gender", "GENDER_FEMALE").await;
    assert!(leaving_asks(&b).await, "unsaved edits");
    // At once: the page keeps the draft as it goes, without waiting for a pause.
    let stamp = b.reload_soon().await;
    b.back_on_a_new_page(stamp).await;
    b.loaded().await;
    b.until("the draft back", || async {
        b.value("nickName").await == "Countess"
    })
    .await;
    assert_eq!(b.value("gender").await, "GENDER_FEMALE");
    assert!(
        b.notice().await.contains("restored"),
        "{}",
        b.notice().await
    );
    assert!(leaving_asks(&b).await, "still unsaved");
    b.axe_clean("a restored draft").await;
    b.testid("discard-draft").await.click().await.unwrap();
    b.until("the loaded profile", || async {
        b.value("nickName").await.is_empty()
    })
    .await;
    assert!(!leaving_asks(&b).await);
    let stamp = b.reload_soon().await;
    b.back_on_a_new_page(stamp).await;
    b.loaded().await;
    b.nothing_restored().await;
    b.close().await;
}

/// Sign-out with unsaved edits asks inside the form: "Keep editing" keeps them,
/// "Discard and sign out" signs out and nothing comes back at the next sign-in.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn sign_out_with_unsaved_edits_asks_first() {
    let b = Browser::open().await;
    b.sign_in().await;
    b.type_into("nickName", "Countess").await;
    b.testid("sign-out").await.click().await.unwrap();
    b.testid("keep-editing").await;
    assert!(b.notice().await.contains("unsaved changes"));
    b.axe_clean("sign-out with unsaved changes").await;
    b.capture("unsaved-sign-out", None).await;
    b.testid("keep-editing").await.click().await.unwrap();
    assert_eq!(b.value("nickName").await, "Countess");
    b.testid("sign-out").await.click().await.unwrap();
    let before = b.document_started().await;
    b.testid("discard-and-sign-out")
        .await
        .click()
        .await
        .unwrap();
    b.back_on_a_new_page(before).await;
    b.testid("sign-in").await;
    b.sign_in().await;
    b.nothing_restored().await;
    b.close().await;
}

/// The embedded element's read-only `dirty` property follows the form, as do the
/// `profile-dirty-change` events it dispatches.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn the_element_says_when_it_holds_unsaved_edits() {
    let b = Browser::open().await;
    b.sign_in_embedded().await;
    let watch = "const el = document.querySelector('zitadel-profile-form'); \
                 window.heard = []; \
                 el.addEventListener('profile-dirty-change', e => heard.push(e.detail.dirty)); \
                 el.dirty = true; return el.dirty;";
    assert_eq!(
        b.client.execute(watch, vec![]).await.unwrap(),
        json!(false),
        "read-only"
    );
    b.shadow_type("nickName", "Countess").await;
    let state = "return [document.querySelector('zitadel-profile-form').dirty, window.heard]";
    b.until("dirty", || async {
        b.client.execute(state, vec![]).await.unwrap() == json!([true, [true]])
    })
    .await;
    b.shadow_type("nickName", "").await;
    b.until("clean", || async {
        b.client.execute(state, vec![]).await.unwrap() == json!([false, [true, false]])
    })
    .await;
    b.close().await;
}

/// What another session saves while this one edits: the demo user's profile with a
/// new first name, display name and gender.
fn changed_elsewhere() -> Value {
    json!({"profile": {
        "firstName": "Ada Augusta", "lastName": "Lovelace", "nickName": "",
        "displayName": "Ada, Countess of Lovelace", "preferredLanguage": "en",
        "gender": "GENDER_FEMALE",
    }})
}

/// How many times the page asked ZITADEL for `path`.
async fn asked(b: &Browser, path: &str) -> usize {
    requests_to_zitadel(b)
        .await
        .iter()
        .filter(|p| *p == path)
        .count()
}

/// The text of a conflict choice (`conflict-{field}-{mine|theirs}`), and whether it
/// is chosen.
async fn choice(b: &Browser, field: &str, side: &str) -> (String, bool) {
    let label = b.testid(&format!("conflict-{field}-{side}")).await;
    let chosen = label.find(Locator::Css("input")).await.unwrap();
    let checked = chosen.prop("checked").await.unwrap();
    (
        label.text().await.unwrap(),
        checked.as_deref() == Some("true"),
    )
}

/// Another session changes the profile before this one saves: nothing is sent over
/// it. The form shows each field changed there with both values (a field both
/// changed is undecided, one only they changed starts on theirs), says which one is
/// still to choose, and saves the person's choice per field with the other change.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_change_made_elsewhere_is_never_overwritten() {
    let b = Browser::open().await;
    b.sign_in().await;
    b.type_into("firstName", "Augusta").await;
    b.type_into("nickName", "Countess").await;
    dev("profile", changed_elsewhere());
    b.testid("save").await.click().await.unwrap();
    b.testid("conflict").await;
    assert!(
        b.notice().await.contains("changed elsewhere"),
        "{}",
        b.notice().await
    );
    assert_eq!(
        asked(&b, "/auth/v1/users/me/profile").await,
        0,
        "nothing was sent"
    );
    assert!(leaving_asks(&b).await, "the edits are still unsaved");
    // Both changed the first name: both values shown, neither chosen.
    let (mine, mine_chosen) = choice(&b, "firstName", "mine").await;
    let (theirs, theirs_chosen) = choice(&b, "firstName", "theirs").await;
    assert!(
        mine.contains("Augusta") && theirs.contains("Ada Augusta"),
        "{mine} / {theirs}"
    );
    assert!(!mine_chosen && !theirs_chosen);
    // Only they changed the display name: theirs is chosen to start with.
    let (display, chosen) = choice(&b, "displayName", "theirs").await;
    assert!(
        display.contains("Ada, Countess of Lovelace") && chosen,
        "{display}"
    );
    assert!(choice(&b, "gender", "theirs").await.0.contains("Female"));
    let rows = "return [...document.querySelectorAll('[data-testid=conflict] fieldset')].map(f => f.dataset.testid)";
    assert_eq!(
        b.client.execute(rows, vec![]).await.unwrap(),
        json!([
            "conflict-firstName",
            "conflict-displayName",
            "conflict-gender"
        ]),
        "only fields changed elsewhere; the nickname only I changed is kept as typed"
    );
    let (focused, _) = b.focused().await;
    assert!(
        focused.ends_with("-conflict-firstName"),
        "focus on the first choice: {focused}"
    );
    b.axe_clean("a change made elsewhere").await;
    b.capture("conflict", None).await;
    b.testid("save-choices").await.click().await.unwrap();
    let undecided = b.testid("conflict-firstName").await;
    b.until("the undecided field says so", || async {
        undecided
            .text()
            .await
            .unwrap()
            .contains("Choose which value to keep")
    })
    .await;
    assert!(undecided.attr("aria-describedby").await.unwrap().is_some());
    b.axe_clean("a value still to choose").await;
    // Per field, by keyboard: my first name (focus is on it), and my gender back.
    b.press(" ").await;
    b.testid("conflict-gender-mine")
        .await
        .click()
        .await
        .unwrap();
    assert!(choice(&b, "firstName", "mine").await.1);
    // The save by keyboard too: Tab on to it, with a focus ring on the way, and Enter.
    b.tab_to("save-choices", false, 6).await;
    b.press(&Key::Enter.to_string()).await;
    b.until("saved", || async { b.notice().await.starts_with("Saved") })
        .await;
    assert_eq!(asked(&b, "/auth/v1/users/me/profile").await, 1);
    let stamp = b.reload_soon().await;
    b.back_on_a_new_page(stamp).await;
    b.loaded().await;
    assert_eq!(b.value("firstName").await, "Augusta", "mine, as chosen");
    assert_eq!(
        b.value("nickName").await,
        "Countess",
        "mine, changed only here"
    );
    assert_eq!(
        b.value("displayName").await,
        "Ada, Countess of Lovelace",
        "theirs, kept"
    );
    assert_eq!(
        b.value("gender").await,
        "GENDER_UNSPECIFIED",
        "mine, as chosen"
    );
    b.close().await;
}

/// Coming back to the tab with unsaved edits compares the profile at once, so a
/// change made elsewhere shows before the person types on; with nothing edited,
/// coming back sends no request. Taking every new value leaves nothing to save.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn coming_back_to_the_tab_shows_a_change_made_elsewhere() {
    let b = Browser::open().await;
    b.sign_in().await;
    // As the browser fires it when the tab is shown again: at the document, bubbling.
    let shown_again = "document.dispatchEvent(new Event('visibilitychange', {bubbles: true})); \
                       return document.hidden;";
    assert_eq!(
        b.client.execute(shown_again, vec![]).await.unwrap(),
        json!(false)
    );
    b.type_into("displayName", "Countess Lovelace").await;
    dev("profile", changed_elsewhere());
    b.client.execute(shown_again, vec![]).await.unwrap();
    b.testid("conflict").await;
    assert_eq!(
        asked(&b, "/auth/v1/users/me").await,
        2,
        "the load and one comparison: none while nothing was edited"
    );
    assert!(choice(&b, "displayName", "mine")
        .await
        .0
        .contains("Countess Lovelace"));
    b.testid("take-all-new").await.click().await.unwrap();
    b.testid("save-choices").await.click().await.unwrap();
    b.until("the form back", || async {
        b.value("displayName").await == "Ada, Countess of Lovelace"
    })
    .await;
    assert!(
        b.notice().await.contains("nothing was left to save"),
        "{}",
        b.notice().await
    );
    assert_eq!(b.value("firstName").await, "Ada Augusta");
    assert_eq!(asked(&b, "/auth/v1/users/me/profile").await, 0);
    assert!(!leaving_asks(&b).await);
    b.close().await;
}

/// What the header shows: `(avatar image loaded, initials' accessible name, email line)`.
async fn header(b: &Browser) -> Value {
    let script = "const img = document.querySelector(\"[data-testid='avatar']\"); \
        const initials = document.querySelector(\"[data-testid='avatar-initials']\"); \
        const email = document.querySelector(\"[data-testid='email']\"); \
        return [!!img && img.complete && img.naturalWidth > 0, \
                initials && initials.getAttribute('aria-label'), email && email.textContent];";
    b.client.execute(script, vec![]).await.unwrap()
}

/// The header says who is signed in: the avatar from ZITADEL's assets API under the
/// page's strict CSP (its `img-src`), or the initials named for screen readers, and
/// the email address with its verification.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn the_header_shows_who_is_signed_in() {
    let b = Browser::open().await;
    b.sign_in().await;
    b.until("the avatar", || async {
        header(&b).await == json!([true, null, "ada@example.com · verified"])
    })
    .await;
    b.axe_clean("the header with an avatar").await;
    b.capture("header-avatar", None).await;
    b.close().await;

    let b = Browser::open().await;
    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await.click().await.unwrap();
    b.log_in_as(zitadel_dev::config::SECOND_USER).await;
    b.loaded().await;
    b.until("the initials", || async {
        header(&b).await == json!([false, "Hedy Lamarr", "hedy@example.com · nicht verifiziert"])
    })
    .await;
    b.axe_clean("the header with initials").await;
    b.close().await;

    // An avatar that cannot be loaded falls back to the initials.
    let b = Browser::open().await;
    dev(
        "faults",
        json!({"count": 5, "status": 404, "pathPrefix": "/assets/"}),
    );
    b.sign_in().await;
    b.until("the initials instead", || async {
        header(&b).await == json!([false, "Ada Lovelace", "ada@example.com · verified"])
    })
    .await;
    b.close().await;
}

/// Within twenty characters of ZITADEL's limit a counter says how many are left,
/// politely to screen readers, counting characters as the server does (an emoji is
/// one) and leaving out what the form trims; past the limit the message takes over.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_counter_counts_down_the_last_twenty_characters() {
    let b = Browser::open().await;
    b.sign_in().await;
    b.type_into("firstName", &"a".repeat(179)).await;
    assert_eq!(
        b.counter("firstName").await,
        (String::new(), Some("polite".into()))
    );
    b.type_into("firstName", &"a".repeat(185)).await;
    b.until("the counter", || async {
        b.counter("firstName").await.0 == "15 characters left"
    })
    .await;
    // A long name and its counter fit a phone; target/screenshots/counter-*.png.
    b.capture("counter", Some("input[name=firstName]")).await;
    // ChromeDriver types only the Basic Multilingual Plane: the emoji are pasted.
    let emoji = format!("{} {}", "😀".repeat(190), "a".repeat(8));
    let input = b.find("input[name='firstName']").await;
    b.client
        .execute(
            "arguments[0].value = arguments[1]; \
             arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            vec![serde_json::to_value(&input).unwrap(), json!(emoji)],
        )
        .await
        .unwrap();
    b.until("one left", || async {
        b.counter("firstName").await.0 == "1 character left"
    })
    .await;
    b.type_into("firstName", &"a".repeat(201)).await;
    b.until("the message instead", || async {
        b.counter("firstName").await.0.is_empty()
            && b.message("firstName")
                .await
                .contains("1 character too many")
    })
    .await;
    b.close().await;
}

/// From the callback to the form the page asks ZITADEL for the token and the profile
/// only: discovery was checked before the login and kept for the tab, and the form's
/// parts share it. A reload with a live session asks for the profile alone.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn the_callback_needs_only_the_token_and_the_profile() {
    let b = Browser::open().await;
    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await;
    let signed_out = requests_to_zitadel(&b).await;
    assert_eq!(
        signed_out,
        ["/.well-known/openid-configuration"],
        "one discovery request, however many parts ask"
    );
    b.testid("sign-in").await.click().await.unwrap();
    b.log_in_as_demo().await;
    b.loaded().await;
    assert_eq!(
        requests_to_zitadel(&b).await,
        ["/oauth/v2/token", "/auth/v1/users/me"]
    );
    let stamp = b.reload_soon().await;
    b.back_on_a_new_page(stamp).await;
    b.loaded().await;
    assert_eq!(requests_to_zitadel(&b).await, ["/auth/v1/users/me"]);
    // The preloads are the downloads: each file of the bundle comes once, the wasm as
    // application/wasm so it compiles while streaming.
    let bundle = b
        .client
        .execute(
            "return performance.getEntriesByType('resource') \
               .map(e => new URL(e.name).pathname) \
               .filter(p => p.startsWith('/zitadel-profile-form'));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        bundle,
        json!(["/zitadel-profile-form.js", "/zitadel-profile-form_bg.wasm"])
    );
    let wasm_type = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             fetch('/zitadel-profile-form_bg.wasm', {method: 'HEAD'}) \
               .then(r => done(r.headers.get('content-type')), e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(wasm_type, json!("application/wasm"));
    b.close().await;
}

/// ZITADEL keeps one live access token per session: when one tab refreshes, the
/// access token a duplicated tab still holds is refused at once. A duplicated tab that
/// missed the other's broadcast (it was on another page) gets that 401, asks, and
/// adopts the other tab's tokens: no new sign-in, no spent refresh token sent.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_duplicated_tab_whose_token_was_refreshed_away_adopts_the_other_tabs() {
    let b = Browser::open().await;
    b.sign_in().await;
    let first = b.client.window().await.unwrap();
    let second = b.open_sharing_tab(&first).await;
    let shared = held_tokens(&b).await;
    // The duplicate leaves for another page of the origin, keeping its sessionStorage.
    b.client
        .goto(&format!("{}config.json", page_url()))
        .await
        .unwrap();
    // The first tab finds its access token about to expire and refreshes.
    b.client.switch_to_window(first.clone()).await.unwrap();
    b.client
        .execute(
            "const k = Object.keys(sessionStorage).find(k => k.includes(':tokens:'));\
             const t = JSON.parse(sessionStorage.getItem(k)); t.expiresAtMs = 0;\
             sessionStorage.setItem(k, JSON.stringify(t));",
            vec![],
        )
        .await
        .unwrap();
    let stamp = b.reload_soon().await;
    b.back_on_a_new_page(stamp).await;
    b.loaded().await;
    let rotated = held_tokens(&b).await;
    assert_ne!(
        rotated["accessToken"], shared["accessToken"],
        "the first tab refreshed"
    );
    // Back on the form, the duplicate's access token is refused: it adopts the new ones.
    b.client.switch_to_window(second).await.unwrap();
    b.client.goto(&page_url()).await.unwrap();
    b.loaded().await;
    assert_eq!(b.value("firstName").await, "Ada");
    assert!(!b.notice().await.contains("ended"), "{}", b.notice().await);
    let adopted = held_tokens(&b).await;
    assert_eq!(adopted["accessToken"], rotated["accessToken"]);
    assert_eq!(adopted["refreshToken"], rotated["refreshToken"]);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn the_page_fits_phones_and_desktops_in_light_and_dark() {
    let browser = env("ZPF_E2E_BROWSER", "chromium");
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    for dark in [false, true] {
        let b = Browser::open_with(dark).await;
        let scheme = b
            .client
            .execute(
                "return matchMedia('(prefers-color-scheme: dark)').matches",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(scheme, json!(dark), "colour scheme emulation");
        b.sign_in().await;
        // Show a field message too: the layout must hold it.
        b.type_into("displayName", "").await;
        let theme = if dark { "dark" } else { "light" };
        let sizes = [(320, 900), (360, 900), (1280, 800)];
        b.fits_and_capture(&sizes, None, &out, &format!("page-{browser}"), theme)
            .await;
        // The same session, embedded in the example host page.
        b.client
            .goto(&format!("{}embed/", page_url()))
            .await
            .unwrap();
        b.until("the embedded form", || async {
            b.shadow_value("firstName").await == json!("Ada")
        })
        .await;
        let sizes = [(320, 1100), (360, 1100), (1280, 800)];
        let element = Some("zitadel-profile-form");
        b.fits_and_capture(&sizes, element, &out, &format!("embed-{browser}"), theme)
            .await;
        // German (long words), Japanese, and Arabic right to left.
        for code in ["de", "ja", "ar"] {
            b.set_locale(code).await;
            let expected = first_name_label(code);
            b.until(&format!("the element in {code}"), || async {
                b.shadow_language().await[0] == json!(expected)
            })
            .await;
            let sizes = [(360, 1100), (1280, 800)];
            let name = format!("embed-{code}-{browser}");
            b.fits_and_capture(&sizes, element, &out, &name, theme)
                .await;
        }
        b.close().await;
    }
}

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn the_embedded_element_signs_in_and_saves_under_a_strict_csp() {
    let b = Browser::open().await;
    let embed = format!("{}embed/", page_url());
    b.client.goto(&embed).await.unwrap();
    b.shadow_shows("sign-in").await;
    b.shadow_click("sign-in").await;
    b.log_in_as_demo().await;
    b.shadow_prefilled().await;
    assert_eq!(
        b.client.current_url().await.unwrap().as_str(),
        embed,
        "back on the host page, URL clean"
    );

    b.shadow_type("nickName", "Embedded").await;
    b.shadow_click("save").await;
    b.until("the save", || async {
        b.shadow_text("notice").await.starts_with("Saved")
    })
    .await;

    let events = b.testid("host-events").await.text().await.unwrap();
    assert!(events.contains("profile-loaded"), "{events}");
    assert!(events.contains(r#""firstName":"Ada""#), "{events}");
    assert!(events.contains("profile-saved"), "{events}");
    assert!(events.contains(r#""nickName":"Embedded""#), "{events}");
    assert!(
        events.contains(r#""sequence":""#),
        "the server's details come along: {events}"
    );

    // The host's `input { border: 4px dashed }` stays outside; its theme comes in.
    let border = b
        .in_shadow("return getComputedStyle(root.querySelector('input')).borderTopStyle")
        .await;
    assert_eq!(border, json!("solid"));
    let outside = b
        .client
        .execute(
            "return getComputedStyle(document.querySelector('.site-header')).display",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(outside, json!("block"), "the widget's styles stay inside");
    let save = b
        .in_shadow(
            "return getComputedStyle(root.querySelector(\"[data-testid='save']\")).backgroundColor",
        )
        .await;
    assert_eq!(
        save,
        json!("rgb(138, 75, 8)"),
        "--zpf-accent set by the host"
    );

    let violations = b
        .client
        .execute("return window.cspViolations", vec![])
        .await
        .unwrap();
    assert_eq!(violations, json!([]), "CSP violations");

    let before = b.document_started().await;
    b.shadow_click("sign-out").await;
    b.back_on_a_new_page(before).await;
    b.shadow_shows("sign-in").await;
    let events = b.testid("host-events").await.text().await.unwrap();
    assert!(events.contains("signed-out"), "{events}");
    let violations = b
        .client
        .execute("return window.cspViolations", vec![])
        .await
        .unwrap();
    assert_eq!(
        violations,
        json!([]),
        "CSP violations after the round trips"
    );
    assert_eq!(
        driving::page_server_reports(&page_url()),
        json!({"csp": [], "failed": []}),
        "reported to the page server"
    );
    b.close().await;
}

/// axe-core finds nothing to fix in any state of the standalone page, in light and
/// dark: signed out, loading, the form, field errors, saving, saved, load failed,
/// session ended, and in Arabic (right to left).
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn axe_finds_no_violation_in_any_state_of_the_page() {
    for dark in [false, true] {
        let theme = if dark { "dark" } else { "light" };
        let b = Browser::open_with(dark).await;
        b.client.goto(&page_url()).await.unwrap();
        b.testid("sign-in").await;
        b.axe_clean(&format!("signed out, {theme}")).await;
        // The profile answers slowly: the skeleton shows meanwhile.
        dev(
            "faults",
            json!({"count": 2, "delayMs": 4000, "pathPrefix": "/auth/v1/users/me"}),
        );
        b.testid("sign-in").await.click().await.unwrap();
        b.log_in_as_demo().await;
        b.testid("loading").await;
        b.axe_clean(&format!("loading, {theme}")).await;
        b.loaded().await;
        b.axe_clean(&format!("form, {theme}")).await;
        b.type_into("displayName", "").await;
        b.type_into("nickName", &"x".repeat(201)).await;
        b.type_into("lastName", &"y".repeat(190)).await;
        b.until("the field messages", || async {
            !b.message("displayName").await.is_empty()
        })
        .await;
        b.axe_clean(&format!("field errors and a counter, {theme}"))
            .await;
        b.type_into("lastName", "Lovelace").await;
        b.type_into("displayName", "Ada L.").await;
        b.type_into("nickName", "Countess").await;
        dev(
            "faults",
            json!({"count": 2, "delayMs": 4000, "pathPrefix": "/auth/v1/users/me/profile"}),
        );
        b.testid("save").await.click().await.unwrap();
        b.until("the save under way", || async {
            b.testid("save").await.text().await.unwrap_or_default() != "Save"
        })
        .await;
        b.axe_clean(&format!("saving, {theme}")).await;
        b.until("the save", || async {
            b.notice().await.starts_with("Saved")
        })
        .await;
        b.axe_clean(&format!("saved, {theme}")).await;
        // The session ends elsewhere; the next save finds out.
        dev("end-sessions", json!({}));
        b.type_into("nickName", "Enchantress").await;
        b.testid("save").await.click().await.unwrap();
        b.until("the ended session", || async {
            b.notice().await.contains("ended")
        })
        .await;
        b.axe_clean(&format!("session ended, {theme}")).await;
        b.close().await;

        let b = Browser::open_with(dark).await;
        b.sign_in().await;
        dev(
            "faults",
            json!({"count": 4, "status": 503, "pathPrefix": "/auth/v1/users/me"}),
        );
        let stamp = b.reload_soon().await;
        b.back_on_a_new_page(stamp).await;
        b.testid("load-error").await;
        b.axe_clean(&format!("load failed, {theme}")).await;
        b.close().await;

        let b = Browser::open_with(dark).await;
        b.sign_in().await;
        b.choose("preferredLanguage", "ar").await;
        b.testid("save").await.click().await.unwrap();
        b.until("the page in Arabic", || async {
            b.client
                .execute("return document.documentElement.dir", vec![])
                .await
                .unwrap()
                == json!("rtl")
        })
        .await;
        b.axe_clean(&format!("Arabic, {theme}")).await;
        b.close().await;
    }
}

/// The same states inside the embedded element's shadow root, on the example host
/// page, which is checked with it.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn axe_finds_no_violation_in_the_embedded_element() {
    for dark in [false, true] {
        let theme = if dark { "dark" } else { "light" };
        let b = Browser::open_with(dark).await;
        b.client
            .goto(&format!("{}embed/", page_url()))
            .await
            .unwrap();
        b.shadow_shows("sign-in").await;
        b.axe_clean(&format!("embedded, signed out, {theme}")).await;
        b.shadow_click("sign-in").await;
        b.log_in_as_demo().await;
        b.shadow_prefilled().await;
        b.axe_clean(&format!("embedded, form, {theme}")).await;
        b.in_shadow(
            "const i = root.querySelector(\"[name='displayName']\"); i.value = ''; \
             i.dispatchEvent(new Event('input', {bubbles: true})); \
             i.dispatchEvent(new Event('blur'));",
        )
        .await;
        b.axe_clean(&format!("embedded, field errors, {theme}"))
            .await;
        b.shadow_type("displayName", "Ada L.").await;
        dev(
            "faults",
            json!({"count": 2, "delayMs": 4000, "pathPrefix": "/auth/v1/users/me/profile"}),
        );
        b.shadow_click("save").await;
        b.until("the save under way", || async {
            b.shadow_text("save").await != "Save"
        })
        .await;
        b.axe_clean(&format!("embedded, saving, {theme}")).await;
        b.until("the save", || async {
            b.shadow_text("notice").await.starts_with("Saved")
        })
        .await;
        b.axe_clean(&format!("embedded, saved, {theme}")).await;
        dev(
            "faults",
            json!({"count": 4, "status": 503, "pathPrefix": "/auth/v1/users/me"}),
        );
        b.client.refresh().await.unwrap();
        b.shadow_shows("load-error").await;
        b.axe_clean(&format!("embedded, load failed, {theme}"))
            .await;
        dev(
            "faults",
            json!({"count": 2, "delayMs": 4000, "pathPrefix": "/auth/v1/users/me"}),
        );
        b.client.refresh().await.unwrap();
        b.shadow_shows("loading").await;
        b.axe_clean(&format!("embedded, loading, {theme}")).await;
        b.shadow_prefilled().await;
        dev("end-sessions", json!({}));
        b.shadow_type("nickName", "Countess").await;
        b.shadow_click("save").await;
        b.until("the ended session", || async {
            b.shadow_text("notice").await.contains("ended")
        })
        .await;
        b.axe_clean(&format!("embedded, session ended, {theme}"))
            .await;
        b.set_locale("ar").await;
        b.until("the element in Arabic", || async {
            b.in_shadow("return root.querySelector('section')?.dir")
                .await
                == json!("rtl")
        })
        .await;
        b.axe_clean(&format!("embedded, Arabic, {theme}")).await;
        b.close().await;
    }
}

impl Browser {
    /// Presses `keys` on whatever has the focus, as a keyboard would (WebDriver
    /// actions: no element is targeted). Shift and Control stay held until `Key::Null`.
    async fn press(&self, keys: &str) {
        let modifiers: [char; 2] = [Key::Shift.into(), Key::Control.into()];
        let null: char = Key::Null.into();
        let mut held = Vec::new();
        let mut actions = KeyActions::new("keyboard".into());
        for key in keys.chars() {
            if modifiers.contains(&key) {
                actions = actions.then(KeyAction::Down { value: key });
                held.push(key);
            } else if key == null {
                for value in held.drain(..) {
                    actions = actions.then(KeyAction::Up { value });
                }
            } else {
                actions = actions
                    .then(KeyAction::Down { value: key })
                    .then(KeyAction::Up { value: key });
            }
        }
        for value in held {
            actions = actions.then(KeyAction::Up { value });
        }
        self.client.perform_actions(actions).await.unwrap();
    }

    /// What has the focus: its `name`, else its `data-testid`, and whether the focus
    /// ring shows (an outline wider than zero).
    async fn focused(&self) -> (String, bool) {
        let found = self
            .client
            .execute(
                "const e = document.activeElement; const s = getComputedStyle(e); \
                 return [e.getAttribute('name') || e.dataset.testid || e.tagName, \
                         s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0];",
                vec![],
            )
            .await
            .unwrap();
        (
            found[0].as_str().unwrap_or_default().to_owned(),
            found[1] == json!(true),
        )
    }

    /// Presses Tab until `target` has the focus, at most `limit` times, checking the
    /// focus ring of everything it passes.
    async fn tab_to(&self, target: &str, backwards: bool, limit: usize) {
        let key = if backwards {
            format!("{}{}{}", Key::Shift, Key::Tab, Key::Null)
        } else {
            Key::Tab.to_string()
        };
        for _ in 0..limit {
            self.press(&key).await;
            let (name, ring) = self.focused().await;
            if name != "BODY" {
                assert!(ring, "{name} has the focus but shows no focus ring");
            }
            if name == target {
                return;
            }
        }
        panic!("{target} is not reachable by keyboard");
    }
}

/// Everything without a pointer, in both browsers: sign in, Tab through every field in
/// order with a visible focus ring, fix an error, save with Enter, reset, sign out.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn the_whole_journey_works_by_keyboard_alone() {
    let b = Browser::open().await;
    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await;
    b.tab_to("sign-in", false, 5).await;
    b.press(&Key::Enter.to_string()).await;
    b.find("#loginName").await;
    b.press(DEMO_USER).await;
    b.press(&Key::Tab.to_string()).await;
    b.press(&format!("{DEMO_PASSWORD}{}", Key::Enter)).await;
    b.loaded().await;
    // Every control in reading order, starting from the top of the page.
    b.tab_to("sign-out", false, 5).await;
    for name in Field::ALL.map(Field::as_str) {
        b.tab_to(name, false, 1).await;
    }
    // An error, fixed from the keyboard, then saved with Enter.
    b.tab_to("displayName", true, 3).await;
    b.press(&format!("{}a{}{}", Key::Control, Key::Null, Key::Backspace))
        .await;
    b.until("the required message", || async {
        !b.message("displayName").await.is_empty()
    })
    .await;
    b.press("Ada the Countess").await;
    b.until("the message gone", || async {
        b.message("displayName").await.is_empty()
    })
    .await;
    b.press(&Key::Enter.to_string()).await;
    b.until("the save", || async {
        b.notice().await.starts_with("Saved")
    })
    .await;
    assert_eq!(b.value("displayName").await, "Ada the Countess");
    // An edit, undone with Reset.
    b.tab_to("nickName", true, 3).await;
    b.press("Countess").await;
    b.tab_to("reset", false, 6).await;
    b.press(&Key::Enter.to_string()).await;
    b.until("the reset", || async {
        b.value("nickName").await.is_empty()
    })
    .await;
    // Back up to Sign out.
    b.tab_to("sign-out", true, 10).await;
    b.press(&Key::Enter.to_string()).await;
    b.until("signed out", || async {
        b.client
            .find(Locator::Css("[data-testid='sign-in']"))
            .await
            .is_ok()
    })
    .await;
    b.close().await;
}

/// WCAG 2.2's target size (every control at least 24 by 24 CSS px), reflow at 200 %
/// zoom, and the styles for forced colours and reduced motion.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn targets_zoom_forced_colours_and_reduced_motion() {
    let b = Browser::open().await;
    b.sign_in().await;
    let small = b
        .client
        .execute(
            "return [...document.querySelectorAll('button, input, select')] \
               .map(e => [e.getAttribute('name') || e.dataset.testid, e.getBoundingClientRect()]) \
               .filter(([, r]) => r.width < 24 || r.height < 24).map(([n]) => n);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(small, json!([]), "controls smaller than 24×24");
    // 200 % zoom of a 1280 px window: the page reflows into 640 CSS px.
    b.client.set_window_size(1280, 800).await.unwrap();
    b.client
        .execute("document.documentElement.style.zoom = '2'", vec![])
        .await
        .unwrap();
    let fits = b
        .client
        .execute(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(fits, json!(true), "horizontal scrolling at 200 %");
    let media = b
        .client
        .execute(
            "return [...document.styleSheets, ...document.adoptedStyleSheets].flatMap(s => [...s.cssRules]) \
               .filter(r => r.media).map(r => r.cssText);",
            vec![],
        )
        .await
        .unwrap();
    let rules: Vec<String> = serde_json::from_value(media).unwrap();
    let block = |query: &str| {
        rules
            .iter()
            .find(|r| r.contains(query))
            .unwrap_or_else(|| panic!("no @media {query} rule"))
            .clone()
    };
    let forced = block("forced-colors: active").to_lowercase();
    for needed in [
        ".zpf-input:focus",
        ".zpf-button:focus-visible",
        ".zpf-field--invalid",
    ] {
        assert!(
            forced.contains(needed),
            "forced colours lack {needed}: {forced}"
        );
    }
    assert!(
        forced.contains("highlight") && forced.contains("canvastext"),
        "{forced}"
    );
    let calm = block("prefers-reduced-motion: reduce");
    // Chromium writes the shorthand out in full.
    assert!(
        calm.contains(".zpf-skeleton")
            && (calm.contains("animation: none") || calm.contains("none running none")),
        "{calm}"
    );
    b.close().await;
}

/// The tokens a tab holds, as stored in its sessionStorage.
async fn held_tokens(b: &Browser) -> Value {
    let text = b
        .client
        .execute(
            "const k = Object.keys(sessionStorage).find(k => k.includes(':tokens:'));\
             return k ? sessionStorage.getItem(k) : 'null'",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_str(text.as_str().unwrap_or("null")).unwrap_or(Value::Null)
}

/// Every way a token could travel readably in a message.
fn encodings(token: &str) -> Vec<String> {
    let url_safe = zitadel_profile_form::oidc::encoding::base64url(token.as_bytes());
    let standard = url_safe.replace('-', "+").replace('_', "/");
    vec![token.to_owned(), url_safe, standard]
}

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
/// M3: a page of the same origin that does not share the session listens on the
/// widget's channel during a cross-tab refresh and a sign-out: it hears messages,
/// but no token, raw or encoded.
async fn m3_a_listener_without_the_session_hears_no_token() {
    let b = Browser::open().await;
    b.sign_in().await;
    let first = b.client.window().await.unwrap();
    let before = held_tokens(&b).await;
    let listener = b.client.new_window(false).await.unwrap().handle;
    b.client.switch_to_window(listener.clone()).await.unwrap();
    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await;
    b.client
        .execute(
            "window.heard = [];\
             fetch('config.json').then(r => r.json()).then(c => {\
               const name = 'zitadel-profile-form:refresh:' + c.clientId + '@' + c.issuer;\
               new BroadcastChannel(name).onmessage = e => window.heard.push(String(e.data));\
               window.listening = true;\
             });",
            vec![],
        )
        .await
        .unwrap();
    b.until("the listener", || async {
        b.client
            .execute("return window.listening === true", vec![])
            .await
            .unwrap()
            == json!(true)
    })
    .await;
    // A second tab sharing the session, then both refresh at once.
    b.client.switch_to_window(first.clone()).await.unwrap();
    let second = b.open_sharing_tab(&first).await;
    for tab in b.refresh_both_at_once(first.clone(), second).await {
        b.client.switch_to_window(tab).await.unwrap();
        b.loaded().await;
    }
    let after = held_tokens(&b).await;
    assert_ne!(
        before["accessToken"], after["accessToken"],
        "a refresh happened"
    );
    b.client.switch_to_window(listener).await.unwrap();
    let heard = b
        .client
        .execute("return window.heard", vec![])
        .await
        .unwrap();
    let heard = heard.to_string();
    assert!(
        heard.contains("rotated"),
        "the listener heard the rotation: {heard}"
    );
    for tokens in [&before, &after] {
        for name in ["accessToken", "refreshToken", "idToken"] {
            let Some(token) = tokens[name].as_str() else {
                continue;
            };
            for encoded in encodings(token) {
                assert!(!heard.contains(&encoded), "{name} was heard: {heard}");
            }
        }
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
/// M4: after the session ended elsewhere (an administrator, another device), and
/// the form found out and dropped its tokens, Sign out still ends ZITADEL's session.
async fn m4_sign_out_after_the_session_ended_elsewhere_still_reaches_end_session() {
    let b = Browser::open().await;
    b.sign_in().await;
    dev("end-sessions", json!({}));
    b.type_into("nickName", "Countess").await;
    b.testid("save").await.click().await.unwrap();
    b.until("the session notice", || async {
        b.notice().await.contains("Sign in again")
    })
    .await;
    assert_eq!(
        held_tokens(&b).await,
        Value::Null,
        "the dead tokens are gone"
    );
    let started = b.document_started().await;
    b.testid("sign-out").await.click().await.unwrap();
    // The edit is still unsaved (kept for the next sign-in): signing out asks first.
    b.testid("discard-and-sign-out")
        .await
        .click()
        .await
        .unwrap();
    // Only a trip through end_session brings a new page.
    b.back_on_a_new_page(started).await;
    b.testid("sign-in").await.click().await.unwrap();
    b.find("#password").await;
    b.close().await;
}
