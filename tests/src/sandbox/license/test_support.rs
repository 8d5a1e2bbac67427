//! Helpers for the licence unit tests: call handlers directly, without HTTP or tokens.

use serde_json::{Map, Value};

use super::super::creds;
use super::super::params::JsonBody;
use super::super::reply::ApiError;
use super::{LicenseState, route};

/// A fixed "now" for tests.
pub(crate) const T0: i64 = 1_700_000_000;

/// Calls licence API `name` with `body`.
pub(crate) fn call(
    state: &mut LicenseState,
    name: &str,
    body: Value,
    now: i64,
) -> Result<Map<String, Value>, ApiError> {
    let handler = route(name).ok_or_else(|| ApiError::invalid(format!("no handler {name}")))?;
    let body = JsonBody::parse(&body.to_string())?;
    handler(state, body.fields(), now)
}

/// Calls and expects success.
pub(crate) fn ok(state: &mut LicenseState, name: &str, body: Value, now: i64) -> Map<String, Value> {
    match call(state, name, body, now) {
        Ok(out) => out,
        Err(err) => panic!("{name} failed: {} {}", err.code, err.msg),
    }
}

/// Calls and expects an errcode.
pub(crate) fn err(state: &mut LicenseState, name: &str, body: Value, now: i64) -> i64 {
    match call(state, name, body, now) {
        Ok(out) => panic!("{name} unexpectedly succeeded: {out:?}"),
        Err(err) => err.code,
    }
}

/// Buys and pays `base` base + `external` external accounts for the customer
/// corp; returns the order id and its codes.
pub(crate) fn bought_codes(
    state: &mut LicenseState,
    base: i64,
    external: i64,
    months: i64,
    now: i64,
) -> (String, Vec<String>) {
    let out = ok(
        state,
        "create_new_order",
        serde_json::json!({
            "corpid": creds::CUSTOMER_CORPID,
            "buyer_userid": "buyer",
            "account_count": {"base_count": base, "external_contact_count": external},
            "account_duration": {"months": months},
        }),
        now,
    );
    let order_id = out["order_id"].as_str().unwrap_or_default().to_owned();
    if let Err(e) = state.pay_order(&order_id, now) {
        panic!("pay failed: {e}");
    }
    let list = ok(
        state,
        "list_order_account",
        serde_json::json!({"order_id": order_id}),
        now,
    );
    let codes = list["account_list"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["active_code"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    (order_id, codes)
}
