//! 2.13 Customer acquisition links (获客助手): links that add customers to
//! members straight from WeChat, the customers they brought, the quota and
//! usage statistics; plus the official `externalcontact/*` paths of 2.14
//! that fit no other section (the acquisition app's permitted range, the
//! acquisition chat info, mobile-number conversion for 家校, and the
//! customer-group id migration).
//!
//! Following the official pages: `customer_acquisition_quota` and
//! `customer_acquisition_app/get_permit` are GET; `customer_acquisition/statistic`
//! is POST with a JSON body. The quota reply keeps `quota_list`. Cursor
//! lists walk to the end with the `…_stream` methods of [`CustomerAcquisitionApi`].

use serde::{Deserialize, Serialize};

use super::shapes::MemberRange;
use crate::Result;
use crate::serde_util::int_enum;

/// Customer acquisition (获客助手) endpoints and the 2.14 extras. Every
/// method takes the corp `access_token` (a self-built app configured as
/// 可调用应用, or a third-party / 代开发 token with 「获客助手」; the
/// customer-contact system app is not accepted).
#[crate::api]
pub trait CustomerAcquisitionApi {
    /// 获取获客链接列表: ids of the links that are still valid. `limit` at
    /// most 100.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>
    #[post("externalcontact/customer_acquisition/list_link", token = corp, page = cursor(limit = 100), alias = customer_acquisition_list_link)]
    async fn list_customer_acquisition_link(
        &self,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<AcquisitionLinkIdList>;

    /// 获取获客链接详情: name, URL, range and options of a link.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>
    #[post("externalcontact/customer_acquisition/get", token = corp, alias = customer_acquisition_get)]
    async fn get_customer_acquisition_link(&self, link_id: &str) -> Result<AcquisitionLinkDetail>;

    /// 创建获客链接: create a link for members and/or departments (in the
    /// app's visibility). `skip_verify` defaults to true (customers are added
    /// without the member's confirmation).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>
    #[post("externalcontact/customer_acquisition/create_link", token = corp, alias = customer_acquisition_create_link)]
    async fn create_customer_acquisition_link(
        &self,
        #[body] link: &NewAcquisitionLink,
    ) -> Result<CreatedAcquisitionLink>;

    /// 编辑获客链接: rename a link or replace its range and options; only the
    /// fields set are sent (a `range` replaces the whole range).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>
    #[post("externalcontact/customer_acquisition/update_link", token = corp, alias = customer_acquisition_update_link)]
    async fn update_customer_acquisition_link(&self, #[body] update: &AcquisitionLinkUpdate) -> Result<()>;

    /// 删除获客链接: delete a link; the customers it brought stay.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97297>
    #[post("externalcontact/customer_acquisition/delete_link", token = corp, alias = customer_acquisition_delete_link)]
    async fn delete_customer_acquisition_link(&self, link_id: &str) -> Result<()>;

    /// 获取获客客户列表: the customers a link brought, with the member who
    /// added them and whether they have written yet. The link must have been
    /// created by this app. `limit` at most 1000.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/101359>
    #[post("externalcontact/customer_acquisition/customer", token = corp, page = cursor(limit = 1000))]
    async fn customer_acquisition_customer(
        &self,
        link_id: &str,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<AcquisitionCustomerList>;

    /// 查询剩余使用量: the corp's used and remaining acquisition quota, with
    /// the remaining quota per expiry date (`quota_list`). WeCom serves this
    /// with GET.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97400>
    #[get("externalcontact/customer_acquisition_quota", token = corp)]
    async fn customer_acquisition_quota(&self) -> Result<AcquisitionQuota>;

    /// 查询链接使用详情: clicks and new customers of a link over
    /// `[start_time, end_time]` (whole days, inclusive; at most 30 days apart,
    /// within the last 180 days). POST with a JSON body, as the official page
    /// gives it.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97400>
    #[post("externalcontact/customer_acquisition/statistic", token = corp)]
    async fn customer_acquisition_statistic(
        &self,
        link_id: &str,
        start_time: i64,
        end_time: i64,
    ) -> Result<AcquisitionStatistic>;

    /// 获取成员多次收消息详情: how many messages a member received from an
    /// acquired customer, and through which link, for the `ChatKey` of a
    /// `customer_acquisition` callback (valid for 30 minutes after it).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/100135>
    #[post("externalcontact/customer_acquisition/get_chat_info", token = corp, alias = customer_acquisition_get_chat_info)]
    async fn get_customer_acquisition_chat_info(&self, chat_key: &str) -> Result<AcquisitionChatInfo>;

    /// 获取客户可建联成员: the members, departments and tags an acquisition
    /// (营销获客) app may connect customers to, as configured by the admin.
    /// Marketing-acquisition apps only. WeCom serves this with GET.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/101146>
    #[get("externalcontact/customer_acquisition_app/get_permit", token = corp, alias = customer_acquisition_app_get_permit)]
    async fn get_customer_acquisition_permit(&self) -> Result<AcquisitionAppPermit>;

    /// 手机号转外部联系人ID (家校): convert parents' mobile numbers to their
    /// `external_userid`; each number succeeds or fails on its own.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92506>
    #[post("externalcontact/batch_to_external_userid", token = corp)]
    async fn batch_to_external_userid(&self, mobiles: &[&str]) -> Result<MobileToExternalUseridResult>;

    /// 客户群成员ID转换 (企业主体变更迁移): the new `external_userid` of
    /// members of one customer group, after the corp's subject changed.
    /// Ids of other customer groups are not converted here.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95327>
    #[post("externalcontact/groupchat/get_new_external_userid", token = corp, alias = groupchat_get_new_external_userid)]
    async fn get_group_chat_new_external_userid(
        &self,
        chat_id: &str,
        external_userid_list: &[&str],
    ) -> Result<GroupChatNewExternalUseridList>;
}

int_enum! {
    /// Whether an acquired customer has written (会话状态 `chat_status`).
    pub enum AcquisitionChatStatus {
        /// 0: the customer has not sent a message (客户未发消息).
        NotSent = 0,
        /// 1: the customer has sent a message (客户已发送消息).
        Sent = 1,
        /// 2: unknown (客户发送消息状态未知).
        Unknown = 2,
    }
}

int_enum! {
    /// How a link prefers members who already know the customer
    /// (优先分配类型 `priority_type`).
    pub enum AcquisitionPriorityType {
        /// 1: anyone in the corp who is already the customer's friend
        /// (全企业范围内优先分配给有好友关系的成员).
        WholeCorp = 1,
        /// 2: friends among the listed members (指定范围内优先分配有好友关系的成员).
        ListedMembers = 2,
    }
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

/// Response of `customer_acquisition/list_link`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionLinkIdList {
    /// Link ids (link_id列表).
    #[serde(default)]
    pub link_id_list: Vec<String>,
    /// Cursor of the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

/// Members and departments a link hands customers to (`range`: 此获客链接
/// 关联的userid列表 / 部门id列表).
pub type AcquisitionLinkRange = MemberRange;

/// Who gets the customer first (`priority_option`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionPriorityOption {
    /// Whole corp or the listed members.
    #[serde(default)]
    pub priority_type: AcquisitionPriorityType,
    /// The members to prefer, for type 2 (优先分配的成员列表).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priority_userid_list: Vec<String>,
}

/// A link (`link`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionLink {
    /// Link id (获客链接id); present in `create_link`.
    #[serde(default)]
    pub link_id: String,
    /// Name (获客链接的名称).
    #[serde(default)]
    pub link_name: String,
    /// The link URL (获客链接实际的url).
    #[serde(default)]
    pub url: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// Whether customers are added without confirmation (是否无需验证).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// Whether added customers are marked as coming from this app
    /// (是否标记客户添加来源为该应用创建的获客链接).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

/// Response of `customer_acquisition/get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionLinkDetail {
    /// The link.
    #[serde(default)]
    pub link: AcquisitionLink,
    /// Its members and departments.
    #[serde(default)]
    pub range: AcquisitionLinkRange,
    /// Its priority option, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_option: Option<AcquisitionPriorityOption>,
}

/// Request of `customer_acquisition/create_link` (创建获客链接).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAcquisitionLink {
    /// Name (链接名称).
    pub link_name: String,
    /// Members and departments who receive the customers.
    pub range: AcquisitionLinkRange,
    /// Add customers without confirmation (WeCom's default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// Who gets the customer first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_option: Option<AcquisitionPriorityOption>,
    /// Mark added customers as coming from this app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

impl NewAcquisitionLink {
    /// A link named `link_name` handing customers to `range`.
    pub fn new(link_name: impl Into<String>, range: AcquisitionLinkRange) -> Self {
        Self {
            link_name: link_name.into(),
            range,
            ..Self::default()
        }
    }

    /// Sets `skip_verify`.
    pub fn with_skip_verify(mut self, skip_verify: bool) -> Self {
        self.skip_verify = Some(skip_verify);
        self
    }

    /// Sets the priority option.
    pub fn with_priority_option(mut self, option: AcquisitionPriorityOption) -> Self {
        self.priority_option = Some(option);
        self
    }

    /// Sets `mark_source`.
    pub fn with_mark_source(mut self, mark_source: bool) -> Self {
        self.mark_source = Some(mark_source);
        self
    }
}

/// Response of `customer_acquisition/create_link`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedAcquisitionLink {
    /// The new link (id, name, URL, creation time).
    #[serde(default)]
    pub link: AcquisitionLink,
}

/// Request of `customer_acquisition/update_link` (编辑获客链接). Only the
/// fields set are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionLinkUpdate {
    /// The link to change.
    pub link_id: String,
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_name: Option<String>,
    /// New range (replaces the current one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<AcquisitionLinkRange>,
    /// New `skip_verify`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// New priority option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_option: Option<AcquisitionPriorityOption>,
    /// New `mark_source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

impl AcquisitionLinkUpdate {
    /// Changes link `link_id`; set what changes.
    pub fn new(link_id: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
            ..Self::default()
        }
    }

