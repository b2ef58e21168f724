//! Apps, users and lifetimes. [`Config::demo`] gives working defaults; a JSON file with
//! the same shape (every field optional) overrides them.

use std::time::Duration;

use serde::Deserialize;

use crate::rules::StoredGender;

/// The demo app's client id, shaped like ZITADEL's (`<id>@<project>`), so that a client
/// that forgets to encode the `@` is caught.
pub const DEMO_CLIENT_ID: &str = "243862081218773235@profile-form";
/// A second app of the demo instance, in another project: the embedding example's
/// page with two forms (`/embed/two.html`) signs in to both.
pub const SECOND_CLIENT_ID: &str = "243862081218773236@profile-form-two";
/// Apps of the demo instance, each set up with one mistake an operator makes (see
/// [`App`]): the embedding example's `mistakes.html` holds a form for each. Their ids are plain
/// numbers, as ZITADEL has made them since 2.56.
pub mod misconfigured {
    /// The Refresh Token grant is not ticked.
    pub const NO_REFRESH_GRANT: &str = "312345678901234567";
    /// A Web app with a client secret, as a framework preset makes it.
    pub const WEB_APP: &str = "312345678901234568";
    /// "Only authorized users can authenticate", and only `hedy` has a grant.
    pub const AUTHORIZED_ONLY: &str = "312345678901234569";
    /// Development Mode off, so the demo's `http://` page is refused.
    pub const NO_DEV_MODE: &str = "312345678901234570";
    /// A Development Mode redirect URI with a wildcard port, which leaves the app no
    /// allowed origin.
    pub const WILDCARD_PORT: &str = "312345678901234571";
}
/// The code the stand-in's second-factor step accepts.
pub const DEMO_SECOND_FACTOR: &str = "123456";
/// The demo user, Ada Lovelace: a user who has saved her profile through the v1 API
/// before, so her unspecified gender is stored as −1 and saving her profile unchanged
/// answers "not changed" (`COMMAND-2M0fs`) from the first time on. The widget's flows
/// and tests sign in as her; this kind keeps every answer they get as it always was.
pub const DEMO_USER: &str = "demo";
pub const DEMO_USER_ID: &str = "243862081218773300";
/// The password of both seeded users.
pub const DEMO_PASSWORD: &str = "Password1!";
/// The second seeded user, Hedy Lamarr, who prefers German: a user created elsewhere
/// (the v2 API, the new login, the console), whose unspecified gender is stored as 0.
/// Her first save of an unchanged profile answers 200 with a new sequence, as ZITADEL
/// answers it; only the saves after it are "not changed".
pub const SECOND_USER: &str = "hedy";
pub const SECOND_USER_ID: &str = "243862081218773302";

/// The scope that puts ZITADEL's own API in a token's audience; the Auth API refuses
/// tokens without it.
pub const API_AUDIENCE_SCOPE: &str = "urn:zitadel:iam:org:project:id:zitadel:aud";
/// Everything a browser app asks for: sign-in, profile, email, a refresh token and the
/// API audience. Tokens minted through the test controls carry it unless told otherwise.
pub const FULL_SCOPE: &str =
    "openid profile email offline_access urn:zitadel:iam:org:project:id:zitadel:aud";

/// The id the stand-in gives ZITADEL's own project (the one holding its APIs): a token
/// or id_token asked for with [`API_AUDIENCE_SCOPE`] names it in its audience.
pub const ZITADEL_PROJECT_ID: &str = "243862081218773202";

/// The domain of the organisation every user belongs to: login names are
/// `<userName>@<domain>`, as ZITADEL builds them from the org's primary domain.
pub const ORG_DOMAIN: &str = "zitadel.localhost";

/// The project an app belongs to. ZITADEL's client ids read `<app id>@<project name>`
/// and its project ids are numbers; the stand-in has no separate project records, so it
/// takes the part after `@` (the whole id when there is none) as the project's id.
pub fn project_id(client_id: &str) -> &str {
    client_id
        .split_once('@')
        .map_or(client_id, |(_, project)| project)
}

