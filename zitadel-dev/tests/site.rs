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
             base-uri 'none'; object-src 'none'; frame-ancestors 'self'"
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
