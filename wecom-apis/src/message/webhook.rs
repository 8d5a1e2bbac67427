//! 群机器人 (group robots): messages a robot added to a group chat posts
//! there through its webhook (`webhook/send`), and the files and voices it
//! uploads for them (`webhook/upload_media`).
//!
//! A robot is addressed by the `key` of its webhook URL
//! (`…/cgi-bin/webhook/send?key=…`) and takes no access token, so these
//! endpoints are declared `token = none` and run on any client. Anyone
//! holding the key can post to the group: it is a [`WebhookKey`], never
//! shown in `Debug` output (and the runtime keeps query strings out of its
//! errors and logs).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use wecom_apis::message::{WebhookApi, WebhookKey, WebhookMessage, WebhookText};
//! # let sandbox = wecom_testkit::Sandbox::start().await;
//! # sandbox.messages().add_webhook("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa");
//! // A robot needs no app credential: a bare client will do.
//! let client = wecom_apis::Client::builder()
//! #   .base_url(sandbox.base_url())
//!     .build()?;
//! let key = WebhookKey::new("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa");
//! let text = WebhookText::new("广州今日天气：29度").mention_all();
//! client.send_webhook_message(&key, &WebhookMessage::Text(text)).await?;
//! # Ok(()) }
//! ```
//!
//! Page: <https://developer.work.weixin.qq.com/document/path/99110>
//! (消息推送, formerly 群机器人 at path 91770).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::content::{Markdown, News};
use super::template_card::TemplateCard;
use crate::Result;
use crate::Upload;
use wecom_core::string_enum;

/// 群机器人: webhook messages and uploads.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/99110>
#[crate::api]
pub trait WebhookApi {
    /// 群机器人发送消息: posts `message` into the robot's group. At most
    /// **20 messages a minute** per robot (45009 beyond). A key that is
    /// wrong, or whose robot left the group, is 93000.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99110>
    #[post("webhook/send", token = none)]
    async fn send_webhook_message(
        &self,
        #[query] key: &WebhookKey,
        #[body] message: &WebhookMessage,
    ) -> Result<()>;

    /// 文件上传接口 (群机器人): uploads a file (5 B – 20 MB) or a voice
    /// (AMR, 5 B – 2 MB, at most 60 s) for a `file` / `voice` webhook
    /// message. The `media_id` lasts 3 days and only this robot can send it.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/99110>
    #[post("webhook/upload_media", token = none)]
    async fn upload_webhook_media(
        &self,
        #[query] key: &WebhookKey,
        #[query = "type"] media_type: WebhookMediaType,
        #[file = "media"] media: &Upload,
    ) -> Result<WebhookMedia>;
}

/// A group robot's webhook key: a credential (whoever holds it can post to
/// the group), sent as the `key` query parameter and never shown in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookKey(crate::Secret);

impl WebhookKey {
    /// The key of a webhook URL (the part after `key=`).
    pub fn new(key: impl Into<String>) -> Self {
        WebhookKey(crate::Secret::new(key))
    }

    /// The key from a whole webhook URL (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`),
    /// or `None` when it holds no `key` parameter.
    pub fn from_url(url: &str) -> Option<Self> {
        let query = url.split_once('?')?.1;
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(name, value)| *name == "key" && !value.is_empty())
            .map(|(_, value)| WebhookKey::new(value))
    }

    /// The key itself; only to put it on the wire.
    pub fn expose(&self) -> &str {
        self.0.expose()
    }
}

impl fmt::Debug for WebhookKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookKey(<redacted>)")
    }
}

/// Writes the key itself: the one place it leaves the process is the `key`
/// query parameter.
impl Serialize for WebhookKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.expose())
    }
}

// Kept out of the compiler's "other types implement" lists, like the SDK's own query values.
#[diagnostic::do_not_recommend]
impl crate::QueryValue for WebhookKey {}

string_enum! {
    /// `type` of a webhook upload.
    pub enum WebhookMediaType {
        /// A file (普通文件), 5 B – 20 MB.
        File = "file",
        /// A voice (语音), AMR, 5 B – 2 MB, at most 60 s.
        Voice = "voice",
    }
}

/// Reply of `webhook/upload_media`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookMedia {
    /// `file` or `voice`.
    #[serde(rename = "type")]
    pub media_type: WebhookMediaType,
    /// The media's id, valid 3 days, for this robot only.
    pub media_id: String,
    /// Upload time (unix seconds; WeCom sends it as a string).
    #[serde(deserialize_with = "wecom_core::enums::deserialize_code")]
    pub created_at: i64,
}

