//! 2.7 Mass messages (群发) and welcome messages.
//!
//! A mass message (企业群发) is a task: [`MassMessageApi::add_msg_template`]
//! pushes it to the senders, who confirm it in their WeCom client; the
//! records, per-sender tasks and per-recipient results are then read with the
//! `get_groupmsg_*` lists (walked to the end by the `…_stream` methods of [`MassMessageApi`]). A
//! welcome message is sent once, right after a customer is added, with the
//! `welcome_code` of the add event.
//!
//! Content is an optional [`MsgText`] plus up to 9 [`MsgAttachment`]s; image,
//! video and file attachments take a `media_id` from
//! [`MediaApi::upload_attachment`](super::MediaApi::upload_attachment)
//! (`media/upload_attachment`; `media/upload` ids also work but last 3 days).

use serde::de::Error as _;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Result;
use crate::serde_util::int_enum;

/// Mass message (企业群发) and welcome message (欢迎语) endpoints.
///
/// Every method takes the corp `access_token` (a self-built app listed under
/// 可调用应用, the 客户联系 secret, or a third-party app with 「群发消息给客户和
/// 客户群」). Self-built apps only reach members in their visible range.
#[crate::api]
pub trait MassMessageApi {
    /// 创建企业群发: create a mass-message task for customers
    /// (`chat_type` single) or customer groups (`group`); the senders confirm
    /// it in their client before anything is sent. At most 10 000
    /// `external_userid`, 2000 `chat_id_list`, 100 tags per tag-filter group,
    /// 9 attachments, 4000 bytes of text. Each customer or group receives at
    /// most 4 mass messages per natural month from the corp; recipients over
    /// the limit come back in `fail_list`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92135>
    #[post("externalcontact/add_msg_template", token = corp)]
    async fn add_msg_template(&self, #[body] template: &MsgTemplate) -> Result<AddedMsgTemplate>;

    /// 提醒成员群发: remind the senders who have not yet sent a corp mass
    /// message. At most 3 reminders per message per 24 hours.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97610>
    #[post("externalcontact/remind_groupmsg_send", token = corp)]
    async fn remind_groupmsg_send(&self, msgid: &str) -> Result<()>;

    /// 停止企业群发: cancel a corp mass message for the senders who have not
    /// sent it yet; what was sent stays sent.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97611>
    #[post("externalcontact/cancel_groupmsg_send", token = corp)]
    async fn cancel_groupmsg_send(&self, msgid: &str) -> Result<()>;

    /// 获取群发记录列表: one page of mass-message records (corp- and/or
    /// member-created) in a time window of at most 1 month. `limit` at most
    /// 100 (WeCom's default 50; larger values fall back to it).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93338>
    #[post("externalcontact/get_groupmsg_list_v2", token = corp, page = cursor(limit = 100), stream = groupmsg_list_stream)]
    async fn get_groupmsg_list_v2(&self, #[body] request: &GroupMsgListRequest) -> Result<GroupMsgList>;

    /// 获取群发成员发送任务列表: one page of the senders of a mass message
    /// and whether each has sent it. `limit` at most 1000 (WeCom's default
    /// 500; larger values fall back to it).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93338>
    #[post("externalcontact/get_groupmsg_task", token = corp, page = cursor(limit = 1000), stream = groupmsg_task_stream)]
    async fn get_groupmsg_task(
        &self,
        msgid: &str,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<GroupMsgTaskList>;

    /// 获取企业群发成员执行结果: one page of one sender's recipients of a
    /// mass message and the send status of each. `limit` at most 1000
    /// (WeCom's default 500; larger values fall back to it).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93338>
    #[post("externalcontact/get_groupmsg_send_result", token = corp, page = cursor(limit = 1000), stream = groupmsg_send_result_stream)]
    async fn get_groupmsg_send_result(
        &self,
        msgid: &str,
        userid: &str,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<GroupMsgSendResultList>;

    /// 获取企业群发消息发送结果 (旧版): the review status and per-recipient
    /// results of a mass message created with the legacy API. `limit` at most
    /// 10 000. WeCom replaced it with `get_groupmsg_task` +
    /// `get_groupmsg_send_result`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92136>
    #[deprecated(note = "use `get_groupmsg_send_result` (with `get_groupmsg_task`) instead")]
    #[post("externalcontact/get_group_msg_result", token = corp)]
    async fn get_group_msg_result(
        &self,
        msgid: &str,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<GroupMsgResult>;

    /// 发送新客户欢迎语: send a welcome message through the member who just
    /// added a customer, with the `welcome_code` of the add-customer event.
    /// Only within 20 seconds of the event and only once; when another app
    /// sent first WeCom answers 41051. Text and up to 9 attachments.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92137>
    #[post("externalcontact/send_welcome_msg", token = corp)]
    async fn send_welcome_msg(&self, #[body] message: &WelcomeMsg) -> Result<()>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

wecom_core::string_enum! {
    /// Who a mass message goes to (群发任务的类型, `chat_type`).
    pub enum ChatType {
        /// `"single"`: customers (发送给客户), WeCom's default.
        Single = "single",
        /// `"group"`: customer groups (发送给客户群).
        Group = "group",
    }
}

impl Default for ChatType {
    /// `single`, WeCom's default.
    fn default() -> Self {
        ChatType::Single
    }
}

int_enum! {
    /// Whose records `get_groupmsg_list_v2` returns (创建人类型, `filter_type`).
    pub enum GroupMsgFilterType {
        /// 0: created by the corp (企业发表).
        Corp = 0,
        /// 1: created by members (个人发表).
        Personal = 1,
        /// 2: both (所有), WeCom's default.
        All = 2,
    }
}

int_enum! {
    /// Who created a mass message (群发消息创建来源, `create_type`).
    pub enum GroupMsgCreateType {
        /// 0: the corp (企业).
        Corp = 0,
        /// 1: a member (个人).
        Personal = 1,
    }
}

int_enum! {
    /// Whether a sender has sent a mass message (发送状态, `get_groupmsg_task`).
    pub enum GroupMsgTaskStatus {
        /// 0: not sent yet (未发送).
        Unsent = 0,
        /// 2: sent (已发送).
        Sent = 2,
    }
}

int_enum! {
    /// Delivery status to one recipient (发送状态, `get_groupmsg_send_result`).
    pub enum GroupMsgSendStatus {
        /// 0: not sent yet (未发送).
        Unsent = 0,
        /// 1: sent (已发送).
        Sent = 1,
        /// 2: failed, the customer is no longer a contact (因客户不是好友导致发送失败).
        NotFriend = 2,
        /// 3: failed, the customer already received another mass message
        /// (因客户已经收到其他群发消息导致发送失败).
        ReceiveLimitReached = 3,
    }
}

int_enum! {
    /// Review status of a legacy mass message (模板消息的审核状态).
    pub enum GroupMsgCheckStatus {
        /// 0: under review (审核中).
        Reviewing = 0,
        /// 1: approved (审核成功).
        Approved = 1,
        /// 2: rejected (审核失败).
        Rejected = 2,
    }
}

// ---------------------------------------------------------------------------
// Content: text and attachments
// ---------------------------------------------------------------------------

/// Text of a message (`text`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MsgText {
    /// The text (消息文本内容), at most 4000 bytes.
    #[serde(default)]
    pub content: String,
}

impl MsgText {
    /// Text `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
        }
    }
}

/// An image (`image`): a `media_id` or a `pic_url`; with both, WeCom uses
/// the `media_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MsgImage {
    /// The image's media id (from `media/upload_attachment` or `media/upload`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// The image's URL; only URLs returned by `media/uploadimg` are allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pic_url: Option<String>,
}

impl MsgImage {
    /// An uploaded image.
    pub fn media(media_id: impl Into<String>) -> Self {
        Self {
            media_id: Some(media_id.into()),
            pic_url: None,
        }
    }

    /// An image by URL (from `media/uploadimg`).
    pub fn url(pic_url: impl Into<String>) -> Self {
        Self {
            media_id: None,
            pic_url: Some(pic_url.into()),
        }
    }
}

/// A link card (`link`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MsgLink {
    /// The title, at most 128 bytes.
    #[serde(default)]
    pub title: String,
    /// The cover image URL, at most 2048 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picurl: Option<String>,
    /// The description, at most 512 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// The link, at most 2048 bytes.
    #[serde(default)]
    pub url: String,
}

impl MsgLink {
    /// A link to `url` titled `title`.
    pub fn new(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            picurl: None,
            desc: None,
            url: url.into(),
        }
    }

    /// Sets the cover image URL.
    pub fn with_picurl(mut self, picurl: impl Into<String>) -> Self {
        self.picurl = Some(picurl.into());
        self
    }

    /// Sets the description.
    pub fn with_desc(mut self, desc: impl Into<String>) -> Self {
        self.desc = Some(desc.into());
        self
    }
}

/// A mini-program card (`miniprogram`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MsgMiniprogram {
    /// The title, at most 64 bytes.
    #[serde(default)]
    pub title: String,
    /// The cover's media id (520×416 recommended).
    #[serde(default)]
    pub pic_media_id: String,
    /// The mini program's appid; it must be linked to the corp.
    #[serde(default)]
    pub appid: String,
    /// The page path to open.
    #[serde(default)]
    pub page: String,
}

