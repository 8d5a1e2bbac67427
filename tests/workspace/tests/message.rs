//! The Messages family (消息推送) end to end against the sandbox: every
//! message type through `message/send` to members, departments and tags
//! (read back from the sandbox's message log), partly and wholly invalid
//! recipients, WeCom's validation codes, recall, template-card updates
//! with response codes, statistics, app group chats, linked-corp messages,
//! and the group robot's webhook with a good, a wrong and a removed key.
//!
//! The sandbox corp [`creds::CORPID`] has members `zhangsan lisi` (研发中心)
//! and `wangwu zhaoliu sunqi` (销售部), all in the root department 1, and
//! app 1000002.

use serde_json::{Value, json};
use wecom_apis::callback::event::{Event, SelectedItem, Source, parse_event};
use wecom_apis::message::*;
use wecom_apis::{CorpClient, Upload};
use wecom_testkit::sandbox::Channel;
use wecom_testkit::{Sandbox, creds, errcode};

/// The sandbox's app.
const AGENT: i64 = 1_000_002;

// WeCom's documented codes.
const INVALID_MEDIA_ID: i64 = 40_007;
const INVALID_TYPE: i64 = 40_005;
const INVALID_AGENTID: i64 = 40_056;
const INVALID_PARAMETER: i64 = 40_058;
const NEWS_NOT_CONFIDENTIAL: i64 = 40_074;
const MISSING_MINIPROGRAM_APPID: i64 = 90_200;
const INVALID_TASK_ID: i64 = 42_014;
const INVALID_CARD_TYPE: i64 = 42_031;
const INVALID_BUTTON_TEXT: i64 = 42_038;
const INVALID_CARD_ACTION: i64 = 42_045;
const INVALID_SUBMIT_TEXT: i64 = 42_049;
const UPDATE_AGENT_MISMATCH: i64 = 42_015;
const EMPTY_CONTENT: i64 = 44_004;
const CONTENT_TOO_LONG: i64 = 45_002;
const ARTICLE_COUNT: i64 = 45_008;
const RATE_LIMITED: i64 = 45_009;
const ALL_RECIPIENTS_INVALID: i64 = 81_013;
const NO_RECIPIENTS: i64 = 82_001;
const CHAT_NOT_FOUND: i64 = 86_003;
const CHAT_SIZE: i64 = 86_006;
const INVALID_CHAT_MEMBER: i64 = 86_007;
const INVALID_OWNER: i64 = 86_005;
const CHATID_EXISTS: i64 = 86_215;
const INVALID_SESSION_MEMBER: i64 = 86_216;
const INVALID_WEBHOOK: i64 = 93_000;
/// Recall of an unknown msgid: the general 40058 (no code of its own).
const MSGID_NOT_FOUND: i64 = INVALID_PARAMETER;
/// msgid已过期: older than 24 hours.
const RECALL_TOO_LATE: i64 = 42_052;
/// 无效的response_code.
const INVALID_RESPONSE_CODE: i64 = 60_140;

// The sandbox's own block.
const SBX_ALREADY_RECALLED: i64 = 820_903;
const SBX_DUPLICATE_TASK_ID: i64 = 820_905;

/// A robot's webhook key.
const KEY: &str = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

/// An "image" and its base64 / MD5, for the robot's image message.
const IMAGE: &[u8] = b"\x89PNG\r\n\x1a\nsandbox-image";
const IMAGE_BASE64: &str = "iVBORw0KGgpzYW5kYm94LWltYWdl";
const IMAGE_MD5: &str = "ecd30039b1313eb3bc8f3427761c8f58";

fn client(sb: &Sandbox) -> CorpClient {
    sb.corp_client()
}

fn to_zhangsan() -> Recipients {
    Recipients::users(["zhangsan"])
}

fn posted(sb: &Sandbox, path: &str) -> Value {
    sb.last_corp_request(path, "POST").json().expect("a JSON body")
}

fn button_card(task_id: &str) -> ButtonInteractionCard {
    ButtonInteractionCard {
        main_title: Some(MainTitle::new("报销审批").with_desc("张三 提交了 320 元")),
        task_id: task_id.into(),
        button_list: vec![
            CardButton::callback("同意", "approve").with_style(1),
            CardButton::callback("驳回", "reject").with_style(2),
        ],
        ..ButtonInteractionCard::default()
    }
}

fn text_notice() -> TextNoticeCard {
    TextNoticeCard {
        main_title: Some(MainTitle::new("会议提醒")),
        sub_title_text: Some("15:00 在 301 会议室".into()),
        horizontal_content_list: vec![HorizontalContent::text("组织者", "张三")],
        card_action: Some(CardAction::url("https://work.weixin.qq.com")),
        ..TextNoticeCard::default()
    }
}

// ---------------------------------------------------------------------------
// message/send
// ---------------------------------------------------------------------------

