//! 2.6 Customer groups (客户群) and 「加入群聊」 join ways.
//!
//! [`GroupChatApi`] lists and reads customer groups (external group chats
//! whose owner has the customer-contact feature), converts a mini program's
//! `opengid` to a `chat_id`, and manages 「加入群聊」 configurations (a QR
//! code or mini-program button that lets customers join up to 5 groups,
//! creating new ones when they fill up). the `…_stream` methods of [`GroupChatApi`] walk the group
//! list to the end.

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::serde_util::int_enum;

/// Customer group (客户群) endpoints and 「加入群聊」 configurations.
///
/// Every method takes the corp `access_token` (a self-built app listed under
/// 可调用应用, the 客户联系 secret, or a third-party/代开发 app with the
/// customer-group permissions).
#[crate::api]
pub trait GroupChatApi {
    /// 获取客户群列表: one page of the customer groups the app can see, with
    /// their follow-up status. `limit` is required, 1–1000;
    /// `owner_filter.userid_list` at most 100 owners. Without an owner filter
    /// WeCom scans every owner in the app's visible range and fails with 81017
    /// when that range exceeds 1000 people. Walk every page with
    /// [`list_group_chat_stream`](Self::list_group_chat_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92120>
    #[post("externalcontact/groupchat/list", token = corp, page = cursor)]
    async fn list_group_chat(&self, #[body] request: &GroupChatListRequest) -> Result<GroupChatList>;

    /// 获取客户群列表 (旧版 offset 分页): the legacy form of
    /// `groupchat/list`, paged with `offset` + `limit` (`offset + limit` at
    /// most 50 000) and filtering owners by userid and department. WeCom is
    /// retiring offset paging.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92120>
    #[deprecated(note = "use `list_group_chat` (cursor paging) instead")]
    #[post("externalcontact/groupchat/list", token = corp)]
    async fn list_group_chat_by_offset(
        &self,
        #[body] request: &GroupChatOffsetListRequest,
    ) -> Result<GroupChatList>;

    /// 获取客户群详情: a customer group's name, owner, notice, members and
    /// admins. With `need_name` the members' names (`name`) are filled in.
    /// The owner must be in the app's visible range.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92122>
    #[post("externalcontact/groupchat/get", token = corp)]
    async fn get_group_chat(&self, #[body] request: &GetGroupChatRequest) -> Result<GroupChatDetail>;

    /// 客户群opengid转换: the `chat_id` of the customer group a mini program
    /// saw as `opengid` (from `wx.getGroupEnterInfo`). Only groups of the
    /// corp whose owner is in the app's range are converted.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94822>
    #[post("externalcontact/opengid_to_chatid", token = corp)]
    async fn opengid_to_chatid(&self, opengid: &str) -> Result<OpengidChatId>;

    /// 配置客户群进群方式: create a 「加入群聊」 QR code or mini-program
    /// button for up to 5 groups (`chat_id_list`). Keep the returned
    /// `config_id`: ways created by API are not shown in the admin console,
    /// and API-created 「联系我」 + 「加入群聊」 ways share a quota of 500 000
    /// per corp.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92229>
    #[post("externalcontact/groupchat/add_join_way", token = corp)]
    async fn add_join_way(&self, #[body] way: &JoinWaySettings) -> Result<AddedJoinWay>;

    /// 获取客户群进群方式配置: a 「加入群聊」 configuration and its QR code URL.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92229>
    #[post("externalcontact/groupchat/get_join_way", token = corp)]
    async fn get_join_way(&self, config_id: &str) -> Result<JoinWayDetail>;

    /// 更新客户群进群方式配置: replace a 「加入群聊」 configuration
    /// (every field is overwritten; `chat_id_list` at most 5 groups).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92229>
    #[post("externalcontact/groupchat/update_join_way", token = corp)]
    async fn update_join_way(&self, #[body] way: &UpdateJoinWayRequest) -> Result<()>;

    /// 删除客户群进群方式配置: delete a 「加入群聊」 configuration.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92229>
    #[post("externalcontact/groupchat/del_join_way", token = corp)]
    async fn del_join_way(&self, config_id: &str) -> Result<()>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

int_enum! {
    /// Which groups `groupchat/list` returns, by follow-up status
    /// (客户群跟进状态过滤, `status_filter`).
    pub enum GroupChatStatusFilter {
        /// 0: every group (所有列表，即不过滤), the default.
        All = 0,
        /// 1: the owner left, awaiting transfer (离职待继承).
        ResignedPending = 1,
        /// 2: being transferred (离职继承中).
        ResignedTransferring = 2,
        /// 3: transfer completed (离职继承完成).
        ResignedTransferred = 3,
    }
}

int_enum! {
    /// Follow-up status of a customer group (客户群跟进状态).
    pub enum GroupChatStatus {
        /// 0: the owner is active (跟进人正常).
        Normal = 0,
        /// 1: the owner left (跟进人离职).
        OwnerResigned = 1,
        /// 2: being transferred to a new owner (离职继承中).
        Transferring = 2,
        /// 3: transfer completed (离职继承完成).
        Transferred = 3,
    }
}

int_enum! {
    /// Kind of group member (群成员类型).
    pub enum GroupChatMemberType {
        /// 1: a member of the corp (企业成员).
        CorpUser = 1,
        /// 2: an external contact (外部联系人).
        ExternalContact = 2,
    }
}

int_enum! {
    /// How a member joined the group (入群方式).
    pub enum GroupChatJoinScene {
        /// 1: invited directly by a group member (由群成员邀请入群，直接邀请入群).
        DirectInvite = 1,
        /// 2: through an invitation link shared by a member (通过邀请链接入群).
        InviteLink = 2,
        /// 3: by scanning the group's QR code (通过扫描群二维码入群).
        QrCode = 3,
    }
}

int_enum! {
    /// Where a 「加入群聊」 way is shown (场景).
    pub enum JoinWayScene {
        /// 1: a button of the group mini-program plugin (群的小程序插件).
        MiniProgram = 1,
        /// 2: a QR code (群的二维码插件).
        QrCode = 2,
    }
}

// ---------------------------------------------------------------------------
// groupchat/list
// ---------------------------------------------------------------------------

/// Owner filter of `groupchat/list` (群主过滤).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatListOwnerFilter {
    /// Owners' userids (用户ID列表), at most 100.
    #[serde(default)]
    pub userid_list: Vec<String>,
    /// Owners' departments (部门ID列表); legacy offset form only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partyid_list: Option<Vec<i64>>,
}

impl GroupChatListOwnerFilter {
    /// Groups owned by these userids (at most 100).
    pub fn users<I, S>(userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            userid_list: userids.into_iter().map(Into::into).collect(),
            partyid_list: None,
        }
    }
}

/// Request of `externalcontact/groupchat/list` (获取客户群列表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatListRequest {
    /// Follow-up status filter; WeCom's default is every group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_filter: Option<GroupChatStatusFilter>,
    /// Only groups of these owners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_filter: Option<GroupChatListOwnerFilter>,
    /// Cursor from the previous page's `next_cursor`; `None` for the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Page size, 1–1000 (required).
    pub limit: u32,
}

impl GroupChatListRequest {
    /// The first page of every visible group, `limit` (1–1000) per page.
    pub fn new(limit: u32) -> Self {
        Self {
            status_filter: None,
            owner_filter: None,
            cursor: None,
            limit,
        }
    }

    /// Only groups in this follow-up status.
    pub fn with_status_filter(mut self, status: GroupChatStatusFilter) -> Self {
        self.status_filter = Some(status);
        self
    }

    /// Only groups owned by these userids (at most 100).
    pub fn with_owners<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.owner_filter = Some(GroupChatListOwnerFilter::users(userids));
        self
    }

    /// Continues from a previous page's `next_cursor`.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }
}

/// Request of the legacy, offset-paged form of `groupchat/list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatOffsetListRequest {
    /// Follow-up status filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_filter: Option<GroupChatStatusFilter>,
    /// Only groups of these owners (userids and/or departments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_filter: Option<GroupChatListOwnerFilter>,
    /// Offset of the first group (`offset + limit` at most 50 000).
    pub offset: u32,
    /// Page size, 1–1000.
    pub limit: u32,
}

