//! What the host-side suites that drive a real browser share (`tests/e2e.rs`,
//! `tests/bench.rs`): where the stand-in and the page are, its test controls, a
//! WebDriver server per session, and the session's capabilities.
#![cfg(not(target_arch = "wasm32"))]
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

pub mod browser;

pub fn env(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

pub fn issuer() -> String {
    env("ZPF_TEST_ISSUER", "http://127.0.0.1:18080")
}

pub fn page_url() -> String {
    env("ZPF_E2E_PAGE", "http://127.0.0.1:18081/")
}

/// Posts `body` to one of the stand-in's test controls and insists on a success.
/// HTTP/1.0, so the answer is whole once the stand-in closes the connection.
pub fn dev(path: &str, body: Value) {
    let issuer = issuer();
    let authority = issuer
        .strip_prefix("http://")
        .expect("the stand-in speaks plain HTTP");
    let body = body.to_string();
    let mut stream = TcpStream::connect(authority)
        .unwrap_or_else(|e| panic!("the stand-in is unreachable at {issuer}: {e}"));
    write!(
        stream,
        "POST /_dev/{path} HTTP/1.0\r\nHost: {authority}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer.lines().next().unwrap_or_default();
    assert!(
        status
            .split(' ')
            .nth(1)
            .is_some_and(|code| code.starts_with('2')),
        "POST /_dev/{path}: {status}"
    );
}

/// A plain HTTP/1.0 request to the page server at `url`; the answer's body.
pub fn page_server(method: &str, url: &str, path: &str) -> String {
    let authority = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let mut stream = std::net::TcpStream::connect(&authority)
        .unwrap_or_else(|e| panic!("the page server at {url} is unreachable: {e}"));
    write!(
        stream,
        "{method} {path} HTTP/1.0\r\nHost: {authority}\r\nContent-Length: 0\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default()
}

/// What the page server at `url` saw go wrong since it was last cleared: the CSP
/// violations the browser reported and the requests it answered with an error.
pub fn page_server_reports(url: &str) -> Value {
    serde_json::from_str(&page_server("GET", url, "/_site/reports")).unwrap()
}

/// A WebDriver server for the browser under test, stopped when dropped.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    pub fn start(browser: &str) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = match browser {
            "firefox" => Command::new(env("GECKODRIVER", "geckodriver"))
                .args(["--port", &port.to_string(), "--host", "127.0.0.1"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn(),
            _ => Command::new(env("CHROMEDRIVER", "chromedriver"))
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn(),
        }
        .expect("the WebDriver server starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "{browser} driver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The capabilities the browser suites share (`tests/webdriver.json`), plus what a
/// session driven from here needs: headless, a fixed window, pop-ups allowed (a journey
/// opens a second tab), and on request a dark system theme for prefers-color-scheme.
pub fn capabilities(browser: &str, dark: bool) -> Map<String, Value> {
    let shared: Value = serde_json::from_str(include_str!("../webdriver.json")).unwrap();
    let mut caps = Map::new();
    match browser {
        "firefox" => {
            let mut options = shared["moz:firefoxOptions"].clone();
            options["args"] = json!(["-headless"]);
            options["prefs"]["dom.disable_open_during_load"] = json!(false);
            if dark {
                options["prefs"]["layout.css.prefers-color-scheme.content-override"] = json!(0);
            }
            caps.insert("browserName".into(), json!("firefox"));
            caps.insert("moz:firefoxOptions".into(), options);
        }
        _ => {
            let mut options = shared["goog:chromeOptions"].clone();
            let args = options["args"].as_array_mut().unwrap();
            args.extend(
                [
                    "--headless=new",
                    "--no-sandbox",
                    "--window-size=1200,900",
                    "--disable-popup-blocking",
                ]
                .map(Value::from),
            );
            if dark {
                args.push(json!("--blink-settings=preferredColorScheme=0"));
            }
            caps.insert("browserName".into(), json!("chrome"));
            caps.insert("goog:chromeOptions".into(), options);
            // The console, the browser's own messages included (see `console_problems`).
            caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
        }
    }
    caps
}

/// What Chromium's console has said since it was last asked, ChromeDriver's `se/log`
/// (the Selenium log command, which the W3C protocol lacks). It holds the browser's own
/// messages too, which no script in the page can see: an `integrity` attribute it
/// ignores, a request it refused, a 404.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// The warnings and errors Chromium's console has shown since the last call, each as
/// "LEVEL message"; none in Firefox, whose driver keeps no console log.
pub async fn console_problems(client: &fantoccini::Client) -> Vec<String> {
    if env("ZPF_E2E_BROWSER", "chromium") == "firefox" {
        return Vec::new();
    }
    let log = client
        .issue_cmd(BrowserLog)
        .await
        .expect("the browser's console log");
    log.as_array()
        .expect("a list of console entries")
        .iter()
        .filter(|entry| matches!(entry["level"].as_str(), Some("WARNING" | "SEVERE")))
        .map(|entry| format!("{} {}", entry["level"], entry["message"]))
        .collect()
}

/// A browser session on the WebDriver server at `url`.
pub async fn session(url: &str, capabilities: Map<String, Value>) -> fantoccini::Client {
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    fantoccini::ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(url)
        .await
        .expect("a browser session")
}

/// The element `css` selects, once it is there (up to 20 seconds).
pub async fn find(client: &fantoccini::Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
}

/// A 1200 × 800 photo-like bitmap (a BMP: no image crate needed to write one, and
/// every browser reads it) in the temporary directory; its path.
pub fn photo() -> std::path::PathBuf {
    let (w, h) = (1200u32, 800u32);
    let mut file = Vec::with_capacity(54 + (w * h * 3) as usize);
    let size = 54 + w * h * 3;
    file.extend_from_slice(b"BM");
    for v in [size, 0, 54, 40, w, h] {
        file.extend_from_slice(&v.to_le_bytes());
    }
    file.extend_from_slice(&1u16.to_le_bytes());
    file.extend_from_slice(&24u16.to_le_bytes());
    for v in [0u32, w * h * 3, 2835, 2835, 0, 0] {
        file.extend_from_slice(&v.to_le_bytes());
    }
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as f64 - 600.0, y as f64 - 400.0);
            let disc = (dx * dx + dy * dy).sqrt() < 260.0;
            let (r, g, b) = if disc {
                (240, 180, 40)
            } else {
                ((x * 255 / w) as u8, (y * 255 / h) as u8, 160)
            };
            file.extend_from_slice(&[b, g, r]);
        }
    }
    let path = std::env::temp_dir().join("zpf-e2e-photo.bmp");
    std::fs::write(&path, file).unwrap();
    path
}
