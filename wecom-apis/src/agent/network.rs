//! 网络 — 获取企业微信回调IP段 / 获取企业微信接口IP段: WeCom's address
//! ranges, for firewalls (callbacks come from the first; API calls go to
//! the second).

use serde::{Deserialize, Serialize};

use crate::Result;

/// The IP range endpoints (any corp `access_token`).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/92520>
#[crate::api]
pub trait NetworkApi {
    /// 获取企业微信回调IP段: where WeCom's callbacks come from. Needs an app
    /// with a callback URL configured; the list changes without notice, so
    /// fetch it now and then.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92521>
    #[get("getcallbackip", token = corp)]
    async fn get_callback_ip(&self) -> Result<IpList>;

    /// 获取企业微信接口IP段: the addresses of the API domain
    /// (qyapi.weixin.qq.com), for outgoing firewall rules. The list changes
    /// without notice; fetch it now and then.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92520>
    #[get("get_api_domain_ip", token = corp)]
    async fn get_api_domain_ip(&self) -> Result<IpList>;
}

/// Reply of `getcallbackip` and `get_api_domain_ip`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpList {
    /// Addresses and ranges (`1.2.3.4`, `101.226.103.*`, `1.2.3.0/24`).
    #[serde(default)]
    pub ip_list: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The samples of <https://developer.work.weixin.qq.com/document/path/92521>
    /// and <https://developer.work.weixin.qq.com/document/path/92520>.
    #[test]
    fn decodes_the_ip_samples() {
        let cb: IpList =
            serde_json::from_str(r#"{"ip_list":["1.2.3.4","2.3.3.3"],"errcode":0,"errmsg":"ok"}"#).unwrap();
        assert_eq!(cb.ip_list, ["1.2.3.4", "2.3.3.3"]);
        let api: IpList = serde_json::from_str(
            r#"{"ip_list":["182.254.11.176","182.254.78.66"],"errcode":0,"errmsg":"ok"}"#,
        )
        .unwrap();
        assert_eq!(api.ip_list, ["182.254.11.176", "182.254.78.66"]);
    }
}
