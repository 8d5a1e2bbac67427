//! 2.1 Customers (客户), follow users and ID conversion.
//!
//! Reading customers ([`CustomerApi::get_external_contact`],
//! [`CustomerApi::batch_get_by_user`], [`CustomerApi::contact_list`]),
//! the members who serve them ([`CustomerApi::get_follow_user_list`]),
//! editing a member's remark on a customer ([`CustomerApi::remark`]), and
//! converting customer ids (openid, unionid, service-provider ids).
//! the `…_stream` methods of [`CustomerApi`] walk the paginated lists to the end.

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::serde_util::int_enum;

/// Customer (客户) endpoints: who serves which customers, customer
/// details, remarks, and id conversions.
///
/// Every method takes the corp `access_token` of an app allowed to use
/// customer contact (客户联系): a self-built app listed under 「可调用应用」,
/// or a third-party / 代开发 app with the customer permissions. Customers
/// are visible only through members inside the app's visible range.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/92109>
#[crate::api]
pub trait CustomerApi {
    /// 获取配置了客户联系功能的成员列表: the userids of the members who
    /// have the customer-contact feature (follow users).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92571>
    #[get("externalcontact/get_follow_user_list", token = corp)]
    async fn get_follow_user_list(&self) -> Result<FollowUserList>;

    /// 获取客户列表: the `external_userid`s of one member's customers
    /// (path `externalcontact/list`). WeCom answers errcode 84061 when the
    /// member has no customers; this SDK reports it as an error rather than
    /// an empty list, so the caller decides.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92113>
    #[get("externalcontact/list", token = corp)]
    async fn list_external_contact(&self, userid: &str) -> Result<ExternalUseridList>;

    /// 获取客户详情: a customer's profile and the members who added them
    /// (path `externalcontact/get`). `follow_user` is paginated when more
    /// than 500 members follow the customer: pass the previous
    /// `next_cursor` as `cursor`, or use
    /// [`follow_user_stream`](Self::follow_user_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92114>
    #[get("externalcontact/get", token = corp, page = cursor, stream = follow_user_stream)]
    async fn get_external_contact(
        &self,
        external_userid: &str,
        cursor: Option<&str>,
    ) -> Result<CustomerDetail>;

