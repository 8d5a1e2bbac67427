//! A callback receiver: WeCom's encrypted pushes in, typed events out, and
//! suite tickets stored automatically so suite tokens just work.
//!
//! Offline (default): starts the sandbox, points its callback at this server,
//! lets it push a suite_ticket, an authorization and a license payment, and
//! shows the suite token being fetched with the pushed ticket.
//!
//! Real: with `WECOM_SUITE_ID`, `WECOM_SUITE_SECRET`, `WECOM_CALLBACK_TOKEN`,
//! `WECOM_ENCODING_AES_KEY` (and optionally `WECOM_PROVIDER_CORPID` and
//! `WECOM_LISTEN`, default 0.0.0.0:8080) it serves `/wecom/callback` until
//! stopped; configure that URL as the suite's command callback.
//!
//! Run: `cargo run -p wecom-examples --bin callback_server`

use std::sync::Arc;
use std::time::Duration;

use wecom_apis::Client;
use wecom_apis::callback::axum::callback_router;
use wecom_apis::callback::event::Event;
use wecom_apis::callback::{CallbackCrypto, CallbackReceiver, Received};
use wecom_apis::license::*;
use wecom_apis::service::AuthApi;
use wecom_testkit::{Sandbox, creds};

/// What the app does with each event (keep it fast: WeCom waits 5 s).
async fn on_event(received: Received) {
    match &received.event {
        Event::SuiteTicket(t) => println!("  ← suite_ticket for {} (stored automatically)", t.suite_id),
        Event::CreateAuth(auth) => println!(
            "  ← create_auth: exchange auth code for a permanent code ({})",
            auth.suite_id
        ),
        Event::LicensePaySuccess(paid) => println!(
            "  ← license_pay_success: order {} for {}",
            paid.order_id, paid.auth_corp_id
        ),
        other => println!("  ← {} event", other.kind()),
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    if let (Some(suite_id), Some(secret), Some(token), Some(key)) = (
        env("WECOM_SUITE_ID"),
        env("WECOM_SUITE_SECRET"),
        env("WECOM_CALLBACK_TOKEN"),
        env("WECOM_ENCODING_AES_KEY"),
    ) {
        return serve_for_real(&suite_id, &secret, &token, &key).await;
    }
    offline().await
}

async fn serve_for_real(
    suite_id: &str,
    secret: &str,
    token: &str,
    key: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let app = Client::builder().suite(suite_id, secret).build()?;
    let mut crypto = CallbackCrypto::new(token, key, suite_id)?;
    if let Some(provider) = env("WECOM_PROVIDER_CORPID") {
        // WeCom signs the URL check of a suite's callback with the provider's corpid.
        crypto = crypto.also_accept(provider);
    }
    let receiver = Arc::new(
        CallbackReceiver::new(crypto)
            .replay_protection(Duration::from_secs(300))
            .feeding(&app),
    );
    let routes = axum::Router::new().nest("/wecom/callback", callback_router(receiver, on_event));
    let listen = env("WECOM_LISTEN").unwrap_or_else(|| "0.0.0.0:8080".into());
    println!("serving /wecom/callback on {listen}");
    axum::serve(tokio::net::TcpListener::bind(&listen).await?, routes).await?;
    Ok(())
}

async fn offline() -> Result<(), Box<dyn std::error::Error>> {
    const TOKEN: &str = "exampleCallbackToken";
    const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    let sandbox = Sandbox::start().await;
    let app = Client::builder()
        .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
        .suite(creds::SUITE_ID, creds::SUITE_SECRET)
        .base_url(sandbox.base_url())
        .build()?;
    let crypto = CallbackCrypto::new(TOKEN, KEY, creds::SUITE_ID)?.also_accept(creds::PROVIDER_CORPID);
    let receiver = Arc::new(CallbackReceiver::new(crypto).feeding(&app));
    let routes = axum::Router::new().nest("/wecom/callback", callback_router(receiver, on_event));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/wecom/callback", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, routes).await });
    println!("receiver at {url}; the sandbox plays WeCom");
    sandbox.set_callback(&url, TOKEN, KEY)?;

    println!("1. WeCom pushes a suite_ticket");
    let push = sandbox.push_suite_ticket().await;
    println!("   receiver answered {} {:?}", push.status, push.body);

    println!("2. the suite token is fetched with it, no app code involved");
    let pre_auth = app.get_pre_auth_code().await?;
    println!("   pre_auth_code {}", pre_auth.pre_auth_code);

    println!("3. a customer installs the suite");
    let auth_code = sandbox
        .service()
        .authorize(&pre_auth.pre_auth_code, creds::CUSTOMER_CORPID)?;
    sandbox.wait_for_pushes(2, Duration::from_secs(5)).await;
    let permanent = app.get_permanent_code(&auth_code).await?;
    println!(
        "   permanent code received for {}",
        permanent.auth_corp_info.corpid
    );

    println!("4. a license order is paid");
    let order = app
        .create_new_order(&NewOrder::new(
            creds::CUSTOMER_CORPID,
            "zhangsan",
            AccountCount::new(1, 0),
            AccountDuration::months(1),
        ))
        .await?;
    sandbox.license().pay_order(&order.order_id)?;
    sandbox.wait_for_pushes(3, Duration::from_secs(5)).await;
    Ok(())
}
