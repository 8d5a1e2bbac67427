//! The License (接口许可) family end to end: every one of the 25 endpoints and
//! the 4 streams, called through the generated client against the sandbox's
//! licence state machine, with assertions on the state they change, the
//! fields they return, the errcodes they fail with, and the JSON they send.

use std::collections::{BTreeSet, HashSet};

use futures_util::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use wecom_apis::license::*;
use wecom_apis::{ProviderClient, Result};
use wecom_testkit::{Sandbox, creds, errcode};

/// Seconds in a day.
const DAY: i64 = 86_400;
/// A month as WeCom counts it for licences: 31 days.
const MONTH: i64 = 31 * DAY;
/// Who places orders (a plain userid in the provider's corp).
const BUYER: &str = "buyer";
/// Who pays balance-payment jobs.
const PAYER: &str = "payer";

// WeCom's documented codes.
/// 40003: invalid userid.
const INVALID_USERID: i64 = 40003;
/// 40013: invalid corpid (not a customer of this provider).
const INVALID_CORPID: i64 = 40013;
/// 40058: invalid parameter.
const INVALID_PARAMETER: i64 = 40058;
/// 701030: stacked validity of same-type codes would exceed five years.
const STACK_OVER_FIVE_YEARS: i64 = 701_030;
/// 701082: the current account has more than 20 days left.
const TOO_MUCH_TIME_LEFT: i64 = 701_082;
/// 701084: the order is not awaiting payment.
const ORDER_NOT_PENDING: i64 = 701_084;
/// 701091: the corp's industry does not qualify for the support policy.
const POLICY_INDUSTRY_MISMATCH: i64 = 701_091;

// The sandbox's own block (see `wecom_testkit::sandbox` docs) for situations
// whose WeCom code it does not use.
/// No order with that id.
const SBX_ORDER_NOT_FOUND: i64 = 701_901;
/// No activation code with that value (or not visible to the corp).
const SBX_CODE_NOT_FOUND: i64 = 701_902;
/// The activation code belongs to another corp.
const SBX_CODE_NOT_IN_CORP: i64 = 701_903;
/// The activation code is bound (or merged).
const SBX_CODE_NOT_USABLE: i64 = 701_904;
/// The member holds no valid account of the type.
const SBX_NO_ACTIVE_ACCOUNT: i64 = 701_905;
/// The takeover member already holds an account of that type.
const SBX_TAKEOVER_HAS_ACCOUNT: i64 = 701_906;
/// The job was already submitted.
const SBX_JOB_ALREADY_SUBMITTED: i64 = 701_908;
/// The code was already shared once.
const SBX_CODE_ALREADY_SHARED: i64 = 701_909;

/// The codes of a paid purchase order, split by account type.
struct Codes {
    order_id: String,
    base: Vec<String>,
    external: Vec<String>,
}

/// Buys `count` accounts of `months` months for `corpid`, pays on the
/// sandbox's payment page, and lists the codes.
async fn buy_paid(
    client: &ProviderClient,
    sb: &Sandbox,
    corpid: &str,
    count: AccountCount,
    months: u32,
) -> Codes {
    let order = NewOrder::new(corpid, BUYER, count, AccountDuration::months(months));
    let created = client.create_new_order(&order).await.expect("create_new_order");
    sb.license()
        .pay_order(&created.order_id)
        .expect("pay the new order");
    let accounts: Vec<OrderAccount> = client
        .list_order_account_stream(&created.order_id)
        .try_collect()
        .await
        .expect("list the paid order's codes");
    let of = |kind: AccountType| -> Vec<String> {
        accounts
            .iter()
            .filter(|a| a.account_type == kind)
            .map(|a| a.active_code.clone())
            .collect()
    };
    let codes = Codes {
        order_id: created.order_id,
        base: of(AccountType::Base),
        external: of(AccountType::ExternalContact),
    };
    assert_eq!(codes.base.len(), count.base_count as usize, "base codes issued");
    assert_eq!(
        codes.external.len(),
        count.external_contact_count as usize,
        "external-contact codes issued"
    );
    codes
}

async fn code_info(client: &ProviderClient, corpid: &str, code: &str) -> ActiveCodeInfo {
    client
        .get_active_info_by_code(corpid, code)
        .await
        .expect("get_active_info_by_code")
        .active_info
}

/// `(userid, type code)` pairs, sorted, for order-independent comparison.
fn accounts_by_user(accounts: &[ActivedAccount]) -> Vec<(String, i64)> {
    let mut pairs: Vec<(String, i64)> = accounts
        .iter()
        .map(|a| (a.userid.clone(), a.account_type.code()))
        .collect();
    pairs.sort();
    pairs
}

