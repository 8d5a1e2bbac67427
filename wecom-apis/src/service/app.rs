//! App QR codes, customized-app auth URLs, login and user identity.

use serde::{Deserialize, Serialize};

use crate::serde_util::int_enum;
use crate::{Binary, Result};

/// Installing and signing in: the app's install QR code, the 代开发
/// authorization link, provider-site login (扫码登录 / 管理端单点登录) and the
/// identity of a member who opened the app (网页授权登录).
#[crate::api]
pub trait AppApi {
    /// 获取应用二维码: the install QR code of a published third-party app
    /// (not a 代开发 app), as the image WeCom returns by default.
    /// [`get_app_qrcode_url`](Self::get_app_qrcode_url) returns a URL instead.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95430>
    #[post("service/get_app_qrcode", token = suite)]
    async fn get_app_qrcode(&self, #[body] request: &AppQrcodeRequest) -> Result<Binary>;

    /// 获取应用二维码 (URL): like [`get_app_qrcode`](Self::get_app_qrcode)
    /// but asks for the image's URL (`result_type` 2, always sent).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95430>
    #[post("service/get_app_qrcode", token = suite)]
    async fn get_app_qrcode_url(&self, #[body] request: &AppQrcodeUrlRequest) -> Result<AppQrcodeUrl>;

    /// 获取带参授权链接: an authorization link for 代开发 app templates,
    /// carrying `state`, to render as a QR code.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95436>
    #[post("service/get_customized_auth_url", token = provider)]
    async fn get_customized_auth_url(
        &self,
        state: &str,
        templateid_list: &[&str],
    ) -> Result<CustomizedAuthUrl>;

    /// 获取登录用户信息: who signed in to the provider's site (扫码授权登录,
    /// or an admin arriving from the corp admin console), from the login
    /// `auth_code`. Match users by `corpid` + `userid`. The provider token
    /// travels as `access_token` on this endpoint.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91125>
    #[post("service/get_login_info", token = provider, token_param = "access_token")]
    async fn get_login_info(&self, auth_code: &str) -> Result<LoginInfo>;

    /// 获取访问用户身份: the member behind an OAuth `code` (at most 512 bytes,
    /// single use, expires after 5 minutes). Non-members come back with an
    /// `openid` only. Not for 代开发 apps.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91121>
    #[get("service/auth/getuserinfo3rd", token = suite)]
    async fn get_user_info_3rd(&self, code: &str) -> Result<UserInfo3rd>;

    /// 获取访问用户敏感信息: a member's details from the `user_ticket` of
    /// [`get_user_info_3rd`](Self::get_user_info_3rd) (scope
    /// `snsapi_privateinfo` for the real gender, avatar and QR code). The
    /// member must be in the app's visibility.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91122>
    #[post("service/auth/getuserdetail3rd", token = suite)]
    async fn get_user_detail_3rd(&self, user_ticket: &str) -> Result<UserDetail3rd>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

int_enum! {
    /// Style of the app QR code (二维码样式, `style`).
    pub enum QrcodeStyle {
        /// 0: with a description frame, for print (带说明外框, 实体物料).
        FramedPrint = 0,
        /// 1: with a description frame, for screens (带说明外框, 屏幕类).
        FramedScreen = 1,
        /// 2: no frame, small (不带说明外框, 小尺寸), WeCom's default.
        Small = 2,
        /// 3: no frame, medium (中尺寸).
        Medium = 3,
        /// 4: no frame, large (大尺寸).
        Large = 4,
    }
}

int_enum! {
    /// Role of the user who signed in (登录用户的类型, `usertype`).
    pub enum LoginUserType {
        /// 1: the corp's creator (创建者).
        Creator = 1,
        /// 2: internal system admin (内部系统管理员).
        InternalAdmin = 2,
        /// 3: external system admin (外部系统管理员).
        ExternalAdmin = 3,
        /// 4: scoped admin (分级管理员).
        ScopedAdmin = 4,
        /// 5: member (成员).
        Member = 5,
    }
}

int_enum! {
    /// The signed-in user's permission on one app (`agent[].auth_type`).
    pub enum LoginAgentAuthType {
        /// 0: may use the app (使用权限).
        Use = 0,
        /// 1: may manage the app (管理权限).
        Manage = 1,
    }
}

int_enum! {
    /// Gender (性别). WeCom sends it as a string (`"1"`) on some endpoints;
    /// both forms are accepted.
    pub enum Gender {
        /// 0: not set, or not disclosed without `snsapi_privateinfo` (未定义).
        Unknown = 0,
        /// 1: male (男性).
        Male = 1,
        /// 2: female (女性).
        Female = 2,
    }
}

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

/// Request of `get_app_qrcode` (image reply).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppQrcodeRequest {
    /// The third-party app's suite id (`ww…` / `wx…`).
    pub suite_id: String,
    /// App within a legacy multi-app suite (default 1; 新开发者请忽略).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appid: Option<i64>,
    /// Install channel, `[a-zA-Z0-9]`, at most 32 bytes; comes back as
    /// `state` from `get_permanent_code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// QR code style (default: small, no frame).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style: Option<QrcodeStyle>,
}

impl AppQrcodeRequest {
    /// The QR code of `suite_id` with WeCom's defaults.
    pub fn new(suite_id: impl Into<String>) -> Self {
        AppQrcodeRequest {
            suite_id: suite_id.into(),
            ..Self::default()
        }
    }

    /// Sets `state`.
    pub fn with_state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// Sets `style`.
    pub fn with_style(mut self, style: QrcodeStyle) -> Self {
        self.style = Some(style);
        self
    }

    /// Sets `appid` (legacy multi-app suites).
    pub fn with_appid(mut self, appid: i64) -> Self {
        self.appid = Some(appid);
        self
    }

    /// The same request, asking for a URL (`result_type` 2).
    pub fn url(self) -> AppQrcodeUrlRequest {
        AppQrcodeUrlRequest::from(self)
    }
}

/// Request of `get_app_qrcode_url`: an [`AppQrcodeRequest`] that always
/// sends `"result_type": 2` (二维码图片url).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AppQrcodeUrlRequest {
    /// The QR code wanted.
    #[serde(flatten)]
    pub qrcode: AppQrcodeRequest,
    /// Always 2 (URL); WeCom's default 1 is the image buffer.
    result_type: UrlResultType,
}

/// `result_type` 2, the only value an [`AppQrcodeUrlRequest`] sends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct UrlResultType;

impl Serialize for UrlResultType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_u8(2)
    }
}

