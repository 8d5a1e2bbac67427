//! 构造网页授权链接: the OAuth2 authorize URL that sends a user, inside the
//! WeCom client (or WeChat with the WeCom plugin), back to the app with a
//! `code`.
//!
//! <https://developer.work.weixin.qq.com/document/path/91022>

use crate::Result;

wecom_core::string_enum! {
    /// `scope` of the OAuth2 authorize URL (应用授权作用域).
    pub enum OAuthScope {
        /// `snsapi_base`: silent authorization; `auth/getuserinfo` gives
        /// the member's userid only (静默授权).
        Base = "snsapi_base",
        /// `snsapi_privateinfo`: the member confirms; `auth/getuserinfo`
        /// also gives a `user_ticket` for `auth/getuserdetail` (手动授权).
        /// The URL must carry the `agentid`.
        PrivateInfo = "snsapi_privateinfo",
    }
}

/// The host and path of the OAuth2 authorize page.
pub const AUTHORIZE_ENDPOINT: &str = "https://open.weixin.qq.com/connect/oauth2/authorize";

/// The OAuth2 authorize URL (构造网页授权链接):
/// `https://open.weixin.qq.com/connect/oauth2/authorize?appid=CORPID&redirect_uri=…&response_type=code&scope=…&state=…&agentid=…#wechat_redirect`,
/// parameters in the documented order, `redirect_uri` and `state`
/// percent-encoded.
///
/// `redirect_uri`'s domain must be the app's trusted domain (可信域名); the
/// code WeCom appends lasts 5 minutes and is good for one call of
/// [`get_user_info`](super::IdentityApi::get_user_info).
///
/// <https://developer.work.weixin.qq.com/document/path/91022>
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeUrl {
    /// The corpid (a third-party app puts its suite_id here).
    pub appid: String,
    /// Where WeCom sends the user back, unencoded.
    pub redirect_uri: String,
    /// The scope (default [`OAuthScope::Base`]).
    pub scope: OAuthScope,
    /// Handed back unchanged with the code: bind it to the user's session
    /// to refuse forged callbacks (CSRF). At most 128 bytes.
    pub state: Option<String>,
    /// The app; required with [`OAuthScope::PrivateInfo`].
    pub agentid: Option<i64>,
}

impl AuthorizeUrl {
    /// A silent (`snsapi_base`) authorization for corp `appid`.
    pub fn new(appid: impl Into<String>, redirect_uri: impl Into<String>) -> Self {
        AuthorizeUrl {
            appid: appid.into(),
            redirect_uri: redirect_uri.into(),
            scope: OAuthScope::Base,
            state: None,
            agentid: None,
        }
    }

    /// Sets the scope.
    pub fn with_scope(mut self, scope: OAuthScope) -> Self {
        self.scope = scope;
        self
    }

    /// Sets `state`: a-zA-Z0-9, at most 128 bytes (checked by
    /// [`build`](Self::build)).
    pub fn with_state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// Sets the app's `agentid`.
    pub fn with_agentid(mut self, agentid: i64) -> Self {
        self.agentid = Some(agentid);
        self
    }

    /// The URL to redirect the user to.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) when `appid` is empty,
    /// `redirect_uri` is not an absolute http(s) URL, `state` is longer
    /// than 128 bytes or holds anything but a-zA-Z0-9, or the scope is
    /// `snsapi_privateinfo` without an `agentid`.
    pub fn build(&self) -> Result<String> {
        if self.appid.is_empty() {
            return Err(crate::Error::Config(
                "the authorize URL needs the corpid (appid)".into(),
            ));
        }
        super::check_redirect_uri(&self.redirect_uri)?;
        if self.scope == OAuthScope::PrivateInfo && self.agentid.is_none() {
            return Err(crate::Error::Config(
                "scope snsapi_privateinfo needs the app's agentid".into(),
            ));
        }
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query
            .append_pair("appid", &self.appid)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("response_type", "code")
            .append_pair("scope", self.scope.as_str());
        if let Some(state) = &self.state {
            super::check_oauth_state(state)?;
            query.append_pair("state", state);
        }
        if let Some(agentid) = self.agentid {
            query.append_pair("agentid", &agentid.to_string());
        }
        Ok(format!("{AUTHORIZE_ENDPOINT}?{}#wechat_redirect", query.finish()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_url_with_encoded_redirect_and_state() {
        let url = AuthorizeUrl::new("ww1234567890", "https://app.example.com/cb?from=menu&x=1")
            .with_scope(OAuthScope::PrivateInfo)
            .with_state("xyz789ABC")
            .with_agentid(1000002)
            .build()
            .unwrap();
        assert_eq!(
            url,
            "https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww1234567890\
             &redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Ffrom%3Dmenu%26x%3D1\
             &response_type=code&scope=snsapi_privateinfo&state=xyz789ABC\
             &agentid=1000002#wechat_redirect"
        );
        let base = AuthorizeUrl::new("ww1", "http://a.example.com/").build().unwrap();
        assert_eq!(
            base,
            "https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww1\
             &redirect_uri=http%3A%2F%2Fa.example.com%2F&response_type=code&scope=snsapi_base#wechat_redirect"
        );
    }

    #[test]
    fn bad_input_is_a_clear_error() {
        let err = |u: AuthorizeUrl| u.build().unwrap_err().to_string();
        assert!(err(AuthorizeUrl::new("ww1", "/relative")).contains("not a URL"));
        assert!(err(AuthorizeUrl::new("ww1", "ftp://x.example.com/")).contains("http(s)"));
        assert!(err(AuthorizeUrl::new("", "https://x.example.com/")).contains("corpid"));
        assert!(
            err(AuthorizeUrl::new("ww1", "https://x.example.com/").with_scope(OAuthScope::PrivateInfo))
                .contains("agentid")
        );
        assert!(
            err(AuthorizeUrl::new("ww1", "https://x.example.com/").with_state("s".repeat(129)))
                .contains("128")
        );
        assert!(
            err(AuthorizeUrl::new("ww1", "https://x.example.com/").with_state("a b&c=d/é"))
                .contains("a-zA-Z0-9")
        );
    }

    #[test]
    fn scopes_are_their_wecom_values() {
        assert_eq!(OAuthScope::Base.as_str(), "snsapi_base");
        assert_eq!(
            OAuthScope::from_value("snsapi_privateinfo"),
            OAuthScope::PrivateInfo
        );
    }
}
