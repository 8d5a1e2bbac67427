//! App and corp settings: license info, auto-activation, support policy.

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::Result;

/// App and corp settings (应用与企业设置): an app's license and trial status, automatic activation, and the support policy.
///
/// Called by the service provider with the `provider_access_token`, so a
/// client needs a provider credential (`HasToken<Provider>`). Corp and user
/// ids are the encrypted (service-provider) ids unless a method says otherwise.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/95844>
#[crate::api]
pub trait LicenseSettingsApi {
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

// ---------------------------------------------------------------------------
// App and corp settings: get_app_license_info, get_auto_active_status,
// support_policy_query
// ---------------------------------------------------------------------------

/// Free-trial window of an app in a corp (试用期信息). WeCom spells the
/// field `trail_info`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialInfo {
    /// Trial start (unix seconds).
    #[serde(default)]
    pub start_time: i64,
    /// Trial end (unix seconds): 90 days after the first install.
    #[serde(default)]
    pub end_time: i64,
}

/// Response of `license/get_app_license_info` (获取应用的接口许可状态).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppLicenseInfo {
    /// Whether WeCom enforces licenses for the app in this corp.
    #[serde(default)]
    pub license_status: LicenseStatus,
    /// The free trial; only when the license check is on (WeCom's key is
    /// `trail_info`).
    #[serde(rename = "trail_info", default, skip_serializing_if = "Option::is_none")]
    pub trial_info: Option<TrialInfo>,
    /// When the license check started (unix seconds); 0 if WeCom leaves it
    /// out.
    #[serde(default)]
    pub license_check_time: i64,
}

/// Response of `license/get_auto_active_status` (查询企业的许可自动激活状态).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoActiveStatusInfo {
    /// The corp's auto-activation switch.
    #[serde(default)]
    pub auto_active_status: AutoActiveStatus,
}

/// Response of `license/support_policy_query` (民生优惠条件查询).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportPolicy {
    /// Whether the corp qualifies for the discount.
    #[serde(default)]
    pub query_result: SupportPolicyResult,
    /// Error codes of the unmet conditions (701090 verification, 701091
    /// industry, 701092 credit code, 701096 risk review, 701110/701111
    /// school conditions).
    #[serde(default)]
    pub unsatisfied_reason: Vec<i64>,
}
