//! Moving accounts: batch_transfer_license (between members of one corp) and
//! batch_share_active_code (unbound codes to a downstream corp).

use serde_json::{Map, Value, json};

use super::super::codes;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult};
use super::LicenseState;

/// Most entries per call of either API.
const MAX_BATCH: usize = 1000;

/// Moves every valid account of `handover` to `takeover`.
fn transfer(
    st: &mut LicenseState,
    corpid: &str,
    handover: &str,
    takeover: &str,
    now: i64,
) -> Result<(), ApiError> {
    if handover.is_empty() {
        return Err(ApiError::missing("handover_userid"));
    }
    if takeover.is_empty() {
        return Err(ApiError::missing("takeover_userid"));
    }
    st.corps.require_user(corpid, handover)?;
    st.corps.require_user(corpid, takeover)?;
    if handover == takeover {
        return Err(ApiError::invalid(
            "handover_userid and takeover_userid are the same",
        ));
    }
    let moving: Vec<(String, _)> = st
        .codes
        .values()
        .filter(|c| c.corpid == corpid && c.userid.as_deref() == Some(handover) && c.is_valid(now))
        .map(|c| (c.code.clone(), c.kind))
        .collect();
    if moving.is_empty() {
        return Err(ApiError::new(
            codes::NO_ACTIVE_ACCOUNT,
            format!("{handover} holds no active account"),
        ));
    }
    if let Some((_, kind)) = moving
        .iter()
        .find(|(_, kind)| st.valid_code(corpid, takeover, *kind, now).is_some())
    {
        return Err(ApiError::new(
            codes::TAKEOVER_HAS_ACCOUNT,
            format!("{takeover} already holds an account of type {}", kind.wire()),
        ));
    }
    for (code, _) in moving {
        if let Some(code) = st.codes.get_mut(&code) {
            code.userid = Some(takeover.to_owned());
        }
    }
    Ok(())
}

/// `license/batch_transfer_license`.
pub(crate) fn batch_transfer_license(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?;
    st.corps.get(corpid)?;
    let list = f.req_list("transfer_list", MAX_BATCH)?;
    let mut results = Vec::with_capacity(list.len());
    for item in list {
        let handover = item
            .get("handover_userid")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let takeover = item
            .get("takeover_userid")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let errcode = transfer(st, corpid, handover, takeover, now).map_or_else(|e| e.code, |()| codes::OK);
        results.push(json!({"handover_userid": handover, "takeover_userid": takeover, "errcode": errcode}));
    }
    let mut out = Map::new();
    out.insert("transfer_result".into(), Value::Array(results));
    Ok(out)
}

/// Hands one unbound, never-shared code of `from` to `to`.
fn share(st: &mut LicenseState, from: &str, to: &str, code: &str) -> Result<(), ApiError> {
    if code.is_empty() {
        return Err(ApiError::missing("active_code"));
    }
    let target = st
        .codes
        .get_mut(code)
        .ok_or_else(|| ApiError::new(codes::CODE_NOT_FOUND, format!("active_code not found: {code}")))?;
    if target.shared_from.is_some() {
        return Err(ApiError::new(
            codes::CODE_ALREADY_SHARED,
            format!("active_code {code} was already shared"),
        ));
    }
    if target.corpid != from {
        return Err(ApiError::new(
            codes::CODE_NOT_IN_CORP,
            format!("active_code {code} does not belong to {from}"),
        ));
    }
    if target.userid.is_some() || target.merged_to.is_some() {
        return Err(ApiError::new(
            codes::CODE_NOT_USABLE,
            format!("active_code {code} is bound"),
        ));
    }
    target.corpid = to.to_owned();
    target.shared_from = Some(from.to_owned());
    Ok(())
}

