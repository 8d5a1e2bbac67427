//! 上游 (upstream) endpoints: what a brand's app does with its chain
//! (上下游) — the corps it shares apps with, its contact book of downstream
//! corps (groups, corps, member custom ids), contact imports, and mapping
//! WeChat fans (unionid) to the downstream corps' customers.
//!
//! [`UpStreamApi`] declares the endpoints, and its `…_stream` methods walk the two
//! cursor lists to the end.

use serde::{Deserialize, Serialize};
use wecom_core::{CursorPage, Page};

use crate::Result;
use crate::serde_util::int_enum;

/// 上下游 endpoints called by the upstream corp (上游企业).
///
/// Every method takes the upstream corp's `access_token`: a self-built or
/// 代开发 app shared into the chain, or an app listed under 「上下游 - 可调用接口
/// 的应用」 (the 上下游 system app); each method says which. Calls made as a
/// downstream corp go through a client from
/// [`Client::downstream`](crate::Client::downstream) (see
/// [`DownStreamApi`](super::DownStreamApi)).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/95820>
#[crate::api]
pub trait UpStreamApi {
    // --- Shared apps -----------------------------------------------------

    /// 获取应用共享信息: the downstream corps an app of the upstream corp is
    /// shared with (with each corp's agentid of the shared app). Apps with
    /// sensitive permissions are listed for a corp only once that corp
    /// confirmed the share. `limit` at most 100; `None`/0 returns everything
    /// in one reply (paging is recommended). Walk every page with
    /// [`list_app_share_info_stream`](Self::list_app_share_info_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95813>
    #[post("corpgroup/corp/list_app_share_info", token = corp, page = cursor(limit = 100))]
    async fn list_app_share_info(&self, #[body] query: &ListAppShareInfoRequest) -> Result<AppShareInfoList>;

    // --- Customers: unionid / pending_id / external_userid ---------------

    /// 上下游关联客户信息-已添加客户 (通过unionid和openid查询external_userid):
    /// the external_userid of a WeChat user in each downstream corp (or in
    /// `corpid` only) where the user is already a customer. The app must be
    /// a shared self-built / 代开发 app with customer-contact permission, the
    /// upstream corp verified, and unionid / openid obtained from the same
    /// mini program whose subject matches the upstream corp. Rate limit
    /// per upstream corp: 100 000/hour, 480 000/day, 7 500 000/month; a valid
    /// `mass_call_ticket` lifts it (data initialisation).
    ///
    /// Named with a `corpgroup_` prefix so that it can be used next to
    /// [`CustomerApi::unionid_to_external_userid`](crate::external_contact::CustomerApi::unionid_to_external_userid)
    /// (`externalcontact/unionid_to_external_userid`), a different endpoint.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95818>
    #[post("corpgroup/unionid_to_external_userid", token = corp)]
    async fn corpgroup_unionid_to_external_userid(
        &self,
        #[body] query: &UnionidToExternalUseridRequest,
    ) -> Result<ExternalUseridInfoList>;

    /// unionid查询pending_id: a temporary customer id (pending_id) for a
    /// WeChat user who is not (yet) a downstream corp's customer. Once the
    /// user becomes one, [`external_userid_to_pending_id`](Self::external_userid_to_pending_id)
    /// maps the customer's external_userid back to the same pending_id:
    /// unionid → pending_id → external_userid.
    ///
    /// * A pending_id is valid for **90 days** and unique within the shared app.
    /// * Rate limit per upstream corp: **100 000/hour**, 480 000/day,
    ///   7 500 000/month.
    /// * The app must be a self-built or 代开发 app shared in the chain, with
    ///   customer-contact permission; the corp verified or certified (for
    ///   代开发 apps the provider must be certified); unionid (open platform
    ///   account) and openid (mini program / official account) must be
    ///   certified under the upstream corp's subject name and come from the
    ///   same mini program.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97357>
    #[post("corpgroup/unionid_to_pending_id", token = corp)]
    async fn unionid_to_pending_id(&self, unionid: &str, openid: &str) -> Result<PendingIdReply>;

    /// external_userid查询pending_id (upstream side): the pending_id of up to
    /// 100 upstream or downstream customers. With `chat_id`, only the group
    /// owner must be in the app's visible range and external_userids outside
    /// the group are ignored; without it each customer's follow-up member
    /// must be. The upstream app must have called
    /// [`unionid_to_pending_id`](Self::unionid_to_pending_id) before; both
    /// corps must be verified or certified (代开发: provider certified).
    /// The downstream side calls the same endpoint with its own token:
    /// [`DownStreamApi::downstream_external_userid_to_pending_id`](super::DownStreamApi::downstream_external_userid_to_pending_id).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97357>
    #[post("corpgroup/batch/external_userid_to_pending_id", token = corp)]
    async fn external_userid_to_pending_id(
        &self,
        #[body] query: &ExternalUseridToPendingIdRequest,
    ) -> Result<PendingIdList>;

    // --- Chains, groups and corps (上下游通讯录) ------------------------

    /// 获取上下游列表: the chains (上下游) of the corp. A self-built / 代开发
    /// app sees the chains in its visible range, the 上下游 system app all.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95820>
    #[get("corpgroup/corp/get_chain_list", token = corp)]
    async fn get_chain_list(&self) -> Result<ChainList>;

    /// 获取上下游通讯录分组: one group (`groupid`) or every group of a chain.
    /// A self-built / 代开发 app sees the groups in its visible range, the
    /// 上下游 system app all. The root group's id is 1.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95820>
    #[post("corpgroup/corp/get_chain_group", token = corp)]
    async fn get_chain_group(&self, chain_id: &str, groupid: Option<u32>) -> Result<ChainGroupList>;

    /// 获取企业上下游通讯录分组下的企业详情列表: the corps directly in one
    /// group (the root when `groupid` is `None`); sub-groups are not
    /// included — walk them with [`get_chain_group`](Self::get_chain_group).
    /// `need_pending` adds corps that have not joined yet; `limit` > 0 pages
    /// the reply. Walk every page with
    /// [`get_chain_corpinfo_list_stream`](Self::get_chain_corpinfo_list_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95820>
    #[post("corpgroup/corp/get_chain_corpinfo_list", token = corp, page = cursor)]
    async fn get_chain_corpinfo_list(
        &self,
        #[body] query: &ChainCorpInfoListRequest,
    ) -> Result<ChainCorpInfoList>;

    /// 获取企业上下游通讯录下的企业信息: name, custom id, group, joined
    /// state and verification of one corp of a chain, addressed by `corpid`
    /// (joined) or `pending_corpid` (not joined yet) — see [`ChainCorp`].
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95820>
    #[post("corpgroup/corp/get_chain_corpinfo", token = corp)]
    async fn get_chain_corpinfo(&self, #[body] query: &ChainCorpQuery) -> Result<ChainCorpInfo>;

    /// 移除企业: remove a downstream corp (joined or pending) from a chain.
    /// Only verified corps, only an app listed under 「上下游 - 可调用接口的
    /// 应用」; concurrency limit 1.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95822>
    #[post("corpgroup/corp/remove_corp", token = corp)]
    async fn remove_corp(&self, #[body] query: &ChainCorpQuery) -> Result<()>;

    /// 查询成员自定义id: the custom id (given at import) of a member of a
    /// downstream corp. Self-built, 代开发 and the 上下游 system app; the corp
    /// must be in the app's visible range.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97441>
    #[post("corpgroup/corp/get_chain_user_custom_id", token = corp)]
    async fn get_chain_user_custom_id(
        &self,
        chain_id: &str,
        corpid: &str,
        userid: &str,
    ) -> Result<ChainUserCustomId>;

    /// 获取下级企业加入的上下游: the chains of the upstream corp that
    /// downstream corp `corpid` belongs to. Self-built, 代开发 and the 上下游
    /// system app; the corp must be in the app's visible range.
    ///
    /// The path is `corpgroup/get_corp_shared_chain_list` (directly under
    /// `corpgroup/`): some SDKs send this call to
    /// `corpgroup/corp/get_chain_user_custom_id` by mistake.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97442>
    #[post("corpgroup/get_corp_shared_chain_list", token = corp)]
    async fn get_corp_shared_chain_list(&self, corpid: &str) -> Result<ChainList>;

    // --- Contact import --------------------------------------------------

    /// 批量导入上下游联系人: submit a job importing downstream corps and their
    /// contacts into a chain; poll [`get_result`](Self::get_result) with the
    /// returned jobid (a callback also reports completion when enabled).
    ///
    /// * Only verified corps, only an app listed under 「上下游 - 可调用接口的
    ///   应用」 (the 上下游 system app).
    /// * **One import job at a time** per corp — jobs submitted in the admin
    ///   console count too; submit the next one after `get_result` reports
    ///   it done.
    /// * `errcode` 0 only means the job was accepted.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95821>
    #[post("corpgroup/import_chain_contact", token = corp)]
    async fn import_chain_contact(&self, #[body] job: &ImportChainContactRequest) -> Result<ImportJob>;

    /// 获取异步任务结果: state of an import job submitted with
    /// [`import_chain_contact`](Self::import_chain_contact); `result` is set
    /// once `status` is [`JobStatus::Done`]. Only jobs submitted before can
    /// be queried; only an app listed under 「上下游 - 可调用接口的应用」;
    /// **concurrency limit 5**.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95823>
    #[get("corpgroup/getresult", token = corp)]
    async fn get_result(&self, jobid: &str) -> Result<ImportJobResult>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

/// `business_type` of the corpgroup endpoints (defined by the runtime, whose
/// downstream token source sends it too).
pub use wecom_core::token::BusinessType;

int_enum! {
    /// `qualification_status` of a joined downstream corp (企业是否验证或认证).
    pub enum QualificationStatus {
        /// 1: not verified (未验证).
        Unverified = 1,
        /// 2: verified (已验证).
        Verified = 2,
        /// 3: certified (已认证).
        Certified = 3,
    }
}

int_enum! {
    /// `identity_type` of an imported contact (联系人身份类型).
    pub enum IdentityType {
        /// 1: member (成员).
        Member = 1,
        /// 2: person in charge (负责人).
        Head = 2,
    }
}

int_enum! {
    /// `status` of an asynchronous job (任务状态).
    pub enum JobStatus {
        /// 1: started (任务开始).
        Started = 1,
        /// 2: running (任务进行中).
        Running = 2,
        /// 3: done (任务已完成); the result is available.
        Done = 3,
    }
}

int_enum! {
    /// `import_status` of a finished contact import (导入状态).
    pub enum ImportStatus {
        /// 1: every corp was imported (全部企业导入成功).
        AllSucceeded = 1,
        /// 2: some corps were imported (部分企业导入成功).
        PartlySucceeded = 2,
        /// 3: no corp was imported (全部企业导入失败).
        AllFailed = 3,
    }
}

/// A downstream corp of a chain, addressed either by `corpid` (it has
/// joined) or by `pending_corpid` (invited or imported, not joined yet).
///
/// WeCom takes exactly one of the two keys (when both are sent `corpid`
/// wins); this type makes sending both or neither impossible. Serializes as
/// `{"corpid": "…"}` or `{"pending_corpid": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChainCorp {
    /// A joined corp (已加入企业id).
    #[serde(rename = "corpid")]
    Corpid(String),
    /// A corp that has not joined yet (未加入企业id).
    #[serde(rename = "pending_corpid")]
    PendingCorpid(String),
}

impl ChainCorp {
    /// A joined corp.
    pub fn corpid(corpid: impl Into<String>) -> Self {
        ChainCorp::Corpid(corpid.into())
    }

    /// A corp that has not joined yet.
    pub fn pending_corpid(pending_corpid: impl Into<String>) -> Self {
        ChainCorp::PendingCorpid(pending_corpid.into())
    }

    /// The id, whichever kind it is.
    pub fn id(&self) -> &str {
        match self {
            ChainCorp::Corpid(id) | ChainCorp::PendingCorpid(id) => id,
        }
    }
}

// ---------------------------------------------------------------------------
// Shared apps
// ---------------------------------------------------------------------------

/// Request of `corpgroup/corp/list_app_share_info`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListAppShareInfoRequest {
    /// The upstream corp's app (上级/上游企业应用agentid).
    pub agentid: i64,
    /// 0 企业互联 / 局校互联, 1 上下游 (WeCom's default when absent is 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_type: Option<BusinessType>,
    /// Only this downstream corp's share info.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corpid: Option<String>,
    /// Page size, at most 100; `None` or 0 returns everything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The previous page's `next_cursor`; `None` for the first page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl ListAppShareInfoRequest {
    /// The shares of app `agentid` in the 上下游 chain (`business_type` 1).
    pub fn new(agentid: i64) -> Self {
        ListAppShareInfoRequest {
            agentid,
            business_type: Some(BusinessType::UpDownStream),
            corpid: None,
            limit: None,
            cursor: None,
        }
    }

    /// Sets `business_type` (e.g. [`BusinessType::CorpInterconnect`]).
    pub fn with_business_type(mut self, business_type: BusinessType) -> Self {
        self.business_type = Some(business_type);
        self
    }

    /// Only this downstream corp.
    pub fn with_corpid(mut self, corpid: impl Into<String>) -> Self {
        self.corpid = Some(corpid.into());
        self
    }

    /// Page size (at most 100).
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Continue after a previous page.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }
}

/// Reply of `corpgroup/corp/list_app_share_info`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppShareInfoList {
    /// Whether this is the last page (WeCom's `ending`: 1 finished, 0 more).
    #[serde(default, with = "crate::serde_util::flag")]
    pub ending: bool,
    /// The corps the app is shared with.
    #[serde(default)]
    pub corp_list: Vec<SharedCorp>,
    /// Cursor of the next page; empty when there is none.
    #[serde(default)]
    pub next_cursor: String,
}

/// One corp an app is shared with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedCorp {
    /// The downstream corp (下级/下游企业corpid).
    pub corpid: String,
    /// Its name.
    #[serde(default)]
    pub corp_name: String,
    /// The shared app's agentid in that corp (use it with
    /// [`Client::downstream`](crate::Client::downstream)).
    #[serde(default)]
    pub agentid: i64,
}

