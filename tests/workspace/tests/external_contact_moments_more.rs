//! ExternalContact part 3 against the sandbox: moments and moment rule
//! groups (2.9), statistics (2.10), the product album (2.11), chat intercept
//! rules (2.12), customer acquisition (2.13, with the 2.14 extras) and
//! `media/upload_attachment`.
//!
//! Every endpoint is called through the generated client. Each check looks
//! at the method, the path, the corp `access_token`, the exact JSON body (or
//! query) sent, and decodes a realistic documented reply (enums, nested
//! objects, unknown values). Streams are walked across two pages by changing
//! the stub between pages. One test uploads an image and publishes a moment
//! with it.

use std::pin::pin;

use futures_util::{StreamExt, TryStreamExt};
use serde_json::json;
use wecom_apis::Upload;
use wecom_apis::external_contact::*;
use wecom_testkit::Sandbox;

// ---------------------------------------------------------------------------
// 2.9 Moments
// ---------------------------------------------------------------------------

#[tokio::test]
async fn moment_publish_job_and_records() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // add_moment_task → jobid
    sb.stub("externalcontact/add_moment_task", json!({"jobid": "xxxx"}));
    let task = MomentTask::new()
        .with_text("文本消息内容")
        .with_attachment(MomentAttachment::image("MEDIA_IMG"))
        .with_attachment(MomentAttachment::video("MEDIA_VIDEO"))
        .with_attachment(MomentAttachment::link_with_cover(
            "消息标题",
            "https://example.link.com/path",
            "MEDIA_COVER",
        ))
        .with_visible_range(
            MomentVisibleRange::new()
                .with_users(["zhangshan", "lisi"])
                .with_departments([2, 3])
                .with_tags(["etXXXXXXXXXX", "etYYYYYYYYYY"]),
        );
    let job = client.add_moment_task(&task).await.expect("add_moment_task");
    assert_eq!(job.jobid, "xxxx");
    sb.assert_posted(
        "externalcontact/add_moment_task",
        json!({
            "text": {"content": "文本消息内容"},
            "attachments": [
                {"msgtype": "image", "image": {"media_id": "MEDIA_IMG"}},
                {"msgtype": "video", "video": {"media_id": "MEDIA_VIDEO"}},
                {"msgtype": "link", "link": {
                    "title": "消息标题", "url": "https://example.link.com/path", "media_id": "MEDIA_COVER"
                }}
            ],
            "visible_range": {
                "sender_list": {"user_list": ["zhangshan", "lisi"], "department_list": [2, 3]},
                "external_contact_list": {"tag_list": ["etXXXXXXXXXX", "etYYYYYYYYYY"]}
            }
        }),
    );

    // Only what is set goes out.
    client
        .add_moment_task(&MomentTask::new().with_text("only text"))
        .await
        .expect("add_moment_task (text only)");
    sb.assert_posted(
        "externalcontact/add_moment_task",
        json!({"text": {"content": "only text"}}),
    );

    // get_moment_task_result: GET with jobid in the query; a finished job.
    sb.stub(
        "externalcontact/get_moment_task_result",
        json!({
            "status": 3,
            "type": "add_moment_task",
            "result": {
                "errcode": 0,
                "errmsg": "ok",
                "moment_id": "MOMENT_ID",
                "invalid_sender_list": {"user_list": ["zhangsan", "lisi"], "department_list": [2, 3]},
                "invalid_external_contact_list": {"tag_list": ["xxx"]}
            }
        }),
    );
    let result = client
        .get_moment_task_result("xxxx")
        .await
        .expect("get_moment_task_result");
    sb.assert_got("externalcontact/get_moment_task_result", &[("jobid", "xxxx")]);
    assert_eq!(result.status, MomentTaskStatus::Finished);
    assert_eq!(result.task_type, "add_moment_task");
    assert!(result.is_finished());
    assert_eq!(result.moment_id(), Some("MOMENT_ID"));
    let outcome = result.result.as_ref().expect("result");
    assert_eq!(
        outcome.invalid_sender_list.as_ref().unwrap().user_list,
        ["zhangsan", "lisi"]
    );
    assert_eq!(
        outcome.invalid_sender_list.as_ref().unwrap().department_list,
        [2, 3]
    );
    assert_eq!(
        outcome.invalid_external_contact_list.as_ref().unwrap().tag_list,
        ["xxx"]
    );

    // A running job, and a status this SDK does not know.
    sb.stub(
        "externalcontact/get_moment_task_result",
        json!({"status": 2, "type": "add_moment_task"}),
    );
    let running = client.get_moment_task_result("xxxx").await.expect("running job");
    assert_eq!(running.status, MomentTaskStatus::Running);
    assert!(running.result.is_none() && running.moment_id().is_none());
    sb.stub(
        "externalcontact/get_moment_task_result",
        json!({"status": 9, "type": "add_moment_task"}),
    );
    let odd = client
        .get_moment_task_result("xxxx")
        .await
        .expect("unknown status");
    assert_eq!(odd.status, MomentTaskStatus::Other(9));

    // cancel_moment_task
    sb.stub("externalcontact/cancel_moment_task", json!({}));
    client
        .cancel_moment_task("momXXXXXXXXXX")
        .await
        .expect("cancel_moment_task");
    sb.assert_posted(
        "externalcontact/cancel_moment_task",
        json!({"moment_id": "momXXXXXXXXXX"}),
    );

    // get_moment_list
    sb.stub(
        "externalcontact/get_moment_list",
        json!({
            "next_cursor": "CURSOR",
            "moment_list": [
                {
                    "moment_id": "momxxx",
                    "creator": "xxxx",
                    "create_time": 1605000000,
                    "create_type": 1,
                    "visible_type": 1,
                    "text": {"content": "test"},
                    "image": [{"media_id": "WWCISP_xxxxx"}],
                    "video": {"media_id": "WWCISP_xxxxx", "thumb_media_id": "WWCISP_xxxxx"},
                    "link": {"title": "腾讯网-QQ.COM", "url": "https://www.qq.com"},
                    "location": {"latitude": "23.10647", "longitude": "113.32446", "name": "广州市 · 广州塔"}
                },
                {"moment_id": "momyyy", "creator": "admin", "create_time": 1605000001,
                 "create_type": 0, "visible_type": 0}
            ]
        }),
    );
    let list = client
        .get_moment_list(
            &MomentListRequest::new(1605000000, 1605172726)
                .with_creator("zhangsan")
                .with_filter_type(MomentFilterType::Personal)
                .with_cursor("CURSOR")
                .with_limit(10),
        )
        .await
        .expect("get_moment_list");
    sb.assert_posted(
        "externalcontact/get_moment_list",
        json!({
            "start_time": 1605000000, "end_time": 1605172726, "creator": "zhangsan",
            "filter_type": 1, "cursor": "CURSOR", "limit": 10
        }),
    );
    assert_eq!(list.next_cursor, "CURSOR");
    let first = &list.moment_list[0];
    assert_eq!(first.create_type, MomentCreateType::Personal);
    assert_eq!(first.visible_type, MomentVisibleType::Public);
    assert_eq!(first.text.as_ref().unwrap().content, "test");
    assert_eq!(first.image[0].media_id, "WWCISP_xxxxx");
    assert_eq!(first.video.as_ref().unwrap().thumb_media_id, "WWCISP_xxxxx");
    assert_eq!(first.link.as_ref().unwrap().url, "https://www.qq.com");
    let location = first.location.as_ref().unwrap();
    assert!((location.latitude - 23.10647).abs() < 1e-9);
    assert_eq!(location.name, "广州市 · 广州塔");
    let second = &list.moment_list[1];
    assert_eq!(second.create_type, MomentCreateType::Corp);
    assert_eq!(second.visible_type, MomentVisibleType::Partial);
    assert!(second.text.is_none() && second.image.is_empty() && second.location.is_none());

    // Only the window when nothing else is set.
    client
        .get_moment_list(&MomentListRequest::new(1, 2))
        .await
        .expect("get_moment_list (window only)");
    sb.assert_posted(
        "externalcontact/get_moment_list",
        json!({"start_time": 1, "end_time": 2}),
    );

    // get_moment_task
    sb.stub(
        "externalcontact/get_moment_task",
        json!({
            "next_cursor": "CURSOR",
            "task_list": [
                {"userid": "zhangsan", "publish_status": 1},
                {"userid": "lisi", "publish_status": 0}
            ]
        }),
    );
    let tasks = client
        .get_moment_task("momxxx", Some("CURSOR"), Some(1000))
        .await
        .expect("get_moment_task");
    sb.assert_posted(
        "externalcontact/get_moment_task",
        json!({"moment_id": "momxxx", "cursor": "CURSOR", "limit": 1000}),
    );
    assert_eq!(tasks.task_list[0].publish_status, MomentPublishStatus::Published);
    assert_eq!(
        tasks.task_list[1].publish_status,
        MomentPublishStatus::NotPublished
    );

    // get_moment_customer_list
    sb.stub(
        "externalcontact/get_moment_customer_list",
        json!({
            "next_cursor": "CURSOR",
            "customer_list": [{"userid": "xxx", "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC"}]
        }),
    );
    let customers = client
        .get_moment_customer_list("momxxx", "xxx", None, Some(500))
        .await
        .expect("get_moment_customer_list");
    sb.assert_posted(
        "externalcontact/get_moment_customer_list",
        json!({"moment_id": "momxxx", "userid": "xxx", "limit": 500}),
    );
    assert_eq!(customers.customer_list[0].userid, "xxx");
    assert_eq!(
        customers.customer_list[0].external_userid,
        "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC"
    );

    // get_moment_send_result
    sb.stub(
        "externalcontact/get_moment_send_result",
        json!({
            "next_cursor": "CURSOR",
            "customer_list": [{"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC"}]
        }),
    );
    let sent = client
        .get_moment_send_result("momxxx", "xxx", Some("CURSOR"), None)
        .await
        .expect("get_moment_send_result");
    sb.assert_posted(
        "externalcontact/get_moment_send_result",
        json!({"moment_id": "momxxx", "userid": "xxx", "cursor": "CURSOR"}),
    );
    assert_eq!(sent.next_cursor, "CURSOR");
    assert_eq!(
        sent.customer_list[0].external_userid,
        "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC"
    );

    // get_moment_comments: customers and members both interact.
    sb.stub(
        "externalcontact/get_moment_comments",
        json!({
            "comment_list": [
                {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC", "create_time": 1605172726},
                {"userid": "zhangshan", "create_time": 1605172729}
            ],
            "like_list": [
                {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC", "create_time": 1605172726},
                {"userid": "zhangshan", "create_time": 1605172720}
            ]
        }),
    );
    let comments = client
        .get_moment_comments("momxxx", "xxx")
        .await
        .expect("get_moment_comments");
    sb.assert_posted(
        "externalcontact/get_moment_comments",
        json!({"moment_id": "momxxx", "userid": "xxx"}),
    );
    assert_eq!(
        comments.comment_list[0].external_userid.as_deref(),
        Some("woAJ2GCAAAXtWyujaWJHDDGi0mACCCC")
    );
    assert_eq!(comments.comment_list[1].userid.as_deref(), Some("zhangshan"));
    assert!(comments.comment_list[1].external_userid.is_none());
    assert_eq!(comments.like_list[1].create_time, 1605172720);
}

#[tokio::test]
async fn moment_rule_groups() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub(
        "externalcontact/moment_strategy/list",
        json!({"strategy": [{"strategy_id": 1}, {"strategy_id": 2}], "next_cursor": "NEXT_CURSOR"}),
    );
    let list = client
        .list_moment_strategy(Some("CURSOR"), Some(1000))
        .await
        .expect("moment_strategy/list");
    sb.assert_posted(
        "externalcontact/moment_strategy/list",
        json!({"cursor": "CURSOR", "limit": 1000}),
    );
    assert_eq!(list.strategy[1].strategy_id, 2);
    assert_eq!(list.next_cursor, "NEXT_CURSOR");

    // The three moment privileges decode (the customer-strategy privilege
    // set is a different one).
    sb.stub(
        "externalcontact/moment_strategy/get",
        json!({
            "strategy": {
                "strategy_id": 1,
                "parent_id": 0,
                "strategy_name": "NAME",
                "create_time": 1557838797,
                "admin_list": ["zhangsan", "lisi"],
                "privilege": {"view_moment_list": true, "send_moment": true, "manage_moment_cover_and_sign": false}
            }
        }),
    );
    let detail = client.get_moment_strategy(1).await.expect("moment_strategy/get");
    sb.assert_posted("externalcontact/moment_strategy/get", json!({"strategy_id": 1}));
    // The name before the naming rule still reaches the same endpoint, for one release.
    #[allow(deprecated)]
    let by_old_name = client.moment_strategy_get(1).await.expect("the deprecated alias");
    sb.assert_posted("externalcontact/moment_strategy/get", json!({"strategy_id": 1}));
    assert_eq!(by_old_name.strategy.strategy_name, detail.strategy.strategy_name);
    let strategy = &detail.strategy;
    assert_eq!(strategy.strategy_name, "NAME");
    assert_eq!(strategy.parent_id, 0);
    assert_eq!(strategy.admin_list, ["zhangsan", "lisi"]);
    assert_eq!(strategy.privilege.view_moment_list, Some(true));
    assert_eq!(strategy.privilege.send_moment, Some(true));
    assert_eq!(strategy.privilege.manage_moment_cover_and_sign, Some(false));

    sb.stub(
        "externalcontact/moment_strategy/get_range",
        json!({
            "range": [{"type": 1, "userid": "zhangsan"}, {"type": 2, "partyid": 1}, {"type": 7}],
            "next_cursor": "NEXT_CURSOR"
        }),
    );
    let range = client
        .get_moment_strategy_range(1, None, Some(1000))
        .await
        .expect("moment_strategy/get_range");
    sb.assert_posted(
        "externalcontact/moment_strategy/get_range",
        json!({"strategy_id": 1, "limit": 1000}),
    );
    assert_eq!(range.range[0], MomentStrategyRange::member("zhangsan"));
    assert_eq!(range.range[1], MomentStrategyRange::department(1));
    assert_eq!(range.range[2].range_type, MomentStrategyRangeType::Other(7));

    // create: the moment privilege flags, all three settable.
    sb.stub(
        "externalcontact/moment_strategy/create",
        json!({"strategy_id": 1}),
    );
    let created = client
        .create_moment_strategy(
            &CreateMomentStrategyRequest::new("NAME", ["zhangsan", "lisi"])
                .with_parent_id(0)
                .with_privilege(
                    MomentStrategyPrivilege::new()
                        .with_send_moment(true)
                        .with_view_moment_list(true)
                        .with_manage_moment_cover_and_sign(false),
                )
                .with_range(vec![
                    MomentStrategyRange::member("zhangsan"),
                    MomentStrategyRange::department(1),
                ]),
        )
        .await
        .expect("moment_strategy/create");
    assert_eq!(created.strategy_id, 1);
    sb.assert_posted("externalcontact/moment_strategy/create",
        json!({
            "parent_id": 0,
            "strategy_name": "NAME",
            "admin_list": ["zhangsan", "lisi"],
            "privilege": {"view_moment_list": true, "send_moment": true, "manage_moment_cover_and_sign": false},
            "range": [{"type": 1, "userid": "zhangsan"}, {"type": 2, "partyid": 1}]
        }),
    );

    sb.stub("externalcontact/moment_strategy/edit", json!({}));
    client
        .edit_moment_strategy(
            &EditMomentStrategyRequest::new(1)
                .with_strategy_name("NAME")
                .with_admin_list(["zhangsan", "lisi"])
                .with_privilege(MomentStrategyPrivilege::new().with_view_moment_list(false))
                .with_range_add(vec![MomentStrategyRange::member("wangwu")])
                .with_range_del(vec![MomentStrategyRange::department(2)]),
        )
        .await
        .expect("moment_strategy/edit");
    sb.assert_posted(
        "externalcontact/moment_strategy/edit",
        json!({
            "strategy_id": 1,
            "strategy_name": "NAME",
            "admin_list": ["zhangsan", "lisi"],
            "privilege": {"view_moment_list": false},
            "range_add": [{"type": 1, "userid": "wangwu"}],
            "range_del": [{"type": 2, "partyid": 2}]
        }),
    );
    // An edit of the name alone sends the name alone.
    client
        .edit_moment_strategy(&EditMomentStrategyRequest::new(3).with_strategy_name("N2"))
        .await
        .expect("moment_strategy/edit (name)");
    sb.assert_posted(
        "externalcontact/moment_strategy/edit",
        json!({"strategy_id": 3, "strategy_name": "N2"}),
    );

    sb.stub("externalcontact/moment_strategy/del", json!({}));
    client.del_moment_strategy(1).await.expect("moment_strategy/del");
    sb.assert_posted("externalcontact/moment_strategy/del", json!({"strategy_id": 1}));
}

