//! The strategies that make hostile input.

mod id_tokens;
mod json;
mod options;
mod text;
mod urls;

pub use id_tokens::{config, good_claims, id_token, trusted};
pub use json::{
    body, catalogue_shape, discovery_shape, kept_shape, me_shape, message_shape, options_shape,
    token_shape, update_shape, zitadel_error_shape,
};
pub use options::{attributes, draft, options};
pub use text::{dom_text, text, typed};
pub use urls::{query, url_like, CALLBACK_KEYS};