impl MsgMiniprogram {
    /// A card for `appid`'s `page`, titled `title`, with cover `pic_media_id`.
    pub fn new(
        title: impl Into<String>,
        pic_media_id: impl Into<String>,
        appid: impl Into<String>,
        page: impl Into<String>,
    ) -> Self {
        Self {
            title: title.into(),
            pic_media_id: pic_media_id.into(),
            appid: appid.into(),
            page: page.into(),
        }
    }
}

/// A video (`video`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MsgVideo {
    /// The video's media id.
    #[serde(default)]
    pub media_id: String,
}

impl MsgVideo {
    /// An uploaded video.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
        }
    }
}

/// A file (`file`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MsgFile {
    /// The file's media id.
    #[serde(default)]
    pub media_id: String,
}

impl MsgFile {
    /// An uploaded file.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
        }
    }
}

/// One attachment of a mass or welcome message, written as WeCom wants it:
/// `{"msgtype":"image","image":{…}}`, the payload under the key named by
/// `msgtype`.
#[derive(Debug, Clone, PartialEq)]
pub enum MsgAttachment {
    /// `msgtype` `"image"`.
    Image(MsgImage),
    /// `msgtype` `"link"`.
    Link(MsgLink),
    /// `msgtype` `"miniprogram"`.
    Miniprogram(MsgMiniprogram),
    /// `msgtype` `"video"`.
    Video(MsgVideo),
    /// `msgtype` `"file"`.
    File(MsgFile),
    /// An attachment kind this SDK does not name (yet): its `msgtype` and
    /// the payload found under that key (`null` if absent).
    Other {
        /// The raw `msgtype`.
        msgtype: String,
        /// The payload object.
        payload: serde_json::Value,
    },
}