#[tokio::test]
async fn moment_streams_walk_every_page() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // get_moment_list_stream across two pages: the stub changes once the
    // first page has been consumed.
    sb.stub(
        "externalcontact/get_moment_list",
        json!({"next_cursor": "P2", "moment_list": [{"moment_id": "m1"}, {"moment_id": "m2"}]}),
    );
    {
        let mut stream = pin!(client.get_moment_list_stream(
            MomentListRequest::new(100, 200).with_filter_type(MomentFilterType::All)
        ));
        let m1 = stream.next().await.unwrap().unwrap();
        let m2 = stream.next().await.unwrap().unwrap();
        assert_eq!((m1.moment_id.as_str(), m2.moment_id.as_str()), ("m1", "m2"));
        sb.stub(
            "externalcontact/get_moment_list",
            json!({"next_cursor": "", "moment_list": [{"moment_id": "m3"}]}),
        );
        let rest: Vec<Moment> = stream.try_collect().await.expect("second page");
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].moment_id, "m3");
    }
    let pages = sb.requests("externalcontact/get_moment_list");
    assert_eq!(pages.len(), 2);
    assert_eq!(
        pages[0].json(),
        Some(json!({"start_time": 100, "end_time": 200, "filter_type": 2}))
    );
    assert_eq!(
        pages[1].json(),
        Some(json!({"start_time": 100, "end_time": 200, "filter_type": 2, "cursor": "P2"}))
    );

    // The other moment streams, each over two pages.
    sb.stub(
        "externalcontact/get_moment_task",
        json!({"next_cursor": "T2", "task_list": [{"userid": "a", "publish_status": 1}]}),
    );
    {
        let mut stream = pin!(client.get_moment_task_stream("mom1"));
        assert_eq!(stream.next().await.unwrap().unwrap().userid, "a");
        sb.stub(
            "externalcontact/get_moment_task",
            json!({"next_cursor": "", "task_list": [{"userid": "b", "publish_status": 0}]}),
        );
        let rest: Vec<MomentTaskItem> = stream.try_collect().await.unwrap();
        assert_eq!(rest[0].publish_status, MomentPublishStatus::NotPublished);
    }
    let pages = sb.requests("externalcontact/get_moment_task");
    assert_eq!(
        pages[1].json(),
        Some(json!({"moment_id": "mom1", "cursor": "T2", "limit": 1000}))
    );

    sb.stub(
        "externalcontact/get_moment_customer_list",
        json!({"next_cursor": "C2", "customer_list": [{"userid": "u", "external_userid": "wm1"}]}),
    );
    {
        let mut stream = pin!(client.get_moment_customer_list_stream("mom1", "u"));
        assert_eq!(stream.next().await.unwrap().unwrap().external_userid, "wm1");
        sb.stub(
            "externalcontact/get_moment_customer_list",
            json!({"next_cursor": "", "customer_list": [{"userid": "u", "external_userid": "wm2"}]}),
        );
        let rest: Vec<MomentCustomer> = stream.try_collect().await.unwrap();
        assert_eq!(rest[0].external_userid, "wm2");
    }
    let pages = sb.requests("externalcontact/get_moment_customer_list");
    assert_eq!(
        pages[0].json(),
        Some(json!({"moment_id": "mom1", "userid": "u", "limit": 1000}))
    );
    assert_eq!(
        pages[1].json(),
        Some(json!({"moment_id": "mom1", "userid": "u", "cursor": "C2", "limit": 1000}))
    );

    sb.stub(
        "externalcontact/get_moment_send_result",
        json!({"next_cursor": "S2", "customer_list": [{"external_userid": "wm1"}]}),
    );
    {
        let mut stream = pin!(client.get_moment_send_result_stream("mom1", "u"));
        assert_eq!(stream.next().await.unwrap().unwrap().external_userid, "wm1");
        sb.stub(
            "externalcontact/get_moment_send_result",
            json!({"customer_list": [{"external_userid": "wm2"}]}),
        );
        let rest: Vec<MomentSentCustomer> = stream.try_collect().await.unwrap();
        assert_eq!(rest[0].external_userid, "wm2");
    }
    let pages = sb.requests("externalcontact/get_moment_send_result");
    assert_eq!(
        pages[1].json(),
        Some(json!({"moment_id": "mom1", "userid": "u", "cursor": "S2", "limit": 5000}))
    );

    sb.stub(
        "externalcontact/moment_strategy/list",
        json!({"strategy": [{"strategy_id": 1}], "next_cursor": "N2"}),
    );
    {
        let mut stream = pin!(client.list_moment_strategy_stream());
        assert_eq!(stream.next().await.unwrap().unwrap().strategy_id, 1);
        sb.stub(
            "externalcontact/moment_strategy/list",
            json!({"strategy": [{"strategy_id": 2}]}),
        );
        let rest: Vec<MomentStrategyId> = stream.try_collect().await.unwrap();
        assert_eq!(rest, [MomentStrategyId { strategy_id: 2 }]);
    }
    let pages = sb.requests("externalcontact/moment_strategy/list");
    assert_eq!(pages[0].json(), Some(json!({"limit": 1000})));
    assert_eq!(pages[1].json(), Some(json!({"cursor": "N2", "limit": 1000})));

    sb.stub(
        "externalcontact/moment_strategy/get_range",
        json!({"range": [{"type": 1, "userid": "a"}], "next_cursor": "R2"}),
    );
    {
        let mut stream = pin!(client.get_moment_strategy_range_stream(7));
        assert_eq!(
            stream.next().await.unwrap().unwrap(),
            MomentStrategyRange::member("a")
        );
        sb.stub(
            "externalcontact/moment_strategy/get_range",
            json!({"range": [{"type": 2, "partyid": 5}], "next_cursor": ""}),
        );
        let rest: Vec<MomentStrategyRange> = stream.try_collect().await.unwrap();
        assert_eq!(rest, [MomentStrategyRange::department(5)]);
    }
    let pages = sb.requests("externalcontact/moment_strategy/get_range");
    assert_eq!(
        pages[1].json(),
        Some(json!({"strategy_id": 7, "cursor": "R2", "limit": 1000}))
    );
}