    /// New name.
    pub fn with_link_name(mut self, link_name: impl Into<String>) -> Self {
        self.link_name = Some(link_name.into());
        self
    }

    /// New range.
    pub fn with_range(mut self, range: AcquisitionLinkRange) -> Self {
        self.range = Some(range);
        self
    }

    /// New `skip_verify`.
    pub fn with_skip_verify(mut self, skip_verify: bool) -> Self {
        self.skip_verify = Some(skip_verify);
        self
    }

    /// New priority option.
    pub fn with_priority_option(mut self, option: AcquisitionPriorityOption) -> Self {
        self.priority_option = Some(option);
        self
    }

    /// New `mark_source`.
    pub fn with_mark_source(mut self, mark_source: bool) -> Self {
        self.mark_source = Some(mark_source);
        self
    }
}

// ---------------------------------------------------------------------------
// Customers, quota, statistics, chat info, permit
// ---------------------------------------------------------------------------

/// A customer a link brought (`customer_list[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionCustomer {
    /// The customer (客户external_userid).
    #[serde(default)]
    pub external_userid: String,
    /// The member who added the customer (跟进人userid).
    #[serde(default)]
    pub userid: String,
    /// Whether the customer has written.
    #[serde(default)]
    pub chat_status: AcquisitionChatStatus,
    /// The `customer_channel` appended to the link (at most 64 bytes).
    #[serde(default)]
    pub state: String,
}

