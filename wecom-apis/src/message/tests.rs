//! Encode tests against the request samples of WeCom's pages, and decode
//! tests of their reply samples: 发送应用消息 (path 90236), 撤回应用消息
//! (94867), 更新模版卡片消息 (94888), 查询应用消息发送统计 (92369), 群聊会话
//! (90245–90248), 互联企业消息推送 (90250), 群机器人 (91770).
//!
//! The samples' placeholder department and tag ids (`PartyID1`, `TagID1`)
//! are numbers here: the typed [`Recipients`] takes `u32` ids.

use serde_json::{Value, json};

use super::*;

/// The `template_card` of the 文本通知型 sample.
fn text_notice_sample() -> Value {
    json!({
        "card_type": "text_notice",
        "source": {"icon_url": "图片的url", "desc": "企业微信", "desc_color": 1},
        "action_menu": {
            "desc": "卡片副交互辅助文本说明",
            "action_list": [{"text": "接收推送", "key": "A"}, {"text": "不再推送", "key": "B"}]
        },
        "task_id": "task_id",
        "main_title": {"title": "欢迎使用企业微信", "desc": "您的好友正在邀请您加入企业微信"},
        "quote_area": {
            "type": 1, "url": "https://work.weixin.qq.com",
            "title": "企业微信的引用样式", "quote_text": "企业微信真好用呀真好用"
        },
        "emphasis_content": {"title": "100", "desc": "核心数据"},
        "sub_title_text": "下载企业微信还能抢红包！",
        "horizontal_content_list": [
            {"keyname": "邀请人", "value": "张三"},
            {"type": 1, "keyname": "企业微信官网", "value": "点击访问", "url": "https://work.weixin.qq.com"},
            {"type": 2, "keyname": "企业微信下载", "value": "企业微信.apk", "media_id": "文件的media_id"},
            {"type": 3, "keyname": "员工信息", "value": "点击查看", "userid": "zhangsan"}
        ],
        "jump_list": [
            {"type": 1, "title": "企业微信官网", "url": "https://work.weixin.qq.com"},
            {"type": 2, "title": "跳转小程序", "appid": "小程序的appid", "pagepath": "/index.html"}
        ],
        "card_action": {
            "type": 2, "url": "https://work.weixin.qq.com",
            "appid": "小程序的appid", "pagepath": "/index.html"
        }
    })
}

fn news_notice_sample() -> Value {
    json!({
        "card_type": "news_notice",
        "source": {"icon_url": "图片的url", "desc": "企业微信", "desc_color": 1},
        "action_menu": {
            "desc": "卡片副交互辅助文本说明",
            "action_list": [{"text": "接受推送", "key": "A"}, {"text": "不再推送", "key": "B"}]
        },
        "task_id": "task_id",
        "main_title": {"title": "欢迎使用企业微信", "desc": "您的好友正在邀请您加入企业微信"},
        "quote_area": {
            "type": 1, "url": "https://work.weixin.qq.com",
            "title": "企业微信的引用样式", "quote_text": "企业微信真好用呀真好用"
        },
        "image_text_area": {
            "type": 1, "url": "https://work.weixin.qq.com", "title": "企业微信的左图右文样式",
            "desc": "企业微信真好用呀真好用",
            "image_url": "https://img.iplaysoft.com/wp-content/uploads/2019/free-images/free_stock_photo_2x.jpg"
        },
        "card_image": {"url": "图片的url", "aspect_ratio": 1.3},
        "vertical_content_list": [{"title": "惊喜红包等你来拿", "desc": "下载企业微信还能抢红包！"}],
        "horizontal_content_list": [
            {"keyname": "邀请人", "value": "张三"},
            {"type": 1, "keyname": "企业微信官网", "value": "点击访问", "url": "https://work.weixin.qq.com"},
            {"type": 2, "keyname": "企业微信下载", "value": "企业微信.apk", "media_id": "文件的media_id"},
            {"type": 3, "keyname": "员工信息", "value": "点击查看", "userid": "zhangsan"}
        ],
        "jump_list": [
            {"type": 1, "title": "企业微信官网", "url": "https://work.weixin.qq.com"},
            {"type": 2, "title": "跳转小程序", "appid": "小程序的appid", "pagepath": "/index.html"}
        ],
        "card_action": {
            "type": 2, "url": "https://work.weixin.qq.com",
            "appid": "小程序的appid", "pagepath": "/index.html"
        }
    })
}

