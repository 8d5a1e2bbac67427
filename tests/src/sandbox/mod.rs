//! The sandbox: a stateful fake WeCom server on `127.0.0.1`.
//!
//! It serves `GET`/`POST` under `/cgi-bin/`:
//!
//! * `gettoken` — corp `access_token` for [`creds::CORPID`] / [`creds::CORP_SECRET`];
//! * `service/get_provider_token` — `provider_access_token` for
//!   [`creds::PROVIDER_CORPID`] / [`creds::PROVIDER_SECRET`];
//! * `service/*` — suite tokens from suite tickets, pre-auth codes,
//!   authorization ([`ServiceSandbox::authorize`]), permanent codes, authorized-corp
//!   tokens, admin lists, app QR codes;
//! * `user/*`, `department/*`, `tag/*`, `batch/*` (contacts jobs, invite),
//!   `export/*`, `corp/get_join_qrcode` — the 通讯录 family on each corp's
//!   directory, for whichever corp the token belongs to (self-built,
//!   authorized or downstream), with CSV batch jobs and encrypted exports;
//! * `license/*` — all 25 interface-licence APIs, backed by a state machine of
//!   orders, activation codes and members;
//! * `externalcontact/*` — customers, follow users, tags, contact ways and
//!   transfers for [`creds::CORPID`];
//! * `corpgroup/*` and `miniprogram/transfer_session` — a chain with groups,
//!   downstream corps, pending ids, contact imports and rules.
//! * `auth/*` — login codes ([`AuthSandbox`]) and user_tickets; JS-SDK
//!   tickets (`get_jsapi_ticket`, `ticket/get`, [`JsSdkSandbox`]); apps,
//!   menus and the workbench (`agent/*`, `menu/*`, [`AgentSandbox`]) and
//!   WeCom's IP ranges.
//! * `media/*` — uploads checked as WeCom checks them into a per-corp store
//!   of media that expire after 3 days, downloads with `Range` / 206, and
//!   uploads fetched from a loopback URL ([`MediaSandbox`]).
//! * `message/*`, `appchat/*`, `linkedcorp/message/send`, `webhook/*` — a message log, group chats and group robots ([`MessageSandbox`]).
//!
//! Every request to a path the SDK declares is first checked against its
//! declaration in the registry (`wecom_apis::endpoints()`): a POST endpoint
//! refuses other methods (43002), and the token parameter it takes must be
//! there (41001 / 41022) and hold a valid token of the declared kind
//! (40014 / 40082, 42001 / 42009) — in one place, for every family and for
//! stubs. The family then checks what only it knows (whose token it is, the
//! body).
//! [`Sandbox::served_paths`] lists what the sandbox models; a workspace test
//! checks it against the registry.
//!
//! Every response is JSON with `errcode` as its first key. Unknown paths get
//! HTTP 404 with `{"errcode":404,...}` unless a test stubs them
//! ([`Sandbox::stub`]). Every request is recorded before it is handled (see
//! [`Sandbox::requests`]), and faults can be injected per path
//! ([`Sandbox::inject_fault`]). With a callback URL set
//! ([`Sandbox::set_callback`]) the sandbox pushes encrypted callbacks as WeCom
//! does.
//!
//! Error codes: the documented WeCom code is used where one is known (40001,
//! 40003, 40013, 40014, 40058, 41001, 41002, 41004, 41009, 42001, 43002,
//! 47001, 60111, 701030, 701082, 701084); provider tokens answer 40082
//! (invalid) and 42009 (expired). Licence situations whose real code is not
//! known use the sandbox-only block 701901–701909 (order / code / job not
//! found, code bound or already shared, no active account, takeover already
//! has an account, job already submitted).

mod agent;
mod auth;
mod callbacks;
mod clock;
mod codes;
mod contacts;
mod contract;
mod corpgroup;
pub mod creds;
mod directory;
mod external_contact;
mod faults;
mod ids;
mod jssdk;
mod license;
mod media;
mod media_store;
mod message;
mod multipart;
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

