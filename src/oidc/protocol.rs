//! The authorization code + PKCE protocol as pure functions: the authorize URL, the
//! callback's parameters, the token request and response, and the id_token's claims.

use serde::Deserialize;

use super::encoding::{base64url_decode, form_encode, parse_query};
use super::types::{AccessToken, CodeChallenge, IdToken, Nonce, PkceVerifier, RefreshToken, State};
use crate::i18n::{Key, Message};
use crate::options::Config;

/// What the browser is sent to ZITADEL with (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1).
pub struct AuthorizeRequest<'a> {
    pub authorization_endpoint: &'a str,
    pub state: &'a State,
    pub nonce: &'a Nonce,
    pub code_challenge: &'a CodeChallenge,
    /// The language the form speaks, for ZITADEL's login when the `locale` option
    /// names none.
    pub language: &'a str,
    /// `prompt` (OIDC Core §3.1.2.1), when the sign-in must be a fresh one.
    pub prompt: Option<&'a str>,
}

impl AuthorizeRequest<'_> {
    pub fn url(&self, config: &Config) -> String {
        let mut params = vec![
            ("client_id", config.client_id.as_str()),
            ("redirect_uri", config.redirect_uri.as_str()),
            ("response_type", "code"),
            ("scope", config.scope.as_str()),
            ("state", self.state.as_str()),
            ("nonce", self.nonce.as_str()),
            ("code_challenge", self.code_challenge.as_str()),
            ("code_challenge_method", "S256"),
        ];
        params.push((
            "ui_locales",
            config.locale.as_deref().unwrap_or(self.language),
        ));
        if let Some(prompt) = self.prompt {
            params.push(("prompt", prompt));
        }
        let separator = if self.authorization_endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        format!(
            "{}{separator}{}",
            self.authorization_endpoint,
            form_encode(&params)
        )
    }
}

/// What ZITADEL sent back to the redirect URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    Code {
        code: String,
        state: State,
        /// The issuer, when the server says (RFC 9207).
        iss: Option<String>,
    },
    Error {
        error: OAuthErrorCode,
        description: Option<String>,
        state: Option<State>,
    },
}

/// Reads the callback from the page's query (without `?`); `None` when the page was
/// not opened as a callback.
pub fn parse_callback(query: &str) -> Option<Callback> {
    let params = parse_query(query);
    let get = |k: &str| {
        params
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    if let Some(error) = get("error") {
        return Some(Callback::Error {
            error: OAuthErrorCode::from(error),
            description: get("error_description"),
            state: get("state").map(State::new),
        });
    }
    Some(Callback::Code {
        code: get("code")?,
        state: State::new(get("state")?),
        iss: get("iss"),
    })
}

impl Callback {
    /// The state the callback answers, if it names one.
    pub fn state(&self) -> Option<&State> {
        match self {
            Callback::Code { state, .. } => Some(state),
            Callback::Error { state, .. } => state.as_ref(),
        }
    }
}

/// The token request body for a code (RFC 6749 §4.1.3, RFC 7636 §4.5): no client secret.
pub fn code_exchange_body(config: &Config, code: &str, verifier: &PkceVerifier) -> String {
    form_encode(&[
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", &config.redirect_uri),
        ("client_id", &config.client_id),
        ("code_verifier", verifier.secret()),
    ])
}

/// The token request body for a refresh (RFC 6749 §6).
pub fn refresh_body(config: &Config, refresh_token: &RefreshToken) -> String {
    form_encode(&[
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh_token.secret()),
        ("client_id", &config.client_id),
    ])
}

/// A successful token response (RFC 6749 §5.1).
#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: AccessToken,
    #[serde(default)]
    pub expires_in: Option<u64>,
    #[serde(default)]
    pub refresh_token: Option<RefreshToken>,
    #[serde(default)]
    pub id_token: Option<IdToken>,
}

/// An OAuth error code (RFC 6749 §4.1.2.1 and §5.2, OIDC Core §3.1.2.6); the ones this
/// widget explains have a variant, the rest keep their text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub enum OAuthErrorCode {
    InvalidRequest,
    InvalidGrant,
    InvalidClient,
    UnauthorizedClient,
    InvalidScope,
    AccessDenied,
    LoginRequired,
    InteractionRequired,
    #[default]
    Empty,
    Other(String),
}