fn button_interaction_sample() -> Value {
    json!({
        "card_type": "button_interaction",
        "source": {"icon_url": "图片的url", "desc": "企业微信", "desc_color": 1},
        "action_menu": {
            "desc": "卡片副交互辅助文本说明",
            "action_list": [{"text": "接受推送", "key": "A"}, {"text": "不再推送", "key": "B"}]
        },
        "main_title": {"title": "欢迎使用企业微信", "desc": "您的好友正在邀请您加入企业微信"},
        "quote_area": {
            "type": 1, "url": "https://work.weixin.qq.com",
            "title": "企业微信的引用样式", "quote_text": "企业微信真好用呀真好用"
        },
        "sub_title_text": "下载企业微信还能抢红包！",
        "horizontal_content_list": [
            {"keyname": "邀请人", "value": "张三"},
            {"type": 1, "keyname": "企业微信官网", "value": "点击访问", "url": "https://work.weixin.qq.com"},
            {"type": 2, "keyname": "企业微信下载", "value": "企业微信.apk", "media_id": "文件的media_id"},
            {"type": 3, "keyname": "员工信息", "value": "点击查看", "userid": "zhangsan"}
        ],
        "card_action": {"type": 2, "url": "https://work.weixin.qq.com", "appid": "小程序的appid", "pagepath": "/index.html"},
        "task_id": "task_id",
        "button_selection": {
            "question_key": "btn_question_key1",
            "title": "企业微信评分",
            "option_list": [{"id": "btn_selection_id1", "text": "100分"}, {"id": "btn_selection_id2", "text": "101分"}],
            "selected_id": "btn_selection_id1"
        },
        "button_list": [
            {"text": "按钮1", "style": 1, "key": "button_key_1"},
            {"text": "按钮2", "style": 2, "key": "button_key_2"}
        ]
    })
}

fn vote_interaction_sample() -> Value {
    json!({
        "card_type": "vote_interaction",
        "source": {"icon_url": "图片的url", "desc": "企业微信"},
        "main_title": {"title": "欢迎使用企业微信", "desc": "您的好友正在邀请您加入企业微信"},
        "task_id": "task_id",
        "checkbox": {
            "question_key": "question_key1",
            "option_list": [
                {"id": "option_id1", "text": "选择题选项1", "is_checked": true},
                {"id": "option_id2", "text": "选择题选项2", "is_checked": false}
            ],
            "mode": 1
        },
        "submit_button": {"text": "提交", "key": "key"}
    })
}

fn multiple_interaction_sample() -> Value {
    json!({
        "card_type": "multiple_interaction",
        "source": {"icon_url": "图片的url", "desc": "企业微信"},
        "main_title": {"title": "欢迎使用企业微信", "desc": "您的好友正在邀请您加入企业微信"},
        "task_id": "task_id",
        "select_list": [
            {
                "question_key": "question_key1", "title": "选择器标签1", "selected_id": "selection_id1",
                "option_list": [{"id": "selection_id1", "text": "选择器选项1"}, {"id": "selection_id2", "text": "选择器选项2"}]
            },
            {
                "question_key": "question_key2", "title": "选择器标签2", "selected_id": "selection_id3",
                "option_list": [{"id": "selection_id3", "text": "选择器选项3"}, {"id": "selection_id4", "text": "选择器选项4"}]
            }
        ],
        "submit_button": {"text": "提交", "key": "key"}
    })
}

/// The sample's common fields around a message object.
fn app_sample(msgtype: &str, body: Value, extra: Value) -> Value {
    let mut v = json!({
        "touser": "UserID1|UserID2|UserID3",
        "toparty": "2|3",
        "totag": "7|8",
        "msgtype": msgtype,
        "agentid": 1,
        msgtype: body,
        "enable_duplicate_check": 0,
        "duplicate_check_interval": 1800
    });
    if let (Some(map), Value::Object(extra)) = (v.as_object_mut(), extra) {
        map.extend(extra);
    }
    v
}

