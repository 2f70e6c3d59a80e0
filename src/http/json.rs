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
            if holds_nul(&value) {
                return Err(AppError::invalid("body", problems::NUL_MESSAGE).into());
            }
            integers_as_integers(&mut value);
            serde_json::from_value(value)
                .map(Json)
                .map_err(|e| problems::shape_error(&e.to_string()).into())
        })
    }
}

fn holds_nul(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\0'),
        Value::Array(items) => items.iter().any(holds_nul),
        Value::Object(fields) => fields.iter().any(|(k, v)| k.contains('\0') || holds_nul(v)),
        _ => false,
    }
}

/// Rewrites `12.0` as `12`, everywhere in `value`, for as long as it fits an i64.
fn integers_as_integers(value: &mut Value) {
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                let fits = f.fract() == 0.0 && f >= i64::MIN as f64 && f < i64::MAX as f64;
                if fits {
                    *n = Number::from(f as i64);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integers_as_integers),
        Value::Object(fields) => fields.values_mut().for_each(integers_as_integers),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::integers_as_integers;
    use serde_json::json;

    #[test]
    fn whole_floats_become_integers_and_others_stay() {
        let mut value = json!({"a": 12.0, "b": [-3.0, 1.5], "c": {"d": 1e300, "e": 7}});
        integers_as_integers(&mut value);
        assert_eq!(
            value,
            json!({"a": 12, "b": [-3, 1.5], "c": {"d": 1e300, "e": 7}})
        );
        assert!(value["a"].is_i64());
    }
}
