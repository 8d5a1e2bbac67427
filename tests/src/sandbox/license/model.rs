//! The licence domain: orders, activation codes, and how they render as JSON.

use serde_json::{Map, Value, json};

use super::super::clock::DAY;
use super::super::params::Fields;
use super::super::reply::ApiError;

/// Longest purchasable (and stackable) validity: 60 months of 31 days.
pub(crate) const MAX_DURATION_DAYS: i64 = 60 * 31;
/// Shortest purchasable validity: one month of 31 days.
pub(crate) const MIN_DURATION_DAYS: i64 = 31;
/// Most accounts of one type in one order.
pub(crate) const MAX_ACCOUNTS: i64 = 1_000_000;
/// Sandbox price of one base account for 31 days, in fen.
pub(crate) const BASE_PRICE: i64 = 400;
/// Sandbox price of one external-contact account for 31 days, in fen.
pub(crate) const EXTERNAL_PRICE: i64 = 500;

/// `order_status` values (get_order, path 95648).
pub(crate) mod order_status {
    /// 待支付.
    pub(crate) const UNPAID: i64 = 0;
    /// 已支付.
    pub(crate) const PAID: i64 = 1;
    /// 已取消.
    pub(crate) const CANCELLED: i64 = 2;
}

/// `order_type` values (get_order path 95648, get_union_order path 98893).
pub(crate) mod order_type {
    /// 购买账号.
    pub(crate) const NEW: i64 = 1;
    /// 续期账号.
    pub(crate) const RENEW: i64 = 2;
    /// 多企业新购订单.
    pub(crate) const UNION: i64 = 8;
}

/// Activation-code `status` values (get_active_info_by_code, path 97189).
pub(crate) mod code_status {
    /// 未绑定.
    pub(crate) const UNBOUND: i64 = 1;
    /// 已绑定且有效.
    pub(crate) const ACTIVE: i64 = 2;
    /// 已过期.
    pub(crate) const EXPIRED: i64 = 3;
    /// 已合并.
    pub(crate) const MERGED: i64 = 5;
    /// 已分配给下游.
    pub(crate) const SHARED_DOWNSTREAM: i64 = 6;
}

/// Account type: 1 base, 2 external contact (互通).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum AccountType {
    /// 基础账号.
    Base,
    /// 互通账号.
    External,
}

impl AccountType {
    /// Parses the wire value.
    pub(crate) fn from_wire(value: i64) -> Option<Self> {
        match value {
            1 => Some(AccountType::Base),
            2 => Some(AccountType::External),
            _ => None,
        }
    }

    /// The wire value.
    pub(crate) fn wire(self) -> i64 {
        match self {
            AccountType::Base => 1,
            AccountType::External => 2,
        }
    }
}

/// `account_count{base_count, external_contact_count}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct AccountCount {
    pub(crate) base: i64,
    pub(crate) external: i64,
}

impl AccountCount {
    /// Parses and validates a purchase count (at least one type > 0).
    pub(crate) fn parse(f: Fields<'_>) -> Result<Self, ApiError> {
        let count = AccountCount {
            base: f.non_negative("base_count", 0)?,
            external: f.non_negative("external_contact_count", 0)?,
        };
        if count.base == 0 && count.external == 0 {
            return Err(ApiError::invalid(
                "base_count and external_contact_count cannot both be 0",
            ));
        }
        if count.base > MAX_ACCOUNTS || count.external > MAX_ACCOUNTS {
            return Err(ApiError::invalid(format!(
                "at most {MAX_ACCOUNTS} accounts of a type per order"
            )));
        }
        Ok(count)
    }

    /// Wire form.
    pub(crate) fn to_json(self) -> Value {
        json!({"base_count": self.base, "external_contact_count": self.external})
    }
}

/// `account_duration{months, days, new_expire_time}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct AccountDuration {
    pub(crate) months: i64,
    pub(crate) days: i64,
    /// Renewals only: renew up to this unix time instead of by months/days.
    pub(crate) new_expire_time: Option<i64>,
}

impl AccountDuration {
    /// Parses a purchase duration: `months*31 + days` within 31..=1860 days.
    pub(crate) fn parse(f: Fields<'_>) -> Result<Self, ApiError> {
        let duration = AccountDuration {
            months: f.non_negative("months", 0)?,
            days: f.non_negative("days", 0)?,
            new_expire_time: None,
        };
        duration.validate_span()?;
        Ok(duration)
    }

    /// Parses a renewal duration: either months/days as for a purchase, or a
    /// `new_expire_time` in the future.
    pub(crate) fn parse_renewal(f: Fields<'_>, now: i64) -> Result<Self, ApiError> {
        let months = f.non_negative("months", 0)?;
        let days = f.non_negative("days", 0)?;
        match f.opt_int("new_expire_time")? {
            Some(t) if t <= now => Err(ApiError::invalid("new_expire_time must be in the future")),
            Some(t) => Ok(AccountDuration {
                months,
                days,
                new_expire_time: Some(t),
            }),
            None => {
                let duration = AccountDuration {
                    months,
                    days,
                    new_expire_time: None,
                };
                duration.validate_span()?;
                Ok(duration)
            }
        }
    }

