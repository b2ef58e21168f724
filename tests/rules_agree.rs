//! The widget never sends what the server would refuse: every draft the widget's
//! validator accepts, encoded exactly as the widget sends it, passes the local
//! stand-in's own copy of ZITADEL's rules. And the widget refuses nothing the server
//! takes, beyond its documented stricter choices (trimming, whitespace-only names,
//! C0 control characters inside a text, language tag shape). Each property runs 2000 cases, or `ZPF_PROPTEST_CASES`.
#![cfg(not(target_arch = "wasm32"))]

mod cases;

use cases::cases;
use proptest::prelude::*;
use zitadel_dev::rules as server;
use zitadel_profile_form::profile::{Draft, Gender};
use zitadel_profile_form::validate::validate;

/// Text that stresses counting: ASCII, accents, combining marks, CJK, emoji (4 bytes
/// and joined sequences), and every kind of whitespace, at lengths around the limits.
fn text(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("a".to_owned()),
        Just("é".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{302}".to_owned()),
        Just("漢".to_owned()),
        Just("😀".to_owned()),
        Just("👩‍💻".to_owned()),
        Just(" ".to_owned()),
        Just("\t".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("\n".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\u{1b}".to_owned()),
        Just("\u{7f}".to_owned()),
        "[a-zA-Z]{1,3}",
    ];
    prop_oneof![
        // Short values of any shape.
        prop::collection::vec(pieces.clone(), 0..8).prop_map(|p| p.concat()),
        // Values right around the limit.
        (max - 3..=max + 3, pieces)
            .prop_map(|(n, piece)| piece.repeat(n.div_ceil(piece.chars().count().max(1)))),
        (max - 3..=max + 3).prop_map(|n| "x".repeat(n)),
    ]
}

fn language() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("en".to_owned()),
        Just("de-CH".to_owned()),
        Just("de-CH-1996".to_owned()),
        Just("de-CH-19961".to_owned()),
        Just(" fr ".to_owned()),
        "[a-zA-Z0-9_ -]{0,12}",
        "[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}",
    ]
}

fn gender() -> impl Strategy<Value = Gender> {
    prop::sample::select(Gender::ALL.to_vec())
}

fn draft() -> impl Strategy<Value = Draft> {
    (
        text(200),
        text(200),
        text(200),
        text(200),
        language(),
        gender(),
    )
        .prop_map(
            |(first_name, last_name, nick_name, display_name, preferred_language, gender)| Draft {
                first_name,
                last_name,
                nick_name,
                display_name,
                preferred_language,
                gender,
            },
        )
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn what_the_widget_accepts_the_server_accepts(draft in draft()) {
        if let Ok(valid) = validate(&draft) {
            let body = valid.to_json();
            let request = server::ProfileRequest::from_json(body.as_bytes())
                .map_err(|e| TestCaseError::fail(format!("server cannot decode {body}: {e}")))?;
            prop_assert_eq!(server::validate(&request), Ok(()), "body {}", body);
        }
    }

    #[test]
    fn the_widget_refuses_only_by_its_stated_rules(draft in draft()) {
        let trimmed = |s: &str| s.trim().to_owned();
        let clean = Draft {
            first_name: trimmed(&draft.first_name),
            last_name: trimmed(&draft.last_name),
            nick_name: trimmed(&draft.nick_name),
            display_name: trimmed(&draft.display_name),
            preferred_language: trimmed(&draft.preferred_language),
            gender: draft.gender,
        };
        let as_server_sees = server::ProfileRequest {
            first_name: clean.first_name.clone(),
            last_name: clean.last_name.clone(),
            nick_name: clean.nick_name.clone(),
            display_name: clean.display_name.clone(),
            preferred_language: clean.preferred_language.clone(),
            gender: server::Gender::from_json(&serde_json::json!(clean.gender.as_str())).unwrap(),
            undefined_gender: false,
        };
        let shaped_tag = clean.preferred_language.is_empty()
            || zitadel_profile_form::validate::is_language_tag(&clean.preferred_language);
        let no_control = [&clean.first_name, &clean.last_name, &clean.nick_name, &clean.display_name]
            .iter()
            .all(|text| !text.chars().any(|c| c <= '\u{1f}'));
        if server::validate(&as_server_sees).is_ok() && shaped_tag && no_control {
            prop_assert!(validate(&draft).is_ok(), "widget refused a server-valid draft: {:?}", draft);
        }
    }
}
