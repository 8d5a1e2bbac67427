//! ExternalContact flows end to end through the generated client against
//! the sandbox's customer state: contact ways, corp tags on customers,
//! on-job and resigned transfers, and walking paginated customer lists.
//!
//! The sandbox corp (see `wecom_testkit::sandbox` external-contact docs):
//! the follow users are the shared directory's members, `zhangsan lisi
//! wangwu zhaoliu sunqi` plus `qianba`, who has left;
//! customers `wmCUSTOMER0001..0025`: 1–12 followed by zhangsan, 13–20 by
//! lisi, 21–23 by wangwu, 24–25 by qianba; 3 and 15 also by wangwu, 7 also
//! by lisi.

use std::collections::BTreeSet;

use futures_util::TryStreamExt;
use serde_json::json;
use wecom_apis::CorpClient;
use wecom_apis::contacts::{MemberApi, NewUser};
use wecom_apis::external_contact::*;
use wecom_testkit::{Sandbox, creds, errcode};

/// Seconds in a day.
const DAY: i64 = 86_400;

// WeCom's documented codes.
/// 40003: invalid userid (here: a member who cannot serve customers).
const INVALID_USERID: i64 = 40_003;
/// 40014: invalid access_token.
const INVALID_ACCESS_TOKEN: i64 = 40_014;
/// 40058: invalid parameter (also lists over their limit).
const INVALID_PARAMETER: i64 = 40_058;
/// 40068: invalid tag id.
const INVALID_TAG_ID: i64 = 40_068;
/// 40096: invalid external_userid.
const INVALID_EXTERNAL_USERID: i64 = 40_096;
/// 40097: the member has not left.
const NOT_RESIGNED: i64 = 40_097;
/// 40128: customer transferred too often.
const TRANSFER_TOO_FREQUENT: i64 = 40_128;
/// 40129: the customer is already being transferred.
const ALREADY_TRANSFERRING: i64 = 40_129;
/// 40130: handover and takeover are the same member.
const SAME_MEMBER: i64 = 40_130;
/// 40131: not the handover member's customer.
const NOT_FOLLOWER: i64 = 40_131;
/// 41041: more than 100 members on a contact way.
const WAY_TOO_MANY_USERS: i64 = 41_041;
/// 41044: unknown contact-way config_id.
const INVALID_CONFIG_ID: i64 = 41_044;
/// 60111: userid not found.
const USER_NOT_FOUND: i64 = 60_111;
/// 84061: no relation between member and customer.
const NO_RELATION: i64 = 84_061;

fn customer(n: usize) -> String {
    format!("wmCUSTOMER{n:04}")
}

/// The userids following a customer, as `externalcontact/get` reports them.
async fn followers(client: &CorpClient, external_userid: &str) -> Vec<String> {
    client
        .get_external_contact(external_userid, None)
        .await
        .expect("get_external_contact")
        .follow_user
        .into_iter()
        .map(|f| f.userid)
        .collect()
}

