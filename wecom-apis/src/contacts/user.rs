//! 成员管理 (members): create, read, update and delete members, list a
//! department's members, list every userid (`user/list_id`), convert ids,
//! look members up by mobile or email, invite them and read the join QR code.
//!
//! Section index: <https://developer.work.weixin.qq.com/document/path/90195>

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::serde_util::int_enum;

/// Endpoints of 成员管理, on the corp `access_token` (self-built apps, the
/// 通讯录同步 secret, authorized corps through
/// [`Client::corp`](crate::Client::corp), downstream corps through
/// [`Client::downstream`](crate::Client::downstream)). Writes need the
/// 通讯录同步 secret or an app with 通讯录 edit permission; reads see only
/// the app's visible range.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90195>
#[crate::api]
pub trait MemberApi {
    /// 创建成员: add a member. `userid` 1–64 bytes of letters, digits and
    /// `_-@.` (case-insensitive, unique in the corp), `name` 1–64 UTF-8
    /// characters, at most 100 departments; mobile and email must not both
    /// be empty and are unique in the corp (60104 / 60106). An existing
    /// userid is 60102. For an unknown department WeCom documents no code
    /// of its own (the global table has 60003 and 60123; the sandbox
    /// answers 60123).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90195>
    #[post("user/create", token = corp)]
    async fn create_user(&self, #[body] user: &NewUser) -> Result<()>;

    /// 读取成员: one member, with the fields the app may read (since
    /// 2022-06-20 new apps no longer get avatar, gender, mobile, email,
    /// biz_mail, qr_code and address here). Unknown userid: 60111.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90196>
    #[get("user/get", token = corp)]
    async fn get_user(&self, userid: &str) -> Result<User>;

    /// 更新成员: change the fields set in `update` (the others keep their
    /// value); `department` replaces the member's departments. Unknown
    /// userid: 60111.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90197>
    #[post("user/update", token = corp)]
    async fn update_user(&self, #[body] update: &UserUpdate) -> Result<()>;

    /// 删除成员: remove one member (a GET, as WeCom documents it). Unknown
    /// userid: 60111.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90198>
    #[get("user/delete", token = corp)]
    async fn delete_user(&self, userid: &str) -> Result<()>;

    /// 批量删除成员: remove up to 200 members at once; one unknown userid
    /// fails the whole call (60111) and nobody is removed.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90199>
    #[post("user/batchdelete", token = corp)]
    async fn batch_delete_users(&self, useridlist: &[&str]) -> Result<()>;

    /// 获取部门成员: userid, name and departments of the members of
    /// `department_id`; `fetch_child` also lists its sub-departments'
    /// members (WeCom's 0/1; the current page no longer lists it, and
    /// advises walking the sub-departments instead). Unknown department:
    /// 60123 in the sandbox (WeCom documents no code for it).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90200>
    #[get("user/simplelist", token = corp)]
    async fn simple_list_users(&self, department_id: u32, fetch_child: Option<u8>) -> Result<SimpleUserList>;

    /// 获取部门成员详情: the members of `department_id` (and of its
    /// sub-departments with `fetch_child` = 1) with the fields of
    /// [`get_user`](Self::get_user).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90201>
    #[get("user/list", token = corp)]
    async fn list_users(&self, department_id: u32, fetch_child: Option<u8>) -> Result<UserList>;

    /// 获取成员ID列表: every (userid, department) pair of the corp, a page
    /// at a time (`limit` 1–10 000); only with the 通讯录同步 secret or an
    /// app with 通讯录 read permission. A member in several departments
    /// appears once per department. Walk every page with
    /// [`list_user_ids_stream`](Self::list_user_ids_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/96067>
    #[post("user/list_id", token = corp, page = cursor)]
    async fn list_user_ids(&self, cursor: Option<&str>, limit: Option<u32>) -> Result<UserIdList>;

    /// userid转openid: the openid of a member, for 企业支付 (red packets,
    /// payments to members). The member must have logged in with WeChat or
    /// followed 微工作台. (Named for its object: `convert_to_openid` is the
    /// customer-contact endpoint's, `externalcontact/convert_to_openid`.)
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90202>
    #[post("user/convert_to_openid", token = corp)]
    async fn convert_userid_to_openid(&self, userid: &str) -> Result<OpenidReply>;

    /// openid转userid: the member behind an openid from 企业支付.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90202>
    #[post("user/convert_to_userid", token = corp)]
    async fn convert_openid_to_userid(&self, openid: &str) -> Result<UseridReply>;

    /// 二次验证: tell WeCom that member `userid` passed the corp's own
    /// second verification, so that the member can join the corp.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90203>
    #[get("user/authsucc", token = corp)]
    async fn auth_succ(&self, userid: &str) -> Result<()>;

    /// 手机号获取userid: the member with this mobile (in the app's visible
    /// range); none is 46004.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95402>
    #[post("user/getuserid", token = corp)]
    async fn get_userid(&self, mobile: &str) -> Result<UseridReply>;

    /// 邮箱获取userid: the member with this email; `email_type` 1 (WeCom's
    /// default) is the corp mailbox (biz_mail), 2 the personal email.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95895>
    #[post("user/get_userid_by_email", token = corp)]
    async fn get_userid_by_email(&self, email: &str, email_type: Option<EmailType>) -> Result<UseridReply>;

    /// 获取企业活跃成员数: members active on `date` (`YYYY-MM-DD`, within
    /// the last 30 days).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92714>
    #[post("user/get_active_stat", token = corp)]
    async fn get_active_stat(&self, date: &str) -> Result<ActiveStat>;

    /// 邀请成员: invite members (by userid, department or tag) to use
    /// WeCom, by SMS or email. At most 1000 users, 100 departments and 100
    /// tags; the ids WeCom could not invite come back in the reply.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90975>
    #[post("batch/invite", token = corp)]
    async fn invite_users(&self, #[body] invite: &Invite) -> Result<InviteResult>;

    /// 获取加入企业二维码: the link of the QR code that invites people into
    /// the corp; `size_type` 1 (171×171), 2 (399×399), 3 (741×741) or
    /// 4 (2052×2052) — optional, WeCom documents no default. Only for the
    /// 通讯录同步 secret; the link is valid for 7 days.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91714>
    #[get("corp/get_join_qrcode", token = corp)]
    async fn get_join_qrcode(&self, size_type: Option<u8>) -> Result<JoinQrcode>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

int_enum! {
    /// Gender (性别). WeCom sends it as a string (`"1"`) and takes one; both
    /// forms are read.
    pub enum Gender {
        /// 0: not set (未定义).
        Unknown = 0,
        /// 1: male (男性).
        Male = 1,
        /// 2: female (女性).
        Female = 2,
    }
}

int_enum! {
    /// Activation status of a member (激活状态).
    pub enum UserStatus {
        /// 0: not set (not sent by WeCom).
        Unset = 0,
        /// 1: active (已激活).
        Active = 1,
        /// 2: disabled (已禁用).
        Disabled = 2,
        /// 4: not yet active (未激活).
        Inactive = 4,
        /// 5: left the corp (退出企业).
        Left = 5,
    }
}

int_enum! {
    /// `type` of an extended attribute (扩展属性类型).
    pub enum AttrType {
        /// 0: text (文本).
        Text = 0,
        /// 1: web page (网页).
        Web = 1,
        /// 2: mini program (小程序), external profile only.
        Miniprogram = 2,
    }
}

int_enum! {
    /// `email_type` of `user/get_userid_by_email`.
    pub enum EmailType {
        /// 0: not set (WeCom then reads 1).
        Unset = 0,
        /// 1: the corp mailbox (企业邮箱, biz_mail).
        Corp = 1,
        /// 2: the personal email (个人邮箱).
        Personal = 2,
    }
}

/// Writes a [`Gender`] the way WeCom's request samples do: as a string.
fn gender_as_string<S: serde::Serializer>(
    gender: &Option<Gender>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match gender {
        Some(g) => s.serialize_str(&g.code().to_string()),
        None => s.serialize_none(),
    }
}

// ---------------------------------------------------------------------------
// Extended attributes and the external profile
// ---------------------------------------------------------------------------

/// 自定义字段 (`extattr`): the corp's custom member fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtAttr {
    /// The attributes.
    #[serde(default)]
    pub attrs: Vec<Attr>,
}

/// One extended attribute: text, a web link or (external profile only) a
/// mini program.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attr {
    /// Which of `text`, `web`, `miniprogram` is set.
    #[serde(rename = "type", default)]
    pub attr_type: AttrType,
    /// The attribute's name, as configured in the admin console.
    #[serde(default)]
    pub name: String,
    /// A text value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextAttr>,
    /// A web link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<WebAttr>,
    /// A mini program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<MiniprogramAttr>,
}

impl Attr {
    /// A text attribute.
    pub fn text(name: impl Into<String>, value: impl Into<String>) -> Self {
        Attr {
            attr_type: AttrType::Text,
            name: name.into(),
            text: Some(TextAttr { value: value.into() }),
            ..Attr::default()
        }
    }

    /// A web-link attribute.
    pub fn web(name: impl Into<String>, url: impl Into<String>, title: impl Into<String>) -> Self {
        Attr {
            attr_type: AttrType::Web,
            name: name.into(),
            web: Some(WebAttr {
                url: url.into(),
                title: title.into(),
            }),
            ..Attr::default()
        }
    }
}

/// A text attribute's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextAttr {
    /// The text, at most 12 UTF-8 characters in an external profile.
    #[serde(default)]
    pub value: String,
}

/// A web attribute.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebAttr {
    /// The URL, starting with `http://` or `https://`.
    #[serde(default)]
    pub url: String,
    /// Its title, at most 12 UTF-8 characters.
    #[serde(default)]
    pub title: String,
}

