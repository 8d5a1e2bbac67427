//! The JS-SDK side of the sandbox for tests: ticket life and issuing,
//! fetch counters, and the signature check the JS-SDK makes in the page.

use super::super::Sandbox;
use super::super::tokens::TokenIssue;

/// The JS-SDK side of a [`Sandbox`]: [`Sandbox::jssdk`].
#[derive(Debug, Clone, Copy)]
pub struct JsSdkSandbox<'a>(pub(in crate::sandbox) &'a Sandbox);

impl Sandbox {
    /// The JS-SDK tickets' helpers.
    pub fn jssdk(&self) -> JsSdkSandbox<'_> {
        JsSdkSandbox(self)
    }
}

impl JsSdkSandbox<'_> {
    /// `expires_in` (seconds) of tickets issued from now on; default 7200.
    pub fn set_ticket_ttl(&self, secs: u64) {
        self.0.shared.lock().jssdk.ttl = secs;
    }

    /// What a fetch answers while the current ticket is valid: by default
    /// the same ticket with its remaining life, as WeCom does.
    pub fn set_ticket_issue(&self, issue: TokenIssue) {
        self.0.shared.lock().jssdk.issue_mode = issue;
    }

    /// How many times the ticket of corp `corpid` (`agentid` `None`) or of
    /// its app `agentid` was fetched.
    pub fn fetch_count(&self, corpid: &str, agentid: Option<i64>) -> usize {
        self.0.shared.lock().jssdk.fetches(&(corpid.to_owned(), agentid))
    }

    /// The current, still valid ticket of the corp or app.
    pub fn current_ticket(&self, corpid: &str, agentid: Option<i64>) -> Option<String> {
        let state = self.0.shared.lock();
        state
            .jssdk
            .current(&(corpid.to_owned(), agentid), state.clock.now())
    }

    /// Every ticket issued so far expires.
    pub fn expire_tickets(&self) {
        self.0.shared.lock().jssdk.expire_all();
    }

    /// What the JS-SDK checks when the page at `url` calls `wx.config`
    /// (`agentid` `None`) or `wx.agentConfig`: that `signature` signs
    /// `url` (without its fragment), `noncestr` and `timestamp` with a
    /// still-valid ticket of that corp or app.
    pub fn verify(
        &self,
        corpid: &str,
        agentid: Option<i64>,
        url: &str,
        noncestr: &str,
        timestamp: i64,
        signature: &str,
    ) -> bool {
        let state = self.0.shared.lock();
        state.jssdk.verify(
            &(corpid.to_owned(), agentid),
            url,
            noncestr,
            timestamp,
            signature,
            state.clock.now(),
        )
    }
}
