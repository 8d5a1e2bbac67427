//! The one event the runtime consumes itself: `InfoType=suite_ticket`.
//!
//! Source: developer.work.weixin.qq.com 90628.

use crate::secret::Secret;

use super::EventError;
use super::tree::Node;

/// `InfoType=suite_ticket`: the ticket WeCom pushes every 10 minutes (valid
/// 30 minutes; always use the newest).
///
/// The ticket is in the `SuiteTicket` element (not `SuiteTicketNotify`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuiteTicket {
    /// `SuiteId`: the suite (or 代开发 template) id.
    pub suite_id: String,
    /// `SuiteTicket`: the ticket (at most 512 bytes).
    pub ticket: Secret,
    /// `TimeStamp`: when WeCom sent it (Unix seconds).
    pub timestamp: i64,
}

impl SuiteTicket {
    /// Reads a `suite_ticket` document.
    ///
    /// # Errors
    /// [`EventError::MissingField`] or [`EventError::InvalidField`].
    pub fn parse(root: &Node<'_>) -> Result<SuiteTicket, EventError> {
        Ok(SuiteTicket {
            suite_id: root.req_nonempty(&["SuiteId"])?,
            ticket: Secret::new(root.req_nonempty(&["SuiteTicket"])?),
            timestamp: root.req_i64(&["TimeStamp"])?,
        })
    }
}
