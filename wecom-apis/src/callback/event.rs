//! The SDK's callback events: one [`Event`] enum to match on, whose models
//! live with their families (`license::events`, `external_contact::events`,
//! `corpgroup::events`, `service::events`, `media::events`,
//! `message::events`) and reuse the families' own types.
//!
//! ```
//! use wecom_apis::callback::event::{Event, parse_event};
//!
//! let xml = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f]]></SuiteId>\
//!            <InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1403610513</TimeStamp>\
//!            <SuiteTicket><![CDATA[asdfasfdasdfasdf]]></SuiteTicket></xml>";
//! let event = parse_event(xml)?;
//! assert_eq!(event.kind(), "suite_ticket");
//! assert_eq!(event.suite_ticket(), Some(("ww4asffe99e54c0f", "asdfasfdasdfasdf", 1403610513)));
//! # Ok::<(), wecom_apis::callback::event::EventError>(())
//! ```

pub use wecom_core::callback::event::{
    Document, Envelope, EventError, EventSet, Node, Source, SuiteTicket, UnknownEvent, tree,
};

// Every family's event models, here too, so that one `use` serves a handler.
#[cfg(feature = "corpgroup")]
use crate::corpgroup;
#[cfg(feature = "corpgroup")]
pub use crate::corpgroup::events::*;
#[cfg(feature = "external-contact")]
use crate::external_contact;
#[cfg(feature = "external-contact")]
pub use crate::external_contact::events::*;
#[cfg(feature = "license")]
use crate::license;
#[cfg(feature = "license")]
pub use crate::license::events::*;
#[cfg(feature = "media")]
use crate::media;
#[cfg(feature = "media")]
pub use crate::media::events::*;
#[cfg(feature = "message")]
use crate::message;
#[cfg(feature = "message")]
pub use crate::message::events::*;
#[cfg(feature = "service")]
use crate::service;
#[cfg(feature = "service")]
pub use crate::service::events::*;

