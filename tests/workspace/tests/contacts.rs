//! The Contacts (通讯录管理) family end to end: members, departments, tags,
//! the CSV batch jobs and the encrypted exports, through the generated
//! client against the sandbox's per-corp directory — for the self-built
//! corp, an authorized customer corp (`client.corp(..)`) and a downstream
//! corp (`client.downstream(..)`) — checking what was sent, what came back,
//! the errors WeCom answers, and the directory afterwards.

use futures_util::TryStreamExt;
use serde_json::json;
use wecom_apis::contacts::*;
use wecom_apis::service::AuthApi;
use wecom_apis::{Client, CorpClient, Secret};
use wecom_testkit::{Sandbox, creds, errcode};

// WeCom's codes (global error-code page, path 90313).
const INVALID_USERID: i64 = 40_003;
const INVALID_MEDIA_ID: i64 = 40_007;
const INVALID_USERID_LIST: i64 = 40_031;
const INVALID_TAGID: i64 = 40_068;
const TAG_ALL_INVALID: i64 = 40_070;
const TAG_NAME_EXISTS: i64 = 40_071;
const INVALID_TAG_NAME: i64 = 40_072;
const INVALID_OPENID: i64 = 40_073;
const JOB_NOT_FOUND: i64 = 40_088;
const RESULT_CLEARED: i64 = 40_089;
const INVALID_IMPORT_FILE: i64 = 40_092;
const INVALID_PARAMETER: i64 = 40_058;
const MISSING_USERID: i64 = 41_009;
const USER_NOT_EXIST: i64 = 46_004;
const INVALID_CURSOR: i64 = 50_100;
const DEPARTMENT_NAME_LEN: i64 = 60_001;
const DEPARTMENT_NOT_FOUND: i64 = 60_003;
const PARENT_NOT_FOUND: i64 = 60_004;
const DEPARTMENT_HAS_MEMBERS: i64 = 60_005;
const DEPARTMENT_HAS_CHILDREN: i64 = 60_006;
const ROOT_UNDELETABLE: i64 = 60_007;
const DEPARTMENT_EXISTS: i64 = 60_008;
const DEPARTMENT_CYCLE: i64 = 60_010;
const USERID_EXISTS: i64 = 60_102;
const INVALID_MOBILE: i64 = 60_103;
const MOBILE_EXISTS: i64 = 60_104;
const EMAIL_EXISTS: i64 = 60_106;
const USER_NOT_FOUND: i64 = 60_111;
const INVALID_PARTY: i64 = 60_123;
const NO_MOBILE_NOR_EMAIL: i64 = 60_129;
const TOO_DEEP: i64 = 81_002;
const INVITE_ALL_EMPTY: i64 = 82_001;

/// An EncodingAESKey for the exports (WeCom's sample).
const EXPORT_KEY: &str = "IJUiXNpvGbODwKEBSEsAeOAPAhkqHqNCF6g19t9wfg2";

fn corp(sb: &Sandbox) -> CorpClient {
    Client::builder()
        .corp(creds::CORPID, creds::CORP_SECRET)
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .build()
        .expect("client builds")
}

