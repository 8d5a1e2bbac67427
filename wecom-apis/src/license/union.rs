//! Multi-corp orders (多企业新购).

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::Result;

/// Multi-corp orders (多企业新购): one purchase for several corps at once, as an async job, and the resulting union order.
///
/// Called by the service provider with the `provider_access_token`, so a
/// client needs a provider credential (`HasToken<Provider>`). Corp and user
/// ids are the encrypted (service-provider) ids unless a method says otherwise.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/98892>
#[crate::api]
pub trait LicenseUnionOrderApi {
    /// 创建多企业新购任务: create a job buying accounts for several corps at
    /// once, or append corps to an existing job (`jobid`).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/98892>
    #[post("license/create_new_order_job", token = provider)]
    async fn create_new_order_job(&self, #[body] job: &CreateNewOrderJobRequest) -> Result<NewOrderJob>;

    /// 提交多企业新购订单: submit a multi-corp purchase job, ordered by
    /// `buyer_userid` (plain userid in the provider's corp); the reply names
    /// the submitted `jobid`. Then poll
    /// [`new_order_job_result`](Self::new_order_job_result).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/98892>
    #[post("license/submit_new_order_job", token = provider)]
    async fn submit_new_order_job(&self, jobid: &str, buyer_userid: &str) -> Result<SubmittedNewOrderJob>;

    /// 获取多企业新购订单提交结果: whether the submitted multi-corp order
    /// was created, its order id and the corps that failed. Available for 7
    /// days after submission.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/98892>
    #[post("license/new_order_job_result", token = provider)]
    async fn new_order_job_result(&self, jobid: &str) -> Result<NewOrderJobResult>;

    /// 获取多企业订单详情: header of a multi-corp order and one page of its
    /// per-corp sub-orders (`sub_order_id` feeds
    /// [`list_order_account`](LicenseOrderApi::list_order_account)). `limit` at most
    /// 1000, default 500. [`union_order_stream`](Self::union_order_stream)
    /// yields the sub-orders of every page (the header, repeated on each
    /// page, is not yielded).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/98893>
    #[post(
        "license/get_union_order",
        token = provider,
        page = cursor(limit = 1000),
        stream = union_order_stream
    )]
    async fn get_union_order(
        &self,
        order_id: &str,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<UnionOrderDetail>;
}

// ---------------------------------------------------------------------------
// Multi-corp orders: create_new_order_job, new_order_job_result,
// get_union_order
// ---------------------------------------------------------------------------

/// One corp's part of a multi-corp purchase (多企业新购信息).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpPurchase {
    /// The customer corp (encrypted corpid).
    pub corpid: String,
    /// How many accounts to buy for it.
    pub account_count: AccountCount,
    /// How long they last.
    pub account_duration: AccountDuration,
    /// Whether to turn auto-activation on for the corp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_active_status: Option<AutoActiveStatus>,
}

impl CorpPurchase {
    /// Buy `account_count` accounts for `account_duration` for `corpid`.
    pub fn new(
        corpid: impl Into<String>,
        account_count: AccountCount,
        account_duration: AccountDuration,
    ) -> Self {
        Self {
            corpid: corpid.into(),
            account_count,
            account_duration,
            auto_active_status: None,
        }
    }

    /// Sets the corp's auto-activation switch.
    pub fn with_auto_active_status(mut self, status: AutoActiveStatus) -> Self {
        self.auto_active_status = Some(status);
        self
    }
}

/// Request of `license/create_new_order_job` (创建多企业新购任务).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateNewOrderJobRequest {
    /// The corps and what to buy for each.
    pub buy_list: Vec<CorpPurchase>,
    /// An existing job to append corps to; `None` starts a new job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jobid: Option<String>,
}

impl CreateNewOrderJobRequest {
    /// A new multi-corp purchase job.
    pub fn new(buy_list: Vec<CorpPurchase>) -> Self {
        Self {
            buy_list,
            jobid: None,
        }
    }

    /// Appends to the job `jobid` returned by an earlier call.
    pub fn with_jobid(mut self, jobid: impl Into<String>) -> Self {
        self.jobid = Some(jobid.into());
        self
    }
}

/// Response of `license/create_new_order_job`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrderJob {
    /// The multi-corp purchase job id (多企业新购任务id).
    #[serde(default)]
    pub jobid: String,
    /// Corps that could not be added, with the reason (不合法的新购信息).
    #[serde(default)]
    pub invalid_list: Vec<CorpError>,
}

/// Response of `license/submit_new_order_job` (提交多企业新购订单): the job
/// that was submitted, to poll with `new_order_job_result`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedNewOrderJob {
    /// The submitted multi-corp purchase job id (多企业新购任务id), the same
    /// `jobid` the request named (`"jobid":"BUYJOBID"` in the reply sample
    /// SKIT.FlurlHttpClient.Wechat copies from path 98892). Some copies of
    /// that page show a reply of `errcode`/`errmsg` only, so a missing
    /// `jobid` reads as empty: the request's `jobid` stays the one to poll.
    #[serde(default)]
    pub jobid: String,
}

/// Response of `license/new_order_job_result` (获取多企业新购订单提交结果).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrderJobResult {
    /// Whether the order was created.
    #[serde(default)]
    pub status: NewOrderJobStatus,
    /// The created order id, once `status` is done.
    #[serde(default)]
    pub order_id: String,
    /// Corps the order could not be placed for, with the reason.
    #[serde(default)]
    pub fail_list: Vec<CorpError>,
}

/// A multi-corp order's header (OrderInfo of `get_union_order`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnionOrder {
    /// The order id.
    #[serde(default)]
    pub order_id: String,
    /// The order type (8: multi-corp purchase).
    #[serde(default)]
    pub order_type: OrderType,
    /// The order status.
    #[serde(default)]
    pub order_status: OrderStatus,
    /// Amount in fen.
    #[serde(default)]
    pub price: i64,
    /// When the order was created (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// When the order was paid (unix seconds); 0 while unpaid (WeCom
    /// leaves the field out).
    #[serde(default)]
    pub pay_time: i64,
}

/// One corp's sub-order in a multi-corp order (BuyInfo).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnionSubOrder {
    /// The sub-order id; pass it to `list_order_account` for this corp's
    /// codes (子订单id).
    #[serde(default)]
    pub sub_order_id: String,
    /// The customer corp (encrypted corpid).
    #[serde(default)]
    pub corpid: String,
    /// Accounts bought for it.
    #[serde(default)]
    pub account_count: AccountCount,
    /// Purchased duration.
    #[serde(default)]
    pub account_duration: AccountDuration,
    /// The corp's auto-activation switch, when WeCom reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_active_status: Option<AutoActiveStatus>,
}

/// Response of `license/get_union_order` (获取多企业订单详情): the header and
/// one page of sub-orders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnionOrderDetail {
    /// The order header.
    #[serde(default)]
    pub order: UnionOrder,
    /// Sub-orders on this page.
    #[serde(default)]
    pub buy_list: Vec<UnionSubOrder>,
    /// Cursor for the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// Whether more pages follow (WeCom sends 0/1).
    #[serde(default, with = "crate::serde_util::flag")]
    pub has_more: bool,
}

crate::paging::cursor_page! {
    UnionOrderDetail => buy_list: UnionSubOrder [has_more],
}
