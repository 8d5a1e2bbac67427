//! 模板卡片消息 (template cards): the five card types an app sends with
//! `message/send` (`msgtype` `template_card`) or a group robot with
//! `webhook/send` (the two notice types only), and 更新模版卡片消息
//! (`message/update_template_card`), which changes a card its recipients
//! already have.
//!
//! A card is a [`TemplateCard`], serialized with its `card_type`
//! (`text_notice`, `news_notice`, `button_interaction`, `vote_interaction`,
//! `multiple_interaction`) next to the card's fields. The interactive ones
//! need a `task_id` (unique per app, at most 128 bytes of digits, letters
//! and `_-@`); sending one answers a `response_code`, which
//! [`TemplateCardApi::update_template_card`] takes (once, within 72 hours).
//!
//! Fields and limits: <https://developer.work.weixin.qq.com/document/path/90236>
//! (模板卡片消息); updating: <https://developer.work.weixin.qq.com/document/path/94888>.

use serde::{Deserialize, Serialize};

use super::send::{InvalidList, pipe_list};
use crate::Result;
use crate::serde_util::int_enum;

/// 更新模版卡片消息.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/94888>
#[crate::api]
pub trait TemplateCardApi {
    /// 更新模版卡片消息: after a member acted on an interactive card (or
    /// whenever the app decides), replace the clicked button's text for the
    /// given recipients ([`CardUpdate::Button`]) or replace the whole card
    /// ([`CardUpdate::Card`]). Takes the `response_code` of the send reply
    /// or of the card event; each is usable **once, within 72 hours**
    /// (older copies of the page, mirrored in some SDKs, still say 24); an
    /// expired code is 60140 (无效的response_code).
    /// Recipients that did not receive the card come back in
    /// `invaliduser`, lowercased (WeCom's sample shows an array; the reply
    /// is decoded whether ids come as arrays or as `|`-joined strings).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94888>
    #[post("message/update_template_card", token = corp)]
    async fn update_template_card(
        &self,
        #[body] update: &UpdateTemplateCardRequest,
    ) -> Result<UpdateTemplateCardReply>;
}

// ---------------------------------------------------------------------------
// The card
// ---------------------------------------------------------------------------

/// A template card (模板卡片), one variant per `card_type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "card_type", rename_all = "snake_case")]
pub enum TemplateCard {
    /// 文本通知型: title, quote, emphasized figure, key/value lines, links.
    TextNotice(TextNoticeCard),
    /// 图文展示型: like the text notice with an image or an image-text area.
    NewsNotice(NewsNoticeCard),
    /// 按钮交互型: buttons (and a drop-down) that call the app back.
    ButtonInteraction(ButtonInteractionCard),
    /// 投票选择型: check boxes and a submit button.
    VoteInteraction(VoteInteractionCard),
    /// 多项选择型: up to 3 drop-downs and a submit button.
    MultipleInteraction(MultipleInteractionCard),
}

impl TemplateCard {
    /// WeCom's `card_type` of this card.
    pub fn card_type(&self) -> &'static str {
        match self {
            TemplateCard::TextNotice(_) => "text_notice",
            TemplateCard::NewsNotice(_) => "news_notice",
            TemplateCard::ButtonInteraction(_) => "button_interaction",
            TemplateCard::VoteInteraction(_) => "vote_interaction",
            TemplateCard::MultipleInteraction(_) => "multiple_interaction",
        }
    }

    /// Whether the card calls the app back (and so gets a `response_code`).
    pub fn is_interactive(&self) -> bool {
        matches!(
            self,
            TemplateCard::ButtonInteraction(_)
                | TemplateCard::VoteInteraction(_)
                | TemplateCard::MultipleInteraction(_)
        )
    }
}

impl From<TextNoticeCard> for TemplateCard {
    fn from(card: TextNoticeCard) -> Self {
        TemplateCard::TextNotice(card)
    }
}

