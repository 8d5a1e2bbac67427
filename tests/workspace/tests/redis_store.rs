//! Tokens shared across app instances through a real `redis-server` on
//! loopback: single flight across processes, dead lock holders, suite
//! tickets, token revocation and Redis outages; and the token path under
//! faults — instances that fill their local copy from the store, refresh
//! locks that outlive slow fetches, fenced writes, cancelled lock holders.

use std::time::{Duration, Instant};

use wecom_apis::license::LicenseSettingsApi;
use wecom_apis::{Client, Error, ProviderClient, RedisStore, RedisStoreOptions, Result, api};
use wecom_testkit::{Fault, RedisServer, Sandbox, TokenIssue, creds};

/// One app instance: its own client and its own Redis connection.
async fn instance(sb: &Sandbox, redis: &RedisServer, prefix: &str) -> ProviderClient {
    instance_with_lease(sb, redis, prefix, Duration::from_millis(800)).await
}

/// One app instance whose refresh lock has a lease of `lock_ttl`.
async fn instance_with_lease(
    sb: &Sandbox,
    redis: &RedisServer,
    prefix: &str,
    lock_ttl: Duration,
) -> ProviderClient {
    let store = RedisStore::connect_with(&redis.url(), options(prefix))
        .await
        .expect("redis store");
    Client::builder()
        .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .base_url(sb.base_url())
        .retry_policy(wecom_testkit::fast_retries())
        .token_store(store)
        .lock_ttl(lock_ttl)
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

    let (old_ticket, old_ts) = sb.service().suite_ticket();
    let (new_ticket, new_ts) = sb.service().rotate_suite_ticket();
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

/// How many GETs the server has answered (`INFO commandstats`).
async fn redis_gets(redis: &RedisServer) -> u64 {
    let client = redis::Client::open(redis.url()).expect("url");
    let mut con = client
        .get_multiplexed_async_connection()
        .await
        .expect("connection");
    let info: String = redis::cmd("INFO")
        .arg("commandstats")
        .query_async(&mut con)
        .await
        .expect("INFO");
    info.lines()
        .find_map(|line| line.strip_prefix("cmdstat_get:calls="))
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The provider token each call to `license/get_auto_active_status` carried.
fn tokens_used(sb: &Sandbox) -> Vec<String> {
    sb.requests("license/get_auto_active_status")
        .iter()
        .filter_map(|r| r.query_param("provider_access_token").map(str::to_string))
        .collect()
}

/// A second instance keeps the token it found in Redis: 500 concurrent calls
/// read the store once, and keep working while Redis is down.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_keeps_the_token_it_read_from_the_store() {
    let sb = Sandbox::start().await;
    let mut redis = RedisServer::start();
    let a = instance_with_lease(&sb, &redis, "fill", Duration::from_secs(10)).await;
    probe(&a).await.expect("a fetches and stores");
    let b = instance_with_lease(&sb, &redis, "fill", Duration::from_secs(10)).await;
    let before = redis_gets(&redis).await;
    let calls: Vec<_> = (0..500)
        .map(|_| {
            let b = b.clone();
            tokio::spawn(async move { probe(&b).await })
        })
        .collect();
    for call in calls {
        call.await.expect("task").expect("call");
    }
    assert_eq!(
        redis_gets(&redis).await - before,
        1,
        "one store read for 500 calls"
    );
    assert_eq!(sb.request_count("service/get_provider_token"), 1);

    redis.stop();
    for _ in 0..100 {
        probe(&b).await.expect("a cached token needs no store");
    }
}

/// A fetch slower than the lock's lease: the holder renews it, so the other
/// instances wait instead of fetching too, and nobody fails.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_fetch_keeps_its_lock() {
    let sb = Sandbox::start().await;
    let redis = RedisServer::start();
    sb.set_token_delay(Duration::from_millis(2_000));
    let lease = Duration::from_millis(500);
    let mut clients = Vec::new();
    for _ in 0..4 {
        clients.push(instance_with_lease(&sb, &redis, "slow", lease).await);
    }
    let calls: Vec<_> = (0..200)
        .map(|i| {
            let client = clients[i % clients.len()].clone();
            tokio::spawn(async move { probe(&client).await })
        })
        .collect();
    for call in calls {
        call.await.expect("task").expect("no caller fails");
    }
    assert_eq!(sb.request_count("service/get_provider_token"), 1);
}

/// A holder that lost its lock (here: deleted under it) never overwrites the
/// token the new holder stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_holder_that_lost_its_lock_does_not_overwrite_a_newer_token() {
    let sb = Sandbox::start().await;
    sb.set_token_issue(TokenIssue::NewEachFetch);
    let redis = RedisServer::start();
    let a = instance_with_lease(&sb, &redis, "fence", Duration::from_secs(10)).await;
    let b = instance_with_lease(&sb, &redis, "fence", Duration::from_secs(10)).await;
    // A's fetch is slow; B's (the next one) is not.
    sb.inject_fault(
        "service/get_provider_token",
        Fault::Delay(Duration::from_millis(1_500)),
        1,
    );
    let slow = tokio::spawn(async move { probe(&a).await });
    while sb.request_count("service/get_provider_token") == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // A's lease is gone (as if A had stalled past it).
    let client = redis::Client::open(redis.url()).expect("url");
    let mut con = client
        .get_multiplexed_async_connection()
        .await
        .expect("connection");
    let lock_key = format!("fence:provider:{}:lock", creds::PROVIDER_CORPID);
    let deleted: i64 = redis::cmd("DEL")
        .arg(&lock_key)
        .query_async(&mut con)
        .await
        .expect("DEL");
    assert_eq!(deleted, 1, "A held the lock");
    probe(&b).await.expect("b takes the lock and stores its token");
    slow.await.expect("task").expect("a's call still succeeds");

    // A fresh instance reads the store: B's token, not A's older fetch.
    let c = instance_with_lease(&sb, &redis, "fence", Duration::from_secs(10)).await;
    probe(&c).await.expect("c");
    let used = tokens_used(&sb);
    assert_eq!(used.len(), 3);
    let (by_b, by_c) = (&used[0], &used[2]);
    assert_eq!(by_c, by_b, "the store still holds B's token");
    assert_eq!(sb.request_count("service/get_provider_token"), 2);
}

/// A call cancelled while its instance holds the refresh lock releases it:
/// the next caller does not wait out the lease.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_lock_holder_releases_the_lock() {
    let sb = Sandbox::start().await;
    let redis = RedisServer::start();
    let lease = Duration::from_secs(8);
    let a = instance_with_lease(&sb, &redis, "cancel", lease).await;
    let b = instance_with_lease(&sb, &redis, "cancel", lease).await;
    sb.inject_fault(
        "service/get_provider_token",
        Fault::Delay(Duration::from_secs(3)),
        1,
    );
    let cancelled = tokio::time::timeout(Duration::from_millis(300), probe(&a)).await;
    assert!(cancelled.is_err(), "the call was cancelled mid-fetch");
    let started = Instant::now();
    probe(&b).await.expect("b refreshes");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "b waited {:?} for a lock nobody held",
        started.elapsed()
    );
}

/// A Redis URL's password never appears in an error.
#[tokio::test]
async fn a_redis_password_never_reaches_error_text() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    // Nothing listens there once the listener above is dropped.
    let url = format!("redis://admin:hunter2-secret@127.0.0.1:{port}/0");
    let err = RedisStore::connect_with(&url, options("pw"))
        .await
        .expect_err("nothing listens there");
    let text = format!("{err} {err:?}");
    assert!(!text.contains("hunter2-secret"), "{text}");
}
