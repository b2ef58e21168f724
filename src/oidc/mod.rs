//! OpenID Connect for a browser app: discovery, authorization code + PKCE, tokens.
//! The protocol is pure ([`protocol`], [`encoding`]); [`flow`] does the browser's part.

pub mod discovery;
pub mod encoding;
pub mod flow;
pub mod protocol;
pub mod sync;

pub use flow::{
    authorized, begin_sign_in, complete_sign_in, refresh, sign_in, sign_out, CallError, SignInError,
};