/// A parsed callback event.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `InfoType=suite_ticket`.
    SuiteTicket(SuiteTicket),
    #[cfg(feature = "service")]
    /// `InfoType=create_auth`.
    CreateAuth(CreateAuth),
    #[cfg(feature = "service")]
    /// `InfoType=change_auth`.
    ChangeAuth(ChangeAuth),
    #[cfg(feature = "service")]
    /// `InfoType=cancel_auth`.
    CancelAuth(CancelAuth),
    #[cfg(feature = "service")]
    /// `InfoType=reset_permanent_code` (代开发).
    ResetPermanentCode(ResetPermanentCode),
    #[cfg(feature = "service")]
    /// `change_contact`: members, departments or tags changed.
    ChangeContact {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ContactChange,
    },
    #[cfg(feature = "corpgroup")]
    /// `share_agent_change`: a group parent shared (or stopped sharing) an
    /// app with this corp (企业互联).
    ShareAgentChange {
        /// The envelope.
        source: Source,
        /// The shared app (provider callbacks; empty in app callbacks).
        shared: SharedAgent,
    },
    #[cfg(feature = "corpgroup")]
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
    #[cfg(feature = "external-contact")]
    /// `change_external_contact`: customer relations changed.
    ChangeExternalContact {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ExternalContactChange,
    },
    #[cfg(feature = "external-contact")]
    /// `change_external_chat`: a customer group changed.
    ChangeExternalChat {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ExternalChatChange,
    },
    #[cfg(feature = "external-contact")]
    /// `change_external_tag`: corp customer tags changed.
    ChangeExternalTag {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ExternalTagChange,
    },
    #[cfg(feature = "external-contact")]
    /// `customer_acquisition`: 获客助手 quota, link and customer events.
    CustomerAcquisition {
        /// The envelope.
        source: Source,
        /// What happened.
        change: CustomerAcquisitionChange,
    },
    #[cfg(feature = "corpgroup")]
    /// `change_chain`: a chain (上下游) changed.
    ChangeChain {
        /// The envelope.
        source: Source,
        /// What changed.
        change: ChainChange,
    },
    #[cfg(feature = "media")]
    /// `upload_media_job_finish`: a `media/upload_by_url` job is over.
    UploadMediaJobFinish {
        /// The envelope.
        source: Source,
        /// Which job.
        job: UploadMediaJobFinish,
    },
    #[cfg(feature = "message")]
    /// `template_card_event`: a member clicked or submitted a template card.
    TemplateCardEvent {
        /// The envelope (`FromUserName` is the member, `AgentID` the app).
        source: Source,
        /// Which card, which button, the choices and a fresh response code.
        card: TemplateCardEvent,
    },
    #[cfg(feature = "message")]
    /// `template_card_menu_event`: a member chose from a card's action menu.
    TemplateCardMenuEvent {
        /// The envelope (`FromUserName` is the member, `AgentID` the app).
        source: Source,
        /// Which card, which entry and a fresh response code.
        menu: TemplateCardMenuEvent,
    },
    #[cfg(feature = "license")]
    /// `InfoType=license_pay_success`.
    LicensePaySuccess(LicensePaySuccess),
    #[cfg(feature = "license")]
    /// `InfoType=license_refund`.
    LicenseRefund(LicenseRefund),
    #[cfg(feature = "license")]
    /// `InfoType=auto_activate`.
    AutoActivate(AutoActivate),
    /// `unlicensed_notify`: a member without a license used the app.
    UnlicensedNotify {
        /// The envelope (`FromUserName` is the member, `AgentID` the app).
        source: Source,
    },
    #[cfg(feature = "service")]
    /// `InfoType=register_corp`: a corp registered through a promotion code.
    RegisterCorp(RegisterCorp),
    #[cfg(feature = "service")]
    /// `batch_job_result`: an async contact job finished.
    BatchJobResult {
        /// The envelope.
        source: Source,
        /// The job.
        job: BatchJob,
    },
    #[cfg(feature = "service")]
    /// `InfoType=open_order`.
    OpenOrder(OpenOrder),
    #[cfg(feature = "service")]
    /// `InfoType=change_order`.
    ChangeOrder(ChangeOrder),
    #[cfg(feature = "service")]
    /// `InfoType=pay_for_app_success`.
    PayForAppSuccess(AppOrderNotice),
    #[cfg(feature = "service")]
    /// `InfoType=refund` (app-market order refund).
    Refund(AppOrderNotice),
    #[cfg(feature = "service")]
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
            #[cfg(feature = "service")]
            Event::CreateAuth(_) => "create_auth",
            #[cfg(feature = "service")]
            Event::ChangeAuth(_) => "change_auth",
            #[cfg(feature = "service")]
            Event::CancelAuth(_) => "cancel_auth",
            #[cfg(feature = "service")]
            Event::ResetPermanentCode(_) => "reset_permanent_code",
            #[cfg(feature = "service")]
            Event::ChangeContact { .. } => "change_contact",
            #[cfg(feature = "corpgroup")]
            Event::ShareAgentChange { .. } => "share_agent_change",
            #[cfg(feature = "corpgroup")]
            Event::ShareChainChange { .. } => "share_chain_change",
            Event::ChangeAppAdmin { .. } => "change_app_admin",
            #[cfg(feature = "external-contact")]
            Event::ChangeExternalContact { .. } => "change_external_contact",
            #[cfg(feature = "external-contact")]
            Event::ChangeExternalChat { .. } => "change_external_chat",
            #[cfg(feature = "external-contact")]
            Event::ChangeExternalTag { .. } => "change_external_tag",
            #[cfg(feature = "external-contact")]
            Event::CustomerAcquisition { .. } => "customer_acquisition",
            #[cfg(feature = "corpgroup")]
            Event::ChangeChain { .. } => "change_chain",
            #[cfg(feature = "media")]
            Event::UploadMediaJobFinish { .. } => "upload_media_job_finish",
            #[cfg(feature = "message")]
            Event::TemplateCardEvent { .. } => "template_card_event",
            #[cfg(feature = "message")]
            Event::TemplateCardMenuEvent { .. } => "template_card_menu_event",
            #[cfg(feature = "license")]
            Event::LicensePaySuccess(_) => "license_pay_success",
            #[cfg(feature = "license")]
            Event::LicenseRefund(_) => "license_refund",
            #[cfg(feature = "license")]
            Event::AutoActivate(_) => "auto_activate",
            Event::UnlicensedNotify { .. } => "unlicensed_notify",
            #[cfg(feature = "service")]
            Event::RegisterCorp(_) => "register_corp",
            #[cfg(feature = "service")]
            Event::BatchJobResult { .. } => "batch_job_result",
            #[cfg(feature = "service")]
            Event::OpenOrder(_) => "open_order",
            #[cfg(feature = "service")]
            Event::ChangeOrder(_) => "change_order",
            #[cfg(feature = "service")]
            Event::PayForAppSuccess(_) => "pay_for_app_success",
            #[cfg(feature = "service")]
            Event::Refund(_) => "refund",
            #[cfg(feature = "service")]
            Event::ChangeEdition(_) => "change_editon",
            Event::Unknown(_) => "unknown",
        }
    }

    /// The envelope, for events that exist in both envelopes.
    pub fn source(&self) -> Option<&Source> {
        match self {
            Event::ChangeAppAdmin { source } | Event::UnlicensedNotify { source } => Some(source),
            #[cfg(feature = "service")]
            Event::ChangeContact { source, .. } => Some(source),
            #[cfg(feature = "corpgroup")]
            Event::ShareAgentChange { source, .. } => Some(source),
            #[cfg(feature = "corpgroup")]
            Event::ShareChainChange { source, .. } => Some(source),
            #[cfg(feature = "external-contact")]
            Event::ChangeExternalContact { source, .. } => Some(source),
            #[cfg(feature = "external-contact")]
            Event::ChangeExternalChat { source, .. } => Some(source),
            #[cfg(feature = "external-contact")]
            Event::ChangeExternalTag { source, .. } => Some(source),
            #[cfg(feature = "external-contact")]
            Event::CustomerAcquisition { source, .. } => Some(source),
            #[cfg(feature = "corpgroup")]
            Event::ChangeChain { source, .. } => Some(source),
            #[cfg(feature = "media")]
            Event::UploadMediaJobFinish { source, .. } => Some(source),
            #[cfg(feature = "message")]
            Event::TemplateCardEvent { source, .. } | Event::TemplateCardMenuEvent { source, .. } => {
                Some(source)
            }
            #[cfg(feature = "service")]
            Event::BatchJobResult { source, .. } => Some(source),
            _ => None,
        }
    }

    /// The customer corp the event concerns, when it names one:
    /// `AuthCorpId`, `PaidCorpId`, or `ToUserName` for app callbacks.
    pub fn corp_id(&self) -> Option<&str> {
        match self {
            #[cfg(feature = "service")]
            Event::ChangeAuth(e) => Some(&e.auth_corp_id),
            #[cfg(feature = "service")]
            Event::CancelAuth(e) => Some(&e.auth_corp_id),
            #[cfg(feature = "service")]
            Event::ResetPermanentCode(e) => e.auth_corp_id.as_deref(),
            #[cfg(feature = "license")]
            Event::LicensePaySuccess(e) => Some(&e.auth_corp_id),
            #[cfg(feature = "license")]
            Event::LicenseRefund(e) => Some(&e.auth_corp_id),
            #[cfg(feature = "license")]
            Event::AutoActivate(e) => Some(&e.auth_corp_id),
            #[cfg(feature = "service")]
            Event::RegisterCorp(e) => Some(&e.auth_corp_id),
            #[cfg(feature = "service")]
            Event::OpenOrder(e) => Some(&e.paid_corp_id),
            #[cfg(feature = "service")]
            Event::ChangeOrder(e) => Some(&e.paid_corp_id),
            #[cfg(feature = "service")]
            Event::PayForAppSuccess(e) => Some(&e.paid_corp_id),
            #[cfg(feature = "service")]
            Event::Refund(e) => Some(&e.paid_corp_id),
            #[cfg(feature = "service")]
            Event::ChangeEdition(e) => Some(&e.paid_corp_id),
            other => other.source().and_then(Source::corp_id),
        }
    }
}

