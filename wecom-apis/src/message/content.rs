//! The message bodies WeCom's sending endpoints share (消息类型): each is the
//! object that goes under the key named by `msgtype` — `{"msgtype":"text",
//! "text":{…}}` — in `message/send`, `appchat/send` and
//! `linkedcorp/message/send`.
//!
//! Which channel takes which body is a type: [`AppMessage`] (all eleven),
//! [`AppChatMessage`] (no mini-program notice, no template card) and
//! [`LinkedCorpMessage`] (no template card). Each serializes as the
//! `msgtype` key plus the same-named object, so it is flattened into its
//! request.
//!
//! Limits (bytes are UTF-8 bytes), from
//! <https://developer.work.weixin.qq.com/document/path/90236>: text and
//! markdown content at most 2048 bytes; textcard title 128, description 512,
//! url 2048 bytes, button text 4 characters; 1–8 news / mpnews articles.

use serde::{Deserialize, Serialize};

use super::template_card::TemplateCard;

/// 文本消息: `{"content": "…"}`; at most 2048 bytes (longer is cut by
/// WeCom), `\n` for line breaks, `<a href="…">` links allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The text.
    pub content: String,
}

impl Text {
    /// A text message.
    pub fn new(content: impl Into<String>) -> Self {
        Text {
            content: content.into(),
        }
    }
}

/// 图片消息: a `media_id` from `media/upload` (temporary media, 3 days;
/// JPG/PNG up to 10 MB).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// The uploaded image's id.
    pub media_id: String,
}

impl Image {
    /// The image `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        Image {
            media_id: media_id.into(),
        }
    }
}

/// 视频消息: an uploaded video (MP4 up to 10 MB) with an optional title
/// (128 bytes) and description (512 bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Video {
    /// The uploaded video's id.
    pub media_id: String,
    /// Title, at most 128 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description, at most 512 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Video {
    /// The video `media_id`, without title or description.
    pub fn new(media_id: impl Into<String>) -> Self {
        Video {
            media_id: media_id.into(),
            title: None,
            description: None,
        }
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

/// 文本卡片消息: a card with a title, an HTML-ish description (`<div
/// class="gray|normal|highlight">`) and a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextCard {
    /// Title, at most 128 bytes.
    pub title: String,
    /// Description, at most 512 bytes.
    pub description: String,
    /// Where a tap leads, at most 2048 bytes, with its `http(s)://`.
    pub url: String,
    /// The button's text, at most 4 characters; WeCom shows 「详情」 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub btntxt: Option<String>,
}

impl TextCard {
    /// A card linking to `url`.
    pub fn new(title: impl Into<String>, description: impl Into<String>, url: impl Into<String>) -> Self {
        TextCard {
            title: title.into(),
            description: description.into(),
            url: url.into(),
            btntxt: None,
        }
    }

    /// Sets the button's text (at most 4 characters).
    pub fn with_button_text(mut self, btntxt: impl Into<String>) -> Self {
        self.btntxt = Some(btntxt.into());
        self
    }
}

/// 图文消息: 1–8 articles, each linking to a page or to a mini program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct News {
    /// The articles, 1–8.
    pub articles: Vec<NewsArticle>,
}

impl News {
    /// News made of `articles` (1–8).
    pub fn new(articles: Vec<NewsArticle>) -> Self {
        News { articles }
    }
}

/// One article of a [`News`] message. Give `url`, or `appid` (a mini
/// program bound to the app) with `pagepath`; with both, the mini program wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsArticle {
    /// Title, at most 128 bytes.
    pub title: String,
    /// Description, at most 512 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Link, at most 2048 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Picture URL (JPG/PNG; 1068×455 large, 150×150 small).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picurl: Option<String>,
    /// Mini program appid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Mini program page, with its query.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
}

impl NewsArticle {
    /// An article linking to `url`.
    pub fn link(title: impl Into<String>, url: impl Into<String>) -> Self {
        NewsArticle {
            title: title.into(),
            description: None,
            url: Some(url.into()),
            picurl: None,
            appid: None,
            pagepath: None,
        }
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the picture URL.
    pub fn with_picurl(mut self, picurl: impl Into<String>) -> Self {
        self.picurl = Some(picurl.into());
        self
    }

    /// Opens mini program `appid` at `pagepath` instead of the link.
    pub fn with_miniprogram(mut self, appid: impl Into<String>, pagepath: impl Into<String>) -> Self {
        self.appid = Some(appid.into());
        self.pagepath = Some(pagepath.into());
        self
    }
}

/// 图文消息（mpnews）: 1–8 articles stored by WeCom, whose content opens
/// inside WeCom (unlike [`News`], whose articles are links).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MpNews {
    /// The articles, 1–8.
    pub articles: Vec<MpNewsArticle>,
}