/// Every msgtype reaches its recipients; the log holds what was sent and
/// the body is WeCom's flat object.
#[tokio::test]
async fn every_message_type_is_delivered_and_logged() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let image = sb.messages().add_media(creds::CORPID, "image", "a.png", IMAGE);
    let voice = sb
        .messages()
        .add_media(creds::CORPID, "voice", "a.amr", b"#!AMR\nvoice");
    let video = sb
        .messages()
        .add_media(creds::CORPID, "video", "a.mp4", b"video-bytes");
    let file = sb
        .messages()
        .add_media(creds::CORPID, "file", "a.pdf", b"%PDF-1.4");

    let messages: Vec<AppMessage> = vec![
        Text::new("你的快递已到").into(),
        Image::new(&image).into(),
        Voice::new(&voice).into(),
        Video::new(&video).with_title("周会").into(),
        File::new(&file).into(),
        TextCard::new(
            "领奖通知",
            "<div class=\"gray\">2016年9月26日</div>",
            "https://example.com",
        )
        .with_button_text("更多")
        .into(),
        News::new(vec![NewsArticle::link("中秋节礼品领取", "https://example.com")]).into(),
        MpNews::new(vec![
            MpNewsArticle::new("周报", &image, "<p>本周</p>").with_author("张三"),
        ])
        .into(),
        Markdown::new("**会议室** 已预定").into(),
        TemplateCard::from(text_notice()).into(),
        TemplateCard::from(button_card("task-1")).into(),
    ];
    for (n, message) in messages.into_iter().enumerate() {
        let msgtype = message.msgtype();
        let request = SendMessageRequest::new(AGENT, to_zhangsan().with_parties([1]), message);
        let reply = c
            .send_message(&request)
            .await
            .unwrap_or_else(|e| panic!("{msgtype}: {e}"));
        assert!(reply.invaliduser.is_empty(), "{msgtype}: {reply:?}");
        let body = posted(&sb, "message/send");
        assert_eq!(
            body,
            serde_json::to_value(&request).expect("encodes"),
            "{msgtype}"
        );
        assert_eq!(body["msgtype"], msgtype);
        assert_eq!(body["touser"], "zhangsan");
        assert_eq!(body["toparty"], "1");
        assert_eq!(body["agentid"], AGENT);

        let logged = sb.messages().message(&reply.msgid).expect("logged");
        assert_eq!(logged.msgtype, msgtype);
        assert_eq!(logged.content, body[msgtype], "{msgtype}: the same-named object");
        assert_eq!(logged.agentid, Some(AGENT));
        assert_eq!(
            logged.delivered_to,
            ["lisi", "sunqi", "wangwu", "zhangsan", "zhaoliu"],
            "department 1 holds every member"
        );
        assert_eq!(sb.messages().sent().len(), n + 1);
        let interactive =
            msgtype == "template_card" && body["template_card"]["card_type"] == "button_interaction";
        assert_eq!(
            reply.response_code.is_some(),
            interactive,
            "{msgtype}: response_code"
        );
        assert_eq!(logged.response_code, reply.response_code);
    }
    assert_eq!(sb.messages().inbox("lisi").len(), 11);
}

/// A mini-program notice carries no agentid; its appid is required.
#[tokio::test]
async fn miniprogram_notice_goes_without_agentid() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let notice = MiniprogramNotice::new("wx123123123123123", "会议室预订成功通知")
        .with_description("4月27日 16:16")
        .with_item("会议室", "402");
    let reply = c
        .send_message(&SendMessageRequest::miniprogram_notice(to_zhangsan(), notice))
        .await
        .expect("sent");
    let body = posted(&sb, "message/send");
    assert!(body.get("agentid").is_none(), "{body}");
    assert_eq!(body["miniprogram_notice"]["content_item"][0]["key"], "会议室");
    assert_eq!(sb.messages().message(&reply.msgid).expect("logged").agentid, None);

    let no_appid = MiniprogramNotice::new("", "标题");
    assert_eq!(
        errcode(
            c.send_message(&SendMessageRequest::miniprogram_notice(to_zhangsan(), no_appid))
                .await,
            "no appid"
        ),
        MISSING_MINIPROGRAM_APPID
    );
}

/// Unknown members, departments and tags come back; the others get it.
/// All of them unknown is 81013, none 82001; `@all` reaches everyone.
#[tokio::test]
async fn recipients_are_checked_against_the_directory() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let to = Recipients::users(["zhangsan", "ghost", "nobody"])
        .with_parties([99])
        .with_tags([5]);
    let reply = c
        .send_message(&SendMessageRequest::new(AGENT, to, Text::new("hi")))
        .await
        .expect("partly delivered");
    assert_eq!(reply.invaliduser, ["ghost", "nobody"]);
    assert_eq!(reply.invalidparty, ["99"]);
    assert_eq!(reply.invalidtag, ["5"]);
    assert!(reply.unlicenseduser.is_empty());
    let raw = sb.last_request("message/send");
    assert_eq!(raw.json().expect("json")["touser"], "zhangsan|ghost|nobody");
    let logged = sb.messages().message(&reply.msgid).expect("logged");
    assert_eq!(logged.delivered_to, ["zhangsan"]);
    assert_eq!(logged.touser, ["zhangsan", "ghost", "nobody"]);
    assert_eq!(logged.totag, ["5"]);

    let nobody = Recipients::users(["ghost"]).with_parties([42]).with_tags([7]);
    assert_eq!(
        errcode(
            c.send_message(&SendMessageRequest::new(AGENT, nobody, Text::new("hi")))
                .await,
            "all invalid"
        ),
        ALL_RECIPIENTS_INVALID
    );
    assert_eq!(
        errcode(
            c.send_message(&SendMessageRequest::new(
                AGENT,
                Recipients::default(),
                Text::new("hi")
            ))
            .await,
            "nobody"
        ),
        NO_RECIPIENTS
    );
    let tags_only = Recipients::tags([7, 8]);
    assert_eq!(
        errcode(
            c.send_message(&SendMessageRequest::new(AGENT, tags_only, Text::new("hi")))
                .await,
            "unknown tags only"
        ),
        ALL_RECIPIENTS_INVALID
    );
    // Tag 1 (管理层) of the seeded directory holds its first member.
    let by_tag = c
        .send_message(&SendMessageRequest::new(
            AGENT,
            Recipients::tags([1]),
            Text::new("hi"),
        ))
        .await
        .expect("a known tag");
    assert!(by_tag.invalidtag.is_empty(), "{by_tag:?}");
    let logged = sb.messages().last_sent().expect("logged");
    assert_eq!(logged.totag, ["1"]);
    assert!(!logged.delivered_to.is_empty(), "{logged:?}");

    let reply = c
        .send_message(&SendMessageRequest::new(
            AGENT,
            Recipients::all(),
            Markdown::new("**全员**"),
        ))
        .await
        .expect("to all");
    assert_eq!(posted(&sb, "message/send")["touser"], "@all");
    assert_eq!(
        sb.messages().message(&reply.msgid).expect("logged").delivered_to,
        ["lisi", "sunqi", "wangwu", "zhangsan", "zhaoliu"]
    );
    assert_eq!(
        sb.messages().department_members(creds::CORPID, 1),
        ["lisi", "sunqi", "wangwu", "zhangsan", "zhaoliu"]
    );
}