/// create_new_order → get_order (unpaid) → no accounts before payment → paid
/// with codes by type → listed by list_order (also in a time window) → an
/// unpaid order can be cancelled, a paid one cannot.
#[tokio::test]
async fn a_new_order_is_created_paid_listed_and_only_unpaid_orders_cancel() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let before = sb.now();
    let order = NewOrder::new(
        creds::CUSTOMER_CORPID,
        BUYER,
        AccountCount::new(3, 2),
        AccountDuration::months(12),
    );
    let created = client.create_new_order(&order).await.expect("create_new_order");
    let after = sb.now();
    assert!(!created.order_id.is_empty());

    let unpaid = client
        .get_order(&created.order_id)
        .await
        .expect("get_order")
        .order;
    assert_eq!(unpaid.order_id, created.order_id);
    assert_eq!(unpaid.order_type, OrderType::NewAccounts);
    assert_eq!(unpaid.order_status, OrderStatus::Unpaid);
    assert_eq!(unpaid.corpid, creds::CUSTOMER_CORPID);
    assert_eq!(unpaid.account_count, AccountCount::new(3, 2));
    assert_eq!(unpaid.account_duration.months, Some(12));
    assert_eq!(unpaid.account_duration.new_expire_time, None);
    assert!((before..=after).contains(&unpaid.create_time), "{unpaid:?}");
    assert_eq!(unpaid.pay_time, 0, "unpaid orders have no pay_time");
    // Sandbox price: (3 × 400 + 2 × 500) fen per 31 days, for 12 months.
    assert_eq!(unpaid.price, (3 * 400 + 2 * 500) * 12);

    let none_yet = client
        .list_order_account(&created.order_id, None, None)
        .await
        .expect("list_order_account before payment");
    assert!(none_yet.account_list.is_empty(), "{none_yet:?}");
    assert!(!none_yet.has_more);

    sb.license().pay_order(&created.order_id).expect("pay");
    let paid = client
        .get_order(&created.order_id)
        .await
        .expect("get_order")
        .order;
    assert_eq!(paid.order_status, OrderStatus::Paid);
    assert!(
        paid.pay_time >= paid.create_time && paid.pay_time <= sb.now(),
        "{paid:?}"
    );

    let accounts = client
        .list_order_account(&created.order_id, None, Some(1000))
        .await
        .expect("list_order_account after payment");
    assert!(!accounts.has_more);
    assert!(accounts.next_cursor.is_empty());
    let types: Vec<AccountType> = accounts.account_list.iter().map(|a| a.account_type).collect();
    assert_eq!(
        types,
        [
            AccountType::Base,
            AccountType::Base,
            AccountType::Base,
            AccountType::ExternalContact,
            AccountType::ExternalContact
        ]
    );
    let distinct: HashSet<&str> = accounts
        .account_list
        .iter()
        .map(|a| a.active_code.as_str())
        .collect();
    assert_eq!(distinct.len(), 5, "every account has its own code");
    assert!(
        accounts.account_list.iter().all(|a| a.userid.is_empty()),
        "no code is bound yet"
    );

    // A second order, left unpaid, then cancelled.
    let second = client
        .create_new_order(&NewOrder::new(
            creds::CUSTOMER_CORPID,
            BUYER,
            AccountCount::base(1),
            AccountDuration::days(40),
        ))
        .await
        .expect("second order");

    let all = client
        .list_order(&ListOrderRequest::new())
        .await
        .expect("list_order");
    let ids: Vec<&str> = all.order_list.iter().map(|o| o.order_id.as_str()).collect();
    assert_eq!(ids, [created.order_id.as_str(), second.order_id.as_str()]);
    assert!(
        all.order_list
            .iter()
            .all(|o| o.order_type == OrderType::NewAccounts)
    );
    assert!(!all.has_more);

    let now = sb.now();
    let window = client
        .list_order(
            &ListOrderRequest::new()
                .with_corpid(creds::CUSTOMER_CORPID)
                .with_time_range(before - 60, now + 60),
        )
        .await
        .expect("list_order in a window");
    assert_eq!(window.order_list.len(), 2, "{window:?}");
    let later = client
        .list_order(&ListOrderRequest::new().with_time_range(now + DAY, now + 2 * DAY))
        .await
        .expect("list_order in a later window");
    assert!(later.order_list.is_empty(), "{later:?}");
    let elsewhere = client
        .list_order(&ListOrderRequest::new().with_corpid(creds::DOWNSTREAM_CORPID))
        .await
        .expect("list_order for another corp");
    assert!(elsewhere.order_list.is_empty());
    assert_eq!(
        errcode(
            client
                .list_order(&ListOrderRequest::new().with_time_range(now, now + 32 * DAY))
                .await,
            "a window wider than 31 days",
        ),
        INVALID_PARAMETER
    );

    client
        .cancel_order(&second.order_id, Some(creds::CUSTOMER_CORPID))
        .await
        .expect("cancel the unpaid order");
    let cancelled = client.get_order(&second.order_id).await.expect("get_order").order;
    assert_eq!(cancelled.order_status, OrderStatus::Cancelled);
    assert_eq!(cancelled.account_duration.days, Some(40));
    assert!(
        sb.license().pay_order(&second.order_id).is_err(),
        "a cancelled order cannot be paid"
    );

    assert_eq!(
        errcode(
            client
                .cancel_order(&created.order_id, Some(creds::CUSTOMER_CORPID))
                .await,
            "cancel a paid order",
        ),
        ORDER_NOT_PENDING
    );
    assert_eq!(
        client
            .get_order(&created.order_id)
            .await
            .expect("get_order")
            .order
            .order_status,
        OrderStatus::Paid,
        "the failed cancel changed nothing"
    );
    assert_eq!(
        errcode(client.get_order("OI-does-not-exist").await, "unknown order"),
        SBX_ORDER_NOT_FOUND
    );
    assert_eq!(
        errcode(
            client
                .create_new_order(&NewOrder::new(
                    "wwnotacustomer01",
                    BUYER,
                    AccountCount::base(1),
                    AccountDuration::months(1)
                ))
                .await,
            "order for an unknown corp",
        ),
        INVALID_CORPID
    );
}

