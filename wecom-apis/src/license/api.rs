//! The License (接口许可) endpoints, declared once and expanded by
//! [`crate::api`].

use super::models::*;
use crate::Result;

/// License (接口许可) endpoints: buying, renewing and paying for interface
/// licenses, activating accounts for members, and inspecting codes, members
/// and corps.
///
/// Every method is called by the service provider with the
/// `provider_access_token` (from `service/get_provider_token`, provider
/// corpid + provider_secret), so a client needs a provider credential
/// (`HasToken<Provider>`). Corp and user ids are the encrypted
/// (service-provider) ids unless a method says otherwise; `buyer_userid` and
/// `payer_userid` are plain userids in the provider's own corp.
///
/// Cursor-paginated lists (`list_order`, `list_order_account`,
/// `list_actived_account`, `get_union_order`) are declared with `page = cursor`,
/// so each has a `…_stream` method here that walks it to the end.
///
/// Family index: <https://developer.work.weixin.qq.com/document/path/95652>
#[crate::api]
pub trait LicenseApi {
    // --- Orders ----------------------------------------------------------

    /// 下单购买账号: order new base and/or external-contact accounts for one
    /// corp. The order takes effect once paid (in the provider console, or
    /// with [`submit_pay_job`](Self::submit_pay_job)); at most 1 000 000
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
    /// order (multi-corp orders: [`get_union_order`](Self::get_union_order)).
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

    // --- Multi-corp orders -----------------------------------------------

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
    /// [`list_order_account`](Self::list_order_account)). `limit` at most
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

    // --- Balance payment -------------------------------------------------

    /// 提交余额支付订单任务: pay an order from the provider's prepaid
    /// balance. `payer_userid` is a plain userid of a provider admin allowed
    /// to buy licenses; the payment method cannot change afterwards.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99415>
    #[post("license/submit_pay_job", token = provider)]
    async fn submit_pay_job(&self, payer_userid: &str, order_id: &str) -> Result<PayJob>;

    /// 获取订单支付结果: outcome of a balance-payment job. The call succeeds
    /// even when the payment failed: check `status`. Available for 7 days.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99415>
    #[post("license/pay_job_result", token = provider)]
    async fn pay_job_result(&self, jobid: &str) -> Result<PayJobResult>;

    // --- Accounts --------------------------------------------------------

    /// 激活账号: bind an activation code to a member. A member holds at most
    /// one base and one external-contact account; a second code of the same
    /// type stacks its time (only when ≤ 20 days remain, 701082) up to 5
    /// years (701030).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95553>
    #[post("license/active_account", token = provider)]
    async fn active_account(&self, corpid: &str, active_code: &str, userid: &str) -> Result<()>;

    /// 批量激活账号: bind up to 1000 codes to members in one call; each pair
    /// gets its own `errcode`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95553>
    #[post("license/batch_active_account", token = provider)]
    async fn batch_active_account(
        &self,
        #[body] request: &BatchActiveAccountRequest,
    ) -> Result<BatchActiveAccountResult>;

    /// 获取激活码详情: type, status, binding, times, merge and share history
    /// of one activation code.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95552>
    #[post("license/get_active_info_by_code", token = provider)]
    async fn get_active_info_by_code(&self, corpid: &str, active_code: &str) -> Result<ActiveInfoByCode>;

    /// 批量获取激活码详情: details of up to 1000 codes; unknown codes come
    /// back in `invalid_active_code_list`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95552>
    #[post("license/batch_get_active_info_by_code", token = provider)]
    async fn batch_get_active_info_by_code(
        &self,
        #[body] request: &BatchGetActiveInfoByCodeRequest,
    ) -> Result<ActiveInfoByCodeList>;

    /// 获取企业的账号列表: the activated accounts of a corp, one page at a
    /// time. `limit` at most 1000, default 500.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95544>
    #[post("license/list_actived_account", token = provider, page = cursor(limit = 1000))]
    async fn list_actived_account(
        &self,
        corpid: &str,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<ActivedAccountList>;

    /// 获取成员的激活详情: whether a member is activated and which accounts
    /// (at most one of each type) it holds.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95555>
    #[post("license/get_active_info_by_user", token = provider)]
    async fn get_active_info_by_user(&self, corpid: &str, userid: &str) -> Result<UserActiveInfo>;

    /// 账号继承: move accounts from members to other members of the same
    /// corp, at most 1000 per call. The source must be active and unexpired;
    /// a still-employed source may transfer once per 30 days (701017); the
    /// receiver must not hold the same type (701018).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95673>
    #[post("license/batch_transfer_license", token = provider)]
    async fn batch_transfer_license(
        &self,
        #[body] request: &BatchTransferLicenseRequest,
    ) -> Result<BatchTransferLicenseResult>;

    /// 分配激活码给下游/下级企业: share unbound codes bought for an upstream
    /// corp with a downstream corp (上下游 or 企业互联). At most 1000 codes
    /// per call, and no more than twice the downstream corp's headcount in
    /// the chain.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/96059>
    #[post("license/batch_share_active_code", token = provider)]
    async fn batch_share_active_code(
        &self,
        #[body] request: &BatchShareActiveCodeRequest,
    ) -> Result<BatchShareActiveCodeResult>;

    // --- App and corp settings -------------------------------------------

    /// 获取应用的接口许可状态: whether license checks are on for a suite in
    /// a corp, and its free trial (90 days from the first install). `appid`
    /// only for legacy multi-app suites.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95844>
    #[post("license/get_app_license_info", token = provider)]
    async fn get_app_license_info(
        &self,
        corpid: &str,
        suite_id: &str,
        appid: Option<u32>,
    ) -> Result<AppLicenseInfo>;

    /// 设置企业的许可自动激活状态: turn automatic activation of a corp's
    /// unbound codes on or off.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95873>
    #[post("license/set_auto_active_status", token = provider)]
    async fn set_auto_active_status(&self, corpid: &str, auto_active_status: AutoActiveStatus) -> Result<()>;

    /// 查询企业的许可自动激活状态: whether a corp's codes are activated
    /// automatically.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95874>
    #[post("license/get_auto_active_status", token = provider)]
    async fn get_auto_active_status(&self, corpid: &str) -> Result<AutoActiveStatusInfo>;

    /// 民生优惠条件查询: whether a corp qualifies for the livelihood-industry
    /// license discount, and the error codes of the unmet conditions (the
    /// policy ended on 2023-03-31).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/96515>
    #[post("license/support_policy_query", token = provider)]
    async fn support_policy_query(&self, corpid: &str) -> Result<SupportPolicy>;
}
