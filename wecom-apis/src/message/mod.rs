//! Messages (消息推送): the `message/*`, `appchat/*`,
//! `linkedcorp/message/send` and `webhook/*` family.
//!
//! * [`MessageApi`] — 发送应用消息 / 撤回应用消息: an app's messages to
//!   members, departments and tags, of every `msgtype` ([`AppMessage`]),
//!   with typed [`Recipients`] (joined with `|` on the wire);
//! * [`TemplateCardApi`] — 更新模版卡片消息 ([`TemplateCard`] has the five card types);
//! * [`MessageStatisticsApi`] — 查询应用消息发送统计;
//! * [`AppChatApi`] — 群聊会话: group chats the app creates and sends to;
//! * [`LinkedCorpMessageApi`] — 互联企业消息推送;
//! * [`WebhookApi`] — 群机器人: a robot's messages, addressed by its
//!   [`WebhookKey`];
//! * [`events`] — 模板卡片事件: a member's click, submission or menu choice
//!   on a template card, with the response code for the update.
//!
//! Every endpoint but the robot's takes the corp `access_token` of the
//! sending app (`token = corp`: a self-built app's secret, or an authorized
//! / downstream corp's token). The robot's take no token, only the key.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use wecom_apis::message::{MessageApi, Recipients, SendMessageRequest, Text};
//! # let sandbox = wecom_testkit::Sandbox::start().await;
//! # let client = sandbox.corp_client();
//! // `client` is a corp client (here: aimed at the sandbox); app 1000002 sends.
//! let to = Recipients::users(["zhangsan", "nobody"]).with_parties([1]);
//! let reply = client
//!     .send_message(&SendMessageRequest::new(1000002, to, Text::new("你的快递已到")))
//!     .await?;
//! assert_eq!(reply.invaliduser, ["nobody"]);
//! client.recall_message(&reply.msgid).await?;
//! # Ok(()) }
//! ```
//!
//! Section index: <https://developer.work.weixin.qq.com/document/path/90235>

mod appchat;
mod content;
pub mod events;
mod linkedcorp;
mod send;
mod statistics;
mod template_card;
mod webhook;

pub use appchat::*;
pub use content::{
    AppChatMessage, AppMessage, File, Image, LinkedCorpMessage, Markdown, MiniprogramNotice, MpNews,
    MpNewsArticle, News, NewsArticle, NoticeItem, Text, TextCard, Video, Voice,
};
pub use linkedcorp::*;
pub use send::{
    InvalidList, MESSAGE_API_ENDPOINTS, MessageApi, Recipients, Safety, SendMessageReply, SendMessageRequest,
};
pub use statistics::*;
pub use template_card::*;
pub use webhook::*;

/// Every endpoint of this family, trait by trait, each in declaration
/// order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[
    MESSAGE_API_ENDPOINTS,
    TEMPLATE_CARD_API_ENDPOINTS,
    MESSAGE_STATISTICS_API_ENDPOINTS,
    APP_CHAT_API_ENDPOINTS,
    LINKED_CORP_MESSAGE_API_ENDPOINTS,
    WEBHOOK_API_ENDPOINTS,
];

#[cfg(test)]
mod tests;