fn to() -> Recipients {
    Recipients::users(["UserID1", "UserID2", "UserID3"])
        .with_parties([2, 3])
        .with_tags([7, 8])
}

fn request(message: impl Into<AppMessage>) -> SendMessageRequest {
    let mut r = SendMessageRequest::new(1, to(), message);
    r.enable_duplicate_check = Some(false);
    r.duplicate_check_interval = Some(1800);
    r
}

fn encoded<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("encodes")
}

#[test]
fn text_matches_the_sample() {
    let content = "你的快递已到，请携带工卡前往邮件中心领取。\n出发前可查看<a href=\"https://work.weixin.qq.com\">邮件中心视频实况</a>，聪明避开排队。";
    let mut r = request(Text::new(content)).with_safe(Safety::Shareable);
    r.enable_id_trans = Some(false);
    assert_eq!(
        encoded(&r),
        app_sample(
            "text",
            json!({"content": content}),
            json!({"safe": 0, "enable_id_trans": 0})
        )
    );
}

#[test]
fn media_messages_match_the_samples() {
    let r = request(Image::new("MEDIA_ID")).with_safe(Safety::Shareable);
    assert_eq!(
        encoded(&r),
        app_sample("image", json!({"media_id": "MEDIA_ID"}), json!({"safe": 0}))
    );
    let r = request(Voice::new("MEDIA_ID"));
    assert_eq!(
        encoded(&r),
        app_sample("voice", json!({"media_id": "MEDIA_ID"}), json!({}))
    );
    let r = request(
        Video::new("MEDIA_ID")
            .with_title("Title")
            .with_description("Description"),
    )
    .with_safe(Safety::Shareable);
    assert_eq!(
        encoded(&r),
        app_sample(
            "video",
            json!({"media_id": "MEDIA_ID", "title": "Title", "description": "Description"}),
            json!({"safe": 0})
        )
    );
    let id = "1Yv-zXfHjSjU-7LH-GwtYqDGS-zz6w22KmWAT5COgP7o";
    let r = request(File::new(id)).with_safe(Safety::Shareable);
    assert_eq!(
        encoded(&r),
        app_sample("file", json!({"media_id": id}), json!({"safe": 0}))
    );
}

#[test]
fn textcard_matches_the_sample() {
    let description = "<div class=\"gray\">2016年9月26日</div> <div class=\"normal\">恭喜你抽中iPhone 7一台，领奖码：xxxx</div><div class=\"highlight\">请于2016年10月10日前联系行政同事领取</div>";
    let r =
        request(TextCard::new("领奖通知", description, "URL").with_button_text("更多")).with_id_trans(false);
    assert_eq!(
        encoded(&r),
        app_sample(
            "textcard",
            json!({"title": "领奖通知", "description": description, "url": "URL", "btntxt": "更多"}),
            json!({"enable_id_trans": 0})
        )
    );
}

#[test]
fn news_and_mpnews_match_the_samples() {
    let article = NewsArticle::link("中秋节礼品领取", "URL")
        .with_description("今年中秋节公司有豪礼相送")
        .with_picurl("http://res.mail.qq.com/node/ww/wwopenmng/images/independent/doc/test_pic_msg1.png")
        .with_miniprogram(
            "wx123123123123123",
            "pages/index?userid=zhangsan&orderid=123123123",
        );
    let r = request(News::new(vec![article])).with_id_trans(false);
    assert_eq!(
        encoded(&r),
        app_sample(
            "news",
            json!({"articles": [{
                "title": "中秋节礼品领取",
                "description": "今年中秋节公司有豪礼相送",
                "url": "URL",
                "picurl": "http://res.mail.qq.com/node/ww/wwopenmng/images/independent/doc/test_pic_msg1.png",
                "appid": "wx123123123123123",
                "pagepath": "pages/index?userid=zhangsan&orderid=123123123"
            }]}),
            json!({"enable_id_trans": 0})
        )
    );
    let article = MpNewsArticle::new("Title", "MEDIA_ID", "Content")
        .with_author("Author")
        .with_source_url("URL")
        .with_digest("Digest description");
    let r = request(MpNews::new(vec![article]))
        .with_safe(Safety::Shareable)
        .with_id_trans(false);
    assert_eq!(
        encoded(&r),
        app_sample(
            "mpnews",
            json!({"articles": [{
                "title": "Title", "thumb_media_id": "MEDIA_ID", "author": "Author",
                "content_source_url": "URL", "content": "Content", "digest": "Digest description"
            }]}),
            json!({"safe": 0, "enable_id_trans": 0})
        )
    );
}