impl AppQrcodeUrlRequest {
    /// The QR code URL of `suite_id` with WeCom's defaults.
    pub fn new(suite_id: impl Into<String>) -> Self {
        AppQrcodeRequest::new(suite_id).url()
    }
}

impl From<AppQrcodeRequest> for AppQrcodeUrlRequest {
    fn from(qrcode: AppQrcodeRequest) -> Self {
        AppQrcodeUrlRequest {
            qrcode,
            result_type: UrlResultType,
        }
    }
}

// ---------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------

/// Reply of `get_app_qrcode_url`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppQrcodeUrl {
    /// URL of the QR code image.
    pub qrcode: String,
}

/// Reply of `get_customized_auth_url`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomizedAuthUrl {
    /// The authorization URL, to render as a QR code.
    pub qrcode_url: String,
    /// Validity in seconds.
    #[serde(default)]
    pub expires_in: u64,
}

/// `user_info` of `get_login_info`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginUser {
    /// The user's userid (for third parties, per the ID upgrade rules).
    #[serde(default)]
    pub userid: String,
    /// The user's open_userid.
    #[serde(default)]
    pub open_userid: String,
    /// Name (may be the userid for third parties).
    #[serde(default)]
    pub name: String,
    /// Avatar URL.
    #[serde(default)]
    pub avatar: String,
}

