//! ExternalContact part 2 against the sandbox: rule-group tags and customer
//! strategies (2.4), customer groups and join ways (2.6), mass and welcome
//! messages (2.7) and group welcome templates (2.8). Every endpoint is called
//! through the generated client; each test checks the method, the path, the
//! corp `access_token`, the exact JSON body sent, and that a realistic reply
//! decodes (enums, nested objects, unknown values). The streams are walked
//! across two pages.

#![allow(deprecated)] // the deprecated endpoints are part of what is tested

use futures_util::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use wecom_apis::external_contact::*;
use wecom_testkit::Sandbox;

// ---------------------------------------------------------------------------
// 2.4 Rule-group tags and customer strategies
// ---------------------------------------------------------------------------

#[tokio::test]
async fn strategy_tags_crud() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    let tag_group = json!({
        "strategy_id": 1,
        "group_id": "TAG_GROUPID1",
        "group_name": "GOURP_NAME",
        "create_time": 1557838797,
        "order": 1,
        "tag": [
            {"id": "TAG_ID1", "name": "NAME1", "create_time": 1557838797, "order": 1},
            {"id": "TAG_ID2", "name": "NAME2", "create_time": 1557838797, "order": 2, "deleted": true}
        ]
    });

    // get_strategy_tag_list
    sb.stub(
        "externalcontact/get_strategy_tag_list",
        json!({"tag_group": [tag_group.clone()]}),
    );
    let list = client
        .get_strategy_tag_list(
            &StrategyTagListRequest::new()
                .with_strategy_id(1)
                .with_tag_ids(["etXXXXXXXXXX", "etYYYYYYYYYY"])
                .with_group_ids(["etZZZZZZZZZZZZZ"]),
        )
        .await
        .expect("get_strategy_tag_list");
    sb.assert_posted("externalcontact/get_strategy_tag_list",
        json!({"strategy_id": 1, "tag_id": ["etXXXXXXXXXX", "etYYYYYYYYYY"], "group_id": ["etZZZZZZZZZZZZZ"]}),
    );
    let group = &list.tag_group[0];
    assert_eq!(group.strategy_id, Some(1));
    assert_eq!(group.group_name, "GOURP_NAME");
    assert_eq!(group.tag.len(), 2);
    assert_eq!(group.tag[1].id, "TAG_ID2");
    assert_eq!(group.tag[1].order, 2);
    assert!(!group.tag[0].deleted);
    assert!(group.tag[1].deleted);

    // An empty filter sends an empty object.
    client
        .get_strategy_tag_list(&StrategyTagListRequest::new())
        .await
        .expect("get_strategy_tag_list, no filter");
    sb.assert_posted("externalcontact/get_strategy_tag_list", json!({}));

    // add_strategy_tag
    sb.stub(
        "externalcontact/add_strategy_tag",
        json!({"tag_group": tag_group}),
    );
    let added = client
        .add_strategy_tag(
            &AddStrategyTagRequest::new_group(
                1,
                "GROUP_NAME",
                vec![
                    NewStrategyTag::new("TAG_NAME_1").with_order(1),
                    NewStrategyTag::new("TAG_NAME_2"),
                ],
            )
            .with_order(1),
        )
        .await
        .expect("add_strategy_tag");
    sb.assert_posted(
        "externalcontact/add_strategy_tag",
        json!({
            "strategy_id": 1,
            "group_name": "GROUP_NAME",
            "order": 1,
            "tag": [{"name": "TAG_NAME_1", "order": 1}, {"name": "TAG_NAME_2"}]
        }),
    );
    assert_eq!(added.tag_group.group_id, "TAG_GROUPID1");
    assert_eq!(added.tag_group.tag[0].name, "NAME1");

    client
        .add_strategy_tag(&AddStrategyTagRequest::into_group(
            7,
            "TAG_GROUPID1",
            vec![NewStrategyTag::new("X")],
        ))
        .await
        .expect("add_strategy_tag into a group");
    sb.assert_posted(
        "externalcontact/add_strategy_tag",
        json!({"strategy_id": 7, "group_id": "TAG_GROUPID1", "tag": [{"name": "X"}]}),
    );

    // edit_strategy_tag
    sb.stub("externalcontact/edit_strategy_tag", json!({}));
    client
        .edit_strategy_tag("TAG_ID", Some("NEW_TAG_NAME"), Some(1))
        .await
        .expect("edit_strategy_tag");
    sb.assert_posted(
        "externalcontact/edit_strategy_tag",
        json!({"id": "TAG_ID", "name": "NEW_TAG_NAME", "order": 1}),
    );
    client
        .edit_strategy_tag("TAG_ID", None, Some(3))
        .await
        .expect("edit_strategy_tag order only");
    sb.assert_posted(
        "externalcontact/edit_strategy_tag",
        json!({"id": "TAG_ID", "order": 3}),
    );

    // del_strategy_tag
    sb.stub("externalcontact/del_strategy_tag", json!({}));
    client
        .del_strategy_tag(Some(&["TAG_ID_1", "TAG_ID_2"]), Some(&["GROUP_ID_1"]))
        .await
        .expect("del_strategy_tag");
    sb.assert_posted(
        "externalcontact/del_strategy_tag",
        json!({"tag_id": ["TAG_ID_1", "TAG_ID_2"], "group_id": ["GROUP_ID_1"]}),
    );
    client
        .del_strategy_tag(None, Some(&["GROUP_ID_2"]))
        .await
        .expect("del_strategy_tag groups only");
    sb.assert_posted(
        "externalcontact/del_strategy_tag",
        json!({"group_id": ["GROUP_ID_2"]}),
    );
}

