//! The apps family (应用管理) end to end: an app's settings, its menu and
//! its workbench through the generated client against the sandbox's apps
//! (`creds::CORPID`'s token is app 1000002; app 1000005 exists but is not
//! the token's), checking method, path, token, body and decoding; WeCom's
//! checks (and codes) of settings, menus and workbench data; the IP ranges.

use serde_json::{Value, json};
use wecom_apis::agent::*;
use wecom_apis::{Result, api};
use wecom_testkit::{Sandbox, creds, errcode};

/// The token's app.
const AGENTID: i64 = 1_000_002;
/// Another app of the corp.
const OTHER_APP: i64 = 1_000_005;

/// 40056: invalid agentid.
const INVALID_AGENTID: i64 = 40_056;
/// 301002: no privilege for this app.
const NO_APP_PRIVILEGE: i64 = 301_002;
/// 40058: invalid parameter.
const INVALID_PARAMETER: i64 = 40_058;
/// 46003: no menu.
const MENU_NOT_FOUND: i64 = 46_003;
/// 60011: outside the visible range.
const NO_PRIVILEGE: i64 = 60_011;
/// 60111: userid not found.
const USER_NOT_FOUND: i64 = 60_111;
/// 45022: app name empty or over 32 characters.
const NAME_LENGTH: i64 = 45_022;
/// 45004: app description not 4–120 characters.
const DESCRIPTION_LENGTH: i64 = 45_004;
/// 40094: invalid URL (no http:// or https://).
const INVALID_URL: i64 = 40_094;
/// 40059: a report flag that is not 0 or 1.
const INVALID_REPORT_FLAG: i64 = 40_059;
/// 94000: custom workbench not enabled in the console.
const CUSTOM_MODE_OFF: i64 = 94_000;
/// 94001: invalid workbench type.
const INVALID_TYPE: i64 = 94_001;
/// 94002: keydata missing.
const MISSING_KEYDATA: i64 = 94_002;
/// 94003: too many keydata items.
const TOO_MANY_KEYDATA: i64 = 94_003;
/// 94005: list missing.
const MISSING_LIST: i64 = 94_005;
/// 94006: too many list items.
const TOO_MANY_LIST: i64 = 94_006;
/// 94007: webview missing.
const MISSING_WEBVIEW: i64 = 94_007;
/// 94008: no custom workbench template set.
const NO_TEMPLATE: i64 = 94_008;