pub use agent::console::AgentSandbox;
pub use auth::console::AuthSandbox;
pub use callbacks::{PushPolicy, PushRecord};
pub use contacts::console::ContactsSandbox;
pub use corpgroup::console::CorpGroupSandbox;
pub use faults::Fault;
pub use jssdk::console::JsSdkSandbox;
pub use license::console::LicenseSandbox;
pub use media::console::MediaSandbox;
pub use message::console::{MessageSandbox, WebhookUpload};
pub use message::model::{AppChatRecord, CardUpdateRecord, Channel, ChatMessageRecord, SentMessage};
pub use record::RecordedRequest;
pub use service::console::ServiceSandbox;
pub use stubs::Stub;
pub use tokens::{ExpiredCode, TokenIssue};

use record::relative_path;
use state::Shared;

/// A running fake WeCom server. Dropping it stops the server.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use wecom_testkit::{Fault, Sandbox};
///
/// let sandbox = Sandbox::start().await; // 127.0.0.1, a free port
/// let client = sandbox.corp_client(); // aimed at it, with its corp credential
/// # let _ = &client;
///
/// // Make WeCom misbehave for the next call to a path …
/// sandbox.inject_fault("user/get", Fault::Errcode { code: -1, message: "system busy".into() }, 1);
/// // … and read what the SDK sent.
/// assert_eq!(sandbox.request_count("gettoken"), 0, "no call made yet");
/// # }
/// ```
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

    /// Every path the sandbox models (relative to `/cgi-bin/`), sorted: the
    /// endpoints it keeps state for and answers as WeCom does. Anything else
    /// answers 404 unless stubbed ([`stub_with`](Self::stub_with)).
    pub fn served_paths() -> Vec<String> {
        let mut paths: Vec<String> = [tokens::GETTOKEN, tokens::PROVIDER_TOKEN]
            .into_iter()
            .chain(corpgroup::PATHS.iter().copied())
            .chain(contacts::PATHS.iter().copied())
            .chain(service::PATHS.iter().copied())
            .chain(auth::PATHS.iter().copied())
            .chain(jssdk::PATHS.iter().copied())
            .chain(agent::PATHS.iter().copied())
            .chain(media::PATHS.iter().copied())
            .chain(message::PATHS.iter().copied())
            .map(str::to_owned)
            .chain(license::served_paths())
            .chain(external_contact::served_paths())
            .collect();
        paths.sort();
        paths
    }

    /// `expires_in` (seconds) for tokens issued from now on; default 7200.
    pub fn set_token_ttl(&self, secs: u64) {
        self.shared.lock().tokens.set_ttl(secs);
    }

    /// Makes every token endpoint (gettoken, provider, suite, authorized-corp and
    /// downstream tokens) sleep `d` before answering, to make refresh races real.
    pub fn set_token_delay(&self, d: Duration) {
        self.shared.lock().token_delay = d;
    }

    /// What a token endpoint answers while the caller's token is still
    /// valid: by default the same token with its remaining life, as WeCom does.
    pub fn set_token_issue(&self, issue: TokenIssue) {
        self.shared.lock().tokens.issue_mode = issue;
    }

    /// Which code an expired provider or suite token gets: by default 42009
    /// (corp tokens always get 42001).
    pub fn set_expired_code(&self, code: ExpiredCode) {
        self.shared.lock().tokens.expired_code = code;
    }

    /// Every token issued so far becomes expired: 42001 (corp) / 42009
    /// (provider and suite; see [`set_expired_code`](Self::set_expired_code)).
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
        assert!(
            payload.is_object(),
            "sandbox stub for {path}: the payload must be a JSON object"
        );
        self.stub_with(path, Stub::json(payload));
    }

    /// Answers every request to `path` with `stub`, ahead of any built-in
    /// handling: a JSON payload ([`Stub::json`]) or a binary body with its
    /// content type ([`Stub::binary`]), for requests with a valid token or,
    /// with [`Stub::without_token`], for `token = none` endpoints.
    ///
    /// ```no_run
    /// # async fn demo() {
    /// use wecom_testkit::{Sandbox, Stub};
    ///
    /// let sandbox = Sandbox::start().await;
    /// sandbox.stub_with("media/get", Stub::binary("image/png", b"\x89PNG...".to_vec()));
    /// sandbox.stub_with(
    ///     "webhook/send",
    ///     Stub::json(serde_json::json!({})).without_token(),
    /// );
    /// # }
    /// ```
    pub fn stub_with(&self, path: &str, stub: Stub) {
        self.shared.lock().stubs.set(&relative_path(path), stub);
    }

    /// Moves the sandbox clock by `secs` (token expiry, licence validity, order times).
    pub fn advance_clock(&self, secs: i64) {
        self.shared.lock().clock.advance(secs);
    }

    /// The sandbox's current unix time: real time plus every [`advance_clock`](Self::advance_clock).
    pub fn now(&self) -> i64 {
        self.shared.lock().clock.now()
    }
}

