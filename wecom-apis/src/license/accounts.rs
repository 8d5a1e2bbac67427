//! Accounts: activating, looking up, transferring and sharing codes.

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::Result;

/// Accounts (账号): activating codes for members, looking codes and members up, transferring and sharing accounts.
///
/// Called by the service provider with the `provider_access_token`, so a
/// client needs a provider credential (`HasToken<Provider>`). Corp and user
/// ids are the encrypted (service-provider) ids unless a method says otherwise.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/95553>
#[crate::api]
pub trait LicenseAccountApi {
    /// 激活账号: bind an activation code to a member. A member holds at most
    /// one base and one external-contact account; a second code of the same
    /// type stacks its time (only when ≤ 20 days remain, 701082) up to 5
    /// years (701030).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95553>
    #[post("license/active_account", token = provider)]
    async fn active_account(&self, corpid: &str, active_code: &str, userid: &str) -> Result<()>;

    /// 批量激活账号: bind up to 1000 codes to members in one call; each pair
    /// gets its own `errcode`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95553>
    #[post("license/batch_active_account", token = provider)]
    async fn batch_active_account(
        &self,
        #[body] request: &BatchActiveAccountRequest,
    ) -> Result<BatchActiveAccountResult>;

    /// 获取激活码详情: type, status, binding, times, merge and share history
    /// of one activation code.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95552>
    #[post("license/get_active_info_by_code", token = provider)]
    async fn get_active_info_by_code(&self, corpid: &str, active_code: &str) -> Result<ActiveInfoByCode>;

    /// 批量获取激活码详情: details of up to 1000 codes; unknown codes come
    /// back in `invalid_active_code_list`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95552>
    #[post("license/batch_get_active_info_by_code", token = provider)]
    async fn batch_get_active_info_by_code(
        &self,
        #[body] request: &BatchGetActiveInfoByCodeRequest,
    ) -> Result<ActiveInfoByCodeList>;

    /// 获取企业的账号列表: the activated accounts of a corp, one page at a
    /// time. `limit` at most 1000, default 500.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95544>
    #[post("license/list_actived_account", token = provider, page = cursor(limit = 1000))]
    async fn list_actived_account(
        &self,
        corpid: &str,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<ActivedAccountList>;

    /// 获取成员的激活详情: whether a member is activated and which accounts
    /// (at most one of each type) it holds.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95555>
    #[post("license/get_active_info_by_user", token = provider)]
    async fn get_active_info_by_user(&self, corpid: &str, userid: &str) -> Result<UserActiveInfo>;

    /// 账号继承: move accounts from members to other members of the same
    /// corp, at most 1000 per call. The source must be active and unexpired;
    /// a still-employed source may transfer once per 30 days (701017); the
    /// receiver must not hold the same type (701018).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95673>
    #[post("license/batch_transfer_license", token = provider)]
    async fn batch_transfer_license(
        &self,
        #[body] request: &BatchTransferLicenseRequest,
    ) -> Result<BatchTransferLicenseResult>;

    /// 分配激活码给下游/下级企业: share unbound codes bought for an upstream
    /// corp with a downstream corp (上下游 or 企业互联). At most 1000 codes
    /// per call, and no more than twice the downstream corp's headcount in
    /// the chain.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/96059>
    #[post("license/batch_share_active_code", token = provider)]
    async fn batch_share_active_code(
        &self,
        #[body] request: &BatchShareActiveCodeRequest,
    ) -> Result<BatchShareActiveCodeResult>;
}

// ---------------------------------------------------------------------------
// Accounts: batch_active_account
// ---------------------------------------------------------------------------

/// An activation code to bind to a member (激活账号).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountActivation {
    /// The activation code.
    pub active_code: String,
    /// The member to bind it to.
    pub userid: String,
}

impl AccountActivation {
    /// Bind `active_code` to `userid`.
    pub fn new(active_code: impl Into<String>, userid: impl Into<String>) -> Self {
        Self {
            active_code: active_code.into(),
            userid: userid.into(),
        }
    }
}

/// Request of `license/batch_active_account` (批量激活账号).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchActiveAccountRequest {
    /// The corp owning the codes (encrypted corpid).
    pub corpid: String,
    /// Code/member pairs, at most 1000 per call.
    pub active_list: Vec<AccountActivation>,
}

impl BatchActiveAccountRequest {
    /// Activate `active_list` in `corpid`.
    pub fn new(corpid: impl Into<String>, active_list: Vec<AccountActivation>) -> Self {
        Self {
            corpid: corpid.into(),
            active_list,
        }
    }
}

