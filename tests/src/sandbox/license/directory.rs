//! The provider's customer corps: their members and per-corp licence settings.

use std::collections::{BTreeMap, BTreeSet};

use super::super::codes;
use super::super::creds;
use super::super::reply::ApiError;

/// One customer corp.
#[derive(Clone, Debug)]
pub(crate) struct Corp {
    pub(crate) users: BTreeSet<String>,
    /// 许可自动激活状态: 0 off, 1 on.
    pub(crate) auto_active_status: i64,
    /// When the provider's app was (first) installed; starts the 90-day trial.
    pub(crate) installed_at: i64,
}

/// All customer corps, by corpid.
#[derive(Clone, Debug, Default)]
pub(crate) struct Directory {
    corps: BTreeMap<String, Corp>,
}

impl Directory {
    /// The corps of [`creds`]: the customer and its downstream corp.
    pub(crate) fn with_defaults(now: i64) -> Self {
        let mut dir = Directory::default();
        dir.add(creds::CUSTOMER_CORPID, creds::CUSTOMER_USERS, now);
        dir.add(creds::DOWNSTREAM_CORPID, creds::DOWNSTREAM_USERS, now);
        dir
    }

    /// Adds a corp, or adds members to a known one.
    pub(crate) fn add(&mut self, corpid: &str, users: &[&str], now: i64) {
        let corp = self.corps.entry(corpid.to_owned()).or_insert_with(|| Corp {
            users: BTreeSet::new(),
            auto_active_status: 0,
            installed_at: now,
        });
        corp.users.extend(users.iter().map(|u| (*u).to_owned()));
    }

    /// The corp, or `40013`.
    pub(crate) fn get(&self, corpid: &str) -> Result<&Corp, ApiError> {
        self.corps.get(corpid).ok_or_else(|| unknown_corp(corpid))
    }

    /// The corp for changing settings, or `40013`.
    pub(crate) fn get_mut(&mut self, corpid: &str) -> Result<&mut Corp, ApiError> {
        self.corps.get_mut(corpid).ok_or_else(|| unknown_corp(corpid))
    }

    /// `Ok` when `userid` is a member of `corpid` (`40013` / `40003` otherwise).
    pub(crate) fn require_user(&self, corpid: &str, userid: &str) -> Result<(), ApiError> {
        if self.get(corpid)?.users.contains(userid) {
            Ok(())
        } else {
            Err(ApiError::new(
                codes::INVALID_USERID,
                format!("invalid userid {userid} for corp {corpid}"),
            ))
        }
    }
}

fn unknown_corp(corpid: &str) -> ApiError {
    ApiError::new(
        codes::INVALID_CORPID,
        format!("invalid corpid {corpid}: not a customer of this provider"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_checks() {
        let mut dir = Directory::with_defaults(0);
        assert!(dir.require_user(creds::CUSTOMER_CORPID, "wangwu").is_ok());
        assert_eq!(
            dir.require_user(creds::DOWNSTREAM_CORPID, "wangwu")
                .unwrap_err()
                .code,
            codes::INVALID_USERID
        );
        assert_eq!(
            dir.require_user("wwnobody", "x").unwrap_err().code,
            codes::INVALID_CORPID
        );
        dir.add("wwnew", &["u1"], 5);
        dir.add("wwnew", &["u2"], 9);
        assert!(dir.require_user("wwnew", "u1").is_ok() && dir.require_user("wwnew", "u2").is_ok());
        assert_eq!(dir.get("wwnew").map(|c| c.installed_at).ok(), Some(5));
    }
}
