//! The two envelopes a callback arrives in, and [`Source`].
//!
//! * Provider command callback (third-party / 代开发 suite URL): `SuiteId`,
//!   `InfoType`, `TimeStamp`, plus `AuthCorpId` for corp-scoped items.
//! * App / corp callback (self-built app URL, or 数据回调): `ToUserName`
//!   (the corp id), `FromUserName`, `CreateTime`, `MsgType=event`, `Event`,
//!   and `AgentID` for app-scoped items.

use std::borrow::Cow;

use super::EventError;
use super::tree::Node;

/// Where an event came from: the provider's command callback (`InfoType`
/// envelope) or an app/corp callback (`MsgType=event` envelope).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The provider (third-party or 代开发 suite) command callback.
    Provider {
        /// `SuiteId`: the suite id, or the 代开发 template id.
        suite_id: String,
        /// `AuthCorpId`: the authorising corp, for corp-scoped events.
        auth_corp_id: Option<String>,
        /// `TimeStamp`: when WeCom sent the event (Unix seconds).
        timestamp: i64,
    },
    /// An app or corp callback.
    App {
        /// `ToUserName`: the corp id of the receiving corp.
        to_user_name: String,
        /// `FromUserName`: a member's user id, or `sys` for system events.
        from_user_name: String,
        /// `CreateTime`: when the event was created (Unix seconds).
        create_time: i64,
        /// `AgentID`: the receiving app, for app-scoped events.
        agent_id: Option<i64>,
    },
}

impl Source {
    /// The corp the event concerns: `AuthCorpId` for provider callbacks,
    /// `ToUserName` for app callbacks.
    pub fn corp_id(&self) -> Option<&str> {
        match self {
            Source::Provider { auth_corp_id, .. } => auth_corp_id.as_deref(),
            Source::App { to_user_name, .. } => Some(to_user_name),
        }
    }

    /// When the event was sent (`TimeStamp` or `CreateTime`, Unix seconds).
    pub fn timestamp(&self) -> i64 {
        match self {
            Source::Provider { timestamp, .. } => *timestamp,
            Source::App { create_time, .. } => *create_time,
        }
    }

    /// Whether the event came in the provider (`InfoType`) envelope.
    pub fn is_provider(&self) -> bool {
        matches!(self, Source::Provider { .. })
    }
}

/// Which envelope a document uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Envelope {
    /// `InfoType` is present.
    Provider,
    /// `Event` is present (and no `InfoType`).
    App,
}

/// The envelope and event name (`InfoType` or `Event` value) of a document,
/// or `None` when it has neither (a message, not an event).
pub(super) fn detect<'r>(root: &'r Node<'_>) -> Option<(Envelope, &'r str)> {
    if let Some(info_type) = root.raw(&["InfoType"]).filter(|v| !v.is_empty()) {
        return Some((Envelope::Provider, info_type));
    }
    root.raw(&["Event"])
        .filter(|v| !v.is_empty())
        .map(|event| (Envelope::App, event))
}

/// A callback document as event parsers see it: its tree, its envelope and
/// its event name (lower case).
#[derive(Debug)]
pub struct Document<'d, 'a> {
    root: &'d Node<'a>,
    envelope: Envelope,
    name: Cow<'d, str>,
}

impl<'d, 'a> Document<'d, 'a> {
    /// The document of `root`, when it is an event (it has an `InfoType` or
    /// an `Event`); `None` for a message.
    pub fn of(root: &'d Node<'a>) -> Option<Self> {
        let (envelope, name) = detect(root)?;
        Some(Document {
            root,
            envelope,
            // WeCom writes names in lower case: copy only when it did not.
            name: if name.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(name.to_ascii_lowercase())
            } else {
                Cow::Borrowed(name)
            },
        })
    }

    /// The event name, `InfoType` or `Event`, in lower case.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole tree, under `<xml>`.
    pub fn root(&self) -> &'d Node<'a> {
        self.root
    }

    /// The envelope the event came in.
    pub fn envelope(&self) -> Envelope {
        self.envelope
    }

    /// The envelope's fields.
    ///
    /// # Errors
    /// [`EventError::MissingField`] or [`EventError::InvalidField`].
    pub fn source(&self) -> Result<Source, EventError> {
        source(self.root, self.envelope)
    }

    /// The required, non-empty `ChangeType` of a change event.
    ///
    /// # Errors
    /// [`EventError::MissingField`] when it is absent or empty.
    pub fn change_type(&self) -> Result<String, EventError> {
        self.root.req_nonempty(&["ChangeType"])
    }
}

/// Builds the [`Source`] of an event from its envelope fields.
pub(super) fn source(root: &Node<'_>, envelope: Envelope) -> Result<Source, EventError> {
    match envelope {
        Envelope::Provider => Ok(Source::Provider {
            suite_id: root.req_nonempty(&["SuiteId"])?,
            auth_corp_id: root.opt_str(&["AuthCorpId"]),
            timestamp: root.req_i64(&["TimeStamp"])?,
        }),
        Envelope::App => Ok(Source::App {
            to_user_name: root.req_str(&["ToUserName"])?,
            from_user_name: root.req_str(&["FromUserName"])?,
            create_time: root.req_i64(&["CreateTime"])?,
            agent_id: root.opt_i64(&["AgentID"])?,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tree;
    use super::*;

    #[test]
    fn provider_envelope() {
        let root = tree::parse(
            "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId>\
             <AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId>\
             <InfoType><![CDATA[change_contact]]></InfoType><TimeStamp>1403610513</TimeStamp></xml>",
        )
        .unwrap();
        let (envelope, name) = detect(&root).unwrap();
        assert_eq!((envelope, name), (Envelope::Provider, "change_contact"));
        let source = source(&root, envelope).unwrap();
        assert_eq!(
            source,
            Source::Provider {
                suite_id: "ww4asffe99e54c0f4c".into(),
                auth_corp_id: Some("wxf8b4f85f3a794e77".into()),
                timestamp: 1403610513,
            }
        );
        assert_eq!(source.corp_id(), Some("wxf8b4f85f3a794e77"));
        assert_eq!(source.timestamp(), 1403610513);
        assert!(source.is_provider());
    }

    #[test]
    fn app_envelope() {
        let root = tree::parse(
            "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
             <CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>\
             <Event><![CDATA[change_app_admin]]></Event><AgentID>1000019</AgentID></xml>",
        )
        .unwrap();
        let (envelope, name) = detect(&root).unwrap();
        assert_eq!((envelope, name), (Envelope::App, "change_app_admin"));
        let source = source(&root, envelope).unwrap();
        assert_eq!(
            source,
            Source::App {
                to_user_name: "toUser".into(),
                from_user_name: "sys".into(),
                create_time: 1403610513,
                agent_id: Some(1000019),
            }
        );
        assert_eq!(source.corp_id(), Some("toUser"));
        assert!(!source.is_provider());
    }

    #[test]
    fn neither_envelope_and_missing_fields() {
        let root = tree::parse("<xml><MsgType>text</MsgType><Content>hi</Content></xml>").unwrap();
        assert_eq!(detect(&root), None);
        let root = tree::parse("<xml><InfoType>x</InfoType><TimeStamp>1</TimeStamp></xml>").unwrap();
        assert_eq!(
            source(&root, Envelope::Provider),
            Err(EventError::MissingField("SuiteId"))
        );
        let root = tree::parse("<xml><Event>x</Event><ToUserName/><FromUserName/></xml>").unwrap();
        assert_eq!(
            source(&root, Envelope::App),
            Err(EventError::MissingField("CreateTime"))
        );
    }
}
