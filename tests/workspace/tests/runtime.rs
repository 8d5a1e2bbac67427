//! The runtime against the sandbox over real loopback sockets: token caching
//! and refresh, retries, and the errors a caller sees.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use wecom_apis::license::{LicenseOrderApi, LicenseSettingsApi};
use wecom_apis::{Client, Error, ProviderClient, Result, api};
use wecom_testkit::{ExpiredCode, Fault, Sandbox, TokenIssue, creds};

/// A cheap License call used to exercise the call path.
async fn probe(client: &ProviderClient) -> Result<wecom_apis::license::AutoActiveStatusInfo> {
    client.get_auto_active_status(creds::CUSTOMER_CORPID).await
}

/// An endpoint declared the way an app declares one the SDK lacks.
#[api]
pub trait UserApi {
    /// 读取成员
    #[get("user/get", token = corp)]
    async fn get_user(&self, userid: &str) -> Result<User>;
}

/// A member, as `user/get` returns it (only the fields the test reads).
#[derive(Debug, serde::Deserialize)]
pub struct User {
    /// The member's userid.
    pub userid: String,
    /// The member's name.
    pub name: String,
}

#[tokio::test]
async fn an_app_declared_endpoint_runs_with_a_corp_token() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let user = client.get_user("zhangsan").await.expect("user");
    assert_eq!(user.userid, "zhangsan");
    assert!(!user.name.is_empty());
    let req = &sb.requests("user/get")[0];
    assert_eq!(req.method, "GET");
    assert_eq!(req.query_param("userid"), Some("zhangsan"));
    assert!(req.query_param("access_token").is_some());
    // A business error keeps WeCom's code and message.
    let err = client.get_user("nobody").await.expect_err("unknown user");
    assert_eq!(err.code(), Some(60111));
    assert!(err.message().is_some_and(|m| !m.is_empty()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_calls_on_a_cold_cache_fetch_one_token() {
    let sb = Sandbox::start().await;
    sb.set_token_delay(Duration::from_millis(50));
    let client = sb.provider_client();
    let order = client.create_new_order(&new_order(2, 0)).await.expect("order");
    // A fresh client has a cold cache.
    let client = sb.provider_client();
    let before = sb.request_count("service/get_provider_token");
    let calls = (0..200).map(|_| {
        let c = client.clone();
        let id = order.order_id.clone();
        tokio::spawn(async move { c.get_order(&id).await })
    });
    for call in calls.collect::<Vec<_>>() {
        call.await.expect("task").expect("get_order");
    }
    assert_eq!(sb.request_count("service/get_provider_token") - before, 1);
    assert_eq!(sb.request_count("license/get_order"), 200);
}

#[tokio::test]
async fn an_expired_token_is_refreshed_once_and_the_call_succeeds() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let order = client.create_new_order(&new_order(1, 1)).await.expect("order");
    assert_eq!(sb.request_count("service/get_provider_token"), 1);

    sb.expire_tokens(); // next call gets 42009
    let detail = client
        .get_order(&order.order_id)
        .await
        .expect("retried after refresh");
    assert_eq!(detail.order.order_id, order.order_id);
    assert_eq!(sb.request_count("service/get_provider_token"), 2);

    sb.revoke_tokens(); // next call gets 40082
    client
        .get_order(&order.order_id)
        .await
        .expect("retried after refresh");
    assert_eq!(sb.request_count("service/get_provider_token"), 3);
    // Each refresh cost exactly one extra call.
    assert_eq!(sb.request_count("license/get_order"), 4);
}

#[tokio::test]
async fn corp_token_errors_are_recognised_too() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    client.get_user("lisi").await.expect("user");
    sb.expire_tokens(); // 42001
    client.get_user("lisi").await.expect("refreshed");
    sb.revoke_tokens(); // 40014
    client.get_user("lisi").await.expect("refreshed");
    assert_eq!(sb.request_count("gettoken"), 3);
}

#[tokio::test]
async fn a_token_that_keeps_failing_is_refreshed_only_once() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    probe(&client).await.expect("warm");
    sb.inject_fault(
        "license/get_auto_active_status",
        Fault::Errcode {
            code: 42009,
            message: "provider_access_token expired".into(),
        },
        5,
    );
    let err = probe(&client).await.expect_err("still failing after one refresh");
    assert_eq!(err.code(), Some(42009));
    assert_eq!(sb.request_count("service/get_provider_token"), 2);
    assert_eq!(sb.request_count("license/get_auto_active_status"), 3);
}