/// active_account binds a code (expire = active + duration) and shows up in
/// get_active_info_by_user and list_order_account; batch_active_account gives
/// each pair its own errcode; batch_get_active_info_by_code reports unknown
/// codes; list_actived_account pages by cursor and its stream sees the same
/// accounts; a batch of 1001 is rejected without binding anything.
#[tokio::test]
async fn activation_binds_codes_and_reports_errors_per_item() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let corp = creds::CUSTOMER_CORPID;
    let codes = buy_paid(&client, &sb, corp, AccountCount::new(4, 1), 1).await;
    let (b, e) = (&codes.base, &codes.external);

    let fresh = code_info(&client, corp, &b[0]).await;
    assert_eq!(fresh.status, ActiveCodeStatus::Unbound);
    assert_eq!(fresh.account_type, AccountType::Base);
    assert!(fresh.userid.is_empty());
    assert_eq!((fresh.active_time, fresh.expire_time), (0, 0));
    assert!(fresh.create_time > 0);

    let before = sb.now();
    client
        .active_account(corp, &b[0], "zhangsan")
        .await
        .expect("active_account");
    let bound = code_info(&client, corp, &b[0]).await;
    assert_eq!(bound.status, ActiveCodeStatus::Bound);
    assert_eq!(bound.userid, "zhangsan");
    assert!((before..=sb.now()).contains(&bound.active_time), "{bound:?}");
    assert_eq!(bound.expire_time, bound.active_time + MONTH);
    assert!(bound.merge_info.is_none() && bound.share_info.is_none());

    let user = client
        .get_active_info_by_user(corp, "zhangsan")
        .await
        .expect("get_active_info_by_user");
    assert_eq!(user.active_status, UserActiveStatus::Active);
    assert_eq!(user.active_info_list.len(), 1);
    let held = &user.active_info_list[0];
    assert_eq!(held.active_code, b[0]);
    assert_eq!(held.account_type, AccountType::Base);
    assert_eq!(held.userid, "zhangsan");
    assert_eq!(
        (held.active_time, held.expire_time),
        (bound.active_time, bound.expire_time)
    );

    let idle = client
        .get_active_info_by_user(corp, "lisi")
        .await
        .expect("get_active_info_by_user for an idle member");
    assert_eq!(idle.active_status, UserActiveStatus::Inactive);
    assert!(idle.active_info_list.is_empty());

    let listed = client
        .list_order_account(&codes.order_id, None, None)
        .await
        .expect("list_order_account");
    let entry = listed
        .account_list
        .iter()
        .find(|a| a.active_code == b[0])
        .expect("the bound code is in its order");
    assert_eq!(entry.userid, "zhangsan");

    assert_eq!(
        errcode(client.active_account(corp, &b[0], "lisi").await, "a bound code"),
        SBX_CODE_NOT_USABLE
    );
    assert_eq!(
        errcode(client.active_account(corp, &b[1], "nobody").await, "not a member"),
        INVALID_USERID
    );
    assert_eq!(
        errcode(
            client
                .active_account(creds::DOWNSTREAM_CORPID, &b[1], "alice")
                .await,
            "another corp's code",
        ),
        SBX_CODE_NOT_IN_CORP
    );

    let batch = client
        .batch_active_account(&BatchActiveAccountRequest::new(
            corp,
            vec![
                AccountActivation::new(&b[1], "lisi"),
                AccountActivation::new(&e[0], "zhangsan"),
                AccountActivation::new("LC-no-such-code", "wangwu"),
                AccountActivation::new(&b[2], "nobody"),
                AccountActivation::new(&b[0], "wangwu"),
                AccountActivation::new(&b[3], "zhangsan"),
            ],
        ))
        .await
        .expect("batch_active_account succeeds as a whole");
    let outcome: Vec<(&str, &str, i64)> = batch
        .active_result
        .iter()
        .map(|r| (r.active_code.as_str(), r.userid.as_str(), r.errcode))
        .collect();
    assert_eq!(
        outcome,
        [
            (b[1].as_str(), "lisi", 0),
            (e[0].as_str(), "zhangsan", 0),
            ("LC-no-such-code", "wangwu", SBX_CODE_NOT_FOUND),
            (b[2].as_str(), "nobody", INVALID_USERID),
            (b[0].as_str(), "wangwu", SBX_CODE_NOT_USABLE),
            // zhangsan's base account still has 31 days: no second base code.
            (b[3].as_str(), "zhangsan", TOO_MUCH_TIME_LEFT),
        ]
    );

    let both = client
        .get_active_info_by_user(corp, "zhangsan")
        .await
        .expect("zhangsan now holds both types");
    let mut kinds: Vec<i64> = both
        .active_info_list
        .iter()
        .map(|a| a.account_type.code())
        .collect();
    kinds.sort_unstable();
    assert_eq!(kinds, [1, 2]);

    let infos = client
        .batch_get_active_info_by_code(&BatchGetActiveInfoByCodeRequest::new(
            corp,
            [
                b[0].as_str(),
                b[1].as_str(),
                e[0].as_str(),
                b[2].as_str(),
                "LC-bogus",
            ],
        ))
        .await
        .expect("batch_get_active_info_by_code");
    assert_eq!(infos.invalid_active_code_list, ["LC-bogus"]);
    let statuses: Vec<(&str, ActiveCodeStatus, &str)> = infos
        .active_info_list
        .iter()
        .map(|i| (i.active_code.as_str(), i.status, i.userid.as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            (b[0].as_str(), ActiveCodeStatus::Bound, "zhangsan"),
            (b[1].as_str(), ActiveCodeStatus::Bound, "lisi"),
            (e[0].as_str(), ActiveCodeStatus::Bound, "zhangsan"),
            (b[2].as_str(), ActiveCodeStatus::Unbound, ""),
        ]
    );

    let expected = vec![
        ("lisi".to_owned(), 1),
        ("zhangsan".to_owned(), 1),
        ("zhangsan".to_owned(), 2),
    ];
    let first = client
        .list_actived_account(corp, None, Some(2))
        .await
        .expect("list_actived_account page 1");
    assert_eq!(first.account_list.len(), 2);
    assert!(first.has_more && !first.next_cursor.is_empty(), "{first:?}");
    let second = client
        .list_actived_account(corp, Some(&first.next_cursor), Some(2))
        .await
        .expect("list_actived_account page 2");
    assert_eq!(second.account_list.len(), 1);
    assert!(!second.has_more && second.next_cursor.is_empty(), "{second:?}");
    let paged: Vec<ActivedAccount> = first
        .account_list
        .into_iter()
        .chain(second.account_list)
        .collect();
    assert_eq!(accounts_by_user(&paged), expected);
    for account in &paged {
        assert_eq!(account.expire_time, account.active_time + MONTH, "{account:?}");
    }

    let streamed: Vec<ActivedAccount> = client
        .list_actived_account_stream(corp)
        .try_collect()
        .await
        .expect("list_actived_account_stream");
    assert_eq!(accounts_by_user(&streamed), expected);
    let downstream: Vec<ActivedAccount> = client
        .list_actived_account_stream(creds::DOWNSTREAM_CORPID)
        .try_collect()
        .await
        .expect("list_actived_account_stream for a corp without accounts");
    assert!(downstream.is_empty());

    // 1001 pairs: the whole call is rejected, and nothing is bound.
    let too_many: Vec<AccountActivation> = std::iter::once(AccountActivation::new(&b[2], "wangwu"))
        .chain((0..1000).map(|i| AccountActivation::new(format!("LC-filler-{i}"), "wangwu")))
        .collect();
    assert_eq!(
        errcode(
            client
                .batch_active_account(&BatchActiveAccountRequest::new(corp, too_many))
                .await,
            "a batch of 1001",
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        code_info(&client, corp, &b[2]).await.status,
        ActiveCodeStatus::Unbound
    );
}

/// Stacking same-type codes: refused with 701082 while more than 20 days
/// remain, refused with 701030 when the stacked validity would pass five
/// years, and a 12-month code with ≤ 20 days left takes over (merging the
/// old code) and adds the remaining time to its own.
#[tokio::test]
async fn same_type_codes_stack_only_near_expiry_and_never_past_five_years() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let corp = creds::CUSTOMER_CORPID;
    let five_years = buy_paid(&client, &sb, corp, AccountCount::base(2), 60).await.base;

    client
        .active_account(corp, &five_years[0], "wangwu")
        .await
        .expect("a lone 60-month code");
    let first = code_info(&client, corp, &five_years[0]).await;
    let first_expiry = first.active_time + 60 * MONTH;
    assert_eq!(first.expire_time, first_expiry);
    assert_eq!(
        errcode(
            client.active_account(corp, &five_years[1], "wangwu").await,
            "years left",
        ),
        TOO_MUCH_TIME_LEFT
    );

    // 20 days before expiry (minus the seconds the test has taken so far).
    // Codes are bought now: WeCom wants a code bound within a year of purchase.
    sb.advance_clock(60 * MONTH - 20 * DAY);
    let remaining = first_expiry - sb.now();
    assert!(remaining > 0 && remaining <= 20 * DAY, "{remaining}");
    let another_five = buy_paid(&client, &sb, corp, AccountCount::base(1), 60).await.base;
    let one_year = buy_paid(&client, &sb, corp, AccountCount::base(1), 12).await.base;

    assert_eq!(
        errcode(
            client.active_account(corp, &another_five[0], "wangwu").await,
            "20 days + 60 months",
        ),
        STACK_OVER_FIVE_YEARS
    );
    assert_eq!(
        code_info(&client, corp, &another_five[0]).await.status,
        ActiveCodeStatus::Unbound,
        "the refused code is still free"
    );

    let merge_from = sb.now();
    client
        .active_account(corp, &one_year[0], "wangwu")
        .await
        .expect("12 months onto ≤ 20 days");
    let stacked = code_info(&client, corp, &one_year[0]).await;
    assert_eq!(stacked.status, ActiveCodeStatus::Bound);
    assert_eq!(
        stacked.expire_time,
        first_expiry + 12 * MONTH,
        "the remaining days carry over"
    );
    assert_eq!(
        stacked.merge_info.as_ref().map(|m| m.from_active_code.as_str()),
        Some(five_years[0].as_str())
    );

    let old = code_info(&client, corp, &five_years[0]).await;
    assert_eq!(old.status, ActiveCodeStatus::Merged);
    assert_eq!(
        old.merge_info.as_ref().map(|m| m.to_active_code.as_str()),
        Some(one_year[0].as_str())
    );
    assert!((merge_from..=sb.now()).contains(&old.expire_time), "{old:?}");

    let user = client
        .get_active_info_by_user(corp, "wangwu")
        .await
        .expect("get_active_info_by_user");
    assert_eq!(user.active_status, UserActiveStatus::Active);
    let held: Vec<(&str, i64)> = user
        .active_info_list
        .iter()
        .map(|a| (a.active_code.as_str(), a.expire_time))
        .collect();
    assert_eq!(held, [(one_year[0].as_str(), first_expiry + 12 * MONTH)]);
}