    fn validate_span(&self) -> Result<(), ApiError> {
        let total = self.total_days();
        if !(MIN_DURATION_DAYS..=MAX_DURATION_DAYS).contains(&total) {
            return Err(ApiError::invalid(format!(
                "account_duration is {total} days; it must be between {MIN_DURATION_DAYS} and {MAX_DURATION_DAYS} (months count 31 days)"
            )));
        }
        Ok(())
    }

    /// `months*31 + days`.
    pub(crate) fn total_days(&self) -> i64 {
        self.months.saturating_mul(31).saturating_add(self.days)
    }

    /// The validity this duration grants, in seconds.
    pub(crate) fn seconds(&self) -> i64 {
        self.total_days().saturating_mul(DAY)
    }

    /// Wire form (`new_expire_time` only when set).
    pub(crate) fn to_json(self) -> Value {
        let mut v = json!({"months": self.months, "days": self.days});
        if let (Some(t), Value::Object(map)) = (self.new_expire_time, &mut v) {
            map.insert("new_expire_time".into(), t.into());
        }
        v
    }
}

/// The sandbox's price for `count` accounts over `duration`, in fen.
pub(crate) fn price(count: AccountCount, duration: AccountDuration) -> i64 {
    let per_month = count
        .base
        .saturating_mul(BASE_PRICE)
        .saturating_add(count.external.saturating_mul(EXTERNAL_PRICE));
    per_month.saturating_mul(duration.total_days()) / 31
}

/// An order of any type.
#[derive(Clone, Debug)]
pub(crate) struct Order {
    pub(crate) id: String,
    pub(crate) order_type: i64,
    pub(crate) status: i64,
    /// Customer corp; `None` for a multi-corp parent order.
    pub(crate) corpid: Option<String>,
    pub(crate) price: i64,
    pub(crate) count: AccountCount,
    pub(crate) duration: AccountDuration,
    pub(crate) create_time: i64,
    pub(crate) pay_time: i64,
    /// Codes generated on payment (new-purchase orders and sub-orders).
    pub(crate) codes: Vec<String>,
    /// Accounts renewed by a renewal order.
    pub(crate) renew_accounts: Vec<(String, AccountType)>,
    /// Sub-orders of a multi-corp parent order.
    pub(crate) sub_orders: Vec<String>,
    /// The parent of a multi-corp sub-order.
    pub(crate) parent: Option<String>,
    /// Sub-orders: the `auto_active_status` bought with them.
    pub(crate) auto_active_status: i64,
    /// Who placed the order (`buyer_userid`), for the payment callback.
    pub(crate) buyer_userid: String,
}

impl Order {
    /// 701084 unless the order still awaits payment (cancel and pay need that).
    pub(crate) fn ensure_unpaid(&self) -> Result<(), ApiError> {
        if self.status == order_status::UNPAID {
            return Ok(());
        }
        Err(ApiError::new(
            super::super::codes::ORDER_NOT_PENDING,
            format!(
                "order {} is not awaiting payment (order_status {})",
                self.id, self.status
            ),
        ))
    }

    /// A fresh unpaid order.
    pub(crate) fn new(id: String, order_type: i64, corpid: Option<String>, now: i64) -> Self {
        Order {
            id,
            order_type,
            status: order_status::UNPAID,
            corpid,
            price: 0,
            count: AccountCount::default(),
            duration: AccountDuration::default(),
            create_time: now,
            pay_time: 0,
            codes: Vec::new(),
            renew_accounts: Vec::new(),
            sub_orders: Vec::new(),
            parent: None,
            auto_active_status: 0,
            buyer_userid: String::new(),
        }
    }

    /// Whether this is the parent of a multi-corp order.
    pub(crate) fn is_union(&self) -> bool {
        self.order_type == order_type::UNION
    }

    /// The `order` object of get_order.
    pub(crate) fn detail_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("order_id".into(), self.id.clone().into());
        map.insert("order_type".into(), self.order_type.into());
        map.insert("order_status".into(), self.status.into());
        if let Some(corpid) = &self.corpid {
            map.insert("corpid".into(), corpid.clone().into());
        }
        map.insert("price".into(), self.price.into());
        if !self.is_union() {
            map.insert("account_count".into(), self.count.to_json());
            map.insert("account_duration".into(), self.duration.to_json());
        }
        map.insert("create_time".into(), self.create_time.into());
        map.insert("pay_time".into(), self.pay_time.into());
        Value::Object(map)
    }
}

