//! The stand-in against the ZITADEL contract, one test per endpoint and error row,
//! driven through `app()` with `oneshot`: no socket, no browser.

mod harness;

mod authentication;
mod authorize;
mod avatar;
mod controls;
mod cors;
mod discovery;
mod operator;
mod profile;
mod refresh;
mod sign_out;
mod token;
mod userinfo;
