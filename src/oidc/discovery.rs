//! `/.well-known/openid-configuration`, fetched once per issuer and page.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Deserialize;

use crate::http::{HttpError, Request};
use crate::options::Config;

/// The parts of the discovery document this widget uses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Discovery {
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub revocation_endpoint: Option<String>,
    pub end_session_endpoint: Option<String>,
    /// The instance's allowed languages.
    pub ui_locales_supported: Vec<String>,
}

thread_local! {
    static CACHE: RefCell<HashMap<String, Discovery>> = RefCell::new(HashMap::new());
}

/// The discovery document of the configured issuer, from the page's cache when it
/// was fetched before.
pub async fn discover(config: &Config) -> Result<Discovery, HttpError> {
    let issuer = &config.issuer;
    if let Some(hit) = CACHE.with(|c| c.borrow().get(issuer).cloned()) {
        return Ok(hit);
    }
    let url = format!("{issuer}/.well-known/openid-configuration");
    let discovery: Discovery = Request::get(&url).send_json(config.timeout_ms).await?;
    CACHE.with(|c| c.borrow_mut().insert(issuer.clone(), discovery.clone()));
    Ok(discovery)
}
