//! The profile picture: shown from the assets API, uploaded there (Go's `net/http`:
//! multipart, the type sniffed, errors in plain text), removed through the Auth API.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::Value;
use zitadel_dev::config::SECOND_USER;

use crate::harness::{field, minted_for, Harness, Reply, ISSUER};

/// One seeded user has an avatar on the assets API, named in `users/me` as
/// `human.profile.avatarUrl`; the other has none (the key absent, as protojson leaves
/// out an empty string) and her avatar's address answers 404.
#[tokio::test]
async fn the_demo_user_has_an_avatar_on_the_assets_api_and_the_second_none() {
    let h = Harness::new();
    let me = h.me(&h.api_token()).await.json();
    let url = me["user"]["human"]["profile"]["avatarUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = url.strip_prefix(ISSUER).expect("on the instance's origin");
    assert!(path.starts_with("/assets/v1/"), "{path}");
    let avatar = h.api(Method::GET, path, None, None).await;
    assert_eq!(avatar.status, StatusCode::OK);
    assert_eq!(avatar.headers["content-type"], "image/svg+xml");
    let hedy = minted_for(&h, SECOND_USER).await;
    let her = h.me(field(&hedy, "access_token")).await.json();
    assert!(her["user"]["human"]["profile"].get("avatarUrl").is_none());
    assert!(
        her["user"]["human"]["email"]
            .get("isEmailVerified")
            .is_none(),
        "not verified"
    );
    let id = her["user"]["id"].as_str().unwrap();
    let none = path.replace(zitadel_dev::config::DEMO_USER_ID, id);
    assert_eq!(
        h.api(Method::GET, &none, None, None).await.status,
        StatusCode::NOT_FOUND
    );
}

/// N10: the avatar's SVG holds the initials as text, escaped: a name starting with
/// markup stays a name.
#[tokio::test]
async fn the_avatar_escapes_the_initials_it_shows() {
    let h = Harness::new();
    let token = h.api_token();
    let mut profile = crate::harness::valid_profile();
    profile["firstName"] = "<script>".into();
    profile["lastName"] = "&amp".into();
    let saved = h.put_profile(&token, profile).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text());
    let me = h.me(&token).await.json();
    let url = me["user"]["human"]["profile"]["avatarUrl"]
        .as_str()
        .unwrap();
    let path = url.strip_prefix(ISSUER).unwrap().to_owned();
    let svg = h.api(Method::GET, &path, None, None).await.text();
    assert!(svg.contains("<title>&lt;&amp;</title>"), "{svg}");
    assert_eq!(svg.matches('<').count(), svg.matches('>').count(), "{svg}");
}

/// A `multipart/form-data` body with one part per `(name, file name, bytes)`.
fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "zpf-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let file = file.map_or(String::new(), |f| format!("; filename=\"{f}\""));
        body.extend_from_slice(
            format!("Content-Disposition: form-data; name=\"{name}\"{file}\r\n").as_bytes(),
        );
        // The part's own type is whatever the client says; the server sniffs.
        body.extend_from_slice(b"Content-Type: image/png\r\n\r\n");
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

const UPLOAD: &str = "/assets/v1/users/me/avatar";
const PNG: &[u8] = b"\x89PNG\x0D\x0A\x1A\x0A\x00\x00\x00\x0DIHDR";

async fn upload(h: &Harness, token: Option<&str>, content_type: &str, body: Vec<u8>) -> Reply {
    let mut request = Request::post(UPLOAD).header(header::CONTENT_TYPE, content_type);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    h.send(request.body(Body::from(body)).unwrap()).await
}

async fn upload_file(h: &Harness, token: &str, bytes: &[u8]) -> Reply {
    let (content_type, body) = multipart(&[("file", Some("me.png"), bytes)]);
    upload(h, Some(token), &content_type, body).await
}

