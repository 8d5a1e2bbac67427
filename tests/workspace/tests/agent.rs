//! The apps family (应用管理) end to end: an app's settings, its menu and
//! its workbench through the generated client against the sandbox's apps
//! (`creds::CORPID`'s token is app 1000002; app 1000005 exists but is not
//! the token's), checking method, path, token, body and decoding; WeCom's
//! checks of menus and workbench data; the IP ranges.

use serde_json::json;
use wecom_apis::agent::*;
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
        INVALID_PARAMETER
    );
    let bad = AgentSettings::new(AGENTID).with_home_url("ftp://x");
    assert_eq!(
        errcode(client.set_agent(&bad).await, "ftp home"),
        INVALID_PARAMETER
    );

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
    assert_eq!(template.content, WorkbenchContent::Normal);

    let keydata = |data: &str| WorkbenchContent::Keydata {
        keydata: KeyData {
            items: vec![KeyDataItem {
                key: "待审批".into(),
                data: data.into(),
                jump_url: Some("https://app.example.com/todo".into()),
                pagepath: None,
            }],
        },
    };
    let set = WorkbenchTemplate::new(AGENTID, keydata("0")).with_replace_user_data(true);
    client.set_workbench_template(&set).await.expect("set template");
    sb.assert_posted(
        "agent/set_workbench_template",
        json!({"agentid": AGENTID, "type": "keydata", "keydata": {"items": [
            {"key": "待审批", "data": "0", "jump_url": "https://app.example.com/todo"}]}, "replace_user_data": true}),
    );
    let got = client.get_workbench_template(AGENTID).await.expect("template");
    assert_eq!(got.content, keydata("0"));
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
        INVALID_PARAMETER
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
