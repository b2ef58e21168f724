//! End to end, as a person uses it: a real headless browser driven over WebDriver,
//! the built page on one origin, the local ZITADEL stand-in on another.
//!
//! These need the stand-in (with test controls) and the page running, which
//! `scripts/test` starts; there they run once per browser with
//! `ZPF_E2E_BROWSER=chromium|firefox cargo test --test e2e -- --ignored --test-threads=1`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../driving/mod.rs"]
mod driving;

mod accessibility;
mod editing;
mod embedding;
mod languages;
mod loading;
mod operator;
mod picture;
mod sessions;
mod sign_in;
mod trust;

use driving::browser::Browser;
use driving::{dev, env, issuer, page_url};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use zitadel_dev::config::{DEMO_PASSWORD, DEMO_USER};
use zitadel_profile_form::profile::Field;

/// The form's label for the first name in `code`, from its catalogue file.
fn first_name_label(code: &str) -> String {
    if code == "en" {
        return "First name".to_owned();
    }
    let path = format!(
        "{}/src/i18n/catalogues/{code}.js",
        env!("CARGO_MANIFEST_DIR")
    );
    let module = std::fs::read_to_string(path).unwrap();
    let json = zitadel_profile_form::i18n::catalogue::module_json(&module).unwrap();
    let catalogue: Value = serde_json::from_str(json).unwrap();
    catalogue["FirstName"].as_str().unwrap().to_owned()
}

