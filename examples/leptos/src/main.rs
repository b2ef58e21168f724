use leptos::prelude::*;
use zitadel_profile_form::{Options, OptionsErrorView, ProfileForm};

fn main() {
    leptos::mount::mount_to_body(|| {
        let options = Options {
            issuer: Some("http://127.0.0.1:8080".into()),
            client_id: Some("243862081218773235@profile-form".into()),
            ..Options::default()
        };
        match options.resolve(&zitadel_profile_form::page_url()) {
            Ok(config) => view! { <ProfileForm config/> }.into_any(),
            Err(error) => view! { <OptionsErrorView error/> }.into_any(),
        }
    })
}
