//! Typed callback events: the decrypted callback XML parsed into an event
//! set's enum.
//!
//! WeCom pushes events in two envelopes (see [`Source`]):
//!
//! * the provider command callback (third-party / 代开发 suite URL), keyed by
//!   `InfoType`, with `SuiteId`, `TimeStamp` and `AuthCorpId`;
//! * the app / corp callback, keyed by `Event` (`MsgType=event`), with
//!   `ToUserName`, `FromUserName`, `CreateTime` and `AgentID`.
//!
//! This module holds what every event set shares: the document tree and its
//! typed accessors ([`Node`]), the envelope ([`Document`], [`Source`]), the
//! one event the runtime consumes itself ([`SuiteTicket`]), events kept raw
//! ([`UnknownEvent`]), and the [`EventSet`] trait through which an event set
//! contributes its parsers. The SDK's families contribute theirs in
//! `wecom_apis::callback::event::Event`; [`CoreEvent`] is the set that knows
//! only the suite_ticket.
//!
//! Parsing never fails on a well-formed `<xml>` document: an unknown event,
//! or a known one whose fields do not have the expected shape, becomes the
//! set's unknown event with the raw XML.
//!
//! ```
//! use wecom_core::callback::event::{CoreEvent, parse_event};
//!
//! let xml = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f]]></SuiteId>\
//!            <InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1403610513</TimeStamp>\
//!            <SuiteTicket><![CDATA[asdfasfdasdfasdf]]></SuiteTicket></xml>";
//! let event: CoreEvent = parse_event(xml)?;
//! assert!(matches!(event, CoreEvent::SuiteTicket(_)));
//! # Ok::<(), wecom_core::callback::event::EventError>(())
//! ```

mod envelope;
mod raw;
mod suite_ticket;
pub mod tree;

pub use envelope::{Document, Envelope, Source};
pub use raw::UnknownEvent;
pub use suite_ticket::SuiteTicket;
pub use tree::Node;

/// Why a callback document could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EventError {
    /// Not a well-formed XML document with an `<xml>` root. The only error
    /// [`parse_event`] returns.
    #[error("malformed callback XML: {0}")]
    Malformed(String),
    /// A field a known event needs is missing (from [`parse_event_strict`],
    /// or as [`UnknownEvent::reason`]).
    #[error("the callback has no `{0}`")]
    MissingField(&'static str),
    /// A field has a value of the wrong kind, e.g. a non-numeric id (from
    /// [`parse_event_strict`], or as [`UnknownEvent::reason`]).
    #[error("the callback's `{field}` is not valid: {value:?}")]
    InvalidField {
        /// The element name.
        field: &'static str,
        /// The value found (at most 64 characters of it).
        value: String,
    },
}

/// A set of typed callback events: an enum whose parsers the receiver calls.
///
/// Implement it to give a receiver your own event types (the SDK's families
/// do, in `wecom_apis::callback::event::Event`).
pub trait EventSet: Sized {
    /// The event `doc` carries ([`Document::name`]), or `Ok(None)` when this
    /// set does not know its name.
    ///
    /// # Errors
    /// A known event whose fields do not have the expected shape.
    fn from_document(doc: &Document<'_, '_>) -> Result<Option<Self>, EventError>;

    /// An event this set does not type, kept raw.
    fn unknown(event: UnknownEvent) -> Self;

    /// The suite id, ticket and timestamp, if this is a suite_ticket (the
    /// receiver stores it for the suite token).
    fn suite_ticket(&self) -> Option<(&str, &str, i64)>;
}

/// The event set that types only what the runtime needs: the suite_ticket.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum CoreEvent {
    /// `InfoType=suite_ticket`.
    SuiteTicket(SuiteTicket),
    /// Anything else, kept raw.
    Unknown(UnknownEvent),
}

impl EventSet for CoreEvent {
    fn from_document(doc: &Document<'_, '_>) -> Result<Option<Self>, EventError> {
        Ok(match doc.name() {
            "suite_ticket" => Some(CoreEvent::SuiteTicket(SuiteTicket::parse(doc.root())?)),
            _ => None,
        })
    }

    fn unknown(event: UnknownEvent) -> Self {
        CoreEvent::Unknown(event)
    }

