//! The standalone page: reads `config.json` served beside `index.html` and mounts the form.

use zitadel_profile_form::http::{HttpError, Request};
use zitadel_profile_form::{mount_options, page_url, Key, Message, Options, OptionsError};

/// How long the page waits for its `config.json`.
const CONFIG_TIMEOUT_MS: u32 = 15_000;

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
    let text = Request::get("config.json")
        .send(CONFIG_TIMEOUT_MS)
        .await
        .map_err(|e| {
            OptionsError::unreadable(match e {
                HttpError::Status { status, .. } => {
                    Message::new(Key::ConfigStatus).with("status", status)
                }
                HttpError::Timeout => {
                    Message::new(Key::ConfigUnreachable).with("reason", Message::new(Key::Timeout))
                }
                HttpError::Network(why) | HttpError::Decode(why) => {
                    Message::new(Key::ConfigUnreachable).with("reason", why)
                }
            })
        })?;
    serde_json::from_str(&text)
        .map_err(|e| OptionsError::unreadable(Message::new(Key::ConfigMalformed).with("reason", e)))
}