/// Today in the sandbox's clock, as `YYYY-MM-DD`.
fn sandbox_date(sb: &Sandbox, days_back: i64) -> String {
    let z = sb.now().div_euclid(86_400) - days_back + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

// ---------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------

/// create_user, get_user, update_user, simple_list_users, list_users,
/// delete_user, batch_delete_users — and the errors WeCom answers.
#[tokio::test]
async fn members_are_created_read_updated_and_deleted() {
    let sb = Sandbox::start().await;
    let c = corp(&sb);

    let mut new = NewUser::new("wangxiao", "王小", vec![1, 2])
        .with_mobile("+86 13912345678")
        .with_email("wangxiao@example.com")
        .with_gender(Gender::Female)
        .with_position("工程师")
        .with_to_invite(false);
    new.profile.order = Some(vec![10, 20]);
    new.profile.is_leader_in_dept = Some(vec![0, 1]);
    new.profile.direct_leader = Some(vec!["zhangsan".into()]);
    new.profile.main_department = Some(2);
    new.profile.extattr = Some(ExtAttr {
        attrs: vec![Attr::text("工号", "A001")],
    });
    c.create_user(&new).await.expect("create_user");
    sb.assert_posted(
        "user/create",
        json!({
            "userid": "wangxiao", "name": "王小", "department": [1, 2],
            "mobile": "+86 13912345678", "email": "wangxiao@example.com", "gender": "2",
            "position": "工程师", "order": [10, 20], "is_leader_in_dept": [0, 1],
            "direct_leader": ["zhangsan"], "main_department": 2,
            "extattr": {"attrs": [{"type": 0, "name": "工号", "text": {"value": "A001"}}]},
            "to_invite": false
        }),
    );

    let user = c.get_user("wangxiao").await.expect("get_user");
    sb.assert_got("user/get", &[("userid", "wangxiao")]);
    assert_eq!(user.name, "王小");
    assert_eq!(user.department, [1, 2]);
    assert_eq!(user.order, [10, 20]);
    assert_eq!(user.gender, Some(Gender::Female));
    assert_eq!(user.is_leader_in_dept, [0, 1]);
    assert_eq!(user.direct_leader, ["zhangsan"]);
    assert_eq!(user.main_department, 2);
    assert_eq!(
        user.status,
        UserStatus::Inactive,
        "new members have not joined yet"
    );
    assert_eq!(
        user.extattr.expect("extattr").attrs[0],
        Attr::text("工号", "A001")
    );

    c.update_user(
        &UserUpdate::new("wangxiao")
            .with_name("王晓")
            .with_department(vec![2])
            .with_position("架构师"),
    )
    .await
    .expect("update_user");
    sb.assert_posted(
        "user/update",
        json!({"userid": "wangxiao", "name": "王晓", "department": [2], "position": "架构师"}),
    );
    assert_eq!(
        sb.contacts().departments_of(creds::CORPID, "wangxiao"),
        Some(vec![2])
    );
    let user = c.get_user("wangxiao").await.expect("updated");
    assert_eq!((user.name.as_str(), user.position.as_str()), ("王晓", "架构师"));

    // Department 2 (研发中心) holds its two seeded members and the new one;
    // the root's sub-tree everyone.
    let direct = c.simple_list_users(2, None).await.expect("simple_list_users");
    sb.assert_got("user/simplelist", &[("department_id", "2")]);
    assert_eq!(
        direct
            .userlist
            .iter()
            .map(|u| u.userid.as_str())
            .collect::<Vec<_>>(),
        ["lisi", "wangxiao", "zhangsan"]
    );
    let root_only = c.simple_list_users(1, Some(0)).await.expect("root only");
    assert_eq!(
        root_only
            .userlist
            .iter()
            .map(|u| u.userid.as_str())
            .collect::<Vec<_>>(),
        ["lisi", "sunqi", "wangwu", "zhangsan", "zhaoliu"]
    );
    let all = c.list_users(1, Some(1)).await.expect("list_users");
    sb.assert_got("user/list", &[("department_id", "1"), ("fetch_child", "1")]);
    assert_eq!(all.userlist.len(), 6);
    assert!(
        all.userlist
            .iter()
            .any(|u| u.userid == "wangxiao" && u.position == "架构师")
    );

    // Errors, as WeCom answers them.
    let dup = NewUser::new("WANGXIAO", "重复", vec![1]).with_mobile("13900000001");
    assert_eq!(
        errcode(c.create_user(&dup).await, "userid taken (any case)"),
        USERID_EXISTS
    );
    let same_mobile = NewUser::new("other", "别人", vec![1]).with_mobile("13912345678");
    assert_eq!(
        errcode(c.create_user(&same_mobile).await, "mobile taken"),
        MOBILE_EXISTS
    );
    let same_email = NewUser::new("other", "别人", vec![1]).with_email("WangXiao@example.com");
    assert_eq!(
        errcode(c.create_user(&same_email).await, "email taken"),
        EMAIL_EXISTS
    );
    let nowhere = NewUser::new("other", "别人", vec![99]).with_mobile("13900000002");
    assert_eq!(
        errcode(c.create_user(&nowhere).await, "unknown department"),
        INVALID_PARTY
    );
    let unreachable = NewUser::new("other", "别人", vec![1]);
    assert_eq!(
        errcode(c.create_user(&unreachable).await, "no mobile, no email"),
        NO_MOBILE_NOR_EMAIL
    );
    let bad_id = NewUser::new("-bad id", "别人", vec![1]).with_mobile("13900000003");
    assert_eq!(
        errcode(c.create_user(&bad_id).await, "userid format"),
        INVALID_USERID
    );
    let bad_mobile = NewUser::new("other", "别人", vec![1]).with_mobile("call me");
    assert_eq!(
        errcode(c.create_user(&bad_mobile).await, "mobile format"),
        INVALID_MOBILE
    );
    let mut no_avatar = NewUser::new("other", "别人", vec![1]).with_mobile("13900000004");
    no_avatar.profile.avatar_mediaid = Some("3nosuchmedia".into());
    assert_eq!(
        errcode(c.create_user(&no_avatar).await, "unknown avatar media"),
        INVALID_MEDIA_ID
    );
    let avatar = sb
        .contacts()
        .upload_csv(creds::CORPID, "avatar.png", vec![0x89, b'P', b'N', b'G']);
    c.update_user(&UserUpdate {
        profile: UserProfile {
            avatar_mediaid: Some(avatar),
            ..UserProfile::default()
        },
        ..UserUpdate::new("wangxiao")
    })
    .await
    .expect("an uploaded avatar");
    assert_eq!(
        errcode(c.get_user("nobody").await, "unknown member"),
        USER_NOT_FOUND
    );
    assert_eq!(errcode(c.get_user("").await, "no userid"), MISSING_USERID);
    assert_eq!(
        errcode(
            c.update_user(&UserUpdate::new("nobody").with_name("x")).await,
            "update unknown"
        ),
        USER_NOT_FOUND
    );
    assert_eq!(
        errcode(c.simple_list_users(99, None).await, "list unknown department"),
        INVALID_PARTY
    );

    // batch delete is all or nothing.
    assert_eq!(
        errcode(c.batch_delete_users(&["wangxiao", "nobody"]).await, "one unknown"),
        USER_NOT_FOUND
    );
    assert!(
        sb.contacts()
            .userids(creds::CORPID)
            .contains(&"wangxiao".to_owned())
    );
    c.delete_user("wangxiao").await.expect("delete_user");
    sb.assert_got("user/delete", &[("userid", "wangxiao")]);
    assert_eq!(errcode(c.delete_user("wangxiao").await, "gone"), USER_NOT_FOUND);
    c.batch_delete_users(&["lisi"]).await.expect("batch_delete_users");
    sb.assert_posted("user/batchdelete", json!({"useridlist": ["lisi"]}));
    assert_eq!(
        sb.contacts().userids(creds::CORPID),
        ["sunqi", "wangwu", "zhangsan", "zhaoliu"]
    );
}

/// list_user_ids walks the (userid, department) pairs page by page: the
/// generated stream sends the cursor back until it comes back empty.
#[tokio::test]
async fn list_user_ids_streams_every_page() {
    let sb = Sandbox::start().await;
    let c = corp(&sb);
    for n in 0..5 {
        let user = NewUser::new(format!("staff{n}"), format!("员工{n}"), vec![1, 2])
            .with_mobile(format!("1370000000{n}"));
        c.create_user(&user).await.expect("create");
    }
    let first = c.list_user_ids(None, Some(3)).await.expect("first page");
    sb.assert_posted("user/list_id", json!({"limit": 3}));
    assert_eq!(first.dept_user.len(), 3);
    assert!(!first.next_cursor.is_empty());

    let pairs: Vec<DeptUser> = c
        .list_user_ids_stream(Some(3))
        .try_collect()
        .await
        .expect("stream");
    // 5 seeded members in the root and 2 or 3 + 5 members in 1 and 2.
    assert_eq!(pairs.len(), 20);
    assert_eq!(pairs.iter().filter(|p| p.userid == "staff3").count(), 2);
    let requests = sb.requests("user/list_id");
    assert_eq!(requests.len(), 1 + 7, "20 pairs at 3 a page");
    let cursors: Vec<Option<String>> = requests[1..]
        .iter()
        .map(|r| r.json().and_then(|b| b["cursor"].as_str().map(str::to_owned)))
        .collect();
    assert_eq!(cursors[0], None, "the first page has no cursor");
    assert!(cursors[1..].iter().all(Option::is_some));

    assert_eq!(
        errcode(
            c.list_user_ids(Some("forged"), Some(3)).await,
            "a cursor the sandbox never issued"
        ),
        INVALID_CURSOR
    );
    assert_eq!(
        errcode(c.list_user_ids(None, Some(0)).await, "limit 0"),
        INVALID_PARAMETER
    );
}

/// convert_userid_to_openid / convert_openid_to_userid, auth_succ, get_userid,
/// get_userid_by_email, get_active_stat, invite_users, get_join_qrcode.
#[tokio::test]
async fn member_lookups_and_invitations() {
    let sb = Sandbox::start().await;
    let c = corp(&sb);

    let openid = c
        .convert_userid_to_openid("zhangsan")
        .await
        .expect("convert_userid_to_openid");
    sb.assert_posted("user/convert_to_openid", json!({"userid": "zhangsan"}));
    assert_eq!(
        c.convert_userid_to_openid("zhangsan")
            .await
            .expect("again")
            .openid,
        openid.openid
    );
    let back = c
        .convert_openid_to_userid(&openid.openid)
        .await
        .expect("convert_openid_to_userid");
    sb.assert_posted("user/convert_to_userid", json!({"openid": openid.openid}));
    assert_eq!(back.userid, "zhangsan");
    assert_eq!(
        errcode(c.convert_openid_to_userid("oNOBODY").await, "unknown openid"),
        INVALID_OPENID
    );
    assert_eq!(
        errcode(c.convert_userid_to_openid("nobody").await, "unknown member"),
        USER_NOT_FOUND
    );

    // Seeded members: mobiles 13800000001.., emails <userid>@example.com.
    let by_mobile = c.get_userid("13800000002").await.expect("get_userid");
    sb.assert_posted("user/getuserid", json!({"mobile": "13800000002"}));
    assert_eq!(by_mobile.userid, "lisi");
    assert_eq!(
        errcode(c.get_userid("13999999999").await, "no such mobile"),
        USER_NOT_EXIST
    );
    let by_email = c
        .get_userid_by_email("lisi@example.com", Some(EmailType::Personal))
        .await
        .expect("personal email");
    sb.assert_posted(
        "user/get_userid_by_email",
        json!({"email": "lisi@example.com", "email_type": 2}),
    );
    assert_eq!(by_email.userid, "lisi");
    assert_eq!(
        errcode(
            c.get_userid_by_email("lisi@example.com", None).await,
            "not a corp mailbox"
        ),
        USER_NOT_EXIST
    );
    let mut mailbox = NewUser::new("mailer", "邮件", vec![1]).with_mobile("13600000000");
    mailbox.profile.biz_mail = Some("mailer@corp.example.com".into());
    c.create_user(&mailbox).await.expect("member with a corp mailbox");
    let by_mailbox = c
        .get_userid_by_email("mailer@corp.example.com", None)
        .await
        .expect("corp mailbox");
    sb.assert_posted(
        "user/get_userid_by_email",
        json!({"email": "mailer@corp.example.com"}),
    );
    assert_eq!(by_mailbox.userid, "mailer");

    // A new member is inactive until its second verification passes.
    let active = c
        .get_active_stat(&sandbox_date(&sb, 0))
        .await
        .expect("get_active_stat");
    sb.assert_posted("user/get_active_stat", json!({"date": sandbox_date(&sb, 0)}));
    assert_eq!(active.active_cnt, 5);
    c.auth_succ("mailer").await.expect("auth_succ");
    sb.assert_got("user/authsucc", &[("userid", "mailer")]);
    assert_eq!(
        c.get_user("mailer").await.expect("member").status,
        UserStatus::Active
    );
    let active = c.get_active_stat(&sandbox_date(&sb, 1)).await.expect("yesterday");
    assert_eq!(active.active_cnt, 6);
    assert_eq!(
        errcode(
            c.get_active_stat(&sandbox_date(&sb, 40)).await,
            "older than 30 days"
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(c.get_active_stat("27/03/2020").await, "not a date"),
        INVALID_PARAMETER
    );

    let invite = Invite {
        user: vec!["zhangsan".into(), "ghost".into()],
        party: vec![2, 77],
        tag: vec![1, 88],
    };
    let result = c.invite_users(&invite).await.expect("invite_users");
    sb.assert_posted(
        "batch/invite",
        json!({"user": ["zhangsan", "ghost"], "party": [2, 77], "tag": [1, 88]}),
    );
    assert_eq!(result.invaliduser, ["ghost"]);
    assert_eq!(result.invalidparty, [77]);
    assert_eq!(result.invalidtag, [88]);
    assert_eq!(
        errcode(c.invite_users(&Invite::default()).await, "nobody"),
        INVITE_ALL_EMPTY
    );

    let qr = c.get_join_qrcode(Some(3)).await.expect("get_join_qrcode");
    sb.assert_got("corp/get_join_qrcode", &[("size_type", "3")]);
    assert!(qr.join_qrcode.starts_with("https://") && qr.join_qrcode.ends_with("qr_size=3"));
    c.get_join_qrcode(None).await.expect("default size");
    sb.assert_got("corp/get_join_qrcode", &[]);
    assert_eq!(
        errcode(c.get_join_qrcode(Some(9)).await, "size 9"),
        INVALID_PARAMETER
    );
}

// ---------------------------------------------------------------------------
// Departments and tags
// ---------------------------------------------------------------------------

/// create, get, list, list_department_ids, update (move), delete — and the
/// tree's rules.
#[tokio::test]
async fn departments_form_a_tree() {
    let sb = Sandbox::start().await;
    let c = corp(&sb);

    let sales = c
        .create_department(
            &NewDepartment::new("市场部", 1)
                .with_name_en("Marketing")
                .with_order(5),
        )
        .await
        .expect("create_department");
    sb.assert_posted(
        "department/create",
        json!({"name": "市场部", "name_en": "Marketing", "parentid": 1, "order": 5}),
    );
    assert_eq!(sales.id, 4, "after the seeded 1, 2 and 3");
    let east = c
        .create_department(&NewDepartment::new("华东", sales.id).with_id(30))
        .await
        .expect("with an id");
    assert_eq!(east.id, 30);

    let got = c.get_department(sales.id).await.expect("get_department");
    sb.assert_got("department/get", &[("id", "4")]);
    assert_eq!(got.department.name_en, "Marketing");
    assert_eq!((got.department.parentid, got.department.order), (1, 5));

    let below = c
        .list_departments(Some(sales.id))
        .await
        .expect("list_departments");
    sb.assert_got("department/list", &[("id", "4")]);
    assert_eq!(below.department.iter().map(|d| d.id).collect::<Vec<_>>(), [4, 30]);
    let tree = c.list_department_ids(None).await.expect("list_department_ids");
    sb.assert_got("department/simplelist", &[]);
    assert_eq!(tree.department_id.len(), 5);
    assert!(tree.department_id.contains(&DepartmentId {
        id: 30,
        parentid: 4,
        order: 0
    }));

    // Move 华东 under 研发中心 (2), rename it.
    c.update_department(&DepartmentUpdate::new(30).with_parentid(2).with_name("华东研发"))
        .await
        .expect("update_department");
    sb.assert_posted(
        "department/update",
        json!({"id": 30, "name": "华东研发", "parentid": 2}),
    );
    assert!(
        sb.contacts()
            .departments(creds::CORPID)
            .contains(&(30, 2, "华东研发".to_owned()))
    );

    // The tree's rules.
    let twin = NewDepartment::new("市场部", 1);
    assert_eq!(
        errcode(c.create_department(&twin).await, "sibling name"),
        DEPARTMENT_EXISTS
    );
    assert_eq!(
        errcode(
            c.create_department(&NewDepartment::new("x", 1).with_id(30)).await,
            "id taken"
        ),
        DEPARTMENT_EXISTS
    );
    assert_eq!(
        errcode(
            c.create_department(&NewDepartment::new("孤儿", 404)).await,
            "no parent"
        ),
        PARENT_NOT_FOUND
    );
    assert_eq!(
        errcode(
            c.create_department(&NewDepartment::new("", 1)).await,
            "empty name"
        ),
        DEPARTMENT_NAME_LEN
    );
    // Fifteen levels at most: the root, 深层 and 13 more below it.
    let mut parent = c
        .create_department(&NewDepartment::new("深层", 1))
        .await
        .expect("level 2")
        .id;
    for level in 3..=15 {
        parent = c
            .create_department(&NewDepartment::new(format!("第{level}层"), parent))
            .await
            .unwrap_or_else(|e| panic!("level {level}: {e}"))
            .id;
    }
    assert_eq!(
        errcode(
            c.create_department(&NewDepartment::new("第16层", parent)).await,
            "a 16th level"
        ),
        TOO_DEEP
    );
    assert_eq!(
        errcode(
            c.update_department(&DepartmentUpdate::new(2).with_parentid(30))
                .await,
            "under its own child"
        ),
        DEPARTMENT_CYCLE
    );
    assert_eq!(
        errcode(c.get_department(404).await, "unknown"),
        DEPARTMENT_NOT_FOUND
    );
    assert_eq!(errcode(c.delete_department(1).await, "root"), ROOT_UNDELETABLE);
    assert_eq!(
        errcode(c.delete_department(2).await, "has a child"),
        DEPARTMENT_HAS_CHILDREN
    );
    c.create_user(&NewUser::new("seller", "销售", vec![sales.id]).with_mobile("13500000000"))
        .await
        .expect("member of 市场部");
    assert_eq!(
        errcode(c.delete_department(sales.id).await, "has a member"),
        DEPARTMENT_HAS_MEMBERS
    );

    c.delete_department(30).await.expect("delete_department");
    sb.assert_got("department/delete", &[("id", "30")]);
    assert_eq!(
        errcode(c.delete_department(30).await, "gone"),
        DEPARTMENT_NOT_FOUND
    );
}

/// create, update, get, add/del members, list, delete — with partial and
/// total failures.
#[tokio::test]
async fn tags_hold_members_and_departments() {
    let sb = Sandbox::start().await;
    let c = corp(&sb);

    let tag = c.create_tag("值班", Some(12)).await.expect("create_tag");
    sb.assert_posted("tag/create", json!({"tagname": "值班", "tagid": 12}));
    assert_eq!(tag.tagid, 12);
    let auto = c.create_tag("周末", None).await.expect("next id");
    sb.assert_posted("tag/create", json!({"tagname": "周末"}));
    assert_eq!(auto.tagid, 13);
    assert_eq!(
        errcode(c.create_tag("值班", None).await, "name taken"),
        TAG_NAME_EXISTS
    );

    let added = c
        .add_tag_users(&TagUsers::users(12, ["zhangsan", "ghost", "nobody"]).with_parties([2, 77]))
        .await
        .expect("add_tag_users");
    sb.assert_posted(
        "tag/addtagusers",
        json!({"tagid": 12, "userlist": ["zhangsan", "ghost", "nobody"], "partylist": [2, 77]}),
    );
    assert_eq!(added.invalid_users().collect::<Vec<_>>(), ["ghost", "nobody"]);
    assert_eq!(added.invalidparty, [77]);
    assert_eq!(
        errcode(
            c.add_tag_users(&TagUsers::users(12, ["ghost"])).await,
            "nobody valid"
        ),
        TAG_ALL_INVALID
    );
    assert_eq!(
        errcode(
            c.del_tag_users(&TagUsers::users(12, ["ghost"])).await,
            "nobody valid, removing (page 90215's own code)"
        ),
        INVALID_USERID_LIST
    );
    assert_eq!(
        errcode(c.create_tag("", None).await, "empty name"),
        INVALID_TAG_NAME
    );

    let members = c.get_tag(12).await.expect("get_tag");
    sb.assert_got("tag/get", &[("tagid", "12")]);
    assert_eq!(members.tagname, "值班");
    assert_eq!(
        members.userlist,
        [TagUser {
            userid: "zhangsan".into(),
            name: "张三".into()
        }]
    );
    assert_eq!(members.partylist, [2]);

    let removed = c
        .del_tag_users(&TagUsers::users(12, ["zhangsan"]))
        .await
        .expect("del_tag_users");
    sb.assert_posted("tag/deltagusers", json!({"tagid": 12, "userlist": ["zhangsan"]}));
    assert_eq!(removed.invalid_users().count(), 0);
    assert_eq!(sb.contacts().tag_users(creds::CORPID, 12), Some(vec![]));

    c.update_tag(12, "夜班").await.expect("update_tag");
    sb.assert_posted("tag/update", json!({"tagid": 12, "tagname": "夜班"}));
    assert_eq!(
        errcode(c.update_tag(13, "夜班").await, "name of another tag"),
        TAG_NAME_EXISTS
    );
    let list = c.list_tags().await.expect("list_tags");
    sb.assert_got("tag/list", &[]);
    let names: Vec<(u32, &str)> = list
        .taglist
        .iter()
        .map(|t| (t.tagid, t.tagname.as_str()))
        .collect();
    assert_eq!(names, [(1, "管理层"), (12, "夜班"), (13, "周末")]);

    c.delete_tag(12).await.expect("delete_tag");
    sb.assert_got("tag/delete", &[("tagid", "12")]);
    assert_eq!(errcode(c.get_tag(12).await, "gone"), INVALID_TAGID);
    assert_eq!(errcode(c.update_tag(99, "x").await, "unknown"), INVALID_TAGID);
}

// ---------------------------------------------------------------------------
// Batch jobs and exports
// ---------------------------------------------------------------------------

/// syncuser adds and updates from a CSV, row by row; replaceuser also
/// removes the members the file does not list; replaceparty rebuilds the
/// departments.
#[tokio::test]
async fn batch_jobs_apply_a_csv_to_the_directory() {
    let sb = Sandbox::start().await;
    let c = corp(&sb);

    let csv = "姓名,帐号,手机号,邮箱,所在部门,职务,性别\n\
               张三丰,zhangsan,,,1;2,掌门,男\n\
               新人,newbie,13700000009,,2,,女\n\
               冒名,fake,13800000002,,1,,\n\
               新部门,lost,13700000008,,404,,\n";
    let media_id = sb.contacts().upload_csv(creds::CORPID, "sync.csv", csv);
    let job = c
        .sync_users(
            &BatchJobRequest::new(&media_id)
                .with_to_invite(false)
                .with_callback("https://example.com/cb", "cbtoken", "cbkey"),
        )
        .await
        .expect("sync_users");
    let first_job = job.jobid.clone();
    sb.assert_posted(
        "batch/syncuser",
        json!({"media_id": media_id, "to_invite": false,
               "callback": {"url": "https://example.com/cb", "token": "cbtoken", "encodingaeskey": "cbkey"}}),
    );

    let running = c.get_batch_result(&job.jobid).await.expect("first poll");
    sb.assert_got("batch/getresult", &[("jobid", &job.jobid)]);
    assert_eq!(running.status, BatchStatus::Running);
    assert_eq!(running.job_type, BatchJobType::SyncUser);
    assert_eq!((running.total, running.percentage), (4, 50));
    assert!(running.result.is_empty());
    let done = c.get_batch_result(&job.jobid).await.expect("second poll");
    assert!(done.is_done());
    assert_eq!(done.percentage, 100);
    let rows: Vec<(Option<&str>, i64)> = done
        .result
        .iter()
        .map(|r| (r.userid.as_deref(), r.errcode))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("zhangsan"), 0),
            (Some("newbie"), 0),
            (Some("fake"), MOBILE_EXISTS),
            (Some("lost"), 0)
        ]
    );

    let zhangsan = c.get_user("zhangsan").await.expect("updated");
    assert_eq!(
        (zhangsan.name.as_str(), zhangsan.position.as_str()),
        ("张三丰", "掌门")
    );
    assert_eq!(zhangsan.department, [1, 2]);
    assert_eq!(
        c.get_user("newbie").await.expect("added").gender,
        Some(Gender::Female)
    );
    assert_eq!(
        sb.contacts().userids(creds::CORPID),
        ["lisi", "lost", "newbie", "sunqi", "wangwu", "zhangsan", "zhaoliu"],
        "sync keeps members the file does not list"
    );
    // An unknown department id becomes a department under 「待设置部门」.
    let departments = sb.contacts().departments(creds::CORPID);
    assert!(
        departments.contains(&(405, 1, "待设置部门".to_owned())),
        "{departments:?}"
    );
    assert!(
        departments.contains(&(404, 405, "部门404".to_owned())),
        "{departments:?}"
    );

    // replaceuser: lisi is not in the file and goes.
    let csv = "姓名,帐号,手机号,所在部门\n张三,zhangsan,,1\n新人,newbie,13700000009,2\n";
    let media_id = sb.contacts().upload_csv(creds::CORPID, "replace.csv", csv);
    let job = c
        .replace_users(&BatchJobRequest::new(&media_id))
        .await
        .expect("replace_users");
    sb.assert_posted("batch/replaceuser", json!({"media_id": media_id}));
    c.get_batch_result(&job.jobid).await.expect("running");
    let done = c.get_batch_result(&job.jobid).await.expect("done");
    assert_eq!(done.job_type, BatchJobType::ReplaceUser);
    assert!(done.result.iter().all(|r| r.errcode == 0));
    assert_eq!(sb.contacts().userids(creds::CORPID), ["newbie", "zhangsan"]);

    // replaceparty: 研发中心 (2) is renamed and gets a child; an empty
    // unlisted department goes, one with members stays.
    c.create_department(&NewDepartment::new("临时组", 1).with_id(50))
        .await
        .expect("empty department");
    let csv = "部门名称,部门ID,父部门ID,排序\n技术部,2,1,10\n前端组,21,2,\n";
    let media_id = sb.contacts().upload_csv(creds::CORPID, "party.csv", csv);
    let job = c
        .replace_departments(&BatchJobRequest::new(&media_id))
        .await
        .expect("replace_departments");
    sb.assert_posted("batch/replaceparty", json!({"media_id": media_id}));
    c.get_batch_result(&job.jobid).await.expect("running");
    let done = c.get_batch_result(&job.jobid).await.expect("done");
    assert_eq!(done.job_type, BatchJobType::ReplaceParty);
    let rows: Vec<(Option<u32>, Option<u32>, i64)> = done
        .result
        .iter()
        .map(|r| (r.partyid, r.action, r.errcode))
        .collect();
    assert_eq!(rows, [(Some(2), Some(2 | 8), 0), (Some(21), Some(1), 0)]);
    let departments = sb.contacts().departments(creds::CORPID);
    let ids: Vec<u32> = departments.iter().map(|d| d.0).collect();
    assert_eq!(ids, [1, 2, 21], "the empty 临时组 was removed");
    assert!(departments.contains(&(2, 1, "技术部".to_owned())));

    // Errors.
    assert_eq!(
        errcode(
            c.sync_users(&BatchJobRequest::new("3nosuchmedia")).await,
            "unknown media"
        ),
        INVALID_MEDIA_ID
    );
    let empty = sb.contacts().upload_csv(creds::CORPID, "empty.csv", "");
    assert_eq!(
        errcode(c.sync_users(&BatchJobRequest::new(&empty)).await, "empty file"),
        INVALID_IMPORT_FILE
    );
    let other_corp = sb
        .contacts()
        .upload_csv(creds::CUSTOMER_CORPID, "x.csv", "姓名,帐号,所在部门\n");
    assert_eq!(
        errcode(
            c.sync_users(&BatchJobRequest::new(&other_corp)).await,
            "another corp's media"
        ),
        INVALID_MEDIA_ID
    );
    assert_eq!(
        errcode(c.get_batch_result("jobid_nope").await, "unknown job"),
        JOB_NOT_FOUND
    );
    // Only the latest 5 jobs keep their result: the first sync is now the
    // sixth newest.
    let again = sb.contacts().upload_csv(
        creds::CORPID,
        "again.csv",
        "姓名,帐号,所在部门\n张三,zhangsan,1\n",
    );
    let mut jobs = Vec::new();
    for _ in 0..3 {
        jobs.push(
            c.sync_users(&BatchJobRequest::new(&again))
                .await
                .expect("another job")
                .jobid,
        );
    }
    assert_eq!(
        errcode(c.get_batch_result(&first_job).await, "result cleared"),
        RESULT_CLEARED
    );
    c.get_batch_result(&jobs[0]).await.expect("a recent job");
}

