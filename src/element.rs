//! `<zitadel-profile-form>`: the form as a custom element for any page.
//!
//! Attributes are the options in kebab-case. The form renders into an open shadow root
//! that adopts the form's stylesheet (a constructed stylesheet, no inline `<style>`, so
//! a strict CSP holds), or links the host's own `stylesheet`, so page styles and
//! widget styles stay apart. Changing an attribute remounts the form;
//! removing the element unmounts it, which disposes every listener it registered.
//!
//! Markup cannot choose where the token or the form's looks come from: an API or a
//! stylesheet on another origin than the page's (the issuer's, for the API) is used
//! only when the page's own script allowed that origin with [`allow_origins`].

use std::cell::{Cell, RefCell};

use serde::Deserialize;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::mount::mount_options;
use crate::options::is_origin;
use crate::options::Options;
use crate::page::page_url;
use crate::url::origin;

/// The element's tag name.
pub const TAG: &str = "zitadel-profile-form";

/// Attribute names, with the option each one sets.
pub const ATTRIBUTES: [&str; 9] = [
    "issuer",
    "client-id",
    "redirect-uri",
    "scope",
    "api-base-url",
    "post-logout-redirect-uri",
    "locale",
    "timeout-ms",
    "stylesheet",
];

/// Options from the element's attributes; `attribute` reads one by name. A
/// `timeout-ms` that is not a number is passed on as zero, which `resolve` refuses
/// with a readable message.
pub fn options_from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Options {
    Options {
        issuer: attribute("issuer"),
        client_id: attribute("client-id"),
        redirect_uri: attribute("redirect-uri"),
        scope: attribute("scope"),
        api_base_url: attribute("api-base-url"),
        post_logout_redirect_uri: attribute("post-logout-redirect-uri"),
        locale: attribute("locale"),
        timeout_ms: attribute("timeout-ms").map(|t| t.trim().parse().unwrap_or(0)),
        // Never from markup (S1): only the page's script widens it.
        allowed_api_origins: None,
    }
}

thread_local! {
    static DEFINED: Cell<bool> = const { Cell::new(false) };
    /// What the page's script allowed the elements, by origin.
    static ALLOWED: RefCell<AllowedOrigins> = RefCell::default();
    /// The elements on the page now, to render again when more is allowed.
    static CONNECTED: RefCell<Vec<HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// Origins the page's script allows the elements beyond their defaults, as
/// `allowOrigins()` takes them: `{ api: [...], stylesheets: [...] }`.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowedOrigins {
    /// Origins an element's `api-base-url` may name besides the issuer's.
    #[serde(default)]
    pub api: Vec<String>,
    /// Origins an element's `stylesheet` may come from besides the page's.
    #[serde(default)]
    pub stylesheets: Vec<String>,
}

impl AllowedOrigins {
    /// The first entry that is not a whole, secure origin (`https://host[:port]`, or
    /// plain http on this machine), if any.
    pub fn first_malformed(&self) -> Option<&str> {
        self.api
            .iter()
            .chain(&self.stylesheets)
            .map(String::as_str)
            .find(|entry| {
                let trimmed = entry.trim().trim_end_matches('/');
                origin(trimmed).is_none_or(|o| {
                    !o.eq_ignore_ascii_case(trimmed) || !crate::url::is_secure(trimmed)
                })
            })
    }
}

/// Allows `<zitadel-profile-form>` elements on this page an API or a stylesheet on
/// other origins: `allowOrigins({ api: ["https://api.acme.example"], stylesheets:
/// ["https://cdn.acme.example"] })`. Only script can: attributes never widen what an
/// element may reach, so injected markup cannot send a person's token or its own
/// styles anywhere. Each call adds to the earlier ones; elements already on the page
/// that name such an origin render again. Throws on entries that are not origins.
#[wasm_bindgen(js_name = allowOrigins)]
pub fn allow_origins(origins: JsValue) -> Result<(), JsError> {
    let text = js_sys::JSON::stringify(&origins)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let more: AllowedOrigins = crate::json::from_str_exact(&text).map_err(|_| {
        JsError::new("allowOrigins({ api, stylesheets }): each is a list of origins")
    })?;
    if let Some(bad) = more.first_malformed() {
        return Err(JsError::new(&format!(
            "allowOrigins: “{bad}” is not an origin such as https://api.example.com"
        )));
    }
    ALLOWED.with(|allowed| {
        let mut allowed = allowed.borrow_mut();
        allowed.api.extend(more.api);
        allowed.stylesheets.extend(more.stylesheets);
    });
    let widened: Vec<HtmlElement> = CONNECTED.with(|c| {
        c.borrow()
            .iter()
            .filter(|e| e.has_attribute("api-base-url") || e.has_attribute("stylesheet"))
            .cloned()
            .collect()
    });
    for element in widened {
        render(&element);
    }
    Ok(())
}