// ---------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------

/// Request of `corpgroup/unionid_to_external_userid`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnionidToExternalUseridRequest {
    /// The WeChat user's unionid.
    pub unionid: String,
    /// The user's openid in the same mini program.
    pub openid: String,
    /// Only this corp; every downstream corp when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corpid: Option<String>,
    /// Ticket for bulk calls beyond the hourly limit (大批量调用凭据).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mass_call_ticket: Option<String>,
}

impl UnionidToExternalUseridRequest {
    /// Looks the user up in every downstream corp.
    pub fn new(unionid: impl Into<String>, openid: impl Into<String>) -> Self {
        UnionidToExternalUseridRequest {
            unionid: unionid.into(),
            openid: openid.into(),
            corpid: None,
            mass_call_ticket: None,
        }
    }

    /// Only in this corp.
    pub fn with_corpid(mut self, corpid: impl Into<String>) -> Self {
        self.corpid = Some(corpid.into());
        self
    }

    /// Sends a `mass_call_ticket`.
    pub fn with_mass_call_ticket(mut self, ticket: impl Into<String>) -> Self {
        self.mass_call_ticket = Some(ticket.into());
        self
    }
}

/// Reply of `corpgroup/unionid_to_external_userid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalUseridInfoList {
    /// One entry per corp where the user is a customer.
    #[serde(default)]
    pub external_userid_info: Vec<CorpExternalUserid>,
}