/// WeCom's validation: content, lengths, media, agent, safe, articles, task ids.
#[tokio::test]
async fn invalid_messages_get_wecom_codes() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let send = |message: AppMessage| SendMessageRequest::new(AGENT, to_zhangsan(), message);

    let cases: Vec<(SendMessageRequest, i64, &str)> = vec![
        (send(Text::new("").into()), EMPTY_CONTENT, "empty text"),
        (
            send(Markdown::new("x".repeat(2049)).into()),
            CONTENT_TOO_LONG,
            "long markdown",
        ),
        (
            send(Image::new("3nope").into()),
            INVALID_MEDIA_ID,
            "unknown media",
        ),
        (send(News::new(Vec::new()).into()), ARTICLE_COUNT, "no article"),
        (
            send(News::new(vec![NewsArticle::link("t", "https://e.com"); 9]).into()),
            ARTICLE_COUNT,
            "nine articles",
        ),
        (
            send(News::new(vec![NewsArticle::link("t", "https://e.com")]).into())
                .with_safe(Safety::Confidential),
            NEWS_NOT_CONFIDENTIAL,
            "confidential news",
        ),
        (
            SendMessageRequest::new(1_000_099, to_zhangsan(), Text::new("hi")),
            INVALID_AGENTID,
            "unknown app",
        ),
        (
            send(TemplateCard::from(button_card("bad task id!")).into()),
            INVALID_TASK_ID,
            "task id with a space",
        ),
        (
            send(TemplateCard::from(TextNoticeCard::default()).into()),
            INVALID_PARAMETER,
            "text notice without title or action",
        ),
        (
            send(
                TemplateCard::from(TextNoticeCard {
                    main_title: Some(MainTitle::new("无动作")),
                    ..TextNoticeCard::default()
                })
                .into(),
            ),
            INVALID_CARD_ACTION,
            "text notice without card_action",
        ),
        (
            send(
                TemplateCard::from(ButtonInteractionCard {
                    button_list: vec![CardButton::callback("按", "k"); 7],
                    ..button_card("seven")
                })
                .into(),
            ),
            INVALID_BUTTON_TEXT,
            "seven buttons",
        ),
        (
            send(
                TemplateCard::from(VoteInteractionCard {
                    main_title: Some(MainTitle::new("投票")),
                    task_id: "no-submit".into(),
                    checkbox: Some(Checkbox {
                        question_key: "q".into(),
                        option_list: vec![CheckboxOption {
                            id: "a".into(),
                            text: "甲".into(),
                            is_checked: false,
                        }],
                        mode: None,
                        disable: None,
                    }),
                    ..VoteInteractionCard::default()
                })
                .into(),
            ),
            INVALID_SUBMIT_TEXT,
            "vote without a submit button",
        ),
    ];
    for (request, code, what) in cases {
        assert_eq!(errcode(c.send_message(&request).await, what), code, "{what}");
    }
    // An app's text is cut at 2048 bytes (at a character boundary), not refused.
    let long = c
        .send_message(&send(Text::new("字".repeat(700)).into()))
        .await
        .expect("2100 bytes of text");
    let logged = sb.messages().message(&long.msgid).expect("logged");
    assert_eq!(logged.content["content"].as_str().map(str::len), Some(2046));
    // The video's media must be a video.
    let image = sb.messages().add_media(creds::CORPID, "image", "a.png", IMAGE);
    assert_eq!(
        errcode(
            c.send_message(&send(Video::new(&image).into())).await,
            "image as video"
        ),
        INVALID_MEDIA_ID
    );
    // Media of another corp is unknown here.
    let theirs = sb
        .messages()
        .add_media(creds::CUSTOMER_CORPID, "image", "b.png", IMAGE);
    assert_eq!(
        errcode(
            c.send_message(&send(Image::new(&theirs).into())).await,
            "another corp's media"
        ),
        INVALID_MEDIA_ID
    );
    // A task id is unique per app.
    c.send_message(&send(TemplateCard::from(button_card("once")).into()))
        .await
        .expect("first card");
    assert_eq!(
        errcode(
            c.send_message(&send(TemplateCard::from(button_card("once")).into()))
                .await,
            "task id again"
        ),
        SBX_DUPLICATE_TASK_ID
    );
    assert_eq!(sb.messages().sent().len(), 2, "nothing invalid was delivered");
}

/// The duplicate check answers the first msgid and delivers once.
#[tokio::test]
async fn duplicate_check_delivers_once() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let request =
        SendMessageRequest::new(AGENT, to_zhangsan(), Text::new("打卡提醒")).with_duplicate_check(600);
    let first = c.send_message(&request).await.expect("first");
    assert_eq!(posted(&sb, "message/send")["enable_duplicate_check"], 1);
    assert_eq!(posted(&sb, "message/send")["duplicate_check_interval"], 600);
    let again = c.send_message(&request).await.expect("again");
    assert_eq!(again.msgid, first.msgid);
    assert_eq!(sb.messages().sent().len(), 1);
    sb.advance_clock(601);
    let later = c.send_message(&request).await.expect("after the window");
    assert_ne!(later.msgid, first.msgid);
    assert_eq!(sb.messages().sent().len(), 2);
}

// ---------------------------------------------------------------------------
// message/recall
// ---------------------------------------------------------------------------

