//! The identity family (身份验证, `auth/*`) end to end: login codes issued by
//! the sandbox for members of its directory (and for non-members), exchanged
//! with `auth/getuserinfo`; user_tickets exchanged with
//! `auth/getuserdetail`; single use, expiry, other corps' codes; and the
//! URLs a login starts from.

use wecom_apis::Client;
use wecom_apis::auth::{AuthorizeUrl, IdentityApi, LoginIdentity, OAuthScope, WebLoginUrl};
use wecom_testkit::{Sandbox, creds, errcode};

/// 40029: invalid code.
const INVALID_CODE: i64 = 40_029;
/// 41008: missing code.
const MISSING_CODE: i64 = 41_008;
/// 40058: invalid parameter (the sandbox's answer to a bad user_ticket).
const INVALID_PARAMETER: i64 = 40_058;

#[tokio::test]
async fn a_member_logs_in_with_a_base_code() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let code = sb.auth().login_code(creds::CORPID, "zhangsan").expect("code");
    let identity = client.get_user_info(&code).await.expect("identity");
    sb.assert_got("auth/getuserinfo", &[("code", &code)]);
    let LoginIdentity::Member(member) = &identity else {
        panic!("a member: {identity:?}")
    };
    assert_eq!(member.userid, "zhangsan");
    assert!(member.user_ticket.is_none(), "no ticket under snsapi_base");
    assert_eq!(identity.userid(), Some("zhangsan"));

    // Single use.
    assert_eq!(
        errcode(client.get_user_info(&code).await, "reused code"),
        INVALID_CODE
    );
    assert_eq!(
        errcode(client.get_user_info("made-up").await, "unknown code"),
        INVALID_CODE
    );
    assert_eq!(errcode(client.get_user_info("").await, "no code"), MISSING_CODE);
    assert!(
        sb.auth()
            .login_code(creds::CORPID, "nobody")
            .unwrap_err()
            .starts_with("60111")
    );
}

#[tokio::test]
async fn codes_expire_after_five_minutes_and_belong_to_one_corp() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let code = sb.auth().login_code(creds::CORPID, "lisi").expect("code");
    sb.advance_clock(301);
    assert_eq!(
        errcode(client.get_user_info(&code).await, "expired code"),
        INVALID_CODE
    );

    let other_corp = sb
        .auth()
        .login_code(creds::DOWNSTREAM_CORPID, "alice")
        .expect("code");
    assert_eq!(
        errcode(client.get_user_info(&other_corp).await, "another corp's code"),
        INVALID_CODE
    );
    // The dealer's own app (the shared app, through the downstream token) exchanges it.
    let dealer = client.downstream(creds::DOWNSTREAM_CORPID, 1_000_002);
    let id = dealer.get_user_info(&other_corp).await.expect("identity");
    assert_eq!(id.userid(), Some("alice"));
}

#[tokio::test]
async fn a_private_login_gives_the_members_sensitive_fields() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let code = sb.auth().private_login_code(creds::CORPID, "lisi").expect("code");
    let LoginIdentity::Member(member) = client.get_user_info(&code).await.expect("identity") else {
        panic!("a member")
    };
    let ticket = member.user_ticket.clone().expect("a user_ticket");
    assert_eq!(member.expires_in, None, "as WeCom's sample: no expires_in");
    assert!(
        !format!("{member:?}").contains(ticket.expose()),
        "the ticket is redacted"
    );

    let detail = client.get_user_detail(ticket.expose()).await.expect("detail");
    sb.assert_posted(
        "auth/getuserdetail",
        serde_json::json!({"user_ticket": ticket.expose()}),
    );
    assert_eq!(detail.userid, "lisi");
    assert_eq!(detail.mobile, "13800000002");
    assert_eq!(detail.email, "lisi@example.com");
    assert!(detail.avatar.starts_with("https://"));
    assert!(!detail.qr_code.is_empty() && !detail.biz_mail.is_empty());

    // Only for members in the app's visible range.
    assert!(
        sb.agent()
            .set_visible_users(creds::CORPID, 1_000_002, &["zhangsan"])
    );
    let code = sb.auth().private_login_code(creds::CORPID, "lisi").expect("code");
    let LoginIdentity::Member(outside) = client.get_user_info(&code).await.expect("identity") else {
        panic!("a member")
    };
    assert!(outside.user_ticket.is_none(), "lisi is outside the visible range");

    assert_eq!(
        errcode(client.get_user_detail("forged").await, "unknown ticket"),
        INVALID_PARAMETER
    );
    sb.advance_clock(1801);
    assert_eq!(
        errcode(client.get_user_detail(ticket.expose()).await, "expired ticket"),
        INVALID_PARAMETER
    );
}