/// A mini-program attribute (external profile only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MiniprogramAttr {
    /// The mini program's appid (bound to the corp).
    #[serde(default)]
    pub appid: String,
    /// The page to open.
    #[serde(default)]
    pub pagepath: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
}

/// 对外属性 (`external_profile`): what customers see of the member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalProfile {
    /// The corp's short name shown to customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_corp_name: Option<String>,
    /// The member's WeChat Channels account (视频号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechat_channels: Option<WechatChannels>,
    /// External attributes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_attr: Vec<Attr>,
}

/// The member's WeChat Channels account (视频号).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WechatChannels {
    /// Its nickname (set it in requests).
    #[serde(default)]
    pub nickname: String,
    /// 0 not shown, 1 shown (read only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
}

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

/// The optional fields of a member, shared by [`NewUser`] and
/// [`UserUpdate`]; `None` is not sent (and, on update, keeps the value).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserProfile {
    /// Alias, 1–64 UTF-8 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// Mobile, unique in the corp; international numbers as `+852 …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// Order within each department (one per department, larger first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<u32>>,
    /// Position, 0–128 UTF-8 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Gender (sent as `"1"` / `"2"`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "gender_as_string"
    )]
    pub gender: Option<Gender>,
    /// Email, 6–64 bytes, unique in the corp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Corp mailbox (企业邮箱), for corps with one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_mail: Option<String>,
    /// Whether the member leads each department (1/0, one per department).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_leader_in_dept: Option<Vec<u8>>,
    /// Direct leaders' userids, at most 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_leader: Option<Vec<String>>,
    /// 1 enabled, 0 disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable: Option<u8>,
    /// Avatar: a `media_id` from `media/upload`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar_mediaid: Option<String>,
    /// Landline, digits and `-`, 32 bytes at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    /// Address, at most 128 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Main department (one of `department`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_department: Option<u32>,
    /// Custom fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extattr: Option<ExtAttr>,
    /// Position shown to customers, at most 12 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_position: Option<String>,
    /// What customers see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_profile: Option<ExternalProfile>,
}