/// The property that ties an element to its mounted form.
const ID_PROPERTY: &str = "__zitadelProfileForm";

fn element_id(element: &HtmlElement) -> Option<u32> {
    js_sys::Reflect::get(element, &ID_PROPERTY.into())
        .ok()
        .and_then(|v| v.as_f64())
        .map(|v| v as u32)
}

fn unmount(element: &HtmlElement) {
    if let Some(id) = element_id(element) {
        // Dropping the form unmounts the view and disposes its reactive owner.
        drop(crate::mount::release(id));
    }
    if let Some(root) = element.shadow_root() {
        // Node by node, not innerHTML: pages that enforce Trusted Types allow this.
        while let Some(child) = root.first_child() {
            let _ = root.remove_child(&child);
        }
    }
}

fn render(element: &HtmlElement) {
    unmount(element);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let root = match element.shadow_root() {
        Some(root) => root,
        None => match element
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        {
            Ok(root) => root,
            Err(_) => return,
        },
    };
    // The form adopts its own stylesheet, unless the host brings one it may use.
    let href = element
        .get_attribute("stylesheet")
        .and_then(|href| allowed_stylesheet(&document, &href));
    crate::bundle::host_stylesheet(&root, href);
    let Ok(container) = document
        .create_element("div")
        .map(JsCast::unchecked_into::<HtmlElement>)
    else {
        return;
    };
    container.set_class_name("zpf-host");
    let _ = root.append_child(&container);
    let mut options = options_from_attributes(|name| element.get_attribute(name));
    options.allowed_api_origins = Some(ALLOWED.with(|a| a.borrow().api.clone()));
    let id = crate::mount::hold(mount_options(container, options.resolve(&page_url())));
    let _ = js_sys::Reflect::set(element, &ID_PROPERTY.into(), &id.into());
}

/// The `stylesheet` attribute's URL as the browser reads it (against the document's
/// base, after stripping tabs and newlines as URL parsing does), when it may style
/// the form: see [`stylesheet_allowed`].
fn allowed_stylesheet(document: &web_sys::Document, href: &str) -> Option<String> {
    let base = document.base_uri().ok().flatten()?;
    let url = web_sys::Url::new_with_base(href, &base).ok()?;
    let page = crate::page::window().location().origin().ok()?;
    let allowed = ALLOWED.with(|a| a.borrow().stylesheets.clone());
    stylesheet_allowed(&url.origin(), &page, &allowed).then(|| url.href())
}

/// Whether a stylesheet from `origin` (as the browser's URL parser gives it) may style
/// the form on a page of `page_origin`: the page's own origin, or one its script
/// allowed. A stylesheet can restyle the form and read what it shows, so anything
/// else (another host, `data:`, whose origin is opaque) falls back to the default.
pub fn stylesheet_allowed(origin: &str, page_origin: &str, allowed: &[String]) -> bool {
    origin != "null" && (origin == page_origin || allowed.iter().any(|a| is_origin(a, origin)))
}