/// Outcome for one pair of `batch_active_account`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountActivationResult {
    /// The activation code.
    #[serde(default)]
    pub active_code: String,
    /// The member.
    #[serde(default)]
    pub userid: String,
    /// 0 on success, otherwise the error code (e.g. 701030: validity would
    /// exceed 5 years).
    #[serde(default)]
    pub errcode: i64,
}

/// Response of `license/batch_active_account`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchActiveAccountResult {
    /// One outcome per pair.
    #[serde(default)]
    pub active_result: Vec<AccountActivationResult>,
}

// ---------------------------------------------------------------------------
// Accounts: get_active_info_by_code, batch_get_active_info_by_code
// ---------------------------------------------------------------------------

/// Merge history of a code (合并信息).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeInfo {
    /// The newer code this one was merged into; empty if none.
    #[serde(default)]
    pub to_active_code: String,
    /// The older code the member held before this one (merged into it);
    /// empty if none.
    #[serde(default)]
    pub from_active_code: String,
}

/// Sharing history of a code between corps (分配信息).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareInfo {
    /// The downstream corp the code was shared to; empty if none.
    #[serde(default)]
    pub to_corpid: String,
    /// The upstream corp the code was shared from; empty if none.
    #[serde(default)]
    pub from_corpid: String,
}

/// Details of an activation code (激活码详情).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveCodeInfo {
    /// The activation code.
    #[serde(default)]
    pub active_code: String,
    /// The account type (`type`).
    #[serde(rename = "type", default)]
    pub account_type: AccountType,
    /// The code's status.
    #[serde(default)]
    pub status: ActiveCodeStatus,
    /// The member it is bound to (encrypted userid); empty if unbound.
    #[serde(default)]
    pub userid: String,
    /// When the code was created, right after payment (unix seconds); it must
    /// be activated within 365 days.
    #[serde(default)]
    pub create_time: i64,
    /// First activation (unix seconds); 0 if never activated.
    #[serde(default)]
    pub active_time: i64,
    /// Expiry (unix seconds): first activation plus the purchased duration;
    /// 0 if never activated.
    #[serde(default)]
    pub expire_time: i64,
    /// Merge history; only for merged or merging codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge_info: Option<MergeInfo>,
    /// Sharing history; only for shared codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_info: Option<ShareInfo>,
}

/// Response of `license/get_active_info_by_code` (获取激活码详情).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveInfoByCode {
    /// The code's details.
    #[serde(default)]
    pub active_info: ActiveCodeInfo,
}

/// Request of `license/batch_get_active_info_by_code` (批量获取激活码详情).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchGetActiveInfoByCodeRequest {
    /// The corp to query (encrypted corpid).
    pub corpid: String,
    /// Codes to look up, at most 1000.
    pub active_code_list: Vec<String>,
}

impl BatchGetActiveInfoByCodeRequest {
    /// Look up `active_code_list` in `corpid`.
    pub fn new<I, S>(corpid: impl Into<String>, active_code_list: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            corpid: corpid.into(),
            active_code_list: active_code_list.into_iter().map(Into::into).collect(),
        }
    }
}

/// Response of `license/batch_get_active_info_by_code`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveInfoByCodeList {
    /// Details of the valid codes.
    #[serde(default)]
    pub active_info_list: Vec<ActiveCodeInfo>,
    /// Codes WeCom did not recognize (不合法的激活码).
    #[serde(default)]
    pub invalid_active_code_list: Vec<String>,
}

// ---------------------------------------------------------------------------
// Accounts: list_actived_account, get_active_info_by_user
// ---------------------------------------------------------------------------

/// An activated account of a corp (`list_actived_account`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivedAccount {
    /// The member (encrypted userid).
    #[serde(default)]
    pub userid: String,
    /// The account type (`type`).
    #[serde(rename = "type", default)]
    pub account_type: AccountType,
    /// Activation time (unix seconds).
    #[serde(default)]
    pub active_time: i64,
    /// Expiry (unix seconds).
    #[serde(default)]
    pub expire_time: i64,
}

/// Response of `license/list_actived_account` (获取企业的账号列表): one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivedAccountList {
    /// Accounts on this page.
    #[serde(default)]
    pub account_list: Vec<ActivedAccount>,
    /// Cursor for the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// Whether more pages follow (WeCom sends 0/1).
    #[serde(default, with = "crate::serde_util::flag")]
    pub has_more: bool,
}

