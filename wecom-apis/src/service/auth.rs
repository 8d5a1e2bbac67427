//! Third-party authorization: pre-auth codes, permanent codes, auth info, admins.
//!
//! The install flow (应用授权): the suite gets a `pre_auth_code`
//! ([`AuthApi::get_pre_auth_code`]), optionally configures the session
//! ([`AuthApi::set_session_info`], e.g. test authorization), and sends the
//! corp admin to the authorization page. WeCom then hands back a temporary
//! `auth_code` (in the redirect or the `create_auth` callback), which
//! [`AuthApi::get_permanent_code`] exchanges, once, for the corp's permanent
//! code and its authorization details. With the permanent code the suite
//! gets the corp's `access_token` (`service/get_corp_token`, or simply
//! `client.corp(auth_corpid, permanent_code)`).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::serde_util::int_enum;

/// Authorization endpoints (应用授权), called with the `suite_access_token`.
#[crate::api]
pub trait AuthApi {
    /// 获取预授权码: a `pre_auth_code` for one authorization session (valid
    /// 20 minutes, `expires_in` 1200), to put in the install link.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90601>
    #[get("service/get_pre_auth_code", token = suite)]
    async fn get_pre_auth_code(&self) -> Result<PreAuthCode>;

    /// 设置授权配置: configure one authorization session, e.g. test
    /// authorization (`auth_type` 1) for an unpublished app. Make sure a
    /// published app authorizes with `auth_type` 0.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90602>
    #[post("service/set_session_info", token = suite)]
    async fn set_session_info(&self, pre_auth_code: &str, session_info: &SessionInfo) -> Result<()>;

    /// 获取企业永久授权码: exchange a temporary `auth_code` (64 to 512
    /// bytes, single use) for the corp's permanent code, its details, the
    /// authorized app and admin, and a first corp `access_token`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90603>
    #[post("service/get_permanent_code", token = suite)]
    async fn get_permanent_code(&self, auth_code: &str) -> Result<PermanentCodeInfo>;

    /// 获取企业永久授权码 (v2): the faster variant WeCom recommends when the
    /// code is exchanged during the install: returns `permanent_code`,
    /// `auth_corp_info` (`corpid`, `corp_name` only), `auth_user_info`,
    /// `register_code_info` and `state`, but no `access_token` and no app
    /// details (read them with [`get_auth_info`](Self::get_auth_info)).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/100776>
    #[post("service/v2/get_permanent_code", token = suite)]
    async fn get_permanent_code_v2(&self, auth_code: &str) -> Result<PermanentCodeInfo>;

    /// 获取企业授权信息: the corp details, authorized app (privileges,
    /// sharing) and paid edition of an authorization, by corp id and
    /// permanent code.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90604>
    #[post("service/get_auth_info", token = suite)]
    async fn get_auth_info(&self, auth_corpid: &str, permanent_code: &str) -> Result<AuthInfo>;

