//! Typed callback events: the decrypted callback XML parsed into [`Event`].
//!
//! WeCom pushes events in two envelopes (see [`Source`]):
//!
//! * the provider command callback (third-party / 代开发 suite URL), keyed by
//!   `InfoType`, with `SuiteId`, `TimeStamp` and `AuthCorpId`;
//! * the app / corp callback, keyed by `Event` (`MsgType=event`), with
//!   `ToUserName`, `FromUserName`, `CreateTime` and `AgentID`.
//!
//! Events that exist in both (contact, customer, tag, chat and acquisition
//! changes …) parse from both into the same variant, with the envelope in
//! `source`. License and registration events pushed to the system-event URL
//! carry `ServiceCorpId` instead and have their own structs.
//!
//! [`parse_event`] never fails on a well-formed `<xml>` document: an unknown
//! `InfoType` / `Event`, or a known one whose fields do not have the expected
//! shape, becomes [`Event::Unknown`] with the raw XML. Every enumerated value
//! (`ChangeType`, `UpdateDetail`, `FailReason`, …) has an `Other` arm, so a
//! value WeCom adds later never fails parsing either.
//!
//! ```
//! use wecom_core::callback::event::parse_event;
//!
//! let xml = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f]]></SuiteId>\
//!            <InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1403610513</TimeStamp>\
//!            <SuiteTicket><![CDATA[asdfasfdasdfasdf]]></SuiteTicket></xml>";
//! let event = parse_event(xml)?;
//! assert_eq!(event.kind(), "suite_ticket");
//! assert_eq!(event.suite_ticket(), Some(("ww4asffe99e54c0f", "asdfasfdasdfasdf", 1403610513)));
//! # Ok::<(), wecom_core::callback::event::EventError>(())
//! ```

mod chain;
mod contact;
mod envelope;
mod external;
mod license;
mod order;
mod provider;
mod raw;
mod tree;

pub use chain::{ChainChange, ChainChangeType, SharedAgent};
pub use contact::{
    ContactChange, ContactChangeType, ExtAttr, ExtAttrValue, Gender, PartyChange, TagChange, UserChange,
    UserStatus,
};
pub use envelope::Source;
pub use external::{
    CustomerAcquisitionChange, CustomerAcquisitionChangeType, DeleteSource, ExternalChatChange,
    ExternalChatChangeType, ExternalContactChange, ExternalContactChangeType, ExternalTagChange,
    ExternalTagChangeType, JoinScene, QuitScene, TagType, TransferFailReason, UpdateDetail,
};
pub use license::{
    ActivatedAccount, AutoActivate, AutoActivateScene, LicenseAccountType, LicensePaySuccess, LicenseRefund,
    PreviousLicenseStatus, RefundStatus,
};
pub use order::{AppOrderNotice, ChangeEdition, ChangeOrder, OpenOrder};
pub use provider::{
    BatchJob, CancelAuth, ChangeAuth, ContactSync, CreateAuth, ExtraInfo, RegisterCorp, ResetPermanentCode,
    SuiteTicket,
};
pub use raw::UnknownEvent;

use tree::Node;

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

/// A parsed callback event.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `InfoType=suite_ticket`.
    SuiteTicket(SuiteTicket),
    /// `InfoType=create_auth`.
    CreateAuth(CreateAuth),
    /// `InfoType=change_auth`.
    ChangeAuth(ChangeAuth),
    /// `InfoType=cancel_auth`.
    CancelAuth(CancelAuth),
    /// `InfoType=reset_permanent_code` (代开发).
    ResetPermanentCode(ResetPermanentCode),
    /// `change_contact`: members, departments or tags changed.
    ChangeContact {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ContactChange,
    },
    /// `share_agent_change`: a group parent shared (or stopped sharing) an
    /// app with this corp (企业互联).
    ShareAgentChange {
        /// The envelope.
        source: Source,
        /// The shared app (provider callbacks; empty in app callbacks).
        shared: SharedAgent,
    },
    /// `share_chain_change`: an upstream corp shared (or stopped sharing) an
    /// app through a chain (上下游).
    ShareChainChange {
        /// The envelope.
        source: Source,
        /// The shared app.
        shared: SharedAgent,
    },
    /// `change_app_admin`: the app's admins changed (`AgentID` in the
    /// source).
    ChangeAppAdmin {
        /// The envelope.
        source: Source,
    },
    /// `change_external_contact`: customer relations changed.
    ChangeExternalContact {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ExternalContactChange,
    },
    /// `change_external_chat`: a customer group changed.
    ChangeExternalChat {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ExternalChatChange,
    },
    /// `change_external_tag`: corp customer tags changed.
    ChangeExternalTag {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ExternalTagChange,
    },
    /// `customer_acquisition`: 获客助手 quota, link and customer events.
    CustomerAcquisition {
        /// The envelope.
        source: Source,
        /// What happened.
        change: CustomerAcquisitionChange,
    },
    /// `change_chain`: a chain (上下游) changed.
    ChangeChain {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ChainChange,
    },
    /// `InfoType=license_pay_success`.
    LicensePaySuccess(LicensePaySuccess),
    /// `InfoType=license_refund`.
    LicenseRefund(LicenseRefund),
    /// `InfoType=auto_activate`.
    AutoActivate(AutoActivate),
    /// `unlicensed_notify`: a member without a license used the app.
    UnlicensedNotify {
        /// The envelope (`FromUserName` is the member, `AgentID` the app).
        source: Source,
    },
    /// `InfoType=register_corp`: a corp registered through a promotion code.
    RegisterCorp(RegisterCorp),
    /// `batch_job_result`: an async contact job finished.
    BatchJobResult {
        /// The envelope.
        source: Source,
        /// The job.
        job: BatchJob,
    },
    /// `InfoType=open_order`.
    OpenOrder(OpenOrder),
    /// `InfoType=change_order`.
    ChangeOrder(ChangeOrder),
    /// `InfoType=pay_for_app_success`.
    PayForAppSuccess(AppOrderNotice),
    /// `InfoType=refund` (app-market order refund).
    Refund(AppOrderNotice),
    /// `InfoType=change_editon` (sic).
    ChangeEdition(ChangeEdition),
    /// Anything else, kept raw.
    Unknown(UnknownEvent),
}

