//! Cost of the token cache on the call path, and of making a client for one
//! authorized corp, each against a hand-written floor in the same process.
//!
//! Run: `cargo bench -p wecom-workspace-tests --bench token_cache` (needs `redis-server`).
//!
//! * memory hit: `TokenCell::get` with its local copy fresh — floor: reading an
//!   `Arc<str>` out of an `RwLock` by hand;
//! * Redis hit: `TokenCell::get` with the local copy turned off, so every
//!   call reads Redis — floor: a bare `GET` on the same kind of connection;
//! * `app.corp(auth_corpid, permanent_code)` — floor: cloning an `Arc` and
//!   two `String`s by hand.

use std::hint::black_box;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use redis::AsyncCommands;
use wecom_apis::{Client, HasToken, Provider, RedisStore};
use wecom_testkit::{RedisServer, Sandbox, creds};

fn per_op(total: Duration, n: u32) -> f64 {
    total.as_secs_f64() * 1e9 / f64::from(n)
}

fn report(name: &str, measured: f64, floor: f64, unit: &str) {
    let scale = if unit == "µs" { 1e-3 } else { 1.0 };
    println!(
        "{name:<44} {:>9.1} {unit}/op   floor {:>9.1} {unit}/op   ratio {:.2}",
        measured * scale,
        floor * scale,
        measured / floor
    );
}

async fn time_async<F, Fut>(n: u32, mut f: F) -> f64
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    let start = Instant::now();
    for _ in 0..n {
        f().await;
    }
    per_op(start.elapsed(), n)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let redis_server = RedisServer::start();
    runtime.block_on(async {
        let sb = Sandbox::start().await;
        println!("wecom token cache (lower is better; ratio = measured / hand-written floor)");

        // Memory: local copy fresh.
        let client = Client::builder()
            .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
            .base_url(sb.base_url())
            .build()
            .expect("client");
        let cell = HasToken::<Provider>::token_cell(&client);
        cell.get(client.runtime()).await.expect("warm");
        let floor_lock: RwLock<Option<Arc<str>>> = RwLock::new(Some(Arc::from("token")));
        let n = 1_000_000;
        let floor = time_async(n, || async {
            black_box(floor_lock.read().expect("lock").clone());
        })
        .await;
        let measured = time_async(n, || async {
            black_box(cell.get(client.runtime()).await.expect("hit"));
        })
        .await;
        report("memory hit (local copy)", measured, floor, "ns");

        // Redis: every call reads the store.
        let store = RedisStore::connect(&redis_server.url()).await.expect("redis");
        let redis_client = Client::builder()
            .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
            .base_url(sb.base_url())
            .token_store(store)
            .local_cache(false)
            .build()
            .expect("client");
        let cell = HasToken::<Provider>::token_cell(&redis_client);
        cell.get(redis_client.runtime()).await.expect("warm");
        let raw = redis::Client::open(redis_server.url()).expect("redis url");
        let con = raw.get_connection_manager().await.expect("connection");
        let key = format!("wecom:{}", cell.key());
        let n = 20_000;
        let floor = time_async(n, || {
            let mut con = con.clone();
            let key = key.clone();
            async move {
                let v: Option<String> = con.get(key).await.expect("get");
                black_box(v);
            }
        })
        .await;
        let measured = time_async(n, || async {
            black_box(cell.get(redis_client.runtime()).await.expect("hit"));
        })
        .await;
        report("Redis hit (store read on every call)", measured, floor, "µs");

        // Deriving a client for one authorized corp.
        let app = Client::builder()
            .suite(creds::SUITE_ID, "suite-secret")
            .base_url(sb.base_url())
            .build()
            .expect("client");
        let suite_cell = Arc::new(());
        let n = 200_000;
        let start = Instant::now();
        for i in 0..n {
            let manual = (
                Arc::clone(&suite_cell),
                format!("wwcorp{}", i % 1000),
                String::from("permanent-code"),
            );
            black_box(manual);
        }
        let floor = per_op(start.elapsed(), n);
        let start = Instant::now();
        for i in 0..n {
            black_box(app.corp(format!("wwcorp{}", i % 1000), "permanent-code"));
        }
        report(
            "app.corp(auth_corpid, permanent_code)",
            per_op(start.elapsed(), n),
            floor,
            "ns",
        );
    });
}