impl MsgAttachment {
    /// An uploaded image (`media_id` from
    /// [`MediaApi::upload_attachment`](super::MediaApi::upload_attachment)).
    pub fn image(media_id: impl Into<String>) -> Self {
        Self::Image(MsgImage::media(media_id))
    }

    /// An image by URL (from `media/uploadimg`).
    pub fn image_url(pic_url: impl Into<String>) -> Self {
        Self::Image(MsgImage::url(pic_url))
    }

    /// A link card.
    pub fn link(link: MsgLink) -> Self {
        Self::Link(link)
    }

    /// A mini-program card.
    pub fn miniprogram(miniprogram: MsgMiniprogram) -> Self {
        Self::Miniprogram(miniprogram)
    }

    /// An uploaded video (`media_id` from `media/upload_attachment`).
    pub fn video(media_id: impl Into<String>) -> Self {
        Self::Video(MsgVideo::new(media_id))
    }

    /// An uploaded file (`media_id` from `media/upload_attachment`).
    pub fn file(media_id: impl Into<String>) -> Self {
        Self::File(MsgFile::new(media_id))
    }

    /// The `msgtype` WeCom uses for this attachment.
    pub fn msgtype(&self) -> &str {
        match self {
            Self::Image(_) => "image",
            Self::Link(_) => "link",
            Self::Miniprogram(_) => "miniprogram",
            Self::Video(_) => "video",
            Self::File(_) => "file",
            Self::Other { msgtype, .. } => msgtype,
        }
    }
}