/// add → get → update (remark, users) → get → list (and stream) → delete
/// → get fails with 41044; more than 100 members is 41041.
#[tokio::test]
async fn a_contact_way_is_created_read_updated_listed_and_deleted() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    let request = NewContactWay::new(ContactWayType::Multi, ContactWayScene::QrCode)
        .with_user(["zhangsan"])
        .with_party([3])
        .with_remark("门店活码")
        .with_state("store01");
    let added = client.add_contact_way(&request).await.expect("add_contact_way");
    let body = sb.requests("externalcontact/add_contact_way")[0].json();
    assert_eq!(
        body,
        Some(
            json!({"type": 2, "scene": 2, "remark": "门店活码", "state": "store01",
                    "user": ["zhangsan"], "party": [3]})
        )
    );
    assert_eq!(added.config_id.len(), 32, "{added:?}");
    let qr = added.qr_code.clone().expect("QR-code ways have a qr_code");
    assert!(qr.starts_with("https://"), "{qr}");

    let way = client
        .get_contact_way(&added.config_id)
        .await
        .expect("get_contact_way")
        .contact_way;
    assert_eq!(way.config_id, added.config_id);
    assert_eq!(way.way_type, ContactWayType::Multi);
    assert_eq!(way.scene, ContactWayScene::QrCode);
    assert_eq!(way.remark, "门店活码");
    assert_eq!(way.state, "store01");
    assert_eq!(way.user, ["zhangsan"]);
    assert_eq!(way.party, [3]);
    assert!(way.skip_verify, "WeCom's default is true");
    assert!(!way.is_temp);
    assert_eq!(way.qr_code.as_deref(), Some(qr.as_str()));

    client
        .update_contact_way(
            &UpdateContactWay::new(&added.config_id)
                .with_remark("新店活码")
                .with_user(["lisi", "wangwu"]),
        )
        .await
        .expect("update_contact_way");
    let updated = client
        .get_contact_way(&added.config_id)
        .await
        .expect("get_contact_way after update")
        .contact_way;
    assert_eq!(updated.remark, "新店活码");
    assert_eq!(updated.user, ["lisi", "wangwu"]);
    assert_eq!(updated.party, [3], "fields not sent keep their value");
    assert_eq!(updated.state, "store01");

    // Two more ways (a single-member mini-program button and a temporary
    // chat with conclusions), then list them all.
    let button = client
        .add_contact_way(
            &NewContactWay::new(ContactWayType::Single, ContactWayScene::MiniProgram).with_user(["sunqi"]),
        )
        .await
        .expect("add a button");
    assert!(button.qr_code.is_none(), "mini-program buttons have no QR code");
    let temp = client
        .add_contact_way(
            &NewContactWay::single_qr("zhaoliu")
                .with_temp(Some(3 * 3600), None)
                .with_conclusions(ContactWayConclusions {
                    text: Some(ConclusionText {
                        content: "感谢咨询".into(),
                    }),
                    image: Some(ConclusionImage {
                        media_id: Some("MEDIA1".into()),
                        pic_url: None,
                    }),
                    ..ContactWayConclusions::default()
                }),
        )
        .await
        .expect("add a temporary way");
    let temp_way = client
        .get_contact_way(&temp.config_id)
        .await
        .expect("get the temporary way")
        .contact_way;
    assert!(temp_way.is_temp);
    assert_eq!(temp_way.expires_in, Some(3 * 3600));
    assert_eq!(
        temp_way.chat_expires_in,
        Some(DAY as u32),
        "default chat validity is 24 h"
    );
    let conclusions = temp_way.conclusions.expect("conclusions");
    assert_eq!(conclusions.text.map(|t| t.content).as_deref(), Some("感谢咨询"));
    let image = conclusions.image.expect("image");
    assert!(image.media_id.is_none());
    assert!(
        image
            .pic_url
            .expect("images read back as pic_url")
            .contains("MEDIA1")
    );

    let page = client
        .list_contact_way(&ListContactWayRequest::new())
        .await
        .expect("list_contact_way");
    let listed: Vec<&str> = page.contact_way.iter().map(|w| w.config_id.as_str()).collect();
    assert_eq!(listed, [&added.config_id, &button.config_id, &temp.config_id]);
    assert!(page.next_cursor.is_empty());

    let streamed: Vec<ContactWayId> = client
        .list_contact_way_stream(ListContactWayRequest::new().with_limit(2))
        .try_collect()
        .await
        .expect("list_contact_way_stream");
    assert_eq!(streamed, page.contact_way);
    assert_eq!(sb.request_count("externalcontact/list_contact_way"), 1 + 2);
    let past = sb.now() - 30 * DAY;
    let none = client
        .list_contact_way(&ListContactWayRequest::new().with_time_range(past - DAY, past))
        .await
        .expect("list_contact_way in an empty window");
    assert!(none.contact_way.is_empty());

    client
        .del_contact_way(&added.config_id)
        .await
        .expect("del_contact_way");
    assert_eq!(
        errcode(
            client.get_contact_way(&added.config_id).await,
            "get a deleted way"
        ),
        INVALID_CONFIG_ID
    );
    assert_eq!(
        errcode(client.del_contact_way(&added.config_id).await, "delete twice"),
        INVALID_CONFIG_ID
    );

    // At most 100 members, departments expanded.
    let hundred_and_one: Vec<String> = (0..101).map(|i| format!("user{i:03}")).collect();
    let too_many =
        NewContactWay::new(ContactWayType::Multi, ContactWayScene::QrCode).with_user(&hundred_and_one);
    assert_eq!(
        errcode(client.add_contact_way(&too_many).await, "101 members"),
        WAY_TOO_MANY_USERS
    );
    let with_department = NewContactWay::new(ContactWayType::Multi, ContactWayScene::QrCode)
        .with_user(&hundred_and_one[..99])
        .with_party([2]);
    assert_eq!(
        errcode(
            client.add_contact_way(&with_department).await,
            "99 members + a department of 2"
        ),
        WAY_TOO_MANY_USERS
    );
    assert_eq!(
        errcode(
            client
                .update_contact_way(&UpdateContactWay::new(&button.config_id).with_user(&hundred_and_one))
                .await,
            "update to 101 members"
        ),
        WAY_TOO_MANY_USERS
    );
    assert_eq!(
        errcode(
            client
                .add_contact_way(
                    &NewContactWay::new(ContactWayType::Single, ContactWayScene::QrCode)
                        .with_user(["zhangsan", "lisi"])
                )
                .await,
            "a single way with two members"
        ),
        INVALID_PARAMETER
    );

    client
        .close_temp_chat("zhaoliu", &customer(21))
        .await
        .expect("close_temp_chat");
}

