//! Paying orders from the prepaid balance.

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::Result;

/// Balance payment (余额支付): paying an order from the provider's prepaid balance.
///
/// Called by the service provider with the `provider_access_token`, so a
/// client needs a provider credential (`HasToken<Provider>`). Corp and user
/// ids are the encrypted (service-provider) ids unless a method says otherwise.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/99415>
#[crate::api]
pub trait LicensePayApi {
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
}

// ---------------------------------------------------------------------------
// Balance payment: submit_pay_job, pay_job_result
// ---------------------------------------------------------------------------

/// Response of `license/submit_pay_job` (提交余额支付订单任务).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayJob {
    /// The payment job id, for `pay_job_result`.
    #[serde(default)]
    pub jobid: String,
}

/// Why a balance payment failed (PayJobResult).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayJobFailure {
    /// Failure code (account-side or corp-side reason).
    #[serde(default)]
    pub errcode: i64,
    /// Failure message.
    #[serde(default)]
    pub errmsg: String,
    /// Corps the failure is attributed to (one entry for a single-corp order).
    #[serde(default)]
    pub fail_corp_list: Vec<CorpError>,
}

/// Response of `license/pay_job_result` (获取订单支付结果). The call
/// succeeds even when the payment failed: check `status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayJobResult {
    /// Outcome of the payment job.
    #[serde(default)]
    pub status: PayJobStatus,
    /// Failure details; only when the payment failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_job_result: Option<PayJobFailure>,
}
