//! Editing: drafts kept through reloads and sign-ins, leaving with unsaved edits, a change made elsewhere, and the counters.

use super::*;

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
    b.reload_loaded().await;
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
    b.reload_loaded().await;
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
    b.reload_loaded().await;
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
