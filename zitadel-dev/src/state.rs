//! Everything the stand-in remembers: users, browser sessions, pending sign-ins, codes
//! and tokens, plus a clock that tests can move forward.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde::Deserialize;
use serde_json::json;
use sha2::Sha256;

use crate::config::{Config, SeedUser};
use crate::redirect::ReplyTo;
use crate::rules::{self, ProfileRequest, StoredGender};
use crate::time::rfc3339;

/// The profile as ZITADEL stores it.
/// What the next matching requests get instead of (or on top of) their real answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    /// How many requests it applies to.
    #[serde(default = "one")]
    pub count: u32,
    /// Answer with this status instead of handling the request.
    pub status: Option<u16>,
    /// The body to send with `status`, as it is (it need not be JSON).
    pub body: Option<String>,
    #[serde(default = "json_type")]
    pub content_type: String,
    /// Wait this long before answering.
    #[serde(default)]
    pub delay_ms: u64,
    /// Close the connection without any answer.
    #[serde(default)]
    pub close: bool,
    /// Which requests count: those whose path starts with this.
    #[serde(default = "api_prefix")]
    pub path_prefix: String,
}

fn one() -> u32 {
    1
}
fn json_type() -> String {
    "application/json".into()
}
fn api_prefix() -> String {
    "/auth/v1/".into()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub first_name: String,
    pub last_name: String,
    pub nick_name: String,
    pub display_name: String,
    pub preferred_language: Language,
    pub gender: StoredGender,
}

impl Profile {
    /// Whether storing `new` over this profile changes nothing, decided as ZITADEL's
    /// `NewChangedEvent` decides it (`internal/command/user_human_profile_model.go`):
    /// field by field, the language as read back against the update's parsed tag, the
    /// gender as stored numbers.
    pub fn unchanged_by(&self, new: &Profile) -> bool {
        self.first_name == new.first_name
            && self.last_name == new.last_name
            && self.nick_name == new.nick_name
            && self.display_name == new.display_name
            && self.preferred_language.as_str() == new.preferred_language.stored()
            && self.gender == new.gender
    }
}

impl From<ProfileRequest> for Profile {
    /// The profile a (validated) update request stores, converted as ZITADEL's v1
    /// API converts it (`internal/api/grpc/auth/profile_converter.go`).
    fn from(request: ProfileRequest) -> Self {
        Self {
            first_name: request.first_name,
            last_name: request.last_name,
            nick_name: request.nick_name,
            display_name: request.display_name,
            preferred_language: Language::from_tag(&request.preferred_language),
            gender: StoredGender::from(request.gender),
        }
    }
}

/// A language as ZITADEL keeps it. The event holds what Go's `language.Parse` made of
/// the tag sent (`und` when nothing of it parses); everything that reads it back (the
/// API, the write model the next change is compared with, a new token's session)
/// parses that text once more, now without an error, so it may come out canonicalised
/// further: `iw-abcde` is stored as `iw` and read as `he`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    stored: String,
    read: String,
}

impl Default for Language {
    /// No language at all, as ZITADEL writes it.
    fn default() -> Self {
        Self::from_tag("")
    }
}

impl Language {
    pub fn from_tag(tag: &str) -> Self {
        let stored = rules::stored_language(tag);
        let read = rules::stored_language(&stored);
        Self { stored, read }
    }

    /// The language as every reader sees it.
    pub fn as_str(&self) -> &str {
        &self.read
    }

    /// The tag an update carries, as its event stores it.
    pub fn stored(&self) -> &str {
        &self.stored
    }
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub user_name: String,
    pub password: String,
    pub profile: Profile,
    pub email: String,
    pub email_verified: bool,
    /// Whether the user has an avatar: the seeded picture, or `avatar_image`.
    pub avatar: bool,
    /// The picture uploaded through the assets API, if any.
    pub avatar_image: Option<Image>,
    /// Whether ZITADEL wants a second factor of this user (see `SeedUser`).
    pub mfa_required: bool,
    pub sequence: u64,
    pub creation_date: String,
    pub change_date: String,
}

/// How many random bytes an authorization code has: anything that does not decode to
/// that many cannot be a code of this instance, as a ZITADEL code that does not
/// decrypt cannot be one of ZITADEL's.
pub const CODE_BYTES: usize = 24;

