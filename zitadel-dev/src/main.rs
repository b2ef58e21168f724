//! `zitadel-dev`: the local ZITADEL stand-in, optionally serving a built page beside it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use tokio::task::JoinSet;
use zitadel_dev::config::{Config, DEMO_CLIENT_ID};
use zitadel_dev::site::{host_csp, host_site, reporting};
use zitadel_dev::{app, serve, site_with, AppState};

const USAGE: &str = "\
zitadel-dev: a local stand-in for ZITADEL (OIDC + the Auth API's profile endpoints)

Options:
  --port N               port of the identity provider (default 8080)
  --page-port N          port of the page server when --dist is given (default 8081)
  --dist DIR             serve a built page from DIR on --page-port, with a config.json
                         that points it at this stand-in
  --embed DIR            with --dist, also serve the embedding example from DIR at
                         /embed/ (the demo passes examples/embed)
  --site PORT=DIR        serve a host app's build from DIR on PORT (repeatable); its
                         origin is registered with the demo app
  --config FILE          apps, users and lifetimes as JSON (see Config); replaces the demo
  --access-token-seconds N  access token lifetime (default 43200)
  --test-controls        enable /_dev/ (fault injection, token minting, clock); tests only
  -h, --help             this text
";

struct Args {
    port: u16,
    page_port: u16,
    dist: Option<PathBuf>,
    embed: Option<PathBuf>,
    sites: Vec<(u16, PathBuf)>,
    config: Option<PathBuf>,
    access_token_seconds: Option<u64>,
    test_controls: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        port: 8080,
        page_port: 8081,
        dist: None,
        embed: None,
        sites: Vec::new(),
        config: None,
        access_token_seconds: None,
        test_controls: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => args.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--page-port" => {
                args.page_port = value()?.parse().map_err(|e| format!("--page-port: {e}"))?
            }
            "--dist" => args.dist = Some(value()?.into()),
            "--embed" => args.embed = Some(value()?.into()),
            "--site" => {
                let site = value()?;
                let (port, dir) = site
                    .split_once('=')
                    .ok_or_else(|| format!("--site {site}: expected PORT=DIR"))?;
                let port = port.parse().map_err(|e| format!("--site {site}: {e}"))?;
                args.sites.push((port, dir.into()));
            }
            "--config" => args.config = Some(value()?.into()),
            "--access-token-seconds" => {
                args.access_token_seconds = Some(
                    value()?
                        .parse()
                        .map_err(|e| format!("--access-token-seconds: {e}"))?,
                )
            }
            "--test-controls" => args.test_controls = true,
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown option {other}\n\n{USAGE}")),
        }
    }
    Ok(args)
}

/// A listener on loopback, or `None` after saying why not.
async fn listen(port: u16) -> Option<tokio::net::TcpListener> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => Some(listener),
        Err(e) => {
            eprintln!("cannot listen on {addr}: {e}");
            None
        }
    }
}

/// The config the arguments ask for: a file, or the demo for these ports, with the
/// command line's overrides on top.
fn load_config(args: &Args) -> Result<Config, String> {
    let mut config = match &args.config {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<Config>(&text).map_err(|e| e.to_string()))
            .map_err(|e| format!("{}: {e}", path.display()))?,
        None => Config::demo(&origin(args.port), &origin(args.page_port)),
    };
    if let Some(seconds) = args.access_token_seconds {
        config.access_token_seconds = seconds;
    }
    // Each host app signs in and out at its own page.
    if let Some(app) = config
        .apps
        .iter_mut()
        .find(|a| a.client_id == DEMO_CLIENT_ID)
    {
        for (port, _) in &args.sites {
            let page = format!("{}/", origin(*port));
            app.redirect_uris.push(page.clone());
            app.post_logout_redirect_uris.push(page);
        }
    }
    config.test_controls |= args.test_controls;
    Ok(config)
}

fn origin(port: u16) -> String {
    format!("http://127.0.0.1:{port}")
}

/// Starts the identity provider and, with `--dist`, the page server; says where they are.
async fn start(args: Args, config: Config) -> Option<JoinSet<std::io::Result<()>>> {
    let idp = listen(args.port).await?;
    println!("ZITADEL stand-in: {}", config.issuer);
    if config.test_controls {
        println!(
            "Test controls:    {}/_dev/ (fault injection on)",
            config.issuer
        );
    }
    let mut tasks = JoinSet::new();
    tasks.spawn(serve(idp, app(AppState::new(config.clone()))));
    if let Some(dist) = args.dist {
        let listener = listen(args.page_port).await?;
        let page_origin = origin(args.page_port);
        let page_config = json!({ "issuer": config.issuer, "clientId": DEMO_CLIENT_ID });
        println!("Profile page:     {page_origin}/");
        if args.embed.is_some() {
            println!("Embedded example: {page_origin}/embed/");
            println!("Two apps, one page: {page_origin}/embed/two.html");
            println!("Operator mistakes: {page_origin}/embed/mistakes.html");
        }
        let csp = zitadel_dev::strict_csp(&config.issuer);
        compress(&dist);
        let page = site_with(dist, args.embed, page_config, csp);
        tasks.spawn(serve(listener, reporting_if(config.test_controls, page)));
    }
    for (port, dir) in args.sites {
        let listener = listen(port).await?;
        println!("Host app:         {}/ ({})", origin(port), dir.display());
        let csp = host_csp(&config.issuer, &dir);
        compress(&dir);
        let host = host_site(dir, csp);
        tasks.spawn(serve(listener, reporting_if(config.test_controls, host)));
    }
    for user in &config.users {
        println!("Demo user:        {} / {}", user.user_name, user.password);
    }
    Some(tasks)
}

/// Writes compressed copies beside the files of `dir`, so that they are sent
/// compressed as a CDN would and the browser shows real transfer sizes.
fn compress(dir: &std::path::Path) {
    if let Err(e) = zitadel_dev::precompress(dir) {
        eprintln!("serving {} uncompressed: {e}", dir.display());
    }
}

/// With test controls, a page server also keeps what went wrong for the tests.
fn reporting_if(test_controls: bool, router: axum::Router) -> axum::Router {
    if test_controls {
        reporting(router)
    } else {
        router
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let loaded = parse_args().and_then(|args| Ok((load_config(&args)?, args)));
    let (config, args) = match loaded {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let Some(mut tasks) = start(args, config).await else {
        return ExitCode::FAILURE;
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => ExitCode::SUCCESS,
        Some(result) = tasks.join_next() => {
            eprintln!("server stopped: {result:?}");
            ExitCode::FAILURE
        }
    }
}