/// add a tag group → mark a customer → the library and the customer's
/// follow user show the tags → edit → delete removes them everywhere.
#[tokio::test]
async fn corp_tags_are_created_marked_on_customers_edited_and_deleted() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    let seeded = client
        .get_corp_tag_list(None, None)
        .await
        .expect("get_corp_tag_list");
    let names: Vec<&str> = seeded.tag_group.iter().map(|g| g.group_name.as_str()).collect();
    assert_eq!(names, ["客户等级", "客户来源"]);

    let added = client
        .add_corp_tag(
            &AddCorpTagRequest::new_group(
                "购买意向",
                vec![
                    NewCorpTag::new("高").with_order(3),
                    NewCorpTag::new("低").with_order(1),
                ],
            )
            .with_order(8),
        )
        .await
        .expect("add_corp_tag");
    let group = added.tag_group;
    assert_eq!(group.group_name, "购买意向");
    assert_eq!(group.order, 8);
    assert!(group.create_time > 0);
    let tag_names: Vec<&str> = group.tag.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tag_names, ["高", "低"]);
    let (high, low) = (group.tag[0].id.clone(), group.tag[1].id.clone());

    // Adding to the existing group by id.
    let more = client
        .add_corp_tag(&AddCorpTagRequest::to_group(
            &group.group_id,
            vec![NewCorpTag::new("中")],
        ))
        .await
        .expect("add to the group");
    assert_eq!(more.tag_group.group_id, group.group_id);
    assert_eq!(more.tag_group.tag.len(), 1, "only the new tag comes back");

    client
        .mark_tag(&MarkTagRequest::new("zhangsan", customer(1)).with_add_tag([high.as_str(), "etTAG0002"]))
        .await
        .expect("mark_tag");

    let by_group = client
        .get_corp_tag_list(None, Some(&[group.group_id.as_str()]))
        .await
        .expect("get_corp_tag_list by group");
    assert_eq!(by_group.tag_group.len(), 1);
    assert_eq!(by_group.tag_group[0].tag.len(), 3);
    let by_tag = client
        .get_corp_tag_list(Some(&[high.as_str()]), None)
        .await
        .expect("get_corp_tag_list by tag");
    assert_eq!(by_tag.tag_group[0].group_id, group.group_id);
    assert_eq!(by_tag.tag_group[0].tag.len(), 1);
    assert_eq!(by_tag.tag_group[0].tag[0].name, "高");

    let detail = client
        .get_external_contact(&customer(1), None)
        .await
        .expect("get_external_contact");
    let zhangsan = detail
        .follow_user
        .iter()
        .find(|f| f.userid == "zhangsan")
        .expect("zhangsan follows customer 1");
    let corp_tags: Vec<(Option<&str>, &str, Option<&str>)> = zhangsan
        .tags
        .iter()
        .filter(|t| t.tag_type == CustomerTagType::Corp)
        .map(|t| (t.group_name.as_deref(), t.tag_name.as_str(), t.tag_id.as_deref()))
        .collect();
    assert_eq!(
        corp_tags,
        [
            (Some("购买意向"), "高", Some(high.as_str())),
            (Some("客户等级"), "VIP", Some("etTAG0002"))
        ]
    );
    assert!(
        zhangsan
            .tags
            .iter()
            .any(|t| t.tag_type == CustomerTagType::Personal && t.tag_name == "老朋友" && t.tag_id.is_none())
    );

    client
        .edit_corp_tag(&EditCorpTagRequest::new(&high).with_name("很高").with_order(9))
        .await
        .expect("edit a tag");
    client
        .edit_corp_tag(&EditCorpTagRequest::new(&group.group_id).with_name("购买意愿"))
        .await
        .expect("edit a group");
    let detail = client
        .get_external_contact(&customer(1), None)
        .await
        .expect("get after edit");
    let edited = detail.follow_user[0]
        .tags
        .iter()
        .find(|t| t.tag_id.as_deref() == Some(high.as_str()))
        .expect("the edited tag");
    assert_eq!(
        (edited.group_name.as_deref(), edited.tag_name.as_str()),
        (Some("购买意愿"), "很高")
    );

    client
        .del_corp_tag(Some(&[low.as_str()]), None, None)
        .await
        .expect("delete a tag");
    let after = client
        .get_corp_tag_list(None, Some(&[group.group_id.as_str()]))
        .await
        .expect("list after deleting a tag");
    let left: Vec<&str> = after.tag_group[0].tag.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(left, ["很高", "中"]);

    client
        .del_corp_tag(None, Some(&[group.group_id.as_str()]), None)
        .await
        .expect("delete the group");
    let library = client
        .get_corp_tag_list(None, None)
        .await
        .expect("list after deleting the group");
    assert_eq!(library.tag_group.len(), 2);
    let detail = client
        .get_external_contact(&customer(1), None)
        .await
        .expect("get after delete");
    let ids: Vec<Option<&str>> = detail.follow_user[0]
        .tags
        .iter()
        .map(|t| t.tag_id.as_deref())
        .collect();
    assert_eq!(
        ids,
        [Some("etTAG0002"), None],
        "deleted tags leave the customer too"
    );

    client
        .mark_tag(&MarkTagRequest::new("zhangsan", customer(1)).with_remove_tag(["etTAG0002"]))
        .await
        .expect("remove a tag");
    let detail = client
        .get_external_contact(&customer(1), None)
        .await
        .expect("get after removal");
    assert!(
        detail.follow_user[0]
            .tags
            .iter()
            .all(|t| t.tag_type == CustomerTagType::Personal)
    );

    assert_eq!(
        errcode(
            client
                .mark_tag(&MarkTagRequest::new("lisi", customer(1)).with_add_tag(["etTAG0001"]))
                .await,
            "lisi does not follow customer 1"
        ),
        NO_RELATION
    );
    assert_eq!(
        errcode(
            client
                .mark_tag(&MarkTagRequest::new("zhangsan", customer(1)).with_add_tag(["etTAGNOPE"]))
                .await,
            "unknown tag"
        ),
        INVALID_TAG_ID
    );
    assert_eq!(
        errcode(
            client
                .edit_corp_tag(&EditCorpTagRequest::new("etNOPE").with_name("x"))
                .await,
            "edit an unknown id"
        ),
        INVALID_TAG_ID
    );
}

