//! The example hosts in `examples/`, each built the way its users build it
//! (`scripts/hosts`) and served on its own origin by the stand-in (`--site`), under
//! the strict CSP: a Vite app with the element, a Vite app with `mount()`, a webpack
//! app with `mount()`, a Leptos app with `ProfileForm` and a plain page with the
//! package's files beside it. Each must work with nothing
//! but install, import and the call: signed in, styled, in the person's language,
//! saved, accessible, and with nothing going wrong on the way.
//!
//! `scripts/test` builds the hosts, starts the stand-in with them and runs these once
//! per browser: `ZPF_E2E_BROWSER=chromium|firefox cargo test --test hosts -- --ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod driving;

use driving::browser::Browser;
use driving::{env, page_server};
use serde_json::{json, Value};

/// Where `scripts/test` serves the host `name` (`ZPF_HOST_<NAME>` overrides it).
fn host_url(name: &str) -> String {
    let port = match name {
        "vite-element" => 18082,
        "vite-mount" => 18083,
        "webpack" => 18084,
        "leptos" => 18085,
        _ => 18086,
    };
    let variable = format!("ZPF_HOST_{}", name.to_uppercase().replace('-', "_"));
    env(&variable, &format!("http://127.0.0.1:{port}/"))
}

/// Finds the form's root in the page: the element's shadow root, or the document.
const ROOT: &str =
    "const root = document.querySelector('zitadel-profile-form')?.shadowRoot ?? document;";

/// One host's page in a browser.
struct Host {
    b: Browser,
    url: String,
}

impl Host {
    async fn open(name: &str) -> Self {
        let b = Browser::open().await;
        let url = host_url(name);
        page_server("DELETE", &url, "/_site/reports");
        Self { b, url }
    }

    /// Runs `body` with `root` bound to the form's root (shadow root or document).
    async fn run(&self, body: &str) -> Value {
        let script = format!("{ROOT} {body}");
        self.b.client.execute(&script, vec![]).await.unwrap()
    }

    async fn until_shown(&self, what: &str, test: &str) {
        let script = format!("{ROOT} return !!({test});");
        self.b
            .until(what, || async {
                let shown = self.b.client.execute(&script, vec![]).await;
                shown.ok() == Some(json!(true))
            })
            .await;
        let crashed = self
            .run("return !!root.querySelector(\"[data-testid='crashed']\")")
            .await;
        assert_eq!(crashed, json!(false), "the form crashed ({what})");
    }

    async fn click(&self, testid: &str) {
        self.run(&format!(
            "root.querySelector(\"[data-testid='{testid}']\").click()"
        ))
        .await;
    }

    /// Signs in as `user` from the form's "Sign in" button, back to a loaded form.
    async fn sign_in_as(&self, user: &str, first_name: &str) {
        self.until_shown(
            "the sign-in offer",
            "root.querySelector(\"[data-testid='sign-in']\")",
        )
        .await;
        self.click("sign-in").await;
        self.b.log_in_as(user).await;
        self.until_shown(
            &format!("{first_name}'s profile"),
            &format!("root.querySelector(\"input[name='firstName']\")?.value === '{first_name}'"),
        )
        .await;
    }

    /// A computed style of what `selector` finds in the form.
    async fn style(&self, selector: &str, property: &str) -> String {
        let value = self
            .run(&format!(
                "return getComputedStyle(root.querySelector(\"{selector}\")).getPropertyValue('{property}')"
            ))
            .await;
        value.as_str().unwrap_or_default().to_owned()
    }

    /// The text of the label of the control named `name`.
    async fn label(&self, name: &str) -> String {
        let text = self
            .run(&format!(
                "const id = root.querySelector(\"[name='{name}']\").id; \
                 return root.querySelector(`label[for='${{id}}']`).firstChild.textContent"
            ))
            .await;
        text.as_str().unwrap_or_default().trim().to_owned()
    }

    /// What the page server saw go wrong: CSP violations and failed requests.
    fn reports(&self) -> Value {
        driving::page_server_reports(&self.url)
    }
}

