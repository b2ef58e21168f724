//! Trust boundaries as a person meets them: callbacks that are not this form's (stray,
//! stale, forged, the host's own, another form's), a new sign-in that carries nothing
//! of the last session, and a sign-out in another tab that takes this tab's draft too.

use super::*;

/// A state shaped like the ones the widget draws (43 base64url characters) that no
/// sign-in of this browser started.
const STALE_STATE: &str = "s7aLeSTATEs7aLeSTATEs7aLeSTATEs7aLeSTATEs7a";

/// The query of the page the browser shows now.
async fn query(b: &Browser) -> Option<String> {
    let url = b.client.current_url().await.unwrap();
    url.query().map(str::to_owned)
}

/// The keys of this tab's sessionStorage that hold `slot` (`tokens`, `spent`, `draft`).
async fn stored(b: &Browser, slot: &str) -> usize {
    let keys = b.storage("sessionStorage").await;
    keys.as_array()
        .unwrap()
        .iter()
        .filter(|k| {
            k.as_str()
                .unwrap_or_default()
                .contains(&format!(":{slot}:"))
        })
        .count()
}

/// A stray, stale or forged callback signs nobody in, and the page says exactly that:
/// nothing about other tabs, which it cannot know. A state the widget could have drawn
/// leaves the address; anything else may be the host's own, and stays.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_stray_callback_is_explained_truthfully() {
    let b = Browser::open().await;
    for (query_in, query_after) in [
        (
            "tab=profile&code=abc&state=forged",
            "tab=profile&code=abc&state=forged",
        ),
        (
            &*format!("tab=profile&code=abc&state={STALE_STATE}"),
            "tab=profile",
        ),
        (&*format!("state={STALE_STATE}&error=access_denied"), ""),
    ] {
        b.client
            .goto(&format!("{}?{query_in}", page_url()))
            .await
            .unwrap();
        b.until("the explanation", || async {
            b.notice()
                .await
                .starts_with("Nothing was signed in with this link")
        })
        .await;
        let notice = b.notice().await;
        assert!(!notice.contains("another tab"), "{notice}");
        b.testid("sign-in").await;
        assert_eq!(query(&b).await.unwrap_or_default(), query_after);
        b.axe_clean("a stray callback explained").await;
    }
    b.close().await;
}

/// S4, S6: a tab that holds a session and is opened with a stray callback keeps its
/// session and shows the profile; a stale callback of the widget leaves the address,
/// the host's own `code` and `state` stay in it.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn s4_a_stray_callback_never_hides_the_session_this_tab_holds() {
    let b = Browser::open().await;
    b.sign_in().await;
    for (query_in, query_after) in [
        (&*format!("code=x&state={STALE_STATE}"), None),
        ("code=94105&state=CA", Some("code=94105&state=CA")),
    ] {
        b.client
            .goto(&format!("{}?{query_in}", page_url()))
            .await
            .unwrap();
        b.loaded().await;
        assert_eq!(b.value("firstName").await, "Ada");
        assert_eq!(b.notice().await, "", "no notice for {query_in}");
        assert_eq!(query(&b).await.as_deref(), query_after);
    }
    b.close().await;
}

/// S4: a new sign-in starts a session of its own: the refresh tokens the last one
/// spent in this tab are not kept for it (they could answer for the old session).
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn s4_a_new_sign_in_keeps_nothing_of_the_last_session() {
    let b = Browser::open().await;
    b.sign_in().await;
    // The access token is about to expire: the reload refreshes, and remembers the
    // refresh token it spent.
    b.reload_with_an_expiring_token().await;
    assert_eq!(stored(&b, "spent").await, 1, "a refresh happened");
    // The tokens go (but not what they spent), and the person signs in again.
    b.client
        .execute(
            "Object.keys(sessionStorage).filter(k => k.includes(':tokens:'))\
             .forEach(k => sessionStorage.removeItem(k));",
            vec![],
        )
        .await
        .unwrap();
    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await.click().await.unwrap();
    // ZITADEL's session still lives: the sign-in comes straight back.
    b.loaded().await;
    assert_eq!(stored(&b, "tokens").await, 1);
    assert_eq!(
        stored(&b, "spent").await,
        0,
        "nothing spent in this session"
    );
    b.close().await;
}

/// S5 and L5 across tabs: a sign-out in one tab signs the other out too, and takes
/// its unsaved edits with it, from the screen and from storage, so they do not come
/// back at the next sign-in.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn s5_a_sign_out_in_another_tab_takes_this_tabs_draft_too() {
    let b = Browser::open().await;
    b.sign_in().await;
    let first = b.client.window().await.unwrap();
    let second = b.open_sharing_tab(&first).await;
    b.type_into("nickName", "Countess").await;
    b.until("the kept draft", || async {
        stored(&b, "draft").await == 1
    })
    .await;
    b.client.switch_to_window(first).await.unwrap();
    let started = b.document_started().await;
    b.testid("sign-out").await.click().await.unwrap();
    b.back_on_a_new_page(started).await;
    b.client.switch_to_window(second).await.unwrap();
    b.until_notice("the sign-out heard", |n| {
        n.contains("signed out in another tab")
    })
    .await;
    assert!(
        b.notice().await.contains("discarded"),
        "{}",
        b.notice().await
    );
    assert_eq!(
        stored(&b, "draft").await,
        0,
        "the draft is gone from storage"
    );
    assert_eq!(stored(&b, "tokens").await, 0);
    assert!(
        !leaving_asks(&b).await,
        "nothing unsaved is left to ask about"
    );
    b.testid("sign-in").await.click().await.unwrap();
    b.log_in_as_demo().await;
    b.loaded().await;
    b.nothing_restored().await;
    b.close().await;
}

/// S6: two forms of two applications on one page; each finishes only the sign-in it
/// started, whichever comes back, and neither explains the other's callback away.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn s6_two_forms_on_one_page_each_finish_their_own_sign_in() {
    let b = Browser::open().await;
    let page = format!("{}embed/two.html", page_url());
    b.client.goto(&page).await.unwrap();
    for slot in ["first", "second"] {
        b.until(&format!("the {slot} form's sign-in"), || async {
            showing(&b, slot).await == json!("sign-in")
        })
        .await;
    }
    in_form(
        &b,
        "second",
        "root.querySelector(\"[data-testid='sign-in']\").click()",
    )
    .await;
    b.log_in_as_demo().await;
    b.until("the second form signed in", || async {
        showing(&b, "second").await == json!("signed-in Ada")
    })
    .await;
    assert_eq!(showing(&b, "first").await, json!("sign-in"));
    assert_eq!(query(&b).await, None, "the callback left the address");
    // ZITADEL's session lives: the first form's sign-in comes straight back, and the
    // second keeps its own.
    in_form(
        &b,
        "first",
        "root.querySelector(\"[data-testid='sign-in']\").click()",
    )
    .await;
    b.until("the first form signed in", || async {
        showing(&b, "first").await == json!("signed-in Ada")
    })
    .await;
    assert_eq!(showing(&b, "second").await, json!("signed-in Ada"));
    assert_eq!(
        driving::page_server_reports(&page_url()),
        json!({"csp": [], "failed": []}),
        "reported to the page server"
    );
    b.console_clean("two forms on one page, both signed in")
        .await;
    b.close().await;
}
