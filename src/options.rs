//! The widget's options: what a host passes to `mount()`, sets as attributes on the
//! custom element, or writes into the standalone page's `config.json`.
//!
//! [`Options`] is the raw, camelCase shape as it arrives; [`Config`] is the checked
//! form with every default filled in. Turning one into the other is pure, so every
//! rule here is covered by host unit tests.

use serde::Deserialize;

use crate::i18n::{Key, Message};
use crate::session::Store;
use crate::url::{is_secure, origin};

/// The scope asked for when the host names none. The last entry gives the access
/// token ZITADEL's own API as audience; without it every `/auth/v1` call is a 401.
pub const DEFAULT_SCOPE: &str =
    "openid profile email offline_access urn:zitadel:iam:org:project:id:zitadel:aud";

/// The scope value without which ZITADEL's API refuses the token.
pub const API_AUDIENCE_SCOPE: &str = "urn:zitadel:iam:org:project:id:zitadel:aud";

/// Options as a host writes them (camelCase in JS and JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// The ZITADEL instance, e.g. `https://acme.zitadel.cloud`.
    pub issuer: Option<String>,
    /// The client id of the User Agent application registered in ZITADEL.
    pub client_id: Option<String>,
    /// Where ZITADEL sends the browser back; defaults to this page.
    pub redirect_uri: Option<String>,
    /// Space-separated scopes; defaults to [`DEFAULT_SCOPE`].
    pub scope: Option<String>,
    /// Base URL of the Auth API; defaults to the issuer.
    pub api_base_url: Option<String>,
    /// Where ZITADEL sends the browser after sign-out; defaults to the redirect URI.
    pub post_logout_redirect_uri: Option<String>,
    /// The language asked of ZITADEL's login (`ui_locales`), a BCP 47 tag such as
    /// `de` or `en-GB`; the form's own texts are English for now.
    pub locale: Option<String>,
    /// How long to wait for the API before offering a retry, in milliseconds.
    pub timeout_ms: Option<u32>,
    /// The origins other than the issuer's that `apiBaseUrl` may name, e.g.
    /// `["https://api.acme.example"]`: the token goes to the API, so an API elsewhere
    /// is refused unless the host allows its origin here. No attribute sets it: the
    /// custom element takes it from script, see [`crate::element::allow_origins`].
    pub allowed_api_origins: Option<Vec<String>>,
}

/// How long API calls may take when the host sets no `timeoutMs`.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// Checked options with every default applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Issuer without a trailing slash, so paths can be appended.
    pub issuer: String,
    pub client_id: String,
    pub redirect_uri: String,
    pub scope: String,
    /// API base without a trailing slash.
    pub api_base_url: String,
    pub post_logout_redirect_uri: String,
    pub locale: Option<String>,
    pub timeout_ms: u32,
    /// Whether the form owns the whole document (the standalone page), and so also
    /// sets `<html lang>` and `dir` to its language.
    pub owns_document: bool,
}