// ---------------------------------------------------------------------------
// media/upload_attachment, then a moment with the uploaded image
// ---------------------------------------------------------------------------

#[tokio::test]
async fn upload_an_image_then_publish_a_moment_with_it() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub(
        "media/upload_attachment",
        json!({"type": "image", "media_id": "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0", "created_at": 1380000000}),
    );
    let image = Upload::new(
        "poster.png",
        vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'],
    )
    .with_content_type("image/png");
    let uploaded = client
        .upload_attachment(AttachmentMediaType::Image, AttachmentType::Moment, &image)
        .await
        .expect("upload_attachment");
    assert_eq!(uploaded.media_type, AttachmentMediaType::Image);
    assert_eq!(uploaded.created_at, 1_380_000_000);

    let req = sb.last_corp_request("media/upload_attachment", "POST");
    assert_eq!(req.query_param("media_type"), Some("image"));
    assert_eq!(req.query_param("attachment_type"), Some("1"));
    assert!(req.body.contains("name=\"media\""), "{}", req.body);
    assert!(req.body.contains("filename=\"poster.png\""), "{}", req.body);
    assert!(req.body.contains("Content-Type: image/png"), "{}", req.body);
    assert!(req.json().is_none(), "an upload is multipart, not JSON");

    // Post a moment whose image is the uploaded media.
    sb.stub("externalcontact/add_moment_task", json!({"jobid": "JOB1"}));
    let job = client
        .add_moment_task(
            &MomentTask::new()
                .with_text("新品上市")
                .with_attachment(MomentAttachment::image(&uploaded.media_id))
                .with_visible_range(MomentVisibleRange::new().with_users(["zhangsan"])),
        )
        .await
        .expect("add_moment_task");
    sb.assert_posted("externalcontact/add_moment_task",
        json!({
            "text": {"content": "新品上市"},
            "attachments": [{"msgtype": "image", "image": {"media_id": "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0"}}],
            "visible_range": {"sender_list": {"user_list": ["zhangsan"]}}
        }),
    );
    sb.stub(
        "externalcontact/get_moment_task_result",
        json!({"status": 3, "type": "add_moment_task", "result": {"errcode": 0, "errmsg": "ok", "moment_id": "mom1"}}),
    );
    let done = client
        .get_moment_task_result(&job.jobid)
        .await
        .expect("job result");
    sb.assert_got("externalcontact/get_moment_task_result", &[("jobid", "JOB1")]);
    assert_eq!(done.moment_id(), Some("mom1"));

    // Product-album scene, video type and a string `created_at` (as
    // `media/upload` sends it).
    sb.stub(
        "media/upload_attachment",
        json!({"type": "video", "media_id": "M2", "created_at": "1380000001"}),
    );
    let video = Upload::new("clip.mp4", vec![0u8; 16]).with_content_type("video/mp4");
    let uploaded = client
        .upload_attachment(AttachmentMediaType::Video, AttachmentType::ProductAlbum, &video)
        .await
        .expect("upload_attachment (video)");
    assert_eq!(
        (uploaded.media_type, uploaded.created_at),
        (AttachmentMediaType::Video, 1_380_000_001)
    );
    let req = sb.last_corp_request("media/upload_attachment", "POST");
    assert_eq!(req.query_param("media_type"), Some("video"));
    assert_eq!(req.query_param("attachment_type"), Some("2"));
    assert!(
        req.body.contains("filename=\"clip.mp4\"") && req.body.contains("Content-Type: video/mp4"),
        "{}",
        req.body
    );
}