impl Event {
    /// The suite id, ticket and timestamp of a [`Event::SuiteTicket`].
    pub fn suite_ticket(&self) -> Option<(&str, &str, i64)> {
        match self {
            Event::SuiteTicket(t) => Some((&t.suite_id, t.ticket.expose(), t.timestamp)),
            _ => None,
        }
    }

    /// The event name: the `InfoType` / `Event` value (`"suite_ticket"`,
    /// `"change_external_contact"`, …), or `"unknown"` for
    /// [`Event::Unknown`] (see [`UnknownEvent::name`] for its raw name).
    pub fn kind(&self) -> &'static str {
        match self {
            Event::SuiteTicket(_) => "suite_ticket",
            Event::CreateAuth(_) => "create_auth",
            Event::ChangeAuth(_) => "change_auth",
            Event::CancelAuth(_) => "cancel_auth",
            Event::ResetPermanentCode(_) => "reset_permanent_code",
            Event::ChangeContact { .. } => "change_contact",
            Event::ShareAgentChange { .. } => "share_agent_change",
            Event::ShareChainChange { .. } => "share_chain_change",
            Event::ChangeAppAdmin { .. } => "change_app_admin",
            Event::ChangeExternalContact { .. } => "change_external_contact",
            Event::ChangeExternalChat { .. } => "change_external_chat",
            Event::ChangeExternalTag { .. } => "change_external_tag",
            Event::CustomerAcquisition { .. } => "customer_acquisition",
            Event::ChangeChain { .. } => "change_chain",
            Event::LicensePaySuccess(_) => "license_pay_success",
            Event::LicenseRefund(_) => "license_refund",
            Event::AutoActivate(_) => "auto_activate",
            Event::UnlicensedNotify { .. } => "unlicensed_notify",
            Event::RegisterCorp(_) => "register_corp",
            Event::BatchJobResult { .. } => "batch_job_result",
            Event::OpenOrder(_) => "open_order",
            Event::ChangeOrder(_) => "change_order",
            Event::PayForAppSuccess(_) => "pay_for_app_success",
            Event::Refund(_) => "refund",
            Event::ChangeEdition(_) => "change_editon",
            Event::Unknown(_) => "unknown",
        }
    }

    /// The envelope, for events that exist in both envelopes.
    pub fn source(&self) -> Option<&Source> {
        match self {
            Event::ChangeContact { source, .. }
            | Event::ShareAgentChange { source, .. }
            | Event::ShareChainChange { source, .. }
            | Event::ChangeAppAdmin { source }
            | Event::ChangeExternalContact { source, .. }
            | Event::ChangeExternalChat { source, .. }
            | Event::ChangeExternalTag { source, .. }
            | Event::CustomerAcquisition { source, .. }
            | Event::ChangeChain { source, .. }
            | Event::UnlicensedNotify { source }
            | Event::BatchJobResult { source, .. } => Some(source),
            _ => None,
        }
    }

    /// The customer corp the event concerns, when it names one:
    /// `AuthCorpId`, `PaidCorpId`, or `ToUserName` for app callbacks.
    pub fn corp_id(&self) -> Option<&str> {
        match self {
            Event::ChangeAuth(e) => Some(&e.auth_corp_id),
            Event::CancelAuth(e) => Some(&e.auth_corp_id),
            Event::ResetPermanentCode(e) => e.auth_corp_id.as_deref(),
            Event::LicensePaySuccess(e) => Some(&e.auth_corp_id),
            Event::LicenseRefund(e) => Some(&e.auth_corp_id),
            Event::AutoActivate(e) => Some(&e.auth_corp_id),
            Event::RegisterCorp(e) => Some(&e.auth_corp_id),
            Event::OpenOrder(e) => Some(&e.paid_corp_id),
            Event::ChangeOrder(e) => Some(&e.paid_corp_id),
            Event::PayForAppSuccess(e) | Event::Refund(e) => Some(&e.paid_corp_id),
            Event::ChangeEdition(e) => Some(&e.paid_corp_id),
            other => other.source().and_then(Source::corp_id),
        }
    }
}