/// A customer's external_userid in one corp.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpExternalUserid {
    /// The corp (所属企业id).
    pub corpid: String,
    /// The customer's external_userid there.
    pub external_userid: String,
}

/// Reply of `corpgroup/unionid_to_pending_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingIdReply {
    /// The temporary customer id, valid 90 days.
    pub pending_id: String,
}

/// Request of `corpgroup/batch/external_userid_to_pending_id` (both sides).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalUseridToPendingIdRequest {
    /// Restrict to the customers of this group chat (群id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    /// Upstream or downstream external_userids, at most 100.
    pub external_userid: Vec<String>,
}

impl ExternalUseridToPendingIdRequest {
    /// These customers (at most 100).
    pub fn new<I, S>(external_userid: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        ExternalUseridToPendingIdRequest {
            chat_id: None,
            external_userid: external_userid.into_iter().map(Into::into).collect(),
        }
    }

    /// Only customers of this group chat.
    pub fn with_chat_id(mut self, chat_id: impl Into<String>) -> Self {
        self.chat_id = Some(chat_id.into());
        self
    }
}

/// Reply of `corpgroup/batch/external_userid_to_pending_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingIdList {
    /// The customers that have a pending_id.
    #[serde(default)]
    pub result: Vec<ExternalUseridPendingId>,
}

