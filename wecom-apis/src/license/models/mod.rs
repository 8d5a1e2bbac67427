//! Request and response models of the License (接口许可) family.
//!
//! Field names follow WeCom's JSON exactly (a Rust-side rename is always
//! spelled out with `#[serde(rename = "…")]`). Times are unix seconds. The
//! response types are the payload only: the `errcode`/`errmsg` envelope is
//! stripped by the runtime. Per-item `errcode`/`errmsg` inside result lists
//! are data and are kept.
//!
//! One file per section of WeCom's docs; the enums and value types they
//! share are here.

use serde::{Deserialize, Serialize};

use crate::serde_util::int_enum;

mod accounts;
mod orders;
mod pay;
mod settings;
mod union;

pub use accounts::*;
pub use orders::*;
pub use pay::*;
pub use settings::*;
pub use union::*;

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

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use std::fmt::Debug;

    /// Parses `json`, writes the value back, parses that again and checks
    /// the two values agree. Returns the first parse.
    fn round_trip<T>(json: &str) -> T
    where
        T: Serialize + DeserializeOwned + PartialEq + Debug,
    {
        let first: T = serde_json::from_str(json).expect("parse WeCom JSON");
        let written = serde_json::to_string(&first).expect("serialize");
        let second: T = serde_json::from_str(&written).expect("re-parse");
        assert_eq!(first, second, "round trip changed the value: {written}");
        first
    }

    #[test]
    fn enums_known_and_unknown() {
        assert_eq!(OrderStatus::from_code(7), OrderStatus::Invalidated);
        assert_eq!(OrderStatus::from_code(99), OrderStatus::Other(99));
        assert_eq!(OrderType::MultiCorpPurchase.code(), 8);
        assert_eq!(
            ActiveCodeStatus::from_code(6),
            ActiveCodeStatus::SharedToDownstream
        );
        assert_eq!(AutoActiveStatus::default(), AutoActiveStatus::Off);
        assert_eq!(serde_json::to_string(&AccountType::ExternalContact).unwrap(), "2");
    }

    #[test]
    fn requests_serialize_as_documented() {
        let order = NewOrder::new(
            "wwcorp",
            "buyer",
            AccountCount::new(100, 100),
            AccountDuration::months(2).with_days(20),
        );
        assert_eq!(
            serde_json::to_value(&order).unwrap(),
            serde_json::json!({
                "corpid": "wwcorp",
                "buyer_userid": "buyer",
                "account_count": {"base_count": 100, "external_contact_count": 100},
                "account_duration": {"months": 2, "days": 20}
            })
        );

        let job =
            CreateRenewOrderJobRequest::new("wwcorp", vec![RenewAccount::new("userid1", AccountType::Base)]);
        assert_eq!(
            serde_json::to_value(&job).unwrap(),
            serde_json::json!({"corpid": "wwcorp", "account_list": [{"userid": "userid1", "type": 1}]})
        );

        let submit = SubmitOrderJobRequest::new("JOBID", "buyer", AccountDuration::until(1_700_000_000));
        assert_eq!(
            serde_json::to_value(&submit).unwrap(),
            serde_json::json!({"jobid": "JOBID", "buyer_userid": "buyer", "account_duration": {"new_expire_time": 1_700_000_000}})
        );

        assert_eq!(serde_json::to_string(&ListOrderRequest::new()).unwrap(), "{}");
        let list = ListOrderRequest::new()
            .with_corpid("wwcorp")
            .with_time_range(1_500_000_000, 1_500_086_400)
            .with_limit(1000);
        assert_eq!(
            serde_json::to_value(&list).unwrap(),
            serde_json::json!({"corpid": "wwcorp", "start_time": 1_500_000_000, "end_time": 1_500_086_400, "limit": 1000})
        );

        let union = CreateNewOrderJobRequest::new(vec![
            CorpPurchase::new("CORPID", AccountCount::base(100), AccountDuration::months(2))
                .with_auto_active_status(AutoActiveStatus::On),
        ])
        .with_jobid("JOBID");
        assert_eq!(
            serde_json::to_value(&union).unwrap(),
            serde_json::json!({
                "buy_list": [{
                    "corpid": "CORPID",
                    "account_count": {"base_count": 100, "external_contact_count": 0},
                    "account_duration": {"months": 2},
                    "auto_active_status": 1
                }],
                "jobid": "JOBID"
            })
        );

        let share = BatchShareActiveCodeRequest::new("UP", "DOWN", ["code1", "code2"])
            .with_corp_link_type(CorpLinkType::Interconnection);
        assert_eq!(
            serde_json::to_value(&share).unwrap(),
            serde_json::json!({
                "from_corpid": "UP",
                "to_corpid": "DOWN",
                "share_list": [{"active_code": "code1"}, {"active_code": "code2"}],
                "corp_link_type": 1
            })
        );

        let batch = BatchActiveAccountRequest::new("wwcorp", vec![AccountActivation::new("code1", "u1")]);
        assert_eq!(
            serde_json::to_value(&batch).unwrap(),
            serde_json::json!({"corpid": "wwcorp", "active_list": [{"active_code": "code1", "userid": "u1"}]})
        );

        let transfer = BatchTransferLicenseRequest::new("wwcorp", vec![LicenseTransfer::new("a", "b")]);
        assert_eq!(
            serde_json::to_value(&transfer).unwrap(),
            serde_json::json!({"corpid": "wwcorp", "transfer_list": [{"handover_userid": "a", "takeover_userid": "b"}]})
        );

        let codes = BatchGetActiveInfoByCodeRequest::new("wwcorp", ["X", "Y"]);
        assert_eq!(
            serde_json::to_value(&codes).unwrap(),
            serde_json::json!({"corpid": "wwcorp", "active_code_list": ["X", "Y"]})
        );
    }

    #[test]
    fn created_order() {
        let r: CreatedOrder = round_trip(r#"{"errcode":0,"errmsg":"ok","order_id":"xxxx"}"#);
        assert_eq!(r.order_id, "xxxx");
    }

    #[test]
    fn renew_order_job() {
        let r: RenewOrderJob = round_trip(
            r#"{"errcode":0,"errmsg":"ok","jobid":"xxxx",
                "invalid_account_list":[{"errcode":1,"errmsg":"xxx","userid":"userid1","type":1},
                                        {"errcode":2,"errmsg":"yyy","userid":"userid2","type":9}]}"#,
        );
        assert_eq!(r.jobid, "xxxx");
        assert_eq!(r.invalid_account_list[0].account_type, AccountType::Base);
        assert_eq!(r.invalid_account_list[1].account_type, AccountType::Other(9));
        assert_eq!(r.invalid_account_list[1].errcode, 2);
    }

    #[test]
    fn order_list_has_more_int_and_bool() {
        let r: OrderList = round_trip(
            r#"{"errcode":0,"errmsg":"ok","next_cursor":"xxx","has_more":1,
                "order_list":[{"order_id":"o1","order_type":1},{"order_id":"o2","order_type":42}]}"#,
        );
        assert!(r.has_more);
        assert_eq!(r.next_cursor, "xxx");
        assert_eq!(r.order_list[0].order_type, OrderType::NewAccounts);
        assert_eq!(r.order_list[1].order_type, OrderType::Other(42));

        let r: OrderList = round_trip(r#"{"next_cursor":"","has_more":true,"order_list":[]}"#);
        assert!(r.has_more);
        let r: OrderList = round_trip(r#"{"has_more":0}"#);
        assert!(!r.has_more);
        assert!(r.order_list.is_empty());
    }

    #[test]
    fn order_detail() {
        let r: OrderDetail = round_trip(
            r#"{"errcode":0,"errmsg":"ok","order":{"order_id":"xxxxx","order_type":1,"order_status":1,
                "corpid":"wpxxxx","price":10000,
                "account_count":{"base_count":100,"external_contact_count":100},
                "account_duration":{"months":2,"days":20,"new_expire_time":1700000000},
                "create_time":150000000,"pay_time":1550000000}}"#,
        );
        let o = &r.order;
        assert_eq!(o.order_status, OrderStatus::Paid);
        assert_eq!(o.order_type, OrderType::NewAccounts);
        assert_eq!(o.price, 10000);
        assert_eq!(o.account_count, AccountCount::new(100, 100));
        assert_eq!(o.account_duration.days, Some(20));
        assert_eq!(o.account_duration.new_expire_time, Some(1_700_000_000));
        assert_eq!(o.pay_time, 1_550_000_000);

        let r: OrderDetail = round_trip(
            r#"{"order":{"order_id":"o","order_type":2,"order_status":11,"corpid":"c","price":1,
                "account_count":{"base_count":3},"account_duration":{"months":1},"create_time":1}}"#,
        );
        assert_eq!(r.order.order_status, OrderStatus::Other(11));
        assert_eq!(r.order.account_count.external_contact_count, 0);
        assert_eq!(r.order.pay_time, 0);
    }

    #[test]
    fn order_account_list() {
        let r: OrderAccountList = round_trip(
            r#"{"errcode":0,"errmsg":"ok","next_cursor":"xxxx","has_more":1,
                "account_list":[{"active_code":"code1","userid":"XXX","type":1},
                                {"active_code":"code2","type":2}]}"#,
        );
        assert!(r.has_more);
        assert_eq!(r.account_list[0].userid, "XXX");
        assert_eq!(r.account_list[1].userid, "");
        assert_eq!(r.account_list[1].account_type, AccountType::ExternalContact);
    }

    #[test]
    fn new_order_job_and_result() {
        let r: NewOrderJob = round_trip(
            r#"{"errcode":0,"errmsg":"ok","jobid":"BUYJOBID",
                "invalid_list":[{"corpid":"CORPID","errcode":1,"errmsg":"xxx"}]}"#,
        );
        assert_eq!(r.jobid, "BUYJOBID");
        assert_eq!(r.invalid_list[0].corpid, "CORPID");

        let r: NewOrderJobResult = round_trip(
            r#"{"errcode":0,"errmsg":"ok","status":1,"order_id":"xxxx",
                "fail_list":[{"corpid":"CORPID","errcode":700400,"errmsg":"xxx"}]}"#,
        );
        assert_eq!(r.status, NewOrderJobStatus::Done);
        assert_eq!(r.fail_list[0].errcode, 700400);

        let r: NewOrderJobResult = round_trip(r#"{"status":5}"#);
        assert_eq!(r.status, NewOrderJobStatus::Other(5));
    }

    #[test]
    fn submit_new_order_job_reply_carries_the_jobid() {
        // Reply sample of 提交多企业新购订单 (path 98892).
        let r: SubmittedNewOrderJob = round_trip(r#"{"errcode":0,"errmsg":"ok","jobid":"BUYJOBID"}"#);
        assert_eq!(r.jobid, "BUYJOBID");
        // A reply without it still decodes.
        let r: SubmittedNewOrderJob = round_trip(r#"{"errcode":0,"errmsg":"ok"}"#);
        assert_eq!(r.jobid, "");
    }

    #[test]
    fn union_order_detail() {
        let r: UnionOrderDetail = round_trip(
            r#"{"errcode":0,"errmsg":"ok",
                "order":{"order_id":"ORDERID","order_type":8,"order_status":1,"price":10000,
                         "create_time":150000000,"pay_time":1550000000},
                "has_more":1,"next_cursor":"CURSOR",
                "buy_list":[{"sub_order_id":"SUBORDERID","corpid":"CORPID",
                             "account_count":{"base_count":100,"external_contact_count":100},
                             "account_duration":{"months":2,"days":20},"auto_active_status":1}]}"#,
        );
        assert_eq!(r.order.order_type, OrderType::MultiCorpPurchase);
        assert!(r.has_more);
        assert_eq!(r.buy_list[0].sub_order_id, "SUBORDERID");
        assert_eq!(r.buy_list[0].auto_active_status, Some(AutoActiveStatus::On));

        let r: UnionOrderDetail = round_trip(
            r#"{"order":{"order_id":"O","order_type":8,"order_status":0,"price":1,"create_time":1},
                "has_more":false,"next_cursor":"","buy_list":[]}"#,
        );
        assert!(!r.has_more);
        assert_eq!(r.order.order_status, OrderStatus::Unpaid);
    }

    #[test]
    fn pay_job() {
        let r: PayJob = round_trip(r#"{"errcode":0,"errmsg":"ok","jobid":"JOBID"}"#);
        assert_eq!(r.jobid, "JOBID");

        let r: PayJobResult = round_trip(
            r#"{"errcode":0,"errmsg":"ok","status":3,
                "pay_job_result":{"errcode":700001,"errmsg":"xxx",
                                  "fail_corp_list":[{"corpid":"wwxxx","errcode":700002,"errmsg":"xxx"}]}}"#,
        );
        assert_eq!(r.status, PayJobStatus::Failed);
        let failure = r.pay_job_result.unwrap();
        assert_eq!(failure.errcode, 700001);
        assert_eq!(failure.fail_corp_list[0].errcode, 700002);

        let r: PayJobResult = round_trip(r#"{"status":1}"#);
        assert_eq!(r.status, PayJobStatus::Paid);
        assert!(r.pay_job_result.is_none());
    }

    #[test]
    fn batch_active_account_result() {
        let r: BatchActiveAccountResult = round_trip(
            r#"{"errcode":0,"errmsg":"ok","active_result":[
                {"active_code":"XXXXXXXX","userid":"USERID","errcode":0},
                {"active_code":"YYYYYYYY","userid":"USERID2","errcode":701030}]}"#,
        );
        assert_eq!(r.active_result.len(), 2);
        assert_eq!(r.active_result[1].errcode, 701030);
    }

    #[test]
    fn active_info_by_code() {
        let r: ActiveInfoByCode = round_trip(
            r#"{"errcode":0,"errmsg":"ok","active_info":{"active_code":"code1","type":1,"status":1,
                "userid":"userid1","create_time":1640966400,"active_time":1640966400,"expire_time":1640966400,
                "merge_info":{"to_active_code":"code_new","from_active_code":"code_old"},
                "share_info":{"to_corpid":"CORPID","from_corpid":"CORPID"}}}"#,
        );
        let info = &r.active_info;
        assert_eq!(info.status, ActiveCodeStatus::Unbound);
        assert_eq!(info.account_type, AccountType::Base);
        assert_eq!(info.merge_info.as_ref().unwrap().to_active_code, "code_new");
        assert_eq!(info.share_info.as_ref().unwrap().from_corpid, "CORPID");

        let r: ActiveInfoByCode =
            round_trip(r#"{"active_info":{"active_code":"c","type":2,"status":77,"create_time":1}}"#);
        assert_eq!(r.active_info.status, ActiveCodeStatus::Other(77));
        assert_eq!(r.active_info.userid, "");
        assert_eq!(r.active_info.expire_time, 0);
    }

    #[test]
    fn active_info_by_code_list() {
        let r: ActiveInfoByCodeList = round_trip(
            r#"{"errcode":0,"errmsg":"ok",
                "active_info_list":[
                  {"active_code":"XXXXXXXX","type":1,"status":2,"userid":"USERID1","create_time":1640966400,
                   "active_time":1640966400,"expire_time":1640966400},
                  {"active_code":"YYYYYYYY","type":2,"status":6,"create_time":1640966400,
                   "share_info":{"to_corpid":"DOWN","from_corpid":"UP"}}],
                "invalid_active_code_list":["ZZZZZZZZ"]}"#,
        );
        assert_eq!(r.active_info_list[0].status, ActiveCodeStatus::Bound);
        assert_eq!(r.active_info_list[1].status, ActiveCodeStatus::SharedToDownstream);
        assert_eq!(r.invalid_active_code_list, ["ZZZZZZZZ"]);
    }

    #[test]
    fn actived_account_list() {
        let r: ActivedAccountList = round_trip(
            r#"{"errcode":0,"errmsg":"ok","next_cursor":"xxx","has_more":1,
                "account_list":[{"userid":"user1","type":1,"expire_time":1500000000,"active_time":1500000000},
                                {"userid":"user2","type":2,"expire_time":1500000000,"active_time":1500000000}]}"#,
        );
        assert!(r.has_more);
        assert_eq!(r.account_list[1].account_type, AccountType::ExternalContact);

        let r: ActivedAccountList = round_trip(r#"{"next_cursor":"","has_more":false,"account_list":[]}"#);
        assert!(!r.has_more);
    }

    #[test]
    fn user_active_info() {
        let r: UserActiveInfo = round_trip(
            r#"{"errcode":0,"errmsg":"ok","active_status":1,
                "active_info_list":[
                  {"active_code":"code1","type":1,"userid":"userid1","active_time":1640966400,"expire_time":1640966400},
                  {"active_code":"code2","type":2,"userid":"userid1","active_time":1640966400,"expire_time":1640966400}]}"#,
        );
        assert_eq!(r.active_status, UserActiveStatus::Active);
        assert_eq!(r.active_info_list.len(), 2);

        let r: UserActiveInfo = round_trip(r#"{"active_status":0}"#);
        assert_eq!(r.active_status, UserActiveStatus::Inactive);
        assert!(r.active_info_list.is_empty());
    }

    #[test]
    fn transfer_and_share_results() {
        let r: BatchTransferLicenseResult = round_trip(
            r#"{"errcode":0,"errmsg":"ok","transfer_result":[
                {"handover_userid":"h1","takeover_userid":"t1","errcode":0},
                {"handover_userid":"h2","takeover_userid":"t2","errcode":701017}]}"#,
        );
        assert_eq!(r.transfer_result[1].errcode, 701017);

        let r: BatchShareActiveCodeResult = round_trip(
            r#"{"errcode":0,"errmsg":"ok","share_result":[
                {"active_code":"code1","errcode":0,"errmsg":"ok"},
                {"active_code":"code2","errcode":701021,"errmsg":"invalid"}]}"#,
        );
        assert_eq!(r.share_result[1].errmsg, "invalid");
    }

    #[test]
    fn app_license_info() {
        let r: AppLicenseInfo = round_trip(
            r#"{"errcode":0,"errmsg":"ok","license_status":1,
                "trail_info":{"start_time":1503046020,"end_time":1510822020},
                "license_check_time":1503046020}"#,
        );
        assert_eq!(r.license_status, LicenseStatus::CheckOn);
        assert_eq!(r.trial_info.unwrap().end_time, 1_510_822_020);
        assert_eq!(r.license_check_time, 1_503_046_020);

        let r: AppLicenseInfo = round_trip(r#"{"license_status":0}"#);
        assert_eq!(r.license_status, LicenseStatus::CheckOff);
        assert!(r.trial_info.is_none());
        let r: AppLicenseInfo = round_trip(r#"{"license_status":3}"#);
        assert_eq!(r.license_status, LicenseStatus::Other(3));
    }

    #[test]
    fn auto_active_status_info() {
        let r: AutoActiveStatusInfo = round_trip(r#"{"errcode":0,"errmsg":"ok","auto_active_status":1}"#);
        assert_eq!(r.auto_active_status, AutoActiveStatus::On);
        let r: AutoActiveStatusInfo = round_trip(r#"{"auto_active_status":2}"#);
        assert_eq!(r.auto_active_status, AutoActiveStatus::Other(2));
    }

    #[test]
    fn support_policy() {
        let r: SupportPolicy = round_trip(
            r#"{"errcode":0,"errmsg":"ok","query_result":0,"unsatisfied_reason":[701090,701091]}"#,
        );
        assert_eq!(r.query_result, SupportPolicyResult::NotEligible);
        assert_eq!(r.unsatisfied_reason, [701_090, 701_091]);
        let r: SupportPolicy = round_trip(r#"{"query_result":1}"#);
        assert_eq!(r.query_result, SupportPolicyResult::Eligible);
    }
}
