//! 发送应用消息 and 撤回应用消息: an app's messages to members,
//! departments and tags (`message/send`), and taking one back within 24
//! hours (`message/recall`).

use std::fmt;

use serde::de::{self, Deserializer};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::content::AppMessage;
use crate::Result;
use crate::serde_util::int_enum;

/// 发送应用消息 / 撤回应用消息.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90235>
#[crate::api]
pub trait MessageApi {
    /// 发送应用消息: sends `message.message` as app `agentid` to the
    /// members, departments (with their sub-departments) and tags of
    /// `message.to`, or to everyone the app can see (`@all`).
    ///
    /// * At most 1000 members, 100 departments and 100 tags per call;
    ///   recipients outside the app's visible range or unknown come back in
    ///   `invaliduser` / `invalidparty` / `invalidtag` (and members without
    ///   a licence in `unlicenseduser`) while the others get the message —
    ///   when **all** are invalid WeCom answers 81013 instead.
    /// * Frequency: WeCom's 频率限制 page applies (a daily quota per app in
    ///   proportion to the corp's seats; a member gets at most 30 messages
    ///   a minute and 1000 an hour from one app, more are dropped without
    ///   an error): <https://developer.work.weixin.qq.com/document/path/90312>.
    /// * `msgid` is what [`recall_message`](Self::recall_message) takes;
    ///   `response_code` (interactive template cards only) is what
    ///   [`update_template_card`](super::TemplateCardApi::update_template_card) takes.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90236>
    #[post("message/send", token = corp)]
    async fn send_message(&self, #[body] message: &SendMessageRequest) -> Result<SendMessageReply>;

    /// 撤回应用消息: takes back a message sent within the last **24
    /// hours**, by the `msgid` of its send reply; an older one is 42052
    /// (msgid已过期). Only the WeCom client's copy is recalled, not the
    /// WeChat plug-in's; the recalling app must be the sending one.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94867>
    #[post("message/recall", token = corp)]
    async fn recall_message(&self, msgid: &str) -> Result<()>;
}

// ---------------------------------------------------------------------------
// Recipients
// ---------------------------------------------------------------------------

/// Who an app message goes to: members, departments and tags, which WeCom
/// takes as `touser` / `toparty` / `totag` strings joined with `|`; or
/// everyone in the app's visible range (`touser` `@all`, the others then
/// ignored). Built typed, never by hand-joining strings:
///
/// ```
/// use wecom_apis::message::Recipients;
///
/// let to = Recipients::users(["zhangsan", "lisi"]).with_parties([2]).with_tags([7]);
/// assert_eq!(
///     serde_json::to_value(&to).unwrap(),
///     serde_json::json!({"touser": "zhangsan|lisi", "toparty": "2", "totag": "7"})
/// );
/// assert_eq!(
///     serde_json::to_value(Recipients::all()).unwrap(),
///     serde_json::json!({"touser": "@all"})
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recipients {
    /// Member userids (at most 1000).
    pub users: Vec<String>,
    /// Department ids (at most 100).
    pub parties: Vec<u32>,
    /// Tag ids (at most 100).
    pub tags: Vec<u32>,
    /// Everyone in the app's visible range (`@all`).
    pub all: bool,
}

impl Recipients {
    /// Everyone in the app's visible range (`touser` `@all`).
    pub fn all() -> Self {
        Recipients {
            all: true,
            ..Recipients::default()
        }
    }

    /// These members.
    pub fn users<I, S>(userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Recipients::default().with_users(userids)
    }

    /// These departments (and their sub-departments).
    pub fn parties(partyids: impl IntoIterator<Item = u32>) -> Self {
        Recipients::default().with_parties(partyids)
    }

    /// The members and departments of these tags.
    pub fn tags(tagids: impl IntoIterator<Item = u32>) -> Self {
        Recipients::default().with_tags(tagids)
    }

    /// Adds members.
    pub fn with_users<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.users.extend(userids.into_iter().map(Into::into));
        self
    }

    /// Adds departments.
    pub fn with_parties(mut self, partyids: impl IntoIterator<Item = u32>) -> Self {
        self.parties.extend(partyids);
        self
    }

    /// Adds tags.
    pub fn with_tags(mut self, tagids: impl IntoIterator<Item = u32>) -> Self {
        self.tags.extend(tagids);
        self
    }

    /// Whether nobody is addressed.
    pub fn is_empty(&self) -> bool {
        !self.all && self.users.is_empty() && self.parties.is_empty() && self.tags.is_empty()
    }

    /// The `touser` value: `@all`, or the userids joined with `|`.
    pub fn touser(&self) -> String {
        if self.all {
            "@all".to_owned()
        } else {
            self.users.join("|")
        }
    }

    /// The `toparty` value.
    pub fn toparty(&self) -> String {
        join_ids(&self.parties)
    }

    /// The `totag` value.
    pub fn totag(&self) -> String {
        join_ids(&self.tags)
    }
}

fn join_ids(ids: &[u32]) -> String {
    ids.iter().map(u32::to_string).collect::<Vec<_>>().join("|")
}

/// Serializes as the `touser` / `toparty` / `totag` keys that are set (to
/// be flattened into a request).
impl Serialize for Recipients {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if self.all || !self.users.is_empty() {
            map.serialize_entry("touser", &self.touser())?;
        }
        if !self.all && !self.parties.is_empty() {
            map.serialize_entry("toparty", &self.toparty())?;
        }
        if !self.all && !self.tags.is_empty() {
            map.serialize_entry("totag", &self.totag())?;
        }
        map.end()
    }
}