/// `corp_info` of `get_login_info`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginCorp {
    /// The user's corp.
    #[serde(default)]
    pub corpid: String,
}

/// One app the signed-in admin can use (`agent[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginAgent {
    /// The app's agentid.
    #[serde(default)]
    pub agentid: i64,
    /// Use or manage.
    #[serde(default)]
    pub auth_type: LoginAgentAuthType,
}

/// One department the signed-in admin manages (`auth_info.department[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginDepartment {
    /// Department id.
    #[serde(default)]
    pub id: i64,
    /// Whether the admin may write to it.
    #[serde(default, with = "crate::serde_util::flag")]
    pub writable: bool,
}

/// `auth_info` of `get_login_info` (for scoped admins).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginAuthInfo {
    /// The departments the admin manages.
    #[serde(default)]
    pub department: Vec<LoginDepartment>,
}

/// Reply of `get_login_info`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginInfo {
    /// The user's role.
    #[serde(default)]
    pub usertype: LoginUserType,
    /// Who signed in.
    #[serde(default)]
    pub user_info: LoginUser,
    /// Their corp.
    #[serde(default)]
    pub corp_info: LoginCorp,
    /// The provider's apps the user may use or manage.
    #[serde(default)]
    pub agent: Vec<LoginAgent>,
    /// Departments managed (scoped admins).
    #[serde(default)]
    pub auth_info: LoginAuthInfo,
}

/// Reply of `service/auth/getuserinfo3rd`: a member (`corpid`, `userid`,
/// …) or, for someone outside every corp, only `openid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInfo3rd {
    /// The member's corp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpid: Option<String>,
    /// The member's userid (encrypted when the corp has not authorized the app).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// For [`get_user_detail_3rd`](AppApi::get_user_detail_3rd); only with
    /// scope `snsapi_userinfo`/`snsapi_privateinfo` and the member in the
    /// app's visibility. At most 512 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_ticket: Option<String>,
    /// Validity of `user_ticket` in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
    /// The member's open_userid (same across the provider's apps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_userid: Option<String>,
    /// Someone who belongs to no corp: an id unique to this provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openid: Option<String>,
}

/// Reply of `service/auth/getuserdetail3rd`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDetail3rd {
    /// The member's corp.
    #[serde(default)]
    pub corpid: String,
    /// The member's userid.
    #[serde(default)]
    pub userid: String,
    /// Name: third-party apps get the userid instead (since 2020).
    #[serde(default)]
    pub name: String,
    /// Gender; `Unknown` without `snsapi_privateinfo`.
    #[serde(default)]
    pub gender: Gender,
    /// Avatar URL (a default one without `snsapi_privateinfo`).
    #[serde(default)]
    pub avatar: String,
    /// The member's personal QR code (`snsapi_privateinfo` only).
    #[serde(default)]
    pub qr_code: String,
    /// Mobile, where the app may read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// Email, where the app may read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Business email, where the app may read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_mail: Option<String>,
    /// Address, where the app may read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qrcode_url_request_always_sends_result_type_2() {
        let json = serde_json::to_value(AppQrcodeUrlRequest::new("wwsuite")).expect("encode");
        assert_eq!(json, serde_json::json!({"suite_id": "wwsuite", "result_type": 2}));
        let json = serde_json::to_value(
            AppQrcodeRequest::new("wwsuite")
                .with_state("ch1")
                .with_style(QrcodeStyle::Large)
                .url(),
        )
        .expect("encode");
        assert_eq!(
            json,
            serde_json::json!({"suite_id": "wwsuite", "state": "ch1", "style": 4, "result_type": 2})
        );
    }

    #[test]
    fn gender_accepts_strings_and_numbers() {
        let d: UserDetail3rd = serde_json::from_str(r#"{"gender":"2"}"#).expect("decode");
        assert_eq!(d.gender, Gender::Female);
        let d: UserDetail3rd = serde_json::from_str(r#"{"gender":1}"#).expect("decode");
        assert_eq!(d.gender, Gender::Male);
    }
}