/// Whether the space-separated `scope` contains `wanted`.
pub fn has_scope(scope: &str, wanted: &str) -> bool {
    scope.split(' ').any(|s| s == wanted)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Config {
    /// The issuer URL the stand-in is reached at, without a trailing slash.
    pub issuer: String,
    pub apps: Vec<App>,
    pub users: Vec<SeedUser>,
    /// Access token lifetime in seconds (ZITADEL: 12 h); tests set it down to seconds.
    pub access_token_seconds: u64,
    pub id_token_seconds: u64,
    /// Refresh tokens expire after this long unused (ZITADEL: 30 d).
    pub refresh_token_idle_seconds: u64,
    /// Refresh tokens expire this long after the sign-in, however often they are
    /// used (ZITADEL: 90 d); rotation does not move it.
    pub refresh_token_absolute_seconds: u64,
    /// Authorization codes live this long (ZITADEL: 60 s).
    pub code_seconds: u64,
    /// The languages the instance allows, as discovery's `ui_locales_supported`.
    pub languages: Vec<String>,
    /// Enables `/_dev/*`: fault injection, token minting, clock control. Off unless asked for.
    pub test_controls: bool,
    /// The new login (login v2) is required on the instance (the default on new
    /// ZITADEL 4 installations): a sign-out without `id_token_hint` stops on the
    /// login's sign-out page, and no refresh token is issued without the grant.
    pub login_v2: bool,
}

/// A registered application (type User Agent, auth method NONE, PKCE).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct App {
    pub client_id: String,
    pub redirect_uris: Vec<String>,
    #[serde(default)]
    pub post_logout_redirect_uris: Vec<String>,
    /// Origins allowed to call the API besides those of the redirect URIs.
    #[serde(default)]
    pub additional_origins: Vec<String>,
    /// Whether the refresh token grant is enabled. Without it the classic login still
    /// issues a refresh token for `offline_access`, which the first refresh then finds
    /// refused (`unauthorized_client`); the new login issues none.
    #[serde(default = "yes")]
    pub refresh_token_grant: bool,
    /// Development Mode: plain `http://` redirect URIs are allowed, and every
    /// registered URI is also a glob pattern. Off, an `http://` redirect URI is refused
    /// on ZITADEL's own page.
    #[serde(default)]
    pub dev_mode: bool,
    /// How the app proves itself at the token endpoint.
    #[serde(default)]
    pub auth_method: AuthMethod,
    /// "Only authorized users can authenticate": when set, only these users (by user
    /// name) hold a grant on the app's project; anyone else is stopped at the login.
    #[serde(default)]
    pub authorized_users: Option<Vec<String>>,
}

/// An app's authentication method at the token endpoint.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthMethod {
    /// A public client with PKCE (a User Agent app): no secret.
    #[default]
    None,
    /// A client secret in the `Authorization: Basic` header (a Web app).
    Basic,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeedUser {
    pub id: String,
    pub user_name: String,
    pub password: String,
    pub first_name: String,
    pub last_name: String,
    #[serde(default)]
    pub nick_name: String,
    pub display_name: String,
    #[serde(default)]
    pub preferred_language: String,
    /// As ZITADEL stores it: −1, 0 (the default: a user created elsewhere), 1, 2 or 3.
    #[serde(default)]
    pub gender: StoredGender,
    pub email: String,
    #[serde(default)]
    pub email_verified: bool,
    /// Whether the user uploaded an avatar (served under `/assets/v1/`).
    #[serde(default)]
    pub avatar: bool,
    /// Whether ZITADEL wants a second factor of this user (the login policy forces
    /// MFA, or the user set one up): the API refuses tokens of a session signed in
    /// without one (403 `AUTHZ-Kl3p0`), and the login asks for it.
    #[serde(default)]
    pub mfa_required: bool,
}

/// ZITADEL's languages, as it ships them (`uk` since 2025-12, `ar` since 2026-01).
pub const ZITADEL_LANGUAGES: &str =
    "ar bg cs de en es fr hu id it ja ko mk nl pl pt ro ru sv tr uk zh";

impl Default for Config {
    fn default() -> Self {
        Self::demo("http://127.0.0.1:8080", "http://127.0.0.1:8081")
    }
}

impl Config {
    /// An instance at `issuer` with one app whose pages live at `page_origin` (the
    /// standalone page at `/`, the embedding example at `/embed/` and the benchmark's
    /// baseline at `/baseline/`), and the two seeded users of [`demo_users`].
    pub fn demo(issuer: &str, page_origin: &str) -> Self {
        let origin = page_origin.trim_end_matches('/');
        let pages = vec![
            format!("{origin}/"),
            format!("{origin}/embed/"),
            format!("{origin}/embed/two.html"),
            // the benchmark's hand-written baseline client
            format!("{origin}/baseline/"),
        ];
        let two = vec![format!("{origin}/embed/two.html")];
        let mistakes = vec![format!("{origin}/embed/mistakes.html")];
        let app = |client_id: &str| App {
            client_id: client_id.into(),
            redirect_uris: mistakes.clone(),
            post_logout_redirect_uris: mistakes.clone(),
            additional_origins: vec![],
            refresh_token_grant: true,
            dev_mode: true,
            auth_method: AuthMethod::None,
            authorized_users: None,
        };
        Self {
            issuer: issuer.trim_end_matches('/').to_owned(),
            apps: vec![
                App {
                    redirect_uris: pages.clone(),
                    post_logout_redirect_uris: pages,
                    ..app(DEMO_CLIENT_ID)
                },
                App {
                    redirect_uris: two.clone(),
                    post_logout_redirect_uris: two,
                    ..app(SECOND_CLIENT_ID)
                },
                App {
                    refresh_token_grant: false,
                    ..app(misconfigured::NO_REFRESH_GRANT)
                },
                App {
                    auth_method: AuthMethod::Basic,
                    ..app(misconfigured::WEB_APP)
                },
                App {
                    authorized_users: Some(vec![SECOND_USER.into()]),
                    ..app(misconfigured::AUTHORIZED_ONLY)
                },
                App {
                    dev_mode: false,
                    ..app(misconfigured::NO_DEV_MODE)
                },
                App {
                    redirect_uris: vec![format!(
                        "{}:*/embed/mistakes.html",
                        origin_without_port(origin)
                    )],
                    ..app(misconfigured::WILDCARD_PORT)
                },
            ],
            users: demo_users(),
            access_token_seconds: 12 * 3600,
            id_token_seconds: 12 * 3600,
            refresh_token_idle_seconds: 30 * 24 * 3600,
            refresh_token_absolute_seconds: 90 * 24 * 3600,
            code_seconds: 60,
            languages: ZITADEL_LANGUAGES.split(' ').map(str::to_owned).collect(),
            test_controls: false,
            login_v2: false,
        }
    }

