//! JSON text to and from the wire types. In the browser the browser's own
//! `JSON.parse` and `JSON.stringify` read and write the text, and serde-wasm-bindgen
//! walks the JavaScript values with the types' serde derives, so no JSON parser or
//! number formatter is compiled into the wasm. On the host, where unit tests run,
//! serde_json does the same job.

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

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use serde::de::{Error as _, Unexpected};
    use wasm_bindgen::JsValue;

    fn error(value: JsValue) -> Error {
        Error(
            js_sys::Error::from(value)
                .message()
                .as_string()
                .unwrap_or_default(),
        )
    }

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
        serde_wasm_bindgen::from_value(parse(text)?).map_err(|e| Error(e.to_string()))
    }

    /// `text` as a JavaScript value. No wire type is an array at the top, and
    /// serde-wasm-bindgen would read an array as an object whose fields are all
    /// absent, so an array is refused as serde_json refuses it.
    fn parse(text: &str) -> Result<JsValue, Error> {
        let value = js_sys::JSON::parse(text).map_err(error)?;
        if js_sys::Array::is_array(&value) {
            let error = serde::de::value::Error::invalid_type(Unexpected::Seq, &"an object");
            return Err(Error(error.to_string()));
        }
        Ok(value)
    }

    /// The first key of the object in `text` that is not in `known`, as serde names it.
    pub fn refuse_unknown_keys(text: &str, known: &'static [&'static str]) -> Result<(), Error> {
        let value = parse(text)?;
        if !value.is_object() {
            return Ok(()); // the typed read says what is wrong
        }
        let keys = js_sys::Object::keys(&value.into());
        for key in keys.iter().filter_map(|k| k.as_string()) {
            if !known.contains(&key.as_str()) {
                let error = serde::de::value::Error::unknown_field(&key, known);
                return Err(Error(error.to_string()));
            }
        }
        Ok(())
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = value
            .serialize(&serializer)
            .map_err(|e| Error(e.to_string()))?;
        js_sys::JSON::stringify(&value)
            .map(String::from)
            .map_err(error)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
        serde_json::from_str(text).map_err(|e| Error(e.to_string()))
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
        serde_json::to_string(value).map_err(|e| Error(e.to_string()))
    }
}

/// Reads `text` as a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    imp::from_str(text)
}

/// Reads `text` as a `T`, refusing keys `T` does not declare (at the top level) the
/// way `#[serde(deny_unknown_fields)]` does: serde-wasm-bindgen reads only the
/// fields a struct declares and never sees the others.
pub fn from_str_exact<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    #[cfg(target_arch = "wasm32")]
    imp::refuse_unknown_keys(text, fields::of::<T>())?;
    imp::from_str(text)
}

/// Writes `value` as JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    imp::to_string(value)
}

/// The field names a struct's `Deserialize` declares, as its derive passes them to
/// `deserialize_struct`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod fields {
    use serde::de::{self, Deserialize, Deserializer, Visitor};

    /// A deserializer that only listens for the field list, then stops the read.
    struct Listen<'a>(&'a mut &'static [&'static str]);

    impl<'de> Deserializer<'de> for Listen<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("listened"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }

    /// `T`'s declared fields; empty when `T` is not a struct.
    pub fn of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
        let mut fields: &'static [&'static str] = &[];
        let _ = T::deserialize(Listen(&mut fields));
        fields
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn the_declared_fields_are_the_ones_serde_accepts() {
            let fields = super::of::<crate::Options>();
            assert!(fields.contains(&"clientId") && fields.contains(&"timeoutMs"));
            for field in fields {
                let text = format!(r#"{{"{field}":null}}"#);
                assert!(
                    serde_json::from_str::<crate::Options>(&text).is_ok(),
                    "{text}"
                );
            }
            assert!(super::of::<String>().is_empty());
        }
    }
}
