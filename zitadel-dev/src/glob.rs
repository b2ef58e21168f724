//! Redirect URIs as patterns, the way ZITADEL reads them in Development Mode: each
//! registered URI is also a glob (zitadel/oidc `pkg/op/auth_request.go`, matched with
//! `doublestar.Match`, `/` as the separator). `*` is any run of characters but `/`,
//! `**` as a whole segment any run of segments, `?` one character but `/`, `[…]` a
//! class (`[!…]` or `[^…]` negated, `a-z` ranges), `{a,b}` alternatives, `\` escapes.

/// Whether `text` matches `pattern`.
pub fn matches(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    match_from(&pattern, &text)
}

fn match_from(pattern: &[char], text: &[char]) -> bool {
    let Some((&first, rest)) = pattern.split_first() else {
        return text.is_empty();
    };
    match first {
        '*' if rest.first() == Some(&'*') => {
            // `**` spans separators; `/**/` also matches a single `/`.
            let after = &rest[1..];
            if after.first() == Some(&'/') && match_from(&after[1..], text) {
                return true;
            }
            (0..=text.len()).any(|skip| match_from(after, &text[skip..]))
        }
        '*' => (0..=text.len())
            .take_while(|&skip| skip == 0 || text[skip - 1] != '/')
            .any(|skip| match_from(rest, &text[skip..])),
        '?' => text
            .split_first()
            .is_some_and(|(&c, tail)| c != '/' && match_from(rest, tail)),
        '[' => match class(rest) {
            Some((set, negated, after)) => text.split_first().is_some_and(|(&c, tail)| {
                c != '/' && set.contains(c) != negated && match_from(after, tail)
            }),
            None => literal('[', rest, text),
        },
        '{' => match alternatives(rest) {
            Some((choices, after)) => choices.iter().any(|choice| {
                let mut joined = choice.clone();
                joined.extend_from_slice(after);
                match_from(&joined, text)
            }),
            None => literal('{', rest, text),
        },
        '\\' if !rest.is_empty() => literal(rest[0], &rest[1..], text),
        c => literal(c, rest, text),
    }
}

fn literal(c: char, rest: &[char], text: &[char]) -> bool {
    text.split_first()
        .is_some_and(|(&t, tail)| t == c && match_from(rest, tail))
}

/// A character class's members, whether it is negated, and what follows it.
struct Set(Vec<(char, char)>);

impl Set {
    fn contains(&self, c: char) -> bool {
        self.0.iter().any(|&(from, to)| from <= c && c <= to)
    }
}

fn class(after_bracket: &[char]) -> Option<(Set, bool, &[char])> {
    let (negated, mut at) = match after_bracket.first() {
        Some('!') | Some('^') => (true, 1),
        _ => (false, 0),
    };
    let mut ranges = Vec::new();
    while let Some(&c) = after_bracket.get(at) {
        if c == ']' && !ranges.is_empty() {
            return Some((Set(ranges), negated, &after_bracket[at + 1..]));
        }
        let to = match (after_bracket.get(at + 1), after_bracket.get(at + 2)) {
            (Some('-'), Some(&end)) if end != ']' => {
                at += 2;
                end
            }
            _ => c,
        };
        ranges.push((c, to));
        at += 1;
    }
    None
}

/// The comma-separated choices of a `{…}` group (nested groups kept whole), and what
/// follows it.
fn alternatives(after_brace: &[char]) -> Option<(Vec<Vec<char>>, &[char])> {
    let mut depth = 0;
    let mut choices = vec![Vec::new()];
    for (at, &c) in after_brace.iter().enumerate() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some((choices, &after_brace[at + 1..])),
            '}' => depth -= 1,
            ',' if depth == 0 => {
                choices.push(Vec::new());
                continue;
            }
            _ => {}
        }
        choices.last_mut()?.push(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn doublestar_patterns_as_development_mode_reads_redirect_uris() {
        for (pattern, text, expected) in [
            ("http://localhost:3000/cb", "http://localhost:3000/cb", true),
            ("http://localhost:*/cb", "http://localhost:3000/cb", true),
            ("http://localhost:*/cb", "http://localhost:3000/x/cb", false),
            ("https://*.example.com/p/", "https://a.example.com/p/", true),
            (
                "https://*.example.com/p/",
                "https://a.b.example.com/p/",
                true,
            ),
            (
                "https://app.example.com/**",
                "https://app.example.com/a/b/c",
                true,
            ),
            (
                "https://app.example.com/**/cb",
                "https://app.example.com/cb",
                true,
            ),
            (
                "https://app.example.com/**/cb",
                "https://app.example.com/a/b/cb",
                true,
            ),
            (
                "https://app.example.com/?b",
                "https://app.example.com/ab",
                true,
            ),
            (
                "https://app.example.com/?b",
                "https://app.example.com//b",
                false,
            ),
            (
                "https://app.example.com/[a-c]",
                "https://app.example.com/b",
                true,
            ),
            (
                "https://app.example.com/[!a-c]",
                "https://app.example.com/b",
                false,
            ),
            (
                "https://app.example.com/{a,bc}/",
                "https://app.example.com/bc/",
                true,
            ),
            (
                "https://app.example.com/{a,bc}/",
                "https://app.example.com/d/",
                false,
            ),
            (
                "https://app.example.com/\\*",
                "https://app.example.com/*",
                true,
            ),
            (
                "https://app.example.com/\\*",
                "https://app.example.com/x",
                false,
            ),
            (
                "https://app.example.com/[",
                "https://app.example.com/[",
                true,
            ),
        ] {
            assert_eq!(matches(pattern, text), expected, "{pattern} ~ {text}");
        }
    }
}
