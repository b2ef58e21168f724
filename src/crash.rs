//! When something breaks anyway: a panic replaces every form on the page with a
//! readable error and tells the host through `profile-error` (kind `crashed`),
//! instead of leaving a form that no longer answers, and writes the panic's message
//! and place to the console so that a host developer can report it.

use std::cell::RefCell;
use std::sync::Once;

use crate::host_events::{ErrorKind, HostEvent};
use crate::i18n::{Key, Message};

thread_local! {
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Installs the panic hook once per page; the hook that was there runs after it.
/// The panic's message and place go to the console, so that a host developer can
/// report what broke (a wasm trap alone says only `unreachable`).
pub fn install() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            web_sys::console::error_1(&info.to_string().into());
            report();
            previous(info);
        }));
    });
}

/// Marks `root` as a form to replace if the widget crashes.
pub fn register(root: web_sys::Element) {
    ROOTS.with(|roots| {
        if let Ok(mut roots) = roots.try_borrow_mut() {
            roots.retain(|r| r.is_connected());
            roots.push(root);
        }
    });
}

/// Replaces every mounted form with the crash message and tells each host.
pub fn report() {
    let roots = ROOTS.with(|roots| roots.try_borrow().map(|r| r.clone()).unwrap_or_default());
    for root in roots.iter().filter(|r| r.is_connected()) {
        // In the form's language: its catalogue, if any, is already on the page.
        let language = root.get_attribute("lang").unwrap_or_default();
        let text = Message::new(Key::Crashed).render(&language);
        let text = text.as_str();
        // Plain DOM calls: the reactive system may be what broke.
        while let Some(child) = root.first_child() {
            let _ = root.remove_child(&child);
        }
        let _ = root.set_attribute("aria-busy", "false");
        if let Some(document) = root.owner_document() {
            if let Ok(message) = document.create_element("p") {
                let _ = message.set_attribute("role", "alert");
                let _ = message.set_attribute("class", "zpf-banner zpf-banner--error");
                let _ = message.set_attribute("data-testid", "crashed");
                message.set_text_content(Some(text));
                let _ = root.append_child(&message);
            }
        }
        HostEvent::error(ErrorKind::Crashed, text).dispatch(root);
    }
}