/// One external_userid and its pending_id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalUseridPendingId {
    /// The customer (转换的external_userid).
    pub external_userid: String,
    /// Its pending_id.
    #[serde(default)]
    pub pending_id: String,
}

// ---------------------------------------------------------------------------
// Chains, groups, corps
// ---------------------------------------------------------------------------

/// Reply of `corpgroup/corp/get_chain_list` and
/// `corpgroup/get_corp_shared_chain_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainList {
    /// The chains.
    #[serde(default)]
    pub chains: Vec<Chain>,
}

/// One chain (上下游).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chain {
    /// Its id (上下游id).
    pub chain_id: String,
    /// Its name.
    #[serde(default)]
    pub chain_name: String,
}

/// Reply of `corpgroup/corp/get_chain_group`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainGroupList {
    /// The groups.
    #[serde(default)]
    pub groups: Vec<ChainGroup>,
}

/// A group of a chain's contact book (上下游通讯录分组).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainGroup {
    /// Its id.
    pub groupid: u32,
    /// Its name.
    #[serde(default)]
    pub group_name: String,
    /// The parent group (the root group's id is 1).
    #[serde(default)]
    pub parentid: u32,
    /// Order within the parent; larger values come first, range [0, 2^32).
    #[serde(default)]
    pub order: u32,
}

