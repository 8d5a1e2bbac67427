//! The JS-SDK family end to end: `wx.config` / `wx.agentConfig` signatures
//! made from tickets the sandbox hands out, checked the way the JS-SDK
//! checks them in the page; tickets cached like tokens — one fetch for
//! many concurrent signatures, in one client, across clients sharing a
//! store and across instances sharing Redis; refetched once expired.

use std::sync::Arc;
use std::time::Duration;

use futures_util::future::join_all;
use wecom_apis::jssdk::{AgentConfig, JsSdk, JsSdkApi, JsSdkConfig, TicketType};
use wecom_apis::{Client, CorpClient, MemoryStore, RedisStore, TokenStore};
use wecom_testkit::{Fault, RedisServer, Sandbox, TokenIssue, creds};

/// The app the sandbox's corp secret belongs to.
const AGENTID: i64 = 1_000_002;
/// A page of the app.
const PAGE: &str = "https://app.example.com/page?id=1&from=menu";

/// What a page hands to the JS-SDK: nonce, timestamp, signature.
trait Signed {
    fn parts(&self) -> (&str, i64, &str);
}

impl Signed for JsSdkConfig {
    fn parts(&self) -> (&str, i64, &str) {
        (&self.nonce_str, self.timestamp, &self.signature)
    }
}

impl Signed for AgentConfig {
    fn parts(&self) -> (&str, i64, &str) {
        (&self.nonce_str, self.timestamp, &self.signature)
    }
}

/// Whether the page at `url` passes the JS-SDK's check (`wx.config` with
/// `agentid` `None`, else `wx.agentConfig`) with `signed`.
fn passes(sb: &Sandbox, agentid: Option<i64>, url: &str, signed: &impl Signed) -> bool {
    let (nonce, timestamp, signature) = signed.parts();
    sb.jssdk()
        .verify(creds::CORPID, agentid, url, nonce, timestamp, signature)
}

#[tokio::test]
async fn signatures_pass_the_pages_check() {
    let sb = Sandbox::start().await;
    let jssdk = JsSdk::new(&sb.corp_client());

    let config = jssdk.config(&format!("{PAGE}#section")).await.expect("config");
    sb.assert_got("get_jsapi_ticket", &[]);
    assert_eq!(config.app_id, creds::CORPID);
    assert_eq!(config.nonce_str.len(), 16);
    assert!((config.timestamp - sb.now()).abs() <= 2);
    assert!(passes(&sb, None, PAGE, &config));
    assert!(
        !passes(&sb, None, "https://app.example.com/other", &config),
        "a signature is for one page"
    );

    let agent = jssdk.agent_config(AGENTID, PAGE).await.expect("agent config");
    sb.assert_got("ticket/get", &[("type", "agent_config")]);
    assert_eq!((agent.corpid.as_str(), agent.agentid), (creds::CORPID, AGENTID));
    assert!(passes(&sb, Some(AGENTID), PAGE, &agent));
    assert!(
        !passes(&sb, None, PAGE, &agent),
        "the app's ticket is not the corp's"
    );
    let json = serde_json::to_value(&agent).expect("json");
    assert_eq!(json["nonceStr"], agent.nonce_str);
    assert_eq!(json["agentid"], AGENTID);

    // Bad input: a clear error, no fetch.
    assert!(jssdk.config("/relative").await.is_err());
    assert!(jssdk.agent_config(0, PAGE).await.is_err());
    assert_eq!(sb.jssdk().fetch_count(creds::CORPID, None), 1);
}

#[tokio::test]
async fn the_declared_ticket_endpoints() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let corp = client.get_jsapi_ticket().await.expect("corp ticket");
    assert_eq!(corp.expires_in, 7200);
    assert_eq!(
        Some(corp.ticket.expose().to_owned()),
        sb.jssdk().current_ticket(creds::CORPID, None)
    );
    let app = client
        .get_ticket(TicketType::AgentConfig)
        .await
        .expect("app ticket");
    sb.assert_got("ticket/get", &[("type", "agent_config")]);
    assert_eq!(
        Some(app.ticket.expose().to_owned()),
        sb.jssdk().current_ticket(creds::CORPID, Some(AGENTID))
    );
    assert_ne!(app.ticket, corp.ticket);
    let other = client.get_ticket(TicketType::Other("jsapi".into())).await;
    assert_eq!(wecom_testkit::errcode(other, "unknown type"), 40_058);

    // While valid, WeCom hands out the same ticket with what is left of its
    // life; once the (sandbox) clock passes its 7200 s, a new one.
    sb.advance_clock(100);
    let again = client.get_jsapi_ticket().await.expect("again");
    assert_eq!(again.ticket, corp.ticket);
    assert!((7098..=7100).contains(&again.expires_in), "{}", again.expires_in);
    sb.advance_clock(7100);
    let renewed = client.get_jsapi_ticket().await.expect("renewed");
    assert_ne!(renewed.ticket, corp.ticket);
    assert_eq!(renewed.expires_in, 7200);
    assert_eq!(sb.jssdk().fetch_count(creds::CORPID, None), 3);
}