/// Request of `user/create`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUser {
    /// The userid (账号), 1–64 bytes of letters, digits and `_-@.`.
    pub userid: String,
    /// Name, 1–64 UTF-8 characters.
    pub name: String,
    /// Departments, at most 100 (the root is 1).
    pub department: Vec<u32>,
    /// Every other field.
    #[serde(flatten)]
    pub profile: UserProfile,
    /// Whether WeCom invites the new member (WeCom's default: yes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_invite: Option<bool>,
}

impl NewUser {
    /// A member `userid` called `name` in `department`.
    pub fn new(userid: impl Into<String>, name: impl Into<String>, department: Vec<u32>) -> Self {
        NewUser {
            userid: userid.into(),
            name: name.into(),
            department,
            ..NewUser::default()
        }
    }

    /// Sets the mobile.
    pub fn with_mobile(mut self, mobile: impl Into<String>) -> Self {
        self.profile.mobile = Some(mobile.into());
        self
    }

    /// Sets the email.
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.profile.email = Some(email.into());
        self
    }

    /// Sets the position.
    pub fn with_position(mut self, position: impl Into<String>) -> Self {
        self.profile.position = Some(position.into());
        self
    }

    /// Sets the gender.
    pub fn with_gender(mut self, gender: Gender) -> Self {
        self.profile.gender = Some(gender);
        self
    }

    /// Whether WeCom sends the member an invitation.
    pub fn with_to_invite(mut self, to_invite: bool) -> Self {
        self.to_invite = Some(to_invite);
        self
    }
}

