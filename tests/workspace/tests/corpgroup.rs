//! The UpStream / DownStream (上下游, `corpgroup/*`) family end to end: every
//! endpoint through the generated client against the sandbox's chain (an
//! upstream corp `creds::CORPID`, groups 2–4, downstream corps
//! `creds::DOWNSTREAM_CORPID` and `wwdownstream0002`, a pending corp),
//! checking method, path, token, body and decoding; the brand → dealer
//! flow; and a table mapping every method of the reference Java SDK's
//! `UpStreamApi` (felord) to ours, on the right path.

use std::collections::BTreeMap;

use futures_util::TryStreamExt;
use serde_json::{Value, json};
use wecom_apis::corpgroup::*;
use wecom_apis::{Client, CorpClient, Result};
use wecom_testkit::{Sandbox, creds, errcode};

/// The sandbox's chain, owned by `creds::CORPID`.
const CHAIN: &str = "Chsandbox0000001";
/// The upstream app shared into the chain.
const AGENTID: i64 = 1_000_005;
/// The second downstream corp.
const DOWNSTREAM2: &str = "wwdownstream0002";
/// The chain's pending corp.
const PENDING: &str = "wppending0000001";

// WeCom's documented codes.
/// 40013: invalid corpid.
const INVALID_CORPID: i64 = 40_013;
/// 40056: invalid agentid.
const INVALID_AGENTID: i64 = 40_056;
/// 40058: invalid parameter.
const INVALID_PARAMETER: i64 = 40_058;
/// 48002: API not allowed for this caller.
const API_FORBIDDEN: i64 = 48_002;
/// 60103: invalid mobile.
const INVALID_MOBILE: i64 = 60_103;
/// 60111: userid not found.
const USER_NOT_FOUND: i64 = 60_111;
/// 670016: invalid contact identity (import).
const INVALID_IDENTITY: i64 = 670_016;

// The sandbox's own block for situations whose WeCom code it does not use.
/// An import job is still running.
const SBX_IMPORT_RUNNING: i64 = 670_901;
/// Unknown jobid.
const SBX_JOB_NOT_FOUND: i64 = 670_902;
/// The corp is not in the chain.
const SBX_CORP_NOT_IN_CHAIN: i64 = 670_903;
/// Unknown rule.
const SBX_RULE_NOT_FOUND: i64 = 670_904;
/// Unknown or mismatched mini-program session.
const SBX_INVALID_SESSION: i64 = 670_905;

/// The brand's (upstream corp's) client.
fn upstream(sb: &Sandbox) -> CorpClient {
    Client::builder()
        .corp(creds::CORPID, creds::CORP_SECRET)
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .build()
        .expect("client builds")
}

/// The JSON body of the last POST to `path`.
fn body(sb: &Sandbox, path: &str) -> Value {
    sb.last_corp_request(path, "POST")
        .json()
        .unwrap_or_else(|| panic!("{path}: body is not JSON"))
}

