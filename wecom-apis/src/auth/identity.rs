//! 获取访问用户身份 / 获取访问用户敏感信息: exchanging the login `code`
//! for the user's identity, and the `user_ticket` for the member's
//! sensitive fields.

use serde::{Deserialize, Deserializer, Serialize};
use wecom_core::Secret;

use crate::Result;
use crate::serde_util::int_enum;

/// The identity endpoints (corp `access_token` of the app the user logged
/// in to: a self-built app's, or an authorized corp's for a 代开发 app).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/91335>
#[crate::api]
pub trait IdentityApi {
    /// 获取访问用户身份: who the user is, from the `code` that the OAuth2
    /// authorize page ([`AuthorizeUrl`](super::AuthorizeUrl)) or the web
    /// login page ([`WebLoginUrl`](super::WebLoginUrl)) appended to the
    /// redirect. A code lasts 5 minutes and is good for **one** call
    /// (40029 otherwise). A member of the corp gets
    /// [`LoginIdentity::Member`] (with a `user_ticket` under
    /// `snsapi_privateinfo` when the member is in the app's visible range);
    /// anyone else [`LoginIdentity::NonMember`]. The redirect's domain must
    /// be the app's trusted domain exactly (50001 otherwise).
    ///
    /// The current docs name the fields `userid` / `openid`; older pages
    /// and several SDKs read `UserId` / `OpenId` / `DeviceId`: both are
    /// accepted.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91023> (the web
    /// login's 获取用户登录身份, <https://developer.work.weixin.qq.com/document/path/98176>,
    /// is the same endpoint)
    #[get("auth/getuserinfo", token = corp)]
    async fn get_user_info(&self, code: &str) -> Result<LoginIdentity>;

    /// 获取访问用户敏感信息: the member's gender, avatar, QR code, mobile,
    /// email, business mail and address, from the `user_ticket` of
    /// [`get_user_info`](Self::get_user_info) (scope `snsapi_privateinfo`,
    /// valid 1800 s). Only the fields the member authorized and the app
    /// may read are real: without consent `gender` is "0" and `avatar` a
    /// default picture, and the contact fields are empty. The member must
    /// be in the app's visible range.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95833>
    #[post("auth/getuserdetail", token = corp)]
    async fn get_user_detail(&self, user_ticket: &str) -> Result<UserDetail>;
}

/// Reply of `auth/getuserinfo`: a member of the corp, or someone else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginIdentity {
    /// A member of the corp (企业成员).
    Member(MemberIdentity),
    /// Not a member (非企业成员): a WeChat user, possibly a customer.
    NonMember(NonMemberIdentity),
}

impl LoginIdentity {
    /// The member's userid, if the user is a member.
    pub fn userid(&self) -> Option<&str> {
        match self {
            LoginIdentity::Member(m) => Some(&m.userid),
            LoginIdentity::NonMember(_) => None,
        }
    }
}

/// A member who logged in. `Debug` shows no `user_ticket`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberIdentity {
    /// The member's userid (`CorpId/userid` in 互联企业 / 上下游 scenarios).
    pub userid: String,
    /// The ticket for [`IdentityApi::get_user_detail`] (成员票据, at most 512
    /// bytes): under `snsapi_privateinfo` for a member in the app's visible
    /// range only.
    pub user_ticket: Option<Secret>,
    /// The ticket's life in seconds, when WeCom sends it (the self-built
    /// app's sample does not; the ticket lives 1800 s).
    pub expires_in: Option<u64>,
    /// The device id older replies carry (`DeviceId`).
    pub device_id: Option<String>,
}

/// A non-member who logged in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonMemberIdentity {
    /// The user's id for this corp (非企业成员的标识，对当前企业唯一).
    pub openid: String,
    /// Set when the user is a customer of the corp whose follow-up member
    /// is in the app's visible range (外部联系人id).
    pub external_userid: Option<String>,
}

/// The fields of the reply, in both spellings.
#[derive(Deserialize)]
struct RawIdentity {
    #[serde(default, alias = "UserId")]
    userid: Option<String>,
    #[serde(default, alias = "OpenId")]
    openid: Option<String>,
    #[serde(default)]
    external_userid: Option<String>,
    #[serde(default)]
    user_ticket: Option<String>,
    #[serde(default)]
    expires_in: Option<u64>,
    #[serde(default, alias = "DeviceId")]
    device_id: Option<String>,
}

impl<'de> Deserialize<'de> for LoginIdentity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let raw = RawIdentity::deserialize(deserializer)?;
        let non_empty = |s: Option<String>| s.filter(|s| !s.is_empty());
        if let Some(userid) = non_empty(raw.userid) {
            return Ok(LoginIdentity::Member(MemberIdentity {
                userid,
                user_ticket: non_empty(raw.user_ticket).map(Secret::new),
                expires_in: raw.expires_in,
                device_id: non_empty(raw.device_id),
            }));
        }
        if let Some(openid) = non_empty(raw.openid) {
            return Ok(LoginIdentity::NonMember(NonMemberIdentity {
                openid,
                external_userid: non_empty(raw.external_userid),
            }));
        }
        Err(serde::de::Error::custom(
            "the reply names neither a member (userid) nor a non-member (openid)",
        ))
    }
}