/// Many concurrent signatures on a cold cache: one ticket fetch (per
/// ticket), whether the callers share a `JsSdk`, make their own, or use
/// other clients on the same token store.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_signatures_fetch_one_ticket() {
    let sb = Sandbox::start().await;
    sb.inject_fault("get_jsapi_ticket", Fault::Delay(Duration::from_millis(100)), 1);
    sb.inject_fault("ticket/get", Fault::Delay(Duration::from_millis(100)), 1);
    let store: Arc<dyn TokenStore> = Arc::new(MemoryStore::new());
    let client = |store: &Arc<dyn TokenStore>| -> CorpClient {
        sb.client_builder()
            .corp(creds::CORPID, creds::CORP_SECRET)
            .shared_token_store(Arc::clone(store))
            .build()
            .expect("client")
    };
    let shared = JsSdk::new(&client(&store));
    let other_client = client(&store);
    let calls = (0..60).map(|i| {
        let jssdk = match i % 3 {
            0 => shared.clone(),
            1 => JsSdk::new(&other_client),
            _ => JsSdk::new(&client(&store)),
        };
        async move {
            let page = format!("{PAGE}&n={i}");
            let config = jssdk.config(&page).await.expect("config");
            let agent = jssdk.agent_config(AGENTID, &page).await.expect("agent config");
            (page, config, agent)
        }
    });
    let signed = join_all(calls).await;
    assert_eq!(sb.jssdk().fetch_count(creds::CORPID, None), 1);
    assert_eq!(sb.jssdk().fetch_count(creds::CORPID, Some(AGENTID)), 1);
    assert_eq!(sb.request_count("get_jsapi_ticket"), 1);
    for (page, config, agent) in &signed {
        assert!(passes(&sb, None, page, config));
        assert!(passes(&sb, Some(AGENTID), page, agent));
    }
}

/// A ticket past its life is fetched again (once), whatever WeCom hands out
/// meanwhile; signatures made after that pass the page's check.
#[tokio::test]
async fn an_expired_ticket_is_refetched() {
    for issue in [TokenIssue::SameWhileValid, TokenIssue::NewEachFetch] {
        let sb = Sandbox::start().await;
        sb.jssdk().set_ticket_issue(issue);
        sb.jssdk().set_ticket_ttl(2);
        let jssdk = JsSdk::new(&sb.corp_client());
        let first = jssdk.config(PAGE).await.expect("first");
        jssdk.config(PAGE).await.expect("cached");
        assert_eq!(sb.jssdk().fetch_count(creds::CORPID, None), 1, "{issue:?}");
        tokio::time::sleep(Duration::from_millis(2_100)).await;
        assert!(!passes(&sb, None, PAGE, &first), "the first ticket has expired");
        let renewed = jssdk.config(PAGE).await.expect("renewed");
        jssdk.config(PAGE).await.expect("renewed, cached");
        assert_eq!(sb.jssdk().fetch_count(creds::CORPID, None), 2, "{issue:?}");
        assert!(passes(&sb, None, PAGE, &renewed));
    }
}

/// Two app instances sharing Redis: one ticket fetch for both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_share_tickets_through_redis() {
    let sb = Sandbox::start().await;
    let redis = RedisServer::start();
    sb.inject_fault("get_jsapi_ticket", Fault::Delay(Duration::from_millis(100)), 1);
    let mut instances = Vec::new();
    for _ in 0..2 {
        let store = RedisStore::connect(&redis.url()).await.expect("redis");
        let client = Client::builder()
            .corp(creds::CORPID, creds::CORP_SECRET)
            .base_url(sb.base_url())
            .retry_policy(wecom_testkit::fast_retries())
            .token_store(store)
            .build()
            .expect("client");
        instances.push(JsSdk::new(&client));
    }
    let calls = (0..40).map(|i| {
        let jssdk = instances[i % 2].clone();
        async move { jssdk.config(PAGE).await.expect("config") }
    });
    let configs = join_all(calls).await;
    assert_eq!(sb.jssdk().fetch_count(creds::CORPID, None), 1);
    assert_eq!(sb.request_count("gettoken"), 1, "the corp token is shared too");
    for c in &configs {
        assert!(passes(&sb, None, PAGE, c));
    }
}

/// The ticket is fetched through the corp token's cell: a rejected corp
/// token is dropped, refetched and the ticket call retried.
#[tokio::test]
async fn a_rejected_corp_token_is_renewed_for_the_ticket() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    wecom_apis::agent::NetworkApi::get_api_domain_ip(&client)
        .await
        .expect("a first call");
    sb.revoke_tokens();
    let config = JsSdk::new(&client).config(PAGE).await.expect("config");
    assert_eq!(sb.request_count("gettoken"), 2);
    assert_eq!(
        sb.request_count("get_jsapi_ticket"),
        2,
        "rejected once, then answered"
    );
    assert!(passes(&sb, None, PAGE, &config));
}

/// Code that fetches tickets itself without caching them reaches the hourly
/// limits (45009): 100 app tickets, and 100 corp tickets per app; the signer
/// fetches once.
#[tokio::test]
async fn fetching_without_a_cache_hits_wecoms_limit() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    for _ in 0..100 {
        client
            .get_ticket(TicketType::AgentConfig)
            .await
            .expect("within the limit");
    }
    let over = client.get_ticket(TicketType::AgentConfig).await;
    assert_eq!(wecom_testkit::errcode(over, "101st fetch"), 45_009);
    // The corp's ticket: 400 an hour per corp, but no app more than 100.
    for _ in 0..100 {
        client.get_jsapi_ticket().await.expect("within the app's share");
    }
    let over = client.get_jsapi_ticket().await;
    assert_eq!(
        wecom_testkit::errcode(over, "101st corp ticket by one app"),
        45_009
    );
    // The cached signer would have fetched once.
    let jssdk = JsSdk::new(&client);
    sb.advance_clock(3600);
    for _ in 0..10 {
        jssdk.agent_config(AGENTID, PAGE).await.expect("agent config");
    }
    assert_eq!(sb.jssdk().fetch_count(creds::CORPID, Some(AGENTID)), 102);
}
