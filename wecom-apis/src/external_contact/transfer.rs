//! 2.5 On-job and resigned transfers (在职继承, 离职继承).
//!
//! Reassigning a member's customers and group chats to another member,
//! either while the member still works for the corp (在职继承) or after
//! they left (离职继承), and following the customers' takeover status.
//! the `…_stream` methods of [`TransferApi`] walk the paginated lists to the end.

use serde::{Deserialize, Serialize};
use wecom_core::{CursorPage, Page};

use crate::Result;
use crate::serde_util::int_enum;

/// Customer and group-chat transfer (客户继承) endpoints.
///
/// Every method takes the corp `access_token` of an app allowed to use
/// customer contact. A customer can be transferred at most twice, and is
/// protected for 90 days after a successful transfer (errcode 40128).
/// A started customer transfer completes after 24 hours unless the customer
/// refuses; follow it with [`transfer_result`](Self::transfer_result) /
/// [`resigned_transfer_result`](Self::resigned_transfer_result).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/92124>
#[crate::api]
pub trait TransferApi {
    // --- On-job (在职继承) ---------------------------------------------------

    /// 分配在职成员的客户: hand at most 100 of `handover_userid`'s customers
    /// to `takeover_userid`. `transfer_success_msg` (at most 200 characters)
    /// is sent to the customers; WeCom's default text when `None`. Each
    /// customer gets its own errcode (0 = transfer started).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92125>
    #[post("externalcontact/transfer_customer", token = corp)]
    async fn transfer_customer(
        &self,
        handover_userid: &str,
        takeover_userid: &str,
        external_userid: &[&str],
        transfer_success_msg: Option<&str>,
    ) -> Result<CustomerTransferReply>;

    /// 查询客户接替状态 (在职): the takeover status of the customers
    /// transferred from `handover_userid` to `takeover_userid`. At most
    /// 1000 per page; walk every page with
    /// [`transfer_result_stream`](Self::transfer_result_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94088>
    #[post("externalcontact/transfer_result", token = corp, page = cursor)]
    async fn transfer_result(
        &self,
        handover_userid: &str,
        takeover_userid: &str,
        cursor: Option<&str>,
    ) -> Result<TransferResultList>;

    /// 分配在职成员的客户群: give 1–100 group chats of an active member to
    /// `new_owner`. At most 300 chats of one owner per day; the reply lists
    /// only the chats that failed.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95703>
    #[post("externalcontact/groupchat/onjob_transfer", token = corp, alias = groupchat_onjob_transfer)]
    async fn onjob_transfer_group_chat(
        &self,
        chat_id_list: &[&str],
        new_owner: &str,
    ) -> Result<ChatTransferReply>;

    // --- Resigned (离职继承) ---------------------------------------------------

    /// 获取待分配的离职成员列表: customers of members who left and were not
    /// reassigned yet. `page_size` at most 1000 (also the default); walk
    /// every page with [`unassigned_list_stream`](Self::unassigned_list_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92273>
    #[post("externalcontact/get_unassigned_list", token = corp, page = cursor, stream = unassigned_list_stream)]
    async fn get_unassigned_list(&self, #[body] query: &UnassignedListRequest) -> Result<UnassignedList>;

    /// 分配离职成员的客户: hand at most 100 customers of the resigned member
    /// `handover_userid` to `takeover_userid` (errcode 40097 if the member
    /// has not left). Each customer gets its own errcode.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94081>
    #[post("externalcontact/resigned/transfer_customer", token = corp)]
    async fn resigned_transfer_customer(
        &self,
        handover_userid: &str,
        takeover_userid: &str,
        external_userid: &[&str],
    ) -> Result<CustomerTransferReply>;

    /// 查询客户接替状态 (离职): the takeover status of a resigned member's
    /// customers given to `takeover_userid`. At most 1000 per page; walk
    /// every page with [`resigned_transfer_result_stream`](Self::resigned_transfer_result_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94082>
    #[post("externalcontact/resigned/transfer_result", token = corp, page = cursor)]
    async fn resigned_transfer_result(
        &self,
        handover_userid: &str,
        takeover_userid: &str,
        cursor: Option<&str>,
    ) -> Result<TransferResultList>;

    /// 分配离职成员的客户群: give 1–100 group chats of resigned owners to
    /// `new_owner`. The reply lists only the chats that failed.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92127>
    #[post("externalcontact/groupchat/transfer", token = corp, alias = groupchat_transfer)]
    async fn transfer_group_chat(&self, chat_id_list: &[&str], new_owner: &str) -> Result<ChatTransferReply>;

    /// 离职成员的外部联系人再分配 (旧接口): move one customer of a resigned
    /// member; WeCom no longer maintains it.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92126>
    #[deprecated(note = "use `resigned_transfer_customer` instead")]
    #[post("externalcontact/transfer", token = corp)]
    async fn transfer_external_contact(
        &self,
        external_userid: &str,
        handover_userid: &str,
        takeover_userid: &str,
    ) -> Result<()>;
}

// ---------------------------------------------------------------------------
// Customer transfers
// ---------------------------------------------------------------------------

int_enum! {
    /// A transferred customer's takeover status (接替状态).
    pub enum TransferStatus {
        /// 1: taken over (接替完毕).
        Completed = 1,
        /// 2: waiting; `takeover_time` is when it completes automatically (等待接替).
        Waiting = 2,
        /// 3: the customer refused (客户拒绝).
        Refused = 3,
        /// 4: the takeover member reached the customer limit (接替成员客户达到上限).
        TakeoverLimitReached = 4,
        /// 5: no transfer record (无接替记录).
        NoRecord = 5,
    }
}

/// The outcome for one customer of a transfer call.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerTransferOutcome {
    /// The customer.
    pub external_userid: String,
    /// 0 when the transfer started (it completes after 24 h, not
    /// immediately); otherwise a WeCom errcode such as 40128 (transferred
    /// too often), 40129 (already being transferred) or 40131 (not the
    /// handover member's customer).
    #[serde(default)]
    pub errcode: i64,
}