impl EventSet for Event {
    fn from_document(doc: &Document<'_, '_>) -> Result<Option<Self>, EventError> {
        let root = doc.root();
        let source = || doc.source();
        let change_type = || doc.change_type();
        let event = match doc.name() {
            "suite_ticket" => Event::SuiteTicket(SuiteTicket::parse(root)?),
            #[cfg(feature = "service")]
            "create_auth" => Event::CreateAuth(service::events::create_auth(root)?),
            #[cfg(feature = "service")]
            "change_auth" => Event::ChangeAuth(service::events::change_auth(root)?),
            #[cfg(feature = "service")]
            "cancel_auth" => Event::CancelAuth(service::events::cancel_auth(root)?),
            #[cfg(feature = "service")]
            "reset_permanent_code" => Event::ResetPermanentCode(service::events::reset_permanent_code(root)?),
            #[cfg(feature = "service")]
            "register_corp" => Event::RegisterCorp(service::events::register_corp(root)?),
            #[cfg(feature = "service")]
            "batch_job_result" => Event::BatchJobResult {
                source: source()?,
                job: service::events::batch_job(root)?,
            },
            #[cfg(feature = "service")]
            "change_contact" => Event::ChangeContact {
                source: source()?,
                change: service::events::contact_change(root, &change_type()?)?,
            },
            #[cfg(feature = "corpgroup")]
            "share_agent_change" => Event::ShareAgentChange {
                source: source()?,
                shared: corpgroup::events::shared_agent(root)?,
            },
            #[cfg(feature = "corpgroup")]
            "share_chain_change" => Event::ShareChainChange {
                source: source()?,
                shared: corpgroup::events::shared_agent(root)?,
            },
            "change_app_admin" => Event::ChangeAppAdmin { source: source()? },
            #[cfg(feature = "external-contact")]
            "change_external_contact" => Event::ChangeExternalContact {
                source: source()?,
                change: external_contact::events::external_contact(root, &change_type()?)?,
            },
            #[cfg(feature = "external-contact")]
            "change_external_chat" => Event::ChangeExternalChat {
                source: source()?,
                change: external_contact::events::external_chat(root, &change_type()?)?,
            },
            #[cfg(feature = "external-contact")]
            "change_external_tag" => Event::ChangeExternalTag {
                source: source()?,
                change: external_contact::events::external_tag(root, &change_type()?)?,
            },
            #[cfg(feature = "external-contact")]
            "customer_acquisition" => Event::CustomerAcquisition {
                source: source()?,
                change: external_contact::events::customer_acquisition(root, &change_type()?)?,
            },
            #[cfg(feature = "corpgroup")]
            "change_chain" => Event::ChangeChain {
                source: source()?,
                change: corpgroup::events::chain(root, &change_type()?)?,
            },
            #[cfg(feature = "media")]
            "upload_media_job_finish" => Event::UploadMediaJobFinish {
                source: source()?,
                job: media::events::upload_media_job_finish(root)?,
            },
            #[cfg(feature = "message")]
            "template_card_event" => Event::TemplateCardEvent {
                source: source()?,
                card: message::events::template_card_event(root)?,
            },
            #[cfg(feature = "message")]
            "template_card_menu_event" => Event::TemplateCardMenuEvent {
                source: source()?,
                menu: message::events::template_card_menu_event(root)?,
            },
            #[cfg(feature = "license")]
            "license_pay_success" => Event::LicensePaySuccess(license::events::pay_success(root)?),
            #[cfg(feature = "license")]
            "license_refund" => Event::LicenseRefund(license::events::refund(root)?),
            #[cfg(feature = "license")]
            "auto_activate" => Event::AutoActivate(license::events::auto_activate(root)?),
            "unlicensed_notify" => Event::UnlicensedNotify { source: source()? },
            #[cfg(feature = "service")]
            "open_order" => Event::OpenOrder(service::events::open_order(root)?),
            #[cfg(feature = "service")]
            "change_order" => Event::ChangeOrder(service::events::change_order(root)?),
            #[cfg(feature = "service")]
            "pay_for_app_success" => Event::PayForAppSuccess(service::events::notice(root)?),
            #[cfg(feature = "service")]
            "refund" => Event::Refund(service::events::notice(root)?),
            #[cfg(feature = "service")]
            "change_editon" | "change_edition" => {
                Event::ChangeEdition(service::events::change_edition(root)?)
            }
            _ => return Ok(None),
        };
        Ok(Some(event))
    }