/// `license/batch_share_active_code`.
pub(crate) fn batch_share_active_code(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let from = f.req_str("from_corpid")?;
    let to = f.req_str("to_corpid")?;
    st.corps.get(from)?;
    st.corps.get(to)?;
    if from == to {
        return Err(ApiError::invalid("from_corpid and to_corpid are the same"));
    }
    let list = f.req_list("share_list", MAX_BATCH)?;
    let mut results = Vec::with_capacity(list.len());
    for item in list {
        let code = item
            .get("active_code")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let (errcode, errmsg) = match share(st, from, to, code) {
            Ok(()) => (codes::OK, "ok".to_owned()),
            Err(err) => (err.code, err.msg),
        };
        results.push(json!({"active_code": code, "errcode": errcode, "errmsg": errmsg}));
    }
    let mut out = Map::new();
    out.insert("share_result".into(), Value::Array(results));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::super::creds;
    use super::super::test_support::{T0, bought_codes, ok};
    use super::*;

    fn errcodes(out: &Map<String, Value>, key: &str) -> Vec<i64> {
        out[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["errcode"].as_i64())
            .collect()
    }

    #[test]
    fn transfer_moves_bindings() {
        let mut st = LicenseState::new(T0);
        let (_, codes_) = bought_codes(&mut st, 2, 0, 1, T0);
        let corp = creds::CUSTOMER_CORPID;
        ok(
            &mut st,
            "active_account",
            json!({"corpid": corp, "active_code": codes_[0], "userid": "zhangsan"}),
            T0,
        );
        ok(
            &mut st,
            "active_account",
            json!({"corpid": corp, "active_code": codes_[1], "userid": "lisi"}),
            T0,
        );
        let out = ok(
            &mut st,
            "batch_transfer_license",
            json!({"corpid": corp, "transfer_list": [
                {"handover_userid": "zhangsan", "takeover_userid": "lisi"},
                {"handover_userid": "zhangsan", "takeover_userid": "wangwu"},
                {"handover_userid": "zhangsan", "takeover_userid": "zhaoliu"},
                {"handover_userid": "sunqi", "takeover_userid": "zhaoliu"},
            ]}),
            T0,
        );
        assert_eq!(
            errcodes(&out, "transfer_result"),
            [
                codes::TAKEOVER_HAS_ACCOUNT,
                0,
                codes::NO_ACTIVE_ACCOUNT,
                codes::NO_ACTIVE_ACCOUNT
            ]
        );
        let info = ok(
            &mut st,
            "get_active_info_by_code",
            json!({"corpid": corp, "active_code": codes_[0]}),
            T0,
        );
        assert_eq!(info["active_info"]["userid"], "wangwu");
    }

    #[test]
    fn sharing_hands_codes_downstream() {
        let mut st = LicenseState::new(T0);
        let (_, codes_) = bought_codes(&mut st, 2, 0, 1, T0);
        let (up, down) = (creds::CUSTOMER_CORPID, creds::DOWNSTREAM_CORPID);
        ok(
            &mut st,
            "active_account",
            json!({"corpid": up, "active_code": codes_[1], "userid": "lisi"}),
            T0,
        );
        let out = ok(
            &mut st,
            "batch_share_active_code",
            json!({"from_corpid": up, "to_corpid": down, "share_list": [
                {"active_code": codes_[0]}, {"active_code": codes_[0]}, {"active_code": codes_[1]},
            ]}),
            T0,
        );
        assert_eq!(
            errcodes(&out, "share_result"),
            [0, codes::CODE_ALREADY_SHARED, codes::CODE_NOT_USABLE]
        );
        let seen_up = ok(
            &mut st,
            "get_active_info_by_code",
            json!({"corpid": up, "active_code": codes_[0]}),
            T0,
        );
        assert_eq!(seen_up["active_info"]["status"], 6);
        let seen_down = ok(
            &mut st,
            "get_active_info_by_code",
            json!({"corpid": down, "active_code": codes_[0]}),
            T0,
        );
        assert_eq!(seen_down["active_info"]["status"], 1);
        assert_eq!(
            seen_down["active_info"]["share_info"],
            json!({"to_corpid": down, "from_corpid": up})
        );
        ok(
            &mut st,
            "active_account",
            json!({"corpid": down, "active_code": codes_[0], "userid": "alice"}),
            T0,
        );
    }
}