/// Bodies the typed models cannot express (a flag of 2, data without its
/// object), sent the way an app declares an endpoint itself.
#[api]
pub trait RawAgentApi {
    /// 设置应用, any body.
    #[post("agent/set", token = corp)]
    async fn set_agent_json(&self, #[body] body: &Value) -> Result<()>;

    /// 设置应用在用户工作台展示的数据, any body.
    #[post("agent/set_workbench_data", token = corp)]
    async fn set_workbench_data_json(&self, #[body] body: &Value) -> Result<()>;

    /// 批量设置应用在用户工作台展示的数据, any body.
    #[post("agent/batch_set_workbench_data", token = corp)]
    async fn batch_set_workbench_data_json(&self, #[body] body: &Value) -> Result<()>;
}

/// `keydata` content of one figure.
fn keydata(data: &str) -> WorkbenchContent {
    WorkbenchContent::Keydata {
        keydata: KeyData {
            items: vec![KeyDataItem {
                key: "待审批".into(),
                data: data.into(),
                jump_url: Some("https://app.example.com/todo".into()),
                pagepath: None,
            }],
        },
    }
}

/// `list` content of `n` lines.
fn list(n: usize) -> WorkbenchContent {
    WorkbenchContent::List {
        list: WorkbenchList {
            items: (0..n)
                .map(|i| WorkbenchListItem {
                    title: format!("第{i}条"),
                    jump_url: None,
                    pagepath: None,
                })
                .collect(),
        },
    }
}

#[tokio::test]
async fn an_app_is_read_listed_and_changed() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();

    let app = client.get_agent(AGENTID).await.expect("agent/get");
    sb.assert_got("agent/get", &[("agentid", "1000002")]);
    assert_eq!(app.agentid, AGENTID);
    assert_eq!(app.name, "沙箱自建应用");
    assert!(app.allow_userinfos.user.is_empty());
    assert_eq!(app.allow_partys.partyid, [1], "the whole corp");
    assert!(!app.close);

    let list = client.list_agent().await.expect("agent/list");
    sb.assert_got("agent/list", &[]);
    assert_eq!(list.agentlist.len(), 1);
    assert_eq!(list.agentlist[0].agentid, AGENTID);

    let settings = AgentSettings::new(AGENTID)
        .with_name("审批助手")
        .with_description("沙箱里的审批应用")
        .with_home_url("https://app.example.com/home")
        .with_report_enter(true);
    client.set_agent(&settings).await.expect("agent/set");
    sb.assert_posted(
        "agent/set",
        json!({"agentid": AGENTID, "name": "审批助手", "description": "沙箱里的审批应用",
               "home_url": "https://app.example.com/home", "isreportenter": 1}),
    );
    let app = client.get_agent(AGENTID).await.expect("agent/get");
    assert_eq!(
        (app.name.as_str(), app.home_url.as_str(), app.isreportenter),
        ("审批助手", "https://app.example.com/home", true)
    );
    assert_eq!(app.redirect_domain, "app.example.com", "unchanged");
    assert_eq!(
        sb.agent().name(creds::CORPID, AGENTID).as_deref(),
        Some("审批助手")
    );

    let bad = AgentSettings::new(AGENTID).with_description("短");
    assert_eq!(
        errcode(client.set_agent(&bad).await, "short description"),
        DESCRIPTION_LENGTH
    );
    let bad = AgentSettings::new(AGENTID).with_home_url("ftp://x");
    assert_eq!(errcode(client.set_agent(&bad).await, "ftp home"), INVALID_URL);

    assert_eq!(
        errcode(client.get_agent(OTHER_APP).await, "another app"),
        NO_APP_PRIVILEGE
    );
    assert_eq!(
        errcode(client.get_agent(42).await, "no such app"),
        INVALID_AGENTID
    );
    assert_eq!(
        errcode(
            client
                .set_agent(&AgentSettings::new(OTHER_APP).with_name("x"))
                .await,
            "another app"
        ),
        NO_APP_PRIVILEGE
    );
}

#[tokio::test]
async fn a_menu_is_created_read_and_deleted() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    assert_eq!(
        errcode(client.get_menu(AGENTID).await, "no menu yet"),
        MENU_NOT_FOUND
    );

    let menu = Menu::new([
        MenuButton::click("今日歌曲", "V1001_TODAY_MUSIC"),
        MenuButton::parent(
            "菜单",
            [
                MenuButton::view("搜索", "http://www.soso.com/"),
                MenuButton::ScancodePush {
                    name: "扫码推事件".into(),
                    key: "rselfmenu_0_1".into(),
                },
                MenuButton::PicPhotoOrAlbum {
                    name: "拍照或者相册发图".into(),
                    key: "rselfmenu_1_1".into(),
                },
                MenuButton::LocationSelect {
                    name: "发送位置".into(),
                    key: "rselfmenu_2_0".into(),
                },
                MenuButton::miniprogram("小程序", "wx4389ji4kAAA", "pages/lunar/index"),
            ],
        ),
    ]);
    client.create_menu(AGENTID, &menu).await.expect("menu/create");
    let req = sb.assert_posted("menu/create", serde_json::to_value(&menu).expect("json"));
    assert_eq!(req.query_param("agentid"), Some("1000002"));
    assert_eq!(
        sb.agent().menu(creds::CORPID, AGENTID).expect("stored")[0],
        json!({"type": "click", "name": "今日歌曲", "key": "V1001_TODAY_MUSIC"})
    );
    assert_eq!(client.get_menu(AGENTID).await.expect("menu/get"), menu);
    sb.assert_got("menu/get", &[("agentid", "1000002")]);

    client.delete_menu(AGENTID).await.expect("menu/delete");
    sb.assert_got("menu/delete", &[("agentid", "1000002")]);
    assert_eq!(errcode(client.get_menu(AGENTID).await, "deleted"), MENU_NOT_FOUND);
    assert_eq!(
        errcode(client.delete_menu(OTHER_APP).await, "another app"),
        NO_APP_PRIVILEGE
    );
}

#[tokio::test]
async fn menus_are_checked_like_wecom() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let click = |name: &str| MenuButton::click(name, "k");
    let cases: Vec<(Menu, i64, &str)> = vec![
        (Menu::new([]), 40_016, "no button"),
        (
            Menu::new([click("a"), click("b"), click("c"), click("d")]),
            40_016,
            "four buttons",
        ),
        (Menu::new([click("一二三四五六")]), 40_018, "a name of 18 bytes"),
        (
            Menu::new([MenuButton::click("a", "k".repeat(129))]),
            40_019,
            "a long key",
        ),
        (
            Menu::new([MenuButton::view("a", format!("https://x/{}", "p".repeat(1020)))]),
            40_020,
            "a long url",
        ),
        (Menu::new([MenuButton::parent("p", [])]), 40_023, "no sub button"),
        (
            Menu::new([MenuButton::parent("p", (0..6).map(|i| click(&i.to_string())))]),
            40_023,
            "six sub buttons",
        ),
        (
            Menu::new([MenuButton::parent("p", [MenuButton::parent("q", [click("a")])])]),
            40_024,
            "a nested parent",
        ),
        (
            Menu::new([MenuButton::Other {
                kind: "media_id".into(),
                name: "图".into(),
                key: None,
                url: None,
                pagepath: None,
                appid: None,
            }]),
            40_017,
            "an unknown type",
        ),
    ];
    for (menu, code, what) in cases {
        assert_eq!(
            errcode(client.create_menu(AGENTID, &menu).await, what),
            code,
            "{what}"
        );
    }
    assert!(
        sb.agent().menu(creds::CORPID, AGENTID).is_none(),
        "nothing was stored"
    );
}

