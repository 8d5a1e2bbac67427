//! 应用管理 in the sandbox: `agent/get|set|list`, `menu/create|get|delete`,
//! the workbench (`agent/set_workbench_template`,
//! `agent/get_workbench_template`, `agent/set_workbench_data`,
//! `agent/batch_set_workbench_data`, `agent/get_workbench_data`) and
//! WeCom's IP ranges (`getcallbackip`, `get_api_domain_ip`).
//!
//! # The apps
//! Each corp's apps are created on first use. The corp token of a corp acts
//! as one app ([`token_agent`]): [`creds::CORPID`]'s secret is app
//! **1000002** 「沙箱自建应用」; [`creds::CUSTOMER_CORPID`]'s authorized
//! token is the suite's app **1000100**; [`creds::DOWNSTREAM_CORPID`]'s
//! downstream token is the shared app **1000002**. [`creds::CORPID`] also
//! has app 1000005 (the chain's shared app), which its token may not
//! manage. An app's visible range starts as the corp's root department 1
//! (every member, in 1 or below it); the console can narrow it to named
//! members ([`AgentSandbox::set_visible_users`](console::AgentSandbox::set_visible_users)).
//!
//! # Behaviour
//! * A token manages its own app only: another app of the corp gets 301002,
//!   an agentid the corp does not have 40056, none 41011. `agent/list`
//!   lists the token's app.
//! * `agent/set` answers WeCom's codes (page 90313): a name sent empty or
//!   over 32 characters 45022, a description not 4–120 characters 45004,
//!   a home_url without `http://` / `https://` and a host 40094, a report
//!   flag (`report_location_flag`, `isreportenter`) not 0/1 40059; only
//!   the fields sent change. The trusted domain's ownership check (85005)
//!   is not modelled.
//! * `menu/create` checks the menu like WeCom: 1–3 buttons (40016), 1–5
//!   sub-buttons (40023), known types (40017 / 40024 for sub-buttons),
//!   names at most 16 bytes (40018; sub-buttons 40 bytes, 40025), keys
//!   128 bytes (40019 / 40026), URLs 1024 bytes (40020 / 40027), the
//!   type's own fields present (40058). `menu/get` without a menu: 46003.
//! * Workbench, with WeCom's 940xx codes: the type is `keydata` (≤ 4
//!   items, 94003), `image`, `list` (≤ 3 items, 94006), `webview`, or for
//!   a template `normal`; anything else 94001. A template's object (its
//!   corp-wide default data) is optional; member data
//!   (`set_workbench_data`, `batch_set_workbench_data` for ≤ 1000 members)
//!   needs it (`keydata` 94002, `list` 94005, `webview` 94007; `image`
//!   40058, as 94004 is unconfirmed), a custom template first (94008), the
//!   template's type (40058: WeCom's code unconfirmed), and members that
//!   exist (60111) in the visible range (60011) — a batch is all or
//!   nothing. An admin may turn the custom workbench off in the console
//!   ([`AgentSandbox::set_custom_workbench`](console::AgentSandbox::set_custom_workbench)):
//!   setting anything then answers 94000. `get_workbench_data` answers the
//!   member's data, else the template's default data, else no `data`.
//!   Rate limits (10 a minute per member for `set_workbench_data`) are not
//!   modelled.
//! * `getcallbackip` / `get_api_domain_ip` answer fixed lists.

pub(crate) mod console;
mod menu;
mod model;
mod workbench;

use serde_json::{Value, json};

use super::creds;
use super::directory::Directory;
use super::params::{JsonBody, query_param};
use super::record::RecordedRequest;
use super::reply::{ApiError, ApiResult, Reply, fields};
use super::tokens::{TokenStore, require_any_corp};

pub(crate) use model::AgentState;
use model::App;

/// WeCom: missing agentid (缺少agentid参数).
const MISSING_AGENTID: i64 = 41011;
/// WeCom: invalid agentid (不合法的agentid).
const INVALID_AGENTID: i64 = 40056;
/// WeCom: no privilege to operate on this app (无权限操作指定的应用).
const NO_APP_PRIVILEGE: i64 = 301_002;
/// WeCom: the member is outside the app's visible range (指定的成员/部门/标签参数无权限).
const NO_PRIVILEGE: i64 = 60_011;
/// WeCom: userid not found.
const USER_NOT_FOUND: i64 = 60_111;
/// WeCom: the app has no menu (菜单不存在).
const MENU_NOT_FOUND: i64 = 46_003;
/// WeCom: `agent/set` name empty or over 32 characters (应用name参数长度不符合系统限制).
const NAME_LENGTH: i64 = 45_022;
/// WeCom: `agent/set` description not 4–120 characters (应用description参数长度不符合系统限制).
const DESCRIPTION_LENGTH: i64 = 45_004;
/// WeCom: invalid URL, e.g. no `http://` / `https://` (不合法的URL).
const INVALID_URL: i64 = 40_094;
/// WeCom: a report flag that is not 0 or 1 (不合法的上报地理位置标志位).
const INVALID_REPORT_FLAG: i64 = 40_059;

/// The callback IP ranges the sandbox answers.
pub(crate) const CALLBACK_IPS: &[&str] = &["101.226.103.0/25", "101.226.62.0/26", "140.207.54.0/25"];
/// The API domain's addresses the sandbox answers.
pub(crate) const API_DOMAIN_IPS: &[&str] = &["182.254.11.176", "182.254.78.66", "140.207.189.25"];

