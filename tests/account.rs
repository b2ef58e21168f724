//! The header says who is signed in: ZITADEL's avatar or else initials (named for
//! screen readers either way), the login name, and the email address with its
//! verification, all from the same `users/me` the form loads.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{config, signed_in, signed_in_as, Page, SECOND_USER_ID};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn avatar(page: &Page) -> Option<web_sys::HtmlImageElement> {
    page.by_testid("avatar").and_then(|e| e.dyn_into().ok())
}

/// The avatar is named after the person and points at ZITADEL's assets API. Whether
/// it shows is for the end-to-end suite: this test page is cross-origin isolated
/// (`Cross-Origin-Embedder-Policy`), so the browser refuses the image here and the
/// initials, named the same, take its place.
#[wasm_bindgen_test]
async fn a_user_with_an_avatar_gets_it_beside_a_verified_email() {
    let config = config(None);
    signed_in(&config).await;
    let page = Page::mount(&config);
    page.prefilled().await;
    match avatar(&page) {
        Some(image) => {
            assert!(
                image.src().ends_with("/users/243862081218773300/avatar"),
                "{}",
                image.src()
            );
            assert_eq!(image.alt(), "Ada Lovelace");
        }
        None => {
            let initials = page.by_testid("avatar-initials").expect("the initials");
            assert_eq!(
                initials.get_attribute("aria-label").as_deref(),
                Some("Ada Lovelace")
            );
        }
    }
    assert_eq!(page.text("email"), "ada@example.com · verified");
    assert!(page.text("account").contains("demo@"));
}

#[wasm_bindgen_test]
async fn without_an_avatar_the_initials_have_the_persons_name() {
    let config = config(None);
    signed_in_as(&config, "hedy", SECOND_USER_ID).await;
    let page = Page::mount(&config);
    page.until("Hedy's form", |p| {
        p.input("firstName").is_some_and(|i| i.value() == "Hedy")
    })
    .await;
    assert!(avatar(&page).is_none());
    let initials = page.by_testid("avatar-initials").expect("the initials");
    assert_eq!(initials.text_content().as_deref(), Some("HL"));
    assert_eq!(initials.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        initials.get_attribute("aria-label").as_deref(),
        Some("Hedy Lamarr")
    );
    assert_eq!(page.text("email"), "hedy@example.com · not verified");
}

// An avatar that cannot be loaded falls back to the initials: the end-to-end suite
// checks that in a fresh browser, since a document reuses an image it already tried.