#[tokio::test]
async fn the_workbench_template_and_member_data() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let template = client.get_workbench_template(AGENTID).await.expect("default");
    sb.assert_posted("agent/get_workbench_template", json!({"agentid": AGENTID}));
    assert_eq!(
        template.content,
        WorkbenchTemplateContent::Content(WorkbenchContent::Normal)
    );

    let set = WorkbenchTemplate::new(AGENTID, keydata("0")).with_replace_user_data(true);
    client.set_workbench_template(&set).await.expect("set template");
    sb.assert_posted(
        "agent/set_workbench_template",
        json!({"agentid": AGENTID, "type": "keydata", "keydata": {"items": [
            {"key": "待审批", "data": "0", "jump_url": "https://app.example.com/todo"}]}, "replace_user_data": true}),
    );
    let got = client.get_workbench_template(AGENTID).await.expect("template");
    assert_eq!(got.content.default_data(), Some(&keydata("0")));
    assert!(got.replace_user_data);

    let data = WorkbenchData::new(AGENTID, "zhangsan", keydata("3"));
    client.set_workbench_data(&data).await.expect("member data");
    sb.assert_posted(
        "agent/set_workbench_data",
        json!({"agentid": AGENTID, "userid": "zhangsan", "type": "keydata", "keydata": {"items": [
            {"key": "待审批", "data": "3", "jump_url": "https://app.example.com/todo"}]}}),
    );
    assert_eq!(
        sb.agent()
            .workbench_data(creds::CORPID, AGENTID, "zhangsan")
            .expect("stored")["keydata"]["items"][0]["data"],
        "3"
    );

    let image = WorkbenchContent::Image {
        image: WorkbenchImage {
            url: "https://app.example.com/banner.png".into(),
            jump_url: None,
            pagepath: None,
        },
    };
    assert_eq!(
        errcode(
            client
                .set_workbench_data(&WorkbenchData::new(AGENTID, "zhangsan", image.clone()))
                .await,
            "type differs from the template"
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            client
                .set_workbench_data(&WorkbenchData::new(AGENTID, "nobody", keydata("1")))
                .await,
            "unknown member"
        ),
        USER_NOT_FOUND
    );
    assert!(
        sb.agent()
            .set_visible_users(creds::CORPID, AGENTID, &["zhangsan"])
    );
    assert_eq!(
        errcode(
            client
                .set_workbench_data(&WorkbenchData::new(AGENTID, "lisi", keydata("1")))
                .await,
            "outside the visible range"
        ),
        NO_PRIVILEGE
    );
    let five = WorkbenchContent::Keydata {
        keydata: KeyData {
            items: (0..5)
                .map(|i| KeyDataItem {
                    key: format!("k{i}"),
                    data: i.to_string(),
                    ..KeyDataItem::default()
                })
                .collect(),
        },
    };
    assert_eq!(
        errcode(
            client
                .set_workbench_template(&WorkbenchTemplate::new(AGENTID, five))
                .await,
            "five key figures"
        ),
        TOO_MANY_KEYDATA
    );

    // A new template type drops the members' data of the old one.
    client
        .set_workbench_template(&WorkbenchTemplate::new(AGENTID, image))
        .await
        .expect("image template");
    assert!(
        sb.agent()
            .workbench_data(creds::CORPID, AGENTID, "zhangsan")
            .is_none()
    );
    assert_eq!(
        errcode(
            client.get_workbench_template(OTHER_APP).await,
            "another app's template"
        ),
        NO_APP_PRIVILEGE
    );
}