impl Sandbox {
    /// Where WeCom pushes callbacks: the URL and the Token and EncodingAESKey
    /// configured for it. Suite events are addressed to [`creds::SUITE_ID`],
    /// license events to [`creds::PROVIDER_CORPID`].
    ///
    /// # Errors
    /// When the EncodingAESKey does not decode to 32 bytes.
    pub fn set_callback(&self, url: &str, token: &str, encoding_aes_key: &str) -> Result<(), String> {
        let target = callbacks::CallbackTarget::new(url, token, encoding_aes_key)?;
        self.shared.lock().callback = Some(target);
        Ok(())
    }

    /// Pushes a new suite_ticket (rotating it, as WeCom does every 10
    /// minutes) to the callback URL and returns what the receiver answered.
    ///
    /// # Panics
    /// If no callback URL is set.
    pub async fn push_suite_ticket(&self) -> PushRecord {
        let (target, xml, now) = {
            let mut state = self.shared.lock();
            let now = state.clock.now();
            let (ticket, ts) = state.service.rotate_suite_ticket(now);
            let target = state.callback.clone().expect("sandbox: set_callback first");
            (
                target,
                callbacks::suite_ticket_xml(creds::SUITE_ID, &ticket, ts),
                now,
            )
        };
        let shared = Arc::clone(&self.shared);
        target
            .push("suite_ticket", &xml, creds::SUITE_ID, now, |record| {
                shared.lock().pushes.push(record);
            })
            .await
    }

    /// Encrypts and pushes any decrypted callback document `xml`, addressed to
    /// `receive_id`, to the callback URL (re-delivered as the push policy
    /// says) and returns the last delivery's record — for events the sandbox
    /// does not raise by itself, and for what WeCom may send that no event
    /// model knows.
    ///
    /// # Panics
    /// If no callback URL is set.
    pub async fn push_xml(&self, kind: &str, xml: &str, receive_id: &str) -> PushRecord {
        let (target, now) = {
            let state = self.shared.lock();
            let target = state.callback.clone().expect("sandbox: set_callback first");
            (target, state.clock.now())
        };
        let shared = Arc::clone(&self.shared);
        target
            .push(kind, xml, receive_id, now, |record| {
                shared.lock().pushes.push(record)
            })
            .await
    }

    /// How pushes are delivered: by default as WeCom does, a 5 s timeout and
    /// up to 3 re-deliveries of the identical request while the answer is
    /// not `success`. Applies to the callback URL set with
    /// [`set_callback`](Self::set_callback) (set it first).
    pub fn set_push_policy(&self, policy: PushPolicy) {
        if let Some(target) = self.shared.lock().callback.as_mut() {
            target.policy = policy;
        }
    }

    /// Every delivery of every push so far (re-deliveries included), oldest first.
    pub fn pushes(&self) -> Vec<PushRecord> {
        self.shared.lock().pushes.clone()
    }

    /// Waits (up to `limit`) until at least `count` pushes have been answered.
    pub async fn wait_for_pushes(&self, count: usize, limit: Duration) -> Vec<PushRecord> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let pushes = self.pushes();
            if pushes.len() >= count || tokio::time::Instant::now() >= deadline {
                return pushes;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    fn push_in_background(&self, kind: &'static str, xml: String, receive_id: String, now: i64) {
        let Some(target) = self.shared.lock().callback.clone() else {
            return;
        };
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let shared = Arc::clone(&self.shared);
        runtime.spawn(async move {
            target
                .push(kind, &xml, &receive_id, now, |record| {
                    shared.lock().pushes.push(record)
                })
                .await;
        });
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod smoke_tests;