/// A renewal job keeps the members with an active account and reports the
/// rest; appending with `jobid` works; submitting makes an unpaid order of
/// type Renewal; paying it (balance job) extends the accounts; a job submits
/// once; a renewal can also target a fixed `new_expire_time`.
#[tokio::test]
async fn a_renewal_job_becomes_a_renewal_order_that_extends_accounts() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let corp = creds::CUSTOMER_CORPID;
    let codes = buy_paid(&client, &sb, corp, AccountCount::base(2), 1).await;
    client
        .active_account(corp, &codes.base[0], "zhangsan")
        .await
        .expect("activate zhangsan");
    client
        .active_account(corp, &codes.base[1], "wangwu")
        .await
        .expect("activate wangwu");
    let zhangsan_expiry = code_info(&client, corp, &codes.base[0]).await.expire_time;
    let wangwu_expiry = code_info(&client, corp, &codes.base[1]).await.expire_time;

    let job = client
        .create_renew_order_job(&CreateRenewOrderJobRequest::new(
            corp,
            vec![
                RenewAccount::new("zhangsan", AccountType::Base),
                RenewAccount::new("lisi", AccountType::Base),
            ],
        ))
        .await
        .expect("create_renew_order_job");
    assert!(!job.jobid.is_empty());
    let invalid: Vec<(&str, AccountType, i64)> = job
        .invalid_account_list
        .iter()
        .map(|a| (a.userid.as_str(), a.account_type, a.errcode))
        .collect();
    assert_eq!(invalid, [("lisi", AccountType::Base, SBX_NO_ACTIVE_ACCOUNT)]);
    assert!(!job.invalid_account_list[0].errmsg.is_empty());

    let appended = client
        .create_renew_order_job(
            &CreateRenewOrderJobRequest::new(
                corp,
                vec![
                    RenewAccount::new("wangwu", AccountType::Base),
                    RenewAccount::new("zhangsan", AccountType::ExternalContact),
                ],
            )
            .with_jobid(&job.jobid),
        )
        .await
        .expect("append to the renewal job");
    assert_eq!(appended.jobid, job.jobid);
    let invalid: Vec<(&str, AccountType)> = appended
        .invalid_account_list
        .iter()
        .map(|a| (a.userid.as_str(), a.account_type))
        .collect();
    assert_eq!(invalid, [("zhangsan", AccountType::ExternalContact)]);

    let submit = SubmitOrderJobRequest::new(&job.jobid, BUYER, AccountDuration::months(2));
    let renewal = client.submit_order_job(&submit).await.expect("submit_order_job");
    let order = client
        .get_order(&renewal.order_id)
        .await
        .expect("get_order")
        .order;
    assert_eq!(order.order_type, OrderType::Renewal);
    assert_eq!(order.order_status, OrderStatus::Unpaid);
    assert_eq!(order.corpid, corp);
    assert_eq!(order.account_count, AccountCount::base(2));
    assert_eq!(order.account_duration.months, Some(2));
    assert!(
        client
            .list_order_account(&renewal.order_id, None, None)
            .await
            .expect("list_order_account of the unpaid renewal")
            .account_list
            .is_empty()
    );
    assert_eq!(
        errcode(client.submit_order_job(&submit).await, "submit twice"),
        SBX_JOB_ALREADY_SUBMITTED
    );

    let pay = client
        .submit_pay_job(PAYER, &renewal.order_id)
        .await
        .expect("submit_pay_job");
    let paid = client.pay_job_result(&pay.jobid).await.expect("pay_job_result");
    assert_eq!(paid.status, PayJobStatus::Paid);
    assert_eq!(
        client
            .get_order(&renewal.order_id)
            .await
            .expect("get_order")
            .order
            .order_status,
        OrderStatus::Paid
    );
    assert_eq!(
        code_info(&client, corp, &codes.base[0]).await.expire_time,
        zhangsan_expiry + 2 * MONTH
    );
    assert_eq!(
        code_info(&client, corp, &codes.base[1]).await.expire_time,
        wangwu_expiry + 2 * MONTH
    );

    let renewed = client
        .list_order_account(&renewal.order_id, None, None)
        .await
        .expect("list_order_account of the paid renewal");
    let mut members: Vec<(&str, &str, AccountType)> = renewed
        .account_list
        .iter()
        .map(|a| (a.userid.as_str(), a.active_code.as_str(), a.account_type))
        .collect();
    members.sort_by_key(|m| m.0);
    assert_eq!(
        members,
        [
            ("wangwu", codes.base[1].as_str(), AccountType::Base),
            ("zhangsan", codes.base[0].as_str(), AccountType::Base),
        ]
    );

    // Renewing up to a fixed date.
    let target = zhangsan_expiry + 2 * MONTH + 100 * DAY;
    let job = client
        .create_renew_order_job(&CreateRenewOrderJobRequest::new(
            corp,
            vec![RenewAccount::new("zhangsan", AccountType::Base)],
        ))
        .await
        .expect("second renewal job");
    assert!(job.invalid_account_list.is_empty());
    let until = client
        .submit_order_job(&SubmitOrderJobRequest::new(
            &job.jobid,
            BUYER,
            AccountDuration::until(target),
        ))
        .await
        .expect("submit a renewal to a fixed date");
    let order = client.get_order(&until.order_id).await.expect("get_order").order;
    assert_eq!(order.order_type, OrderType::Renewal);
    assert_eq!(order.account_duration.new_expire_time, Some(target));
    sb.license().pay_order(&until.order_id).expect("pay");
    assert_eq!(code_info(&client, corp, &codes.base[0]).await.expire_time, target);

    let types: Vec<(String, OrderType)> = client
        .list_order_stream(ListOrderRequest::new().with_corpid(corp))
        .map_ok(|o| (o.order_id, o.order_type))
        .try_collect()
        .await
        .expect("list_order_stream");
    assert_eq!(
        types,
        [
            (codes.order_id.clone(), OrderType::NewAccounts),
            (renewal.order_id.clone(), OrderType::Renewal),
            (until.order_id.clone(), OrderType::Renewal),
        ]
    );
}