impl From<String> for OAuthErrorCode {
    fn from(code: String) -> Self {
        match code.as_str() {
            "invalid_request" => Self::InvalidRequest,
            "invalid_grant" => Self::InvalidGrant,
            "invalid_client" => Self::InvalidClient,
            "unauthorized_client" => Self::UnauthorizedClient,
            "invalid_scope" => Self::InvalidScope,
            "access_denied" => Self::AccessDenied,
            "login_required" => Self::LoginRequired,
            "interaction_required" => Self::InteractionRequired,
            "" => Self::Empty,
            _ => Self::Other(code),
        }
    }
}

impl OAuthErrorCode {
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::InvalidGrant => "invalid_grant",
            Self::InvalidClient => "invalid_client",
            Self::UnauthorizedClient => "unauthorized_client",
            Self::InvalidScope => "invalid_scope",
            Self::AccessDenied => "access_denied",
            Self::LoginRequired => "login_required",
            Self::InteractionRequired => "interaction_required",
            Self::Empty => "",
            Self::Other(code) => code,
        }
    }
}

/// An error response (RFC 6749 §5.2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct TokenError {
    pub error: OAuthErrorCode,
    pub error_description: Option<String>,
}

/// The claims this widget checks (OIDC Core §3.1.3.7).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct IdClaims {
    pub iss: String,
    pub sub: String,
    #[serde(deserialize_with = "one_or_many")]
    pub aud: Vec<String>,
    pub azp: Option<String>,
    pub exp: u64,
    pub iat: Option<u64>,
    pub nonce: Option<String>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// Why an id_token was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdTokenError {
    Malformed,
    /// Issued by this issuer, not the configured one.
    Issuer(String),
    Audience,
    Expired,
    Nonce,
    /// No `sub`.
    Subject,
    /// No `iat`, or one in the future.
    IssuedAt,
    /// A refreshed id_token about another user than the first.
    OtherUser,
}

impl IdTokenError {
    pub fn message(&self) -> Message {
        match self {
            IdTokenError::Malformed => Key::IdTokenMalformed.into(),
            IdTokenError::Issuer(issuer) => Message::new(Key::IdTokenIssuer).with("issuer", issuer),
            IdTokenError::Audience => Key::IdTokenAudience.into(),
            IdTokenError::Expired => Key::IdTokenExpired.into(),
            IdTokenError::Nonce => Key::IdTokenNonce.into(),
            IdTokenError::Subject => Key::IdTokenSubject.into(),
            IdTokenError::IssuedAt => Key::IdTokenIssuedAt.into(),
            IdTokenError::OtherUser => Key::IdTokenOtherUser.into(),
        }
    }
}

/// Checks an id_token received straight from the token endpoint over TLS, so its
/// signature need not be verified (OIDC Core §3.1.3.7, item 6): issuer (exactly),
/// subject, audience, authorized party, expiry, issue time and the sign-in's nonce.
pub fn check_id_token(
    id_token: &str,
    config: &Config,
    nonce: &Nonce,
    now_secs: u64,
) -> Result<IdClaims, IdTokenError> {
    let claims = check_claims(id_token, config, now_secs)?;
    if claims.nonce.as_deref() != Some(nonce.as_str()) {
        return Err(IdTokenError::Nonce);
    }
    Ok(claims)
}

/// Checks an id_token from a refresh like the first one, and that it is about the
/// same user (OIDC Core §12.2).
pub fn check_refreshed_id_token(
    id_token: &str,
    config: &Config,
    sub: &str,
    now_secs: u64,
) -> Result<IdClaims, IdTokenError> {
    let claims = check_claims(id_token, config, now_secs)?;
    if claims.sub != sub {
        return Err(IdTokenError::OtherUser);
    }
    Ok(claims)
}

