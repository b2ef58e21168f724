//! The one way this widget talks to a server. Discovery, the token endpoint,
//! revocation and every API call go through [`send`], so each request has a timeout
//! (an `AbortSignal`) and fails with the same [`HttpError`].

use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

/// How a request failed, kept apart by layer. The strings are for developers (the
/// browser's or the parser's own words); people are told through [`crate::problem::Problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// No answer (offline, DNS, CORS refusal, connection closed).
    Network(String),
    /// No answer within the time limit.
    Timeout,
    /// An answer with a non-2xx status and its body.
    Status { status: u16, body: String },
    /// A 2xx answer whose body was not what was expected.
    Decode(String),
}

/// A request to send: method, URL, headers and an optional body.
pub struct Request<'a> {
    method: Method,
    url: &'a str,
    headers: Vec<(&'static str, &'a str)>,
    body: Option<String>,
}

impl<'a> Request<'a> {
    pub fn get(url: &'a str) -> Self {
        Self::new(Method::GET, url)
    }

    pub fn post(url: &'a str) -> Self {
        Self::new(Method::POST, url)
    }

    pub fn put(url: &'a str) -> Self {
        Self::new(Method::PUT, url)
    }

    fn new(method: Method, url: &'a str) -> Self {
        Self {
            method,
            url,
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn header(mut self, name: &'static str, value: &'a str) -> Self {
        self.headers.push((name, value));
        self
    }

    /// A URL-encoded form body (RFC 6749 §4.1.3).
    pub fn form(self, body: String) -> Self {
        self.body_of("application/x-www-form-urlencoded", body)
    }

    pub fn json(self, body: String) -> Self {
        self.body_of("application/json", body)
    }

    fn body_of(mut self, content_type: &'static str, body: String) -> Self {
        self.headers.push(("Content-Type", content_type));
        self.body = Some(body);
        self
    }

    /// Sends the request and reads the whole answer, giving up after `timeout_ms`.
    /// A 2xx answer's body, or [`HttpError::Status`] with the body for anything else.
    pub async fn send(self, timeout_ms: u32) -> Result<String, HttpError> {
        let signal = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
        let transport = |e: gloo_net::Error| {
            if signal.aborted() {
                HttpError::Timeout
            } else {
                HttpError::Network(e.to_string())
            }
        };
        let mut builder = RequestBuilder::new(self.url)
            .method(self.method)
            .abort_signal(Some(&signal));
        for (name, value) in self.headers {
            builder = builder.header(name, value);
        }
        let request = match self.body {
            Some(body) => builder.body(body),
            None => builder.build(),
        }
        .map_err(transport)?;
        let response = request.send().await.map_err(transport)?;
        let status = response.status();
        let body = response.text().await.map_err(transport)?;
        answered(status, body)
    }

    /// The answer to this request if the page sent it before the wasm ran
    /// (`js/widget.js`), carrying `token`; `None` when it did not, or could not.
    pub async fn early(&self, token: &str) -> Option<Result<String, HttpError>> {
        let pending = crate::bundle::take_early(self.url, token);
        let pending: js_sys::Promise = pending.dyn_into().ok()?;
        let answer = wasm_bindgen_futures::JsFuture::from(pending).await.ok()?;
        let field = |name: &str| js_sys::Reflect::get(&answer, &name.into()).ok();
        let status = field("status")?.as_f64()? as u16;
        let text = field("text")?.as_string()?;
        Some(answered(status, text))
    }

    /// [`Request::send`], then reads the 2xx body as JSON.
    pub async fn send_json<T: DeserializeOwned>(self, timeout_ms: u32) -> Result<T, HttpError> {
        decode(&self.send(timeout_ms).await?)
    }
}

/// A 2xx answer's body, or [`HttpError::Status`] with the body for anything else.
fn answered(status: u16, body: String) -> Result<String, HttpError> {
    if (200..300).contains(&status) {
        Ok(body)
    } else {
        Err(HttpError::Status { status, body })
    }
}

/// Reads a 2xx body as `T`.
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, HttpError> {
    crate::json::from_str(body).map_err(|e| HttpError::Decode(e.to_string()))
}
