//! The picture (`picture` feature), in a real browser: images made here are decoded,
//! cropped, scaled and encoded by the browser's own APIs; uploads reach the stand-in
//! with their progress; and the form's picture flow is driven as a person would.
#![cfg(all(target_arch = "wasm32", feature = "picture"))]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::json;
use support::{config, dev, document, fault, ready_form, signed_in, until};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlInputElement};
use zitadel_profile_form::api::ApiClient;
use zitadel_profile_form::authorized::authorized;
use zitadel_profile_form::avatar::{Crop, PictureProblem, MAX_BYTES};
use zitadel_profile_form::i18n::Key;
use zitadel_profile_form::image::{decode, encode};

wasm_bindgen_test_configure!(run_in_browser);

/// A `width` × `height` canvas: a gradient, a disc, and noise (`noisy`) so that it
/// does not compress to nothing; transparent on its left half when `clear_left`.
fn canvas(width: u32, height: u32, noisy: bool, clear_left: bool) -> HtmlCanvasElement {
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let cx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let (w, h) = (f64::from(width), f64::from(height));
    let gradient = cx.create_linear_gradient(0.0, 0.0, w, h);
    gradient.add_color_stop(0.0, "#3b2fc9").unwrap();
    gradient.add_color_stop(1.0, "#3be8a0").unwrap();
    cx.set_fill_style_canvas_gradient(&gradient);
    cx.fill_rect(0.0, 0.0, w, h);
    cx.set_fill_style_str("#f0b429");
    cx.begin_path();
    cx.arc(w / 2.0, h / 2.0, h / 3.0, 0.0, 6.3).unwrap();
    cx.fill();
    if noisy {
        let mut seed = 7u32;
        for _ in 0..40_000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let (x, y) = (f64::from(seed % width), f64::from((seed >> 8) % height));
            cx.set_fill_style_str(["#000", "#fff", "#f00", "#0f0"][(seed >> 20) as usize % 4]);
            cx.fill_rect(x, y, 3.0, 3.0);
        }
    }
    if clear_left {
        cx.clear_rect(0.0, 0.0, w / 2.0, h);
    }
    canvas
}

async fn to_blob(canvas: &HtmlCanvasElement, kind: &str, quality: f64) -> Blob {
    zitadel_profile_form::image::to_blob(canvas, kind, quality)
        .await
        .expect("the browser encodes")
}

fn blob_of(text: &str, kind: &str) -> Blob {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    Blob::new_with_str_sequence_and_options(&parts, &options).unwrap()
}

/// The pixel at (x, y) of `blob` decoded: [r, g, b, a].
async fn pixel(blob: &Blob, x: f64, y: f64) -> Vec<u8> {
    let bitmap = decode(blob).await.unwrap();
    let canvas = canvas(bitmap.width(), bitmap.height(), false, false);
    let cx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    cx.clear_rect(
        0.0,
        0.0,
        f64::from(bitmap.width()),
        f64::from(bitmap.height()),
    );
    cx.draw_image_with_image_bitmap(&bitmap, 0.0, 0.0).unwrap();
    cx.get_image_data(x, y, 1.0, 1.0).unwrap().data().0
}

#[wasm_bindgen_test]
async fn a_4000_by_3000_jpeg_becomes_a_512_square_within_the_limit() {
    let photo = to_blob(&canvas(4000, 3000, true, false), "image/jpeg", 0.95).await;
    assert_eq!(photo.type_(), "image/jpeg");
    let bitmap = decode(&photo).await.expect("a JPEG decodes");
    assert_eq!((bitmap.width(), bitmap.height()), (4000, 3000));
    let crop = Crop::centered(4000.0, 3000.0).zoomed(1.5);
    let picture = encode(&bitmap, &crop, MAX_BYTES).await.expect("it fits");
    assert!(picture.size() <= MAX_BYTES, "{} bytes", picture.size());
    assert_eq!(
        picture.type_(),
        "image/webp",
        "both browsers here write WebP"
    );
    let result = decode(&picture).await.unwrap();
    assert_eq!((result.width(), result.height()), (512, 512));
    // The middle of the crop is the disc's colour (#f0b429), within lossy encoding.
    let middle = pixel(&picture, 256.0, 256.0).await;
    assert!(
        middle[0] > 200 && middle[1] > 140 && middle[2] < 110,
        "{middle:?}"
    );
}