/// Every path this module serves, relative to `/cgi-bin/`.
pub(crate) const PATHS: &[&str] = &[
    "agent/get",
    "agent/set",
    "agent/list",
    "menu/create",
    "menu/get",
    "menu/delete",
    "agent/set_workbench_template",
    "agent/get_workbench_template",
    "agent/set_workbench_data",
    "agent/batch_set_workbench_data",
    "agent/get_workbench_data",
    "getcallbackip",
    "get_api_domain_ip",
];

/// Whether `path` is one of this module's.
pub(crate) fn serves(path: &str) -> bool {
    PATHS.contains(&path)
}

/// The app a corp's token acts as (see the module doc).
pub(crate) fn token_agent(corpid: &str) -> Option<i64> {
    match corpid {
        creds::CORPID | creds::DOWNSTREAM_CORPID => Some(1_000_002),
        creds::CUSTOMER_CORPID => Some(1_000_100),
        _ => None,
    }
}

/// Answers one of [`PATHS`].
pub(crate) fn handle(
    state: &mut AgentState,
    tokens: &TokenStore,
    directory: &mut Directory,
    req: &RecordedRequest,
    now: i64,
) -> Reply {
    let result = (|| {
        let corpid = require_any_corp(tokens, &req.query, now)?;
        match req.path.as_str() {
            "getcallbackip" => Ok(fields(json!({"ip_list": CALLBACK_IPS}))),
            "get_api_domain_ip" => Ok(fields(json!({"ip_list": API_DOMAIN_IPS}))),
            "agent/list" => list(state, directory, &corpid),
            path => {
                let body = if req.method == "POST" {
                    JsonBody::parse(&req.body)?
                } else {
                    JsonBody::default()
                };
                let agentid = match path {
                    "agent/set"
                    | "agent/set_workbench_template"
                    | "agent/get_workbench_template"
                    | "agent/set_workbench_data"
                    | "agent/batch_set_workbench_data"
                    | "agent/get_workbench_data" => body.fields().opt_int("agentid")?,
                    _ => query_agentid(req)?,
                };
                let app = own_app(state, directory, &corpid, agentid)?;
                match path {
                    "agent/get" => Ok(app.detail()),
                    "agent/set" => app.set(body.fields()).map(|()| Default::default()),
                    "menu/create" => menu::create(app, &body),
                    "menu/get" => app
                        .menu
                        .clone()
                        .map(|button| fields(json!({"button": button})))
                        .ok_or_else(|| ApiError::new(MENU_NOT_FOUND, "menu no exist")),
                    "menu/delete" => {
                        app.menu = None;
                        Ok(Default::default())
                    }
                    "agent/set_workbench_template" => workbench::set_template(app, body.fields()),
                    "agent/get_workbench_template" => Ok(workbench::get_template(app)),
                    "agent/set_workbench_data" => workbench::set_data(app, directory, &corpid, body.fields()),
                    "agent/batch_set_workbench_data" => {
                        workbench::batch_set_data(app, directory, &corpid, body.fields())
                    }
                    "agent/get_workbench_data" => workbench::get_data(app, directory, &corpid, body.fields()),
                    other => Err(ApiError::new(404, format!("sandbox: no such API: {other}"))),
                }
            }
        }
    })();
    Reply::from_result(result)
}

/// `agentid` from the query string (41011 when absent, 40056 when not a number).
fn query_agentid(req: &RecordedRequest) -> Result<Option<i64>, ApiError> {
    match query_param(&req.query, "agentid").filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(raw) => raw
            .parse()
            .map(Some)
            .map_err(|_| ApiError::new(INVALID_AGENTID, format!("invalid agentid {raw}"))),
    }
}

/// The app `agentid` of `corpid`, which the caller's token must be.
fn own_app<'s>(
    state: &'s mut AgentState,
    directory: &mut Directory,
    corpid: &str,
    agentid: Option<i64>,
) -> Result<&'s mut App, ApiError> {
    let agentid = agentid.ok_or_else(|| ApiError::new(MISSING_AGENTID, "missing agentid"))?;
    let apps = state.corp(corpid, directory);
    if !apps.contains_key(&agentid) {
        return Err(ApiError::new(
            INVALID_AGENTID,
            format!("invalid agentid {agentid}"),
        ));
    }
    if token_agent(corpid) != Some(agentid) {
        return Err(ApiError::new(
            NO_APP_PRIVILEGE,
            format!("no privilege to access app {agentid} with this access_token"),
        ));
    }
    apps.get_mut(&agentid)
        .ok_or_else(|| ApiError::new(INVALID_AGENTID, format!("invalid agentid {agentid}")))
}

/// `GET agent/list`: the token's app.
fn list(state: &mut AgentState, directory: &mut Directory, corpid: &str) -> ApiResult {
    let own = token_agent(corpid);
    let apps = state.corp(corpid, directory);
    let list: Vec<Value> = apps
        .values()
        .filter(|app| Some(app.agentid) == own)
        .map(|app| json!({"agentid": app.agentid, "name": app.name, "square_logo_url": app.square_logo_url}))
        .collect();
    Ok(fields(json!({"agentlist": list})))
}
