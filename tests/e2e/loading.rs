//! Before the wasm: the page's frame, the profile asked for while the wasm is on its
//! way, nothing moving when the form takes over, and files a browser may keep.

use super::*;

/// The layout shifts the current document has had so far (0 where the browser does
/// not report them: only Chromium does), and whether it reports them.
async fn layout_shifts(b: &Browser) -> (f64, bool) {
    let found = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return done([0, false]); \
             let sum = 0; \
             new PerformanceObserver((list) => { for (const e of list.getEntries()) sum += e.value; }) \
               .observe({ type: 'layout-shift', buffered: true }); \
             setTimeout(() => done([sum, true]), 300);",
            vec![],
        )
        .await
        .unwrap();
    (found[0].as_f64().unwrap(), found[1].as_bool().unwrap())
}

/// Nothing on the page moves while it loads, signed out or signed in, standalone or
/// embedded: what the page draws before the wasm is the form's loading view at its
/// size (browser test `the_frames_before_the_wasm_are_the_loading_views_size`), busy
/// for screen readers, and the form replaces it whole.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn nothing_moves_while_the_page_loads() {
    let b = Browser::open().await;
    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await;
    let (cold, reported) = layout_shifts(&b).await;
    assert_eq!(cold, 0.0, "a cold visit, signed out");
    // Once config.json names the issuer, the page opens a connection to it.
    let preconnect = b
        .client
        .execute(
            "return [...document.querySelectorAll('link[rel=preconnect]')].map(l => l.href)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(preconnect, json!([format!("{}/", issuer())]));
    b.testid("sign-in").await.click().await.unwrap();
    b.log_in_as_demo().await;
    b.loaded().await;
    b.reload_loaded().await;
    assert_eq!(layout_shifts(&b).await.0, 0.0, "a reload, signed in");
    b.client
        .goto(&format!("{}embed/", page_url()))
        .await
        .unwrap();
    b.shadow_prefilled().await;
    assert_eq!(layout_shifts(&b).await.0, 0.0, "the element, signed in");
    // The page's frame, as served: busy, titled, one placeholder per field.
    let frame = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             fetch('/').then(r => r.text()).then(done, e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    let frame = frame.as_str().unwrap();
    assert!(
        frame
            .contains(r#"<section class="zpf" aria-busy="true" aria-labelledby="zpf-page-title">"#),
        "{frame}"
    );
    assert_eq!(
        frame.matches("zpf-skeleton-field").count(),
        Field::ALL.len()
    );
    eprintln!("layout shifts reported by this browser: {reported}");
    b.close().await;
}

/// On a reload the page asks for the profile while the wasm is still on its way:
/// before `DOMContentLoaded`, which the wasm (instantiated asynchronously, after the
/// page's configuration) cannot beat. Once, and the form uses that answer.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn a_reload_asks_for_the_profile_once_before_the_wasm() {
    let b = Browser::open().await;
    b.sign_in().await;
    b.reload_loaded().await;
    assert_eq!(requests_to_zitadel(&b).await, ["/auth/v1/users/me"]);
    let timing = b
        .client
        .execute(
            "const me = performance.getEntriesByType('resource') \
               .find(e => e.name.endsWith('/auth/v1/users/me')); \
             const nav = performance.getEntriesByType('navigation')[0]; \
             return [me.startTime, nav.domContentLoadedEventStart];",
            vec![],
        )
        .await
        .unwrap();
    let (asked, content_loaded) = (timing[0].as_f64().unwrap(), timing[1].as_f64().unwrap());
    assert!(
        asked <= content_loaded,
        "users/me asked at {asked} ms, DOMContentLoaded at {content_loaded} ms"
    );
    assert_eq!(b.value("firstName").await, "Ada");
    b.console_clean("the page, signed in and reloaded").await;
    b.close().await;
}

/// When the page asks for its wasm (`web/page.js`): signed out, only once the browser
/// has reported the frame's paint, so that the first paint never waits on the
/// download; on a signed-in reload at once, before `DOMContentLoaded`.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn signed_out_the_wasm_comes_after_the_first_paint_signed_in_at_once() {
    const TIMES: &str = "const wasm = performance.getEntriesByType('resource') \
           .find(e => new URL(e.name).pathname.endsWith('.wasm')); \
         const paint = performance.getEntriesByType('largest-contentful-paint')[0] \
           ?? performance.getEntriesByName('first-contentful-paint')[0]; \
         const nav = performance.getEntriesByType('navigation')[0]; \
         return [wasm.startTime, paint?.startTime ?? null, nav.domContentLoadedEventStart];";
    let b = Browser::open().await;
    // The first visit, then two with the files in the browser's cache.
    for visit in 1..=3 {
        b.client.goto(&page_url()).await.unwrap();
        b.testid("sign-in").await;
        let cold = b.client.execute(TIMES, vec![]).await.unwrap();
        let (asked, painted) = (cold[0].as_f64().unwrap(), cold[1].as_f64());
        let painted = painted.expect("the browser reports the frame's paint");
        assert!(
            asked >= painted,
            "signed out, visit {visit}: wasm asked for at {asked} ms, the frame painted at {painted} ms"
        );
    }
    b.testid("sign-in").await.click().await.unwrap();
    b.log_in_as_demo().await;
    b.loaded().await;
    b.reload_loaded().await;
    let reload = b.client.execute(TIMES, vec![]).await.unwrap();
    let (asked, content_loaded) = (reload[0].as_f64().unwrap(), reload[2].as_f64().unwrap());
    assert!(
        asked <= content_loaded,
        "signed in: wasm asked for at {asked} ms, DOMContentLoaded at {content_loaded} ms"
    );
    b.close().await;
}