#[tokio::test]
async fn a_wrong_secret_is_reported_and_not_retried() {
    let sb = Sandbox::start().await;
    let client = Client::builder()
        .provider(creds::PROVIDER_CORPID, "not-the-secret")
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .build()
        .expect("client");
    let err = probe(&client).await.expect_err("bad secret");
    assert!(err.is_token_error(), "{err}");
    assert_eq!(err.code(), Some(40001));
    assert!(err.to_string().contains("provider token"), "{err}");
    assert_eq!(sb.request_count("service/get_provider_token"), 1);
    assert_eq!(sb.request_count("license/get_auto_active_status"), 0);
}

#[tokio::test]
async fn system_busy_is_retried_a_bounded_number_of_times() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    let busy = Fault::Errcode {
        code: -1,
        message: "system busy".into(),
    };

    sb.inject_fault("license/get_auto_active_status", busy.clone(), 2);
    probe(&client).await.expect("succeeds on the third try");
    assert_eq!(sb.request_count("license/get_auto_active_status"), 3);

    sb.inject_fault("license/get_auto_active_status", busy, 10);
    let err = probe(&client).await.expect_err("gives up");
    assert!(err.is_busy());
    assert_eq!(err.code(), Some(-1));
    // 1 try + 3 retries, no more.
    assert_eq!(sb.request_count("license/get_auto_active_status"), 3 + 4);
}

#[tokio::test]
async fn malformed_json_gives_a_decode_error_with_a_snippet() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    sb.inject_fault(
        "license/get_order",
        Fault::RawBody("{\"errcode\":0,\"order\":{\"order_id\":".into()),
        1,
    );
    let err = client.get_order("OI1").await.expect_err("truncated body");
    match &err {
        Error::Decode { path, snippet, .. } => {
            assert_eq!(*path, "license/get_order");
            assert!(snippet.contains("\"order_id\""), "{snippet}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    sb.inject_fault(
        "license/get_order",
        Fault::RawBody("<html>gateway</html>".into()),
        1,
    );
    let err = client.get_order("OI1").await.expect_err("not JSON");
    assert!(err.to_string().contains("<html>gateway</html>"), "{err}");
}

#[tokio::test]
async fn http_errors_are_clear_and_posts_are_not_retried() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    probe(&client).await.expect("warm");
    sb.inject_fault(
        "license/get_auto_active_status",
        Fault::Status {
            status: 502,
            body: "<html>Bad Gateway</html>".into(),
        },
        5,
    );
    let err = probe(&client).await.expect_err("502");
    match &err {
        Error::Http { status, snippet, .. } => {
            assert_eq!(*status, 502);
            assert!(snippet.contains("Bad Gateway"));
        }
        other => panic!("expected an HTTP error, got {other:?}"),
    }
    assert_eq!(sb.request_count("license/get_auto_active_status"), 2);
}

#[tokio::test]
async fn gets_are_retried_on_server_errors() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    client.get_user("zhangsan").await.expect("warm");
    sb.inject_fault(
        "user/get",
        Fault::Status {
            status: 503,
            body: "busy".into(),
        },
        2,
    );
    client.get_user("zhangsan").await.expect("third try succeeds");
    assert_eq!(sb.request_count("user/get"), 4);
}

#[tokio::test]
async fn a_post_that_timed_out_is_not_sent_again() {
    let sb = Sandbox::start().await;
    let client = Client::builder()
        .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .timeout(Duration::from_millis(300))
        .build()
        .expect("client");
    probe(&client).await.expect("warm");
    sb.inject_fault(
        "license/create_new_order",
        Fault::Delay(Duration::from_secs(2)),
        1,
    );
    let err = client
        .create_new_order(&new_order(1, 0))
        .await
        .expect_err("timeout");
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(sb.request_count("license/create_new_order"), 1);
}