impl From<NewsNoticeCard> for TemplateCard {
    fn from(card: NewsNoticeCard) -> Self {
        TemplateCard::NewsNotice(card)
    }
}

impl From<ButtonInteractionCard> for TemplateCard {
    fn from(card: ButtonInteractionCard) -> Self {
        TemplateCard::ButtonInteraction(card)
    }
}

impl From<VoteInteractionCard> for TemplateCard {
    fn from(card: VoteInteractionCard) -> Self {
        TemplateCard::VoteInteraction(card)
    }
}

impl From<MultipleInteractionCard> for TemplateCard {
    fn from(card: MultipleInteractionCard) -> Self {
        TemplateCard::MultipleInteraction(card)
    }
}

/// 文本通知型模板卡片. WeCom needs `main_title.title` or `sub_title_text`,
/// and a `card_action`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextNoticeCard {
    /// The source line (icon and name) at the top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<CardSource>,
    /// The「…」menu at the top right (calls the app back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_menu: Option<ActionMenu>,
    /// Task id, required with `action_menu`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// Title and subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_title: Option<MainTitle>,
    /// A quoted block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_area: Option<QuoteArea>,
    /// A large figure with its caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emphasis_content: Option<EmphasisContent>,
    /// Secondary text, at most 112 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_title_text: Option<String>,
    /// Key/value lines, at most 6.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub horizontal_content_list: Vec<HorizontalContent>,
    /// Links at the bottom, at most 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jump_list: Vec<JumpItem>,
    /// What a tap on the card does (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_action: Option<CardAction>,
}

/// 图文展示型模板卡片. WeCom needs `main_title.title`, a `card_action`,
/// and one of `card_image` / `image_text_area`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewsNoticeCard {
    /// The source line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<CardSource>,
    /// The「…」menu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_menu: Option<ActionMenu>,
    /// Task id, required with `action_menu`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// Title and subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_title: Option<MainTitle>,
    /// A quoted block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_area: Option<QuoteArea>,
    /// Image on the left, text on the right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_text_area: Option<ImageTextArea>,
    /// A large image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_image: Option<CardImage>,
    /// Title/description blocks, at most 4.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vertical_content_list: Vec<VerticalContent>,
    /// Key/value lines, at most 6.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub horizontal_content_list: Vec<HorizontalContent>,
    /// Links at the bottom, at most 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jump_list: Vec<JumpItem>,
    /// What a tap on the card does (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_action: Option<CardAction>,
}

/// 按钮交互型模板卡片: buttons (1–6) and an optional drop-down; a click
/// raises the `template_card_event` callback. `task_id` is required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ButtonInteractionCard {
    /// The source line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<CardSource>,
    /// The「…」menu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_menu: Option<ActionMenu>,
    /// Title and subtitle (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_title: Option<MainTitle>,
    /// A quoted block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_area: Option<QuoteArea>,
    /// Secondary text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_title_text: Option<String>,
    /// Key/value lines, at most 6.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub horizontal_content_list: Vec<HorizontalContent>,
    /// What a tap on the card does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_action: Option<CardAction>,
    /// Task id (required): digits, letters and `_-@`, at most 128 bytes, unique per app.
    pub task_id: String,
    /// A drop-down above the buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub button_selection: Option<ButtonSelection>,
    /// The buttons, 1–6.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub button_list: Vec<CardButton>,
    /// Text shown instead of the buttons once acted on (update only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_text: Option<String>,
}

/// 投票选择型模板卡片: check boxes (1–20) and a submit button.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VoteInteractionCard {
    /// The source line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<CardSource>,
    /// Title and subtitle (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_title: Option<MainTitle>,
    /// Task id (required).
    pub task_id: String,
    /// The options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkbox: Option<Checkbox>,
    /// The submit button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_button: Option<SubmitButton>,
    /// Text shown instead of the submit button once submitted (update only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_text: Option<String>,
}