#[tokio::test]
async fn recall_within_24_hours_once() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let reply = c
        .send_message(&SendMessageRequest::new(
            AGENT,
            to_zhangsan(),
            Text::new("发错了"),
        ))
        .await
        .expect("sent");
    c.recall_message(&reply.msgid).await.expect("recalled");
    sb.assert_posted("message/recall", json!({"msgid": reply.msgid}));
    assert!(sb.messages().message(&reply.msgid).expect("logged").recalled);
    assert!(sb.messages().inbox("zhangsan").is_empty());
    assert_eq!(
        errcode(c.recall_message(&reply.msgid).await, "twice"),
        SBX_ALREADY_RECALLED
    );
    assert_eq!(
        errcode(c.recall_message("msgnope").await, "unknown"),
        MSGID_NOT_FOUND
    );

    let old = c
        .send_message(&SendMessageRequest::new(
            AGENT,
            to_zhangsan(),
            Text::new("昨天的"),
        ))
        .await
        .expect("sent");
    sb.advance_clock(24 * 3600 + 1);
    assert_eq!(
        errcode(c.recall_message(&old.msgid).await, "too old"),
        RECALL_TOO_LATE
    );
    assert_eq!(sb.messages().inbox("zhangsan").len(), 1);
}

// ---------------------------------------------------------------------------
// message/update_template_card
// ---------------------------------------------------------------------------

#[tokio::test]
async fn template_card_updates_with_response_codes() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let sent = c
        .send_message(&SendMessageRequest::new(
            AGENT,
            Recipients::parties([1]),
            TemplateCard::from(button_card("expense-42")),
        ))
        .await
        .expect("card sent");
    let code = sent
        .response_code
        .expect("an interactive card has a response_code");

    // zhangsan clicked 同意: his button turns into 已同意.
    let update = UpdateTemplateCardRequest::for_users(
        AGENT,
        &code,
        ["zhangsan", "ghost"],
        CardUpdate::button("已同意"),
    );
    let reply = c.update_template_card(&update).await.expect("updated");
    sb.assert_posted(
        "message/update_template_card",
        json!({
            "userids": ["zhangsan", "ghost"],
            "agentid": AGENT,
            "response_code": code,
            "button": {"replace_name": "已同意"}
        }),
    );
    assert_eq!(reply.invaliduser, ["ghost"]);
    let logged = sb.messages().message(&sent.msgid).expect("logged");
    assert_eq!(logged.card_updates.len(), 1);
    assert_eq!(logged.card_updates[0].userids, ["zhangsan"]);
    assert_eq!(
        logged.card_updates[0].update,
        json!({"button": {"replace_name": "已同意"}})
    );

    // A response code works once.
    assert_eq!(
        errcode(c.update_template_card(&update).await, "used code"),
        INVALID_RESPONSE_CODE
    );

    // lisi's click reaches the app as a template_card_event with a fresh
    // code; the whole card is replaced for everyone.
    let xml = sb
        .messages()
        .card_event(&sent.msgid, "lisi", "reject", &[])
        .expect("clicked");
    let Ok(Event::TemplateCardEvent { source, card }) = parse_event(&xml) else {
        panic!("not a card event: {xml}");
    };
    assert!(matches!(
        source,
        Source::App { ref from_user_name, agent_id: Some(AGENT), .. } if from_user_name == "lisi"
    ));
    assert_eq!(source.corp_id(), Some(creds::CORPID));
    assert_eq!(
        (
            card.event_key.as_str(),
            card.task_id.as_str(),
            card.card_type.as_str()
        ),
        ("reject", "expense-42", "button_interaction")
    );
    assert!(card.selected_items.is_empty());
    let click = card.response_code;
    let mut done = button_card("expense-42");
    done.replace_text = Some("已处理".into());
    let replace = UpdateTemplateCardRequest::for_all(AGENT, &click, CardUpdate::card(done));
    c.update_template_card(&replace).await.expect("replaced");
    let body = posted(&sb, "message/update_template_card");
    assert_eq!(body["atall"], 1);
    assert_eq!(body["template_card"]["card_type"], "button_interaction");
    assert_eq!(body["template_card"]["replace_text"], "已处理");
    let logged = sb.messages().message(&sent.msgid).expect("logged");
    assert_eq!(
        logged.card_updates[1].userids,
        ["lisi", "sunqi", "wangwu", "zhangsan", "zhaoliu"]
    );

    // Another app cannot update it; a code expires after 72 hours.
    sb.messages().add_agent(creds::CORPID, 1_000_003, "审批");
    let click = card_event_code(&sb, &sent.msgid, "zhangsan", "approve");
    let other = UpdateTemplateCardRequest::for_all(1_000_003, &click, CardUpdate::button("x"));
    assert_eq!(
        errcode(c.update_template_card(&other).await, "other app"),
        UPDATE_AGENT_MISMATCH
    );
    sb.advance_clock(72 * 3600 + 1);
    let late = UpdateTemplateCardRequest::for_all(AGENT, &click, CardUpdate::button("x"));
    assert_eq!(
        errcode(c.update_template_card(&late).await, "expired"),
        INVALID_RESPONSE_CODE
    );
    assert_eq!(
        errcode(
            c.update_template_card(&UpdateTemplateCardRequest::for_all(
                AGENT,
                "nope",
                CardUpdate::button("x")
            ))
            .await,
            "unknown code"
        ),
        INVALID_RESPONSE_CODE
    );
    assert!(
        sb.messages()
            .card_event(&sent.msgid, "ghost", "approve", &[])
            .is_err()
    );
    assert!(
        sb.messages()
            .card_event(&sent.msgid, "lisi", "no-such-button", &[])
            .is_err()
    );
}

/// The response code of `userid` clicking `key` on card `msgid`, read from
/// the template_card_event the sandbox plays.
fn card_event_code(sb: &Sandbox, msgid: &str, userid: &str, key: &str) -> String {
    let xml = sb
        .messages()
        .card_event(msgid, userid, key, &[])
        .expect("clicked");
    match parse_event(&xml) {
        Ok(Event::TemplateCardEvent { card, .. }) => card.response_code,
        other => panic!("not a card event: {other:?}"),
    }
}

