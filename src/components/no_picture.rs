//! Without the `picture` feature the header shows the avatar and changes nothing:
//! the same calls as `picture.rs`, drawing only the avatar.

use leptos::prelude::*;

use super::state::FormState;
use crate::screen::Account;

#[derive(Clone, Copy)]
pub struct Picture;

impl Picture {
    pub fn new(_: FormState) -> Self {
        Picture
    }

    pub fn button(self, avatar: impl IntoView) -> impl IntoView {
        avatar
    }

    pub fn remove_button(self, _: Signal<Option<Account>>, _: Signal<bool>) -> impl IntoView {}

    pub fn panel(self) -> impl IntoView {}
}