/// Request of `corpgroup/corp/get_chain_corpinfo_list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainCorpInfoListRequest {
    /// The chain.
    pub chain_id: String,
    /// The group; the root when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groupid: Option<u32>,
    /// Also list corps that have not joined (WeCom's default: no).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub need_pending: Option<bool>,
    /// The previous page's `next_cursor`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Page size; > 0 turns paging on, `None` returns every corp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl ChainCorpInfoListRequest {
    /// The joined corps in the chain's root group.
    pub fn new(chain_id: impl Into<String>) -> Self {
        ChainCorpInfoListRequest {
            chain_id: chain_id.into(),
            groupid: None,
            need_pending: None,
            cursor: None,
            limit: None,
        }
    }

    /// The corps of this group.
    pub fn with_groupid(mut self, groupid: u32) -> Self {
        self.groupid = Some(groupid);
        self
    }

    /// Whether corps that have not joined are listed too.
    pub fn with_need_pending(mut self, need_pending: bool) -> Self {
        self.need_pending = Some(need_pending);
        self
    }

    /// Page size (> 0).
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Continue after a previous page.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }
}

/// Reply of `corpgroup/corp/get_chain_corpinfo_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainCorpInfoList {
    /// Whether more pages follow (a JSON bool here; 0/1 accepted too).
    #[serde(default, with = "crate::serde_util::flag")]
    pub has_more: bool,
    /// Cursor of the next page.
    #[serde(default)]
    pub next_cursor: String,
    /// The corps of the group.
    #[serde(default)]
    pub group_corps: Vec<GroupCorp>,
}

/// A corp in a chain group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupCorp {
    /// Its group.
    #[serde(default)]
    pub groupid: u32,
    /// Its corpid (joined corps only; empty otherwise).
    #[serde(default)]
    pub corpid: String,
    /// Its pending id (corps that have not joined; empty otherwise).
    #[serde(default)]
    pub pending_corpid: String,
    /// Its name.
    #[serde(default)]
    pub corp_name: String,
    /// Custom id given at import (上下游企业自定义id); empty if none.
    #[serde(default)]
    pub custom_id: String,
    /// The member who invited it (only for the 上下游 system app, and only
    /// when the member is in the app's visible range).
    #[serde(default)]
    pub invite_userid: String,
    /// Whether the corp has joined (WeCom sends 0/1 here, a bool elsewhere).
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_joined: bool,
}

impl GroupCorp {
    /// The corp as a [`ChainCorp`]: by corpid when it has one, else by
    /// pending_corpid (`None` when WeCom sent neither).
    pub fn chain_corp(&self) -> Option<ChainCorp> {
        if !self.corpid.is_empty() {
            Some(ChainCorp::Corpid(self.corpid.clone()))
        } else if !self.pending_corpid.is_empty() {
            Some(ChainCorp::PendingCorpid(self.pending_corpid.clone()))
        } else {
            None
        }
    }
}

/// Request of `corpgroup/corp/get_chain_corpinfo` and
/// `corpgroup/corp/remove_corp`: a chain and one of its corps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainCorpQuery {
    /// The chain.
    pub chain_id: String,
    /// The corp: sent as `corpid` or `pending_corpid`.
    #[serde(flatten)]
    pub corp: ChainCorp,
}

