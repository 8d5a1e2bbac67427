//! The enums and value types the License (接口许可) sections share.
//!
//! Field names follow WeCom's JSON exactly (a Rust-side rename is always
//! spelled out with `#[serde(rename = "…")]`). Times are unix seconds. The
//! response types are the payload only: the `errcode`/`errmsg` envelope is
//! stripped by the runtime. Per-item `errcode`/`errmsg` inside result lists
//! are data and are kept.

use serde::{Deserialize, Serialize};

use crate::serde_util::int_enum;

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

int_enum! {
    /// Order status (订单状态), as returned by `get_order` and
    /// `get_union_order`.
    pub enum OrderStatus {
        /// 0: awaiting payment (待支付).
        Unpaid = 0,
        /// 1: paid (已支付).
        Paid = 1,
        /// 2: cancelled before payment, order closed (已取消).
        Cancelled = 2,
        /// 3: not paid in time, order expired (未支付，订单已过期).
        Expired = 3,
        /// 4: refund requested (申请退款中).
        RefundPending = 4,
        /// 5: refunded (退款成功).
        Refunded = 5,
        /// 6: refund rejected (退款被拒绝).
        RefundRejected = 6,
        /// 7: invalidated, e.g. the test corp was removed from the provider's
        /// test-corp list (订单已失效).
        Invalidated = 7,
    }
}

int_enum! {
    /// Order type (订单类型).
    pub enum OrderType {
        /// 1: purchase of new accounts (购买账号).
        NewAccounts = 1,
        /// 2: renewal of accounts (续期账号).
        Renewal = 2,
        /// 5: migration of a paid app edition (应用版本付费迁移订单).
        EditionMigration = 5,
        /// 6: migration of a historical contract (历史合同迁移订单).
        ContractMigration = 6,
        /// 8: multi-corp new purchase (多企业新购订单).
        MultiCorpPurchase = 8,
    }
}

int_enum! {
    /// Account type (账号类型).
    pub enum AccountType {
        /// 1: base account (基础账号).
        Base = 1,
        /// 2: external-contact interoperability account (互通账号).
        ExternalContact = 2,
    }
}

int_enum! {
    /// Status of an activation code (激活码状态).
    pub enum ActiveCodeStatus {
        /// 1: not bound to a member (未绑定).
        Unbound = 1,
        /// 2: bound and valid (已绑定且有效).
        Bound = 2,
        /// 3: expired (已过期).
        Expired = 3,
        /// 4: awaiting transfer: auto-activation is on and the member left or
        /// dropped out of the app's visibility (待转移).
        PendingTransfer = 4,
        /// 5: merged into a newer code that re-activated the same member; no
        /// longer usable (已合并).
        Merged = 5,
        /// 6: shared with a downstream corp (已分配给下游).
        SharedToDownstream = 6,
    }
}

int_enum! {
    /// Whether a corp's licenses are activated automatically (许可自动激活状态).
    pub enum AutoActiveStatus {
        /// 0: off (关闭).
        Off = 0,
        /// 1: on (开启).
        On = 1,
    }
}

int_enum! {
    /// Whether a member holds an active account (成员激活状态), from
    /// `get_active_info_by_user`.
    pub enum UserActiveStatus {
        /// 0: not activated (未激活).
        Inactive = 0,
        /// 1: activated (已激活).
        Active = 1,
    }
}

int_enum! {
    /// Whether WeCom enforces licenses for an app in a corp
    /// (license 检查开启状态), from `get_app_license_info`.
    pub enum LicenseStatus {
        /// 0: license check off (typically a legacy, not yet migrated
        /// authorization) (未开启).
        CheckOff = 0,
        /// 1: license check on; after the trial, members need accounts (已开启).
        CheckOn = 1,
    }
}

int_enum! {
    /// Result of a multi-corp new-purchase job (多企业新购订单创建结果).
    pub enum NewOrderJobStatus {
        /// 1: the order was created (创建完成).
        Done = 1,
        /// 2: still being created, try again later (创建中).
        Running = 2,
        /// 3: creation failed (创建失败).
        Failed = 3,
    }
}