/// transfer_customer (on-job) → waiting with takeover_time +24 h → the
/// clock advances → completed and the follow user changed; per-customer
/// errcodes and the 100-customer limit.
#[tokio::test]
async fn on_job_transfers_wait_a_day_then_move_customers() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let (one, two, lisis) = (customer(1), customer(2), customer(13));

    let started = client
        .transfer_customer(
            "zhangsan",
            "lisi",
            &[&one, &two, &lisis, "wmNOBODY"],
            Some("后续由李四为您服务"),
        )
        .await
        .expect("transfer_customer");
    let outcomes: Vec<(&str, i64)> = started
        .customer
        .iter()
        .map(|c| (c.external_userid.as_str(), c.errcode))
        .collect();
    assert_eq!(
        outcomes,
        [
            (one.as_str(), 0),
            (two.as_str(), 0),
            (lisis.as_str(), NOT_FOLLOWER),
            ("wmNOBODY", INVALID_EXTERNAL_USERID)
        ]
    );
    let started_at = sb.now();

    let waiting = client
        .transfer_result("zhangsan", "lisi", None)
        .await
        .expect("transfer_result");
    assert_eq!(waiting.customer.len(), 2);
    for row in &waiting.customer {
        assert_eq!(row.status, TransferStatus::Waiting, "{row:?}");
        assert!(
            (started_at + DAY - 5..=started_at + DAY + 5).contains(&row.takeover_time),
            "takeover 24 h later: {row:?}"
        );
    }
    assert!(waiting.next_cursor.is_empty());
    assert_eq!(
        followers(&client, &one).await,
        ["zhangsan"],
        "nothing moves before the takeover"
    );

    let again = client
        .transfer_customer("zhangsan", "wangwu", &[&one], None)
        .await
        .expect("a second transfer call");
    assert_eq!(again.customer[0].errcode, ALREADY_TRANSFERRING);

    sb.advance_clock(DAY + 1);
    let done: Vec<CustomerTransferStatus> = client
        .transfer_result_stream("zhangsan", "lisi")
        .try_collect()
        .await
        .expect("transfer_result_stream");
    assert_eq!(done.len(), 2);
    assert!(
        done.iter().all(|r| r.status == TransferStatus::Completed),
        "{done:?}"
    );
    assert_eq!(followers(&client, &one).await, ["lisi"]);
    let moved = client
        .get_external_contact(&two, None)
        .await
        .expect("get the second customer")
        .follow_user;
    assert_eq!(moved[0].userid, "lisi");
    assert_eq!(moved[0].add_way, AddWay::AdminAssignment);
    let zhangsans = client
        .list_external_contact("zhangsan")
        .await
        .expect("list_external_contact")
        .external_userid;
    assert_eq!(zhangsans.len(), 10);
    assert!(!zhangsans.contains(&one));

    // Protected for 90 days after a transfer.
    let too_soon = client
        .transfer_customer("lisi", "wangwu", &[&one], None)
        .await
        .expect("transfer again");
    assert_eq!(too_soon.customer[0].errcode, TRANSFER_TOO_FREQUENT);

    let hundred_and_one: Vec<String> = (1..=101).map(customer).collect();
    let ids: Vec<&str> = hundred_and_one.iter().map(String::as_str).collect();
    assert_eq!(
        errcode(
            client.transfer_customer("zhangsan", "lisi", &ids, None).await,
            "101 customers in one call"
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            client.resigned_transfer_customer("qianba", "lisi", &ids).await,
            "101 customers in one resigned call"
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            client
                .transfer_customer("zhangsan", "zhangsan", &[&customer(3)], None)
                .await,
            "to oneself"
        ),
        SAME_MEMBER
    );
}

