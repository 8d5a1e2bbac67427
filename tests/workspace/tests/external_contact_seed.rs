//! Seed 002 coverage: every method of WxJava's `WxCpExternalContactService`
//! (seeds/wxjava-WxCpExternalContactService.txt) maps to an endpoint this
//! SDK declares.
//!
//! [`SEED_MAP`] pairs each Java method name with the WeCom path (and HTTP
//! method) of `the project's endpoint list (section 2). One test calls our
//! counterpart of every row through a corp client against the sandbox and
//! checks the request it recorded; the other fails for any Java method of the
//! seed (kept as a list of names in `fixtures/`) that the table does not map.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use wecom_apis::external_contact::*;
use wecom_apis::{CorpClient, Result};
use wecom_testkit::Sandbox;

/// The seed's Java method names, one per line (`#` starts a comment),
/// extracted once with [`seed_method_names`] and kept in the repository.
const SEED_METHODS: &str = include_str!("fixtures/wxjava-external-contact-methods.txt");

/// One seed method: Java name, the WeCom path (relative to `/cgi-bin/`) and
/// the HTTP method our counterpart must use.
struct Row {
    java: &'static str,
    path: &'static str,
    method: &'static str,
}

const fn row(java: &'static str, path: &'static str, method: &'static str) -> Row {
    Row { java, path, method }
}

/// Every method of `WxCpExternalContactService` (overloads share a row) and
/// the endpoint it calls.
#[rustfmt::skip]
const SEED_MAP: &[Row] = &[
    row("addContactWay",            "externalcontact/add_contact_way",            "POST"),
    row("addCorpTag",               "externalcontact/add_corp_tag",               "POST"),
    row("addMomentTask",            "externalcontact/add_moment_task",            "POST"),
    row("addMsgTemplate",           "externalcontact/add_msg_template",           "POST"),
    row("closeTempChat",            "externalcontact/close_temp_chat",            "POST"),
    row("convertToOpenid",          "externalcontact/convert_to_openid",          "POST"),
    row("delCorpTag",               "externalcontact/del_corp_tag",               "POST"),
    row("deleteContactWay",         "externalcontact/del_contact_way",            "POST"),
    row("editCorpTag",              "externalcontact/edit_corp_tag",              "POST"),
    row("getContactDetail",         "externalcontact/get",                        "GET"),
    row("getContactDetailBatch",    "externalcontact/batch/get_by_user",          "POST"),
    row("getContactWay",            "externalcontact/get_contact_way",            "POST"),
    row("getCorpTagList",           "externalcontact/get_corp_tag_list",          "POST"),
    row("getExternalContact",       "crm/get_external_contact",                   "GET"),
    row("getGroupChat",             "externalcontact/groupchat/get",              "POST"),
    row("getGroupChatStatistic",    "externalcontact/groupchat/statistic",        "POST"),
    row("getGroupMsgListV2",        "externalcontact/get_groupmsg_list_v2",       "POST"),
    row("getGroupMsgSendResult",    "externalcontact/get_groupmsg_send_result",   "POST"),
    row("getGroupMsgTask",          "externalcontact/get_groupmsg_task",          "POST"),
    row("getMomentComments",        "externalcontact/get_moment_comments",        "POST"),
    row("getMomentCustomerList",    "externalcontact/get_moment_customer_list",   "POST"),
    row("getMomentList",            "externalcontact/get_moment_list",            "POST"),
    row("getMomentSendResult",      "externalcontact/get_moment_send_result",     "POST"),
    row("getMomentTask",            "externalcontact/get_moment_task",            "POST"),
    row("getMomentTaskResult",      "externalcontact/get_moment_task_result",     "GET"),
    row("getUserBehaviorStatistic", "externalcontact/get_user_behavior_data",     "POST"),
    row("listExternalContacts",     "externalcontact/list",                       "GET"),
    row("listFollowers",            "externalcontact/get_follow_user_list",       "GET"),
    row("listGroupChat",            "externalcontact/groupchat/list",             "POST"),
    row("listUnassignedList",       "externalcontact/get_unassigned_list",        "POST"),
    row("markTag",                  "externalcontact/mark_tag",                   "POST"),
    row("resignedTransferCustomer", "externalcontact/resigned/transfer_customer", "POST"),
    row("resignedTransferResult",   "externalcontact/resigned/transfer_result",   "POST"),
    row("sendWelcomeMsg",           "externalcontact/send_welcome_msg",           "POST"),
    row("transferCustomer",         "externalcontact/transfer_customer",          "POST"),
    row("transferExternalContact",  "externalcontact/transfer",                   "POST"),
    row("transferGroupChat",        "externalcontact/groupchat/transfer",         "POST"),
    row("transferResult",           "externalcontact/transfer_result",            "POST"),
    row("unionidToExternalUserid",  "externalcontact/unionid_to_external_userid", "POST"),
    row("updateContactWay",         "externalcontact/update_contact_way",         "POST"),
    row("updateRemark",             "externalcontact/remark",                     "POST"),
];