#[tokio::test]
async fn customer_strategies_crud_and_ranges() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // list_customer_strategy
    sb.stub(
        "externalcontact/customer_strategy/list",
        json!({"strategy": [{"strategy_id": 1}, {"strategy_id": 2}], "next_cursor": "NEXT_CURSOR"}),
    );
    let list = client
        .list_customer_strategy(Some("CURSOR"), Some(1000))
        .await
        .expect("list_customer_strategy");
    sb.assert_posted(
        "externalcontact/customer_strategy/list",
        json!({"cursor": "CURSOR", "limit": 1000}),
    );
    assert_eq!(list.strategy[1].strategy_id, 2);
    assert_eq!(list.next_cursor, "NEXT_CURSOR");
    client
        .list_customer_strategy(None, None)
        .await
        .expect("list_customer_strategy, defaults");
    sb.assert_posted("externalcontact/customer_strategy/list", json!({}));

    // get_customer_strategy: every privilege flag, in bool and 0/1 form.
    sb.stub(
        "externalcontact/customer_strategy/get",
        json!({"strategy": {
            "strategy_id": 1,
            "parent_id": 0,
            "strategy_name": "NAME",
            "create_time": 1557838797,
            "admin_list": ["zhangsan", "lisi"],
            "privilege": {
                "view_customer_list": true, "view_customer_data": true, "view_room_list": true,
                "contact_me": true, "join_room": true, "share_customer": false,
                "oper_resign_customer": true, "oper_resign_group": true, "send_customer_msg": true,
                "edit_welcome_msg": true, "view_behavior_data": true, "view_room_data": true,
                "send_group_msg": true, "room_deduplication": true, "rapid_reply": true,
                "onjob_customer_transfer": true, "edit_anti_spam_rule": true,
                "export_customer_list": true, "export_customer_data": true,
                "export_customer_group_list": 0, "manage_customer_tag": 1
            }
        }}),
    );
    let detail = client
        .get_customer_strategy(1)
        .await
        .expect("get_customer_strategy");
    sb.assert_posted("externalcontact/customer_strategy/get", json!({"strategy_id": 1}));
    let strategy = &detail.strategy;
    assert_eq!(strategy.strategy_name, "NAME");
    assert_eq!(strategy.parent_id, 0);
    assert_eq!(strategy.admin_list, ["zhangsan", "lisi"]);
    assert_eq!(strategy.privilege.view_customer_list, Some(true));
    assert_eq!(strategy.privilege.share_customer, Some(false));
    assert_eq!(strategy.privilege.export_customer_group_list, Some(false));
    assert_eq!(strategy.privilege.manage_customer_tag, Some(true));

    // get_customer_strategy_range: members, departments (number or string id), unknown kinds.
    sb.stub(
        "externalcontact/customer_strategy/get_range",
        json!({
            "range": [
                {"type": 1, "userid": "zhangsan"},
                {"type": 2, "partyid": 1},
                {"type": 2, "partyid": "7"},
                {"type": 9}
            ],
            "next_cursor": "NEXT_CURSOR"
        }),
    );
    let range = client
        .get_customer_strategy_range(1, Some("CURSOR"), Some(1000))
        .await
        .expect("get_customer_strategy_range");
    sb.assert_posted(
        "externalcontact/customer_strategy/get_range",
        json!({"strategy_id": 1, "cursor": "CURSOR", "limit": 1000}),
    );
    assert_eq!(range.range[0], CustomerStrategyRange::member("zhangsan"));
    assert_eq!(range.range[1], CustomerStrategyRange::department(1));
    assert_eq!(range.range[2].partyid, Some(7));
    assert_eq!(range.range[3].range_type, CustomerStrategyRangeType::Other(9));

    // create_customer_strategy
    sb.stub(
        "externalcontact/customer_strategy/create",
        json!({"strategy_id": 1}),
    );
    let privilege = CustomerStrategyPrivilege {
        view_customer_list: Some(true),
        send_customer_msg: Some(false),
        manage_customer_tag: Some(true),
        ..CustomerStrategyPrivilege::default()
    };
    let created = client
        .create_customer_strategy(
            &CreateCustomerStrategyRequest::new(
                "NAME",
                ["zhangsan", "lisi"],
                vec![
                    CustomerStrategyRange::member("zhangsan"),
                    CustomerStrategyRange::department(1),
                ],
            )
            .with_parent_id(0)
            .with_privilege(privilege),
        )
        .await
        .expect("create_customer_strategy");
    sb.assert_posted("externalcontact/customer_strategy/create",
        json!({
            "parent_id": 0,
            "strategy_name": "NAME",
            "admin_list": ["zhangsan", "lisi"],
            "privilege": {"view_customer_list": true, "send_customer_msg": false, "manage_customer_tag": true},
            "range": [{"type": 1, "userid": "zhangsan"}, {"type": 2, "partyid": 1}]
        }),
    );
    assert_eq!(created.strategy_id, 1);

    // edit_customer_strategy
    sb.stub("externalcontact/customer_strategy/edit", json!({}));
    client
        .edit_customer_strategy(
            &EditCustomerStrategyRequest::new(1)
                .with_strategy_name("NAME")
                .with_admin_list(["zhangsan", "lisi"])
                .with_privilege(CustomerStrategyPrivilege {
                    view_customer_list: Some(true),
                    ..CustomerStrategyPrivilege::default()
                })
                .with_range_add(vec![CustomerStrategyRange::member("zhangsan")])
                .with_range_del(vec![CustomerStrategyRange::department(2)]),
        )
        .await
        .expect("edit_customer_strategy");
    sb.assert_posted(
        "externalcontact/customer_strategy/edit",
        json!({
            "strategy_id": 1,
            "strategy_name": "NAME",
            "admin_list": ["zhangsan", "lisi"],
            "privilege": {"view_customer_list": true},
            "range_add": [{"type": 1, "userid": "zhangsan"}],
            "range_del": [{"type": 2, "partyid": 2}]
        }),
    );
    client
        .edit_customer_strategy(&EditCustomerStrategyRequest::new(3).with_strategy_name("ONLY"))
        .await
        .expect("edit_customer_strategy, name only");
    sb.assert_posted(
        "externalcontact/customer_strategy/edit",
        json!({"strategy_id": 3, "strategy_name": "ONLY"}),
    );

    // del_customer_strategy
    sb.stub("externalcontact/customer_strategy/del", json!({}));
    client
        .del_customer_strategy(1)
        .await
        .expect("del_customer_strategy");
    sb.assert_posted("externalcontact/customer_strategy/del", json!({"strategy_id": 1}));
}

