//! Binding codes to members: active_account and batch_active_account.
//!
//! Rules (path 95553 / 97188): a member holds at most one base and one
//! external-contact account; activating another code of the same type is only
//! allowed when the current one has ≤ 20 days left (701082), its remaining time
//! then stacks onto the new code, and the stacked validity may not exceed five
//! years (701030, counted as 60 months of 31 days). The old code becomes
//! "merged" (status 5); if it had not expired, its expire_time is reset to the
//! merge time.

use serde_json::{Map, Value, json};

use super::super::clock::DAY;
use super::super::codes;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult};
use super::LicenseState;
use super::model::MAX_DURATION_DAYS;

/// Most entries per batch_active_account call.
const MAX_BATCH: usize = 1000;
/// The current code may be replaced only with at most this much time left.
pub(crate) const MAX_REMAINING_FOR_RENEWAL: i64 = 20 * DAY;
/// Longest stacked validity.
pub(crate) const MAX_STACKED: i64 = MAX_DURATION_DAYS * DAY;

/// The new code's expire time when it grants `duration` seconds and the member's
/// current code of that type (if any) expires at `current_expire`.
pub(crate) fn plan_expire(now: i64, current_expire: Option<i64>, duration: i64) -> Result<i64, ApiError> {
    let remaining = current_expire.map_or(0, |t| (t - now).max(0));
    if remaining > MAX_REMAINING_FOR_RENEWAL {
        return Err(ApiError::new(
            codes::OLD_CODE_TOO_MUCH_LEFT,
            format!(
                "the current account still has {} days left; a new code may only be applied with 20 days or less left",
                (remaining + DAY - 1) / DAY
            ),
        ));
    }
    let total = remaining.saturating_add(duration);
    if remaining > 0 && total > MAX_STACKED {
        return Err(ApiError::new(
            codes::STACK_OVER_FIVE_YEARS,
            "stacked validity of same-type codes would exceed 5 years",
        ));
    }
    Ok(now.saturating_add(total))
}

/// Binds `code` to `userid` in `corpid`.
pub(crate) fn activate(
    st: &mut LicenseState,
    corpid: &str,
    code: &str,
    userid: &str,
    now: i64,
) -> Result<(), ApiError> {
    st.corps.require_user(corpid, userid)?;
    let target = st
        .codes
        .get(code)
        .ok_or_else(|| ApiError::new(codes::CODE_NOT_FOUND, format!("active_code not found: {code}")))?;
    if target.corpid != corpid {
        return Err(ApiError::new(
            codes::CODE_NOT_IN_CORP,
            format!("active_code {code} does not belong to {corpid}"),
        ));
    }
    if target.merged_to.is_some() || target.userid.is_some() {
        return Err(ApiError::new(
            codes::CODE_NOT_USABLE,
            format!(
                "active_code {code} is already bound (status {})",
                target.status(corpid, now)
            ),
        ));
    }
    let (kind, duration) = (target.kind, target.duration);
    let current = st
        .current_code(corpid, userid, kind)
        .map(|c| (c.code.clone(), c.expire_time));
    let expire = plan_expire(now, current.as_ref().map(|(_, t)| *t), duration)?;
    if let Some((old, _)) = &current
        && let Some(old_code) = st.codes.get_mut(old)
    {
        old_code.merged_to = Some(code.to_owned());
        if old_code.expire_time > now {
            old_code.expire_time = now;
        }
    }
    if let Some(new_code) = st.codes.get_mut(code) {
        new_code.userid = Some(userid.to_owned());
        new_code.active_time = now;
        new_code.expire_time = expire;
        new_code.merged_from = current.map(|(old, _)| old);
    }
    Ok(())
}

/// `license/active_account`.
pub(crate) fn active_account(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?;
    let code = f.req_str("active_code")?;
    let userid = f.req_str("userid")?;
    st.corps.get(corpid)?;
    activate(st, corpid, code, userid, now)?;
    Ok(Map::new())
}