/// One account held by a member (`get_active_info_by_user`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserActiveAccount {
    /// The activation code.
    #[serde(default)]
    pub active_code: String,
    /// The account type (`type`).
    #[serde(rename = "type", default)]
    pub account_type: AccountType,
    /// The member (encrypted userid).
    #[serde(default)]
    pub userid: String,
    /// Activation time (unix seconds).
    #[serde(default)]
    pub active_time: i64,
    /// Expiry (unix seconds).
    #[serde(default)]
    pub expire_time: i64,
}

/// Response of `license/get_active_info_by_user` (获取成员的激活详情).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserActiveInfo {
    /// Whether the member holds an active account.
    #[serde(default)]
    pub active_status: UserActiveStatus,
    /// The member's accounts: at most one base and one external-contact.
    #[serde(default)]
    pub active_info_list: Vec<UserActiveAccount>,
}

// ---------------------------------------------------------------------------
// Accounts: batch_transfer_license, batch_share_active_code
// ---------------------------------------------------------------------------

/// Moves a member's accounts to another member (账号继承).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicenseTransfer {
    /// The member giving up the accounts (转移成员).
    pub handover_userid: String,
    /// The member receiving them (接收成员).
    pub takeover_userid: String,
}

impl LicenseTransfer {
    /// Transfer from `handover_userid` to `takeover_userid`.
    pub fn new(handover_userid: impl Into<String>, takeover_userid: impl Into<String>) -> Self {
        Self {
            handover_userid: handover_userid.into(),
            takeover_userid: takeover_userid.into(),
        }
    }
}

/// Request of `license/batch_transfer_license` (账号继承).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchTransferLicenseRequest {
    /// The corp (encrypted corpid); both members must belong to it.
    pub corpid: String,
    /// Transfers, at most 1000 per call.
    pub transfer_list: Vec<LicenseTransfer>,
}

impl BatchTransferLicenseRequest {
    /// Run `transfer_list` in `corpid`.
    pub fn new(corpid: impl Into<String>, transfer_list: Vec<LicenseTransfer>) -> Self {
        Self {
            corpid: corpid.into(),
            transfer_list,
        }
    }
}

/// Outcome of one transfer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicenseTransferResult {
    /// The member giving up the accounts.
    #[serde(default)]
    pub handover_userid: String,
    /// The member receiving them.
    #[serde(default)]
    pub takeover_userid: String,
    /// 0 on success, otherwise the error code (e.g. 701017: transferred
    /// within the last 30 days).
    #[serde(default)]
    pub errcode: i64,
}

/// Response of `license/batch_transfer_license`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchTransferLicenseResult {
    /// One outcome per transfer.
    #[serde(default)]
    pub transfer_result: Vec<LicenseTransferResult>,
}

/// An activation code to share (分配的激活码).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedActiveCode {
    /// The activation code.
    pub active_code: String,
}

/// Request of `license/batch_share_active_code` (分配激活码给下游/下级企业).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchShareActiveCodeRequest {
    /// The upstream corp owning the codes (encrypted corpid).
    pub from_corpid: String,
    /// The downstream corp receiving them (encrypted corpid).
    pub to_corpid: String,
    /// Codes to share: unbound, owned by `from_corpid`, not yet shared; at
    /// most 1000 per call.
    pub share_list: Vec<SharedActiveCode>,
    /// The relationship between the corps; WeCom's default is
    /// upstream/downstream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corp_link_type: Option<CorpLinkType>,
}

impl BatchShareActiveCodeRequest {
    /// Share `active_codes` from `from_corpid` to `to_corpid`.
    pub fn new<I, S>(from_corpid: impl Into<String>, to_corpid: impl Into<String>, active_codes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            from_corpid: from_corpid.into(),
            to_corpid: to_corpid.into(),
            share_list: active_codes
                .into_iter()
                .map(|code| SharedActiveCode {
                    active_code: code.into(),
                })
                .collect(),
            corp_link_type: None,
        }
    }

    /// Sets the corp relationship (e.g. enterprise interconnection).
    pub fn with_corp_link_type(mut self, corp_link_type: CorpLinkType) -> Self {
        self.corp_link_type = Some(corp_link_type);
        self
    }
}

/// Outcome of sharing one code; WeCom lists only the failures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareActiveCodeResult {
    /// The activation code.
    #[serde(default)]
    pub active_code: String,
    /// Error code.
    #[serde(default)]
    pub errcode: i64,
    /// Error message.
    #[serde(default)]
    pub errmsg: String,
}

/// Response of `license/batch_share_active_code`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchShareActiveCodeResult {
    /// Failed codes with the reason.
    #[serde(default)]
    pub share_result: Vec<ShareActiveCodeResult>,
}

crate::paging::cursor_page! {
    ActivedAccountList => account_list: ActivedAccount [has_more],
}