impl GroupChatOffsetListRequest {
    /// `limit` groups starting at `offset`.
    pub fn new(offset: u32, limit: u32) -> Self {
        Self {
            status_filter: None,
            owner_filter: None,
            offset,
            limit,
        }
    }

    /// Only groups in this follow-up status.
    pub fn with_status_filter(mut self, status: GroupChatStatusFilter) -> Self {
        self.status_filter = Some(status);
        self
    }

    /// Only groups of these owners.
    pub fn with_owner_filter(mut self, filter: GroupChatListOwnerFilter) -> Self {
        self.owner_filter = Some(filter);
        self
    }
}

/// One group of `groupchat/list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatSummary {
    /// The customer group's id (客户群ID).
    #[serde(default)]
    pub chat_id: String,
    /// Its follow-up status.
    #[serde(default)]
    pub status: GroupChatStatus,
}

/// Response of `externalcontact/groupchat/list`: one page of groups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatList {
    /// Groups on this page.
    #[serde(default)]
    pub group_chat_list: Vec<GroupChatSummary>,
    /// Cursor of the next page; empty (or missing) on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

// No `has_more` in these replies: an empty `next_cursor` ends the list.
crate::paging::cursor_page! {
    GroupChatList => group_chat_list: GroupChatSummary,
}