/// A sign-in waiting for the user at the login page.
#[derive(Debug, Clone)]
pub struct AuthRequest {
    pub client_id: String,
    pub scope: String,
    pub nonce: Option<String>,
    pub code_challenge: String,
    /// Where the code (or an error) goes once the user is done.
    pub reply: ReplyTo,
    /// The `ui_locales` the client sent, in its order of preference.
    pub ui_locales: Vec<String>,
    /// The user whose password was right, while the login asks for their second factor.
    pub second_factor_for: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CodeGrant {
    pub user_id: String,
    /// The session the sign-in happened in; the tokens belong to it.
    pub session: String,
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
    /// The session it was issued in: ending that session ends this token.
    pub session: String,
    pub client_id: String,
    pub scope: String,
    pub expires: SystemTime,
    /// The refresh token it was issued with, so revoking that revokes this too.
    pub refresh_token: Option<String>,
    /// The session's language: the user's preferred language when the token was
    /// issued, which ZITADEL words domain errors in before `Accept-Language`
    /// (`prefLang`, `internal/authz/repository/eventsourcing/eventstore/token_verifier.go`).
    /// Fixed when the session starts; a refresh keeps it.
    pub language: Language,
}

#[derive(Debug, Clone)]
pub struct RefreshGrant {
    pub user_id: String,
    /// The session it was issued in: ending that session ends this token.
    pub session: String,
    pub client_id: String,
    pub scope: String,
    pub idle_expires: SystemTime,
    /// The refresh token lifetime counted from the sign-in; rotation keeps it.
    pub absolute_expires: SystemTime,
    pub auth_time: u64,
    /// The sign-in's nonce: ZITADEL keeps it on the OIDC session and puts it in every
    /// id_token of it, refreshed ones included.
    pub nonce: Option<String>,
    /// The OIDC session's language, fixed at sign-in and kept through rotations.
    pub language: Language,
}

/// Why a token named by a client was not handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRefused {
    /// No live token of that name (never issued, spent, revoked or ended).
    Unknown,
    /// A live token, issued to another client.
    OtherClient,
}

#[derive(Default)]
pub struct Store {
    pub users: HashMap<String, User>,
    /// ZITADEL sessions by id, each with its user. A browser holds one in its cookie;
    /// tokens minted through the test controls get one that no browser holds.
    pub sessions: HashMap<String, String>,
    /// The sessions whose sign-in included a second factor.
    pub mfa_sessions: HashSet<String>,
    /// Sign-outs waiting on the new login's sign-out page: the URI each returns to.
    pub logouts: HashMap<String, String>,
    /// The new login switched on or off through the test controls, over the config.
    pub login_v2: Option<bool>,
    pub auth_requests: HashMap<String, AuthRequest>,
    pub codes: HashMap<String, CodeGrant>,
    pub access_tokens: HashMap<String, AccessToken>,
    pub refresh_tokens: HashMap<String, RefreshGrant>,
    /// Origins added at run time through the test controls, per client id.
    pub extra_origins: HashMap<String, Vec<String>>,
    /// Ids of users deactivated through the test controls: they cannot sign in and
    /// no token of theirs works.
    pub deactivated: HashSet<String>,
    pub fault: Option<Fault>,
    /// The last Auth API request (test controls only).
    pub last_request: Option<serde_json::Value>,
    /// How many Auth API requests arrived (test controls only).
    pub request_count: u64,
    clock_offset: Duration,
    sequence: u64,
}

/// Why a profile update was not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateRefused {
    UserGone,
    /// The new profile equals the stored one, compared as ZITADEL compares them: the
    /// parsed language tags and the stored gender numbers.
    NotChanged,
}

/// The details of a stored change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub sequence: u64,
    pub change_date: String,
}

impl Store {
    /// The stand-in's idea of now: the real clock plus whatever tests moved it.
    pub fn now(&self) -> SystemTime {
        SystemTime::now() + self.clock_offset
    }

    pub fn user(&self, id: &str) -> Option<User> {
        self.users.get(id).cloned()
    }

    /// The id of the user with this login name.
    pub fn user_id_by_name(&self, user_name: &str) -> Option<String> {
        self.users
            .values()
            .find(|u| u.user_name == user_name)
            .map(|u| u.id.clone())
    }

    /// Whether `user_id` may sign in and use tokens: not deactivated.
    pub fn is_active(&self, user_id: &str) -> bool {
        !self.deactivated.contains(user_id)
    }