#[tokio::test]
async fn customer_strategy_streams_walk_every_page() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // Strategy ids over two pages: the second page is stubbed once the first
    // has been consumed (the stream fetches lazily).
    sb.stub(
        "externalcontact/customer_strategy/list",
        json!({"strategy": [{"strategy_id": 1}, {"strategy_id": 2}], "next_cursor": "P2"}),
    );
    let mut ids = Box::pin(client.list_customer_strategy_stream());
    assert_eq!(ids.next().await.unwrap().unwrap().strategy_id, 1);
    assert_eq!(ids.next().await.unwrap().unwrap().strategy_id, 2);
    sb.stub(
        "externalcontact/customer_strategy/list",
        json!({"strategy": [{"strategy_id": 3}], "next_cursor": ""}),
    );
    let rest: Vec<CustomerStrategyId> = ids.try_collect().await.expect("second page");
    assert_eq!(rest, [CustomerStrategyId { strategy_id: 3 }]);
    let requests = sb.requests("externalcontact/customer_strategy/list");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].json().unwrap(), json!({"limit": 1000}));
    assert_eq!(
        requests[1].json().unwrap(),
        json!({"cursor": "P2", "limit": 1000})
    );

    // A range reply without next_cursor is the last page.
    sb.stub(
        "externalcontact/customer_strategy/get_range",
        json!({"range": [{"type": 1, "userid": "u1"}, {"type": 2, "partyid": 5}]}),
    );
    let range: Vec<CustomerStrategyRange> = client
        .customer_strategy_range_stream(9)
        .try_collect()
        .await
        .expect("range stream");
    assert_eq!(range.len(), 2);
    sb.assert_posted(
        "externalcontact/customer_strategy/get_range",
        json!({"strategy_id": 9, "limit": 1000}),
    );
    assert_eq!(sb.request_count("externalcontact/customer_strategy/get_range"), 1);
}

// ---------------------------------------------------------------------------
// 2.6 Customer groups and join ways
// ---------------------------------------------------------------------------

#[tokio::test]
async fn group_chat_list_get_and_opengid() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // list_group_chat
    sb.stub(
        "externalcontact/groupchat/list",
        json!({
            "group_chat_list": [
                {"chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "status": 0},
                {"chat_id": "wrOgQhDgAAcwMTB7YmDkbeBsAAAA", "status": 3},
                {"chat_id": "wrOgQhDgAAcwMTB7YmDkbeBsBBBB", "status": 8}
            ],
            "next_cursor": "tJzlB9tdqfh-g7i_J-ehOz_TWcd7dSKa39_AqCIeMFw"
        }),
    );
    let page = client
        .list_group_chat(
            &GroupChatListRequest::new(10)
                .with_status_filter(GroupChatStatusFilter::All)
                .with_owners(["abel"])
                .with_cursor("r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI"),
        )
        .await
        .expect("list_group_chat");
    sb.assert_posted(
        "externalcontact/groupchat/list",
        json!({
            "status_filter": 0,
            "owner_filter": {"userid_list": ["abel"]},
            "cursor": "r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI",
            "limit": 10
        }),
    );
    assert_eq!(page.group_chat_list.len(), 3);
    assert_eq!(page.group_chat_list[0].status, GroupChatStatus::Normal);
    assert_eq!(page.group_chat_list[1].status, GroupChatStatus::Transferred);
    assert_eq!(page.group_chat_list[2].status, GroupChatStatus::Other(8));
    assert_eq!(page.next_cursor, "tJzlB9tdqfh-g7i_J-ehOz_TWcd7dSKa39_AqCIeMFw");

    // Only `limit` is required.
    client
        .list_group_chat(
            &GroupChatListRequest::new(1000).with_status_filter(GroupChatStatusFilter::ResignedPending),
        )
        .await
        .expect("list_group_chat, minimal");
    sb.assert_posted(
        "externalcontact/groupchat/list",
        json!({"status_filter": 1, "limit": 1000}),
    );

    // The deprecated offset form (WxJava's legacy overload) on the same path.
    client
        .list_group_chat_by_offset(
            &GroupChatOffsetListRequest::new(0, 100)
                .with_status_filter(GroupChatStatusFilter::ResignedTransferring)
                .with_owner_filter(GroupChatListOwnerFilter {
                    userid_list: vec!["abel".into()],
                    partyid_list: Some(vec![7, 8]),
                }),
        )
        .await
        .expect("list_group_chat_by_offset");
    sb.assert_posted(
        "externalcontact/groupchat/list",
        json!({
            "status_filter": 2,
            "owner_filter": {"userid_list": ["abel"], "partyid_list": [7, 8]},
            "offset": 0,
            "limit": 100
        }),
    );

    // get_group_chat
    sb.stub(
        "externalcontact/groupchat/get",
        json!({"group_chat": {
            "chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA",
            "name": "销售客服群",
            "owner": "ZhuShengBen",
            "create_time": 1572505490,
            "notice": "文明沟通，拒绝脏话",
            "member_list": [
                {
                    "userid": "abel",
                    "type": 1,
                    "join_time": 1572505491,
                    "join_scene": 1,
                    "invitor": {"userid": "jack"},
                    "group_nickname": "客服小张",
                    "name": "张三丰"
                },
                {
                    "userid": "wmOgQhDgAAuXFJGwbve4g4iXknfOAAAA",
                    "type": 2,
                    "unionid": "ozynqsulJFCZ2z1aYeS8h-nuasdAAA",
                    "join_time": 1572505491,
                    "join_scene": 3,
                    "group_nickname": "顾客老王",
                    "name": "王语嫣",
                    "state": "CHANNEL_A"
                }
            ],
            "admin_list": [{"userid": "sam"}, {"userid": "pony"}],
            "member_version": "71217227bbd112ecfe3a49c482195cb4"
        }}),
    );
    let detail = client
        .get_group_chat(&GetGroupChatRequest::new("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA").with_need_name(true))
        .await
        .expect("get_group_chat");
    sb.assert_posted(
        "externalcontact/groupchat/get",
        json!({"chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "need_name": 1}),
    );
    let chat = &detail.group_chat;
    assert_eq!(chat.owner, "ZhuShengBen");
    assert_eq!(chat.notice, "文明沟通，拒绝脏话");
    assert_eq!(chat.member_version, "71217227bbd112ecfe3a49c482195cb4");
    assert_eq!(chat.admin_list[1].userid, "pony");
    let (staff, customer) = (&chat.member_list[0], &chat.member_list[1]);
    assert_eq!(staff.member_type, GroupChatMemberType::CorpUser);
    assert_eq!(staff.join_scene, GroupChatJoinScene::DirectInvite);
    assert_eq!(staff.invitor.as_ref().unwrap().userid, "jack");
    assert_eq!(staff.unionid, None);
    assert_eq!(customer.member_type, GroupChatMemberType::ExternalContact);
    assert_eq!(customer.join_scene, GroupChatJoinScene::QrCode);
    assert_eq!(
        customer.unionid.as_deref(),
        Some("ozynqsulJFCZ2z1aYeS8h-nuasdAAA")
    );
    assert_eq!(customer.state.as_deref(), Some("CHANNEL_A"));
    assert_eq!(customer.name, "王语嫣");

    client
        .get_group_chat(&GetGroupChatRequest::new("wrX"))
        .await
        .expect("get_group_chat, no names");
    sb.assert_posted("externalcontact/groupchat/get", json!({"chat_id": "wrX"}));
    client
        .get_group_chat(&GetGroupChatRequest::new("wrX").with_need_name(false))
        .await
        .expect("get_group_chat, need_name 0");
    sb.assert_posted(
        "externalcontact/groupchat/get",
        json!({"chat_id": "wrX", "need_name": 0}),
    );

    // opengid_to_chatid
    sb.stub(
        "externalcontact/opengid_to_chatid",
        json!({"chat_id": "ooAAAAAAAAAAA"}),
    );
    let converted = client
        .opengid_to_chatid("oAAAAAAA")
        .await
        .expect("opengid_to_chatid");
    sb.assert_posted(
        "externalcontact/opengid_to_chatid",
        json!({"opengid": "oAAAAAAA"}),
    );
    assert_eq!(converted.chat_id, "ooAAAAAAAAAAA");
}

#[tokio::test]
async fn group_chat_stream_walks_every_page() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    sb.stub(
        "externalcontact/groupchat/list",
        json!({"group_chat_list": [{"chat_id": "wr1", "status": 0}], "next_cursor": "C2"}),
    );
    let mut chats = Box::pin(client.list_group_chat_stream(
        GroupChatListRequest::new(1000).with_status_filter(GroupChatStatusFilter::All),
    ));
    assert_eq!(chats.next().await.unwrap().unwrap().chat_id, "wr1");
    sb.stub(
        "externalcontact/groupchat/list",
        json!({"group_chat_list": [{"chat_id": "wr2", "status": 1}, {"chat_id": "wr3", "status": 2}], "next_cursor": ""}),
    );
    let rest: Vec<GroupChatSummary> = chats.try_collect().await.expect("second page");
    assert_eq!(rest[0].status, GroupChatStatus::OwnerResigned);
    assert_eq!(rest[1].status, GroupChatStatus::Transferring);
    let requests = sb.requests("externalcontact/groupchat/list");
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].json().unwrap(),
        json!({"status_filter": 0, "limit": 1000})
    );
    assert_eq!(
        requests[1].json().unwrap(),
        json!({"status_filter": 0, "cursor": "C2", "limit": 1000})
    );
}

