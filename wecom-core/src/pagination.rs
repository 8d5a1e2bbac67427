//! Walking cursor-paginated endpoints as a `Stream` of items.

use std::future::Future;

use std::collections::HashSet;

use futures_core::Stream;
use futures_util::StreamExt;
use futures_util::stream;

use crate::error::{Error, Result};

/// One page of a cursor-paginated list.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// The cursor for the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    /// The next offset, for offset-paginated lists (it must move forward).
    next_offset: Option<u64>,
}

impl<T> Page<T> {
    /// A page from WeCom's `next_cursor` and `has_more`: an empty cursor or
    /// `has_more == false` ends the walk.
    pub fn from_cursor(items: Vec<T>, next_cursor: String, has_more: bool) -> Self {
        let next_cursor = (has_more && !next_cursor.is_empty()).then_some(next_cursor);
        Page {
            items,
            next_cursor,
            next_offset: None,
        }
    }

    /// A page of an offset-paginated list: the next request starts at
    /// `next_offset` (sent as the cursor, in decimal), which must be past the
    /// previous one; `has_more == false` ends the walk.
    pub fn from_offset(items: Vec<T>, next_offset: u64, has_more: bool) -> Self {
        Page {
            items,
            next_cursor: has_more.then(|| next_offset.to_string()),
            next_offset: has_more.then_some(next_offset),
        }
    }

    /// A page of a list whose reply has no `has_more`: an empty
    /// `next_cursor` ends the walk.
    pub fn from_next_cursor(items: Vec<T>, next_cursor: String) -> Self {
        Self::from_cursor(items, next_cursor, true)
    }
}

/// A reply of a cursor-paginated endpoint that can be read as a [`Page`].
///
/// Implement it on a list reply (`next_cursor`, `has_more` and the item list)
/// to walk the list with [`paginate`] in one line per endpoint, or to declare
/// the endpoint with `page = cursor` / `page = offset` in `#[api]`, which
/// generates its `…_stream` method.
pub trait CursorPage {
    /// What the list holds.
    type Item;
    /// The items and the cursor of the next page, if any.
    fn into_page(self) -> Page<Self::Item>;
}

/// What a walk remembers to refuse cycles.
#[derive(Default)]
struct Seen {
    cursors: HashSet<String>,
    offset: Option<u64>,
    pages: usize,
}

impl Seen {
    /// Checks the cursor of the next page: never one already used, and an
    /// offset only forward.
    fn admit(&mut self, next: &str, offset: Option<u64>) -> Result<()> {
        self.pages += 1;
        if let (Some(previous), Some(next)) = (self.offset, offset)
            && next <= previous
        {
            return Err(Error::Pagination {
                reason: format!(
                    "page {} moved the offset back from {previous} to {next}",
                    self.pages
                ),
            });
        }
        if !self.cursors.insert(next.to_owned()) {
            return Err(Error::Pagination {
                reason: format!("page {} repeated the cursor `{next}` (a cycle)", self.pages),
            });
        }
        if offset.is_some() {
            self.offset = offset;
        }
        Ok(())
    }
}

/// Walks all pages: `fetch(None)` for the first, then `fetch(Some(cursor))`
/// until a page has no next cursor. The first error is yielded and ends the
/// stream. A cursor already used, or an offset that does not move forward,
/// ends it with [`Error::Pagination`], so a misbehaving server can neither
/// make it loop forever nor make it return items twice unnoticed.
pub fn paginate<T, F, Fut>(fetch: F) -> impl Stream<Item = Result<T>> + Send
where
    T: Send,
    F: FnMut(Option<String>) -> Fut + Send,
    Fut: Future<Output = Result<Page<T>>> + Send,
{
    let start = Some((fetch, None::<String>, Seen::default()));
    stream::unfold(start, |state| async move {
        let (mut fetch, cursor, mut seen) = state?;
        match fetch(cursor).await {
            Ok(page) => {
                let mut items: Vec<Result<T>> = page.items.into_iter().map(Ok).collect();
                let next = match page.next_cursor {
                    Some(next) => match seen.admit(&next, page.next_offset) {
                        Ok(()) => Some((fetch, Some(next), seen)),
                        Err(err) => {
                            items.push(Err(err));
                            None
                        }
                    },
                    None => None,
                };
                Some((items, next))
            }
            Err(err) => Some((vec![Err(err)], None)),
        }
    })
    .flat_map(stream::iter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::TryStreamExt;

    #[tokio::test]
    async fn walks_every_page_in_order() {
        let pages = paginate(|cursor: Option<String>| async move {
            let n: u32 = cursor.as_deref().map_or(0, |c| c.parse().unwrap_or(0));
            let items = vec![n * 10, n * 10 + 1];
            Ok(Page::from_cursor(items, (n + 1).to_string(), n < 2))
        });
        let all: Vec<u32> = pages.try_collect().await.unwrap();
        assert_eq!(all, vec![0, 1, 10, 11, 20, 21]);
    }

    #[tokio::test]
    async fn a_repeated_cursor_ends_the_walk_with_an_error() {
        let pages =
            paginate(
                |_cursor: Option<String>| async move { Ok(Page::from_cursor(vec![1], "same".into(), true)) },
            );
        let all: Vec<Result<u32>> = pages.collect().await;
        assert_eq!(all.len(), 3, "two pages of items, then the error");
        assert_eq!((all[0].as_ref().ok(), all[1].as_ref().ok()), (Some(&1), Some(&1)));
        assert!(matches!(&all[2], Err(Error::Pagination { reason }) if reason.contains("same")));
    }

    #[tokio::test]
    async fn any_cursor_seen_before_is_a_cycle() {
        // a → b → a: not a repeat of the previous page, still a cycle.
        let pages = paginate(|cursor: Option<String>| async move {
            let next = match cursor.as_deref() {
                None | Some("b") => "a",
                _ => "b",
            };
            Ok(Page::from_cursor(
                vec![cursor.unwrap_or_default()],
                next.into(),
                true,
            ))
        });
        let all: Vec<Result<String>> = pages.collect().await;
        assert_eq!(all.len(), 4);
        assert!(matches!(&all[3], Err(Error::Pagination { .. })));
    }

    #[tokio::test]
    async fn an_offset_that_goes_back_is_refused() {
        let pages = paginate(|cursor: Option<String>| async move {
            let at: u64 = cursor.as_deref().map_or(0, |c| c.parse().unwrap_or(0));
            let next = if at == 20 { 10 } else { at + 10 };
            Ok(Page::from_offset(vec![at], next, true))
        });
        let all: Vec<Result<u64>> = pages.collect().await;
        let items: Vec<u64> = all.iter().filter_map(|r| r.as_ref().ok().copied()).collect();
        assert_eq!(items, vec![0, 10, 20]);
        assert!(matches!(all.last(), Some(Err(Error::Pagination { reason })) if reason.contains("back")));
    }
}
