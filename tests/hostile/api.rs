//! The API's answers: the user's profile, updates, errors and failed requests.

use proptest::prelude::*;
use zitadel_profile_form::api::{draft_of, MeResponse, UpdateResponse};
use zitadel_profile_form::http::HttpError;
use zitadel_profile_form::oidc::SignInError;
use zitadel_profile_form::problem::{Problem, ZitadelError};
use zitadel_profile_form::screen::{loaded, LoadResult};
use zitadel_profile_form::validate::validate;

use crate::cases::cases;
use crate::checks::{decoded, problem_is_told, status};
use crate::generators::{body, me_shape, text, update_shape, zitadel_error_shape};

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn api_answers_decode_or_refuse(me in body(me_shape()), update in body(update_shape())) {
        if let Some(me) = decoded::<MeResponse>(&me)? {
            if let Some(human) = me.user.human.clone() {
                let _ = validate(&draft_of(human.profile.form()));
            }
            let shown = loaded(LoadResult::Profile(Box::new(me.user)), None);
            prop_assert!(shown.model().is_some());
        }
        decoded::<UpdateResponse>(&update)?;
    }

    #[test]
    fn error_answers_become_problems(status in status(), body in body(zitadel_error_shape())) {
        if let Some(error) = ZitadelError::parse(&body) {
            prop_assert!(error.code != 0 || !error.message.is_empty());
            let _ = (error.id(), error.field());
        }
        let problem = Problem::from_error(&HttpError::Status { status, body });
        problem_is_told(&problem)?;
        match status {
            401 => prop_assert_eq!(problem, Problem::Unauthenticated),
            429 => prop_assert_eq!(problem, Problem::RateLimited),
            500..=599 => prop_assert_eq!(problem, Problem::Server { status }),
            _ => {}
        }
    }

    #[test]
    fn transport_failures_become_problems(reason in text()) {
        for error in [
            HttpError::Network(reason.clone()),
            HttpError::Decode(reason.clone()),
            HttpError::Timeout,
        ] {
            problem_is_told(&Problem::from_error(&error))?;
            prop_assert!(!SignInError::Transport(error).to_string().is_empty());
        }
    }
}