#[tokio::test]
async fn an_unreachable_server_gives_a_transport_error() {
    // Bind and drop a listener to get a port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let client = Client::builder()
        .corp(creds::CORPID, creds::CORP_SECRET)
        .base_url(format!("http://127.0.0.1:{port}/cgi-bin/"))
        .retry_policy(wecom_testkit::fast_retries())
        .build()
        .expect("client");
    let err = client.get_user("zhangsan").await.expect_err("refused");
    assert!(err.is_token_error());
    // The message says what actually happened, not just "error sending request".
    assert!(err.to_string().to_lowercase().contains("connect"), "{err}");
    assert!(
        matches!(&err, Error::Token { source, .. } if matches!(**source, Error::Transport { .. })),
        "{err:?}"
    );
}

#[tokio::test]
async fn only_the_provider_token_is_sent_to_license_endpoints() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    probe(&client).await.expect("call");
    let req = &sb.requests("license/get_auto_active_status")[0];
    assert!(req.query_param("provider_access_token").is_some());
    assert_eq!(req.query.len(), 1, "unexpected query: {:?}", req.query);
}

#[test]
fn a_bad_base_url_is_a_config_error() {
    let err = Client::builder()
        .corp("ww", "s")
        .base_url("qyapi.weixin.qq.com/cgi-bin")
        .build()
        .expect_err("no scheme");
    assert!(matches!(err, Error::Config(_)), "{err:?}");
}

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn secrets_and_tokens_never_reach_logs_or_debug_output() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    probe(&client).await.expect("call");
    sb.expire_tokens();
    probe(&client).await.expect("refreshed");
    let _ = client.get_order("missing-order").await;

    let logs = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf8");
    assert!(
        logs.contains("license/get_auto_active_status"),
        "spans carry the path: {logs}"
    );
    assert!(!logs.contains(creds::PROVIDER_SECRET));
    let tokens: Vec<String> = sb
        .requests("license/get_auto_active_status")
        .iter()
        .filter_map(|r| r.query_param("provider_access_token").map(str::to_string))
        .collect();
    assert!(!tokens.is_empty());
    for token in &tokens {
        assert!(!logs.contains(token.as_str()), "token leaked into logs");
    }
    let debug = format!("{client:?}");
    assert!(!debug.contains(creds::PROVIDER_SECRET));
    for token in &tokens {
        assert!(!debug.contains(token.as_str()));
    }
}

fn new_order(base: u32, external: u32) -> wecom_apis::license::NewOrder {
    use wecom_apis::license::{AccountCount, AccountDuration, NewOrder};
    NewOrder::new(
        creds::CUSTOMER_CORPID,
        "zhangsan",
        AccountCount {
            base_count: base,
            external_contact_count: external,
        },
        AccountDuration::months(12),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_token_failures_refreshes_once_and_keeps_the_new_token() {
    let sb = Sandbox::start().await;
    let client = sb.provider_client();
    probe(&client).await.expect("warm");
    sb.set_token_delay(Duration::from_millis(30));
    sb.revoke_tokens();
    let calls: Vec<_> = (0..50)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move { probe(&c).await })
        })
        .collect();
    for call in calls {
        call.await.expect("task").expect("every call recovers");
    }
    // One refresh for the whole burst: late failures of the old token did not
    // wipe the token fetched meanwhile.
    assert_eq!(sb.request_count("service/get_provider_token"), 2);
}

/// Inside the refresh margin the token is still valid, but the next call
/// renews it: against a WeCom that hands out a new token per fetch the call
/// after that uses the new one; against one that hands out the same token
/// while it is valid (WeCom's documented behaviour) the fetch still happens once.
#[tokio::test]
async fn tokens_are_refreshed_ahead_of_expiry() {
    for issue in [TokenIssue::NewEachFetch, TokenIssue::SameWhileValid] {
        let sb = Sandbox::start().await;
        sb.set_token_issue(issue);
        sb.set_token_ttl(60);
        let client = Client::builder()
            .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
            .base_url(sb.base_url())
            .refresh_margin(Duration::from_secs(58))
            .build()
            .expect("client");
        probe(&client).await.expect("first");
        probe(&client).await.expect("cached");
        assert_eq!(sb.request_count("service/get_provider_token"), 1);
        tokio::time::sleep(Duration::from_millis(2_200)).await;
        probe(&client).await.expect("renewed");
        probe(&client).await.expect("renewed, cached");
        assert_eq!(sb.request_count("service/get_provider_token"), 2, "{issue:?}");
        let tokens: Vec<String> = sb
            .requests("license/get_auto_active_status")
            .iter()
            .filter_map(|r| r.query_param("provider_access_token").map(str::to_string))
            .collect();
        assert_eq!(tokens[0], tokens[1]);
        match issue {
            TokenIssue::NewEachFetch => {
                assert_ne!(
                    tokens[1], tokens[3],
                    "the call after the refresh used the renewed token"
                );
            }
            TokenIssue::SameWhileValid => assert_eq!(tokens[1], tokens[3], "WeCom handed out the same token"),
        }
    }
}