    fn suite_ticket(&self) -> Option<(&str, &str, i64)> {
        match self {
            CoreEvent::SuiteTicket(t) => Some((&t.suite_id, t.ticket.expose(), t.timestamp)),
            CoreEvent::Unknown(_) => None,
        }
    }
}

/// Parses a decrypted callback document into the event set `E`. Never
/// panics, whatever the input.
///
/// # Errors
/// Only [`EventError::Malformed`], when `xml` is not a well-formed document
/// with an `<xml>` root. An unknown event, or a known one with an unexpected
/// shape, is `E`'s unknown event (with [`UnknownEvent::reason`] saying why).
pub fn parse_event<E: EventSet>(xml: &str) -> Result<E, EventError> {
    Ok(typed(xml, &tree::parse(xml)?))
}

/// Like [`parse_event`], but never fails: a plaintext that is not a callback
/// document at all becomes the unknown event too, with the whole text and
/// [`UnknownEvent::reason`] saying why. The receiver uses this, so that a
/// push WeCom signed is never answered with an error it would retry forever.
pub fn parse_event_lenient<E: EventSet>(xml: &str) -> E {
    match tree::parse(xml) {
        Ok(root) => typed(xml, &root),
        Err(reason) => E::unknown(UnknownEvent::unparsed(xml.to_owned(), reason)),
    }
}

/// The typed event of a parsed document, or `E`'s unknown event (with the
/// reason when a known event had the wrong shape).
fn typed<E: EventSet>(xml: &str, root: &Node<'_>) -> E {
    match build::<E>(root) {
        Ok(Some(event)) => event,
        Ok(None) => E::unknown(UnknownEvent::new(xml, root, None)),
        Err(reason) => E::unknown(UnknownEvent::new(xml, root, Some(reason))),
    }
}

/// Like [`parse_event`], but a known event with an unexpected shape is an
/// error instead of the unknown event. Unknown event names still parse to
/// the unknown event. Useful in tests and when validating samples.
///
/// # Errors
/// [`EventError::Malformed`], [`EventError::MissingField`] or
/// [`EventError::InvalidField`].
pub fn parse_event_strict<E: EventSet>(xml: &str) -> Result<E, EventError> {
    let root = tree::parse(xml)?;
    Ok(match build::<E>(&root)? {
        Some(event) => event,
        None => E::unknown(UnknownEvent::new(xml, &root, None)),
    })
}

/// The typed event, `Ok(None)` when the document is no event or `E` does
/// not know its name.
fn build<E: EventSet>(root: &Node<'_>) -> Result<Option<E>, EventError> {
    match Document::of(root) {
        Some(doc) => E::from_document(&doc),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TICKET: &str = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f]]></SuiteId>\
        <InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1403610513</TimeStamp>\
        <SuiteTicket><![CDATA[asdfasfdasdfasdf]]></SuiteTicket></xml>";

    #[test]
    fn the_core_set_types_the_suite_ticket_and_keeps_the_rest() {
        let event: CoreEvent = parse_event(TICKET).unwrap();
        assert_eq!(
            event.suite_ticket(),
            Some(("ww4asffe99e54c0f", "asdfasfdasdfasdf", 1403610513))
        );
        let other: CoreEvent = parse_event("<xml><InfoType>create_auth</InfoType></xml>").unwrap();
        assert!(matches!(other, CoreEvent::Unknown(u) if u.name() == Some("create_auth")));
        let broken: CoreEvent = parse_event("<xml><InfoType>suite_ticket</InfoType></xml>").unwrap();
        assert!(
            matches!(broken, CoreEvent::Unknown(u) if u.reason == Some(EventError::MissingField("SuiteId")))
        );
        assert!(parse_event_strict::<CoreEvent>("<xml><InfoType>suite_ticket</InfoType></xml>").is_err());
    }

    #[test]
    fn names_match_case_insensitively_and_garbage_is_kept() {
        let upper = TICKET.replace("suite_ticket", "SUITE_TICKET");
        assert!(matches!(
            parse_event::<CoreEvent>(&upper).unwrap(),
            CoreEvent::SuiteTicket(_)
        ));
        let kept: CoreEvent = parse_event_lenient("not xml");
        assert!(matches!(kept, CoreEvent::Unknown(u) if u.raw_xml == "not xml" && u.reason.is_some()));
        assert!(matches!(
            parse_event::<CoreEvent>("not xml"),
            Err(EventError::Malformed(_))
        ));
    }
}