/// 多项选择型模板卡片: 1–3 drop-downs and a submit button.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MultipleInteractionCard {
    /// The source line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<CardSource>,
    /// Title and subtitle (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_title: Option<MainTitle>,
    /// Task id (required).
    pub task_id: String,
    /// The drop-downs, 1–3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub select_list: Vec<Selection>,
    /// The submit button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_button: Option<SubmitButton>,
    /// Text shown instead of the submit button once submitted (update only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_text: Option<String>,
}

// ---------------------------------------------------------------------------
// Parts of a card
// ---------------------------------------------------------------------------

int_enum! {
    /// `desc_color` of a card's source line.
    pub enum SourceColor {
        /// 0: grey (default).
        Grey = 0,
        /// 1: black.
        Black = 1,
        /// 2: red.
        Red = 2,
        /// 3: green.
        Green = 3,
    }
}

/// 卡片来源样式: the icon and name at the top of a card.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CardSource {
    /// Icon URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// Source name, at most 13 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// Colour of `desc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc_color: Option<SourceColor>,
}

/// 卡片右上角更多操作按钮: 1–3 entries that call the app back with their key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionMenu {
    /// The menu's caption, at most 13 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// The entries, 1–3.
    pub action_list: Vec<ActionMenuItem>,
}

/// One entry of an [`ActionMenu`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionMenuItem {
    /// Text, at most 10 characters.
    pub text: String,
    /// Callback key, at most 1024 bytes.
    pub key: String,
}

/// 模板卡片的主要内容: title (36 characters) and subtitle (44 characters).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MainTitle {
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
}

impl MainTitle {
    /// A title without subtitle.
    pub fn new(title: impl Into<String>) -> Self {
        MainTitle {
            title: Some(title.into()),
            desc: None,
        }
    }

    /// Sets the subtitle.
    pub fn with_desc(mut self, desc: impl Into<String>) -> Self {
        self.desc = Some(desc.into());
        self
    }
}

int_enum! {
    /// What a tap on a card element does (`type` of quote_area,
    /// image_text_area, card_action and jump_list entries).
    pub enum ClickType {
        /// 0: nothing (not allowed for `card_action` of notice cards).
        None = 0,
        /// 1: open `url`.
        Url = 1,
        /// 2: open mini program `appid` at `pagepath`.
        Miniprogram = 2,
    }
}

/// 引用文献样式: a quoted block, optionally a link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteArea {
    /// What a tap does.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ClickType>,
    /// Link (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Mini program (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Mini program page (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Quoted text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_text: Option<String>,
}

/// 关键数据样式: a large figure (10 characters) and its caption (15).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmphasisContent {
    /// The figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
}

int_enum! {
    /// `type` of a key/value line.
    pub enum HorizontalContentType {
        /// 0: plain text (default).
        Text = 0,
        /// 1: a link (`url`).
        Url = 1,
        /// 2: a file (`media_id`).
        File = 2,
        /// 3: a member's details (`userid`).
        Member = 3,
    }
}

/// 二级标题+文本列表: one key/value line; keyname at most 5, value at most 26 characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HorizontalContent {
    /// What the value is.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<HorizontalContentType>,
    /// The key.
    pub keyname: String,
    /// The value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Link (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// File (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// Member (type 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
}

impl HorizontalContent {
    /// A plain key/value line.
    pub fn text(keyname: impl Into<String>, value: impl Into<String>) -> Self {
        HorizontalContent {
            keyname: keyname.into(),
            value: Some(value.into()),
            ..HorizontalContent::default()
        }
    }
}

/// 跳转指引样式: one link at the bottom of a card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JumpItem {
    /// What a tap does (0 none, 1 url, 2 mini program).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ClickType>,
    /// The text, at most 13 characters.
    pub title: String,
    /// Link (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Mini program (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Mini program page (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
}

