//! 2.2 「联系我」 contact ways and temporary chat.
//!
//! A contact way (联系我) is a QR code or mini-program button through which
//! customers add one or several members. [`ContactWayApi`] creates, reads,
//! lists, updates and deletes them, and ends temporary chats;
//! the `…_stream` methods of [`ContactWayApi`] walk the list to the end.

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::serde_util::int_enum;

/// 「联系我」 (contact way) endpoints.
///
/// Every method takes the corp `access_token` of a self-built app listed
/// under 「客户联系 可调用接口的应用」, or of a third-party / 代开发 app with
/// the 「配置「联系我」二维码」 permission. The members and departments of a
/// contact way must be in the app's visible range, activated, verified and
/// enabled for customer contact.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/92228>
#[crate::api]
pub trait ContactWayApi {
    /// 配置客户联系「联系我」方式: create a contact way; the reply holds its
    /// `config_id` (store it: a lost id means the way can never be edited
    /// or deleted) and, for QR codes, the `qr_code` URL. At most 100 members
    /// including expanded departments (errcode 41041 beyond); at most
    /// 500 000 API-created ways per corp (shared with 「加入群聊」 ways);
    /// temporary-chat ways do not count but are capped at 100 000 a day,
    /// single-member only, and their QR code expires once used. API-created
    /// ways are not shown in the admin console.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    #[post("externalcontact/add_contact_way", token = corp)]
    async fn add_contact_way(&self, #[body] way: &NewContactWay) -> Result<AddedContactWay>;

    /// 获取企业已配置的「联系我」方式: one contact way's configuration.
    /// An unknown `config_id` is errcode 41044.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    #[post("externalcontact/get_contact_way", token = corp)]
    async fn get_contact_way(&self, config_id: &str) -> Result<ContactWayDetail>;

    /// 获取企业已配置的「联系我」列表: the `config_id`s of the API-created
    /// contact ways, optionally created within `start_time`..`end_time`.
    /// `limit` at most 1000 (default 100). Walk every page with
    /// [`list_contact_way_stream`](Self::list_contact_way_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    #[post("externalcontact/list_contact_way", token = corp, page = cursor)]
    async fn list_contact_way(&self, #[body] query: &ListContactWayRequest) -> Result<ContactWayList>;

    /// 更新企业已配置的「联系我」方式: change a contact way's members,
    /// remark, style and other settings; fields left `None` keep their value.
    /// The type and scene cannot change. At most 100 members including
    /// expanded departments (errcode 41041 beyond).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    #[post("externalcontact/update_contact_way", token = corp)]
    async fn update_contact_way(&self, #[body] update: &UpdateContactWay) -> Result<()>;

    /// 删除企业已配置的「联系我」方式: delete a QR code or mini-program
    /// button.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    #[post("externalcontact/del_contact_way", token = corp)]
    async fn del_contact_way(&self, config_id: &str) -> Result<()>;

    /// 结束临时会话: end the temporary chat between a member and a
    /// customer; the configured conclusion messages are sent first.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92228>
    #[post("externalcontact/close_temp_chat", token = corp)]
    async fn close_temp_chat(&self, userid: &str, external_userid: &str) -> Result<()>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

int_enum! {
    /// Who a contact way connects to (联系方式类型).
    pub enum ContactWayType {
        /// 1: a single member (单人); `user` holds exactly one userid.
        Single = 1,
        /// 2: several members and/or departments (多人).
        Multi = 2,
    }
}

int_enum! {
    /// Where a contact way is used (场景).
    pub enum ContactWayScene {
        /// 1: a button in a mini program (在小程序中联系); no `qr_code`.
        MiniProgram = 1,
        /// 2: a QR code (通过二维码联系).
        QrCode = 2,
    }
}

// ---------------------------------------------------------------------------
// Conclusions (结束语)
// ---------------------------------------------------------------------------

/// Messages sent when a temporary chat ends (结束语). Set at most one of
/// the attachments next to the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactWayConclusions {
    /// A text message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<ConclusionText>,
    /// An image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ConclusionImage>,
    /// A link card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<ConclusionLink>,
    /// A mini-program card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<ConclusionMiniprogram>,
}

/// Text of a conclusion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConclusionText {
    /// The text, at most 4000 bytes.
    #[serde(default)]
    pub content: String,
}

/// Image of a conclusion: sent as `media_id`, read back as `pic_url`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConclusionImage {
    /// Image `media_id` (from `media/upload`), when configuring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// Image URL, as `get_contact_way` returns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pic_url: Option<String>,
}

/// Link card of a conclusion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConclusionLink {
    /// Title, at most 128 bytes.
    #[serde(default)]
    pub title: String,
    /// Cover image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picurl: Option<String>,
    /// Description, at most 512 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// Target URL.
    #[serde(default)]
    pub url: String,
}