#[test]
fn markdown_matches_the_sample() {
    let content = "您的会议室已经预定，稍后会同步到`邮箱` \n>**事项详情** \n>事　项：<font color=\"info\">开会</font> \n>组织者：@miglioguan \n>参与者：@miglioguan、@kunliu、@jamdeezhou、@kanexiong、@kisonwang \n> \n>会议室：<font color=\"info\">广州TIT 1楼 301</font> \n>日　期：<font color=\"warning\">2018年5月18日</font> \n>时　间：<font color=\"comment\">上午9:00-11:00</font> \n> \n>请准时参加会议。 \n> \n>如需修改会议信息，请点击：[修改会议信息](https://work.weixin.qq.com)";
    let r = request(Markdown::new(content));
    assert_eq!(
        encoded(&r),
        app_sample("markdown", json!({"content": content}), json!({}))
    );
}

#[test]
fn miniprogram_notice_matches_the_sample_and_has_no_agentid() {
    let notice = MiniprogramNotice::new("wx123123123123123", "会议室预订成功通知")
        .with_page("pages/index?userid=zhangsan&orderid=123123123")
        .with_description("4月27日 16:16")
        .with_emphasis_first_item(true)
        .with_item("会议室", "402")
        .with_item("会议地点", "广州TIT-402会议室")
        .with_item("会议时间", "2018年8月1日 09:00-09:30")
        .with_item("参与人员", "周剑轩");
    let mut r = SendMessageRequest::miniprogram_notice(
        Recipients::users(["zhangsan", "lisi"])
            .with_parties([1, 2])
            .with_tags([1, 2]),
        notice,
    )
    .with_id_trans(false);
    r.enable_duplicate_check = Some(false);
    r.duplicate_check_interval = Some(1800);
    assert_eq!(
        encoded(&r),
        json!({
            "touser": "zhangsan|lisi",
            "toparty": "1|2",
            "totag": "1|2",
            "msgtype": "miniprogram_notice",
            "miniprogram_notice": {
                "appid": "wx123123123123123",
                "page": "pages/index?userid=zhangsan&orderid=123123123",
                "title": "会议室预订成功通知",
                "description": "4月27日 16:16",
                "emphasis_first_item": true,
                "content_item": [
                    {"key": "会议室", "value": "402"},
                    {"key": "会议地点", "value": "广州TIT-402会议室"},
                    {"key": "会议时间", "value": "2018年8月1日 09:00-09:30"},
                    {"key": "参与人员", "value": "周剑轩"}
                ]
            },
            "enable_id_trans": 0,
            "enable_duplicate_check": 0,
            "duplicate_check_interval": 1800
        })
    );
}