/// Endpoints with binary replies and multipart uploads, declared as an app would.
#[api]
pub trait FileApi {
    /// 上传附件资源 (multipart upload).
    #[post("media/upload_attachment", token = corp)]
    async fn upload_attachment(
        &self,
        #[query] media_type: &str,
        #[query] attachment_type: u32,
        #[file = "media"] media: &wecom_apis::Upload,
    ) -> Result<serde_json::Value>;

    /// 获取临时素材 (a binary reply).
    #[get("media/get", token = corp)]
    async fn get_media(&self, media_id: &str) -> Result<wecom_apis::Binary>;
}

#[tokio::test]
async fn files_go_up_as_multipart_and_binary_replies_come_back_as_bytes() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    sb.stub(
        "media/upload_attachment",
        serde_json::json!({"type": "image", "media_id": "MEDIA1", "created_at": 1700000000}),
    );
    let upload =
        wecom_apis::Upload::new("logo.png", vec![0x89, b'P', b'N', b'G']).with_content_type("image/png");
    let reply = client
        .upload_attachment("image", 1, &upload)
        .await
        .expect("upload");
    assert_eq!(reply["media_id"], "MEDIA1");
    let req = &sb.requests("media/upload_attachment")[0];
    assert_eq!(req.query_param("media_type"), Some("image"));
    assert_eq!(req.query_param("attachment_type"), Some("1"));
    assert!(
        req.body.contains("name=\"media\"") && req.body.contains("filename=\"logo.png\""),
        "{}",
        req.body
    );
    assert!(req.body.contains("Content-Type: image/png"), "{}", req.body);

    // A binary body is returned as is, with its content type.
    sb.inject_fault(
        "media/get",
        Fault::Status {
            status: 200,
            body: "GIF89a-not-json".into(),
        },
        1,
    );
    let media = client.get_media("MEDIA1").await.expect("binary");
    assert_eq!(&media.bytes[..], b"GIF89a-not-json");
    // A JSON error on a binary endpoint is still an error.
    sb.inject_fault(
        "media/get",
        Fault::Errcode {
            code: 40007,
            message: "invalid media_id".into(),
        },
        1,
    );
    let err = client.get_media("nope").await.expect_err("json error");
    assert_eq!(err.code(), Some(40007));
}

/// WeCom deployments answer 42001 for an expired provider token too: it is
/// refreshed once, like 42009, and the call succeeds.
#[tokio::test]
async fn an_expired_provider_token_answered_42001_is_refreshed() {
    for code in [ExpiredCode::KindOwn, ExpiredCode::Always42001] {
        let sb = Sandbox::start().await;
        sb.set_expired_code(code);
        let client = sb.provider_client();
        probe(&client).await.expect("warm");
        sb.expire_tokens();
        probe(&client).await.expect("refreshed once and retried");
        assert_eq!(sb.request_count("service/get_provider_token"), 2, "{code:?}");
        assert_eq!(sb.request_count("license/get_auto_active_status"), 3, "{code:?}");
    }
}

/// A token whose whole life is shorter than the refresh margin is not
/// refetched on every call (WeCom hands out the same token with its
/// remaining life, and blocks apps that fetch too often).
#[tokio::test]
async fn a_short_lived_token_is_not_refetched_per_call() {
    for issue in [TokenIssue::SameWhileValid, TokenIssue::NewEachFetch] {
        let sb = Sandbox::start().await;
        sb.set_token_issue(issue);
        sb.set_token_ttl(100); // the default margin is 300 s
        let client = sb.provider_client();
        for _ in 0..100 {
            probe(&client).await.expect("call");
        }
        assert_eq!(sb.request_count("service/get_provider_token"), 1, "{issue:?}");
    }
}