/// export_user → get_export_result → download → decrypt → parsed rows,
/// and the same for simple users, departments and a tag.
#[tokio::test]
async fn exports_are_encrypted_files_the_sdk_decrypts() {
    let sb = Sandbox::start().await;
    let c = corp(&sb);
    let key = Secret::new(EXPORT_KEY);
    let http = reqwest::Client::new();

    let job = c
        .export_user(&ExportRequest::new(EXPORT_KEY).with_block_size(10_000))
        .await
        .expect("export_user");
    sb.assert_posted(
        "export/user",
        json!({"encoding_aeskey": EXPORT_KEY, "block_size": 10_000}),
    );
    let result = c.get_export_result(&job.jobid).await.expect("get_export_result");
    sb.assert_got("export/get_result", &[("jobid", &job.jobid)]);
    assert_eq!(result.status, ExportStatus::Done);
    assert_eq!(result.data_list.len(), 1);
    let file = &result.data_list[0];
    assert!(
        file.url.starts_with(&format!("http://{}/", sb.addr())),
        "{}",
        file.url
    );
    let bytes = http
        .get(&file.url)
        .send()
        .await
        .expect("download")
        .bytes()
        .await
        .expect("body");
    assert_eq!(bytes.len() as u64, file.size);
    assert_eq!(file.md5.len(), 32);
    assert_ne!(&bytes[..1], b"{", "the file is encrypted");
    let users: ExportedUsers = parse_export(&key, &bytes).expect("decrypt and parse");
    let ids: Vec<&str> = users.userlist.iter().map(|u| u.userid.as_str()).collect();
    assert_eq!(ids, ["lisi", "sunqi", "wangwu", "zhangsan", "zhaoliu"]);
    assert_eq!(users.userlist[3].name, "张三");
    assert_eq!(users.userlist[3].mobile, "13800000001");

    let wrong = Secret::new("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");
    assert!(matches!(
        parse_export::<ExportedUsers>(&wrong, &bytes),
        Err(ExportFileError::Decrypt(_) | ExportFileError::Decode(_))
    ));

    async fn fetch(http: &reqwest::Client, result: &ExportResult) -> Vec<u8> {
        let url = &result.data_list[0].url;
        http.get(url)
            .send()
            .await
            .expect("download")
            .bytes()
            .await
            .expect("body")
            .to_vec()
    }

    let job = c
        .export_simple_user(&ExportRequest::new(EXPORT_KEY))
        .await
        .expect("export_simple_user");
    sb.assert_posted("export/simple_user", json!({"encoding_aeskey": EXPORT_KEY}));
    let result = c.get_export_result(&job.jobid).await.expect("result");
    let simple: ExportedSimpleUsers = parse_export(&key, &fetch(&http, &result).await).expect("simple users");
    assert_eq!(simple.userlist.len(), 5);
    assert_eq!(simple.userlist[0].department, [1, 2]);

    let job = c
        .export_department(&ExportRequest::new(EXPORT_KEY))
        .await
        .expect("export_department");
    sb.assert_posted("export/department", json!({"encoding_aeskey": EXPORT_KEY}));
    let result = c.get_export_result(&job.jobid).await.expect("result");
    let departments: ExportedDepartments =
        parse_export(&key, &fetch(&http, &result).await).expect("departments");
    assert_eq!(
        departments
            .department
            .iter()
            .map(|d| (d.id, d.parentid))
            .collect::<Vec<_>>(),
        [(1, 0), (2, 1), (3, 1)]
    );

    c.add_tag_users(&TagUsers::users(1, ["lisi"]).with_parties([2]))
        .await
        .expect("tag more");
    let job = c
        .export_tag_user(&ExportTagUserRequest::new(1, EXPORT_KEY))
        .await
        .expect("export_tag_user");
    sb.assert_posted(
        "export/taguser",
        json!({"tagid": 1, "encoding_aeskey": EXPORT_KEY}),
    );
    let result = c.get_export_result(&job.jobid).await.expect("result");
    let tag: ExportedTagUsers = parse_export(&key, &fetch(&http, &result).await).expect("tag users");
    // The shape of tag/get: name, members with their names, departments.
    assert_eq!(tag.tagname, "管理层");
    let members: Vec<(&str, &str)> = tag
        .userlist
        .iter()
        .map(|u| (u.userid.as_str(), u.name.as_str()))
        .collect();
    assert_eq!(members, [("zhangsan", "张三"), ("lisi", "李四")]);
    assert_eq!(tag.partylist, [2]);

    // Errors.
    assert_eq!(
        errcode(c.export_user(&ExportRequest::new("too-short")).await, "bad key"),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            c.export_user(&ExportRequest::new(EXPORT_KEY).with_block_size(10))
                .await,
            "block too small"
        ),
        INVALID_PARAMETER
    );
    assert_eq!(
        errcode(
            c.export_tag_user(&ExportTagUserRequest::new(404, EXPORT_KEY))
                .await,
            "unknown tag"
        ),
        INVALID_TAGID
    );
    assert_eq!(
        errcode(c.get_export_result("jobid_nope").await, "unknown job"),
        JOB_NOT_FOUND
    );
    // Links expire after two hours.
    sb.advance_clock(2 * 3600 + 1);
    let status = http.get(&file.url).send().await.expect("request").status();
    assert_eq!(status.as_u16(), 404);
}

