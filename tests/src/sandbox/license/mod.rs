//! The interface-licence (接口调用许可, `license/*`) APIs and their state.
//!
//! Every path is `POST` with a JSON body and needs a valid
//! `provider_access_token`. Jobs (renewal, multi-corp purchase, balance payment)
//! complete immediately.

mod activation;
pub(crate) mod console;
mod directory;
mod model;
mod orders;
mod paging;
mod pay;
mod query;
mod renew;
mod settings;
mod transfer;
mod union;

use std::collections::{BTreeMap, HashMap};

use super::codes;
use super::ids::IdGen;
use super::params::{Fields, JsonBody};
use super::record::RecordedRequest;
use super::reply::{ApiError, ApiResult, Reply};
use super::tokens::{TokenStore, require_provider};

use directory::Directory;
use model::{AccountType, ActiveCode, Order};

/// Everything the licence APIs remember.
#[derive(Debug)]
pub(crate) struct LicenseState {
    corps: Directory,
    orders: BTreeMap<String, Order>,
    codes: BTreeMap<String, ActiveCode>,
    renew_jobs: HashMap<String, renew::RenewJob>,
    union_jobs: HashMap<String, union::UnionJob>,
    pay_jobs: HashMap<String, pay::PayJob>,
    ids: IdGen,
}

impl LicenseState {
    /// The initial state: the default customer corps, no orders.
    pub(crate) fn new(now: i64) -> Self {
        LicenseState {
            corps: Directory::with_defaults(now),
            orders: BTreeMap::new(),
            codes: BTreeMap::new(),
            renew_jobs: HashMap::new(),
            union_jobs: HashMap::new(),
            pay_jobs: HashMap::new(),
            ids: IdGen::new(),
        }
    }

    /// Adds a customer corp (or members to a known one).
    pub(crate) fn add_customer_corp(&mut self, corpid: &str, userids: &[&str], now: i64) {
        self.corps.add(corpid, userids, now);
    }

    /// What the payment page does: pays an unpaid order.
    pub(crate) fn pay_order(&mut self, order_id: &str, now: i64) -> Result<(), String> {
        pay::pay(self, order_id, now).map_err(|e| format!("{} {}", e.code, e.msg))
    }

    /// `(corpid, buyer_userid)` of each corp an order pays for (every sub-order
    /// of a multi-corp order), for the payment callback.
    pub(crate) fn paid_corps(&self, order_id: &str) -> Vec<(String, String)> {
        let Some(order) = self.orders.get(order_id) else {
            return Vec::new();
        };
        match &order.corpid {
            Some(corpid) => vec![(corpid.clone(), order.buyer_userid.clone())],
            None => order
                .sub_orders
                .iter()
                .filter_map(|id| self.orders.get(id))
                .filter_map(|sub| sub.corpid.clone().map(|c| (c, order.buyer_userid.clone())))
                .collect(),
        }
    }

    fn order(&self, order_id: &str) -> Result<&Order, ApiError> {
        self.orders.get(order_id).ok_or_else(|| order_not_found(order_id))
    }

    fn new_order_id(&mut self) -> String {
        self.ids.tagged("OI")
    }

    /// The code currently bound to `userid` for `kind` in `corpid` (not merged;
    /// the latest-expiring one if several exist), valid or expired.
    fn current_code(&self, corpid: &str, userid: &str, kind: AccountType) -> Option<&ActiveCode> {
        self.codes
            .values()
            .filter(|c| {
                c.corpid == corpid
                    && c.kind == kind
                    && c.merged_to.is_none()
                    && c.userid.as_deref() == Some(userid)
            })
            .max_by_key(|c| c.expire_time)
    }

    /// The user's valid (bound, unexpired) code of `kind`.
    fn valid_code(&self, corpid: &str, userid: &str, kind: AccountType, now: i64) -> Option<&ActiveCode> {
        self.current_code(corpid, userid, kind)
            .filter(|c| c.is_valid(now))
    }
}

fn order_not_found(order_id: &str) -> ApiError {
    ApiError::new(codes::ORDER_NOT_FOUND, format!("order not found: {order_id}"))
}

fn job_not_found(jobid: &str) -> ApiError {
    ApiError::new(codes::JOB_NOT_FOUND, format!("job not found: {jobid}"))
}

type Handler = fn(&mut LicenseState, Fields<'_>, i64) -> ApiResult;

/// Every `license/*` path the sandbox models, with its handler.
const ROUTES: &[(&str, Handler)] = &[
    ("create_new_order", orders::create_new_order),
    ("list_order", orders::list_order),
    ("get_order", orders::get_order),
    ("list_order_account", orders::list_order_account),
    ("cancel_order", orders::cancel_order),
    ("create_renew_order_job", renew::create_renew_order_job),
    ("submit_order_job", renew::submit_order_job),
    ("create_new_order_job", union::create_new_order_job),
    ("submit_new_order_job", union::submit_new_order_job),
    ("new_order_job_result", union::new_order_job_result),
    ("get_union_order", union::get_union_order),
    ("submit_pay_job", pay::submit_pay_job),
    ("pay_job_result", pay::pay_job_result),
    ("active_account", activation::active_account),
    ("batch_active_account", activation::batch_active_account),
    ("get_active_info_by_code", query::get_active_info_by_code),
    (
        "batch_get_active_info_by_code",
        query::batch_get_active_info_by_code,
    ),
    ("list_actived_account", query::list_actived_account),
    ("get_active_info_by_user", query::get_active_info_by_user),
    ("batch_transfer_license", transfer::batch_transfer_license),
    ("batch_share_active_code", transfer::batch_share_active_code),
    ("get_app_license_info", settings::get_app_license_info),
    ("set_auto_active_status", settings::set_auto_active_status),
    ("get_auto_active_status", settings::get_auto_active_status),
    ("support_policy_query", settings::support_policy_query),
];

fn route(name: &str) -> Option<Handler> {
    ROUTES.iter().find(|(n, _)| *n == name).map(|(_, h)| *h)
}

/// The paths this module serves, relative to `/cgi-bin/`.
pub(crate) fn served_paths() -> impl Iterator<Item = String> {
    ROUTES.iter().map(|(name, _)| format!("license/{name}"))
}

/// Handles one `license/*` request.
pub(crate) fn handle(
    state: &mut LicenseState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> Reply {
    let Some(handler) = req.path.strip_prefix("license/").and_then(route) else {
        return Reply::not_found(&req.path);
    };
    if let Err(err) = require_provider(tokens, &req.query, now) {
        return Reply::error(&err);
    }
    let body = match JsonBody::parse(&req.body) {
        Ok(body) => body,
        Err(err) => return Reply::error(&err),
    };
    Reply::from_result(handler(state, body.fields(), now))
}

#[cfg(test)]
mod test_support;