impl ChainCorpQuery {
    /// Corp `corp` of chain `chain_id`.
    pub fn new(chain_id: impl Into<String>, corp: ChainCorp) -> Self {
        ChainCorpQuery {
            chain_id: chain_id.into(),
            corp,
        }
    }
}

/// Reply of `corpgroup/corp/get_chain_corpinfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainCorpInfo {
    /// The corp's name.
    #[serde(default)]
    pub corp_name: String,
    /// Verified / certified (joined corps only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualification_status: Option<QualificationStatus>,
    /// Custom id given at import; empty if none.
    #[serde(default)]
    pub custom_id: String,
    /// Its group.
    #[serde(default)]
    pub groupid: u32,
    /// Whether it has joined (a bool here, 0/1 accepted too).
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_joined: bool,
}

/// Reply of `corpgroup/corp/get_chain_user_custom_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainUserCustomId {
    /// The member's custom id (成员自定义 id).
    #[serde(default)]
    pub user_custom_id: String,
}

// ---------------------------------------------------------------------------
// Contact import
// ---------------------------------------------------------------------------

/// Request of `corpgroup/import_chain_contact`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportChainContactRequest {
    /// The chain the contacts are imported into.
    pub chain_id: String,
    /// The corps and their contacts.
    pub contact_list: Vec<ChainContact>,
}

impl ImportChainContactRequest {
    /// Imports `contact_list` into chain `chain_id`.
    pub fn new(chain_id: impl Into<String>, contact_list: Vec<ChainContact>) -> Self {
        ImportChainContactRequest {
            chain_id: chain_id.into(),
            contact_list,
        }
    }
}

/// One downstream corp to import, with its contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainContact {
    /// Corp name, 1–32 characters of Chinese, letters, digits and ` -_()（）`.
    pub corp_name: String,
    /// Group of a newly imported corp, e.g. `"华北区/北京市/海淀区"` (root
    /// when `None`); existing corps keep their group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_path: Option<String>,
    /// Custom id of the corp, 0–64 letters and digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_id: Option<String>,
    /// Its contacts.
    pub contact_info_list: Vec<ChainContactInfo>,
}

impl ChainContact {
    /// A corp with these contacts.
    pub fn new(corp_name: impl Into<String>, contact_info_list: Vec<ChainContactInfo>) -> Self {
        ChainContact {
            corp_name: corp_name.into(),
            group_path: None,
            custom_id: None,
            contact_info_list,
        }
    }

    /// Sets the group path (`/`-separated).
    pub fn with_group_path(mut self, group_path: impl Into<String>) -> Self {
        self.group_path = Some(group_path.into());
        self
    }

    /// Sets the corp's custom id.
    pub fn with_custom_id(mut self, custom_id: impl Into<String>) -> Self {
        self.custom_id = Some(custom_id.into());
        self
    }
}

/// One contact of an imported corp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainContactInfo {
    /// Name, 1–32 characters.
    pub name: String,
    /// Member or person in charge.
    pub identity_type: IdentityType,
    /// Mobile number: mainland numbers as is, international ones with `+`
    /// and the country code.
    pub mobile: String,
    /// Custom user id: digits only, 1 ..= 2^64-2, no leading zero, not 11
    /// or 13 digits long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_custom_id: Option<String>,
}

impl ChainContactInfo {
    /// A contact.
    pub fn new(name: impl Into<String>, identity_type: IdentityType, mobile: impl Into<String>) -> Self {
        ChainContactInfo {
            name: name.into(),
            identity_type,
            mobile: mobile.into(),
            user_custom_id: None,
        }
    }

    /// Sets the custom user id.
    pub fn with_user_custom_id(mut self, user_custom_id: impl Into<String>) -> Self {
        self.user_custom_id = Some(user_custom_id.into());
        self
    }
}

/// Reply of `corpgroup/import_chain_contact`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportJob {
    /// The job, at most 64 bytes; poll it with `corpgroup/getresult`.
    pub jobid: String,
}

/// Reply of `corpgroup/getresult`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportJobResult {
    /// Started, running or done.
    #[serde(default)]
    pub status: JobStatus,
    /// The outcome, once the job is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ImportResult>,
}

impl ImportJobResult {
    /// Whether the job has finished.
    pub fn is_done(&self) -> bool {
        self.status == JobStatus::Done
    }
}

