//! The service-provider / third-party family (`service/*`, the token
//! endpoints, `agent/get_permissions`) end to end against the sandbox: every
//! endpoint through the generated client (method, path, token parameter,
//! exact body or query, decoded reply), the suite_ticket and suite-token
//! rules, the install flow from pre-auth code to a working corp token, and
//! downstream corp tokens.

use futures_util::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use wecom_apis::service::*;
use wecom_apis::{Client, HasToken, ProviderSuiteClient as AppClient, Result, Suite, SuiteClient, api};
use wecom_testkit::{RecordedRequest, Sandbox, creds, errcode};

// WeCom's documented codes (global error-code page, path 90313).
/// 40013: invalid corpid.
const INVALID_CORPID: i64 = 40013;
/// 40058: invalid parameter.
const INVALID_PARAMETER: i64 = 40_058;
/// 40077: invalid pre_auth_code.
const INVALID_PRE_AUTH_CODE: i64 = 40_077;
/// 40078: invalid auth_code (unknown, expired or already used).
const INVALID_AUTH_CODE: i64 = 40_078;
/// 40080: invalid suite_secret.
const INVALID_SUITE_SECRET: i64 = 40_080;
/// 40082: invalid suite_access_token.
const INVALID_SUITE_TOKEN: i64 = 40_082;
/// 40083: invalid suite_id.
const INVALID_SUITE_ID: i64 = 40_083;
/// 40084: invalid permanent_code.
const INVALID_PERMANENT_CODE: i64 = 40_084;
/// 40085: invalid suite_ticket.
const INVALID_SUITE_TICKET: i64 = 40_085;
/// 41022: suite_access_token missing.
const MISSING_SUITE_TOKEN: i64 = 41_022;
/// 40056: invalid agentid.
const INVALID_AGENTID: i64 = 40_056;
/// 42007: pre_auth_code expired.
const PRE_AUTH_CODE_EXPIRED: i64 = 42_007;
/// 42009: suite_access_token expired.
const SUITE_TOKEN_EXPIRED: i64 = 42_009;
/// 60111: userid not found.
const USER_NOT_FOUND: i64 = 60_111;

/// A client without credentials, for the `token = none` endpoints.
fn bare_client(sb: &Sandbox) -> Client {
    Client::builder()
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .build()
        .expect("client builds")
}

/// A suite client that has received the sandbox's current suite_ticket.
async fn suite_client(sb: &Sandbox) -> SuiteClient {
    let app = Client::builder()
        .suite(creds::SUITE_ID, creds::SUITE_SECRET)
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .build()
        .expect("client builds");
    let (ticket, pushed) = sb.service().suite_ticket();
    assert!(
        app.store_suite_ticket(&ticket, pushed)
            .await
            .expect("store the ticket")
    );
    app
}

/// A provider + suite client that has received the current suite_ticket.
async fn app_client(sb: &Sandbox) -> AppClient {
    let app = Client::builder()
        .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .suite(creds::SUITE_ID, creds::SUITE_SECRET)
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .build()
        .expect("client builds");
    let (ticket, pushed) = sb.service().suite_ticket();
    assert!(
        app.store_suite_ticket(&ticket, pushed)
            .await
            .expect("store the ticket")
    );
    app
}

/// Checks the method and that the token travelled as `token` only.
fn check(req: &RecordedRequest, method: &str, token: Option<&str>) {
    assert_eq!(req.method, method, "{}", req.path);
    for name in ["access_token", "provider_access_token", "suite_access_token"] {
        let present = req.query_param(name).is_some_and(|v| !v.is_empty());
        assert_eq!(
            present,
            token == Some(name),
            "{name} on {}: {:?}",
            req.path,
            req.query
        );
    }
}

/// The JSON body of the last request to `path`, after checking method and token.
fn body(sb: &Sandbox, path: &str, token: &str) -> Value {
    let req = sb.last_request(path);
    check(&req, "POST", Some(token));
    req.json()
        .unwrap_or_else(|| panic!("{path}: body is not JSON: {}", req.body))
}

/// A member, as `user/get` returns it.
#[derive(Debug, serde::Deserialize)]
pub struct User {
    /// The member's userid.
    pub userid: String,
}

/// `user/get`, to prove a corp token works for its corp.
#[api]
pub trait UserApi {
    /// 读取成员
    #[get("user/get", token = corp)]
    async fn get_user(&self, userid: &str) -> Result<User>;
}

/// A fresh pre_auth_code → consent by `corpid` → auth_code.
async fn consent<C: AuthApi + HasToken<Suite>>(app: &C, sb: &Sandbox, corpid: &str) -> String {
    let pre = app.get_pre_auth_code().await.expect("get_pre_auth_code");
    sb.service()
        .authorize(&pre.pre_auth_code, corpid)
        .expect("the admin consents")
}

// ---------------------------------------------------------------------------
// Tokens and suite tickets
// ---------------------------------------------------------------------------