#[tokio::test]
async fn join_ways_crud() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // add_join_way
    sb.stub(
        "externalcontact/groupchat/add_join_way",
        json!({"config_id": "9ad7fa5cdaa6511298498f979c472aaa"}),
    );
    let settings = JoinWaySettings::new(
        JoinWayScene::QrCode,
        [
            "wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa",
            "wrOgQhDgAALPUthpRAKvl7mgiQRwAAA",
        ],
    )
    .with_remark("aa_remark")
    .with_auto_create_room("销售客服群", 6)
    .with_state("klsdup3kj3s1")
    .with_mark_source(true);
    let added = client.add_join_way(&settings).await.expect("add_join_way");
    sb.assert_posted(
        "externalcontact/groupchat/add_join_way",
        json!({
            "scene": 2,
            "remark": "aa_remark",
            "auto_create_room": 1,
            "room_base_name": "销售客服群",
            "room_base_id": 6,
            "chat_id_list": ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa", "wrOgQhDgAALPUthpRAKvl7mgiQRwAAA"],
            "state": "klsdup3kj3s1",
            "mark_source": true
        }),
    );
    assert_eq!(added.config_id, "9ad7fa5cdaa6511298498f979c472aaa");

    // get_join_way
    sb.stub(
        "externalcontact/groupchat/get_join_way",
        json!({"join_way": {
            "config_id": "9ad7fa5cdaa6511298498f979c472aaa",
            "scene": 2,
            "remark": "aa_remark",
            "auto_create_room": 1,
            "room_base_name": "销售客服群",
            "room_base_id": 6,
            "chat_id_list": ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa", "wrOgQhDgAALPUthpRAKvl7mgiQRwAAA"],
            "qr_code": "http://p.qpic.cn/wwhead/nMl9ssowtibVGyrmvBiaibzDtp/0",
            "state": "klsdup3kj3s1",
            "mark_source": true
        }}),
    );
    let way = client
        .get_join_way("9ad7fa5cdaa6511298498f979c472aaa")
        .await
        .expect("get_join_way");
    sb.assert_posted(
        "externalcontact/groupchat/get_join_way",
        json!({"config_id": "9ad7fa5cdaa6511298498f979c472aaa"}),
    );
    let way = way.join_way;
    assert_eq!(way.scene, JoinWayScene::QrCode);
    assert!(way.auto_create_room);
    assert_eq!(way.room_base_id, 6);
    assert_eq!(way.chat_id_list.len(), 2);
    assert_eq!(
        way.qr_code,
        "http://p.qpic.cn/wwhead/nMl9ssowtibVGyrmvBiaibzDtp/0"
    );
    assert_eq!(way.mark_source, Some(true));

    // update_join_way
    sb.stub("externalcontact/groupchat/update_join_way", json!({}));
    client
        .update_join_way(&UpdateJoinWayRequest::new(
            "9ad7fa5cdaa6511298498f979c472aaa",
            JoinWaySettings::new(JoinWayScene::MiniProgram, ["wr1"])
                .without_auto_create_room()
                .with_mark_source(false),
        ))
        .await
        .expect("update_join_way");
    sb.assert_posted(
        "externalcontact/groupchat/update_join_way",
        json!({
            "config_id": "9ad7fa5cdaa6511298498f979c472aaa",
            "scene": 1,
            "auto_create_room": 0,
            "chat_id_list": ["wr1"],
            "mark_source": false
        }),
    );

    // del_join_way
    sb.stub("externalcontact/groupchat/del_join_way", json!({}));
    client
        .del_join_way("9ad7fa5cdaa6511298498f979c472aaa")
        .await
        .expect("del_join_way");
    sb.assert_posted(
        "externalcontact/groupchat/del_join_way",
        json!({"config_id": "9ad7fa5cdaa6511298498f979c472aaa"}),
    );
}

