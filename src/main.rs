//! The standalone page: reads `config.json` served beside `index.html` and mounts the form.

use zitadel_profile_form::http::{HttpError, Request};
use zitadel_profile_form::{mount_options, page_url, Config, Key, Message, Options, OptionsError};

/// The bundle's allocator: talc, smaller than Rust's default for wasm (dlmalloc) by
/// about 400 bytes brotli (docs/size.md). Set here, in the page's binary, so that a
/// Leptos app using the crate keeps its own.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// How long the page waits for its `config.json`.
const CONFIG_TIMEOUT_MS: u32 = 15_000;

fn main() {
    // Any page that loads the bundle can use <zitadel-profile-form>.
    zitadel_profile_form::define_element();
    wasm_bindgen_futures::spawn_local(async {
        let Some(root) = standalone_root() else {
            return;
        };
        let config = load_config()
            .await
            .and_then(|o| o.resolve(&page_url()))
            .map(|config| Config {
                owns_document: true,
                ..config
            });
        // The page's own frame (index.html) gives way to the form's, in one frame.
        root.set_text_content(None);
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

/// `config.json` beside the page, resolved against the page's own address rather
/// than the document's base, which an injected `<base>` could move.
fn config_url(page_url: &str) -> String {
    let page = zitadel_profile_form::options::strip_query_and_fragment(page_url);
    let dir = page.rfind('/').map_or(page, |slash| &page[..=slash]);
    format!("{dir}config.json")
}

async fn load_config() -> Result<Options, OptionsError> {
    let location = zitadel_profile_form::page_url();
    let text = Request::get(&config_url(&location))
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
    zitadel_profile_form::json::from_str(&text)
        .map_err(|e| OptionsError::unreadable(Message::new(Key::ConfigMalformed).with("reason", e)))
}

#[cfg(test)]
mod tests {
    use super::config_url;

    /// I10: config.json is found beside the page, whatever `<base>` says.
    #[test]
    fn i10_config_json_sits_beside_the_page() {
        assert_eq!(
            config_url("https://app.example/profile/?code=1#x"),
            "https://app.example/profile/config.json"
        );
        assert_eq!(
            config_url("https://app.example/profile/index.html"),
            "https://app.example/profile/config.json"
        );
        assert_eq!(
            config_url("http://127.0.0.1:8081/"),
            "http://127.0.0.1:8081/config.json"
        );
    }
}