    /// 获取应用的管理员列表: the admins of the suite's app in an authorized
    /// corp (external admins excluded), to tell admins from members. The
    /// `agentid` must belong to this suite.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90606>
    #[post("service/get_admin_list", token = suite)]
    async fn get_admin_list(&self, auth_corpid: &str, agentid: i64) -> Result<AdminList>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

int_enum! {
    /// Kind of authorization (授权类型), for `set_session_info` and the
    /// app-order list's `test_mode`.
    pub enum AuthType {
        /// 0: regular authorization (正式授权), the default.
        Formal = 0,
        /// 1: test authorization of an unpublished app (测试授权).
        Test = 1,
    }
}

int_enum! {
    /// Legal form of the authorizing corp (企业类型, `subject_type`).
    pub enum SubjectType {
        /// 1: enterprise (企业).
        Enterprise = 1,
        /// 2: government agency or public institution (政府以及事业单位).
        Government = 2,
        /// 3: other organization (其他组织).
        OtherOrganization = 3,
        /// 4: team (团队号).
        Team = 4,
    }
}

int_enum! {
    /// Who authorized the app (授权模式, `auth_mode`).
    pub enum AuthMode {
        /// 0: an admin authorized it for the corp (管理员授权).
        Admin = 0,
        /// 1: a member authorized it for themselves (成员授权).
        Member = 1,
    }
}

int_enum! {
    /// Contact permission level of the app (权限等级, `privilege.level`).
    pub enum PrivilegeLevel {
        /// 1: basic contact info, read-only (通讯录基本信息只读).
        BasicReadOnly = 1,
        /// 2: all contact info, read-only (通讯录全部信息只读, no longer granted).
        FullReadOnly = 2,
        /// 3: all contact info, read-write (通讯录全部信息读写).
        FullReadWrite = 3,
        /// 4: single member's basic info, read-only (单个基本信息只读).
        SingleBasicReadOnly = 4,
        /// 5: all contact info, write-only (通讯录全部信息只写, no longer granted).
        FullWriteOnly = 5,
    }
}

int_enum! {
    /// How an app was shared into the corp (`shared_from.share_type`).
    pub enum ShareType {
        /// 0: shared through enterprise interconnection (企业互联).
        Interconnection = 0,
        /// 1: shared through an upstream/downstream chain (上下游).
        UpstreamDownstream = 1,
    }
}

int_enum! {
    /// Payment status of the corp's edition (付费状态, `app_status`).
    pub enum AppStatus {
        /// 0: not paid (没有付费).
        Unpaid = 0,
        /// 1: time-limited trial (限时试用).
        Trial = 1,
        /// 2: trial expired (试用过期).
        TrialExpired = 2,
        /// 3: paid edition within its term (付费版本有效期内).
        Paid = 3,
        /// 4: paid edition expired (付费版本过期).
        PaidExpired = 4,
        /// 5: unlimited trial (不限时试用).
        UnlimitedTrial = 5,
        /// 6: paid, but over the user limit for at most 7 days (人数超标, 未超过7天).
        OverLimit = 6,
        /// 7: paid, but over the user limit for more than 7 days (持续超标超过7天).
        OverLimitExpired = 7,
    }
}

int_enum! {
    /// An admin's permission on the app (`admin[].auth_type`).
    pub enum AdminAuthType {
        /// 0: may send messages (发消息权限).
        SendMessages = 0,
        /// 1: may manage the app (管理权限).
        Manage = 1,
    }
}

wecom_core::string_enum! {
    /// Verification status of the authorizing corp (`corp_type`): a string in
    /// WeCom's JSON.
    pub enum CorpType {
        /// `"verified"`: verified corp (认证号).
        Verified = "verified",
        /// `"unverified"`: registered but not verified (注册号).
        Unverified = "unverified",
    }
}

impl Default for CorpType {
    /// What an absent `corp_type` means: not verified.
    fn default() -> Self {
        CorpType::Unverified
    }
}

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

/// `session_info` of `set_session_info` (本次授权过程中需要用到的会话信息).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// Apps of a legacy multi-app suite that may be authorized; empty means
    /// all (新开发者可忽略).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appid: Vec<i64>,
    /// Regular or test authorization; WeCom's default is regular.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<AuthType>,
}

impl SessionInfo {
    /// A session with WeCom's defaults (all apps, regular authorization).
    pub fn new() -> Self {
        Self::default()
    }

    /// A test authorization (for apps not yet published).
    pub fn test() -> Self {
        Self::new().with_auth_type(AuthType::Test)
    }

    /// Sets `auth_type`.
    pub fn with_auth_type(mut self, auth_type: AuthType) -> Self {
        self.auth_type = Some(auth_type);
        self
    }

    /// Sets `appid` (legacy multi-app suites only).
    pub fn with_appid(mut self, appid: impl IntoIterator<Item = i64>) -> Self {
        self.appid = appid.into_iter().collect();
        self
    }
}

// ---------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------

/// Reply of `get_pre_auth_code`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreAuthCode {
    /// 预授权码, at most 512 bytes.
    pub pre_auth_code: String,
    /// Validity in seconds (1200).
    #[serde(default)]
    pub expires_in: u64,
}

