//! Renewal orders: create_renew_order_job (collect accounts) and
//! submit_order_job (turn the job into an order of type 2).

use serde_json::{Map, Value, json};

use super::super::codes;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::model::{AccountCount, AccountDuration, AccountType, Order, order_type};
use super::{LicenseState, job_not_found};

/// Most accounts per create_renew_order_job call.
const MAX_ACCOUNTS_PER_CALL: usize = 1000;

/// A renewal job: the accounts collected so far.
#[derive(Clone, Debug)]
pub(crate) struct RenewJob {
    corpid: String,
    accounts: Vec<(String, AccountType)>,
    order_id: Option<String>,
}

/// Why one account cannot be renewed, if it cannot.
fn check_account(
    st: &LicenseState,
    corpid: &str,
    item: &Value,
    now: i64,
) -> Result<(String, AccountType), (String, i64, ApiError)> {
    let userid = item
        .get("userid")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let raw_type = item.get("type").and_then(Value::as_i64).unwrap_or(0);
    let fail = |err: ApiError| (userid.clone(), raw_type, err);
    if userid.is_empty() {
        return Err(fail(ApiError::missing("userid")));
    }
    let kind = AccountType::from_wire(raw_type)
        .ok_or_else(|| fail(ApiError::invalid("type must be 1 (base) or 2 (external contact)")))?;
    st.corps.require_user(corpid, &userid).map_err(&fail)?;
    if st.valid_code(corpid, &userid, kind, now).is_none() {
        return Err(fail(ApiError::new(
            codes::NO_ACTIVE_ACCOUNT,
            format!("{userid} holds no active account of type {raw_type}"),
        )));
    }
    Ok((userid, kind))
}

/// `license/create_renew_order_job`.
pub(crate) fn create_renew_order_job(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let corpid = f.req_str("corpid")?.to_owned();
    st.corps.get(&corpid)?;
    let list = f.req_list("account_list", MAX_ACCOUNTS_PER_CALL)?;
    let jobid = match f.opt_str("jobid")? {
        Some(jobid) => {
            let job = st.renew_jobs.get(jobid).ok_or_else(|| job_not_found(jobid))?;
            if job.corpid != corpid {
                return Err(ApiError::invalid(format!("job {jobid} belongs to another corp")));
            }
            if job.order_id.is_some() {
                return Err(ApiError::new(
                    codes::JOB_ALREADY_SUBMITTED,
                    format!("job {jobid} was already submitted"),
                ));
            }
            jobid.to_owned()
        }
        None => st.ids.tagged("RJ"),
    };
    let mut valid = Vec::new();
    let mut invalid = Vec::new();
    for item in list {
        match check_account(st, &corpid, item, now) {
            Ok(account) => valid.push(account),
            Err((userid, raw_type, err)) => invalid.push(json!({
                "errcode": err.code, "errmsg": err.msg, "userid": userid, "type": raw_type,
            })),
        }
    }
    let job = st.renew_jobs.entry(jobid.clone()).or_insert_with(|| RenewJob {
        corpid,
        accounts: Vec::new(),
        order_id: None,
    });
    for account in valid {
        if !job.accounts.contains(&account) {
            job.accounts.push(account);
        }
    }
    let mut out = Map::new();
    out.insert("jobid".into(), jobid.into());
    out.insert("invalid_account_list".into(), Value::Array(invalid));
    Ok(out)
}

/// `license/submit_order_job`.
pub(crate) fn submit_order_job(st: &mut LicenseState, f: Fields<'_>, now: i64) -> ApiResult {
    let jobid = f.req_str("jobid")?;
    let buyer_userid = f.req_str("buyer_userid")?;
    let duration = AccountDuration::parse_renewal(f.req_obj("account_duration")?, now)?;
    let job = st.renew_jobs.get(jobid).ok_or_else(|| job_not_found(jobid))?;
    if job.order_id.is_some() {
        return Err(ApiError::new(
            codes::JOB_ALREADY_SUBMITTED,
            format!("job {jobid} was already submitted"),
        ));
    }
    if job.accounts.is_empty() {
        return Err(ApiError::invalid(format!("job {jobid} has no valid accounts")));
    }
    let (corpid, accounts) = (job.corpid.clone(), job.accounts.clone());
    let count = AccountCount {
        base: count_of(&accounts, AccountType::Base),
        external: count_of(&accounts, AccountType::External),
    };
    let order_id = st.new_order_id();
    let mut order = Order::new(order_id.clone(), order_type::RENEW, Some(corpid), now);
    order.count = count;
    order.duration = duration;
    order.price = super::model::price(count, duration);
    order.renew_accounts = accounts;
    order.buyer_userid = buyer_userid.to_owned();
    st.orders.insert(order_id.clone(), order);
    if let Some(job) = st.renew_jobs.get_mut(jobid) {
        job.order_id = Some(order_id.clone());
    }
    Ok(fields(json!({"order_id": order_id})))
}

fn count_of(accounts: &[(String, AccountType)], kind: AccountType) -> i64 {
    i64::try_from(accounts.iter().filter(|(_, k)| *k == kind).count()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::super::clock::DAY;
    use super::super::super::creds;
    use super::super::test_support::{T0, bought_codes, err, ok};
    use super::*;

    #[test]
    fn renewal_extends_active_accounts() {
        let mut st = LicenseState::new(T0);
        let (_, codes_) = bought_codes(&mut st, 1, 0, 1, T0);
        let activate =
            json!({"corpid": creds::CUSTOMER_CORPID, "active_code": codes_[0], "userid": "zhangsan"});
        ok(&mut st, "active_account", activate, T0);
        let job = ok(
            &mut st,
            "create_renew_order_job",
            json!({"corpid": creds::CUSTOMER_CORPID, "account_list": [
                {"userid": "zhangsan", "type": 1},
                {"userid": "lisi", "type": 1},
                {"userid": "nobody", "type": 1},
            ]}),
            T0,
        );
        let invalid: Vec<(String, i64)> = job["invalid_account_list"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                (
                    e["userid"].as_str().unwrap_or_default().to_owned(),
                    e["errcode"].as_i64().unwrap_or(0),
                )
            })
            .collect();
        assert_eq!(
            invalid,
            [
                ("lisi".to_owned(), codes::NO_ACTIVE_ACCOUNT),
                ("nobody".to_owned(), codes::INVALID_USERID)
            ]
        );
        let submit = json!({"jobid": job["jobid"], "buyer_userid": "b", "account_duration": {"months": 2}});
        let order = ok(&mut st, "submit_order_job", submit.clone(), T0);
        assert_eq!(
            err(&mut st, "submit_order_job", submit, T0),
            codes::JOB_ALREADY_SUBMITTED
        );
        let order_id = order["order_id"].as_str().unwrap_or_default().to_owned();
        let detail = ok(&mut st, "get_order", json!({"order_id": order_id}), T0);
        assert_eq!(detail["order"]["order_type"], 2);
        assert_eq!(detail["order"]["account_count"]["base_count"], 1);
        assert!(st.pay_order(&order_id, T0).is_ok());
        let info = ok(
            &mut st,
            "get_active_info_by_code",
            json!({"corpid": creds::CUSTOMER_CORPID, "active_code": codes_[0]}),
            T0,
        );
        assert_eq!(info["active_info"]["expire_time"], T0 + 31 * DAY + 62 * DAY);
        let accounts = ok(&mut st, "list_order_account", json!({"order_id": order_id}), T0);
        assert_eq!(
            accounts["account_list"],
            json!([{"active_code": codes_[0], "userid": "zhangsan", "type": 1}])
        );
    }
}
