//! ExternalContact sections 2.1 (customers, follow users, id conversion),
//! 2.2 (「联系我」), 2.3 (corp tags) and 2.5 (transfers), one endpoint at a
//! time: every path is called through the generated client against a
//! sandbox stub, and the test checks the HTTP method, the path, the corp
//! `access_token` (and no other token), the exact JSON body or query, and
//! that a reply carrying every documented field decodes.

use serde_json::{Value, json};
use wecom_apis::external_contact::*;
use wecom_testkit::{RecordedRequest, Sandbox, creds};

/// The one request `path` received.
fn only_request(sb: &Sandbox, path: &str) -> RecordedRequest {
    let mut requests = sb.requests(path);
    assert_eq!(requests.len(), 1, "{path}: exactly one request expected");
    requests.remove(0)
}

/// The request carries a corp `access_token` and no other token.
fn assert_corp_token(req: &RecordedRequest) {
    let token = req.query_param("access_token").unwrap_or_default();
    assert!(!token.is_empty(), "{}: access_token missing", req.path);
    for other in ["provider_access_token", "suite_access_token"] {
        assert!(
            req.query_param(other).is_none(),
            "{}: unexpected {other}",
            req.path
        );
    }
}

/// A POST to `path` with exactly `body` and only the token in the query.
fn assert_post(sb: &Sandbox, path: &str, body: Value) {
    let req = only_request(sb, path);
    assert_eq!(req.method, "POST", "{path}");
    assert_corp_token(&req);
    assert_eq!(req.query.len(), 1, "{path}: query {:?}", req.query);
    assert_eq!(req.json(), Some(body), "{path}: body");
}

/// A GET to `path` whose query is the token plus exactly `params`.
fn assert_get(sb: &Sandbox, path: &str, params: &[(&str, &str)]) {
    let req = only_request(sb, path);
    assert_eq!(req.method, "GET", "{path}");
    assert_corp_token(&req);
    assert!(req.body.is_empty(), "{path}: GET with a body");
    let rest: Vec<(&str, &str)> = req
        .query
        .iter()
        .filter(|(k, _)| k != "access_token")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(rest, params, "{path}: query");
}

/// A `get`-style reply with every documented field (customer, three tag
/// kinds, Channels source, public profile attributes of all three types).
fn customer_detail_payload() -> Value {
    json!({
        "external_contact": {
            "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
            "name": "李四",
            "position": "Manager",
            "avatar": "http://p.qlogo.cn/bizmail/IcsdgagqefergqerhewSdage/0",
            "corp_name": "腾讯",
            "corp_full_name": "腾讯科技有限公司",
            "type": 2,
            "gender": 1,
            "unionid": "ozynqsulJFCZ2z1aYeS8h-nuasdAAA",
            "external_profile": {
                "external_corp_name": "腾讯",
                "wechat_channels": {"nickname": "企业视频号", "status": 1},
                "external_attr": [
                    {"type": 0, "name": "文本名称", "text": {"value": "文本"}},
                    {"type": 1, "name": "网页名称", "web": {"url": "http://www.test.com", "title": "标题"}},
                    {"type": 2, "name": "测试app", "miniprogram": {
                        "appid": "wx8bd80126147dFAKE", "pagepath": "/index", "title": "my miniprogram"}}
                ]
            }
        },
        "follow_user": [
            {
                "userid": "rocky",
                "remark": "李部长",
                "description": "对接采购事务",
                "createtime": 1525779812,
                "tags": [
                    {"group_name": "客户等级", "tag_name": "VIP", "tag_id": "etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA", "type": 1},
                    {"tag_name": "老朋友", "type": 2},
                    {"group_name": "规则组", "tag_name": "重点", "tag_id": "stAJ2GCAAAXtWyujaWJHDDGi0mACHAAA", "type": 3}
                ],
                "remark_corp_name": "腾讯科技",
                "remark_mobiles": ["13800000001", "13000000002"],
                "oper_userid": "rocky",
                "add_way": 10,
                "wechat_channels": {"nickname": "视频号名称", "source": 1}
            },
            {
                "userid": "tommy",
                "remark": "李总",
                "description": "采购问题咨询",
                "createtime": 1525881637,
                "state": "外联二维码1",
                "oper_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
                "add_way": 1
            }
        ],
        "next_cursor": "NEXT_CURSOR"
    })
}

