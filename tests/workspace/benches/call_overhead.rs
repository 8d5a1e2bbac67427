//! Cost of a call through the generated client versus a hand-written reqwest
//! call against the same loopback server, in the same process.
//!
//! Run: `cargo bench -p wecom-workspace-tests --bench call_overhead`
//!
//! The server answers from prebuilt bytes so that the client side dominates.
//! Two modes:
//! * alternating: calls alternate one by one between the two clients; the
//!   printed ratio is the median of the per-round ratios (generated /
//!   hand-written), so machine noise that hits both sides cancels out;
//! * sequential latency: blocks of calls of one side, then of the other, in
//!   turn; the printed ratio is of the two sides' median (p50) call latency,
//!   which is how an independent harness measures a client.

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::post;
use wecom_apis::Client;
use wecom_apis::license::{LicenseOrderApi, OrderAccountList, OrderDetail};

const TOKEN: &str = "bench-provider-token";

fn small_reply() -> String {
    r#"{"errcode":0,"errmsg":"ok","order":{"order_id":"OI00000000000000000001","order_type":1,"order_status":1,"corpid":"wwcustomer000001","price":10000,"account_count":{"base_count":10,"external_contact_count":5},"account_duration":{"months":12},"create_time":1700000000,"pay_time":1700000100}}"#.to_string()
}

fn large_reply() -> String {
    let items: Vec<String> = (0..1000)
        .map(|i| {
            format!(
                r#"{{"active_code":"LAC{i:020}","userid":"user{i:05}","type":{}}}"#,
                1 + i % 2
            )
        })
        .collect();
    format!(
        r#"{{"errcode":0,"errmsg":"ok","next_cursor":"","has_more":0,"account_list":[{}]}}"#,
        items.join(",")
    )
}

/// Starts the server on its own thread and runtime, so it does not share the
/// client's event loop.
fn serve() -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let (base, server) = bind().await;
            tx.send(base).expect("send base URL");
            server.await;
        });
    });
    rx.recv().expect("server started")
}