// ---------------------------------------------------------------------------
// 2.10 Statistics
// ---------------------------------------------------------------------------

#[tokio::test]
async fn statistics() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub(
        "externalcontact/get_user_behavior_data",
        json!({
            "behavior_data": [
                {
                    "stat_time": 1443888000,
                    "chat_cnt": 1,
                    "message_cnt": 1,
                    "reply_percentage": 100.0,
                    "avg_reply_time": 1,
                    "negative_feedback_cnt": 0,
                    "new_apply_cnt": 1,
                    "new_contact_cnt": 1
                },
                {"stat_time": 1443974400, "chat_cnt": 0, "message_cnt": 0,
                 "negative_feedback_cnt": 0, "new_apply_cnt": 0, "new_contact_cnt": 0}
            ]
        }),
    );
    let data = client
        .get_user_behavior_data(
            &UserBehaviorDataRequest::new(1536508800, 1536595200)
                .with_userids(["zhangsan", "lisi"])
                .with_partyids([1001, 1002]),
        )
        .await
        .expect("get_user_behavior_data");
    sb.assert_posted(
        "externalcontact/get_user_behavior_data",
        json!({
            "userid": ["zhangsan", "lisi"], "partyid": [1001, 1002],
            "start_time": 1536508800, "end_time": 1536595200
        }),
    );
    let day = &data.behavior_data[0];
    assert_eq!(day.stat_time, 1443888000);
    assert_eq!(day.reply_percentage, Some(100.0));
    assert_eq!(day.avg_reply_time, Some(1.0));
    assert_eq!(day.new_contact_cnt, 1);
    assert_eq!(data.behavior_data[1].reply_percentage, None);

    sb.stub(
        "externalcontact/groupchat/statistic",
        json!({
            "total": 2,
            "next_offset": 2,
            "items": [
                {"owner": "zhangsan", "data": {
                    "new_chat_cnt": 2, "chat_total": 2, "chat_has_msg": 0, "new_member_cnt": 0,
                    "member_total": 6, "member_has_msg": 0, "msg_total": 0, "migrate_trainee_chat_cnt": 3
                }},
                {"owner": "lisi", "data": {
                    "new_chat_cnt": 1, "chat_total": 3, "chat_has_msg": 2, "new_member_cnt": 0,
                    "member_total": 6, "member_has_msg": 0, "msg_total": 0, "migrate_trainee_chat_cnt": 3
                }}
            ]
        }),
    );
    let stats = client
        .group_chat_statistic(
            &GroupChatStatisticRequest::new(1600272000)
                .with_day_end_time(1600444800)
                .with_owners(["zhangsan"])
                .with_order(
                    GroupChatStatisticOrder::ChatTotal,
                    StatisticSortDirection::Descending,
                )
                .with_offset(0)
                .with_limit(1000),
        )
        .await
        .expect("groupchat/statistic");
    sb.assert_posted(
        "externalcontact/groupchat/statistic",
        json!({
            "day_begin_time": 1600272000,
            "day_end_time": 1600444800,
            "owner_filter": {"userid_list": ["zhangsan"]},
            "order_by": 2,
            "order_asc": 0,
            "offset": 0,
            "limit": 1000
        }),
    );
    assert_eq!((stats.total, stats.next_offset), (2, 2));
    assert_eq!(stats.items[0].owner, "zhangsan");
    assert_eq!(stats.items[0].data.member_total, 6);
    assert_eq!(stats.items[1].data.chat_has_msg, 2);
    assert_eq!(stats.items[1].data.migrate_trainee_chat_cnt, 3);

    client
        .group_chat_statistic(&GroupChatStatisticRequest::new(1600272000))
        .await
        .expect("groupchat/statistic (one day)");
    sb.assert_posted(
        "externalcontact/groupchat/statistic",
        json!({"day_begin_time": 1600272000}),
    );

    sb.stub(
        "externalcontact/groupchat/statistic_group_by_day",
        json!({
            "items": [
                {"stat_time": 1600272000, "data": {
                    "new_chat_cnt": 2, "chat_total": 2, "chat_has_msg": 0, "new_member_cnt": 0,
                    "member_total": 6, "member_has_msg": 0, "msg_total": 0, "migrate_trainee_chat_cnt": 3
                }},
                {"stat_time": 1600358400, "data": {
                    "new_chat_cnt": 2, "chat_total": 2, "chat_has_msg": 0, "new_member_cnt": 0,
                    "member_total": 6, "member_has_msg": 0, "msg_total": 0, "migrate_trainee_chat_cnt": 3
                }}
            ]
        }),
    );
    let by_day = client
        .group_chat_statistic_group_by_day(
            &GroupChatStatisticByDayRequest::new(1600272000, GroupChatOwnerFilter::new(["zhangsan"]))
                .with_day_end_time(1600358400),
        )
        .await
        .expect("groupchat/statistic_group_by_day");
    sb.assert_posted(
        "externalcontact/groupchat/statistic_group_by_day",
        json!({
            "day_begin_time": 1600272000,
            "day_end_time": 1600358400,
            "owner_filter": {"userid_list": ["zhangsan"]}
        }),
    );
    assert_eq!(by_day.items[1].stat_time, 1600358400);
    assert_eq!(by_day.items[1].data.new_chat_cnt, 2);

    // The offset stream: next_offset is the cursor, `total` ends the walk.
    sb.stub(
        "externalcontact/groupchat/statistic",
        json!({"total": 3, "next_offset": 2, "items": [{"owner": "a"}, {"owner": "b"}]}),
    );
    {
        let mut stream = pin!(
            client.group_chat_statistic_stream(GroupChatStatisticRequest::new(1600272000).with_limit(2))
        );
        assert_eq!(stream.next().await.unwrap().unwrap().owner, "a");
        assert_eq!(stream.next().await.unwrap().unwrap().owner, "b");
        sb.stub(
            "externalcontact/groupchat/statistic",
            json!({"total": 3, "next_offset": 3, "items": [{"owner": "c"}]}),
        );
        let rest: Vec<GroupChatOwnerStatistic> = stream.try_collect().await.unwrap();
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].owner, "c");
    }
    let pages = sb.requests("externalcontact/groupchat/statistic");
    let pages = &pages[pages.len() - 2..];
    assert_eq!(
        pages[0].json(),
        Some(json!({"day_begin_time": 1600272000, "limit": 2}))
    );
    assert_eq!(
        pages[1].json(),
        Some(json!({"day_begin_time": 1600272000, "offset": 2, "limit": 2}))
    );
}

