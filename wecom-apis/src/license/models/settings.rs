//! App and corp settings: license info, auto-activation, support policy.

use serde::{Deserialize, Serialize};

use super::*;

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

crate::paging::cursor_page! {
    OrderList => order_list: OrderSummary [has_more],
    OrderAccountList => account_list: OrderAccount [has_more],
    ActivedAccountList => account_list: ActivedAccount [has_more],
    UnionOrderDetail => buy_list: UnionSubOrder [has_more],
}