async fn bind() -> (String, impl Future<Output = ()>) {
    let small = small_reply();
    let large = large_reply();
    let token_reply =
        format!(r#"{{"errcode":0,"errmsg":"ok","provider_access_token":"{TOKEN}","expires_in":7200}}"#);
    let json = |body: String| {
        move || {
            let body = body.clone();
            async move { ([(axum::http::header::CONTENT_TYPE, "application/json")], body) }
        }
    };
    let app = Router::new()
        .route("/cgi-bin/service/get_provider_token", post(json(token_reply)))
        .route("/cgi-bin/license/get_order", post(json(small)))
        .route("/cgi-bin/license/list_order_account", post(json(large)));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let server = async move { axum::serve(listener, app).await.expect("serve") };
    (format!("http://{addr}/cgi-bin/"), server)
}

/// The floor: one shared reqwest client, the token as a query parameter,
/// serde straight into the payload type.
async fn hand_written<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: &str,
    body: &'static str,
) -> T {
    let bytes = http
        .post(url)
        .query(&[("provider_access_token", TOKEN)])
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("send")
        .bytes()
        .await
        .expect("body");
    serde_json::from_slice(&bytes).expect("decode")
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

async fn compare<F1, F2, Fut1, Fut2>(name: &str, calls: u32, rounds: u32, mut generated: F1, mut baseline: F2)
where
    F1: FnMut() -> Fut1,
    F2: FnMut() -> Fut2,
    Fut1: Future<Output = ()>,
    Fut2: Future<Output = ()>,
{
    // Warm both paths (connections, token cache, allocator).
    for _ in 0..calls {
        generated().await;
        baseline().await;
    }
    let mut ratios = Vec::with_capacity(rounds as usize);
    let (mut total_gen, mut total_base) = (Duration::ZERO, Duration::ZERO);
    for round in 0..rounds {
        // Calls alternate one by one (and which goes first alternates by
        // round), so drift in the machine's speed hits both sides alike.
        let (mut g, mut b) = (Duration::ZERO, Duration::ZERO);
        for i in 0..calls {
            let generated_first = (round + i) % 2 == 0;
            if generated_first {
                g += timed(generated()).await;
                b += timed(baseline()).await;
            } else {
                b += timed(baseline()).await;
                g += timed(generated()).await;
            }
        }
        total_gen += g;
        total_base += b;
        ratios.push(g.as_secs_f64() / b.as_secs_f64());
    }
    let per_call = |d: Duration| d.as_secs_f64() * 1e6 / f64::from(calls * rounds);
    println!(
        "{name:<40} generated {:>7.1} µs/call   hand-written {:>7.1} µs/call   ratio {:.3} (median of {rounds} rounds; min {:.3}, max {:.3})",
        per_call(total_gen),
        per_call(total_base),
        median(ratios.clone()),
        ratios.iter().copied().fold(f64::INFINITY, f64::min),
        ratios.iter().copied().fold(0.0, f64::max),
    );
}

async fn sequential<F1, F2, Fut1, Fut2>(
    name: &str,
    calls: u32,
    blocks: u32,
    mut generated: F1,
    mut baseline: F2,
) where
    F1: FnMut() -> Fut1,
    F2: FnMut() -> Fut2,
    Fut1: Future<Output = ()>,
    Fut2: Future<Output = ()>,
{
    let (mut gen_lat, mut base_lat) = (Vec::new(), Vec::new());
    for block in 0..blocks {
        // Which side goes first alternates by block.
        for side in 0..2 {
            let generated_side = (block + side) % 2 == 0;
            for _ in 0..calls {
                if generated_side {
                    gen_lat.push(timed(generated()).await.as_secs_f64());
                } else {
                    base_lat.push(timed(baseline()).await.as_secs_f64());
                }
            }
        }
    }
    let (g, b) = (median(gen_lat), median(base_lat));
    println!(
        "{name:<40} generated p50 {:>7.1} µs   hand-written p50 {:>7.1} µs   ratio {:.3} (sequential, {blocks} blocks of {calls})",
        g * 1e6,
        b * 1e6,
        g / b
    );
}

async fn timed(call: impl Future<Output = ()>) -> Duration {
    let start = Instant::now();
    call.await;
    start.elapsed()
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let base = serve();
    runtime.block_on(async {
        // Both sides use the same reqwest client (same pool, same settings), so
        // the ratio is the SDK's own cost: tokens, envelope, retries, tracing.
        let http = reqwest::Client::new();
        let client = Client::builder()
            .provider("wwprovider", "secret")
            .base_url(&base)
            .http_client(http.clone())
            .build()
            .expect("client");
        let small_url = format!("{base}license/get_order");
        let large_url = format!("{base}license/list_order_account");

        // The small call, once for every mode below.
        let generated_small = || async {
            let o = client.get_order("OI00000000000000000001").await.expect("call");
            std::hint::black_box(o);
        };
        let hand_written_small = || async {
            let o: OrderDetail =
                hand_written(&http, &small_url, r#"{"order_id":"OI00000000000000000001"}"#).await;
            std::hint::black_box(o);
        };
        // `WECOM_BENCH_ONLY=generated|hand-written` runs 20 000 small calls of
        // one side and nothing else, for `perf stat` / `perf record`.
        if let Ok(side) = std::env::var("WECOM_BENCH_ONLY") {
            for _ in 0..20_000 {
                if side == "generated" {
                    generated_small().await;
                } else {
                    hand_written_small().await;
                }
            }
            return;
        }
        println!("wecom call overhead: generated client vs hand-written reqwest (loopback; server on its own thread)");
        compare("license/get_order (small reply)", 100, 40, generated_small, hand_written_small).await;
        sequential("license/get_order (small reply)", 200, 20, generated_small, hand_written_small).await;
        compare(
            "license/list_order_account (1000 items)",
            30,
            40,
            || async {
                let o = client
                    .list_order_account("OI1", None, Some(1000))
                    .await
                    .expect("call");
                std::hint::black_box(o);
            },
            || async {
                let o: OrderAccountList =
                    hand_written(&http, &large_url, r#"{"order_id":"OI1","limit":1000}"#).await;
                std::hint::black_box(o);
            },
        )
        .await;
    });
}
