//! Lenient access to request data: every absent or mistyped field becomes a
//! WeCom-style [`ApiError`], never a panic.

use serde_json::{Map, Value};

use super::codes;
use super::reply::ApiError;

/// A parsed JSON request body (always an object; an empty body counts as `{}`).
#[derive(Debug, Default)]
pub(crate) struct JsonBody(Map<String, Value>);

impl JsonBody {
    /// Parses a raw POST body; anything but a JSON object is `47001`.
    pub(crate) fn parse(raw: &str) -> Result<Self, ApiError> {
        if raw.trim().is_empty() {
            return Ok(JsonBody::default());
        }
        match serde_json::from_str::<Value>(raw) {
            Ok(Value::Object(map)) => Ok(JsonBody(map)),
            Ok(_) => Err(ApiError::new(
                codes::DATA_FORMAT_ERROR,
                "data format error: body must be a JSON object",
            )),
            Err(err) => Err(ApiError::new(
                codes::DATA_FORMAT_ERROR,
                format!("data format error: {err}"),
            )),
        }
    }

    /// Field access for the top-level object.
    pub(crate) fn fields(&self) -> Fields<'_> {
        Fields(&self.0)
    }
}

/// Borrowed field access on one JSON object.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    /// Views `value` as an object; `what` names it in the error.
    pub(crate) fn of(value: &'a Value, what: &str) -> Result<Self, ApiError> {
        match value {
            Value::Object(map) => Ok(Fields(map)),
            _ => Err(ApiError::invalid(format!("{what} must be an object"))),
        }
    }

    /// The raw value of a field; JSON `null` counts as absent.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    /// An optional string field (empty strings count as absent).
    pub(crate) fn opt_str(&self, key: &str) -> Result<Option<&'a str>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(ApiError::invalid(format!("{key} must be a string"))),
        }
    }

    /// A required, non-empty string field.
    pub(crate) fn req_str(&self, key: &str) -> Result<&'a str, ApiError> {
        self.opt_str(key)?.ok_or_else(|| ApiError::missing(key))
    }

    /// An optional integer field (JSON numbers without a fraction only).
    pub(crate) fn opt_int(&self, key: &str) -> Result<Option<i64>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| ApiError::invalid(format!("{key} must be an integer"))),
        }
    }

    /// An integer field that may be absent (then `default`) but not negative.
    pub(crate) fn non_negative(&self, key: &str, default: i64) -> Result<i64, ApiError> {
        let value = self.opt_int(key)?.unwrap_or(default);
        if value < 0 {
            return Err(ApiError::invalid(format!("{key} must not be negative")));
        }
        Ok(value)
    }

    /// A required integer field.
    pub(crate) fn req_int(&self, key: &str) -> Result<i64, ApiError> {
        self.opt_int(key)?.ok_or_else(|| ApiError::missing(key))
    }

    /// A required object field.
    pub(crate) fn req_obj(&self, key: &str) -> Result<Fields<'a>, ApiError> {
        let value = self.get(key).ok_or_else(|| ApiError::missing(key))?;
        Fields::of(value, key)
    }

    /// An optional array of non-empty strings, at most `max` long (an
    /// empty array is `Some(vec![])`); over `max` it is WeCom's "exceed max
    /// length" (40058).
    pub(crate) fn opt_str_list(&self, key: &str, max: usize) -> Result<Option<Vec<&'a str>>, ApiError> {
        let items = match self.get(key) {
            None => return Ok(None),
            Some(Value::Array(items)) => items,
            Some(_) => return Err(ApiError::invalid(format!("{key} must be an array"))),
        };
        if items.len() > max {
            return Err(ApiError::invalid(format!(
                "field `{key}` exceed max length {max} (got {})",
                items.len()
            )));
        }
        items
            .iter()
            .map(|item| match item {
                Value::String(s) if !s.is_empty() => Ok(s.as_str()),
                _ => Err(ApiError::invalid(format!("{key} must hold non-empty strings"))),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }

    /// A required, non-empty array of non-empty strings, at most `max` long.
    pub(crate) fn req_str_list(&self, key: &str, max: usize) -> Result<Vec<&'a str>, ApiError> {
        match self.opt_str_list(key, max)? {
            None => Err(ApiError::missing(key)),
            Some(list) if list.is_empty() => Err(ApiError::invalid(format!("{key} must not be empty"))),
            Some(list) => Ok(list),
        }
    }

    /// A required array field, at most `max` long (empty arrays are rejected too).
    pub(crate) fn req_list(&self, key: &str, max: usize) -> Result<&'a [Value], ApiError> {
        let list = match self.get(key) {
            None => return Err(ApiError::missing(key)),
            Some(Value::Array(items)) => items.as_slice(),
            Some(_) => return Err(ApiError::invalid(format!("{key} must be an array"))),
        };
        if list.is_empty() {
            return Err(ApiError::invalid(format!("{key} must not be empty")));
        }
        if list.len() > max {
            return Err(ApiError::invalid(format!(
                "{key} has {} entries, at most {max} are allowed",
                list.len()
            )));
        }
        Ok(list)
    }
}

/// The value of the first query parameter called `name`.
pub(crate) fn query_param<'q>(query: &'q [(String, String)], name: &str) -> Option<&'q str> {
    query
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_bodies_are_47001() {
        assert_eq!(
            JsonBody::parse("{nope").map(|_| ()).unwrap_err().code,
            codes::DATA_FORMAT_ERROR
        );
        assert_eq!(
            JsonBody::parse("[1]").map(|_| ()).unwrap_err().code,
            codes::DATA_FORMAT_ERROR
        );
        assert!(JsonBody::parse("  ").is_ok());
    }

    #[test]
    fn field_errors_are_wecom_codes() {
        let body = JsonBody::parse(r#"{"limit":"ten","list":[],"name":""}"#).expect("object");
        let f = body.fields();
        assert_eq!(f.req_str("corpid").unwrap_err().code, codes::MISSING_CORPID);
        assert_eq!(f.req_str("userid").unwrap_err().code, codes::MISSING_USERID);
        assert_eq!(f.req_str("name").unwrap_err().code, codes::INVALID_PARAMETER);
        assert_eq!(f.opt_int("limit").unwrap_err().code, codes::INVALID_PARAMETER);
        assert_eq!(f.req_list("list", 10).unwrap_err().code, codes::INVALID_PARAMETER);
    }

    #[test]
    fn string_lists() {
        let body = JsonBody::parse(r#"{"a":["x","y"],"d":[""],"e":[]}"#).expect("json");
        let f = body.fields();
        assert_eq!(f.opt_str_list("a", 5).expect("list"), Some(vec!["x", "y"]));
        assert!(f.opt_str_list("a", 1).is_err());
        assert!(f.opt_str_list("d", 5).is_err());
        assert!(f.req_str_list("e", 5).is_err());
    }
}