// ---------------------------------------------------------------------------
// 2.11 Product album
// ---------------------------------------------------------------------------

#[tokio::test]
async fn product_album() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub(
        "externalcontact/add_product_album",
        json!({"product_id": "xxxxxxxxxx"}),
    );
    let created = client
        .add_product_album(
            &NewProductAlbum::new("世界上最好的商品", 30000)
                .with_product_sn("xxxxxxxx")
                .with_image("MEDIA_ID"),
        )
        .await
        .expect("add_product_album");
    assert_eq!(created.product_id, "xxxxxxxxxx");
    sb.assert_posted(
        "externalcontact/add_product_album",
        json!({
            "description": "世界上最好的商品",
            "price": 30000,
            "product_sn": "xxxxxxxx",
            "attachments": [{"type": "image", "image": {"media_id": "MEDIA_ID"}}]
        }),
    );

    let product = json!({
        "product_id": "xxxxxxxxxx",
        "description": "世界上最好的商品",
        "price": 30000,
        "create_time": 1600000000,
        "product_sn": "xxxxxx",
        "attachments": [{"type": "image", "image": {"media_id": "MEDIA_ID"}}]
    });
    sb.stub(
        "externalcontact/get_product_album",
        json!({"product": product.clone()}),
    );
    let detail = client
        .get_product_album("xxxxxxxxxx")
        .await
        .expect("get_product_album");
    sb.assert_posted(
        "externalcontact/get_product_album",
        json!({"product_id": "xxxxxxxxxx"}),
    );
    assert_eq!(detail.product.price, 30000);
    assert_eq!(detail.product.create_time, 1600000000);
    assert_eq!(detail.product.attachments, [ProductAttachment::image("MEDIA_ID")]);

    // The list holds whole products and a cursor (not a single `product`).
    sb.stub(
        "externalcontact/get_product_album_list",
        json!({"next_cursor": "CURSOR", "product_list": [product.clone(), {"product_id": "p2", "price": 1}]}),
    );
    let list = client
        .get_product_album_list(Some(50), Some("CURSOR"))
        .await
        .expect("get_product_album_list");
    sb.assert_posted(
        "externalcontact/get_product_album_list",
        json!({"limit": 50, "cursor": "CURSOR"}),
    );
    assert_eq!(list.next_cursor, "CURSOR");
    assert_eq!(list.product_list.len(), 2);
    assert_eq!(list.product_list[0].description, "世界上最好的商品");
    assert_eq!(list.product_list[1].product_id, "p2");
    assert!(list.product_list[1].attachments.is_empty());

    sb.stub("externalcontact/update_product_album", json!({}));
    client
        .update_product_album(
            &ProductAlbumUpdate::new("xxxxxxxxxx")
                .with_description("世界上最好的商品")
                .with_price(30000)
                .with_product_sn("yyyyyyyy")
                .with_attachments(vec![ProductAttachment::image("MEDIA_ID")]),
        )
        .await
        .expect("update_product_album");
    sb.assert_posted(
        "externalcontact/update_product_album",
        json!({
            "product_id": "xxxxxxxxxx",
            "description": "世界上最好的商品",
            "price": 30000,
            "product_sn": "yyyyyyyy",
            "attachments": [{"type": "image", "image": {"media_id": "MEDIA_ID"}}]
        }),
    );
    client
        .update_product_album(&ProductAlbumUpdate::new("xxxxxxxxxx").with_price(100))
        .await
        .expect("update_product_album (price)");
    sb.assert_posted(
        "externalcontact/update_product_album",
        json!({"product_id": "xxxxxxxxxx", "price": 100}),
    );

    sb.stub("externalcontact/delete_product_album", json!({}));
    client
        .delete_product_album("xxxxxxxxxx")
        .await
        .expect("delete_product_album");
    sb.assert_posted(
        "externalcontact/delete_product_album",
        json!({"product_id": "xxxxxxxxxx"}),
    );

    // The stream, over two pages.
    sb.stub(
        "externalcontact/get_product_album_list",
        json!({"next_cursor": "C2", "product_list": [{"product_id": "p1"}]}),
    );
    {
        let mut stream = pin!(client.get_product_album_list_stream());
        assert_eq!(stream.next().await.unwrap().unwrap().product_id, "p1");
        sb.stub(
            "externalcontact/get_product_album_list",
            json!({"next_cursor": "", "product_list": [{"product_id": "p2"}]}),
        );
        let rest: Vec<ProductAlbum> = stream.try_collect().await.unwrap();
        assert_eq!(rest[0].product_id, "p2");
    }
    let pages = sb.requests("externalcontact/get_product_album_list");
    let pages = &pages[pages.len() - 2..];
    assert_eq!(pages[0].json(), Some(json!({"limit": 100})));
    assert_eq!(pages[1].json(), Some(json!({"limit": 100, "cursor": "C2"})));
}