#[test]
fn text_notice_card_built_in_code_matches_the_sample() {
    let card = TextNoticeCard {
        source: Some(CardSource {
            icon_url: Some("图片的url".into()),
            desc: Some("企业微信".into()),
            desc_color: Some(SourceColor::Black),
        }),
        action_menu: Some(ActionMenu {
            desc: Some("卡片副交互辅助文本说明".into()),
            action_list: vec![
                ActionMenuItem {
                    text: "接收推送".into(),
                    key: "A".into(),
                },
                ActionMenuItem {
                    text: "不再推送".into(),
                    key: "B".into(),
                },
            ],
        }),
        task_id: Some("task_id".into()),
        main_title: Some(MainTitle::new("欢迎使用企业微信").with_desc("您的好友正在邀请您加入企业微信")),
        quote_area: Some(QuoteArea {
            kind: Some(ClickType::Url),
            url: Some("https://work.weixin.qq.com".into()),
            appid: None,
            pagepath: None,
            title: Some("企业微信的引用样式".into()),
            quote_text: Some("企业微信真好用呀真好用".into()),
        }),
        emphasis_content: Some(EmphasisContent {
            title: Some("100".into()),
            desc: Some("核心数据".into()),
        }),
        sub_title_text: Some("下载企业微信还能抢红包！".into()),
        horizontal_content_list: vec![
            HorizontalContent::text("邀请人", "张三"),
            HorizontalContent {
                kind: Some(HorizontalContentType::Url),
                url: Some("https://work.weixin.qq.com".into()),
                ..HorizontalContent::text("企业微信官网", "点击访问")
            },
            HorizontalContent {
                kind: Some(HorizontalContentType::File),
                media_id: Some("文件的media_id".into()),
                ..HorizontalContent::text("企业微信下载", "企业微信.apk")
            },
            HorizontalContent {
                kind: Some(HorizontalContentType::Member),
                userid: Some("zhangsan".into()),
                ..HorizontalContent::text("员工信息", "点击查看")
            },
        ],
        jump_list: vec![
            JumpItem {
                kind: Some(ClickType::Url),
                title: "企业微信官网".into(),
                url: Some("https://work.weixin.qq.com".into()),
                appid: None,
                pagepath: None,
            },
            JumpItem {
                kind: Some(ClickType::Miniprogram),
                title: "跳转小程序".into(),
                url: None,
                appid: Some("小程序的appid".into()),
                pagepath: Some("/index.html".into()),
            },
        ],
        card_action: Some(CardAction {
            url: Some("https://work.weixin.qq.com".into()),
            ..CardAction::miniprogram("小程序的appid", "/index.html")
        }),
    };
    let mut r = request(TemplateCard::from(card)).with_id_trans(false);
    r.to = Recipients::users(["UserID1", "UserID2", "UserID3"])
        .with_parties([2, 3])
        .with_tags([7, 8]);
    assert_eq!(
        encoded(&r),
        app_sample(
            "template_card",
            text_notice_sample(),
            json!({"enable_id_trans": 0})
        )
    );
}

#[test]
fn every_card_type_round_trips_its_sample() {
    for sample in [
        text_notice_sample(),
        news_notice_sample(),
        button_interaction_sample(),
        vote_interaction_sample(),
        multiple_interaction_sample(),
    ] {
        let card: TemplateCard = serde_json::from_value(sample.clone()).expect("decodes");
        assert_eq!(card.card_type(), sample["card_type"]);
        assert_eq!(
            card.is_interactive(),
            sample["card_type"]
                .as_str()
                .is_some_and(|t| t.ends_with("interaction"))
        );
        assert_eq!(encoded(&card), sample, "every field of the sample is modeled");
        let message = AppMessage::TemplateCard(card);
        let wire = encoded(&request(message.clone()));
        assert_eq!(wire["msgtype"], "template_card");
        assert_eq!(wire["template_card"], sample);
        let back: AppMessage =
            serde_json::from_value(json!({"msgtype": "template_card", "template_card": sample}))
                .expect("decodes");
        assert_eq!(back, message);
    }
    let vote: TemplateCard = serde_json::from_value(vote_interaction_sample()).expect("decodes");
    let TemplateCard::VoteInteraction(vote) = vote else {
        panic!("not a vote card");
    };
    let checkbox = vote.checkbox.expect("checkbox");
    assert_eq!(checkbox.mode, Some(CheckboxMode::Multiple));
    assert!(checkbox.option_list[0].is_checked && !checkbox.option_list[1].is_checked);
}

#[test]
fn a_message_without_its_object_or_of_another_channel_does_not_decode() {
    assert!(serde_json::from_value::<AppMessage>(json!({"msgtype": "text"})).is_err());
    assert!(serde_json::from_value::<AppMessage>(json!({"text": {"content": "x"}})).is_err());
    assert!(
        serde_json::from_value::<AppChatMessage>(json!({"msgtype": "template_card", "template_card": {}}))
            .is_err()
    );
    let m: AppChatMessage =
        serde_json::from_value(json!({"msgtype": "markdown", "markdown": {"content": "**hi**"}}))
            .expect("decodes");
    assert_eq!(m, AppChatMessage::Markdown(Markdown::new("**hi**")));
    assert_eq!(m.msgtype(), "markdown");
}