    fn unknown(event: UnknownEvent) -> Self {
        Event::Unknown(event)
    }

    fn suite_ticket(&self) -> Option<(&str, &str, i64)> {
        Event::suite_ticket(self)
    }
}

/// Parses a decrypted callback document into an [`Event`]. Never panics,
/// whatever the input.
///
/// # Errors
/// Only [`EventError::Malformed`], when `xml` is not a well-formed document
/// with an `<xml>` root. An unknown event, or a known one with an unexpected
/// shape, is [`Event::Unknown`] (with [`UnknownEvent::reason`] saying why).
pub fn parse_event(xml: &str) -> Result<Event, EventError> {
    wecom_core::callback::event::parse_event(xml)
}

/// Like [`parse_event`], but a known event with an unexpected shape is an
/// error instead of [`Event::Unknown`]. Useful in tests and when validating
/// samples.
///
/// # Errors
/// [`EventError::Malformed`], [`EventError::MissingField`] or
/// [`EventError::InvalidField`].
pub fn parse_event_strict(xml: &str) -> Result<Event, EventError> {
    wecom_core::callback::event::parse_event_strict(xml)
}

/// Like [`parse_event`], but never fails: a plaintext that is not a callback
/// document becomes [`Event::Unknown`] too, with the whole text.
pub fn parse_event_lenient(xml: &str) -> Event {
    wecom_core::callback::event::parse_event_lenient(xml)
}