// ---------------------------------------------------------------------------
// 2.7 Mass messages and welcome messages
// ---------------------------------------------------------------------------

/// One attachment of every kind, as the SDK builds them.
fn every_attachment() -> Vec<MsgAttachment> {
    vec![
        MsgAttachment::image("MEDIA_ID"),
        MsgAttachment::image_url("http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0"),
        MsgAttachment::link(
            MsgLink::new("消息标题", "https://example.link.com/path")
                .with_picurl("https://example.pic.com/path")
                .with_desc("消息描述"),
        ),
        MsgAttachment::miniprogram(MsgMiniprogram::new(
            "消息标题",
            "MEDIA_ID",
            "wx8bd80126147dfAAA",
            "/path/index.html",
        )),
        MsgAttachment::video("VIDEO_MEDIA_ID"),
        MsgAttachment::file("FILE_MEDIA_ID"),
    ]
}

/// The same attachments in WeCom's JSON.
fn every_attachment_json() -> Value {
    json!([
        {"msgtype": "image", "image": {"media_id": "MEDIA_ID"}},
        {"msgtype": "image", "image": {"pic_url": "http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0"}},
        {"msgtype": "link", "link": {
            "title": "消息标题",
            "picurl": "https://example.pic.com/path",
            "desc": "消息描述",
            "url": "https://example.link.com/path"
        }},
        {"msgtype": "miniprogram", "miniprogram": {
            "title": "消息标题",
            "pic_media_id": "MEDIA_ID",
            "appid": "wx8bd80126147dfAAA",
            "page": "/path/index.html"
        }},
        {"msgtype": "video", "video": {"media_id": "VIDEO_MEDIA_ID"}},
        {"msgtype": "file", "file": {"media_id": "FILE_MEDIA_ID"}}
    ])
}