impl MpNews {
    /// Mpnews made of `articles` (1–8).
    pub fn new(articles: Vec<MpNewsArticle>) -> Self {
        MpNews { articles }
    }
}

/// One article of an [`MpNews`] message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MpNewsArticle {
    /// Title, at most 128 bytes.
    pub title: String,
    /// The cover image: a `media_id` of an uploaded image.
    pub thumb_media_id: String,
    /// Author, at most 64 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// 「阅读原文」 link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_source_url: Option<String>,
    /// The article's HTML, at most 666 K bytes.
    pub content: String,
    /// Summary, at most 512 bytes; the start of `content` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

impl MpNewsArticle {
    /// An article with its cover and HTML content.
    pub fn new(
        title: impl Into<String>,
        thumb_media_id: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        MpNewsArticle {
            title: title.into(),
            thumb_media_id: thumb_media_id.into(),
            author: None,
            content_source_url: None,
            content: content.into(),
            digest: None,
        }
    }

    /// Sets the author.
    pub fn with_author(mut self, author: impl Into<String>) -> Self {
        self.author = Some(author.into());
        self
    }

    /// Sets the 「阅读原文」 link.
    pub fn with_source_url(mut self, url: impl Into<String>) -> Self {
        self.content_source_url = Some(url.into());
        self
    }

    /// Sets the summary.
    pub fn with_digest(mut self, digest: impl Into<String>) -> Self {
        self.digest = Some(digest.into());
        self
    }
}

/// markdown消息: WeCom's markdown subset, at most 2048 bytes; shown only in
/// the WeCom client (WeChat shows a notice instead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Markdown {
    /// The markdown text.
    pub content: String,
}

impl Markdown {
    /// A markdown message.
    pub fn new(content: impl Into<String>) -> Self {
        Markdown {
            content: content.into(),
        }
    }
}

/// 小程序通知消息: sent by a mini-program app (with its own token), which
/// is why the request carries no `agentid`; shown in the 小程序通知 session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MiniprogramNotice {
    /// The mini program's appid (bound to the corp).
    pub appid: String,
    /// The page opened on tap, with its query; no link when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Title, 4–12 characters.
    pub title: String,
    /// A line under the title (e.g. a date), 4–12 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the first `content_item` is emphasized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emphasis_first_item: Option<bool>,
    /// Key/value lines, at most 10.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content_item: Vec<NoticeItem>,
}

impl MiniprogramNotice {
    /// A notice of mini program `appid`.
    pub fn new(appid: impl Into<String>, title: impl Into<String>) -> Self {
        MiniprogramNotice {
            appid: appid.into(),
            page: None,
            title: title.into(),
            description: None,
            emphasis_first_item: None,
            content_item: Vec::new(),
        }
    }

    /// Sets the page opened on tap.
    pub fn with_page(mut self, page: impl Into<String>) -> Self {
        self.page = Some(page.into());
        self
    }

    /// Sets the line under the title.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Emphasizes the first item.
    pub fn with_emphasis_first_item(mut self, emphasis: bool) -> Self {
        self.emphasis_first_item = Some(emphasis);
        self
    }

    /// Adds a key/value line (at most 10).
    pub fn with_item(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.content_item.push(NoticeItem {
            key: key.into(),
            value: value.into(),
        });
        self
    }
}

/// One line of a [`MiniprogramNotice`]: key at most 10, value at most 30 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeItem {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

