//! Sessions over time and across tabs: refreshes, rotations two tabs share, ended sessions, and what a listener on the tabs' channel hears.

use super::*;

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
    b.save_until("the save", |n| n.starts_with("Saved")).await;
    let after = tokens().await;
    assert_ne!(
        before, after,
        "the rotated tokens are in this tab's sessionStorage"
    );
    // The old refresh token is spent: a reload only stays signed in on the new one.
    b.reload_loaded().await;
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
    b.save_until("the session notice", |n| n.contains("Sign in again"))
        .await;
    assert_eq!(
        b.value("nickName").await,
        "Countess",
        "typed text stays on screen"
    );
    b.testid("notice-action").await.click().await.unwrap();
    b.until_notice("the restored draft", |n| n.contains("restored"))
        .await;
    assert_eq!(b.value("nickName").await, "Countess");
    assert_eq!(b.value("lastName").await, "King");
    b.save_until("the save", |n| n.starts_with("Saved")).await;
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
    let shared = held_tokens(&b).await;
    // A duplicate leaves for another page of the origin, keeping its sessionStorage;
    // the first tab finds its access token about to expire and refreshes.
    let second = b.refresh_while_a_sharing_tab_is_away(&first).await;
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
/// M3: a page of the same origin that does not share the session listens on the
/// widget's channel while a tab of the session rotates, answers another tab's question
/// and signs out (the other tab follows: L5 across tabs). It hears every kind of
/// message, but no token, raw or encoded.
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
    // A second tab sharing the session leaves for another page of the origin; the
    // first refreshes (its access token is about to expire) and announces it.
    b.client.switch_to_window(first.clone()).await.unwrap();
    let second = b.refresh_while_a_sharing_tab_is_away(&first).await;
    let after = held_tokens(&b).await;
    assert_ne!(
        before["accessToken"], after["accessToken"],
        "a refresh happened"
    );
    // The second comes back, finds its token refreshed away, asks; the first answers.
    b.client.switch_to_window(second.clone()).await.unwrap();
    b.client.goto(&page_url()).await.unwrap();
    b.loaded().await;
    assert_eq!(held_tokens(&b).await["accessToken"], after["accessToken"]);
    // The first signs out; the second follows.
    b.client.switch_to_window(first).await.unwrap();
    let started = b.document_started().await;
    b.testid("sign-out").await.click().await.unwrap();
    b.back_on_a_new_page(started).await;
    b.client.switch_to_window(second).await.unwrap();
    b.until_notice("the second tab signed out", |n| {
        n.contains("signed out in another tab")
    })
    .await;
    assert_eq!(held_tokens(&b).await, Value::Null);
    b.client.switch_to_window(listener).await.unwrap();
    let heard = b
        .client
        .execute("return window.heard", vec![])
        .await
        .unwrap();
    let heard = heard.to_string();
    for kind in ["rotated", "ask", "signedOut"] {
        assert!(
            heard.contains(&format!("\\\"kind\\\":\\\"{kind}\\\"")),
            "the listener heard {kind}: {heard}"
        );
    }
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
/// M4: after the tokens died (a month without use), and the form found out and
/// dropped them, Sign out still ends ZITADEL's session: the next sign-in asks for the
/// password, which it would not while ZITADEL's session lived.
async fn m4_sign_out_after_the_session_ended_elsewhere_still_reaches_end_session() {
    let b = Browser::open().await;
    b.sign_in().await;
    b.lose_the_tokens_while_editing().await;
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
