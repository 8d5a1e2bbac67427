//! Reading `externalcontact/*` inputs (lists, flags, query parameters) and
//! cursor pagination: `cursor` + a page size in, `next_cursor` out (empty
//! on the last page).

use serde_json::Value;

use super::super::params::{Fields, query_param};
use super::super::reply::ApiError;
use super::INVALID_CURSOR;

/// A non-empty query parameter.
pub(super) fn query_str<'q>(query: &'q [(String, String)], name: &str) -> Option<&'q str> {
    query_param(query, name).filter(|v| !v.is_empty())
}

/// An optional flag sent as `true`/`false` or `0`/`1`.
pub(super) fn opt_bool(f: &Fields<'_>, key: &str) -> Result<Option<bool>, ApiError> {
    match f.get(key) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(v) => match v.as_i64() {
            Some(0) => Ok(Some(false)),
            Some(1) => Ok(Some(true)),
            _ => Err(ApiError::invalid(format!("{key} must be a boolean"))),
        },
    }
}

/// An optional array of integers (numeric strings accepted too).
pub(super) fn opt_int_list(f: &Fields<'_>, key: &str) -> Result<Option<Vec<i64>>, ApiError> {
    let items = match f.get(key) {
        None => return Ok(None),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(ApiError::invalid(format!("{key} must be an array"))),
    };
    items
        .iter()
        .map(|item| {
            item.as_i64()
                .or_else(|| item.as_str().and_then(|s| s.trim().parse().ok()))
                .ok_or_else(|| ApiError::invalid(format!("{key} must hold integers")))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// An optional string of at most `max` characters.
pub(super) fn opt_text<'a>(f: &Fields<'a>, key: &str, max: usize) -> Result<Option<&'a str>, ApiError> {
    let text = f.opt_str(key)?;
    if let Some(t) = text
        && t.chars().count() > max
    {
        return Err(ApiError::invalid(format!("{key} exceeds {max} characters")));
    }
    Ok(text)
}

/// A page request: where to start and how many items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Page {
    offset: usize,
    limit: usize,
}

impl Page {
    /// Reads a cursor and a size (`None` or 0 = `default`, above `max` = 40058).
    pub(super) fn new(
        cursor: Option<&str>,
        size: Option<i64>,
        size_key: &str,
        default: usize,
        max: usize,
    ) -> Result<Self, ApiError> {
        let limit = match size {
            None | Some(0) => default,
            Some(n) => usize::try_from(n)
                .ok()
                .filter(|n| *n <= max)
                .ok_or_else(|| ApiError::invalid(format!("{size_key} must be between 1 and {max}")))?,
        };
        let offset = match cursor.filter(|c| !c.is_empty()) {
            None => 0,
            Some(c) => decode_cursor(c)
                .ok_or_else(|| ApiError::new(INVALID_CURSOR, format!("invalid cursor {c}")))?,
        };
        Ok(Page { offset, limit })
    }

    /// A page starting at an explicit offset.
    pub(super) fn at(offset: usize, limit: usize) -> Self {
        Page { offset, limit }
    }

    /// This page of `items`, and the cursor of the next page ("" when done).
    pub(super) fn cut<'i, T>(&self, items: &'i [T]) -> (&'i [T], String) {
        let start = self.offset.min(items.len());
        let end = start.saturating_add(self.limit).min(items.len());
        let next = if end < items.len() {
            encode_cursor(end)
        } else {
            String::new()
        };
        (&items[start..end], next)
    }
}

fn encode_cursor(offset: usize) -> String {
    format!("SBXEC{offset:X}")
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    usize::from_str_radix(cursor.strip_prefix("SBXEC")?, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::super::super::params::JsonBody;
    use super::*;

    #[test]
    fn pages_walk_and_reject_bad_cursors() {
        let items: Vec<u32> = (0..5).collect();
        let first = Page::new(None, Some(2), "limit", 10, 100).expect("page");
        let (got, next) = first.cut(&items);
        assert_eq!(got, [0, 1]);
        let last = Page::new(Some(&next), Some(3), "limit", 10, 100).expect("page");
        let (got, next) = last.cut(&items);
        assert_eq!(got, [2, 3, 4]);
        assert!(next.is_empty());
        assert_eq!(
            Page::new(Some("nope"), None, "limit", 10, 100).unwrap_err().code,
            INVALID_CURSOR
        );
        assert!(Page::new(None, Some(101), "limit", 10, 100).is_err());
    }

    #[test]
    fn int_lists_and_flags() {
        let body = JsonBody::parse(r#"{"b":[1,"2"],"c":1}"#).expect("json");
        let f = body.fields();
        assert_eq!(opt_int_list(&f, "b").expect("ints"), Some(vec![1, 2]));
        assert_eq!(opt_bool(&f, "c").expect("flag"), Some(true));
    }
}