/// get_unassigned_list → resigned/transfer_customer → the customer leaves
/// the unassigned list → resigned/transfer_result waits → completes.
#[tokio::test]
async fn resigned_members_customers_are_listed_and_reassigned() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    let unassigned = client
        .get_unassigned_list(&UnassignedListRequest::new())
        .await
        .expect("get_unassigned_list");
    let rows: Vec<(&str, &str)> = unassigned
        .info
        .iter()
        .map(|r| (r.handover_userid.as_str(), r.external_userid.as_str()))
        .collect();
    assert_eq!(rows, [("qianba", "wmCUSTOMER0024"), ("qianba", "wmCUSTOMER0025")]);
    assert!(unassigned.is_last);
    assert!(unassigned.info.iter().all(|r| r.dimission_time > 0));

    let paged: Vec<UnassignedCustomer> = client
        .unassigned_list_stream(UnassignedListRequest::new().with_page_size(1))
        .try_collect()
        .await
        .expect("unassigned_list_stream");
    assert_eq!(paged, unassigned.info);
    let legacy = client
        .get_unassigned_list(&UnassignedListRequest::new().with_page_id(1).with_page_size(1))
        .await
        .expect("legacy page_id");
    assert_eq!(legacy.info[0].external_userid, customer(25));

    let started = client
        .resigned_transfer_customer("qianba", "sunqi", &[&customer(24)])
        .await
        .expect("resigned_transfer_customer");
    assert_eq!(started.customer[0].errcode, 0);
    let left = client
        .get_unassigned_list(&UnassignedListRequest::new())
        .await
        .expect("get_unassigned_list after assigning");
    let left: Vec<&str> = left.info.iter().map(|r| r.external_userid.as_str()).collect();
    assert_eq!(left, ["wmCUSTOMER0025"]);

    let waiting = client
        .resigned_transfer_result("qianba", "sunqi", None)
        .await
        .expect("resigned_transfer_result");
    assert_eq!(waiting.customer.len(), 1);
    assert_eq!(waiting.customer[0].status, TransferStatus::Waiting);

    sb.advance_clock(DAY);
    let done: Vec<CustomerTransferStatus> = client
        .resigned_transfer_result_stream("qianba", "sunqi")
        .try_collect()
        .await
        .expect("resigned_transfer_result_stream");
    assert_eq!(done[0].status, TransferStatus::Completed);
    assert_eq!(followers(&client, &customer(24)).await, ["sunqi"]);

    assert_eq!(
        errcode(
            client
                .resigned_transfer_customer("zhangsan", "lisi", &[&customer(3)])
                .await,
            "zhangsan has not left"
        ),
        NOT_RESIGNED
    );
}

