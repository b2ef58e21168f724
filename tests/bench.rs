//! The A/B benchmark that `scripts/bench` runs: the widget (A, the built page at `/`)
//! against a hand-written client of the same journey (B, `bench/baseline/`, served at
//! `/baseline/`), in one headless Chromium session against one stand-in, so that both
//! share the machine, the browser and its warm HTTP cache.
//!
//! A run of a side signs in from a clean tab (the stand-in reset, storage cleared) and
//! times the callback to the editable form, reloads and times that, then types into
//! the first name. After one untimed run of each side, runs alternate AB, BA, AB, ...
//!
//! Needs the stand-in (with test controls) serving both pages. `scripts/bench` starts
//! it, passes the file sizes it measured (`ZPF_BENCH_SIZES`), and reads the verdict
//! back from the JSON this writes (`ZPF_BENCH_JSON`).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
mod driving;

use std::time::{Duration, Instant};

use driving::{capabilities, dev, env, issuer, page_url, Driver};
use fantoccini::elements::Element;
use fantoccini::Client;
use serde_json::{json, Map, Value};
use zitadel_dev::config::{DEMO_PASSWORD, DEMO_USER};

/// The User Timing mark both sides set once their prefilled form takes input.
const MARK: &str = "zitadel-profile-form:editable";
/// Keystrokes typed into the first name per run.
const KEYSTROKES: usize = 100;
/// The limits `scripts/bench` holds the widget to.
const RELOAD_RATIO_MAX: f64 = 1.1;
const TYPING_P95_MAX_MS: f64 = 2.0;
const CALLBACK_REQUESTS: usize = 2;

/// One side of the comparison: where its page is.
#[derive(Debug, Clone, Copy)]
struct Side {
    name: &'static str,
    path: &'static str,
}

const WIDGET: Side = Side {
    name: "widget",
    path: "",
};
const BASELINE: Side = Side {
    name: "baseline",
    path: "baseline/",
};

impl Side {
    fn url(self) -> String {
        format!("{}{}", page_url(), self.path)
    }
}

/// A document that reached the mark: when, counted from its navigation's start (for a
/// callback, the login form's POST, whose redirects end at the page) and from the
/// document's own request, and what it had asked the issuer for by then (images,
/// such as the avatar, aside).
struct Editable {
    ms: f64,
    from_fetch_ms: f64,
    requests: Vec<String>,
}

/// Waits (up to two seconds) in the document at `page`, newer than `after`, for the
/// mark; `null` from any other document or when it does not come.
const EDITABLE: &str = r#"
const [mark, page, issuer, after, done] = arguments;
if (location.href.split(/[?#]/)[0] !== page || performance.timeOrigin <= after) return done(null);
const marked = () => performance.getEntriesByName(mark, 'mark').length > 0;
const answer = () => {
  const start = performance.getEntriesByName(mark, 'mark')[0].startTime;
  const fetched = performance.getEntriesByType('navigation')[0].fetchStart;
  const requests = performance.getEntriesByType('resource')
    .filter(e => e.name.startsWith(issuer + '/') && e.initiatorType !== 'img' && e.startTime <= start)
    .map(e => new URL(e.name).pathname);
  done({ ms: start, fromFetch: start - fetched, requests });
};
if (marked()) return answer();
const timer = setTimeout(() => { observer.disconnect(); done(null); }, 2000);
const observer = new PerformanceObserver(() => {
  if (!marked()) return;
  clearTimeout(timer);
  observer.disconnect();
  answer();
});
observer.observe({ type: 'mark' });
"#;

/// Types `count` times into the first name, alternating '' and 'Ada', and times each
/// input event until the form shows the change: the "required" message there for '',
/// gone for 'Ada'. A keystroke left unanswered for a second counts as a timeout.
const TYPE: &str = r#"
const [count, done] = arguments;
const input = document.querySelector("input[name='firstName']");
const message = document.getElementById(input.id + '-message');
const root = input.closest('form') || document.body;
const keystroke = (value) => new Promise((resolve) => {
  const shown = () => (message.textContent.trim() !== '') === (value === '');
  let t0 = 0;
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    const t1 = performance.now();
    observer.disconnect();
    clearTimeout(timer);
    resolve(t1 - t0);
  });
  const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, 1000);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  input.value = value;
  t0 = performance.now();
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
});
(async () => {
  const times = [];
  let timeouts = 0;
  for (let i = 0; i < count; i++) {
    const ms = await keystroke(i % 2 === 0 ? '' : 'Ada');
    if (ms === null) timeouts++; else times.push(ms);
    await new Promise((r) => setTimeout(r, 0));
  }
  done({ times, timeouts });
})();
"#;

