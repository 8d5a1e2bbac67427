//! What happens around the message APIs, for tests: the message log (what
//! was sent to whom, recalls, card updates), app group chats, group robots
//! and their keys, members clicking cards (the template-card events WeCom
//! would push), apps and media a test needs.

use super::super::Sandbox;
use super::super::media_store::StoredMedia;
use super::MessageState;
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

    /// Member `userid` clicks the button `key` of the interactive card
    /// `msgid` (a `button_list` key, or the `submit_button` key of a vote or
    /// multiple-choice card, with the `choices` made: question key → option
    /// ids): the decrypted `template_card_event` WeCom then pushes to the
    /// app, whose fresh `ResponseCode` `message/update_template_card` takes
    /// once.
    ///
    /// # Errors
    /// When there is no such card, `userid` did not receive it, it is not
    /// interactive, or `key` / a choice is not on it.
    pub fn card_event(
        &self,
        msgid: &str,
        userid: &str,
        key: &str,
        choices: &[(&str, &[&str])],
    ) -> Result<String, String> {
        let mut shared = self.0.shared.lock();
        let now = shared.clock.now();
        let state = &mut shared.message;
        let (card, message) = received_card(state, msgid, userid)?;
        let card_type = card_type(card);
        let buttons: Vec<&str> = match card_type {
            "button_interaction" => card["button_list"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|b| b["key"].as_str())
                .collect(),
            "vote_interaction" | "multiple_interaction" => {
                card["submit_button"]["key"].as_str().into_iter().collect()
            }
            other => return Err(format!("{msgid} is a {other} card: nothing to click")),
        };
        if !buttons.contains(&key) {
            return Err(format!("{msgid} has no button {key:?}"));
        }
        let questions: Vec<&serde_json::Value> = card["checkbox"]
            .as_object()
            .map(|_| &card["checkbox"])
            .into_iter()
            .chain(card["select_list"].as_array().into_iter().flatten())
            .collect();
        let mut selected = String::new();
        for (question_key, option_ids) in choices {
            let question = questions
                .iter()
                .find(|q| q["question_key"].as_str() == Some(*question_key))
                .ok_or_else(|| format!("{msgid} has no question {question_key:?}"))?;
            let mut options = String::new();
            for id in *option_ids {
                let known = question["option_list"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|o| o["id"].as_str() == Some(*id));
                if !known {
                    return Err(format!("question {question_key:?} has no option {id:?}"));
                }
                options.push_str(&format!("<OptionId>{}</OptionId>", cdata(id)?));
            }
            selected.push_str(&format!(
                "<SelectedItem><QuestionKey>{}</QuestionKey><OptionIds>{options}</OptionIds></SelectedItem>",
                cdata(question_key)?
            ));
        }
        let selected = if selected.is_empty() {
            selected
        } else {
            format!("<SelectedItems>{selected}</SelectedItems>")
        };
        let head = event_head(message, userid, "template_card_event", key, card, now)?;
        let (agentid, msgid) = (message.agentid.unwrap_or_default(), message.msgid.clone());
        let code = state.issue_response_code(&msgid, now);
        Ok(format!(
            "<xml>{head}<ResponseCode>{}</ResponseCode><AgentID>{agentid}</AgentID>{selected}</xml>",
            cdata(&code)?
        ))
    }

    /// Member `userid` chooses the entry `key` of the `action_menu` of the
    /// `text_notice` / `news_notice` card `msgid`: the decrypted
    /// `template_card_menu_event` WeCom then pushes to the app, with a fresh
    /// `ResponseCode` for `message/update_template_card`.
    ///
    /// # Errors
    /// When there is no such card, `userid` did not receive it, or it has
    /// no menu entry `key`.
    pub fn card_menu_event(&self, msgid: &str, userid: &str, key: &str) -> Result<String, String> {
        let mut shared = self.0.shared.lock();
        let now = shared.clock.now();
        let state = &mut shared.message;
        let (card, message) = received_card(state, msgid, userid)?;
        let in_menu = card["action_menu"]["action_list"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| a["key"].as_str() == Some(key));
        if !in_menu {
            return Err(format!("{msgid} has no action menu entry {key:?}"));
        }
        let head = event_head(message, userid, "template_card_menu_event", key, card, now)?;
        let (agentid, msgid) = (message.agentid.unwrap_or_default(), message.msgid.clone());
        let code = state.issue_response_code(&msgid, now);
        Ok(format!(
            "<xml>{head}<ResponseCode>{}</ResponseCode><AgentID>{agentid}</AgentID></xml>",
            cdata(&code)?
        ))
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

/// The template card `msgid` sent by an app and received by `userid`, with
/// its message.
fn received_card<'s>(
    state: &'s MessageState,
    msgid: &str,
    userid: &str,
) -> Result<(&'s serde_json::Value, &'s SentMessage), String> {
    let message = state
        .sent
        .iter()
        .find(|m| m.msgid == msgid && m.channel == Channel::App)
        .ok_or_else(|| format!("no message {msgid}"))?;
    if message.msgtype != "template_card" {
        return Err(format!("{msgid} is not a template card"));
    }
    if !message.delivered_to.iter().any(|u| u == userid) {
        return Err(format!("{userid} did not receive {msgid}"));
    }
    Ok((&message.content, message))
}

/// The card's `card_type`.
fn card_type(card: &serde_json::Value) -> &str {
    card["card_type"].as_str().unwrap_or_default()
}

/// The envelope and card fields every template-card event starts with.
fn event_head(
    message: &SentMessage,
    userid: &str,
    event: &str,
    key: &str,
    card: &serde_json::Value,
    now: i64,
) -> Result<String, String> {
    Ok(format!(
        "<ToUserName>{}</ToUserName><FromUserName>{}</FromUserName><CreateTime>{now}</CreateTime>\
         <MsgType><![CDATA[event]]></MsgType><Event>{}</Event><EventKey>{}</EventKey>\
         <TaskId>{}</TaskId><CardType>{}</CardType>",
        cdata(&message.corpid)?,
        cdata(userid)?,
        cdata(event)?,
        cdata(key)?,
        cdata(card["task_id"].as_str().unwrap_or_default())?,
        cdata(card_type(card))?,
    ))
}

/// `text` as a CDATA section (text holding `]]>` cannot be one).
fn cdata(text: &str) -> Result<String, String> {
    if text.contains("]]>") {
        return Err(format!("{text:?} cannot be written as CDATA"));
    }
    Ok(format!("<![CDATA[{text}]]>"))
}