/// Why options were refused; [`OptionsError::message`] is shown on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionsError {
    Missing(&'static str),
    NotAUrl {
        name: &'static str,
        value: String,
    },
    /// Plain http to a host other than this machine.
    Insecure {
        name: &'static str,
        value: String,
    },
    /// An API on another origin than the issuer, without https.
    ForeignApiInsecure(String),
    /// An API on another origin than the issuer, which the host did not allow (its
    /// origin is held).
    ForeignApiNotAllowed(String),
    Zero(&'static str),
    /// The options could not be read at all, for this reason.
    Malformed(Message),
}

impl OptionsError {
    pub fn message(&self) -> Message {
        match self {
            OptionsError::Missing(name) => Message::new(Key::OptionMissing).with("name", name),
            OptionsError::NotAUrl { name, value } => Message::new(Key::OptionNotAUrl)
                .with("name", name)
                .with("value", value),
            OptionsError::Insecure { name, value } => Message::new(Key::OptionInsecure)
                .with("name", name)
                .with("value", value),
            OptionsError::ForeignApiInsecure(value) => {
                Message::new(Key::OptionForeignApiInsecure).with("value", value)
            }
            OptionsError::ForeignApiNotAllowed(origin) => {
                Message::new(Key::OptionForeignApiNotAllowed).with("origin", origin)
            }
            OptionsError::Zero(name) => Message::new(Key::OptionNotPositive).with("name", name),
            OptionsError::Malformed(reason) => reason.clone(),
        }
    }

    /// Options that are not JSON of the right shape, in the parser's words.
    pub fn unreadable(reason: impl Into<crate::i18n::Arg>) -> Self {
        OptionsError::Malformed(Message::new(Key::OptionsUnreadable).with("reason", reason))
    }
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl Options {
    /// Reads options from JSON text (a `config.json`, or `JSON.stringify` of a JS object).
    pub fn from_json(text: &str) -> Result<Self, OptionsError> {
        crate::json::from_str_exact(text).map_err(OptionsError::unreadable)
    }

    /// Applies the defaults and checks every value. `page_url` is the URL of the page
    /// the widget runs in; it supplies the default redirect URI.
    pub fn resolve(self, page_url: &str) -> Result<Config, OptionsError> {
        let issuer = required(self.issuer, "issuer")?;
        let issuer = base_url("issuer", &issuer)?;
        let client_id = required(self.client_id, "clientId")?;
        let redirect_uri = non_empty(self.redirect_uri)
            .unwrap_or_else(|| strip_query_and_fragment(page_url).to_owned());
        let redirect_uri = absolute_url("redirectUri", &redirect_uri)?;
        let api_base_url = match non_empty(self.api_base_url) {
            Some(url) => base_url("apiBaseUrl", &url)?,
            None => issuer.clone(),
        };
        // A token is worth ZITADEL's whole API: it leaves the issuer's origin only
        // over https.
        let api_origin = origin(&api_base_url).unwrap_or_default();
        if origin(&issuer) != Some(api_origin.clone()) {
            if !api_base_url.starts_with("https://") {
                return Err(OptionsError::ForeignApiInsecure(api_base_url));
            }
            // …and only where the host said it may (S1): markup alone cannot send it.
            let allowed = self.allowed_api_origins.unwrap_or_default();
            if !allowed.iter().any(|a| is_origin(a, &api_origin)) {
                return Err(OptionsError::ForeignApiNotAllowed(api_origin));
            }
        }
        let post_logout_redirect_uri = match non_empty(self.post_logout_redirect_uri) {
            Some(uri) => absolute_url("postLogoutRedirectUri", &uri)?,
            None => redirect_uri.clone(),
        };
        let scope = non_empty(self.scope)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|| DEFAULT_SCOPE.to_owned());
        Ok(Config {
            issuer,
            client_id,
            redirect_uri,
            scope,
            api_base_url,
            post_logout_redirect_uri,
            locale: non_empty(self.locale),
            timeout_ms: match self.timeout_ms {
                Some(0) => return Err(OptionsError::Zero("timeoutMs")),
                Some(ms) => ms,
                None => DEFAULT_TIMEOUT_MS,
            },
            owns_document: false,
        })
    }
}

impl Config {
    /// The session's name: one session per client, issuer and API origin, so two
    /// widgets for different apps do not mix, and tokens never follow an API base
    /// that points somewhere else.
    pub fn session_name(&self) -> String {
        let api = origin(&self.api_base_url);
        if api == origin(&self.issuer) {
            format!("{}@{}", self.client_id, self.issuer)
        } else {
            format!(
                "{}@{}>{}",
                self.client_id,
                self.issuer,
                api.unwrap_or_default()
            )
        }
    }

    /// Where this session's values are kept.
    pub fn store(&self) -> Store {
        Store::new(self.session_name())
    }

    /// Whether the scope lets the access token call ZITADEL's own API.
    pub fn has_api_audience(&self) -> bool {
        self.scope.split(' ').any(|s| s == API_AUDIENCE_SCOPE)
    }
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn required(value: Option<String>, name: &'static str) -> Result<String, OptionsError> {
    non_empty(value).ok_or(OptionsError::Missing(name))
}

/// Whether `allowed`, as a host wrote it in an allow-list, names `origin` exactly: a
/// whole origin (scheme, host, port; a trailing slash is forgiven), never a prefix.
pub fn is_origin(allowed: &str, origin: &str) -> bool {
    let allowed = allowed.trim().trim_end_matches('/');
    crate::url::origin(allowed).is_some_and(|o| o.eq_ignore_ascii_case(allowed) && o == origin)
}

/// The page URL as a redirect URI: ZITADEL matches redirect URIs exactly, and the
/// query and fragment change from one visit to the next.
pub fn strip_query_and_fragment(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    &url[..end]
}

/// An absolute http(s) URL with a host and no query or fragment.
fn absolute_url(name: &'static str, value: &str) -> Result<String, OptionsError> {
    let not_a_url = || OptionsError::NotAUrl {
        name,
        value: value.to_owned(),
    };
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(not_a_url)?;
    let host = rest.split('/').next().unwrap_or_default();
    let bad_char = |c: char| c.is_whitespace() || c.is_control() || c == '?' || c == '#';
    if host.is_empty() || value.contains(bad_char) || origin(value).is_none() {
        return Err(not_a_url());
    }
    if !is_secure(value) {
        return Err(OptionsError::Insecure {
            name,
            value: value.to_owned(),
        });
    }
    Ok(value.to_owned())
}

/// Like [`absolute_url`], without trailing slashes, so paths can be appended.
fn base_url(name: &'static str, value: &str) -> Result<String, OptionsError> {
    let url = absolute_url(name, value)?;
    Ok(url.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://app.example.com/profile/?code=abc&state=xyz#top";

    fn minimal() -> Options {
        Options {
            issuer: Some("https://acme.zitadel.cloud/".into()),
            client_id: Some("123@app".into()),
            ..Options::default()
        }
    }

    #[test]
    fn defaults_fill_in_from_issuer_and_page() {
        let config = minimal().resolve(PAGE).unwrap();
        assert_eq!(config.issuer, "https://acme.zitadel.cloud");
        assert_eq!(config.api_base_url, "https://acme.zitadel.cloud");
        assert_eq!(config.redirect_uri, "https://app.example.com/profile/");
        assert_eq!(config.post_logout_redirect_uri, config.redirect_uri);
        assert_eq!(config.scope, DEFAULT_SCOPE);
        assert_eq!(config.locale, None);
        assert_eq!(config.timeout_ms, DEFAULT_TIMEOUT_MS);
        assert!(config.has_api_audience());
    }

    #[test]
    fn explicit_values_win_over_defaults() {
        let options = Options {
            redirect_uri: Some("https://app.example.com/cb".into()),
            api_base_url: Some("https://api.example.com/zitadel/".into()),
            allowed_api_origins: Some(vec!["https://api.example.com".into()]),
            post_logout_redirect_uri: Some("https://app.example.com/bye".into()),
            scope: Some("  openid   profile ".into()),
            locale: Some("de".into()),
            ..minimal()
        };
        let config = options.resolve(PAGE).unwrap();
        assert_eq!(config.redirect_uri, "https://app.example.com/cb");
        assert_eq!(config.api_base_url, "https://api.example.com/zitadel");
        assert_eq!(
            config.post_logout_redirect_uri,
            "https://app.example.com/bye"
        );
        assert_eq!(config.scope, "openid profile");
        assert!(!config.has_api_audience());
        assert_eq!(config.locale.as_deref(), Some("de"));
    }

    #[test]
    fn missing_required_options_are_named() {
        let no_issuer = Options {
            issuer: None,
            ..minimal()
        };
        assert_eq!(
            no_issuer.resolve(PAGE),
            Err(OptionsError::Missing("issuer"))
        );
        let blank_client = Options {
            client_id: Some("  ".into()),
            ..minimal()
        };
        assert_eq!(
            blank_client.resolve(PAGE),
            Err(OptionsError::Missing("clientId"))
        );
    }

    #[test]
    fn urls_must_be_absolute_http() {
        for bad in [
            "acme.zitadel.cloud",
            "ftp://acme",
            "https://",
            "https:///path",
            "https://acme/?x=1",
            "https://acme/#x",
            "https://ac me",
        ] {
            let options = Options {
                issuer: Some(bad.into()),
                ..minimal()
            };
            let err = options.resolve(PAGE).unwrap_err();
            assert!(
                matches!(err, OptionsError::NotAUrl { name: "issuer", .. }),
                "{bad}: {err}"
            );
        }
        let http_localhost = Options {
            issuer: Some("http://localhost:8080".into()),
            ..minimal()
        };
        assert!(http_localhost.resolve(PAGE).is_ok());
    }

    /// L3: plain http only to this machine.
    #[test]
    fn http_is_refused_for_hosts_other_than_loopback() {
        for (issuer, ok) in [
            ("http://127.0.0.1:18080", true),
            ("http://[::1]:8080", true),
            ("http://acme.zitadel.cloud", false),
            ("http://localhost.evil.example", false),
        ] {
            let options = Options {
                issuer: Some(issuer.into()),
                ..minimal()
            };
            let result = options.resolve(PAGE);
            assert_eq!(result.is_ok(), ok, "{issuer}: {result:?}");
            if !ok {
                let text = result.unwrap_err().to_string();
                assert!(
                    text.contains("“issuer”") && text.contains("https"),
                    "{text}"
                );
            }
        }
        let insecure_page = minimal().resolve("http://app.example.com/profile");
        assert!(matches!(
            insecure_page,
            Err(OptionsError::Insecure {
                name: "redirectUri",
                ..
            })
        ));
    }

    /// M1: an API on another origin must be https, and gets a session of its own.
    #[test]
    fn an_api_elsewhere_never_shares_the_issuers_session() {
        let home = minimal().resolve(PAGE).unwrap();
        let same_origin = Options {
            api_base_url: Some("https://acme.zitadel.cloud/api/".into()),
            ..minimal()
        }
        .resolve(PAGE)
        .unwrap();
        assert_eq!(home.session_name(), same_origin.session_name());
        let elsewhere = Options {
            api_base_url: Some("https://api.acme.example".into()),
            allowed_api_origins: Some(vec!["https://api.acme.example".into()]),
            ..minimal()
        }
        .resolve(PAGE)
        .unwrap();
        assert_ne!(home.session_name(), elsewhere.session_name());
        assert_ne!(home.store(), elsewhere.store());
        let loopback_elsewhere = Options {
            issuer: Some("http://127.0.0.1:18080".into()),
            api_base_url: Some("http://127.0.0.1:9999".into()),
            ..minimal()
        };
        assert_eq!(
            loopback_elsewhere.resolve(PAGE),
            Err(OptionsError::ForeignApiInsecure(
                "http://127.0.0.1:9999".into()
            ))
        );
    }

    /// S1: the token goes to an API on another origin only where the host allowed
    /// that exact origin; without the allow-list (markup has none) it is refused.
    #[test]
    fn s1_an_api_elsewhere_needs_the_hosts_allow_list() {
        let api = |allowed: Option<&[&str]>| Options {
            api_base_url: Some("https://api.acme.example/v1".into()),
            allowed_api_origins: allowed.map(|a| a.iter().map(|s| s.to_string()).collect()),
            ..minimal()
        };
        let refused = Err(OptionsError::ForeignApiNotAllowed(
            "https://api.acme.example".into(),
        ));
        assert_eq!(api(None).resolve(PAGE), refused);
        for not_it in [
            &[][..],
            &["https://api.acme.example.evil.example"],
            &["https://api.acme"],
            &["http://api.acme.example"],
            &["https://api.acme.example:8443"],
            &["https://api.acme.example/v1"],
            &["https://evil.example@api.acme.example"],
            &["*"],
        ] {
            assert_eq!(api(Some(not_it)).resolve(PAGE), refused, "{not_it:?}");
        }
        for allowed in [
            &["https://api.acme.example"][..],
            &["https://other.example", "https://api.acme.example/"],
            &["HTTPS://API.ACME.EXAMPLE"],
        ] {
            let config = api(Some(allowed)).resolve(PAGE);
            assert!(config.is_ok(), "{allowed:?}: {config:?}");
        }
        let text = api(None).resolve(PAGE).unwrap_err().to_string();
        assert!(text.contains("https://api.acme.example"), "{text}");
        assert!(text.contains("allowedApiOrigins"), "{text}");
        // The issuer's own origin needs no allow-list.
        let home = Options {
            api_base_url: Some("https://acme.zitadel.cloud/other/".into()),
            ..minimal()
        };
        assert!(home.resolve(PAGE).is_ok());
    }

    #[test]
    fn json_is_camel_case_and_strict() {
        let options = Options::from_json(
            r#"{"issuer":"https://i.example","clientId":"c","apiBaseUrl":"https://a.example","postLogoutRedirectUri":"https://p.example"}"#,
        )
        .unwrap();
        assert_eq!(options.client_id.as_deref(), Some("c"));
        assert_eq!(options.api_base_url.as_deref(), Some("https://a.example"));
        let allowed = Options::from_json(r#"{"allowedApiOrigins":["https://a.example"]}"#);
        assert_eq!(
            allowed.unwrap().allowed_api_origins,
            Some(vec!["https://a.example".to_owned()])
        );

        let typo = Options::from_json(r#"{"issuer":"https://i.example","client_id":"c"}"#);
        let message = typo.unwrap_err().to_string();
        assert!(message.contains("client_id"), "{message}");

        assert!(matches!(
            Options::from_json("{not json"),
            Err(OptionsError::Malformed(_))
        ));
        assert!(matches!(
            Options::from_json(r#"{"issuer": 5}"#),
            Err(OptionsError::Malformed(_))
        ));
    }

    #[test]
    fn timeout_must_be_positive() {
        let options = Options {
            timeout_ms: Some(0),
            ..minimal()
        };
        assert_eq!(options.resolve(PAGE), Err(OptionsError::Zero("timeoutMs")));
        let options = Options {
            timeout_ms: Some(500),
            ..minimal()
        };
        assert_eq!(options.resolve(PAGE).unwrap().timeout_ms, 500);
    }

    #[test]
    fn error_text_is_for_people() {
        let err = OptionsError::Missing("clientId");
        assert_eq!(err.to_string(), "The option “clientId” is required.");
    }

    #[test]
    fn page_url_loses_query_and_fragment() {
        assert_eq!(strip_query_and_fragment("https://a/b?c#d"), "https://a/b");
        assert_eq!(strip_query_and_fragment("https://a/b#d?x"), "https://a/b");
        assert_eq!(strip_query_and_fragment("https://a/b"), "https://a/b");
    }
}