/// Mini-program card of a conclusion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConclusionMiniprogram {
    /// Title, at most 64 bytes.
    #[serde(default)]
    pub title: String,
    /// Cover `media_id` (recommended 520×416).
    #[serde(default)]
    pub pic_media_id: String,
    /// Mini program appid (bound to the corp).
    #[serde(default)]
    pub appid: String,
    /// Page path.
    #[serde(default)]
    pub page: String,
}

// ---------------------------------------------------------------------------
// add / get / update
// ---------------------------------------------------------------------------

/// The settings `add_contact_way` and `update_contact_way` share (one
/// model, flattened into both requests). Fields left `None` are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactWaySettings {
    /// Button style in a mini program (see the official appendix).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<u32>,
    /// Remark, at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Whether customers are added without verification (WeCom's default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// Custom channel id returned in customer details, at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Members' userids; exactly one for [`ContactWayType::Single`]. At most
    /// 100 members including expanded departments. On update, replaces the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<Vec<String>>,
    /// Department ids ([`ContactWayType::Multi`] only). On update, replaces the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Vec<u32>>,
    /// Temporary ways: QR validity in seconds (WeCom's default 7 days, max 14 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u32>,
    /// Temporary ways: chat validity in seconds after the add (default 24 h, max 14 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_expires_in: Option<u32>,
    /// Temporary ways: only the WeChat user with this unionid may add.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// Whether each customer is served by one member only (同一外部企业客户只能添加同一个员工).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_exclusive: Option<bool>,
    /// Whether customers added through this way are marked as coming from
    /// this app's 「联系我」 (是否标记客户添加来源为该应用创建的「联系我」).
    /// WeCom's default is `true`; it only has an effect for 「营销获客」
    /// (marketing) apps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_source: Option<bool>,
    /// Temporary ways: messages sent when the chat ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusions: Option<ContactWayConclusions>,
}

/// Request of `externalcontact/add_contact_way` (配置「联系我」).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewContactWay {
    /// Single or multi member (`type`).
    #[serde(rename = "type")]
    pub way_type: ContactWayType,
    /// Mini-program button or QR code.
    pub scene: ContactWayScene,
    /// Whether this is a temporary-chat way (临时会话; single member only,
    /// medical-industry corps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_temp: Option<bool>,
    /// Everything else, shared with [`UpdateContactWay`].
    #[serde(flatten)]
    pub settings: ContactWaySettings,
}

impl NewContactWay {
    /// A contact way of `way_type` used in `scene`; add members with
    /// [`with_user`](Self::with_user) / [`with_party`](Self::with_party).
    pub fn new(way_type: ContactWayType, scene: ContactWayScene) -> Self {
        Self {
            way_type,
            scene,
            is_temp: None,
            settings: ContactWaySettings::default(),
        }
    }

    /// A single-member QR code for `userid`.
    pub fn single_qr(userid: impl Into<String>) -> Self {
        Self::new(ContactWayType::Single, ContactWayScene::QrCode).with_user([userid])
    }

    /// Make it a temporary-chat way with the given QR and chat validity (seconds).
    pub fn with_temp(mut self, expires_in: Option<u32>, chat_expires_in: Option<u32>) -> Self {
        self.is_temp = Some(true);
        self.settings.expires_in = expires_in;
        self.settings.chat_expires_in = chat_expires_in;
        self
    }
}

/// Reply of `externalcontact/add_contact_way`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedContactWay {
    /// The new way's id; keep it to edit or delete the way.
    pub config_id: String,
    /// QR code URL (QR-code scene only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<String>,
}

