//! 应用管理 — 获取应用 / 设置应用 / 获取应用列表: an app's settings and
//! visible range.

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::serde_util::int_enum;

/// Reading and changing apps (corp `access_token` of the app).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90226>
#[crate::api]
pub trait AgentApi {
    /// 获取指定的应用详情: an app's name, logo, description, visible range
    /// (members, departments, tags), trusted domain and home page. A token
    /// may read its own app only (301002 otherwise).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90227>
    #[get("agent/get", token = corp)]
    async fn get_agent(&self, agentid: i64) -> Result<AgentDetail>;

    /// 设置应用: change an app's name, description, logo (a media_id),
    /// trusted domain, home page and whether it reports locations and
    /// entries. Only the fields set are changed. A token may change its
    /// own app only (301002 otherwise). WeCom's codes for the fields: name
    /// empty or over 32 characters 45022, description not 4–120 characters
    /// 45004, home_url without `http://` / `https://` 40094, a report flag
    /// not 0/1 40059; a trusted domain that fails the ownership check
    /// 85005 (JS-SDK then limited).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90228>
    #[post("agent/set", token = corp)]
    async fn set_agent(&self, #[body] settings: &AgentSettings) -> Result<()>;

    /// 获取access_token对应的应用列表: the apps the token may see (its own
    /// app for a self-built app's token).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90227>
    #[get("agent/list", token = corp)]
    async fn list_agent(&self) -> Result<AgentList>;
}

int_enum! {
    /// `customized_publish_status` of a 代开发 app (代开发发布状态).
    pub enum CustomizedPublishStatus {
        /// 0: awaiting development (待开发: authorized, app not created yet).
        Pending = 0,
        /// 1: in development (开发中: created, not online yet).
        Developing = 1,
        /// 2: online, no unpublished version (已上线).
        Online = 2,
        /// 3: online, with an unpublished version (存在未上线版本).
        OnlineWithDraft = 3,
    }
}

/// Reply of `agent/get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentDetail {
    /// The app (企业应用id).
    pub agentid: i64,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its square logo.
    #[serde(default)]
    pub square_logo_url: String,
    /// Its description.
    #[serde(default)]
    pub description: String,
    /// Members in the visible range (企业应用可见范围（人员）).
    #[serde(default)]
    pub allow_userinfos: AllowUsers,
    /// Departments in the visible range.
    #[serde(default)]
    pub allow_partys: AllowParties,
    /// Tags in the visible range.
    #[serde(default)]
    pub allow_tags: AllowTags,
    /// Whether the app is disabled (`close`: 0/1).
    #[serde(default, with = "crate::serde_util::flag")]
    pub close: bool,
    /// The trusted domain (可信域名).
    #[serde(default)]
    pub redirect_domain: String,
    /// Whether the app reports members' locations (0/1).
    #[serde(default, with = "crate::serde_util::flag")]
    pub report_location_flag: bool,
    /// Whether entering the app is reported as an event (0/1).
    #[serde(default, with = "crate::serde_util::flag")]
    pub isreportenter: bool,
    /// The home page URL.
    #[serde(default)]
    pub home_url: String,
    /// 代开发 apps only: their publication state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customized_publish_status: Option<CustomizedPublishStatus>,
}

/// `allow_userinfos` of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowUsers {
    /// The members.
    #[serde(default)]
    pub user: Vec<AllowUser>,
}

/// One member of an app's visible range.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowUser {
    /// The member's userid.
    pub userid: String,
}

/// `allow_partys` of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowParties {
    /// The department ids.
    #[serde(default)]
    pub partyid: Vec<u32>,
}

/// `allow_tags` of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowTags {
    /// The tag ids.
    #[serde(default)]
    pub tagid: Vec<u32>,
}

/// Request of `agent/set`: the fields to change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentSettings {
    /// The app.
    pub agentid: i64,
    /// Report members' locations (0 no, 1 when entering a session; 40059
    /// for anything else).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::serde_util::opt_flag"
    )]
    pub report_location_flag: Option<bool>,
    /// The new logo: a media_id from `media/upload` (square image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_mediaid: Option<String>,
    /// The new name: 1–32 characters (45022 otherwise, an empty one too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new description: 4–120 characters (45004 otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The trusted domain; it must pass WeCom's ownership check (85005).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_domain: Option<String>,
    /// Report entering the app as an event (0/1; 40059 for anything else).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::serde_util::opt_flag"
    )]
    pub isreportenter: Option<bool>,
    /// The home page, with its `http://` or `https://` (40094 otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_url: Option<String>,
}

impl AgentSettings {
    /// Changes nothing yet of app `agentid`.
    pub fn new(agentid: i64) -> Self {
        AgentSettings {
            agentid,
            ..AgentSettings::default()
        }
    }

