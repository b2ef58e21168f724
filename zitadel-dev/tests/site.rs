//! The page server: the built page, a config.json pointing at the stand-in, and the
//! strict Content-Security-Policy on every answer.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::json;
use tower::ServiceExt;
use zitadel_dev::{site, strict_csp};

#[tokio::test]
async fn serves_files_and_config_under_a_strict_csp() {
    let dist = std::env::temp_dir().join(format!("zitadel-dev-site-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><title>page</title>",
    )
    .unwrap();
    let config = json!({"issuer": "http://idp.test", "clientId": "c"});
    let app = site(dist.clone(), config.clone(), strict_csp("http://idp.test"));

    for (path, status) in [
        ("/", StatusCode::OK),
        ("/config.json", StatusCode::OK),
        ("/missing.js", StatusCode::NOT_FOUND),
    ] {
        let response = app
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{path}");
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            csp,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' http://idp.test; \
             img-src 'self' http://idp.test; base-uri 'none'; object-src 'none'; frame-ancestors 'self'"
        );
        if path == "/config.json" {
            let body = response.into_body().collect().await.unwrap().to_bytes();
            assert_eq!(
                serde_json::from_slice::<serde_json::Value>(&body).unwrap(),
                config
            );
        }
    }
    std::fs::remove_dir_all(dist).unwrap();
}

/// The bundle goes out compressed when the browser accepts it: brotli first, then
/// gzip, from copies made once beside the files, and plain otherwise.
#[tokio::test]
async fn serves_precompressed_brotli_and_gzip() {
    use std::io::Read;
    let dist = std::env::temp_dir().join(format!("zitadel-dev-br-{}", std::process::id()));
    std::fs::create_dir_all(dist.join("snippets")).unwrap();
    let script = "export const answer = 42;\n".repeat(200);
    std::fs::write(dist.join("app.js"), &script).unwrap();
    std::fs::write(dist.join("snippets/x.css"), "p { margin: 0 }").unwrap();
    std::fs::write(dist.join("notes.txt"), "not compressed").unwrap();
    assert_eq!(zitadel_dev::precompress(&dist).unwrap(), 2);
    assert_eq!(
        zitadel_dev::precompress(&dist).unwrap(),
        0,
        "fresh copies stay"
    );
    assert!(!dist.join("notes.txt.br").exists());
    let app = site(dist.clone(), json!({}), strict_csp("http://idp.test"));
    for (accept, encoding) in [
        ("gzip, deflate, br", Some("br")),
        ("gzip", Some("gzip")),
        ("", None),
    ] {
        let mut request = Request::get("/app.js");
        if !accept.is_empty() {
            request = request.header("accept-encoding", accept);
        }
        let response = app
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let got = response
            .headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(got.as_deref(), encoding, "{accept}");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let mut plain = String::new();
        match encoding {
            Some("br") => brotli::Decompressor::new(&body[..], 4096)
                .read_to_string(&mut plain)
                .unwrap(),
            Some(_) => flate2::read::GzDecoder::new(&body[..])
                .read_to_string(&mut plain)
                .unwrap(),
            None => {
                plain = String::from_utf8(body.to_vec()).unwrap();
                plain.len()
            }
        };
        assert_eq!(plain, script, "{accept}");
    }
    std::fs::remove_dir_all(dist).unwrap();
}