/// A configured contact way, as `get_contact_way` returns it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactWay {
    /// The way's id.
    pub config_id: String,
    /// Single or multi member (`type`).
    #[serde(rename = "type", default)]
    pub way_type: ContactWayType,
    /// Mini-program button or QR code.
    #[serde(default)]
    pub scene: ContactWayScene,
    /// Button style in a mini program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<u32>,
    /// Remark.
    #[serde(default)]
    pub remark: String,
    /// Whether customers are added without verification.
    #[serde(default, with = "crate::serde_util::flag")]
    pub skip_verify: bool,
    /// Channel `state`.
    #[serde(default)]
    pub state: String,
    /// QR code URL (QR-code scene only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<String>,
    /// Members' userids.
    #[serde(default)]
    pub user: Vec<String>,
    /// Department ids (numbers, or numeric strings as some replies send them).
    #[serde(default, deserialize_with = "crate::serde_util::id_list")]
    pub party: Vec<u32>,
    /// Whether this is a temporary-chat way.
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_temp: bool,
    /// Temporary ways: QR validity in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u32>,
    /// Temporary ways: chat validity in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_expires_in: Option<u32>,
    /// Temporary ways: the only unionid allowed to add.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// Whether each customer is served by one member only.
    #[serde(default, with = "crate::serde_util::flag")]
    pub is_exclusive: bool,
    /// Whether customers added through this way are marked as coming from
    /// the app that created it (是否标记客户添加来源, `"mark_source":true` in
    /// the sample). `None` when WeCom leaves it out (replies to apps it does
    /// not apply to, and older replies).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::serde_util::opt_flag"
    )]
    pub mark_source: Option<bool>,
    /// Temporary ways: conclusion messages (images read back as `pic_url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusions: Option<ContactWayConclusions>,
}

/// Reply of `externalcontact/get_contact_way`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactWayDetail {
    /// The configuration.
    #[serde(default)]
    pub contact_way: ContactWay,
}

/// Request of `externalcontact/update_contact_way`: fields left `None`
/// are not sent and keep their value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateContactWay {
    /// The way to change.
    pub config_id: String,
    /// What changes, shared with [`NewContactWay`].
    #[serde(flatten)]
    pub settings: ContactWaySettings,
}

impl UpdateContactWay {
    /// Change the way `config_id`; set what changes with the `with_*` setters.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
            settings: ContactWaySettings::default(),
        }
    }
}

/// The `with_…` setters of the shared [`ContactWaySettings`], written once
/// for both requests.
macro_rules! contact_way_setters {
    ($($request:ty),+) => {$(
        impl $request {
            /// Mini-program button style.
            pub fn with_style(mut self, style: u32) -> Self {
                self.settings.style = Some(style);
                self
            }

            /// Remark.
            pub fn with_remark(mut self, remark: impl Into<String>) -> Self {
                self.settings.remark = Some(remark.into());
                self
            }

            /// Whether customers skip verification.
            pub fn with_skip_verify(mut self, skip_verify: bool) -> Self {
                self.settings.skip_verify = Some(skip_verify);
                self
            }

            /// Channel `state`.
            pub fn with_state(mut self, state: impl Into<String>) -> Self {
                self.settings.state = Some(state.into());
                self
            }

            /// Members (on update, replaces the list).
            pub fn with_user<I, S>(mut self, users: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                self.settings.user = Some(users.into_iter().map(Into::into).collect());
                self
            }

            /// Departments (on update, replaces the list).
            pub fn with_party(mut self, party: impl IntoIterator<Item = u32>) -> Self {
                self.settings.party = Some(party.into_iter().collect());
                self
            }

            /// Temporary ways: QR validity (seconds).
            pub fn with_expires_in(mut self, secs: u32) -> Self {
                self.settings.expires_in = Some(secs);
                self
            }

            /// Temporary ways: chat validity (seconds).
            pub fn with_chat_expires_in(mut self, secs: u32) -> Self {
                self.settings.chat_expires_in = Some(secs);
                self
            }

            /// Temporary ways: the only unionid allowed to add.
            pub fn with_unionid(mut self, unionid: impl Into<String>) -> Self {
                self.settings.unionid = Some(unionid.into());
                self
            }

            /// One member per customer.
            pub fn with_is_exclusive(mut self, is_exclusive: bool) -> Self {
                self.settings.is_exclusive = Some(is_exclusive);
                self
            }

            /// Sets `mark_source`: whether added customers are marked as coming
            /// from this app's 「联系我」 (marketing apps only; WeCom's default true).
            pub fn with_mark_source(mut self, mark_source: bool) -> Self {
                self.settings.mark_source = Some(mark_source);
                self
            }

            /// Conclusion messages (temporary ways).
            pub fn with_conclusions(mut self, conclusions: ContactWayConclusions) -> Self {
                self.settings.conclusions = Some(conclusions);
                self
            }
        }
    )+};
}

