//! `service/*` (third-party auth) in the sandbox.
//!
//! State: the suite's tickets ([`creds::SUITE_ID`] / [`creds::SUITE_SECRET`]),
//! authorization sessions and the corps that authorized the suite. Served
//! with state: `get_suite_token`, `get_pre_auth_code`, `set_session_info`,
//! `get_permanent_code` (and `v2/`), `get_auth_info`, `get_corp_token`,
//! `get_admin_list`, `get_app_qrcode`. Other `service/*` paths answer 404
//! unless a test stubs them.
//!
//! [`creds::SUITE_ID`]: super::creds::SUITE_ID
//! [`creds::SUITE_SECRET`]: super::creds::SUITE_SECRET

mod auth;
pub(crate) mod codes;
pub(crate) mod console;
mod qrcode;
mod tickets;

use super::clock::Clock;
use super::ids::IdGen;
use super::record::RecordedRequest;
use super::reply::{ApiError, Reply};
use super::tokens::{self, TokenStore, require_suite};

use auth::Authorizations;
use tickets::SuiteTickets;

/// Everything the sandbox remembers about suites, tickets and authorizations.
#[derive(Debug)]
pub(crate) struct ServiceState {
    tickets: SuiteTickets,
    auth: Authorizations,
    ids: IdGen,
}

impl Default for ServiceState {
    /// A first suite_ticket pushed now, no authorizations.
    fn default() -> Self {
        let mut ids = IdGen::new();
        let tickets = SuiteTickets::new(&mut ids, Clock::default().now());
        ServiceState {
            tickets,
            auth: Authorizations::default(),
            ids,
        }
    }
}

impl ServiceState {
    /// The newest suite_ticket and when it was pushed.
    pub(crate) fn suite_ticket(&self) -> (String, i64) {
        self.tickets.current()
    }

    /// Pushes a new suite_ticket at `now`.
    pub(crate) fn rotate_suite_ticket(&mut self, now: i64) -> (String, i64) {
        self.tickets.rotate(&mut self.ids, now)
    }

    /// The admin's consent: an auth_code for `corpid`, or `"errcode errmsg"`.
    pub(crate) fn authorize(
        &mut self,
        pre_auth_code: &str,
        corpid: &str,
        now: i64,
    ) -> Result<String, String> {
        self.auth
            .authorize(&mut self.ids, pre_auth_code, corpid, now)
            .map_err(|e| format!("{} {}", e.code, e.msg))
    }

    /// The permanent code of `corpid`, if it authorized the suite.
    pub(crate) fn permanent_code(&self, corpid: &str) -> Option<String> {
        self.auth.permanent_code(corpid)
    }

    /// `corpid` cancels its authorization.
    pub(crate) fn cancel_authorization(&mut self, corpid: &str) -> bool {
        self.auth.cancel(corpid)
    }
}

/// Every path this module serves, relative to `/cgi-bin/` (kept beside
/// [`handle`]; a test checks that each one is handled).
pub(crate) const PATHS: &[&str] = &[
    tokens::SUITE_TOKEN,
    "service/get_admin_list",
    "service/get_app_qrcode",
    "service/get_auth_info",
    "service/get_corp_token",
    "service/get_permanent_code",
    "service/get_pre_auth_code",
    "service/set_session_info",
    "service/v2/get_permanent_code",
];

/// Answers a `service/*` request other than `service/get_provider_token`.
pub(crate) fn handle(
    state: &mut ServiceState,
    tokens: &mut TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> Reply {
    let path = req.path.as_str();
    if path == tokens::SUITE_TOKEN {
        return Reply::from_result(tickets::get_suite_token(&state.tickets, tokens, req, now));
    }
    let known = matches!(
        path,
        "service/get_pre_auth_code"
            | "service/set_session_info"
            | "service/get_permanent_code"
            | "service/v2/get_permanent_code"
            | "service/get_auth_info"
            | "service/get_corp_token"
            | "service/get_admin_list"
            | "service/get_app_qrcode"
    );
    if !known {
        return Reply::not_found(path);
    }
    let suite = match require_suite(tokens, &req.query, now) {
        Ok(suite) => suite,
        Err(err) => return Reply::error(&err),
    };
    let result = match path {
        "service/get_pre_auth_code" => auth::get_pre_auth_code(&mut state.auth, &mut state.ids, now),
        "service/set_session_info" => auth::set_session_info(&mut state.auth, req, now),
        "service/get_permanent_code" => {
            auth::get_permanent_code(&mut state.auth, &mut state.ids, tokens, req, now, false)
        }
        "service/v2/get_permanent_code" => {
            auth::get_permanent_code(&mut state.auth, &mut state.ids, tokens, req, now, true)
        }
        "service/get_auth_info" => auth::get_auth_info(&state.auth, req),
        "service/get_corp_token" => auth::get_corp_token(&state.auth, tokens, req, now),
        "service/get_admin_list" => auth::get_admin_list(&state.auth, req),
        _ => return qrcode::get_app_qrcode(&suite, req).unwrap_or_else(|e: ApiError| Reply::error(&e)),
    };
    Reply::from_result(result)
}
