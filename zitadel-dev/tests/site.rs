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
             img-src 'self' http://idp.test; base-uri 'none'; object-src 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'"
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

/// A host app's build is served under the strict policy, widened only by the hashes
/// of the page's own inline scripts (trunk writes its loader inline).
#[tokio::test]
async fn a_host_site_allows_its_own_inline_scripts_by_hash() {
    use base64::Engine;
    use sha2::Digest;
    let dir = std::env::temp_dir().join(format!("zitadel-dev-host-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let loader = "import init from '/app.js'; init();";
    std::fs::write(
        dir.join("index.html"),
        format!("<!DOCTYPE html><script type=\"module\">{loader}</script><script src=\"/x.js\"></script>"),
    )
    .unwrap();
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(loader));
    let csp = zitadel_dev::site::host_csp("http://idp.test", &dir);
    assert_eq!(
        csp,
        strict_csp("http://idp.test")
            .replace(
                "'wasm-unsafe-eval'",
                &format!("'wasm-unsafe-eval' 'sha256-{hash}'")
            )
            .replace("; require-trusted-types-for 'script'", "")
    );
    assert!(!csp.contains("trusted-types"), "the host's own choice");
    let app = zitadel_dev::site::host_site(dir.clone(), csp.clone());
    let response = app
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-security-policy"], csp.as_str());
    // A page without inline scripts gets the strict policy as it is (Trusted Types
    // aside).
    std::fs::write(dir.join("index.html"), "<script src=\"/x.js\"></script>").unwrap();
    assert_eq!(
        zitadel_dev::site::host_csp("http://idp.test", &dir),
        strict_csp("http://idp.test").replace("; require-trusted-types-for 'script'", "")
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// With test controls a page server keeps the browser's CSP violation reports and
/// every request it answered with an error, for the tests to read and clear.
#[tokio::test]
async fn a_reporting_site_keeps_violations_and_failed_requests() {
    use zitadel_dev::site::{reporting, CSP_REPORT_PATH, REPORTS_PATH};
    let dir = std::env::temp_dir().join(format!("zitadel-dev-reports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!DOCTYPE html>").unwrap();
    let app = reporting(zitadel_dev::site::host_site(
        dir.clone(),
        strict_csp("http://idp.test"),
    ));
    let call = |request: Request<Body>| {
        let app = app.clone();
        async move { app.oneshot(request).await.unwrap() }
    };
    let page = call(Request::get("/").body(Body::empty()).unwrap()).await;
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.ends_with(&format!("; report-uri {CSP_REPORT_PATH}")),
        "{csp}"
    );
    let missing = call(Request::get("/favicon.ico").body(Body::empty()).unwrap()).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let report = json!({"csp-report": {"violated-directive": "style-src-elem"}});
    let sent = call(
        Request::post(CSP_REPORT_PATH)
            .header("content-type", "application/csp-report")
            .body(Body::from(report.to_string()))
            .unwrap(),
    )
    .await;
    assert_eq!(sent.status(), StatusCode::NO_CONTENT);
    let read = |method: &'static str| {
        call(
            Request::builder()
                .method(method)
                .uri(REPORTS_PATH)
                .body(Body::empty())
                .unwrap(),
        )
    };
    let body = read("GET")
        .await
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes();
    let seen: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        seen,
        json!({"csp": [report], "failed": [{"path": "/favicon.ico", "status": 404}]})
    );
    assert_eq!(read("DELETE").await.status(), StatusCode::NO_CONTENT);
    let body = read("GET")
        .await
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes();
    let seen: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(seen, json!({"csp": [], "failed": []}));
    std::fs::remove_dir_all(dir).unwrap();
}

/// Files named for their content (the page's `page/`) are kept a year without asking
/// again; the page, its config.json and the stable names are asked about each time.
#[tokio::test]
async fn content_named_files_are_immutable_and_the_rest_revalidated() {
    let dist = std::env::temp_dir().join(format!("zitadel-dev-cache-{}", std::process::id()));
    std::fs::create_dir_all(dist.join("page")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><title>page</title>",
    )
    .unwrap();
    std::fs::write(dist.join("boot.js"), "init();").unwrap();
    std::fs::write(dist.join("page/boot-ABCDEFGH.js"), "init();").unwrap();
    let app = site(
        dist.clone(),
        json!({"issuer": "http://idp.test", "clientId": "c"}),
        strict_csp("http://idp.test"),
    );
    for (path, policy) in [
        ("/", Some("no-cache")),
        ("/index.html", Some("no-cache")),
        ("/config.json", Some("no-cache")),
        ("/boot.js", Some("no-cache")),
        (
            "/page/boot-ABCDEFGH.js",
            Some("public, max-age=31536000, immutable"),
        ),
        ("/page/missing.js", None),
    ] {
        let response = app
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let got = response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(got.as_deref(), policy, "{path}");
    }
    std::fs::remove_dir_all(dist).unwrap();
}