const USER: &str = "zhangsan";
const TAKEOVER: &str = "lisi";
const CUSTOMER: &str = "wmCUSTOMER0001";
const CHAT: &str = "wrCHAT0001";
const MOMENT: &str = "momMOMENT0001";
const MSGID: &str = "msgGROUPMSG0001";
/// 2023-11-14 (unix seconds), a day start for the statistics calls.
const DAY_START: i64 = 1_699_891_200;

/// A minimal reply for `path` that our response type decodes.
fn minimal_reply(path: &str) -> Value {
    let detail = json!({
        "external_contact": {"external_userid": CUSTOMER, "name": "客户一", "type": 1},
        "follow_user": [{"userid": USER, "createtime": 1_700_000_000}],
    });
    let transfer_reply = json!({"customer": [{"external_userid": CUSTOMER, "errcode": 0}]});
    let transfer_list =
        json!({"customer": [{"external_userid": CUSTOMER, "status": 2, "takeover_time": 1_700_086_400}]});
    match path {
        "externalcontact/add_contact_way" => {
            json!({"config_id": "cfg0001", "qr_code": "https://p.qpic.cn/qr"})
        }
        "externalcontact/add_corp_tag" => json!({
            "tag_group": {
                "group_id": "etGROUP0009",
                "group_name": "会员等级",
                "tag": [{"id": "etTAG0009", "name": "金卡"}],
            },
        }),
        "externalcontact/add_moment_task" => json!({"jobid": "job0001"}),
        "externalcontact/add_msg_template" => json!({"fail_list": [], "msgid": MSGID}),
        "externalcontact/convert_to_openid" => json!({"openid": "oOPENID0001"}),
        "externalcontact/get" | "crm/get_external_contact" => detail,
        "externalcontact/batch/get_by_user" => json!({
            "external_contact_list": [{
                "external_contact": {"external_userid": CUSTOMER, "name": "客户一", "type": 1},
                "follow_info": {"userid": USER, "tag_id": ["etTAG0002"]},
            }],
            "next_cursor": "",
        }),
        "externalcontact/get_contact_way" => {
            json!({"contact_way": {"config_id": "cfg0001", "type": 1, "scene": 2}})
        }
        "externalcontact/get_corp_tag_list" => json!({"tag_group": [{"group_id": "etGROUP0001", "tag": []}]}),
        "externalcontact/groupchat/get" => {
            json!({"group_chat": {"chat_id": CHAT, "name": "客户群", "owner": USER, "member_list": []}})
        }
        "externalcontact/groupchat/statistic" => json!({"total": 0, "next_offset": 0, "items": []}),
        "externalcontact/get_groupmsg_list_v2" => {
            json!({"group_msg_list": [{"msgid": MSGID}], "next_cursor": ""})
        }
        "externalcontact/get_groupmsg_send_result" => json!({"send_list": [], "next_cursor": ""}),
        "externalcontact/get_groupmsg_task" => {
            json!({"task_list": [{"userid": USER, "status": 2}], "next_cursor": ""})
        }
        "externalcontact/get_moment_comments" => json!({"comment_list": [], "like_list": []}),
        "externalcontact/get_moment_customer_list" => json!({"customer_list": [], "next_cursor": ""}),
        "externalcontact/get_moment_list" => {
            json!({"moment_list": [{"moment_id": MOMENT}], "next_cursor": ""})
        }
        "externalcontact/get_moment_send_result" => json!({"customer_list": [], "next_cursor": ""}),
        "externalcontact/get_moment_task" => json!({"task_list": [], "next_cursor": ""}),
        "externalcontact/get_moment_task_result" => {
            json!({"status": 3, "type": "add_moment_task", "result": {}})
        }
        "externalcontact/get_user_behavior_data" => json!({"behavior_data": []}),
        "externalcontact/list" => json!({"external_userid": [CUSTOMER]}),
        "externalcontact/get_follow_user_list" => json!({"follow_user": [USER]}),
        "externalcontact/groupchat/list" => {
            json!({"group_chat_list": [{"chat_id": CHAT, "status": 0}], "next_cursor": ""})
        }
        "externalcontact/get_unassigned_list" => json!({"info": [], "is_last": true, "next_cursor": ""}),
        "externalcontact/resigned/transfer_customer" | "externalcontact/transfer_customer" => transfer_reply,
        "externalcontact/resigned/transfer_result" | "externalcontact/transfer_result" => transfer_list,
        "externalcontact/groupchat/transfer" => json!({"failed_chat_list": []}),
        "externalcontact/unionid_to_external_userid" => json!({"external_userid": CUSTOMER}),
        // errcode-only replies: close_temp_chat, del_corp_tag, del_contact_way,
        // edit_corp_tag, mark_tag, send_welcome_msg, transfer, update_contact_way, remark.
        _ => json!({}),
    }
}

