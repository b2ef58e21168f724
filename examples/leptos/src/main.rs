//! A Leptos app with the profile form on its page, built with trunk.

use leptos::prelude::*;
use zitadel_profile_form::{Options, OptionsErrorView, ProfileForm};

/// The ZITADEL instance and the app's client id, as set when building (the local
/// stand-in's demo app by default).
const ISSUER: &str = match option_env!("ZITADEL_ISSUER") {
    Some(issuer) => issuer,
    None => "http://127.0.0.1:8080",
};
const CLIENT_ID: &str = match option_env!("ZITADEL_CLIENT_ID") {
    Some(client_id) => client_id,
    None => "243862081218773235@profile-form",
};

fn main() {
    mount_to_body(|| {
        view! {
            <main>
                <h1>"Acme"</h1>
                <Profile/>
            </main>
        }
    });
}

#[component]
fn Profile() -> impl IntoView {
    let options = Options {
        issuer: Some(ISSUER.into()),
        client_id: Some(CLIENT_ID.into()),
        ..Options::default()
    };
    match options.resolve(&zitadel_profile_form::page_url()) {
        Ok(config) => view! { <ProfileForm config/> }.into_any(),
        Err(error) => view! { <OptionsErrorView error/> }.into_any(),
    }
}