/// The browser session both sides run in.
struct Bench {
    client: Client,
    _driver: Option<Driver>,
}

impl Bench {
    async fn open() -> Self {
        let (url, driver) = match std::env::var("ZPF_BENCH_WEBDRIVER") {
            Ok(url) => (url, None),
            Err(_) => {
                let driver = Driver::start("chromium");
                (format!("http://127.0.0.1:{}", driver.port), Some(driver))
            }
        };
        let client = driving::session(&url, capabilities("chromium", false)).await;
        Self {
            client,
            _driver: driver,
        }
    }

    async fn find(&self, css: &str) -> Element {
        driving::find(&self.client, css).await
    }

    async fn run_js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    async fn time_origin(&self) -> f64 {
        let origin = self.run_js("return performance.timeOrigin", vec![]).await;
        origin.as_f64().unwrap()
    }

    /// How many marks the current document has set.
    async fn marks(&self) -> u64 {
        let script = "return performance.getEntriesByName(arguments[0], 'mark').length";
        self.run_js(script, vec![json!(MARK)])
            .await
            .as_u64()
            .unwrap()
    }

    /// `side`'s page, signed out: no session at the stand-in and nothing in the tab's
    /// storage. Returns when its Sign in button shows.
    async fn signed_out(&self, side: Side) {
        dev("reset", json!({}));
        // Cleared from a document of the origin without scripts, so that no page
        // writes its state back while leaving.
        let plain = format!("{}config.json", page_url());
        self.client.goto(&plain).await.unwrap();
        let clear = "sessionStorage.clear(); localStorage.clear();";
        self.run_js(clear, vec![]).await;
        self.client.goto(&side.url()).await.unwrap();
        self.find("[data-testid='sign-in']:not([hidden])").await;
    }

    /// Signs in as the demo user from the Sign in button; the callback's figures.
    async fn through_callback(&self, side: Side) -> Editable {
        let before = self.time_origin().await;
        let button = self.find("[data-testid='sign-in']:not([hidden])").await;
        button.click().await.unwrap();
        let name = self.find("#loginName").await;
        name.send_keys(DEMO_USER).await.unwrap();
        let password = self.find("#password").await;
        password.send_keys(DEMO_PASSWORD).await.unwrap();
        self.find("#submit").await.click().await.unwrap();
        self.editable(side, before).await
    }

    async fn after_reload(&self, side: Side) -> Editable {
        let before = self.time_origin().await;
        self.client.refresh().await.unwrap();
        self.editable(side, before).await
    }

