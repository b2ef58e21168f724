//! ZITADEL's Auth API: the wire types ([`wire`]), the mapping from a failed request to
//! what the person is told ([`problem`]), and the client ([`client`]).

pub mod client;
pub mod problem;
pub mod wire;

pub use client::ApiClient;
pub use problem::{Problem, ZitadelError};
pub use wire::{draft_of, Details, MeResponse, UpdateResponse, User};
