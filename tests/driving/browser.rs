//! A browser session driven over WebDriver as a person uses the page, with the helpers
//! the end-to-end suites share.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::WindowHandle;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use zitadel_dev::config::{DEMO_PASSWORD, DEMO_USER};

use super::{capabilities, dev, env, page_url, Driver};

/// One browser session on a fresh stand-in.
pub struct Browser {
    pub client: Client,
    _driver: Driver,
}

impl Browser {
    pub async fn open() -> Self {
        Self::open_with(false).await
    }

    pub async fn open_with(dark: bool) -> Self {
        let browser = env("ZPF_E2E_BROWSER", "chromium");
        let driver = Driver::start(&browser);
        let url = format!("http://127.0.0.1:{}", driver.port);
        let client = super::session(&url, capabilities(&browser, dark)).await;
        dev("reset", json!({}));
        super::page_server("DELETE", &page_url(), "/_site/reports");
        Self {
            client,
            _driver: driver,
        }
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }

    pub async fn find(&self, css: &str) -> Element {
        super::find(&self.client, css).await
    }

    pub async fn testid(&self, testid: &str) -> Element {
        self.find(&format!("[data-testid='{testid}']")).await
    }

    /// Polls `probe` until it returns true, for up to 20 seconds.
    pub async fn until<F, Fut>(&self, what: &str, probe: F)
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !probe().await {
            if Instant::now() > deadline {
                let html = match self.client.source().await {
                    Ok(html) => html,
                    Err(e) => format!("(page source unavailable: {e})"),
                };
                panic!("timed out waiting for {what}; page:\n{html}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn value(&self, name: &str) -> String {
        let element = self.find(&format!("[name='{name}']")).await;
        element.prop("value").await.unwrap().unwrap_or_default()
    }

    pub async fn notice(&self) -> String {
        match self
            .client
            .find(Locator::Css("[data-testid='notice']"))
            .await
        {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Replaces a field's text the way typing would, then lets the page react.
    pub async fn type_into(&self, name: &str, text: &str) {
        let element = self.find(&format!("input[name='{name}']")).await;
        self.client
            .execute(
                "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                vec![serde_json::to_value(&element).unwrap()],
            )
            .await
            .unwrap();
        if !text.is_empty() {
            element.send_keys(text).await.unwrap();
        }
    }

    pub async fn message(&self, name: &str) -> String {
        let element = self.find(&format!("[name='{name}']")).await;
        let id = element.attr("id").await.unwrap().unwrap();
        self.find(&format!("[id='{id}-message']"))
            .await
            .text()
            .await
            .unwrap_or_default()
    }

    /// The counter under a text field, and its `aria-live`.
    pub async fn counter(&self, name: &str) -> (String, Option<String>) {
        let element = self.find(&format!("[name='{name}']")).await;
        let id = element.attr("id").await.unwrap().unwrap();
        let counter = self.find(&format!("[data-testid='{id}-counter']")).await;
        (
            counter.text().await.unwrap_or_default(),
            counter.attr("aria-live").await.unwrap(),
        )
    }

    /// Signs in as the demo user from the page's "Sign in" button.
    pub async fn sign_in(&self) {
        self.sign_in_at(&page_url()).await;
    }

    /// Signs in as the demo user from the "Sign in" button of the page at `url`.
    pub async fn sign_in_at(&self, url: &str) {
        self.client.goto(url).await.unwrap();
        self.testid("sign-in").await.click().await.unwrap();
        self.log_in_as_demo().await;
        self.loaded().await;
    }

    /// Fills in and submits the stand-in's login page as the demo user.
    pub async fn log_in_as_demo(&self) {
        self.log_in_as(DEMO_USER).await;
    }

    pub async fn log_in_as(&self, user_name: &str) {
        let name = self.find("#loginName").await;
        name.send_keys(user_name).await.unwrap();
        let password = self.find("#password").await;
        password.send_keys(DEMO_PASSWORD).await.unwrap();
        self.find("#submit").await.click().await.unwrap();
    }

    pub async fn loaded(&self) {
        self.until("the prefilled form", || async {
            self.value_if_present("firstName").await.is_some()
        })
        .await;
    }

    pub async fn value_if_present(&self, name: &str) -> Option<String> {
        let element = self
            .client
            .find(Locator::Css(&format!("input[name='{name}']")))
            .await
            .ok()?;
        element
            .prop("value")
            .await
            .ok()
            .flatten()
            .filter(|v| !v.is_empty())
    }

    /// At each size: no horizontal scrolling, then a screenshot `{name}-{width}-{theme}.png`
    /// in `out`, scrolled to `scroll_to` if given.
    pub async fn fits_and_capture(
        &self,
        sizes: &[(u32, u32)],
        scroll_to: Option<&str>,
        out: &std::path::Path,
        name: &str,
        theme: &str,
    ) {
        for &(width, height) in sizes {
            self.client.set_window_size(width, height).await.unwrap();
            // The browser may grant less than asked (headless Firefox stays at least
            // 500 px wide); wait until the page is laid out at what it granted.
            let (granted, _) = self.client.get_window_size().await.unwrap();
            self.until(&format!("a window {granted} px wide"), || async {
                let inner = self
                    .client
                    .execute("return window.innerWidth", vec![])
                    .await;
                inner.ok().and_then(|w| w.as_u64()) == Some(granted)
            })
            .await;
            let fits = self
                .client
                .execute(
                    "return document.documentElement.scrollWidth <= window.innerWidth",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(
                fits,
                json!(true),
                "horizontal scrolling on {name} at {width} px"
            );
            if let Some(selector) = scroll_to {
                let script = format!("document.querySelector('{selector}').scrollIntoView()");
                self.client.execute(&script, vec![]).await.unwrap();
            }
            let png = self.client.screenshot().await.unwrap();
            std::fs::write(out.join(format!("{name}-{width}-{theme}.png")), png).unwrap();
        }
    }

    /// Signs in as the demo user from the example host page's embedded element.
    pub async fn sign_in_embedded(&self) {
        self.client
            .goto(&format!("{}embed/", page_url()))
            .await
            .unwrap();
        self.shadow_shows("sign-in").await;
        self.shadow_click("sign-in").await;
        self.log_in_as_demo().await;
        self.shadow_prefilled().await;
    }

    /// Phone and desktop screenshots of the page as it is, each checked for sideways
    /// scrolling: `target/screenshots/{name}-{width}-light.png`.
    pub async fn capture(&self, name: &str, scroll_to: Option<&str>) {
        let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&out).unwrap();
        let sizes = [(360, 780), (1280, 900)];
        self.fits_and_capture(&sizes, scroll_to, &out, name, "light")
            .await;
    }

    /// The form shows the demo user's loaded profile, and no draft came back.
    pub async fn nothing_restored(&self) {
        assert_eq!(self.value("nickName").await, "");
        assert!(self.notice().await.is_empty(), "nothing restored");
    }

    /// Runs axe-core (every rule it has, best practices included) over the whole
    /// document, open shadow roots included, and fails listing any violation.
    ///
    /// axe writes `innerHTML` itself, which the demo's Trusted Types policy refuses:
    /// a default policy lets axe's writes through while it runs, and keeps any other
    /// (the widget's) for this check to fail on.
    pub async fn axe_clean(&self, state: &str) {
        let present = self.client.execute("return !!window.axe", vec![]).await;
        if present.ok() != Some(json!(true)) {
            let path = env("ZPF_AXE_JS", "");
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("axe-core at {path:?} (scripts/bootstrap): {e}"));
            self.client
                .execute(&format!("{source}\nreturn true;"), vec![])
                .await
                .unwrap();
            self.client
                .execute(
                    "window.zpfAxeRunning = false; window.zpfSinks = []; \
                     if (window.trustedTypes && !trustedTypes.defaultPolicy) { \
                       const pass = (value, _type, sink) => { \
                         if (!window.zpfAxeRunning) window.zpfSinks.push(sink); return value; }; \
                       trustedTypes.createPolicy('default', \
                         {createHTML: pass, createScript: pass, createScriptURL: pass}); }",
                    vec![],
                )
                .await
                .unwrap();
        }
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; window.zpfAxeRunning = true; \
                 const sinks = window.zpfSinks.map(s => `a Trusted Types sink outside axe: ${s}`); \
                 axe.run(document, {resultTypes: ['violations']}).then(r => { \
                   window.zpfAxeRunning = false; \
                   done(sinks.concat(r.violations.map(v => \
                   `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => JSON.stringify(n.target)).join(', ')}`))); }, \
                   e => { window.zpfAxeRunning = false; done([`axe failed: ${e}`]); });",
                vec![],
            )
            .await
            .unwrap();
        let violations: Vec<String> = serde_json::from_value(found).unwrap_or_default();
        assert!(
            violations.is_empty(),
            "axe, {state}:\n{}",
            violations.join("\n")
        );
    }

    /// Fails listing what Chromium's console has warned about or reported as an error
    /// since this session started or was last asked, the browser's own messages
    /// included (see [`super::console_problems`]); Firefox keeps no such log.
    pub async fn console_clean(&self, state: &str) {
        let problems = super::console_problems(&self.client).await;
        assert!(
            problems.is_empty(),
            "the console, {state}:\n{}",
            problems.join("\n")
        );
    }

    /// When the current document started loading (`performance.timeOrigin`).
    pub async fn document_started(&self) -> f64 {
        let origin = self
            .client
            .execute("return performance.timeOrigin", vec![])
            .await;
        origin.ok().and_then(|v| v.as_f64()).unwrap_or_default()
    }

    /// Reloads the page as soon as this call has returned, and tells when the
    /// document being replaced started loading.
    pub async fn reload_soon(&self) -> f64 {
        let origin = self
            .client
            .execute(
                "setTimeout(() => location.reload(), 0); return performance.timeOrigin",
                vec![],
            )
            .await;
        origin.unwrap().as_f64().unwrap()
    }

    /// Reloads the page and waits until the new one shows the prefilled form.
    pub async fn reload_loaded(&self) {
        let stamp = self.reload_soon().await;
        self.back_on_a_new_page(stamp).await;
        self.loaded().await;
    }

    /// Waits until a document newer than `before` has loaded completely.
    pub async fn back_on_a_new_page(&self, before: f64) {
        self.until("the page after the round trip", || async {
            let state = self
                .client
                .execute(
                    "return [performance.timeOrigin, document.readyState]",
                    vec![],
                )
                .await
                .unwrap_or_default();
            state[0].as_f64().is_some_and(|t| t > before) && state[1] == json!("complete")
        })
        .await;
    }

    /// Runs `body` with `root` bound to the embedded element's shadow root.
    pub async fn in_shadow(&self, body: &str) -> Value {
        let script = format!(
            "const root = document.querySelector('zitadel-profile-form')?.shadowRoot; \
             if (!root) return null; {body}"
        );
        self.client.execute(&script, vec![]).await.unwrap()
    }

    pub async fn shadow_value(&self, name: &str) -> Value {
        self.in_shadow(&format!(
            "const e = root.querySelector(\"[name='{name}']\"); return e ? e.value : null"
        ))
        .await
    }

    pub async fn shadow_click(&self, testid: &str) {
        self.in_shadow(&format!(
            "root.querySelector(\"[data-testid='{testid}']\").click()"
        ))
        .await;
    }

    pub async fn shadow_text(&self, testid: &str) -> String {
        let text = self
            .in_shadow(&format!(
                "const e = root.querySelector(\"[data-testid='{testid}']\"); return e ? e.textContent : ''"
            ))
            .await;
        text.as_str().unwrap_or_default().to_owned()
    }

    /// Opens a tab from `first`: it starts with a copy of `first`'s sessionStorage,
    /// and so with the same refresh token. The new tab is current when this returns.
    pub async fn open_sharing_tab(&self, first: &WindowHandle) -> WindowHandle {
        let before: Vec<WindowHandle> = self.client.windows().await.unwrap();
        self.client
            .execute(
                "window.open(arguments[0], '_blank');",
                vec![json!(page_url())],
            )
            .await
            .unwrap();
        self.until("the second tab", || async {
            self.client.windows().await.unwrap().len() == before.len() + 1
        })
        .await;
        let second = self
            .client
            .windows()
            .await
            .unwrap()
            .into_iter()
            .find(|w| w != first && !before.contains(w))
            .unwrap();
        self.client.switch_to_window(second.clone()).await.unwrap();
        self.loaded().await;
        second
    }

    /// Twelve hours pass on the server; both tabs reload together, and each finds its
    /// access token dead and refreshes. Returns the tabs once both have a new page.
    pub async fn refresh_both_at_once(
        &self,
        first: WindowHandle,
        second: WindowHandle,
    ) -> [WindowHandle; 2] {
        dev("clock", json!({"advanceSeconds": 43_201}));
        self.client.switch_to_window(second.clone()).await.unwrap();
        let second_before = self.reload_soon().await;
        self.client.switch_to_window(first.clone()).await.unwrap();
        let first_before = self.reload_soon().await;
        for (tab, before) in [(&first, first_before), (&second, second_before)] {
            self.client.switch_to_window(tab.clone()).await.unwrap();
            self.back_on_a_new_page(before).await;
        }
        [first, second]
    }

    pub async fn storage(&self, which: &str) -> Value {
        self.client
            .execute(
                &format!("return JSON.stringify(Object.keys({which}))"),
                vec![],
            )
            .await
            .map(|v| serde_json::from_str(v.as_str().unwrap_or("[]")).unwrap_or(Value::Null))
            .unwrap()
    }
}

impl Browser {
    /// Whether the embedded element's shadow root holds `[data-testid=testid]`.
    pub async fn shadow_has(&self, testid: &str) -> bool {
        let script = format!("return !!root.querySelector(\"[data-testid='{testid}']\")");
        self.in_shadow(&script).await == json!(true)
    }

    /// Waits until the embedded element shows `testid`.
    pub async fn shadow_shows(&self, testid: &str) {
        self.until(&format!("the element's {testid}"), || async {
            self.shadow_has(testid).await
        })
        .await;
    }

    /// Waits until the embedded element shows the demo user's profile.
    pub async fn shadow_prefilled(&self) {
        self.until("the prefilled element", || async {
            self.shadow_value("firstName").await == json!("Ada")
        })
        .await;
    }

    /// Types into the embedded element's field `name`, as the input event tells it.
    pub async fn shadow_type(&self, name: &str, value: &str) {
        let script = format!(
            "const root = document.querySelector('zitadel-profile-form')?.shadowRoot; \
             const i = root.querySelector(\"[name='{name}']\"); i.value = arguments[0]; \
             i.dispatchEvent(new Event('input', {{bubbles: true}}));"
        );
        self.client
            .execute(&script, vec![json!(value)])
            .await
            .unwrap();
    }

    /// Picks `value` in the page's select `name`, as a person would.
    pub async fn choose(&self, name: &str, value: &str) {
        let script = format!(
            "const s = document.querySelector(\"[name='{name}']\"); s.value = arguments[0]; \
             s.dispatchEvent(new Event('change', {{bubbles: true}}));"
        );
        self.client
            .execute(&script, vec![json!(value)])
            .await
            .unwrap();
    }

    /// Sets the embedded element's `locale` attribute.
    pub async fn set_locale(&self, code: &str) {
        self.client
            .execute(
                "document.querySelector('zitadel-profile-form').setAttribute('locale', arguments[0])",
                vec![json!(code)],
            )
            .await
            .unwrap();
    }

    /// The embedded form's first-name label, and its root's `lang` and `dir`.
    pub async fn shadow_language(&self) -> Value {
        self.in_shadow(
            "const id = root.querySelector(\"[name='firstName']\")?.id; \
             const l = id && root.querySelector(`label[for='${id}']`); \
             const s = root.querySelector('section'); \
             return l && [l.textContent.trim(), s.lang, s.dir]",
        )
        .await
    }
}
