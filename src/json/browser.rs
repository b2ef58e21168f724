//! serde over the values the browser's `JSON.parse` makes: what each derive asks for,
//! read from a `JsValue`. Only an object's own keys are read (`Object.keys`), so
//! nothing comes from the prototype chain and `deny_unknown_fields` sees every key; an
//! array is no struct or map; a number must be whole (no wire type has a fraction).
//! Errors name what was expected and what kind of value was found, never the value
//! itself: formatting one would pull Rust's number formatting into the bundle.

use std::fmt;

use js_sys::{Array, Number, Object, Reflect};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// Why a value is not what the type asked for.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error(message.to_string())
    }

    fn invalid_type(found: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error(format!(
            "invalid type: {}, expected {expected}",
            kind(&found)
        ))
    }

    fn invalid_value(found: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error(format!(
            "invalid value: {}, expected {expected}",
            kind(&found)
        ))
    }
}

/// What kind of value `found` is, in words.
fn kind(found: &de::Unexpected) -> &'static str {
    use de::Unexpected::*;
    match found {
        Bool(_) => "a boolean",
        Unsigned(_) | Signed(_) | Float(_) => "a number",
        Char(_) | Str(_) => "a string",
        Unit | Option => "null",
        Seq => "an array",
        Map => "an object",
        _ => "another value",
    }
}

/// A parsed JSON value, to be read as whatever a type asks for.
pub struct Value(pub JsValue);

impl Value {
    fn is_nothing(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    /// An object that is not an array, for a struct or a map.
    fn object<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if Array::is_array(&self.0) || !self.0.is_object() {
            return Err(de::Error::invalid_type(self.unexpected(), &visitor));
        }
        visitor.visit_map(Entries::new(self.0.unchecked_into()))
    }

    fn unexpected(&self) -> de::Unexpected<'static> {
        if self.is_nothing() {
            de::Unexpected::Unit
        } else if self.0.as_bool().is_some() {
            de::Unexpected::Bool(false)
        } else if self.0.as_f64().is_some() {
            de::Unexpected::Unsigned(0)
        } else if self.0.is_string() {
            de::Unexpected::Str("")
        } else if Array::is_array(&self.0) {
            de::Unexpected::Seq
        } else {
            de::Unexpected::Map
        }
    }
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.0;
        if value.is_null() || value.is_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = value.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = value.as_f64() {
            if !Number::is_safe_integer(&value) {
                Err(de::Error::custom("a number that is not whole"))
            } else if n >= 0.0 {
                visitor.visit_u64(n as u64)
            } else {
                visitor.visit_i64(n as i64)
            }
        } else if let Some(s) = value.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(&value) {
            visitor.visit_seq(Items {
                array: value.unchecked_into(),
                next: 0,
            })
        } else {
            Value(value).object(visitor)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.is_nothing() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.object(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.object(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// Unit variants, written as their names.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0.as_string() {
            Some(name) => visitor.visit_enum(name.into_deserializer()),
            None => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct seq tuple tuple_struct identifier ignored_any
    }
}

/// An object's own keys and their values, in order.
struct Entries {
    object: Object,
    keys: Array,
    next: u32,
}

impl Entries {
    fn new(object: Object) -> Self {
        Self {
            keys: Object::keys(&object),
            object,
            next: 0,
        }
    }
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.next >= self.keys.length() {
            return Ok(None);
        }
        let key = self.keys.get(self.next).as_string().unwrap_or_default();
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let key = self.keys.get(self.next);
        self.next += 1;
        let value = Reflect::get(&self.object, &key).unwrap_or(JsValue::UNDEFINED);
        seed.deserialize(Value(value))
    }
}

/// An array's items, in order.
struct Items {
    array: Array,
    next: u32,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        if self.next >= self.array.length() {
            return Ok(None);
        }
        let item = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(Value(item)).map(Some)
    }
}