/// batch/get_by_user with limit 5 over zhangsan's 12 customers: three
/// requests, each customer exactly once; plus list, get_follow_user_list
/// and contact_list (and its stream).
#[tokio::test]
async fn customer_lists_walk_every_page_exactly_once() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    let all: Vec<CustomerWithFollowInfo> = client
        .batch_get_by_user_stream(BatchGetByUserRequest::new(["zhangsan"]).with_limit(5))
        .try_collect()
        .await
        .expect("batch_get_by_user_stream");
    let requests = sb.requests("externalcontact/batch/get_by_user");
    assert_eq!(requests.len(), 3, "12 customers at 5 a page");
    let bodies: Vec<_> = requests.iter().map(|r| r.json().expect("json body")).collect();
    assert_eq!(bodies[0], json!({"userid_list": ["zhangsan"], "limit": 5}));
    for body in &bodies[1..] {
        assert_eq!(body["limit"], 5);
        assert!(body["cursor"].as_str().is_some_and(|c| !c.is_empty()), "{body}");
    }
    assert_ne!(bodies[1]["cursor"], bodies[2]["cursor"]);
    let ids: Vec<&str> = all
        .iter()
        .map(|c| c.external_contact.external_userid.as_str())
        .collect();
    let distinct: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), 12);
    assert_eq!(distinct.len(), 12, "every customer exactly once");
    let expected: BTreeSet<String> = (1..=12).map(customer).collect();
    assert_eq!(
        distinct,
        expected.iter().map(String::as_str).collect::<BTreeSet<_>>()
    );
    assert!(all.iter().all(|c| c.follow_info.userid == "zhangsan"));
    let fourth = all
        .iter()
        .find(|c| c.external_contact.external_userid == customer(4))
        .expect("customer 4");
    assert_eq!(fourth.external_contact.customer_type, CustomerType::WeCom);
    assert!(fourth.external_contact.corp_name.is_some());
    let tenth = all
        .iter()
        .find(|c| c.external_contact.external_userid == customer(10))
        .expect("customer 10");
    assert_eq!(tenth.follow_info.tag_id, ["etTAG0002", "etTAG0004"]);

    // The follow users are the directory's active members (qianba has left).
    let users = client.get_follow_user_list().await.expect("get_follow_user_list");
    assert_eq!(
        users.follow_user,
        ["lisi", "sunqi", "wangwu", "zhangsan", "zhaoliu"]
    );

    let lisis = client
        .list_external_contact("lisi")
        .await
        .expect("list_external_contact")
        .external_userid;
    let mut expected: Vec<String> = (13..=20).map(customer).collect();
    expected.push(customer(7));
    assert_eq!(lisis, expected);
    assert_eq!(
        errcode(
            client.list_external_contact("sunqi").await,
            "sunqi has no customers"
        ),
        NO_RELATION
    );

    let first = client.contact_list(None, Some(10)).await.expect("contact_list");
    assert_eq!(first.info_list.len(), 10);
    assert!(first.info_list.iter().all(|c| c.is_customer));
    assert!(!first.next_cursor.is_empty());
    let served: Vec<ContactInfo> = client
        .contact_list_stream(Some(10))
        .try_collect()
        .await
        .expect("contact_list_stream");
    assert_eq!(served.len(), 28, "25 customers, 3 of them followed twice");
    assert_eq!(sb.request_count("externalcontact/contact_list"), 1 + 3);
    let tmp: BTreeSet<&str> = served.iter().map(|c| c.tmp_openid.as_str()).collect();
    assert_eq!(tmp.len(), 28);

    // Customer 3 is followed by zhangsan and wangwu; walk its follow users.
    let follow: Vec<FollowUser> = client
        .follow_user_stream(&customer(3))
        .try_collect()
        .await
        .expect("follow_user_stream");
    let who: Vec<&str> = follow.iter().map(|f| f.userid.as_str()).collect();
    assert_eq!(who, ["zhangsan", "wangwu"]);
}