    /// Sets the name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the logo (a media_id).
    pub fn with_logo_mediaid(mut self, media_id: impl Into<String>) -> Self {
        self.logo_mediaid = Some(media_id.into());
        self
    }

    /// Sets the trusted domain.
    pub fn with_redirect_domain(mut self, domain: impl Into<String>) -> Self {
        self.redirect_domain = Some(domain.into());
        self
    }

    /// Sets the home page.
    pub fn with_home_url(mut self, url: impl Into<String>) -> Self {
        self.home_url = Some(url.into());
        self
    }

    /// Sets whether locations are reported.
    pub fn with_report_location(mut self, on: bool) -> Self {
        self.report_location_flag = Some(on);
        self
    }

    /// Sets whether entering the app is reported.
    pub fn with_report_enter(mut self, on: bool) -> Self {
        self.isreportenter = Some(on);
        self
    }
}

/// Reply of `agent/list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentList {
    /// The apps.
    #[serde(default)]
    pub agentlist: Vec<AgentSummary>,
}

/// One app of `agent/list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentSummary {
    /// The app.
    pub agentid: i64,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its square logo.
    #[serde(default)]
    pub square_logo_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// <https://developer.work.weixin.qq.com/document/path/90227>
    #[test]
    fn decodes_the_agent_get_sample() {
        let a: AgentDetail = serde_json::from_value(json!({
           "errcode": 0,
           "errmsg": "ok",
           "agentid": 1000005,
           "name": "HR助手",
           "square_logo_url": "https://p.qlogo.cn/bizmail/FicwmI50icF8GH9ib7rUAYR5kicLTgP265naVFQKnleqSlRhiaBx7QA9u7Q/0",
           "description": "HR服务与员工自助平台",
           "allow_userinfos": {"user": [{"userid": "zhangshan"}, {"userid": "lisi"}]},
           "allow_partys": {"partyid": [1]},
           "allow_tags": {"tagid": [1, 2, 3]},
           "close": 0,
           "redirect_domain": "open.work.weixin.qq.com",
           "report_location_flag": 0,
           "isreportenter": 0,
           "home_url": "https://open.work.weixin.qq.com",
           "customized_publish_status": 1
        }))
        .unwrap();
        assert_eq!(a.agentid, 1000005);
        assert_eq!(a.name, "HR助手");
        assert!(a.square_logo_url.starts_with("https://p.qlogo.cn/bizmail/"));
        assert_eq!(a.description, "HR服务与员工自助平台");
        let users: Vec<&str> = a.allow_userinfos.user.iter().map(|u| u.userid.as_str()).collect();
        assert_eq!(users, ["zhangshan", "lisi"]);
        assert_eq!(a.allow_partys.partyid, [1]);
        assert_eq!(a.allow_tags.tagid, [1, 2, 3]);
        assert!(!a.close && !a.report_location_flag && !a.isreportenter);
        assert_eq!(a.redirect_domain, "open.work.weixin.qq.com");
        assert_eq!(a.home_url, "https://open.work.weixin.qq.com");
        assert_eq!(
            a.customized_publish_status,
            Some(CustomizedPublishStatus::Developing)
        );
    }

    /// The request sample of <https://developer.work.weixin.qq.com/document/path/90228>.
    #[test]
    fn encodes_the_agent_set_sample() {
        let s = AgentSettings::new(1000005)
            .with_report_location(false)
            .with_logo_mediaid("xxxxx")
            .with_name("NAME")
            .with_description("DESC")
            .with_redirect_domain("xxxxxx")
            .with_report_enter(false)
            .with_home_url("http://www.qq.com");
        assert_eq!(
            serde_json::to_value(&s).unwrap(),
            json!({
                "agentid": 1000005,
                "report_location_flag": 0,
                "logo_mediaid": "xxxxx",
                "name": "NAME",
                "description": "DESC",
                "redirect_domain": "xxxxxx",
                "isreportenter": 0,
                "home_url": "http://www.qq.com"
            })
        );
        assert_eq!(
            serde_json::to_value(AgentSettings::new(7).with_name("n")).unwrap(),
            json!({"agentid": 7, "name": "n"})
        );
    }

    /// The `agent/list` sample.
    #[test]
    fn decodes_the_agent_list_sample() {
        let l: AgentList = serde_json::from_value(json!({
            "errcode": 0,
            "errmsg": "ok",
            "agentlist": [
                {"agentid": 1000005, "name": "HR助手", "square_logo_url": "https://p.qlogo.cn/bizmail/FicwmI50icF8GH9ib7rUAYR5kicLTgP265naVFQKnleqSlRhiaBx7QA9u7Q/0"}
            ]
        }))
        .unwrap();
        assert_eq!(l.agentlist.len(), 1);
        assert_eq!(
            (l.agentlist[0].agentid, l.agentlist[0].name.as_str()),
            (1000005, "HR助手")
        );
    }
}