/// 整体卡片的点击跳转事件.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardAction {
    /// What a tap does.
    #[serde(rename = "type")]
    pub kind: ClickType,
    /// Link (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Mini program (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Mini program page (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
}

impl CardAction {
    /// A tap opens `url`.
    pub fn url(url: impl Into<String>) -> Self {
        CardAction {
            kind: ClickType::Url,
            url: Some(url.into()),
            appid: None,
            pagepath: None,
        }
    }

    /// A tap opens mini program `appid` at `pagepath`.
    pub fn miniprogram(appid: impl Into<String>, pagepath: impl Into<String>) -> Self {
        CardAction {
            kind: ClickType::Miniprogram,
            url: None,
            appid: Some(appid.into()),
            pagepath: Some(pagepath.into()),
        }
    }
}

/// 左图右文样式 (news_notice).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImageTextArea {
    /// What a tap does.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ClickType>,
    /// Link (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Mini program (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Mini program page (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// The image (required).
    pub image_url: String,
}

/// 图片样式 (news_notice): a large image.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CardImage {
    /// Image URL.
    pub url: String,
    /// Width / height, 1.3 ..= 2.25 (default 1.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<f64>,
}

/// 卡片二级垂直内容: a title (26 characters) and description (112).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerticalContent {
    /// Title.
    pub title: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
}

/// An option of a drop-down (`id` at most 128 bytes, `text` 10 characters).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectOption {
    /// Option id, reported back by the callback.
    pub id: String,
    /// Text.
    pub text: String,
}

/// 下拉式的选择器 of a button card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ButtonSelection {
    /// Key reported back by the callback.
    pub question_key: String,
    /// Caption, at most 5 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Options, at most 10.
    pub option_list: Vec<SelectOption>,
    /// Preselected option id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_id: Option<String>,
    /// Whether it is disabled (update only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable: Option<bool>,
}

int_enum! {
    /// `type` of a card button.
    pub enum ButtonType {
        /// 0: calls the app back with `key` (default).
        Callback = 0,
        /// 1: opens `url`.
        Url = 1,
    }
}

/// A button of a [`ButtonInteractionCard`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardButton {
    /// What a click does.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ButtonType>,
    /// Text, at most 10 characters.
    pub text: String,
    /// Style 1–4 (colours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<i32>,
    /// Callback key (type 0), at most 1024 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Link (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl CardButton {
    /// A button that calls the app back with `key`.
    pub fn callback(text: impl Into<String>, key: impl Into<String>) -> Self {
        CardButton {
            text: text.into(),
            key: Some(key.into()),
            ..CardButton::default()
        }
    }

    /// Sets the style (1–4).
    pub fn with_style(mut self, style: i32) -> Self {
        self.style = Some(style);
        self
    }
}

int_enum! {
    /// `mode` of a vote card's check boxes.
    pub enum CheckboxMode {
        /// 0: one choice (default).
        Single = 0,
        /// 1: several choices.
        Multiple = 1,
    }
}

/// 选择题样式 of a vote card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkbox {
    /// Key reported back by the callback.
    pub question_key: String,
    /// The options, 1–20.
    pub option_list: Vec<CheckboxOption>,
    /// Single or multiple choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<CheckboxMode>,
    /// Whether it is disabled (update only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable: Option<bool>,
}

/// One check box.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckboxOption {
    /// Option id.
    pub id: String,
    /// Text, at most 11 characters.
    pub text: String,
    /// Whether it starts checked.
    #[serde(default)]
    pub is_checked: bool,
}

/// 提交按钮样式.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitButton {
    /// Text, at most 10 characters.
    pub text: String,
    /// Callback key, at most 1024 bytes.
    pub key: String,
}

/// One drop-down of a [`MultipleInteractionCard`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// Key reported back by the callback.
    pub question_key: String,
    /// Caption, at most 5 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Preselected option id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_id: Option<String>,
    /// Options, at most 10.
    pub option_list: Vec<SelectOption>,
    /// Whether it is disabled (update only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable: Option<bool>,
}

