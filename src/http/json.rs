//! The JSON body extractor every handler uses instead of `web::Json`.
//!
//! Two things serde's derive accepts that an API described by JSON Schema must not treat as
//! serde does: a struct also deserializes from a JSON array (`[null, null]` would be a PATCH
//! that changes nothing), and an integer field refuses `12.0`, which JSON Schema calls an
//! integer. Every body is read as a JSON value first: anything but an object is refused, as is
//! a string holding U+0000 (see `problems::refuse_nul`), and numbers with no fractional part
//! are passed on as integers.

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use serde_json::{Number, Value};

use crate::error::AppError;
use crate::http::problems;

/// A JSON object body deserialized into `T`. Size, content type and syntax errors are answered
/// by the app's `JsonConfig` (413, 415, 400), shape errors with 422 naming the field.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Json<T>, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let value = web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let mut value = value.await?.into_inner();
            if !value.is_object() {
                return Err(AppError::invalid("body", "must be a JSON object").into());
            }
            if normalise(&mut value) {
                return Err(AppError::invalid("body", problems::NUL_MESSAGE).into());
            }
            serde_json::from_value(value)
                .map(Json)
                .map_err(|e| problems::shape_error(&e.to_string()).into())
        })
    }
}

/// In one pass over `value`: rewrites `12.0` as `12` (as long as it fits an i64), and answers
/// whether any string or key holds U+0000.
fn normalise(value: &mut Value) -> bool {
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                let fits = f.fract() == 0.0 && f >= i64::MIN as f64 && f < i64::MAX as f64;
                if fits {
                    *n = Number::from(f as i64);
                }
            }
            false
        }
        Value::String(s) => s.contains('\0'),
        // Every item is visited (no short cut), so the numbers are all rewritten either way.
        Value::Array(items) => items.iter_mut().fold(false, |nul, v| normalise(v) | nul),
        Value::Object(fields) => fields
            .iter_mut()
            .fold(false, |nul, (k, v)| normalise(v) | k.contains('\0') | nul),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;
    use serde_json::json;

    #[test]
    fn whole_floats_become_integers_and_others_stay() {
        let mut value = json!({"a": 12.0, "b": [-3.0, 1.5], "c": {"d": 1e300, "e": 7}});
        assert!(!normalise(&mut value));
        assert_eq!(
            value,
            json!({"a": 12, "b": [-3, 1.5], "c": {"d": 1e300, "e": 7}})
        );
        assert!(value["a"].is_i64());
    }

    #[test]
    fn a_nul_in_any_string_or_key_is_found() {
        for mut value in [
            json!({"a": ["x", "y\u{0}"]}),
            json!({"a": {"b\u{0}": 1}}),
            json!({"a": 1, "b": "\u{0}"}),
        ] {
            assert!(normalise(&mut value), "{value}");
        }
    }
}
