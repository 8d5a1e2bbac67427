//! The token path under faults, over a real `redis-server` and the sandbox on
//! loopback: instances that fill their local copy from the store, refresh
//! locks that outlive slow fetches, fenced writes, cancelled lock holders, and
//! Redis outages while tokens are cached.

use std::time::{Duration, Instant};

use wecom_apis::license::LicenseApi;
use wecom_apis::{Client, ProviderClient, RedisStore, RedisStoreOptions, Result};
use wecom_testkit::{Fault, RedisServer, Sandbox, TokenIssue, creds};

fn options(prefix: &str) -> RedisStoreOptions {
    RedisStoreOptions {
        prefix: prefix.to_string(),
        connection_timeout: Duration::from_millis(300),
        response_timeout: Duration::from_millis(300),
    }
}

/// One app instance: its own client and its own Redis connection.
async fn instance(sb: &Sandbox, redis: &RedisServer, prefix: &str, lock_ttl: Duration) -> ProviderClient {
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

async fn probe(client: &ProviderClient) -> Result<wecom_apis::license::AutoActiveStatusInfo> {
    client.get_auto_active_status(creds::CUSTOMER_CORPID).await
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
    let a = instance(&sb, &redis, "fill", Duration::from_secs(10)).await;
    probe(&a).await.expect("a fetches and stores");
    let b = instance(&sb, &redis, "fill", Duration::from_secs(10)).await;
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
        clients.push(instance(&sb, &redis, "slow", lease).await);
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
    let a = instance(&sb, &redis, "fence", Duration::from_secs(10)).await;
    let b = instance(&sb, &redis, "fence", Duration::from_secs(10)).await;
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
    let c = instance(&sb, &redis, "fence", Duration::from_secs(10)).await;
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
    let a = instance(&sb, &redis, "cancel", lease).await;
    let b = instance(&sb, &redis, "cancel", lease).await;
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