/// Vote and multiple-choice cards get response codes too; notices do not.
#[tokio::test]
async fn vote_and_multiple_cards() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let vote = VoteInteractionCard {
        main_title: Some(MainTitle::new("午餐投票")),
        task_id: "vote-1".into(),
        checkbox: Some(Checkbox {
            question_key: "lunch".into(),
            option_list: vec![
                CheckboxOption {
                    id: "a".into(),
                    text: "面".into(),
                    is_checked: false,
                },
                CheckboxOption {
                    id: "b".into(),
                    text: "饭".into(),
                    is_checked: true,
                },
            ],
            mode: Some(CheckboxMode::Single),
            disable: None,
        }),
        submit_button: Some(SubmitButton {
            text: "提交".into(),
            key: "submit".into(),
        }),
        ..VoteInteractionCard::default()
    };
    let reply = c
        .send_message(&SendMessageRequest::new(
            AGENT,
            to_zhangsan(),
            TemplateCard::from(vote),
        ))
        .await
        .expect("vote sent");
    assert!(reply.response_code.is_some());
    // zhangsan submits 面: the event carries the choice and a fresh code.
    let xml = sb
        .messages()
        .card_event(&reply.msgid, "zhangsan", "submit", &[("lunch", &["a"])])
        .expect("submitted");
    let Ok(Event::TemplateCardEvent { card, .. }) = parse_event(&xml) else {
        panic!("not a card event: {xml}");
    };
    assert_eq!(card.card_type, "vote_interaction");
    assert_eq!(card.event_key, "submit");
    assert_eq!(
        card.selected_items,
        [SelectedItem {
            question_key: "lunch".into(),
            option_ids: vec!["a".into()]
        }]
    );
    let done = UpdateTemplateCardRequest::for_users(
        AGENT,
        card.response_code,
        ["zhangsan"],
        CardUpdate::button("已提交"),
    );
    c.update_template_card(&done)
        .await
        .expect("updated after the vote");
    assert!(
        sb.messages()
            .card_event(&reply.msgid, "zhangsan", "submit", &[("lunch", &["z"])])
            .is_err(),
        "an option the card does not have"
    );
    assert_eq!(
        posted(&sb, "message/send")["template_card"]["checkbox"]["option_list"][1]["is_checked"],
        true
    );

    let multiple = MultipleInteractionCard {
        main_title: Some(MainTitle::new("报名")),
        task_id: "multi-1".into(),
        select_list: vec![Selection {
            question_key: "size".into(),
            title: Some("尺码".into()),
            selected_id: Some("m".into()),
            option_list: vec![SelectOption {
                id: "m".into(),
                text: "M".into(),
            }],
            disable: None,
        }],
        submit_button: Some(SubmitButton {
            text: "提交".into(),
            key: "go".into(),
        }),
        ..MultipleInteractionCard::default()
    };
    let reply = c
        .send_message(&SendMessageRequest::new(
            AGENT,
            to_zhangsan(),
            TemplateCard::from(multiple),
        ))
        .await
        .expect("multiple sent");
    assert!(reply.response_code.is_some());

    let news = NewsNoticeCard {
        main_title: Some(MainTitle::new("新品上架")),
        card_image: Some(CardImage {
            url: "https://example.com/a.png".into(),
            aspect_ratio: Some(2.25),
        }),
        card_action: Some(CardAction::url("https://example.com")),
        ..NewsNoticeCard::default()
    };
    let reply = c
        .send_message(&SendMessageRequest::new(
            AGENT,
            to_zhangsan(),
            TemplateCard::from(news),
        ))
        .await
        .expect("news notice sent");
    assert!(reply.response_code.is_none());
    assert!(
        sb.messages()
            .card_event(&reply.msgid, "zhangsan", "x", &[])
            .is_err(),
        "a notice has no buttons"
    );

    // A notice with an action menu: choosing an entry brings a
    // template_card_menu_event whose code updates the card.
    let menu = TextNoticeCard {
        main_title: Some(MainTitle::new("周报提醒")),
        card_action: Some(CardAction::url("https://example.com")),
        action_menu: Some(ActionMenu {
            desc: Some("更多".into()),
            action_list: vec![ActionMenuItem {
                text: "不再提醒".into(),
                key: "mute".into(),
            }],
        }),
        task_id: Some("weekly-1".into()),
        ..TextNoticeCard::default()
    };
    let reply = c
        .send_message(&SendMessageRequest::new(
            AGENT,
            to_zhangsan(),
            TemplateCard::from(menu),
        ))
        .await
        .expect("notice with a menu sent");
    assert!(reply.response_code.is_none(), "the send reply has none");
    let xml = sb
        .messages()
        .card_menu_event(&reply.msgid, "zhangsan", "mute")
        .expect("menu chosen");
    let Ok(Event::TemplateCardMenuEvent { menu, .. }) = parse_event(&xml) else {
        panic!("not a menu event: {xml}");
    };
    assert_eq!(
        (
            menu.event_key.as_str(),
            menu.task_id.as_str(),
            menu.card_type.as_str()
        ),
        ("mute", "weekly-1", "text_notice")
    );
    let mut muted = TextNoticeCard {
        main_title: Some(MainTitle::new("已关闭提醒")),
        card_action: Some(CardAction::url("https://example.com")),
        task_id: Some("weekly-1".into()),
        ..TextNoticeCard::default()
    };
    muted.sub_title_text = Some("可在设置中重新打开".into());
    c.update_template_card(&UpdateTemplateCardRequest::for_users(
        AGENT,
        menu.response_code,
        ["zhangsan"],
        CardUpdate::card(muted),
    ))
    .await
    .expect("updated from the menu event");
    assert!(
        sb.messages()
            .card_menu_event(&reply.msgid, "zhangsan", "other")
            .is_err(),
        "an entry the menu does not have"
    );
}

// ---------------------------------------------------------------------------
// message/get_statistics
// ---------------------------------------------------------------------------