/// gettoken, get_provider_token and get_suite_token as plain calls: bodies,
/// queries, decoded tokens; the suite-token error codes.
#[tokio::test]
async fn token_endpoints_send_their_credentials_and_decode_the_tokens() {
    let sb = Sandbox::start().await;
    let client = bare_client(&sb);

    let corp = client
        .gettoken(creds::CORPID, creds::CORP_SECRET)
        .await
        .expect("gettoken");
    assert!(!corp.access_token.is_empty());
    assert_eq!(corp.expires_in, 7200);
    let req = sb.last_request("gettoken");
    check(&req, "GET", None);
    assert_eq!(req.query_param("corpid"), Some(creds::CORPID));
    assert_eq!(req.query_param("corpsecret"), Some(creds::CORP_SECRET));
    assert!(
        !format!("{corp:?}").contains(&corp.access_token),
        "tokens never show in Debug"
    );

    let provider = client
        .get_provider_token(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .await
        .expect("get_provider_token");
    assert!(!provider.provider_access_token.is_empty());
    assert_eq!(provider.expires_in, 7200);
    let req = sb.last_request("service/get_provider_token");
    check(&req, "POST", None);
    assert_eq!(
        req.json(),
        Some(json!({"corpid": creds::PROVIDER_CORPID, "provider_secret": creds::PROVIDER_SECRET}))
    );

    let (ticket, pushed) = sb.service().suite_ticket();
    assert!(
        (sb.now() - pushed).abs() <= 5,
        "a fresh sandbox pushed its ticket at start"
    );
    let suite = client
        .get_suite_token(creds::SUITE_ID, creds::SUITE_SECRET, &ticket)
        .await
        .expect("get_suite_token");
    assert!(!suite.suite_access_token.is_empty());
    assert_eq!(suite.expires_in, 7200);
    let req = sb.last_request("service/get_suite_token");
    check(&req, "POST", None);
    assert_eq!(
        req.json(),
        Some(
            json!({"suite_id": creds::SUITE_ID, "suite_secret": creds::SUITE_SECRET, "suite_ticket": ticket})
        )
    );

    let wrong_ticket = client
        .get_suite_token(creds::SUITE_ID, creds::SUITE_SECRET, "stale")
        .await;
    assert_eq!(errcode(wrong_ticket, "unknown ticket"), INVALID_SUITE_TICKET);
    let wrong_secret = client.get_suite_token(creds::SUITE_ID, "nope", &ticket).await;
    assert_eq!(errcode(wrong_secret, "wrong secret"), INVALID_SUITE_SECRET);
    let wrong_suite = client
        .get_suite_token("wwnosuchsuite", creds::SUITE_SECRET, &ticket)
        .await;
    assert_eq!(errcode(wrong_suite, "unknown suite"), INVALID_SUITE_ID);
}

/// A rotated ticket: the previous one works for 30 more minutes, then 40085;
/// a client that only holds the lapsed ticket gets 40085 from its token fetch
/// until it stores the newest one.
#[tokio::test]
async fn superseded_suite_tickets_lapse_after_30_minutes() {
    let sb = Sandbox::start().await;
    let client = bare_client(&sb);
    let app = suite_client(&sb).await;
    let (old, _) = sb.service().suite_ticket();
    let (new, pushed) = sb.service().rotate_suite_ticket();
    assert_ne!(old, new);
    assert_eq!(sb.service().suite_ticket(), (new.clone(), pushed));

    sb.advance_clock(29 * 60);
    client
        .get_suite_token(creds::SUITE_ID, creds::SUITE_SECRET, &old)
        .await
        .expect("the previous ticket is still good within 30 minutes");
    sb.advance_clock(2 * 60);
    let lapsed = client
        .get_suite_token(creds::SUITE_ID, creds::SUITE_SECRET, &old)
        .await;
    assert_eq!(
        errcode(lapsed, "a ticket superseded 31 minutes ago"),
        INVALID_SUITE_TICKET
    );
    client
        .get_suite_token(creds::SUITE_ID, creds::SUITE_SECRET, &new)
        .await
        .expect("the newest ticket is good");

    // `app` stored only the old ticket: its first suite token fetch fails.
    let err = app
        .get_pre_auth_code()
        .await
        .expect_err("token fetch with a lapsed ticket");
    assert!(err.is_token_error(), "{err:?}");
    assert_eq!(err.code(), Some(INVALID_SUITE_TICKET));
    assert!(app.store_suite_ticket(&new, pushed).await.expect("store"));
    app.get_pre_auth_code()
        .await
        .expect("works with the newest ticket");
    assert_eq!(
        sb.last_request("service/get_suite_token").json().expect("json")["suite_ticket"],
        new
    );
}

/// Suite tokens expire (42009) and are revoked (40082) like the others: the
/// client refetches once and the call succeeds. Missing → 41022; a provider
/// token in its place → 40082.
#[tokio::test]
async fn suite_tokens_expire_and_are_revoked_like_other_tokens() {
    let sb = Sandbox::start().await;
    let app = suite_client(&sb).await;
    app.get_pre_auth_code().await.expect("first call");
    assert_eq!(sb.request_count("service/get_suite_token"), 1);
    app.get_pre_auth_code().await.expect("cached token");
    assert_eq!(sb.request_count("service/get_suite_token"), 1);

    sb.expire_tokens();
    app.get_pre_auth_code().await.expect("refetched after 42009");
    assert_eq!(sb.request_count("service/get_suite_token"), 2);
    sb.revoke_tokens();
    app.get_pre_auth_code().await.expect("refetched after 40082");
    assert_eq!(sb.request_count("service/get_suite_token"), 3);

    // What the runtime saw, sent by hand.
    let url = format!("{}service/get_pre_auth_code", sb.base_url());
    assert_eq!(raw_errcode(&url, None).await, MISSING_SUITE_TOKEN);
    let provider = bare_client(&sb)
        .get_provider_token(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .await
        .expect("provider token");
    assert_eq!(
        raw_errcode(&url, Some(&provider.provider_access_token)).await,
        INVALID_SUITE_TOKEN,
        "a provider token is no suite token"
    );
    let (ticket, _) = sb.service().suite_ticket();
    let suite = bare_client(&sb)
        .get_suite_token(creds::SUITE_ID, creds::SUITE_SECRET, &ticket)
        .await
        .expect("suite token");
    assert_eq!(raw_errcode(&url, Some(&suite.suite_access_token)).await, 0);
    sb.expire_tokens();
    assert_eq!(
        raw_errcode(&url, Some(&suite.suite_access_token)).await,
        SUITE_TOKEN_EXPIRED
    );
}

/// The errcode of a hand-made GET to `url` with `suite_access_token`.
async fn raw_errcode(url: &str, suite_token: Option<&str>) -> i64 {
    let url = match suite_token {
        Some(token) => format!("{url}?suite_access_token={token}"),
        None => url.to_owned(),
    };
    let text = reqwest::get(&url)
        .await
        .expect("send")
        .text()
        .await
        .expect("body");
    let reply: Value = serde_json::from_str(&text).expect("a JSON reply");
    reply["errcode"].as_i64().expect("errcode")
}

// ---------------------------------------------------------------------------
// The install flow
// ---------------------------------------------------------------------------

/// pre-auth code → session info → the admin's consent → permanent code (deep
/// reply) → corp token for that corp (user/get) → auth info → admin list.
#[tokio::test]
async fn a_customer_corp_installs_the_suite_and_its_corp_token_works() {
    let sb = Sandbox::start().await;
    let app = suite_client(&sb).await;

    let pre = app.get_pre_auth_code().await.expect("get_pre_auth_code");
    assert!(!pre.pre_auth_code.is_empty());
    assert_eq!(pre.expires_in, 1200);
    check(
        &sb.last_request("service/get_pre_auth_code"),
        "GET",
        Some("suite_access_token"),
    );

    app.set_session_info(&pre.pre_auth_code, &SessionInfo::test())
        .await
        .expect("set_session_info");
    assert_eq!(
        body(&sb, "service/set_session_info", "suite_access_token"),
        json!({"pre_auth_code": pre.pre_auth_code, "session_info": {"auth_type": 1}})
    );
    let bad = app.set_session_info("nope", &SessionInfo::new()).await;
    assert_eq!(errcode(bad, "unknown pre_auth_code"), INVALID_PRE_AUTH_CODE);

    let auth_code = sb
        .service()
        .authorize(&pre.pre_auth_code, creds::CUSTOMER_CORPID)
        .expect("consent");
    assert!(
        sb.service()
            .authorize(&pre.pre_auth_code, creds::CUSTOMER_CORPID)
            .is_err(),
        "pre_auth_code used up"
    );
    let info = app
        .get_permanent_code(&auth_code)
        .await
        .expect("get_permanent_code");
    assert_eq!(
        body(&sb, "service/get_permanent_code", "suite_access_token"),
        json!({"auth_code": auth_code})
    );
    assert!(!info.permanent_code.is_empty());
    assert!(!info.access_token.is_empty());
    assert_eq!(info.expires_in, 7200);
    assert_eq!(
        sb.service().permanent_code(creds::CUSTOMER_CORPID).as_deref(),
        Some(info.permanent_code.as_str())
    );
    let corp = &info.auth_corp_info;
    assert_eq!(corp.corpid, creds::CUSTOMER_CORPID);
    assert_eq!(corp.corp_type, CorpType::Verified);
    assert_eq!(corp.subject_type, SubjectType::Enterprise);
    assert_eq!(corp.corp_scale, "1-50人");
    assert_eq!(info.auth_info.agent.len(), 1);
    let agent = &info.auth_info.agent[0];
    assert!(agent.agentid > 0);
    assert_eq!(agent.auth_mode, AuthMode::Admin);
    let privilege = agent
        .privilege
        .as_ref()
        .expect("admin authorization has privileges");
    assert_eq!(privilege.level, PrivilegeLevel::BasicReadOnly);
    assert!(privilege.allow_user.iter().any(|u| u == "wangwu"));
    let admin = info.auth_user_info.as_ref().expect("auth_user_info");
    assert_eq!(admin.userid, "zhangsan");
    let edition = &info.edition_info.as_ref().expect("edition_info").agent[0];
    assert_eq!(edition.app_status, AppStatus::Trial);
    assert_eq!(edition.agentid, agent.agentid);

    let reused = app.get_permanent_code(&auth_code).await;
    assert_eq!(errcode(reused, "an auth_code works once"), INVALID_AUTH_CODE);

    // The first access_token and the SDK's corp client both work for the corp.
    let corp_client = app.corp(creds::CUSTOMER_CORPID, info.permanent_code.clone());
    let user = corp_client
        .get_user("wangwu")
        .await
        .expect("a member of the customer corp");
    assert_eq!(user.userid, "wangwu");
    let token_body = body(&sb, "service/get_corp_token", "suite_access_token");
    assert_eq!(
        token_body,
        json!({"auth_corpid": creds::CUSTOMER_CORPID, "permanent_code": info.permanent_code})
    );
    check(&sb.last_request("user/get"), "GET", Some("access_token"));
    let other = corp_client.get_user("alice").await;
    assert_eq!(errcode(other, "a member of another corp"), USER_NOT_FOUND);

    let token = app
        .get_corp_token(creds::CUSTOMER_CORPID, &info.permanent_code)
        .await
        .expect("get_corp_token");
    assert!(!token.access_token.is_empty());
    assert_eq!(token.expires_in, 7200);
    let wrong = app.get_corp_token(creds::CUSTOMER_CORPID, "wrong-code").await;
    assert_eq!(errcode(wrong, "wrong permanent_code"), INVALID_PERMANENT_CODE);
    let other_corp = app
        .get_corp_token(creds::DOWNSTREAM_CORPID, &info.permanent_code)
        .await;
    assert_eq!(errcode(other_corp, "another corp's code"), INVALID_PERMANENT_CODE);

    let auth = app
        .get_auth_info(creds::CUSTOMER_CORPID, &info.permanent_code)
        .await
        .expect("get_auth_info");
    assert_eq!(
        body(&sb, "service/get_auth_info", "suite_access_token"),
        json!({"auth_corpid": creds::CUSTOMER_CORPID, "permanent_code": info.permanent_code})
    );
    assert_eq!(auth.auth_corp_info, info.auth_corp_info);
    assert_eq!(auth.auth_info, info.auth_info);
    assert_eq!(auth.edition_info, info.edition_info);

    let admins = app
        .get_admin_list(creds::CUSTOMER_CORPID, agent.agentid)
        .await
        .expect("get_admin_list");
    assert_eq!(
        body(&sb, "service/get_admin_list", "suite_access_token"),
        json!({"auth_corpid": creds::CUSTOMER_CORPID, "agentid": agent.agentid})
    );
    assert_eq!(admins.admin.len(), 1);
    assert_eq!(admins.admin[0].userid, "zhangsan");
    assert_eq!(admins.admin[0].auth_type, AdminAuthType::Manage);
    let wrong_agent = app
        .get_admin_list(creds::CUSTOMER_CORPID, agent.agentid + 1)
        .await;
    assert_eq!(errcode(wrong_agent, "another agentid"), INVALID_AGENTID);

    // Cancelling the authorization kills the permanent code.
    assert!(sb.service().cancel_authorization(creds::CUSTOMER_CORPID));
    let cancelled = app
        .get_auth_info(creds::CUSTOMER_CORPID, &info.permanent_code)
        .await;
    assert_eq!(
        errcode(cancelled, "cancelled authorization"),
        INVALID_PERMANENT_CODE
    );
}

/// The v2 exchange returns the short reply; consent codes expire; unknown
/// corps cannot consent.
#[tokio::test]
async fn permanent_code_v2_and_expired_codes() {
    let sb = Sandbox::start().await;
    let app = app_client(&sb).await;
    let code = consent(&app, &sb, creds::DOWNSTREAM_CORPID).await;
    let info = app.get_permanent_code_v2(&code).await.expect("v2");
    assert_eq!(
        body(&sb, "service/v2/get_permanent_code", "suite_access_token"),
        json!({"auth_code": code})
    );
    assert!(!info.permanent_code.is_empty());
    assert!(info.access_token.is_empty(), "v2 returns no access_token");
    assert_eq!(info.auth_corp_info.corpid, creds::DOWNSTREAM_CORPID);
    assert!(!info.auth_corp_info.corp_name.is_empty());
    assert!(info.auth_info.agent.is_empty());
    assert_eq!(info.auth_user_info.expect("admin").userid, "alice");
    let corp = app.corp(creds::DOWNSTREAM_CORPID, info.permanent_code);
    corp.get_user("bob").await.expect("downstream corp member");

    let pre = app.get_pre_auth_code().await.expect("pre").pre_auth_code;
    assert!(
        sb.service()
            .authorize(&pre, "wwunknowncorp")
            .unwrap_err()
            .starts_with("40013")
    );
    sb.advance_clock(1200);
    assert!(
        sb.service()
            .authorize(&pre, creds::CUSTOMER_CORPID)
            .unwrap_err()
            .starts_with("42007")
    );
    let expired = app.set_session_info(&pre, &SessionInfo::new()).await;
    assert_eq!(errcode(expired, "expired pre_auth_code"), PRE_AUTH_CODE_EXPIRED);

    let code = consent(&app, &sb, creds::CUSTOMER_CORPID).await;
    sb.advance_clock(601);
    let late = app.get_permanent_code(&code).await;
    assert_eq!(
        errcode(late, "auth_code older than 10 minutes"),
        INVALID_AUTH_CODE
    );
}

/// `corpgroup/corp/gettoken`: an upstream corp client's `downstream(..)` gets
/// the downstream corp's token, valid for its members only.
#[tokio::test]
async fn a_downstream_corp_token_comes_from_the_upstream_token() {
    let sb = Sandbox::start().await;
    let upstream = sb.corp_client();
    let downstream = upstream.downstream(creds::DOWNSTREAM_CORPID, 1_000_002);
    let user = downstream.get_user("alice").await.expect("downstream member");
    assert_eq!(user.userid, "alice");
    let req = sb.last_request("corpgroup/corp/gettoken");
    check(&req, "POST", Some("access_token"));
    assert_eq!(
        req.json(),
        Some(json!({"corpid": creds::DOWNSTREAM_CORPID, "agentid": 1_000_002, "business_type": 1}))
    );
    let upstream_member = downstream.get_user("zhangsan").await;
    assert_eq!(errcode(upstream_member, "an upstream member"), USER_NOT_FOUND);
    upstream
        .get_user("zhangsan")
        .await
        .expect("the upstream token still works upstream");

    let stranger = upstream.downstream("wwnotinchain0001", 1_000_002);
    let err = stranger.get_user("alice").await.expect_err("not in the chain");
    assert!(err.is_token_error(), "{err:?}");
    assert_eq!(err.code(), Some(INVALID_CORPID));
}

// ---------------------------------------------------------------------------
// Per-endpoint: the remaining paths
// ---------------------------------------------------------------------------

/// get_app_qrcode (image) and get_app_qrcode_url (JSON, result_type 2).
#[tokio::test]
async fn app_qrcode_as_image_and_as_url() {
    let sb = Sandbox::start().await;
    let app = suite_client(&sb).await;
    let request = AppQrcodeRequest::new(creds::SUITE_ID)
        .with_state("channel7")
        .with_style(QrcodeStyle::Large);
    let image = app.get_app_qrcode(&request).await.expect("image");
    assert_eq!(image.content_type.as_deref(), Some("image/png"));
    assert!(String::from_utf8_lossy(&image.bytes).contains("state=channel7"));
    assert_eq!(
        body(&sb, "service/get_app_qrcode", "suite_access_token"),
        json!({"suite_id": creds::SUITE_ID, "state": "channel7", "style": 4})
    );

    let url = app.get_app_qrcode_url(&request.clone().url()).await.expect("url");
    assert!(url.qrcode.starts_with("https://"), "{url:?}");
    assert!(url.qrcode.contains("state=channel7"));
    assert_eq!(
        body(&sb, "service/get_app_qrcode", "suite_access_token"),
        json!({"suite_id": creds::SUITE_ID, "state": "channel7", "style": 4, "result_type": 2})
    );
    app.get_app_qrcode_url(&AppQrcodeUrlRequest::new(creds::SUITE_ID))
        .await
        .expect("defaults");
    assert_eq!(
        body(&sb, "service/get_app_qrcode", "suite_access_token"),
        json!({"suite_id": creds::SUITE_ID, "result_type": 2})
    );

    // JSON errors still come through the binary method.
    let bad = app
        .get_app_qrcode(&AppQrcodeRequest::new(creds::SUITE_ID).with_style(QrcodeStyle::Other(9)))
        .await;
    assert_eq!(errcode(bad, "style 9"), INVALID_PARAMETER);
    let other_suite = app.get_app_qrcode(&AppQrcodeRequest::new("wwothersuite")).await;
    assert_eq!(errcode(other_suite, "another suite"), INVALID_SUITE_ID);
}

/// Provider-token endpoints: get_customized_auth_url, get_login_info (token
/// as `access_token`), corpid_to_opencorpid, contact/search and its stream.
#[tokio::test]
async fn provider_endpoints_send_the_provider_token() {
    let sb = Sandbox::start().await;
    let app = app_client(&sb).await;

    sb.stub(
        "service/get_customized_auth_url",
        json!({"qrcode_url": "https://open.work.weixin.qq.com/3rdservice/wework/tpl?x=1", "expires_in": 600}),
    );
    let url = app
        .get_customized_auth_url("state01", &["tpl001", "tpl002"])
        .await
        .expect("get_customized_auth_url");
    assert_eq!(url.expires_in, 600);
    assert!(url.qrcode_url.contains("tpl"));
    assert_eq!(
        body(&sb, "service/get_customized_auth_url", "provider_access_token"),
        json!({"state": "state01", "templateid_list": ["tpl001", "tpl002"]})
    );

    sb.stub(
        "service/get_login_info",
        json!({
            "usertype": 4,
            "user_info": {"userid": "lisi", "open_userid": "woLISI", "name": "李四", "avatar": "https://a/x"},
            "corp_info": {"corpid": creds::CUSTOMER_CORPID},
            "agent": [{"agentid": 1000046, "auth_type": 1}, {"agentid": 1000047, "auth_type": 0}],
            "auth_info": {"department": [{"id": 2, "writable": true}, {"id": 3, "writable": false}]}
        }),
    );
    let login = app.get_login_info("login-code").await.expect("get_login_info");
    assert_eq!(
        body(&sb, "service/get_login_info", "access_token"),
        json!({"auth_code": "login-code"})
    );
    assert_eq!(login.usertype, LoginUserType::ScopedAdmin);
    assert_eq!(login.user_info.open_userid, "woLISI");
    assert_eq!(login.corp_info.corpid, creds::CUSTOMER_CORPID);
    assert_eq!(login.agent[0].auth_type, LoginAgentAuthType::Manage);
    assert_eq!(login.agent[1].auth_type, LoginAgentAuthType::Use);
    assert!(login.auth_info.department[0].writable);
    assert!(!login.auth_info.department[1].writable);

    sb.stub(
        "service/corpid_to_opencorpid",
        json!({"open_corpid": "wpOPENCORP"}),
    );
    let open = app
        .corpid_to_opencorpid("wwplaincorp")
        .await
        .expect("corpid_to_opencorpid");
    assert_eq!(open.open_corpid, "wpOPENCORP");
    assert_eq!(
        body(&sb, "service/corpid_to_opencorpid", "provider_access_token"),
        json!({"corpid": "wwplaincorp"})
    );

    sb.stub(
        "service/contact/search",
        json!({
            "query_result": {
                "user": {"userid": ["zhangsan", "lisi"], "open_userid": ["wo1", "wo2"]},
                "party": {"department_id": [1, 2]},
                "dismiss_user": {"userid": ["wangwu"], "open_userid": ["wo3"]}
            },
            "is_last": false,
            "next_cursor": "CURSOR2"
        }),
    );
    let request = ContactSearchRequest::new(creds::CUSTOMER_CORPID, "zhang")
        .with_query_type(ContactQueryType::User)
        .with_query_range(ContactQueryRange::ActiveAndDismissed)
        .with_agentid(1_000_046)
        .with_limit(50)
        .with_full_match_field(FullMatchField::Name);
    let page = app.search_contact(&request).await.expect("search_contact");
    assert_eq!(
        body(&sb, "service/contact/search", "provider_access_token"),
        json!({
            "auth_corpid": creds::CUSTOMER_CORPID, "query_word": "zhang", "query_type": 1,
            "query_range": 1, "agentid": 1_000_046, "limit": 50, "full_match_field": 1
        })
    );
    assert!(!page.is_last);
    assert_eq!(page.next_cursor, "CURSOR2");
    assert_eq!(page.query_result.user.userid, ["zhangsan", "lisi"]);
    assert_eq!(page.query_result.party.department_id, [1, 2]);
    assert_eq!(page.query_result.dismiss_user.open_userid, ["wo3"]);

    // The stream: page one (5 hits), then a last page.
    let stream = app.search_contact_stream(request);
    futures_util::pin_mut!(stream);
    let mut hits = Vec::new();
    for _ in 0..5 {
        hits.push(stream.next().await.expect("a hit").expect("ok"));
    }
    sb.stub(
        "service/contact/search",
        json!({"query_result": {"party": {"department_id": [9]}}, "is_last": true, "next_cursor": ""}),
    );
    let rest: Vec<ContactSearchHit> = stream.try_collect().await.expect("rest");
    hits.extend(rest);
    assert_eq!(hits.len(), 6);
    assert_eq!(
        hits[0],
        ContactSearchHit::User {
            userid: "zhangsan".into(),
            open_userid: "wo1".into()
        }
    );
    assert_eq!(
        hits[2],
        ContactSearchHit::DismissedUser {
            userid: "wangwu".into(),
            open_userid: "wo3".into()
        }
    );
    assert_eq!(hits[5], ContactSearchHit::Department(9));
    let pages = sb.requests("service/contact/search");
    let second = pages.last().expect("second page").json().expect("json");
    assert_eq!(second["cursor"], "CURSOR2");
    assert_eq!(pages.len(), 3, "one call, then two stream pages");
}

/// Suite-token endpoints answered by stubs: user identity, mini-program
/// session, unionid conversion, app-store orders, trial extension.
#[tokio::test]
async fn suite_endpoints_send_the_suite_token() {
    let sb = Sandbox::start().await;
    let app = app_client(&sb).await;

    sb.stub(
        "service/auth/getuserinfo3rd",
        json!({"corpid": creds::CUSTOMER_CORPID, "userid": "lisi", "user_ticket": "UT", "expires_in": 7200,
               "open_userid": "woLISI"}),
    );
    let who = app.get_user_info_3rd("oauth-code").await.expect("getuserinfo3rd");
    let req = sb.last_request("service/auth/getuserinfo3rd");
    check(&req, "GET", Some("suite_access_token"));
    assert_eq!(req.query_param("code"), Some("oauth-code"));
    assert_eq!(who.userid.as_deref(), Some("lisi"));
    assert_eq!(who.user_ticket.as_deref(), Some("UT"));
    assert_eq!(who.expires_in, Some(7200));
    assert_eq!(who.openid, None);
    sb.stub("service/auth/getuserinfo3rd", json!({"openid": "OPENID"}));
    let outsider = app.get_user_info_3rd("code2").await.expect("non-member");
    assert_eq!(outsider.openid.as_deref(), Some("OPENID"));
    assert_eq!(outsider.userid, None);

    sb.stub(
        "service/auth/getuserdetail3rd",
        json!({"corpid": creds::CUSTOMER_CORPID, "userid": "lisi", "name": "lisi", "gender": "2",
               "avatar": "https://a/lisi", "qr_code": "https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=x"}),
    );
    let detail = app.get_user_detail_3rd("UT").await.expect("getuserdetail3rd");
    assert_eq!(
        body(&sb, "service/auth/getuserdetail3rd", "suite_access_token"),
        json!({"user_ticket": "UT"})
    );
    assert_eq!(detail.gender, Gender::Female);
    assert!(detail.qr_code.contains("userQRCode"));
    assert_eq!(detail.mobile, None);

    sb.stub(
        "service/miniprogram/jscode2session",
        json!({"corpid": creds::CUSTOMER_CORPID, "userid": "lisi", "session_key": "kJtdi6RF+Dv67QkbLlPGjw==",
               "open_userid": "woLISI"}),
    );
    let session = app
        .jscode2session("js-code", GrantType::AuthorizationCode)
        .await
        .expect("jscode2session");
    let req = sb.last_request("service/miniprogram/jscode2session");
    check(&req, "GET", Some("suite_access_token"));
    assert_eq!(req.query_param("js_code"), Some("js-code"));
    assert_eq!(req.query_param("grant_type"), Some("authorization_code"));
    assert_eq!(session.userid, "lisi");
    assert_eq!(session.open_userid.as_deref(), Some("woLISI"));
    assert!(
        !format!("{session:?}").contains("kJtdi6RF"),
        "session_key never shows in Debug"
    );

    sb.stub(
        "service/externalcontact/unionid_to_external_userid_3rd",
        json!({"external_userid_info": [
            {"corpid": creds::CUSTOMER_CORPID, "external_userid": "wmAAA"},
            {"corpid": creds::DOWNSTREAM_CORPID, "external_userid": "wmBBB"}
        ]}),
    );
    let ids = app
        .unionid_to_external_userid_3rd("UNIONID", "OPENID", Some(creds::CUSTOMER_CORPID))
        .await
        .expect("unionid_to_external_userid_3rd");
    assert_eq!(
        body(
            &sb,
            "service/externalcontact/unionid_to_external_userid_3rd",
            "suite_access_token"
        ),
        json!({"unionid": "UNIONID", "openid": "OPENID", "corpid": creds::CUSTOMER_CORPID})
    );
    assert_eq!(ids.external_userid_info[1].external_userid, "wmBBB");
    app.unionid_to_external_userid_3rd("U2", "O2", None)
        .await
        .expect("without corpid");
    assert_eq!(
        body(
            &sb,
            "service/externalcontact/unionid_to_external_userid_3rd",
            "suite_access_token"
        ),
        json!({"unionid": "U2", "openid": "O2"})
    );

    let order = json!({
        "orderid": "2018091822ks1sd3s", "order_status": 1, "order_type": 1,
        "paid_corpid": creds::CUSTOMER_CORPID, "operator_id": "zhangsan", "suiteid": creds::SUITE_ID,
        "appid": 1, "edition_id": "RLS65535", "edition_name": "协同版", "price": 100, "user_count": 1000,
        "order_period": 365, "order_time": 1_533_702_999, "paid_time": 1_533_702_910,
        "begin_time": 1_533_702_910, "end_time": 1_553_515_904, "order_from": 1,
        "operator_corpid": "wwfedd7e5292d63aaa", "service_share_amount": 60, "platform_share_amount": 10,
        "dealer_share_amount": 30, "dealer_corp_info": {"corpid": "wwdealer", "corp_name": "代理商"}
    });
    sb.stub("service/get_order", order.clone());
    let got = app.get_app_order("2018091822ks1sd3s").await.expect("get_order");
    assert_eq!(
        body(&sb, "service/get_order", "suite_access_token"),
        json!({"orderid": "2018091822ks1sd3s"})
    );
    assert_eq!(got.order_status, AppOrderStatus::Paid);
    assert_eq!(got.order_type, AppOrderType::AddSeats);
    assert_eq!(got.order_from, OrderFrom::Provider);
    assert_eq!(got.user_count, 1000);
    assert_eq!(
        got.dealer_corp_info.as_ref().map(|d| d.corp_name.as_str()),
        Some("代理商")
    );

    sb.stub(
        "service/get_order_list",
        json!({"order_list": [order, {"orderid": "O2", "order_status": 5}]}),
    );
    let list = app
        .get_app_order_list(1_542_091_572, 1_542_177_972, Some(AuthType::Test))
        .await
        .expect("get_order_list");
    assert_eq!(
        body(&sb, "service/get_order_list", "suite_access_token"),
        json!({"start_time": 1_542_091_572, "end_time": 1_542_177_972, "test_mode": 1})
    );
    assert_eq!(list.order_list.len(), 2);
    assert_eq!(list.order_list[0], got);
    assert_eq!(list.order_list[1].order_status, AppOrderStatus::Refunded);
    assert_eq!(list.order_list[1].order_type, AppOrderType::New);

    sb.stub("service/prolong_try", json!({"try_end_time": 1_700_000_000}));
    let tried = app
        .prolong_try(creds::CUSTOMER_CORPID, 7, None)
        .await
        .expect("prolong_try");
    assert_eq!(tried.try_end_time, 1_700_000_000);
    assert_eq!(
        body(&sb, "service/prolong_try", "suite_access_token"),
        json!({"buyer_corpid": creds::CUSTOMER_CORPID, "prolong_days": 7})
    );
}

/// agent/get_permissions takes the corp token and sends `{}`.
#[tokio::test]
async fn agent_permissions_use_the_corp_token() {
    let sb = Sandbox::start().await;
    let corp = sb.corp_client();
    sb.stub(
        "agent/get_permissions",
        json!({"app_permissions": ["contact:base", "externalcontact:basic"]}),
    );
    let perms = corp.get_agent_permissions().await.expect("get_permissions");
    assert_eq!(perms.app_permissions, ["contact:base", "externalcontact:basic"]);
    assert_eq!(body(&sb, "agent/get_permissions", "access_token"), json!({}));
}

/// The documented get_permanent_code / get_auth_info replies with every field
/// (reseller, shared app, promotion code, paid edition) decode.
#[tokio::test]
async fn full_authorization_replies_decode() {
    let sb = Sandbox::start().await;
    let app = suite_client(&sb).await;
    let corp_info = json!({
        "corpid": "wxcorp", "corp_name": "name", "corp_type": "verified", "corp_square_logo_url": "yyyyy",
        "corp_user_max": 50, "corp_full_name": "full_name", "verified_end_time": 1_431_775_834,
        "subject_type": 1, "corp_wxqrcode": "zzzzz", "corp_scale": "1-50人", "corp_industry": "IT服务",
        "corp_sub_industry": "计算机软件/硬件/信息服务"
    });
    let auth_info = json!({"agent": [
        {
            "agentid": 1, "name": "NAME", "round_logo_url": "xxxxxx", "square_logo_url": "yyyyyy", "appid": 1,
            "auth_mode": 1, "is_customized_app": false, "auth_from_thirdapp": false,
            "privilege": {
                "level": 1, "allow_party": [1, 2, 3], "allow_user": ["zhansan", "lisi"], "allow_tag": [1, 2, 3],
                "extra_party": [4, 5, 6], "extra_user": ["wangwu"], "extra_tag": [4, 5, 6]
            },
            "shared_from": {"corpid": "wwyyyyy", "share_type": 1}
        },
        {"agentid": 2, "name": "NAME2", "round_logo_url": "xxxxxx", "square_logo_url": "yyyyyy", "appid": 5,
         "shared_from": {"corpid": "wwyyyyy", "share_type": 0}}
    ]});
    let edition = json!({"agent": [{
        "agentid": 1, "edition_id": "RLS65535", "edition_name": "协同版", "app_status": 3, "user_limit": 200,
        "expired_time": 1_541_990_791, "is_virtual_version": false, "is_shared_from_other_corp": true
    }]});
    sb.stub(
        "service/get_permanent_code",
        json!({
            "access_token": "xxxxxx", "expires_in": 7200, "permanent_code": "xxxx",
            "dealer_corp_info": {"corpid": "xxxx", "corp_name": "name"},
            "auth_corp_info": corp_info, "auth_info": auth_info,
            "auth_user_info": {"userid": "aa", "open_userid": "xxxxxx", "name": "xxx", "avatar": "http://xxx"},
            "register_code_info": {"register_code": "1111", "template_id": "tpl111", "state": "state001"},
            "edition_info": edition, "state": "state001"
        }),
    );
    let info = app
        .get_permanent_code("stubbed")
        .await
        .expect("get_permanent_code");
    assert_eq!(
        info.dealer_corp_info.as_ref().map(|d| d.corpid.as_str()),
        Some("xxxx")
    );
    assert_eq!(info.auth_corp_info.verified_end_time, 1_431_775_834);
    assert_eq!(info.auth_corp_info.corp_user_max, 50);
    let agents = &info.auth_info.agent;
    assert_eq!(agents[0].auth_mode, AuthMode::Member);
    assert_eq!(
        agents[0].privilege.as_ref().map(|p| p.extra_tag.clone()),
        Some(vec![4, 5, 6])
    );
    let shared = agents[0].shared_from.as_ref().expect("shared_from");
    assert_eq!(shared.share_type, ShareType::UpstreamDownstream);
    assert_eq!(
        agents[1].shared_from.as_ref().map(|s| s.share_type),
        Some(ShareType::Interconnection)
    );
    assert_eq!(agents[1].privilege, None);
    assert_eq!(agents[1].appid, 5);
    let register = info.register_code_info.as_ref().expect("register_code_info");
    assert_eq!(register.template_id, "tpl111");
    assert_eq!(info.state, "state001");
    let paid = &info.edition_info.as_ref().expect("edition_info").agent[0];
    assert_eq!(paid.app_status, AppStatus::Paid);
    assert!(paid.is_shared_from_other_corp);

    sb.stub(
        "service/get_auth_info",
        json!({
            "dealer_corp_info": {"corpid": "xxxx", "corp_name": "name"},
            "auth_corp_info": corp_info, "auth_info": auth_info, "edition_info": edition
        }),
    );
    let auth = app.get_auth_info("wxcorp", "xxxx").await.expect("get_auth_info");
    assert_eq!(auth.auth_corp_info, info.auth_corp_info);
    assert_eq!(auth.auth_info, info.auth_info);
    assert_eq!(auth.dealer_corp_info, info.dealer_corp_info);
    assert_eq!(auth.edition_info, info.edition_info);
}