#[wasm_bindgen_test]
async fn a_png_keeps_its_transparency_and_is_not_scaled_up() {
    let png = to_blob(&canvas(300, 200, false, true), "image/png", 1.0).await;
    let bitmap = decode(&png).await.unwrap();
    let crop = Crop::centered(300.0, 200.0);
    let picture = encode(&bitmap, &crop, MAX_BYTES).await.unwrap();
    let result = decode(&picture).await.unwrap();
    assert_eq!(
        (result.width(), result.height()),
        (200, 200),
        "a small picture stays small"
    );
    // The crop is x 50..250: its left quarter (x < 100 of the image) is transparent.
    assert_eq!(
        pixel(&picture, 10.0, 100.0).await[3],
        0,
        "transparent stays transparent"
    );
    assert_eq!(pixel(&picture, 190.0, 100.0).await[3], 255);
}

/// Makes this page's canvases answer as a browser that writes no WebP (Safari): PNG
/// for `image/webp`, as `toBlob` does for a type it cannot write. Dropping the guard
/// puts the browser's own `toBlob` back.
struct NoWebp(JsValue);

impl NoWebp {
    fn new() -> Self {
        let proto = js_sys::Reflect::get(&js_sys::global(), &"HTMLCanvasElement".into())
            .and_then(|class| js_sys::Reflect::get(&class, &"prototype".into()))
            .unwrap();
        let own = js_sys::Reflect::get(&proto, &"toBlob".into()).unwrap();
        let patched = js_sys::Function::new_with_args(
            "own",
            "return function (done, kind, quality) { \
               return own.call(this, done, kind === 'image/webp' ? 'image/png' : kind, quality); };",
        )
        .call1(&JsValue::NULL, &own)
        .unwrap();
        js_sys::Reflect::set(&proto, &"toBlob".into(), &patched).unwrap();
        Self(own)
    }
}

