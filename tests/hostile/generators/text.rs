use proptest::prelude::*;
use proptest::sample::{select, Index};

use crate::Text;

/// The longest of the huge inputs, in chars.
const HUGE: usize = 1 << 16;

/// `piece` repeated to up to [`HUGE`] chars.
pub fn huge(piece: impl Strategy<Value = String> + 'static) -> Text {
    (piece, 1..HUGE)
        .prop_map(|(piece, len)| piece.chars().cycle().take(len).collect())
        .boxed()
}

/// Chars that trouble text handling: controls, combining marks with nothing to
/// combine with, zero-width and direction marks, odd spaces, the edges of the
/// surrogate gap, and the separators of URLs and JSON.
fn odd_char() -> BoxedStrategy<char> {
    prop_oneof![
        prop::char::range('\0', '\u{1f}'),
        prop::char::range('\u{7f}', '\u{9f}'),
        prop::char::range('\u{300}', '\u{36f}'),
        select(vec![
            '\u{200b}',
            '\u{200d}',
            '\u{202e}',
            '\u{2028}',
            '\u{feff}',
            '\u{a0}',
            '\u{3000}',
            '\u{fffd}',
            '\u{d7ff}',
            '\u{e000}',
            '\u{10ffff}',
            '%',
            '&',
            '=',
            '+',
            '?',
            '#',
            '/',
            '\\',
            '"',
            '{',
            '[',
            '.',
        ]),
    ]
    .boxed()
}

/// Any text: any chars, odd ones often, sometimes huge.
pub fn text() -> Text {
    let short = prop_oneof![
        any::<String>(),
        prop::collection::vec(prop_oneof![any::<char>(), odd_char()], 0..64)
            .prop_map(String::from_iter),
    ];
    prop_oneof![6 => short.clone(), 1 => huge(short)].boxed()
}

/// Text as the DOM hands it to Rust: UTF-16 with lone surrogates, made lossy as the
/// browser bindings make it.
pub fn dom_text() -> Text {
    let unit = prop_oneof![any::<u16>(), 0xd800u16..0xe000, 0x20u16..0x7f];
    prop::collection::vec(unit, 0..128)
        .prop_map(|units| String::from_utf16_lossy(&units))
        .boxed()
}

/// `right` mostly, else any text, DOM text, or `right` with DOM text after it.
pub fn or_odd(right: Text) -> Text {
    prop_oneof![
        12 => right.clone(),
        1 => text(),
        1 => dom_text(),
        1 => (right, dom_text()).prop_map(|(r, d)| r + &d),
    ]
    .boxed()
}

/// `text` as it is, or cut short, with a char spliced in, or with a char taken out.
pub fn mangled(text: Text) -> Text {
    (text, any::<Index>(), 0..8u8, odd_char())
        .prop_map(|(mut text, at, how, c)| {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match how {
                1 => text.truncate(i),
                2 => text.insert(i, c),
                3 if i < text.len() => {
                    text.remove(i);
                }
                _ => {}
            }
            text
        })
        .boxed()
}

/// What a person might type into a name: a name, anything, DOM text, combining marks
/// with nothing to combine with, lengths around the limits, huge text.
pub fn typed() -> Text {
    prop_oneof![
        3 => "[\\p{L}\\p{M}' -]{1,40}",
        3 => text(),
        2 => dom_text(),
        1 => prop::collection::vec(prop::char::range('\u{300}', '\u{36f}'), 0..220)
            .prop_map(String::from_iter),
        1 => prop::collection::vec(odd_char(), 195..206).prop_map(String::from_iter),
        1 => (any::<char>(), 195..206usize).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
    .boxed()
}
