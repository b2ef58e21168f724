//! Changing the picture (the `picture` feature), on the page built with it
//! (`dist-picture/`, which `scripts/test` serves on its own origin): choose a file with
//! the browser's own file input, crop by keyboard, upload, see it, reload and still see
//! it, remove it after the question; axe on every new state.

use super::*;

fn picture_page() -> String {
    env("ZPF_E2E_PICTURE_PAGE", "http://127.0.0.1:18087/")
}

/// The header's picture: whether it is an `<img>`, its address and its natural width
/// once loaded (0 before).
async fn shown(b: &Browser) -> Value {
    b.client
        .execute(
            "const img = document.querySelector(\"[data-testid='avatar']\"); \
             return img ? [img.getAttribute('src'), img.complete ? img.naturalWidth : 0] : null",
            vec![],
        )
        .await
        .unwrap()
}

#[tokio::test]
#[ignore = "needs the stand-in and the page; run by scripts/test"]
async fn a_person_changes_and_removes_their_picture() {
    let b = Browser::open().await;
    b.sign_in_at(&picture_page()).await;
    b.until("the seeded picture", || async {
        shown(&b).await[1].as_u64() > Some(0)
    })
    .await;
    let input = b.testid("picture-file").await;
    input
        .send_keys(driving::photo().to_str().unwrap())
        .await
        .unwrap();
    b.until("the crop view", || async {
        b.client
            .execute("return document.activeElement?.dataset.testid", vec![])
            .await
            .ok()
            == Some(json!("picture-preview"))
    })
    .await;
    // Zoom in twice and move the picture, all by keyboard, on the focused preview.
    let preview = b.testid("picture-preview").await;
    let keys: String = ['+', '+', Key::Right.into()].into_iter().collect();
    preview.send_keys(&keys).await.unwrap();
    let zoom = || async {
        let script =
            "return document.querySelector(\"[data-testid='picture-zoom']\").valueAsNumber";
        b.client
            .execute(script, vec![])
            .await
            .unwrap()
            .as_f64()
            .unwrap()
    };
    b.until("zoomed twice by keyboard (1.1 × 1.1)", || async {
        (zoom().await - 1.21).abs() < 0.001
    })
    .await;
    b.axe_clean("the crop view").await;
    b.capture("picture-crop", Some(".zpf-picture")).await;

    b.testid("picture-upload").await.click().await.unwrap();
    b.until("the new picture", || async {
        let now = shown(&b).await;
        now[0].as_str().is_some_and(|s| s.contains("?v=")) && now[1] == json!(512)
    })
    .await;
    assert_eq!(b.notice().await, "Your picture was changed.");
    b.axe_clean("after the upload").await;

    // A reload shows the new picture, not one the browser kept.
    b.client.refresh().await.unwrap();
    b.loaded().await;
    b.until("the new picture after a reload", || async {
        shown(&b).await[1] == json!(512)
    })
    .await;

    b.testid("picture-remove").await.click().await.unwrap();
    b.testid("picture-remove-ask").await;
    b.axe_clean("the question before removing").await;
    b.testid("picture-remove-yes").await.click().await.unwrap();
    b.until("the initials", || async {
        b.client
            .find(Locator::Css("[data-testid='avatar-initials']"))
            .await
            .is_ok()
    })
    .await;
    assert_eq!(b.notice().await, "Your picture was removed.");
    // The button now shows the initials, and its name holds them (WCAG 2.5.3).
    b.axe_clean("the initials back on the picture's button")
        .await;
    b.client.refresh().await.unwrap();
    b.loaded().await;
    b.testid("avatar-initials").await;
    assert_eq!(
        shown(&b).await,
        Value::Null,
        "no picture after a reload either"
    );
    b.console_clean("the picture chosen, cropped, uploaded, removed")
        .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in and the page; run by scripts/test"]
async fn a_file_that_is_not_a_picture_is_said_at_the_picture() {
    let b = Browser::open().await;
    b.sign_in_at(&picture_page()).await;
    b.type_into("firstName", "Grace").await;
    let path = std::env::temp_dir().join("zpf-e2e-letter.txt");
    std::fs::write(&path, "Dear Ada,\n").unwrap();
    b.testid("picture-file")
        .await
        .send_keys(path.to_str().unwrap())
        .await
        .unwrap();
    b.until("the message", || async {
        b.notice().await == "This file is not a picture. Choose a JPEG, PNG, WebP or GIF image."
    })
    .await;
    assert_eq!(b.value("firstName").await, "Grace", "nothing typed is lost");
    b.axe_clean("a file that is not a picture").await;
    b.close().await;
}
