//! The session's tokens and the sign-in waiting for its callback, as kept in the
//! session store: what this tab holds, and the refresh tokens it spent.

use serde::{Deserialize, Serialize};

use super::protocol::TokenResponse;
use super::types::{AccessToken, IdToken, Nonce, PkceVerifier, RefreshToken, SessionTag, State};
use crate::options::Config;
use crate::session::Slot;

/// Tokens from the token endpoint. Every token is a secret type, so `Debug` is safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tokens {
    pub access_token: AccessToken,
    /// When the access token expires, in milliseconds since the epoch.
    pub expires_at_ms: u64,
    #[serde(default)]
    pub refresh_token: Option<RefreshToken>,
    #[serde(default)]
    pub id_token: Option<IdToken>,
    /// The signed-in user (the id_token's `sub`).
    #[serde(default)]
    pub sub: Option<String>,
    /// This session's own name, random, drawn at sign-in and kept through every
    /// refresh: tabs sharing the session name it to each other when one signs out,
    /// whichever rotation each of them holds (S3). Never sent to ZITADEL.
    #[serde(default)]
    pub session: Option<SessionTag>,
}

impl Tokens {
    /// The tokens of a sign-in's token response received at `now_ms`, for `sub`, in
    /// the new session `session`.
    pub fn signed_in(
        response: TokenResponse,
        sub: String,
        session: SessionTag,
        now_ms: u64,
    ) -> Self {
        Tokens {
            access_token: response.access_token,
            expires_at_ms: expires_at(response.expires_in, now_ms),
            refresh_token: response.refresh_token,
            id_token: response.id_token,
            sub: Some(sub),
            session: Some(session),
        }
    }

    /// The tokens after a refresh answered with `response` at `now_ms`. What the
    /// answer leaves out is kept: the refresh token (RFC 6749 §6 lets a server keep
    /// it), the id_token for sign-out's hint, and the user.
    pub fn refreshed(self, response: TokenResponse, now_ms: u64) -> Self {
        Tokens {
            access_token: response.access_token,
            expires_at_ms: expires_at(response.expires_in, now_ms),
            refresh_token: response.refresh_token.or(self.refresh_token),
            id_token: response.id_token.or(self.id_token),
            sub: self.sub,
            session: self.session,
        }
    }

    /// Whether `fresh`, tokens another tab made by spending `spent`, may replace these
    /// (S3, S4): only while these still hold `spent` (a sign-out or a newer adoption
    /// meanwhile wins), and only for the same person in the same session.
    pub fn may_adopt(&self, spent: &RefreshToken, fresh: &Tokens) -> bool {
        self.refresh_token.as_ref() == Some(spent)
            && fresh.sub.is_some()
            && fresh.sub == self.sub
            && fresh.session == self.session
    }
}

impl Tokens {
    /// The tokens that grant access, each with its RFC 7009 type hint: the refresh
    /// token first (it makes new access tokens), then the access token.
    pub fn secrets(&self) -> impl Iterator<Item = (&str, &'static str)> {
        let refresh = self
            .refresh_token
            .as_ref()
            .map(|t| (t.secret(), "refresh_token"));
        let access = Some((self.access_token.secret(), "access_token"));
        [refresh, access].into_iter().flatten()
    }
}

/// ZITADEL's default lifetime is 12 h; assume an hour when the server does not say.
fn expires_at(expires_in: Option<u64>, now_ms: u64) -> u64 {
    now_ms.saturating_add(expires_in.unwrap_or(3600).saturating_mul(1000))
}

/// A sign-in started on this page, waiting for ZITADEL's answer. Kept in the session
/// store because the page is left for the login in between.
#[derive(Debug, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub state: State,
    pub nonce: Nonce,
    pub verifier: PkceVerifier,
    /// When it started, in milliseconds since the epoch.
    #[serde(default)]
    pub started_ms: u64,
}

/// How long a sign-in may wait for its callback.
pub const PENDING_TTL_MS: u64 = 10 * 60 * 1000;
/// How many sign-ins may wait at once (a person may start over a few times).
const PENDING_KEPT: usize = 4;

const TOKENS: Slot<Tokens> = Slot::new("tokens");
const SPENT: Slot<Spent> = Slot::new("spent");
const PENDING: Slot<Vec<PendingSignIn>> = Slot::new("pending");