/// Request of `user/update`: the member and the fields to change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserUpdate {
    /// The member.
    pub userid: String,
    /// A new userid (only for the 通讯录同步 secret, once per member).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_userid: Option<String>,
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New departments (replace the old ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Vec<u32>>,
    /// Every other field.
    #[serde(flatten)]
    pub profile: UserProfile,
}

impl UserUpdate {
    /// An update of `userid` that changes nothing yet.
    pub fn new(userid: impl Into<String>) -> Self {
        UserUpdate {
            userid: userid.into(),
            ..UserUpdate::default()
        }
    }

    /// Sets the name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the departments.
    pub fn with_department(mut self, department: Vec<u32>) -> Self {
        self.department = Some(department);
        self
    }

    /// Sets the mobile.
    pub fn with_mobile(mut self, mobile: impl Into<String>) -> Self {
        self.profile.mobile = Some(mobile.into());
        self
    }

    /// Sets the position.
    pub fn with_position(mut self, position: impl Into<String>) -> Self {
        self.profile.position = Some(position.into());
        self
    }
}

/// Request of `batch/invite`: whom to invite (at least one list non-empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invite {
    /// Members, at most 1000.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user: Vec<String>,
    /// Departments, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub party: Vec<u32>,
    /// Tags, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag: Vec<u32>,
}

// ---------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------

/// A member as `user/get` and `user/list` return it. Fields the app may not
/// read are absent (empty / `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The userid.
    pub userid: String,
    /// Name (third-party apps get the userid instead).
    #[serde(default)]
    pub name: String,
    /// Departments the app can see.
    #[serde(default)]
    pub department: Vec<u32>,
    /// Order within each department.
    #[serde(default)]
    pub order: Vec<u32>,
    /// Position.
    #[serde(default)]
    pub position: String,
    /// Mobile.
    #[serde(default)]
    pub mobile: String,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Email.
    #[serde(default)]
    pub email: String,
    /// Corp mailbox.
    #[serde(default)]
    pub biz_mail: String,
    /// Whether the member leads each department (1/0).
    #[serde(default)]
    pub is_leader_in_dept: Vec<u8>,
    /// Direct leaders.
    #[serde(default)]
    pub direct_leader: Vec<String>,
    /// Avatar URL (append `/100` etc. for sizes).
    #[serde(default)]
    pub avatar: String,
    /// Thumbnail avatar URL.
    #[serde(default)]
    pub thumb_avatar: String,
    /// Landline.
    #[serde(default)]
    pub telephone: String,
    /// Alias.
    #[serde(default)]
    pub alias: String,
    /// Address.
    #[serde(default)]
    pub address: String,
    /// The id a third-party app sees for this member across corps.
    #[serde(default)]
    pub open_userid: String,
    /// Main department.
    #[serde(default)]
    pub main_department: u32,
    /// Custom fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extattr: Option<ExtAttr>,
    /// Activation status.
    #[serde(default)]
    pub status: UserStatus,
    /// The member's personal QR code URL.
    #[serde(default)]
    pub qr_code: String,
    /// Position shown to customers.
    #[serde(default)]
    pub external_position: String,
    /// What customers see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_profile: Option<ExternalProfile>,
}