/// Response of `customer_acquisition/customer`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionCustomerList {
    /// The customers.
    #[serde(default)]
    pub customer_list: Vec<AcquisitionCustomer>,
    /// Cursor of the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

/// Quota expiring on one date (`quota_list[]`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionQuotaItem {
    /// Expiry day (unix seconds of that day's 00:00) (额度过期时间戳).
    #[serde(default)]
    pub expire_date: i64,
    /// Quota expiring that day (即将过期额度数量).
    #[serde(default)]
    pub balance: i64,
}

/// Response of `customer_acquisition_quota`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionQuota {
    /// Quota used so far (历史累计使用量).
    #[serde(default)]
    pub total: i64,
    /// Quota left (剩余使用量).
    #[serde(default)]
    pub balance: i64,
    /// Remaining quota by expiry date.
    #[serde(default)]
    pub quota_list: Vec<AcquisitionQuotaItem>,
}

/// Response of `customer_acquisition/statistic`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionStatistic {
    /// Customers who clicked the link (点击链接客户数).
    #[serde(default)]
    pub click_link_customer_cnt: i64,
    /// New customers (新增客户数).
    #[serde(default)]
    pub new_customer_cnt: i64,
}

/// Chat figures of an acquired customer (`chat_info`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionChat {
    /// Messages the member received from the customer (收到的消息次数).
    #[serde(default)]
    pub recv_msg_cnt: i64,
    /// The link the customer came through (获客链接id).
    #[serde(default)]
    pub link_id: String,
    /// The `state` of that addition.
    #[serde(default)]
    pub state: String,
}