#[tokio::test]
async fn agent_set_answers_wecoms_codes() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let cases: Vec<(AgentSettings, i64, &str)> = vec![
        (
            AgentSettings::new(AGENTID).with_name(""),
            NAME_LENGTH,
            "an empty name",
        ),
        (
            AgentSettings::new(AGENTID).with_name("名".repeat(33)),
            NAME_LENGTH,
            "a name of 33 characters",
        ),
        (
            AgentSettings::new(AGENTID).with_description("三个字"),
            DESCRIPTION_LENGTH,
            "a description of 3 characters",
        ),
        (
            AgentSettings::new(AGENTID).with_description("述".repeat(121)),
            DESCRIPTION_LENGTH,
            "a description of 121 characters",
        ),
        (
            AgentSettings::new(AGENTID).with_home_url("app.example.com/home"),
            INVALID_URL,
            "a home page without a protocol",
        ),
        (
            AgentSettings::new(AGENTID).with_home_url("https://"),
            INVALID_URL,
            "a home page without a host",
        ),
        (
            AgentSettings::new(AGENTID).with_home_url(""),
            INVALID_URL,
            "an empty home page",
        ),
    ];
    for (settings, code, what) in cases {
        assert_eq!(errcode(client.set_agent(&settings).await, what), code, "{what}");
    }
    for flag in ["report_location_flag", "isreportenter"] {
        let body = json!({"agentid": AGENTID, flag: 2});
        assert_eq!(
            errcode(client.set_agent_json(&body).await, flag),
            INVALID_REPORT_FLAG,
            "{flag}"
        );
        sb.assert_posted("agent/set", body);
    }
    assert_eq!(
        sb.agent().name(creds::CORPID, AGENTID).as_deref(),
        Some("沙箱自建应用"),
        "nothing changed"
    );

    // The limits themselves are accepted.
    let edge = AgentSettings::new(AGENTID)
        .with_name("名".repeat(32))
        .with_description("四个字符")
        .with_home_url("HTTPS://app.example.com")
        .with_report_location(true);
    client.set_agent(&edge).await.expect("at the limits");
    let app = client.get_agent(AGENTID).await.expect("agent/get");
    assert_eq!(app.name.chars().count(), 32);
    assert_eq!(app.description, "四个字符");
    assert!(app.report_location_flag);
}

