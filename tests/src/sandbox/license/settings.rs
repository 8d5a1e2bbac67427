//! Per-corp licence settings and status: get_app_license_info,
//! set_auto_active_status / get_auto_active_status, support_policy_query.

use serde_json::json;

use super::super::clock::DAY;
use super::super::codes;
use super::super::creds;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::LicenseState;

/// Free trial length from first install (path 95844).
const TRIAL: i64 = 90 * DAY;

/// `license/get_app_license_info`: licence checks are on; trial = 90 days from install.
pub(crate) fn get_app_license_info(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let corp = st.corps.get(f.req_str("corpid")?)?;
    let suite_id = f.req_str("suite_id")?;
    if suite_id != creds::SUITE_ID {
        return Err(ApiError::invalid(format!("unknown suite_id {suite_id}")));
    }
    let start = corp.installed_at;
    Ok(fields(json!({
        "license_status": 1,
        "trail_info": {"start_time": start, "end_time": start.saturating_add(TRIAL)},
    })))
}

/// `license/set_auto_active_status`.
pub(crate) fn set_auto_active_status(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?;
    let status = f.req_int("auto_active_status")?;
    if !(0..=1).contains(&status) {
        return Err(ApiError::invalid("auto_active_status must be 0 or 1"));
    }
    st.corps.get_mut(corpid)?.auto_active_status = status;
    Ok(fields(json!({})))
}

/// `license/get_auto_active_status` (0 until set).
pub(crate) fn get_auto_active_status(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let corp = st.corps.get(f.req_str("corpid")?)?;
    Ok(fields(json!({"auto_active_status": corp.auto_active_status})))
}

/// `license/support_policy_query` (path 96515): the 2023 policy has ended, so
/// every corp answers "does not qualify" with reason 701091 (industry).
pub(crate) fn support_policy_query(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    st.corps.get(f.req_str("corpid")?)?;
    Ok(fields(json!({
        "query_result": 0,
        "unsatisfied_reason": [codes::POLICY_INDUSTRY_MISMATCH],
    })))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::test_support::{T0, err, ok};
    use super::*;

    #[test]
    fn settings_round_trip() {
        let mut st = LicenseState::new(T0);
        let corp = creds::CUSTOMER_CORPID;
        let get = json!({"corpid": corp});
        assert_eq!(
            ok(&mut st, "get_auto_active_status", get.clone(), T0)["auto_active_status"],
            0
        );
        ok(
            &mut st,
            "set_auto_active_status",
            json!({"corpid": corp, "auto_active_status": 1}),
            T0,
        );
        assert_eq!(
            ok(&mut st, "get_auto_active_status", get, T0)["auto_active_status"],
            1
        );
        let bad = json!({"corpid": corp, "auto_active_status": 2});
        assert_eq!(
            err(&mut st, "set_auto_active_status", bad, T0),
            codes::INVALID_PARAMETER
        );
        let info = ok(
            &mut st,
            "get_app_license_info",
            json!({"corpid": corp, "suite_id": creds::SUITE_ID}),
            T0,
        );
        assert_eq!(info["trail_info"]["end_time"], T0 + TRIAL);
        let policy = ok(&mut st, "support_policy_query", json!({"corpid": corp}), T0);
        assert_eq!(policy["query_result"], 0);
    }
}