/// Response of `customer_acquisition/get_chat_info`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionChatInfo {
    /// The chat figures.
    #[serde(default)]
    pub chat_info: AcquisitionChat,
    /// The member, when WeCom includes it (empty otherwise).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub userid: String,
    /// The customer, when WeCom includes it (empty otherwise).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub external_userid: String,
}

/// Response of `customer_acquisition_app/get_permit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcquisitionAppPermit {
    /// Permitted members (可建联成员).
    #[serde(default)]
    pub user_list: Vec<String>,
    /// Permitted departments (可建联部门).
    #[serde(default)]
    pub department_list: Vec<i64>,
    /// Permitted contact-book tags (可建联标签).
    #[serde(default)]
    pub tag_list: Vec<i64>,
}

// ---------------------------------------------------------------------------
// 2.14: batch_to_external_userid, groupchat/get_new_external_userid
// ---------------------------------------------------------------------------

/// One converted (or failed) mobile number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MobileToExternalUserid {
    /// The mobile number (手机号).
    #[serde(default)]
    pub mobile: String,
    /// The parent's `external_userid` (on success).
    #[serde(default)]
    pub external_userid: String,
    /// The key given when the parent was imported (导入家长时指定的关键字).
    #[serde(default)]
    pub foreign_key: String,
    /// Error code for this number (failures).
    #[serde(default)]
    pub errcode: i64,
    /// Error message for this number (failures).
    #[serde(default)]
    pub errmsg: String,
}

/// Response of `batch_to_external_userid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MobileToExternalUseridResult {
    /// Converted numbers (成功列表).
    #[serde(default)]
    pub success_list: Vec<MobileToExternalUserid>,
    /// Numbers that failed (失败列表).
    #[serde(default)]
    pub fail_list: Vec<MobileToExternalUserid>,
}

/// An old → new customer id in a customer group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatNewExternalUserid {
    /// The old id (转换前的external_userid).
    #[serde(default)]
    pub external_userid: String,
    /// The new id (转换后的external_userid); empty when it cannot convert.
    #[serde(default)]
    pub new_external_userid: String,
}

/// Response of `groupchat/get_new_external_userid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatNewExternalUseridList {
    /// The conversions.
    #[serde(default)]
    pub items: Vec<GroupChatNewExternalUserid>,
}

// ---------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------

// No `has_more` in these replies: an empty `next_cursor` ends the list.
crate::paging::cursor_page! {
    AcquisitionLinkIdList => link_id_list: String,
    AcquisitionCustomerList => customer_list: AcquisitionCustomer,
}