/// Reply of `user/list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserList {
    /// The members.
    #[serde(default)]
    pub userlist: Vec<User>,
}

/// A member as `user/simplelist` returns it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimpleUser {
    /// The userid.
    pub userid: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Departments.
    #[serde(default)]
    pub department: Vec<u32>,
    /// Cross-corp id for third-party apps.
    #[serde(default)]
    pub open_userid: String,
}

/// Reply of `user/simplelist`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimpleUserList {
    /// The members.
    #[serde(default)]
    pub userlist: Vec<SimpleUser>,
}

/// Reply of `user/list_id`: one page of (userid, department) pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserIdList {
    /// Cursor of the next page; empty on the last.
    #[serde(default)]
    pub next_cursor: String,
    /// The pairs.
    #[serde(default)]
    pub dept_user: Vec<DeptUser>,
}

/// One member–department pair of `user/list_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeptUser {
    /// The member.
    pub userid: String,
    /// One of its departments.
    #[serde(default)]
    pub department: u32,
}

crate::paging::cursor_page! {
    UserIdList => dept_user: DeptUser,
}

/// Reply of `user/convert_to_openid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenidReply {
    /// The member's openid.
    pub openid: String,
}

/// Reply of `user/convert_to_userid`, `user/getuserid` and
/// `user/get_userid_by_email`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UseridReply {
    /// The member's userid.
    pub userid: String,
}

/// Reply of `user/get_active_stat`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveStat {
    /// Members active that day.
    #[serde(default)]
    pub active_cnt: u64,
}

/// Reply of `batch/invite`: what could not be invited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteResult {
    /// Invalid userids.
    #[serde(default)]
    pub invaliduser: Vec<String>,
    /// Invalid departments.
    #[serde(default)]
    pub invalidparty: Vec<u32>,
    /// Invalid tags.
    #[serde(default)]
    pub invalidtag: Vec<u32>,
}

