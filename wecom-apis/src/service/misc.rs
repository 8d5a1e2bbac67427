//! ID conversion, contact search, mini-program sessions and app permissions.

use serde::{Deserialize, Serialize};
use wecom_core::{CursorPage, Page};

use crate::Result;
use crate::serde_util::int_enum;

/// The remaining provider / suite endpoints: corp-id conversion, searching
/// an authorized corp's directory, mini-program login, unionid conversion
/// and the app's granted permissions.
#[crate::api]
pub trait ServiceMiscApi {
    /// 明文corpid转换为加密corpid: convert a plain corp id into this
    /// provider's encrypted (open) corp id.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95604>
    #[post("service/corpid_to_opencorpid", token = provider)]
    async fn corpid_to_opencorpid(&self, corpid: &str) -> Result<OpenCorpid>;

    /// 通讯录单个搜索: search an authorized corp's members and/or
    /// departments by name (fuzzy, or exact with `full_match_field`).
    /// `limit` defaults to 50, at most 200; a page may hold fewer. Walk all
    /// pages with [`search_contact_stream`](Self::search_contact_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91844>
    #[post("service/contact/search", token = provider, page = cursor, alias = contact_search)]
    async fn search_contact(&self, #[body] request: &ContactSearchRequest) -> Result<ContactSearchResult>;

    /// 小程序登录 (code2Session): a mini-program member's corp, userid and
    /// `session_key` from the `js_code` of `wx.qy.login`. `grant_type` is
    /// always [`GrantType::AuthorizationCode`].
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92423>
    #[get("service/miniprogram/jscode2session", token = suite)]
    async fn jscode2session(&self, js_code: &str, grant_type: GrantType) -> Result<MiniprogramSession>;

    /// 第三方主体unionid转换为第三方external_userid: the customers'
    /// `external_userid`s (one per corp) of a WeChat user seen by the
    /// provider's mini program or official account (`unionid` and `openid`
    /// from the same one). Pass `corpid` whenever known (faster; required for
    /// group chats). At most 50 000 calls/hour and 240 000/day per provider,
    /// only on a user's action. Takes the `suite_access_token`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95878>
    #[post("service/externalcontact/unionid_to_external_userid_3rd", token = suite)]
    async fn unionid_to_external_userid_3rd(
        &self,
        unionid: &str,
        openid: &str,
        corpid: Option<&str>,
    ) -> Result<ExternalUseridInfoList>;

    /// 获取应用权限详情: the permissions a corp granted the third-party or
    /// 代开发 app, called with that corp's `access_token`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99052>
    #[post("agent/get_permissions", token = corp)]
    async fn get_agent_permissions(&self) -> Result<AppPermissions>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

int_enum! {
    /// What `contact/search` looks for (查询类型, `query_type`).
    pub enum ContactQueryType {
        /// 0: members and departments (同时查询部门跟用户), the default.
        All = 0,
        /// 1: members (返回用户userid列表).
        User = 1,
        /// 2: departments (返回部门id列表).
        Department = 2,
    }
}

int_enum! {
    /// Which members `contact/search` includes (查询范围, `query_range`).
    pub enum ContactQueryRange {
        /// 0: current members only (只查询在职用户), the default.
        Active = 0,
        /// 1: current and former members (同时查询在职和离职用户; former
        /// members of the last year who had activated WeCom).
        ActiveAndDismissed = 1,
    }
}

int_enum! {
    /// Field that must match exactly (精确匹配的字段, `full_match_field`).
    pub enum FullMatchField {
        /// 1: member or department name (用户名称或者部门名称).
        Name = 1,
        /// 2: member's English name (用户英文名).
        EnglishName = 2,
    }
}

/// `grant_type` of `jscode2session`: WeCom accepts only `authorization_code`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GrantType {
    /// `authorization_code`.
    #[default]
    #[serde(rename = "authorization_code")]
    AuthorizationCode,
}

/// Sent as `authorization_code` in the query.
#[diagnostic::do_not_recommend]
impl crate::request::QueryValue for GrantType {}

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

/// Request of `service/contact/search`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactSearchRequest {
    /// The corp to search (an authorized corp).
    pub auth_corpid: String,
    /// Keyword: member name, pinyin or English name, or department name or
    /// pinyin; at most 64 UTF-8 characters.
    pub query_word: String,
    /// Members, departments or both (default both).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query_type: Option<ContactQueryType>,
    /// Whether former members are included (default: current only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query_range: Option<ContactQueryRange>,
    /// Non-zero: only results in this app's visibility; 0 or absent: the
    /// provider's authorized directory scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
    /// Page size: default 50, at most 200 (applies to current and former
    /// members separately).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Exact match on this field (default fuzzy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_match_field: Option<FullMatchField>,
    /// Cursor from the previous page; absent for the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl ContactSearchRequest {
    /// Searches `auth_corpid` for `query_word` with WeCom's defaults.
    pub fn new(auth_corpid: impl Into<String>, query_word: impl Into<String>) -> Self {
        ContactSearchRequest {
            auth_corpid: auth_corpid.into(),
            query_word: query_word.into(),
            ..Self::default()
        }
    }