impl Serialize for MsgAttachment {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("msgtype", self.msgtype())?;
        match self {
            Self::Image(v) => map.serialize_entry("image", v)?,
            Self::Link(v) => map.serialize_entry("link", v)?,
            Self::Miniprogram(v) => map.serialize_entry("miniprogram", v)?,
            Self::Video(v) => map.serialize_entry("video", v)?,
            Self::File(v) => map.serialize_entry("file", v)?,
            Self::Other { msgtype, payload } => map.serialize_entry(msgtype.as_str(), payload)?,
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for MsgAttachment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let mut object = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        let msgtype = match object.remove("msgtype") {
            Some(serde_json::Value::String(s)) => s,
            Some(other) => {
                return Err(D::Error::custom(format!(
                    "attachment msgtype is not a string: {other}"
                )));
            }
            None => return Err(D::Error::missing_field("msgtype")),
        };
        let payload = object.remove(&msgtype).unwrap_or(serde_json::Value::Null);
        fn decode<T: serde::de::DeserializeOwned, E: serde::de::Error>(
            kind: &str,
            payload: serde_json::Value,
        ) -> std::result::Result<T, E> {
            serde_json::from_value(payload).map_err(|e| E::custom(format!("attachment `{kind}`: {e}")))
        }
        Ok(match msgtype.as_str() {
            "image" => Self::Image(decode::<_, D::Error>("image", payload)?),
            "link" => Self::Link(decode::<_, D::Error>("link", payload)?),
            "miniprogram" => Self::Miniprogram(decode::<_, D::Error>("miniprogram", payload)?),
            "video" => Self::Video(decode::<_, D::Error>("video", payload)?),
            "file" => Self::File(decode::<_, D::Error>("file", payload)?),
            _ => Self::Other { msgtype, payload },
        })
    }
}

// ---------------------------------------------------------------------------
// add_msg_template
// ---------------------------------------------------------------------------

/// A group of tags in a tag filter (`tag_filter.group_list[]`): customers
/// with any of the tags match (tags of one group are OR-ed, groups AND-ed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MsgTagFilterGroup {
    /// Tag ids (corp or rule-group tags), at most 100.
    #[serde(default)]
    pub tag_list: Vec<String>,
}

/// Customer tag filter of a mass message (`tag_filter`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MsgTagFilter {
    /// Tag groups, AND-ed together.
    #[serde(default)]
    pub group_list: Vec<MsgTagFilterGroup>,
}

impl MsgTagFilter {
    /// Customers matching every group of `groups` (any tag inside a group).
    pub fn new<G, I, S>(groups: G) -> Self
    where
        G: IntoIterator<Item = I>,
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            group_list: groups
                .into_iter()
                .map(|tags| MsgTagFilterGroup {
                    tag_list: tags.into_iter().map(Into::into).collect(),
                })
                .collect(),
        }
    }
}

/// Request of `externalcontact/add_msg_template` (创建企业群发).
///
/// Give `text` and/or attachments. For customers, name them
/// (`external_userid`), filter them by tags, or give only a `sender` to
/// reach all of that member's customers; for groups, give the `sender`
/// (group owner) and optionally the `chat_id_list`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MsgTemplate {
    /// Customers or customer groups; WeCom's default is customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_type: Option<ChatType>,
    /// Customers' external userids, at most 10 000 (single only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<Vec<String>>,
    /// Customer groups, at most 2000 (group only; owners then need not pick
    /// groups, WeCom client 4.1.10+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_id_list: Option<Vec<String>>,
    /// Customer tag filter (single only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_filter: Option<MsgTagFilter>,
    /// The sending member's userid; required for groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// Whether the sender may re-select recipients (single only; WeCom's
    /// default is no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_select: Option<bool>,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<MsgText>,
    /// Attachments, at most 9.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<MsgAttachment>,
}

