//! Orders: buying and renewing accounts, and reading orders and their codes.

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::Result;

/// Orders (订单): buying and renewing accounts, and reading orders and the activation codes they hold.
///
/// Called by the service provider with the `provider_access_token`, so a
/// client needs a provider credential (`HasToken<Provider>`). Corp and user
/// ids are the encrypted (service-provider) ids unless a method says otherwise.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/95644>
#[crate::api]
pub trait LicenseOrderApi {
    /// 下单购买账号: order new base and/or external-contact accounts for one
    /// corp. The order takes effect once paid (in the provider console, or
    /// with [`submit_pay_job`](LicensePayApi::submit_pay_job)); at most 1 000 000
    /// accounts of each type; test corps may buy 1 month only.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95644>
    #[post("license/create_new_order", token = provider)]
    async fn create_new_order(&self, #[body] order: &NewOrder) -> Result<CreatedOrder>;

    /// 创建续期任务: create a renewal job for members' accounts, or append
    /// to an existing job (`jobid`). At most 1000 accounts per call, one job
    /// holds at most 1 000 000 of each type.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95646>
    #[post("license/create_renew_order_job", token = provider)]
    async fn create_renew_order_job(&self, #[body] job: &CreateRenewOrderJobRequest)
    -> Result<RenewOrderJob>;

    /// 提交续期订单: turn a renewal job into an order, renewing by `months`
    /// (at most 60) or up to a `new_expire_time` (at most 1860 days ahead).
    /// The order takes effect once paid.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95646>
    #[post("license/submit_order_job", token = provider)]
    async fn submit_order_job(&self, #[body] job: &SubmitOrderJobRequest) -> Result<CreatedOrder>;

    /// 获取订单列表: list the provider's orders, optionally for one corp
    /// and/or an order-creation window (`start_time` and `end_time` together,
    /// at most 31 days apart). `limit` at most 1000, default 500.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95647>
    #[post("license/list_order", token = provider, page = cursor)]
    async fn list_order(&self, #[body] query: &ListOrderRequest) -> Result<OrderList>;

    /// 获取订单详情: status, account counts and duration of a single-corp
    /// order (multi-corp orders: [`get_union_order`](LicenseUnionOrderApi::get_union_order)).
    /// Does not list the order's accounts.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95648>
    #[post("license/get_order", token = provider)]
    async fn get_order(&self, order_id: &str) -> Result<OrderDetail>;

    /// 获取订单中的账号列表: the activation codes (new purchases) or
    /// members (renewals) of an order; codes appear only once the order is
    /// paid. For a multi-corp order pass a `sub_order_id`. `limit` at most
    /// 1000, default 500.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95649>
    #[post("license/list_order_account", token = provider, page = cursor(limit = 1000))]
    async fn list_order_account(
        &self,
        order_id: &str,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<OrderAccountList>;

    /// 取消订单: cancel an unpaid order. `corpid` is required except for
    /// multi-corp orders, where it must be left out.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/96106>
    #[post("license/cancel_order", token = provider)]
    async fn cancel_order(&self, order_id: &str, corpid: Option<&str>) -> Result<()>;
}

// ---------------------------------------------------------------------------
// Orders: create_new_order, create_renew_order_job, submit_order_job
// ---------------------------------------------------------------------------

/// Request of `license/create_new_order` (下单购买账号).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewOrder {
    /// The customer corp (encrypted corpid).
    pub corpid: String,
    /// Who places the order (下单人): a plain userid in the provider's own
    /// corp, an admin allowed to buy licenses.
    pub buyer_userid: String,
    /// How many accounts to buy.
    pub account_count: AccountCount,
    /// How long the accounts last.
    pub account_duration: AccountDuration,
}

impl NewOrder {
    /// An order for `corpid`, placed by `buyer_userid`.
    pub fn new(
        corpid: impl Into<String>,
        buyer_userid: impl Into<String>,
        account_count: AccountCount,
        account_duration: AccountDuration,
    ) -> Self {
        Self {
            corpid: corpid.into(),
            buyer_userid: buyer_userid.into(),
            account_count,
            account_duration,
        }
    }
}

/// Response carrying a new order id (`create_new_order`, `submit_order_job`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedOrder {
    /// The order id (订单号).
    #[serde(default)]
    pub order_id: String,
}

/// A member account to renew (续期的账号).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewAccount {
    /// The member's userid in the customer corp.
    pub userid: String,
    /// Which account to renew (`type`).
    #[serde(rename = "type")]
    pub account_type: AccountType,
}

impl RenewAccount {
    /// Renew `userid`'s account of type `account_type`.
    pub fn new(userid: impl Into<String>, account_type: AccountType) -> Self {
        Self {
            userid: userid.into(),
            account_type,
        }
    }
}

/// Request of `license/create_renew_order_job` (创建续期任务).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateRenewOrderJobRequest {
    /// The customer corp (encrypted corpid).
    pub corpid: String,
    /// Accounts to renew, at most 1000 per call (one job holds at most
    /// 1 000 000 of each type).
    pub account_list: Vec<RenewAccount>,
    /// An existing job to append to; `None` starts a new job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jobid: Option<String>,
}

impl CreateRenewOrderJobRequest {
    /// A new renewal job for `corpid`.
    pub fn new(corpid: impl Into<String>, account_list: Vec<RenewAccount>) -> Self {
        Self {
            corpid: corpid.into(),
            account_list,
            jobid: None,
        }
    }

