//! 群聊会话 (app group chats): group chats an app creates among members,
//! manages and sends to (`appchat/*`). Only chats created through the API
//! by the same app can be read, changed or sent to; members see them in
//! their WeCom client like any group chat.

use serde::{Deserialize, Serialize};

use super::content::AppChatMessage;
use super::send::Safety;
use crate::Result;

/// 群聊会话: create, update, read and send to an app's group chats.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90244>
#[crate::api]
pub trait AppChatApi {
    /// 创建群聊会话: a group chat of 2–2000 members (`userlist`), owned by
    /// `owner` (WeCom picks one of the members when absent); `chatid`
    /// (0–9, a–z, A–Z, at most 32 characters) is generated when absent.
    /// The app must see every member (its visible range is the root
    /// department). At most 1000 chats per corp per day.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90245>
    #[post("appchat/create", token = corp)]
    async fn create_app_chat(&self, #[body] chat: &CreateAppChatRequest) -> Result<AppChatCreated>;

    /// 修改群聊会话: renames the chat, changes its owner, adds and removes
    /// members (the chat keeps 2–2000).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90246>
    #[post("appchat/update", token = corp)]
    async fn update_app_chat(&self, #[body] update: &UpdateAppChatRequest) -> Result<()>;

    /// 获取群聊会话: a chat's name, owner and members.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90247>
    #[get("appchat/get", token = corp)]
    async fn get_app_chat(&self, chatid: &str) -> Result<AppChatInfo>;

    /// 应用推送消息: sends a message into a chat the app created (text,
    /// image, voice, video, file, textcard, news, mpnews, markdown). Per
    /// corp at most 20 000 person-messages a minute and 300 000 an hour (a
    /// chat of 100 counts 100); a member gets at most 200 messages a minute
    /// from one app in its chats, more are dropped without an error.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90248>
    #[post("appchat/send", token = corp)]
    async fn send_app_chat_message(&self, #[body] message: &AppChatSendRequest) -> Result<()>;
}

/// Request of `appchat/create`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateAppChatRequest {
    /// Name, at most 50 UTF-8 characters (WeCom cuts a longer one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The owner (a member of `userlist`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The members, 2–2000 userids.
    pub userlist: Vec<String>,
    /// The chat's id; generated when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatid: Option<String>,
}

impl CreateAppChatRequest {
    /// A chat of these members.
    pub fn new<I, S>(userlist: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        CreateAppChatRequest {
            name: None,
            owner: None,
            userlist: userlist.into_iter().map(Into::into).collect(),
            chatid: None,
        }
    }

    /// Sets the name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the owner.
    pub fn with_owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }

    /// Chooses the chat's id.
    pub fn with_chatid(mut self, chatid: impl Into<String>) -> Self {
        self.chatid = Some(chatid.into());
        self
    }
}

/// Reply of `appchat/create`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppChatCreated {
    /// The chat's id.
    pub chatid: String,
}

/// Request of `appchat/update`: only what is set changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateAppChatRequest {
    /// The chat.
    pub chatid: String,
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Members to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_user_list: Vec<String>,
    /// Members to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub del_user_list: Vec<String>,
}

impl UpdateAppChatRequest {
    /// Changes chat `chatid`.
    pub fn new(chatid: impl Into<String>) -> Self {
        UpdateAppChatRequest {
            chatid: chatid.into(),
            ..UpdateAppChatRequest::default()
        }
    }

    /// Renames it.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Hands it to another owner.
    pub fn with_owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }

    /// Adds members.
    pub fn add_users<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.add_user_list.extend(userids.into_iter().map(Into::into));
        self
    }

    /// Removes members.
    pub fn remove_users<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.del_user_list.extend(userids.into_iter().map(Into::into));
        self
    }
}

/// Reply of `appchat/get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppChatInfo {
    /// The chat.
    pub chat_info: AppChat,
}

/// An app group chat.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppChat {
    /// Its id.
    pub chatid: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// The owner's userid.
    #[serde(default)]
    pub owner: String,
    /// The members' userids.
    #[serde(default)]
    pub userlist: Vec<String>,
    /// 0 an ordinary chat, 1 a course chat (课程群聊); absent from older
    /// copies of the page, so 0 when missing.
    #[serde(default)]
    pub chat_type: i32,
}

/// Request of `appchat/send`: `{"chatid", "msgtype", "<msgtype>": {…}, "safe"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppChatSendRequest {
    /// The chat.
    pub chatid: String,
    /// The message.
    #[serde(flatten)]
    pub message: AppChatMessage,
    /// Confidentiality (text, image, voice, video, file, textcard, mpnews).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safe: Option<Safety>,
}

impl AppChatSendRequest {
    /// `message` into chat `chatid`.
    pub fn new(chatid: impl Into<String>, message: impl Into<AppChatMessage>) -> Self {
        AppChatSendRequest {
            chatid: chatid.into(),
            message: message.into(),
            safe: None,
        }
    }

    /// Sets `safe`.
    pub fn with_safe(mut self, safe: Safety) -> Self {
        self.safe = Some(safe);
        self
    }
}