/// Multi-corp purchase: a job for two corps (an unknown corp is reported in
/// invalid_list) is submitted, its result names the order, get_union_order
/// and union_order_stream show one sub-order per corp, a balance payment pays
/// every sub-order, and each corp then has its own codes.
#[tokio::test]
async fn a_multi_corp_order_is_paid_by_balance_and_issues_codes_per_corp() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let (up, down) = (creds::CUSTOMER_CORPID, creds::DOWNSTREAM_CORPID);

    let job = client
        .create_new_order_job(&CreateNewOrderJobRequest::new(vec![
            CorpPurchase::new(up, AccountCount::base(3), AccountDuration::months(1))
                .with_auto_active_status(AutoActiveStatus::On),
            CorpPurchase::new(
                "wwnotacustomer01",
                AccountCount::base(1),
                AccountDuration::months(1),
            ),
        ]))
        .await
        .expect("create_new_order_job");
    assert!(!job.jobid.is_empty());
    let invalid: Vec<(&str, i64)> = job
        .invalid_list
        .iter()
        .map(|c| (c.corpid.as_str(), c.errcode))
        .collect();
    assert_eq!(invalid, [("wwnotacustomer01", INVALID_CORPID)]);

    let appended = client
        .create_new_order_job(
            &CreateNewOrderJobRequest::new(vec![
                CorpPurchase::new(
                    down,
                    AccountCount::external_contact(2),
                    AccountDuration::months(2),
                )
                .with_auto_active_status(AutoActiveStatus::Off),
            ])
            .with_jobid(&job.jobid),
        )
        .await
        .expect("append a corp to the job");
    assert_eq!(appended.jobid, job.jobid);
    assert!(appended.invalid_list.is_empty(), "{appended:?}");

    let submitted = client
        .submit_new_order_job(&job.jobid, BUYER)
        .await
        .expect("submit_new_order_job");
    assert_eq!(submitted.jobid, job.jobid);
    assert_eq!(
        errcode(
            client.submit_new_order_job(&job.jobid, BUYER).await,
            "submit twice"
        ),
        SBX_JOB_ALREADY_SUBMITTED
    );
    let result = client
        .new_order_job_result(&job.jobid)
        .await
        .expect("new_order_job_result");
    assert_eq!(result.status, NewOrderJobStatus::Done);
    assert!(result.fail_list.is_empty());
    let order_id = result.order_id;
    assert!(!order_id.is_empty());

    let union = client
        .get_union_order(&order_id, None, None)
        .await
        .expect("get_union_order");
    assert_eq!(union.order.order_id, order_id);
    assert_eq!(union.order.order_type, OrderType::MultiCorpPurchase);
    assert_eq!(union.order.order_status, OrderStatus::Unpaid);
    assert_eq!(union.order.pay_time, 0);
    assert_eq!(union.order.price, 3 * 400 + 2 * 500 * 2);
    assert!(!union.has_more);
    let subs: Vec<(&str, AccountCount, Option<u32>, Option<AutoActiveStatus>)> = union
        .buy_list
        .iter()
        .map(|s| {
            (
                s.corpid.as_str(),
                s.account_count,
                s.account_duration.months,
                s.auto_active_status,
            )
        })
        .collect();
    assert_eq!(
        subs,
        [
            (up, AccountCount::base(3), Some(1), Some(AutoActiveStatus::On)),
            (
                down,
                AccountCount::external_contact(2),
                Some(2),
                Some(AutoActiveStatus::Off)
            ),
        ]
    );
    let sub_ids: Vec<String> = union.buy_list.iter().map(|s| s.sub_order_id.clone()).collect();
    assert_ne!(sub_ids[0], sub_ids[1]);

    // One sub-order per page, by cursor.
    let page1 = client
        .get_union_order(&order_id, None, Some(1))
        .await
        .expect("get_union_order page 1");
    assert!(page1.has_more);
    let page2 = client
        .get_union_order(&order_id, Some(&page1.next_cursor), Some(1))
        .await
        .expect("get_union_order page 2");
    assert!(!page2.has_more);
    let paged: Vec<&str> = page1
        .buy_list
        .iter()
        .chain(&page2.buy_list)
        .map(|s| s.sub_order_id.as_str())
        .collect();
    assert_eq!(paged, sub_ids);
    assert_eq!(page2.order, page1.order, "the header repeats on every page");

    let streamed: Vec<UnionSubOrder> = client
        .union_order_stream(&order_id)
        .try_collect()
        .await
        .expect("union_order_stream");
    assert_eq!(streamed, union.buy_list);

    assert_eq!(
        errcode(
            client.get_order(&order_id).await,
            "get_order on a multi-corp order"
        ),
        INVALID_PARAMETER
    );
    for sub in &sub_ids {
        let none = client
            .list_order_account(sub, None, None)
            .await
            .expect("sub-order accounts before payment");
        assert!(none.account_list.is_empty());
    }

    let pay = client
        .submit_pay_job(PAYER, &order_id)
        .await
        .expect("submit_pay_job");
    assert!(!pay.jobid.is_empty());
    let paid = client.pay_job_result(&pay.jobid).await.expect("pay_job_result");
    assert_eq!(paid.status, PayJobStatus::Paid);
    assert!(
        paid.pay_job_result.is_none(),
        "no failure report on success: {paid:?}"
    );
    assert_eq!(
        errcode(client.submit_pay_job(PAYER, &order_id).await, "pay twice"),
        ORDER_NOT_PENDING
    );

    let header = client
        .get_union_order(&order_id, None, None)
        .await
        .expect("get_union_order after payment")
        .order;
    assert_eq!(header.order_status, OrderStatus::Paid);
    assert!(header.pay_time >= header.create_time, "{header:?}");

    let up_codes: Vec<OrderAccount> = client
        .list_order_account_stream(&sub_ids[0])
        .try_collect()
        .await
        .expect("codes of the first sub-order");
    assert_eq!(up_codes.len(), 3);
    assert!(up_codes.iter().all(|a| a.account_type == AccountType::Base));
    let down_codes = client
        .list_order_account(&sub_ids[1], None, None)
        .await
        .expect("codes of the second sub-order")
        .account_list;
    assert_eq!(down_codes.len(), 2);
    assert!(
        down_codes
            .iter()
            .all(|a| a.account_type == AccountType::ExternalContact)
    );

    // Each corp owns its codes, and only its own.
    let info = code_info(&client, down, &down_codes[0].active_code).await;
    assert_eq!(info.status, ActiveCodeStatus::Unbound);
    assert_eq!(info.account_type, AccountType::ExternalContact);
    assert_eq!(
        errcode(
            client
                .get_active_info_by_code(up, &down_codes[0].active_code)
                .await,
            "the other corp's code",
        ),
        SBX_CODE_NOT_FOUND
    );
    client
        .active_account(up, &up_codes[0].active_code, "sunqi")
        .await
        .expect("the first corp activates its code");

    // The sub-orders are the corps' own orders; the parent is listed once.
    let per_corp = client
        .list_order(&ListOrderRequest::new().with_corpid(down))
        .await
        .expect("list_order for the second corp");
    let ids: Vec<&str> = per_corp.order_list.iter().map(|o| o.order_id.as_str()).collect();
    assert_eq!(ids, [sub_ids[1].as_str()]);
    let top: Vec<(String, OrderType)> = client
        .list_order_stream(ListOrderRequest::new())
        .map_ok(|o| (o.order_id, o.order_type))
        .try_collect()
        .await
        .expect("list_order_stream");
    assert_eq!(top, [(order_id.clone(), OrderType::MultiCorpPurchase)]);

    // The purchase set each corp's auto-activation switch.
    for (corpid, expected) in [(up, AutoActiveStatus::On), (down, AutoActiveStatus::Off)] {
        let status = client
            .get_auto_active_status(corpid)
            .await
            .expect("get_auto_active_status");
        assert_eq!(status.auto_active_status, expected, "{corpid}");
    }
}