    /// The mark of the first document at `side` newer than `after`.
    async fn editable(&self, side: Side, after: f64) -> Editable {
        let deadline = Instant::now() + Duration::from_secs(30);
        let args = vec![
            json!(MARK),
            json!(side.url()),
            json!(issuer()),
            json!(after),
        ];
        loop {
            // Errors are navigations under way; `null` is another document.
            let found = self.client.execute_async(EDITABLE, args.clone()).await;
            if let Some(found) = found.ok().filter(|v| !v.is_null()) {
                return Editable {
                    ms: found["ms"].as_f64().unwrap(),
                    from_fetch_ms: found["fromFetch"].as_f64().unwrap(),
                    requests: serde_json::from_value(found["requests"].clone()).unwrap(),
                };
            }
            if Instant::now() > deadline {
                let url = self.client.current_url().await.map(|u| u.to_string());
                panic!("the {} never became editable; now at {url:?}", side.name);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Keystroke latencies in ms, and how many keystrokes went unanswered.
    async fn typing(&self) -> (Vec<f64>, u64) {
        let found = self
            .client
            .execute_async(TYPE, vec![json!(KEYSTROKES)])
            .await
            .expect("the typing script finishes");
        let times = serde_json::from_value(found["times"].clone()).unwrap();
        (times, found["timeouts"].as_u64().unwrap())
    }
}

/// Everything measured for one side.
struct Samples {
    side: Side,
    callback_ms: Vec<f64>,
    callback_from_fetch_ms: Vec<f64>,
    reload_ms: Vec<f64>,
    typing_ms: Vec<f64>,
    typing_timeouts: u64,
    requests: Vec<usize>,
    /// Each distinct list of request paths, with how many runs sent it.
    paths: BTreeMap<String, u64>,
    /// Marks per document, with how many documents set that many.
    marks: BTreeMap<u64, u64>,
}

impl Samples {
    fn new(side: Side) -> Self {
        Self {
            side,
            callback_ms: Vec::new(),
            callback_from_fetch_ms: Vec::new(),
            reload_ms: Vec::new(),
            typing_ms: Vec::new(),
            typing_timeouts: 0,
            requests: Vec::new(),
            paths: BTreeMap::new(),
            marks: BTreeMap::new(),
        }
    }
}

/// One run of a side: the callback, a reload, then typing.
async fn run(b: &Bench, s: &mut Samples) {
    b.signed_out(s.side).await;
    let callback = b.through_callback(s.side).await;
    s.callback_ms.push(callback.ms);
    s.callback_from_fetch_ms.push(callback.from_fetch_ms);
    s.requests.push(callback.requests.len());
    *s.paths.entry(callback.requests.join(" ")).or_default() += 1;
    // Time for a second mark, if one were to follow.
    tokio::time::sleep(Duration::from_millis(250)).await;
    *s.marks.entry(b.marks().await).or_default() += 1;
    let reload = b.after_reload(s.side).await;
    s.reload_ms.push(reload.ms);
    let (times, timeouts) = b.typing().await;
    s.typing_ms.extend(times);
    s.typing_timeouts += timeouts;
    *s.marks.entry(b.marks().await).or_default() += 1;
}

#[tokio::test]
#[ignore = "needs the stand-in serving the widget and the baseline; scripts/bench runs it"]
async fn widget_against_the_baseline() {
    let runs: usize = env("ZPF_BENCH_RUNS", "15")
        .parse()
        .expect("ZPF_BENCH_RUNS is a number");
    let b = Bench::open().await;
    // Untimed: the first load of each side fills the HTTP and code caches.
    for side in [WIDGET, BASELINE] {
        run(&b, &mut Samples::new(side)).await;
    }
    let mut samples = [Samples::new(WIDGET), Samples::new(BASELINE)];
    for i in 0..runs {
        let order = if i % 2 == 0 { [0, 1] } else { [1, 0] };
        for at in order {
            run(&b, &mut samples[at]).await;
        }
        eprintln!("run {}/{runs} done", i + 1);
    }
    let _ = b.client.close().await;
    let report = report(runs, &samples, sizes());
    print_report(&report);
    let path = env(
        "ZPF_BENCH_JSON",
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench/bench.json"),
    );
    let path = std::path::Path::new(&path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, serde_json::to_string_pretty(&report).unwrap() + "\n").unwrap();
}

/// The value below which a share `q` of `values` lies (nearest rank).
fn percentile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = (q * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank - 1]
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// A's and B's figure and their ratio, rounded for reading.
fn pair(a: f64, b: f64) -> Value {
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    json!({ "widget": round(a), "baseline": round(b), "ratio": round(a / b) })
}

/// The sizes `scripts/bench` measured, as tab-separated `side file raw gzip brotli`
/// lines in the file `ZPF_BENCH_SIZES` names; per side, each file and the totals.
fn sizes() -> Value {
    let Ok(path) = std::env::var("ZPF_BENCH_SIZES") else {
        return Value::Null;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut sides = Map::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let [side, file, raw, gzip, brotli] = cells[..] else {
            panic!("{path}: not `side file raw gzip brotli`: {line:?}");
        };
        let bytes = |n: &str| n.parse::<u64>().expect("a byte count");
        let entry = sides.entry(side).or_insert_with(
            || json!({ "files": [], "total": { "raw": 0, "gzip": 0, "brotli": 0 } }),
        );
        let counts = [
            ("raw", bytes(raw)),
            ("gzip", bytes(gzip)),
            ("brotli", bytes(brotli)),
        ];
        let mut row = json!({ "file": file });
        for (kind, n) in counts {
            row[kind] = json!(n);
            entry["total"][kind] = json!(entry["total"][kind].as_u64().unwrap() + n);
        }
        entry["files"].as_array_mut().unwrap().push(row);
    }
    Value::Object(sides)
}

fn side_samples(s: &Samples) -> Value {
    let marks: Map<String, Value> = s
        .marks
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect();
    json!({
        "callbackMs": s.callback_ms,
        "callbackFromFetchMs": s.callback_from_fetch_ms,
        "reloadMs": s.reload_ms,
        "keystrokes": s.typing_ms.len() as u64 + s.typing_timeouts,
        "keystrokeTimeouts": s.typing_timeouts,
        "requestsPerRun": s.requests,
        "requestPaths": s.paths,
        "marksPerDocument": marks,
    })
}

fn figures(a: &Samples, b: &Samples, bytes: &Value) -> Value {
    let count = |s: &Samples| median(&s.requests.iter().map(|&n| n as f64).collect::<Vec<_>>());
    let mut figures = json!({
        "callbackToEditableMs": pair(median(&a.callback_ms), median(&b.callback_ms)),
        "callbackFetchToEditableMs": pair(
            median(&a.callback_from_fetch_ms),
            median(&b.callback_from_fetch_ms),
        ),
        "reloadToEditableMs": pair(median(&a.reload_ms), median(&b.reload_ms)),
        "keystrokeToDomP50Ms": pair(percentile(&a.typing_ms, 0.5), percentile(&b.typing_ms, 0.5)),
        "keystrokeToDomP95Ms": pair(percentile(&a.typing_ms, 0.95), percentile(&b.typing_ms, 0.95)),
        "requestsCallbackToForm": pair(count(a), count(b)),
    });
    if !bytes.is_null() {
        for (key, kind) in [
            ("bytesRaw", "raw"),
            ("bytesGzip", "gzip"),
            ("bytesBrotli", "brotli"),
        ] {
            let total = |side: &str| bytes[side]["total"][kind].as_f64().unwrap_or(f64::NAN);
            figures[key] = pair(total("widget"), total("baseline"));
        }
    }
    figures
}

fn check(name: String, value: Value, passed: bool) -> Value {
    json!({ "check": name, "value": value, "passed": passed })
}

fn checks(a: &Samples, figures: &Value) -> Vec<Value> {
    let ratio = figures["reloadToEditableMs"]["ratio"]
        .as_f64()
        .unwrap_or(f64::NAN);
    let p95 = figures["keystrokeToDomP95Ms"]["widget"]
        .as_f64()
        .unwrap_or(f64::NAN);
    let every_run = a.requests.iter().all(|&n| n == CALLBACK_REQUESTS) && !a.requests.is_empty();
    vec![
        check(
            format!("reload → form, A/B ratio ≤ {RELOAD_RATIO_MAX}"),
            json!(ratio),
            ratio <= RELOAD_RATIO_MAX,
        ),
        check(
            format!("widget keystroke → DOM p95 ≤ {TYPING_P95_MAX_MS} ms, none unanswered"),
            json!({ "p95Ms": p95, "unanswered": a.typing_timeouts }),
            p95 <= TYPING_P95_MAX_MS && a.typing_timeouts == 0,
        ),
        check(
            format!("widget requests callback → form = {CALLBACK_REQUESTS} in every run"),
            json!(a.requests),
            every_run,
        ),
    ]
}

fn report(runs: usize, samples: &[Samples; 2], bytes: Value) -> Value {
    let [a, b] = samples;
    let figures = figures(a, b, &bytes);
    let checks = checks(a, &figures);
    let passed = checks.iter().all(|c| c["passed"] == json!(true));
    json!({
        "runs": runs,
        "warmUpRunsPerSide": 1,
        "keystrokesPerRun": KEYSTROKES,
        "order": "interleaved AB, BA, AB, ... in one browser session",
        "a": { "side": a.side.name, "url": a.side.url() },
        "b": { "side": b.side.name, "url": b.side.url() },
        "figures": figures,
        "samples": { "widget": side_samples(a), "baseline": side_samples(b) },
        "bytes": bytes,
        "checks": checks,
        "allChecksPassed": passed,
    })
}

/// The figures' rows: JSON key, label, decimals.
const ROWS: [(&str, &str, usize); 9] = [
    (
        "reloadToEditableMs",
        "reload → editable form, median (ms)",
        1,
    ),
    (
        "callbackToEditableMs",
        "callback → editable form, median (ms)",
        1,
    ),
    (
        "callbackFetchToEditableMs",
        "  the same from the callback's request (ms)",
        1,
    ),
    ("keystrokeToDomP50Ms", "keystroke → DOM update, p50 (ms)", 3),
    ("keystrokeToDomP95Ms", "keystroke → DOM update, p95 (ms)", 3),
    (
        "requestsCallbackToForm",
        "requests to the issuer, callback → form",
        0,
    ),
    ("bytesRaw", "bytes, raw total", 0),
    ("bytesGzip", "bytes, gzip -9 total", 0),
    ("bytesBrotli", "bytes, brotli -q 11 total", 0),
];

fn print_report(report: &Value) {
    println!(
        "\n{:<44} {:>12} {:>12} {:>8}",
        "figure", "A widget", "B baseline", "A/B"
    );
    for (key, label, decimals) in ROWS {
        let row = &report["figures"][key];
        if row.is_null() {
            continue;
        }
        let cell = |side: &str| format!("{:.decimals$}", row[side].as_f64().unwrap_or(f64::NAN));
        let ratio = row["ratio"].as_f64().unwrap_or(f64::NAN);
        println!(
            "{label:<44} {:>12} {:>12} {ratio:>8.2}",
            cell("widget"),
            cell("baseline")
        );
    }
    print_details(report);
    println!("\nchecks");
    for check in report["checks"].as_array().unwrap() {
        let verdict = if check["passed"] == json!(true) {
            "ok  "
        } else {
            "FAIL"
        };
        println!(
            "  {verdict} {}: {}",
            check["check"].as_str().unwrap(),
            check["value"]
        );
    }
}

/// Per side: the request paths, marks per document and each file's bytes.
fn print_details(report: &Value) {
    for side in ["widget", "baseline"] {
        let samples = &report["samples"][side];
        println!("\n{side}: runs by requests to the issuer, callback → form:");
        for (paths, runs) in samples["requestPaths"].as_object().unwrap() {
            println!("  {runs:>3} × [{paths}]");
        }
        println!(
            "  marks per document: {} (count: documents); keystrokes {} ({} unanswered)",
            samples["marksPerDocument"], samples["keystrokes"], samples["keystrokeTimeouts"]
        );
        let bytes = &report["bytes"][side];
        let Some(files) = bytes["files"].as_array() else {
            continue;
        };
        println!(
            "  {:<64} {:>9} {:>9} {:>9}",
            "file", "raw", "gzip", "brotli"
        );
        let line = |name: &str, row: &Value| {
            let n = |kind: &str| row[kind].as_u64().unwrap_or_default();
            println!(
                "  {name:<64} {:>9} {:>9} {:>9}",
                n("raw"),
                n("gzip"),
                n("brotli")
            );
        };
        for file in files {
            line(file["file"].as_str().unwrap_or_default(), file);
        }
        line("total", &bytes["total"]);
    }
}