/// Parses a decrypted callback document. Never panics, whatever the input.
///
/// # Errors
/// Only [`EventError::Malformed`], when `xml` is not a well-formed document
/// with an `<xml>` root. An unknown event, or a known one with an unexpected
/// shape, is [`Event::Unknown`] (with [`UnknownEvent::reason`] saying why).
pub fn parse_event(xml: &str) -> Result<Event, EventError> {
    let root = tree::parse(xml)?;
    Ok(match build(&root) {
        Ok(Some(event)) => event,
        Ok(None) => Event::Unknown(UnknownEvent::new(xml, &root, None)),
        Err(reason) => Event::Unknown(UnknownEvent::new(xml, &root, Some(reason))),
    })
}

/// Like [`parse_event`], but never fails: a plaintext that is not a callback
/// document at all becomes [`Event::Unknown`] too, with the whole text and
/// [`UnknownEvent::reason`] saying why. The receiver uses this, so that a
/// push WeCom signed is never answered with an error it would retry forever.
pub fn parse_event_lenient(xml: String) -> Event {
    match parse_event(&xml) {
        Ok(event) => event,
        Err(reason) => Event::Unknown(UnknownEvent::unparsed(xml, reason)),
    }
}

/// Like [`parse_event`], but a known event with an unexpected shape is an
/// error instead of [`Event::Unknown`]. Unknown event names still parse to
/// [`Event::Unknown`]. Useful in tests and when validating samples.
///
/// # Errors
/// [`EventError::Malformed`], [`EventError::MissingField`] or
/// [`EventError::InvalidField`].
pub fn parse_event_strict(xml: &str) -> Result<Event, EventError> {
    let root = tree::parse(xml)?;
    Ok(match build(&root)? {
        Some(event) => event,
        None => Event::Unknown(UnknownEvent::new(xml, &root, None)),
    })
}

/// Builds the typed event, `Ok(None)` when the event name is not known.
fn build(root: &Node<'_>) -> Result<Option<Event>, EventError> {
    let Some((envelope, name)) = envelope::detect(root) else {
        return Ok(None);
    };
    let source = || envelope::source(root, envelope);
    let change_type = || root.req_nonempty(&["ChangeType"]);
    let event = match name.to_ascii_lowercase().as_str() {
        "suite_ticket" => Event::SuiteTicket(provider::suite_ticket(root)?),
        "create_auth" => Event::CreateAuth(provider::create_auth(root)?),
        "change_auth" => Event::ChangeAuth(provider::change_auth(root)?),
        "cancel_auth" => Event::CancelAuth(provider::cancel_auth(root)?),
        "reset_permanent_code" => Event::ResetPermanentCode(provider::reset_permanent_code(root)?),
        "register_corp" => Event::RegisterCorp(provider::register_corp(root)?),
        "batch_job_result" => Event::BatchJobResult {
            source: source()?,
            job: provider::batch_job(root)?,
        },
        "change_contact" => Event::ChangeContact {
            source: source()?,
            change: contact::contact_change(root, &change_type()?)?,
        },
        "share_agent_change" => Event::ShareAgentChange {
            source: source()?,
            shared: chain::shared_agent(root)?,
        },
        "share_chain_change" => Event::ShareChainChange {
            source: source()?,
            shared: chain::shared_agent(root)?,
        },
        "change_app_admin" => Event::ChangeAppAdmin { source: source()? },
        "change_external_contact" => Event::ChangeExternalContact {
            source: source()?,
            change: external::external_contact(root, &change_type()?)?,
        },
        "change_external_chat" => Event::ChangeExternalChat {
            source: source()?,
            change: external::external_chat(root, &change_type()?)?,
        },
        "change_external_tag" => Event::ChangeExternalTag {
            source: source()?,
            change: external::external_tag(root, &change_type()?)?,
        },
        "customer_acquisition" => Event::CustomerAcquisition {
            source: source()?,
            change: external::customer_acquisition(root, &change_type()?)?,
        },
        "change_chain" => Event::ChangeChain {
            source: source()?,
            change: chain::chain(root, &change_type()?)?,
        },
        "license_pay_success" => Event::LicensePaySuccess(license::pay_success(root)?),
        "license_refund" => Event::LicenseRefund(license::refund(root)?),
        "auto_activate" => Event::AutoActivate(license::auto_activate(root)?),
        "unlicensed_notify" => Event::UnlicensedNotify { source: source()? },
        "open_order" => Event::OpenOrder(order::open_order(root)?),
        "change_order" => Event::ChangeOrder(order::change_order(root)?),
        "pay_for_app_success" => Event::PayForAppSuccess(order::notice(root)?),
        "refund" => Event::Refund(order::notice(root)?),
        "change_editon" | "change_edition" => Event::ChangeEdition(order::change_edition(root)?),
        _ => return Ok(None),
    };
    Ok(Some(event))
}

#[cfg(test)]
mod tests;
