//! OpenID Connect for a browser app: discovery, authorization code + PKCE, tokens.
//! The protocol is pure ([`protocol`], [`encoding`], [`types`]); the other modules do
//! the browser's part. Nothing here knows the profile API: [`crate::authorized`] sits
//! above both.

pub mod callback;
pub mod discovery;
pub mod encoding;
mod error;
pub mod pkce;
pub mod protocol;
mod revoke;
pub mod seal;
mod sign_in;
mod sign_out;
pub mod stored;
pub mod sync;
mod token_endpoint;
pub mod types;

pub use error::DiscoveryError;
pub use error::{CryptoError, SignInError};
pub use sign_in::{begin_sign_in, complete_sign_in, strip_callback_params, CALLBACK_PARAMS};
pub use sign_out::sign_out;
pub use token_endpoint::refresh;