#[tokio::test]
async fn statistics_count_member_messages_per_app() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    sb.messages().add_agent(creds::CORPID, 1_000_007, "公告");
    c.send_message(&SendMessageRequest::new(AGENT, Recipients::all(), Text::new("a")))
        .await
        .expect("to 5");
    c.send_message(&SendMessageRequest::new(1_000_007, to_zhangsan(), Text::new("b")))
        .await
        .expect("to 1");
    let today = c.get_message_statistics(None).await.expect("today");
    sb.assert_posted("message/get_statistics", json!({}));
    assert_eq!(today.statistics.len(), 2);
    assert_eq!(today.statistics[0].agentid, AGENT);
    assert_eq!(today.statistics[0].app_name, "沙箱应用");
    assert_eq!(today.statistics[0].count, 5);
    assert_eq!(today.statistics[1].app_name, "公告");
    assert_eq!(today.statistics[1].count, 1);

    sb.advance_clock(86_400);
    let yesterday = c
        .get_message_statistics(Some(StatisticsDay::Yesterday))
        .await
        .expect("yesterday");
    sb.assert_posted("message/get_statistics", json!({"time_type": 1}));
    assert_eq!(yesterday, today);
    assert!(
        c.get_message_statistics(None)
            .await
            .expect("today")
            .statistics
            .is_empty()
    );
}

// ---------------------------------------------------------------------------
// appchat/*
// ---------------------------------------------------------------------------

#[tokio::test]
async fn app_group_chat_lifecycle() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let created = c
        .create_app_chat(
            &CreateAppChatRequest::new(["zhangsan", "lisi"])
                .with_name("项目群")
                .with_owner("zhangsan")
                .with_chatid("proj001"),
        )
        .await
        .expect("created");
    sb.assert_posted(
        "appchat/create",
        json!({"name": "项目群", "owner": "zhangsan", "userlist": ["zhangsan", "lisi"], "chatid": "proj001"}),
    );
    assert_eq!(created.chatid, "proj001");

    let info = c.get_app_chat("proj001").await.expect("got");
    sb.assert_got("appchat/get", &[("chatid", "proj001")]);
    assert_eq!(info.chat_info.name, "项目群");
    assert_eq!(info.chat_info.owner, "zhangsan");
    assert_eq!(info.chat_info.userlist, ["zhangsan", "lisi"]);

    c.update_app_chat(
        &UpdateAppChatRequest::new("proj001")
            .with_name("项目群（新）")
            .with_owner("lisi"),
    )
    .await
    .expect("updated");
    sb.assert_posted(
        "appchat/update",
        json!({"chatid": "proj001", "name": "项目群（新）", "owner": "lisi"}),
    );
    let chat = sb.messages().app_chat("proj001").expect("chat");
    assert_eq!(
        (chat.name.as_str(), chat.owner.as_str()),
        ("项目群（新）", "lisi")
    );
    // A name over 50 characters is cut, not refused ("超过将截断").
    let long: String = "群".repeat(60);
    c.update_app_chat(&UpdateAppChatRequest::new("proj001").with_name(long.clone()))
        .await
        .expect("a long name");
    let chat = sb.messages().app_chat("proj001").expect("chat");
    assert_eq!(chat.name, long[..50 * "群".len()]);
    c.update_app_chat(&UpdateAppChatRequest::new("proj001").with_name("项目群（新）"))
        .await
        .expect("renamed back");

    for message in [
        AppChatMessage::from(Text::new("大家好")),
        Markdown::new("**里程碑**").into(),
        TextCard::new("周报", "<div>本周</div>", "https://example.com").into(),
    ] {
        c.send_app_chat_message(&AppChatSendRequest::new("proj001", message.clone()))
            .await
            .expect("sent");
        let body = posted(&sb, "appchat/send");
        assert_eq!(body["chatid"], "proj001");
        assert_eq!(body["msgtype"], message.msgtype());
    }
    let chat = sb.messages().app_chat("proj001").expect("chat");
    assert_eq!(chat.messages.len(), 3);
    assert_eq!(chat.messages[0].content, json!({"content": "大家好"}));
    assert_eq!(chat.messages[1].msgtype, "markdown");

    // A generated chatid; the first member owns it when no owner is given.
    let other = c
        .create_app_chat(&CreateAppChatRequest::new(["lisi", "zhangsan"]))
        .await
        .expect("created");
    assert!(
        other.chatid.chars().all(|ch| ch.is_ascii_alphanumeric()),
        "{}",
        other.chatid
    );
    assert_eq!(
        c.get_app_chat(&other.chatid).await.expect("got").chat_info.owner,
        "lisi"
    );
    assert_eq!(sb.messages().app_chats().len(), 2);
}

#[tokio::test]
async fn app_group_chat_errors() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let one = CreateAppChatRequest::new(["zhangsan"]);
    assert_eq!(errcode(c.create_app_chat(&one).await, "one member"), CHAT_SIZE);
    let ghost = CreateAppChatRequest::new(["zhangsan", "ghost"]);
    assert_eq!(
        errcode(c.create_app_chat(&ghost).await, "unknown member"),
        INVALID_CHAT_MEMBER
    );
    let owner = CreateAppChatRequest::new(["zhangsan", "zhangsan"]);
    assert_eq!(
        errcode(c.create_app_chat(&owner).await, "one member twice"),
        CHAT_SIZE
    );
    c.create_app_chat(&CreateAppChatRequest::new(["zhangsan", "lisi"]).with_chatid("dup"))
        .await
        .expect("created");
    assert_eq!(
        errcode(
            c.create_app_chat(&CreateAppChatRequest::new(["zhangsan", "lisi"]).with_chatid("dup"))
                .await,
            "same chatid"
        ),
        CHATID_EXISTS
    );
    assert_eq!(
        errcode(c.get_app_chat("nochat").await, "unknown chat"),
        CHAT_NOT_FOUND
    );
    assert_eq!(
        errcode(
            c.update_app_chat(&UpdateAppChatRequest::new("dup").add_users(["ghost"]))
                .await,
            "add ghost"
        ),
        INVALID_SESSION_MEMBER
    );
    assert_eq!(
        errcode(
            c.update_app_chat(&UpdateAppChatRequest::new("dup").remove_users(["lisi"]))
                .await,
            "one left"
        ),
        CHAT_SIZE
    );
    assert_eq!(
        errcode(
            c.update_app_chat(
                &UpdateAppChatRequest::new("dup")
                    .add_users(["lisi"])
                    .with_owner("ghost")
            )
            .await,
            "ghost owner"
        ),
        INVALID_OWNER
    );
    assert_eq!(
        errcode(
            c.send_app_chat_message(&AppChatSendRequest::new("nochat", Text::new("hi")))
                .await,
            "send to unknown chat"
        ),
        CHAT_NOT_FOUND
    );
    assert_eq!(
        errcode(
            c.create_app_chat(&CreateAppChatRequest::new(["zhangsan", "lisi"]).with_owner("ghost2"))
                .await,
            "ghost owner on create"
        ),
        INVALID_OWNER
    );
}

