//! Accessibility and layout: axe in every state, the keyboard alone, target sizes, zoom, forced colours, reduced motion, phones and desktops.

use super::*;

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
        b.until_notice("the save", |n| n.starts_with("Saved")).await;
        b.axe_clean(&format!("saved, {theme}")).await;
        // The session ends elsewhere; the next save finds out.
        dev("end-sessions", json!({}));
        b.type_into("nickName", "Enchantress").await;
        b.save_until("the ended session", |n| n.contains("ended"))
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
    b.until_notice("the save", |n| n.starts_with("Saved")).await;
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