impl Drop for NoWebp {
    fn drop(&mut self) {
        let proto = js_sys::Reflect::get(&js_sys::global(), &"HTMLCanvasElement".into())
            .and_then(|class| js_sys::Reflect::get(&class, &"prototype".into()))
            .unwrap();
        js_sys::Reflect::set(&proto, &"toBlob".into(), &self.0).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_browser_that_writes_no_webp_gets_a_jpeg_on_white() {
    let png = to_blob(&canvas(300, 200, true, true), "image/png", 1.0).await;
    let bitmap = decode(&png).await.unwrap();
    let crop = Crop::centered(300.0, 200.0);
    let picture = {
        let _safari = NoWebp::new();
        assert_eq!(
            to_blob(&canvas(4, 4, false, false), "image/webp", 0.9)
                .await
                .type_(),
            "image/png",
            "the stand-in for a browser without WebP"
        );
        encode(&bitmap, &crop, MAX_BYTES).await.expect("it fits")
    };
    assert_eq!(picture.type_(), "image/jpeg");
    assert!(picture.size() <= MAX_BYTES, "{} bytes", picture.size());
    // JPEG has no transparency: the transparent quarter is white, not black.
    let corner = pixel(&picture, 10.0, 100.0).await;
    assert!(corner.iter().take(3).all(|&c| c > 240), "{corner:?}");
    assert_eq!(corner[3], 255);
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_an_image_or_cannot_be_decoded_is_named() {
    let text = blob_of("hello, not a picture", "text/plain");
    assert_eq!(decode(&text).await.err(), Some(PictureProblem::NotAnImage));
    let heic = blob_of("\0\0\0\x18ftypheic not really", "image/heic");
    assert_eq!(decode(&heic).await.err(), Some(PictureProblem::Unreadable));
    let untyped = blob_of("no type at all", "");
    assert_eq!(
        decode(&untyped).await.err(),
        Some(PictureProblem::Unreadable)
    );
}

#[wasm_bindgen_test]
async fn a_picture_still_too_big_at_the_lowest_quality_is_refused() {
    let photo = to_blob(&canvas(1024, 1024, true, false), "image/png", 1.0).await;
    let bitmap = decode(&photo).await.unwrap();
    let crop = Crop::centered(1024.0, 1024.0);
    let refused = encode(&bitmap, &crop, 2_000.0).await;
    assert_eq!(refused.err(), Some(PictureProblem::TooBig));
    assert!(
        encode(&bitmap, &crop, MAX_BYTES).await.is_ok(),
        "the real limit fits"
    );
}

/// Uploads `picture` as the signed-in user, recording the progress reported.
async fn upload(
    config: &zitadel_profile_form::Config,
    picture: &Blob,
) -> (
    Result<String, zitadel_profile_form::authorized::CallError>,
    Vec<f64>,
) {
    let shares = Rc::new(RefCell::new(Vec::new()));
    let seen = shares.clone();
    let progress: zitadel_profile_form::http::Progress =
        Rc::new(move |s| seen.borrow_mut().push(s));
    let started: zitadel_profile_form::http::Started = Rc::new(|_| {});
    let result = authorized(config, |c: ApiClient| {
        let (picture, progress, started) = (picture.clone(), progress.clone(), started.clone());
        async move { c.upload_avatar(&picture, progress, started).await }
    })
    .await;
    let shares = shares.borrow().clone();
    (result, shares)
}

#[wasm_bindgen_test]
async fn an_upload_reports_its_progress_and_the_picture_is_served() {
    let config = config(None);
    signed_in(&config).await;
    let photo = to_blob(&canvas(800, 800, true, false), "image/png", 1.0).await;
    let bitmap = decode(&photo).await.unwrap();
    let picture = encode(&bitmap, &Crop::centered(800.0, 800.0), MAX_BYTES)
        .await
        .unwrap();
    let (result, shares) = upload(&config, &picture).await;
    assert_eq!(result, Ok(String::new()), "200 with an empty body");
    assert_eq!(shares.last(), Some(&1.0), "{shares:?}");
    let me = authorized(&config, |c: ApiClient| async move { c.me().await })
        .await
        .unwrap();
    let url = me.user.human.unwrap().profile.avatar_url;
    // (Whether it shows is the end-to-end suite's to see: this page is cross-origin
    // isolated, so it may not load images from the stand-in.)
    assert!(url.contains("/assets/v1/"), "{url}");
}

#[wasm_bindgen_test]
async fn an_upload_after_a_401_goes_through_the_one_refresh() {
    let config = config(None);
    signed_in(&config).await;
    // Twelve hours on the stand-in's clock: the access token is dead, the refresh token lives.
    dev("POST", "clock", Some(json!({"advanceSeconds": 43_201}))).await;
    let photo = to_blob(&canvas(64, 64, false, false), "image/png", 1.0).await;
    let (result, _) = upload(&config, &photo).await;
    assert_eq!(result, Ok(String::new()));
}

#[wasm_bindgen_test]
async fn zitadels_plain_text_refusal_is_told_in_words() {
    let config = config(None);
    signed_in(&config).await;
    let (result, _) = upload(
        &config,
        &blob_of("<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
    )
    .await;
    let problem = PictureProblem::from_call(result.unwrap_err());
    assert_eq!(
        problem,
        PictureProblem::NotAnImage,
        "SVG sniffs as text/xml"
    );
}

/// Puts `file` in the form's file input, as the picker does.
fn choose(page: &support::Page, file: &Blob, name: &str) {
    let transfer = web_sys::DataTransfer::new().unwrap();
    let options = web_sys::FilePropertyBag::new();
    options.set_type(&file.type_());
    let file = web_sys::File::new_with_blob_sequence_and_options(
        &js_sys::Array::of1(file),
        name,
        &options,
    )
    .unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: HtmlInputElement = page.by_testid("picture-file").unwrap().unchecked_into();
    input.set_files(transfer.files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

fn key(page: &support::Page, testid: &str, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    page.by_testid(testid)
        .unwrap()
        .dispatch_event(&event)
        .unwrap();
}

/// Waits until the form's notice says `key`'s text.
async fn notice_is(page: &support::Page, key: Key) {
    page.until(key.name(), |p| p.text("notice") == key.text())
        .await;
}

fn zoom(page: &support::Page) -> f64 {
    let slider: HtmlInputElement = page.by_testid("picture-zoom").unwrap().unchecked_into();
    slider.value_as_number()
}

/// Records the `detail.avatarUrl` of each `profile-avatar-changed` the form sends.
fn avatar_events(page: &support::Page) -> Rc<RefCell<Vec<JsValue>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let store = seen.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::CustomEvent)>::new(
        move |e: web_sys::CustomEvent| {
            store
                .borrow_mut()
                .push(js_sys::Reflect::get(&e.detail(), &"avatarUrl".into()).unwrap());
        },
    );
    page.host
        .add_event_listener_with_callback(
            "profile-avatar-changed",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    listener.forget();
    seen
}

#[wasm_bindgen_test]
async fn a_person_chooses_crops_by_keyboard_uploads_and_removes_their_picture() {
    let (page, _) = ready_form().await;
    let events = avatar_events(&page);
    page.type_into("nickName", "kept while the picture changes")
        .await;
    let photo = to_blob(&canvas(1200, 800, false, false), "image/jpeg", 0.9).await;
    choose(&page, &photo, "photo.jpg");
    page.until("the crop view", |p| {
        p.by_testid("picture-preview").is_some()
    })
    .await;
    let focused = document()
        .active_element()
        .and_then(|e| e.get_attribute("data-testid"));
    assert_eq!(
        focused.as_deref(),
        Some("picture-preview"),
        "focus moves to the crop"
    );
    key(&page, "picture-preview", "+");
    page.until("zoomed by keyboard", |p| zoom(p) > 1.05).await;
    key(&page, "picture-preview", "-");
    page.until("zoomed out again", |p| zoom(p) == 1.0).await;
    page.click("picture-upload").await;
    // (The header's <img> cannot load here: this page is cross-origin isolated. The
    // end-to-end suite sees it.)
    notice_is(&page, Key::PictureChanged).await;
    assert!(
        page.by_testid("picture-crop").is_none(),
        "the crop view closed"
    );
    until("the event", || events.borrow().len() == 1).await;
    assert!(events.borrow()[0]
        .as_string()
        .is_some_and(|u| u.contains("/assets/v1/") && !u.contains("?v=")));
    assert_eq!(page.value("nickName"), "kept while the picture changes");

    page.click("picture-remove").await;
    page.until("the question", |p| {
        p.by_testid("picture-remove-ask").is_some()
    })
    .await;
    page.click("picture-remove-yes").await;
    notice_is(&page, Key::PictureRemoved).await;
    assert!(
        page.by_testid("avatar-initials").is_some(),
        "the initials are back"
    );
    assert!(page.by_testid("avatar").is_none());
    until("the second event", || events.borrow().len() == 2).await;
    assert!(events.borrow()[1].is_null(), "removed: avatarUrl is null");
    assert!(
        page.by_testid("picture-remove").is_none(),
        "nothing left to remove"
    );
    assert_eq!(page.value("nickName"), "kept while the picture changes");
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_a_picture_is_said_at_the_picture_and_nothing_is_lost() {
    let (page, _) = ready_form().await;
    page.type_into("firstName", "Grace").await;
    choose(&page, &blob_of("a letter", "text/plain"), "letter.txt");
    notice_is(&page, Key::PictureNotAnImage).await;
    assert!(page.by_testid("picture-crop").is_none());
    assert_eq!(page.value("firstName"), "Grace");
}

#[wasm_bindgen_test]
async fn a_busy_server_leaves_the_crop_open_to_try_again() {
    let (page, _) = ready_form().await;
    let photo = to_blob(&canvas(300, 300, false, false), "image/png", 1.0).await;
    choose(&page, &photo, "photo.png");
    page.until("the crop view", |p| p.by_testid("picture-upload").is_some())
        .await;
    fault(json!({"status": 429, "body": "", "pathPrefix": "/assets/v1/users/me/avatar"})).await;
    page.click("picture-upload").await;
    notice_is(&page, Key::RateLimited).await;
    assert!(
        page.by_testid("picture-upload").is_some(),
        "the crop stays, to try again"
    );
    page.click("picture-upload").await;
    notice_is(&page, Key::PictureChanged).await;
}

#[wasm_bindgen_test]
async fn a_cancelled_upload_goes_back_to_the_crop_and_changes_nothing() {
    let (page, config) = ready_form().await;
    let sequence = || async {
        let me = authorized(&config, |c: ApiClient| async move { c.me().await })
            .await
            .unwrap();
        me.user.details.sequence
    };
    let before = sequence().await;
    let photo = to_blob(&canvas(300, 300, false, false), "image/png", 1.0).await;
    choose(&page, &photo, "photo.png");
    page.until("the crop view", |p| p.by_testid("picture-upload").is_some())
        .await;
    fault(json!({"status": 200, "body": "", "delayMs": 3000, "pathPrefix": "/assets/v1/users/me/avatar"})).await;
    page.click("picture-upload").await;
    page.until("the progress", |p| {
        p.by_testid("picture-progress").is_some()
    })
    .await;
    page.click("picture-cancel").await;
    page.until("the crop again", |p| {
        p.by_testid("picture-progress").is_none()
    })
    .await;
    assert!(page.by_testid("picture-upload").is_some());
    support::pause(std::time::Duration::from_millis(3200)).await;
    assert_eq!(sequence().await, before, "nothing was stored");
    page.click("picture-cancel").await;
    page.until("the crop closed", |p| p.by_testid("picture-crop").is_none())
        .await;
    let focused = || {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-testid"))
    };
    until("focus back on the picture's button", || {
        focused().as_deref() == Some("picture")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_20_megapixel_photo_fits_without_complaint() {
    let photo = to_blob(&canvas(5472, 3648, true, false), "image/jpeg", 0.92).await;
    let bitmap = decode(&photo).await.expect("a 20-megapixel JPEG decodes");
    let picture = encode(&bitmap, &Crop::centered(5472.0, 3648.0), MAX_BYTES)
        .await
        .expect("it fits");
    assert!(picture.size() <= MAX_BYTES, "{} bytes", picture.size());
    bitmap.close();
}

/// The preview's pixel at (x, y) of its canvas.
fn preview_pixel(page: &support::Page, x: f64, y: f64) -> Vec<u8> {
    let canvas: HtmlCanvasElement = page.by_testid("picture-preview").unwrap().unchecked_into();
    let cx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    cx.get_image_data(x, y, 1.0, 1.0).unwrap().data().0
}

fn pointer(page: &support::Page, kind: &str, x: i32) {
    pointer_with_id(page, kind, 7, x);
}

fn pointer_with_id(page: &support::Page, kind: &str, id: i32, x: i32) {
    let init = web_sys::PointerEventInit::new();
    init.set_pointer_id(id);
    init.set_client_x(x);
    init.set_client_y(100);
    init.set_bubbles(true);
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    page.by_testid("picture-preview")
        .unwrap()
        .dispatch_event(&event)
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_dropped_file_is_taken_and_a_drag_moves_the_picture() {
    let (page, _) = ready_form().await;
    // Left half gradient-blue, right half the disc's yellow: a drag shows.
    let photo = to_blob(&canvas(1200, 600, false, false), "image/png", 1.0).await;
    let transfer = web_sys::DataTransfer::new().unwrap();
    let file =
        web_sys::File::new_with_blob_sequence(&js_sys::Array::of1(&photo), "dropped.png").unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let init = web_sys::DragEventInit::new();
    init.set_data_transfer(Some(&transfer));
    init.set_bubbles(true);
    init.set_cancelable(true);
    let drop = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    page.by_testid("picture")
        .unwrap()
        .dispatch_event(&drop)
        .unwrap();
    assert!(
        drop.default_prevented(),
        "the browser does not open the file itself"
    );
    page.until("the crop view", |p| {
        p.by_testid("picture-preview").is_some()
    })
    .await;
    support::pause(std::time::Duration::from_millis(50)).await;
    // The square starts in the middle (x 300..900): the disc (x 400..800) fills its centre.
    let before = preview_pixel(&page, 240.0, 240.0);
    assert!(before[0] > 200 && before[2] < 110, "the disc: {before:?}");
    // Dragging the picture right by the whole preview shows the image's left part.
    pointer(&page, "pointerdown", 0);
    pointer(&page, "pointermove", 400);
    pointer(&page, "pointerup", 400);
    page.until("the picture moved", |p| {
        preview_pixel(p, 10.0, 240.0)[2] > 120
    })
    .await;
}

/// The wheel over the preview zooms (and does not scroll the page); two pointers
/// pinch: apart is closer, together is farther; lifted, they do nothing more.
#[wasm_bindgen_test]
async fn a_wheel_and_a_pinch_zoom_the_picture() {
    let (page, _) = ready_form().await;
    let photo = to_blob(&canvas(1200, 600, false, false), "image/png", 1.0).await;
    choose(&page, &photo, "photo.png");
    page.until("the crop view", |p| {
        p.by_testid("picture-preview").is_some()
    })
    .await;
    let wheel = |delta: f64| {
        let init = web_sys::WheelEventInit::new();
        init.set_delta_y(delta);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).unwrap();
        page.by_testid("picture-preview")
            .unwrap()
            .dispatch_event(&event)
            .unwrap();
        event.default_prevented()
    };
    assert!(wheel(-100.0), "the page does not scroll");
    page.until("a notch closer", |p| (zoom(p) - 1.25).abs() < 1e-9)
        .await;
    wheel(100.0);
    page.until("a notch farther, not below the whole picture", |p| {
        zoom(p) == 1.0
    })
    .await;
    // Two fingers 100 px apart move to 200 px apart: twice as close.
    pointer_with_id(&page, "pointerdown", 1, 100);
    pointer_with_id(&page, "pointerdown", 2, 200);
    pointer_with_id(&page, "pointermove", 2, 300);
    page.until("the pinch", |p| (zoom(p) - 2.0).abs() < 1e-9)
        .await;
    // Back together by a quarter of the way: a little farther.
    pointer_with_id(&page, "pointermove", 1, 150);
    page.until("the pinch back", |p| (zoom(p) - 1.5).abs() < 1e-9)
        .await;
    pointer_with_id(&page, "pointerup", 1, 150);
    pointer_with_id(&page, "pointercancel", 2, 300);
    pointer_with_id(&page, "pointermove", 2, 600);
    support::pause(std::time::Duration::from_millis(50)).await;
    assert_eq!(zoom(&page), 1.5, "no pointer left on the preview");
}
