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

/// Reads `text` as a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    imp::from_str(text, false)
}

/// Reads `text` as a `T`, refusing keys `T` does not declare (at the top level) the
/// way `#[serde(deny_unknown_fields)]` does: serde-wasm-bindgen reads only the
/// fields a struct declares and never sees the others.
pub fn from_str_exact<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    imp::from_str(text, true)
}

/// Writes `value` as JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    imp::to_string(value)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::shape::{self, Shape};
    use super::*;
    use serde::de::{Error as _, Unexpected};
    use wasm_bindgen::{JsCast, JsValue};

    /// A JavaScript error's message, without the `Error: ` its `toString` adds.
    fn error(value: JsValue) -> Error {
        Error(
            js_sys::Error::from(value)
                .message()
                .as_string()
                .unwrap_or_default(),
        )
    }

    fn serde_error(error: serde::de::value::Error) -> Error {
        Error(error.to_string())
    }

    pub fn from_str<T: DeserializeOwned>(text: &str, exact: bool) -> Result<T, Error> {
        let value = js_sys::JSON::parse(text).map_err(error)?;
        let shape = shape::of::<T>();
        // serde-wasm-bindgen would read an array as an object whose fields are all
        // absent; serde_json refuses an array where a map is expected.
        if js_sys::Array::is_array(&value) && matches!(shape, Shape::Struct(_) | Shape::Map) {
            let expected = "an object";
            return Err(serde_error(serde::de::value::Error::invalid_type(
                Unexpected::Seq,
                &expected,
            )));
        }
        if let (true, Shape::Struct(known)) = (exact && value.is_object(), shape) {
            let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
            if let Some(key) = keys
                .iter()
                .filter_map(|k| k.as_string())
                .find(|k| !known.contains(&k.as_str()))
            {
                return Err(serde_error(serde::de::value::Error::unknown_field(
                    &key, known,
                )));
            }
        }
        serde_wasm_bindgen::from_value(value).map_err(|e| error(e.into()))
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

/// What a type's `Deserialize` asks its deserializer for: a struct (with the field
/// names its derive declares), a map, a sequence, or something else.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod shape {
    use serde::de::{self, Deserialize, Deserializer, Visitor};

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Shape {
        Struct(&'static [&'static str]),
        Map,
        Seq,
        Other,
    }

    /// A deserializer that only listens for what it is asked, then stops the read.
    struct Listen<'a>(&'a mut Shape);

    impl Listen<'_> {
        fn heard<T>(self, shape: Shape) -> Result<T, de::value::Error> {
            *self.0 = shape;
            Err(de::Error::custom("listened"))
        }
    }

    impl<'de> Deserializer<'de> for Listen<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            self.heard(Shape::Other)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.heard(Shape::Struct(fields))
        }

        fn deserialize_map<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            self.heard(Shape::Map)
        }

        fn deserialize_seq<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            self.heard(Shape::Seq)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct tuple tuple_struct
            enum identifier ignored_any
        }
    }

    /// What `T` asks for.
    pub fn of<'de, T: Deserialize<'de>>() -> Shape {
        let mut shape = Shape::Other;
        let _ = T::deserialize(Listen(&mut shape));
        shape
    }

    #[cfg(test)]
    mod tests {
        use super::{of, Shape};

        #[test]
        fn the_declared_fields_are_the_ones_serde_accepts() {
            let Shape::Struct(fields) = of::<crate::Options>() else {
                panic!("Options is a struct");
            };
            assert!(fields.contains(&"clientId") && fields.contains(&"timeoutMs"));
            for field in fields {
                let text = format!(r#"{{"{field}":null}}"#);
                assert!(
                    serde_json::from_str::<crate::Options>(&text).is_ok(),
                    "{text}"
                );
            }
        }

        #[test]
        fn maps_sequences_and_the_rest_are_told_apart() {
            assert_eq!(of::<crate::i18n::catalogue::Catalogue>(), Shape::Map);
            assert_eq!(of::<Vec<String>>(), Shape::Seq);
            assert_eq!(of::<String>(), Shape::Other);
            assert_eq!(of::<crate::oidc::types::RefreshToken>(), Shape::Other);
        }
    }
}