/// A code shaped like the stand-in's (24 random bytes, base64url) that it never issued,
/// so it answers as for a spent one.
const SPENT_LOOKING_CODE: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/// The requests this document sent to ZITADEL, by path, in order (the browser's
/// resource timings; CORS preflights are not listed).
/// The paths the page asked ZITADEL for, in order; the avatar, an image on ZITADEL's
/// assets API, is not counted.
async fn requests_to_zitadel(b: &Browser) -> Vec<String> {
    let found = b
        .client
        .execute(
            "return performance.getEntriesByType('resource') \
               .filter(e => e.name.startsWith(arguments[0]) && e.initiatorType !== 'img') \
               .map(e => new URL(e.name).pathname);",
            vec![json!(issuer())],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

/// Whether leaving the page now would raise the browser's leave-page prompt: a
/// cancelable `beforeunload` comes back `defaultPrevented`. (Under WebDriver Firefox
/// never shows the prompt itself, so the event is what both browsers can check.)
async fn leaving_asks(b: &Browser) -> bool {
    let script = "const e = new Event('beforeunload', {cancelable: true}); \
                  window.dispatchEvent(e); return e.defaultPrevented;";
    b.client.execute(script, vec![]).await.unwrap() == json!(true)
}

/// What another session saves while this one edits: the demo user's profile with a
/// new first name, display name and gender.
fn changed_elsewhere() -> Value {
    json!({"profile": {
        "firstName": "Ada Augusta", "lastName": "Lovelace", "nickName": "",
        "displayName": "Ada, Countess of Lovelace", "preferredLanguage": "en",
        "gender": "GENDER_FEMALE",
    }})
}

/// How many times the page asked ZITADEL for `path`.
async fn asked(b: &Browser, path: &str) -> usize {
    requests_to_zitadel(b)
        .await
        .iter()
        .filter(|p| *p == path)
        .count()
}

/// The text of a conflict choice (`conflict-{field}-{mine|theirs}`), and whether it
/// is chosen.
async fn choice(b: &Browser, field: &str, side: &str) -> (String, bool) {
    let label = b.testid(&format!("conflict-{field}-{side}")).await;
    let chosen = label.find(Locator::Css("input")).await.unwrap();
    let checked = chosen.prop("checked").await.unwrap();
    (
        label.text().await.unwrap(),
        checked.as_deref() == Some("true"),
    )
}

/// What the header shows: `(avatar image loaded, initials' accessible name, email line)`.
async fn header(b: &Browser) -> Value {
    let script = "const img = document.querySelector(\"[data-testid='avatar']\"); \
        const initials = document.querySelector(\"[data-testid='avatar-initials']\"); \
        const email = document.querySelector(\"[data-testid='email']\"); \
        return [!!img && img.complete && img.naturalWidth > 0, \
                initials && initials.getAttribute('aria-label'), email && email.textContent];";
    b.client.execute(script, vec![]).await.unwrap()
}

impl Browser {
    /// Presses `keys` on whatever has the focus, as a keyboard would (WebDriver
    /// actions: no element is targeted). Shift and Control stay held until `Key::Null`.
    async fn press(&self, keys: &str) {
        let modifiers: [char; 2] = [Key::Shift.into(), Key::Control.into()];
        let null: char = Key::Null.into();
        let mut held = Vec::new();
        let mut actions = KeyActions::new("keyboard".into());
        for key in keys.chars() {
            if modifiers.contains(&key) {
                actions = actions.then(KeyAction::Down { value: key });
                held.push(key);
            } else if key == null {
                for value in held.drain(..) {
                    actions = actions.then(KeyAction::Up { value });
                }
            } else {
                actions = actions
                    .then(KeyAction::Down { value: key })
                    .then(KeyAction::Up { value: key });
            }
        }
        for value in held {
            actions = actions.then(KeyAction::Up { value });
        }
        self.client.perform_actions(actions).await.unwrap();
    }

    /// What has the focus: its `name`, else its `data-testid`, and whether the focus
    /// ring shows (an outline wider than zero).
    async fn focused(&self) -> (String, bool) {
        let found = self
            .client
            .execute(
                "const e = document.activeElement; const s = getComputedStyle(e); \
                 return [e.getAttribute('name') || e.dataset.testid || e.tagName, \
                         s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0];",
                vec![],
            )
            .await
            .unwrap();
        (
            found[0].as_str().unwrap_or_default().to_owned(),
            found[1] == json!(true),
        )
    }

    /// Presses Tab until `target` has the focus, at most `limit` times, checking the
    /// focus ring of everything it passes.
    async fn tab_to(&self, target: &str, backwards: bool, limit: usize) {
        let key = if backwards {
            format!("{}{}{}", Key::Shift, Key::Tab, Key::Null)
        } else {
            Key::Tab.to_string()
        };
        for _ in 0..limit {
            self.press(&key).await;
            let (name, ring) = self.focused().await;
            if name != "BODY" {
                assert!(ring, "{name} has the focus but shows no focus ring");
            }
            if name == target {
                return;
            }
        }
        panic!("{target} is not reachable by keyboard");
    }
}

/// Runs `body` with `root` bound to the shadow root of the form `slot` on a page of
/// several forms (`data-testid="form-{slot}"`).
pub(crate) async fn in_form(b: &Browser, slot: &str, body: &str) -> Value {
    let script = format!(
        "const root = document.querySelector(\"[data-testid='form-{slot}']\")?.shadowRoot; \
         if (!root) return null; {body}"
    );
    b.client.execute(&script, vec![]).await.unwrap()
}

/// What the form `slot` shows: a notice or a load error with its text, else
/// `signed-in` with the first name, or `sign-in`.
pub(crate) async fn showing(b: &Browser, slot: &str) -> Value {
    in_form(
        b,
        slot,
        "const notice = root.querySelector(\"[data-testid='notice']\"); \
         if (notice && notice.textContent) return 'notice ' + notice.textContent; \
         const failed = root.querySelector(\"[data-testid='load-error']\"); \
         if (failed) return 'load-error ' + failed.textContent; \
         const first = root.querySelector(\"[name='firstName']\"); \
         if (first && first.value) return 'signed-in ' + first.value; \
         return root.querySelector(\"[data-testid='sign-in']\") ? 'sign-in' : 'loading';",
    )
    .await
}

impl Browser {
    /// Waits until the notice reads as `shows` wants it.
    async fn until_notice(&self, what: &str, shows: impl Fn(&str) -> bool) {
        let shows = &shows;
        self.until(what, || async move { shows(&self.notice().await) })
            .await;
    }

    /// Clicks Save, then waits until the notice reads as `shows` wants it.
    async fn save_until(&self, what: &str, shows: impl Fn(&str) -> bool) {
        self.testid("save").await.click().await.unwrap();
        self.until_notice(what, shows).await;
    }

    /// Opens a second tab sharing `first`'s session and sends it to another page of the
    /// origin (it keeps its sessionStorage); then `first` finds its access token about
    /// to expire and refreshes. Returns the second tab, which still holds the tokens
    /// `first` spent; `first` is current.
    async fn refresh_while_a_sharing_tab_is_away(
        &self,
        first: &fantoccini::wd::WindowHandle,
    ) -> fantoccini::wd::WindowHandle {
        let second = self.open_sharing_tab(first).await;
        self.client
            .goto(&format!("{}config.json", page_url()))
            .await
            .unwrap();
        self.client.switch_to_window(first.clone()).await.unwrap();
        self.reload_with_an_expiring_token().await;
        second
    }

    /// A month passes (the refresh token dies too, ZITADEL's browser session lives),
    /// and a save with an edit finds the session over: the form says so and keeps
    /// the edit, and the tokens are gone.
    async fn lose_the_tokens_while_editing(&self) {
        dev("clock", json!({"advanceSeconds": 31 * 24 * 3600}));
        self.type_into("nickName", "Countess").await;
        self.save_until("the session notice", |n| n.contains("Sign in again"))
            .await;
    }

    /// Makes this tab's access token look expired and reloads: the new page refreshes
    /// before it asks for the profile, and is loaded when this returns.
    async fn reload_with_an_expiring_token(&self) {
        self.client
            .execute(
                "const k = Object.keys(sessionStorage).find(k => k.includes(':tokens:'));\
                 const t = JSON.parse(sessionStorage.getItem(k)); t.expiresAtMs = 0;\
                 sessionStorage.setItem(k, JSON.stringify(t));",
                vec![],
            )
            .await
            .unwrap();
        self.reload_loaded().await;
    }
}

/// The tokens a tab holds, as stored in its sessionStorage.
async fn held_tokens(b: &Browser) -> Value {
    let text = b
        .client
        .execute(
            "const k = Object.keys(sessionStorage).find(k => k.includes(':tokens:'));\
             return k ? sessionStorage.getItem(k) : 'null'",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_str(text.as_str().unwrap_or("null")).unwrap_or(Value::Null)
}

/// Every way a token could travel readably in a message.
fn encodings(token: &str) -> Vec<String> {
    let url_safe = zitadel_profile_form::oidc::encoding::base64url(token.as_bytes());
    let standard = url_safe.replace('-', "+").replace('_', "/");
    vec![token.to_owned(), url_safe, standard]
}