#[test]
fn recipients_join_with_pipes_and_all_wins() {
    assert_eq!(
        encoded(&Recipients::parties([1, 5])),
        json!({"toparty": "1|5"}),
        "only what is set"
    );
    let all = Recipients {
        parties: vec![1],
        ..Recipients::all()
    };
    assert_eq!(encoded(&all), json!({"touser": "@all"}));
    assert!(Recipients::default().is_empty());
}

#[test]
fn send_reply_sample_decodes() {
    let reply: SendMessageReply = serde_json::from_value(json!({
        "errcode": 0,
        "errmsg": "ok",
        "invaliduser": "userid1|userid2",
        "invalidparty": "partyid1|partyid2",
        "invalidtag": "tagid1|tagid2",
        "unlicenseduser": "userid3|userid4",
        "msgid": "xxxx",
        "response_code": "xyzxyz"
    }))
    .expect("decodes");
    assert_eq!(reply.invaliduser, ["userid1", "userid2"]);
    assert_eq!(reply.invalidparty, ["partyid1", "partyid2"]);
    assert_eq!(reply.invalidtag, ["tagid1", "tagid2"]);
    assert_eq!(reply.unlicenseduser, ["userid3", "userid4"]);
    assert_eq!(reply.msgid, "xxxx");
    assert_eq!(reply.response_code.as_deref(), Some("xyzxyz"));
    let empty: SendMessageReply =
        serde_json::from_value(json!({"errcode": 0, "invaliduser": "", "msgid": "m", "response_code": ""}))
            .expect("decodes");
    assert!(empty.invaliduser.is_empty() && empty.response_code.is_none());
}

#[test]
fn update_template_card_matches_the_samples() {
    let mut r = UpdateTemplateCardRequest::for_users(
        1,
        "response_code",
        ["userid1", "userid2"],
        CardUpdate::button("replace_name"),
    )
    .with_parties([2, 3])
    .with_tags([44, 55]);
    r.atall = Some(false);
    assert_eq!(
        encoded(&r),
        json!({
            "userids": ["userid1", "userid2"],
            "partyids": [2, 3],
            "tagids": [44, 55],
            "atall": 0,
            "agentid": 1,
            "response_code": "response_code",
            "button": {"replace_name": "replace_name"}
        })
    );
    let mut card: TemplateCard = serde_json::from_value(button_interaction_sample()).expect("decodes");
    if let TemplateCard::ButtonInteraction(c) = &mut card {
        c.replace_text = Some("已提交".into());
    }
    let r = UpdateTemplateCardRequest::for_all(1, "response_code", CardUpdate::card(card));
    let wire = encoded(&r);
    assert_eq!(wire["atall"], 1);
    assert_eq!(wire["template_card"]["card_type"], "button_interaction");
    assert_eq!(wire["template_card"]["replace_text"], "已提交");
    assert!(wire.get("button").is_none() && wire.get("userids").is_none());

    let reply: UpdateTemplateCardReply = serde_json::from_value(json!({
        "errcode": 0,
        "errmsg": "ok",
        "invaliduser": ["userid1", "userid2"]
    }))
    .expect("decodes");
    assert_eq!(reply.invaliduser, ["userid1", "userid2"]);
    assert!(reply.invalidparty.is_empty());
}

#[test]
fn statistics_reply_sample_decodes() {
    let s: MessageStatistics = serde_json::from_value(json!({
        "errcode": 0,
        "errmsg": "ok",
        "statistics": [
            {"agentid": 1001, "app_name": "诗经", "count": 1024},
            {"agentid": 1002, "app_name": "楚辞", "count": 2048}
        ]
    }))
    .expect("decodes");
    assert_eq!(s.statistics.len(), 2);
    assert_eq!(s.statistics[1].agentid, 1002);
    assert_eq!(s.statistics[1].app_name, "楚辞");
    assert_eq!(s.statistics[1].count, 2048);
}

