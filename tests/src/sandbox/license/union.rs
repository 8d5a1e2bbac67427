//! Multi-corp ("union") purchases: create_new_order_job, submit_new_order_job,
//! new_order_job_result, get_union_order. The parent order has order_type 8;
//! each corp gets a sub-order of type 1 whose codes appear once the parent is paid.

use serde_json::{Map, Value, json};

use super::super::codes;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::model::{AccountCount, AccountDuration, Order, order_type, price};
use super::paging::Page;
use super::{LicenseState, job_not_found};

/// Most buy_list entries per create_new_order_job call.
const MAX_BUY_PER_CALL: usize = 10;
/// new_order_job_result `status`: 1 创建完成.
const JOB_DONE: i64 = 1;

/// What one corp buys in a multi-corp job.
#[derive(Clone, Debug)]
struct BuyInfo {
    corpid: String,
    count: AccountCount,
    duration: AccountDuration,
    auto_active_status: i64,
}

/// A multi-corp purchase job.
#[derive(Clone, Debug, Default)]
pub(crate) struct UnionJob {
    buy_list: Vec<BuyInfo>,
    order_id: Option<String>,
}

fn parse_buy_info(
    st: &LicenseState,
    job: Option<&UnionJob>,
    item: &Value,
) -> Result<BuyInfo, (String, ApiError)> {
    let corpid = item
        .get("corpid")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let fail = |err: ApiError| (corpid.clone(), err);
    let f = Fields::of(item, "buy_list entry").map_err(&fail)?;
    if corpid.is_empty() {
        return Err(fail(ApiError::missing("corpid")));
    }
    st.corps.get(&corpid).map_err(&fail)?;
    if job.is_some_and(|j| j.buy_list.iter().any(|b| b.corpid == corpid)) {
        return Err(fail(ApiError::invalid(format!(
            "{corpid} is already in this job"
        ))));
    }
    let count = AccountCount::parse(f.req_obj("account_count").map_err(&fail)?).map_err(&fail)?;
    let duration = AccountDuration::parse(f.req_obj("account_duration").map_err(&fail)?).map_err(&fail)?;
    let auto_active_status = f.opt_int("auto_active_status").map_err(&fail)?.unwrap_or(1);
    if !(0..=1).contains(&auto_active_status) {
        return Err(fail(ApiError::invalid("auto_active_status must be 0 or 1")));
    }
    Ok(BuyInfo {
        corpid,
        count,
        duration,
        auto_active_status,
    })
}

/// `license/create_new_order_job`.
pub(crate) fn create_new_order_job(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let list = f.req_list("buy_list", MAX_BUY_PER_CALL)?;
    let jobid = match f.opt_str("jobid")? {
        Some(jobid) => {
            let job = st.union_jobs.get(jobid).ok_or_else(|| job_not_found(jobid))?;
            if job.order_id.is_some() {
                return Err(ApiError::new(
                    codes::JOB_ALREADY_SUBMITTED,
                    format!("job {jobid} was already submitted"),
                ));
            }
            jobid.to_owned()
        }
        None => st.ids.tagged("UJ"),
    };
    let mut job = st.union_jobs.remove(&jobid).unwrap_or_default();
    let mut invalid = Vec::new();
    for item in list {
        match parse_buy_info(st, Some(&job), item) {
            Ok(info) => job.buy_list.push(info),
            Err((corpid, err)) => {
                invalid.push(json!({"corpid": corpid, "errcode": err.code, "errmsg": err.msg}))
            }
        }
    }
    st.union_jobs.insert(jobid.clone(), job);
    let mut out = Map::new();
    out.insert("jobid".into(), jobid.into());
    out.insert("invalid_list".into(), Value::Array(invalid));
    Ok(out)
}

/// `license/submit_new_order_job`: creates the parent order and its sub-orders at once.
pub(crate) fn submit_new_order_job(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let jobid = f.req_str("jobid")?;
    let buyer_userid = f.req_str("buyer_userid")?;
    let job = st.union_jobs.get(jobid).ok_or_else(|| job_not_found(jobid))?;
    if job.order_id.is_some() {
        return Err(ApiError::new(
            codes::JOB_ALREADY_SUBMITTED,
            format!("job {jobid} was already submitted"),
        ));
    }
    if job.buy_list.is_empty() {
        return Err(ApiError::invalid(format!(
            "job {jobid} has no valid buy_list entries"
        )));
    }
    let buy_list = job.buy_list.clone();
    let parent_id = st.new_order_id();
    let mut parent = Order::new(parent_id.clone(), order_type::UNION, None, now);
    parent.buyer_userid = buyer_userid.to_owned();
    for info in buy_list {
        let sub_id = st.new_order_id();
        let mut sub = Order::new(sub_id.clone(), order_type::NEW, Some(info.corpid.clone()), now);
        sub.count = info.count;
        sub.duration = info.duration;
        sub.price = price(info.count, info.duration);
        sub.parent = Some(parent_id.clone());
        sub.auto_active_status = info.auto_active_status;
        parent.price = parent.price.saturating_add(sub.price);
        parent.sub_orders.push(sub_id.clone());
        st.orders.insert(sub_id, sub);
        if let Ok(corp) = st.corps.get_mut(&info.corpid) {
            corp.auto_active_status = info.auto_active_status;
        }
    }
    st.orders.insert(parent_id.clone(), parent);
    if let Some(job) = st.union_jobs.get_mut(jobid) {
        job.order_id = Some(parent_id);
    }
    Ok(fields(json!({"jobid": jobid})))
}

