//! The sandbox: a stateful fake WeCom server on `127.0.0.1`.
//!
//! It serves `GET`/`POST` under `/cgi-bin/`:
//!
//! * `gettoken` — corp `access_token` for [`creds::CORPID`] / [`creds::CORP_SECRET`];
//! * `service/get_provider_token` — `provider_access_token` for
//!   [`creds::PROVIDER_CORPID`] / [`creds::PROVIDER_SECRET`];
//! * `user/get` — one corp-token API (users `zhangsan`, `lisi` of [`creds::CORPID`]);
//! * `license/*` — all 25 interface-licence APIs, backed by a state machine of
//!   orders, activation codes and members.
//!
//! Every response is JSON with `errcode` as its first key. Unknown paths get
//! HTTP 404 with `{"errcode":404,...}`. Every request is recorded before it is
//! handled (see [`Sandbox::requests`]), and faults can be injected per path
//! ([`Sandbox::inject_fault`]).
//!
//! Error codes: the documented WeCom code is used where one is known (40001,
//! 40003, 40013, 40014, 40058, 41001, 41002, 41004, 41009, 42001, 43002,
//! 47001, 60111, 701030, 701082, 701084); provider tokens answer 40082
//! (invalid) and 42009 (expired). Licence situations whose real code is not
//! known use the sandbox-only block 701901–701909 (order / code / job not
//! found, code bound or already shared, no active account, takeover already
//! has an account, job already submitted).

mod clock;
mod codes;
mod corp_api;
mod corpgroup;
mod external_contact;
pub mod creds;
mod faults;
mod ids;
mod license;
mod params;
mod record;
mod reply;
mod server;
mod service;
mod state;
mod stubs;
mod tokens;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinHandle;

pub use faults::Fault;
pub use record::RecordedRequest;

use record::relative_path;
use state::Shared;

