//! Events this SDK does not type: kept raw.

use super::EventError;
use super::tree::Node;

/// An event this SDK does not type: an unknown `InfoType` / `Event` value, a
/// known one whose fields do not have the expected shape, or a document that
/// is no event at all (an ordinary message). Nothing is lost: the whole
/// decrypted XML is kept.
///
/// Its `Debug` shows the names and the XML's length, not the XML: an event
/// this SDK does not type may still carry a ticket or a token.
#[derive(Clone, PartialEq, Eq)]
pub struct UnknownEvent {
    /// The decrypted XML, exactly as received.
    pub raw_xml: String,
    /// `InfoType`, as found (provider envelope).
    pub info_type: Option<String>,
    /// `Event`, as found (app envelope).
    pub event: Option<String>,
    /// `ChangeType`, as found.
    pub change_type: Option<String>,
    /// `MsgType`, as found (`event`, or a message type such as `text`).
    pub msg_type: Option<String>,
    /// Why a known event was not typed (`None` when the event itself is not
    /// known).
    pub reason: Option<EventError>,
}

impl UnknownEvent {
    pub(super) fn new(raw_xml: &str, root: &Node<'_>, reason: Option<EventError>) -> Self {
        UnknownEvent {
            raw_xml: raw_xml.to_owned(),
            info_type: root.opt_str(&["InfoType"]),
            event: root.opt_str(&["Event"]),
            change_type: root.opt_str(&["ChangeType"]),
            msg_type: root.opt_str(&["MsgType"]),
            reason,
        }
    }

    /// A plaintext that is not a callback document at all (not well-formed,
    /// or its root is not `<xml>`): kept whole, with why it was not parsed.
    pub(crate) fn unparsed(raw_xml: String, reason: EventError) -> Self {
        UnknownEvent {
            raw_xml,
            info_type: None,
            event: None,
            change_type: None,
            msg_type: None,
            reason: Some(reason),
        }
    }

    /// The event name: `InfoType`, else `Event`.
    pub fn name(&self) -> Option<&str> {
        self.info_type.as_deref().or(self.event.as_deref())
    }
}

impl std::fmt::Debug for UnknownEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnknownEvent")
            .field("raw_xml", &crate::error::RedactedText(self.raw_xml.len()))
            .field("info_type", &self.info_type)
            .field("event", &self.event)
            .field("change_type", &self.change_type)
            .field("msg_type", &self.msg_type)
            .field("reason", &self.reason)
            .finish()
    }
}