/// An absurd `expires_in` is clamped, not an arithmetic overflow.
#[tokio::test]
async fn a_huge_expires_in_is_clamped() {
    let sb = Sandbox::start().await;
    sb.inject_fault(
        "service/get_provider_token",
        Fault::RawBody(
            r#"{"errcode":0,"errmsg":"ok","provider_access_token":"huge","expires_in":18446744073709551615}"#
                .into(),
        ),
        1,
    );
    let client = sb.provider_client();
    // The sandbox never issued "huge": 40082, dropped, refetched, retried.
    probe(&client).await.expect("clamped, then replaced");
    assert_eq!(sb.request_count("service/get_provider_token"), 2);
}

/// A reply larger than the configured limit is a clear error, not read whole.
#[tokio::test]
async fn replies_past_the_size_limit_are_refused() {
    let sb = Sandbox::start().await;
    let client = sb
        .client_builder()
        .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .max_response_size(4096)
        .build()
        .expect("client");
    probe(&client).await.expect("a small reply is fine");
    sb.inject_fault(
        "license/get_auto_active_status",
        Fault::RawBody(format!(
            r#"{{"errcode":0,"errmsg":"ok","pad":"{}"}}"#,
            "x".repeat(10_000)
        )),
        1,
    );
    let err = probe(&client).await.expect_err("too large");
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: 4096, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("max_response_size"), "{err}");
}

/// A group robot's webhook: no token, a `key` query parameter.
#[api]
pub trait RobotApi {
    /// 群机器人发送消息.
    #[post("webhook/send", token = none)]
    async fn robot_send(&self, #[query] key: &str, msgtype: &str, text: &serde_json::Value) -> Result<()>;
}

/// Stubs serve `token = none` endpoints, binary bodies with their content
/// type, and recorded requests show their headers.
#[tokio::test]
async fn stubs_serve_tokenless_and_binary_replies_and_requests_keep_headers() {
    use wecom_testkit::Stub;
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    sb.stub_with("webhook/send", Stub::json(serde_json::json!({})).without_token());
    client
        .robot_send("ROBOT-KEY", "text", &serde_json::json!({"content": "hi"}))
        .await
        .expect("a token-less stub answers");
    let sent = &sb.requests("webhook/send")[0];
    assert_eq!(sent.query_param("key"), Some("ROBOT-KEY"));
    assert_eq!(sent.query_param("access_token"), None);
    assert_eq!(sent.header("Content-Type"), Some("application/json"));
    assert!(
        sent.header("user-agent")
            .is_some_and(|ua| ua.starts_with("wecom-rs/"))
    );

    // Without `without_token`, a stub wants a token like WeCom does.
    sb.stub_with("webhook/send", Stub::json(serde_json::json!({})));
    let err = client
        .robot_send("ROBOT-KEY", "text", &serde_json::json!({"content": "hi"}))
        .await
        .expect_err("no token");
    assert_eq!(err.code(), Some(41001));

    sb.stub_with(
        "media/get",
        Stub::binary("image/png", vec![0x89, b'P', b'N', b'G']),
    );
    let media = client.get_media("MEDIA1").await.expect("binary");
    assert_eq!(&media.bytes[..], &[0x89, b'P', b'N', b'G']);
    assert_eq!(media.content_type.as_deref(), Some("image/png"));
}

#[test]
fn an_app_declared_trait_lists_its_endpoints() {
    let [user_get] = USER_API_ENDPOINTS else {
        panic!("one endpoint: {USER_API_ENDPOINTS:?}");
    };
    assert_eq!(user_get.path(), "user/get");
    assert_eq!(user_get.method(), wecom_apis::Method::Get);
    assert_eq!(user_get.token_kind().map(|k| k.name), Some("corp"));
    assert_eq!(user_get.token_param(), Some("access_token"));
    assert_eq!(user_get.trait_name(), Some("UserApi"));
    assert_eq!(user_get.method_name(), Some("get_user"));
    // The SDK's list holds only its own.
    assert!(wecom_apis::endpoints().all(|ep| ep.trait_name() != Some("UserApi")));
}