/// A running fake WeCom server. Dropping it stops the server.
#[derive(Debug)]
pub struct Sandbox {
    shared: Arc<Shared>,
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Sandbox {
    /// Binds `127.0.0.1:0` and serves in a task on the current tokio runtime.
    ///
    /// # Panics
    /// If no loopback port can be bound.
    pub async fn start() -> Sandbox {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("sandbox: bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("sandbox: local address");
        let shared = Arc::new(Shared::new());
        let app = server::router(Arc::clone(&shared));
        let task = tokio::spawn(async move {
            if let Err(err) = axum::serve(listener, app).await {
                tracing::warn!(%err, "sandbox server stopped");
            }
        });
        Sandbox { shared, addr, task }
    }

    /// `http://127.0.0.1:PORT/cgi-bin/` (with the trailing slash).
    pub fn base_url(&self) -> String {
        format!("http://{}/cgi-bin/", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `expires_in` (seconds) for tokens issued from now on; default 7200.
    pub fn set_token_ttl(&self, secs: u64) {
        self.shared.lock().tokens.set_ttl(secs);
    }

    /// Makes both token endpoints sleep `d` before answering (to make refresh races real).
    pub fn set_token_delay(&self, d: Duration) {
        self.shared.lock().token_delay = d;
    }

    /// Every token issued so far becomes expired: 42001 (corp) / 42009 (provider).
    pub fn expire_tokens(&self) {
        self.shared.lock().tokens.expire_all();
    }

    /// Every token issued so far becomes unknown: 40014 (corp) / 40082 (provider).
    pub fn revoke_tokens(&self) {
        self.shared.lock().tokens.revoke_all();
    }

    /// How many requests `path` received, e.g. `"gettoken"` or `"license/get_order"`
    /// (relative to `/cgi-bin/`; a leading `/cgi-bin/` is ignored). Faulted requests count.
    pub fn request_count(&self, path: &str) -> usize {
        let path = relative_path(path);
        self.shared.lock().log.iter().filter(|r| r.path == path).count()
    }

    /// The requests `path` received, oldest first.
    pub fn requests(&self, path: &str) -> Vec<RecordedRequest> {
        let path = relative_path(path);
        self.shared
            .lock()
            .log
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    /// The next `times` requests to `path` get `fault` instead of normal handling
    /// (token checks included). Faults queued for the same path apply in order.
    pub fn inject_fault(&self, path: &str, fault: Fault, times: usize) {
        self.shared.lock().faults.push(relative_path(path), fault, times);
    }

    /// Answers every request to `path` with `payload` (a JSON object, sent after
    /// `"errcode":0,"errmsg":"ok"`), ahead of any built-in handling. The request
    /// must still carry one valid token of any kind (else 41001 / 40014).
    /// For endpoints the sandbox has no state for: tests then check what was
    /// sent with [`requests`](Self::requests) and that the reply decodes.
    ///
    /// # Panics
    /// If `payload` is not a JSON object.
    pub fn stub(&self, path: &str, payload: serde_json::Value) {
        let serde_json::Value::Object(map) = payload else {
            panic!("sandbox stub for {path}: the payload must be a JSON object");
        };
        self.shared.lock().stubs.set(&relative_path(path), map);
    }

    /// Moves the sandbox clock by `secs` (token expiry, licence validity, order times).
    pub fn advance_clock(&self, secs: i64) {
        self.shared.lock().clock.advance(secs);
    }

    /// The sandbox's current unix time: real time plus every [`advance_clock`](Self::advance_clock).
    pub fn now(&self) -> i64 {
        self.shared.lock().clock.now()
    }

    /// Pays an unpaid order, as WeCom's payment page would: purchase orders (and
    /// every sub-order of a multi-corp order) get their activation codes, renewal
    /// orders extend their accounts.
    ///
    /// # Errors
    /// When the order is unknown, not awaiting payment, or a multi-corp sub-order.
    pub fn pay_order(&self, order_id: &str) -> Result<(), String> {
        let mut state = self.shared.lock();
        let now = state.clock.now();
        state.license.pay_order(order_id, now)
    }

    /// Adds a customer corp with these members (or adds members to a known corp).
    pub fn add_customer_corp(&self, corpid: &str, userids: &[&str]) {
        let mut state = self.shared.lock();
        let now = state.clock.now();
        state.license.add_customer_corp(corpid, userids, now);
    }
}

impl Sandbox {
    /// The suite's newest suite_ticket ([`creds::SUITE_ID`]) and the unix
    /// time it was pushed — what the suite's callback URL received. A fresh
    /// sandbox has one, pushed when it started.
    pub fn suite_ticket(&self) -> (String, i64) {
        self.shared.lock().service.suite_ticket()
    }

    /// Pushes a new suite_ticket now (WeCom does every 10 minutes) and
    /// returns it with its push time. The previous ticket stays valid for
    /// 30 minutes; `service/get_suite_token` answers 40085 for unknown or
    /// lapsed tickets.
    pub fn rotate_suite_ticket(&self) -> (String, i64) {
        let mut state = self.shared.lock();
        let now = state.clock.now();
        state.service.rotate_suite_ticket(now)
    }

    /// What the corp admin's browser does on the authorization page: consent
    /// to install the suite in `corpid` (a corp the sandbox knows:
    /// [`creds::CUSTOMER_CORPID`], [`creds::DOWNSTREAM_CORPID`] or
    /// [`creds::CORPID`]) within the session of `pre_auth_code` (from
    /// `service/get_pre_auth_code`, valid 20 minutes, used up here). Returns
    /// the temporary auth_code (valid 10 minutes, single use) for
    /// `service/get_permanent_code`.
    ///
    /// # Errors
    /// `"errcode errmsg"` when the pre_auth_code is unknown or used (40077),
    /// expired (42007), or the corp is unknown (40013).
    pub fn authorize(&self, pre_auth_code: &str, corpid: &str) -> Result<String, String> {
        let mut state = self.shared.lock();
        let now = state.clock.now();
        state.service.authorize(pre_auth_code, corpid, now)
    }

    /// The permanent code of `corpid`'s authorization of the suite, if any.
    pub fn permanent_code(&self, corpid: &str) -> Option<String> {
        self.shared.lock().service.permanent_code(corpid)
    }

    /// The corp cancels its authorization (取消授权): its permanent code stops
    /// working (40084). Returns whether it had authorized the suite.
    pub fn cancel_authorization(&self, corpid: &str) -> bool {
        self.shared.lock().service.cancel_authorization(corpid)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod smoke_tests;
