//! 2.8 Group welcome templates (入群欢迎语素材).
//!
//! A template holds what a customer group greets newcomers with: text plus
//! at most one attachment (image, link, mini program, file or video). Members
//! pick templates in their client; [`GroupWelcomeApi`] manages them. The
//! attachment payloads are the ones of mass messages ([`MsgImage`],
//! [`MsgLink`], …); image, file and video take a `media_id` from
//! [`MediaApi::upload_attachment`](super::MediaApi::upload_attachment).

use serde::{Deserialize, Serialize};

use super::message::{MsgAttachment, MsgFile, MsgImage, MsgLink, MsgMiniprogram, MsgText, MsgVideo};
use crate::Result;

/// Group welcome template (入群欢迎语素材) endpoints.
///
/// Every method takes the corp `access_token` (a self-built app listed under
/// 可调用应用, the 客户联系 secret, or a third-party app with the
/// customer-contact permission).
#[crate::api]
pub trait GroupWelcomeApi {
    /// 添加入群欢迎语素材: create a template. Text and attachment cannot both
    /// be empty; at most one attachment (with several, WeCom keeps the first
    /// in the order image, link, miniprogram, file, video). `agentid` is
    /// required for a third-party legacy suite's app; `notify` (default on)
    /// tells members about the new template.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92366>
    #[post("externalcontact/group_welcome_template/add", token = corp)]
    async fn add_group_welcome_template(
        &self,
        #[body] template: &AddGroupWelcomeTemplateRequest,
    ) -> Result<AddedGroupWelcomeTemplate>;

    /// 编辑入群欢迎语素材: replace a template's text and attachment.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92366>
    #[post("externalcontact/group_welcome_template/edit", token = corp)]
    async fn edit_group_welcome_template(
        &self,
        #[body] template: &EditGroupWelcomeTemplateRequest,
    ) -> Result<()>;

    /// 获取入群欢迎语素材: a template's text and attachment (images come
    /// back as `pic_url`).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92366>
    #[post("externalcontact/group_welcome_template/get", token = corp)]
    async fn get_group_welcome_template(&self, template_id: &str) -> Result<GroupWelcomeContent>;

    /// 删除入群欢迎语素材: delete a template. `agentid` only for a
    /// third-party legacy suite's app.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92366>
    #[post("externalcontact/group_welcome_template/del", token = corp)]
    async fn del_group_welcome_template(&self, template_id: &str, agentid: Option<i64>) -> Result<()>;
}

/// The content of a group welcome template: text and at most one attachment,
/// each kind under its own key (`image`, `link`, `miniprogram`, `file`,
/// `video`). Also the reply of `group_welcome_template/get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupWelcomeContent {
    /// The text (at most 4000 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<MsgText>,
    /// An image (`media_id` or `pic_url` when sending; `pic_url` in replies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<MsgImage>,
    /// A link card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<MsgLink>,
    /// A mini-program card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<MsgMiniprogram>,
    /// A file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<MsgFile>,
    /// A video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<MsgVideo>,
}

impl GroupWelcomeContent {
    /// Content with text only.
    pub fn text(content: impl Into<String>) -> Self {
        Self {
            text: Some(MsgText::new(content)),
            ..Self::default()
        }
    }

    /// Content with `attachment` only.
    pub fn attachment(attachment: MsgAttachment) -> Self {
        Self::default().with_attachment(attachment)
    }

    /// Sets the text.
    pub fn with_text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(MsgText::new(content));
        self
    }

    /// Sets the attachment, replacing any previous one (a template holds
    /// one). An [`MsgAttachment::Other`] kind is ignored.
    pub fn with_attachment(mut self, attachment: MsgAttachment) -> Self {
        self.image = None;
        self.link = None;
        self.miniprogram = None;
        self.file = None;
        self.video = None;
        match attachment {
            MsgAttachment::Image(v) => self.image = Some(v),
            MsgAttachment::Link(v) => self.link = Some(v),
            MsgAttachment::Miniprogram(v) => self.miniprogram = Some(v),
            MsgAttachment::File(v) => self.file = Some(v),
            MsgAttachment::Video(v) => self.video = Some(v),
            MsgAttachment::Other { .. } => {}
        }
        self
    }

    /// The attachment, if any (the first in WeCom's order image, link,
    /// miniprogram, file, video).
    pub fn to_attachment(&self) -> Option<MsgAttachment> {
        if let Some(v) = &self.image {
            Some(MsgAttachment::Image(v.clone()))
        } else if let Some(v) = &self.link {
            Some(MsgAttachment::Link(v.clone()))
        } else if let Some(v) = &self.miniprogram {
            Some(MsgAttachment::Miniprogram(v.clone()))
        } else if let Some(v) = &self.file {
            Some(MsgAttachment::File(v.clone()))
        } else {
            self.video.as_ref().map(|v| MsgAttachment::Video(v.clone()))
        }
    }
}

/// Request of `externalcontact/group_welcome_template/add`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddGroupWelcomeTemplateRequest {
    /// Text and attachment.
    #[serde(flatten)]
    pub content: GroupWelcomeContent,
    /// The app's agentid; required only for a third-party legacy suite's app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
    /// Whether to notify members of the new template (sent as 0/1;
    /// WeCom's default is yes).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::serde_util::opt_flag"
    )]
    pub notify: Option<bool>,
}

impl AddGroupWelcomeTemplateRequest {
    /// A template with `content`.
    pub fn new(content: GroupWelcomeContent) -> Self {
        Self {
            content,
            agentid: None,
            notify: None,
        }
    }

    /// Sets the app's agentid (third-party legacy suites).
    pub fn with_agentid(mut self, agentid: i64) -> Self {
        self.agentid = Some(agentid);
        self
    }

    /// Whether members are notified (`notify` 1/0).
    pub fn with_notify(mut self, notify: bool) -> Self {
        self.notify = Some(notify);
        self
    }
}

/// Request of `externalcontact/group_welcome_template/edit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditGroupWelcomeTemplateRequest {
    /// The template to edit.
    pub template_id: String,
    /// Its new text and attachment.
    #[serde(flatten)]
    pub content: GroupWelcomeContent,
    /// The app's agentid; required only for a third-party legacy suite's app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl EditGroupWelcomeTemplateRequest {
    /// Replaces `template_id`'s content with `content`.
    pub fn new(template_id: impl Into<String>, content: GroupWelcomeContent) -> Self {
        Self {
            template_id: template_id.into(),
            content,
            agentid: None,
        }
    }

    /// Sets the app's agentid (third-party legacy suites).
    pub fn with_agentid(mut self, agentid: i64) -> Self {
        self.agentid = Some(agentid);
        self
    }
}

/// Response of `externalcontact/group_welcome_template/add`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedGroupWelcomeTemplate {
    /// The new template's id (欢迎语素材id).
    #[serde(default)]
    pub template_id: String,
}