/// Calls our counterpart(s) of the Java method `java`; returns how many
/// requests that made (overloads with a separate counterpart add one each).
async fn call_counterpart(client: &CorpClient, java: &str) -> Result<usize> {
    let calls = match java {
        "addContactWay" => {
            client
                .add_contact_way(&NewContactWay::single_qr(USER).with_remark("门店"))
                .await?;
            1
        }
        "addCorpTag" => {
            let tags = AddCorpTagRequest::new_group("会员等级", vec![NewCorpTag::new("金卡")]);
            client.add_corp_tag(&tags).await?;
            1
        }
        "addMomentTask" => {
            client
                .add_moment_task(&MomentTask::new().with_text("新品上市"))
                .await?;
            1
        }
        "addMsgTemplate" => {
            let template = MsgTemplate::to_customers([CUSTOMER])
                .with_sender(USER)
                .with_text("周末活动");
            client.add_msg_template(&template).await?;
            1
        }
        "closeTempChat" => {
            client.close_temp_chat(USER, CUSTOMER).await?;
            1
        }
        "convertToOpenid" => {
            client.convert_to_openid(CUSTOMER).await?;
            1
        }
        "delCorpTag" => {
            client.del_corp_tag(Some(&["etTAG0005"]), None, None).await?;
            1
        }
        "deleteContactWay" => {
            client.del_contact_way("cfg0001").await?;
            1
        }
        "editCorpTag" => {
            client
                .edit_corp_tag(&EditCorpTagRequest::new("etTAG0002").with_name("VIP+"))
                .await?;
            1
        }
        "getContactDetail" => {
            client.get_external_contact(CUSTOMER, None).await?;
            1
        }
        "getContactDetailBatch" => {
            client
                .batch_get_by_user(&BatchGetByUserRequest::new([USER]).with_limit(100))
                .await?;
            1
        }
        "getContactWay" => {
            client.get_contact_way("cfg0001").await?;
            1
        }
        "getCorpTagList" => {
            // Both Java overloads (tag ids; tag ids + group ids) are one method here.
            client
                .get_corp_tag_list(Some(&["etTAG0001"]), Some(&["etGROUP0001"]))
                .await?;
            1
        }
        "getExternalContact" => {
            #[allow(deprecated)]
            let reply = client.get_crm_external_contact(CUSTOMER).await;
            reply?;
            1
        }
        "getGroupChat" => {
            client
                .get_group_chat(&GetGroupChatRequest::new(CHAT).with_need_name(true))
                .await?;
            1
        }
        "getGroupChatStatistic" => {
            let query = GroupChatStatisticRequest::new(DAY_START)
                .with_owners([USER])
                .with_limit(100);
            client.group_chat_statistic(&query).await?;
            1
        }
        "getGroupMsgListV2" => {
            let query = GroupMsgListRequest::new(ChatType::Single, DAY_START, DAY_START + 86_400);
            client.get_groupmsg_list_v2(&query).await?;
            1
        }
        "getGroupMsgSendResult" => {
            client
                .get_groupmsg_send_result(MSGID, USER, Some(500), None)
                .await?;
            1
        }
        "getGroupMsgTask" => {
            client.get_groupmsg_task(MSGID, Some(500), None).await?;
            1
        }
        "getMomentComments" => {
            client.get_moment_comments(MOMENT, USER).await?;
            1
        }
        "getMomentCustomerList" => {
            client
                .get_moment_customer_list(MOMENT, USER, None, Some(500))
                .await?;
            1
        }
        "getMomentList" => {
            client
                .get_moment_list(&MomentListRequest::new(DAY_START, DAY_START + 86_400))
                .await?;
            1
        }
        "getMomentSendResult" => {
            client
                .get_moment_send_result(MOMENT, USER, None, Some(3000))
                .await?;
            1
        }
        "getMomentTask" => {
            client.get_moment_task(MOMENT, None, Some(500)).await?;
            1
        }
        "getMomentTaskResult" => {
            client.get_moment_task_result("job0001").await?;
            1
        }
        "getUserBehaviorStatistic" => {
            let query = UserBehaviorDataRequest::new(DAY_START, DAY_START + 86_400).with_userids([USER]);
            client.get_user_behavior_data(&query).await?;
            1
        }
        "listExternalContacts" => {
            client.list_external_contact(USER).await?;
            1
        }
        "listFollowers" => {
            client.get_follow_user_list().await?;
            1
        }
        "listGroupChat" => {
            // The cursor overload, and the deprecated offset overload.
            client
                .list_group_chat(&GroupChatListRequest::new(100).with_owners([USER]))
                .await?;
            #[allow(deprecated)]
            let legacy = client
                .list_group_chat_by_offset(&GroupChatOffsetListRequest::new(0, 100))
                .await;
            legacy?;
            2
        }
        "listUnassignedList" => {
            client
                .get_unassigned_list(&UnassignedListRequest::new().with_page_size(1000))
                .await?;
            1
        }
        "markTag" => {
            client
                .mark_tag(&MarkTagRequest::new(USER, CUSTOMER).with_add_tag(["etTAG0002"]))
                .await?;
            1
        }
        "resignedTransferCustomer" => {
            client
                .resigned_transfer_customer("qianba", USER, &["wmCUSTOMER0024"])
                .await?;
            1
        }
        "resignedTransferResult" => {
            client.resigned_transfer_result("qianba", USER, None).await?;
            1
        }
        "sendWelcomeMsg" => {
            client
                .send_welcome_msg(&WelcomeMsg::new("WELCOMECODE").with_text("你好"))
                .await?;
            1
        }
        "transferCustomer" => {
            client
                .transfer_customer(USER, TAKEOVER, &[CUSTOMER], None)
                .await?;
            1
        }
        "transferExternalContact" => {
            #[allow(deprecated)]
            let reply = client.transfer_external_contact(CUSTOMER, "qianba", USER).await;
            reply?;
            1
        }
        "transferGroupChat" => {
            client.transfer_group_chat(&[CHAT], USER).await?;
            1
        }
        "transferResult" => {
            client.transfer_result(USER, TAKEOVER, None).await?;
            1
        }
        "unionidToExternalUserid" => {
            client
                .unionid_to_external_userid("uUNIONID0001", "oOPENID0001", None)
                .await?;
            1
        }
        "updateContactWay" => {
            client
                .update_contact_way(&UpdateContactWay::new("cfg0001").with_remark("新门店"))
                .await?;
            1
        }
        "updateRemark" => {
            client
                .remark(&RemarkRequest::new(USER, CUSTOMER).with_remark("老客户"))
                .await?;
            1
        }
        other => panic!("{other}: in SEED_MAP but call_counterpart has no arm for it"),
    };
    Ok(calls)
}