    pub fn app(&self, client_id: &str) -> Option<&App> {
        self.apps.iter().find(|a| a.client_id == client_id)
    }

    pub fn access_token_ttl(&self) -> Duration {
        Duration::from_secs(self.access_token_seconds)
    }
}

/// One user of each gender kind ZITADEL can hold for "unspecified": [`DEMO_USER`]
/// (stored −1) and [`SECOND_USER`] (stored 0).
pub fn demo_users() -> Vec<SeedUser> {
    let user = |id: &str, user_name: &str, first: &str, last: &str| SeedUser {
        id: id.into(),
        user_name: user_name.into(),
        password: DEMO_PASSWORD.into(),
        first_name: first.into(),
        last_name: last.into(),
        nick_name: String::new(),
        display_name: format!("{first} {last}"),
        preferred_language: "en".into(),
        gender: StoredGender::Unspecified,
        email: format!("{}@example.com", first.to_lowercase()),
        email_verified: true,
        avatar: false,
        mfa_required: false,
    };
    vec![
        SeedUser {
            gender: StoredGender::V1Unspecified,
            avatar: true,
            ..user(DEMO_USER_ID, DEMO_USER, "Ada", "Lovelace")
        },
        SeedUser {
            preferred_language: "de".into(),
            email_verified: false,
            ..user(SECOND_USER_ID, SECOND_USER, "Hedy", "Lamarr")
        },
    ]
}

impl App {
    /// Whether `uri` is one of the app's redirect URIs: exactly, or in Development Mode
    /// also as a glob pattern.
    pub fn registers(&self, uri: &str) -> bool {
        self.redirect_uris.iter().any(|registered| {
            registered == uri || (self.dev_mode && crate::glob::matches(registered, uri))
        })
    }

    /// Whether `uri` is one of the app's post-logout URIs, as [`App::registers`] reads
    /// redirect URIs.
    pub fn registers_post_logout(&self, uri: &str) -> bool {
        self.post_logout_redirect_uris.iter().any(|registered| {
            registered == uri || (self.dev_mode && crate::glob::matches(registered, uri))
        })
    }

    /// ZITADEL allows the origins of the redirect URIs plus the additional origins,
    /// compared as exact strings.
    pub fn allows_origin(&self, origin: &str) -> bool {
        self.redirect_uris
            .iter()
            .filter_map(|uri| origin_of(uri))
            .any(|o| o == origin)
            || self.additional_origins.iter().any(|o| o == origin)
    }
}

/// `scheme://host` of an origin, without its port.
fn origin_without_port(origin: &str) -> &str {
    let host_start = origin.find("://").map_or(0, |i| i + 3);
    match origin[host_start..].rfind(':') {
        Some(colon) if !origin[host_start..].ends_with(']') => &origin[..host_start + colon],
        _ => origin,
    }
}

/// `scheme://host[:port]` of an absolute URL.
pub fn origin_of(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")? + 3;
    let end = url[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| scheme_end + i);
    Some(&url[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_come_from_redirect_uris_and_the_extra_list() {
        let mut app = Config::demo("http://idp:1", "http://page:2").apps.remove(0);
        assert!(app.allows_origin("http://page:2"));
        assert!(!app.allows_origin("http://page:2/"));
        assert!(!app.allows_origin("http://other:3"));
        app.additional_origins.push("http://other:3".into());
        assert!(app.allows_origin("http://other:3"));
    }

    #[test]
    fn origin_of_urls() {
        assert_eq!(origin_of("https://a.b:8/c?d"), Some("https://a.b:8"));
        assert_eq!(origin_of("http://a"), Some("http://a"));
        assert_eq!(origin_of("nope"), None);
    }

    #[test]
    fn a_config_file_overrides_the_demo() {
        let config: Config = serde_json::from_str(r#"{"accessTokenSeconds": 5}"#).unwrap();
        assert_eq!(config.access_token_seconds, 5);
        assert_eq!(config.apps[0].client_id, DEMO_CLIENT_ID);
        assert!(serde_json::from_str::<Config>(r#"{"acessTokenSeconds": 5}"#).is_err());
    }
}
