//! One app instance for the multi-process tests (see the crate docs).
//!
//! Usage: `token_client BASE_URL REDIS_URL PREFIX LOCK_TTL_MS`

use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader};
use wecom_apis::license::LicenseSettingsApi;
use wecom_apis::{Client, ProviderClient, RedisStore, RedisStoreOptions};
use wecom_testkit::creds::{CUSTOMER_CORPID, PROVIDER_CORPID, PROVIDER_SECRET};

/// No single call may take longer than this (keeps a broken build from hanging the test).
const CALL_LIMIT: Duration = Duration::from_secs(30);

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, base_url, redis_url, prefix, lock_ttl_ms] = args.as_slice() else {
        eprintln!("usage: token_client BASE_URL REDIS_URL PREFIX LOCK_TTL_MS");
        std::process::exit(2);
    };
    let lock_ttl = Duration::from_millis(lock_ttl_ms.parse().unwrap_or(10_000));
    let options = RedisStoreOptions {
        prefix: prefix.clone(),
        connection_timeout: Duration::from_millis(300),
        response_timeout: Duration::from_millis(300),
    };
    let store = match RedisStore::connect_with(redis_url, options).await {
        Ok(store) => store,
        Err(err) => {
            eprintln!("redis: {err}");
            std::process::exit(1);
        }
    };
    let built = Client::builder()
        .provider(PROVIDER_CORPID, PROVIDER_SECRET)
        .base_url(base_url.as_str())
        .retry_policy(wecom_testkit::fast_retries())
        .token_store(store)
        .lock_ttl(lock_ttl)
        .build();
    let client = match built {
        Ok(client) => client,
        Err(err) => {
            eprintln!("client: {err}");
            std::process::exit(1);
        }
    };
    println!("ready");
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        let mut words = line.split_whitespace();
        let reply = match (words.next(), words.next().and_then(|n| n.parse::<u64>().ok())) {
            (Some("calls"), Some(n)) => calls(&client, n).await,
            (Some("cancel"), Some(ms)) => cancel(&client, ms).await,
            (Some("quit"), _) => break,
            _ => serde_json::json!({ "error": format!("unknown command {line:?}") }),
        };
        println!("{reply}");
    }
}

async fn call(client: &ProviderClient) -> Result<(), String> {
    match tokio::time::timeout(CALL_LIMIT, client.get_auto_active_status(CUSTOMER_CORPID)).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(err)) => Err(err.to_string()),
        Err(_) => Err(format!("no answer within {CALL_LIMIT:?}")),
    }
}

async fn calls(client: &ProviderClient, n: u64) -> serde_json::Value {
    let started = Instant::now();
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { call(&client).await })
        })
        .collect();
    let (mut ok, mut errors) = (0u64, Vec::new());
    for task in tasks {
        match task.await {
            Ok(Ok(())) => ok += 1,
            Ok(Err(err)) => errors.push(err),
            Err(err) => errors.push(format!("task: {err}")),
        }
    }
    let failed = errors.len();
    errors.truncate(3);
    serde_json::json!({
        "ok": ok,
        "failed": failed,
        "errors": errors,
        "elapsed_ms": started.elapsed().as_millis() as u64,
    })
}

async fn cancel(client: &ProviderClient, ms: u64) -> serde_json::Value {
    let cut = tokio::time::timeout(Duration::from_millis(ms), call(client)).await;
    // Give the abandoned lock's release a moment to run before the next command.
    tokio::time::sleep(Duration::from_millis(50)).await;
    serde_json::json!({ "cancelled": cut.is_err() })
}
