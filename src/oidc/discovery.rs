//! `/.well-known/openid-configuration`, fetched once per issuer and page.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Deserialize;

use crate::api::ApiError;

/// The parts of the discovery document this widget uses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub revocation_endpoint: Option<String>,
    pub end_session_endpoint: Option<String>,
    pub userinfo_endpoint: Option<String>,
    pub code_challenge_methods_supported: Vec<String>,
    /// The instance's allowed languages.
    pub ui_locales_supported: Vec<String>,
}

thread_local! {
    static CACHE: RefCell<HashMap<String, Discovery>> = RefCell::new(HashMap::new());
}

/// The discovery document of `issuer` (no trailing slash), from the page's cache when
/// it was fetched before.
pub async fn discover(issuer: &str) -> Result<Discovery, ApiError> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(issuer).cloned()) {
        return Ok(hit);
    }
    let url = format!("{issuer}/.well-known/openid-configuration");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(ApiError::Status {
            status: response.status(),
            error: None,
        });
    }
    let text = response
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    let discovery: Discovery =
        serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))?;
    CACHE.with(|c| c.borrow_mut().insert(issuer.to_owned(), discovery.clone()));
    Ok(discovery)
}
