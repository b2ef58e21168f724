//! `zitadel-dev`: the local ZITADEL stand-in, optionally serving a built page beside it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use zitadel_dev::config::{Config, DEMO_CLIENT_ID};
use zitadel_dev::{app, serve, site, AppState};

const USAGE: &str = "\
zitadel-dev: a local stand-in for ZITADEL (OIDC + the Auth API's profile endpoints)

Options:
  --port N               port of the identity provider (default 8080)
  --page-port N          port of the page server when --dist is given (default 8081)
  --dist DIR             serve a built page from DIR on --page-port, with a config.json
                         that points it at this stand-in
  --config FILE          apps, users and lifetimes as JSON (see Config); replaces the demo
  --access-token-seconds N  access token lifetime (default 43200)
  --test-controls        enable /_dev/ (fault injection, token minting, clock); tests only
  -h, --help             this text
";

struct Args {
    port: u16,
    page_port: u16,
    dist: Option<PathBuf>,
    config: Option<PathBuf>,
    access_token_seconds: Option<u64>,
    test_controls: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        port: 8080,
        page_port: 8081,
        dist: None,
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

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let issuer = format!("http://127.0.0.1:{}", args.port);
    let page_origin = format!("http://127.0.0.1:{}", args.page_port);
    let mut config = match &args.config {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<Config>(&text).map_err(|e| e.to_string()))
        {
            Ok(config) => config,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Config::demo(&issuer, &page_origin),
    };
    if let Some(seconds) = args.access_token_seconds {
        config.access_token_seconds = seconds;
    }
    config.test_controls |= args.test_controls;
    let user = config
        .users
        .first()
        .map(|u| (u.user_name.clone(), u.password.clone()));
    let state = AppState::new(config.clone());

    let Some(idp) = listen(args.port).await else {
        return ExitCode::FAILURE;
    };
    println!("ZITADEL stand-in: {}", config.issuer);
    if config.test_controls {
        println!(
            "Test controls:    {}/_dev/ (fault injection on)",
            config.issuer
        );
    }
    let mut tasks = tokio::task::JoinSet::new();
    tasks.spawn(serve(idp, app(state)));

    if let Some(dist) = args.dist {
        let Some(listener) = listen(args.page_port).await else {
            return ExitCode::FAILURE;
        };
        let page_config = json!({ "issuer": config.issuer, "clientId": DEMO_CLIENT_ID });
        println!("Profile page:     {page_origin}/");
        println!("Embedded example: {page_origin}/embed/");
        let csp = zitadel_dev::strict_csp(&config.issuer);
        tasks.spawn(serve(listener, site(dist, page_config, csp)));
    }
    if let Some((name, password)) = user {
        println!("Demo user:        {name} / {password}");
    }

    tokio::select! {
        _ = tokio::signal::ctrl_c() => ExitCode::SUCCESS,
        Some(result) = tasks.join_next() => {
            eprintln!("server stopped: {result:?}");
            ExitCode::FAILURE
        }
    }
}
