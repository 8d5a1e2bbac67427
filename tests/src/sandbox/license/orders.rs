//! Single-corp orders: create_new_order, list_order, get_order,
//! list_order_account, cancel_order.

use serde_json::{Map, Value, json};

use super::super::clock::DAY;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::model::{AccountCount, AccountDuration, Order, order_status, order_type, price};
use super::paging::Page;
use super::{LicenseState, order_not_found};

/// Widest `start_time`..`end_time` window list_order accepts.
const MAX_LIST_WINDOW: i64 = 31 * DAY;

/// `license/create_new_order`: a new-purchase order, unpaid.
pub(crate) fn create_new_order(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?;
    st.corps.get(corpid)?;
    let buyer_userid = f.req_str("buyer_userid")?;
    let count = AccountCount::parse(f.req_obj("account_count")?)?;
    let duration = AccountDuration::parse(f.req_obj("account_duration")?)?;
    let id = st.new_order_id();
    let mut order = Order::new(id.clone(), order_type::NEW, Some(corpid.to_owned()), now);
    order.count = count;
    order.duration = duration;
    order.price = price(count, duration);
    order.buyer_userid = buyer_userid.to_owned();
    st.orders.insert(id.clone(), order);
    Ok(fields(json!({"order_id": id})))
}

/// The optional `[start_time, end_time)` filter of list_order.
pub(crate) fn time_window(start: Option<i64>, end: Option<i64>) -> Result<Option<(i64, i64)>, ApiError> {
    match (start, end) {
        (None, None) => Ok(None),
        (Some(start), Some(end)) => {
            if end < start {
                Err(ApiError::invalid("end_time is before start_time"))
            } else if end - start > MAX_LIST_WINDOW {
                Err(ApiError::invalid(
                    "start_time and end_time may be at most 31 days apart",
                ))
            } else {
                Ok(Some((start, end)))
            }
        }
        _ => Err(ApiError::invalid(
            "start_time and end_time must be given together",
        )),
    }
}

/// `license/list_order`: orders, optionally of one corp and/or created in a window.
///
/// Without `corpid` the top-level orders are listed (multi-corp parents, not their
/// sub-orders); with `corpid` every order of that corp, sub-orders included.
pub(crate) fn list_order(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let corpid = f.opt_str("corpid")?;
    if let Some(corpid) = corpid {
        st.corps.get(corpid)?;
    }
    let window = time_window(f.opt_int("start_time")?, f.opt_int("end_time")?)?;
    let page = Page::from_request(&f)?;
    let matching: Vec<Value> = st
        .orders
        .values()
        .filter(|o| match corpid {
            Some(c) => o.corpid.as_deref() == Some(c),
            None => o.parent.is_none(),
        })
        .filter(|o| window.is_none_or(|(start, end)| o.create_time >= start && o.create_time < end))
        .map(|o| json!({"order_id": o.id, "order_type": o.order_type}))
        .collect();
    let mut out = Map::new();
    let items = page.apply(&matching, &mut out).to_vec();
    out.insert("order_list".into(), Value::Array(items));
    Ok(out)
}

/// `license/get_order`.
pub(crate) fn get_order(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let order = st.order(f.req_str("order_id")?)?;
    if order.is_union() {
        return Err(ApiError::invalid(format!(
            "{} is a multi-corp order; use license/get_union_order",
            order.id
        )));
    }
    Ok(fields(json!({"order": order.detail_json()})))
}

/// `license/list_order_account`: the codes of a paid purchase order, or the
/// accounts of a paid renewal order. Unpaid orders list nothing.
pub(crate) fn list_order_account(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let order = st.order(f.req_str("order_id")?)?;
    let page = Page::from_request(&f)?;
    if order.is_union() {
        return Err(ApiError::invalid(format!(
            "{} is a multi-corp order; list the accounts of its sub_order_id",
            order.id
        )));
    }
    let entries: Vec<Value> = if order.status != order_status::PAID {
        Vec::new()
    } else if order.order_type == order_type::RENEW {
        let corpid = order.corpid.as_deref().unwrap_or_default();
        order
            .renew_accounts
            .iter()
            .map(|(userid, kind)| {
                let mut entry = json!({"userid": userid, "type": kind.wire()});
                if let (Some(code), Value::Object(map)) = (st.current_code(corpid, userid, *kind), &mut entry)
                {
                    map.insert("active_code".into(), code.code.clone().into());
                }
                entry
            })
            .collect()
    } else {
        order
            .codes
            .iter()
            .filter_map(|code| st.codes.get(code))
            .map(|code| {
                let mut entry = json!({"active_code": code.code, "type": code.kind.wire()});
                if let (Some(userid), Value::Object(map)) = (&code.userid, &mut entry) {
                    map.insert("userid".into(), userid.clone().into());
                }
                entry
            })
            .collect()
    };
    let mut out = Map::new();
    let items = page.apply(&entries, &mut out).to_vec();
    out.insert("account_list".into(), Value::Array(items));
    Ok(out)
}

