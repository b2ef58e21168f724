//! Values kept in the session (tokens, sign-ins waiting for their callback, the spent
//! refresh token, drafts), and what other pages post on the tabs' channel.

use proptest::prelude::*;
use zitadel_profile_form::oidc::stored::{PendingSignIn, Spent, Tokens};
use zitadel_profile_form::oidc::sync::Message;
use zitadel_profile_form::oidc::types::RefreshToken;
use zitadel_profile_form::profile::KeptDraft;

use crate::cases::cases;
use crate::checks::decoded;
use crate::generators::{body, kept_shape, message_shape};

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn kept_values_decode_or_refuse(body in body(kept_shape())) {
        decoded::<Tokens>(&body)?;
        decoded::<PendingSignIn>(&body)?;
        decoded::<Vec<PendingSignIn>>(&body)?;
        decoded::<Vec<RefreshToken>>(&body)?;
        decoded::<Spent>(&body)?;
        decoded::<KeptDraft>(&body)?;
    }

    /// What another page posts on the tabs' channel is read as one of the three kinds
    /// of message or not at all, and what is read says the same when written back.
    #[test]
    fn channel_messages_read_or_are_ignored(body in body(message_shape())) {
        if let Some(message) = Message::read(&body) {
            let again = serde_json::to_string(&message).unwrap();
            prop_assert_eq!(Message::read(&again), Some(message));
        }
    }
}