/// remark changes what get/batch return; convert_to_openid and
/// unionid_to_external_userid answer from the customer data.
#[tokio::test]
async fn remarks_and_id_conversions_use_the_customer_data() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    client
        .remark(
            &RemarkRequest::new("zhangsan", customer(5))
                .with_remark("张总")
                .with_description("年度大客户")
                .with_remark_company("示例集团")
                .with_remark_mobiles(["13800000001"]),
        )
        .await
        .expect("remark");
    let detail = client
        .get_external_contact(&customer(5), None)
        .await
        .expect("get");
    let f = &detail.follow_user[0];
    assert_eq!(
        (f.remark.as_str(), f.description.as_str()),
        ("张总", "年度大客户")
    );
    assert_eq!(f.remark_corp_name.as_deref(), Some("示例集团"));
    assert_eq!(f.remark_mobiles, ["13800000001"]);
    assert_eq!(detail.external_contact.customer_type, CustomerType::WeChat);
    let unionid = detail
        .external_contact
        .unionid
        .clone()
        .expect("WeChat users have a unionid");

    client
        .remark(&RemarkRequest::new("zhangsan", customer(5)).with_remark_mobiles(Vec::<String>::new()))
        .await
        .expect("clear the phone numbers");
    let detail = client
        .get_external_contact(&customer(5), None)
        .await
        .expect("get");
    assert!(detail.follow_user[0].remark_mobiles.is_empty());
    assert_eq!(detail.follow_user[0].remark, "张总", "fields not sent are kept");
    assert_eq!(
        errcode(
            client
                .remark(
                    &RemarkRequest::new("zhangsan", customer(5))
                        .with_remark_mobiles(["1", "2", "3", "4", "5", "6"])
                )
                .await,
            "six phone numbers"
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            client
                .remark(&RemarkRequest::new("lisi", customer(5)).with_remark("x"))
                .await,
            "lisi does not follow customer 5"
        ),
        NO_RELATION
    );

    let openid = client
        .convert_to_openid(&customer(5))
        .await
        .expect("convert_to_openid");
    assert!(!openid.openid.is_empty());
    assert_eq!(
        errcode(
            client.convert_to_openid(&customer(4)).await,
            "a WeCom user has no openid"
        ),
        INVALID_EXTERNAL_USERID
    );
    let found = client
        .unionid_to_external_userid(&unionid, "oOPENID", None)
        .await
        .expect("unionid_to_external_userid");
    assert_eq!(found.external_userid, customer(5));
    assert_eq!(
        errcode(
            client.get_external_contact("wmNOBODY", None).await,
            "unknown customer"
        ),
        INVALID_EXTERNAL_USERID
    );
}