/// Reply of `corp/get_join_qrcode`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinQrcode {
    /// The QR code's link.
    pub join_qrcode: String,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The sample reply of 读取成员 (path 90196).
    #[test]
    fn decodes_the_user_get_sample() {
        let user: User = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok",
            "userid": "zhangsan", "name": "张三", "department": [1, 2], "order": [1, 2],
            "position": "后台工程师", "mobile": "13800000000", "gender": "1",
            "email": "zhangsan@gzdev.com", "biz_mail": "zhangsan@qyycs2.wecom.work",
            "is_leader_in_dept": [1, 0], "direct_leader": ["lisi"],
            "avatar": "http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/0",
            "thumb_avatar": "http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/100",
            "telephone": "020-123456", "alias": "jackzhang", "address": "广州市海珠区新港中路",
            "open_userid": "xxxxxx", "main_department": 1,
            "extattr": {"attrs": [
                {"type": 0, "name": "文本名称", "text": {"value": "文本"}},
                {"type": 1, "name": "网页名称", "web": {"url": "http://www.test.com", "title": "标题"}}
            ]},
            "status": 1,
            "qr_code": "https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=xxx",
            "external_position": "产品经理",
            "external_profile": {
                "external_corp_name": "企业简称",
                "wechat_channels": {"nickname": "视频号名称", "status": 1},
                "external_attr": [
                    {"type": 0, "name": "文本名称", "text": {"value": "文本"}},
                    {"type": 1, "name": "网页名称", "web": {"url": "http://www.test.com", "title": "标题"}},
                    {"type": 2, "name": "测试app", "miniprogram": {"appid": "wx8bd80126147dFAKE", "pagepath": "/index", "title": "my miniprogram"}}
                ]
            }
        }))
        .unwrap();
        assert_eq!(user.userid, "zhangsan");
        assert_eq!(user.department, [1, 2]);
        assert_eq!(user.gender, Some(Gender::Male));
        assert_eq!(user.is_leader_in_dept, [1, 0]);
        assert_eq!(user.direct_leader, ["lisi"]);
        assert_eq!(user.status, UserStatus::Active);
        assert_eq!(user.main_department, 1);
        let attrs = &user.extattr.as_ref().unwrap().attrs;
        assert_eq!(attrs[0], Attr::text("文本名称", "文本"));
        assert_eq!(attrs[1], Attr::web("网页名称", "http://www.test.com", "标题"));
        let profile = user.external_profile.unwrap();
        assert_eq!(profile.wechat_channels.unwrap().status, Some(1));
        assert_eq!(profile.external_attr[2].attr_type, AttrType::Miniprogram);
        assert_eq!(
            profile.external_attr[2].miniprogram.as_ref().unwrap().pagepath,
            "/index"
        );
    }

    /// The request sample of 创建成员 (path 90195).
    #[test]
    fn encodes_the_create_sample() {
        let mut user = NewUser::new("zhangsan", "张三", vec![1, 2])
            .with_mobile("+86 13800000000")
            .with_gender(Gender::Male)
            .with_email("zhangsan@gzdev.com")
            .with_position("产品经理")
            .with_to_invite(true);
        user.profile.alias = Some("jackzhang".into());
        user.profile.order = Some(vec![10, 40]);
        user.profile.is_leader_in_dept = Some(vec![1, 0]);
        user.profile.direct_leader = Some(vec!["lisi".into(), "wangwu".into()]);
        user.profile.enable = Some(1);
        user.profile.main_department = Some(1);
        user.profile.extattr = Some(ExtAttr {
            attrs: vec![Attr::text("文本名称", "文本")],
        });
        let body = serde_json::to_value(&user).unwrap();
        assert_eq!(
            body,
            json!({
                "userid": "zhangsan", "name": "张三", "alias": "jackzhang",
                "mobile": "+86 13800000000", "department": [1, 2], "order": [10, 40],
                "position": "产品经理", "gender": "1", "email": "zhangsan@gzdev.com",
                "is_leader_in_dept": [1, 0], "direct_leader": ["lisi", "wangwu"], "enable": 1,
                "main_department": 1,
                "extattr": {"attrs": [{"type": 0, "name": "文本名称", "text": {"value": "文本"}}]},
                "to_invite": true
            })
        );
        let update = UserUpdate::new("zhangsan")
            .with_name("李四")
            .with_department(vec![1]);
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            json!({"userid": "zhangsan", "name": "李四", "department": [1]})
        );
    }

    /// The sample replies of simplelist (90200), list_id (96067),
    /// convert_to_openid (90202), get_active_stat (92714), batch/invite
    /// (90975) and get_join_qrcode (91714).
    #[test]
    fn decodes_the_list_and_lookup_samples() {
        let simple: SimpleUserList = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok",
            "userlist": [{"userid": "zhangsan", "name": "张三", "department": [1, 2], "open_userid": "xxxxxx"}]
        }))
        .unwrap();
        assert_eq!(simple.userlist[0].department, [1, 2]);
        assert_eq!(simple.userlist[0].open_userid, "xxxxxx");

        let ids: UserIdList = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok", "next_cursor": "aaaaaaaaa",
            "dept_user": [
                {"userid": "zhangsan", "department": 1},
                {"userid": "zhangsan", "department": 2},
                {"userid": "lisi", "department": 2}
            ]
        }))
        .unwrap();
        assert_eq!(ids.dept_user.len(), 3);
        assert_eq!(
            ids.dept_user[2],
            DeptUser {
                userid: "lisi".into(),
                department: 2
            }
        );
        let page = wecom_core::CursorPage::into_page(ids);
        assert_eq!(page.next_cursor.as_deref(), Some("aaaaaaaaa"));

        let openid: OpenidReply = serde_json::from_value(
            json!({"errcode": 0, "errmsg": "ok", "openid": "oDjGHs-1yCnGrRovBj2yHij5JAAA"}),
        )
        .unwrap();
        assert_eq!(openid.openid, "oDjGHs-1yCnGrRovBj2yHij5JAAA");
        let stat: ActiveStat =
            serde_json::from_value(json!({"errcode": 0, "errmsg": "ok", "active_cnt": 100})).unwrap();
        assert_eq!(stat.active_cnt, 100);
        let invite: InviteResult = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok",
            "invaliduser": ["UserID1", "UserID2"], "invalidparty": [1, 2], "invalidtag": [1, 2]
        }))
        .unwrap();
        assert_eq!(invite.invaliduser, ["UserID1", "UserID2"]);
        assert_eq!(invite.invalidtag, [1, 2]);
        let qr: JoinQrcode = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok",
            "join_qrcode": "https://work.weixin.qq.com/wework_admin/genqrcode?action=join&vcode=3db1fab03118ae2aa1544cb9abe84&r=hb_share_api_mjoin&qr_size=3"
        }))
        .unwrap();
        assert!(qr.join_qrcode.contains("action=join"));
    }

    /// The sample replies of 获取部门成员详情 (90201), openid转userid (90202),
    /// 手机号获取userid (95402) and 邮箱获取userid (95895).
    #[test]
    fn decodes_the_user_list_and_userid_samples() {
        let list: UserList = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok",
            "userlist": [{
                "userid": "zhangsan", "name": "李四", "department": [1, 2], "order": [1, 2],
                "position": "后台工程师", "mobile": "13800000000", "gender": "1",
                "email": "zhangsan@gzdev.com", "biz_mail": "zhangsan@qyycs2.wecom.work",
                "is_leader_in_dept": [1, 0], "direct_leader": ["lisi", "wangwu"],
                "avatar": "http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/0",
                "thumb_avatar": "http://wx.qlogo.cn/mmopen/ajNVdqHZLLA3WJ6DSZUfiakYe37PKnQhBIeOQBO4czqrnZDS79FH5Wm5m4X69TBicnHFlhiafvDwklOpZeXYQQ2icg/100",
                "telephone": "020-123456", "alias": "jackzhang", "status": 1,
                "address": "广州市海珠区新港中路",
                "hide_mobile": 0, "english_name": "jacky",
                "open_userid": "xxxxxx", "main_department": 1,
                "extattr": {"attrs": [{"type": 0, "name": "文本名称", "text": {"value": "文本"}}]},
                "qr_code": "https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=xxx",
                "external_position": "产品经理",
                "external_profile": {"external_corp_name": "企业简称", "wechat_channels": {"nickname": "视频号名称", "status": 1}, "external_attr": []}
            }]
        }))
        .unwrap();
        let user = &list.userlist[0];
        assert_eq!(user.name, "李四");
        assert_eq!(user.direct_leader, ["lisi", "wangwu"]);
        assert_eq!(user.biz_mail, "zhangsan@qyycs2.wecom.work");
        assert_eq!(user.status, UserStatus::Active);
        for sample in [
            json!({"errcode": 0, "errmsg": "ok", "userid": "zhangsan"}),
            json!({"userid": "zhangsan", "errcode": 0, "errmsg": "ok"}),
        ] {
            let reply: UseridReply = serde_json::from_value(sample).unwrap();
            assert_eq!(reply.userid, "zhangsan");
        }
        assert_eq!(
            serde_json::to_value(Gender::Female).unwrap(),
            json!(2),
            "replies may carry integers; requests send strings (see encodes_the_create_sample)"
        );
    }

    #[test]
    fn invite_sends_only_non_empty_lists() {
        let invite = Invite {
            user: vec!["zhangsan".into()],
            tag: vec![3],
            ..Invite::default()
        };
        assert_eq!(
            serde_json::to_value(&invite).unwrap(),
            json!({"user": ["zhangsan"], "tag": [3]})
        );
    }
}
