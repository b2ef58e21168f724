//! The standalone page: reads `config.json` served beside `index.html` and mounts the form.

use gloo_net::http::Request;
use zitadel_profile_form::{mount_options, page_url, Options, OptionsError};

fn main() {
    // Any page that loads the bundle can use <zitadel-profile-form>.
    zitadel_profile_form::define_element();
    wasm_bindgen_futures::spawn_local(async {
        let Some(root) = standalone_root() else {
            return;
        };
        let config = load_config().await.and_then(|o| o.resolve(&page_url()));
        std::mem::forget(mount_options(root, config));
    });
}

/// The element the standalone page mounts into; its absence means a host page loaded
/// the bundle for `mount()` or the custom element, so there is nothing more to do.
fn standalone_root() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .get_element_by_id("zitadel-profile-form")?
        .dyn_into()
        .ok()
}

async fn load_config() -> Result<Options, OptionsError> {
    let unreadable = |why: String| {
        OptionsError::Malformed(format!(
            "config.json beside this page could not be loaded: {why}"
        ))
    };
    let response = Request::get("config.json")
        .send()
        .await
        .map_err(|e| unreadable(e.to_string()))?;
    if !response.ok() {
        return Err(unreadable(format!(
            "the server answered HTTP {}",
            response.status()
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|e| unreadable(e.to_string()))?;
    Options::from_json(&text).map_err(|e| match e {
        OptionsError::Malformed(why) => OptionsError::Malformed(format!("config.json: {why}")),
        other => other,
    })
}