/// The refresh token this tab exchanged last, kept a short while to answer a tab
/// that missed the rotation (it was reloading). Only the last one, only for
/// [`ANSWER_WINDOW_MS`], and only [`ANSWERS`] times (S2): a refresh token that
/// leaked once does not keep opening the session. A tab that missed more signs in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Spent {
    pub token: RefreshToken,
    /// When it was exchanged, in milliseconds since the epoch.
    pub at_ms: u64,
    /// How often this tab answered for it.
    #[serde(default)]
    pub answers: u8,
}

/// How long after a rotation a tab still answers for the refresh token it spent.
pub const ANSWER_WINDOW_MS: u64 = 30_000;
/// How many answers a spent refresh token gets.
pub const ANSWERS: u8 = 2;

impl Spent {
    /// Whether this tab may still answer a tab asking about this token at `now_ms`.
    pub fn may_answer(&self, now_ms: u64) -> bool {
        self.answers < ANSWERS && self.at_ms <= now_ms && now_ms - self.at_ms <= ANSWER_WINDOW_MS
    }
}

/// The session's tokens in this tab, if signed in.
pub fn load(config: &Config) -> Option<Tokens> {
    config.store().read(&TOKENS)
}

pub fn save(config: &Config, tokens: &Tokens) {
    config.store().write(&TOKENS, tokens);
}

/// Forgets the session in this tab.
pub fn clear(config: &Config) {
    let store = config.store();
    store.remove(&TOKENS);
    store.remove(&SPENT);
}

/// Notes that this tab exchanged `refresh_token` at `now_ms`; it is dead from now on.
pub fn remember_spent(config: &Config, refresh_token: &RefreshToken, now_ms: u64) {
    let spent = Spent {
        token: refresh_token.clone(),
        at_ms: now_ms,
        answers: 0,
    };
    config.store().write(&SPENT, &spent);
}

/// The refresh token this tab exchanged last, whether or not it may still answer.
pub fn last_spent(config: &Config) -> Option<RefreshToken> {
    config.store().read(&SPENT).map(|s| s.token)
}

/// The refresh token this tab exchanged last, if it may still answer for it at
/// `now_ms`; counts the answer.
pub fn answer_for(config: &Config, now_ms: u64) -> Option<RefreshToken> {
    let store = config.store();
    let mut spent = store.read(&SPENT)?;
    if !spent.may_answer(now_ms) {
        return None;
    }
    spent.answers += 1;
    store.write(&SPENT, &spent);
    Some(spent.token)
}

/// The sign-ins still waiting at `now_ms`, oldest first.
fn waiting(config: &Config, now_ms: u64) -> Vec<PendingSignIn> {
    unexpired(config.store().read(&PENDING).unwrap_or_default(), now_ms)
}

/// Drops the sign-ins that waited longer than [`PENDING_TTL_MS`] (or claim to start
/// in the future).
fn unexpired(mut pending: Vec<PendingSignIn>, now_ms: u64) -> Vec<PendingSignIn> {
    pending.retain(|p| p.started_ms <= now_ms && now_ms - p.started_ms < PENDING_TTL_MS);
    pending
}

/// Adds a sign-in to those waiting for their callback.
pub fn save_pending(config: &Config, pending: PendingSignIn) {
    let mut waiting = waiting(config, pending.started_ms);
    waiting.push(pending);
    let excess = waiting.len().saturating_sub(PENDING_KEPT);
    waiting.drain(..excess);
    config.store().write(&PENDING, &waiting);
}

/// The sign-in that `state` answers, if one is waiting; only that one is used up.
pub fn take_pending(config: &Config, state: &State, now_ms: u64) -> Option<PendingSignIn> {
    let mut waiting = waiting(config, now_ms);
    let index = waiting.iter().position(|p| p.state == *state)?;
    let pending = waiting.remove(index);
    config.store().write(&PENDING, &waiting);
    Some(pending)
}