contact_way_setters!(NewContactWay, UpdateContactWay);

// ---------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------

/// Request of `externalcontact/list_contact_way`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListContactWayRequest {
    /// Created at or after (unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    /// Created at or before (unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Page size, at most 1000 (WeCom's default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl ListContactWayRequest {
    /// Every API-created way, WeCom's default page size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only ways created in `start_time..=end_time` (unix seconds).
    pub fn with_time_range(mut self, start_time: i64, end_time: i64) -> Self {
        self.start_time = Some(start_time);
        self.end_time = Some(end_time);
        self
    }

    /// Continue from `cursor`.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Page size, at most 1000.
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// One entry of `list_contact_way`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactWayId {
    /// The way's id; read it with `get_contact_way`.
    pub config_id: String,
}

/// Reply of `externalcontact/list_contact_way`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactWayList {
    /// The ways on this page.
    #[serde(default)]
    pub contact_way: Vec<ContactWayId>,
    /// Cursor of the next page; empty on the last.
    #[serde(default)]
    pub next_cursor: String,
}

// No `has_more` in these replies: an empty `next_cursor` ends the list.
crate::paging::cursor_page! {
    ContactWayList => contact_way: ContactWayId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_way_sends_only_what_is_set() {
        let way = NewContactWay::new(ContactWayType::Multi, ContactWayScene::QrCode)
            .with_user(["zhangsan", "lisi"])
            .with_party([2])
            .with_remark("门店");
        assert_eq!(
            serde_json::to_value(&way).expect("encodes"),
            serde_json::json!({"type":2,"scene":2,"remark":"门店","user":["zhangsan","lisi"],"party":[2]})
        );
    }

    /// The reply sample of 获取企业已配置的「联系我」方式 as published on
    /// <https://developer.work.weixin.qq.com/document/path/95724> (the
    /// third-party copy of path 92228's section), with `"mark_source":true`.
    /// Values as documented; only whitespace differs.
    const GET_CONTACT_WAY_SAMPLE: &str = r#"{
       "errcode": 0,
       "errmsg": "ok",
       "contact_way":
        {
            "config_id":"42b34949e138eb6e027c123cba77fAAA",
            "type":1,
            "scene":1,
            "style":2,
            "remark":"test remark",
            "skip_verify":true,
            "state":"teststate",
            "qr_code":"https://p.qpic.cn/wwhead/duc2TvpEgSdicZ9RrdUtBkv2UiaA/0",
            "user" : ["zhangsan", "lisi", "wangwu"],
            "party" : [2, 3],
            "is_temp":true,
            "expires_in":86400,
            "chat_expires_in":86400,
            "unionid":"oxTWIuGaIt6gTKsQRLau2M0AAAA",
            "mark_source":true,
            "conclusions":
            {
                "text": {"content":"文本消息内容"},
                "image": {"pic_url": "https://p.qpic.cn/pic_wework/XXXXX"},
                "link":
                {
                    "title": "消息标题",
                    "picurl": "https://example.pic.com/path",
                    "desc": "消息描述",
                    "url": "https://example.link.com/path"
                },
                "miniprogram":
                {
                    "title": "消息标题",
                    "pic_media_id": "MEDIA_ID",
                    "appid": "wx8bd80126147dfAAA",
                    "page": "/path/index"
                }
            }
        }
    }"#;

    #[test]
    fn get_contact_way_decodes_the_documented_sample_with_mark_source() {
        let d: ContactWayDetail = serde_json::from_str(GET_CONTACT_WAY_SAMPLE).expect("decodes");
        let way = &d.contact_way;
        assert_eq!(way.config_id, "42b34949e138eb6e027c123cba77fAAA");
        assert_eq!(way.way_type, ContactWayType::Single);
        assert_eq!(way.scene, ContactWayScene::MiniProgram);
        assert_eq!(way.style, Some(2));
        assert_eq!(way.remark, "test remark");
        assert!(way.skip_verify && way.is_temp && !way.is_exclusive);
        assert_eq!(way.state, "teststate");
        assert_eq!(way.user, ["zhangsan", "lisi", "wangwu"]);
        assert_eq!(way.party, [2, 3]);
        assert_eq!(way.expires_in, Some(86400));
        assert_eq!(way.chat_expires_in, Some(86400));
        assert_eq!(way.unionid.as_deref(), Some("oxTWIuGaIt6gTKsQRLau2M0AAAA"));
        assert_eq!(way.mark_source, Some(true));
        let conclusions = way.conclusions.as_ref().expect("conclusions");
        assert_eq!(
            conclusions.text.as_ref().map(|t| t.content.as_str()),
            Some("文本消息内容")
        );
        assert_eq!(
            conclusions.miniprogram.as_ref().map(|m| m.page.as_str()),
            Some("/path/index")
        );

        // Older replies without the field read as `None`.
        let old: ContactWayDetail =
            serde_json::from_str(r#"{"contact_way":{"config_id":"c","type":1,"scene":2}}"#).expect("decodes");
        assert_eq!(old.contact_way.mark_source, None);
    }

    #[test]
    fn add_and_update_send_mark_source_only_when_set() {
        // The request sample of 配置客户联系「联系我」方式 (path 95724, also
        // 96348) carries `"mark_source":true` next to `is_exclusive`.
        let way = NewContactWay::new(ContactWayType::Single, ContactWayScene::MiniProgram)
            .with_style(1)
            .with_remark("渠道客户")
            .with_skip_verify(true)
            .with_state("teststate")
            .with_user(["zhangsan", "lisi", "wangwu"])
            .with_party([2, 3])
            .with_temp(Some(86400), Some(86400))
            .with_unionid("oxTWIuGaIt6gTKsQRLau2M0AAAA")
            .with_is_exclusive(true)
            .with_mark_source(true);
        assert_eq!(
            serde_json::to_value(&way).expect("encodes"),
            serde_json::json!({
                "type": 1, "scene": 1, "style": 1, "remark": "渠道客户", "skip_verify": true,
                "state": "teststate", "user": ["zhangsan", "lisi", "wangwu"], "party": [2, 3],
                "is_temp": true, "expires_in": 86400, "chat_expires_in": 86400,
                "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA", "is_exclusive": true, "mark_source": true
            })
        );
        let plain = serde_json::to_value(NewContactWay::single_qr("zhangsan")).expect("encodes");
        assert!(plain.get("mark_source").is_none(), "{plain}");

        let update = UpdateContactWay::new("42b34949e138eb6e027c123cba77fAAA").with_mark_source(false);
        assert_eq!(
            serde_json::to_value(&update).expect("encodes"),
            serde_json::json!({"config_id": "42b34949e138eb6e027c123cba77fAAA", "mark_source": false})
        );
        let plain = serde_json::to_value(UpdateContactWay::new("c")).expect("encodes");
        assert_eq!(plain, serde_json::json!({"config_id": "c"}));
    }

    #[test]
    fn way_accepts_string_departments_and_int_flags() {
        let d: ContactWayDetail = serde_json::from_str(
            r#"{"contact_way":{"config_id":"c","type":1,"scene":2,"skip_verify":1,"party":["2",3],
                "is_temp":false,"conclusions":{"image":{"pic_url":"http://p"}}}}"#,
        )
        .expect("decodes");
        assert_eq!(d.contact_way.party, [2, 3]);
        assert!(d.contact_way.skip_verify);
        assert_eq!(d.contact_way.way_type, ContactWayType::Single);
        let pic = d
            .contact_way
            .conclusions
            .and_then(|c| c.image)
            .and_then(|i| i.pic_url);
        assert_eq!(pic.as_deref(), Some("http://p"));
    }
}
