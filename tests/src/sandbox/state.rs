//! The sandbox's whole mutable state, kept behind one mutex, and the routing
//! of a recorded request to the component that answers it.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use super::clock::Clock;
use super::contract;
use super::corp_api;
use super::corpgroup::CorpGroupState;
use super::external_contact::{self, ExternalContactState};
use super::faults::FaultQueue;
use super::license::{self, LicenseState};
use super::record::RecordedRequest;
use super::reply::Reply;
use super::service::{self, ServiceState};
use super::stubs::Stubs;
use super::tokens::{self, TokenStore};

/// Everything the sandbox remembers.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) clock: Clock,
    pub(crate) tokens: TokenStore,
    pub(crate) token_delay: Duration,
    pub(crate) faults: FaultQueue,
    pub(crate) log: Vec<RecordedRequest>,
    pub(crate) license: LicenseState,
    pub(crate) stubs: Stubs,
    pub(crate) external_contact: ExternalContactState,
    pub(crate) service: ServiceState,
    /// 上下游: the chain, its corps, customers, import jobs and rules.
    pub(crate) corpgroup: CorpGroupState,
    /// Where callbacks are pushed, if the app configured a URL.
    pub(crate) callback: Option<super::callbacks::CallbackTarget>,
    /// What every push got back.
    pub(crate) pushes: Vec<super::callbacks::PushRecord>,
}

impl State {
    /// A fresh sandbox state.
    pub(crate) fn new() -> Self {
        let clock = Clock::default();
        let license = LicenseState::new(clock.now());
        State {
            clock,
            tokens: TokenStore::new(),
            token_delay: Duration::ZERO,
            faults: FaultQueue::default(),
            log: Vec::new(),
            license,
            stubs: Stubs::default(),
            external_contact: ExternalContactState::default(),
            corpgroup: CorpGroupState::new(),
            service: ServiceState::default(),
            callback: None,
            pushes: Vec::new(),
        }
    }

    /// Answers a request normally (no faults, no delays).
    pub(crate) fn dispatch(&mut self, req: &RecordedRequest) -> Reply {
        let now = self.clock.now();
        if let Err(err) = contract::check(req) {
            return Reply::error(&err);
        }
        if let Some(reply) = self.stubs.answer(&self.tokens, req, now) {
            return reply;
        }
        match req.path.as_str() {
            tokens::GETTOKEN => Reply::from_result(tokens::gettoken(&mut self.tokens, req, now)),
            tokens::PROVIDER_TOKEN => {
                Reply::from_result(tokens::get_provider_token(&mut self.tokens, req, now))
            }
            path if path.starts_with("corpgroup/") || path == "miniprogram/transfer_session" => {
                super::corpgroup::handle(&mut self.corpgroup, &mut self.tokens, req, now)
            }
            corp_api::USER_GET => Reply::from_result(corp_api::user_get(&self.tokens, req, now)),
            path if path.starts_with("externalcontact/") => {
                external_contact::handle(&mut self.external_contact, &self.tokens, req, now)
            }
            path if path.starts_with("service/") => {
                service::handle(&mut self.service, &mut self.tokens, req, now)
            }
            path if path.starts_with("license/") => {
                license::handle(&mut self.license, &self.tokens, req, now)
            }
            path => Reply::not_found(path),
        }
    }
}

/// The state shared between the [`Sandbox`](super::Sandbox) handle and the server task.
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<State>,
}

impl Shared {
    /// A fresh shared state.
    pub(crate) fn new() -> Self {
        Shared {
            state: Mutex::new(State::new()),
        }
    }

    /// Locks the state. Never hold the guard across an `.await`.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().expect("sandbox state mutex poisoned")
    }
}