/// `license/new_order_job_result`.
pub(crate) fn new_order_job_result(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let jobid = f.req_str("jobid")?;
    let job = st.union_jobs.get(jobid).ok_or_else(|| job_not_found(jobid))?;
    let order_id = job
        .order_id
        .as_ref()
        .ok_or_else(|| ApiError::invalid(format!("job {jobid} has not been submitted")))?;
    Ok(fields(
        json!({"status": JOB_DONE, "order_id": order_id, "fail_list": []}),
    ))
}

/// `license/get_union_order`: the parent order and a page of its buy_list.
pub(crate) fn get_union_order(st: &mut LicenseState, f: Fields<'_>, _now: i64) -> ApiResult {
    let order = st.order(f.req_str("order_id")?)?;
    if !order.is_union() {
        return Err(ApiError::invalid(format!(
            "{} is not a multi-corp order; use license/get_order",
            order.id
        )));
    }
    let page = Page::from_request(&f)?;
    let buy_list: Vec<Value> = order
        .sub_orders
        .iter()
        .filter_map(|id| st.orders.get(id))
        .map(|sub| {
            json!({
                "sub_order_id": sub.id,
                "corpid": sub.corpid,
                "account_count": sub.count.to_json(),
                "account_duration": sub.duration.to_json(),
                "auto_active_status": sub.auto_active_status,
            })
        })
        .collect();
    let mut out = Map::new();
    out.insert(
        "order".into(),
        json!({
            "order_id": order.id,
            "order_type": order.order_type,
            "order_status": order.status,
            "price": order.price,
            "create_time": order.create_time,
            "pay_time": order.pay_time,
        }),
    );
    let items = page.apply(&buy_list, &mut out).to_vec();
    out.insert("buy_list".into(), Value::Array(items));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::super::creds;
    use super::super::test_support::{T0, err, ok};
    use super::*;

    #[test]
    fn union_order_flow() {
        let mut st = LicenseState::new(T0);
        let created = ok(
            &mut st,
            "create_new_order_job",
            json!({"buy_list": [
                {"corpid": creds::CUSTOMER_CORPID, "account_count": {"base_count": 2}, "account_duration": {"months": 1}},
                {"corpid": creds::DOWNSTREAM_CORPID, "account_count": {"external_contact_count": 1}, "account_duration": {"months": 2}, "auto_active_status": 0},
                {"corpid": "wwunknown", "account_count": {"base_count": 1}, "account_duration": {"months": 1}},
            ]}),
            T0,
        );
        assert_eq!(created["invalid_list"][0]["corpid"], "wwunknown");
        let jobid = created["jobid"].clone();
        assert_eq!(
            err(&mut st, "new_order_job_result", json!({"jobid": jobid}), T0),
            codes::INVALID_PARAMETER
        );
        ok(
            &mut st,
            "submit_new_order_job",
            json!({"jobid": jobid, "buyer_userid": "b"}),
            T0,
        );
        let result = ok(&mut st, "new_order_job_result", json!({"jobid": jobid}), T0);
        assert_eq!(result["status"], JOB_DONE);
        let order_id = result["order_id"].as_str().unwrap_or_default().to_owned();
        assert_eq!(
            err(&mut st, "get_order", json!({"order_id": order_id}), T0),
            codes::INVALID_PARAMETER
        );
        let union = ok(
            &mut st,
            "get_union_order",
            json!({"order_id": order_id, "limit": 1}),
            T0,
        );
        assert_eq!(union["order"]["order_type"], 8);
        assert_eq!(union["has_more"], 1);
        let sub = union["buy_list"][0]["sub_order_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(st.pay_order(&sub, T0).is_err());
        assert!(st.pay_order(&order_id, T0).is_ok());
        let accounts = ok(&mut st, "list_order_account", json!({"order_id": sub}), T0);
        assert_eq!(accounts["account_list"].as_array().map(Vec::len), Some(2));
        let down = ok(
            &mut st,
            "list_order",
            json!({"corpid": creds::DOWNSTREAM_CORPID}),
            T0,
        );
        assert_eq!(down["order_list"].as_array().map(Vec::len), Some(1));
        let status = ok(
            &mut st,
            "get_auto_active_status",
            json!({"corpid": creds::DOWNSTREAM_CORPID}),
            T0,
        );
        assert_eq!(status["auto_active_status"], 0);
    }
}
