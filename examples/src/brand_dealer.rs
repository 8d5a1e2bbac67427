//! A brand and its dealers (上下游), end to end.
//!
//! By default this runs offline against the sandbox (a fake WeCom server on
//! 127.0.0.1), whose brand corp owns one chain with two joined dealers and a
//! pending one:
//!
//! 1. walk the chain's contact book: chains → groups → corps per group;
//! 2. list the dealers the brand's app is shared with;
//! 3. act as a dealer with its downstream token (`Client::downstream`):
//!    turn the brand mini program's session of a dealer member into the
//!    dealer's (`miniprogram/transfer_session`);
//! 4. tie a WeChat fan of the brand's mini program to the dealer's customer:
//!    unionid → pending_id (brand), the fan adds the dealer, external_userid
//!    → pending_id (dealer) and unionid → external_userid (brand);
//! 5. import a new store with its contacts and poll the job until it is done.
//!
//! With `WECOM_CORPID`, `WECOM_CORP_SECRET` (an app shared into a chain,
//! listed under 「上下游 - 可调用接口的应用」) and `WECOM_AGENTID` in the
//! environment it runs steps 1–3 against real WeCom, read-only.
//!
//! Run: `cargo run -p wecom-examples --bin brand_dealer`
//! (`RUST_LOG=wecom_core=debug` shows one span per call.)

use futures_util::TryStreamExt;
use wecom_apis::corpgroup::{
    ChainContact, ChainContactInfo, ChainCorpInfoListRequest, DownStreamApi,
    ExternalUseridToPendingIdRequest, IdentityType, ImportChainContactRequest, ListAppShareInfoRequest,
    UnionidToExternalUseridRequest, UpStreamApi,
};
use wecom_apis::{Client, CorpClient, Result};
use wecom_testkit::{Sandbox, creds};

struct Setup {
    brand: CorpClient,
    agentid: i64,
    sandbox: Option<Sandbox>,
}

async fn setup() -> Result<Setup> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if let (Some(corpid), Some(secret), Some(agentid)) = (
        env("WECOM_CORPID"),
        env("WECOM_CORP_SECRET"),
        env("WECOM_AGENTID"),
    ) {
        println!("running against real WeCom as {corpid} (read-only)");
        return Ok(Setup {
            brand: Client::builder().corp(corpid, secret).build()?,
            agentid: agentid.parse().unwrap_or_default(),
            sandbox: None,
        });
    }
    let sandbox = Sandbox::start().await;
    println!("running offline against the sandbox at {}", sandbox.base_url());
    Ok(Setup {
        brand: Client::builder()
            .corp(creds::CORPID, creds::CORP_SECRET)
            .base_url(sandbox.base_url())
            .build()?,
        // The brand's app shared into the sandbox chain.
        agentid: 1_000_005,
        sandbox: Some(sandbox),
    })
}

#[tokio::main]
async fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let Setup {
        brand,
        agentid,
        sandbox,
    } = setup().await?;

    // 1. The chain's contact book. Corps are listed per group, so walk the groups.
    let chains = brand.get_chain_list().await?.chains;
    let chain = chains.first().ok_or("the corp owns no chain")?;
    println!("1. chain {} 「{}」", chain.chain_id, chain.chain_name);
    // The root group (id 1) is not listed by get_chain_group.
    let mut groups = vec![(1, "根分组".to_owned())];
    let listed = brand.get_chain_group(&chain.chain_id, None).await?.groups;
    groups.extend(listed.into_iter().map(|g| (g.groupid, g.group_name)));
    for (groupid, group_name) in groups {
        let corps: Vec<_> = brand
            .get_chain_corpinfo_list_stream(
                ChainCorpInfoListRequest::new(&chain.chain_id)
                    .with_groupid(groupid)
                    .with_need_pending(true),
            )
            .try_collect()
            .await?;
        println!("   group {groupid} 「{group_name}」: {} corp(s)", corps.len());
        for corp in corps {
            let id = corp.chain_corp().map(|c| c.id().to_owned()).unwrap_or_default();
            let joined = if corp.is_joined { "joined" } else { "pending" };
            println!(
                "     - {} ({id}, {joined}, custom id {:?})",
                corp.corp_name, corp.custom_id
            );
        }
    }

    // 2. Which dealers the app is shared with (and the app's agentid there).
    let shares: Vec<_> = brand
        .list_app_share_info_stream(ListAppShareInfoRequest::new(agentid))
        .try_collect()
        .await?;
    println!("2. the app is shared with:");
    for s in &shares {
        println!("   {} ({}) as agentid {}", s.corp_name, s.corpid, s.agentid);
    }
    let share = shares.first().ok_or("the app is shared with no dealer")?;

    // 3. Act as the dealer: every corp-token endpoint works on this client.
    let dealer = brand.downstream(&share.corpid, share.agentid);
    let Some(sandbox) = sandbox else {
        println!(
            "3. dealer client ready for {}; stopping here (read-only run)",
            share.corpid
        );
        return Ok(());
    };
    // A dealer member opened the brand's mini program; move the session
    // into the dealer's corp, with the dealer's token.
    let (encrypted_userid, session_key) = sandbox.corpgroup().miniprogram_login(&share.corpid, "alice")?;
    let session = dealer.transfer_session(&encrypted_userid, &session_key).await?;
    println!(
        "3. as {}: the mini-program user is member {} (session moved to the dealer)",
        share.corpid, session.userid
    );

    // 4. A fan of the brand's mini program, then a customer of the dealer.
    let (unionid, openid) = ("ouBRANDFAN0001", "oMINIPROGRAM0001");
    let pending = brand.unionid_to_pending_id(unionid, openid).await?;
    println!(
        "4. fan {unionid} → pending_id {} (valid 90 days)",
        pending.pending_id
    );
    let external_userid = sandbox
        .corpgroup()
        .add_downstream_customer(&share.corpid, unionid, openid)?;
    let mapped = dealer
        .downstream_external_userid_to_pending_id(&ExternalUseridToPendingIdRequest::new([&external_userid]))
        .await?;
    for m in &mapped.result {
        println!(
            "   dealer customer {} → pending_id {}",
            m.external_userid, m.pending_id
        );
    }
    let found = brand
        .corpgroup_unionid_to_external_userid(&UnionidToExternalUseridRequest::new(unionid, openid))
        .await?;
    for f in &found.external_userid_info {
        println!(
            "   fan {unionid} is customer {} of {}",
            f.external_userid, f.corpid
        );
    }

    // 5. Import a new store; one import job at a time, poll until done.
    let job = brand
        .import_chain_contact(&ImportChainContactRequest::new(
            &chain.chain_id,
            vec![
                ChainContact::new(
                    "杭州旗舰店",
                    vec![
                        ChainContactInfo::new("周店长", IdentityType::Head, "13900000001"),
                        ChainContactInfo::new("吴店员", IdentityType::Member, "13900000002")
                            .with_user_custom_id("3001"),
                    ],
                )
                .with_group_path("华东经销商/杭州门店")
                .with_custom_id("HZ0001"),
            ],
        ))
        .await?;
    println!("5. import job {}", job.jobid);
    let result = loop {
        let state = brand.get_result(&job.jobid).await?;
        println!("   status: {}", state.status);
        if let Some(result) = state.result {
            break result;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    match result.import_status {
        Some(status) => println!("   import: {status}, {} corp(s) failed", result.fail_list.len()),
        None => println!("   import finished, {} corp(s) failed", result.fail_list.len()),
    }
    Ok(())
}
