//! The form itself: what the person types, and the catalogues its messages are
//! worded from.

use proptest::prelude::*;
use zitadel_profile_form::i18n::catalogue::{install, Catalogue};
use zitadel_profile_form::i18n::{Key, Message};
use zitadel_profile_form::profile::{Draft, Field};
use zitadel_profile_form::validate::{check, validate};

use crate::cases::cases;
use crate::generators::{body, catalogue_shape, draft};

proptest! {
    #![proptest_config(cases(256))]

    /// An imported catalogue is outside input: whatever it holds, reading it and
    /// wording every message with it neither panics nor loses a placeholder's value.
    #[test]
    fn catalogues_decode_or_refuse(
        body in body(catalogue_shape()),
        count in 0usize..1000,
    ) {
        if let Ok(catalogue) = Catalogue::parse(&body) {
            install("xx", catalogue);
            for &key in Key::ALL {
                let message = Message::new(key).with("max", 200_usize).count("over", count);
                let _ = message.render("xx");
            }
        }
    }

    #[test]
    fn drafts_validate_or_name_what_is_wrong(draft in draft()) {
        match validate(&draft) {
            Ok(valid) => {
                let sent = valid.to_draft();
                for field in Field::ALL {
                    prop_assert_eq!(field.value(&sent), field.value(&draft).trim());
                    prop_assert_eq!(check(field, field.value(&sent)), Ok(()));
                }
                let back: Draft = serde_json::from_str(&valid.to_json())
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(back, sent);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for (field, error) in &errors {
                    prop_assert!(!error.to_string().is_empty());
                    prop_assert_eq!(check(*field, field.value(&draft)), Err(error.clone()));
                }
            }
        }
    }
}
