//! Callbacks under faults, over loopback: WeCom's re-delivery of a push that
//! failed (store down, handler error) gets through the replay guard; a
//! cluster sharing Redis handles each push once; documents no event model
//! knows are answered `success`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use wecom_apis::callback::axum::callback_router;
use wecom_apis::callback::event::Event;
use wecom_apis::callback::{CallbackCrypto, CallbackError, CallbackQuery, CallbackReceiver, Handled};
use wecom_apis::{Client, RedisStore, RedisStoreOptions, TokenStore};
use wecom_testkit::{PushPolicy, RedisServer, Sandbox, creds};

const CALLBACK_TOKEN: &str = "sandboxCallbackToken";
const AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

fn crypto() -> CallbackCrypto {
    CallbackCrypto::new(CALLBACK_TOKEN, AES_KEY, creds::SUITE_ID)
        .expect("key")
        .also_accept(creds::PROVIDER_CORPID)
}

async fn redis_store(redis: &RedisServer, prefix: &str) -> Arc<dyn TokenStore> {
    let options = RedisStoreOptions {
        prefix: prefix.into(),
        connection_timeout: Duration::from_millis(200),
        response_timeout: Duration::from_millis(200),
    };
    Arc::new(
        RedisStore::connect_with(&redis.url(), options)
            .await
            .expect("redis"),
    )
}