/// `dealer_corp_info`: the reseller (代理服务商) through which the corp
/// authorized, only when there is one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealerCorpInfo {
    /// The reseller's corp id.
    #[serde(default)]
    pub corpid: String,
    /// The reseller's name.
    #[serde(default)]
    pub corp_name: String,
}

/// `auth_corp_info`: the authorizing corp (授权方企业信息).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthCorpInfo {
    /// The corp id (for third-party apps the provider-encrypted id).
    #[serde(default)]
    pub corpid: String,
    /// Short name (企业简称).
    #[serde(default)]
    pub corp_name: String,
    /// Verified or registered (`"verified"` / `"unverified"`).
    #[serde(default)]
    pub corp_type: CorpType,
    /// Square logo URL.
    #[serde(default)]
    pub corp_square_logo_url: String,
    /// Round logo URL (returned by some versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corp_round_logo_url: Option<String>,
    /// Maximum number of members.
    #[serde(default)]
    pub corp_user_max: i64,
    /// Maximum number of apps the corp may have (授权方企业应用数上限,
    /// `"corp_agent_max":30` in the samples). `None` where WeCom leaves it
    /// out (e.g. the v2 permanent-code reply).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corp_agent_max: Option<i64>,
    /// Full (legal) name (企业的主体名称), only for verified corps.
    #[serde(default)]
    pub corp_full_name: String,
    /// End of the verification, unix seconds, only for verified corps.
    #[serde(default)]
    pub verified_end_time: i64,
    /// Legal form.
    #[serde(default)]
    pub subject_type: SubjectType,
    /// The corp's WeChat-plugin QR code URL (微工作台), where returned.
    #[serde(default)]
    pub corp_wxqrcode: String,
    /// Corp size, e.g. `"1-50人"` (path 96214 lists the values).
    #[serde(default)]
    pub corp_scale: String,
    /// Industry, e.g. `"IT服务"`.
    #[serde(default)]
    pub corp_industry: String,
    /// Sub-industry, e.g. `"计算机软件/硬件/信息服务"`.
    #[serde(default)]
    pub corp_sub_industry: String,
    /// Location (所在地区), where returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The corp's other verified names (企业其他认证的名称), only for
    /// verified corps. WeCom's field table describes an object holding
    /// `name_list`, a list of short names not including `corp_name`; one
    /// Java SDK (WxJava) types `name_list` as a single string, which this
    /// model does not follow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corp_ex_name: Option<CorpExName>,
    /// Authorization kind (`auth_type`), read with the codes of
    /// `set_session_info`'s `session_info.auth_type` (0 regular, 1 test).
    /// Only the `get_permanent_code` sample carries it, inside
    /// `auth_corp_info` (`"auth_type":1`); the `get_auth_info` sample leaves
    /// it out (`None`). Its field description could not be checked against
    /// WeCom's page (one .NET SDK calls it 授权模式 without listing values),
    /// so an unexpected code is kept as [`AuthType::Other`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<AuthType>,
}

/// `auth_corp_info.corp_ex_name`: a verified corp's other names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpExName {
    /// Other verified short names of the corp (其他认证的企业简称), not
    /// including `corp_name`.
    #[serde(default)]
    pub name_list: Vec<String>,
}

/// `privilege`: what the app may see of the corp's directory (应用对应的权限).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentPrivilege {
    /// Permission level.
    #[serde(default)]
    pub level: PrivilegeLevel,
    /// Departments in the app's visibility (应用可见范围: 部门).
    #[serde(default)]
    pub allow_party: Vec<i64>,
    /// Members in the app's visibility.
    #[serde(default)]
    pub allow_user: Vec<String>,
    /// Tags in the app's visibility.
    #[serde(default)]
    pub allow_tag: Vec<i64>,
    /// Extra departments the app may read (额外通讯录: 部门).
    #[serde(default)]
    pub extra_party: Vec<i64>,
    /// Extra members the app may read.
    #[serde(default)]
    pub extra_user: Vec<String>,
    /// Extra tags the app may read.
    #[serde(default)]
    pub extra_tag: Vec<i64>,
}