fn check_claims(id_token: &str, config: &Config, now_secs: u64) -> Result<IdClaims, IdTokenError> {
    let payload = id_token.split('.').nth(1).ok_or(IdTokenError::Malformed)?;
    let bytes = base64url_decode(payload).ok_or(IdTokenError::Malformed)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| IdTokenError::Malformed)?;
    let claims: IdClaims = crate::json::from_str(text).map_err(|_| IdTokenError::Malformed)?;
    if claims.iss != config.issuer {
        return Err(IdTokenError::Issuer(claims.iss));
    }
    if claims.sub.is_empty() {
        return Err(IdTokenError::Subject);
    }
    // Issued before it expires. Not compared with this clock, which may be wrong:
    // `exp` already is, and a clock that lags would refuse honest tokens.
    if claims.iat.is_none_or(|iat| iat > claims.exp) {
        return Err(IdTokenError::IssuedAt);
    }
    let for_us = claims.aud.contains(&config.client_id)
        && claims
            .azp
            .as_deref()
            .is_none_or(|azp| azp == config.client_id);
    if !for_us {
        return Err(IdTokenError::Audience);
    }
    if claims.exp <= now_secs {
        return Err(IdTokenError::Expired);
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oidc::encoding::base64url;
    use crate::options::Options;

    fn config() -> Config {
        Options {
            issuer: Some("https://acme.zitadel.cloud".into()),
            client_id: Some("123@app".into()),
            locale: Some("de".into()),
            ..Options::default()
        }
        .resolve("https://app.example.com/profile?x=1")
        .unwrap()
    }

    #[test]
    fn authorize_url_exactly() {
        let request = AuthorizeRequest {
            authorization_endpoint: "https://acme.zitadel.cloud/oauth/v2/authorize",
            state: &State::new("s1".into()),
            nonce: &Nonce::new("n1".into()),
            code_challenge: &CodeChallenge::new(
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".into(),
            ),
            language: "ja",
            prompt: None,
        };
        let without_locale = Config {
            locale: None,
            ..config()
        };
        assert!(request.url(&without_locale).ends_with("&ui_locales=ja"));
        assert_eq!(
            request.url(&config()),
            "https://acme.zitadel.cloud/oauth/v2/authorize?client_id=123%40app\
             &redirect_uri=https%3A%2F%2Fapp.example.com%2Fprofile\
             &response_type=code\
             &scope=openid%20profile%20email%20offline_access%20urn%3Azitadel%3Aiam%3Aorg%3Aproject%3Aid%3Azitadel%3Aaud\
             &state=s1&nonce=n1\
             &code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM\
             &code_challenge_method=S256&ui_locales=de"
        );
        let fresh = AuthorizeRequest {
            prompt: Some("login"),
            ..request
        };
        assert!(fresh
            .url(&config())
            .ends_with("&ui_locales=de&prompt=login"));
    }

    #[test]
    fn callbacks_with_a_code_or_an_error() {
        assert_eq!(
            parse_callback("code=abc&state=s1"),
            Some(Callback::Code {
                code: "abc".into(),
                state: State::new("s1".into()),
                iss: None,
            })
        );
        assert_eq!(
            parse_callback("error=access_denied&error_description=The+user+cancelled&state=s1"),
            Some(Callback::Error {
                error: OAuthErrorCode::AccessDenied,
                description: Some("The user cancelled".into()),
                state: Some(State::new("s1".into())),
            })
        );
        assert_eq!(parse_callback(""), None);
        assert_eq!(parse_callback("code=abc"), None, "no state, no callback");
        assert_eq!(parse_callback("utm_source=mail"), None);
    }

    #[test]
    fn token_request_bodies() {
        assert_eq!(
            code_exchange_body(&config(), "c/1", &PkceVerifier::new("v".into())),
            "grant_type=authorization_code&code=c%2F1&redirect_uri=https%3A%2F%2Fapp.example.com%2Fprofile\
             &client_id=123%40app&code_verifier=v"
        );
        assert_eq!(
            refresh_body(&config(), &RefreshToken::new("r+1".into())),
            "grant_type=refresh_token&refresh_token=r%2B1&client_id=123%40app"
        );
    }

    #[test]
    fn error_codes_round_trip() {
        for code in [
            "invalid_grant",
            "access_denied",
            "invalid_scope",
            "slow_down",
            "",
        ] {
            assert_eq!(OAuthErrorCode::from(code.to_owned()).as_str(), code);
        }
        assert_eq!(
            OAuthErrorCode::from("invalid_client".to_owned()),
            OAuthErrorCode::InvalidClient
        );
    }

    fn jwt(claims: serde_json::Value) -> String {
        format!("e30.{}.sig", base64url(claims.to_string().as_bytes()))
    }

    #[test]
    fn id_token_claims_are_checked() {
        let good = serde_json::json!({
            "iss": "https://acme.zitadel.cloud", "sub": "1", "aud": ["123@app", "project"],
            "azp": "123@app", "exp": 2000, "iat": 900, "nonce": "n1"
        });
        assert_eq!(
            check_id_token(
                &jwt(good.clone()),
                &config(),
                &Nonce::new("n1".into()),
                1000
            )
            .unwrap()
            .sub,
            "1"
        );

        let mut c = good.clone();
        c["iss"] = "https://evil.example".into();
        assert!(matches!(
            check_id_token(&jwt(c), &config(), &Nonce::new("n1".into()), 1000),
            Err(IdTokenError::Issuer(_))
        ));
        let mut c = good.clone();
        c["aud"] = "other@app".into();
        assert_eq!(
            check_id_token(&jwt(c), &config(), &Nonce::new("n1".into()), 1000),
            Err(IdTokenError::Audience)
        );
        let mut c = good.clone();
        c["azp"] = "other@app".into();
        assert_eq!(
            check_id_token(&jwt(c), &config(), &Nonce::new("n1".into()), 1000),
            Err(IdTokenError::Audience)
        );
        assert_eq!(
            check_id_token(
                &jwt(good.clone()),
                &config(),
                &Nonce::new("n1".into()),
                2000
            ),
            Err(IdTokenError::Expired)
        );
        assert_eq!(
            check_id_token(
                &jwt(good.clone()),
                &config(),
                &Nonce::new("n2".into()),
                1000
            ),
            Err(IdTokenError::Nonce)
        );
        let mut c = good;
        c.as_object_mut().unwrap().remove("nonce");
        assert_eq!(
            check_id_token(&jwt(c), &config(), &Nonce::new("n1".into()), 1000),
            Err(IdTokenError::Nonce)
        );
        assert_eq!(
            check_id_token("garbage", &config(), &Nonce::new("n1".into()), 1000),
            Err(IdTokenError::Malformed)
        );
    }

    fn claims() -> serde_json::Value {
        serde_json::json!({
            "iss": "https://acme.zitadel.cloud", "sub": "1", "aud": ["123@app"],
            "exp": 2000, "iat": 900, "nonce": "n1"
        })
    }

    /// I2: the issuer matches exactly, a subject is named, and `iat` is sane.
    #[test]
    fn i2_subject_issue_time_and_exact_issuer() {
        let nonce = Nonce::new("n1".into());
        let check = |c: serde_json::Value| check_id_token(&jwt(c), &config(), &nonce, 1000);
        assert!(check(claims()).is_ok());
        let mut c = claims();
        c["iss"] = "https://acme.zitadel.cloud/".into();
        assert!(matches!(check(c), Err(IdTokenError::Issuer(_))));
        let mut c = claims();
        c.as_object_mut().unwrap().remove("sub");
        assert_eq!(check(c), Err(IdTokenError::Subject));
        let mut c = claims();
        c.as_object_mut().unwrap().remove("iat");
        assert_eq!(check(c), Err(IdTokenError::IssuedAt));
        let mut c = claims();
        c["iat"] = 2001.into();
        assert_eq!(
            check(c),
            Err(IdTokenError::IssuedAt),
            "issued after it expired"
        );
        let mut c = claims();
        c["iat"] = 1500.into();
        assert!(check(c).is_ok(), "a clock behind the server's is fine");
    }

    /// L7: a refreshed id_token is checked like the first, and names the same user.
    #[test]
    fn l7_a_refreshed_id_token_is_checked_too() {
        let check = |c: serde_json::Value, sub: &str| {
            check_refreshed_id_token(&jwt(c), &config(), sub, 1000)
        };
        assert!(check(claims(), "1").is_ok());
        let mut without_nonce = claims();
        without_nonce.as_object_mut().unwrap().remove("nonce");
        assert!(check(without_nonce, "1").is_ok());
        assert_eq!(check(claims(), "2"), Err(IdTokenError::OtherUser));
        let mut c = claims();
        c["aud"] = "other@app".into();
        assert_eq!(check(c, "1"), Err(IdTokenError::Audience));
        let mut c = claims();
        c["exp"] = 1000.into();
        assert_eq!(check(c, "1"), Err(IdTokenError::Expired));
    }

    /// I3: the callback's RFC 9207 `iss` is read.
    #[test]
    fn i3_the_callbacks_issuer_is_kept() {
        let callback = parse_callback("code=c&state=s&iss=https%3A%2F%2Fevil.example").unwrap();
        assert_eq!(
            callback,
            Callback::Code {
                code: "c".into(),
                state: State::new("s".into()),
                iss: Some("https://evil.example".into()),
            }
        );
        assert_eq!(callback.state(), Some(&State::new("s".into())));
        assert_eq!(parse_callback("error=x").unwrap().state(), None);
    }
}