/// Serves `receiver` with a handler that fails its first `failures` calls;
/// returns the URL and the count of handler calls that succeeded.
async fn serve(receiver: Arc<CallbackReceiver>, failures: usize) -> (String, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let handled = Arc::new(AtomicUsize::new(0));
    let (c, h) = (Arc::clone(&calls), Arc::clone(&handled));
    let routes = callback_router(receiver, move |_received| {
        let (c, h) = (Arc::clone(&c), Arc::clone(&h));
        async move {
            if c.fetch_add(1, Ordering::SeqCst) < failures {
                return Err("the database is down");
            }
            h.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    });
    let addr = wecom_testkit::serve_on_loopback(routes).await;
    (format!("http://{addr}/"), handled)
}

fn policy() -> PushPolicy {
    PushPolicy {
        timeout: Duration::from_secs(5),
        redeliveries: 3,
        pause: Duration::from_millis(600),
    }
}

/// The suite_ticket could not be stored (Redis down): 503, and WeCom's
/// re-delivery of the identical request — same nonce — is taken once Redis
/// is back, not refused as a replay.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_push_answered_503_is_taken_on_redelivery() {
    let sb = Sandbox::start().await;
    let mut redis = RedisServer::start();
    let store = redis_store(&redis, "cb503").await;
    let receiver = CallbackReceiver::new(crypto())
        .token_store(Arc::clone(&store))
        .replay_protection(Duration::from_secs(300));
    let (url, handled) = serve(Arc::new(receiver), 0).await;
    sb.set_callback(&url, CALLBACK_TOKEN, AES_KEY).expect("callback");
    sb.set_push_policy(policy());

    redis.stop();
    let push = tokio::spawn(async move {
        let last = sb.push_suite_ticket().await;
        (sb, last)
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    redis.restart();
    let (sb, last) = push.await.expect("push");
    let pushes = sb.pushes();
    assert_eq!(pushes[0].status, 503, "{pushes:?}");
    assert!(last.accepted(), "a re-delivery was taken: {pushes:?}");
    assert!(
        pushes.iter().all(|p| p.status != 403),
        "no re-delivery was refused: {pushes:?}"
    );
    assert_eq!(handled.load(Ordering::SeqCst), 1);
    let (ticket, _) = sb.service().suite_ticket();
    let stored = store
        .get_ticket(&wecom_apis::token::suite_ticket_key(creds::SUITE_ID))
        .await
        .expect("redis")
        .expect("stored");
    assert_eq!(stored.ticket, ticket);
}

/// The app's handler fails: 500, the push is released, and the re-delivery is
/// handled (once).
#[tokio::test]
async fn a_handler_error_makes_wecom_redeliver() {
    let sb = Sandbox::start().await;
    let app = Client::builder()
        .suite(creds::SUITE_ID, creds::SUITE_SECRET)
        .base_url(sb.base_url())
        .build()
        .expect("client");
    let receiver = CallbackReceiver::new(crypto())
        .feeding(&app)
        .replay_protection(Duration::from_secs(300));
    let (url, handled) = serve(Arc::new(receiver), 2).await;
    sb.set_callback(&url, CALLBACK_TOKEN, AES_KEY).expect("callback");
    sb.set_push_policy(PushPolicy {
        pause: Duration::ZERO,
        ..policy()
    });
    let last = sb.push_suite_ticket().await;
    let statuses: Vec<u16> = sb.pushes().iter().map(|p| p.status).collect();
    assert_eq!(statuses, vec![500, 500, 200]);
    assert!(last.accepted());
    assert_eq!(handled.load(Ordering::SeqCst), 1);
}

/// A signed document that no event model knows — not even well-formed XML,
/// or a message whose text mentions a DOCTYPE — is answered `success` (WeCom
/// would re-deliver an error answer forever) and reaches the handler as
/// `Event::Unknown` with the whole text.
#[tokio::test]
async fn unknown_documents_are_answered_success() {
    let sb = Sandbox::start().await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let routes = callback_router(Arc::new(CallbackReceiver::new(crypto())), move |received| {
        let tx = tx.clone();
        async move {
            let _ = tx.send(received);
        }
    });
    let addr = wecom_testkit::serve_on_loopback(routes).await;
    sb.set_callback(&format!("http://{addr}/"), CALLBACK_TOKEN, AES_KEY)
        .expect("callback");

    let text = "<xml><ToUserName><![CDATA[ww]]></ToUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[<!DOCTYPE html> is how pages start]]></Content></xml>";
    for xml in ["not xml at all <", "<root>other</root>", text] {
        let push = sb.push_xml("raw", xml, creds::SUITE_ID).await;
        assert!(push.accepted(), "{xml}: {push:?}");
        let received = rx.recv().await.expect("handled");
        match received.event {
            Event::Unknown(unknown) => assert_eq!(unknown.raw_xml, xml),
            other => panic!("{xml}: expected Unknown, got {other:?}"),
        }
    }
}

/// A signed push, as WeCom would send it.
fn signed_push(nonce: &str) -> (CallbackQuery, String) {
    let xml = format!(
        "<xml><SuiteId><![CDATA[{}]]></SuiteId><InfoType><![CDATA[change_auth]]></InfoType><TimeStamp>1700000000</TimeStamp><AuthCorpId><![CDATA[wwcorp]]></AuthCorpId></xml>",
        creds::SUITE_ID
    );
    let timestamp = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs())
    .to_string();
    let reply = crypto().encrypt_reply(&xml, &timestamp, nonce, creds::SUITE_ID);
    let query = CallbackQuery {
        msg_signature: reply.msg_signature.clone(),
        timestamp,
        nonce: nonce.into(),
        echostr: None,
    };
    (query, reply.to_xml())
}

/// Two receivers behind a load balancer share Redis: a re-delivery that lands
/// on the other one is a duplicate, one that arrives while the first is still
/// handling is told to come back, and a failed handling is retried there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cluster_handles_each_push_once() {
    let redis = RedisServer::start();
    let a = CallbackReceiver::new(crypto())
        .deduplicate(redis_store(&redis, "dedupe").await)
        .replay_protection(Duration::from_secs(300));
    let b = CallbackReceiver::new(crypto())
        .deduplicate(redis_store(&redis, "dedupe").await)
        .replay_protection(Duration::from_secs(300));
    let runs = AtomicUsize::new(0);
    let ok = |_| {
        runs.fetch_add(1, Ordering::SeqCst);
        async { Ok::<(), String>(()) }
    };

    let (query, body) = signed_push("n1");
    assert_eq!(a.handle(&query, body.as_bytes(), ok).await, Ok(Handled::Done));
    assert_eq!(
        b.handle(&query, body.as_bytes(), ok).await,
        Ok(Handled::Duplicate)
    );
    assert_eq!(
        a.handle(&query, body.as_bytes(), ok).await,
        Ok(Handled::Duplicate)
    );
    assert_eq!(runs.load(Ordering::SeqCst), 1);

    // While A is still handling, B's copy is told to come back (503).
    let (query, body) = signed_push("n2");
    let slow = a.handle(&query, body.as_bytes(), |_| async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok::<(), String>(())
    });
    let early = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        b.handle(&query, body.as_bytes(), ok).await
    };
    let (slow, early) = tokio::join!(slow, early);
    assert_eq!(slow, Ok(Handled::Done));
    assert_eq!(early, Err(CallbackError::InFlight));

    // A's handler fails: the push is released, and B's re-delivery runs.
    let (query, body) = signed_push("n3");
    let failed = a.handle(&query, body.as_bytes(), |_| async { Err("boom") }).await;
    assert_eq!(failed, Err(CallbackError::Handler("boom".into())));
    let before = runs.load(Ordering::SeqCst);
    assert_eq!(b.handle(&query, body.as_bytes(), ok).await, Ok(Handled::Done));
    assert_eq!(runs.load(Ordering::SeqCst), before + 1);
}
