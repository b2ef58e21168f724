//! Signing in and out: the whole journey, callbacks that are stray, forged or spent, what the callback costs, and who the header says is signed in.

use super::*;

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
    b.save_until("the save", |n| n.starts_with("Saved")).await;

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
/// L2: a forged callback while a sign-in is pending is refused, and spoils nothing:
/// the real callback still signs in.
async fn l2_a_forged_callback_leaves_the_pending_sign_in_alone() {
    let b = Browser::open().await;
    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await.click().await.unwrap();
    b.find("#password").await;
    let login = b.client.current_url().await.unwrap();
    // A state of the widget's shape that this sign-in did not draw.
    let forged = "f".repeat(43);
    b.client
        .goto(&format!("{}?code=stolen&state={forged}", page_url()))
        .await
        .unwrap();
    b.until_notice("the explanation", |n| {
        n.starts_with("Nothing was signed in")
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
        b.until_notice("the explanation", |n| {
            n.contains("already used or has expired")
        })
        .await;
        let notice = b.notice().await;
        assert!(!notice.contains("Errors."), "{code}: {notice}");
        assert!(!notice.contains("invalid_request"), "{code}: {notice}");
        b.testid("sign-in").await;
    }
    b.close().await;
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
    // N4: the image request tells ZITADEL nothing of the page it is on; and it is
    // sized before any stylesheet applies.
    let image = b
        .client
        .execute(
            "const img = document.querySelector(\"[data-testid='avatar']\"); \
             return [img.referrerPolicy, img.getAttribute('width'), img.getAttribute('height')]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(image, json!(["no-referrer", "40", "40"]));
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
    b.reload_loaded().await;
    assert_eq!(requests_to_zitadel(&b).await, ["/auth/v1/users/me"]);
    // The preloads are the downloads: each file of the page's bundle comes once (its
    // names: `loading::the_page_loads_content_named_files_a_browser_may_keep`).
    let bundle = b
        .client
        .execute(
            "return performance.getEntriesByType('resource') \
               .map(e => new URL(e.name).pathname) \
               .filter(p => p.startsWith('/page/'));",
            vec![],
        )
        .await
        .unwrap();
    let bundle: Vec<String> = serde_json::from_value(bundle).unwrap();
    let mut once = bundle.clone();
    once.dedup();
    assert_eq!(bundle, once, "each file once");
    assert!(bundle.iter().any(|p| p.ends_with(".wasm")), "{bundle:?}");
    b.close().await;
}