/// Outcome of a finished import job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportResult {
    /// The chain.
    #[serde(default)]
    pub chain_id: String,
    /// All, some or none of the corps imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_status: Option<ImportStatus>,
    /// Corps that failed; a failing contact blocks its whole corp.
    #[serde(default)]
    pub fail_list: Vec<ImportFailure>,
}

/// A corp whose import failed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportFailure {
    /// The corp's name as submitted.
    #[serde(default)]
    pub corp_name: String,
    /// The corp's custom id as submitted.
    #[serde(default)]
    pub custom_id: String,
    /// Error code for the corp.
    #[serde(default)]
    pub errcode: i64,
    /// Error message for the corp.
    #[serde(default)]
    pub errmsg: String,
    /// The contacts that caused errors.
    #[serde(default)]
    pub contact_info_list: Vec<ContactFailure>,
}

/// A contact that failed to import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactFailure {
    /// The contact's mobile (WeCom's field list names it `user_mobile`,
    /// its example `mobile`; both are read).
    #[serde(default, alias = "user_mobile")]
    pub mobile: String,
    /// Error code.
    #[serde(default)]
    pub errcode: i64,
    /// Error message.
    #[serde(default)]
    pub errmsg: String,
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

impl CursorPage for AppShareInfoList {
    type Item = SharedCorp;
    fn into_page(self) -> Page<SharedCorp> {
        Page::from_cursor(self.corp_list, self.next_cursor, !self.ending)
    }
}

crate::paging::cursor_page! {
    ChainCorpInfoList => group_corps: GroupCorp [has_more],
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn chain_corp_serializes_to_one_key() {
        let q = ChainCorpQuery::new("Ch1", ChainCorp::corpid("ww1"));
        assert_eq!(
            serde_json::to_value(&q).unwrap(),
            json!({"chain_id":"Ch1","corpid":"ww1"})
        );
        let q = ChainCorpQuery::new("Ch1", ChainCorp::pending_corpid("wp1"));
        assert_eq!(
            serde_json::to_value(&q).unwrap(),
            json!({"chain_id":"Ch1","pending_corpid":"wp1"})
        );
        let back: ChainCorpQuery =
            serde_json::from_value(json!({"chain_id":"C","pending_corpid":"p"})).unwrap();
        assert_eq!(back.corp, ChainCorp::PendingCorpid("p".into()));
        assert_eq!(back.corp.id(), "p");
    }

    #[test]
    fn flags_accept_both_encodings() {
        let a: GroupCorp = serde_json::from_value(json!({"groupid":2,"corpid":"ww","is_joined":1})).unwrap();
        assert!(a.is_joined);
        assert_eq!(a.chain_corp(), Some(ChainCorp::corpid("ww")));
        let b: GroupCorp = serde_json::from_value(json!({"pending_corpid":"wp","is_joined":false})).unwrap();
        assert!(!b.is_joined);
        assert_eq!(b.chain_corp(), Some(ChainCorp::pending_corpid("wp")));
        let c: ChainCorpInfo =
            serde_json::from_value(json!({"is_joined":true,"qualification_status":9})).unwrap();
        assert!(c.is_joined);
        assert_eq!(c.qualification_status, Some(QualificationStatus::Other(9)));
        let l: AppShareInfoList = serde_json::from_value(json!({"ending":1,"corp_list":[]})).unwrap();
        assert!(l.ending);
        let l: ChainCorpInfoList =
            serde_json::from_value(json!({"has_more":true,"next_cursor":"x"})).unwrap();
        assert_eq!(l.into_page().next_cursor.as_deref(), Some("x"));
    }

    #[test]
    fn requests_send_only_what_is_set() {
        assert_eq!(
            serde_json::to_value(ListAppShareInfoRequest::new(1000005)).unwrap(),
            json!({"agentid":1000005,"business_type":1})
        );
        assert_eq!(
            serde_json::to_value(ChainCorpInfoListRequest::new("C").with_groupid(2)).unwrap(),
            json!({"chain_id":"C","groupid":2})
        );
        let contact = ChainContact::new(
            "门店",
            vec![ChainContactInfo::new("张三", IdentityType::Head, "13800000000")],
        );
        assert_eq!(
            serde_json::to_value(&contact).unwrap(),
            json!({"corp_name":"门店","contact_info_list":[{"name":"张三","identity_type":2,"mobile":"13800000000"}]})
        );
    }
}
