//! 互联企业消息推送: messages from an app shared in a 互联企业 (linked
//! corps) group to members of the linked corps (`linkedcorp/message/send`).

use serde::{Deserialize, Serialize};

use super::content::LinkedCorpMessage;
use super::send::{InvalidList, Safety, pipe_list};
use crate::Result;

/// 互联企业消息推送.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90250>
#[crate::api]
pub trait LinkedCorpMessageApi {
    /// 发送应用消息 (互联企业): sends a message as an app shared into the
    /// linked-corp group. Members are `userid` (own corp) or
    /// `CorpId/userid`, departments `partyid` or `LinkedId/partyid`, at most
    /// 1000 members and 100 departments and tags; `toall` sends to the
    /// app's whole visible range. Unlike `message/send`, the lists are JSON
    /// arrays, in the request and in the reply. Not a template card.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90250>
    #[post("linkedcorp/message/send", token = corp)]
    async fn send_linkedcorp_message(
        &self,
        #[body] message: &LinkedCorpSendRequest,
    ) -> Result<LinkedCorpSendReply>;
}

/// Request of `linkedcorp/message/send`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkedCorpSendRequest {
    /// Members: `userid` or `CorpId/userid`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub touser: Vec<String>,
    /// Departments: `partyid` or `LinkedId/partyid`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub toparty: Vec<String>,
    /// Tags (of the own corp).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub totag: Vec<String>,
    /// The app's whole visible range (`toall` 1); the lists are then ignored.
    #[serde(skip_serializing_if = "Option::is_none", with = "crate::serde_util::opt_flag")]
    pub toall: Option<bool>,
    /// The message.
    #[serde(flatten)]
    pub message: LinkedCorpMessage,
    /// The sending app.
    pub agentid: i64,
    /// Confidentiality.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safe: Option<Safety>,
}

impl LinkedCorpSendRequest {
    /// `message` from app `agentid`, to nobody yet.
    pub fn new(agentid: i64, message: impl Into<LinkedCorpMessage>) -> Self {
        LinkedCorpSendRequest {
            touser: Vec::new(),
            toparty: Vec::new(),
            totag: Vec::new(),
            toall: None,
            message: message.into(),
            agentid,
            safe: None,
        }
    }

    /// Adds a member of corp `corpid` (`CorpId/userid`).
    pub fn to_user_of(mut self, corpid: &str, userid: &str) -> Self {
        self.touser.push(format!("{corpid}/{userid}"));
        self
    }

    /// Adds members of the own corp.
    pub fn to_users<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.touser.extend(userids.into_iter().map(Into::into));
        self
    }

    /// Adds a department of linked corp `linked_id` (`LinkedId/partyid`).
    pub fn to_party_of(mut self, linked_id: &str, partyid: u32) -> Self {
        self.toparty.push(format!("{linked_id}/{partyid}"));
        self
    }

    /// Adds departments of the own corp.
    pub fn to_parties(mut self, partyids: impl IntoIterator<Item = u32>) -> Self {
        self.toparty.extend(partyids.into_iter().map(|p| p.to_string()));
        self
    }

    /// Adds tags.
    pub fn to_tags(mut self, tagids: impl IntoIterator<Item = u32>) -> Self {
        self.totag.extend(tagids.into_iter().map(|t| t.to_string()));
        self
    }

    /// Sends to the app's whole visible range.
    pub fn to_all(mut self) -> Self {
        self.toall = Some(true);
        self
    }

    /// Sets `safe`.
    pub fn with_safe(mut self, safe: Safety) -> Self {
        self.safe = Some(safe);
        self
    }
}

/// Reply of `linkedcorp/message/send`: who was not reached.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedCorpSendReply {
    /// Members not reached (`CorpId/userid` for other corps).
    #[serde(default, deserialize_with = "pipe_list")]
    pub invaliduser: InvalidList,
    /// Departments not reached.
    #[serde(default, deserialize_with = "pipe_list")]
    pub invalidparty: InvalidList,
    /// Tags not reached.
    #[serde(default, deserialize_with = "pipe_list")]
    pub invalidtag: InvalidList,
}
