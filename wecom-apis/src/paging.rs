//! Cursor-paginated replies as [`wecom_core::CursorPage`]s, declared in one line each.

/// Implements [`wecom_core::CursorPage`] for list replies that carry the
/// items in `list` and a `next_cursor`:
///
/// * `Reply => list: Item` — no `has_more`: an empty `next_cursor` ends the list;
/// * `Reply => list: Item [has_more]` — the named boolean field says whether
///   another page follows.
macro_rules! cursor_page {
    ($($reply:ty => $list:ident: $item:ty $([$has_more:ident])?),+ $(,)?) => {$(
        impl ::wecom_core::CursorPage for $reply {
            type Item = $item;
            fn into_page(self) -> ::wecom_core::Page<$item> {
                $crate::paging::cursor_page!(@page self, $list $(, $has_more)?)
            }
        }
    )+};
    (@page $reply:ident, $list:ident) => {
        ::wecom_core::Page::from_next_cursor($reply.$list, $reply.next_cursor)
    };
    (@page $reply:ident, $list:ident, $has_more:ident) => {
        ::wecom_core::Page::from_cursor($reply.$list, $reply.next_cursor, $reply.$has_more)
    };
}
pub(crate) use cursor_page;