// ---------------------------------------------------------------------------
// 2.12 Intercept rules
// ---------------------------------------------------------------------------

#[tokio::test]
async fn intercept_rules() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub("externalcontact/add_intercept_rule", json!({"rule_id": "xxx"}));
    let created = client
        .add_intercept_rule(
            &NewInterceptRule::new(
                "rulename",
                ["敏感词1", "敏感词2"],
                InterceptType::WarnAndBlock,
                InterceptApplicableRange::new(["zhangshan"], [2, 3]),
            )
            .with_semantics([
                InterceptSemantics::Phone,
                InterceptSemantics::Email,
                InterceptSemantics::RedPacket,
            ]),
        )
        .await
        .expect("add_intercept_rule");
    assert_eq!(created.rule_id, "xxx");
    sb.assert_posted(
        "externalcontact/add_intercept_rule",
        json!({
            "rule_name": "rulename",
            "word_list": ["敏感词1", "敏感词2"],
            "semantics_list": [1, 2, 3],
            "intercept_type": 1,
            "applicable_range": {"user_list": ["zhangshan"], "department_list": [2, 3]}
        }),
    );

    // GET, and the reply is the array `rule_list`.
    sb.stub(
        "externalcontact/get_intercept_rule_list",
        json!({
            "rule_list": [
                {"rule_id": "xxxx", "rule_name": "rulename", "create_time": 1600000000},
                {"rule_id": "yyyy", "rule_name": "other", "create_time": 1600000001}
            ]
        }),
    );
    let rules = client
        .get_intercept_rule_list()
        .await
        .expect("get_intercept_rule_list");
    sb.assert_got("externalcontact/get_intercept_rule_list", &[]);
    assert_eq!(rules.rule_list.len(), 2);
    assert_eq!(rules.rule_list[1].rule_id, "yyyy");
    assert_eq!(rules.rule_list[0].create_time, 1600000000);

    sb.stub(
        "externalcontact/get_intercept_rule",
        json!({
            "rule": {
                "rule_id": "xxx",
                "rule_name": "rulename",
                "word_list": ["敏感词1", "敏感词2"],
                "extra_rule": {"semantics_list": [1, 2, 4]},
                "intercept_type": 2,
                "applicable_range": {"user_list": ["zhangshan"], "department_list": [2, 3]}
            }
        }),
    );
    let detail = client
        .get_intercept_rule("xxx")
        .await
        .expect("get_intercept_rule");
    sb.assert_posted("externalcontact/get_intercept_rule", json!({"rule_id": "xxx"}));
    let rule = &detail.rule;
    assert_eq!(rule.intercept_type, InterceptType::WarnOnly);
    assert_eq!(
        rule.extra_rule.as_ref().unwrap().semantics_list,
        [
            InterceptSemantics::Phone,
            InterceptSemantics::Email,
            InterceptSemantics::Other(4)
        ]
    );
    assert_eq!(rule.applicable_range.department_list, [2, 3]);
    assert_eq!(rule.word_list, ["敏感词1", "敏感词2"]);

    // The documentation's sample sends `rule_id` as a number.
    sb.stub(
        "externalcontact/get_intercept_rule",
        json!({
            "rule": {
                "rule_id": 1,
                "rule_name": "rulename",
                "word_list": ["敏感词1", "敏感词2"],
                "extra_rule": {"semantics_list": [1, 2, 3]},
                "intercept_type": 1,
                "applicable_range": {"user_list": ["zhangshan"], "department_list": [2, 3]}
            }
        }),
    );
    let numeric = client
        .get_intercept_rule("1")
        .await
        .expect("get_intercept_rule with a numeric rule_id");
    sb.assert_posted("externalcontact/get_intercept_rule", json!({"rule_id": "1"}));
    assert_eq!(numeric.rule.rule_id, "1");
    assert_eq!(numeric.rule.intercept_type, InterceptType::WarnAndBlock);

    sb.stub("externalcontact/update_intercept_rule", json!({}));
    client
        .update_intercept_rule(
            &InterceptRuleUpdate::new("xxxx")
                .with_rule_name("rulename")
                .with_word_list(["敏感词1", "敏感词2"])
                .with_semantics([
                    InterceptSemantics::Phone,
                    InterceptSemantics::Email,
                    InterceptSemantics::RedPacket,
                ])
                .with_intercept_type(InterceptType::WarnAndBlock)
                .with_add_applicable_range(InterceptApplicableRange::new(["zhangshan"], [2, 3]))
                .with_remove_applicable_range(InterceptApplicableRange::new(["lisi"], [4])),
        )
        .await
        .expect("update_intercept_rule");
    sb.assert_posted(
        "externalcontact/update_intercept_rule",
        json!({
            "rule_id": "xxxx",
            "rule_name": "rulename",
            "word_list": ["敏感词1", "敏感词2"],
            "extra_rule": {"semantics_list": [1, 2, 3]},
            "intercept_type": 1,
            "add_applicable_range": {"user_list": ["zhangshan"], "department_list": [2, 3]},
            "remove_applicable_range": {"user_list": ["lisi"], "department_list": [4]}
        }),
    );
    client
        .update_intercept_rule(&InterceptRuleUpdate::new("xxxx").with_intercept_type(InterceptType::WarnOnly))
        .await
        .expect("update_intercept_rule (type)");
    sb.assert_posted(
        "externalcontact/update_intercept_rule",
        json!({"rule_id": "xxxx", "intercept_type": 2}),
    );

    sb.stub("externalcontact/del_intercept_rule", json!({}));
    client
        .del_intercept_rule("xxx")
        .await
        .expect("del_intercept_rule");
    sb.assert_posted("externalcontact/del_intercept_rule", json!({"rule_id": "xxx"}));
}

