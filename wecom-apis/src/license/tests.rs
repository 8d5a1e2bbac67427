//! Decode and encode tests of the License models, against WeCom's
//! documented samples.

use super::*;
use serde::Serialize;
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
    let r: SupportPolicy =
        round_trip(r#"{"errcode":0,"errmsg":"ok","query_result":0,"unsatisfied_reason":[701090,701091]}"#);
    assert_eq!(r.query_result, SupportPolicyResult::NotEligible);
    assert_eq!(r.unsatisfied_reason, [701_090, 701_091]);
    let r: SupportPolicy = round_trip(r#"{"query_result":1}"#);
    assert_eq!(r.query_result, SupportPolicyResult::Eligible);
}