/// One activation code (激活码).
#[derive(Clone, Debug)]
pub(crate) struct ActiveCode {
    pub(crate) code: String,
    pub(crate) kind: AccountType,
    /// The corp that currently owns the code.
    pub(crate) corpid: String,
    pub(crate) create_time: i64,
    /// Validity granted on activation, seconds.
    pub(crate) duration: i64,
    pub(crate) userid: Option<String>,
    pub(crate) active_time: i64,
    pub(crate) expire_time: i64,
    /// Set once a newer code took over this code's user (status 5).
    pub(crate) merged_to: Option<String>,
    /// The older code this code took over.
    pub(crate) merged_from: Option<String>,
    /// The upstream corp this code was shared from.
    pub(crate) shared_from: Option<String>,
}

impl ActiveCode {
    /// A fresh unbound code.
    pub(crate) fn new(code: String, kind: AccountType, corpid: String, duration: i64, now: i64) -> Self {
        ActiveCode {
            code,
            kind,
            corpid,
            create_time: now,
            duration,
            userid: None,
            active_time: 0,
            expire_time: 0,
            merged_to: None,
            merged_from: None,
            shared_from: None,
        }
    }

    /// Whether `corpid` may look at this code (owner, or the corp it was shared from).
    pub(crate) fn visible_to(&self, corpid: &str) -> bool {
        self.corpid == corpid || self.shared_from.as_deref() == Some(corpid)
    }

    /// Bound, not merged, not expired.
    pub(crate) fn is_valid(&self, now: i64) -> bool {
        self.userid.is_some() && self.merged_to.is_none() && self.expire_time > now
    }

    /// The status as seen by `viewer`.
    pub(crate) fn status(&self, viewer: &str, now: i64) -> i64 {
        if self.merged_to.is_some() {
            code_status::MERGED
        } else if self.corpid != viewer && self.shared_from.as_deref() == Some(viewer) {
            code_status::SHARED_DOWNSTREAM
        } else if self.userid.is_none() {
            code_status::UNBOUND
        } else if self.expire_time > now {
            code_status::ACTIVE
        } else {
            code_status::EXPIRED
        }
    }

    /// The `active_info` object as seen by `viewer`.
    pub(crate) fn info_json(&self, viewer: &str, now: i64) -> Value {
        let mut map = Map::new();
        map.insert("active_code".into(), self.code.clone().into());
        map.insert("type".into(), self.kind.wire().into());
        map.insert("status".into(), self.status(viewer, now).into());
        if let Some(userid) = &self.userid {
            map.insert("userid".into(), userid.clone().into());
        }
        map.insert("create_time".into(), self.create_time.into());
        if self.userid.is_some() {
            map.insert("active_time".into(), self.active_time.into());
            map.insert("expire_time".into(), self.expire_time.into());
        }
        if self.merged_to.is_some() || self.merged_from.is_some() {
            let mut merge = Map::new();
            if let Some(to) = &self.merged_to {
                merge.insert("to_active_code".into(), to.clone().into());
            }
            if let Some(from) = &self.merged_from {
                merge.insert("from_active_code".into(), from.clone().into());
            }
            map.insert("merge_info".into(), Value::Object(merge));
        }
        if let Some(from) = &self.shared_from {
            map.insert(
                "share_info".into(),
                json!({"to_corpid": self.corpid, "from_corpid": from}),
            );
        }
        Value::Object(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_follow_the_31_day_month() {
        let d = AccountDuration {
            months: 2,
            days: 3,
            new_expire_time: None,
        };
        assert_eq!(d.total_days(), 65);
        assert_eq!(d.seconds(), 65 * DAY);
        let count = AccountCount { base: 2, external: 1 };
        assert_eq!(
            price(
                count,
                AccountDuration {
                    months: 1,
                    days: 0,
                    new_expire_time: None
                }
            ),
            1300
        );
    }

    #[test]
    fn code_status_depends_on_viewer_and_time() {
        let mut code = ActiveCode::new("C".into(), AccountType::Base, "down".into(), 31 * DAY, 0);
        code.shared_from = Some("up".into());
        assert_eq!(code.status("down", 0), code_status::UNBOUND);
        assert_eq!(code.status("up", 0), code_status::SHARED_DOWNSTREAM);
        code.userid = Some("alice".into());
        code.active_time = 10;
        code.expire_time = 10 + 31 * DAY;
        assert_eq!(code.status("down", 11), code_status::ACTIVE);
        assert_eq!(code.status("down", 10 + 31 * DAY), code_status::EXPIRED);
        code.merged_to = Some("D".into());
        assert_eq!(code.status("down", 11), code_status::MERGED);
        let info = code.info_json("down", 11);
        assert_eq!(info["merge_info"]["to_active_code"], "D");
        assert_eq!(info["share_info"]["from_corpid"], "up");
    }
}