// ---------------------------------------------------------------------------
// groupchat/get, opengid_to_chatid
// ---------------------------------------------------------------------------

/// Request of `externalcontact/groupchat/get` (获取客户群详情).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GetGroupChatRequest {
    /// The customer group's id.
    pub chat_id: String,
    /// Whether to return members' names (是否需要返回群成员的名字), sent
    /// as 0/1; WeCom's default is no.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::serde_util::opt_flag"
    )]
    pub need_name: Option<bool>,
}

impl GetGroupChatRequest {
    /// Details of `chat_id`, without members' names.
    pub fn new(chat_id: impl Into<String>) -> Self {
        Self {
            chat_id: chat_id.into(),
            need_name: None,
        }
    }

    /// Also return members' names (`need_name`: 1).
    pub fn with_need_name(mut self, need_name: bool) -> Self {
        self.need_name = Some(need_name);
        self
    }
}

/// Who invited a member (邀请者), for members invited by a corp member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatInvitor {
    /// The inviting member's userid.
    #[serde(default)]
    pub userid: String,
}

/// A member of a customer group (群成员).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatMember {
    /// A corp member's userid, or an external contact's external_userid.
    #[serde(default)]
    pub userid: String,
    /// Corp member or external contact (`type`).
    #[serde(rename = "type", default)]
    pub member_type: GroupChatMemberType,
    /// The WeChat unionid, for WeChat external contacts only (and only when
    /// the corp has bound a WeChat open platform account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// When the member joined (unix seconds).
    #[serde(default)]
    pub join_time: i64,
    /// How the member joined.
    #[serde(default)]
    pub join_scene: GroupChatJoinScene,
    /// The inviter; only for members invited by a member of this corp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitor: Option<GroupChatInvitor>,
    /// The member's nickname in this group (在群里的昵称); empty if unset.
    #[serde(default)]
    pub group_nickname: String,
    /// The member's name (名字); only with `need_name`.
    #[serde(default)]
    pub name: String,
    /// The `state` of the 「加入群聊」 way the member joined through, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// A group admin (群管理员).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatAdmin {
    /// The admin's userid.
    #[serde(default)]
    pub userid: String,
}

/// A customer group's details (客户群详情).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChat {
    /// The customer group's id.
    #[serde(default)]
    pub chat_id: String,
    /// The group's name (群名).
    #[serde(default)]
    pub name: String,
    /// The owner's userid (群主ID).
    #[serde(default)]
    pub owner: String,
    /// When the group was created (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// The group notice (群公告).
    #[serde(default)]
    pub notice: String,
    /// The members.
    #[serde(default)]
    pub member_list: Vec<GroupChatMember>,
    /// The admins.
    #[serde(default)]
    pub admin_list: Vec<GroupChatAdmin>,
    /// Version of the member list (当前群成员版本号); compare with the group
    /// change callback to avoid re-reading unchanged groups.
    #[serde(default)]
    pub member_version: String,
}

/// Response of `externalcontact/groupchat/get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatDetail {
    /// The group.
    #[serde(default)]
    pub group_chat: GroupChat,
}

/// Response of `externalcontact/opengid_to_chatid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpengidChatId {
    /// The customer group's id (客户群ID).
    #[serde(default)]
    pub chat_id: String,
}

// ---------------------------------------------------------------------------
// 「加入群聊」 join ways
// ---------------------------------------------------------------------------

