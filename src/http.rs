//! The one way this widget talks to a server. Discovery, the token endpoint,
//! revocation and every API call go through [`send`], so each request has a timeout
//! (an `AbortSignal`) and fails with the same [`HttpError`].

use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;

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

    #[cfg(feature = "picture")]
    pub fn delete(url: &'a str) -> Self {
        Self::new(Method::DELETE, url)
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
    ///
    /// Behind a pointer, so that each caller shares this one copy of the request's
    /// code instead of inlining its own (a smaller wasm).
    pub fn send(
        self,
        timeout_ms: u32,
    ) -> Pin<Box<dyn Future<Output = Result<String, HttpError>> + 'a>> {
        Box::pin(self.send_now(timeout_ms))
    }

    async fn send_now(self, timeout_ms: u32) -> Result<String, HttpError> {
        let signal = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
        let transport = |e: gloo_net::Error| {
            if signal.aborted() {
                HttpError::Timeout
            } else {
                HttpError::Network(e.to_string())
            }
        };
        // On a reload the page may have sent this very GET before the wasm ran, and
        // read its answer meanwhile.
        let (status, body) = match self.early().await {
            Some(body) => (200, body),
            None => {
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
                let body = response.text().await.map_err(transport)?;
                (response.status(), body)
            }
        };
        if (200..300).contains(&status) {
            Ok(body)
        } else {
            Err(HttpError::Status { status, body })
        }
    }

    /// The body of the answer to this GET if the page sent it before the wasm ran
    /// (`js/early.js`) with the same `Authorization`, and it succeeded (2xx); `None`
    /// when it did not: the form then asks itself.
    pub async fn early(&self) -> Option<String> {
        if self.body.is_some() {
            return None;
        }
        let authorization = self
            .headers
            .iter()
            .find(|(name, _)| *name == "Authorization")
            .map_or("", |(_, value)| value);
        let pending = crate::bundle::take_early(self.url, authorization);
        if pending.is_undefined() {
            return None;
        }
        let pending: js_sys::Promise = pending.unchecked_into();
        wasm_bindgen_futures::JsFuture::from(pending)
            .await
            .ok()?
            .as_string()
    }

    /// [`Request::send`], then reads the 2xx body as JSON.
    pub async fn send_json<T: DeserializeOwned>(self, timeout_ms: u32) -> Result<T, HttpError> {
        decode(&self.send(timeout_ms).await?)
    }
}

/// Called with the share of an upload sent so far (0 to 1).
#[cfg(feature = "picture")]
pub type Progress = std::rc::Rc<dyn Fn(f64)>;

/// Called with an upload's request once it is sent, so that it can be cancelled
/// (`abort()`); a cancelled upload fails with [`HttpError::Network`].
#[cfg(feature = "picture")]
pub type Started = std::rc::Rc<dyn Fn(web_sys::XmlHttpRequest)>;

/// Posts `body` with `authorization`, through `XMLHttpRequest`: the one browser API
/// that tells how much of a request's body is sent. Answers as [`Request::send`].
#[cfg(feature = "picture")]
pub async fn upload(
    url: &str,
    authorization: &str,
    body: &web_sys::FormData,
    timeout_ms: u32,
    progress: Progress,
    started: Started,
) -> Result<String, HttpError> {
    let failed = |_| HttpError::Network("the upload could not start".into());
    let request = web_sys::XmlHttpRequest::new().map_err(failed)?;
    request.open("POST", url).map_err(failed)?;
    request
        .set_request_header("Authorization", authorization)
        .map_err(failed)?;
    request.set_timeout(timeout_ms);
    let on_progress = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::ProgressEvent)>::new(
        move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                progress(e.loaded() / e.total());
            }
        },
    );
    if let Ok(upload) = request.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    // Settles with the event that ends the request: load, error, timeout or abort.
    let ended = js_sys::Promise::new(&mut |resolve, _| {
        for name in ["load", "error", "timeout", "abort"] {
            let _ = request.add_event_listener_with_callback(name, &resolve);
        }
    });
    request
        .send_with_opt_form_data(Some(body))
        .map_err(failed)?;
    started(request.clone());
    let end = wasm_bindgen_futures::JsFuture::from(ended).await;
    drop(on_progress);
    let end = end.ok().and_then(|e| e.dyn_into::<web_sys::Event>().ok());
    match end.map(|e| e.type_()).as_deref() {
        Some("load") => {
            let status = request.status().unwrap_or(0);
            let body = request.response_text().ok().flatten().unwrap_or_default();
            if (200..300).contains(&status) {
                Ok(body)
            } else {
                Err(HttpError::Status { status, body })
            }
        }
        Some("timeout") => Err(HttpError::Timeout),
        Some("abort") => Err(HttpError::Network("cancelled".into())),
        _ => Err(HttpError::Network("the upload failed".into())),
    }
}

/// Reads a 2xx body as `T`.
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, HttpError> {
    crate::json::from_str(body).map_err(|e| HttpError::Decode(e.to_string()))
}
