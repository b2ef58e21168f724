//! The few things the form asks of the browser beyond rendering: the person's
//! languages, a time in their words, the User Timing mark, and hearing the page leave.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The browser's languages, most preferred first (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    crate::page::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// "14:03:12" as people write times in `language` (the browser's `Intl`), from the
/// server's change date.
pub fn format_time(change_date: &str, language: &str) -> Option<String> {
    let date = js_sys::Date::new(&change_date.into());
    if date.get_time().is_nan() {
        return None;
    }
    Some(date.to_locale_time_string(language).into())
}

/// The moment the prefilled form is on screen and takes input, as the User Timing
/// mark [`crate::page::EDITABLE_MARK`]: benchmarks and hosts measure load time with it.
pub fn mark_editable() {
    leptos::task::spawn_local(async {
        leptos::task::tick().await;
        if let Some(performance) = crate::page::window().performance() {
            let _ = performance.mark(crate::page::EDITABLE_MARK);
        }
    });
}

/// Runs `then` when the page starts to leave (`pagehide`), unless dropped first.
pub struct OnLeave {
    closure: Closure<dyn FnMut()>,
}

impl OnLeave {
    pub fn new(then: impl FnMut() + 'static) -> Self {
        let closure = Closure::<dyn FnMut()>::new(then);
        let _ = crate::page::window()
            .add_event_listener_with_callback("pagehide", closure.as_ref().unchecked_ref());
        Self { closure }
    }
}

impl Drop for OnLeave {
    fn drop(&mut self) {
        let _ = crate::page::window()
            .remove_event_listener_with_callback("pagehide", self.closure.as_ref().unchecked_ref());
    }
}