    /// 批量获取客户详情: the customers of up to 100 members, one entry per
    /// (customer, member) pair. `limit` at most 100 (default 50). Walk every
    /// page with [`batch_get_by_user_stream`](Self::batch_get_by_user_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92994>
    #[post("externalcontact/batch/get_by_user", token = corp, page = cursor)]
    async fn batch_get_by_user(&self, #[body] query: &BatchGetByUserRequest) -> Result<CustomerBatch>;

    /// 修改客户备注信息: set a member's remark, description, company,
    /// phone numbers or remark picture for a customer. Only the fields set
    /// are changed; an empty `remark_mobiles` list clears the numbers. At
    /// most 5 phone numbers.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92115>
    #[post("externalcontact/remark", token = corp)]
    async fn remark(&self, #[body] remark: &RemarkRequest) -> Result<()>;

    /// 获取已服务的外部联系人: every external contact the corp's members
    /// serve, with who added them and the group chats they are in. `limit`
    /// defaults to 1000; `tmp_openid` is valid for 4 hours and the cursor
    /// expires too (do not store it). Walk every page with
    /// [`contact_list_stream`](Self::contact_list_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99434>
    #[post("externalcontact/contact_list", token = corp, page = cursor)]
    async fn contact_list(&self, cursor: Option<&str>, limit: Option<u32>) -> Result<ContactList>;

    /// 外部联系人openid转换: the WeChat openid of a customer who is a
    /// WeChat user, for WeChat Pay APIs.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92323>
    #[post("externalcontact/convert_to_openid", token = corp)]
    async fn convert_to_openid(&self, external_userid: &str) -> Result<ConvertedOpenid>;

    /// 外部联系人unionid转换: the `external_userid` for a WeChat unionid
    /// and openid obtained in the corp's (or provider's) mini program or
    /// official account; `pending_id` when the user is not a customer yet.
    /// `subject_type` is the subject type (主体类型) of that mini program /
    /// official account as the official page numbers it; `None` leaves
    /// WeCom's default.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93274>
    #[post("externalcontact/unionid_to_external_userid", token = corp)]
    async fn unionid_to_external_userid(
        &self,
        unionid: &str,
        openid: &str,
        subject_type: Option<u32>,
    ) -> Result<UnionidConversion>;

    /// 转换客户external_userid: map old-style `external_userid`s to the new
    /// (encrypted, provider-scoped) ones during the id migration. At most
    /// 1000 ids per call.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95327>
    #[post("externalcontact/get_new_external_userid", token = corp)]
    async fn get_new_external_userid(&self, external_userid_list: &[&str]) -> Result<NewExternalUseridList>;

    /// 代开发应用external_userid转换: turn a self-built app's
    /// `external_userid` into the one the service provider's 代开发 app sees.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95884>
    #[post("externalcontact/to_service_external_userid", token = corp)]
    async fn to_service_external_userid(&self, external_userid: &str) -> Result<ConvertedExternalUserid>;

    /// 代开发应用external_userid转换 (reverse): turn a 代开发 app's
    /// `external_userid` (from the app `source_agentid`) back into the
    /// self-built app's form.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95884>
    #[post("externalcontact/from_service_external_userid", token = corp)]
    async fn from_service_external_userid(
        &self,
        external_userid: &str,
        source_agentid: i64,
    ) -> Result<ConvertedExternalUserid>;

    /// 设置迁移完成: tell WeCom that the corp `corpid` finished migrating
    /// its stored `external_userid`s, so only new ids are returned from now
    /// on.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95327>
    #[post("externalcontact/finish_external_userid_migration", token = corp)]
    async fn finish_external_userid_migration(&self, corpid: &str) -> Result<()>;

    /// 获取外部联系人详情 (旧接口): the predecessor of
    /// [`get_external_contact`](Self::get_external_contact), same reply
    /// without paging.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92114>
    #[deprecated(note = "use `get_external_contact` instead")]
    #[get("crm/get_external_contact", token = corp, alias = crm_get_external_contact)]
    async fn get_crm_external_contact(&self, external_userid: &str) -> Result<CustomerDetail>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

int_enum! {
    /// Kind of external contact (外部联系人的类型).
    pub enum CustomerType {
        /// 1: a WeChat user (微信用户).
        WeChat = 1,
        /// 2: a WeCom user of another corp (企业微信用户).
        WeCom = 2,
    }
}

int_enum! {
    /// A customer's gender (外部联系人性别).
    pub enum CustomerGender {
        /// 0: unknown (未知).
        Unknown = 0,
        /// 1: male (男性).
        Male = 1,
        /// 2: female (女性).
        Female = 2,
    }
}

int_enum! {
    /// How a member added the customer (来源定义, `add_way`).
    pub enum AddWay {
        /// 0: unknown source (未知来源).
        Unknown = 0,
        /// 1: scanned a QR code (扫描二维码).
        QrCode = 1,
        /// 2: searched a phone number (搜索手机号).
        MobileSearch = 2,
        /// 3: a shared business card (名片分享).
        BusinessCard = 3,
        /// 4: from a group chat (群聊).
        GroupChat = 4,
        /// 5: phone contacts (手机通讯录).
        PhoneContacts = 5,
        /// 6: WeChat contacts (微信联系人).
        WeChatContacts = 6,
        /// 8: service staff added when installing a third-party app
        /// (安装第三方应用时自动添加的客服人员).
        AppServiceStaff = 8,
        /// 9: searched an email address (搜索邮箱).
        EmailSearch = 9,
        /// 10: from WeChat Channels (视频号添加); see `wechat_channels`.
        WeChatChannels = 10,
        /// 11: a schedule participant (通过日程参与人添加).
        ScheduleParticipant = 11,
        /// 12: a meeting participant (通过会议参与人添加).
        MeetingParticipant = 12,
        /// 13: the WeCom account of a WeChat friend (添加微信好友对应的企业微信).
        WeChatFriendWeCom = 13,
        /// 14: smart-hardware exclusive service (通过智慧硬件专属客服添加).
        SmartHardwareService = 14,
        /// 15: on-site service staff (通过上门服务客服添加).
        OnSiteService = 15,
        /// 16: a customer-acquisition link (通过获客链接添加).
        AcquisitionLink = 16,
        /// 201: shared by another member (内部成员共享).
        InternalShare = 201,
        /// 202: assigned by an admin or manager (管理员/负责人分配).
        AdminAssignment = 202,
    }
}

int_enum! {
    /// Kind of a tag on a customer (标签类型).
    pub enum CustomerTagType {
        /// 1: a corp tag (企业设置).
        Corp = 1,
        /// 2: the member's personal tag (用户自定义); has no `tag_id`.
        Personal = 2,
        /// 3: a rule-group tag (规则组标签).
        RuleGroup = 3,
    }
}

int_enum! {
    /// Where a WeChat Channels contact was added (视频号添加场景).
    pub enum WechatChannelsSource {
        /// 0: unknown, or added before 2022-04-21 / from an old WeChat (未知).
        Unknown = 0,
        /// 1: the Channels profile page (视频号主页).
        Profile = 1,
        /// 2: a Channels live room (视频号直播间).
        LiveRoom = 2,
    }
}

// ---------------------------------------------------------------------------
// Follow users and lists
// ---------------------------------------------------------------------------

/// Reply of `externalcontact/get_follow_user_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUserList {
    /// Userids of the members with the customer-contact feature. (A plain
    /// string list here, unlike `follow_user` of `externalcontact/get`.)
    #[serde(default)]
    pub follow_user: Vec<String>,
}

/// Reply of `externalcontact/list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalUseridList {
    /// The member's customers (an array here, a string elsewhere).
    #[serde(default)]
    pub external_userid: Vec<String>,
}

// ---------------------------------------------------------------------------
// Customer details
// ---------------------------------------------------------------------------

/// A customer's profile (外部联系人).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalContact {
    /// The customer's id in this corp (外部联系人的userid).
    pub external_userid: String,
    /// WeChat nickname, or the WeCom user's (set or verified) name.
    #[serde(default)]
    pub name: String,
    /// Job title; WeCom users only, unless hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Avatar URL (third-party apps cannot read it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Short name of the customer's corp; WeCom users only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corp_name: Option<String>,
    /// Registered name of the customer's corp; WeCom users only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corp_full_name: Option<String>,
    /// WeChat or WeCom user (`type`).
    #[serde(rename = "type", default)]
    pub customer_type: CustomerType,
    /// Gender.
    #[serde(default)]
    pub gender: CustomerGender,
    /// WeChat unionid; WeChat users only, when a WeChat developer account
    /// is bound (not returned for customers added after 2022-06-20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// The key the corp or service provider gave the contact when importing
    /// it as a parent in home-school contact (家校沟通: 导入家长时指定的关键字,
    /// `"foreign_key":"lisi"` in the sample). Absent for ordinary customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign_key: Option<String>,
    /// Home-school contact: whether the parent follows the school's
    /// notifications (是否关注了「学校通知」), sent as `0`/`1`. Absent for
    /// ordinary customers.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::serde_util::opt_flag"
    )]
    pub is_subscribe: Option<bool>,
    /// Home-school contact: what the school set for the parent (tags,
    /// remark, remark phone numbers). A sibling of `is_subscribe` inside
    /// `external_contact`, not part of `follow_user`. Absent for ordinary
    /// customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscriber_info: Option<SubscriberInfo>,
    /// Public profile of a WeCom user (对外信息).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_profile: Option<ExternalProfile>,
}