    /// Deactivates `user_id` as ZITADEL does: the user's sessions end and every token
    /// issued in them stops working (ZITADEL checks the user's state on each token,
    /// `internal/query/access_token.go`), and signing in is refused until a reset.
    pub fn deactivate(&mut self, user_id: &str) {
        self.deactivated.insert(user_id.to_owned());
        self.end_sessions_of(user_id);
    }

    /// The id of the user these credentials belong to.
    pub fn check_password(&self, login_name: &str, password: &str) -> Option<String> {
        self.users
            .values()
            .find(|u| u.user_name == login_name && u.password == password)
            .map(|u| u.id.clone())
    }

    /// Parks a sign-out on the new login's page; returns its `logout_token`.
    pub fn add_logout(&mut self, target: String) -> String {
        insert_fresh(&mut self.logouts, 24, target)
    }

    /// Starts a session for `user_id`; returns the session id (for the cookie).
    pub fn start_session(&mut self, user_id: String) -> String {
        insert_fresh(&mut self.sessions, 24, user_id)
    }

    pub fn session_user(&self, session: &str) -> Option<String> {
        self.sessions.get(session).cloned()
    }

    /// Ends `session` and everything issued in it: pending codes, access tokens and
    /// refresh tokens all stop working.
    pub fn end_session(&mut self, session: &str) {
        self.sessions.remove(session);
        self.mfa_sessions.remove(session);
        self.codes.retain(|_, c| c.session != session);
        self.access_tokens.retain(|_, a| a.session != session);
        self.refresh_tokens.retain(|_, r| r.session != session);
    }

    /// Ends every session of `user_id`, each as [`Store::end_session`] ends one;
    /// returns how many there were.
    pub fn end_sessions_of(&mut self, user_id: &str) -> usize {
        let sessions: Vec<String> = self
            .sessions
            .iter()
            .filter(|(_, user)| *user == user_id)
            .map(|(session, _)| session.clone())
            .collect();
        for session in &sessions {
            self.end_session(session);
        }
        sessions.len()
    }

    /// Parks a sign-in until the login page is done; returns its id.
    pub fn add_auth_request(&mut self, request: AuthRequest) -> String {
        insert_fresh(&mut self.auth_requests, 12, request)
    }

    pub fn auth_request(&self, id: &str) -> Option<AuthRequest> {
        self.auth_requests.get(id).cloned()
    }

    pub fn drop_auth_request(&mut self, id: &str) {
        self.auth_requests.remove(id);
    }

    /// Stores an authorization code for `grant`; returns the code, [`CODE_BYTES`]
    /// random bytes in base64url.
    pub fn add_code(&mut self, grant: CodeGrant) -> String {
        insert_fresh(&mut self.codes, CODE_BYTES, grant)
    }

    /// The grant behind an unspent code, left in place: ZITADEL spends a code only
    /// when the exchange passes every check (`internal/command/oidc_session.go` pushes
    /// its events after the compliance check), so a wrong verifier or client can retry.
    pub fn code(&self, code: &str) -> Option<CodeGrant> {
        self.codes.get(code).cloned()
    }

    /// Takes a code out for good: from then on it is unknown.
    pub fn take_code(&mut self, code: &str) -> Option<CodeGrant> {
        self.codes.remove(code)
    }

    /// Stores a new access token, and a refresh token when `refresh` is given; the
    /// access token remembers the refresh token it came with and its user's preferred
    /// language of this moment. Returns both tokens.
    pub fn issue(
        &mut self,
        access: AccessToken,
        refresh: Option<RefreshGrant>,
    ) -> (String, Option<String>) {
        let refresh_token = refresh.map(|grant| insert_fresh(&mut self.refresh_tokens, 32, grant));
        let access = AccessToken {
            refresh_token: refresh_token.clone(),
            ..access
        };
        let access_token = insert_fresh(&mut self.access_tokens, 32, access);
        (access_token, refresh_token)
    }

    /// The access token named `token`, if it exists, has not expired and its user is
    /// active.
    pub fn live_access_token(&self, token: &str) -> Option<AccessToken> {
        let now = self.now();
        self.access_tokens
            .get(token)
            .filter(|a| a.expires > now && self.is_active(&a.user_id))
            .cloned()
    }