// ---------------------------------------------------------------------------
// 2.13 Customer acquisition (+ 2.14)
// ---------------------------------------------------------------------------

#[tokio::test]
async fn customer_acquisition_links() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    sb.stub(
        "externalcontact/customer_acquisition/list_link",
        json!({"link_id_list": ["LINK_ID_AAA", "LINK_ID_BBB", "LINK_ID_CCC"], "next_cursor": "CURSOR"}),
    );
    let ids = client
        .list_customer_acquisition_link(Some(100), Some("CURSOR"))
        .await
        .expect("list_link");
    sb.assert_posted(
        "externalcontact/customer_acquisition/list_link",
        json!({"limit": 100, "cursor": "CURSOR"}),
    );
    assert_eq!(ids.link_id_list, ["LINK_ID_AAA", "LINK_ID_BBB", "LINK_ID_CCC"]);

    sb.stub(
        "externalcontact/customer_acquisition/get",
        json!({
            "link": {
                "link_name": "LINK_NAME",
                "url": "https://work.weixin.qq.com/ca/xxxxxx",
                "create_time": 1672502400,
                "skip_verify": true,
                "mark_source": false
            },
            "range": {"user_list": ["rocky", "sam"], "department_list": [1]},
            "priority_option": {"priority_type": 2, "priority_userid_list": ["rocky"]}
        }),
    );
    let detail = client
        .get_customer_acquisition_link("LINK_ID_AAA")
        .await
        .expect("customer_acquisition/get");
    sb.assert_posted(
        "externalcontact/customer_acquisition/get",
        json!({"link_id": "LINK_ID_AAA"}),
    );
    assert_eq!(detail.link.url, "https://work.weixin.qq.com/ca/xxxxxx");
    assert_eq!(detail.link.skip_verify, Some(true));
    assert_eq!(detail.link.mark_source, Some(false));
    assert_eq!(detail.range.user_list, ["rocky", "sam"]);
    assert_eq!(detail.range.department_list, [1]);
    let priority = detail.priority_option.as_ref().unwrap();
    assert_eq!(priority.priority_type, AcquisitionPriorityType::ListedMembers);
    assert_eq!(priority.priority_userid_list, ["rocky"]);

    sb.stub(
        "externalcontact/customer_acquisition/create_link",
        json!({
            "link": {
                "link_id": "LINK_ID",
                "link_name": "link_name",
                "url": "https://work.weixin.qq.com/ca/xxxxxx",
                "create_time": 1672502400
            }
        }),
    );
    let created = client
        .create_customer_acquisition_link(
            &NewAcquisitionLink::new(
                "link_name",
                AcquisitionLinkRange::new(["zhangsan", "lisi"], [2, 3]),
            )
            .with_skip_verify(true)
            .with_priority_option(AcquisitionPriorityOption {
                priority_type: AcquisitionPriorityType::WholeCorp,
                priority_userid_list: vec![],
            })
            .with_mark_source(true),
        )
        .await
        .expect("create_link");
    sb.assert_posted(
        "externalcontact/customer_acquisition/create_link",
        json!({
            "link_name": "link_name",
            "range": {"user_list": ["zhangsan", "lisi"], "department_list": [2, 3]},
            "skip_verify": true,
            "priority_option": {"priority_type": 1},
            "mark_source": true
        }),
    );
    assert_eq!(created.link.link_id, "LINK_ID");
    assert_eq!(created.link.create_time, 1672502400);
    assert_eq!(created.link.skip_verify, None);

    sb.stub("externalcontact/customer_acquisition/update_link", json!({}));
    client
        .update_customer_acquisition_link(
            &AcquisitionLinkUpdate::new("LINK_ID")
                .with_link_name("link_name")
                .with_range(AcquisitionLinkRange::new(["zhangsan"], []))
                .with_skip_verify(false)
                .with_priority_option(AcquisitionPriorityOption {
                    priority_type: AcquisitionPriorityType::ListedMembers,
                    priority_userid_list: vec!["zhangsan".into()],
                })
                .with_mark_source(false),
        )
        .await
        .expect("update_link");
    sb.assert_posted(
        "externalcontact/customer_acquisition/update_link",
        json!({
            "link_id": "LINK_ID",
            "link_name": "link_name",
            "range": {"user_list": ["zhangsan"]},
            "skip_verify": false,
            "priority_option": {"priority_type": 2, "priority_userid_list": ["zhangsan"]},
            "mark_source": false
        }),
    );
    client
        .update_customer_acquisition_link(&AcquisitionLinkUpdate::new("LINK_ID").with_link_name("new"))
        .await
        .expect("update_link (name)");
    sb.assert_posted(
        "externalcontact/customer_acquisition/update_link",
        json!({"link_id": "LINK_ID", "link_name": "new"}),
    );

    sb.stub("externalcontact/customer_acquisition/delete_link", json!({}));
    client
        .delete_customer_acquisition_link("LINK_ID")
        .await
        .expect("delete_link");
    sb.assert_posted(
        "externalcontact/customer_acquisition/delete_link",
        json!({"link_id": "LINK_ID"}),
    );

    sb.stub(
        "externalcontact/customer_acquisition/customer",
        json!({
            "customer_list": [
                {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAA", "userid": "zhangsan",
                 "chat_status": 0, "state": "CHANNEL_A"},
                {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mBCBBB", "userid": "rocky",
                 "chat_status": 1, "state": "CHANNEL_A"},
                {"external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mBCCCC", "userid": "lisi", "chat_status": 2}
            ],
            "next_cursor": "CURSOR"
        }),
    );
    let customers = client
        .customer_acquisition_customer("LINK_ID", Some(1000), Some("CURSOR"))
        .await
        .expect("customer_acquisition/customer");
    sb.assert_posted(
        "externalcontact/customer_acquisition/customer",
        json!({"link_id": "LINK_ID", "limit": 1000, "cursor": "CURSOR"}),
    );
    let list = &customers.customer_list;
    assert_eq!(list[0].chat_status, AcquisitionChatStatus::NotSent);
    assert_eq!(list[1].chat_status, AcquisitionChatStatus::Sent);
    assert_eq!(list[2].chat_status, AcquisitionChatStatus::Unknown);
    assert_eq!(list[0].state, "CHANNEL_A");
    assert_eq!(list[2].state, "");
}