/// A 「加入群聊」 configuration, as sent to `add_join_way` (and, with its
/// `config_id`, to `update_join_way`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinWaySettings {
    /// QR code or mini-program button.
    pub scene: JoinWayScene,
    /// A note for the way (联系方式的备注信息), at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Whether WeCom creates a new group when every group is full
    /// (当群满了后，是否自动新建群), sent as 0/1; WeCom's default is yes.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::serde_util::opt_flag"
    )]
    pub auto_create_room: Option<bool>,
    /// Name prefix of auto-created groups (自动建群的群名前缀), at most 40
    /// characters; with `auto_create_room`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_base_name: Option<String>,
    /// Starting number of auto-created groups' names (自动建群的群起始序号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_base_id: Option<i64>,
    /// The groups customers join (使用该配置的客户群ID列表), at most 5.
    pub chat_id_list: Vec<String>,
    /// A channel tag returned in the join callback and in members' `state`
    /// (企业自定义的state参数), at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Whether customers who join through this way are marked as coming
    /// from this app's 「加入群聊」 (是否标记客户添加来源为该应用创建的「加入群聊」).
    /// WeCom's default is `true`; it only has an effect for 「营销获客」
    /// (marketing) apps, and only the app that created the way may update
    /// it. Left out of the request when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
}

impl JoinWaySettings {
    /// A way of kind `scene` for the groups `chat_id_list` (at most 5).
    pub fn new<I, S>(scene: JoinWayScene, chat_id_list: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            scene,
            remark: None,
            auto_create_room: None,
            room_base_name: None,
            room_base_id: None,
            chat_id_list: chat_id_list.into_iter().map(Into::into).collect(),
            state: None,
            mark_source: None,
        }
    }

    /// Sets the note (at most 30 characters).
    pub fn with_remark(mut self, remark: impl Into<String>) -> Self {
        self.remark = Some(remark.into());
        self
    }

    /// Creates new groups named `room_base_name` + number (from
    /// `room_base_id`) once every group is full.
    pub fn with_auto_create_room(mut self, room_base_name: impl Into<String>, room_base_id: i64) -> Self {
        self.auto_create_room = Some(true);
        self.room_base_name = Some(room_base_name.into());
        self.room_base_id = Some(room_base_id);
        self
    }

    /// Never creates groups automatically (`auto_create_room`: 0).
    pub fn without_auto_create_room(mut self) -> Self {
        self.auto_create_room = Some(false);
        self
    }

    /// Sets the channel `state` (at most 30 characters).
    pub fn with_state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// Sets `mark_source`: whether joined customers are marked as coming
    /// from this app's 「加入群聊」 (marketing apps only; WeCom's default true).
    pub fn with_mark_source(mut self, mark_source: bool) -> Self {
        self.mark_source = Some(mark_source);
        self
    }
}

/// Request of `externalcontact/groupchat/update_join_way`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateJoinWayRequest {
    /// The way to update.
    pub config_id: String,
    /// Its new settings (every field replaces the old one).
    #[serde(flatten)]
    pub settings: JoinWaySettings,
}

impl UpdateJoinWayRequest {
    /// Replaces `config_id`'s settings with `settings`.
    pub fn new(config_id: impl Into<String>, settings: JoinWaySettings) -> Self {
        Self {
            config_id: config_id.into(),
            settings,
        }
    }
}

/// Response of `externalcontact/groupchat/add_join_way`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedJoinWay {
    /// The new way's id (配置id); keep it, it cannot be found again.
    #[serde(default)]
    pub config_id: String,
}

/// A 「加入群聊」 configuration as WeCom returns it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinWay {
    /// The way's id.
    #[serde(default)]
    pub config_id: String,
    /// QR code or mini-program button.
    #[serde(default)]
    pub scene: JoinWayScene,
    /// The note.
    #[serde(default)]
    pub remark: String,
    /// Whether new groups are created when every group is full (WeCom
    /// sends 0/1).
    #[serde(default, with = "crate::serde_util::flag")]
    pub auto_create_room: bool,
    /// Name prefix of auto-created groups.
    #[serde(default)]
    pub room_base_name: String,
    /// Starting number of auto-created groups.
    #[serde(default)]
    pub room_base_id: i64,
    /// The groups customers join.
    #[serde(default)]
    pub chat_id_list: Vec<String>,
    /// The QR code's URL (联系二维码的URL), for the QR-code scene.
    #[serde(default)]
    pub qr_code: String,
    /// The channel `state`.
    #[serde(default)]
    pub state: String,
    /// Whether customers who join are marked as coming from the app that
    /// created the way (是否标记客户添加来源, `"mark_source":true` in the
    /// sample). `None` when WeCom leaves it out (apps it does not apply to,
    /// older replies).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::serde_util::opt_flag"
    )]
    pub mark_source: Option<bool>,
}