super::content::message_enum! {
    /// A group robot's message (`webhook/send`).
    pub enum WebhookMessage {
        /// 文本类型, with optional mentions.
        Text(WebhookText) = "text",
        /// markdown类型, at most 4096 bytes.
        Markdown(Markdown) = "markdown",
        /// markdown_v2类型 (tables, lists, code blocks), at most 4096 bytes.
        MarkdownV2(MarkdownV2) = "markdown_v2",
        /// 图片类型: the image itself, base64, with its MD5.
        Image(WebhookImage) = "image",
        /// 图文类型: 1–8 articles.
        News(News) = "news",
        /// 文件类型: a `media_id` from `webhook/upload_media`.
        File(WebhookFile) = "file",
        /// 语音类型: a `media_id` from `webhook/upload_media`.
        Voice(WebhookVoice) = "voice",
        /// 模版卡片类型: a `text_notice` or `news_notice` card.
        TemplateCard(TemplateCard) = "template_card",
    }
}

/// A robot's text: at most 2048 bytes, mentioning members by userid or by
/// mobile (`@all` for everyone). The page says 2048; WeCom has been seen
/// accepting up to 5120 ("text.content exceed max length 5120", 40058).
/// Keep to the documented 2048, as the sandbox does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookText {
    /// The text.
    pub content: String,
    /// Members mentioned by userid (`@all` for everyone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentioned_list: Vec<String>,
    /// Members mentioned by mobile (`@all` for everyone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentioned_mobile_list: Vec<String>,
}

impl WebhookText {
    /// A text without mentions.
    pub fn new(content: impl Into<String>) -> Self {
        WebhookText {
            content: content.into(),
            mentioned_list: Vec::new(),
            mentioned_mobile_list: Vec::new(),
        }
    }

    /// Mentions members by userid.
    pub fn mention<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.mentioned_list.extend(userids.into_iter().map(Into::into));
        self
    }

    /// Mentions members by mobile number.
    pub fn mention_mobiles<I, S>(mut self, mobiles: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.mentioned_mobile_list
            .extend(mobiles.into_iter().map(Into::into));
        self
    }

    /// Mentions everyone (`@all`).
    pub fn mention_all(self) -> Self {
        self.mention(["@all"])
    }
}

/// A robot's markdown_v2 message, at most 4096 bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkdownV2 {
    /// The markdown text.
    pub content: String,
}

/// A robot's image: the JPG/PNG itself (at most 2 MB before encoding),
/// base64-encoded, with the MD5 of the raw bytes (lowercase hex).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookImage {
    /// The image, base64.
    pub base64: String,
    /// MD5 of the image before encoding, 32 hex digits.
    pub md5: String,
}

impl WebhookImage {
    /// An image from its base64 text and MD5.
    pub fn new(base64: impl Into<String>, md5: impl Into<String>) -> Self {
        WebhookImage {
            base64: base64.into(),
            md5: md5.into(),
        }
    }

    /// An image from its bytes (a JPG or PNG, at most 2 MB): encodes them
    /// and computes their MD5, as WeCom wants them.
    ///
    /// ```
    /// use wecom_apis::message::WebhookImage;
    ///
    /// let image = WebhookImage::from_bytes(b"abc");
    /// assert_eq!(image.base64, "YWJj");
    /// assert_eq!(image.md5, "900150983cd24fb0d6963f7d28e17f72");
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Self {
        use base64::Engine as _;
        WebhookImage {
            base64: base64::engine::general_purpose::STANDARD.encode(bytes),
            md5: hex::encode(<md5::Md5 as md5::Digest>::digest(bytes)),
        }
    }
}

/// Shows the MD5 and the size, not the whole base64 text.
impl fmt::Debug for WebhookImage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookImage")
            .field("base64_len", &self.base64.len())
            .field("md5", &self.md5)
            .finish()
    }
}

/// A robot's file message: a `media_id` of `webhook/upload_media` (type `file`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookFile {
    /// The uploaded file.
    pub media_id: String,
}

/// A robot's voice message: a `media_id` of `webhook/upload_media` (type `voice`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookVoice {
    /// The uploaded voice.
    pub media_id: String,
}