#[tokio::test]
async fn mass_message_create_remind_cancel() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // add_msg_template to customers, with every attachment kind.
    sb.stub(
        "externalcontact/add_msg_template",
        json!({"fail_list": ["wmqfasd1e1927831291723123109rAAA"], "msgid": "msgGCAAAXtWyujaWJHDDGi0mAAAA"}),
    );
    let mut template =
        MsgTemplate::to_customers(["woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "wmqfasd1e1927831123109rBAAAA"])
            .with_sender("zhangsan")
            .with_allow_select(true)
            .with_tag_filter(MsgTagFilter::new([["etXXXXXXXXXX", "etYYYYYYYYYY"]]))
            .with_text("文本消息内容");
    for attachment in every_attachment() {
        template = template.with_attachment(attachment);
    }
    let added = client
        .add_msg_template(&template)
        .await
        .expect("add_msg_template");
    sb.assert_posted(
        "externalcontact/add_msg_template",
        json!({
            "chat_type": "single",
            "external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "wmqfasd1e1927831123109rBAAAA"],
            "tag_filter": {"group_list": [{"tag_list": ["etXXXXXXXXXX", "etYYYYYYYYYY"]}]},
            "sender": "zhangsan",
            "allow_select": true,
            "text": {"content": "文本消息内容"},
            "attachments": every_attachment_json()
        }),
    );
    assert_eq!(added.msgid, "msgGCAAAXtWyujaWJHDDGi0mAAAA");
    assert_eq!(added.fail_list, ["wmqfasd1e1927831291723123109rAAA"]);

    // To customer groups: only what was set is sent.
    client
        .add_msg_template(
            &MsgTemplate::to_groups_of("zhangsan")
                .with_chat_ids(["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"])
                .with_text("hello"),
        )
        .await
        .expect("add_msg_template to groups");
    sb.assert_posted(
        "externalcontact/add_msg_template",
        json!({
            "chat_type": "group",
            "chat_id_list": ["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"],
            "sender": "zhangsan",
            "text": {"content": "hello"}
        }),
    );

    // remind_groupmsg_send / cancel_groupmsg_send
    sb.stub("externalcontact/remind_groupmsg_send", json!({}));
    client
        .remind_groupmsg_send("msgGCAAAXtWyujaWJHDDGi0mAAAA")
        .await
        .expect("remind_groupmsg_send");
    sb.assert_posted(
        "externalcontact/remind_groupmsg_send",
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mAAAA"}),
    );
    sb.stub("externalcontact/cancel_groupmsg_send", json!({}));
    client
        .cancel_groupmsg_send("msgGCAAAXtWyujaWJHDDGi0mAAAA")
        .await
        .expect("cancel_groupmsg_send");
    sb.assert_posted(
        "externalcontact/cancel_groupmsg_send",
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mAAAA"}),
    );
}

#[tokio::test]
async fn mass_message_records_tasks_and_results() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // get_groupmsg_list_v2, with every attachment kind and an unknown one.
    let mut attachments = every_attachment_json();
    attachments
        .as_array_mut()
        .unwrap()
        .push(json!({"msgtype": "location", "location": {"latitude": 1.5}}));
    sb.stub(
        "externalcontact/get_groupmsg_list_v2",
        json!({
            "next_cursor": "CURSOR",
            "group_msg_list": [
                {
                    "msgid": "msgGCAAAXtWyujaWJHDDGi0mAAAA",
                    "creator": "xxxx",
                    "create_time": 1633947123,
                    "create_type": 1,
                    "text": {"content": "文本消息内容"},
                    "attachments": attachments
                },
                {"msgid": "msg2", "creator": "yyyy", "create_time": 1633947124, "create_type": 0}
            ]
        }),
    );
    let list = client
        .get_groupmsg_list_v2(
            &GroupMsgListRequest::new(ChatType::Single, 1605171726, 1605172726)
                .with_creator("zhangshan")
                .with_filter_type(GroupMsgFilterType::All)
                .with_limit(50)
                .with_cursor("CURSOR"),
        )
        .await
        .expect("get_groupmsg_list_v2");
    sb.assert_posted(
        "externalcontact/get_groupmsg_list_v2",
        json!({
            "chat_type": "single",
            "start_time": 1605171726,
            "end_time": 1605172726,
            "creator": "zhangshan",
            "filter_type": 2,
            "limit": 50,
            "cursor": "CURSOR"
        }),
    );
    let record = &list.group_msg_list[0];
    assert_eq!(record.create_type, GroupMsgCreateType::Personal);
    assert_eq!(record.text.as_ref().unwrap().content, "文本消息内容");
    assert_eq!(record.attachments[..6], every_attachment()[..]);
    assert_eq!(
        record.attachments[6],
        MsgAttachment::Other {
            msgtype: "location".into(),
            payload: json!({"latitude": 1.5})
        }
    );
    assert_eq!(list.group_msg_list[1].create_type, GroupMsgCreateType::Corp);
    assert!(list.group_msg_list[1].text.is_none());
    assert!(list.group_msg_list[1].attachments.is_empty());

    // Group records.
    client
        .get_groupmsg_list_v2(&GroupMsgListRequest::new(ChatType::Group, 1, 2))
        .await
        .expect("get_groupmsg_list_v2, groups");
    sb.assert_posted(
        "externalcontact/get_groupmsg_list_v2",
        json!({"chat_type": "group", "start_time": 1, "end_time": 2}),
    );

    // get_groupmsg_task
    sb.stub(
        "externalcontact/get_groupmsg_task",
        json!({
            "next_cursor": "CURSOR",
            "task_list": [
                {"userid": "zhangsan", "status": 2, "send_time": 1552536375},
                {"userid": "lisi", "status": 0}
            ]
        }),
    );
    let tasks = client
        .get_groupmsg_task("msgGCAAAXtWyujaWJHDDGi0mAAAA", Some(50), Some("CURSOR"))
        .await
        .expect("get_groupmsg_task");
    sb.assert_posted(
        "externalcontact/get_groupmsg_task",
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mAAAA", "limit": 50, "cursor": "CURSOR"}),
    );
    assert_eq!(tasks.task_list[0].status, GroupMsgTaskStatus::Sent);
    assert_eq!(tasks.task_list[0].send_time, Some(1_552_536_375));
    assert_eq!(tasks.task_list[1].status, GroupMsgTaskStatus::Unsent);
    assert_eq!(tasks.task_list[1].send_time, None);

    // get_groupmsg_send_result
    sb.stub(
        "externalcontact/get_groupmsg_send_result",
        json!({
            "next_cursor": "CURSOR",
            "send_list": [
                {"external_userid": "wmqfasd1e19278asdasAAAA", "userid": "zhangsan", "status": 1, "send_time": 1552536375},
                {"chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "userid": "zhangsan", "status": 3},
                {"external_userid": "wm2", "userid": "zhangsan", "status": 2},
                {"external_userid": "wm3", "userid": "zhangsan", "status": 0},
                {"external_userid": "wm4", "userid": "zhangsan", "status": 5}
            ]
        }),
    );
    let results = client
        .get_groupmsg_send_result(
            "msgGCAAAXtWyujaWJHDDGi0mAAAA",
            "zhangsan",
            Some(50),
            Some("CURSOR"),
        )
        .await
        .expect("get_groupmsg_send_result");
    sb.assert_posted("externalcontact/get_groupmsg_send_result",
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mAAAA", "userid": "zhangsan", "limit": 50, "cursor": "CURSOR"}),
    );
    let sent = &results.send_list;
    assert_eq!(sent[0].status, GroupMsgSendStatus::Sent);
    assert_eq!(
        sent[0].external_userid.as_deref(),
        Some("wmqfasd1e19278asdasAAAA")
    );
    assert_eq!(sent[1].chat_id.as_deref(), Some("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"));
    assert_eq!(sent[1].status, GroupMsgSendStatus::ReceiveLimitReached);
    assert_eq!(sent[2].status, GroupMsgSendStatus::NotFriend);
    assert_eq!(sent[3].status, GroupMsgSendStatus::Unsent);
    assert_eq!(sent[4].status, GroupMsgSendStatus::Other(5));

    // get_group_msg_result (deprecated)
    sb.stub(
        "externalcontact/get_group_msg_result",
        json!({
            "check_status": 1,
            "detail_list": [
                {"external_userid": "wmqfasd1e19278asdasAAAA", "chat_id": "", "userid": "zhangsan", "status": 1, "send_time": 1552536375}
            ],
            "next_cursor": ""
        }),
    );
    let legacy = client
        .get_group_msg_result("msgGCAAAXtWyujaWJHDDGi0mAAAA", Some(10000), None)
        .await
        .expect("get_group_msg_result");
    sb.assert_posted(
        "externalcontact/get_group_msg_result",
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mAAAA", "limit": 10000}),
    );
    assert_eq!(legacy.check_status, Some(GroupMsgCheckStatus::Approved));
    assert_eq!(legacy.detail_list[0].status, GroupMsgSendStatus::Sent);
    assert_eq!(legacy.detail_list[0].send_time, Some(1_552_536_375));
}

#[tokio::test]
async fn mass_message_streams_walk_every_page() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // Records: the stream asks for 100 per page unless told otherwise.
    sb.stub(
        "externalcontact/get_groupmsg_list_v2",
        json!({"group_msg_list": [{"msgid": "m1", "create_type": 0}], "next_cursor": "N2"}),
    );
    let mut records =
        Box::pin(client.groupmsg_list_stream(GroupMsgListRequest::new(ChatType::Group, 10, 20)));
    assert_eq!(records.next().await.unwrap().unwrap().msgid, "m1");
    sb.stub(
        "externalcontact/get_groupmsg_list_v2",
        json!({"group_msg_list": [{"msgid": "m2", "create_type": 1}], "next_cursor": ""}),
    );
    let rest: Vec<GroupMsg> = records.try_collect().await.expect("records page 2");
    assert_eq!(rest[0].msgid, "m2");
    let requests = sb.requests("externalcontact/get_groupmsg_list_v2");
    assert_eq!(
        requests[0].json().unwrap(),
        json!({"chat_type": "group", "start_time": 10, "end_time": 20, "limit": 100})
    );
    assert_eq!(
        requests[1].json().unwrap(),
        json!({"chat_type": "group", "start_time": 10, "end_time": 20, "limit": 100, "cursor": "N2"})
    );

    // Tasks.
    sb.stub(
        "externalcontact/get_groupmsg_task",
        json!({"task_list": [{"userid": "a", "status": 2}, {"userid": "b", "status": 0}], "next_cursor": "T2"}),
    );
    let mut tasks = Box::pin(client.groupmsg_task_stream("MSG"));
    assert_eq!(tasks.next().await.unwrap().unwrap().userid, "a");
    assert_eq!(tasks.next().await.unwrap().unwrap().userid, "b");
    sb.stub(
        "externalcontact/get_groupmsg_task",
        json!({"task_list": [{"userid": "c", "status": 2}]}),
    );
    let rest: Vec<GroupMsgTask> = tasks.try_collect().await.expect("tasks page 2");
    assert_eq!(rest[0].userid, "c");
    let requests = sb.requests("externalcontact/get_groupmsg_task");
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].json().unwrap(),
        json!({"msgid": "MSG", "limit": 1000})
    );
    assert_eq!(
        requests[1].json().unwrap(),
        json!({"msgid": "MSG", "limit": 1000, "cursor": "T2"})
    );

    // Send results.
    sb.stub(
        "externalcontact/get_groupmsg_send_result",
        json!({"send_list": [{"external_userid": "wm1", "userid": "u", "status": 1}], "next_cursor": "R2"}),
    );
    let mut results = Box::pin(client.groupmsg_send_result_stream("MSG", "u"));
    assert_eq!(
        results.next().await.unwrap().unwrap().external_userid.as_deref(),
        Some("wm1")
    );
    sb.stub(
        "externalcontact/get_groupmsg_send_result",
        json!({"send_list": [{"external_userid": "wm2", "userid": "u", "status": 2}], "next_cursor": ""}),
    );
    let rest: Vec<GroupMsgSendResult> = results.try_collect().await.expect("results page 2");
    assert_eq!(rest[0].status, GroupMsgSendStatus::NotFriend);
    let requests = sb.requests("externalcontact/get_groupmsg_send_result");
    assert_eq!(
        requests[1].json().unwrap(),
        json!({"msgid": "MSG", "userid": "u", "limit": 1000, "cursor": "R2"})
    );
}

