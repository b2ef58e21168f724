//! The form's language, for its parts: a signal that changes once the new language's
//! catalogue is on the page, so every text re-renders in it at once.

use leptos::prelude::*;

use crate::i18n::locale::ENGLISH;
use crate::i18n::{Key, Message};

/// The language a form speaks; its parts find it in the context.
#[derive(Clone, Copy)]
pub struct Tr(pub RwSignal<&'static str>);

impl Tr {
    /// The form's language code (tracked).
    pub fn language(self) -> &'static str {
        self.0.get()
    }

    /// `key`'s text in the form's language (tracked).
    pub fn text(self, key: Key) -> String {
        Message::new(key).render(self.0.get())
    }

    /// `message` in the form's language (tracked).
    pub fn message(self, message: &Message) -> String {
        message.render(self.0.get())
    }
}

/// The enclosing form's language; English outside a form.
pub fn tr() -> Tr {
    use_context::<Tr>().unwrap_or_else(|| Tr(RwSignal::new(ENGLISH)))
}