// ---------------------------------------------------------------------------
// update_template_card
// ---------------------------------------------------------------------------

/// What `message/update_template_card` changes.
// Built once per call and serialized right away; see `AppMessage`.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardUpdate {
    /// 更新按钮为不可点击状态: `{"button": {"replace_name": "…"}}`, the
    /// clicked button shows `replace_name` and no longer reacts.
    Button(ButtonUpdate),
    /// 更新为新的卡片: `{"template_card": {…}}`, the whole card (of any
    /// type; interactive ones may carry `replace_text`).
    #[serde(rename = "template_card")]
    Card(TemplateCard),
}

/// The `button` object of a button update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ButtonUpdate {
    /// The button's new text, at most 20 bytes.
    pub replace_name: String,
}

/// Request of `message/update_template_card`. Address the recipients
/// whose card changes (`userids` at most 1000, `partyids` 100, `tagids`
/// 100) or everyone who got it (`atall`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpdateTemplateCardRequest {
    /// Members.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub userids: Vec<String>,
    /// Departments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partyids: Vec<u32>,
    /// Tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tagids: Vec<u32>,
    /// Every recipient of the card (`atall` 1).
    #[serde(skip_serializing_if = "Option::is_none", with = "crate::serde_util::opt_flag")]
    pub atall: Option<bool>,
    /// The app that sent the card.
    pub agentid: i64,
    /// The `response_code` of the send reply or of the card event.
    pub response_code: String,
    /// Whether ids in the card are translated (`enable_id_trans`, 0/1).
    #[serde(skip_serializing_if = "Option::is_none", with = "crate::serde_util::opt_flag")]
    pub enable_id_trans: Option<bool>,
    /// The change.
    #[serde(flatten)]
    pub update: CardUpdate,
}

impl UpdateTemplateCardRequest {
    /// Changes the card of every recipient (`atall`).
    pub fn for_all(agentid: i64, response_code: impl Into<String>, update: CardUpdate) -> Self {
        UpdateTemplateCardRequest {
            userids: Vec::new(),
            partyids: Vec::new(),
            tagids: Vec::new(),
            atall: Some(true),
            agentid,
            response_code: response_code.into(),
            enable_id_trans: None,
            update,
        }
    }

    /// Changes the card of these members.
    pub fn for_users<I, S>(
        agentid: i64,
        response_code: impl Into<String>,
        userids: I,
        update: CardUpdate,
    ) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        UpdateTemplateCardRequest {
            userids: userids.into_iter().map(Into::into).collect(),
            atall: None,
            ..UpdateTemplateCardRequest::for_all(agentid, response_code, update)
        }
    }

    /// Adds departments.
    pub fn with_parties(mut self, partyids: impl IntoIterator<Item = u32>) -> Self {
        self.partyids.extend(partyids);
        self
    }

    /// Adds tags.
    pub fn with_tags(mut self, tagids: impl IntoIterator<Item = u32>) -> Self {
        self.tagids.extend(tagids);
        self
    }
}

impl CardUpdate {
    /// The clicked button shows `replace_name`.
    pub fn button(replace_name: impl Into<String>) -> Self {
        CardUpdate::Button(ButtonUpdate {
            replace_name: replace_name.into(),
        })
    }

    /// The card becomes `card`.
    pub fn card(card: impl Into<TemplateCard>) -> Self {
        CardUpdate::Card(card.into())
    }
}

/// Reply of `message/update_template_card`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct UpdateTemplateCardReply {
    /// Members whose card could not be changed.
    #[serde(default, deserialize_with = "pipe_list")]
    pub invaliduser: InvalidList,
    /// Departments that could not be addressed.
    #[serde(default, deserialize_with = "pipe_list")]
    pub invalidparty: InvalidList,
    /// Tags that could not be addressed.
    #[serde(default, deserialize_with = "pipe_list")]
    pub invalidtag: InvalidList,
}