/// Registers `<zitadel-profile-form>` with the page; later calls do nothing.
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element() {
    if DEFINED.with(|d| d.replace(true)) {
        return;
    }
    // The hooks live as long as the page: the registration cannot be undone.
    let connected = Closure::<dyn Fn(HtmlElement)>::new(|element: HtmlElement| {
        CONNECTED.with(|c| c.borrow_mut().push(element.clone()));
        render(&element);
    });
    let disconnected = Closure::<dyn Fn(HtmlElement)>::new(|element: HtmlElement| {
        CONNECTED.with(|c| c.borrow_mut().retain(|e| *e != element));
        unmount(&element);
    });
    let changed = Closure::<dyn Fn(HtmlElement)>::new(|element: HtmlElement| render(&element));
    crate::bundle::element_hooks(connected.as_ref(), disconnected.as_ref(), changed.as_ref());
    connected.forget();
    disconnected.forget();
    changed.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// L4, S7: a stylesheet from the page's origin, or from one its script allowed;
    /// nothing else, whatever the scheme. (Tab and newline tricks are the browser's
    /// URL parser's to undo; `tests/element.rs` shows they are refused there.)
    #[test]
    fn s7_the_stylesheet_must_be_the_pages_or_allowed() {
        let page = "http://127.0.0.1:8081";
        let none: &[String] = &[];
        assert!(stylesheet_allowed("http://127.0.0.1:8081", page, none));
        for elsewhere in [
            "https://cdn.example",
            "http://evil.example",
            "http://127.0.0.1:9999",
            "https://127.0.0.1:8081",
            "null",
        ] {
            assert!(!stylesheet_allowed(elsewhere, page, none), "{elsewhere}");
        }
        let allowed = ["https://cdn.example/".to_owned()];
        assert!(stylesheet_allowed("https://cdn.example", page, &allowed));
        assert!(!stylesheet_allowed(
            "https://cdn.example.evil.example",
            page,
            &allowed
        ));
        assert!(!stylesheet_allowed("null", "null", none), "opaque origins");
    }

    #[test]
    fn allowed_origins_are_whole_secure_origins() {
        let list = |api: &[&str]| AllowedOrigins {
            api: api.iter().map(|s| s.to_string()).collect(),
            stylesheets: Vec::new(),
        };
        for fine in [
            "https://api.acme.example",
            "https://a.example:8443/",
            "http://127.0.0.1:9",
        ] {
            assert_eq!(list(&[fine]).first_malformed(), None, "{fine}");
        }
        for bad in [
            "api.acme.example",
            "https://api.acme.example/v1",
            "http://api.acme.example",
            "https://evil@api.acme.example",
            "*",
            "",
        ] {
            assert_eq!(
                list(&["https://ok.example", bad]).first_malformed(),
                Some(bad)
            );
        }
    }

    #[test]
    fn attributes_map_to_options() {
        let attributes: std::collections::HashMap<&str, &str> = [
            ("issuer", "https://acme.zitadel.cloud"),
            ("client-id", "1@p"),
            ("redirect-uri", "https://app/cb"),
            ("scope", "openid"),
            ("api-base-url", "https://api"),
            ("post-logout-redirect-uri", "https://app/bye"),
            ("locale", "de"),
            ("timeout-ms", " 500 "),
        ]
        .into();
        let options = options_from_attributes(|n| attributes.get(n).map(|v| v.to_string()));
        assert_eq!(
            options,
            Options {
                issuer: Some("https://acme.zitadel.cloud".into()),
                client_id: Some("1@p".into()),
                redirect_uri: Some("https://app/cb".into()),
                scope: Some("openid".into()),
                api_base_url: Some("https://api".into()),
                post_logout_redirect_uri: Some("https://app/bye".into()),
                locale: Some("de".into()),
                timeout_ms: Some(500),
                allowed_api_origins: None,
            }
        );
    }

    #[test]
    fn a_bad_timeout_is_refused_in_words() {
        let options = options_from_attributes(|n| match n {
            "issuer" => Some("https://acme.zitadel.cloud".to_owned()),
            "client-id" => Some("1@p".to_owned()),
            "timeout-ms" => Some("soon".to_owned()),
            _ => None,
        });
        assert_eq!(options.timeout_ms, Some(0));
        let error = options.resolve("https://app.example.com/").unwrap_err();
        assert_eq!(
            error.to_string(),
            "The option “timeoutMs” must be greater than zero."
        );
        let missing = options_from_attributes(|_| None);
        assert_eq!(missing, Options::default());
    }
}
