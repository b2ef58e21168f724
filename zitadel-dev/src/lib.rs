//! A local stand-in for ZITADEL that reproduces the contract this project relies on:
//! OIDC authorization code + PKCE for a browser app, and the Auth API's own-profile
//! endpoints, with ZITADEL's rules, encodings, errors and CORS.
//!
//! [`app`] is the whole server as a `Router`, so tests drive it with `oneshot`;
//! [`site`] serves a built page on a second origin (and [`site::host_site`] a host
//! app's build on another); [`serve`] runs any of them on a socket.

pub mod api;
pub mod auth;
pub mod avatar;
pub mod config;
pub mod cors;
pub mod error;
pub mod faults;
pub mod glob;
pub mod language_tag;
pub mod loopback;
pub mod oidc;
pub mod params;
pub mod redirect;
pub mod rules;
pub mod site;
pub mod sniff;
pub mod state;
pub mod texts;
pub mod time;

use std::convert::Infallible;

use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use axum::Router;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tower::ServiceExt;

pub use config::Config;
pub use site::{precompress, site, site_with, strict_csp};
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
        .route(
            "/auth/v1/users/me/avatar",
            axum::routing::delete(avatar::remove),
        )
        .route(
            "/assets/v1/users/me/avatar",
            axum::routing::post(avatar::upload)
                // Go reads any size; the handler refuses what is over 512 KiB.
                .layer(axum::extract::DefaultBodyLimit::max(32 << 20)),
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
        .route(oidc::LOGGED_OUT_PATH, get(oidc::logged_out))
        .route(
            oidc::LOGOUT_V2_PATH,
            get(oidc::logout_v2_page).post(oidc::logout_v2_end),
        )
        .route("/favicon.ico", get(oidc::favicon));
    // The assets API's whole router sits behind ZITADEL's CORS interceptor, the
    // stored pictures included (`internal/api/assets/asset.go`).
    let assets = Router::new()
        .route("/assets/v1/{org}/users/{id}/avatar", get(avatar::picture))
        .layer(from_fn_with_state(state.clone(), faults::inject))
        .layer(from_fn(cors::api));
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
