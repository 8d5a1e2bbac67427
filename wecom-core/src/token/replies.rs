//! The replies of the token endpoints, which never show the token in
//! `Debug`, and the `business_type` of downstream tokens.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A value shown as `<redacted>` in `Debug` output.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Reply of `service/get_provider_token`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderAccessToken {
    /// 服务商的access_token, at most 512 bytes.
    pub provider_access_token: String,
    /// Validity in seconds (normally 7200).
    #[serde(default)]
    pub expires_in: u64,
}

/// Reply of `service/get_suite_token`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuiteAccessToken {
    /// 第三方应用access_token, at most 512 bytes.
    pub suite_access_token: String,
    /// Validity in seconds (normally 7200).
    #[serde(default)]
    pub expires_in: u64,
}

/// Reply of `gettoken` and `service/get_corp_token`: a corp `access_token`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpAccessToken {
    /// The corp's access_token, at most 512 bytes.
    pub access_token: String,
    /// Validity in seconds (normally 7200).
    #[serde(default)]
    pub expires_in: u64,
}

impl fmt::Debug for ProviderAccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProviderAccessToken")
            .field("provider_access_token", &Redacted)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

impl fmt::Debug for SuiteAccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SuiteAccessToken")
            .field("suite_access_token", &Redacted)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

impl fmt::Debug for CorpAccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CorpAccessToken")
            .field("access_token", &Redacted)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

crate::int_enum! {
    /// `business_type` of the corpgroup endpoints: which kind of corp group
    /// the call is about.
    pub enum BusinessType {
        /// 0: 企业互联 / 局校互联 (linked corps, education bureaus and schools).
        CorpInterconnect = 0,
        /// 1: 上下游 (upstream / downstream chain).
        UpDownStream = 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_replies_decode_and_never_show_the_token() {
        let t: SuiteAccessToken =
            serde_json::from_str(r#"{"suite_access_token":"s3cr3t","expires_in":7200}"#).expect("decode");
        assert_eq!(t.suite_access_token, "s3cr3t");
        assert_eq!(t.expires_in, 7200);
        let shown = format!("{t:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        let c: CorpAccessToken = serde_json::from_str(r#"{"access_token":"abc"}"#).expect("decode");
        assert_eq!(c.expires_in, 0);
        assert!(!format!("{c:?}").contains("abc"));
        let p: ProviderAccessToken =
            serde_json::from_str(r#"{"provider_access_token":"xyz","expires_in":10}"#).expect("decode");
        assert!(!format!("{p:?}").contains("xyz"));
    }
}
