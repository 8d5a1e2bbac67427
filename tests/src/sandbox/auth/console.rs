//! What happens on WeCom's side of a login: a user passing the authorize
//! or login page, which gives the app a code.

use super::super::Sandbox;

/// The login side of a [`Sandbox`]: [`Sandbox::auth`].
#[derive(Debug, Clone, Copy)]
pub struct AuthSandbox<'a>(pub(in crate::sandbox) &'a Sandbox);

impl Sandbox {
    /// The login helpers: codes as the authorize / login page hands them out.
    pub fn auth(&self) -> AuthSandbox<'_> {
        AuthSandbox(self)
    }
}

impl AuthSandbox<'_> {
    /// Member `userid` of `corpid` passes the page with scope
    /// `snsapi_base` (or the web login): the code WeCom appends to the
    /// redirect. One use, 5 minutes of sandbox clock.
    ///
    /// # Errors
    /// `"errcode errmsg"`: 40013 unknown corp, 60111 not a member.
    pub fn login_code(&self, corpid: &str, userid: &str) -> Result<String, String> {
        self.member(corpid, userid, false)
    }

    /// Like [`login_code`](Self::login_code) under `snsapi_privateinfo`
    /// (the member confirmed): `auth/getuserinfo` also hands out a
    /// `user_ticket`.
    ///
    /// # Errors
    /// As [`login_code`](Self::login_code).
    pub fn private_login_code(&self, corpid: &str, userid: &str) -> Result<String, String> {
        self.member(corpid, userid, true)
    }

    /// Someone who is not a member of `corpid` passes the page: known by
    /// `openid`, and by `external_userid` when a customer of the corp.
    ///
    /// # Errors
    /// `"40013 …"` for an unknown corp.
    pub fn non_member_code(
        &self,
        corpid: &str,
        openid: &str,
        external_userid: Option<&str>,
    ) -> Result<String, String> {
        let mut state = self.0.shared.lock();
        let state = &mut *state;
        let now = state.clock.now();
        state
            .auth
            .non_member_code(&mut state.directory, corpid, openid, external_userid, now)
    }

    fn member(&self, corpid: &str, userid: &str, private: bool) -> Result<String, String> {
        let mut state = self.0.shared.lock();
        let state = &mut *state;
        let now = state.clock.now();
        state
            .auth
            .member_code(&mut state.directory, corpid, userid, private, now)
    }
}