/// Declares a message enum of a channel: one variant per `msgtype`, each
/// holding the same-named object, serialized as
/// `{"msgtype": "<name>", "<name>": {…}}` (to be flattened into a request).
macro_rules! message_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident($ty:ty) = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        // Built once per call and serialized right away: a boxed card would
        // only add an allocation and a `Box::new` at every call site.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq)]
        pub enum $name {
            $( $(#[$vmeta])* $variant($ty), )+
        }

        impl $name {
            /// The `msgtype` WeCom knows this message by.
            pub fn msgtype(&self) -> &'static str {
                match self {
                    $( $name::$variant(_) => $wire, )+
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("msgtype", self.msgtype())?;
                match self {
                    $( $name::$variant(body) => map.serialize_entry($wire, body)?, )+
                }
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                use ::serde::de::Error as _;
                let mut map = <::serde_json::Map<String, ::serde_json::Value>>::deserialize(deserializer)?;
                let msgtype = match map.get("msgtype") {
                    Some(::serde_json::Value::String(s)) => s.clone(),
                    _ => return Err(D::Error::missing_field("msgtype")),
                };
                let body = map
                    .remove(&msgtype)
                    .ok_or_else(|| D::Error::custom(format!("msgtype {msgtype:?} without its `{msgtype}` object")))?;
                match msgtype.as_str() {
                    $( $wire => ::serde_json::from_value(body).map($name::$variant).map_err(D::Error::custom), )+
                    other => Err(D::Error::custom(format!("msgtype {other:?} is not one of this channel's"))),
                }
            }
        }

        $(
            impl From<$ty> for $name {
                fn from(body: $ty) -> Self {
                    $name::$variant(body)
                }
            }
        )+
    };
}
pub(crate) use message_enum;

message_enum! {
    /// A message an app sends to members (`message/send`): every `msgtype`
    /// of 发送应用消息. Every body converts with `.into()`
    /// (`Text::new("hi").into()`).
    pub enum AppMessage {
        /// 文本消息.
        Text(Text) = "text",
        /// 图片消息.
        Image(Image) = "image",
        /// 语音消息.
        Voice(Voice) = "voice",
        /// 视频消息.
        Video(Video) = "video",
        /// 文件消息.
        File(File) = "file",
        /// 文本卡片消息.
        TextCard(TextCard) = "textcard",
        /// 图文消息 (links).
        News(News) = "news",
        /// 图文消息 (mpnews, stored by WeCom).
        MpNews(MpNews) = "mpnews",
        /// markdown消息.
        Markdown(Markdown) = "markdown",
        /// 小程序通知消息 (sent without agentid).
        MiniprogramNotice(MiniprogramNotice) = "miniprogram_notice",
        /// 模板卡片消息.
        TemplateCard(TemplateCard) = "template_card",
    }
}

message_enum! {
    /// A message an app sends to a group chat it created (`appchat/send`):
    /// the app-message types but the mini-program notice and the template card.
    pub enum AppChatMessage {
        /// 文本消息.
        Text(Text) = "text",
        /// 图片消息.
        Image(Image) = "image",
        /// 语音消息.
        Voice(Voice) = "voice",
        /// 视频消息.
        Video(Video) = "video",
        /// 文件消息.
        File(File) = "file",
        /// 文本卡片消息.
        TextCard(TextCard) = "textcard",
        /// 图文消息 (links).
        News(News) = "news",
        /// 图文消息 (mpnews).
        MpNews(MpNews) = "mpnews",
        /// markdown消息.
        Markdown(Markdown) = "markdown",
    }
}

message_enum! {
    /// A message to members of linked corps (`linkedcorp/message/send`):
    /// the app-message types but the template card.
    pub enum LinkedCorpMessage {
        /// 文本消息.
        Text(Text) = "text",
        /// 图片消息.
        Image(Image) = "image",
        /// 语音消息.
        Voice(Voice) = "voice",
        /// 视频消息.
        Video(Video) = "video",
        /// 文件消息.
        File(File) = "file",
        /// 文本卡片消息.
        TextCard(TextCard) = "textcard",
        /// 图文消息 (links).
        News(News) = "news",
        /// 图文消息 (mpnews).
        MpNews(MpNews) = "mpnews",
        /// markdown消息.
        Markdown(Markdown) = "markdown",
        /// 小程序通知消息.
        MiniprogramNotice(MiniprogramNotice) = "miniprogram_notice",
    }
}

/// 语音消息: an uploaded voice's `media_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voice {
    /// The uploaded voice's id (AMR, at most 2 MB and 60 s).
    pub media_id: String,
}

impl Voice {
    /// The voice `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        Voice {
            media_id: media_id.into(),
        }
    }
}

/// 文件消息: an uploaded file's `media_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    /// The uploaded file's id (at most 20 MB).
    pub media_id: String,
}

impl File {
    /// The file `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        File {
            media_id: media_id.into(),
        }
    }
}
