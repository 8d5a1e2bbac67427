//! Tokens shared across app instances through a real `redis-server` on
//! loopback: single flight across processes, dead lock holders, suite
//! tickets, token revocation and Redis outages.

use std::time::Duration;

use wecom_apis::license::LicenseApi;
use wecom_apis::{Client, Error, ProviderClient, RedisStore, RedisStoreOptions, Result, api};
use wecom_testkit::{RedisServer, Sandbox, creds};

/// One app instance: its own client and its own Redis connection.
async fn instance(sb: &Sandbox, redis: &RedisServer, prefix: &str) -> ProviderClient {
    let store = RedisStore::connect_with(&redis.url(), options(prefix))
        .await
        .expect("redis store");
    Client::builder()
        .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .token_store(store)
        .lock_ttl(Duration::from_millis(800))
        .build()
        .expect("client")
}

fn options(prefix: &str) -> RedisStoreOptions {
    RedisStoreOptions {
        prefix: prefix.to_string(),
        connection_timeout: Duration::from_millis(300),
        response_timeout: Duration::from_millis(300),
    }
}

async fn probe(client: &ProviderClient) -> Result<wecom_apis::license::AutoActiveStatusInfo> {
    client.get_auto_active_status(creds::CUSTOMER_CORPID).await
}

/// Two instances, 500 concurrent calls on a cold cache: one token request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_a_cold_cache_fetch_one_token() {
    let sb = Sandbox::start().await;
    let redis = RedisServer::start();
    sb.set_token_delay(Duration::from_millis(100));
    let a = instance(&sb, &redis, "cold").await;
    let b = instance(&sb, &redis, "cold").await;
    let calls: Vec<_> = (0..500)
        .map(|i| {
            let client = if i % 2 == 0 { a.clone() } else { b.clone() };
            tokio::spawn(async move { probe(&client).await })
        })
        .collect();
    for call in calls {
        call.await.expect("task").expect("call");
    }
    assert_eq!(sb.request_count("service/get_provider_token"), 1);
    assert_eq!(sb.request_count("license/get_auto_active_status"), 500);
}

/// A lock holder that dies mid-refresh blocks the others no longer than the lock's TTL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_lock_holder_is_replaced_after_the_lock_ttl() {
    let sb = Sandbox::start().await;
    let redis = RedisServer::start();
    let a = instance(&sb, &redis, "dead").await;
    let b = instance(&sb, &redis, "dead").await;

    sb.set_token_delay(Duration::from_secs(5));
    let doomed = tokio::spawn(async move { probe(&a).await });
    // Let A take the lock and start its (slow) token request, then kill it.
    while sb.request_count("service/get_provider_token") == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    doomed.abort();
    assert!(doomed.await.expect_err("aborted").is_cancelled());
    sb.set_token_delay(Duration::ZERO);

    // B waits for the lock (TTL 800 ms), then refreshes itself; the guard
    // below only keeps a broken implementation from hanging the suite.
    let result = tokio::time::timeout(Duration::from_secs(20), probe(&b)).await;
    result
        .expect("no call hangs")
        .expect("B refreshed after the dead lock expired");
    assert_eq!(sb.request_count("service/get_provider_token"), 2);
}

/// A token the sandbox revokes is refreshed once, for every instance.
#[tokio::test]
async fn a_revoked_token_is_refreshed_once_and_shared() {
    let sb = Sandbox::start().await;
    let redis = RedisServer::start();
    let a = instance(&sb, &redis, "revoked").await;
    let b = instance(&sb, &redis, "revoked").await;
    probe(&a).await.expect("a warm");
    probe(&b).await.expect("b reads a's token");
    assert_eq!(sb.request_count("service/get_provider_token"), 1);

    sb.revoke_tokens();
    probe(&a).await.expect("a refreshes");
    assert_eq!(sb.request_count("service/get_provider_token"), 2);
    // B still holds the revoked token locally: one failure, then it reads A's new token.
    probe(&b).await.expect("b recovers");
    assert_eq!(
        sb.request_count("service/get_provider_token"),
        2,
        "b reused the token a stored"
    );
}

/// An endpoint that needs the suite token.
#[api]
pub trait PreAuth {
    /// 获取预授权码
    #[get("service/get_pre_auth_code", token = suite)]
    async fn pre_auth_code(&self) -> Result<serde_json::Value>;
}

/// A suite_ticket stored by one instance is used by another; older tickets never win.
#[tokio::test]
async fn a_suite_ticket_stored_by_one_instance_is_used_by_another() {
    let sb = Sandbox::start().await;
    let redis = RedisServer::start();
    let suite_instance = |redis_url: String, base: String| async move {
        let store = RedisStore::connect_with(&redis_url, options("ticket"))
            .await
            .expect("redis store");
        Client::builder()
            .suite(creds::SUITE_ID, creds::SUITE_SECRET)
            .base_url(base)
            .retry_policy(wecom_testkit::fast_retries())
            .token_store(store)
            .build()
            .expect("client")
    };
    let receiver = suite_instance(redis.url(), sb.base_url()).await;
    let worker = suite_instance(redis.url(), sb.base_url()).await;

    let err = worker.pre_auth_code().await.expect_err("no ticket yet");
    assert!(
        matches!(&err, Error::Token { source, .. } if matches!(**source, Error::MissingSuiteTicket { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("suite_ticket"), "{err}");

    let (old_ticket, old_ts) = sb.suite_ticket();
    let (new_ticket, new_ts) = sb.rotate_suite_ticket();
    assert!(
        receiver
            .store_suite_ticket(&new_ticket, new_ts)
            .await
            .expect("store")
    );
    // A late push of the older ticket does not overwrite the newer one.
    assert!(
        !receiver
            .store_suite_ticket(&old_ticket, old_ts - 1)
            .await
            .expect("store")
    );

    let code = worker
        .pre_auth_code()
        .await
        .expect("suite token from the shared ticket");
    assert!(code["pre_auth_code"].as_str().is_some_and(|c| !c.is_empty()));
    let sent = &sb.requests("service/get_suite_token")[0].json().expect("json");
    assert_eq!(sent["suite_ticket"], serde_json::json!(new_ticket));

    // A token error drops the suite token, never the ticket: the refetch uses it again.
    sb.revoke_tokens();
    worker
        .pre_auth_code()
        .await
        .expect("refetched with the stored ticket");
    assert_eq!(sb.request_count("service/get_suite_token"), 2);
}

/// Redis going away gives clear errors; the client recovers when it returns.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redis_outage_gives_clear_errors_and_the_client_recovers() {
    let sb = Sandbox::start().await;
    let mut redis = RedisServer::start();
    let store = RedisStore::connect_with(&redis.url(), options("outage"))
        .await
        .expect("redis store");
    // No local copy: every call reads Redis, so the outage is visible at once.
    let client = Client::builder()
        .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .token_store(store)
        .local_cache(false)
        .build()
        .expect("client");
    probe(&client).await.expect("before the outage");

    redis.stop();
    let err = tokio::time::timeout(Duration::from_secs(10), probe(&client))
        .await
        .expect("a store outage does not hang the call")
        .expect_err("redis is down");
    assert!(err.is_token_error(), "{err:?}");
    assert!(
        matches!(&err, Error::Token { source, .. } if matches!(**source, Error::Store { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("token store unavailable"), "{err}");

    redis.restart();
    let mut recovered = false;
    for _ in 0..50 {
        if probe(&client).await.is_ok() {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(recovered, "the client works again once Redis is back");
}
