//! Suite tickets and `service/get_suite_token`.
//!
//! WeCom pushes a new suite_ticket to the suite's callback URL every 10
//! minutes; a ticket stays valid for 30 minutes. The sandbox keeps the
//! current ticket (always valid: in real life a fresher one keeps arriving)
//! and the superseded ones, each valid for 30 minutes after it was replaced.

use serde_json::json;

use super::super::creds;
use super::super::ids::IdGen;
use super::super::params::JsonBody;
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, ApiResult, fields};
use super::super::tokens::{TokenKind, TokenStore};
use super::codes;

/// How long a superseded ticket is still accepted, seconds.
pub(crate) const TICKET_GRACE: i64 = 30 * 60;

/// The tickets of the sandbox's one suite ([`creds::SUITE_ID`]).
#[derive(Debug)]
pub(crate) struct SuiteTickets {
    /// The newest ticket and when it was pushed.
    current: (String, i64),
    /// Older tickets and when they were superseded.
    previous: Vec<(String, i64)>,
}

impl SuiteTickets {
    /// A first ticket, pushed at `now`.
    pub(crate) fn new(ids: &mut IdGen, now: i64) -> Self {
        SuiteTickets {
            current: (ticket(ids), now),
            previous: Vec::new(),
        }
    }

    /// The newest ticket and its push time.
    pub(crate) fn current(&self) -> (String, i64) {
        self.current.clone()
    }

    /// Pushes a new ticket at `now`; the old one stays valid for 30 minutes.
    pub(crate) fn rotate(&mut self, ids: &mut IdGen, now: i64) -> (String, i64) {
        let old = std::mem::replace(&mut self.current, (ticket(ids), now));
        self.previous.push((old.0, now));
        self.previous
            .retain(|(_, superseded)| now < superseded + TICKET_GRACE);
        self.current()
    }

    /// Whether WeCom would accept `ticket` at `now`.
    pub(crate) fn is_valid(&self, ticket: &str, now: i64) -> bool {
        ticket == self.current.0
            || self
                .previous
                .iter()
                .any(|(t, superseded)| t == ticket && now < superseded + TICKET_GRACE)
    }
}

fn ticket(ids: &mut IdGen) -> String {
    format!("st{}", ids.token())
}

/// `POST service/get_suite_token` with `{suite_id, suite_secret, suite_ticket}`.
pub(crate) fn get_suite_token(
    tickets: &SuiteTickets,
    tokens: &mut TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let body = JsonBody::parse(&req.body)?;
    let f = body.fields();
    let suite_id = f
        .opt_str("suite_id")?
        .ok_or_else(|| ApiError::new(codes::MISSING_SUITE_ID, "missing suite_id"))?;
    let secret = f
        .opt_str("suite_secret")?
        .ok_or_else(|| ApiError::new(codes::MISSING_SUITE_SECRET, "missing suite_secret"))?;
    let ticket = f
        .opt_str("suite_ticket")?
        .ok_or_else(|| ApiError::new(codes::MISSING_SUITE_TICKET, "missing suite_ticket"))?;
    if suite_id != creds::SUITE_ID {
        return Err(ApiError::new(
            codes::INVALID_SUITE_ID,
            format!("invalid suite_id {suite_id}"),
        ));
    }
    if secret != creds::SUITE_SECRET {
        return Err(ApiError::new(codes::INVALID_SUITE_SECRET, "invalid suite_secret"));
    }
    if !tickets.is_valid(ticket, now) {
        return Err(ApiError::new(
            codes::INVALID_SUITE_TICKET,
            "invalid suite_ticket: unknown or expired",
        ));
    }
    let (token, expires_in) = tokens.issue(TokenKind::Suite(suite_id.to_owned()), now);
    Ok(fields(
        json!({"suite_access_token": token, "expires_in": expires_in}),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn superseded_tickets_stay_valid_for_30_minutes() {
        let mut ids = IdGen::new();
        let mut tickets = SuiteTickets::new(&mut ids, 1000);
        let (first, pushed) = tickets.current();
        assert_eq!(pushed, 1000);
        assert!(
            tickets.is_valid(&first, 1_000_000),
            "the current ticket never lapses"
        );
        let (second, _) = tickets.rotate(&mut ids, 2000);
        assert_ne!(first, second);
        assert!(tickets.is_valid(&first, 2000 + TICKET_GRACE - 1));
        assert!(!tickets.is_valid(&first, 2000 + TICKET_GRACE));
        assert!(tickets.is_valid(&second, 2000 + TICKET_GRACE));
        assert!(!tickets.is_valid("nope", 2000));
    }
}