// ---------------------------------------------------------------------------
// linkedcorp/message/send
// ---------------------------------------------------------------------------

#[tokio::test]
async fn linked_corp_message_reaches_other_corps() {
    let sb = Sandbox::start().await;
    let c = client(&sb);
    let request = LinkedCorpSendRequest::new(AGENT, Text::new("互联企业通知"))
        .to_users(["zhangsan"])
        .to_user_of(creds::DOWNSTREAM_CORPID, "alice")
        .to_user_of("wwnocorp", "x")
        .to_party_of(creds::CUSTOMER_CORPID, 1)
        .to_tags([9]);
    let reply = c.send_linkedcorp_message(&request).await.expect("sent");
    let body = posted(&sb, "linkedcorp/message/send");
    assert_eq!(
        body["touser"],
        json!([
            "zhangsan",
            format!("{}/alice", creds::DOWNSTREAM_CORPID),
            "wwnocorp/x"
        ])
    );
    assert_eq!(body["toparty"], json!([format!("{}/1", creds::CUSTOMER_CORPID)]));
    assert_eq!(body["totag"], json!(["9"]));
    assert_eq!(body["msgtype"], "text");
    assert_eq!(reply.invaliduser, ["wwnocorp/x"]);
    assert_eq!(reply.invalidtag, ["9"]);
    assert!(reply.invalidparty.is_empty());
    let logged = sb.messages().last_sent().expect("logged");
    assert_eq!(logged.channel, Channel::LinkedCorp);
    assert!(
        logged
            .delivered_to
            .contains(&format!("{}/alice", creds::DOWNSTREAM_CORPID))
    );
    assert!(
        logged
            .delivered_to
            .contains(&format!("{}/wangwu", creds::CUSTOMER_CORPID))
    );
    assert!(logged.delivered_to.contains(&"zhangsan".to_owned()));

    let nobody = LinkedCorpSendRequest::new(AGENT, Text::new("x")).to_user_of("wwnocorp", "y");
    assert_eq!(
        errcode(c.send_linkedcorp_message(&nobody).await, "all invalid"),
        ALL_RECIPIENTS_INVALID
    );
    let all = LinkedCorpSendRequest::new(AGENT, Markdown::new("**all**")).to_all();
    c.send_linkedcorp_message(&all).await.expect("to all");
    assert_eq!(posted(&sb, "linkedcorp/message/send")["toall"], 1);
}

// ---------------------------------------------------------------------------
// webhook/*
// ---------------------------------------------------------------------------

#[tokio::test]
async fn group_robot_posts_with_its_key() {
    let sb = Sandbox::start().await;
    sb.messages().add_webhook(KEY);
    let c = client(&sb);
    let key = WebhookKey::new(KEY);

    c.send_webhook_message(
        &key,
        &WebhookMessage::Text(WebhookText::new("构建完成").mention(["zhangsan"]).mention_all()),
    )
    .await
    .expect("text");
    let req = sb.last_request("webhook/send");
    assert_eq!(req.method, "POST");
    assert_eq!(
        req.query,
        [("key".to_owned(), KEY.to_owned())],
        "the key and no token"
    );
    assert_eq!(
        req.json(),
        Some(
            json!({"msgtype": "text", "text": {"content": "构建完成", "mentioned_list": ["zhangsan", "@all"]}})
        )
    );

    let upload = c
        .upload_webhook_media(
            &key,
            WebhookMediaType::File,
            &Upload::new("report.pdf", b"%PDF-1.4 report".to_vec()),
        )
        .await
        .expect("uploaded");
    let req = sb.last_request("webhook/upload_media");
    assert!(req.query.contains(&("type".to_owned(), "file".to_owned())));
    assert!(req.query_param("access_token").is_none());
    assert!(
        req.header("content-type")
            .is_some_and(|ct| ct.starts_with("multipart/form-data"))
    );
    assert_eq!(upload.media_type, WebhookMediaType::File);
    assert_eq!(sb.messages().webhook_uploads(KEY)[0].filename, "report.pdf");
    let voice = c
        .upload_webhook_media(
            &key,
            WebhookMediaType::Voice,
            &Upload::new("a.amr", b"#!AMR\n....".to_vec()),
        )
        .await
        .expect("voice uploaded");

    let article = NewsArticle::link("中秋节礼品领取", "https://www.qq.com")
        .with_description("今年中秋节公司有豪礼相送");
    let card: TemplateCard = text_notice().into();
    for message in [
        WebhookMessage::Markdown(Markdown::new(
            "实时新增用户反馈<font color=\"warning\">132例</font>",
        )),
        WebhookMessage::Image(WebhookImage::new(IMAGE_BASE64, IMAGE_MD5)),
        WebhookMessage::Image(WebhookImage::from_bytes(b"\xff\xd8\xff\xe0 a jpeg")),
        WebhookMessage::News(News::new(vec![article])),
        WebhookMessage::File(WebhookFile {
            media_id: upload.media_id.clone(),
        }),
        WebhookMessage::Voice(WebhookVoice {
            media_id: voice.media_id.clone(),
        }),
        WebhookMessage::TemplateCard(card),
    ] {
        c.send_webhook_message(&key, &message)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", message.msgtype()));
    }
    // A client without any app credential posts too: the key is all it takes.
    let bare = sb.client_builder().build().expect("a credential-less client");
    bare.send_webhook_message(&key, &WebhookMessage::Markdown(Markdown::new("**部署完成**")))
        .await
        .expect("bare client");
    assert_eq!(sb.request_count("gettoken"), 0, "no token was ever fetched");
    let posted: Vec<String> = sb
        .messages()
        .webhook_messages(KEY)
        .into_iter()
        .map(|m| m.msgtype)
        .collect();
    assert_eq!(
        posted,
        [
            "text",
            "markdown",
            "image",
            "image",
            "news",
            "file",
            "voice",
            "template_card",
            "markdown"
        ]
    );
}