int_enum! {
    /// Result of a balance-payment job (支付任务结果).
    pub enum PayJobStatus {
        /// 1: paid (支付成功).
        Paid = 1,
        /// 2: still running, try again later (支付任务执行中).
        Running = 2,
        /// 3: payment failed; see the failure details (支付失败).
        Failed = 3,
    }
}

int_enum! {
    /// The corp relationship activation codes are shared along
    /// (分配的场景).
    pub enum CorpLinkType {
        /// 0: upstream/downstream (上下游), the default.
        UpstreamDownstream = 0,
        /// 1: enterprise interconnection (企业互联).
        Interconnection = 1,
    }
}

int_enum! {
    /// Result of the livelihood-industry discount check (民生优惠条件查询结果).
    pub enum SupportPolicyResult {
        /// 0: the corp does not qualify (不符合减免条件).
        NotEligible = 0,
        /// 1: the corp qualifies (符合减免条件).
        Eligible = 1,
    }
}

// ---------------------------------------------------------------------------
// Shared value types
// ---------------------------------------------------------------------------

/// Number of accounts in an order (账号数).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AccountCount {
    /// Number of base accounts (基础账号个数), at most 1 000 000.
    #[serde(default)]
    pub base_count: u32,
    /// Number of external-contact accounts (互通账号个数), at most 1 000 000.
    #[serde(default)]
    pub external_contact_count: u32,
}

impl AccountCount {
    /// `base` base accounts and `external_contact` external-contact accounts.
    pub fn new(base: u32, external_contact: u32) -> Self {
        Self {
            base_count: base,
            external_contact_count: external_contact,
        }
    }

    /// Only base accounts.
    pub fn base(count: u32) -> Self {
        Self::new(count, 0)
    }

    /// Only external-contact accounts.
    pub fn external_contact(count: u32) -> Self {
        Self::new(0, count)
    }
}

/// How long purchased accounts last (账号购买时长).
///
/// New purchases give `months` and/or `days`; a renewal gives `months` or a
/// `new_expire_time`. Unset parts are left out of the JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AccountDuration {
    /// Months to buy (购买的月数); a month counts as 31 days, at most 60
    /// months (test corps: exactly 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// Extra days to buy (购买的天数).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// Renewals only: the new expiry as a unix timestamp (指定的新到期时间);
    /// must be a future day's 24:00 and at most 1860 days ahead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_expire_time: Option<i64>,
}

impl AccountDuration {
    /// A duration of `months` months.
    pub fn months(months: u32) -> Self {
        Self {
            months: Some(months),
            ..Self::default()
        }
    }

    /// A duration of `days` days.
    pub fn days(days: u32) -> Self {
        Self {
            days: Some(days),
            ..Self::default()
        }
    }

    /// Renewal up to a fixed expiry (unix seconds).
    pub fn until(new_expire_time: i64) -> Self {
        Self {
            new_expire_time: Some(new_expire_time),
            ..Self::default()
        }
    }

    /// Sets the months.
    pub fn with_months(mut self, months: u32) -> Self {
        self.months = Some(months);
        self
    }

    /// Sets the extra days.
    pub fn with_days(mut self, days: u32) -> Self {
        self.days = Some(days);
        self
    }

    /// Sets the new expiry (renewals only).
    pub fn with_new_expire_time(mut self, new_expire_time: i64) -> Self {
        self.new_expire_time = Some(new_expire_time);
        self
    }
}

/// A corp that failed inside a batch job, with WeCom's reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpError {
    /// The corp's (encrypted) corpid.
    #[serde(default)]
    pub corpid: String,
    /// Error code for this corp.
    #[serde(default)]
    pub errcode: i64,
    /// Error message for this corp.
    #[serde(default)]
    pub errmsg: String,
}