/// `shared_from`: the corp that shared the app, when the app came through
/// interconnection or an upstream/downstream chain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedFrom {
    /// The sharing corp's id.
    #[serde(default)]
    pub corpid: String,
    /// How it was shared.
    #[serde(default)]
    pub share_type: ShareType,
}

/// One authorized app (`auth_info.agent[]`). New single-app suites always
/// have exactly one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorizedAgent {
    /// The app's agentid in the authorizing corp.
    #[serde(default)]
    pub agentid: i64,
    /// App name.
    #[serde(default)]
    pub name: String,
    /// Round logo URL.
    #[serde(default)]
    pub round_logo_url: String,
    /// Square logo URL.
    #[serde(default)]
    pub square_logo_url: String,
    /// App id within a legacy multi-app suite (新开发者请忽略).
    #[serde(default)]
    pub appid: i64,
    /// Admin or member authorization.
    #[serde(default)]
    pub auth_mode: AuthMode,
    /// Whether this is a 代开发自建应用 (customized app).
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_customized_app: bool,
    /// Whether the app was authorized from a third-party app (来自第三方应用接口授权).
    #[serde(default, with = "crate::serde_util::flag")]
    pub auth_from_thirdapp: bool,
    /// Directory permissions; absent in member authorization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege: Option<AgentPrivilege>,
    /// Who shared the app, when it was shared into the corp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_from: Option<SharedFrom>,
}

/// `auth_info`: the authorized apps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorizedApps {
    /// The apps (one for single-app suites).
    #[serde(default)]
    pub agent: Vec<AuthorizedAgent>,
}

/// `auth_user_info`: the admin who authorized (may be missing, fields may
/// be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthUserInfo {
    /// The admin's userid.
    #[serde(default)]
    pub userid: String,
    /// The admin's open_userid.
    #[serde(default)]
    pub open_userid: String,
    /// The admin's name.
    #[serde(default)]
    pub name: String,
    /// The admin's avatar URL.
    #[serde(default)]
    pub avatar: String,
}

/// `register_code_info`: set when the corp installed through a promotion
/// QR code (推广二维码).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterCodeInfo {
    /// 注册码.
    #[serde(default)]
    pub register_code: String,
    /// 推广包ID.
    #[serde(default)]
    pub template_id: String,
    /// The `state` given when the register code was made.
    #[serde(default)]
    pub state: String,
}

/// One app's paid edition (`edition_info.agent[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionAgent {
    /// The app's agentid.
    #[serde(default)]
    pub agentid: i64,
    /// Edition id (版本id).
    #[serde(default)]
    pub edition_id: String,
    /// Edition name.
    #[serde(default)]
    pub edition_name: String,
    /// Payment status.
    #[serde(default)]
    pub app_status: AppStatus,
    /// User limit; meaningless for fixed-price purchases and trials.
    #[serde(default)]
    pub user_limit: i64,
    /// End of the edition (trial or paid term), unix seconds; meaningless
    /// for unlimited trials.
    #[serde(default)]
    pub expired_time: i64,
    /// Whether this is a virtual edition (虚拟版本).
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_virtual_version: bool,
    /// Whether installed by sharing from another corp (企业互联/上下游).
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_shared_from_other_corp: bool,
}

/// `edition_info`: the corp's current paid editions, for apps with a pricing
/// strategy (应用版本付费).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionInfo {
    /// One entry per app.
    #[serde(default)]
    pub agent: Vec<EditionAgent>,
}

/// Reply of `get_permanent_code` (and its v2).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermanentCodeInfo {
    /// A first corp access_token (not returned for 代开发 apps, nor by v2).
    #[serde(default)]
    pub access_token: String,
    /// Validity of `access_token` in seconds.
    #[serde(default)]
    pub expires_in: u64,
    /// The corp's permanent code (永久授权码), at most 512 bytes: keep it.
    pub permanent_code: String,
    /// The reseller, when the corp authorized through one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dealer_corp_info: Option<DealerCorpInfo>,
    /// The authorizing corp.
    #[serde(default)]
    pub auth_corp_info: AuthCorpInfo,
    /// The authorized apps.
    #[serde(default)]
    pub auth_info: AuthorizedApps,
    /// The admin who authorized, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_user_info: Option<AuthUserInfo>,
    /// Promotion-code install details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register_code_info: Option<RegisterCodeInfo>,
    /// Paid editions, for apps with a pricing strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition_info: Option<EditionInfo>,
    /// The `state` of the install link or QR code.
    #[serde(default)]
    pub state: String,
}