#[tokio::test]
async fn welcome_message_is_sent_with_its_code() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    sb.stub("externalcontact/send_welcome_msg", json!({}));

    let mut message = WelcomeMsg::new("CALLBACK_CODE").with_text("文本消息内容");
    for attachment in every_attachment() {
        message = message.with_attachment(attachment);
    }
    client.send_welcome_msg(&message).await.expect("send_welcome_msg");
    sb.assert_posted(
        "externalcontact/send_welcome_msg",
        json!({
            "welcome_code": "CALLBACK_CODE",
            "text": {"content": "文本消息内容"},
            "attachments": every_attachment_json()
        }),
    );

    // Text only: no empty attachment list is sent.
    client
        .send_welcome_msg(&WelcomeMsg::new("CODE2").with_text("hi"))
        .await
        .expect("send_welcome_msg, text only");
    sb.assert_posted(
        "externalcontact/send_welcome_msg",
        json!({"welcome_code": "CODE2", "text": {"content": "hi"}}),
    );

    // WeCom's error when another app already greeted the customer surfaces as such.
    sb.inject_fault(
        "externalcontact/send_welcome_msg",
        wecom_testkit::Fault::Errcode {
            code: 41051,
            message: "externaluser has started chatting".into(),
        },
        1,
    );
    let err = client
        .send_welcome_msg(&WelcomeMsg::new("CODE3").with_attachment(MsgAttachment::image("M")))
        .await
        .expect_err("41051");
    assert_eq!(err.code(), Some(41051));
}

// ---------------------------------------------------------------------------
// 2.8 Group welcome templates
// ---------------------------------------------------------------------------

