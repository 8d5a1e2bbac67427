//! The apps of each corp and what the API changes on them.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::super::creds;
use super::super::directory::Directory;
use super::super::params::Fields;
use super::super::reply::{ApiError, fields};
use super::{DESCRIPTION_LENGTH, INVALID_REPORT_FLAG, INVALID_URL, NAME_LENGTH};

/// Every corp's apps, created on first use.
#[derive(Debug, Default)]
pub(crate) struct AgentState {
    corps: BTreeMap<String, BTreeMap<i64, App>>,
}

/// One app (应用).
#[derive(Debug, Clone)]
pub(crate) struct App {
    pub(crate) agentid: i64,
    pub(crate) name: String,
    pub(crate) square_logo_url: String,
    pub(crate) description: String,
    /// Members of the visible range, by userid.
    pub(crate) allow_users: Vec<String>,
    /// Departments of the visible range.
    pub(crate) allow_parties: Vec<u32>,
    pub(crate) close: bool,
    pub(crate) redirect_domain: String,
    pub(crate) report_location_flag: bool,
    pub(crate) isreportenter: bool,
    pub(crate) home_url: String,
    /// The `button` array of the menu, as created.
    pub(crate) menu: Option<Value>,
    /// The workbench template: `type`, its content and `replace_user_data`.
    pub(crate) template: Option<Map<String, Value>>,
    /// Member data of the workbench by userid: `type` and its content.
    pub(crate) user_data: BTreeMap<String, Map<String, Value>>,
    /// Whether an admin enabled the custom workbench (自定义工作台模式) in
    /// the console; on for every seeded app.
    pub(crate) custom_workbench: bool,
}

impl AgentState {
    /// The apps of `corpid` (seeded on first use; none for an unknown corp).
    pub(crate) fn corp(&mut self, corpid: &str, directory: &mut Directory) -> &mut BTreeMap<i64, App> {
        if !self.corps.contains_key(corpid) {
            let apps = seed(corpid, directory);
            self.corps.insert(corpid.to_owned(), apps);
        }
        self.corps.entry(corpid.to_owned()).or_default()
    }

    /// App `agentid` of `corpid`, if it exists.
    pub(crate) fn app(&mut self, corpid: &str, agentid: i64, directory: &mut Directory) -> Option<&mut App> {
        self.corp(corpid, directory).get_mut(&agentid)
    }
}

/// The apps a corp starts with.
fn seed(corpid: &str, directory: &mut Directory) -> BTreeMap<i64, App> {
    let Some(dir) = directory.corp(corpid) else {
        return BTreeMap::new();
    };
    if dir.users.is_empty() {
        return BTreeMap::new();
    }
    let app = |agentid: i64, name: &str, description: &str| App {
        agentid,
        name: name.to_owned(),
        square_logo_url: format!("https://wework.qpic.cn/sandbox/{corpid}/{agentid}/0"),
        description: description.to_owned(),
        allow_users: Vec::new(),
        allow_parties: vec![1],
        close: false,
        redirect_domain: "app.example.com".to_owned(),
        report_location_flag: false,
        isreportenter: false,
        home_url: "https://app.example.com/".to_owned(),
        menu: None,
        template: None,
        user_data: BTreeMap::new(),
        custom_workbench: true,
    };
    let mut apps = BTreeMap::new();
    match corpid {
        creds::CORPID => {
            apps.insert(1_000_002, app(1_000_002, "沙箱自建应用", "沙箱企业的自建应用"));
            apps.insert(
                1_000_005,
                app(1_000_005, "沙箱上下游应用", "共享给下游企业的应用"),
            );
        }
        creds::CUSTOMER_CORPID => {
            apps.insert(1_000_100, app(1_000_100, "沙箱第三方应用", "服务商的第三方应用"));
        }
        creds::DOWNSTREAM_CORPID => {
            apps.insert(1_000_002, app(1_000_002, "沙箱上下游应用", "上游企业共享的应用"));
        }
        _ => {}
    }
    apps
}

