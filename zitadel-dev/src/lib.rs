//! A local stand-in for ZITADEL that reproduces the contract this project relies on:
//! OIDC authorization code + PKCE for a browser app, and the Auth API's own-profile
//! endpoints, with ZITADEL's rules, encodings, errors and CORS.
//!
//! [`app`] is the whole server as a `Router`, so tests drive it with `oneshot`;
//! [`site`] serves a built page on a second origin; [`serve`] runs either on a socket.

pub mod api;
pub mod auth;
pub mod config;
pub mod cors;
pub mod error;
pub mod faults;
pub mod language_tag;
pub mod loopback;
pub mod oidc;
pub mod params;
pub mod redirect;
pub mod rules;
pub mod state;
pub mod texts;
pub mod time;

use std::convert::Infallible;
use std::path::PathBuf;

use axum::http::{header, HeaderValue};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::services::ServeDir;

pub use config::Config;
pub use state::AppState;

/// The identity provider: OIDC endpoints, the login page, the Auth API, and the
/// test controls when the config enables them (for loopback hosts and pages only).
pub fn app(state: AppState) -> Router {
    let oidc = Router::new()
        .route("/.well-known/openid-configuration", get(oidc::discovery))
        .route("/oauth/v2/authorize", get(oidc::authorize))
        .route("/oauth/v2/token", axum::routing::post(oidc::token))
        .route("/oauth/v2/revoke", axum::routing::post(oidc::revoke))
        .route("/oauth/v2/keys", get(oidc::jwks))
        .route(
            "/oidc/v1/userinfo",
            get(oidc::userinfo).post(oidc::userinfo),
        )
        .route("/oidc/v1/end_session", get(oidc::end_session))
        .layer(from_fn_with_state(state.clone(), faults::inject))
        .layer(from_fn(cors::oidc));
    let mut api = Router::new()
        .route("/auth/v1/users/me", get(api::me))
        .route(
            "/auth/v1/users/me/profile",
            get(api::profile).put(api::update_profile),
        )
        .layer(from_fn_with_state(state.clone(), faults::inject));
    if state.config().test_controls {
        api = api.layer(from_fn_with_state(state.clone(), faults::record));
    }
    let api = api.layer(from_fn(cors::api));
    let login = Router::new()
        .route(
            "/ui/login/login",
            get(oidc::login_page).post(oidc::login_submit),
        )
        .route(oidc::LOGGED_OUT_PATH, get(oidc::logged_out));
    let assets = Router::new()
        .route("/assets/v1/{org}/users/{id}/avatar", get(api::avatar))
        .layer(from_fn_with_state(state.clone(), faults::inject));
    let mut router = Router::new()
        .merge(oidc)
        .merge(api)
        .merge(login)
        .merge(assets);
    if state.config().test_controls {
        // The loopback guard wraps CORS, so a foreign page's preflight is refused too.
        let controls = faults::routes()
            .layer(from_fn(cors::dev))
            .layer(from_fn(loopback::guard));
        router = router.merge(controls);
    }
    router.with_state(state)
}

/// The Content-Security-Policy the page server sends: the strict policy a careful host
/// would use, so every page and test proves the widget needs nothing more.
pub fn strict_csp(issuer: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         connect-src 'self' {issuer}; img-src 'self' {issuer}; base-uri 'none'; \
         object-src 'none'; frame-ancestors 'self'"
    )
}

/// The kinds of file worth compressing: the bundle, its styles, pages and catalogues.
const COMPRESSIBLE: [&str; 6] = ["wasm", "js", "css", "html", "json", "svg"];

/// Writes a brotli (`.br`, quality 11) and a gzip (`.gz`) copy beside every
/// compressible file under `dir` that lacks a fresh one, so that the page server
/// answers with the bytes a production CDN would send. Returns how many files it
/// compressed.
pub fn precompress(dir: &std::path::Path) -> std::io::Result<usize> {
    let mut done = 0;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            done += precompress(&path)?;
            continue;
        }
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if wanted {
            done += usize::from(compress_beside(&path)?);
        }
    }
    Ok(done)
}

/// `file.br` and `file.gz` for `file`, unless both are newer already.
fn compress_beside(file: &std::path::Path) -> std::io::Result<bool> {
    use std::io::Write;
    let modified = std::fs::metadata(file)?.modified()?;
    let beside = |ext: &str| {
        let mut name = file.as_os_str().to_owned();
        name.push(ext);
        PathBuf::from(name)
    };
    let fresh = |copy: &PathBuf| {
        std::fs::metadata(copy)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t >= modified)
    };
    let (br, gz) = (beside(".br"), beside(".gz"));
    if fresh(&br) && fresh(&gz) {
        return Ok(false);
    }
    let bytes = std::fs::read(file)?;
    let mut brotli = brotli::CompressorWriter::new(std::fs::File::create(&br)?, 4096, 11, 22);
    brotli.write_all(&bytes)?;
    brotli.flush()?;
    let mut gzip =
        flate2::write::GzEncoder::new(std::fs::File::create(&gz)?, flate2::Compression::best());
    gzip.write_all(&bytes)?;
    gzip.finish()?;
    Ok(true)
}

/// Serves a built page from `dist` with `config.json` answered from `page_config`, so the
/// page always points at this stand-in, and every answer carries `csp`.
/// Pages set no cookies and get no CORS headers.
pub fn site(dist: PathBuf, page_config: serde_json::Value, csp: String) -> Router {
    let csp = HeaderValue::from_str(&csp).expect("a CSP is a valid header value");
    Router::new()
        .route(
            "/config.json",
            get(move || {
                let config = page_config.clone();
                async move {
                    let mut response = Json(config).into_response();
                    response
                        .headers_mut()
                        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                    response
                }
            }),
        )
        .fallback_service(ServeDir::new(dist).precompressed_br().precompressed_gzip())
        .layer(axum::middleware::map_response(
            move |mut response: axum::response::Response| {
                let csp = csp.clone();
                async move {
                    response
                        .headers_mut()
                        .insert(header::CONTENT_SECURITY_POLICY, csp);
                    response
                }
            },
        ))
}

/// Error that tells hyper to drop the connection without an answer.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection closed by fault injection")
    }
}

impl std::error::Error for Dropped {}

/// Runs `router` on `listener` until the task is dropped. Unlike `axum::serve`, a
/// response marked [`faults::CloseConnection`] closes the connection unanswered.
pub async fn serve(listener: TcpListener, router: Router) -> std::io::Result<()> {
    loop {
        let (stream, _) = listener.accept().await?;
        let router = router.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(
                move |request: hyper::Request<hyper::body::Incoming>| {
                    let router = router.clone();
                    async move {
                        let response = router
                            .oneshot(request.map(axum::body::Body::new))
                            .await
                            .unwrap_or_else(|e: Infallible| match e {});
                        if response
                            .extensions()
                            .get::<faults::CloseConnection>()
                            .is_some()
                        {
                            return Err(Dropped);
                        }
                        Ok(response)
                    }
                },
            );
            // A client hanging up early is its business, not an error to report.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