    /// Appends to the job `jobid` returned by an earlier call.
    pub fn with_jobid(mut self, jobid: impl Into<String>) -> Self {
        self.jobid = Some(jobid.into());
        self
    }
}

/// An account WeCom refused to add to a renewal job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvalidRenewAccount {
    /// Error code for this account.
    #[serde(default)]
    pub errcode: i64,
    /// Error message for this account.
    #[serde(default)]
    pub errmsg: String,
    /// The member's userid.
    #[serde(default)]
    pub userid: String,
    /// The account type (`type`).
    #[serde(rename = "type", default)]
    pub account_type: AccountType,
}

/// Response of `license/create_renew_order_job`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewOrderJob {
    /// The renewal job id (任务id), to append more accounts or to submit.
    #[serde(default)]
    pub jobid: String,
    /// Accounts that could not be added (不合法的续期账号).
    #[serde(default)]
    pub invalid_account_list: Vec<InvalidRenewAccount>,
}

/// Request of `license/submit_order_job` (提交续期订单).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmitOrderJobRequest {
    /// The renewal job id from `create_renew_order_job`.
    pub jobid: String,
    /// Who places the order: a plain userid in the provider's own corp.
    pub buyer_userid: String,
    /// Renewal length: `months`, or `new_expire_time`.
    pub account_duration: AccountDuration,
}

impl SubmitOrderJobRequest {
    /// Submits job `jobid`, ordered by `buyer_userid`, for `account_duration`.
    pub fn new(
        jobid: impl Into<String>,
        buyer_userid: impl Into<String>,
        account_duration: AccountDuration,
    ) -> Self {
        Self {
            jobid: jobid.into(),
            buyer_userid: buyer_userid.into(),
            account_duration,
        }
    }
}

// ---------------------------------------------------------------------------
// Orders: list_order, get_order, list_order_account
// ---------------------------------------------------------------------------

/// Request of `license/list_order` (获取订单列表). Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListOrderRequest {
    /// Only orders of this corp (encrypted corpid); for a provider test corp
    /// the test orders are listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpid: Option<String>,
    /// Start of the order-creation window (unix seconds); set together with
    /// `end_time`, window at most 31 days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    /// End of the order-creation window (unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    /// Cursor from the previous page's `next_cursor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Page size, at most 1000 (WeCom's default 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl ListOrderRequest {
    /// All orders, first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only orders of `corpid`.
    pub fn with_corpid(mut self, corpid: impl Into<String>) -> Self {
        self.corpid = Some(corpid.into());
        self
    }

    /// Only orders created in `[start_time, end_time]` (unix seconds, at most
    /// 31 days apart; WeCom requires both or neither).
    pub fn with_time_range(mut self, start_time: i64, end_time: i64) -> Self {
        self.start_time = Some(start_time);
        self.end_time = Some(end_time);
        self
    }

    /// Continues from a previous page's `next_cursor`.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Page size (at most 1000).
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// One order in `list_order`'s result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    /// The order id.
    #[serde(default)]
    pub order_id: String,
    /// The order type.
    #[serde(default)]
    pub order_type: OrderType,
}

/// Response of `license/list_order`: one page of orders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderList {
    /// Orders on this page.
    #[serde(default)]
    pub order_list: Vec<OrderSummary>,
    /// Cursor for the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// Whether more pages follow (WeCom sends 0/1).
    #[serde(default, with = "crate::serde_util::flag")]
    pub has_more: bool,
}

/// An order's details (订单详情), inside [`OrderDetail`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// The order id.
    #[serde(default)]
    pub order_id: String,
    /// The order type.
    #[serde(default)]
    pub order_type: OrderType,
    /// The order status.
    #[serde(default)]
    pub order_status: OrderStatus,
    /// The customer corp (encrypted corpid).
    #[serde(default)]
    pub corpid: String,
    /// Amount in fen (订单金额，单位分).
    #[serde(default)]
    pub price: i64,
    /// Accounts in the order.
    #[serde(default)]
    pub account_count: AccountCount,
    /// Purchased duration (or, for renewals, the new expiry).
    #[serde(default)]
    pub account_duration: AccountDuration,
    /// When the order was created (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// When the order was paid (unix seconds); 0 while unpaid (WeCom
    /// leaves the field out).
    #[serde(default)]
    pub pay_time: i64,
}

/// Response of `license/get_order`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetail {
    /// The order.
    #[serde(default)]
    pub order: Order,
}

/// One account of an order (`list_order_account`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderAccount {
    /// The activation code (账号激活码).
    #[serde(default)]
    pub active_code: String,
    /// The member the account belongs to: set for renewals, and for new
    /// accounts once activated; empty otherwise.
    #[serde(default)]
    pub userid: String,
    /// The account type (`type`).
    #[serde(rename = "type", default)]
    pub account_type: AccountType,
}

/// Response of `license/list_order_account`: one page of an order's
/// accounts. Codes appear only once the order is paid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderAccountList {
    /// Accounts on this page.
    #[serde(default)]
    pub account_list: Vec<OrderAccount>,
    /// Cursor for the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// Whether more pages follow (WeCom sends 0/1).
    #[serde(default, with = "crate::serde_util::flag")]
    pub has_more: bool,
}

crate::paging::cursor_page! {
    OrderList => order_list: OrderSummary [has_more],
    OrderAccountList => account_list: OrderAccount [has_more],
}