/// What the school set for a parent in home-school contact
/// (`external_contact.subscriber_info` of `externalcontact/get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriberInfo {
    /// Corp tag ids the school put on the parent (`tag_id`, a list).
    #[serde(default)]
    pub tag_id: Vec<String>,
    /// Phone numbers the school noted for the parent (`remark_mobiles`).
    #[serde(default)]
    pub remark_mobiles: Vec<String>,
    /// The school's remark, e.g. `"李小明-爸爸"`.
    #[serde(default)]
    pub remark: String,
}

/// A WeCom user's public profile (对外属性).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalProfile {
    /// Corp short name shown to outsiders (企业对外简称).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_corp_name: Option<String>,
    /// WeChat Channels account shown on the profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechat_channels: Option<ProfileWechatChannels>,
    /// Custom profile attributes (对外属性).
    #[serde(default)]
    pub external_attr: Vec<ExternalAttr>,
}

/// The WeChat Channels account on a public profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileWechatChannels {
    /// Channels name (视频号名称).
    #[serde(default)]
    pub nickname: String,
    /// Channels status as WeCom sends it.
    #[serde(default)]
    pub status: i64,
}

int_enum! {
    /// Kind of a public profile attribute (属性类型).
    pub enum ExternalAttrType {
        /// 0: text (文本).
        Text = 0,
        /// 1: web page (网页).
        Web = 1,
        /// 2: mini program (小程序).
        MiniProgram = 2,
    }
}