fn check_customer_detail(detail: &CustomerDetail) {
    let c = &detail.external_contact;
    assert_eq!(c.external_userid, "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA");
    assert_eq!(c.name, "李四");
    assert_eq!(c.customer_type, CustomerType::WeCom);
    assert_eq!(c.gender, CustomerGender::Male);
    assert_eq!(c.corp_full_name.as_deref(), Some("腾讯科技有限公司"));
    assert_eq!(c.position.as_deref(), Some("Manager"));
    assert_eq!(c.unionid.as_deref(), Some("ozynqsulJFCZ2z1aYeS8h-nuasdAAA"));
    let profile = c.external_profile.as_ref().expect("external_profile");
    assert_eq!(profile.external_corp_name.as_deref(), Some("腾讯"));
    assert_eq!(profile.wechat_channels.as_ref().map(|w| w.status), Some(1));
    let kinds: Vec<ExternalAttrType> = profile.external_attr.iter().map(|a| a.attr_type).collect();
    assert_eq!(
        kinds,
        [
            ExternalAttrType::Text,
            ExternalAttrType::Web,
            ExternalAttrType::MiniProgram
        ]
    );
    assert_eq!(
        profile.external_attr[0].text.as_ref().map(|t| t.value.as_str()),
        Some("文本")
    );
    assert_eq!(
        profile.external_attr[1].web.as_ref().map(|w| w.title.as_str()),
        Some("标题")
    );
    assert_eq!(
        profile.external_attr[2]
            .miniprogram
            .as_ref()
            .map(|m| m.pagepath.as_str()),
        Some("/index")
    );

    let rocky = &detail.follow_user[0];
    assert_eq!(rocky.userid, "rocky");
    assert_eq!(rocky.createtime, 1_525_779_812);
    let tag_types: Vec<CustomerTagType> = rocky.tags.iter().map(|t| t.tag_type).collect();
    assert_eq!(
        tag_types,
        [
            CustomerTagType::Corp,
            CustomerTagType::Personal,
            CustomerTagType::RuleGroup
        ]
    );
    assert_eq!(rocky.tags[0].group_name.as_deref(), Some("客户等级"));
    assert!(rocky.tags[1].tag_id.is_none());
    assert_eq!(rocky.remark_mobiles, ["13800000001", "13000000002"]);
    assert_eq!(rocky.remark_corp_name.as_deref(), Some("腾讯科技"));
    assert_eq!(rocky.add_way, AddWay::WeChatChannels);
    let channels = rocky.wechat_channels.as_ref().expect("wechat_channels");
    assert_eq!(channels.source, WechatChannelsSource::Profile);
    let tommy = &detail.follow_user[1];
    assert_eq!(tommy.add_way, AddWay::QrCode);
    assert_eq!(tommy.state.as_deref(), Some("外联二维码1"));
    assert_eq!(
        tommy.oper_userid.as_deref(),
        Some("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA")
    );
    assert!(tommy.tags.is_empty());
    assert_eq!(detail.next_cursor, "NEXT_CURSOR");
}

