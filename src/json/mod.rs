//! JSON text to and from the wire types. In the browser the browser's own
//! `JSON.parse` and `JSON.stringify` read and write the text; the types' serde
//! derives read the parsed values through a small deserializer of our own
//! (`browser.rs`) and write through serde-wasm-bindgen, so no JSON parser or number
//! formatter is compiled into the wasm. On the host, where unit tests run, serde_json
//! does the same job.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Text that is not JSON, or JSON that is not the expected shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Reads `text` as a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    imp::from_str(text, false)
}

/// Reads `text` as a `T` whose struct refuses unknown keys
/// (`#[serde(deny_unknown_fields)]`); the name says so at the call.
pub fn from_str_exact<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    imp::from_str(text, true)
}

/// Writes `value` as JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    imp::to_string(value)
}

#[cfg(target_arch = "wasm32")]
mod browser;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsValue;

    /// A JavaScript error's message, without the `Error: ` its `toString` adds.
    fn error(value: JsValue) -> Error {
        Error(
            js_sys::Error::from(value)
                .message()
                .as_string()
                .unwrap_or_default(),
        )
    }

    /// `deny_unknown_fields` works as it does on the host: the reader walks every
    /// key the object has, so `exact` needs no work here either.
    pub fn from_str<T: DeserializeOwned>(text: &str, _exact: bool) -> Result<T, Error> {
        let value = js_sys::JSON::parse(text).map_err(error)?;
        T::deserialize(super::browser::Value(value)).map_err(|e| Error(e.0))
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = value.serialize(&serializer).map_err(|e| error(e.into()))?;
        js_sys::JSON::stringify(&value)
            .map(String::from)
            .map_err(error)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    /// serde_json honours `deny_unknown_fields` itself, so `exact` needs no work here.
    pub fn from_str<T: DeserializeOwned>(text: &str, _exact: bool) -> Result<T, Error> {
        serde_json::from_str(text).map_err(|e| Error(e.to_string()))
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
        serde_json::to_string(value).map_err(|e| Error(e.to_string()))
    }
}