/// batch_transfer_license moves every account of the handover member (the
/// handover loses them, the takeover gains them) and fails per item when the
/// takeover already holds the type or the handover holds nothing;
/// batch_share_active_code hands an unbound code to the downstream corp
/// (share_info, status 6 upstream) and refuses bound or already shared codes.
#[tokio::test]
async fn transfer_moves_accounts_and_sharing_hands_unbound_codes_downstream() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let (up, down) = (creds::CUSTOMER_CORPID, creds::DOWNSTREAM_CORPID);
    let codes = buy_paid(&client, &sb, up, AccountCount::new(4, 1), 1).await;
    let (b, e) = (&codes.base, &codes.external);
    for (code, user) in [(&b[0], "zhangsan"), (&e[0], "zhangsan"), (&b[1], "lisi")] {
        client.active_account(up, code, user).await.expect("activate");
    }
    let expiry = code_info(&client, up, &b[0]).await.expire_time;

    let transfer = client
        .batch_transfer_license(&BatchTransferLicenseRequest::new(
            up,
            vec![
                LicenseTransfer::new("zhangsan", "lisi"),
                LicenseTransfer::new("zhangsan", "wangwu"),
                LicenseTransfer::new("sunqi", "zhaoliu"),
                LicenseTransfer::new("lisi", "nobody"),
            ],
        ))
        .await
        .expect("batch_transfer_license");
    let outcome: Vec<(&str, &str, i64)> = transfer
        .transfer_result
        .iter()
        .map(|r| (r.handover_userid.as_str(), r.takeover_userid.as_str(), r.errcode))
        .collect();
    assert_eq!(
        outcome,
        [
            ("zhangsan", "lisi", SBX_TAKEOVER_HAS_ACCOUNT),
            ("zhangsan", "wangwu", 0),
            ("sunqi", "zhaoliu", SBX_NO_ACTIVE_ACCOUNT),
            ("lisi", "nobody", INVALID_USERID),
        ]
    );

    let handover = client
        .get_active_info_by_user(up, "zhangsan")
        .await
        .expect("handover after the transfer");
    assert_eq!(handover.active_status, UserActiveStatus::Inactive);
    assert!(handover.active_info_list.is_empty());
    let takeover = client
        .get_active_info_by_user(up, "wangwu")
        .await
        .expect("takeover after the transfer");
    assert_eq!(takeover.active_status, UserActiveStatus::Active);
    let mut held: Vec<&str> = takeover
        .active_info_list
        .iter()
        .map(|a| a.active_code.as_str())
        .collect();
    held.sort_unstable();
    let mut moved = vec![b[0].as_str(), e[0].as_str()];
    moved.sort_unstable();
    assert_eq!(held, moved);
    let moved_code = code_info(&client, up, &b[0]).await;
    assert_eq!(moved_code.userid, "wangwu");
    assert_eq!(moved_code.expire_time, expiry, "a transfer keeps the expiry");
    let lisi = client
        .get_active_info_by_user(up, "lisi")
        .await
        .expect("the refused takeover");
    assert_eq!(lisi.active_info_list.len(), 1);
    assert_eq!(lisi.active_info_list[0].active_code, b[1]);

    // Sharing: one unbound code goes downstream, a bound one does not.
    let share = client
        .batch_share_active_code(&BatchShareActiveCodeRequest::new(
            up,
            down,
            [b[2].as_str(), b[1].as_str()],
        ))
        .await
        .expect("batch_share_active_code");
    let failures: Vec<(&str, i64)> = share
        .share_result
        .iter()
        .filter(|r| r.errcode != 0)
        .map(|r| (r.active_code.as_str(), r.errcode))
        .collect();
    assert_eq!(failures, [(b[1].as_str(), SBX_CODE_NOT_USABLE)]);

    let seen_down = code_info(&client, down, &b[2]).await;
    assert_eq!(seen_down.status, ActiveCodeStatus::Unbound);
    assert_eq!(
        seen_down.share_info,
        Some(ShareInfo {
            to_corpid: down.to_owned(),
            from_corpid: up.to_owned(),
        })
    );
    let seen_up = code_info(&client, up, &b[2]).await;
    assert_eq!(seen_up.status, ActiveCodeStatus::SharedToDownstream);
    assert_eq!(
        code_info(&client, up, &b[1]).await.status,
        ActiveCodeStatus::Bound
    );

    let again = client
        .batch_share_active_code(
            &BatchShareActiveCodeRequest::new(up, down, [b[2].as_str()])
                .with_corp_link_type(CorpLinkType::UpstreamDownstream),
        )
        .await
        .expect("share the same code again");
    let codes_again: Vec<i64> = again.share_result.iter().map(|r| r.errcode).collect();
    assert_eq!(codes_again, [SBX_CODE_ALREADY_SHARED]);

    // The code now belongs downstream.
    assert_eq!(
        errcode(client.active_account(up, &b[2], "sunqi").await, "upstream use"),
        SBX_CODE_NOT_IN_CORP
    );
    client
        .active_account(down, &b[2], "alice")
        .await
        .expect("the downstream corp activates the shared code");
    let downstream: Vec<ActivedAccount> = client
        .list_actived_account_stream(down)
        .try_collect()
        .await
        .expect("downstream accounts");
    assert_eq!(accounts_by_user(&downstream), [("alice".to_owned(), 1)]);
}