/// The sandbox accepts only a valid corp access_token of its corp.
#[tokio::test]
async fn other_tokens_are_rejected() {
    let sb = Sandbox::start().await;
    let http = reqwest::Client::new();
    let body = json!({"corpid": creds::PROVIDER_CORPID, "provider_secret": creds::PROVIDER_SECRET});
    let provider = http
        .post(format!("{}service/get_provider_token", sb.base_url()))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("provider token request")
        .text()
        .await
        .expect("provider token body");
    let provider: serde_json::Value = serde_json::from_str(&provider).expect("provider token json");
    let provider_token = provider["provider_access_token"]
        .as_str()
        .expect("provider token");
    for token in [provider_token, "not-a-token"] {
        let reply = http
            .get(format!("{}externalcontact/get_follow_user_list", sb.base_url()))
            .query(&[("access_token", token)])
            .send()
            .await
            .expect("request")
            .text()
            .await
            .expect("body");
        let reply: serde_json::Value = serde_json::from_str(&reply).expect("json");
        assert_eq!(reply["errcode"], INVALID_ACCESS_TOKEN, "{reply}");
    }
}

/// The follow users are the directory's members, shared with the contacts
/// API: a member `user/delete` removes leaves customers to reassign, and one
/// `user/create` adds can take them over once active.
#[tokio::test]
async fn follow_users_come_from_the_shared_directory() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    client.delete_user("wangwu").await.expect("delete_user");
    let users = client.get_follow_user_list().await.expect("get_follow_user_list");
    assert_eq!(users.follow_user, ["lisi", "sunqi", "zhangsan", "zhaoliu"]);
    let unassigned: Vec<UnassignedCustomer> = client
        .unassigned_list_stream(UnassignedListRequest::new())
        .try_collect()
        .await
        .expect("unassigned_list_stream");
    let wangwus: Vec<(&str, i64)> = unassigned
        .iter()
        .filter(|r| r.handover_userid == "wangwu")
        .map(|r| (r.external_userid.as_str(), r.dimission_time))
        .collect();
    let now = sb.now();
    assert_eq!(
        wangwus,
        [
            ("wmCUSTOMER0021", now),
            ("wmCUSTOMER0022", now),
            ("wmCUSTOMER0023", now),
            ("wmCUSTOMER0003", now),
            ("wmCUSTOMER0015", now),
        ],
        "{unassigned:?}"
    );
    assert_eq!(
        errcode(
            client
                .transfer_customer("wangwu", "lisi", &[&customer(21)], None)
                .await,
            "an on-job transfer from a member who left"
        ),
        INVALID_PARAMETER
    );

    // A new member cannot serve customers until active.
    let newcomer = NewUser::new("xiaoming", "小明", vec![3]).with_mobile("13600000001");
    client.create_user(&newcomer).await.expect("create_user");
    assert_eq!(
        errcode(
            client
                .resigned_transfer_customer("wangwu", "xiaoming", &[&customer(21)])
                .await,
            "not yet active"
        ),
        INVALID_USERID
    );
    client.auth_succ("xiaoming").await.expect("auth_succ");
    let started = client
        .resigned_transfer_customer("wangwu", "xiaoming", &[&customer(21)])
        .await
        .expect("resigned_transfer_customer");
    assert_eq!(started.customer[0].errcode, 0);
    sb.advance_clock(DAY);
    assert_eq!(followers(&client, &customer(21)).await, ["xiaoming"]);
    let users = client.get_follow_user_list().await.expect("get_follow_user_list");
    assert!(users.follow_user.contains(&"xiaoming".to_owned()));

    assert_eq!(
        errcode(client.list_external_contact("nobody").await, "never a member"),
        USER_NOT_FOUND
    );
}
