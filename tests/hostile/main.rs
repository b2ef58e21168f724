//! Hostile input never panics. Everything the widget reads from outside (the callback
//! URL, token responses, id_tokens, discovery, API bodies, options from JSON or element
//! attributes, values kept in the session, what the person types) goes through
//! functions that answer any input, valid-shaped or garbage, huge or deeply nested,
//! with a value or a typed error. Each property runs 256 cases, or `ZPF_PROPTEST_CASES`.
//!
//! The generators aim at every branch: bodies are mostly the right shape with a few
//! values of the wrong type, so that the checks behind the parsers run too.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../cases/mod.rs"]
mod cases;

mod api;
mod checks;
mod form;
mod generators;
mod oidc;
mod options;
mod session;

use proptest::strategy::BoxedStrategy;

type Text = BoxedStrategy<String>;
type Maybe = BoxedStrategy<Option<String>>;

const ISSUER: &str = "https://acme.zitadel.cloud";
const CLIENT_ID: &str = "123@app";
const NONCE: &str = "n-1";
/// The id_token check's clock, in seconds.
const NOW: u64 = 1_800_000_000;
/// The latest `Date.now()` tried, in milliseconds: the year 2100.
const LATEST_MS: u64 = 4_102_444_800_000;