#[test]
fn appchat_samples() {
    let create = CreateAppChatRequest::new(["userid1", "userid2", "userid3"])
        .with_name("NAME")
        .with_owner("userid1")
        .with_chatid("CHATID");
    assert_eq!(
        encoded(&create),
        json!({"name": "NAME", "owner": "userid1", "userlist": ["userid1", "userid2", "userid3"], "chatid": "CHATID"})
    );
    let created: AppChatCreated =
        serde_json::from_value(json!({"errcode": 0, "errmsg": "ok", "chatid": "CHATID"})).expect("decodes");
    assert_eq!(created.chatid, "CHATID");
    let update = UpdateAppChatRequest::new("CHATID")
        .with_name("NAME")
        .with_owner("userid2")
        .add_users(["userid1", "userid2", "userid3"])
        .remove_users(["userid3", "userid4"]);
    assert_eq!(
        encoded(&update),
        json!({
            "chatid": "CHATID", "name": "NAME", "owner": "userid2",
            "add_user_list": ["userid1", "userid2", "userid3"],
            "del_user_list": ["userid3", "userid4"]
        })
    );
    let info: AppChatInfo = serde_json::from_value(json!({
        "errcode": 0,
        "errmsg": "ok",
        "chat_info": {
            "chatid": "CHATID", "name": "NAME", "owner": "userid2",
            "userlist": ["userid1", "userid2", "userid3"], "chat_type": 0
        }
    }))
    .expect("decodes");
    assert_eq!(info.chat_info.owner, "userid2");
    assert_eq!(info.chat_info.userlist.len(), 3);
    let send = AppChatSendRequest::new("CHATID", Text::new("你的快递已到\n请携带工卡前往邮件中心领取"))
        .with_safe(Safety::Shareable);
    assert_eq!(
        encoded(&send),
        json!({
            "chatid": "CHATID", "msgtype": "text",
            "text": {"content": "你的快递已到\n请携带工卡前往邮件中心领取"}, "safe": 0
        })
    );
}

#[test]
fn linkedcorp_samples() {
    let mut r = LinkedCorpSendRequest::new(1, Text::new("你的快递已到，请携带工卡前往邮件中心领取。"))
        .to_users(["userid1", "userid2"])
        .to_user_of("CorpId1", "userid1")
        .to_user_of("CorpId2", "userid2")
        .with_safe(Safety::Shareable);
    r.toparty = vec![
        "partyid1".into(),
        "partyid2".into(),
        "LinkedId1/partyid1".into(),
        "LinkedId2/partyid2".into(),
    ];
    r.totag = vec!["0".into()];
    r.toall = Some(false);
    assert_eq!(
        encoded(&r),
        json!({
            "touser": ["userid1", "userid2", "CorpId1/userid1", "CorpId2/userid2"],
            "toparty": ["partyid1", "partyid2", "LinkedId1/partyid1", "LinkedId2/partyid2"],
            "totag": ["0"],
            "toall": 0,
            "msgtype": "text",
            "agentid": 1,
            "text": {"content": "你的快递已到，请携带工卡前往邮件中心领取。"},
            "safe": 0
        })
    );
    let reply: LinkedCorpSendReply = serde_json::from_value(json!({
        "errcode": 0,
        "errmsg": "ok",
        "invaliduser": ["userid1", "userid2", "CorpId1/userid1", "CorpId2/userid2"],
        "invalidparty": ["partyid1", "partyid2", "LinkedId1/partyid1", "LinkedId2/partyid2"],
        "invalidtag": ["tagid1", "tagid2"]
    }))
    .expect("decodes");
    assert_eq!(reply.invaliduser[2], "CorpId1/userid1");
    assert_eq!(reply.invalidparty.len(), 4);
    assert_eq!(reply.invalidtag, ["tagid1", "tagid2"]);
}

