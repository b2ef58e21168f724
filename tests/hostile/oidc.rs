//! The sign-in: callback URLs and their queries, base64url, token responses,
//! id_tokens and discovery.

use proptest::prelude::*;
use zitadel_profile_form::languages;
use zitadel_profile_form::oidc::callback::{self, Claim};
use zitadel_profile_form::oidc::discovery::Discovery;
use zitadel_profile_form::oidc::encoding::{base64url, base64url_decode, form_encode, parse_query};
use zitadel_profile_form::oidc::protocol::{
    check_id_token, check_refreshed_id_token, parse_callback, Callback, TokenError, TokenResponse,
};
use zitadel_profile_form::oidc::stored::Tokens;
use zitadel_profile_form::oidc::strip_callback_params;
use zitadel_profile_form::oidc::types::{Nonce, State};
use zitadel_profile_form::oidc::SignInError;
use zitadel_profile_form::url::{is_secure, origin};

use crate::cases::cases;
use crate::checks::decoded;
use crate::generators::{
    body, config, discovery_shape, dom_text, good_claims, id_token, query, text, token_shape,
    trusted, typed, CALLBACK_KEYS,
};
use crate::{ISSUER, LATEST_MS, NONCE, NOW};

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn callback_queries_parse_or_are_no_callback(query in query()) {
        let pairs = parse_query(&query);
        prop_assert_eq!(pairs.len(), query.split('&').filter(|p| !p.is_empty()).count());
        let rest = strip_callback_params(&query);
        prop_assert!(parse_query(&rest).iter().all(|(k, _)| !CALLBACK_KEYS.contains(&k.as_str())));
        match parse_callback(&query) {
            Some(Callback::Code { code, state, iss }) => {
                prop_assert!(!code.is_empty() && !state.as_str().is_empty());
                prop_assert!(iss.is_none_or(|i| !i.is_empty()));
            }
            Some(Callback::Error { error, description, state }) => {
                prop_assert!(!error.as_str().is_empty());
                prop_assert!(description.as_deref().is_none_or(|d| !d.is_empty()));
                prop_assert!(state.is_none_or(|s| !s.as_str().is_empty()));
                let told = SignInError::Authorize { error, description }.to_string();
                prop_assert!(!told.is_empty());
            }
            None => {}
        }
    }

    /// S6: a callback is a form's only for a state it awaits; the one taken is exactly
    /// the state the query names; a state nobody awaits is stray, and called the
    /// widget's own only when it has the widget's shape.
    #[test]
    fn callbacks_belong_to_whoever_awaits_their_state(
        query in query(),
        mine in prop::option::of(text()),
        another in prop::option::of(text()),
    ) {
        let named = parse_callback(&query).and_then(|c| c.state().cloned());
        let mut asked = None;
        let claim = callback::claim(
            &query,
            |state| {
                asked = Some(state.clone());
                mine.as_deref().filter(|m| *m == state.as_str()).map(str::to_owned)
            },
            |state| another.as_deref() == Some(state.as_str()),
        );
        prop_assert_eq!(&asked, &named, "asked only about the state the query names");
        match (claim, named) {
            (Claim::None, None) => {}
            (Claim::Mine(callback, taken), Some(state)) => {
                prop_assert_eq!(callback.state(), Some(&state));
                prop_assert_eq!(Some(taken.as_str()), mine.as_deref());
            }
            (Claim::Another, Some(state)) => {
                prop_assert_ne!(mine.as_deref(), Some(state.as_str()));
                prop_assert_eq!(another.as_deref(), Some(state.as_str()));
            }
            (Claim::Stray { widget_shaped }, Some(state)) => {
                prop_assert_eq!(widget_shaped, callback::is_widget_shaped(state.as_str()));
                prop_assert_ne!(another.as_deref(), Some(state.as_str()));
            }
            (claim, named) => prop_assert!(false, "{:?} for {:?}", claim, named),
        }
    }

    #[test]
    fn encoded_queries_parse_back(pairs in prop::collection::vec((text(), text()), 0..6)) {
        let borrowed: Vec<(&str, &str)> =
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        prop_assert_eq!(parse_query(&form_encode(&borrowed)), pairs);
    }

    #[test]
    fn a_code_and_state_make_a_callback(code in text(), state in text()) {
        let query = form_encode(&[("code", &code), ("state", &state)]);
        let expected = (!code.is_empty() && !state.is_empty()).then(|| Callback::Code {
            code,
            state: State::new(state),
            iss: None,
        });
        prop_assert_eq!(parse_callback(&query), expected);
    }

    #[test]
    fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..512), pad in 0..3usize) {
        let encoded = base64url(&bytes);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(base64url_decode(&encoded), Some(bytes.clone()));
        prop_assert_eq!(base64url_decode(&(encoded + &"=".repeat(pad))), Some(bytes));
    }

    #[test]
    fn base64url_decodes_anything_or_refuses(
        text in prop_oneof![2 => "[A-Za-z0-9_=+/-]{0,64}", 1 => text(), 1 => dom_text()],
    ) {
        if let Some(bytes) = base64url_decode(&text) {
            prop_assert_eq!(bytes.len(), text.trim_end_matches('=').len() * 6 / 8);
        }
    }

    #[test]
    fn token_responses_decode_or_refuse(body in body(token_shape()), now_ms in 0..=LATEST_MS) {
        if let Some(response) = decoded::<TokenResponse>(&body)? {
            let session = zitadel_profile_form::oidc::types::SessionTag::new("s".into());
            let tokens = Tokens::signed_in(response, "1".to_owned(), session, now_ms);
            prop_assert!(tokens.expires_at_ms >= now_ms, "expires before it arrived");
            if let Some(again) = decoded::<TokenResponse>(&body)? {
                let tokens = tokens.refreshed(again, now_ms);
                prop_assert!(tokens.expires_at_ms >= now_ms, "expires before it arrived");
            }
        }
        if let Some(error) = decoded::<TokenError>(&body)? {
            prop_assert!(!SignInError::Token(error).to_string().is_empty());
        }
    }

    #[test]
    fn id_tokens_are_checked_or_refused(
        token in id_token(),
        now in prop_oneof![3 => Just(NOW), 1 => 0..=LATEST_MS / 1000],
    ) {
        let config = config();
        let first = check_id_token(&token, &config, &Nonce::new(NONCE.to_owned()), now);
        if let Ok(claims) = &first {
            prop_assert_eq!(claims.nonce.as_deref(), Some(NONCE));
        }
        let refreshed = check_refreshed_id_token(&token, &config, "1", now);
        if let Ok(claims) = &refreshed {
            prop_assert_eq!(claims.sub.as_str(), "1");
        }
        for checked in [first, refreshed] {
            match checked {
                Ok(claims) => trusted(&claims, now)?,
                Err(error) => prop_assert!(!error.message().to_string().is_empty()),
            }
        }
    }

    #[test]
    fn id_tokens_with_the_right_claims_pass(
        claims in good_claims(),
        header in "[A-Za-z0-9_-]{0,40}",
        signature in "[A-Za-z0-9_-]{0,400}",
    ) {
        let token = format!("{header}.{}.{signature}", base64url(claims.as_bytes()));
        let checked = check_id_token(&token, &config(), &Nonce::new(NONCE.to_owned()), NOW);
        prop_assert!(checked.is_ok(), "{:?} for {}", checked, claims);
    }

    #[test]
    fn discovery_decodes_or_refuses(
        body in body(discovery_shape()),
        keep in prop::collection::vec(typed(), 0..3),
    ) {
        if let Some(discovery) = decoded::<Discovery>(&body)? {
            let keep: Vec<&str> = keep.iter().map(String::as_str).collect();
            let choices = languages::options(&discovery.ui_locales_supported, &keep, "Not set");
            prop_assert!(choices.len() > discovery.ui_locales_supported.len());
            match discovery.verified(ISSUER) {
                Ok(trusted) => {
                    prop_assert_eq!(trusted.issuer.as_str(), ISSUER);
                    for endpoint in [&trusted.authorization_endpoint, &trusted.token_endpoint] {
                        prop_assert!(is_secure(endpoint), "{}", endpoint);
                        let home = origin(endpoint);
                        prop_assert_eq!(home.as_deref(), Some(ISSUER));
                    }
                }
                Err(error) => {
                    prop_assert!(!SignInError::Discovery(error).to_string().is_empty());
                }
            }
        }
    }
}
