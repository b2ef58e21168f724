//! The few domain error texts ZITADEL translates, in the caller's language: the first
//! tag of `Accept-Language`, else the user's preferred language. Validation and
//! authentication errors stay English, as they do on the real server.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

/// A translated text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    ProfileNotChanged,
    UserNotFound,
}

/// The primary language of the caller's `Accept-Language`, lower case, if it sent one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptLanguage(Option<String>);

impl AcceptLanguage {
    pub fn from_headers(headers: &HeaderMap) -> Self {
        Self(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split([',', ';', '-']).next())
                .map(|l| l.trim().to_ascii_lowercase()),
        )
    }

    /// `text` in the caller's language, or else in `user_language`.
    pub fn text(&self, user_language: Option<&str>, text: Text) -> String {
        let german = self
            .0
            .as_deref()
            .or(user_language)
            .is_some_and(|l| l.starts_with("de"));
        match (text, german) {
            (Text::ProfileNotChanged, false) => "Profile not changed",
            (Text::ProfileNotChanged, true) => "Profil wurde nicht verändert",
            (Text::UserNotFound, false) => "User could not be found",
            (Text::UserNotFound, true) => "Benutzer konnte nicht gefunden werden",
        }
        .to_owned()
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
    fn the_callers_language_comes_before_the_users() {
        let text = Text::ProfileNotChanged;
        assert_eq!(
            caller(Some("de-CH, en")).text(None, text),
            "Profil wurde nicht verändert"
        );
        assert_eq!(
            caller(Some("en")).text(Some("de"), text),
            "Profile not changed"
        );
        assert_eq!(
            caller(None).text(Some("de"), text),
            "Profil wurde nicht verändert"
        );
        assert_eq!(
            caller(None).text(None, Text::UserNotFound),
            "User could not be found"
        );
    }
}
