//! ZITADEL's Auth API: the wire types ([`wire`]) and the client ([`client`]). What a
//! failed call means for the person is [`crate::problem`]'s to say.

pub mod client;
pub mod wire;

pub use client::ApiClient;
pub use wire::{draft_of, Details, MeResponse, UpdateResponse, User};