/// set_auto_active_status / get_auto_active_status round trip;
/// get_app_license_info reports the check on and a 90-day trial from the
/// install; support_policy_query reports "not eligible" with 701091.
#[tokio::test]
async fn corp_settings_round_trip_and_report_trial_and_policy() {
    let sb = Sandbox::start().await;
    let installed = sb.now();
    let client = sb.provider_client();
    let corp = creds::CUSTOMER_CORPID;

    let get = || async {
        client
            .get_auto_active_status(corp)
            .await
            .expect("get_auto_active_status")
            .auto_active_status
    };
    assert_eq!(get().await, AutoActiveStatus::Off, "off until set");
    client
        .set_auto_active_status(corp, AutoActiveStatus::On)
        .await
        .expect("turn on");
    assert_eq!(get().await, AutoActiveStatus::On);
    assert_eq!(
        client
            .get_auto_active_status(creds::DOWNSTREAM_CORPID)
            .await
            .expect("the other corp")
            .auto_active_status,
        AutoActiveStatus::Off,
        "the switch is per corp"
    );
    client
        .set_auto_active_status(corp, AutoActiveStatus::Off)
        .await
        .expect("turn off");
    assert_eq!(get().await, AutoActiveStatus::Off);
    assert_eq!(
        errcode(
            client
                .set_auto_active_status(corp, AutoActiveStatus::Other(2))
                .await,
            "status 2",
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            client.get_auto_active_status("wwnotacustomer01").await,
            "unknown corp",
        ),
        INVALID_CORPID
    );

    let info = client
        .get_app_license_info(corp, creds::SUITE_ID, None)
        .await
        .expect("get_app_license_info");
    assert_eq!(info.license_status, LicenseStatus::CheckOn);
    let trial = info.trial_info.expect("a trial while the check is on");
    assert!(
        (installed - 5..=installed).contains(&trial.start_time),
        "{trial:?}"
    );
    assert_eq!(trial.end_time - trial.start_time, 90 * DAY);
    assert_eq!(
        errcode(
            client.get_app_license_info(corp, "wwunknownsuite01", None).await,
            "unknown suite",
        ),
        INVALID_PARAMETER
    );

    let policy = client
        .support_policy_query(corp)
        .await
        .expect("support_policy_query");
    assert_eq!(policy.query_result, SupportPolicyResult::NotEligible);
    assert_eq!(policy.unsatisfied_reason, [POLICY_INDUSTRY_MISMATCH]);
    assert_eq!(
        errcode(
            client.support_policy_query("wwnotacustomer01").await,
            "unknown corp",
        ),
        INVALID_CORPID
    );
}

/// list_order_account_stream yields each of 2500 codes exactly once over
/// three requests of 1000; list_order_stream walks five orders two at a time
/// in three requests; a stream's error is its last item.
#[tokio::test]
async fn order_streams_walk_every_page_exactly_once() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let corp = creds::CUSTOMER_CORPID;
    let big = client
        .create_new_order(&NewOrder::new(
            corp,
            BUYER,
            AccountCount::new(2000, 500),
            AccountDuration::months(1),
        ))
        .await
        .expect("create a 2500-account order");
    sb.license().pay_order(&big.order_id).expect("pay");

    let accounts: Vec<OrderAccount> = client
        .list_order_account_stream(&big.order_id)
        .try_collect()
        .await
        .expect("list_order_account_stream");
    assert_eq!(accounts.len(), 2500);
    let distinct: HashSet<&str> = accounts.iter().map(|a| a.active_code.as_str()).collect();
    assert_eq!(distinct.len(), 2500, "no code is yielded twice");
    let base = accounts
        .iter()
        .filter(|a| a.account_type == AccountType::Base)
        .count();
    assert_eq!((base, accounts.len() - base), (2000, 500));
    let requests = sb.requests("license/list_order_account");
    assert_eq!(requests.len(), 3, "1000 + 1000 + 500");
    let cursors: Vec<Option<Value>> = requests
        .iter()
        .map(|r| r.json().expect("JSON body").get("cursor").cloned())
        .collect();
    assert_eq!(cursors[0], None, "the first page has no cursor");
    assert!(cursors[1].is_some() && cursors[2].is_some() && cursors[1] != cursors[2]);
    assert!(
        requests
            .iter()
            .all(|r| r.json().is_some_and(|b| b["limit"] == 1000))
    );

    // Five orders (the big one plus four), walked two per page.
    let mut ids = vec![big.order_id.clone()];
    for months in 1..=4 {
        let created = client
            .create_new_order(&NewOrder::new(
                corp,
                BUYER,
                AccountCount::base(1),
                AccountDuration::months(months),
            ))
            .await
            .expect("another order");
        ids.push(created.order_id);
    }
    let before = sb.request_count("license/list_order");
    let listed: Vec<String> = client
        .list_order_stream(ListOrderRequest::new().with_corpid(corp).with_limit(2))
        .map_ok(|o| o.order_id)
        .try_collect()
        .await
        .expect("list_order_stream");
    assert_eq!(listed, ids);
    assert_eq!(sb.request_count("license/list_order") - before, 3, "2 + 2 + 1");

    // A stream starting from a cursor skips what came before it.
    let first = client
        .list_order(&ListOrderRequest::new().with_limit(2))
        .await
        .expect("list_order first page");
    let rest: Vec<String> = client
        .list_order_stream(
            ListOrderRequest::new()
                .with_limit(2)
                .with_cursor(first.next_cursor),
        )
        .map_ok(|o| o.order_id)
        .try_collect()
        .await
        .expect("list_order_stream from a cursor");
    assert_eq!(rest, ids[2..]);

    // An error ends the stream as its only item.
    let items: Vec<Result<OrderAccount>> = client.list_order_account_stream("OI-missing").collect().await;
    assert_eq!(items.len(), 1);
    let err = items
        .into_iter()
        .next()
        .expect("one item")
        .expect_err("unknown order");
    assert_eq!(err.code(), Some(SBX_ORDER_NOT_FOUND));
}

