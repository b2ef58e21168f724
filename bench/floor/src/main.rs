//! The floor: takes the answer to the `users/me` request its page started before the
//! wasm (entry.js), and renders the six fields prefilled, then sets the mark.

use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const MARK: &str = "zitadel-profile-form:editable";

#[derive(Deserialize, Default, Clone)]
#[serde(rename_all = "camelCase", default)]
struct Profile {
    first_name: String,
    last_name: String,
    nick_name: String,
    display_name: String,
    preferred_language: String,
    gender: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Human {
    profile: Profile,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct User {
    human: Human,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Me {
    user: User,
}

#[wasm_bindgen]
extern "C" {
    /// The `users/me` response entry.js asked for.
    #[wasm_bindgen(thread_local_v2, js_namespace = window, js_name = __zpfFloorMe)]
    static ME: js_sys::Promise;
}

fn main() {
    let profile = RwSignal::new(None::<Profile>);
    // Every element has something reactive in it: Leptos writes a wholly static one with
    // innerHTML, which the page's Trusted Types policy refuses.
    leptos::mount::mount_to_body(move || {
        view! {
            <main>{move || profile.get().map(|p| view! {
                <form>
                    <label>"First name"<input name="firstName" value=p.first_name/></label>
                    <label>"Last name"<input name="lastName" value=p.last_name/></label>
                    <label>"Nickname"<input name="nickName" value=p.nick_name/></label>
                    <label>"Display name"<input name="displayName" value=p.display_name/></label>
                    <label>"Language"<input name="preferredLanguage" value=p.preferred_language/></label>
                    <label>"Gender"<input name="gender" value=p.gender/></label>
                    <button>{move || "Save"}</button>
                </form>
            })}</main>
        }
    });
    wasm_bindgen_futures::spawn_local(async move {
        let Some(me) = me().await else {
            return;
        };
        profile.set(Some(me.user.human.profile));
        leptos::task::tick().await;
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark(MARK);
        }
    });
}

async fn me() -> Option<Me> {
    let response: web_sys::Response = JsFuture::from(ME.with(Clone::clone))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let json = JsFuture::from(response.json().ok()?).await.ok()?;
    serde_wasm_bindgen::from_value(json).ok()
}
