//! What the message sandbox remembers: every message sent (the message
//! log tests read), response codes of interactive cards, app group chats,
//! group robots and their uploads.

use std::collections::BTreeMap;

use serde_json::Value;

use super::super::ids::IdGen;

/// Which endpoint sent a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// `message/send`.
    App,
    /// `linkedcorp/message/send`.
    LinkedCorp,
}

/// One message an app sent, as the sandbox delivered it.
#[derive(Clone, Debug, PartialEq)]
pub struct SentMessage {
    /// Its id (`message/send` answers it; linked-corp sends do not).
    pub msgid: String,
    /// The corp whose token sent it.
    pub corpid: String,
    /// The sending app (`None` for a mini-program notice).
    pub agentid: Option<i64>,
    /// Which endpoint.
    pub channel: Channel,
    /// Its `msgtype`.
    pub msgtype: String,
    /// The same-named object, as sent.
    pub content: Value,
    /// `touser` as sent, split (`@all` kept as is).
    pub touser: Vec<String>,
    /// `toparty` as sent, split.
    pub toparty: Vec<String>,
    /// `totag` as sent, split.
    pub totag: Vec<String>,
    /// Who got it: userids (`CorpId/userid` for members of other corps), sorted.
    pub delivered_to: Vec<String>,
    /// Members not reached.
    pub invaliduser: Vec<String>,
    /// Departments not reached.
    pub invalidparty: Vec<String>,
    /// Tags not reached.
    pub invalidtag: Vec<String>,
    /// `safe` (0 when absent).
    pub safe: i64,
    /// The response code issued with it (interactive template cards).
    pub response_code: Option<String>,
    /// When it was sent (sandbox clock).
    pub sent_at: i64,
    /// Whether it was recalled.
    pub recalled: bool,
    /// Template-card updates applied to it, oldest first.
    pub card_updates: Vec<CardUpdateRecord>,
}

/// One `message/update_template_card` applied to a sent card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardUpdateRecord {
    /// The response code it used.
    pub response_code: String,
    /// Whose card changed.
    pub userids: Vec<String>,
    /// `{"button": {...}}` or `{"template_card": {...}}`, as sent.
    pub update: Value,
    /// When (sandbox clock).
    pub at: i64,
}

/// An app group chat (`appchat/*`) and what was sent into it.
#[derive(Clone, Debug, PartialEq)]
pub struct AppChatRecord {
    /// Its id.
    pub chatid: String,
    /// The corp that created it.
    pub corpid: String,
    /// Its name.
    pub name: String,
    /// The owner.
    pub owner: String,
    /// The members, in order of joining.
    pub userlist: Vec<String>,
    /// Messages sent into it, oldest first.
    pub messages: Vec<ChatMessageRecord>,
}

/// One message of an app group chat or of a group robot.
#[derive(Clone, Debug, PartialEq)]
pub struct ChatMessageRecord {
    /// Its `msgtype`.
    pub msgtype: String,
    /// The same-named object, as sent.
    pub content: Value,
    /// `safe` (0 when absent).
    pub safe: i64,
    /// When (sandbox clock).
    pub sent_at: i64,
}

/// An issued response code.
#[derive(Clone, Debug)]
pub(crate) struct ResponseCode {
    pub(crate) msgid: String,
    pub(crate) issued_at: i64,
    pub(crate) used: bool,
}

/// A group robot.
#[derive(Clone, Debug, Default)]
pub(crate) struct Robot {
    /// Whether it was removed from its group (its key then fails).
    pub(crate) removed: bool,
    pub(crate) messages: Vec<ChatMessageRecord>,
}

/// A file or voice a robot uploaded.
#[derive(Clone, Debug)]
pub(crate) struct RobotMedia {
    pub(crate) key: String,
    pub(crate) media_type: String,
    pub(crate) filename: String,
    pub(crate) size: usize,
    pub(crate) created_at: i64,
}

/// The message family's whole state.
#[derive(Debug)]
pub(crate) struct MessageState {
    pub(crate) ids: IdGen,
    /// Every app message, oldest first.
    pub(crate) sent: Vec<SentMessage>,
    pub(crate) response_codes: BTreeMap<String, ResponseCode>,
    /// Task ids of template cards per (corpid, agentid): unique per app.
    pub(crate) task_ids: BTreeMap<(String, i64), Vec<String>>,
    /// Apps per corp (agentid → name) besides the default one.
    pub(crate) agents: BTreeMap<(String, i64), String>,
    pub(crate) chats: BTreeMap<String, AppChatRecord>,
    pub(crate) robots: BTreeMap<String, Robot>,
    pub(crate) robot_media: BTreeMap<String, RobotMedia>,
}

impl Default for MessageState {
    fn default() -> Self {
        MessageState {
            ids: IdGen::new(),
            sent: Vec::new(),
            response_codes: BTreeMap::new(),
            task_ids: BTreeMap::new(),
            agents: BTreeMap::new(),
            chats: BTreeMap::new(),
            robots: BTreeMap::new(),
            robot_media: BTreeMap::new(),
        }
    }
}

impl MessageState {
    /// The name of app `agentid` of `corpid`, if the corp has it: every
    /// corp has [`super::DEFAULT_AGENTID`], others are registered.
    pub(crate) fn agent_name(&self, corpid: &str, agentid: i64) -> Option<String> {
        if agentid == super::DEFAULT_AGENTID {
            return Some(super::DEFAULT_AGENT_NAME.to_owned());
        }
        self.agents.get(&(corpid.to_owned(), agentid)).cloned()
    }

    /// A new response code for message `msgid`.
    pub(crate) fn issue_response_code(&mut self, msgid: &str, now: i64) -> String {
        let code = self.ids.token();
        self.response_codes.insert(
            code.clone(),
            ResponseCode {
                msgid: msgid.to_owned(),
                issued_at: now,
                used: false,
            },
        );
        code
    }

    /// The message `msgid` of `corpid`.
    pub(crate) fn message_mut(&mut self, corpid: &str, msgid: &str) -> Option<&mut SentMessage> {
        self.sent
            .iter_mut()
            .find(|m| m.msgid == msgid && m.corpid == corpid && m.channel == Channel::App)
    }
}