    /// Takes out `client_id`'s refresh token: rotation spends it at once, whether or
    /// not it turns out to be expired. The access token issued with it goes too: an
    /// OIDC session holds one live access token, and ZITADEL refuses the previous one
    /// the moment a refresh replaces it (`internal/query/access_token.go`). Another
    /// client's token stays where it is.
    pub fn take_refresh_token(
        &mut self,
        token: &str,
        client_id: &str,
    ) -> Result<RefreshGrant, TokenRefused> {
        let grant = self
            .refresh_tokens
            .get(token)
            .ok_or(TokenRefused::Unknown)?;
        if grant.client_id != client_id {
            return Err(TokenRefused::OtherClient);
        }
        self.access_tokens
            .retain(|_, a| a.refresh_token.as_deref() != Some(token));
        self.refresh_tokens
            .remove(token)
            .ok_or(TokenRefused::Unknown)
    }

    /// RFC 7009 for `client_id`: its refresh token takes the access token issued with
    /// it along, its access token goes alone. A token nobody holds is fine (ZITADEL
    /// answers 200); another client's live token is refused, as ZITADEL's
    /// `CheckClient` refuses it.
    pub fn revoke(&mut self, client_id: &str, token: &str) -> Result<(), TokenRefused> {
        match self.take_refresh_token(token, client_id) {
            Ok(_) => return Ok(()),
            Err(TokenRefused::OtherClient) => return Err(TokenRefused::OtherClient),
            Err(TokenRefused::Unknown) => {}
        }
        match self.access_tokens.get(token) {
            Some(a) if a.client_id != client_id => Err(TokenRefused::OtherClient),
            Some(_) => {
                self.access_tokens.remove(token);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Replaces a user's profile, as one change with the next sequence number.
    pub fn update_profile(
        &mut self,
        user_id: &str,
        profile: Profile,
    ) -> Result<Change, UpdateRefused> {
        self.change(user_id, |user| {
            if user.profile.unchanged_by(&profile) {
                return Err(UpdateRefused::NotChanged);
            }
            user.profile = profile;
            Ok(())
        })
    }

    /// Sets (`Some`) or removes a user's avatar, as one change with the next sequence
    /// number. Removing when there is none is a change too: ZITADEL's command does not
    /// look first (`RemoveHumanAvatar`).
    pub fn set_avatar(
        &mut self,
        user_id: &str,
        image: Option<Image>,
    ) -> Result<Change, UpdateRefused> {
        self.change(user_id, |user| {
            user.avatar = image.is_some();
            user.avatar_image = image;
            Ok(())
        })
    }

    /// Applies `edit` to a user as one change: the next sequence number and now.
    fn change(
        &mut self,
        user_id: &str,
        edit: impl FnOnce(&mut User) -> Result<(), UpdateRefused>,
    ) -> Result<Change, UpdateRefused> {
        let change_date = timestamp(self.now());
        let sequence = self.sequence + 1;
        let user = self.users.get_mut(user_id).ok_or(UpdateRefused::UserGone)?;
        edit(user)?;
        user.sequence = sequence;
        user.change_date = change_date.clone();
        self.sequence = sequence;
        Ok(Change {
            sequence,
            change_date,
        })
    }
}

/// An uploaded picture: its bytes and the type sniffed from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
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
        self.store().now()
    }

    pub fn advance_clock(&self, by: Duration) {
        self.store().clock_offset += by;
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
    /// The preferred login name, `userName@<org domain>`, as ZITADEL builds it from the
    /// organisation's primary domain (`/users/me` and userinfo both show it).
    pub fn preferred_login_name(&self) -> String {
        format!("{}@{}", self.user_name, crate::config::ORG_DOMAIN)
    }

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
                preferred_language: Language::from_tag(&seed.preferred_language),
                gender: seed.gender,
            },
            email: seed.email.clone(),
            email_verified: seed.email_verified,
            avatar: seed.avatar,
            avatar_image: None,
            mfa_required: seed.mfa_required,
            sequence,
            creation_date: date.to_owned(),
            change_date: date.to_owned(),
        }
    }
}

/// Stores `value` under a fresh key of `bytes` random bytes; returns the key.
fn insert_fresh<V>(map: &mut HashMap<String, V>, bytes: usize, value: V) -> String {
    let key = random_token(bytes);
    map.insert(key.clone(), value);
    key
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