// ---------------------------------------------------------------------------
// message/send
// ---------------------------------------------------------------------------

int_enum! {
    /// `safe`: whether a message may leave the corp.
    pub enum Safety {
        /// 0: may be shared (default).
        Shareable = 0,
        /// 1: confidential — cannot be forwarded, shown with a watermark
        /// (text, image, voice, video, file, textcard, mpnews).
        Confidential = 1,
        /// 2: shared only inside the corp (mpnews only).
        InternalOnly = 2,
    }
}

/// Request of `message/send`: the recipients, the app, the message and its
/// options. Serializes to WeCom's flat object:
/// `{"touser", "toparty", "totag", "msgtype", "agentid", "<msgtype>": {…},
/// "safe", "enable_id_trans", "enable_duplicate_check", "duplicate_check_interval"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SendMessageRequest {
    /// Who gets it.
    #[serde(flatten)]
    pub to: Recipients,
    /// The message (`msgtype` and its object).
    #[serde(flatten)]
    pub message: AppMessage,
    /// The sending app; `None` only for a mini-program notice, which the
    /// mini-program app's own token identifies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
    /// Confidentiality.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safe: Option<Safety>,
    /// Translates `$userName=…$` / `$departmentName=…$` ids in the content (0/1).
    #[serde(skip_serializing_if = "Option::is_none", with = "crate::serde_util::opt_flag")]
    pub enable_id_trans: Option<bool>,
    /// Drops a message identical to one sent within `duplicate_check_interval` (0/1).
    #[serde(skip_serializing_if = "Option::is_none", with = "crate::serde_util::opt_flag")]
    pub enable_duplicate_check: Option<bool>,
    /// Window of the duplicate check in seconds, at most 4 hours (default 1800).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_check_interval: Option<u32>,
}

impl SendMessageRequest {
    /// `message` from app `agentid` to `to`.
    pub fn new(agentid: i64, to: Recipients, message: impl Into<AppMessage>) -> Self {
        SendMessageRequest {
            to,
            message: message.into(),
            agentid: Some(agentid),
            safe: None,
            enable_id_trans: None,
            enable_duplicate_check: None,
            duplicate_check_interval: None,
        }
    }

    /// A mini-program notice (no `agentid`: the mini-program app's token says who sends).
    pub fn miniprogram_notice(to: Recipients, notice: super::MiniprogramNotice) -> Self {
        SendMessageRequest {
            agentid: None,
            ..SendMessageRequest::new(0, to, notice)
        }
    }

    /// Sets `safe`.
    pub fn with_safe(mut self, safe: Safety) -> Self {
        self.safe = Some(safe);
        self
    }

    /// Sets `enable_id_trans`.
    pub fn with_id_trans(mut self, enable: bool) -> Self {
        self.enable_id_trans = Some(enable);
        self
    }

    /// Turns the duplicate check on, over `interval_secs` (at most 14 400).
    pub fn with_duplicate_check(mut self, interval_secs: u32) -> Self {
        self.enable_duplicate_check = Some(true);
        self.duplicate_check_interval = Some(interval_secs);
        self
    }
}

/// Ids WeCom reports back as not reached (userids, department or tag ids,
/// as text). WeCom joins them with `|` in `message/send` replies and lists
/// them as arrays in others; both decode to this list.
pub type InvalidList = Vec<String>;

/// Reply of `message/send`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SendMessageReply {
    /// Members not reached (unknown or outside the app's visible range).
    #[serde(default, deserialize_with = "pipe_list")]
    pub invaliduser: InvalidList,
    /// Departments not reached.
    #[serde(default, deserialize_with = "pipe_list")]
    pub invalidparty: InvalidList,
    /// Tags not reached.
    #[serde(default, deserialize_with = "pipe_list")]
    pub invalidtag: InvalidList,
    /// Members without a licence (for which the message was not delivered).
    #[serde(default, deserialize_with = "pipe_list")]
    pub unlicenseduser: InvalidList,
    /// The message's id, for `message/recall`.
    #[serde(default)]
    pub msgid: String,
    /// For interactive template cards: the code `message/update_template_card`
    /// takes (once, within 72 hours). An empty string counts as absent.
    #[serde(default, deserialize_with = "non_empty")]
    pub response_code: Option<String>,
}

/// Reads an optional string, `""` and `null` being `None`.
fn non_empty<'de, D>(deserializer: D) -> std::result::Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(Option::<String>::deserialize(deserializer)?.filter(|s| !s.is_empty()))
}

/// Reads a list of ids that WeCom sends as a `|`-joined string
/// (`"userid1|userid2"`), as an array of strings or numbers, or as `null`.
pub(crate) fn pipe_list<'de, D>(deserializer: D) -> std::result::Result<InvalidList, D::Error>
where
    D: Deserializer<'de>,
{
    struct Visitor;

    impl<'de> de::Visitor<'de> for Visitor {
        type Value = InvalidList;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("ids joined with `|`, or a list of ids")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<InvalidList, E> {
            Ok(v.split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect())
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<InvalidList, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element::<serde_json::Value>()? {
                match item {
                    serde_json::Value::String(s) => out.push(s),
                    serde_json::Value::Number(n) => out.push(n.to_string()),
                    other => return Err(de::Error::custom(format!("invalid id {other}"))),
                }
            }
            Ok(out)
        }

        fn visit_unit<E: de::Error>(self) -> std::result::Result<InvalidList, E> {
            Ok(Vec::new())
        }

        fn visit_none<E: de::Error>(self) -> std::result::Result<InvalidList, E> {
            Ok(Vec::new())
        }
    }

    deserializer.deserialize_any(Visitor)
}