/// Reply of `transfer_customer` and `resigned/transfer_customer`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerTransferReply {
    /// One outcome per requested customer.
    #[serde(default)]
    pub customer: Vec<CustomerTransferOutcome>,
}

/// One customer's takeover status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerTransferStatus {
    /// The customer.
    pub external_userid: String,
    /// Takeover status.
    #[serde(default)]
    pub status: TransferStatus,
    /// When the takeover happened, or (while waiting) when it will (unix seconds).
    #[serde(default)]
    pub takeover_time: i64,
}

/// Reply of `transfer_result` and `resigned/transfer_result`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferResultList {
    /// The customers on this page.
    #[serde(default)]
    pub customer: Vec<CustomerTransferStatus>,
    /// Cursor of the next page; empty on the last.
    #[serde(default)]
    pub next_cursor: String,
}

// ---------------------------------------------------------------------------
// Unassigned customers of resigned members
// ---------------------------------------------------------------------------

/// Request of `externalcontact/get_unassigned_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnassignedListRequest {
    /// Legacy page number (from 0); prefer `cursor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_id: Option<u32>,
    /// Cursor from the previous page (takes precedence over `page_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Page size, at most 1000 (also WeCom's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
}

impl UnassignedListRequest {
    /// The first page, WeCom's default size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Continue from `cursor`.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Page size, at most 1000.
    pub fn with_page_size(mut self, page_size: u32) -> Self {
        self.page_size = Some(page_size);
        self
    }

    /// Legacy page number.
    pub fn with_page_id(mut self, page_id: u32) -> Self {
        self.page_id = Some(page_id);
        self
    }
}

/// A customer waiting for reassignment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnassignedCustomer {
    /// The member who left.
    #[serde(default)]
    pub handover_userid: String,
    /// Their customer.
    #[serde(default)]
    pub external_userid: String,
    /// When the member left (unix seconds).
    #[serde(default)]
    pub dimission_time: i64,
}

/// Reply of `externalcontact/get_unassigned_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnassignedList {
    /// The customers on this page.
    #[serde(default)]
    pub info: Vec<UnassignedCustomer>,
    /// Whether this is the last page.
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_last: bool,
    /// Cursor of the next page; empty when done.
    #[serde(default)]
    pub next_cursor: String,
}

// ---------------------------------------------------------------------------
// Group chats
// ---------------------------------------------------------------------------

/// A group chat that could not be transferred.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedChatTransfer {
    /// The chat.
    pub chat_id: String,
    /// Why (a WeCom errcode).
    #[serde(default)]
    pub errcode: i64,
    /// WeCom's message.
    #[serde(default)]
    pub errmsg: String,
}

/// Reply of `groupchat/transfer` and `groupchat/onjob_transfer`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatTransferReply {
    /// The chats that failed; empty when all succeeded.
    #[serde(default)]
    pub failed_chat_list: Vec<FailedChatTransfer>,
}

// ---------------------------------------------------------------------------
// Paging
// ---------------------------------------------------------------------------

// No `has_more` in these replies: an empty `next_cursor` ends the list.
crate::paging::cursor_page! {
    TransferResultList => customer: CustomerTransferStatus,
}

impl CursorPage for UnassignedList {
    type Item = UnassignedCustomer;
    fn into_page(self) -> Page<UnassignedCustomer> {
        Page::from_cursor(self.info, self.next_cursor, !self.is_last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_decode_including_unknown() {
        let l: TransferResultList = serde_json::from_str(
            r#"{"customer":[{"external_userid":"a","status":1,"takeover_time":5},
                {"external_userid":"b","status":2},{"external_userid":"c","status":9}],"next_cursor":""}"#,
        )
        .expect("decodes");
        assert_eq!(l.customer[0].status, TransferStatus::Completed);
        assert_eq!(l.customer[1].status, TransferStatus::Waiting);
        assert_eq!(l.customer[2].status, TransferStatus::Other(9));
    }

    #[test]
    fn unassigned_page_ends_on_is_last() {
        let l: UnassignedList =
            serde_json::from_str(r#"{"info":[],"is_last":true,"next_cursor":"x"}"#).expect("decodes");
        assert!(l.into_page().next_cursor.is_none());
    }
}