#[tokio::test]
async fn workbench_codes_are_wecoms() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let data = |content: WorkbenchContent| WorkbenchData::new(AGENTID, "zhangsan", content);
    let template = |content: WorkbenchTemplateContent| WorkbenchTemplate::new(AGENTID, content);

    // Member data needs a custom template first.
    assert_eq!(
        errcode(
            client.set_workbench_data(&data(keydata("1"))).await,
            "no template"
        ),
        NO_TEMPLATE
    );
    client
        .set_workbench_template(&WorkbenchTemplate::new(AGENTID, WorkbenchContent::Normal))
        .await
        .expect("normal");
    assert_eq!(
        errcode(
            client.set_workbench_data(&data(keydata("1"))).await,
            "normal template"
        ),
        NO_TEMPLATE
    );

    // Unknown types; `normal` is no member data.
    let carousel = WorkbenchType::Other("carousel".into());
    assert_eq!(
        errcode(
            client.set_workbench_template(&template(carousel.into())).await,
            "unknown template type"
        ),
        INVALID_TYPE
    );
    assert_eq!(
        errcode(
            client
                .set_workbench_data_json(&json!({"agentid": AGENTID, "userid": "zhangsan"}))
                .await,
            "no type"
        ),
        INVALID_TYPE
    );

    // A template may come without default data (doc 92535); member data may not.
    let cases = [
        (WorkbenchType::Keydata, MISSING_KEYDATA),
        (WorkbenchType::List, MISSING_LIST),
        (WorkbenchType::Webview, MISSING_WEBVIEW),
        (WorkbenchType::Image, INVALID_PARAMETER),
    ];
    for (kind, code) in cases {
        client
            .set_workbench_template(&template(kind.clone().into()))
            .await
            .expect("a template without default data");
        sb.assert_posted(
            "agent/set_workbench_template",
            json!({"agentid": AGENTID, "type": kind.as_str()}),
        );
        let got = client.get_workbench_template(AGENTID).await.expect("template");
        assert_eq!(got.content, WorkbenchTemplateContent::TypeOnly(kind.clone()));
        assert_eq!(got.content.default_data(), None);
        let body = json!({"agentid": AGENTID, "userid": "zhangsan", "type": kind.as_str()});
        assert_eq!(
            errcode(client.set_workbench_data_json(&body).await, kind.as_str()),
            code,
            "{kind} without its object"
        );
    }
    assert_eq!(
        errcode(
            client.set_workbench_data(&data(WorkbenchContent::Normal)).await,
            "normal data"
        ),
        INVALID_TYPE
    );

    // Item limits: 4 figures, 3 lines.
    client
        .set_workbench_template(&template(list(3).into()))
        .await
        .expect("three lines");
    assert_eq!(
        errcode(client.set_workbench_data(&data(list(4))).await, "four lines"),
        TOO_MANY_LIST
    );
    assert_eq!(
        errcode(
            client.set_workbench_template(&template(list(4).into())).await,
            "a template of four lines"
        ),
        TOO_MANY_LIST
    );
    client
        .set_workbench_data(&data(list(3)))
        .await
        .expect("three lines");

    // Off in the console: nothing can be set.
    assert!(sb.agent().set_custom_workbench(creds::CORPID, AGENTID, false));
    assert_eq!(
        errcode(client.set_workbench_data(&data(list(1))).await, "custom mode off"),
        CUSTOM_MODE_OFF
    );
    assert_eq!(
        errcode(
            client
                .batch_set_workbench_data(&BatchWorkbenchData::new(AGENTID, ["zhangsan"], list(1)))
                .await,
            "custom mode off"
        ),
        CUSTOM_MODE_OFF
    );
    assert_eq!(
        errcode(
            client
                .set_workbench_template(&template(keydata("1").into()))
                .await,
            "custom mode off"
        ),
        CUSTOM_MODE_OFF
    );
    assert!(sb.agent().set_custom_workbench(creds::CORPID, AGENTID, true));
    client.set_workbench_data(&data(list(1))).await.expect("on again");
}