impl MsgTemplate {
    /// A message to these customers (`chat_type` single, at most 10 000).
    pub fn to_customers<I, S>(external_userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            chat_type: Some(ChatType::Single),
            external_userid: Some(external_userids.into_iter().map(Into::into).collect()),
            ..Self::default()
        }
    }

    /// A message to every customer of `sender` (`chat_type` single).
    pub fn to_customers_of(sender: impl Into<String>) -> Self {
        Self {
            chat_type: Some(ChatType::Single),
            sender: Some(sender.into()),
            ..Self::default()
        }
    }

    /// A message to the customer groups owned by `sender` (`chat_type` group).
    pub fn to_groups_of(sender: impl Into<String>) -> Self {
        Self {
            chat_type: Some(ChatType::Group),
            sender: Some(sender.into()),
            ..Self::default()
        }
    }

    /// Sets the sending member.
    pub fn with_sender(mut self, sender: impl Into<String>) -> Self {
        self.sender = Some(sender.into());
        self
    }

    /// Only these customer groups (group only, at most 2000).
    pub fn with_chat_ids<I, S>(mut self, chat_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.chat_id_list = Some(chat_ids.into_iter().map(Into::into).collect());
        self
    }

    /// Only customers matching `filter` (single only).
    pub fn with_tag_filter(mut self, filter: MsgTagFilter) -> Self {
        self.tag_filter = Some(filter);
        self
    }

    /// Lets the sender re-select recipients (single only).
    pub fn with_allow_select(mut self, allow: bool) -> Self {
        self.allow_select = Some(allow);
        self
    }

    /// Sets the text (at most 4000 bytes).
    pub fn with_text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(MsgText::new(content));
        self
    }

    /// Appends an attachment (at most 9 in all).
    pub fn with_attachment(mut self, attachment: MsgAttachment) -> Self {
        self.attachments.push(attachment);
        self
    }
}

/// Response of `externalcontact/add_msg_template`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedMsgTemplate {
    /// Recipients that cannot receive it (无效或无法发送的external_userid或chatid列表).
    #[serde(default)]
    pub fail_list: Vec<String>,
    /// The mass message's id (企业群发消息的id).
    #[serde(default)]
    pub msgid: String,
}

// ---------------------------------------------------------------------------
// get_groupmsg_list_v2, get_groupmsg_task, get_groupmsg_send_result
// ---------------------------------------------------------------------------

/// Request of `externalcontact/get_groupmsg_list_v2` (获取群发记录列表).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMsgListRequest {
    /// Customer or group mass messages.
    pub chat_type: ChatType,
    /// Start of the window (unix seconds).
    pub start_time: i64,
    /// End of the window (unix seconds), at most 1 month after `start_time`.
    pub end_time: i64,
    /// Only messages created by this member (群发任务创建人企业账号id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Corp- or member-created (WeCom's default: both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_type: Option<GroupMsgFilterType>,
    /// Page size, at most 100 (WeCom's default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Cursor from the previous page's `next_cursor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl GroupMsgListRequest {
    /// Records of `chat_type` messages created in `[start_time, end_time]`
    /// (unix seconds, at most 1 month apart).
    pub fn new(chat_type: ChatType, start_time: i64, end_time: i64) -> Self {
        Self {
            chat_type,
            start_time,
            end_time,
            ..Self::default()
        }
    }

    /// Only messages created by `creator`.
    pub fn with_creator(mut self, creator: impl Into<String>) -> Self {
        self.creator = Some(creator.into());
        self
    }

    /// Only corp- or member-created messages.
    pub fn with_filter_type(mut self, filter_type: GroupMsgFilterType) -> Self {
        self.filter_type = Some(filter_type);
        self
    }

    /// Page size (at most 100).
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Continues from a previous page's `next_cursor`.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }
}

