//! Languages: every one labels the form in its own words, and a saved preferred language is spoken at once.

use super::*;

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
    b.reload_loaded().await;
    b.until("Arabic after the reload", || async {
        html_lang().await == json!(["ar", "rtl"])
    })
    .await;
    b.close().await;
}