    /// Sets `query_type`.
    pub fn with_query_type(mut self, query_type: ContactQueryType) -> Self {
        self.query_type = Some(query_type);
        self
    }

    /// Sets `query_range`.
    pub fn with_query_range(mut self, query_range: ContactQueryRange) -> Self {
        self.query_range = Some(query_range);
        self
    }

    /// Sets `agentid`.
    pub fn with_agentid(mut self, agentid: i64) -> Self {
        self.agentid = Some(agentid);
        self
    }

    /// Sets `limit` (at most 200).
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets `full_match_field`.
    pub fn with_full_match_field(mut self, field: FullMatchField) -> Self {
        self.full_match_field = Some(field);
        self
    }

    /// Sets `cursor`.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }
}

// ---------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------

/// Reply of `corpid_to_opencorpid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenCorpid {
    /// The provider-encrypted corp id.
    pub open_corpid: String,
}

/// Matching members: two parallel lists (`userid[i]` ↔ `open_userid[i]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactSearchUsers {
    /// Userids.
    #[serde(default)]
    pub userid: Vec<String>,
    /// open_userids, in the same order.
    #[serde(default)]
    pub open_userid: Vec<String>,
}

/// Matching departments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactSearchParties {
    /// Department ids.
    #[serde(default)]
    pub department_id: Vec<i64>,
}

/// `query_result` of `contact/search`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactQueryResult {
    /// Current members.
    #[serde(default)]
    pub user: ContactSearchUsers,
    /// Departments.
    #[serde(default)]
    pub party: ContactSearchParties,
    /// Former members (with `query_range` 1).
    #[serde(default)]
    pub dismiss_user: ContactSearchUsers,
}

/// Reply of `contact/search`: one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactSearchResult {
    /// The matches on this page.
    #[serde(default)]
    pub query_result: ContactQueryResult,
    /// Whether this is the last page.
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_last: bool,
    /// Cursor of the next page.
    #[serde(default)]
    pub next_cursor: String,
}

/// One match of `contact/search`, as yielded by
/// [`search_contact_stream`](ServiceMiscApi::search_contact_stream).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ContactSearchHit {
    /// A current member.
    User {
        /// Userid.
        userid: String,
        /// open_userid (empty when WeCom sent fewer than userids).
        open_userid: String,
    },
    /// A former member.
    DismissedUser {
        /// Userid.
        userid: String,
        /// open_userid (empty when WeCom sent fewer than userids).
        open_userid: String,
    },
    /// A department.
    Department(i64),
}

