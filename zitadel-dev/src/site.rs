//! The page servers beside the identity provider: the built page (with a `config.json`
//! pointing at the stand-in) and host apps built elsewhere, each on its own origin,
//! each answer under a strict Content-Security-Policy. With test controls they also
//! keep what went wrong for the tests to read: every violation the browser reported
//! and every request they could not answer.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tower_http::services::ServeDir;

/// The Content-Security-Policy the page server sends: the strict policy a careful host
/// would use, so every page and test proves the widget needs nothing more.
pub fn strict_csp(issuer: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         connect-src 'self' {issuer}; img-src 'self' {issuer}; base-uri 'none'; \
         object-src 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'"
    )
}

/// Where a built page keeps the files named for their content (scripts/page-bundle).
pub const CONTENT_NAMED: &str = "/page/";

/// How long a browser or CDN may keep an answer for `path`: a file named for its
/// content never changes, so a year and `immutable` (no revalidation on reload);
/// anything else (`index.html`, `config.json`, the stable names hosts load) only
/// after asking whether it changed.
pub fn cache_control(path: &str) -> &'static str {
    if path.starts_with(CONTENT_NAMED) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Sets [`cache_control`] on a successful answer that has no policy of its own.
async fn cache_policy(request: Request, next: Next) -> Response {
    let policy = cache_control(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static(policy));
    }
    response
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
    site_with(dist, None, page_config, csp)
}

/// [`site`], with the embedding example served from `embed` (its sources, next to
/// the built page rather than inside it) at `/embed/`.
pub fn site_with(
    dist: PathBuf,
    embed: Option<PathBuf>,
    page_config: serde_json::Value,
    csp: String,
) -> Router {
    let csp = HeaderValue::from_str(&csp).expect("a CSP is a valid header value");
    let router = match embed {
        Some(embed) => Router::new().nest_service("/embed", ServeDir::new(embed)),
        None => Router::new(),
    };
    router
        .route(
            "/config.json",
            get(move || {
                let config = page_config.clone();
                async move {
                    let mut response = Json(config).into_response();
                    // Never kept: a deployment points the page elsewhere at once.
                    response
                        .headers_mut()
                        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
                    response
                }
            }),
        )
        .fallback_service(ServeDir::new(dist).precompressed_br().precompressed_gzip())
        .layer(axum::middleware::from_fn(cache_policy))
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

/// Serves a host app's build from `dir` (a bundler's or trunk's output) under `csp`.
pub fn host_site(dir: PathBuf, csp: String) -> Router {
    let csp = HeaderValue::from_str(&csp).expect("a CSP is a valid header value");
    Router::new()
        .fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip())
        .layer(axum::middleware::map_response(
            move |mut response: Response| {
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

/// [`strict_csp`] widened by exactly what the host page in `dir` needs for itself:
/// the hash of each inline script in its `index.html` (trunk writes its loader inline,
/// for one). The widget adds nothing inline, so a page without any gets the strict
/// policy unchanged.
pub fn host_csp(issuer: &str, dir: &Path) -> String {
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap_or_default();
    let hashes: String = inline_scripts(&html)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    // Not Trusted Types: that is the host's choice, and its own code (its bundler's
    // chunk loader, its framework's templates) must be written for it.
    strict_csp(issuer)
        .replacen(
            "script-src 'self' 'wasm-unsafe-eval'",
            &format!("script-src 'self' 'wasm-unsafe-eval'{hashes}"),
            1,
        )
        .replace("; require-trusted-types-for 'script'", "")
}

/// The text of each `<script>` in `html` that has no `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, rest) = rest.split_once('>')?;
        let (body, _) = rest.split_once("</script>")?;
        (!attributes.contains("src=")).then_some(body)
    })
}

/// Where a page server reports to: the path its CSP names for violation reports, and
/// the path the tests read everything from (`GET`) and clear it (`DELETE`).
pub const CSP_REPORT_PATH: &str = "/_site/csp";
pub const REPORTS_PATH: &str = "/_site/reports";

/// What went wrong on one page server: the browser's CSP violation reports and the
/// requests answered with 4xx or 5xx.
#[derive(Clone, Default)]
pub struct Reports(Arc<Mutex<Seen>>);

#[derive(Default)]
struct Seen {
    csp: Vec<Value>,
    failed: Vec<Value>,
}

impl Reports {
    fn seen(&self) -> std::sync::MutexGuard<'_, Seen> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// `router` with `csp` reporting its violations to [`CSP_REPORT_PATH`], and every
/// violation and failed request kept for [`REPORTS_PATH`]. Tests only.
pub fn reporting(router: Router) -> Router {
    let reports = Reports::default();
    let controls = Router::new()
        .route(
            CSP_REPORT_PATH,
            post(
                |State(r): State<Reports>, body: axum::body::Bytes| async move {
                    let report = serde_json::from_slice(&body).unwrap_or(Value::Null);
                    r.seen().csp.push(report);
                    StatusCode::NO_CONTENT
                },
            ),
        )
        .route(
            REPORTS_PATH,
            get(|State(r): State<Reports>| async move {
                let seen = r.seen();
                Json(json!({ "csp": seen.csp, "failed": seen.failed }))
            })
            .delete(|State(r): State<Reports>| async move {
                *r.seen() = Seen::default();
                StatusCode::NO_CONTENT
            }),
        )
        .with_state(reports.clone());
    router
        .layer(from_fn_with_state(reports, record_failures))
        .layer(axum::middleware::map_response(add_report_uri))
        .merge(controls)
}

/// Keeps each request the server answered with an error.
async fn record_failures(State(reports): State<Reports>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if response.status().is_client_error() || response.status().is_server_error() {
        let status = response.status().as_u16();
        reports
            .seen()
            .failed
            .push(json!({ "path": path, "status": status }));
    }
    response
}

/// Sends the page's CSP violations to [`CSP_REPORT_PATH`].
async fn add_report_uri(mut response: Response) -> Response {
    let policy = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .map(|p| format!("{p}; report-uri {CSP_REPORT_PATH}"));
    if let Some(value) = policy.and_then(|p| HeaderValue::from_str(&p).ok()) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_external_ones_left() {
        let html = r#"<script type="module">import a from "/a.js"; a();</script>
            <script src="/b.js"></script><script>x()</script>"#;
        let found: Vec<&str> = inline_scripts(html).collect();
        assert_eq!(found, [r#"import a from "/a.js"; a();"#, "x()"]);
    }
}
