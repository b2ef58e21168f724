//! Edits are never lost without asking: kept for a reload, announced to the host as
//! dirty or clean, guarded by the browser's leave-page prompt, and asked about before
//! a sign-out throws them away.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use support::{keep_draft, ready_form, until, Page, DEMO_USER_ID};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zitadel_profile_form::oidc::stored;
use zitadel_profile_form::profile::{take_kept_draft, Draft};

wasm_bindgen_test_configure!(run_in_browser);

/// The demo user's form, loaded with the profile as seeded.
async fn prefilled_form() -> (Page, zitadel_profile_form::Config) {
    let (page, config) = ready_form().await;
    page.prefilled().await;
    (page, config)
}

/// Every `profile-dirty-change` the host hears, in order.
fn dirty_changes(page: &Page) -> Rc<RefCell<Vec<bool>>> {
    let heard = Rc::new(RefCell::new(Vec::new()));
    let into = heard.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let dirty = js_sys::Reflect::get(&e.detail(), &"dirty".into()).unwrap();
            into.borrow_mut().push(dirty.as_bool().unwrap());
        });
    page.host
        .add_event_listener_with_callback("profile-dirty-change", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    heard
}

/// Whether a `beforeunload` now would make the browser ask.
fn leaving_asks() -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let event = web_sys::Event::new_with_event_init_dict("beforeunload", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    event.default_prevented()
}

#[wasm_bindgen_test]
async fn the_host_hears_dirty_and_clean_and_leaving_asks_only_when_dirty() {
    let (page, _) = prefilled_form().await;
    let heard = dirty_changes(&page);
    assert!(!page.dirty() && !leaving_asks());
    page.type_into("nickName", "Countess").await;
    until("dirty", || *heard.borrow() == [true]).await;
    assert!(page.dirty() && leaving_asks());
    page.type_into("nickName", "").await;
    until("clean again", || *heard.borrow() == [true, false]).await;
    assert!(!page.dirty() && !leaving_asks());
}

#[wasm_bindgen_test]
async fn an_edit_is_kept_once_typing_pauses_and_forgotten_once_undone() {
    let (page, config) = prefilled_form().await;
    page.type_into("nickName", "Count").await;
    page.type_into("nickName", "Countess").await;
    let kept = Rc::new(RefCell::new(None));
    until("the kept draft", || {
        *kept.borrow_mut() = take_kept_draft(&config);
        kept.borrow().is_some()
    })
    .await;
    let kept = kept.take().unwrap();
    assert_eq!(
        (kept.user_id.as_str(), kept.draft.nick_name.as_str()),
        (DEMO_USER_ID, "Countess")
    );
    // Unmounting writes the last edit at once, whatever the pause.
    page.type_into("nickName", "Enchantress").await;
    drop(page);
    assert_eq!(
        take_kept_draft(&config).unwrap().draft.nick_name,
        "Enchantress"
    );
    // "Discard my changes" on a restored draft: the loaded profile, nothing kept.
    keep_draft(&config, DEMO_USER_ID, &Draft::default());
    let page = Page::mount(&config);
    page.until("the restored draft", |p| {
        p.by_testid("discard-draft").is_some()
    })
    .await;
    assert_eq!(page.value("firstName"), "");
    page.click("discard-draft").await;
    assert_eq!(page.value("firstName"), "Ada");
    assert!(!page.dirty());
    assert!(take_kept_draft(&config).is_none(), "discarded");
    assert!(page.by_testid("notice").is_none());
}

/// Sign-out with unsaved edits asks inside the form; "Keep editing" keeps them.
#[wasm_bindgen_test]
async fn sign_out_with_unsaved_edits_asks_first() {
    let (page, config) = prefilled_form().await;
    page.type_into("nickName", "Countess").await;
    page.click("sign-out").await;
    assert!(
        page.text("notice").contains("unsaved changes"),
        "{}",
        page.text("notice")
    );
    assert!(stored::load(&config).is_some(), "still signed in");
    leptos::task::tick().await;
    let focused = support::document()
        .active_element()
        .and_then(|e| e.get_attribute("data-testid"));
    assert_eq!(
        focused.as_deref(),
        Some("keep-editing"),
        "the safe answer has focus"
    );
    page.click("keep-editing").await;
    assert_eq!(page.value("nickName"), "Countess");
    assert!(page.by_testid("notice").is_none());
    // "Discard and sign out" leaves the page for ZITADEL: the end-to-end suite
    // follows it.
    assert!(page.by_testid("sign-out").is_some());
}

/// A draft kept while the profile was changed elsewhere comes back as a conflict, not
/// typed over the new values; "Discard my changes" then shows the profile as the
/// server holds it now.
#[wasm_bindgen_test]
async fn a_draft_kept_over_a_change_made_meanwhile_comes_back_as_a_conflict() {
    let (page, config) = prefilled_form().await;
    page.type_into("nickName", "Countess").await;
    drop(page);
    let changed = serde_json::json!({"profile": {
        "firstName": "Ada", "lastName": "Lovelace", "nickName": "Enchantress",
        "displayName": "Ada Lovelace", "preferredLanguage": "en",
        "gender": "GENDER_FEMALE",
    }});
    support::dev("POST", "profile", Some(changed)).await;
    let page = Page::mount(&config);
    page.until("the conflict", |p| p.by_testid("conflict").is_some())
        .await;
    let chosen = |testid: &str| {
        page.by_testid(testid)
            .and_then(|label| label.query_selector("input").ok().flatten())
            .map(|input| {
                input
                    .unchecked_into::<web_sys::HtmlInputElement>()
                    .checked()
            })
    };
    assert_eq!(chosen("conflict-nickName-mine"), Some(false), "undecided");
    assert_eq!(chosen("conflict-nickName-theirs"), Some(false));
    assert_eq!(
        chosen("conflict-gender-theirs"),
        Some(true),
        "only changed there"
    );
    assert!(page.text("conflict-nickName").contains("Countess"));
    assert!(page.text("conflict-nickName").contains("Enchantress"));
    assert!(page.button("save-choices").is_connected());
    assert!(page.dirty(), "the edit is still unsaved");
    page.click("discard-draft").await;
    page.until("the form back, showing their values", |p| {
        p.by_testid("conflict").is_none() && p.value("nickName") == "Enchantress"
    })
    .await;
    assert_eq!(page.value("firstName"), "Ada");
    assert_eq!(page.value("gender"), "GENDER_FEMALE");
    assert!(!page.dirty());
}