#[tokio::test]
async fn workbench_data_is_batch_set_and_read() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let batch = |users: &[&str], content: WorkbenchContent| {
        BatchWorkbenchData::new(AGENTID, users.iter().copied(), content)
    };
    assert_eq!(
        errcode(
            client
                .batch_set_workbench_data(&batch(&["zhangsan"], keydata("1")))
                .await,
            "no template yet"
        ),
        NO_TEMPLATE
    );

    // With a default, a member without data reads the default.
    client
        .set_workbench_template(&WorkbenchTemplate::new(AGENTID, keydata("0")))
        .await
        .expect("template");
    let got = client
        .get_workbench_data(AGENTID, "wangwu")
        .await
        .expect("get data");
    sb.assert_posted(
        "agent/get_workbench_data",
        json!({"agentid": AGENTID, "userid": "wangwu"}),
    );
    assert_eq!(got.data, Some(keydata("0")));

    client
        .batch_set_workbench_data(&batch(&["zhangsan", "lisi"], keydata("7")))
        .await
        .expect("batch");
    sb.assert_posted(
        "agent/batch_set_workbench_data",
        json!({"agentid": AGENTID, "userid_list": ["zhangsan", "lisi"], "data": {"type": "keydata",
            "keydata": {"items": [{"key": "待审批", "data": "7", "jump_url": "https://app.example.com/todo"}]}}}),
    );
    for userid in ["zhangsan", "lisi"] {
        let got = client
            .get_workbench_data(AGENTID, userid)
            .await
            .expect("get data");
        assert_eq!(got.data, Some(keydata("7")), "{userid}");
        assert_eq!(
            sb.agent()
                .workbench_data(creds::CORPID, AGENTID, userid)
                .expect("stored")["keydata"]["items"][0]["data"],
            "7"
        );
    }

    // All or nothing.
    assert_eq!(
        errcode(
            client
                .batch_set_workbench_data(&batch(&["zhangsan", "nobody"], keydata("9")))
                .await,
            "an unknown member"
        ),
        USER_NOT_FOUND
    );
    assert_eq!(
        client
            .get_workbench_data(AGENTID, "zhangsan")
            .await
            .expect("get")
            .data,
        Some(keydata("7")),
        "unchanged"
    );
    assert!(
        sb.agent()
            .set_visible_users(creds::CORPID, AGENTID, &["zhangsan"])
    );
    assert_eq!(
        errcode(
            client
                .batch_set_workbench_data(&batch(&["zhangsan", "lisi"], keydata("9")))
                .await,
            "lisi is outside the visible range"
        ),
        NO_PRIVILEGE
    );
    assert_eq!(
        errcode(
            client.get_workbench_data(AGENTID, "lisi").await,
            "outside the range"
        ),
        NO_PRIVILEGE
    );

    // The list: 1 to 1000 members; the data: the template's type, present.
    let many: Vec<String> = (0..1001).map(|i| format!("user{i}")).collect();
    let too_many = BatchWorkbenchData::new(AGENTID, many, keydata("1"));
    assert_eq!(
        errcode(client.batch_set_workbench_data(&too_many).await, "1001 members"),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            client.batch_set_workbench_data(&batch(&[], keydata("1"))).await,
            "no member"
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            client
                .batch_set_workbench_data(&batch(&["zhangsan"], list(1)))
                .await,
            "type differs from the template"
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            client
                .batch_set_workbench_data_json(&json!({"agentid": AGENTID, "userid_list": ["zhangsan"]}))
                .await,
            "no data"
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            client
                .batch_set_workbench_data_json(
                    &json!({"agentid": AGENTID, "userid_list": ["zhangsan"], "data": {"type": "keydata"}})
                )
                .await,
            "data without keydata"
        ),
        MISSING_KEYDATA
    );

    assert_eq!(
        errcode(
            client.get_workbench_data(AGENTID, "nobody").await,
            "unknown member"
        ),
        USER_NOT_FOUND
    );
    assert_eq!(
        errcode(
            client.get_workbench_data(OTHER_APP, "zhangsan").await,
            "another app"
        ),
        NO_APP_PRIVILEGE
    );

    // Back to the plain tile: no data left, no default.
    client
        .set_workbench_template(&WorkbenchTemplate::new(AGENTID, WorkbenchContent::Normal))
        .await
        .expect("normal");
    assert_eq!(
        client
            .get_workbench_data(AGENTID, "zhangsan")
            .await
            .expect("get")
            .data,
        None
    );
}

#[tokio::test]
async fn wecoms_ip_ranges() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let callback = client.get_callback_ip().await.expect("getcallbackip");
    sb.assert_got("getcallbackip", &[]);
    assert!(!callback.ip_list.is_empty());
    let api = client.get_api_domain_ip().await.expect("get_api_domain_ip");
    sb.assert_got("get_api_domain_ip", &[]);
    assert!(
        api.ip_list
            .iter()
            .all(|ip| ip.parse::<std::net::IpAddr>().is_ok())
    );
}
