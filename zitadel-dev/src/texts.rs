//! The few domain error texts ZITADEL translates, in the language ZITADEL picks for
//! them: the token session's language first, then the caller's `Accept-Language`
//! (`internal/i18n/translator.go`, `langsFromCtx`). The session's language is the
//! user's preferred language when the token was issued, not the one stored now.
//! Validation and authentication errors stay English, as they do on the real server:
//! its translation interceptor runs inside the authorization one and never sees them.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

use crate::config::ZITADEL_LANGUAGES;
use crate::language_tag;

/// A translated text, by its key in ZITADEL's `internal/static/i18n/*.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// `Errors.User.Profile.NotChanged`
    ProfileNotChanged,
    /// `Errors.User.Profile.NotFound`
    ProfileNotFound,
    /// `Errors.User.NotFound`
    UserNotFound,
}

impl Text {
    /// The text in the language with the primary subtag `language`. The stand-in
    /// carries English and German only; ZITADEL's other languages fall back to English.
    pub fn in_language(self, language: &str) -> &'static str {
        match (self, language) {
            (Text::ProfileNotChanged, "de") => "Profil nicht verändert",
            (Text::ProfileNotChanged, _) => "Profile not changed",
            (Text::ProfileNotFound, "de") => "Profil nicht gefunden",
            (Text::ProfileNotFound, _) => "Profile not found",
            (Text::UserNotFound, "de") => "Benutzer konnte nicht gefunden werden",
            (Text::UserNotFound, _) => "User could not be found",
        }
    }

    /// The text in the first of `session_language` and then the caller's languages
    /// that ZITADEL ships; English when none is (ZITADEL's default language).
    pub fn localised(self, session_language: &str, caller: &AcceptLanguage) -> String {
        let language = std::iter::once(primary_subtag(session_language))
            .chain(caller.0.iter().cloned())
            .find(|l| ZITADEL_LANGUAGES.split(' ').any(|shipped| shipped == l))
            .unwrap_or_else(|| "en".to_owned());
        self.in_language(&language).to_owned()
    }
}

/// The language subtag of a tag, lower case: `de` of `de-CH`, `und` of `und`.
fn primary_subtag(tag: &str) -> String {
    let language = tag.split(['-', '_']).next().unwrap_or_default();
    language.trim().to_ascii_lowercase()
}

/// The caller's `Accept-Language` as language subtags, most wanted first, parsed as
/// `language.ParseAcceptLanguage` parses it: weights sort the entries (stably) and a
/// weight of 0 drops one; a weight that is no number, or a language Go does not know,
/// fails the parse, and then ZITADEL ignores the whole header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AcceptLanguage(Vec<String>);

impl AcceptLanguage {
    pub fn from_headers(headers: &HeaderMap) -> Self {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Self::parse)
            .unwrap_or_default()
    }

    fn parse(value: &str) -> Option<Self> {
        let mut weighted = Vec::new();
        for entry in value.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (tag, weight) = entry.split_once(';').unwrap_or((entry, ""));
            let weight = match weight.trim() {
                "" => 1.0,
                w => w.strip_prefix("q=")?.trim().parse::<f32>().ok()?,
            };
            let tag = tag.trim();
            // Only the language counts here, and the parser reads at most 10 characters.
            let head: String = tag.chars().take(10).collect();
            let parsed = language_tag::parse(&head);
            let unknown = primary_subtag(&parsed) == "und" && primary_subtag(tag) != "und";
            if unknown && tag != "*" {
                return None;
            }
            if weight > 0.0 {
                weighted.push((primary_subtag(&parsed), weight));
            }
        }
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1));
        Some(Self(weighted.into_iter().map(|(tag, _)| tag).collect()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for AcceptLanguage {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(Self::from_headers(&parts.headers))
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn caller(accept_language: Option<&'static str>) -> AcceptLanguage {
        let mut headers = HeaderMap::new();
        if let Some(value) = accept_language {
            headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static(value));
        }
        AcceptLanguage::from_headers(&headers)
    }

    #[test]
    fn the_sessions_language_comes_before_the_callers() {
        let text = Text::ProfileNotChanged;
        assert_eq!(
            text.localised("en", &caller(Some("de"))),
            "Profile not changed"
        );
        assert_eq!(
            text.localised("de-CH", &caller(Some("en"))),
            "Profil nicht verändert"
        );
        assert_eq!(
            text.localised("und", &caller(Some("de-CH, en"))),
            "Profil nicht verändert"
        );
        assert_eq!(text.localised("und", &caller(None)), "Profile not changed");
        assert_eq!(
            Text::ProfileNotFound.localised("de", &caller(None)),
            "Profil nicht gefunden"
        );
    }

    #[test]
    fn accept_language_follows_its_weights() {
        assert_eq!(caller(Some("en;q=0.5, de")).0, ["de", "en"]);
        assert_eq!(caller(Some("de;q=0, en")).0, ["en"]);
        assert_eq!(caller(Some("de;q=x, en")).0, Vec::<String>::new());
        assert_eq!(caller(Some("xx, en")).0, Vec::<String>::new());
        assert_eq!(caller(Some("EN-us, *;q=0.1")).0, ["en", "und"]);
        let text = Text::ProfileNotChanged;
        assert_eq!(
            text.localised("und", &caller(Some("sw, de"))),
            "Profil nicht verändert",
            "a language ZITADEL does not ship is passed over"
        );
    }
}
