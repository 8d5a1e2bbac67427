//! 下游 (downstream) endpoints: what an upstream app does *as* one of its
//! downstream corps, with that corp's `access_token`.
//!
//! Get such a client with [`Client::downstream`](crate::Client::downstream)
//! (or [`corp_group_member`](crate::Client::corp_group_member) for 企业互联):
//! it fetches and caches the downstream token (`corpgroup/corp/gettoken`)
//! through the upstream client, and every corp-token endpoint of the SDK
//! works on it — e.g. reading a dealer's members or customers.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::upstream::{ExternalUseridToPendingIdRequest, PendingIdList};
use crate::Result;

/// The downstream token endpoint (`corpgroup/corp/gettoken`), declared once
/// by the runtime, which calls it for `Client::downstream`.
pub use wecom_core::token::{DOWNSTREAM_TOKEN_API_ENDPOINTS, DownstreamTokenApi};

/// Endpoints of the downstream side of a chain.
///
/// [`transfer_session`](Self::transfer_session) and
/// [`downstream_external_userid_to_pending_id`](Self::downstream_external_userid_to_pending_id)
/// must be called on a **downstream** client
/// ([`Client::downstream`](crate::Client::downstream)); calling them with the
/// upstream corp's own client sends the wrong token.
/// The downstream token endpoint itself is [`DownstreamTokenApi`], declared
/// by the runtime next to the source behind `Client::downstream`.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/95816>
#[crate::api]
pub trait DownStreamApi {
    /// 获取下级/下游企业小程序session: turn the upstream corp's mini-program
    /// session (the encrypted `userid` and `session_key` from
    /// `miniprogram/jscode2session`, each at most 64 bytes) into the
    /// downstream corp's: its member's userid and its session_key. Call with
    /// the downstream corp's token, whose app must be shared from the app
    /// the session belongs to. The session_key is sensitive: it is never
    /// shown in `Debug` output.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95817>
    #[post("miniprogram/transfer_session", token = corp)]
    async fn transfer_session(&self, userid: &str, session_key: &str) -> Result<TransferredSession>;

    /// external_userid查询pending_id (downstream side): the same endpoint as
    /// [`UpStreamApi::external_userid_to_pending_id`](super::UpStreamApi::external_userid_to_pending_id),
    /// called with the downstream corp's token for its own customers (at most
    /// 100). The upstream app must have called `unionid_to_pending_id`
    /// before; both corps verified or certified. Named apart so that both
    /// traits can be in scope.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97357>
    #[post("corpgroup/batch/external_userid_to_pending_id", token = corp)]
    async fn downstream_external_userid_to_pending_id(
        &self,
        #[body] query: &ExternalUseridToPendingIdRequest,
    ) -> Result<PendingIdList>;
}

/// Reply of `miniprogram/transfer_session`: the downstream corp's session.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferredSession {
    /// The member's userid in the downstream corp.
    pub userid: String,
    /// The downstream corp's session key (sensitive).
    pub session_key: String,
}

impl fmt::Debug for TransferredSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransferredSession")
            .field("userid", &self.userid)
            .field("session_key", &format_args!("<redacted>"))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_key_is_redacted() {
        let s = TransferredSession {
            userid: "alice".into(),
            session_key: "secret==".into(),
        };
        let shown = format!("{s:?}");
        assert!(shown.contains("alice") && !shown.contains("secret"), "{shown}");
    }
}
