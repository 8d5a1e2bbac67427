//! Logging members in with WeCom's OAuth2 (网页授权登录): a small axum app
//! whose `/` redirects to the authorize page and whose `/callback` checks
//! `state`, exchanges the code for the user's identity and shows the user.
//!
//! Offline (default): starts the sandbox (WeCom) and the app on
//! 127.0.0.1, then plays the browser once — follows the redirect, lets
//! member `zhangsan` pass the authorize page (the sandbox hands out the
//! code WeCom would append), calls the callback, prints the page, shows a
//! forged `state` being refused — and exits.
//!
//! Real: with `WECOM_CORPID`, `WECOM_CORP_SECRET`, `WECOM_AGENTID` and
//! `WECOM_PUBLIC_URL` (the app's address on its trusted domain, e.g.
//! `https://app.example.com`; optionally `WECOM_LISTEN`, default
//! 0.0.0.0:8080) it serves until stopped; open it inside WeCom.
//!
//! Run: `cargo run -p wecom-examples --bin oauth_login`

use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;
use wecom_apis::auth::{AuthorizeUrl, IdentityApi, LoginIdentity, OAuthScope};
use wecom_apis::{Client, CorpClient};
use wecom_testkit::{Sandbox, creds};

/// What the app's handlers share.
struct App {
    client: CorpClient,
    corpid: String,
    agentid: i64,
    /// Where WeCom sends the user back (`…/callback`).
    callback_url: String,
    /// The `state`s handed out and not yet used: a callback must bring one
    /// back (CSRF protection; a real app binds it to the browser's session).
    states: Mutex<HashSet<String>>,
}

/// A fresh, unguessable `state`.
fn new_state() -> String {
    let random = std::collections::hash_map::RandomState::new();
    let mut hasher = random.build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    format!("{:016x}", hasher.finish())
}

/// `/`: off to the authorize page.
async fn login(State(app): State<Arc<App>>) -> Response {
    let state = new_state();
    let url = AuthorizeUrl::new(&app.corpid, &app.callback_url)
        .with_scope(OAuthScope::PrivateInfo)
        .with_agentid(app.agentid)
        .with_state(&state)
        .build();
    match url {
        Ok(url) => {
            app.states.lock().unwrap_or_else(|p| p.into_inner()).insert(state);
            Redirect::to(&url).into_response()
        }
        Err(err) => (StatusCode::INTERNAL_SERVER_ERROR, err.to_string()).into_response(),
    }
}

#[derive(Deserialize)]
struct Callback {
    code: Option<String>,
    state: Option<String>,
}

/// `/callback?code=&state=`: who is it?
async fn callback(State(app): State<Arc<App>>, Query(params): Query<Callback>) -> Response {
    let known = params
        .state
        .as_ref()
        .is_some_and(|s| app.states.lock().unwrap_or_else(|p| p.into_inner()).remove(s));
    if !known {
        return (StatusCode::BAD_REQUEST, "unknown or reused state").into_response();
    }
    let Some(code) = params.code.filter(|c| !c.is_empty()) else {
        return (StatusCode::BAD_REQUEST, "the user did not authorize the app").into_response();
    };
    match app.client.get_user_info(&code).await {
        Ok(LoginIdentity::Member(member)) => {
            let mut page = format!("<h1>Hello, {}</h1>", escape(&member.userid));
            if let Some(ticket) = &member.user_ticket {
                match app.client.get_user_detail(ticket.expose()).await {
                    Ok(detail) => page.push_str(&format!(
                        "<p>mobile {}<br>email {}<br><img src=\"{}\"></p>",
                        escape(&detail.mobile),
                        escape(&detail.email),
                        escape(&detail.avatar)
                    )),
                    Err(err) => page.push_str(&format!("<p>no details: {}</p>", escape(&err.to_string()))),
                }
            }
            Html(page).into_response()
        }
        Ok(LoginIdentity::NonMember(visitor)) => {
            Html(format!("<h1>Hello, visitor {}</h1>", escape(&visitor.openid))).into_response()
        }
        Err(err) => (StatusCode::UNAUTHORIZED, format!("login failed: {err}")).into_response(),
    }
}

/// HTML-escapes text from outside.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn routes(app: Arc<App>) -> axum::Router {
    axum::Router::new()
        .route("/", get(login))
        .route("/callback", get(callback))
        .with_state(app)
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    if let (Some(corpid), Some(secret), Some(agentid), Some(public)) = (
        env("WECOM_CORPID"),
        env("WECOM_CORP_SECRET"),
        env("WECOM_AGENTID"),
        env("WECOM_PUBLIC_URL"),
    ) {
        let app = Arc::new(App {
            client: Client::builder().corp(&corpid, secret).build()?,
            corpid,
            agentid: agentid.parse()?,
            callback_url: format!("{}/callback", public.trim_end_matches('/')),
            states: Mutex::new(HashSet::new()),
        });
        let listen = env("WECOM_LISTEN").unwrap_or_else(|| "0.0.0.0:8080".into());
        println!("serving the login on {listen}");
        axum::serve(tokio::net::TcpListener::bind(&listen).await?, routes(app)).await?;
        return Ok(());
    }
    offline().await
}

async fn offline() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = Sandbox::start().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let app = Arc::new(App {
        client: Client::builder()
            .corp(creds::CORPID, creds::CORP_SECRET)
            .base_url(sandbox.base_url())
            .build()?,
        corpid: creds::CORPID.to_owned(),
        agentid: 1_000_002,
        callback_url: format!("{base}/callback"),
        states: Mutex::new(HashSet::new()),
    });
    tokio::spawn(async move { axum::serve(listener, routes(app)).await });
    println!("app at {base}; the sandbox plays WeCom, this program the browser");

    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    println!("1. GET / redirects to the authorize page");
    let reply = browser.get(format!("{base}/")).send().await?;
    let location = reply
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .ok_or("no redirect")?
        .to_owned();
    println!("   {} → {location}", reply.status());
    let authorize = reqwest::Url::parse(&location)?;
    let param = |name: &str| {
        authorize
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .ok_or_else(|| format!("the authorize URL has no {name}"))
    };
    let (state, redirect_uri) = (param("state")?, param("redirect_uri")?);

    println!("2. zhangsan confirms on the authorize page; WeCom redirects with a code");
    let code = sandbox.auth().private_login_code(creds::CORPID, "zhangsan")?;
    let back = reqwest::Url::parse_with_params(
        &redirect_uri,
        [("code", code.as_str()), ("state", state.as_str())],
    )?;

    println!("3. GET /callback: the state is checked, the code exchanged");
    let page = browser.get(back.clone()).send().await?;
    let status = page.status();
    let html = page.text().await?;
    println!("   {status}\n{html}");
    if !status.is_success() || !html.contains("zhangsan") {
        return Err(format!("the login failed: {status} {html}").into());
    }

    println!("4. the same callback again: the state is used up");
    let again = browser.get(back).send().await?;
    println!("   {} {}", again.status(), again.text().await?);
    Ok(())
}
