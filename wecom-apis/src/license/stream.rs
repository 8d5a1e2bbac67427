//! Streams that walk every page of the License family's cursor lists.

use futures_core::Stream;
use wecom_core::{CursorPage, HasToken, Provider, paginate};

use super::api::LicenseApi;
use super::models::{ActivedAccount, ListOrderRequest, OrderAccount, OrderSummary, UnionSubOrder};
use crate::Result;

/// Page size the streams ask for: WeCom's maximum for these lists.
const PAGE_LIMIT: u32 = 1000;

/// Walks the License family's cursor-paginated lists to the end.
///
/// Implemented for every [`LicenseApi`] client. Each stream fetches a page
/// only when the previous one has been consumed, yields the items one by
/// one, and ends after the page whose `has_more` is 0 (or whose
/// `next_cursor` is empty). An error is yielded as the last item.
///
/// ```ignore
/// use futures_util::TryStreamExt;
/// use wecom_apis::license::{LicenseStreams, ListOrderRequest};
///
/// let orders: Vec<_> = client
///     .list_order_stream(ListOrderRequest::new().with_corpid("wpXXXX"))
///     .try_collect()
///     .await?;
/// ```
pub trait LicenseStreams: LicenseApi {
    /// Every order matching `query` (`license/list_order`). The query's
    /// `cursor` is the starting point (usually `None`); its `limit` is the
    /// page size (WeCom's default 500 when `None`).
    fn list_order_stream<'a>(
        &'a self,
        query: ListOrderRequest,
    ) -> impl Stream<Item = Result<OrderSummary>> + Send + use<'a, Self>
    where
        Self: HasToken<Provider>;

    /// Every account of an order or multi-corp sub-order
    /// (`license/list_order_account`), 1000 per request.
    fn list_order_account_stream<'a>(
        &'a self,
        order_id: &str,
    ) -> impl Stream<Item = Result<OrderAccount>> + Send + use<'a, Self>
    where
        Self: HasToken<Provider>;

    /// Every activated account of a corp (`license/list_actived_account`),
    /// 1000 per request.
    fn list_actived_account_stream<'a>(
        &'a self,
        corpid: &str,
    ) -> impl Stream<Item = Result<ActivedAccount>> + Send + use<'a, Self>
    where
        Self: HasToken<Provider>;

    /// Every per-corp sub-order of a multi-corp order (the `buy_list` of
    /// `license/get_union_order`), 1000 per request. The order header is
    /// repeated on every page and not yielded; call
    /// [`LicenseApi::get_union_order`] for it.
    fn union_order_stream<'a>(
        &'a self,
        order_id: &str,
    ) -> impl Stream<Item = Result<UnionSubOrder>> + Send + use<'a, Self>
    where
        Self: HasToken<Provider>;
}

impl<T: LicenseApi + ?Sized> LicenseStreams for T {
    fn list_order_stream<'a>(
        &'a self,
        query: ListOrderRequest,
    ) -> impl Stream<Item = Result<OrderSummary>> + Send + use<'a, T>
    where
        Self: HasToken<Provider>,
    {
        paginate(move |cursor: Option<String>| {
            let mut page_query = query.clone();
            if cursor.is_some() {
                page_query.cursor = cursor;
            }
            async move { self.list_order(&page_query).await.map(CursorPage::into_page) }
        })
    }

    fn list_order_account_stream<'a>(
        &'a self,
        order_id: &str,
    ) -> impl Stream<Item = Result<OrderAccount>> + Send + use<'a, T>
    where
        Self: HasToken<Provider>,
    {
        walk(order_id, move |key, cursor| async move {
            self.list_order_account(&key, cursor.as_deref(), Some(PAGE_LIMIT))
                .await
        })
    }

    fn list_actived_account_stream<'a>(
        &'a self,
        corpid: &str,
    ) -> impl Stream<Item = Result<ActivedAccount>> + Send + use<'a, T>
    where
        Self: HasToken<Provider>,
    {
        walk(corpid, move |key, cursor| async move {
            self.list_actived_account(&key, cursor.as_deref(), Some(PAGE_LIMIT))
                .await
        })
    }

    fn union_order_stream<'a>(
        &'a self,
        order_id: &str,
    ) -> impl Stream<Item = Result<UnionSubOrder>> + Send + use<'a, T>
    where
        Self: HasToken<Provider>,
    {
        walk(order_id, move |key, cursor| async move {
            self.get_union_order(&key, cursor.as_deref(), Some(PAGE_LIMIT))
                .await
        })
    }
}

/// Walks a list keyed by one id (an order or a corp), fetching pages with
/// `fetch(key, cursor)`.
fn walk<'a, R, F, Fut>(key: &str, fetch: F) -> impl Stream<Item = Result<R::Item>> + Send + use<'a, R, F, Fut>
where
    R: CursorPage,
    R::Item: Send,
    F: Fn(String, Option<String>) -> Fut + Send + 'a,
    Fut: Future<Output = Result<R>> + Send + 'a,
{
    let key = key.to_owned();
    paginate(move |cursor: Option<String>| {
        let page = fetch(key.clone(), cursor);
        async move { page.await.map(CursorPage::into_page) }
    })
}