/// 2.1: follow users, customer lists, details (new and deprecated) and the
/// batch read.
#[tokio::test]
async fn customer_reads_send_wecom_requests_and_decode_documented_replies() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub(
        "externalcontact/get_follow_user_list",
        json!({"follow_user": ["zhangsan", "lisi"]}),
    );
    let users = client.get_follow_user_list().await.expect("get_follow_user_list");
    assert_eq!(users.follow_user, ["zhangsan", "lisi"]);
    assert_get(&sb, "externalcontact/get_follow_user_list", &[]);

    sb.stub(
        "externalcontact/list",
        json!({"external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "wmqfasd1e1927831291723123109rAAA"]}),
    );
    let list = client
        .list_external_contact("zhangsan")
        .await
        .expect("list_external_contact");
    assert_eq!(list.external_userid.len(), 2);
    assert_get(&sb, "externalcontact/list", &[("userid", "zhangsan")]);

    sb.stub("externalcontact/get", customer_detail_payload());
    let detail = client
        .get_external_contact("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA", Some("CURSOR1"))
        .await
        .expect("get_external_contact");
    check_customer_detail(&detail);
    assert_get(
        &sb,
        "externalcontact/get",
        &[
            ("external_userid", "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"),
            ("cursor", "CURSOR1"),
        ],
    );

    sb.stub("crm/get_external_contact", customer_detail_payload());
    #[allow(deprecated)]
    let old = client
        .get_crm_external_contact("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA")
        .await
        .expect("get_crm_external_contact");
    check_customer_detail(&old);
    assert_get(
        &sb,
        "crm/get_external_contact",
        &[("external_userid", "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA")],
    );

    sb.stub(
        "externalcontact/batch/get_by_user",
        json!({
            "external_contact_list": [
                {
                    "external_contact": {
                        "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
                        "name": "李四", "position": "Manager", "avatar": "http://p.qlogo.cn/x/0",
                        "corp_name": "腾讯", "corp_full_name": "腾讯科技有限公司", "type": 2, "gender": 1,
                        "unionid": "ozynqsulJFCZ2z1aYeS8h-nuasdAAA",
                        "external_profile": {"external_attr": [{"type": 0, "name": "文本名称", "text": {"value": "文本"}}]}
                    },
                    "follow_info": {
                        "userid": "rocky", "remark": "李部长", "description": "对接采购事务", "createtime": 1525779812,
                        "tag_id": ["etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"], "remark_corp_name": "腾讯科技",
                        "remark_mobiles": ["13800000001"], "oper_userid": "rocky", "add_way": 1,
                        "state": "外联二维码1", "wechat_channels": {"nickname": "视频号名称", "source": 2}
                    }
                },
                {
                    "external_contact": {"external_userid": "wmqfasd1e19278asdasdasd1098123AAA", "name": "王五",
                        "avatar": "http://wx.qlogo.cn/y/0", "type": 1, "gender": 2},
                    "follow_info": {"userid": "rocky", "remark": "", "description": "", "createtime": 1525881637,
                        "tag_id": [], "remark_mobiles": [], "oper_userid": "wmqfasd1e19278asdasdasd1098123AAA", "add_way": 3}
                }
            ],
            "next_cursor": "r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI",
            "fail_info": {"unlicensed_userid_list": ["zhangsan"]}
        }),
    );
    let batch = client
        .batch_get_by_user(
            &BatchGetByUserRequest::new(["rocky", "zhangsan"])
                .with_cursor("CURSOR")
                .with_limit(100),
        )
        .await
        .expect("batch_get_by_user");
    assert_post(
        &sb,
        "externalcontact/batch/get_by_user",
        json!({"userid_list": ["rocky", "zhangsan"], "cursor": "CURSOR", "limit": 100}),
    );
    assert_eq!(batch.external_contact_list.len(), 2);
    let first = &batch.external_contact_list[0];
    assert_eq!(first.external_contact.customer_type, CustomerType::WeCom);
    assert_eq!(first.follow_info.tag_id, ["etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"]);
    assert_eq!(first.follow_info.add_way, AddWay::QrCode);
    assert_eq!(
        first.follow_info.wechat_channels.as_ref().map(|w| w.source),
        Some(WechatChannelsSource::LiveRoom)
    );
    let second = &batch.external_contact_list[1];
    assert_eq!(second.external_contact.customer_type, CustomerType::WeChat);
    assert_eq!(second.external_contact.gender, CustomerGender::Female);
    assert!(second.external_contact.external_profile.is_none());
    assert_eq!(second.follow_info.add_way, AddWay::BusinessCard);
    assert_eq!(batch.next_cursor, "r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI");
    assert_eq!(
        batch.fail_info.expect("fail_info").unlicensed_userid_list,
        ["zhangsan"]
    );
}

/// 2.1: remark, the served-contact list and every id conversion.
#[tokio::test]
async fn customer_writes_and_conversions_send_exact_bodies() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub("externalcontact/remark", json!({}));
    client
        .remark(
            &RemarkRequest::new("zhangsan", "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA")
                .with_remark("备注信息")
                .with_description("描述信息")
                .with_remark_company("腾讯科技")
                .with_remark_mobiles(["13800000001", "13800000002"])
                .with_remark_pic_mediaid("MEDIAID"),
        )
        .await
        .expect("remark");
    assert_post(
        &sb,
        "externalcontact/remark",
        json!({
            "userid": "zhangsan",
            "external_userid": "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA",
            "remark": "备注信息",
            "description": "描述信息",
            "remark_company": "腾讯科技",
            "remark_mobiles": ["13800000001", "13800000002"],
            "remark_pic_mediaid": "MEDIAID"
        }),
    );

    sb.stub(
        "externalcontact/contact_list",
        json!({
            "info_list": [
                {"is_customer": false, "name": "***开", "tmp_openid": "TMP_ID1", "follow_userid": "USER_ID",
                 "chat_name": "外联群1", "add_time": 1694418699},
                {"is_customer": true, "tmp_openid": "TMP_ID2", "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
                 "follow_userid": "USER_ID", "add_time": 1694418699},
                {"is_customer": true, "tmp_openid": "TMP_ID3", "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
                 "chat_id": "CHATID", "add_time": 1694418699}
            ],
            "next_cursor": "NEXT_CURSOR"
        }),
    );
    let contacts = client
        .contact_list(Some("CURSOR"), Some(1000))
        .await
        .expect("contact_list");
    assert_post(
        &sb,
        "externalcontact/contact_list",
        json!({"cursor": "CURSOR", "limit": 1000}),
    );
    assert!(!contacts.info_list[0].is_customer);
    assert_eq!(contacts.info_list[0].name.as_deref(), Some("***开"));
    assert_eq!(contacts.info_list[0].chat_name.as_deref(), Some("外联群1"));
    assert!(contacts.info_list[1].is_customer);
    assert_eq!(
        contacts.info_list[1].external_userid.as_deref(),
        Some("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA")
    );
    assert_eq!(contacts.info_list[2].chat_id.as_deref(), Some("CHATID"));
    assert!(contacts.info_list[2].follow_userid.is_none());
    assert_eq!(contacts.info_list[2].add_time, 1_694_418_699);
    assert_eq!(contacts.next_cursor, "NEXT_CURSOR");

    sb.stub(
        "externalcontact/convert_to_openid",
        json!({"openid": "ooAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}),
    );
    let openid = client
        .convert_to_openid("wmAAAAAAA")
        .await
        .expect("convert_to_openid");
    assert_eq!(openid.openid, "ooAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assert_post(
        &sb,
        "externalcontact/convert_to_openid",
        json!({"external_userid": "wmAAAAAAA"}),
    );

    sb.stub(
        "externalcontact/unionid_to_external_userid",
        json!({"external_userid": "wmAAAAAAAAAAAAAAAAAAAA", "pending_id": "pAAAAAA"}),
    );
    let converted = client
        .unionid_to_external_userid("oAAAAAAA", "oBBBB", Some(1))
        .await
        .expect("unionid_to_external_userid");
    assert_eq!(converted.external_userid, "wmAAAAAAAAAAAAAAAAAAAA");
    assert_eq!(converted.pending_id.as_deref(), Some("pAAAAAA"));
    assert_post(
        &sb,
        "externalcontact/unionid_to_external_userid",
        json!({"unionid": "oAAAAAAA", "openid": "oBBBB", "subject_type": 1}),
    );

    sb.stub(
        "externalcontact/get_new_external_userid",
        json!({"items": [
            {"external_userid": "wmAAAAAAA", "new_external_userid": "wmNEWAAAA"},
            {"external_userid": "wmBBBBBBB", "new_external_userid": "wmNEWBBBB"}
        ]}),
    );
    let new_ids = client
        .get_new_external_userid(&["wmAAAAAAA", "wmBBBBBBB"])
        .await
        .expect("get_new_external_userid");
    assert_eq!(new_ids.items[1].new_external_userid, "wmNEWBBBB");
    assert_post(
        &sb,
        "externalcontact/get_new_external_userid",
        json!({"external_userid_list": ["wmAAAAAAA", "wmBBBBBBB"]}),
    );

    sb.stub(
        "externalcontact/to_service_external_userid",
        json!({"external_userid": "wmSERVICE"}),
    );
    let to = client
        .to_service_external_userid("wmSELFBUILT")
        .await
        .expect("to_service_external_userid");
    assert_eq!(to.external_userid, "wmSERVICE");
    assert_post(
        &sb,
        "externalcontact/to_service_external_userid",
        json!({"external_userid": "wmSELFBUILT"}),
    );

    sb.stub(
        "externalcontact/from_service_external_userid",
        json!({"external_userid": "wmSELFBUILT"}),
    );
    let from = client
        .from_service_external_userid("wmSERVICE", 1_000_005)
        .await
        .expect("from_service_external_userid");
    assert_eq!(from.external_userid, "wmSELFBUILT");
    assert_post(
        &sb,
        "externalcontact/from_service_external_userid",
        json!({"external_userid": "wmSERVICE", "source_agentid": 1000005}),
    );

    sb.stub("externalcontact/finish_external_userid_migration", json!({}));
    client
        .finish_external_userid_migration(creds::CORPID)
        .await
        .expect("finish_external_userid_migration");
    assert_post(
        &sb,
        "externalcontact/finish_external_userid_migration",
        json!({"corpid": creds::CORPID}),
    );
}

/// 2.2: the six 「联系我」 paths.
#[tokio::test]
async fn contact_way_endpoints_send_wecom_requests_and_decode_replies() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub(
        "externalcontact/add_contact_way",
        json!({"config_id": "42b34949e138eb6e027c123cba77fAAA", "qr_code": "http://p.qpic.cn/wwhead/duc2TvpEgSdicZ9RrdUtBkv2UiaA/0"}),
    );
    let conclusions = ContactWayConclusions {
        text: Some(ConclusionText {
            content: "文本消息内容".into(),
        }),
        image: Some(ConclusionImage {
            media_id: Some("MEDIA_ID".into()),
            pic_url: None,
        }),
        link: Some(ConclusionLink {
            title: "消息标题".into(),
            picurl: Some("https://example.pic.com/path".into()),
            desc: Some("消息描述".into()),
            url: "https://example.link.com/path".into(),
        }),
        miniprogram: Some(ConclusionMiniprogram {
            title: "消息标题".into(),
            pic_media_id: "MEDIA_ID".into(),
            appid: "wx8bd80126147dfAAA".into(),
            page: "/path/index.html".into(),
        }),
    };
    let added = client
        .add_contact_way(
            &NewContactWay::new(ContactWayType::Single, ContactWayScene::MiniProgram)
                .with_style(1)
                .with_remark("渠道客户")
                .with_skip_verify(true)
                .with_state("teststate")
                .with_user(["zhangsan"])
                .with_temp(Some(86400), Some(86400))
                .with_unionid("oxTWIuGaIt6gTKsQRLau2M0AAAA")
                .with_is_exclusive(true)
                .with_mark_source(true)
                .with_conclusions(conclusions.clone()),
        )
        .await
        .expect("add_contact_way");
    assert_eq!(added.config_id, "42b34949e138eb6e027c123cba77fAAA");
    assert!(added.qr_code.is_some());
    assert_post(
        &sb,
        "externalcontact/add_contact_way",
        json!({
            "type": 1, "scene": 1, "style": 1, "remark": "渠道客户", "skip_verify": true, "state": "teststate",
            "user": ["zhangsan"], "is_temp": true, "expires_in": 86400, "chat_expires_in": 86400,
            "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA", "is_exclusive": true, "mark_source": true,
            "conclusions": {
                "text": {"content": "文本消息内容"},
                "image": {"media_id": "MEDIA_ID"},
                "link": {"title": "消息标题", "picurl": "https://example.pic.com/path", "desc": "消息描述",
                         "url": "https://example.link.com/path"},
                "miniprogram": {"title": "消息标题", "pic_media_id": "MEDIA_ID", "appid": "wx8bd80126147dfAAA",
                                "page": "/path/index.html"}
            }
        }),
    );

    sb.stub(
        "externalcontact/get_contact_way",
        json!({"contact_way": {
            "config_id": "42b34949e138eb6e027c123cba77fAAA", "type": 1, "scene": 1, "style": 2,
            "remark": "test remark", "skip_verify": true, "state": "teststate",
            "qr_code": "http://p.qpic.cn/wwhead/duc2TvpEgSdicZ9RrdUtBkv2UiaA/0",
            "user": ["zhangsan", "lisi", "wangwu"], "party": [2, 3], "is_temp": true,
            "expires_in": 86400, "chat_expires_in": 86400, "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA",
            "is_exclusive": true, "mark_source": true,
            "conclusions": {
                "text": {"content": "文本消息内容"},
                "image": {"pic_url": "http://p.qpic.cn/pic_wework/XXXXX"},
                "link": {"title": "消息标题", "picurl": "https://example.pic.com/path", "desc": "消息描述",
                         "url": "https://example.link.com/path"},
                "miniprogram": {"title": "消息标题", "pic_media_id": "MEDIA_ID", "appid": "wx8bd80126147dfAAA",
                                "page": "/path/index"}
            }
        }}),
    );
    let way = client
        .get_contact_way("42b34949e138eb6e027c123cba77fAAA")
        .await
        .expect("get_contact_way")
        .contact_way;
    assert_post(
        &sb,
        "externalcontact/get_contact_way",
        json!({"config_id": "42b34949e138eb6e027c123cba77fAAA"}),
    );
    assert_eq!(way.way_type, ContactWayType::Single);
    assert_eq!(way.scene, ContactWayScene::MiniProgram);
    assert_eq!(way.style, Some(2));
    assert_eq!(way.user, ["zhangsan", "lisi", "wangwu"]);
    assert_eq!(way.party, [2, 3]);
    assert!(way.is_temp && way.skip_verify && way.is_exclusive);
    assert_eq!(way.mark_source, Some(true));
    assert_eq!(way.expires_in, Some(86400));
    assert_eq!(way.chat_expires_in, Some(86400));
    let read_back = way.conclusions.expect("conclusions");
    assert_eq!(
        read_back.image.and_then(|i| i.pic_url).as_deref(),
        Some("http://p.qpic.cn/pic_wework/XXXXX")
    );
    assert_eq!(
        read_back.miniprogram.map(|m| m.page).as_deref(),
        Some("/path/index")
    );

    sb.stub(
        "externalcontact/list_contact_way",
        json!({"contact_way": [{"config_id": "534b63270045c9ABiKEE814ef56d91c62f"},
                               {"config_id": "87bBiKEE811c62f63270041c62f5c9A4"}],
               "next_cursor": "NEXT_CURSOR"}),
    );
    let listed = client
        .list_contact_way(
            &ListContactWayRequest::new()
                .with_time_range(1_622_476_800, 1_625_068_800)
                .with_cursor("CURSOR")
                .with_limit(1000),
        )
        .await
        .expect("list_contact_way");
    assert_post(
        &sb,
        "externalcontact/list_contact_way",
        json!({"start_time": 1622476800, "end_time": 1625068800, "cursor": "CURSOR", "limit": 1000}),
    );
    assert_eq!(listed.contact_way.len(), 2);
    assert_eq!(
        listed.contact_way[1].config_id,
        "87bBiKEE811c62f63270041c62f5c9A4"
    );
    assert_eq!(listed.next_cursor, "NEXT_CURSOR");

    sb.stub("externalcontact/update_contact_way", json!({}));
    client
        .update_contact_way(
            &UpdateContactWay::new("42b34949e138eb6e027c123cba77fAAA")
                .with_remark("渠道客户")
                .with_skip_verify(false)
                .with_style(1)
                .with_state("teststate")
                .with_user(["UserID1", "UserID2", "UserID3"])
                .with_party([2, 3])
                .with_expires_in(86400)
                .with_chat_expires_in(86400)
                .with_unionid("oxTWIuGaIt6gTKsQRLau2M0AAAA")
                .with_is_exclusive(false)
                .with_mark_source(false)
                .with_conclusions(conclusions),
        )
        .await
        .expect("update_contact_way");
    assert_post(
        &sb,
        "externalcontact/update_contact_way",
        json!({
            "config_id": "42b34949e138eb6e027c123cba77fAAA", "style": 1, "remark": "渠道客户",
            "skip_verify": false, "state": "teststate", "user": ["UserID1", "UserID2", "UserID3"],
            "party": [2, 3], "expires_in": 86400, "chat_expires_in": 86400,
            "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA", "is_exclusive": false, "mark_source": false,
            "conclusions": {
                "text": {"content": "文本消息内容"},
                "image": {"media_id": "MEDIA_ID"},
                "link": {"title": "消息标题", "picurl": "https://example.pic.com/path", "desc": "消息描述",
                         "url": "https://example.link.com/path"},
                "miniprogram": {"title": "消息标题", "pic_media_id": "MEDIA_ID", "appid": "wx8bd80126147dfAAA",
                                "page": "/path/index.html"}
            }
        }),
    );

    sb.stub("externalcontact/del_contact_way", json!({}));
    client
        .del_contact_way("42b34949e138eb6e027c123cba77fAAA")
        .await
        .expect("del_contact_way");
    assert_post(
        &sb,
        "externalcontact/del_contact_way",
        json!({"config_id": "42b34949e138eb6e027c123cba77fAAA"}),
    );

    sb.stub("externalcontact/close_temp_chat", json!({}));
    client
        .close_temp_chat("zhangyisheng", "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA")
        .await
        .expect("close_temp_chat");
    assert_post(
        &sb,
        "externalcontact/close_temp_chat",
        json!({"userid": "zhangyisheng", "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"}),
    );
}

/// 2.3: the five corp-tag paths.
#[tokio::test]
async fn corp_tag_endpoints_send_wecom_requests_and_decode_replies() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub(
        "externalcontact/get_corp_tag_list",
        json!({"tag_group": [
            {"group_id": "TAG_GROUPID1", "group_name": "GOURP_NAME", "create_time": 1557838797, "order": 1,
             "deleted": false,
             "tag": [
                {"id": "TAG_ID1", "name": "NAME1", "create_time": 1557838797, "order": 1, "deleted": false},
                {"id": "TAG_ID2", "name": "NAME2", "create_time": 1557838797, "order": 2, "deleted": true}
             ]}
        ]}),
    );
    let tags = client
        .get_corp_tag_list(Some(&["TAG_ID1", "TAG_ID2"]), Some(&["TAG_GROUPID1"]))
        .await
        .expect("get_corp_tag_list");
    assert_post(
        &sb,
        "externalcontact/get_corp_tag_list",
        json!({"tag_id": ["TAG_ID1", "TAG_ID2"], "group_id": ["TAG_GROUPID1"]}),
    );
    let group = &tags.tag_group[0];
    assert_eq!(
        (group.group_id.as_str(), group.create_time, group.order),
        ("TAG_GROUPID1", 1_557_838_797, 1)
    );
    assert!(!group.deleted);
    assert_eq!(group.tag[1].name, "NAME2");
    assert_eq!(group.tag[1].order, 2);
    assert!(group.tag[1].deleted);

    sb.stub(
        "externalcontact/add_corp_tag",
        json!({"tag_group": {
            "group_id": "TAG_GROUPID1", "group_name": "GOURP_NAME", "create_time": 1557838797, "order": 1,
            "tag": [{"id": "TAG_ID1", "name": "NAME1", "create_time": 1557838797, "order": 1},
                    {"id": "TAG_ID2", "name": "NAME2", "create_time": 1557838797, "order": 2}]
        }}),
    );
    let added = client
        .add_corp_tag(
            &AddCorpTagRequest::to_group(
                "GROUP_ID",
                vec![
                    NewCorpTag::new("TAG_NAME_1").with_order(1),
                    NewCorpTag::new("TAG_NAME_2"),
                ],
            )
            .with_order(1)
            .with_agentid(1_000_014),
        )
        .await
        .expect("add_corp_tag");
    assert_post(
        &sb,
        "externalcontact/add_corp_tag",
        json!({"group_id": "GROUP_ID", "order": 1,
               "tag": [{"name": "TAG_NAME_1", "order": 1}, {"name": "TAG_NAME_2"}], "agentid": 1000014}),
    );
    assert_eq!(added.tag_group.tag.len(), 2);
    assert_eq!(added.tag_group.tag[0].id, "TAG_ID1");
    assert!(!added.tag_group.deleted);

    sb.stub("externalcontact/edit_corp_tag", json!({}));
    client
        .edit_corp_tag(
            &EditCorpTagRequest::new("TAG_ID")
                .with_name("NEW_TAG_NAME")
                .with_order(1)
                .with_agentid(1_000_014),
        )
        .await
        .expect("edit_corp_tag");
    assert_post(
        &sb,
        "externalcontact/edit_corp_tag",
        json!({"id": "TAG_ID", "name": "NEW_TAG_NAME", "order": 1, "agentid": 1000014}),
    );

    sb.stub("externalcontact/del_corp_tag", json!({}));
    client
        .del_corp_tag(
            Some(&["TAG_ID_1", "TAG_ID_2"]),
            Some(&["GROUP_ID_1"]),
            Some(1_000_014),
        )
        .await
        .expect("del_corp_tag");
    assert_post(
        &sb,
        "externalcontact/del_corp_tag",
        json!({"tag_id": ["TAG_ID_1", "TAG_ID_2"], "group_id": ["GROUP_ID_1"], "agentid": 1000014}),
    );

    sb.stub("externalcontact/mark_tag", json!({}));
    client
        .mark_tag(
            &MarkTagRequest::new("zhangsan", "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA")
                .with_add_tag(["TAGID1", "TAGID2"])
                .with_remove_tag(["TAGID3", "TAGID4"]),
        )
        .await
        .expect("mark_tag");
    assert_post(
        &sb,
        "externalcontact/mark_tag",
        json!({"userid": "zhangsan", "external_userid": "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA",
               "add_tag": ["TAGID1", "TAGID2"], "remove_tag": ["TAGID3", "TAGID4"]}),
    );
}