/// Requests recorded for every path of the table, by path.
fn counts(sb: &Sandbox, paths: &BTreeSet<&'static str>) -> Vec<(&'static str, usize)> {
    paths.iter().map(|&p| (p, sb.request_count(p))).collect()
}

#[tokio::test]
async fn every_seed_method_calls_its_endpoint() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let paths: BTreeSet<&'static str> = SEED_MAP.iter().map(|r| r.path).collect();
    for path in &paths {
        sb.stub(path, minimal_reply(path));
    }
    for row in SEED_MAP {
        let before = counts(&sb, &paths);
        let calls = call_counterpart(&client, row.java)
            .await
            .unwrap_or_else(|err| panic!("{} → {}: call failed: {err:?}", row.java, row.path));
        // Only `row.path` received requests, exactly one per call.
        for ((path, was), (_, now)) in before.iter().zip(counts(&sb, &paths)) {
            let expected = if *path == row.path { was + calls } else { *was };
            assert_eq!(
                now, expected,
                "{}: expected {calls} request(s) to {}, but {path} went from {was} to {now}",
                row.java, row.path
            );
        }
        let requests = sb.requests(row.path);
        for req in &requests[requests.len() - calls..] {
            assert_eq!(req.path, row.path, "{}", row.java);
            assert_eq!(
                req.method, row.method,
                "{}: HTTP method for {}",
                row.java, row.path
            );
            assert!(
                req.query_param("access_token").is_some_and(|t| !t.is_empty()),
                "{}: {} without access_token",
                row.java,
                row.path
            );
            if row.method == "POST" {
                assert!(
                    req.json().is_some(),
                    "{}: {} body is not JSON: {:?}",
                    row.java,
                    row.path,
                    req.body
                );
            }
        }
    }
}

