//! Walking cursor-paginated endpoints as a `Stream` of items.

use std::future::Future;

use futures_core::Stream;
use futures_util::StreamExt;
use futures_util::stream;

use crate::error::Result;

/// One page of a cursor-paginated list.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// The cursor for the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A page from WeCom's `next_cursor` and `has_more`: an empty cursor or
    /// `has_more == false` ends the walk.
    pub fn from_cursor(items: Vec<T>, next_cursor: String, has_more: bool) -> Self {
        let next_cursor = (has_more && !next_cursor.is_empty()).then_some(next_cursor);
        Page { items, next_cursor }
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
/// to walk the list with [`paginate`] in one line per endpoint.
pub trait CursorPage {
    /// What the list holds.
    type Item;
    /// The items and the cursor of the next page, if any.
    fn into_page(self) -> Page<Self::Item>;
}

/// Walks all pages: `fetch(None)` for the first, then `fetch(Some(cursor))`
/// until a page has no next cursor. The first error is yielded and ends the
/// stream; a cursor that repeats itself ends it too, so a misbehaving server
/// cannot make it loop forever.
pub fn paginate<T, F, Fut>(fetch: F) -> impl Stream<Item = Result<T>> + Send
where
    T: Send,
    F: FnMut(Option<String>) -> Fut + Send,
    Fut: Future<Output = Result<Page<T>>> + Send,
{
    let start = Some((fetch, None::<String>));
    stream::unfold(start, |state| async move {
        let (mut fetch, cursor) = state?;
        match fetch(cursor.clone()).await {
            Ok(page) => {
                let next = match page.next_cursor {
                    Some(next) if Some(&next) != cursor.as_ref() => Some((fetch, Some(next))),
                    _ => None,
                };
                let items: Vec<Result<T>> = page.items.into_iter().map(Ok).collect();
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
    async fn a_repeated_cursor_ends_the_walk() {
        let pages =
            paginate(
                |_cursor: Option<String>| async move { Ok(Page::from_cursor(vec![1], "same".into(), true)) },
            );
        let all: Vec<u32> = pages.try_collect().await.unwrap();
        assert_eq!(all, vec![1, 1]);
    }
}