/// `license/batch_active_account`: per-entry results, top-level errcode 0.
pub(crate) fn batch_active_account(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?;
    st.corps.get(corpid)?;
    let list = f.req_list("active_list", MAX_BATCH)?;
    let mut results = Vec::with_capacity(list.len());
    for item in list {
        let code = item
            .get("active_code")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let userid = item.get("userid").and_then(Value::as_str).unwrap_or_default();
        let errcode = if code.is_empty() {
            ApiError::missing("active_code").code
        } else if userid.is_empty() {
            ApiError::missing("userid").code
        } else {
            activate(st, corpid, code, userid, now).map_or_else(|e| e.code, |()| codes::OK)
        };
        results.push(json!({"active_code": code, "userid": userid, "errcode": errcode}));
    }
    let mut out = Map::new();
    out.insert("active_result".into(), Value::Array(results));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::super::creds;
    use super::super::test_support::{T0, bought_codes, err, ok};
    use super::*;

    #[test]
    fn plan_expire_rules() {
        let month = 31 * DAY;
        assert_eq!(plan_expire(T0, None, month), Ok(T0 + month));
        // Expired current code: nothing to stack.
        assert_eq!(plan_expire(T0, Some(T0 - DAY), month), Ok(T0 + month));
        // 20 days left: stacks.
        assert_eq!(
            plan_expire(T0, Some(T0 + 20 * DAY), month),
            Ok(T0 + 20 * DAY + month)
        );
        // 21 days left: refused.
        assert_eq!(
            plan_expire(T0, Some(T0 + 21 * DAY), month).unwrap_err().code,
            codes::OLD_CODE_TOO_MUCH_LEFT
        );
        // Stacking a 60-month code onto 10 remaining days exceeds 5 years.
        assert_eq!(
            plan_expire(T0, Some(T0 + 10 * DAY), MAX_STACKED)
                .unwrap_err()
                .code,
            codes::STACK_OVER_FIVE_YEARS
        );
        // A lone 60-month code is fine.
        assert_eq!(plan_expire(T0, None, MAX_STACKED), Ok(T0 + MAX_STACKED));
    }

    #[test]
    fn activation_merges_and_stacks() {
        let mut st = LicenseState::new(T0);
        let (_, codes_) = bought_codes(&mut st, 2, 1, 1, T0);
        let corp = creds::CUSTOMER_CORPID;
        let act = |code: &str, user: &str| json!({"corpid": corp, "active_code": code, "userid": user});
        ok(&mut st, "active_account", act(&codes_[0], "zhangsan"), T0);
        // Same code again, or a second base code with 31 days left: refused.
        assert_eq!(
            err(&mut st, "active_account", act(&codes_[0], "lisi"), T0),
            codes::CODE_NOT_USABLE
        );
        assert_eq!(
            err(&mut st, "active_account", act(&codes_[1], "zhangsan"), T0),
            codes::OLD_CODE_TOO_MUCH_LEFT
        );
        // The external-contact code is a different type: allowed.
        ok(&mut st, "active_account", act(&codes_[2], "zhangsan"), T0);
        // 15 days before expiry the second base code takes over and stacks.
        let later = T0 + 16 * DAY;
        ok(&mut st, "active_account", act(&codes_[1], "zhangsan"), later);
        let old = ok(
            &mut st,
            "get_active_info_by_code",
            json!({"corpid": corp, "active_code": codes_[0]}),
            later,
        );
        assert_eq!(old["active_info"]["status"], 5);
        assert_eq!(old["active_info"]["expire_time"], later);
        assert_eq!(old["active_info"]["merge_info"]["to_active_code"], codes_[1]);
        let new = ok(
            &mut st,
            "get_active_info_by_code",
            json!({"corpid": corp, "active_code": codes_[1]}),
            later,
        );
        assert_eq!(new["active_info"]["status"], 2);
        assert_eq!(new["active_info"]["expire_time"], T0 + 31 * DAY + 31 * DAY);
        assert_eq!(new["active_info"]["merge_info"]["from_active_code"], codes_[0]);
    }

    #[test]
    fn batch_reports_per_entry() {
        let mut st = LicenseState::new(T0);
        let (_, codes_) = bought_codes(&mut st, 1, 0, 1, T0);
        let out = ok(
            &mut st,
            "batch_active_account",
            json!({"corpid": creds::CUSTOMER_CORPID, "active_list": [
                {"active_code": codes_[0], "userid": "wangwu"},
                {"active_code": "LCnope", "userid": "lisi"},
                {"active_code": codes_[0], "userid": "alice"},
                {"userid": "lisi"},
            ]}),
            T0,
        );
        let errcodes: Vec<i64> = out["active_result"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["errcode"].as_i64())
            .collect();
        assert_eq!(
            errcodes,
            [
                0,
                codes::CODE_NOT_FOUND,
                codes::INVALID_USERID,
                codes::INVALID_PARAMETER
            ]
        );
        let too_many: Vec<Value> = (0..1001)
            .map(|_| json!({"active_code": "x", "userid": "lisi"}))
            .collect();
        let body = json!({"corpid": creds::CUSTOMER_CORPID, "active_list": too_many});
        assert_eq!(
            err(&mut st, "batch_active_account", body, T0),
            codes::INVALID_PARAMETER
        );
    }
}