impl ContactSearchUsers {
    /// The `(userid, open_userid)` pairs.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.userid.iter().enumerate().map(|(i, userid)| {
            let open = self.open_userid.get(i).map(String::as_str).unwrap_or_default();
            (userid.as_str(), open)
        })
    }
}

impl ContactSearchResult {
    /// Every match of this page: members, then former members, then departments.
    pub fn hits(&self) -> Vec<ContactSearchHit> {
        let r = &self.query_result;
        let users = r.user.pairs().map(|(u, o)| ContactSearchHit::User {
            userid: u.to_owned(),
            open_userid: o.to_owned(),
        });
        let dismissed = r
            .dismiss_user
            .pairs()
            .map(|(u, o)| ContactSearchHit::DismissedUser {
                userid: u.to_owned(),
                open_userid: o.to_owned(),
            });
        let parties = r
            .party
            .department_id
            .iter()
            .copied()
            .map(ContactSearchHit::Department);
        users.chain(dismissed).chain(parties).collect()
    }
}

impl CursorPage for ContactSearchResult {
    type Item = ContactSearchHit;

    fn into_page(self) -> Page<ContactSearchHit> {
        let items = self.hits();
        Page::from_cursor(items, self.next_cursor, !self.is_last)
    }
}

/// Reply of `jscode2session`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MiniprogramSession {
    /// The member's corp.
    #[serde(default)]
    pub corpid: String,
    /// The member's userid.
    #[serde(default)]
    pub userid: String,
    /// Session key for decrypting `wx.qy` data; never send it to the client.
    #[serde(default)]
    pub session_key: String,
    /// The member's open_userid, where returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_userid: Option<String>,
}

impl std::fmt::Debug for MiniprogramSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MiniprogramSession")
            .field("corpid", &self.corpid)
            .field("userid", &self.userid)
            .field("session_key", &"<redacted>")
            .field("open_userid", &self.open_userid)
            .finish()
    }
}

/// One corp's id for the WeChat user (`external_userid_info[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalUseridInfo {
    /// The corp.
    #[serde(default)]
    pub corpid: String,
    /// The customer's external_userid in that corp.
    #[serde(default)]
    pub external_userid: String,
}

/// Reply of `unionid_to_external_userid_3rd`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalUseridInfoList {
    /// One entry per corp the user is a customer of.
    #[serde(default)]
    pub external_userid_info: Vec<ExternalUseridInfo>,
}

/// Reply of `agent/get_permissions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppPermissions {
    /// The granted permission names (path 99052 lists them).
    #[serde(default)]
    pub app_permissions: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_page_flattens_into_hits() {
        let page: ContactSearchResult = serde_json::from_value(serde_json::json!({
            "query_result": {
                "user": {"userid": ["zhangsan", "lisi"], "open_userid": ["wo1", "wo2"]},
                "party": {"department_id": [1, 2]},
                "dismiss_user": {"userid": ["wangwu"], "open_userid": ["wo3"]}
            },
            "is_last": false,
            "next_cursor": "c2"
        }))
        .expect("decode");
        let page = page.into_page();
        assert_eq!(page.next_cursor.as_deref(), Some("c2"));
        assert_eq!(page.items.len(), 5);
        assert_eq!(
            page.items[0],
            ContactSearchHit::User {
                userid: "zhangsan".into(),
                open_userid: "wo1".into()
            }
        );
        assert_eq!(
            page.items[2],
            ContactSearchHit::DismissedUser {
                userid: "wangwu".into(),
                open_userid: "wo3".into()
            }
        );
        assert_eq!(page.items[4], ContactSearchHit::Department(2));
        let last: ContactSearchResult =
            serde_json::from_str(r#"{"is_last":true,"next_cursor":"x"}"#).expect("decode");
        assert_eq!(last.into_page().next_cursor, None);
    }

    #[test]
    fn grant_type_is_authorization_code() {
        assert_eq!(
            serde_json::to_string(&GrantType::AuthorizationCode).expect("encode"),
            r#""authorization_code""#
        );
    }
}
