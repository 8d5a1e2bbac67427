//! Cursor pagination shared by the licence list APIs: `cursor` + `limit` in,
//! `next_cursor` + `has_more` (integer 0/1) out.

use serde_json::{Map, Value};

use super::super::params::Fields;
use super::super::reply::ApiError;

/// `limit` when the request gives none.
pub(crate) const DEFAULT_LIMIT: usize = 500;
/// Largest accepted `limit`.
pub(crate) const MAX_LIMIT: usize = 1000;

/// A requested page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Page {
    pub(crate) offset: usize,
    pub(crate) limit: usize,
}

impl Page {
    /// Reads `cursor` and `limit` from a request.
    pub(crate) fn from_request(f: &Fields<'_>) -> Result<Self, ApiError> {
        let limit = match f.opt_int("limit")? {
            None | Some(0) => DEFAULT_LIMIT,
            Some(n) => usize::try_from(n)
                .ok()
                .filter(|n| *n <= MAX_LIMIT)
                .ok_or_else(|| ApiError::invalid(format!("limit must be between 1 and {MAX_LIMIT}")))?,
        };
        let offset = match f.opt_str("cursor")? {
            None => 0,
            Some(cursor) => {
                decode_cursor(cursor).ok_or_else(|| ApiError::invalid(format!("unknown cursor {cursor}")))?
            }
        };
        Ok(Page { offset, limit })
    }

    /// Cuts this page out of `items` and adds `next_cursor`/`has_more` to `out`.
    pub(crate) fn apply<'i, T>(&self, items: &'i [T], out: &mut Map<String, Value>) -> &'i [T] {
        let start = self.offset.min(items.len());
        let end = start.saturating_add(self.limit).min(items.len());
        let has_more = end < items.len();
        let next = if has_more {
            encode_cursor(end)
        } else {
            String::new()
        };
        out.insert("next_cursor".into(), next.into());
        out.insert("has_more".into(), i64::from(has_more).into());
        &items[start..end]
    }
}

fn encode_cursor(offset: usize) -> String {
    format!("SBX{offset:X}")
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    usize::from_str_radix(cursor.strip_prefix("SBX")?, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::super::super::params::JsonBody;
    use super::*;

    fn page(body: &str) -> Result<Page, ApiError> {
        let body = JsonBody::parse(body).map_err(|e| ApiError::invalid(e.msg))?;
        Page::from_request(&body.fields())
    }

    #[test]
    fn walks_all_items_in_pages() {
        let items: Vec<u32> = (0..5).collect();
        let mut seen = Vec::new();
        let mut cursor = String::new();
        loop {
            let req = if cursor.is_empty() {
                r#"{"limit":2}"#.to_owned()
            } else {
                format!(r#"{{"limit":2,"cursor":"{cursor}"}}"#)
            };
            let p = page(&req).expect("valid page");
            let mut out = Map::new();
            seen.extend_from_slice(p.apply(&items, &mut out));
            cursor = out["next_cursor"].as_str().unwrap_or_default().to_owned();
            if out["has_more"] == 0 {
                assert!(cursor.is_empty());
                break;
            }
        }
        assert_eq!(seen, items);
    }

    #[test]
    fn limits_are_checked() {
        assert_eq!(page("{}").map(|p| p.limit).ok(), Some(DEFAULT_LIMIT));
        assert!(page(r#"{"limit":1001}"#).is_err());
        assert!(page(r#"{"limit":-1}"#).is_err());
        assert!(page(r#"{"cursor":"garbage"}"#).is_err());
    }
}