/// Go's `http.Error`: `text/plain`, not to be sniffed, the text and a line break.
fn assert_go_error(reply: &Reply, status: StatusCode, text: &str) {
    assert_eq!(reply.status, status, "{}", reply.text());
    assert_eq!(
        reply.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(reply.text(), format!("{text}\n"));
}

/// An upload is 200 with an empty body; the sequence moves; `avatarUrl` serves the
/// bytes with the type sniffed from them, whatever the part said.
#[tokio::test]
async fn an_uploaded_picture_is_served_with_its_sniffed_type() {
    let h = Harness::new();
    let token = h.api_token();
    let before = h.me(&token).await.json();
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
    let reply = upload_file(&h, &token, gif).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.text(), "");
    let after = h.me(&token).await.json();
    let sequence = |me: &Value| {
        me["user"]["details"]["sequence"]
            .as_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
    };
    assert!(sequence(&after) > sequence(&before));
    let url = after["user"]["human"]["profile"]["avatarUrl"]
        .as_str()
        .unwrap();
    let picture = h
        .api(Method::GET, url.strip_prefix(ISSUER).unwrap(), None, None)
        .await;
    assert_eq!(picture.status, StatusCode::OK);
    assert_eq!(picture.header("content-type"), Some("image/gif"));
    assert_eq!(picture.text().as_bytes(), gif);
}

/// What is not an image by its bytes is refused with the sniffed type, an SVG
/// included (XML or text to Go's sniffer); over 512 KiB is refused too.
#[tokio::test]
async fn not_an_image_or_too_big_is_a_plain_400() {
    let h = Harness::new();
    let token = h.api_token();
    for (bytes, sniffed) in [
        (
            &b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"[..],
            "text/xml; charset=utf-8",
        ),
        (
            &b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"[..],
            "text/plain; charset=utf-8",
        ),
        (&b"%PDF-1.7"[..], "application/pdf"),
        (
            &b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"[..],
            "application/octet-stream",
        ),
    ] {
        let reply = upload_file(&h, &token, bytes).await;
        assert_go_error(
            &reply,
            StatusCode::BAD_REQUEST,
            &format!("invalid content-type: {sniffed}"),
        );
    }
    let mut big = PNG.to_vec();
    big.resize(zitadel_dev::avatar::MAX_AVATAR_BYTES, 0);
    assert_eq!(
        upload_file(&h, &token, &big).await.status,
        StatusCode::OK,
        "512 KiB exactly"
    );
    big.push(0);
    let reply = upload_file(&h, &token, &big).await;
    assert_go_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "file too big, max file size is 512KB",
    );
}

/// The form must be multipart with a file part named `file` (Go's `FormFile`).
#[tokio::test]
async fn the_picture_must_be_the_file_part_named_file() {
    let h = Harness::new();
    let token = h.api_token();
    let (content_type, body) = multipart(&[("picture", Some("me.png"), PNG)]);
    let reply = upload(&h, Some(&token), &content_type, body).await;
    assert_go_error(&reply, StatusCode::BAD_REQUEST, "http: no such file");
    let (content_type, body) = multipart(&[("file", None, PNG)]);
    let reply = upload(&h, Some(&token), &content_type, body).await;
    assert_go_error(&reply, StatusCode::BAD_REQUEST, "http: no such file");
    let reply = upload(&h, Some(&token), "image/png", PNG.to_vec()).await;
    assert_go_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "request Content-Type isn't multipart/form-data",
    );
    let (content_type, body) = multipart(&[("note", None, b"hi"), ("file", Some("me.png"), PNG)]);
    assert_eq!(
        upload(&h, Some(&token), &content_type, body).await.status,
        StatusCode::OK
    );
}

/// The assets API answers a refused token 401 in plain text, before it reads the form.
#[tokio::test]
async fn a_refused_token_is_a_plain_401() {
    let h = Harness::new();
    let (content_type, body) = multipart(&[("file", Some("me.png"), PNG)]);
    let reply = upload(&h, None, &content_type, body.clone()).await;
    assert_go_error(&reply, StatusCode::UNAUTHORIZED, "auth header missing");
    let reply = upload(&h, Some("not-a-token"), &content_type, body).await;
    assert_go_error(
        &reply,
        StatusCode::UNAUTHORIZED,
        "ID=AUTH-7fs1e Message=Errors.Token.Invalid",
    );
}