/// `license/cancel_order`: only unpaid orders of that corp.
pub(crate) fn cancel_order(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    // A multi-corp order has no corpid of its own: it is cancelled without one.
    let corpid = f.opt_str("corpid")?;
    let order_id = f.req_str("order_id")?;
    let order = st
        .orders
        .get_mut(order_id)
        .filter(|o| o.corpid.as_deref() == corpid)
        .ok_or_else(|| order_not_found(order_id))?;
    order.ensure_unpaid()?;
    order.status = order_status::CANCELLED;
    Ok(Map::new())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::super::{codes, creds};
    use super::super::test_support::{T0, bought_codes, err, ok};
    use super::*;

    fn new_order(st: &mut LicenseState, now: i64) -> String {
        let out = ok(
            st,
            "create_new_order",
            json!({
                "corpid": creds::CUSTOMER_CORPID, "buyer_userid": "buyer",
                "account_count": {"base_count": 2, "external_contact_count": 1},
                "account_duration": {"months": 1, "days": 5},
            }),
            now,
        );
        out["order_id"].as_str().unwrap_or_default().to_owned()
    }

    #[test]
    fn window_rules() {
        assert_eq!(time_window(None, None), Ok(None));
        assert!(time_window(Some(1), None).is_err());
        assert!(time_window(Some(0), Some(31 * DAY)).is_ok());
        assert_eq!(
            time_window(Some(0), Some(31 * DAY + 1)).unwrap_err().code,
            codes::INVALID_PARAMETER
        );
        assert!(time_window(Some(10), Some(5)).is_err());
    }

    #[test]
    fn new_order_lifecycle() {
        let mut st = LicenseState::new(T0);
        let id = new_order(&mut st, T0);
        let detail = ok(&mut st, "get_order", json!({"order_id": id}), T0);
        assert_eq!(detail["order"]["order_status"], 0);
        assert_eq!(detail["order"]["order_type"], 1);
        assert_eq!(detail["order"]["account_duration"]["days"], 5);
        let unpaid = ok(&mut st, "list_order_account", json!({"order_id": id}), T0);
        assert_eq!(unpaid["account_list"], json!([]));
        assert_eq!(unpaid["has_more"], 0);
        assert!(st.pay_order(&id, T0 + 1).is_ok());
        assert!(st.pay_order(&id, T0 + 1).is_err());
        let paid = ok(
            &mut st,
            "list_order_account",
            json!({"order_id": id, "limit": 2}),
            T0,
        );
        assert_eq!(paid["has_more"], 1);
        let types: Vec<i64> = paid["account_list"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["type"].as_i64())
            .collect();
        assert_eq!(types, [1, 1]);
        let cancel = json!({"corpid": creds::CUSTOMER_CORPID, "order_id": id});
        assert_eq!(err(&mut st, "cancel_order", cancel, T0), codes::ORDER_NOT_PENDING);
    }

    #[test]
    fn create_validates_input() {
        let mut st = LicenseState::new(T0);
        let base = json!({"corpid": creds::CUSTOMER_CORPID, "buyer_userid": "b",
            "account_count": {"base_count": 0, "external_contact_count": 0}, "account_duration": {"months": 1}});
        assert_eq!(
            err(&mut st, "create_new_order", base, T0),
            codes::INVALID_PARAMETER
        );
        let unknown = json!({"corpid": "wwunknown", "buyer_userid": "b",
            "account_count": {"base_count": 1}, "account_duration": {"months": 1}});
        assert_eq!(
            err(&mut st, "create_new_order", unknown, T0),
            codes::INVALID_CORPID
        );
        let no_duration = json!({"corpid": creds::CUSTOMER_CORPID, "buyer_userid": "b", "account_count": {"base_count": 1}});
        assert_eq!(
            err(&mut st, "create_new_order", no_duration, T0),
            codes::INVALID_PARAMETER
        );
        assert_eq!(
            err(&mut st, "create_new_order", json!({}), T0),
            codes::MISSING_CORPID
        );
    }

    #[test]
    fn list_and_cancel() {
        let mut st = LicenseState::new(T0);
        let a = new_order(&mut st, T0);
        let b = new_order(&mut st, T0 + 40 * DAY);
        let (c, _) = bought_codes(&mut st, 1, 0, 1, T0 + 41 * DAY);
        let all = ok(&mut st, "list_order", json!({}), T0);
        assert_eq!(all["order_list"].as_array().map(Vec::len), Some(3));
        let early = ok(
            &mut st,
            "list_order",
            json!({"start_time": T0, "end_time": T0 + DAY}),
            T0,
        );
        assert_eq!(early["order_list"], json!([{"order_id": a, "order_type": 1}]));
        let cancel = json!({"corpid": creds::CUSTOMER_CORPID, "order_id": b});
        ok(&mut st, "cancel_order", cancel, T0);
        let detail = ok(&mut st, "get_order", json!({"order_id": b}), T0);
        assert_eq!(detail["order"]["order_status"], 2);
        let wrong_corp = json!({"corpid": creds::DOWNSTREAM_CORPID, "order_id": c});
        assert_eq!(
            err(&mut st, "cancel_order", wrong_corp, T0),
            codes::ORDER_NOT_FOUND
        );
    }
}
