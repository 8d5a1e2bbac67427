//! What happens outside the API in the service-provider flow: suite tickets pushed, a corp admin consenting, an authorization cancelled.

use super::super::{Sandbox, callbacks, creds};

/// The service-provider side of a [`Sandbox`]: [`Sandbox::service`].
#[derive(Debug, Clone, Copy)]
pub struct ServiceSandbox<'a>(pub(in crate::sandbox) &'a Sandbox);

impl Sandbox {
    /// The service-provider flow's helpers: suite tickets, the admin's consent, cancellations.
    pub fn service(&self) -> ServiceSandbox<'_> {
        ServiceSandbox(self)
    }
}

impl ServiceSandbox<'_> {
    /// The suite's newest suite_ticket ([`creds::SUITE_ID`]) and the unix
    /// time it was pushed — what the suite's callback URL received. A fresh
    /// sandbox has one, pushed when it started.
    pub fn suite_ticket(&self) -> (String, i64) {
        self.0.shared.lock().service.suite_ticket()
    }

    /// Pushes a new suite_ticket now (WeCom does every 10 minutes) and
    /// returns it with its push time. The previous ticket stays valid for
    /// 30 minutes; `service/get_suite_token` answers 40085 for unknown or
    /// lapsed tickets.
    pub fn rotate_suite_ticket(&self) -> (String, i64) {
        let mut state = self.0.shared.lock();
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
    ///
    /// With a callback URL set, the `create_auth` event carrying the
    /// auth_code is pushed in the background too.
    pub fn authorize(&self, pre_auth_code: &str, corpid: &str) -> Result<String, String> {
        let (auth_code, now) = {
            let mut state = self.0.shared.lock();
            let now = state.clock.now();
            (state.service.authorize(pre_auth_code, corpid, now)?, now)
        };
        let xml = callbacks::create_auth_xml(creds::SUITE_ID, &auth_code, now);
        self.0
            .push_in_background("create_auth", xml, creds::SUITE_ID.to_owned(), now);
        Ok(auth_code)
    }

    /// The permanent code of `corpid`'s authorization of the suite, if any.
    pub fn permanent_code(&self, corpid: &str) -> Option<String> {
        self.0.shared.lock().service.permanent_code(corpid)
    }

    /// The corp cancels its authorization (取消授权): its permanent code stops
    /// working (40084). Returns whether it had authorized the suite.
    pub fn cancel_authorization(&self, corpid: &str) -> bool {
        self.0.shared.lock().service.cancel_authorization(corpid)
    }
}