/// The upload takes the Auth API's CORS: a preflight from an allowed origin for POST
/// with `authorization` passes.
#[tokio::test]
async fn the_upload_answers_preflights_as_the_auth_api() {
    let h = Harness::new();
    let request = Request::builder()
        .method(Method::OPTIONS)
        .uri(UPLOAD)
        .header(header::ORIGIN, "http://127.0.0.1:8081")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "authorization")
        .body(Body::empty())
        .unwrap();
    let reply = h.send(request).await;
    assert!(reply.status.is_success(), "{:?}", reply.status);
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("http://127.0.0.1:8081")
    );
    assert_eq!(reply.header("access-control-allow-methods"), Some("POST"));
}

/// The stored picture is served by the assets API too, whose whole router sits
/// behind ZITADEL's CORS interceptor: a `GET` from a page's origin is answered with
/// the Auth API's headers, and a preflight for it passes.
#[tokio::test]
async fn a_stored_picture_answers_with_the_auth_apis_cors() {
    let h = Harness::new();
    let page = "http://127.0.0.1:8081";
    // The Auth API's answer to the same origin (a 401 carries its CORS headers too).
    let auth_api = h
        .api_with(
            Method::GET,
            "/auth/v1/users/me",
            None,
            None,
            &[("origin", page)],
        )
        .await;
    let exposed = auth_api.header("access-control-expose-headers");
    assert!(exposed.is_some(), "the Auth API exposes headers");
    let me = h.me(&h.api_token()).await.json();
    let url = me["user"]["human"]["profile"]["avatarUrl"]
        .as_str()
        .unwrap();
    let path = url.strip_prefix(ISSUER).unwrap().to_owned();
    let picture = h
        .api_with(Method::GET, &path, None, None, &[("origin", page)])
        .await;
    assert_eq!(picture.status, StatusCode::OK);
    assert_eq!(picture.header("access-control-allow-origin"), Some(page));
    assert_eq!(
        picture.header("access-control-allow-credentials"),
        Some("true")
    );
    assert_eq!(picture.header("access-control-expose-headers"), exposed);
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri(&path)
        .header(header::ORIGIN, page)
        .header("access-control-request-method", "GET")
        .body(Body::empty())
        .unwrap();
    let reply = h.send(preflight).await;
    assert!(reply.status.is_success(), "{:?}", reply.status);
    assert_eq!(reply.header("access-control-allow-origin"), Some(page));
    assert_eq!(reply.header("access-control-allow-methods"), Some("GET"));
}

/// Removing is the Auth API's: JSON `details` with the next sequence, and `avatarUrl`
/// gone from `users/me`; its address answers 404.
#[tokio::test]
async fn removing_the_picture_moves_the_sequence_and_drops_the_url() {
    let h = Harness::new();
    let token = h.api_token();
    let before = h.me(&token).await.json();
    let url = before["user"]["human"]["profile"]["avatarUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    let reply = h
        .api(
            Method::DELETE,
            "/auth/v1/users/me/avatar",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let details = reply.json()["details"].clone();
    let after = h.me(&token).await.json();
    assert_eq!(details["sequence"], after["user"]["details"]["sequence"]);
    assert_ne!(details["sequence"], before["user"]["details"]["sequence"]);
    assert!(after["user"]["human"]["profile"].get("avatarUrl").is_none());
    let gone = h
        .api(Method::GET, url.strip_prefix(ISSUER).unwrap(), None, None)
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let unauthorized = h
        .api(Method::DELETE, "/auth/v1/users/me/avatar", None, None)
        .await;
    assert_eq!(unauthorized.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unauthorized.json()["message"], "auth header missing");
}
