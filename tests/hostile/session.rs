//! Values kept in the session: tokens, sign-ins waiting for their callback, spent
//! refresh tokens, drafts.

use proptest::prelude::*;
use zitadel_profile_form::oidc::stored::{PendingSignIn, Tokens};
use zitadel_profile_form::oidc::types::RefreshToken;
use zitadel_profile_form::profile::KeptDraft;

use crate::cases::cases;
use crate::checks::decoded;
use crate::generators::{body, kept_shape};

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn kept_values_decode_or_refuse(body in body(kept_shape())) {
        decoded::<Tokens>(&body)?;
        decoded::<PendingSignIn>(&body)?;
        decoded::<Vec<PendingSignIn>>(&body)?;
        decoded::<Vec<RefreshToken>>(&body)?;
        decoded::<KeptDraft>(&body)?;
    }
}
