//! `<zitadel-profile-form>`: the form as a custom element for any page.
//!
//! Attributes are the options in kebab-case. The form renders into an open shadow root
//! that adopts the form's stylesheet (a constructed stylesheet, no inline `<style>`, so
//! a strict CSP holds), or links the host's own `stylesheet`, so page styles and
//! widget styles stay apart. Changing an attribute remounts the form;
//! removing the element unmounts it, which disposes every listener it registered.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::mount::mount_options;
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
    }
}

thread_local! {
    static DEFINED: Cell<bool> = const { Cell::new(false) };
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
    // The form adopts its own stylesheet, unless the host brings one.
    let href = element
        .get_attribute("stylesheet")
        .filter(|href| stylesheet_allowed(href, &crate::page::page_url()));
    crate::bundle::host_stylesheet(&root, href);
    let Ok(container) = document
        .create_element("div")
        .map(JsCast::unchecked_into::<HtmlElement>)
    else {
        return;
    };
    container.set_class_name("zpf-host");
    let _ = root.append_child(&container);
    let options = options_from_attributes(|name| element.get_attribute(name));
    let id = crate::mount::hold(mount_options(container, options.resolve(&page_url())));
    let _ = js_sys::Reflect::set(element, &ID_PROPERTY.into(), &id.into());
}

/// Whether the `stylesheet` attribute may style the form: a relative URL or one on
/// this page's origin, or any https URL. A stylesheet can restyle and read the
/// form, so plain http from elsewhere, `data:` and the like fall back to the default.
pub fn stylesheet_allowed(href: &str, page_url: &str) -> bool {
    let href = href.trim();
    let scheme = href.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    match scheme {
        Some(scheme) if scheme.eq_ignore_ascii_case("https") => origin(href).is_some(),
        Some(_) => origin(href).is_some() && origin(href) == origin(page_url),
        // Protocol-relative (browsers read `\` as `/`): another host, over this
        // page's scheme.
        None if href.len() >= 2 && href.chars().take(2).all(|c| c == '/' || c == '\\') => {
            page_url.starts_with("https:")
        }
        None => !href.is_empty(),
    }
}

/// Registers `<zitadel-profile-form>` with the page; later calls do nothing.
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element() {
    if DEFINED.with(|d| d.replace(true)) {
        return;
    }
    // The hooks live as long as the page: the registration cannot be undone.
    let connected = Closure::<dyn Fn(HtmlElement)>::new(|element: HtmlElement| render(&element));
    let disconnected =
        Closure::<dyn Fn(HtmlElement)>::new(|element: HtmlElement| unmount(&element));
    let changed = Closure::<dyn Fn(HtmlElement)>::new(|element: HtmlElement| render(&element));
    let attributes: js_sys::Array = ATTRIBUTES.iter().map(|a| JsValue::from_str(a)).collect();
    crate::bundle::define_element(
        TAG,
        attributes,
        connected.as_ref(),
        disconnected.as_ref(),
        changed.as_ref(),
    );
    connected.forget();
    disconnected.forget();
    changed.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// L4: only a stylesheet of this origin, or an https one, may style the form.
    #[test]
    fn l4_the_stylesheet_must_be_same_origin_or_https() {
        let page = "http://127.0.0.1:8081/embed/";
        for href in [
            "theme.css",
            "/styles/theme.css",
            "http://127.0.0.1:8081/theme.css",
            "https://cdn.example/theme.css",
        ] {
            assert!(stylesheet_allowed(href, page), "{href}");
        }
        for href in [
            "http://evil.example/theme.css",
            "http://127.0.0.1:9999/theme.css",
            "//evil.example/theme.css",
            "data:text/css,option[selected]{background:url(//x)}",
            "javascript:alert(1)",
            "\\\\evil.example/theme.css",
            "",
        ] {
            assert!(!stylesheet_allowed(href, page), "{href}");
        }
        assert!(stylesheet_allowed(
            "//cdn.example/t.css",
            "https://app.example/"
        ));
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
