//! The sandbox's whole mutable state, kept behind one mutex, and the routing
//! of a recorded request to the component that answers it.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use super::agent::{self, AgentState};
use super::auth::{self, AuthState};
use super::clock::Clock;
use super::contacts::{self, ContactsState};
use super::contract;
use super::corpgroup::CorpGroupState;
use super::directory::Directory;
use super::external_contact::{self, ExternalContactState};
use super::faults::FaultQueue;
use super::jssdk::{self, JsSdkState};
use super::license::{self, LicenseState};
use super::media::{self, MediaState};
use super::media_store::MediaStore;
use super::message::{self, MessageState};
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
    /// Every corp's members, departments and tags (通讯录), read by the
    /// families that address members.
    pub(crate) directory: Directory,
    /// Uploaded media by `media_id`, per corp.
    pub(crate) media: MediaStore,
    /// 身份验证: outstanding login codes and user_tickets.
    pub(crate) auth: AuthState,
    /// JS-SDK tickets per corp and app.
    pub(crate) jssdk: JsSdkState,
    /// 应用管理: each corp's apps, menus and workbench.
    pub(crate) agent: AgentState,
    /// 通讯录: openids, batch jobs and exports (the directory is `directory`).
    pub(crate) contacts: ContactsState,
    /// 素材管理: `upload_by_url` jobs and JS-SDK recordings (the files are in `media`).
    pub(crate) media_api: MediaState,
    /// 消息推送: the message log, app group chats, group robots.
    pub(crate) message: MessageState,
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
            directory: Directory::default(),
            media: MediaStore::default(),
            auth: AuthState::default(),
            jssdk: JsSdkState::default(),
            agent: AgentState::default(),
            contacts: ContactsState::default(),
            media_api: MediaState::default(),
            message: MessageState::default(),
            callback: None,
            pushes: Vec::new(),
        }
    }

    /// Answers a request normally (no faults, no delays).
    pub(crate) fn dispatch(&mut self, req: &RecordedRequest) -> Reply {
        let now = self.clock.now();
        if let Err(err) = contract::check(req, &self.tokens, now) {
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
            path if auth::PATHS.contains(&path) => auth::handle(
                &mut self.auth,
                &mut self.agent,
                &self.tokens,
                &mut self.directory,
                req,
                now,
            ),
            path if jssdk::PATHS.contains(&path) => jssdk::handle(&mut self.jssdk, &self.tokens, req, now),
            path if agent::serves(path) => {
                agent::handle(&mut self.agent, &self.tokens, &mut self.directory, req, now)
            }
            path if contacts::serves(path) => contacts::handle(
                &mut self.contacts,
                &self.tokens,
                &mut self.directory,
                &self.media,
                req,
                now,
            ),
            path if path.starts_with("media/") => {
                media::handle(&mut self.media_api, &mut self.media, &self.tokens, req, now)
            }
            path if message::serves(path) => {
                let env = message::Env {
                    tokens: &self.tokens,
                    directory: &mut self.directory,
                    media: &self.media,
                    req,
                    now,
                };
                message::handle(&mut self.message, env)
            }
            path if path.starts_with("externalcontact/") => external_contact::handle(
                &mut self.external_contact,
                &self.tokens,
                &mut self.directory,
                req,
                now,
            ),
            path => {
                // The family that answers the path; each borrows only its own state.
                let family: &mut dyn Family =
                    if path.starts_with("corpgroup/") || path == "miniprogram/transfer_session" {
                        &mut self.corpgroup
                    } else if path.starts_with("service/") {
                        &mut self.service
                    } else if path.starts_with("license/") {
                        &mut self.license
                    } else {
                        return Reply::not_found(path);
                    };
                family.handle(&mut self.tokens, req, now)
            }
        }
    }
}

/// One family's state and handlers, behind the one signature every family
/// answers with (method and token parameter were checked before, from the
/// registry; the family checks whose token it is and the body).
pub(crate) trait Family: Send {
    /// Answers one request to a path of this family.
    fn handle(&mut self, tokens: &mut TokenStore, req: &RecordedRequest, now: i64) -> Reply;
}

impl Family for LicenseState {
    fn handle(&mut self, tokens: &mut TokenStore, req: &RecordedRequest, now: i64) -> Reply {
        license::handle(self, tokens, req, now)
    }
}

impl Family for CorpGroupState {
    fn handle(&mut self, tokens: &mut TokenStore, req: &RecordedRequest, now: i64) -> Reply {
        super::corpgroup::handle(self, tokens, req, now)
    }
}

impl Family for ServiceState {
    fn handle(&mut self, tokens: &mut TokenStore, req: &RecordedRequest, now: i64) -> Reply {
        service::handle(self, tokens, req, now)
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