#[tokio::test]
async fn customer_acquisition_quota_statistics_and_extras() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    // GET; the reply keeps quota_list.
    sb.stub(
        "externalcontact/customer_acquisition_quota",
        json!({
            "total": 1000,
            "balance": 500,
            "quota_list": [
                {"expire_date": 1689350400, "balance": 200},
                {"expire_date": 1692028800, "balance": 300}
            ]
        }),
    );
    let quota = client
        .customer_acquisition_quota()
        .await
        .expect("customer_acquisition_quota");
    sb.assert_got("externalcontact/customer_acquisition_quota", &[]);
    assert_eq!((quota.total, quota.balance), (1000, 500));
    assert_eq!(quota.quota_list.len(), 2);
    assert_eq!(quota.quota_list[1].expire_date, 1692028800);
    assert_eq!(quota.quota_list[1].balance, 300);

    // POST with a JSON body, as the official page gives it.
    sb.stub(
        "externalcontact/customer_acquisition/statistic",
        json!({"click_link_customer_cnt": 1000, "new_customer_cnt": 500}),
    );
    let stat = client
        .customer_acquisition_statistic("caxxxxxxx", 1688140800, 1688486400)
        .await
        .expect("customer_acquisition/statistic");
    sb.assert_posted(
        "externalcontact/customer_acquisition/statistic",
        json!({"link_id": "caxxxxxxx", "start_time": 1688140800, "end_time": 1688486400}),
    );
    assert_eq!(stat.click_link_customer_cnt, 1000);
    assert_eq!(stat.new_customer_cnt, 500);

    sb.stub(
        "externalcontact/customer_acquisition/get_chat_info",
        json!({"chat_info": {"recv_msg_cnt": 3, "link_id": "caXXXXXXX", "state": "STATE"}}),
    );
    let chat = client
        .get_customer_acquisition_chat_info("CHAT_KEY")
        .await
        .expect("get_chat_info");
    sb.assert_posted(
        "externalcontact/customer_acquisition/get_chat_info",
        json!({"chat_key": "CHAT_KEY"}),
    );
    assert_eq!(chat.chat_info.recv_msg_cnt, 3);
    assert_eq!(chat.chat_info.link_id, "caXXXXXXX");
    assert_eq!(chat.chat_info.state, "STATE");
    assert!(chat.userid.is_empty());

    sb.stub(
        "externalcontact/customer_acquisition_app/get_permit",
        json!({"user_list": ["zhangsan", "lisi"], "department_list": [1, 2], "tag_list": [3]}),
    );
    let permit = client
        .get_customer_acquisition_permit()
        .await
        .expect("get_permit");
    sb.assert_got("externalcontact/customer_acquisition_app/get_permit", &[]);
    assert_eq!(permit.user_list, ["zhangsan", "lisi"]);
    assert_eq!(permit.department_list, [1, 2]);
    assert_eq!(permit.tag_list, [3]);

    sb.stub(
        "externalcontact/batch_to_external_userid",
        json!({
            "success_list": [
                {"mobile": "13430388888", "external_userid": "wmxxxxxxxxxxxxxxxxxxxxxxx", "foreign_key": "xxxx"}
            ],
            "fail_list": [{"errcode": 1, "errmsg": "msg", "mobile": "13430999999"}]
        }),
    );
    let converted = client
        .batch_to_external_userid(&["13430388888", "13430999999"])
        .await
        .expect("batch_to_external_userid");
    sb.assert_posted(
        "externalcontact/batch_to_external_userid",
        json!({"mobiles": ["13430388888", "13430999999"]}),
    );
    assert_eq!(
        converted.success_list[0].external_userid,
        "wmxxxxxxxxxxxxxxxxxxxxxxx"
    );
    assert_eq!(converted.success_list[0].foreign_key, "xxxx");
    assert_eq!(converted.fail_list[0].errcode, 1);
    assert_eq!(converted.fail_list[0].mobile, "13430999999");

    sb.stub(
        "externalcontact/groupchat/get_new_external_userid",
        json!({
            "items": [
                {"external_userid": "xxxxx", "new_external_userid": "AAAA"},
                {"external_userid": "yyyyy", "new_external_userid": "BBBB"}
            ]
        }),
    );
    let migrated = client
        .get_group_chat_new_external_userid("wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA", &["xxxxx", "yyyyy"])
        .await
        .expect("groupchat/get_new_external_userid");
    sb.assert_posted(
        "externalcontact/groupchat/get_new_external_userid",
        json!({"chat_id": "wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA", "external_userid_list": ["xxxxx", "yyyyy"]}),
    );
    assert_eq!(migrated.items[1].new_external_userid, "BBBB");

    // Both acquisition streams, over two pages each.
    sb.stub(
        "externalcontact/customer_acquisition/list_link",
        json!({"link_id_list": ["L1", "L2"], "next_cursor": "N2"}),
    );
    {
        let mut stream = pin!(client.list_customer_acquisition_link_stream());
        assert_eq!(stream.next().await.unwrap().unwrap(), "L1");
        assert_eq!(stream.next().await.unwrap().unwrap(), "L2");
        sb.stub(
            "externalcontact/customer_acquisition/list_link",
            json!({"link_id_list": ["L3"], "next_cursor": ""}),
        );
        let rest: Vec<String> = stream.try_collect().await.unwrap();
        assert_eq!(rest, ["L3"]);
    }
    let pages = sb.requests("externalcontact/customer_acquisition/list_link");
    assert_eq!(pages[0].json(), Some(json!({"limit": 100})));
    assert_eq!(pages[1].json(), Some(json!({"limit": 100, "cursor": "N2"})));

    sb.stub(
        "externalcontact/customer_acquisition/customer",
        json!({"customer_list": [{"external_userid": "wm1", "userid": "a", "chat_status": 1}], "next_cursor": "C2"}),
    );
    {
        let mut stream = pin!(client.customer_acquisition_customer_stream("LINK"));
        assert_eq!(stream.next().await.unwrap().unwrap().external_userid, "wm1");
        sb.stub(
            "externalcontact/customer_acquisition/customer",
            json!({"customer_list": [{"external_userid": "wm2", "userid": "b", "chat_status": 0}]}),
        );
        let rest: Vec<AcquisitionCustomer> = stream.try_collect().await.unwrap();
        assert_eq!(rest[0].external_userid, "wm2");
    }
    let pages = sb.requests("externalcontact/customer_acquisition/customer");
    assert_eq!(pages[0].json(), Some(json!({"link_id": "LINK", "limit": 1000})));
    assert_eq!(
        pages[1].json(),
        Some(json!({"link_id": "LINK", "limit": 1000, "cursor": "C2"}))
    );
}

/// `media/upload`: temporary media for welcome and mass messages, sent as
/// multipart with the media type in the `type` query parameter.
#[tokio::test]
async fn upload_temporary_media() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    sb.stub(
        "media/upload",
        json!({"type": "image", "media_id": "3a8asd892asd8asd", "created_at": "1380000000"}),
    );
    let image =
        Upload::new("welcome.png", vec![0x89, b'P', b'N', b'G', 1, 2, 3]).with_content_type("image/png");
    let uploaded = client
        .upload_media(AttachmentMediaType::Image, &image)
        .await
        .expect("upload");
    assert_eq!(uploaded.media_id, "3a8asd892asd8asd");
    let req = sb.last_corp_request("media/upload", "POST");
    assert_eq!(req.query_param("type"), Some("image"));
    assert!(req.query_param("access_token").is_some_and(|t| !t.is_empty()));
    assert!(
        req.body.contains("name=\"media\"") && req.body.contains("filename=\"welcome.png\""),
        "{}",
        req.body
    );
}