/// Whether a sign-in another form of this tab started waits for `state`.
pub fn awaited_elsewhere(config: &Config, state: &State, now_ms: u64) -> bool {
    config
        .store()
        .others(&PENDING)
        .into_iter()
        .any(|pending| unexpired(pending, now_ms).iter().any(|p| p.state == *state))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_that_holds_a_token_prints_it() {
        let tokens = Tokens {
            access_token: AccessToken::new("at-secret".into()),
            expires_at_ms: 1,
            refresh_token: Some(RefreshToken::new("rt-secret".into())),
            id_token: Some(IdToken::new("id-secret".into())),
            sub: Some("1".into()),
            session: Some(SessionTag::new("session-secret".into())),
        };
        let printed = format!("{tokens:?}");
        assert!(!printed.contains("secret"), "{printed}");
        let pending = PendingSignIn {
            state: State::new("s".into()),
            nonce: Nonce::new("n".into()),
            verifier: PkceVerifier::new("verifier-secret".into()),
            started_ms: 0,
        };
        assert!(!format!("{pending:?}").contains("secret"));
    }

    /// I4: a pending sign-in expires after ten minutes.
    #[test]
    fn i4_pending_sign_ins_expire_after_ten_minutes() {
        let started = |started_ms| PendingSignIn {
            state: State::new(format!("s{started_ms}")),
            nonce: Nonce::new("n".into()),
            verifier: PkceVerifier::new("v".into()),
            started_ms,
        };
        let now = 1_000_000_000;
        let kept = unexpired(
            vec![
                started(now - PENDING_TTL_MS - 1),
                started(now - PENDING_TTL_MS),
                started(now - PENDING_TTL_MS + 1),
                started(now),
                started(now + 1),
            ],
            now,
        );
        let states: Vec<&str> = kept.iter().map(|p| p.state.as_str()).collect();
        assert_eq!(
            states,
            [format!("s{}", now - PENDING_TTL_MS + 1), format!("s{now}")]
        );
    }

    /// L7: a refresh answer without a refresh token or id_token keeps the old ones.
    #[test]
    fn l7_a_refresh_keeps_what_its_answer_leaves_out() {
        let first: TokenResponse = serde_json::from_str(
            r#"{"access_token":"a1","refresh_token":"r1","id_token":"i1","expires_in":60}"#,
        )
        .unwrap();
        let tokens = Tokens::signed_in(first, "42".into(), SessionTag::new("s".into()), 1_000);
        assert_eq!(tokens.expires_at_ms, 61_000);
        let bare: TokenResponse = serde_json::from_str(r#"{"access_token":"a2"}"#).unwrap();
        let tokens = tokens.refreshed(bare, 2_000);
        assert_eq!(tokens.access_token.secret(), "a2");
        assert_eq!(tokens.expires_at_ms, 3_602_000);
        assert_eq!(tokens.refresh_token.unwrap().secret(), "r1");
        assert_eq!(tokens.id_token.unwrap().secret(), "i1");
        assert_eq!(tokens.sub.as_deref(), Some("42"));
        assert_eq!(tokens.session, Some(SessionTag::new("s".into())), "S3");
    }

    fn held(refresh: &str, sub: &str, session: &str) -> Tokens {
        Tokens {
            access_token: AccessToken::new(format!("at-{refresh}")),
            expires_at_ms: 0,
            refresh_token: Some(RefreshToken::new(refresh.into())),
            id_token: None,
            sub: Some(sub.into()),
            session: Some(SessionTag::new(session.into())),
        }
    }

    /// S3, S4: another tab's tokens replace these only over the refresh token they
    /// spent, for the same person and session.
    #[test]
    fn s4_adopted_tokens_are_the_same_persons_in_the_same_session() {
        let now = held("r1", "A", "s");
        let spent = RefreshToken::new("r1".into());
        assert!(now.may_adopt(&spent, &held("r2", "A", "s")));
        assert!(
            !now.may_adopt(&spent, &held("r2", "B", "s")),
            "another person"
        );
        assert!(
            !now.may_adopt(&spent, &held("r2", "A", "t")),
            "another session"
        );
        let gone = RefreshToken::new("r0".into());
        assert!(
            !now.may_adopt(&gone, &held("r2", "A", "s")),
            "moved on meanwhile"
        );
        let nobody = Tokens {
            sub: None,
            ..held("r2", "A", "s")
        };
        let unnamed = Tokens {
            sub: None,
            ..now.clone()
        };
        assert!(!unnamed.may_adopt(&spent, &nobody), "no person named");
    }

    /// S2: a spent refresh token is answered for a short while, a few times.
    #[test]
    fn s2_a_spent_refresh_token_answers_briefly_and_rarely() {
        let spent = |at_ms, answers| Spent {
            token: RefreshToken::new("r".into()),
            at_ms,
            answers,
        };
        let t = 1_000_000;
        assert!(spent(t, 0).may_answer(t));
        assert!(spent(t, 0).may_answer(t + ANSWER_WINDOW_MS));
        assert!(
            !spent(t, 0).may_answer(t + ANSWER_WINDOW_MS + 1),
            "too late"
        );
        assert!(spent(t, ANSWERS - 1).may_answer(t + 1));
        assert!(!spent(t, ANSWERS).may_answer(t + 1), "answered enough");
        assert!(!spent(t + 1, 0).may_answer(t), "from the future");
    }
}