impl fmt::Debug for PermanentCodeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PermanentCodeInfo")
            .field("access_token", &"<redacted>")
            .field("expires_in", &self.expires_in)
            .field("permanent_code", &"<redacted>")
            .field("dealer_corp_info", &self.dealer_corp_info)
            .field("auth_corp_info", &self.auth_corp_info)
            .field("auth_info", &self.auth_info)
            .field("auth_user_info", &self.auth_user_info)
            .field("register_code_info", &self.register_code_info)
            .field("edition_info", &self.edition_info)
            .field("state", &self.state)
            .finish()
    }
}

/// Reply of `get_auth_info`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthInfo {
    /// The reseller, when the corp authorized through one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dealer_corp_info: Option<DealerCorpInfo>,
    /// The authorizing corp.
    #[serde(default)]
    pub auth_corp_info: AuthCorpInfo,
    /// The authorized apps.
    #[serde(default)]
    pub auth_info: AuthorizedApps,
    /// Paid editions, for apps with a pricing strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition_info: Option<EditionInfo>,
}

/// One app admin (`admin[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppAdmin {
    /// The admin's userid.
    #[serde(default)]
    pub userid: String,
    /// The admin's open_userid.
    #[serde(default)]
    pub open_userid: String,
    /// The admin's permission on the app.
    #[serde(default)]
    pub auth_type: AdminAuthType,
}

