//! 企业微信Web登录: the login page for a browser outside the WeCom client
//! (QR code, or one click when the desktop client is logged in).
//!
//! <https://developer.work.weixin.qq.com/document/path/98152>

use crate::Result;

wecom_core::string_enum! {
    /// `login_type` of the web login page (登录类型).
    pub enum LoginType {
        /// `CorpApp`: a self-built or 代开发 app; `appid` is the corpid and
        /// the `agentid` is required (企业自建应用/服务商代开发应用).
        CorpApp = "CorpApp",
        /// `ServiceApp`: a third-party app's login; `appid` is the login
        /// authorization's SuiteID (第三方登录时填登录授权 SuiteID, page 98171).
        ServiceApp = "ServiceApp",
    }
}

wecom_core::string_enum! {
    /// `lang` of the web login page.
    pub enum LoginLang {
        /// `zh`: Chinese (default).
        Zh = "zh",
        /// `en`: English.
        En = "en",
    }
}

/// The host and path of the web login page.
pub const WEB_LOGIN_ENDPOINT: &str = "https://login.work.weixin.qq.com/wwlogin/sso/login";

/// The web login URL (构造企业微信登录链接):
/// `https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp&appid=…&redirect_uri=…&state=…&agentid=…`,
/// `redirect_uri` and `state` percent-encoded. WeCom redirects to
/// `redirect_uri?code=CODE&state=STATE`; a `CorpApp` code is exchanged with
/// [`get_user_info`](super::IdentityApi::get_user_info) like an OAuth2 code
/// (获取用户登录身份, <https://developer.work.weixin.qq.com/document/path/98176>);
/// a `ServiceApp` code with `service/auth/getuserinfo3rd` on the suite
/// token (`service::AppApi::get_user_info_3rd`, with the `service` feature).
///
/// <https://developer.work.weixin.qq.com/document/path/98152>
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebLoginUrl {
    /// The login type (default [`LoginType::CorpApp`]).
    pub login_type: LoginType,
    /// The corpid for `CorpApp`; the login authorization's SuiteID for `ServiceApp`.
    pub appid: String,
    /// Where WeCom sends the user back, unencoded (a trusted domain of the app).
    pub redirect_uri: String,
    /// Handed back unchanged (CSRF protection). At most 128 bytes.
    pub state: Option<String>,
    /// The app; required for `CorpApp`.
    pub agentid: Option<i64>,
    /// The page's language.
    pub lang: Option<LoginLang>,
}

impl WebLoginUrl {
    /// The `CorpApp` login of app `agentid` of corp `corpid`.
    pub fn corp_app(corpid: impl Into<String>, agentid: i64, redirect_uri: impl Into<String>) -> Self {
        WebLoginUrl {
            login_type: LoginType::CorpApp,
            appid: corpid.into(),
            redirect_uri: redirect_uri.into(),
            state: None,
            agentid: Some(agentid),
            lang: None,
        }
    }

    /// A `ServiceApp` login for `appid`, the login authorization's SuiteID.
    pub fn service_app(appid: impl Into<String>, redirect_uri: impl Into<String>) -> Self {
        WebLoginUrl {
            login_type: LoginType::ServiceApp,
            appid: appid.into(),
            redirect_uri: redirect_uri.into(),
            state: None,
            agentid: None,
            lang: None,
        }
    }

    /// Sets `state`.
    pub fn with_state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// Sets the page's language.
    pub fn with_lang(mut self, lang: LoginLang) -> Self {
        self.lang = Some(lang);
        self
    }

    /// The URL to send the browser to.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) when `appid` is empty,
    /// `redirect_uri` is not an absolute http(s) URL, `state` is longer
    /// than 128 bytes, or a `CorpApp` login has no `agentid`.
    pub fn build(&self) -> Result<String> {
        if self.appid.is_empty() {
            return Err(crate::Error::Config("the login URL needs an appid".into()));
        }
        super::check_redirect_uri(&self.redirect_uri)?;
        if self.login_type == LoginType::CorpApp && self.agentid.is_none() {
            return Err(crate::Error::Config(
                "a CorpApp login needs the app's agentid".into(),
            ));
        }
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query
            .append_pair("login_type", self.login_type.as_str())
            .append_pair("appid", &self.appid)
            .append_pair("redirect_uri", &self.redirect_uri);
        if let Some(state) = &self.state {
            super::check_state(state)?;
            query.append_pair("state", state);
        }
        if let Some(agentid) = self.agentid {
            query.append_pair("agentid", &agentid.to_string());
        }
        if let Some(lang) = &self.lang {
            query.append_pair("lang", lang.as_str());
        }
        Ok(format!("{WEB_LOGIN_ENDPOINT}?{}", query.finish()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_url() {
        let url = WebLoginUrl::corp_app(
            "ww1234567890",
            1000002,
            "https://app.example.com/login?next=/home",
        )
        .with_state("s#1")
        .build()
        .unwrap();
        assert_eq!(
            url,
            "https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp&appid=ww1234567890\
             &redirect_uri=https%3A%2F%2Fapp.example.com%2Flogin%3Fnext%3D%2Fhome&state=s%231&agentid=1000002"
        );
        let service = WebLoginUrl::service_app("wwsuite", "https://a.example.com/")
            .with_lang(LoginLang::En)
            .build()
            .unwrap();
        assert_eq!(
            service,
            "https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=ServiceApp&appid=wwsuite\
             &redirect_uri=https%3A%2F%2Fa.example.com%2F&lang=en"
        );
    }

    #[test]
    fn a_corp_app_login_needs_its_agentid() {
        let mut url = WebLoginUrl::corp_app("ww1", 1, "https://a.example.com/");
        url.agentid = None;
        assert!(url.build().unwrap_err().to_string().contains("agentid"));
        assert!(
            WebLoginUrl::corp_app("ww1", 1, "a.example.com")
                .build()
                .unwrap_err()
                .to_string()
                .contains("not a URL")
        );
    }
}