/// One mass-message record (群发记录).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsg {
    /// The mass message's id.
    #[serde(default)]
    pub msgid: String,
    /// The creator's userid (for member-created messages, the member).
    #[serde(default)]
    pub creator: String,
    /// When it was created (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// Created by the corp or by a member.
    #[serde(default)]
    pub create_type: GroupMsgCreateType,
    /// The text, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<MsgText>,
    /// The attachments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<MsgAttachment>,
}

/// Response of `externalcontact/get_groupmsg_list_v2`: one page of records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsgList {
    /// Records on this page.
    #[serde(default)]
    pub group_msg_list: Vec<GroupMsg>,
    /// Cursor of the next page; empty (or missing) on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

/// One sender's task of a mass message (群发成员发送任务).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMsgTask {
    /// The sending member's userid.
    #[serde(default)]
    pub userid: String,
    /// Whether it was sent.
    #[serde(default)]
    pub status: GroupMsgTaskStatus,
    /// When it was sent (unix seconds); `None` while unsent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_time: Option<i64>,
}

/// Response of `externalcontact/get_groupmsg_task`: one page of senders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMsgTaskList {
    /// Senders on this page.
    #[serde(default)]
    pub task_list: Vec<GroupMsgTask>,
    /// Cursor of the next page; empty (or missing) on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

/// Delivery to one recipient (customer or group) of a mass message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMsgSendResult {
    /// The customer's external userid (customer mass messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// The customer group's id (group mass messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    /// The sending member's userid.
    #[serde(default)]
    pub userid: String,
    /// The delivery status.
    #[serde(default)]
    pub status: GroupMsgSendStatus,
    /// When it was sent (unix seconds); only for status 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_time: Option<i64>,
}

/// Response of `externalcontact/get_groupmsg_send_result`: one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMsgSendResultList {
    /// Recipients on this page.
    #[serde(default)]
    pub send_list: Vec<GroupMsgSendResult>,
    /// Cursor of the next page; empty (or missing) on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

/// Response of the legacy `externalcontact/get_group_msg_result`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMsgResult {
    /// Review status of the message (only some legacy replies carry it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_status: Option<GroupMsgCheckStatus>,
    /// Recipients on this page.
    #[serde(default)]
    pub detail_list: Vec<GroupMsgSendResult>,
    /// Cursor of the next page; empty (or missing) on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

// These lists carry no `has_more`: an empty `next_cursor` ends them.
crate::paging::cursor_page! {
    GroupMsgList => group_msg_list: GroupMsg,
    GroupMsgTaskList => task_list: GroupMsgTask,
    GroupMsgSendResultList => send_list: GroupMsgSendResult,
    GroupMsgResult => detail_list: GroupMsgSendResult,
}

// ---------------------------------------------------------------------------
// send_welcome_msg
// ---------------------------------------------------------------------------

/// Request of `externalcontact/send_welcome_msg` (发送新客户欢迎语). Give
/// text and/or attachments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WelcomeMsg {
    /// The `WelcomeCode` of the add-customer event (valid 20 seconds).
    pub welcome_code: String,
    /// The text (at most 4000 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<MsgText>,
    /// Attachments, at most 9.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<MsgAttachment>,
}

impl WelcomeMsg {
    /// A welcome message for the event's `welcome_code`.
    pub fn new(welcome_code: impl Into<String>) -> Self {
        Self {
            welcome_code: welcome_code.into(),
            ..Self::default()
        }
    }

    /// Sets the text.
    pub fn with_text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(MsgText::new(content));
        self
    }

    /// Appends an attachment (at most 9 in all).
    pub fn with_attachment(mut self, attachment: MsgAttachment) -> Self {
        self.attachments.push(attachment);
        self
    }
}