/// The Java method names in the seed text: tokens matching
/// `\b[a-z][a-zA-Z0-9]+\(` with Unicode word boundaries (so `的userid(` in
/// the prose is not a method).
fn seed_method_names(text: &str) -> BTreeSet<String> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let chars: Vec<char> = text.chars().collect();
    let mut names = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_lowercase() && (i == 0 || !is_word(chars[i - 1]));
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end].is_ascii_alphanumeric() {
            end += 1;
        }
        if end > i + 1 && chars.get(end) == Some(&'(') {
            names.insert(chars[i..end].iter().collect());
        }
        i = end;
    }
    names
}

#[test]
fn seed_method_names_are_extracted_like_the_regex() {
    let names = seed_method_names("a foo(x) 的userid(如何) barBaz2( _qux( X( y( getIt (");
    assert_eq!(names, BTreeSet::from(["barBaz2".to_owned(), "foo".to_owned()]));
}

#[test]
fn every_seed_method_is_in_the_table() {
    let seed: BTreeSet<String> = SEED_METHODS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    assert!(seed.len() > 30, "the fixture lists the seed's methods");
    for name in &seed {
        assert_eq!(
            seed_method_names(&format!("{name}(")),
            BTreeSet::from([name.clone()]),
            "fixture line {name:?} is not a method name"
        );
    }
    let table: BTreeSet<String> = SEED_MAP.iter().map(|r| r.java.to_owned()).collect();
    assert_eq!(table.len(), SEED_MAP.len(), "SEED_MAP has a duplicate Java name");
    let missing: Vec<&String> = seed.difference(&table).collect();
    assert!(
        missing.is_empty(),
        "seed methods without a counterpart in SEED_MAP: {missing:?}"
    );
    let stale: Vec<&String> = table.difference(&seed).collect();
    assert!(stale.is_empty(), "SEED_MAP rows not in the seed: {stale:?}");
}
