//! The apps of each corp and what the API changes on them.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::super::creds;
use super::super::directory::Directory;
use super::super::params::Fields;
use super::super::reply::{ApiError, fields};

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

    /// `agent/set`: checks every field first, then changes those sent.
    pub(crate) fn set(&mut self, f: Fields<'_>) -> Result<(), ApiError> {
        let name = f.opt_str("name")?;
        if let Some(name) = name
            && name.chars().count() > 32
        {
            return Err(ApiError::invalid("name is longer than 32 characters"));
        }
        let description = f.opt_str("description")?;
        if let Some(d) = description
            && !(4..=120).contains(&d.chars().count())
        {
            return Err(ApiError::invalid("description must be 4 to 120 characters"));
        }
        let home_url = f.opt_str("home_url")?;
        if let Some(url) = home_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(ApiError::invalid("home_url must be an http(s) URL"));
        }
        let flag = |key: &str| -> Result<Option<bool>, ApiError> {
            match f.opt_int(key)? {
                None => Ok(None),
                Some(0) => Ok(Some(false)),
                Some(1) => Ok(Some(true)),
                Some(_) => Err(ApiError::invalid(format!("{key} must be 0 or 1"))),
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
