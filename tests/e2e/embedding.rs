//! The embedded element on a host page under a strict Content-Security-Policy.

use super::*;

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
    b.console_clean("the embedded element, signed in, saved, signed out")
        .await;
    b.close().await;
}