#[tokio::test]
async fn group_robot_refuses_bad_keys_and_bad_messages() {
    let sb = Sandbox::start().await;
    sb.messages().add_webhook(KEY);
    let c = client(&sb);
    let key = WebhookKey::new(KEY);
    let wrong = WebhookKey::new("not-a-robot-key-0001");
    let hello = WebhookMessage::Text(WebhookText::new("hello"));

    let err = c
        .send_webhook_message(&wrong, &hello)
        .await
        .expect_err("wrong key");
    assert_eq!(err.code(), Some(INVALID_WEBHOOK));
    assert_eq!(
        WebhookImage::from_bytes(IMAGE),
        WebhookImage::new(IMAGE_BASE64, IMAGE_MD5),
        "base64 and MD5 as computed by hand"
    );
    let shown = format!("{err} {err:?}");
    assert!(
        !shown.contains("not-a-robot-key"),
        "the key stays out of errors: {shown}"
    );
    assert!(!format!("{wrong:?}").contains("not-a-robot"));
    assert_eq!(
        errcode(
            c.upload_webhook_media(
                &wrong,
                WebhookMediaType::File,
                &Upload::new("a.txt", b"hello".to_vec())
            )
            .await,
            "upload with a wrong key"
        ),
        INVALID_WEBHOOK
    );

    let bad_md5 = WebhookMessage::Image(WebhookImage::new(
        IMAGE_BASE64,
        "00000000000000000000000000000000",
    ));
    assert_eq!(
        errcode(c.send_webhook_message(&key, &bad_md5).await, "md5"),
        INVALID_PARAMETER
    );
    let no_media = WebhookMessage::File(WebhookFile {
        media_id: "3whnope".into(),
    });
    assert_eq!(
        errcode(c.send_webhook_message(&key, &no_media).await, "file"),
        INVALID_MEDIA_ID
    );
    let interactive: TemplateCard = button_card("t").into();
    assert_eq!(
        errcode(
            c.send_webhook_message(&key, &WebhookMessage::TemplateCard(interactive))
                .await,
            "interactive card"
        ),
        INVALID_CARD_TYPE
    );
    assert_eq!(
        errcode(
            c.send_webhook_message(&key, &WebhookMessage::Text(WebhookText::new("x".repeat(2049))))
                .await,
            "long text"
        ),
        INVALID_PARAMETER,
        "a robot refuses what an app would cut"
    );
    assert_eq!(
        errcode(
            c.upload_webhook_media(
                &key,
                WebhookMediaType::Other("image".into()),
                &Upload::new("a.png", IMAGE.to_vec())
            )
            .await,
            "image upload"
        ),
        INVALID_TYPE
    );

    // 20 messages a minute.
    for n in 0..20 {
        c.send_webhook_message(&key, &WebhookMessage::Text(WebhookText::new(format!("#{n}"))))
            .await
            .expect("within the limit");
    }
    assert_eq!(
        errcode(c.send_webhook_message(&key, &hello).await, "21st"),
        RATE_LIMITED
    );
    sb.advance_clock(60);
    c.send_webhook_message(&key, &hello).await.expect("next minute");

    sb.messages().remove_webhook(KEY);
    assert_eq!(
        errcode(c.send_webhook_message(&key, &hello).await, "removed"),
        INVALID_WEBHOOK
    );
    assert_eq!(sb.messages().webhook_messages(KEY).len(), 21);
}

/// A downstream corp's token sends to that corp's members; a media id or a
/// chat of the upstream corp means nothing there.
#[tokio::test]
async fn a_downstream_corp_sends_to_its_own_members() {
    let sb = Sandbox::start().await;
    let brand = client(&sb);
    let dealer = brand.downstream(creds::DOWNSTREAM_CORPID, AGENT);
    let reply = dealer
        .send_message(&SendMessageRequest::new(
            AGENT,
            Recipients::users(["alice", "zhangsan"]),
            Text::new("经销商通知"),
        ))
        .await
        .expect("sent in the dealer's corp");
    assert_eq!(reply.invaliduser, ["zhangsan"], "zhangsan is the brand's member");
    let logged = sb.messages().message(&reply.msgid).expect("logged");
    assert_eq!(logged.corpid, creds::DOWNSTREAM_CORPID);
    assert_eq!(logged.delivered_to, ["alice"]);
    assert_eq!(
        errcode(brand.recall_message(&reply.msgid).await, "another corp's msgid"),
        MSGID_NOT_FOUND
    );
    dealer
        .recall_message(&reply.msgid)
        .await
        .expect("recalled by its sender");

    let image = sb.messages().add_media(creds::CORPID, "image", "a.png", IMAGE);
    assert_eq!(
        errcode(
            dealer
                .send_message(&SendMessageRequest::new(
                    AGENT,
                    Recipients::users(["alice"]),
                    Image::new(image)
                ))
                .await,
            "the brand's media"
        ),
        INVALID_MEDIA_ID
    );
    brand
        .create_app_chat(&CreateAppChatRequest::new(["zhangsan", "lisi"]).with_chatid("brandchat"))
        .await
        .expect("created");
    assert_eq!(
        errcode(dealer.get_app_chat("brandchat").await, "another corp's chat"),
        CHAT_NOT_FOUND
    );
}
