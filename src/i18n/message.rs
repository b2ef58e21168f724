//! A [`Key`] with the values for its placeholders, worded in a language when shown.

use std::fmt;

use super::{catalogue, locale, Key};

/// What fills a placeholder: plain text, or another message, worded in the same
/// language as the one it sits in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Message(Box<Message>),
}

macro_rules! text_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Self {
                Arg::Text(value.to_string())
            }
        }
    )*};
}

text_args!(
    &str,
    &&str,
    String,
    &String,
    u16,
    &u16,
    u32,
    usize,
    &usize,
    u64,
    char,
    crate::json::Error
);

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(Box::new(message))
    }
}

impl From<Key> for Arg {
    fn from(key: Key) -> Self {
        Arg::Message(Box::new(Message::new(key)))
    }
}

/// A key with the values for its placeholders, worded when shown: [`fmt::Display`]
/// gives English (for hosts' events and logs), [`Message::render`] any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: Key,
    args: Vec<(&'static str, Arg)>,
    /// The number that picks the plural form, where the text has several.
    count: Option<u64>,
}

impl Message {
    pub fn new(key: Key) -> Self {
        Self {
            key,
            args: Vec::new(),
            count: None,
        }
    }

    /// Fills `{name}` with `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// Fills `{name}` with the number `n`, which also picks the plural form.
    pub fn count(mut self, name: &'static str, n: usize) -> Self {
        self.count = Some(n as u64);
        self.with(name, n)
    }

    pub fn key(&self) -> Key {
        self.key
    }

    /// The text in `language` (one of ZITADEL's codes), from its catalogue if this
    /// page has fetched it, else in English.
    pub fn render(&self, language: &str) -> String {
        let category = self
            .count
            .map(|n| catalogue::plural_category(language, n))
            .unwrap_or_default();
        let template = catalogue::template(language, self.key, &category);
        let mut out = String::with_capacity(template.len());
        let mut rest = template.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let name = &after[..close];
            match self.args.iter().find(|(n, _)| *n == name) {
                Some((_, Arg::Text(value))) => out.push_str(value),
                Some((_, Arg::Message(inner))) => out.push_str(&inner.render(language)),
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

impl From<Key> for Message {
    fn from(key: Key) -> Self {
        Message::new(key)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(locale::ENGLISH))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_order_of_the_template() {
        let m = Message::new(Key::TooLong)
            .count("over", 3)
            .with("max", 200_usize);
        assert_eq!(
            m.to_string(),
            "At most 200 characters, please (3 characters too many)."
        );
        let one = Message::new(Key::TooLong)
            .count("over", 1)
            .with("max", 200_usize);
        assert_eq!(
            one.to_string(),
            "At most 200 characters, please (1 character too many)."
        );
    }

    #[test]
    fn a_missing_argument_shows_its_placeholder() {
        assert_eq!(
            Message::new(Key::SignedInAs).to_string(),
            "Signed in as {account}"
        );
    }

    #[test]
    fn every_placeholder_of_every_key_is_well_formed() {
        for &key in Key::ALL {
            let text = key.text();
            assert!(!text.trim().is_empty(), "{key:?} is empty");
            assert_eq!(
                text.matches('{').count(),
                text.matches('}').count(),
                "{key:?}: {text}"
            );
        }
    }
}