/// One public profile attribute; the field matching `type` is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalAttr {
    /// Text, web page or mini program (`type`).
    #[serde(rename = "type", default)]
    pub attr_type: ExternalAttrType,
    /// Attribute name.
    #[serde(default)]
    pub name: String,
    /// Value of a text attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<ExternalAttrText>,
    /// Value of a web-page attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<ExternalAttrWeb>,
    /// Value of a mini-program attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<ExternalAttrMiniprogram>,
}

/// A text attribute's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalAttrText {
    /// The text.
    #[serde(default)]
    pub value: String,
}

/// A web-page attribute's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalAttrWeb {
    /// Page URL.
    #[serde(default)]
    pub url: String,
    /// Page title.
    #[serde(default)]
    pub title: String,
}

/// A mini-program attribute's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalAttrMiniprogram {
    /// Mini program appid.
    #[serde(default)]
    pub appid: String,
    /// Page path.
    #[serde(default)]
    pub pagepath: String,
    /// Title.
    #[serde(default)]
    pub title: String,
}

/// A tag a member put on a customer (`follow_user[].tags[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUserTag {
    /// Name of the tag's group (corp and rule-group tags).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// Tag name.
    #[serde(default)]
    pub tag_name: String,
    /// Tag id (corp and rule-group tags; personal tags have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_id: Option<String>,
    /// Corp, personal or rule-group tag (`type`).
    #[serde(rename = "type", default)]
    pub tag_type: CustomerTagType,
}

/// The WeChat Channels account a customer came from (`add_way` 10).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowWechatChannels {
    /// Channels name (视频号名称).
    #[serde(default)]
    pub nickname: String,
    /// Where in Channels the customer was added.
    #[serde(default)]
    pub source: WechatChannelsSource,
}

/// A member who added the customer (`follow_user[]` of
/// `externalcontact/get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUser {
    /// The member's userid.
    pub userid: String,
    /// The member's remark for the customer.
    #[serde(default)]
    pub remark: String,
    /// The member's description of the customer.
    #[serde(default)]
    pub description: String,
    /// When the member added the customer (unix seconds).
    #[serde(default)]
    pub createtime: i64,
    /// Tags the member sees on the customer.
    #[serde(default)]
    pub tags: Vec<FollowUserTag>,
    /// The member's remark for the customer's company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_corp_name: Option<String>,
    /// The member's remark phone numbers.
    #[serde(default)]
    pub remark_mobiles: Vec<String>,
    /// Who initiated the add: the member, the customer (their
    /// external_userid), or the sharing member / assigning admin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oper_userid: Option<String>,
    /// How the customer was added.
    #[serde(default)]
    pub add_way: AddWay,
    /// The `state` of the 「联系我」 / acquisition link used, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The Channels account, when `add_way` is 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechat_channels: Option<FollowWechatChannels>,
}

/// Reply of `externalcontact/get` (客户详情).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDetail {
    /// The customer's profile.
    #[serde(default)]
    pub external_contact: ExternalContact,
    /// The members who added the customer (this page).
    #[serde(default)]
    pub follow_user: Vec<FollowUser>,
    /// Cursor of the next `follow_user` page; empty on the last.
    #[serde(default)]
    pub next_cursor: String,
}

// ---------------------------------------------------------------------------
// batch/get_by_user
// ---------------------------------------------------------------------------

/// Request of `externalcontact/batch/get_by_user` (批量获取客户详情).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchGetByUserRequest {
    /// Members whose customers to list, at most 100.
    pub userid_list: Vec<String>,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Page size, at most 100 (WeCom's default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl BatchGetByUserRequest {
    /// The customers of these members (at most 100).
    pub fn new<I, S>(userid_list: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            userid_list: userid_list.into_iter().map(Into::into).collect(),
            cursor: None,
            limit: None,
        }
    }

    /// Continue from `cursor`.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Page size, at most 100.
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// How a member follows a customer, in `batch/get_by_user` (`follow_info`).
/// Like [`FollowUser`], but tags are ids only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowInfo {
    /// The member's userid.
    pub userid: String,
    /// The member's remark for the customer.
    #[serde(default)]
    pub remark: String,
    /// The member's description of the customer.
    #[serde(default)]
    pub description: String,
    /// When the member added the customer (unix seconds).
    #[serde(default)]
    pub createtime: i64,
    /// Ids of the corp tags the member put on the customer.
    #[serde(default)]
    pub tag_id: Vec<String>,
    /// The member's remark for the customer's company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_corp_name: Option<String>,
    /// The member's remark phone numbers.
    #[serde(default)]
    pub remark_mobiles: Vec<String>,
    /// Who initiated the add.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oper_userid: Option<String>,
    /// How the customer was added.
    #[serde(default)]
    pub add_way: AddWay,
    /// The `state` of the 「联系我」 / acquisition link used, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The Channels account, when `add_way` is 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechat_channels: Option<FollowWechatChannels>,
}