/// Reply of `get_admin_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminList {
    /// The app's admins.
    #[serde(default)]
    pub admin: Vec<AppAdmin>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corp_type_is_a_string_enum_that_keeps_unknown_values() {
        let v: Vec<CorpType> = serde_json::from_str(r#"["verified","unverified","later"]"#).expect("decode");
        assert_eq!(
            v,
            [
                CorpType::Verified,
                CorpType::Unverified,
                CorpType::Other("later".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&v).expect("encode"),
            r#"["verified","unverified","later"]"#
        );
    }

    #[test]
    fn session_info_writes_only_what_is_set() {
        let json = serde_json::to_value(SessionInfo::new()).expect("encode");
        assert_eq!(json, serde_json::json!({}));
        let json = serde_json::to_value(SessionInfo::test().with_appid([1, 2])).expect("encode");
        assert_eq!(json, serde_json::json!({"appid": [1, 2], "auth_type": 1}));
    }

    /// The reply sample of 获取企业授权信息
    /// (<https://developer.work.weixin.qq.com/document/path/90604>) as
    /// SKIT.FlurlHttpClient.Wechat's model samples copy it from that page
    /// (values unchanged, whitespace compacted).
    const GET_AUTH_INFO_SAMPLE: &str = r#"{
        "errcode": 0,
        "errmsg": "ok",
        "dealer_corp_info": {"corpid": "xxxx", "corp_name": "name"},
        "auth_corp_info": {
            "corpid": "xxxx",
            "corp_name": "name",
            "corp_type": "verified",
            "corp_square_logo_url": "yyyyy",
            "corp_user_max": 50,
            "corp_agent_max": 30,
            "corp_full_name": "full_name",
            "verified_end_time": 1431775834,
            "subject_type": 1,
            "corp_wxqrcode": "zzzzz",
            "corp_scale": "1-50人",
            "corp_industry": "IT服务",
            "corp_sub_industry": "计算机软件/硬件/信息服务",
            "location": "广东省广州市"
        },
        "auth_info": {
            "agent": [
                {
                    "agentid": 1,
                    "name": "NAME",
                    "round_logo_url": "xxxxxx",
                    "square_logo_url": "yyyyyy",
                    "appid": 1,
                    "auth_mode": 1,
                    "privilege": {
                        "level": 1,
                        "allow_party": [1, 2, 3],
                        "allow_user": ["zhansan", "lisi"],
                        "allow_tag": [1, 2, 3],
                        "extra_party": [4, 5, 6],
                        "extra_user": ["wangwu"],
                        "extra_tag": [4, 5, 6]
                    },
                    "shared_from": {"corpid": "wwyyyyy"}
                },
                {
                    "agentid": 2,
                    "name": "NAME2",
                    "round_logo_url": "xxxxxx",
                    "square_logo_url": "yyyyyy",
                    "appid": 5,
                    "shared_from": {"corpid": "wwyyyyy"}
                }
            ]
        }
    }"#;

    /// The reply sample of 获取企业永久授权码
    /// (<https://developer.work.weixin.qq.com/document/path/90603>), from
    /// the same source as above. It differs from the
    /// `get_auth_info` sample by the token, the permanent code,
    /// `auth_user_info`, `register_code_info` and `auth_corp_info.auth_type`.
    const GET_PERMANENT_CODE_SAMPLE: &str = r#"{
        "errcode": 0,
        "errmsg": "ok",
        "access_token": "xxxxxx",
        "expires_in": 7200,
        "permanent_code": "xxxx",
        "dealer_corp_info": {"corpid": "xxxx", "corp_name": "name"},
        "auth_corp_info": {
            "corpid": "xxxx",
            "corp_name": "name",
            "corp_type": "verified",
            "corp_square_logo_url": "yyyyy",
            "corp_user_max": 50,
            "corp_agent_max": 30,
            "corp_full_name": "full_name",
            "verified_end_time": 1431775834,
            "subject_type": 1,
            "corp_wxqrcode": "zzzzz",
            "corp_scale": "1-50人",
            "corp_industry": "IT服务",
            "corp_sub_industry": "计算机软件/硬件/信息服务",
            "location": "广东省广州市",
            "auth_type": 1
        },
        "auth_info": {
            "agent": [
                {
                    "agentid": 1,
                    "name": "NAME",
                    "round_logo_url": "xxxxxx",
                    "square_logo_url": "yyyyyy",
                    "appid": 1,
                    "auth_mode": 1,
                    "privilege": {
                        "level": 1,
                        "allow_party": [1, 2, 3],
                        "allow_user": ["zhansan", "lisi"],
                        "allow_tag": [1, 2, 3],
                        "extra_party": [4, 5, 6],
                        "extra_user": ["wangwu"],
                        "extra_tag": [4, 5, 6]
                    },
                    "shared_from": {"corpid": "wwyyyyy"}
                },
                {
                    "agentid": 2,
                    "name": "NAME2",
                    "round_logo_url": "xxxxxx",
                    "square_logo_url": "yyyyyy",
                    "appid": 5,
                    "shared_from": {"corpid": "wwyyyyy"}
                }
            ]
        },
        "auth_user_info": {
            "userid": "aa",
            "open_userid": "xxxxxx",
            "name": "xxx",
            "avatar": "http://xxx"
        },
        "register_code_info": {
            "register_code": "1111",
            "template_id": "tpl111",
            "state": "state001"
        }
    }"#;

    /// Checks the `auth_corp_info` and `auth_info` both samples share.
    fn assert_sample_corp_and_apps(corp: &AuthCorpInfo, apps: &AuthorizedApps) {
        assert_eq!(corp.corpid, "xxxx");
        assert_eq!(corp.corp_name, "name");
        assert_eq!(corp.corp_type, CorpType::Verified);
        assert_eq!(corp.corp_user_max, 50);
        assert_eq!(corp.corp_agent_max, Some(30));
        assert_eq!(corp.corp_full_name, "full_name");
        assert_eq!(corp.verified_end_time, 1431775834);
        assert_eq!(corp.subject_type, SubjectType::Enterprise);
        assert_eq!(corp.corp_scale, "1-50人");
        assert_eq!(corp.corp_sub_industry, "计算机软件/硬件/信息服务");
        assert_eq!(corp.location.as_deref(), Some("广东省广州市"));
        // Not in either sample (see `corp_ex_name_is_a_name_list`).
        assert_eq!(corp.corp_ex_name, None);

        assert_eq!(apps.agent.len(), 2);
        let first = &apps.agent[0];
        assert_eq!(first.agentid, 1);
        assert_eq!(first.auth_mode, AuthMode::Member);
        let privilege = first.privilege.as_ref().expect("privilege");
        assert_eq!(privilege.level, PrivilegeLevel::BasicReadOnly);
        assert_eq!(privilege.allow_user, ["zhansan", "lisi"]);
        assert_eq!(privilege.extra_tag, [4, 5, 6]);
        assert_eq!(
            first.shared_from.as_ref().map(|f| f.corpid.as_str()),
            Some("wwyyyyy")
        );
        assert_eq!(apps.agent[1].appid, 5);
        assert!(apps.agent[1].privilege.is_none());
    }

    #[test]
    fn get_auth_info_decodes_the_documented_sample() {
        let info: AuthInfo = serde_json::from_str(GET_AUTH_INFO_SAMPLE).expect("decodes");
        assert_eq!(
            info.dealer_corp_info,
            Some(DealerCorpInfo {
                corpid: "xxxx".into(),
                corp_name: "name".into()
            })
        );
        assert_sample_corp_and_apps(&info.auth_corp_info, &info.auth_info);
        assert_eq!(info.auth_corp_info.auth_type, None);
        assert!(info.edition_info.is_none());
    }

    #[test]
    fn get_permanent_code_decodes_the_documented_sample() {
        let info: PermanentCodeInfo = serde_json::from_str(GET_PERMANENT_CODE_SAMPLE).expect("decodes");
        assert_eq!(info.access_token, "xxxxxx");
        assert_eq!(info.expires_in, 7200);
        assert_eq!(info.permanent_code, "xxxx");
        assert_sample_corp_and_apps(&info.auth_corp_info, &info.auth_info);
        assert_eq!(info.auth_corp_info.auth_type, Some(AuthType::Test));
        let admin = info.auth_user_info.as_ref().expect("auth_user_info");
        assert_eq!(
            (admin.userid.as_str(), admin.open_userid.as_str()),
            ("aa", "xxxxxx")
        );
        let register = info.register_code_info.as_ref().expect("register_code_info");
        assert_eq!(register.register_code, "1111");
        assert_eq!(register.template_id, "tpl111");
        assert_eq!(register.state, "state001");
        assert_eq!(info.state, "");

        // The new fields survive a round trip.
        let written = serde_json::to_value(&info.auth_corp_info).expect("encodes");
        assert_eq!(written["corp_agent_max"], serde_json::json!(30));
        assert_eq!(written["auth_type"], serde_json::json!(1));
        assert!(written.get("corp_ex_name").is_none());
    }

    /// No sample found shows `corp_ex_name`; this follows the field table
    /// (an object whose `name_list` lists the other verified short names).
    #[test]
    fn corp_ex_name_is_a_name_list() {
        let corp: AuthCorpInfo = serde_json::from_str(
            r#"{"corpid":"xxxx","corp_name":"name","corp_ex_name":{"name_list":["简称一","简称二"]}}"#,
        )
        .expect("decodes");
        assert_eq!(
            corp.corp_ex_name.map(|n| n.name_list),
            Some(vec!["简称一".to_owned(), "简称二".to_owned()])
        );
        let corp: AuthCorpInfo =
            serde_json::from_str(r#"{"corpid":"xxxx","corp_ex_name":{}}"#).expect("decodes");
        assert_eq!(corp.corp_ex_name, Some(CorpExName::default()));
    }

    #[test]
    fn permanent_code_debug_hides_the_secrets() {
        let info: PermanentCodeInfo =
            serde_json::from_str(r#"{"access_token":"TOKVAL1","permanent_code":"PERMVAL2"}"#)
                .expect("decode");
        let shown = format!("{info:?}");
        assert!(
            !shown.contains("TOKVAL1") && !shown.contains("PERMVAL2"),
            "{shown}"
        );
    }
}