int_enum! {
    /// `gender` of a member (性别), which WeCom sends as a string (`"1"`).
    pub enum Gender {
        /// 0: not set (未定义).
        Unset = 0,
        /// 1: male (男性).
        Male = 1,
        /// 2: female (女性).
        Female = 2,
    }
}

/// Reply of `auth/getuserdetail`: the member's sensitive fields (成员敏感
///信息). Fields the member did not authorize, or the app may not read,
/// are empty, except `gender` ("0") and `avatar` (a default picture).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDetail {
    /// The member's userid.
    pub userid: String,
    /// Gender; `None` when not returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Avatar URL (头像); append `/100` etc. for a thumbnail.
    #[serde(default)]
    pub avatar: String,
    /// The member's personal QR code URL (员工个人二维码).
    #[serde(default)]
    pub qr_code: String,
    /// Mobile number (手机).
    #[serde(default)]
    pub mobile: String,
    /// Email (邮箱).
    #[serde(default)]
    pub email: String,
    /// Business mail (企业邮箱).
    #[serde(default)]
    pub biz_mail: String,
    /// Address (仅在用户同意snsapi_privateinfo授权时返回真实数据).
    #[serde(default)]
    pub address: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// <https://developer.work.weixin.qq.com/document/path/91023>, the
    /// member sample (no `expires_in`: the ticket lives 1800 s, the page
    /// says, but only the third-party `getuserinfo3rd` sample carries it).
    #[test]
    fn decodes_the_member_sample() {
        let id: LoginIdentity = serde_json::from_str(
            r#"{"errcode":0,"errmsg":"ok","userid":"USERID","user_ticket":"USER_TICKET"}"#,
        )
        .unwrap();
        let LoginIdentity::Member(m) = &id else {
            panic!("a member: {id:?}")
        };
        assert_eq!(m.userid, "USERID");
        assert_eq!(m.user_ticket.as_ref().map(Secret::expose), Some("USER_TICKET"));
        assert_eq!(m.expires_in, None);
        assert_eq!(id.userid(), Some("USERID"));
        assert!(
            !format!("{id:?}").contains("USER_TICKET"),
            "the ticket is redacted"
        );
    }

    /// The non-member sample of the same page.
    #[test]
    fn decodes_the_non_member_sample() {
        let id: LoginIdentity = serde_json::from_str(
            r#"{"errcode":0,"errmsg":"ok","openid":"OPENID","external_userid":"EXTERNAL_USERID"}"#,
        )
        .unwrap();
        assert_eq!(
            id,
            LoginIdentity::NonMember(NonMemberIdentity {
                openid: "OPENID".into(),
                external_userid: Some("EXTERNAL_USERID".into()),
            })
        );
        assert_eq!(id.userid(), None);
    }

    /// The older spelling (`UserId`, `DeviceId`, `OpenId`), as in WxJava's
    /// and several SDKs' test data.
    #[test]
    fn decodes_the_older_spelling() {
        let id: LoginIdentity =
            serde_json::from_str(r#"{"UserId":"zhangsan","DeviceId":"DEVICEID","user_ticket":""}"#).unwrap();
        let LoginIdentity::Member(m) = id else { panic!() };
        assert_eq!(
            (m.userid.as_str(), m.device_id.as_deref()),
            ("zhangsan", Some("DEVICEID"))
        );
        assert!(m.user_ticket.is_none());
        let id: LoginIdentity = serde_json::from_str(r#"{"OpenId":"o1"}"#).unwrap();
        assert!(matches!(id, LoginIdentity::NonMember(n) if n.openid == "o1" && n.external_userid.is_none()));
        let err = serde_json::from_str::<LoginIdentity>(r#"{"errcode":0}"#).unwrap_err();
        assert!(err.to_string().contains("neither"), "{err}");
    }

    /// <https://developer.work.weixin.qq.com/document/path/95833>
    #[test]
    fn decodes_the_user_detail_sample() {
        let d: UserDetail = serde_json::from_str(
            r#"{
               "errcode": 0,
               "errmsg": "ok",
               "userid":"lisi",
               "gender":"1",
               "avatar":"http://shp.qpic.cn/bizmp/xxxxxxxxxxx/0",
               "qr_code":"https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=vcfc13b01dfs78e981c",
               "mobile": "13800000000",
               "email": "zhangsan@gzdev.com",
               "biz_mail":"zhangsan@qyycs2.wecom.work",
               "address": "广州市海珠区新港中路"
            }"#,
        )
        .unwrap();
        assert_eq!(d.userid, "lisi");
        assert_eq!(d.gender, Some(Gender::Male));
        assert_eq!(d.avatar, "http://shp.qpic.cn/bizmp/xxxxxxxxxxx/0");
        assert_eq!(
            d.qr_code,
            "https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=vcfc13b01dfs78e981c"
        );
        assert_eq!(d.mobile, "13800000000");
        assert_eq!(d.email, "zhangsan@gzdev.com");
        assert_eq!(d.biz_mail, "zhangsan@qyycs2.wecom.work");
        assert_eq!(d.address, "广州市海珠区新港中路");
    }
}