/// One (customer, member) pair of `batch/get_by_user`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerWithFollowInfo {
    /// The customer's profile.
    #[serde(default)]
    pub external_contact: ExternalContact,
    /// How the member follows the customer.
    #[serde(default)]
    pub follow_info: FollowInfo,
}

/// Members whose customers could not be listed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchFailInfo {
    /// Members without an interface license (未激活许可).
    #[serde(default)]
    pub unlicensed_userid_list: Vec<String>,
}

/// Reply of `externalcontact/batch/get_by_user`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerBatch {
    /// One entry per (customer, member) pair on this page.
    #[serde(default)]
    pub external_contact_list: Vec<CustomerWithFollowInfo>,
    /// Cursor of the next page; empty on the last.
    #[serde(default)]
    pub next_cursor: String,
    /// Members that were skipped, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_info: Option<BatchFailInfo>,
}

// ---------------------------------------------------------------------------
// remark
// ---------------------------------------------------------------------------

/// Request of `externalcontact/remark` (修改客户备注信息). Only the fields
/// set are sent and changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemarkRequest {
    /// The member whose remark changes.
    pub userid: String,
    /// The customer.
    pub external_userid: String,
    /// Remark name, at most 20 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Description, at most 150 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Company remark, at most 20 characters (customers who are WeChat users).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_company: Option<String>,
    /// Phone numbers, at most 5; an empty list clears them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_mobiles: Option<Vec<String>>,
    /// `media_id` of a remark picture (from `media/upload`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_pic_mediaid: Option<String>,
}

impl RemarkRequest {
    /// Change `userid`'s remark for customer `external_userid`.
    pub fn new(userid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
            external_userid: external_userid.into(),
            ..Self::default()
        }
    }

    /// Remark name.
    pub fn with_remark(mut self, remark: impl Into<String>) -> Self {
        self.remark = Some(remark.into());
        self
    }

    /// Description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Company remark.
    pub fn with_remark_company(mut self, company: impl Into<String>) -> Self {
        self.remark_company = Some(company.into());
        self
    }

    /// Phone numbers (an empty list clears them).
    pub fn with_remark_mobiles<I, S>(mut self, mobiles: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.remark_mobiles = Some(mobiles.into_iter().map(Into::into).collect());
        self
    }

    /// Remark picture `media_id`.
    pub fn with_remark_pic_mediaid(mut self, media_id: impl Into<String>) -> Self {
        self.remark_pic_mediaid = Some(media_id.into());
        self
    }
}

// ---------------------------------------------------------------------------
// contact_list
// ---------------------------------------------------------------------------

/// One served external contact (`info_list[]` of `contact_list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactInfo {
    /// Whether a member marked the contact as a customer.
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_customer: bool,
    /// Temporary id, valid 4 hours; use it to remove duplicates.
    #[serde(default)]
    pub tmp_openid: String,
    /// The customer's `external_userid` (customers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// Masked name (non-customers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The member who added the contact (absent for group-only contacts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_userid: Option<String>,
    /// A group chat the contact is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    /// That group chat's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_name: Option<String>,
    /// When the contact was added (unix seconds).
    #[serde(default)]
    pub add_time: i64,
}

/// Reply of `externalcontact/contact_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactList {
    /// The contacts on this page.
    #[serde(default)]
    pub info_list: Vec<ContactInfo>,
    /// Cursor of the next page; empty on the last.
    #[serde(default)]
    pub next_cursor: String,
}

// ---------------------------------------------------------------------------
// ID conversion
// ---------------------------------------------------------------------------

/// Reply of `externalcontact/convert_to_openid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConvertedOpenid {
    /// The customer's WeChat openid.
    #[serde(default)]
    pub openid: String,
}

