//! What happens around the message APIs, for tests: the message log (what
//! was sent to whom, recalls, card updates), app group chats, group robots
//! and their keys, members clicking cards, apps and media a test needs.

use super::super::Sandbox;
use super::super::media_store::StoredMedia;
use super::model::{AppChatRecord, Channel, ChatMessageRecord, SentMessage};
use super::{DEFAULT_AGENTID, recipients};

/// The message side of a [`Sandbox`]: [`Sandbox::messages`].
#[derive(Debug, Clone, Copy)]
pub struct MessageSandbox<'a>(pub(in crate::sandbox) &'a Sandbox);

impl Sandbox {
    /// The message log and helpers: sent messages, group chats, robots.
    pub fn messages(&self) -> MessageSandbox<'_> {
        MessageSandbox(self)
    }
}

/// A file or voice a group robot uploaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookUpload {
    /// Its `media_id`.
    pub media_id: String,
    /// `file` or `voice`.
    pub media_type: String,
    /// The file name of the upload.
    pub filename: String,
    /// Its size in bytes.
    pub size: usize,
}

impl MessageSandbox<'_> {
    /// Every message sent with `message/send` and `linkedcorp/message/send`,
    /// oldest first (duplicates dropped by the duplicate check are not there).
    pub fn sent(&self) -> Vec<SentMessage> {
        self.0.shared.lock().message.sent.clone()
    }

    /// The `message/send` message `msgid`.
    pub fn message(&self, msgid: &str) -> Option<SentMessage> {
        self.sent()
            .into_iter()
            .find(|m| m.msgid == msgid && m.channel == Channel::App)
    }

    /// The last message sent, if any.
    pub fn last_sent(&self) -> Option<SentMessage> {
        self.sent().pop()
    }

    /// What member `userid` (`CorpId/userid` for a linked corp's member)
    /// has in their app sessions: the messages delivered to them and not
    /// recalled, oldest first.
    pub fn inbox(&self, userid: &str) -> Vec<SentMessage> {
        self.sent()
            .into_iter()
            .filter(|m| !m.recalled && m.delivered_to.iter().any(|u| u == userid))
            .collect()
    }

    /// Registers app `agentid` (named `name`) in `corpid`, besides the
    /// default 1000002 every corp has.
    pub fn add_agent(&self, corpid: &str, agentid: i64, name: &str) {
        self.0
            .shared
            .lock()
            .message
            .agents
            .insert((corpid.to_owned(), agentid), name.to_owned());
    }

    /// The app every corp has: 1000002.
    pub fn default_agentid(&self) -> i64 {
        DEFAULT_AGENTID
    }

    /// Puts media into the corp's media store, as `media/upload` would, and
    /// returns its `media_id` (valid 3 days of sandbox clock): for image,
    /// voice, video, file and mpnews messages in tests.
    pub fn add_media(&self, corpid: &str, media_type: &str, filename: &str, bytes: &[u8]) -> String {
        let mut state = self.0.shared.lock();
        let now = state.clock.now();
        state.media.insert(StoredMedia {
            corpid: corpid.to_owned(),
            media_type: media_type.to_owned(),
            filename: filename.to_owned(),
            content_type: "application/octet-stream".to_owned(),
            bytes: bytes.to_vec(),
            created_at: now,
        })
    }

    /// Member `userid` clicks a button (or submits) on the interactive card
    /// `msgid`: WeCom's `template_card_event` carries a fresh response code,
    /// returned here, that `message/update_template_card` takes once.
    ///
    /// # Errors
    /// When there is no such card or `userid` did not receive it.
    pub fn card_clicked(&self, msgid: &str, userid: &str) -> Result<String, String> {
        let mut state = self.0.shared.lock();
        let now = state.clock.now();
        let state = &mut state.message;
        let message = state
            .sent
            .iter()
            .find(|m| m.msgid == msgid && m.channel == Channel::App)
            .ok_or_else(|| format!("no message {msgid}"))?;
        if message.response_code.is_none() {
            return Err(format!("{msgid} is not an interactive template card"));
        }
        if !message.delivered_to.iter().any(|u| u == userid) {
            return Err(format!("{userid} did not receive {msgid}"));
        }
        Ok(state.issue_response_code(msgid, now))
    }

    /// The app group chat `chatid`, with its messages.
    pub fn app_chat(&self, chatid: &str) -> Option<AppChatRecord> {
        self.0.shared.lock().message.chats.get(chatid).cloned()
    }

    /// Every app group chat, by chatid.
    pub fn app_chats(&self) -> Vec<AppChatRecord> {
        self.0.shared.lock().message.chats.values().cloned().collect()
    }

    /// Adds a group robot whose webhook key is `key` (the part after
    /// `key=` of its webhook URL). Adding it again keeps its messages and
    /// brings it back if it was removed.
    pub fn add_webhook(&self, key: &str) {
        let mut state = self.0.shared.lock();
        state.message.robots.entry(key.to_owned()).or_default().removed = false;
    }

    /// The robot of `key` is removed from its group: its key then fails with 93000.
    pub fn remove_webhook(&self, key: &str) {
        if let Some(robot) = self.0.shared.lock().message.robots.get_mut(key) {
            robot.removed = true;
        }
    }

    /// What the robot of `key` posted, oldest first.
    pub fn webhook_messages(&self, key: &str) -> Vec<ChatMessageRecord> {
        self.0
            .shared
            .lock()
            .message
            .robots
            .get(key)
            .map(|r| r.messages.clone())
            .unwrap_or_default()
    }

    /// What the robot of `key` uploaded, in media_id order.
    pub fn webhook_uploads(&self, key: &str) -> Vec<WebhookUpload> {
        self.0
            .shared
            .lock()
            .message
            .robot_media
            .iter()
            .filter(|(_, m)| m.key == key)
            .map(|(id, m)| WebhookUpload {
                media_id: id.clone(),
                media_type: m.media_type.clone(),
                filename: m.filename.clone(),
                size: m.size,
            })
            .collect()
    }

    /// The members of department `id` of `corpid` and of its
    /// sub-departments, as a message to the department reaches them.
    pub fn department_members(&self, corpid: &str, id: u32) -> Vec<String> {
        let mut state = self.0.shared.lock();
        state
            .directory
            .corp(corpid)
            .map(|dir| recipients::members_under(dir, id).into_iter().collect())
            .unwrap_or_default()
    }
}