#[tokio::test]
async fn a_non_member_gets_an_openid() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let code = sb
        .auth()
        .non_member_code(creds::CORPID, "oVisitor01", Some("wmCustomer01"))
        .expect("code");
    let identity = client.get_user_info(&code).await.expect("identity");
    let LoginIdentity::NonMember(visitor) = identity else {
        panic!("a non-member")
    };
    assert_eq!(visitor.openid, "oVisitor01");
    assert_eq!(visitor.external_userid.as_deref(), Some("wmCustomer01"));
    let code = sb
        .auth()
        .non_member_code(creds::CORPID, "oVisitor02", None)
        .expect("code");
    let LoginIdentity::NonMember(visitor) = client.get_user_info(&code).await.expect("identity") else {
        panic!("a non-member")
    };
    assert_eq!(visitor.external_userid, None);
}

#[tokio::test]
async fn the_token_is_checked_first() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let code = sb.auth().login_code(creds::CORPID, "zhangsan").expect("code");
    client
        .get_user_info(&code)
        .await
        .expect("first call fetches a token");
    sb.revoke_tokens();
    // Rejected token: refetched once, the call retried — the code is still good.
    let code = sb.auth().login_code(creds::CORPID, "zhangsan").expect("code");
    assert_eq!(
        client.get_user_info(&code).await.expect("after refetch").userid(),
        Some("zhangsan")
    );
    assert_eq!(sb.request_count("gettoken"), 2);
    let stranger = Client::builder()
        .corp(creds::CORPID, "wrong-secret")
        .base_url(sb.base_url())
        .build()
        .expect("client");
    assert_eq!(errcode(stranger.get_user_info(&code).await, "bad secret"), 40_001);
}

/// The URLs the login starts from, built exactly, and a redirect carrying
/// them back (`state` round-trips; OAuth2 takes only a-zA-Z0-9).
#[test]
fn login_urls() {
    let url = AuthorizeUrl::new(creds::CORPID, "https://app.example.com/callback?next=/a b")
        .with_scope(OAuthScope::PrivateInfo)
        .with_agentid(1_000_002)
        .with_state("s12")
        .build()
        .expect("url");
    assert_eq!(
        url,
        "https://open.weixin.qq.com/connect/oauth2/authorize?appid=wwcorp0000000001\
         &redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback%3Fnext%3D%2Fa+b\
         &response_type=code&scope=snsapi_privateinfo&state=s12&agentid=1000002#wechat_redirect"
    );
    let parsed = reqwest::Url::parse(&url).expect("a URL");
    let pairs: Vec<(String, String)> = parsed.query_pairs().map(|(k, v)| (k.into(), v.into())).collect();
    assert!(pairs.contains(&("state".into(), "s12".into())));
    assert!(
        AuthorizeUrl::new(creds::CORPID, "https://app.example.com/callback")
            .with_state("s+1/2")
            .build()
            .is_err(),
        "a state WeCom would not take"
    );
    assert!(pairs.contains(&(
        "redirect_uri".into(),
        "https://app.example.com/callback?next=/a b".into()
    )));
    assert_eq!(parsed.fragment(), Some("wechat_redirect"));

    let sso = WebLoginUrl::corp_app(creds::CORPID, 1_000_002, "https://app.example.com/sso")
        .with_state("xyz")
        .build()
        .expect("url");
    assert_eq!(
        sso,
        "https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp&appid=wwcorp0000000001\
         &redirect_uri=https%3A%2F%2Fapp.example.com%2Fsso&state=xyz&agentid=1000002"
    );
}
