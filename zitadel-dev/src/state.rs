//! Everything the stand-in remembers: users, browser sessions, pending sign-ins, codes
//! and tokens, plus a clock that tests can move forward.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde_json::json;
use sha2::Sha256;

use crate::config::{Config, SeedUser};
use crate::faults::Fault;
use crate::rules::Gender;
use crate::time::rfc3339;

/// The profile as ZITADEL stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub first_name: String,
    pub last_name: String,
    pub nick_name: String,
    pub display_name: String,
    /// Canonical tag or `und`.
    pub preferred_language: String,
    pub gender: Gender,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub user_name: String,
    pub password: String,
    pub profile: Profile,
    pub email: String,
    pub email_verified: bool,
    pub sequence: u64,
    pub creation_date: String,
    pub change_date: String,
}

/// A sign-in waiting for the user at the login page.
#[derive(Debug, Clone)]
pub struct AuthRequest {
    pub client_id: String,
    pub redirect_uri: String,
    pub scope: String,
    pub state: Option<String>,
    pub nonce: Option<String>,
    pub code_challenge: String,
    pub response_mode: String,
}

#[derive(Debug, Clone)]
pub struct CodeGrant {
    pub user_id: String,
    pub client_id: String,
    pub redirect_uri: String,
    pub scope: String,
    pub nonce: Option<String>,
    pub code_challenge: String,
    pub expires: SystemTime,
    pub auth_time: u64,
}

#[derive(Debug, Clone)]
pub struct AccessToken {
    pub user_id: String,
    pub client_id: String,
    pub scope: String,
    pub expires: SystemTime,
    /// The refresh token it was issued with, so revoking that revokes this too.
    pub refresh_token: Option<String>,
}

#[derive(Debug, Clone)]
pub struct RefreshGrant {
    pub user_id: String,
    pub client_id: String,
    pub scope: String,
    pub idle_expires: SystemTime,
    pub auth_time: u64,
}

#[derive(Default)]
pub struct Store {
    pub users: HashMap<String, User>,
    pub sessions: HashMap<String, String>,
    pub auth_requests: HashMap<String, AuthRequest>,
    pub codes: HashMap<String, CodeGrant>,
    pub access_tokens: HashMap<String, AccessToken>,
    pub refresh_tokens: HashMap<String, RefreshGrant>,
    /// Origins added at run time through the test controls, per client id.
    pub extra_origins: HashMap<String, Vec<String>>,
    pub fault: Option<Fault>,
    /// The last Auth API request (test controls only).
    pub last_request: Option<serde_json::Value>,
    /// How many Auth API requests arrived (test controls only).
    pub request_count: u64,
    clock_offset: Duration,
    sequence: u64,
}

/// The signing key, made fresh at every start.
pub struct Keys {
    pub kid: String,
    signing: SigningKey<Sha256>,
    pub jwk: serde_json::Value,
}

impl Keys {
    fn generate() -> Self {
        let key = RsaPrivateKey::new(&mut rand::thread_rng(), 2048).expect("RSA key generation");
        let kid = random_token(9);
        let public = key.to_public_key();
        let jwk = json!({
            "kty": "RSA",
            "use": "sig",
            "alg": "RS256",
            "kid": kid,
            "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
            "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
        });
        Self {
            kid,
            signing: SigningKey::new(key),
            jwk,
        }
    }

    /// A compact RS256 JWS over `claims`.
    pub fn sign(&self, claims: &serde_json::Value) -> String {
        let header = json!({ "alg": "RS256", "kid": self.kid, "typ": "JWT" });
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let signature = self.signing.sign(input.as_bytes()).to_bytes();
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }

    /// Checks a JWS this instance signed and returns its claims (expiry not checked:
    /// `id_token_hint` may be expired).
    pub fn verify(&self, jws: &str) -> Option<serde_json::Value> {
        use rsa::signature::Verifier;
        let (input, signature) = jws.rsplit_once('.')?;
        let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
        let signature = rsa::pkcs1v15::Signature::try_from(signature.as_slice()).ok()?;
        rsa::signature::Keypair::verifying_key(&self.signing)
            .verify(input.as_bytes(), &signature)
            .ok()?;
        let payload = input.split('.').nth(1)?;
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()
    }
}

/// The shared state behind every handler.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

struct Shared {
    config: Config,
    keys: &'static Keys,
    store: Mutex<Store>,
}

impl AppState {
    pub fn new(config: Config) -> Self {
        // One key per process: made at the first start, shared by every state after it.
        static KEYS: OnceLock<Keys> = OnceLock::new();
        let keys = KEYS.get_or_init(Keys::generate);
        let state = Self(Arc::new(Shared {
            config,
            keys,
            store: Mutex::new(Store::default()),
        }));
        state.reset();
        state
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn keys(&self) -> &Keys {
        self.0.keys
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves plain data behind; keep serving.
        self.0.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Back to the seeded users, no sessions, no tokens, no faults, the real clock.
    pub fn reset(&self) {
        let now = SystemTime::now();
        let date = timestamp(now);
        let mut store = self.store();
        *store = Store::default();
        for (i, seed) in self.config().users.iter().enumerate() {
            let user = User::seeded(seed, i as u64 + 1, &date);
            store.users.insert(user.id.clone(), user);
        }
        store.sequence = self.config().users.len() as u64;
    }

    /// The stand-in's idea of now: the real clock plus whatever tests moved it.
    pub fn now(&self) -> SystemTime {
        SystemTime::now() + self.store().clock_offset
    }

    pub fn advance_clock(&self, by: Duration) {
        self.store().clock_offset += by;
    }

    pub fn next_sequence(&self) -> u64 {
        let mut store = self.store();
        store.sequence += 1;
        store.sequence
    }

    /// Whether `origin` may call the API for `client_id`.
    pub fn origin_allowed(&self, client_id: &str, origin: &str) -> bool {
        let configured = self
            .config()
            .app(client_id)
            .is_some_and(|app| app.allows_origin(origin));
        configured
            || self
                .store()
                .extra_origins
                .get(client_id)
                .is_some_and(|list| list.iter().any(|o| o == origin))
    }
}

impl User {
    fn seeded(seed: &SeedUser, sequence: u64, date: &str) -> Self {
        Self {
            id: seed.id.clone(),
            user_name: seed.user_name.clone(),
            password: seed.password.clone(),
            profile: Profile {
                first_name: seed.first_name.clone(),
                last_name: seed.last_name.clone(),
                nick_name: seed.nick_name.clone(),
                display_name: seed.display_name.clone(),
                preferred_language: crate::rules::stored_language(&seed.preferred_language),
                gender: seed.gender,
            },
            email: seed.email.clone(),
            email_verified: seed.email_verified,
            sequence,
            creation_date: date.to_owned(),
            change_date: date.to_owned(),
        }
    }
}

/// Seconds since the epoch.
pub fn unix(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs()
}

pub fn timestamp(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    rfc3339(d.as_secs(), d.subsec_micros() * 1000)
}

/// `bytes` random bytes, base64url without padding.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_tokens_verify_and_tampered_ones_do_not() {
        let state = AppState::new(Config::default());
        let jws = state.keys().sign(&json!({"sub": "1"}));
        assert_eq!(state.keys().verify(&jws).unwrap()["sub"], "1");
        let mut tampered = jws.clone();
        tampered.insert(tampered.find('.').unwrap() + 2, 'A');
        assert!(state.keys().verify(&tampered).is_none());
    }
}