/// Reply of `externalcontact/unionid_to_external_userid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnionidConversion {
    /// The customer's `external_userid` (empty when not a customer yet).
    #[serde(default)]
    pub external_userid: String,
    /// Temporary id linking the unionid to a future customer (valid 90
    /// days), when WeCom returns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_id: Option<String>,
}

/// One old → new id pair of `get_new_external_userid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewExternalUserid {
    /// The old id.
    #[serde(default)]
    pub external_userid: String,
    /// The new id.
    #[serde(default)]
    pub new_external_userid: String,
}

/// Reply of `externalcontact/get_new_external_userid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewExternalUseridList {
    /// The converted ids (ids WeCom cannot convert are left out).
    #[serde(default)]
    pub items: Vec<NewExternalUserid>,
}

/// Reply of `to_service_external_userid` / `from_service_external_userid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConvertedExternalUserid {
    /// The converted `external_userid`.
    #[serde(default)]
    pub external_userid: String,
}

// ---------------------------------------------------------------------------
// Paging
// ---------------------------------------------------------------------------

// No `has_more` in these replies: an empty `next_cursor` ends the list.
crate::paging::cursor_page! {
    CustomerDetail => follow_user: FollowUser,
    CustomerBatch => external_contact_list: CustomerWithFollowInfo,
    ContactList => info_list: ContactInfo,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_decodes_with_missing_fields_and_unknown_codes() {
        let d: CustomerDetail = serde_json::from_str(
            r#"{"external_contact":{"external_userid":"wm1","name":"n","type":2,"gender":"1",
                "corp_name":"c","external_profile":{"external_attr":[{"type":1,"name":"site",
                "web":{"url":"https://x","title":"t"}}]}},
               "follow_user":[{"userid":"u","createtime":1,"add_way":17,
                "tags":[{"tag_name":"p","type":2}],"wechat_channels":{"nickname":"ch","source":2}}]}"#,
        )
        .expect("decodes");
        assert_eq!(d.external_contact.customer_type, CustomerType::WeCom);
        assert_eq!(d.external_contact.gender, CustomerGender::Male);
        let attr = &d
            .external_contact
            .external_profile
            .as_ref()
            .expect("profile")
            .external_attr[0];
        assert_eq!(attr.attr_type, ExternalAttrType::Web);
        assert_eq!(d.follow_user[0].add_way, AddWay::Other(17));
        assert_eq!(d.follow_user[0].tags[0].tag_type, CustomerTagType::Personal);
        assert!(d.follow_user[0].tags[0].tag_id.is_none());
        assert_eq!(
            d.follow_user[0].wechat_channels.as_ref().map(|w| w.source),
            Some(WechatChannelsSource::LiveRoom)
        );
        assert!(d.next_cursor.is_empty());
    }

    /// The reply sample of 获取客户详情
    /// (<https://developer.work.weixin.qq.com/document/path/92114>) as
    /// SKIT.FlurlHttpClient.Wechat's model samples copy it from that page
    /// (values unchanged, whitespace compacted).
    const GET_EXTERNAL_CONTACT_SAMPLE: &str = r#"{
        "errcode": 0,
        "errmsg": "ok",
        "external_contact": {
            "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
            "name": "李四",
            "foreign_key": "lisi",
            "position": "Manager",
            "avatar": "http://p.qlogo.cn/bizmail/IcsdgagqefergqerhewSdage/0",
            "corp_name": "腾讯",
            "corp_full_name": "腾讯科技有限公司",
            "type": 2,
            "gender": 1,
            "unionid": "ozynqsulJFCZ2z1aYeS8h-nuasdAAA",
            "is_subscribe": 1,
            "subscriber_info": {
                "tag_id": ["TAG_ID1", "TAG_ID2"],
                "remark_mobiles": ["10000000000", "10000000001"],
                "remark": "李小明-爸爸"
            },
            "external_profile": {
                "external_attr": [
                    {"type": 0, "name": "文本名称", "text": {"value": "文本"}},
                    {"type": 1, "name": "网页名称", "web": {"url": "http://www.test.com", "title": "标题"}},
                    {"type": 2, "name": "测试app",
                     "miniprogram": {"appid": "wx8bd80126147df384", "pagepath": "/index", "title": "my miniprogram"}}
                ]
            }
        },
        "follow_user": [
            {
                "userid": "rocky",
                "remark": "李部长",
                "description": "对接采购事务",
                "createtime": 1525779812,
                "tags": [
                    {"group_name": "标签分组名称", "tag_name": "标签名称",
                     "tag_id": "etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA", "type": 1}
                ],
                "remark_corp_name": "腾讯科技",
                "remark_mobiles": ["13800000001", "13000000002"],
                "oper_userid": "rocky",
                "add_way": 10,
                "wechat_channels": {"nickname": "视频号名称"}
            },
            {
                "userid": "tommy",
                "remark": "李总",
                "description": "采购问题咨询",
                "createtime": 1525881637,
                "state": "外联二维码1",
                "oper_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
                "add_way": 3
            }
        ],
        "next_cursor": "NEXT_CUROSR"
    }"#;

    #[test]
    fn detail_decodes_the_documented_sample_with_home_school_fields() {
        let d: CustomerDetail = serde_json::from_str(GET_EXTERNAL_CONTACT_SAMPLE).expect("decodes");
        let c = &d.external_contact;
        assert_eq!(c.external_userid, "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA");
        assert_eq!(c.name, "李四");
        assert_eq!(c.foreign_key.as_deref(), Some("lisi"));
        assert_eq!(c.is_subscribe, Some(true));
        let sub = c.subscriber_info.as_ref().expect("subscriber_info");
        assert_eq!(sub.tag_id, ["TAG_ID1", "TAG_ID2"]);
        assert_eq!(sub.remark_mobiles, ["10000000000", "10000000001"]);
        assert_eq!(sub.remark, "李小明-爸爸");
        assert_eq!(c.position.as_deref(), Some("Manager"));
        assert_eq!(c.corp_full_name.as_deref(), Some("腾讯科技有限公司"));
        assert_eq!(c.customer_type, CustomerType::WeCom);
        assert_eq!(c.gender, CustomerGender::Male);
        assert_eq!(c.unionid.as_deref(), Some("ozynqsulJFCZ2z1aYeS8h-nuasdAAA"));
        let attrs = &c.external_profile.as_ref().expect("profile").external_attr;
        assert_eq!(attrs.len(), 3);
        assert_eq!(
            attrs[2].miniprogram.as_ref().map(|m| m.appid.as_str()),
            Some("wx8bd80126147df384")
        );

        assert_eq!(d.follow_user.len(), 2);
        let rocky = &d.follow_user[0];
        assert_eq!(rocky.add_way, AddWay::WeChatChannels);
        assert_eq!(rocky.remark_mobiles, ["13800000001", "13000000002"]);
        assert_eq!(
            rocky.tags[0].tag_id.as_deref(),
            Some("etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA")
        );
        assert_eq!(
            rocky
                .wechat_channels
                .as_ref()
                .map(|w| (w.nickname.as_str(), w.source)),
            Some(("视频号名称", WechatChannelsSource::Unknown))
        );
        let tommy = &d.follow_user[1];
        assert_eq!(tommy.state.as_deref(), Some("外联二维码1"));
        assert_eq!(tommy.add_way, AddWay::BusinessCard);
        assert_eq!(d.next_cursor, "NEXT_CUROSR");

        // The home-school fields survive a round trip (is_subscribe as 0/1).
        let written = serde_json::to_value(c).expect("encodes");
        assert_eq!(written["is_subscribe"], serde_json::json!(1));
        assert_eq!(written["foreign_key"], serde_json::json!("lisi"));
        let back: ExternalContact = serde_json::from_value(written).expect("re-decodes");
        assert_eq!(&back, c);
    }

    #[test]
    fn ordinary_customers_have_no_home_school_fields() {
        let d: CustomerDetail =
            serde_json::from_str(r#"{"external_contact":{"external_userid":"wm1","is_subscribe":0}}"#)
                .expect("decodes");
        assert_eq!(d.external_contact.foreign_key, None);
        assert_eq!(d.external_contact.is_subscribe, Some(false));
        assert_eq!(d.external_contact.subscriber_info, None);
        let written = serde_json::to_value(
            serde_json::from_str::<ExternalContact>(r#"{"external_userid":"wm1"}"#).expect("decodes"),
        )
        .expect("encodes");
        assert!(written.get("is_subscribe").is_none() && written.get("subscriber_info").is_none());
    }

    #[test]
    fn remark_sends_only_what_is_set() {
        let r = RemarkRequest::new("u", "wm1").with_remark_mobiles(Vec::<String>::new());
        assert_eq!(
            serde_json::to_value(&r).expect("encodes"),
            serde_json::json!({"userid":"u","external_userid":"wm1","remark_mobiles":[]})
        );
    }
}
