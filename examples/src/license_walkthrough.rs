//! Buying and assigning interface licenses (接口许可), end to end.
//!
//! By default this runs offline against the sandbox (a fake WeCom server on
//! 127.0.0.1): create an order → pay it in the sandbox → list its activation
//! codes → activate one for a member → query the member and the order.
//!
//! With `WECOM_PROVIDER_CORPID`, `WECOM_PROVIDER_SECRET`,
//! `WECOM_CUSTOMER_CORPID` and `WECOM_BUYER_USERID` in the environment it runs
//! against real WeCom and stops after creating the order: a real order must
//! be paid in the provider console before it has codes.
//!
//! Run: `cargo run -p wecom-examples --bin license_walkthrough`
//! (`RUST_LOG=wecom_core=debug` shows one span per call.)

use futures_util::TryStreamExt;
use wecom_apis::Client;
use wecom_apis::license::*;
use wecom_testkit::{Sandbox, creds};

struct Setup {
    client: wecom_apis::ProviderClient,
    customer_corpid: String,
    buyer_userid: String,
    sandbox: Option<Sandbox>,
}

async fn setup() -> wecom_apis::Result<Setup> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    match (
        env("WECOM_PROVIDER_CORPID"),
        env("WECOM_PROVIDER_SECRET"),
        env("WECOM_CUSTOMER_CORPID"),
        env("WECOM_BUYER_USERID"),
    ) {
        (Some(provider), Some(secret), Some(customer), Some(buyer)) => {
            println!("running against real WeCom as provider {provider}");
            Ok(Setup {
                client: Client::builder().provider(provider, secret).build()?,
                customer_corpid: customer,
                buyer_userid: buyer,
                sandbox: None,
            })
        }
        _ => {
            let sandbox = Sandbox::start().await;
            println!("running offline against the sandbox at {}", sandbox.base_url());
            Ok(Setup {
                client: Client::builder()
                    .provider(creds::PROVIDER_CORPID, creds::PROVIDER_SECRET)
                    .base_url(sandbox.base_url())
                    .build()?,
                customer_corpid: creds::CUSTOMER_CORPID.to_string(),
                buyer_userid: "zhangsan".to_string(),
                sandbox: Some(sandbox),
            })
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let Setup {
        client,
        customer_corpid,
        buyer_userid,
        sandbox,
    } = setup().await?;

    // 1. Buy 2 base accounts and 1 external-contact account for a year.
    let order = client
        .create_new_order(&NewOrder::new(
            &customer_corpid,
            &buyer_userid,
            AccountCount::new(2, 1),
            AccountDuration::months(12),
        ))
        .await?;
    println!("1. created order {}", order.order_id);

    let Some(sandbox) = sandbox else {
        let detail = client.get_order(&order.order_id).await?;
        println!(
            "   status: {}; pay it in the provider console, then list its codes",
            detail.order.order_status
        );
        return Ok(());
    };

    // 2. Pay (in real life: the provider console, or submit_pay_job).
    sandbox.license().pay_order(&order.order_id)?;
    let detail = client.get_order(&order.order_id).await?;
    println!(
        "2. paid: status {}, price ¥{}.{:02}",
        detail.order.order_status,
        detail.order.price / 100,
        detail.order.price % 100
    );

    // 3. Walk every activation code of the order.
    let accounts: Vec<_> = client
        .list_order_account_stream(&order.order_id)
        .try_collect()
        .await?;
    println!("3. the order's activation codes:");
    for a in &accounts {
        println!("   {} ({} account)", a.active_code, a.account_type);
    }

    // 4. Activate the first code for a member.
    let code = &accounts.first().ok_or("the paid order has no codes")?.active_code;
    client.active_account(&customer_corpid, code, "lisi").await?;
    println!("4. activated {code} for lisi");

    // 5. Query the member and the code.
    let member = client.get_active_info_by_user(&customer_corpid, "lisi").await?;
    println!(
        "5. lisi: {}, {} account(s)",
        member.active_status,
        member.active_info_list.len()
    );
    let info = client.get_active_info_by_code(&customer_corpid, code).await?;
    println!(
        "   code {}: {}, expires {}",
        info.active_info.active_code,
        info.active_info.status,
        beijing_time(info.active_info.expire_time)
    );
    Ok(())
}

/// A WeCom timestamp (unix seconds) as the date and time in Beijing, where
/// WeCom's console shows it.
fn beijing_time(unix_secs: i64) -> String {
    let beijing = chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
    chrono::DateTime::from_timestamp(unix_secs, 0).map_or_else(
        || format!("at unix time {unix_secs}"),
        |t| {
            t.with_timezone(&beijing)
                .format("%Y-%m-%d %H:%M (UTC+8)")
                .to_string()
        },
    )
}