impl App {
    /// The `agent/get` reply.
    pub(crate) fn detail(&self) -> Map<String, Value> {
        let users: Vec<Value> = self.allow_users.iter().map(|u| json!({"userid": u})).collect();
        fields(json!({
            "agentid": self.agentid,
            "name": self.name,
            "square_logo_url": self.square_logo_url,
            "description": self.description,
            "allow_userinfos": {"user": users},
            "allow_partys": {"partyid": self.allow_parties},
            "allow_tags": {"tagid": []},
            "close": i32::from(self.close),
            "redirect_domain": self.redirect_domain,
            "report_location_flag": i32::from(self.report_location_flag),
            "isreportenter": i32::from(self.isreportenter),
            "home_url": self.home_url,
        }))
    }

    /// Whether member `userid` of `corpid` is in the visible range: named,
    /// or in a department of the range or below one.
    pub(crate) fn sees(&self, directory: &mut Directory, corpid: &str, userid: &str) -> bool {
        if self.allow_users.iter().any(|u| u == userid) {
            return true;
        }
        let Some(dir) = directory.corp(corpid) else {
            return false;
        };
        let Some(member) = dir.users.get(userid) else {
            return false;
        };
        member.department.iter().any(|&start| {
            // Walk up to the root (bounded, in case of a cycle).
            let mut id = start;
            for _ in 0..=dir.departments.len() {
                if self.allow_parties.contains(&id) {
                    return true;
                }
                match dir.departments.get(&id) {
                    Some(d) if d.parentid != 0 && d.parentid != id => id = d.parentid,
                    _ => return false,
                }
            }
            false
        })
    }

    /// `agent/set`: checks every field first (with WeCom's codes), then
    /// changes those sent.
    pub(crate) fn set(&mut self, f: Fields<'_>) -> Result<(), ApiError> {
        let name = raw_str(f, "name")?;
        if let Some(name) = name
            && !(1..=32).contains(&name.chars().count())
        {
            return Err(ApiError::new(
                NAME_LENGTH,
                "invalid name size: the name must be 1 to 32 characters",
            ));
        }
        let description = raw_str(f, "description")?;
        if let Some(d) = description
            && !(4..=120).contains(&d.chars().count())
        {
            return Err(ApiError::new(
                DESCRIPTION_LENGTH,
                "invalid description size: 4 to 120 characters",
            ));
        }
        let home_url = raw_str(f, "home_url")?;
        if let Some(url) = home_url
            && !is_http_url(url)
        {
            return Err(ApiError::new(
                INVALID_URL,
                format!("invalid url `{url}`: it must start with http:// or https://"),
            ));
        }
        let flag = |key: &str| -> Result<Option<bool>, ApiError> {
            match f.get(key) {
                None => Ok(None),
                Some(v) => match v.as_i64() {
                    Some(0) => Ok(Some(false)),
                    Some(1) => Ok(Some(true)),
                    _ => Err(ApiError::new(
                        INVALID_REPORT_FLAG,
                        format!("invalid {key}: {v} (0 or 1)"),
                    )),
                },
            }
        };
        let report_location = flag("report_location_flag")?;
        let report_enter = flag("isreportenter")?;
        let logo = f.opt_str("logo_mediaid")?;
        let domain = f.opt_str("redirect_domain")?;
        if let Some(name) = name {
            self.name = name.to_owned();
        }
        if let Some(d) = description {
            self.description = d.to_owned();
        }
        if let Some(url) = home_url {
            self.home_url = url.to_owned();
        }
        if let Some(domain) = domain {
            self.redirect_domain = domain.to_owned();
        }
        if let Some(media_id) = logo {
            self.square_logo_url = format!("https://wework.qpic.cn/sandbox/logo/{media_id}/0");
        }
        if let Some(on) = report_location {
            self.report_location_flag = on;
        }
        if let Some(on) = report_enter {
            self.isreportenter = on;
        }
        Ok(())
    }
}

/// A string field as sent: unlike [`Fields::opt_str`], an empty string is
/// kept (WeCom checks its length too).
fn raw_str<'a>(f: Fields<'a>, key: &str) -> Result<Option<&'a str>, ApiError> {
    match f.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(ApiError::invalid(format!("{key} must be a string"))),
    }
}

/// `http://` or `https://` (any case), a host, and no white space.
fn is_http_url(url: &str) -> bool {
    let rest = ["http://", "https://"].iter().find_map(|scheme| {
        url.get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .and_then(|_| url.get(scheme.len()..))
    });
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !url.chars().any(char::is_whitespace)
}
