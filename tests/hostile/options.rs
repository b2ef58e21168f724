//! The widget's options: from JSON, from any text, from element attributes; and the
//! origins of URLs.

use proptest::prelude::*;
use zitadel_profile_form::element::{options_from_attributes, stylesheet_allowed};
use zitadel_profile_form::url::{is_secure, origin};
use zitadel_profile_form::{Options, OptionsError};

use crate::cases::cases;
use crate::checks::resolves_or_refuses;
use crate::generators::{attributes, body, dom_text, options, options_shape, text, url_like};

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn options_json_resolves_or_refuses(json in body(options_shape()), page_url in url_like()) {
        match Options::from_json(&json) {
            Ok(options) => resolves_or_refuses(options, &page_url)?,
            Err(error) => {
                prop_assert!(matches!(error, OptionsError::Malformed(_)), "{:?}", error);
                prop_assert!(!error.to_string().is_empty());
            }
        }
    }

    #[test]
    fn options_of_any_text_resolve_or_refuse(
        options in options(),
        page_url in prop_oneof![3 => url_like(), 1 => dom_text()],
    ) {
        resolves_or_refuses(options, &page_url)?;
    }

    #[test]
    fn element_attributes_resolve_or_refuse(attributes in attributes(), page_url in url_like()) {
        let options = options_from_attributes(|name| attributes.get(name).cloned());
        prop_assert_eq!(options.timeout_ms.is_some(), attributes.contains_key("timeout-ms"));
        resolves_or_refuses(options, &page_url)?;
        // S1: markup alone never sends the token to another origin than the issuer's.
        if let Ok(config) = options_from_attributes(|name| attributes.get(name).cloned())
            .resolve(&page_url)
        {
            prop_assert_eq!(origin(&config.api_base_url), origin(&config.issuer));
        }
    }

    /// S7: with nothing allowed, only the page's own origin styles the form.
    #[test]
    fn only_the_pages_origin_styles_the_form_by_default(
        found in prop_oneof![url_like(), Just("null".to_owned())],
        page in url_like(),
    ) {
        let (found, page) = (origin(&found).unwrap_or(found), origin(&page).unwrap_or(page));
        prop_assert_eq!(stylesheet_allowed(&found, &page, &[]), found == page && found != "null");
    }

    #[test]
    fn urls_have_an_origin_or_none(url in prop_oneof![3 => url_like(), 1 => text(), 1 => dom_text()]) {
        let found = origin(&url);
        if let Some(found) = &found {
            let (scheme, authority) = found.split_once("://").unwrap_or_default();
            prop_assert!(scheme == "https" || scheme == "http", "{}", found);
            prop_assert!(!authority.is_empty() && !authority.contains(['/', '?', '#', '@']));
            prop_assert_eq!(found.to_ascii_lowercase(), found.clone());
            let again = origin(found);
            prop_assert_eq!(again.as_ref(), Some(found));
        }
        prop_assert!(!is_secure(&url) || found.is_some());
    }
}
