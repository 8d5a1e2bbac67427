//! Read-only account queries: get_active_info_by_code,
//! batch_get_active_info_by_code, list_actived_account, get_active_info_by_user.

use serde_json::{Map, Value, json};

use super::super::codes;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::LicenseState;
use super::paging::Page;

/// Most codes per batch_get_active_info_by_code call.
const MAX_BATCH: usize = 1000;

/// `license/get_active_info_by_code`.
pub(crate) fn get_active_info_by_code(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?;
    let code = f.req_str("active_code")?;
    st.corps.get(corpid)?;
    let info = st
        .codes
        .get(code)
        .filter(|c| c.visible_to(corpid))
        .ok_or_else(|| ApiError::new(codes::CODE_NOT_FOUND, format!("active_code not found: {code}")))?;
    Ok(fields(json!({"active_info": info.info_json(corpid, now)})))
}

/// `license/batch_get_active_info_by_code`.
pub(crate) fn batch_get_active_info_by_code(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?;
    st.corps.get(corpid)?;
    let list = f.req_list("active_code_list", MAX_BATCH)?;
    let mut found = Vec::new();
    let mut invalid = Vec::new();
    for item in list {
        let info = item
            .as_str()
            .and_then(|code| st.codes.get(code))
            .filter(|c| c.visible_to(corpid));
        match info {
            Some(code) => found.push(code.info_json(corpid, now)),
            None => invalid.push(item.clone()),
        }
    }
    let mut out = Map::new();
    out.insert("active_info_list".into(), Value::Array(found));
    out.insert("invalid_active_code_list".into(), Value::Array(invalid));
    Ok(out)
}

/// `license/list_actived_account`: the corp's currently valid accounts.
pub(crate) fn list_actived_account(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?;
    st.corps.get(corpid)?;
    let page = Page::from_request(&f)?;
    let accounts: Vec<Value> = st
        .codes
        .values()
        .filter(|c| c.corpid == corpid && c.is_valid(now))
        .map(|c| {
            json!({
                "userid": c.userid,
                "type": c.kind.wire(),
                "active_time": c.active_time,
                "expire_time": c.expire_time,
            })
        })
        .collect();
    let mut out = Map::new();
    let items = page.apply(&accounts, &mut out).to_vec();
    out.insert("account_list".into(), Value::Array(items));
    Ok(out)
}

/// `license/get_active_info_by_user`: `active_status` 1 when the member holds a valid account.
pub(crate) fn get_active_info_by_user(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?;
    let userid = f.req_str("userid")?;
    st.corps.require_user(corpid, userid)?;
    let list: Vec<Value> = st
        .codes
        .values()
        .filter(|c| c.corpid == corpid && c.userid.as_deref() == Some(userid) && c.is_valid(now))
        .map(|c| {
            json!({
                "active_code": c.code,
                "type": c.kind.wire(),
                "userid": userid,
                "active_time": c.active_time,
                "expire_time": c.expire_time,
            })
        })
        .collect();
    let active_status = i64::from(!list.is_empty());
    Ok(fields(
        json!({"active_status": active_status, "active_info_list": list}),
    ))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::super::clock::DAY;
    use super::super::super::creds;
    use super::super::test_support::{T0, bought_codes, err, ok};
    use super::*;

    #[test]
    fn queries_reflect_activation_and_expiry() {
        let mut st = LicenseState::new(T0);
        let (_, codes_) = bought_codes(&mut st, 2, 0, 1, T0);
        let corp = creds::CUSTOMER_CORPID;
        let fresh = ok(
            &mut st,
            "get_active_info_by_code",
            json!({"corpid": corp, "active_code": codes_[0]}),
            T0,
        );
        assert_eq!(fresh["active_info"]["status"], 1);
        assert!(fresh["active_info"].get("userid").is_none());
        assert!(fresh["active_info"].get("merge_info").is_none());
        ok(
            &mut st,
            "active_account",
            json!({"corpid": corp, "active_code": codes_[0], "userid": "lisi"}),
            T0,
        );

        let by_user = ok(
            &mut st,
            "get_active_info_by_user",
            json!({"corpid": corp, "userid": "lisi"}),
            T0,
        );
        assert_eq!(by_user["active_status"], 1);
        let listed = ok(&mut st, "list_actived_account", json!({"corpid": corp}), T0);
        assert_eq!(listed["account_list"][0]["userid"], "lisi");
        let batch = ok(
            &mut st,
            "batch_get_active_info_by_code",
            json!({"corpid": corp, "active_code_list": [codes_[0], codes_[1], "LCnope"]}),
            T0,
        );
        assert_eq!(batch["active_info_list"].as_array().map(Vec::len), Some(2));
        assert_eq!(batch["invalid_active_code_list"], json!(["LCnope"]));

        let later = T0 + 32 * DAY;
        let expired = ok(
            &mut st,
            "get_active_info_by_code",
            json!({"corpid": corp, "active_code": codes_[0]}),
            later,
        );
        assert_eq!(expired["active_info"]["status"], 3);
        let by_user = ok(
            &mut st,
            "get_active_info_by_user",
            json!({"corpid": corp, "userid": "lisi"}),
            later,
        );
        assert_eq!(by_user["active_status"], 0);
        let other_corp = json!({"corpid": creds::DOWNSTREAM_CORPID, "active_code": codes_[0]});
        assert_eq!(
            err(&mut st, "get_active_info_by_code", other_corp, T0),
            codes::CODE_NOT_FOUND
        );
    }
}