#[test]
fn webhook_samples() {
    let text = WebhookText::new("广州今日天气：29度，大部分多云，降雨概率：60%")
        .mention(["wangqing", "@all"])
        .mention_mobiles(["13800001111", "@all"]);
    assert_eq!(
        encoded(&WebhookMessage::Text(text)),
        json!({"msgtype": "text", "text": {
            "content": "广州今日天气：29度，大部分多云，降雨概率：60%",
            "mentioned_list": ["wangqing", "@all"],
            "mentioned_mobile_list": ["13800001111", "@all"]
        }})
    );
    let md = "实时新增用户反馈<font color=\"warning\">132例</font>，请相关同事注意。\n>类型:<font color=\"comment\">用户反馈</font>\n>普通用户反馈:<font color=\"comment\">117例</font>\n>VIP用户反馈:<font color=\"comment\">15例</font>";
    assert_eq!(
        encoded(&WebhookMessage::Markdown(Markdown::new(md))),
        json!({"msgtype": "markdown", "markdown": {"content": md}})
    );
    assert_eq!(
        encoded(&WebhookMessage::Image(WebhookImage::new("DATA", "MD5"))),
        json!({"msgtype": "image", "image": {"base64": "DATA", "md5": "MD5"}})
    );
    let article = NewsArticle::link("中秋节礼品领取", "www.qq.com")
        .with_description("今年中秋节公司有豪礼相送")
        .with_picurl("http://res.mail.qq.com/node/ww/wwopenmng/images/independent/doc/test_pic_msg1.png");
    assert_eq!(
        encoded(&WebhookMessage::News(News::new(vec![article]))),
        json!({"msgtype": "news", "news": {"articles": [{
            "title": "中秋节礼品领取", "description": "今年中秋节公司有豪礼相送", "url": "www.qq.com",
            "picurl": "http://res.mail.qq.com/node/ww/wwopenmng/images/independent/doc/test_pic_msg1.png"
        }]}})
    );
    assert_eq!(
        encoded(&WebhookMessage::File(WebhookFile {
            media_id: "3a8asd892asd8asd".into()
        })),
        json!({"msgtype": "file", "file": {"media_id": "3a8asd892asd8asd"}})
    );
    assert_eq!(
        encoded(&WebhookMessage::Voice(WebhookVoice {
            media_id: "MEDIA_ID".into()
        })),
        json!({"msgtype": "voice", "voice": {"media_id": "MEDIA_ID"}})
    );
    let card: TemplateCard = serde_json::from_value(news_notice_sample()).expect("decodes");
    assert_eq!(
        encoded(&WebhookMessage::TemplateCard(card))["template_card"],
        news_notice_sample()
    );
    let media: WebhookMedia = serde_json::from_value(json!({
        "errcode": 0, "errmsg": "ok", "type": "file",
        "media_id": "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0",
        "created_at": "1380000000"
    }))
    .expect("decodes");
    assert_eq!(media.media_type, WebhookMediaType::File);
    assert_eq!(media.media_id, "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0");
    assert_eq!(media.created_at, 1_380_000_000);
}

#[test]
fn webhook_key_never_shows_itself() {
    let key = WebhookKey::from_url(
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa",
    )
    .expect("has a key");
    assert_eq!(key.expose(), "693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa");
    let shown = format!("{key:?}");
    assert!(!shown.contains("693a"), "{shown}");
    assert!(WebhookKey::from_url("https://example.com/hook").is_none());
    assert!(WebhookKey::from_url("https://example.com/hook?key=").is_none());
    let image = WebhookImage::new("QUJD".repeat(1000), "0123456789abcdef0123456789abcdef");
    assert!(format!("{image:?}").len() < 200, "the base64 text is not dumped");
}

#[test]
fn every_endpoint_is_declared_with_its_token() {
    let declared: Vec<(&str, Option<&str>)> = endpoints().map(|e| (e.path(), e.token_param())).collect();
    assert_eq!(
        declared,
        [
            ("message/send", Some("access_token")),
            ("message/recall", Some("access_token")),
            ("message/update_template_card", Some("access_token")),
            ("message/get_statistics", Some("access_token")),
            ("appchat/create", Some("access_token")),
            ("appchat/update", Some("access_token")),
            ("appchat/get", Some("access_token")),
            ("appchat/send", Some("access_token")),
            ("linkedcorp/message/send", Some("access_token")),
            ("webhook/send", None),
            ("webhook/upload_media", None),
        ]
    );
}