/// The access_token the last request to `path` carried.
fn token_of(sb: &Sandbox, path: &str) -> String {
    sb.requests(path)
        .pop()
        .and_then(|r| r.query_param("access_token").map(str::to_owned))
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------
// The chain's contact book
// ---------------------------------------------------------------------------

/// get_chain_list, get_chain_group, get_chain_corpinfo_list (+ stream),
/// get_chain_corpinfo (by corpid and by pending_corpid),
/// get_chain_user_custom_id, get_corp_shared_chain_list.
#[tokio::test]
async fn contact_book_of_the_chain() {
    let sb = Sandbox::start().await;
    let brand = upstream(&sb);

    let chains = brand.get_chain_list().await.expect("chains");
    let req = sb.last_corp_request("corpgroup/corp/get_chain_list", "GET");
    assert_eq!(req.body, "");
    assert_eq!(req.query.len(), 1, "only the token: {:?}", req.query);
    assert_eq!(chains.chains.len(), 1);
    assert_eq!(chains.chains[0].chain_id, CHAIN);
    assert_eq!(chains.chains[0].chain_name, "沙箱品牌经销商网络");

    let groups = brand.get_chain_group(CHAIN, None).await.expect("groups");
    assert_eq!(
        body(&sb, "corpgroup/corp/get_chain_group"),
        json!({"chain_id": CHAIN})
    );
    let by_id: BTreeMap<u32, &ChainGroup> = groups.groups.iter().map(|g| (g.groupid, g)).collect();
    assert_eq!(by_id.keys().copied().collect::<Vec<_>>(), [2, 3, 4]);
    assert_eq!(by_id[&3].group_name, "上海门店");
    assert_eq!(by_id[&3].parentid, 2);
    assert_eq!(by_id[&2].order, 2);
    let one = brand.get_chain_group(CHAIN, Some(3)).await.expect("one group");
    assert_eq!(
        body(&sb, "corpgroup/corp/get_chain_group"),
        json!({"chain_id": CHAIN, "groupid": 3})
    );
    assert_eq!(one.groups.len(), 1);
    assert_eq!(
        errcode(brand.get_chain_group("Chnope", None).await, "unknown chain"),
        INVALID_PARAMETER
    );

    // Group 2 holds the first dealer (joined) and the pending corp.
    let joined = brand
        .get_chain_corpinfo_list(&ChainCorpInfoListRequest::new(CHAIN).with_groupid(2))
        .await
        .expect("joined corps");
    assert_eq!(
        body(&sb, "corpgroup/corp/get_chain_corpinfo_list"),
        json!({"chain_id": CHAIN, "groupid": 2})
    );
    assert!(!joined.has_more);
    assert_eq!(joined.group_corps.len(), 1);
    let dealer = &joined.group_corps[0];
    assert_eq!(dealer.corpid, creds::DOWNSTREAM_CORPID);
    assert!(dealer.is_joined, "is_joined sent as 1");
    assert_eq!(dealer.groupid, 2);
    assert_eq!(dealer.custom_id, "D0001");
    assert_eq!(dealer.invite_userid, "zhangsan");
    assert_eq!(dealer.corp_name, "沙箱下游企业");
    assert_eq!(
        dealer.chain_corp(),
        Some(ChainCorp::corpid(creds::DOWNSTREAM_CORPID))
    );

    let first = brand
        .get_chain_corpinfo_list(
            &ChainCorpInfoListRequest::new(CHAIN)
                .with_groupid(2)
                .with_need_pending(true)
                .with_limit(1),
        )
        .await
        .expect("page 1");
    assert_eq!(
        body(&sb, "corpgroup/corp/get_chain_corpinfo_list"),
        json!({"chain_id": CHAIN, "groupid": 2, "need_pending": true, "limit": 1})
    );
    assert!(first.has_more, "has_more sent as a bool");
    assert_eq!(first.group_corps.len(), 1);
    let all: Vec<GroupCorp> = brand
        .get_chain_corpinfo_list_stream(
            ChainCorpInfoListRequest::new(CHAIN)
                .with_groupid(2)
                .with_need_pending(true)
                .with_limit(1),
        )
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(all.len(), 2);
    assert_eq!(
        body(&sb, "corpgroup/corp/get_chain_corpinfo_list"),
        json!({"chain_id": CHAIN, "groupid": 2, "need_pending": true, "limit": 1, "cursor": first.next_cursor})
    );
    let pending = &all[1];
    assert!(!pending.is_joined);
    assert_eq!(pending.corpid, "");
    assert_eq!(pending.chain_corp(), Some(ChainCorp::pending_corpid(PENDING)));
    let root = brand
        .get_chain_corpinfo_list(&ChainCorpInfoListRequest::new(CHAIN))
        .await
        .expect("root group");
    assert!(root.group_corps.is_empty());

    // One corp, by corpid and by pending_corpid.
    let info = brand
        .get_chain_corpinfo(&ChainCorpQuery::new(CHAIN, ChainCorp::corpid(DOWNSTREAM2)))
        .await
        .expect("corp info");
    assert_eq!(
        body(&sb, "corpgroup/corp/get_chain_corpinfo"),
        json!({"chain_id": CHAIN, "corpid": DOWNSTREAM2})
    );
    assert_eq!(info.corp_name, "沙箱二级门店");
    assert_eq!(info.qualification_status, Some(QualificationStatus::Certified));
    assert_eq!(info.custom_id, "D0002");
    assert_eq!(info.groupid, 3);
    assert!(info.is_joined, "is_joined sent as a bool");
    let info = brand
        .get_chain_corpinfo(&ChainCorpQuery::new(CHAIN, ChainCorp::pending_corpid(PENDING)))
        .await
        .expect("pending corp info");
    assert_eq!(
        body(&sb, "corpgroup/corp/get_chain_corpinfo"),
        json!({"chain_id": CHAIN, "pending_corpid": PENDING})
    );
    assert!(!info.is_joined);
    assert_eq!(info.qualification_status, None);
    assert_eq!(info.corp_name, "待加入门店");
    let unknown = brand
        .get_chain_corpinfo(&ChainCorpQuery::new(CHAIN, ChainCorp::corpid("wwnotinchain0001")))
        .await;
    assert_eq!(errcode(unknown, "not in the chain"), SBX_CORP_NOT_IN_CHAIN);

    // Member custom ids and a corp's chains.
    let custom = brand
        .get_chain_user_custom_id(CHAIN, creds::DOWNSTREAM_CORPID, "alice")
        .await
        .expect("custom id");
    assert_eq!(
        body(&sb, "corpgroup/corp/get_chain_user_custom_id"),
        json!({"chain_id": CHAIN, "corpid": creds::DOWNSTREAM_CORPID, "userid": "alice"})
    );
    assert_eq!(custom.user_custom_id, "1001");
    let none = brand
        .get_chain_user_custom_id(CHAIN, DOWNSTREAM2, "dave")
        .await
        .expect("no custom id");
    assert_eq!(none.user_custom_id, "");
    assert_eq!(
        errcode(
            brand.get_chain_user_custom_id(CHAIN, DOWNSTREAM2, "alice").await,
            "not a member"
        ),
        USER_NOT_FOUND
    );

    let shared = brand
        .get_corp_shared_chain_list(DOWNSTREAM2)
        .await
        .expect("shared chains");
    assert_eq!(
        body(&sb, "corpgroup/get_corp_shared_chain_list"),
        json!({"corpid": DOWNSTREAM2})
    );
    assert_eq!(shared.chains, chains.chains);
    assert_eq!(
        sb.request_count("corpgroup/corp/get_chain_user_custom_id"),
        3,
        "get_corp_shared_chain_list must not use the custom-id path"
    );
    let none = brand
        .get_corp_shared_chain_list("wwnotinchain0001")
        .await
        .expect("none");
    assert!(none.chains.is_empty());
}

/// list_app_share_info (+ stream), get_downstream_token, and a dealer
/// client from `downstream(..)` calling a corp endpoint (`user/get`).
#[tokio::test]
async fn shared_app_and_downstream_tokens() {
    let sb = Sandbox::start().await;
    let brand = upstream(&sb);

    let page = brand
        .list_app_share_info(&ListAppShareInfoRequest::new(AGENTID).with_limit(1))
        .await
        .expect("page 1");
    assert_eq!(
        body(&sb, "corpgroup/corp/list_app_share_info"),
        json!({"agentid": AGENTID, "business_type": 1, "limit": 1})
    );
    assert!(!page.ending, "ending 0 on the first of two pages");
    assert_eq!(page.corp_list.len(), 1);
    assert_eq!(page.corp_list[0].corpid, creds::DOWNSTREAM_CORPID);
    assert_eq!(page.corp_list[0].corp_name, "沙箱下游企业");
    assert_eq!(page.corp_list[0].agentid, 1_000_002);
    let rest = brand
        .list_app_share_info(
            &ListAppShareInfoRequest::new(AGENTID)
                .with_limit(1)
                .with_cursor(page.next_cursor.clone()),
        )
        .await
        .expect("page 2");
    assert!(rest.ending);
    assert_eq!(rest.next_cursor, "");
    assert_eq!(rest.corp_list[0].corpid, DOWNSTREAM2);

    let all: Vec<SharedCorp> = brand
        .list_app_share_info_stream(ListAppShareInfoRequest::new(AGENTID))
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(all.len(), 2);
    assert_eq!(
        body(&sb, "corpgroup/corp/list_app_share_info"),
        json!({"agentid": AGENTID, "business_type": 1, "limit": 100}),
        "the stream pages by WeCom's maximum"
    );
    let one = brand
        .list_app_share_info(
            &ListAppShareInfoRequest::new(AGENTID)
                .with_corpid(DOWNSTREAM2)
                .with_business_type(BusinessType::UpDownStream),
        )
        .await
        .expect("one corp");
    assert_eq!(
        body(&sb, "corpgroup/corp/list_app_share_info"),
        json!({"agentid": AGENTID, "business_type": 1, "corpid": DOWNSTREAM2})
    );
    assert_eq!(one.corp_list.len(), 1);
    assert_eq!(
        errcode(
            brand.list_app_share_info(&ListAppShareInfoRequest::new(1)).await,
            "not the chain's app"
        ),
        INVALID_AGENTID
    );
    assert_eq!(
        errcode(
            brand
                .list_app_share_info(&ListAppShareInfoRequest::new(AGENTID).with_limit(101))
                .await,
            "limit over 100 is sent as is and rejected"
        ),
        INVALID_PARAMETER
    );

    // The token endpoint itself, for apps that manage tokens.
    let token = brand
        .get_downstream_token(DOWNSTREAM2, Some(BusinessType::UpDownStream), 1_000_003)
        .await
        .expect("downstream token");
    assert_eq!(
        body(&sb, "corpgroup/corp/gettoken"),
        json!({"corpid": DOWNSTREAM2, "business_type": 1, "agentid": 1_000_003})
    );
    assert!(!token.access_token.is_empty());
    assert_eq!(token.expires_in, 7200);
    assert!(!format!("{token:?}").contains(&token.access_token));
    assert_eq!(
        errcode(
            brand.get_downstream_token("wwnotinchain0001", None, 1).await,
            "not in the chain"
        ),
        INVALID_CORPID
    );

    // The runtime's downstream client: the dealer's own corp endpoints.
    let shared = &all[0];
    let dealer = brand.downstream(&shared.corpid, shared.agentid);
    let alice = dealer.get_user("alice").await.expect("a dealer member");
    assert_eq!(alice.userid, "alice");
    assert_ne!(
        token_of(&sb, "user/get"),
        token_of(&sb, "corpgroup/corp/list_app_share_info"),
        "user/get ran with the dealer's token"
    );
    let dealer_chains = dealer.get_chain_list().await.expect("a dealer's chains");
    assert!(dealer_chains.chains.is_empty(), "a dealer owns no chain");
    assert_eq!(
        errcode(
            dealer.unionid_to_pending_id("u", "o").await,
            "dealer token upstream"
        ),
        API_FORBIDDEN
    );
}

/// Helper trait for `get_user` on a corp client (the SDK's contact family
/// is not part of this issue).
#[wecom_apis::api]
trait UserGetApi {
    /// 读取成员.
    #[get("user/get", token = corp)]
    async fn get_user(&self, userid: &str) -> Result<SandboxUser>;
}

/// What `user/get` answers in the sandbox.
#[derive(Debug, serde::Deserialize)]
struct SandboxUser {
    userid: String,
}

// ---------------------------------------------------------------------------
// Customers across the chain
// ---------------------------------------------------------------------------

/// unionid → pending_id (upstream), the fan becomes the dealer's customer,
/// unionid → external_userid, and external_userid → pending_id from both
/// sides; pending_ids last 90 days; more than 100 ids are sent, not cut.
#[tokio::test]
async fn unionid_pending_id_and_external_userid() {
    let sb = Sandbox::start().await;
    let brand = upstream(&sb);
    let dealer = brand.downstream(creds::DOWNSTREAM_CORPID, 1_000_002);

    let pending = brand
        .unionid_to_pending_id("ouFAN0001", "oMINI0001")
        .await
        .expect("pending id");
    assert_eq!(
        body(&sb, "corpgroup/unionid_to_pending_id"),
        json!({"unionid": "ouFAN0001", "openid": "oMINI0001"})
    );
    assert!(!pending.pending_id.is_empty());
    let again = brand
        .unionid_to_pending_id("ouFAN0001", "oMINI0001")
        .await
        .expect("same pending id");
    assert_eq!(again, pending);
    assert_eq!(
        errcode(
            brand.unionid_to_pending_id("ouFAN0001", "oOTHER").await,
            "openid of another user"
        ),
        INVALID_PARAMETER
    );

    // Not a customer anywhere yet.
    let nowhere = brand
        .corpgroup_unionid_to_external_userid(&UnionidToExternalUseridRequest::new("ouFAN0001", "oMINI0001"))
        .await
        .expect("no customer yet");
    assert!(nowhere.external_userid_info.is_empty());

    // The fan adds the dealer's member on WeChat.
    let external_userid = sb
        .corpgroup()
        .add_downstream_customer(creds::DOWNSTREAM_CORPID, "ouFAN0001", "oMINI0001")
        .expect("customer");
    let found = brand
        .corpgroup_unionid_to_external_userid(&UnionidToExternalUseridRequest::new("ouFAN0001", "oMINI0001"))
        .await
        .expect("customer found");
    assert_eq!(
        body(&sb, "corpgroup/unionid_to_external_userid"),
        json!({"unionid": "ouFAN0001", "openid": "oMINI0001"})
    );
    assert_eq!(
        found.external_userid_info,
        [CorpExternalUserid {
            corpid: creds::DOWNSTREAM_CORPID.into(),
            external_userid: external_userid.clone(),
        }]
    );
    let elsewhere = brand
        .corpgroup_unionid_to_external_userid(
            &UnionidToExternalUseridRequest::new("ouFAN0001", "oMINI0001")
                .with_corpid(DOWNSTREAM2)
                .with_mass_call_ticket("TICKET"),
        )
        .await
        .expect("filtered");
    assert_eq!(
        body(&sb, "corpgroup/unionid_to_external_userid"),
        json!({"unionid": "ouFAN0001", "openid": "oMINI0001", "corpid": DOWNSTREAM2, "mass_call_ticket": "TICKET"})
    );
    assert!(elsewhere.external_userid_info.is_empty());

    // The dealer maps its customer back to the brand's pending_id.
    let mapped = dealer
        .downstream_external_userid_to_pending_id(&ExternalUseridToPendingIdRequest::new([&external_userid]))
        .await
        .expect("downstream side");
    assert_eq!(
        body(&sb, "corpgroup/batch/external_userid_to_pending_id"),
        json!({"external_userid": [external_userid]})
    );
    let dealer_token = token_of(&sb, "corpgroup/batch/external_userid_to_pending_id");
    assert_eq!(
        mapped.result,
        [ExternalUseridPendingId {
            external_userid: external_userid.clone(),
            pending_id: pending.pending_id.clone(),
        }]
    );
    let up = brand
        .external_userid_to_pending_id(
            &ExternalUseridToPendingIdRequest::new([external_userid.as_str(), "wmUNKNOWN"])
                .with_chat_id("wrCHAT"),
        )
        .await
        .expect("upstream side");
    assert_eq!(
        body(&sb, "corpgroup/batch/external_userid_to_pending_id"),
        json!({"chat_id": "wrCHAT", "external_userid": [external_userid, "wmUNKNOWN"]})
    );
    assert_ne!(
        token_of(&sb, "corpgroup/batch/external_userid_to_pending_id"),
        dealer_token
    );
    assert_eq!(up.result, mapped.result, "unknown ids are left out");

    // The other dealer does not see this customer.
    let other = brand.downstream(DOWNSTREAM2, 1_000_003);
    let hidden = other
        .downstream_external_userid_to_pending_id(&ExternalUseridToPendingIdRequest::new([&external_userid]))
        .await
        .expect("other dealer");
    assert!(hidden.result.is_empty());

    let too_many: Vec<String> = (0..101).map(|i| format!("wm{i:04}")).collect();
    let over = brand
        .external_userid_to_pending_id(&ExternalUseridToPendingIdRequest::new(too_many))
        .await;
    assert_eq!(errcode(over, "101 ids"), INVALID_PARAMETER);
    let sent = body(&sb, "corpgroup/batch/external_userid_to_pending_id");
    assert_eq!(sent["external_userid"].as_array().map(Vec::len), Some(101));

    // 90 days later the pending_id has lapsed and a new one is issued.
    sb.advance_clock(90 * 86_400);
    let renewed = brand
        .unionid_to_pending_id("ouFAN0001", "oMINI0001")
        .await
        .expect("renewed");
    assert_ne!(renewed.pending_id, pending.pending_id);
}

/// miniprogram/transfer_session with the dealer's token; the upstream
/// token and another dealer's are refused.
#[tokio::test]
async fn mini_program_session_moves_downstream() {
    let sb = Sandbox::start().await;
    let brand = upstream(&sb);
    let (encrypted, key) = sb
        .corpgroup()
        .miniprogram_login(DOWNSTREAM2, "carol")
        .expect("carol logs in");
    let dealer = brand.downstream(DOWNSTREAM2, 1_000_003);
    let session = dealer.transfer_session(&encrypted, &key).await.expect("session");
    assert_eq!(
        body(&sb, "miniprogram/transfer_session"),
        json!({"userid": encrypted, "session_key": key})
    );
    assert_eq!(session.userid, "carol");
    assert!(!session.session_key.is_empty());
    assert_ne!(session.session_key, key);
    assert!(!format!("{session:?}").contains(&session.session_key));

    assert_eq!(
        errcode(brand.transfer_session(&encrypted, &key).await, "upstream token"),
        API_FORBIDDEN
    );
    let first_dealer = brand.downstream(creds::DOWNSTREAM_CORPID, 1_000_002);
    assert_eq!(
        errcode(
            first_dealer.transfer_session(&encrypted, &key).await,
            "another dealer"
        ),
        SBX_INVALID_SESSION
    );
    assert!(sb.corpgroup().miniprogram_login(DOWNSTREAM2, "alice").is_err());
}

// ---------------------------------------------------------------------------
// Contact import
// ---------------------------------------------------------------------------

/// import_chain_contact then get_result until done: one corp imported into
/// a new group, one blocked by its contacts; one job at a time; the new corp
/// joins and its contacts' custom ids are readable.
#[tokio::test]
async fn import_contacts_and_poll_until_done() {
    let sb = Sandbox::start().await;
    let brand = upstream(&sb);
    let job = ImportChainContactRequest::new(
        CHAIN,
        vec![
            ChainContact::new(
                "杭州旗舰店",
                vec![
                    ChainContactInfo::new("张三", IdentityType::Head, "13000000001"),
                    ChainContactInfo::new("李四", IdentityType::Member, "+85259000045")
                        .with_user_custom_id("100"),
                ],
            )
            .with_group_path("华东经销商/杭州门店")
            .with_custom_id("H0001"),
            ChainContact::new(
                "坏数据门店",
                vec![
                    ChainContactInfo::new("王五", IdentityType::Other(9), "13000000002"),
                    ChainContactInfo::new("赵六", IdentityType::Member, "12345"),
                ],
            ),
        ],
    );
    let submitted = brand.import_chain_contact(&job).await.expect("job");
    assert_eq!(
        body(&sb, "corpgroup/import_chain_contact"),
        json!({
            "chain_id": CHAIN,
            "contact_list": [
                {"corp_name": "杭州旗舰店", "group_path": "华东经销商/杭州门店", "custom_id": "H0001",
                 "contact_info_list": [
                    {"name": "张三", "identity_type": 2, "mobile": "13000000001"},
                    {"name": "李四", "identity_type": 1, "mobile": "+85259000045", "user_custom_id": "100"}]},
                {"corp_name": "坏数据门店",
                 "contact_info_list": [
                    {"name": "王五", "identity_type": 9, "mobile": "13000000002"},
                    {"name": "赵六", "identity_type": 1, "mobile": "12345"}]}
            ]
        })
    );
    assert!(!submitted.jobid.is_empty());
    assert_eq!(
        errcode(brand.import_chain_contact(&job).await, "second job"),
        SBX_IMPORT_RUNNING
    );

    let mut polls = 0;
    let done = loop {
        polls += 1;
        let state = brand.get_result(&submitted.jobid).await.expect("poll");
        let req = sb.last_corp_request("corpgroup/getresult", "GET");
        assert_eq!(req.query_param("jobid"), Some(submitted.jobid.as_str()));
        assert_eq!(req.body, "");
        if state.is_done() {
            break state;
        }
        assert_eq!(state.status, JobStatus::Running);
        assert!(state.result.is_none());
        assert!(polls < 10, "the job never finished");
    };
    assert_eq!(polls, 2);
    assert_eq!(done.status, JobStatus::Done);
    let result = done.result.expect("result");
    assert_eq!(result.chain_id, CHAIN);
    assert_eq!(result.import_status, Some(ImportStatus::PartlySucceeded));
    assert_eq!(result.fail_list.len(), 1);
    let failed = &result.fail_list[0];
    assert_eq!(failed.corp_name, "坏数据门店");
    assert_eq!(failed.custom_id, "");
    assert_eq!(failed.errcode, INVALID_IDENTITY);
    let codes: Vec<(&str, i64)> = failed
        .contact_info_list
        .iter()
        .map(|c| (c.mobile.as_str(), c.errcode))
        .collect();
    assert_eq!(
        codes,
        [("13000000002", INVALID_IDENTITY), ("12345", INVALID_MOBILE)]
    );
    assert_eq!(failed.contact_info_list[0].errmsg, "invalid contact identity");
    assert_eq!(
        errcode(brand.get_result("jobnope").await, "unknown job"),
        SBX_JOB_NOT_FOUND
    );

    // The imported corp is pending in a new group under 华东经销商.
    let groups = brand.get_chain_group(CHAIN, None).await.expect("groups");
    let hz = groups
        .groups
        .iter()
        .find(|g| g.group_name == "杭州门店")
        .expect("group created by group_path");
    assert_eq!(hz.parentid, 2);
    let corps = brand
        .get_chain_corpinfo_list(
            &ChainCorpInfoListRequest::new(CHAIN)
                .with_groupid(hz.groupid)
                .with_need_pending(true),
        )
        .await
        .expect("new group");
    assert_eq!(corps.group_corps.len(), 1);
    let imported = &corps.group_corps[0];
    assert_eq!(imported.custom_id, "H0001");
    assert!(!imported.is_joined);

    let corpid = sb
        .corpgroup()
        .join_chain(&imported.pending_corpid)
        .expect("joins");
    let custom = brand
        .get_chain_user_custom_id(CHAIN, &corpid, "contact2")
        .await
        .expect("imported custom id");
    assert_eq!(custom.user_custom_id, "100");
    let info = brand
        .get_chain_corpinfo(&ChainCorpQuery::new(CHAIN, ChainCorp::corpid(&corpid)))
        .await
        .expect("joined");
    assert!(info.is_joined);
    assert_eq!(info.qualification_status, Some(QualificationStatus::Verified));

    // The job is done, so the next one may start.
    brand
        .import_chain_contact(&ImportChainContactRequest::new(
            CHAIN,
            vec![ChainContact::new(
                "第二批门店",
                vec![ChainContactInfo::new("孙七", IdentityType::Head, "13000000003")],
            )],
        ))
        .await
        .expect("next job");
}

// ---------------------------------------------------------------------------
// Removing corps, rules
// ---------------------------------------------------------------------------

/// remove_corp by pending_corpid and by corpid; a removed dealer's token
/// can no longer be fetched.
#[tokio::test]
async fn remove_corp_by_either_id() {
    let sb = Sandbox::start().await;
    let brand = upstream(&sb);
    brand
        .remove_corp(&ChainCorpQuery::new(CHAIN, ChainCorp::pending_corpid(PENDING)))
        .await
        .expect("remove pending");
    assert_eq!(
        body(&sb, "corpgroup/corp/remove_corp"),
        json!({"chain_id": CHAIN, "pending_corpid": PENDING})
    );
    brand
        .remove_corp(&ChainCorpQuery::new(CHAIN, ChainCorp::corpid(DOWNSTREAM2)))
        .await
        .expect("remove joined");
    assert_eq!(
        body(&sb, "corpgroup/corp/remove_corp"),
        json!({"chain_id": CHAIN, "corpid": DOWNSTREAM2})
    );
    let again = brand
        .remove_corp(&ChainCorpQuery::new(CHAIN, ChainCorp::corpid(DOWNSTREAM2)))
        .await;
    assert_eq!(errcode(again, "already removed"), SBX_CORP_NOT_IN_CHAIN);
    let shares: Vec<SharedCorp> = brand
        .list_app_share_info_stream(ListAppShareInfoRequest::new(AGENTID))
        .try_collect()
        .await
        .expect("shares");
    assert_eq!(shares.len(), 1);
    let gone = brand.downstream(DOWNSTREAM2, 1_000_003);
    let err = gone.get_user("carol").await.expect_err("removed from the chain");
    assert!(err.is_token_error(), "{err:?}");
    assert_eq!(err.code(), Some(INVALID_CORPID));
}

/// rule/list_ids, get_rule_info, add_rule, modify_rule, delete_rule.
#[tokio::test]
async fn chain_rules_lifecycle() {
    let sb = Sandbox::start().await;
    let brand = upstream(&sb);
    assert!(
        brand
            .list_rule_ids(CHAIN)
            .await
            .expect("no rules")
            .rule_ids
            .is_empty()
    );
    assert_eq!(body(&sb, "corpgroup/rule/list_ids"), json!({"chain_id": CHAIN}));

    let rule = RuleInfo::new(
        OwnerCorpRange::users(["zhangsan"]).with_departments([2]),
        MemberCorpRange::groups([2, 3]),
    );
    let added = brand.add_rule(CHAIN, &rule).await.expect("add");
    assert_eq!(
        body(&sb, "corpgroup/rule/add_rule"),
        json!({"chain_id": CHAIN, "rule_info": {
            "owner_corp_range": {"userids": ["zhangsan"], "departmentids": [2]},
            "member_corp_range": {"groupids": [2, 3]}}})
    );
    assert_eq!(
        brand.list_rule_ids(CHAIN).await.expect("ids").rule_ids,
        [added.rule_id]
    );

    let detail = brand.get_rule_info(CHAIN, added.rule_id).await.expect("detail");
    assert_eq!(
        body(&sb, "corpgroup/rule/get_rule_info"),
        json!({"chain_id": CHAIN, "rule_id": added.rule_id})
    );
    assert_eq!(detail.rule_info, rule);

    let changed = RuleInfo::new(
        OwnerCorpRange::users(["lisi"]),
        MemberCorpRange::corps([DOWNSTREAM2]),
    );
    brand
        .modify_rule(CHAIN, added.rule_id, &changed)
        .await
        .expect("modify");
    assert_eq!(
        body(&sb, "corpgroup/rule/modify_rule"),
        json!({"chain_id": CHAIN, "rule_id": added.rule_id, "rule_info": {
            "owner_corp_range": {"userids": ["lisi"]},
            "member_corp_range": {"corpids": [DOWNSTREAM2]}}})
    );
    let detail = brand.get_rule_info(CHAIN, added.rule_id).await.expect("modified");
    assert_eq!(detail.rule_info.member_corp_range.corpids, [DOWNSTREAM2]);
    assert!(detail.rule_info.member_corp_range.groupids.is_empty());

    let bad = RuleInfo::new(
        OwnerCorpRange::users(["zhangsan"]),
        MemberCorpRange::corps(["wwnotinchain0001"]),
    );
    assert_eq!(
        errcode(brand.add_rule(CHAIN, &bad).await, "corp outside the chain"),
        INVALID_CORPID
    );
    let stranger = RuleInfo::new(OwnerCorpRange::users(["nobody"]), MemberCorpRange::groups([2]));
    assert_eq!(
        errcode(brand.add_rule(CHAIN, &stranger).await, "unknown member"),
        USER_NOT_FOUND
    );

    brand.delete_rule(CHAIN, added.rule_id).await.expect("delete");
    assert_eq!(
        body(&sb, "corpgroup/rule/delete_rule"),
        json!({"chain_id": CHAIN, "rule_id": added.rule_id})
    );
    assert_eq!(
        errcode(brand.get_rule_info(CHAIN, added.rule_id).await, "deleted"),
        SBX_RULE_NOT_FOUND
    );
    assert_eq!(
        errcode(brand.delete_rule(CHAIN, added.rule_id).await, "deleted twice"),
        SBX_RULE_NOT_FOUND
    );
}

// ---------------------------------------------------------------------------
// The brand → dealer flow in one go
// ---------------------------------------------------------------------------

/// List the chain, act as a dealer with its downstream token, tie a WeChat
/// fan's unionid to the dealer's customer through the pending_id, and
/// import contacts polling the job to completion.
#[tokio::test]
async fn brand_to_dealer_end_to_end() {
    let sb = Sandbox::start().await;
    let brand = upstream(&sb);

    let chain = brand.get_chain_list().await.expect("chains").chains.remove(0);
    let mut dealers = Vec::new();
    for group in brand
        .get_chain_group(&chain.chain_id, None)
        .await
        .expect("groups")
        .groups
    {
        let corps: Vec<GroupCorp> = brand
            .get_chain_corpinfo_list_stream(
                ChainCorpInfoListRequest::new(&chain.chain_id).with_groupid(group.groupid),
            )
            .try_collect()
            .await
            .expect("corps");
        dealers.extend(corps.into_iter().map(|c| c.corpid));
    }
    assert_eq!(dealers, [creds::DOWNSTREAM_CORPID, DOWNSTREAM2]);

    let shares = brand
        .list_app_share_info(&ListAppShareInfoRequest::new(AGENTID).with_corpid(creds::DOWNSTREAM_CORPID))
        .await
        .expect("share");
    let share = &shares.corp_list[0];
    let dealer = brand.downstream(&share.corpid, share.agentid);
    assert_eq!(dealer.get_user("bob").await.expect("dealer member").userid, "bob");

    let pending = brand
        .unionid_to_pending_id("ouFAN0042", "oMINI0042")
        .await
        .expect("pending");
    let external_userid = sb
        .corpgroup()
        .add_downstream_customer(&share.corpid, "ouFAN0042", "oMINI0042")
        .expect("fan becomes customer");
    let mapped = dealer
        .downstream_external_userid_to_pending_id(&ExternalUseridToPendingIdRequest::new([&external_userid]))
        .await
        .expect("mapped");
    assert_eq!(mapped.result[0].pending_id, pending.pending_id);
    let info = brand
        .corpgroup_unionid_to_external_userid(
            &UnionidToExternalUseridRequest::new("ouFAN0042", "oMINI0042").with_corpid(&share.corpid),
        )
        .await
        .expect("unionid → external_userid");
    assert_eq!(info.external_userid_info[0].external_userid, external_userid);

    let job = brand
        .import_chain_contact(&ImportChainContactRequest::new(
            &chain.chain_id,
            vec![
                ChainContact::new(
                    "苏州门店",
                    vec![ChainContactInfo::new("周八", IdentityType::Head, "13900000008")],
                )
                .with_group_path("华东经销商")
                .with_custom_id("S0001"),
            ],
        ))
        .await
        .expect("import");
    let result = loop {
        let state = brand.get_result(&job.jobid).await.expect("poll");
        if let Some(result) = state.result {
            break result;
        }
    };
    assert_eq!(result.import_status, Some(ImportStatus::AllSucceeded));
    assert!(result.fail_list.is_empty());
    let group2: Vec<GroupCorp> = brand
        .get_chain_corpinfo_list_stream(
            ChainCorpInfoListRequest::new(&chain.chain_id)
                .with_groupid(2)
                .with_need_pending(true),
        )
        .try_collect()
        .await
        .expect("group 2");
    assert!(group2.iter().any(|c| c.custom_id == "S0001" && !c.is_joined));
}

// ---------------------------------------------------------------------------
// Decoding every documented field (stubbed replies)
// ---------------------------------------------------------------------------

/// Documented replies in both encodings of the inconsistent fields decode:
/// `is_joined` as bool and 0/1, `has_more` as 0/1, `ending` as a string,
/// unknown enum values, `user_mobile` for `mobile`, missing fields.
#[tokio::test]
async fn stubbed_replies_decode() {
    let sb = Sandbox::start().await;
    let brand = upstream(&sb);

    sb.stub(
        "corpgroup/corp/get_chain_corpinfo_list",
        json!({"has_more": 1, "next_cursor": "CUR", "group_corps": [
            {"groupid": 2, "corpid": "wwA", "corp_name": "美馨粮油公司", "custom_id": "c1",
             "invite_userid": "zhangsan", "is_joined": true},
            {"groupid": 2, "pending_corpid": "wpB", "corp_name": "B", "is_joined": 0}]}),
    );
    let list = brand
        .get_chain_corpinfo_list(&ChainCorpInfoListRequest::new("Ch"))
        .await
        .expect("list");
    assert!(list.has_more);
    assert_eq!(list.next_cursor, "CUR");
    assert!(list.group_corps[0].is_joined);
    assert!(!list.group_corps[1].is_joined);
    assert_eq!(list.group_corps[1].custom_id, "");

    sb.stub(
        "corpgroup/corp/get_chain_corpinfo",
        json!({"corp_name": "X", "qualification_status": 7, "custom_id": "c", "groupid": 1, "is_joined": 1}),
    );
    let info = brand
        .get_chain_corpinfo(&ChainCorpQuery::new("Ch", ChainCorp::corpid("wwA")))
        .await
        .expect("info");
    assert_eq!(info.qualification_status, Some(QualificationStatus::Other(7)));
    assert!(info.is_joined);

    sb.stub(
        "corpgroup/corp/list_app_share_info",
        json!({"ending": "1", "corp_list": [{"corpid": "wwcorpid1", "corp_name": "测试企业1", "agentid": 1111}],
               "next_cursor": ""}),
    );
    let shares = brand
        .list_app_share_info(&ListAppShareInfoRequest::new(1))
        .await
        .expect("shares");
    assert!(shares.ending);
    assert_eq!(shares.corp_list[0].agentid, 1111);

    sb.stub(
        "corpgroup/getresult",
        json!({"status": 3, "result": {"chain_id": "xxxx", "import_status": 3, "fail_list": [{
            "corp_name": "飞飞培训学校", "custom_id": "", "errcode": 670016, "errmsg": "invalid contact identity",
            "contact_info_list": [{"user_mobile": "13000000001", "errcode": 670016, "errmsg": "invalid contact identity"}]}]}}),
    );
    let done = brand.get_result("JOB").await.expect("result");
    assert!(done.is_done());
    let result = done.result.expect("result");
    assert_eq!(result.import_status, Some(ImportStatus::AllFailed));
    assert_eq!(result.fail_list[0].contact_info_list[0].mobile, "13000000001");
    sb.stub("corpgroup/getresult", json!({"status": 5}));
    let odd = brand.get_result("JOB").await.expect("unknown status");
    assert_eq!(odd.status, JobStatus::Other(5));
    assert!(!odd.is_done());

    sb.stub(
        "corpgroup/rule/get_rule_info",
        json!({"rule_info": {"owner_corp_range": {"departmentids": ["5", 6], "userids": ["userid1"]},
                             "member_corp_range": {"groupids": [2], "corpids": ["corpid1"]}}}),
    );
    let rule = brand.get_rule_info("Ch", 1).await.expect("rule");
    assert_eq!(rule.rule_info.owner_corp_range.departmentids, [5, 6]);
    assert_eq!(rule.rule_info.member_corp_range.corpids, ["corpid1"]);
}

// ---------------------------------------------------------------------------
// The reference Java SDK's UpStreamApi (felord) → ours, on the right path
// ---------------------------------------------------------------------------

/// Every method of felord's `UpStreamApi` (and of its `DownStreamApi` and
/// `ChainRuleApi`) has a counterpart here that hits the right path — the
/// Java SDK's second `getChainUserCustomId(CorpId)` included, which it maps
/// to `corpgroup/corp/get_chain_user_custom_id` although it is
/// `corpgroup/get_corp_shared_chain_list`. Each call goes through a stubbed
/// sandbox; only the expected path's request count may change.
#[tokio::test]
async fn felord_methods_have_counterparts_on_the_right_paths() {
    const PATHS: &[&str] = &[
        "corpgroup/corp/list_app_share_info",
        "corpgroup/unionid_to_external_userid",
        "corpgroup/unionid_to_pending_id",
        "corpgroup/batch/external_userid_to_pending_id",
        "corpgroup/corp/get_chain_list",
        "corpgroup/corp/get_chain_group",
        "corpgroup/corp/get_chain_corpinfo_list",
        "corpgroup/corp/get_chain_corpinfo",
        "corpgroup/import_chain_contact",
        "corpgroup/getresult",
        "corpgroup/corp/remove_corp",
        "corpgroup/corp/get_chain_user_custom_id",
        "corpgroup/get_corp_shared_chain_list",
        "miniprogram/transfer_session",
        "corpgroup/rule/list_ids",
        "corpgroup/rule/get_rule_info",
        "corpgroup/rule/add_rule",
        "corpgroup/rule/modify_rule",
        "corpgroup/rule/delete_rule",
    ];
    let sb = Sandbox::start().await;
    for path in PATHS {
        sb.stub(
            path,
            json!({"pending_id": "P", "jobid": "J", "rule_id": 1, "user_custom_id": "1",
                   "userid": "u", "session_key": "k", "status": 3}),
        );
    }
    let c = upstream(&sb);
    let counts = |sb: &Sandbox| -> Vec<usize> { PATHS.iter().map(|p| sb.request_count(p)).collect() };
    let mut before = counts(&sb);
    let mut expect = |java: &str, ours: &str, path: &str| {
        let after = counts(&sb);
        for (i, p) in PATHS.iter().enumerate() {
            let want = before[i] + usize::from(*p == path);
            assert_eq!(after[i], want, "felord {java} → {ours}: request count of {p}");
        }
        before = after;
    };
    let query = ChainCorpQuery::new("Ch", ChainCorp::corpid("ww"));
    let rule = RuleInfo::new(OwnerCorpRange::users(["u"]), MemberCorpRange::groups([2]));

    // UpStreamApi
    c.list_app_share_info(&ListAppShareInfoRequest::new(1))
        .await
        .expect("listAppShareInfo");
    expect(
        "listAppShareInfo",
        "list_app_share_info",
        "corpgroup/corp/list_app_share_info",
    );
    c.corpgroup_unionid_to_external_userid(&UnionidToExternalUseridRequest::new("u", "o"))
        .await
        .expect("unionidToExternalUserid");
    expect(
        "unionidToExternalUserid",
        "corpgroup_unionid_to_external_userid",
        "corpgroup/unionid_to_external_userid",
    );
    c.unionid_to_pending_id("u", "o")
        .await
        .expect("unionidToPendingId");
    expect(
        "unionidToPendingId",
        "unionid_to_pending_id",
        "corpgroup/unionid_to_pending_id",
    );
    c.external_userid_to_pending_id(&ExternalUseridToPendingIdRequest::new(["wm"]))
        .await
        .expect("externalUseridToPendingId");
    expect(
        "externalUseridToPendingId",
        "external_userid_to_pending_id",
        "corpgroup/batch/external_userid_to_pending_id",
    );
    c.get_chain_list().await.expect("getChainList");
    expect("getChainList", "get_chain_list", "corpgroup/corp/get_chain_list");
    c.get_chain_group("Ch", None).await.expect("getChainGroup");
    expect(
        "getChainGroup",
        "get_chain_group",
        "corpgroup/corp/get_chain_group",
    );
    c.get_chain_corpinfo_list(&ChainCorpInfoListRequest::new("Ch"))
        .await
        .expect("getChainCorpinfoList");
    expect(
        "getChainCorpinfoList",
        "get_chain_corpinfo_list",
        "corpgroup/corp/get_chain_corpinfo_list",
    );
    c.get_chain_corpinfo(&query).await.expect("getChainCorpinfo");
    expect(
        "getChainCorpinfo(ChainCorpDetailRequest)",
        "get_chain_corpinfo",
        "corpgroup/corp/get_chain_corpinfo",
    );
    c.import_chain_contact(&ImportChainContactRequest::new("Ch", Vec::new()))
        .await
        .expect("getChainCorpinfo(ChainContactRequest)");
    expect(
        "getChainCorpinfo(ChainContactRequest)",
        "import_chain_contact",
        "corpgroup/import_chain_contact",
    );
    c.get_result("J").await.expect("getResult");
    expect("getResult", "get_result", "corpgroup/getresult");
    c.remove_corp(&query).await.expect("removeCorp");
    expect("removeCorp", "remove_corp", "corpgroup/corp/remove_corp");
    c.get_chain_user_custom_id("Ch", "ww", "u")
        .await
        .expect("getChainUserCustomId(CorpInUser)");
    expect(
        "getChainUserCustomId(CorpInUser)",
        "get_chain_user_custom_id",
        "corpgroup/corp/get_chain_user_custom_id",
    );
    c.get_corp_shared_chain_list("ww")
        .await
        .expect("getChainUserCustomId(CorpId)");
    expect(
        "getChainUserCustomId(CorpId)",
        "get_corp_shared_chain_list",
        "corpgroup/get_corp_shared_chain_list",
    );

    // DownStreamApi
    c.transfer_session("u", "k").await.expect("transferSession");
    expect(
        "DownStreamApi.transferSession",
        "transfer_session",
        "miniprogram/transfer_session",
    );
    c.downstream_external_userid_to_pending_id(&ExternalUseridToPendingIdRequest::new(["wm"]))
        .await
        .expect("DownStreamApi.externalUseridToPendingId");
    expect(
        "DownStreamApi.externalUseridToPendingId",
        "downstream_external_userid_to_pending_id",
        "corpgroup/batch/external_userid_to_pending_id",
    );

    // ChainRuleApi
    c.list_rule_ids("Ch").await.expect("listIds");
    expect("ChainRuleApi.listIds", "list_rule_ids", "corpgroup/rule/list_ids");
    c.get_rule_info("Ch", 1).await.expect("getRuleInfo");
    expect(
        "ChainRuleApi.getRuleInfo",
        "get_rule_info",
        "corpgroup/rule/get_rule_info",
    );
    c.add_rule("Ch", &rule).await.expect("addRule");
    expect("ChainRuleApi.addRule", "add_rule", "corpgroup/rule/add_rule");
    c.modify_rule("Ch", 1, &rule).await.expect("modifyRule");
    expect(
        "ChainRuleApi.modifyRule",
        "modify_rule",
        "corpgroup/rule/modify_rule",
    );
    c.delete_rule("Ch", 1).await.expect("deleteRule");
    expect(
        "ChainRuleApi.deleteRule",
        "delete_rule",
        "corpgroup/rule/delete_rule",
    );

    // The methods on GET send no body; the rest POST JSON.
    for path in PATHS {
        let req = sb.requests(path).pop().expect("called");
        let get = matches!(*path, "corpgroup/corp/get_chain_list" | "corpgroup/getresult");
        assert_eq!(req.method, if get { "GET" } else { "POST" }, "{path}");
        assert!(req.query_param("access_token").is_some(), "{path}");
    }
}