// ---------------------------------------------------------------------------
// Other kinds of corp token
// ---------------------------------------------------------------------------

/// The same calls for a customer corp through a suite's `client.corp(..)`
/// and for a dealer through `client.downstream(..)`: each works on its own
/// corp's directory.
#[tokio::test]
async fn authorized_and_downstream_corps_have_their_own_directory() {
    let sb = Sandbox::start().await;
    let app = Client::builder()
        .suite(creds::SUITE_ID, creds::SUITE_SECRET)
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .build()
        .expect("client builds");
    let (ticket, pushed) = sb.service().suite_ticket();
    app.store_suite_ticket(&ticket, pushed).await.expect("ticket");
    let pre = app.get_pre_auth_code().await.expect("pre_auth_code");
    let auth_code = sb
        .service()
        .authorize(&pre.pre_auth_code, creds::CUSTOMER_CORPID)
        .expect("consent");
    let info = app.get_permanent_code(&auth_code).await.expect("permanent code");
    let customer = app.corp(creds::CUSTOMER_CORPID, info.permanent_code);

    let all = customer
        .simple_list_users(1, Some(1))
        .await
        .expect("customer members");
    assert_eq!(all.userlist.len(), 5);
    let dep = customer
        .create_department(&NewDepartment::new("客户部", 1))
        .await
        .expect("create");
    customer
        .create_user(&NewUser::new("kehu", "客户", vec![dep.id]).with_email("kehu@example.com"))
        .await
        .expect("create in the customer corp");
    assert!(
        sb.contacts()
            .userids(creds::CUSTOMER_CORPID)
            .contains(&"kehu".to_owned())
    );
    assert!(!sb.contacts().userids(creds::CORPID).contains(&"kehu".to_owned()));
    let c = corp(&sb);
    assert_eq!(
        errcode(c.get_user("kehu").await, "not a member of the self-built corp"),
        USER_NOT_FOUND
    );

    let brand = corp(&sb);
    let dealer = brand.downstream(creds::DOWNSTREAM_CORPID, 1_000_002);
    let pairs: Vec<DeptUser> = dealer
        .list_user_ids_stream(None)
        .try_collect()
        .await
        .expect("dealer ids");
    let ids: Vec<&str> = pairs.iter().map(|p| p.userid.as_str()).collect();
    assert_eq!(ids, ["alice", "bob"]);
    let tag = dealer.create_tag("经销商", None).await.expect("dealer tag");
    assert_eq!(tag.tagid, 2, "after the dealer's own seeded tag");
    assert_eq!(
        sb.contacts().tag_users(creds::DOWNSTREAM_CORPID, 1),
        Some(vec!["alice".to_owned()])
    );
    assert_eq!(sb.contacts().tag_users(creds::CORPID, 2), None);
}
