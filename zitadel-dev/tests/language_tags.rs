//! The stand-in's `language.Parse` port against Go's own answers: every line of
//! `tests/golden/language_tags.tsv` is an input of at most 10 characters (what
//! ZITADEL's rule lets through to the parser) and what x/text gave for it. The file
//! is made by `scripts/golden-language-tags`, which runs `tests/golden/language_tags.go`.

use zitadel_dev::language_tag::parse;

const GOLDEN: &str = include_str!("golden/language_tags.tsv");

#[test]
fn every_golden_input_parses_as_go_parses_it() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in GOLDEN.lines().filter(|l| !l.starts_with('#')) {
        let (input, expected) = line.split_once('\t').expect("input, tab, output");
        assert!(
            input.chars().count() <= 10,
            "{input:?} is longer than ZITADEL allows"
        );
        if parse(input) != expected {
            wrong.push(format!("{input:?}: {:?}, Go {expected:?}", parse(input)));
        }
        checked += 1;
    }
    assert!(checked > 5000, "the golden file has {checked} lines");
    assert!(
        wrong.is_empty(),
        "{} differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// ZITADEL parses the stored string again when it reads the event back, so one
/// input can read back as another tag than it was stored as.
#[test]
fn a_stored_tag_reads_back_canonicalised() {
    assert_eq!(parse("iw-abcde"), "iw");
    assert_eq!(parse(&parse("iw-abcde")), "he");
}