/// 2.5: the eight transfer paths.
#[tokio::test]
async fn transfer_endpoints_send_wecom_requests_and_decode_replies() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    let outcome = json!({"customer": [
        {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB", "errcode": 0},
        {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "errcode": 40096}
    ]});
    sb.stub("externalcontact/transfer_customer", outcome.clone());
    let started = client
        .transfer_customer(
            "zhangsan",
            "lisi",
            &[
                "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB",
                "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
            ],
            Some("您好，您的服务已升级，后续将由我的同事李四@腾讯接替我的工作，继续为您服务。"),
        )
        .await
        .expect("transfer_customer");
    assert_post(
        &sb,
        "externalcontact/transfer_customer",
        json!({
            "handover_userid": "zhangsan", "takeover_userid": "lisi",
            "external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB", "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"],
            "transfer_success_msg": "您好，您的服务已升级，后续将由我的同事李四@腾讯接替我的工作，继续为您服务。"
        }),
    );
    assert_eq!(started.customer[0].errcode, 0);
    assert_eq!(started.customer[1].errcode, 40_096);

    let statuses = json!({
        "customer": [
            {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC", "status": 1, "takeover_time": 1588262400},
            {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB", "status": 2, "takeover_time": 1588482400},
            {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "status": 3, "takeover_time": 0},
            {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACDDDD", "status": 4, "takeover_time": 0},
            {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACEEEE", "status": 5, "takeover_time": 0}
        ],
        "next_cursor": "NEXT_CURSOR"
    });
    let all_statuses = [
        TransferStatus::Completed,
        TransferStatus::Waiting,
        TransferStatus::Refused,
        TransferStatus::TakeoverLimitReached,
        TransferStatus::NoRecord,
    ];
    sb.stub("externalcontact/transfer_result", statuses.clone());
    let result = client
        .transfer_result("zhangsan", "lisi", Some("CURSOR"))
        .await
        .expect("transfer_result");
    assert_post(
        &sb,
        "externalcontact/transfer_result",
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "cursor": "CURSOR"}),
    );
    let got: Vec<TransferStatus> = result.customer.iter().map(|c| c.status).collect();
    assert_eq!(got, all_statuses);
    assert_eq!(result.customer[1].takeover_time, 1_588_482_400);
    assert_eq!(result.next_cursor, "NEXT_CURSOR");

    let failed = json!({"failed_chat_list": [
        {"chat_id": "wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA", "errcode": 90500, "errmsg": "the owner of this chat is not resigned"}
    ]});
    sb.stub("externalcontact/groupchat/onjob_transfer", failed.clone());
    let onjob = client
        .onjob_transfer_group_chat(
            &[
                "wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA",
                "wrOgQhDgAAMYQiS5ol9G7gK9JVQUAAAA",
            ],
            "woAJ2GCAAAd4uL12hdfsdasassdDmAAAAA",
        )
        .await
        .expect("onjob_transfer_group_chat");
    assert_post(
        &sb,
        "externalcontact/groupchat/onjob_transfer",
        json!({"chat_id_list": ["wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA", "wrOgQhDgAAMYQiS5ol9G7gK9JVQUAAAA"],
               "new_owner": "woAJ2GCAAAd4uL12hdfsdasassdDmAAAAA"}),
    );
    assert_eq!(onjob.failed_chat_list[0].errcode, 90_500);
    assert_eq!(
        onjob.failed_chat_list[0].chat_id,
        "wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA"
    );

    sb.stub(
        "externalcontact/get_unassigned_list",
        json!({
            "info": [
                {"handover_userid": "zhangsan", "external_userid": "woAJ2GCAAAd4uL12hdfsdasassdDmAAAAA",
                 "dimission_time": 1550838571},
                {"handover_userid": "lisi", "external_userid": "wmAJ2GCAAAzLTI123ghsdfoGZNqqAAAA",
                 "dimission_time": 1550661468}
            ],
            "is_last": false,
            "next_cursor": "aSfwejksvhToiMMfFeIGZZ"
        }),
    );
    let unassigned = client
        .get_unassigned_list(
            &UnassignedListRequest::new()
                .with_cursor("CURSOR")
                .with_page_size(100)
                .with_page_id(0),
        )
        .await
        .expect("get_unassigned_list");
    assert_post(
        &sb,
        "externalcontact/get_unassigned_list",
        json!({"page_id": 0, "cursor": "CURSOR", "page_size": 100}),
    );
    assert_eq!(unassigned.info.len(), 2);
    assert_eq!(unassigned.info[1].handover_userid, "lisi");
    assert_eq!(unassigned.info[1].dimission_time, 1_550_661_468);
    assert!(!unassigned.is_last);
    assert_eq!(unassigned.next_cursor, "aSfwejksvhToiMMfFeIGZZ");

    sb.stub("externalcontact/resigned/transfer_customer", outcome);
    let resigned = client
        .resigned_transfer_customer(
            "zhangsan",
            "lisi",
            &[
                "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB",
                "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
            ],
        )
        .await
        .expect("resigned_transfer_customer");
    assert_post(
        &sb,
        "externalcontact/resigned/transfer_customer",
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi",
               "external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB", "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"]}),
    );
    assert_eq!(
        resigned.customer[1].external_userid,
        "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"
    );

    sb.stub("externalcontact/resigned/transfer_result", statuses);
    let resigned_result = client
        .resigned_transfer_result("zhangsan", "lisi", None)
        .await
        .expect("resigned_transfer_result");
    assert_post(
        &sb,
        "externalcontact/resigned/transfer_result",
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi"}),
    );
    let got: Vec<TransferStatus> = resigned_result.customer.iter().map(|c| c.status).collect();
    assert_eq!(got, all_statuses);

    sb.stub("externalcontact/groupchat/transfer", failed);
    let resigned_chats = client
        .transfer_group_chat(
            &["wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA"],
            "woAJ2GCAAAd4uL12hdfsdasassdDmAAAAA",
        )
        .await
        .expect("transfer_group_chat");
    assert_post(
        &sb,
        "externalcontact/groupchat/transfer",
        json!({"chat_id_list": ["wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA"],
               "new_owner": "woAJ2GCAAAd4uL12hdfsdasassdDmAAAAA"}),
    );
    assert_eq!(
        resigned_chats.failed_chat_list[0].errmsg,
        "the owner of this chat is not resigned"
    );

    sb.stub("externalcontact/transfer", json!({}));
    #[allow(deprecated)]
    client
        .transfer_external_contact("woAJ2GCAAAd4uL12hdfsdasassdDmAAAAA", "zhangsan", "lisi")
        .await
        .expect("transfer_external_contact");
    assert_post(
        &sb,
        "externalcontact/transfer",
        json!({"external_userid": "woAJ2GCAAAd4uL12hdfsdasassdDmAAAAA",
               "handover_userid": "zhangsan", "takeover_userid": "lisi"}),
    );
}

/// Optional arguments left as `None` are not sent at all.
#[tokio::test]
async fn unset_options_are_left_out_of_requests() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    client
        .get_external_contact("wmCUSTOMER0001", None)
        .await
        .expect("get_external_contact without cursor");
    assert_get(
        &sb,
        "externalcontact/get",
        &[("external_userid", "wmCUSTOMER0001")],
    );

    client.contact_list(None, None).await.expect("contact_list");
    assert_post(&sb, "externalcontact/contact_list", json!({}));

    client
        .get_corp_tag_list(None, None)
        .await
        .expect("get_corp_tag_list");
    assert_post(&sb, "externalcontact/get_corp_tag_list", json!({}));

    client
        .list_contact_way(&ListContactWayRequest::new())
        .await
        .expect("list_contact_way");
    assert_post(&sb, "externalcontact/list_contact_way", json!({}));

    client
        .get_unassigned_list(&UnassignedListRequest::new())
        .await
        .expect("get_unassigned_list");
    assert_post(&sb, "externalcontact/get_unassigned_list", json!({}));
}