/// list_actived_account_stream walks 1001 activated accounts over two
/// requests (1000 + 1), each member once; batch_active_account takes 1000.
#[tokio::test]
async fn actived_account_stream_walks_more_than_one_page() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let corp = "wwbigcustomer001";
    let users: Vec<String> = (0..1001).map(|i| format!("member{i:04}")).collect();
    let user_refs: Vec<&str> = users.iter().map(String::as_str).collect();
    sb.license().add_customer_corp(corp, &user_refs);

    let codes = buy_paid(&client, &sb, corp, AccountCount::base(1001), 1)
        .await
        .base;
    let pairs: Vec<AccountActivation> = codes
        .iter()
        .zip(&users)
        .map(|(code, user)| AccountActivation::new(code, user))
        .collect();
    for chunk in pairs.chunks(1000) {
        let result = client
            .batch_active_account(&BatchActiveAccountRequest::new(corp, chunk.to_vec()))
            .await
            .expect("batch_active_account");
        assert_eq!(result.active_result.len(), chunk.len());
        assert!(result.active_result.iter().all(|r| r.errcode == 0));
    }

    let before = sb.request_count("license/list_actived_account");
    let accounts: Vec<ActivedAccount> = client
        .list_actived_account_stream(corp)
        .try_collect()
        .await
        .expect("list_actived_account_stream");
    assert_eq!(sb.request_count("license/list_actived_account") - before, 2);
    let seen: BTreeSet<&str> = accounts.iter().map(|a| a.userid.as_str()).collect();
    assert_eq!(accounts.len(), 1001);
    assert_eq!(seen, user_refs.iter().copied().collect::<BTreeSet<_>>());
    assert!(accounts.iter().all(|a| a.account_type == AccountType::Base));
}

/// The JSON bodies use WeCom's exact keys (nested objects, integer enums,
/// `None` left out) and the query carries only `provider_access_token`.
#[tokio::test]
async fn requests_carry_wecom_keys_and_only_the_provider_token() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let corp = creds::CUSTOMER_CORPID;

    let created = client
        .create_new_order(&NewOrder::new(
            corp,
            BUYER,
            AccountCount::new(2, 1),
            AccountDuration::months(3),
        ))
        .await
        .expect("create_new_order");
    let order_id = created.order_id.as_str();
    client
        .list_order_account(order_id, None, None)
        .await
        .expect("list_order_account without cursor or limit");
    client
        .list_order_account(order_id, Some("SBX0"), Some(5))
        .await
        .expect("list_order_account with cursor and limit");
    client.get_order(order_id).await.expect("get_order");
    client
        .cancel_order(order_id, Some(corp))
        .await
        .expect("cancel_order");
    client
        .set_auto_active_status(corp, AutoActiveStatus::On)
        .await
        .expect("set_auto_active_status");
    client
        .get_app_license_info(corp, creds::SUITE_ID, None)
        .await
        .expect("get_app_license_info without appid");
    client
        .get_app_license_info(corp, creds::SUITE_ID, Some(7))
        .await
        .expect("get_app_license_info with appid");
    client
        .list_order(&ListOrderRequest::new())
        .await
        .expect("list_order without filters");
    client
        .batch_share_active_code(
            &BatchShareActiveCodeRequest::new(corp, creds::DOWNSTREAM_CORPID, ["LC-none"])
                .with_corp_link_type(CorpLinkType::Interconnection),
        )
        .await
        .expect("batch_share_active_code");

    let body = |path: &str, index: usize| -> Value {
        let requests = sb.requests(path);
        let request = requests
            .get(index)
            .unwrap_or_else(|| panic!("request {index} to {path}"));
        assert_eq!(request.method, "POST", "{path}");
        request
            .json()
            .unwrap_or_else(|| panic!("{path} sent a JSON body"))
    };
    assert_eq!(
        body("license/create_new_order", 0),
        json!({
            "corpid": corp,
            "buyer_userid": BUYER,
            "account_count": {"base_count": 2, "external_contact_count": 1},
            "account_duration": {"months": 3},
        })
    );
    assert_eq!(
        body("license/list_order_account", 0),
        json!({"order_id": order_id})
    );
    assert_eq!(
        body("license/list_order_account", 1),
        json!({"order_id": order_id, "cursor": "SBX0", "limit": 5})
    );
    assert_eq!(body("license/get_order", 0), json!({"order_id": order_id}));
    assert_eq!(
        body("license/cancel_order", 0),
        json!({"order_id": order_id, "corpid": corp})
    );
    assert_eq!(
        body("license/set_auto_active_status", 0),
        json!({"corpid": corp, "auto_active_status": 1})
    );
    assert_eq!(
        body("license/get_app_license_info", 0),
        json!({"corpid": corp, "suite_id": creds::SUITE_ID})
    );
    assert_eq!(
        body("license/get_app_license_info", 1),
        json!({"corpid": corp, "suite_id": creds::SUITE_ID, "appid": 7})
    );
    assert_eq!(body("license/list_order", 0), json!({}));
    assert_eq!(
        body("license/batch_share_active_code", 0),
        json!({
            "from_corpid": corp,
            "to_corpid": creds::DOWNSTREAM_CORPID,
            "share_list": [{"active_code": "LC-none"}],
            "corp_link_type": 1,
        })
    );

    let paths = [
        "license/create_new_order",
        "license/list_order_account",
        "license/get_order",
        "license/cancel_order",
        "license/set_auto_active_status",
        "license/get_app_license_info",
        "license/list_order",
        "license/batch_share_active_code",
    ];
    let token_fetches = sb.requests("service/get_provider_token");
    assert_eq!(token_fetches.len(), 1, "one token for every call");
    for path in paths {
        for request in sb.requests(path) {
            let names: Vec<&str> = request.query.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(names, ["provider_access_token"], "{path}");
            assert!(
                request
                    .query_param("provider_access_token")
                    .is_some_and(|t| !t.is_empty()),
                "{path}"
            );
        }
    }
}

/// A multi-corp order has no corpid of its own and is cancelled without one.
#[tokio::test]
async fn an_unpaid_multi_corp_order_is_cancelled_without_a_corpid() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let job = client
        .create_new_order_job(&CreateNewOrderJobRequest::new(vec![CorpPurchase::new(
            creds::CUSTOMER_CORPID,
            AccountCount::base(2),
            AccountDuration::months(1),
        )]))
        .await
        .expect("create_new_order_job");
    client
        .submit_new_order_job(&job.jobid, BUYER)
        .await
        .expect("submit");
    let order_id = client
        .new_order_job_result(&job.jobid)
        .await
        .expect("result")
        .order_id;

    client
        .cancel_order(&order_id, None)
        .await
        .expect("cancel without corpid");
    let order = client
        .get_union_order(&order_id, None, None)
        .await
        .expect("union order");
    assert_eq!(order.order.order_status, OrderStatus::Cancelled);
    let body = sb.requests("license/cancel_order")[0].json().expect("json body");
    assert_eq!(body, serde_json::json!({ "order_id": order_id }));
}