#[tokio::test]
async fn group_welcome_templates_crud() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // add_group_welcome_template: text + image, agentid, notify.
    sb.stub(
        "externalcontact/group_welcome_template/add",
        json!({"template_id": "msgXXXXXXX"}),
    );
    let added = client
        .add_group_welcome_template(
            &AddGroupWelcomeTemplateRequest::new(
                GroupWelcomeContent::text("亲爱的%NICKNAME%用户，你好")
                    .with_attachment(MsgAttachment::image("MEDIA_ID")),
            )
            .with_agentid(1000014)
            .with_notify(true),
        )
        .await
        .expect("add_group_welcome_template");
    sb.assert_posted(
        "externalcontact/group_welcome_template/add",
        json!({
            "text": {"content": "亲爱的%NICKNAME%用户，你好"},
            "image": {"media_id": "MEDIA_ID"},
            "agentid": 1000014,
            "notify": 1
        }),
    );
    assert_eq!(added.template_id, "msgXXXXXXX");

    // A template keeps one attachment: the last one set wins.
    client
        .add_group_welcome_template(
            &AddGroupWelcomeTemplateRequest::new(
                GroupWelcomeContent::attachment(MsgAttachment::image("MEDIA_ID")).with_attachment(
                    MsgAttachment::miniprogram(MsgMiniprogram::new(
                        "消息标题",
                        "MEDIA_ID",
                        "wx8bd80126147dfAAA",
                        "/path/index",
                    )),
                ),
            )
            .with_notify(false),
        )
        .await
        .expect("add_group_welcome_template, miniprogram");
    sb.assert_posted(
        "externalcontact/group_welcome_template/add",
        json!({
            "miniprogram": {
                "title": "消息标题",
                "pic_media_id": "MEDIA_ID",
                "appid": "wx8bd80126147dfAAA",
                "page": "/path/index"
            },
            "notify": 0
        }),
    );

    // edit_group_welcome_template
    sb.stub("externalcontact/group_welcome_template/edit", json!({}));
    client
        .edit_group_welcome_template(
            &EditGroupWelcomeTemplateRequest::new(
                "msgXXXXXXX",
                GroupWelcomeContent::text("亲爱的%NICKNAME%用户，你好").with_attachment(MsgAttachment::link(
                    MsgLink::new("消息标题", "https://example.link.com/path")
                        .with_picurl("https://example.pic.com/path")
                        .with_desc("消息描述"),
                )),
            )
            .with_agentid(1000014),
        )
        .await
        .expect("edit_group_welcome_template");
    sb.assert_posted(
        "externalcontact/group_welcome_template/edit",
        json!({
            "template_id": "msgXXXXXXX",
            "text": {"content": "亲爱的%NICKNAME%用户，你好"},
            "link": {
                "title": "消息标题",
                "picurl": "https://example.pic.com/path",
                "desc": "消息描述",
                "url": "https://example.link.com/path"
            },
            "agentid": 1000014
        }),
    );
    client
        .edit_group_welcome_template(&EditGroupWelcomeTemplateRequest::new(
            "msgYYY",
            GroupWelcomeContent::attachment(MsgAttachment::video("VIDEO")),
        ))
        .await
        .expect("edit_group_welcome_template, video");
    sb.assert_posted(
        "externalcontact/group_welcome_template/edit",
        json!({"template_id": "msgYYY", "video": {"media_id": "VIDEO"}}),
    );

    // get_group_welcome_template: the reply lists each kind under its key.
    sb.stub(
        "externalcontact/group_welcome_template/get",
        json!({
            "text": {"content": "亲爱的%NICKNAME%用户，你好"},
            "image": {"pic_url": "http://p.qpic.cn/pic_wework/XXXXX"},
            "link": {"title": "消息标题", "picurl": "https://example.pic.com/path", "desc": "消息描述", "url": "https://example.link.com/path"},
            "miniprogram": {"title": "消息标题", "pic_media_id": "MEDIA_ID", "appid": "wx8bd80126147dfAAA", "page": "/path/index"},
            "file": {"media_id": "FILE_MEDIA_ID"},
            "video": {"media_id": "VIDEO_MEDIA_ID"}
        }),
    );
    let template = client
        .get_group_welcome_template("msgXXXXXXX")
        .await
        .expect("get_group_welcome_template");
    sb.assert_posted(
        "externalcontact/group_welcome_template/get",
        json!({"template_id": "msgXXXXXXX"}),
    );
    assert_eq!(
        template.text.as_ref().unwrap().content,
        "亲爱的%NICKNAME%用户，你好"
    );
    assert_eq!(
        template.image,
        Some(MsgImage::url("http://p.qpic.cn/pic_wework/XXXXX"))
    );
    assert_eq!(template.link.as_ref().unwrap().desc.as_deref(), Some("消息描述"));
    assert_eq!(template.miniprogram.as_ref().unwrap().appid, "wx8bd80126147dfAAA");
    assert_eq!(template.file, Some(MsgFile::new("FILE_MEDIA_ID")));
    assert_eq!(template.video, Some(MsgVideo::new("VIDEO_MEDIA_ID")));
    assert_eq!(
        template.to_attachment(),
        Some(MsgAttachment::image_url("http://p.qpic.cn/pic_wework/XXXXX"))
    );

    // del_group_welcome_template
    sb.stub("externalcontact/group_welcome_template/del", json!({}));
    client
        .del_group_welcome_template("msgXXXXXXX", Some(1000014))
        .await
        .expect("del_group_welcome_template");
    sb.assert_posted(
        "externalcontact/group_welcome_template/del",
        json!({"template_id": "msgXXXXXXX", "agentid": 1000014}),
    );
    client
        .del_group_welcome_template("msgYYY", None)
        .await
        .expect("del_group_welcome_template, no agentid");
    sb.assert_posted(
        "externalcontact/group_welcome_template/del",
        json!({"template_id": "msgYYY"}),
    );
}

// ---------------------------------------------------------------------------
// Serde details that need no server
// ---------------------------------------------------------------------------

#[test]
fn attachments_round_trip_and_reject_garbage() {
    let json = every_attachment_json();
    let parsed: Vec<MsgAttachment> = serde_json::from_value(json.clone()).expect("parse");
    assert_eq!(parsed, every_attachment());
    assert_eq!(serde_json::to_value(&parsed).unwrap(), json);

    // Unknown kinds survive a round trip.
    let other = json!({"msgtype": "weapp_card", "weapp_card": {"x": 1}});
    let parsed: MsgAttachment = serde_json::from_value(other.clone()).unwrap();
    assert_eq!(parsed.msgtype(), "weapp_card");
    assert_eq!(serde_json::to_value(&parsed).unwrap(), other);

    // A known kind with a malformed payload, or no msgtype, is an error.
    assert!(serde_json::from_value::<MsgAttachment>(json!({"msgtype": "video", "video": 5})).is_err());
    assert!(serde_json::from_value::<MsgAttachment>(json!({"image": {"media_id": "M"}})).is_err());

    // Chat types keep unknown strings.
    let types: Vec<ChatType> = serde_json::from_value(json!(["single", "group", "room"])).unwrap();
    assert_eq!(
        types,
        [ChatType::Single, ChatType::Group, ChatType::Other("room".into())]
    );
    assert_eq!(
        serde_json::to_value(&types).unwrap(),
        json!(["single", "group", "room"])
    );
}