/// The journey every host must pass, as a newcomer would try it.
async fn works_the_first_time(name: &str) {
    let h = Host::open(name).await;
    h.b.client.goto(&h.url).await.unwrap();

    // Ada, who has an avatar: the form is styled, not the browser's defaults.
    h.sign_in_as("demo", "Ada").await;
    let (width, height) = (
        h.style("[data-testid='avatar']", "width").await,
        h.style("[data-testid='avatar']", "height").await,
    );
    assert_eq!(
        (width.as_str(), height.as_str()),
        ("40px", "40px"),
        "{name}: the avatar at avatar size"
    );
    assert_eq!(
        h.style("input[name='firstName']", "border-top-left-radius")
            .await,
        "8px"
    );
    assert_eq!(
        h.style("[data-testid='sign-out']", "border-top-left-radius")
            .await,
        "8px",
        "{name}: a styled button"
    );
    let fields = h.style(".zpf-fields", "display").await;
    assert_eq!(fields, "grid", "{name}: the fields laid out in a grid");
    h.click("sign-out").await;

    // Hedy, whose stored language is German: the form speaks it.
    h.sign_in_as("hedy", "Hedy").await;
    h.until_shown(
        "the German labels",
        "root.querySelector('section')?.getAttribute('lang') === 'de'",
    )
    .await;
    assert_eq!(h.label("firstName").await, "Vorname", "{name}");
    assert_eq!(h.label("gender").await, "Geschlecht", "{name}");
    h.run(
        "window.zpfSeen = []; \
         for (const kind of ['profile-saved', 'profile-error']) \
           document.addEventListener(kind, (e) => window.zpfSeen.push([kind, e.detail]));",
    )
    .await;
    h.run(
        "const input = root.querySelector(\"input[name='nickName']\"); input.value = 'Hedwig'; \
         input.dispatchEvent(new Event('input', {bubbles: true}));",
    )
    .await;
    h.click("save").await;
    h.until_shown("the saved event", "window.zpfSeen.length > 0")
        .await;
    let seen = h.run("return window.zpfSeen").await;
    assert_eq!(seen[0][0], "profile-saved", "{name}: {seen}");
    assert_eq!(
        seen[0][1]["profile"]["nickName"], "Hedwig",
        "{name}: {seen}"
    );
    h.b.axe_clean(&format!("{name}, the saved form")).await;
    // Every page of the journey so far (two sign-ins, a sign-out), and nothing said.
    h.b.console_clean(name).await;

    let reports = h.reports();
    assert_eq!(
        reports,
        json!({"csp": [], "failed": []}),
        "{name}: CSP violations or failed requests"
    );
    h.b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in serving the built hosts; scripts/test runs it"]
async fn a_vite_app_with_the_element() {
    works_the_first_time("vite-element").await;
}

#[tokio::test]
#[ignore = "needs the stand-in serving the built hosts; scripts/test runs it"]
async fn a_vite_app_with_mount() {
    works_the_first_time("vite-mount").await;
}

#[tokio::test]
#[ignore = "needs the stand-in serving the built hosts; scripts/test runs it"]
async fn a_webpack_app_with_mount() {
    works_the_first_time("webpack").await;
}

#[tokio::test]
#[ignore = "needs the stand-in serving the built hosts; scripts/test runs it"]
async fn a_leptos_app_with_the_component() {
    works_the_first_time("leptos").await;
}

#[tokio::test]
#[ignore = "needs the stand-in serving the built hosts; scripts/test runs it"]
async fn a_plain_page_with_the_package_beside_it() {
    works_the_first_time("plain").await;
}

/// A Leptos app that turns on the `picture` feature (examples/leptos does) changes the
/// picture under its own CSP: the browser's file input, the crop, the upload, the new
/// picture in the header, and nothing refused or failed on the way.
#[tokio::test]
#[ignore = "needs the stand-in serving the built hosts; scripts/test runs it"]
async fn a_leptos_app_with_the_picture_feature_changes_the_picture() {
    let h = Host::open("leptos").await;
    h.b.client.goto(&h.url).await.unwrap();
    h.sign_in_as("demo", "Ada").await;
    let photo = driving::photo();
    let input = h.b.testid("picture-file").await;
    input.send_keys(photo.to_str().unwrap()).await.unwrap();
    h.until_shown(
        "the crop view",
        "root.querySelector(\"[data-testid='picture-preview']\")",
    )
    .await;
    h.click("picture-upload").await;
    h.until_shown(
        "the new picture",
        "root.querySelector(\"[data-testid='avatar']\")?.naturalWidth === 512",
    )
    .await;
    h.b.axe_clean("leptos, the new picture").await;
    assert_eq!(
        h.reports(),
        json!({"csp": [], "failed": []}),
        "CSP violations or failed requests"
    );
    h.b.close().await;
}

/// An element written in the host's markup draws its frame and asks for the profile
/// as soon as the bundle's JavaScript runs, before the wasm: after a reload the
/// profile is asked for once, before `DOMContentLoaded`.
async fn asks_for_the_profile_before_the_wasm(name: &str) {
    let h = Host::open(name).await;
    h.b.client.goto(&h.url).await.unwrap();
    h.sign_in_as("demo", "Ada").await;
    let stamp = h.b.reload_soon().await;
    h.b.back_on_a_new_page(stamp).await;
    h.until_shown(
        "the prefilled form",
        "root.querySelector(\"input[name='firstName']\")?.value === 'Ada'",
    )
    .await;
    let asked = h
        .run(
            "const nav = performance.getEntriesByType('navigation')[0]; \
             return performance.getEntriesByType('resource') \
               .filter(e => e.name.endsWith('/auth/v1/users/me')) \
               .map(e => e.startTime <= nav.domContentLoadedEventStart);",
        )
        .await;
    assert_eq!(
        asked,
        json!([true]),
        "{name}: users/me once, before DOMContentLoaded"
    );
    h.b.close().await;
}

#[tokio::test]
#[ignore = "needs the stand-in serving the built hosts; scripts/test runs it"]
async fn an_element_in_a_vite_apps_markup_asks_before_the_wasm() {
    asks_for_the_profile_before_the_wasm("vite-element").await;
}

#[tokio::test]
#[ignore = "needs the stand-in serving the built hosts; scripts/test runs it"]
async fn an_element_in_a_plain_pages_markup_asks_before_the_wasm() {
    asks_for_the_profile_before_the_wasm("plain").await;
}
