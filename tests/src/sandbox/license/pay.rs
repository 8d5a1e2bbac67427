//! Paying orders: what the payment page does (`Sandbox::pay_order`), and the
//! balance-payment job APIs submit_pay_job / pay_job_result.

use serde_json::json;

use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::model::{AccountType, ActiveCode, order_status, order_type};
use super::{LicenseState, job_not_found, order_not_found};

/// `status` of a finished pay job (sandbox jobs finish at once; the value
/// follows new_order_job_result's "1: done").
const PAY_JOB_DONE: i64 = 1;

/// A balance-payment job; it has already run.
#[derive(Clone, Debug)]
pub(crate) struct PayJob {
    order_id: String,
}

/// Marks an unpaid order paid and applies it: codes for purchases (every
/// sub-order of a multi-corp order), extended validity for renewals.
pub(crate) fn pay(st: &mut LicenseState, order_id: &str, now: i64) -> Result<(), ApiError> {
    let order = st.order(order_id)?;
    if order.parent.is_some() {
        return Err(ApiError::invalid(format!(
            "{order_id} is a sub-order; pay its multi-corp order instead"
        )));
    }
    order.ensure_unpaid()?;
    let (kind, subs) = (order.order_type, order.sub_orders.clone());
    match kind {
        order_type::UNION => {
            for sub in &subs {
                mark_paid(st, sub, now);
                issue_codes(st, sub, now);
            }
        }
        order_type::RENEW => apply_renewal(st, order_id, now),
        _ => issue_codes(st, order_id, now),
    }
    mark_paid(st, order_id, now);
    Ok(())
}

fn mark_paid(st: &mut LicenseState, order_id: &str, now: i64) {
    if let Some(order) = st.orders.get_mut(order_id) {
        order.status = order_status::PAID;
        order.pay_time = now;
    }
}

/// Generates `base_count` type-1 and `external_contact_count` type-2 codes.
fn issue_codes(st: &mut LicenseState, order_id: &str, now: i64) {
    let Some(order) = st.orders.get(order_id) else {
        return;
    };
    let corpid = order.corpid.clone().unwrap_or_default();
    let (count, seconds) = (order.count, order.duration.seconds());
    let wanted = std::iter::repeat_n(AccountType::Base, usize::try_from(count.base).unwrap_or(0)).chain(
        std::iter::repeat_n(
            AccountType::External,
            usize::try_from(count.external).unwrap_or(0),
        ),
    );
    let mut issued = Vec::new();
    for kind in wanted {
        let code = st.ids.tagged("LC");
        st.codes.insert(
            code.clone(),
            ActiveCode::new(code.clone(), kind, corpid.clone(), seconds, now),
        );
        issued.push(code);
    }
    if let Some(order) = st.orders.get_mut(order_id) {
        order.codes = issued;
    }
}

/// Extends each renewed account's current code by the order's duration (or up
/// to its `new_expire_time`).
fn apply_renewal(st: &mut LicenseState, order_id: &str, now: i64) {
    let Some(order) = st.orders.get(order_id) else {
        return;
    };
    let corpid = order.corpid.clone().unwrap_or_default();
    let (accounts, duration) = (order.renew_accounts.clone(), order.duration);
    for (userid, kind) in accounts {
        let Some(code) = st.current_code(&corpid, &userid, kind).map(|c| c.code.clone()) else {
            continue;
        };
        if let Some(code) = st.codes.get_mut(&code) {
            code.expire_time = match duration.new_expire_time {
                Some(t) => code.expire_time.max(t),
                None => code.expire_time.max(now).saturating_add(duration.seconds()),
            };
        }
    }
}

/// `license/submit_pay_job`: pays with the (infinite) sandbox balance.
pub(crate) fn submit_pay_job(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    f.req_str("payer_userid")?;
    let order_id = f.req_str("order_id")?;
    pay(st, order_id, now)?;
    let jobid = st.ids.tagged("PJ");
    st.pay_jobs.insert(
        jobid.clone(),
        PayJob {
            order_id: order_id.to_owned(),
        },
    );
    Ok(fields(json!({"jobid": jobid})))
}

/// `license/pay_job_result`.
pub(crate) fn pay_job_result(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let jobid = f.req_str("jobid")?;
    let job = st.pay_jobs.get(jobid).ok_or_else(|| job_not_found(jobid))?;
    if !st.orders.contains_key(&job.order_id) {
        return Err(order_not_found(&job.order_id));
    }
    // Sandbox payments never fail, and WeCom sends `pay_job_result` only for failures.
    Ok(fields(json!({ "status": PAY_JOB_DONE })))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::super::{codes, creds};
    use super::super::test_support::{T0, err, ok};
    use super::*;

    #[test]
    fn pay_job_pays_once() {
        let mut st = LicenseState::new(T0);
        let out = ok(
            &mut st,
            "create_new_order",
            json!({"corpid": creds::CUSTOMER_CORPID, "buyer_userid": "b",
                   "account_count": {"external_contact_count": 3}, "account_duration": {"months": 12}}),
            T0,
        );
        let order_id = out["order_id"].clone();
        let job = ok(
            &mut st,
            "submit_pay_job",
            json!({"payer_userid": "p", "order_id": order_id}),
            T0,
        );
        let result = ok(&mut st, "pay_job_result", json!({"jobid": job["jobid"]}), T0);
        assert_eq!(result["status"], PAY_JOB_DONE);
        assert!(result.get("pay_job_result").is_none());
        let again = json!({"payer_userid": "p", "order_id": order_id});
        assert_eq!(
            err(&mut st, "submit_pay_job", again, T0),
            codes::ORDER_NOT_PENDING
        );
        let accounts = ok(&mut st, "list_order_account", json!({"order_id": order_id}), T0);
        assert_eq!(accounts["account_list"].as_array().map(Vec::len), Some(3));
        assert_eq!(
            err(&mut st, "pay_job_result", json!({"jobid": "nope"}), T0),
            codes::JOB_NOT_FOUND
        );
    }
}