/// Response of `externalcontact/groupchat/get_join_way`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinWayDetail {
    /// The configuration.
    #[serde(default)]
    pub join_way: JoinWay,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reply sample of 获取客户群进群方式配置 as published on
    /// <https://developer.work.weixin.qq.com/document/path/99546> (the
    /// third-party copy of path 92229's section), which ends with
    /// `"mark_source":true`. Values as documented; only whitespace differs.
    const GET_JOIN_WAY_SAMPLE: &str = r#"{
        "errcode": 0,
        "errmsg": "ok",
        "join_way": {
            "config_id": "9ad7fa5cdaa6511298498f979c472aaa",
            "scene": 2,
            "remark": "aa_remark",
            "auto_create_room": 1,
            "room_base_name" : "销售客服群",
            "room_base_id" : 10,
            "chat_id_list": ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa", "wrOgQhDgAALPUthpRAKvl7mgiQRw_aaa"],
            "qr_code": "http://p.qpic.cn/wwhead/nMl9ssowtibVGyrmvBiaibzDtp703nXuzpibnKtbSDBRJTLwS3ic4ECrf3ibLVtIFb0N6wWwy5LVuyvMQ22/0",
            "state" : "klsdup3kj3s1",
            "mark_source":true
        }
    }"#;

    #[test]
    fn get_join_way_decodes_the_documented_sample_with_mark_source() {
        let d: JoinWayDetail = serde_json::from_str(GET_JOIN_WAY_SAMPLE).expect("decodes");
        let way = &d.join_way;
        assert_eq!(way.config_id, "9ad7fa5cdaa6511298498f979c472aaa");
        assert_eq!(way.scene, JoinWayScene::QrCode);
        assert_eq!(way.remark, "aa_remark");
        assert!(way.auto_create_room);
        assert_eq!(way.room_base_name, "销售客服群");
        assert_eq!(way.room_base_id, 10);
        assert_eq!(
            way.chat_id_list,
            [
                "wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa",
                "wrOgQhDgAALPUthpRAKvl7mgiQRw_aaa"
            ]
        );
        assert!(way.qr_code.starts_with("http://p.qpic.cn/wwhead/"));
        assert_eq!(way.state, "klsdup3kj3s1");
        assert_eq!(way.mark_source, Some(true));

        let old: JoinWayDetail =
            serde_json::from_str(r#"{"join_way":{"config_id":"c","scene":1}}"#).expect("decodes");
        assert_eq!(old.join_way.mark_source, None);
    }

    #[test]
    fn add_and_update_join_way_send_mark_source_only_when_set() {
        // The request sample of 配置客户群进群方式 (path 99547, the 代开发
        // copy of path 92229's section), which sends `"mark_source":true`.
        let settings = JoinWaySettings::new(
            JoinWayScene::QrCode,
            [
                "wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa",
                "wrOgQhDgAALPUthpRAKvl7mgiQRwAAA",
            ],
        )
        .with_remark("aa_remark")
        .with_auto_create_room("销售客服群", 10)
        .with_state("klsdup3kj3s1")
        .with_mark_source(true);
        assert_eq!(
            serde_json::to_value(&settings).expect("encodes"),
            serde_json::json!({
                "scene": 2,
                "remark": "aa_remark",
                "auto_create_room": 1,
                "room_base_name": "销售客服群",
                "room_base_id": 10,
                "chat_id_list": ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa", "wrOgQhDgAALPUthpRAKvl7mgiQRwAAA"],
                "state": "klsdup3kj3s1",
                "mark_source": true
            })
        );

        // update_join_way flattens the same settings next to `config_id`.
        let update = UpdateJoinWayRequest::new(
            "9ad7fa5cdaa6511298498f979c4722de",
            JoinWaySettings::new(JoinWayScene::QrCode, ["wr1"]).with_mark_source(false),
        );
        assert_eq!(
            serde_json::to_value(&update).expect("encodes"),
            serde_json::json!({
                "config_id": "9ad7fa5cdaa6511298498f979c4722de",
                "scene": 2,
                "chat_id_list": ["wr1"],
                "mark_source": false
            })
        );
        let plain =
            serde_json::to_value(JoinWaySettings::new(JoinWayScene::MiniProgram, ["wr1"])).expect("encodes");
        assert!(plain.get("mark_source").is_none(), "{plain}");
    }
}
