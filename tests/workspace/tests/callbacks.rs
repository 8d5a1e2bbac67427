//! The whole callback loop on loopback: the sandbox encrypts and pushes
//! events (with its own implementation of the scheme) to an axum receiver,
//! which verifies, decrypts, parses, and feeds suite tickets to the token
//! store — so suite tokens work without app code.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use wecom_apis::callback::axum::callback_router;
use wecom_apis::callback::event::Event;
use wecom_apis::callback::{CallbackCrypto, CallbackReceiver, Received, signature};
use wecom_apis::license::*;
use wecom_apis::service::AuthApi;
use wecom_apis::{Client, Error, RetryPolicy};
use wecom_testkit::{Sandbox, creds};

const CALLBACK_TOKEN: &str = "sandboxCallbackToken";
const AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

/// Serves `receiver` on a free loopback port; every received event goes to the channel.
async fn serve(receiver: Arc<CallbackReceiver>) -> (String, mpsc::UnboundedReceiver<Received>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let routes = axum::Router::new().nest(
        "/wecom/callback",
        callback_router(receiver, move |received| {
            let tx = tx.clone();
            async move {
                let _ = tx.send(received);
            }
        }),
    );
    let addr = wecom_testkit::serve_on_loopback(routes).await;
    (format!("http://{addr}/wecom/callback"), rx)
}

fn crypto() -> CallbackCrypto {
    CallbackCrypto::new(CALLBACK_TOKEN, AES_KEY, creds::SUITE_ID)
        .expect("key")
        .also_accept(creds::PROVIDER_CORPID)
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Received>) -> Received {
    tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .expect("an event arrives")
        .expect("channel open")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pushed_suite_ticket_makes_suite_tokens_work() {
    let sb = Sandbox::start().await;
    let app = Client::builder()
        .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .suite(creds::SUITE_ID, creds::SUITE_SECRET)
        .base_url(sb.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    let receiver = Arc::new(CallbackReceiver::new(crypto()).feeding(&app));
    let (url, mut events) = serve(receiver).await;
    sb.set_callback(&url, CALLBACK_TOKEN, AES_KEY).expect("callback");

    // No ticket yet: the error says a suite_ticket callback is needed.
    let err = app.get_pre_auth_code().await.expect_err("no ticket");
    assert!(
        matches!(&err, Error::Token { source, .. } if matches!(**source, Error::MissingSuiteTicket { .. }))
    );

    // WeCom pushes a ticket; the receiver answers `success` and stores it.
    let push = sb.push_suite_ticket().await;
    assert_eq!((push.status, push.body.as_str()), (200, "success"), "{push:?}");
    let received = next(&mut events).await;
    assert_eq!(received.receive_id, creds::SUITE_ID);
    let (ticket, _) = sb.service().suite_ticket();
    match &received.event {
        Event::SuiteTicket(t) => {
            assert_eq!(t.suite_id, creds::SUITE_ID);
            assert_eq!(t.ticket.expose(), ticket);
        }
        other => panic!("expected a suite_ticket, got {other:?}"),
    }

    // …so the suite token is fetched with it, without app code.
    let pre_auth = app
        .get_pre_auth_code()
        .await
        .expect("suite token from the pushed ticket");
    let sent = sb
        .requests("service/get_suite_token")
        .last()
        .and_then(|r| r.json())
        .expect("json");
    assert_eq!(sent["suite_ticket"], serde_json::json!(ticket));

    // The admin installs the suite: create_auth arrives with the auth_code.
    let auth_code = sb
        .service()
        .authorize(&pre_auth.pre_auth_code, creds::CUSTOMER_CORPID)
        .expect("authorize");
    let received = next(&mut events).await;
    match &received.event {
        Event::CreateAuth(created) => assert_eq!(created.auth_code.expose(), auth_code),
        other => panic!("expected create_auth, got {other:?}"),
    }
    let info = app.get_permanent_code(&auth_code).await.expect("permanent code");
    assert!(!info.permanent_code.is_empty());

    // A paid license order is announced to the provider.
    let order = app
        .create_new_order(&NewOrder::new(
            creds::CUSTOMER_CORPID,
            "zhangsan",
            AccountCount::new(1, 0),
            AccountDuration::months(1),
        ))
        .await
        .expect("order");
    sb.license().pay_order(&order.order_id).expect("pay");
    let received = next(&mut events).await;
    assert_eq!(received.receive_id, creds::PROVIDER_CORPID);
    match &received.event {
        Event::LicensePaySuccess(paid) => {
            let (order_id, auth_corp_id, buyer_user_id) =
                (&paid.order_id, &paid.auth_corp_id, &paid.buyer_user_id);
            assert_eq!(order_id, &order.order_id);
            assert_eq!(auth_corp_id, creds::CUSTOMER_CORPID);
            assert_eq!(buyer_user_id.as_deref(), Some("zhangsan"));
        }
        other => panic!("expected license_pay_success, got {other:?}"),
    }
}

#[tokio::test]
async fn url_verification_and_rejections_over_http() {
    let sb = Sandbox::start().await;
    let app = Client::builder()
        .suite(creds::SUITE_ID, creds::SUITE_SECRET)
        .base_url(sb.base_url())
        .build()
        .expect("client");
    let receiver = Arc::new(CallbackReceiver::new(crypto()).feeding(&app));
    let (url, _events) = serve(receiver).await;
    let http = reqwest::Client::new();

    // GET with an encrypted echostr → the plaintext echo.
    let echostr = crypto().encrypt("echo-1616140317555161061", creds::PROVIDER_CORPID);
    let sig = signature(CALLBACK_TOKEN, "1700000000", "42", &echostr);
    let response = http
        .get(&url)
        .query(&[
            ("msg_signature", sig.as_str()),
            ("timestamp", "1700000000"),
            ("nonce", "42"),
            ("echostr", &echostr),
        ])
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.expect("body"), "echo-1616140317555161061");

    // A push signed with the wrong token is refused with 403, and nothing is stored.
    sb.set_callback(&url, "not-the-token", AES_KEY).expect("callback");
    let push = sb.push_suite_ticket().await;
    assert_eq!(push.status, 403, "{push:?}");
    // A push encrypted with another key (right token) fails the padding/receive-id checks: 400/403.
    sb.set_callback(
        &url,
        CALLBACK_TOKEN,
        "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut",
    )
    .expect("callback");
    let push = sb.push_suite_ticket().await;
    assert!(matches!(push.status, 400 | 403), "{push:?}");
    // Missing query parameters → 400.
    let response = http.post(&url).body("<xml/>").send().await.expect("post");
    assert_eq!(response.status(), 400);
    let err = app.get_pre_auth_code().await.expect_err("nothing was stored");
    assert!(err.to_string().contains("suite_ticket"));
}