/// The `Cache-Control` and `Content-Type` the page server sends for `path`.
async fn headers(b: &Browser, path: &str) -> Value {
    b.client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             fetch(arguments[0], { method: 'HEAD' }) \
               .then(r => done([r.headers.get('cache-control'), r.headers.get('content-type')]), \
                     e => done(String(e)));",
            vec![json!(path)],
        )
        .await
        .unwrap()
}

/// The page loads its bundle under names that change with the content, each kept a
/// year; the page and its configuration are asked about every time.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn the_page_loads_content_named_files_a_browser_may_keep() {
    let b = Browser::open().await;
    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await;
    let loaded = b
        .client
        .execute(
            "return performance.getEntriesByType('resource') \
               .filter(e => e.name.startsWith(location.origin) && !e.name.endsWith('.json') \
                 && !e.name.endsWith('favicon.png')) \
               .map(e => new URL(e.name).pathname);",
            vec![],
        )
        .await
        .unwrap();
    let loaded: Vec<String> = serde_json::from_value(loaded).unwrap();
    assert!(loaded.len() >= 3, "{loaded:?}");
    for path in &loaded {
        assert!(
            path.starts_with("/page/"),
            "{path} is loaded by its stable name"
        );
    }
    for path in &loaded {
        assert_eq!(
            headers(&b, path).await[0],
            json!("public, max-age=31536000, immutable"),
            "{path}"
        );
    }
    let wasm = loaded
        .iter()
        .find(|p| p.ends_with(".wasm"))
        .expect("the wasm");
    assert_eq!(headers(&b, wasm).await[1], json!("application/wasm"));
    for path in ["/", "/config.json"] {
        assert_eq!(headers(&b, path).await[0], json!("no-cache"), "{path}");
    }
    b.close().await;
}

/// What shows before the wasm is as accessible as the form: the page's frame (as
/// `index.html` serves it) and an element's (on a host page that never starts the
/// wasm), both busy for screen readers, both clean under axe.
#[tokio::test]
#[ignore = "needs the stand-in and the built page; scripts/test runs it"]
async fn the_frames_before_the_wasm_are_accessible() {
    let b = Browser::open().await;
    b.client
        .goto(&format!("{}embed/before.html", page_url()))
        .await
        .unwrap();
    b.until("the element's frame", || async {
        b.in_shadow("return root.querySelector('section.zpf')?.getAttribute('aria-busy')")
            .await
            == json!("true")
    })
    .await;
    b.axe_clean("the element before the wasm").await;

    b.client.goto(&page_url()).await.unwrap();
    b.testid("sign-in").await;
    // The page as served, before its script runs: index.html's <main>, parsed (no
    // script in it runs) in place of the form.
    let busy = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             fetch('/').then(r => r.text()).then((html) => { \
               const policy = window.trustedTypes?.createPolicy('zpf-test-frame', { createHTML: (s) => s }); \
               const parsed = new DOMParser().parseFromString(policy ? policy.createHTML(html) : html, 'text/html'); \
               document.body.replaceChildren(document.importNode(parsed.querySelector('main'), true)); \
               done(document.querySelector('main > section.zpf').getAttribute('aria-busy')); \
             }, (e) => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(busy, json!("true"));
    b.axe_clean("the page before the wasm").await;
    b.close().await;
}
