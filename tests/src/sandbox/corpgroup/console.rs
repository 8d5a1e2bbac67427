//! What happens outside the API in the upstream/downstream flow: fans becoming customers, mini-program logins, pending corps joining.

use super::super::Sandbox;

/// The upstream/downstream side of a [`Sandbox`]: [`Sandbox::corpgroup`].
#[derive(Debug, Clone, Copy)]
pub struct CorpGroupSandbox<'a>(pub(in crate::sandbox) &'a Sandbox);

impl Sandbox {
    /// The chain's helpers: downstream customers, mini-program logins, joining corps.
    pub fn corpgroup(&self) -> CorpGroupSandbox<'_> {
        CorpGroupSandbox(self)
    }
}

impl CorpGroupSandbox<'_> {
    /// A WeChat user (a fan of the brand's mini program, known by `unionid`
    /// and `openid`) becomes a customer of downstream corp `corpid` — a
    /// joined corp of a chain: [`crate::creds::DOWNSTREAM_CORPID`] or
    /// `wwdownstream0002` in the chain `Chsandbox0000001` of
    /// [`crate::creds::CORPID`], whose shared app is agentid 1000005. Returns the
    /// customer's external_userid in that corp (the same one if it already
    /// was a customer); `corpgroup/unionid_to_external_userid` and
    /// `corpgroup/batch/external_userid_to_pending_id` then know it.
    ///
    /// # Errors
    /// `"errcode errmsg"`: 40013 when `corpid` has not joined a chain, 40058
    /// when `openid` belongs to another unionid.
    pub fn add_downstream_customer(
        &self,
        corpid: &str,
        unionid: &str,
        openid: &str,
    ) -> Result<String, String> {
        self.0
            .shared
            .lock()
            .corpgroup
            .add_customer(corpid, unionid, openid)
    }

    /// What the upstream corp's mini program gets from
    /// `miniprogram/jscode2session` when member `userid` of downstream corp
    /// `corpid` logs in: `(encrypted userid, session_key)`, the input of
    /// `miniprogram/transfer_session` (called with that corp's token).
    /// Members: `alice bob` of [`crate::creds::DOWNSTREAM_CORPID`], `carol dave`
    /// of `wwdownstream0002`.
    ///
    /// # Errors
    /// `"errcode errmsg"`: 40013 unknown corp, 60111 unknown member.
    pub fn miniprogram_login(&self, corpid: &str, userid: &str) -> Result<(String, String), String> {
        self.0.shared.lock().corpgroup.login(corpid, userid)
    }

    /// A pending corp of a chain (`wppending0000001`, or one added by
    /// `corpgroup/import_chain_contact`) accepts its invitation: it gets a
    /// corpid (returned), the chain's app is shared with it, and its imported
    /// contacts become members `contact1`, `contact2`, … with their
    /// `user_custom_id`s.
    ///
    /// # Errors
    /// `"40058 …"` when there is no pending corp with that id.
    pub fn join_chain(&self, pending_corpid: &str) -> Result<String, String> {
        self.0.shared.lock().corpgroup.join(pending_corpid)
    }
}
