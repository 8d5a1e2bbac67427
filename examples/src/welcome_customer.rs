//! Welcoming a new customer (客户联系): a self-built app receives the
//! `change_external_contact` / `add_external_contact` callback, looks the
//! customer up, sends the welcome message (text + image) with the event's
//! `WelcomeCode`, and tags the customer.
//!
//! Offline (default): starts the sandbox (a fake WeCom server on 127.0.0.1)
//! and a callback receiver on 127.0.0.1, plays WeCom by POSTing an encrypted
//! `add_external_contact` push for member `zhangsan` and customer
//! `wmCUSTOMER0001`, and runs the flow against the sandbox.
//!
//! Real: with `WECOM_CORPID`, `WECOM_CORP_SECRET` (the 客户联系 secret, or
//! a self-built app's secret with the app in 「可调用应用」),
//! `WECOM_CALLBACK_TOKEN` and `WECOM_ENCODING_AES_KEY` (optionally
//! `WECOM_LISTEN`, default 0.0.0.0:8080, and `WECOM_WELCOME_IMAGE`, a
//! JPG/PNG path) it serves `/wecom/callback` until stopped; configure that
//! URL as the 客户联系 event callback.
//!
//! WeCom accepts a `WelcomeCode` only within 20 seconds of the event and
//! only once, and waits 5 seconds for the callback's `success`: the route
//! only hands the event over, and the image is uploaded before any customer
//! arrives (a temporary media `media_id` lasts 3 days; it comes from
//! `media/upload`, as WeCom's send_welcome_msg page says).
//!
//! Run: `cargo run -p wecom-examples --bin welcome_customer`

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;
use wecom_apis::callback::axum::callback_router;
use wecom_apis::callback::event::{Event, ExternalContactChange, ExternalContactChangeType};
use wecom_apis::callback::{CallbackCrypto, CallbackReceiver, Received, signature};
use wecom_apis::external_contact::{
    AttachmentMediaType, CorpTagApi, CustomerApi, MarkTagRequest, MassMessageApi, MediaUploadApi,
    MsgAttachment, WelcomeMsg,
};
use wecom_apis::{Client, CorpClient, Upload};
use wecom_testkit::{Sandbox, creds};

/// The corp tag every welcomed customer gets: group 客户来源, tag 线上.
const TAG_GROUP: &str = "客户来源";
/// See [`TAG_GROUP`].
const TAG_NAME: &str = "线上";

/// A 1×1 PNG, the welcome image when `WECOM_WELCOME_IMAGE` is not set.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00,
    0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x3f, 0x98, 0x00, 0x00, 0x01, 0xfb,
    0x01, 0x29, 0x07, 0x0a, 0x67, 0xb2, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60,
    0x82,
];

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    if let (Some(corpid), Some(secret), Some(token), Some(key)) = (
        env("WECOM_CORPID"),
        env("WECOM_CORP_SECRET"),
        env("WECOM_CALLBACK_TOKEN"),
        env("WECOM_ENCODING_AES_KEY"),
    ) {
        return serve_for_real(&corpid, &secret, &token, &key).await;
    }
    offline().await
}

/// The callback route: hands every new-customer event to `tx` and answers
/// WeCom at once.
fn routes(receiver: Arc<CallbackReceiver>, tx: mpsc::UnboundedSender<ExternalContactChange>) -> axum::Router {
    let handler = move |received: Received| {
        let tx = tx.clone();
        async move {
            match received.event {
                Event::ChangeExternalContact { change, .. }
                    if matches!(
                        change.change_type,
                        ExternalContactChangeType::AddExternalContact
                            | ExternalContactChangeType::AddHalfExternalContact
                    ) =>
                {
                    println!(
                        "← change_external_contact/{}: {} added {} (state {}, WelcomeCode {})",
                        change.change_type,
                        change.user_id,
                        change.external_user_id,
                        change.state.as_deref().unwrap_or("-"),
                        if change.welcome_code.is_some() {
                            "present"
                        } else {
                            "absent"
                        },
                    );
                    // The receiving side is gone only when the app shuts down.
                    let _ = tx.send(change);
                }
                other => println!("← {} event (ignored)", other.kind()),
            }
        }
    };
    axum::Router::new().nest("/wecom/callback", callback_router(receiver, handler))
}

/// Uploads the welcome image once; its `media_id` is valid for 3 days.
async fn upload_welcome_image(client: &CorpClient, image: Upload) -> wecom_apis::Result<String> {
    let uploaded = client.upload_media(AttachmentMediaType::Image, &image).await?;
    println!(
        "   media/upload → media_id {} ({})",
        uploaded.media_id, uploaded.media_type
    );
    Ok(uploaded.media_id)
}

/// The flow for one new customer: look up → welcome → tag.
async fn welcome(
    client: &CorpClient,
    image_media_id: &str,
    change: &ExternalContactChange,
) -> wecom_apis::Result<()> {
    println!("2. fetch the customer (externalcontact/get)");
    let detail = client
        .get_external_contact(&change.external_user_id, None)
        .await?;
    let customer = &detail.external_contact;
    println!(
        "   {} ({}, {:?} user), followed by {}",
        customer.name,
        customer.external_userid,
        customer.customer_type,
        detail
            .follow_user
            .iter()
            .map(|f| f.userid.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );

    println!("3. send the welcome message (externalcontact/send_welcome_msg)");
    match &change.welcome_code {
        Some(code) => {
            let name = if customer.name.is_empty() {
                "您"
            } else {
                customer.name.as_str()
            };
            let message = WelcomeMsg::new(code)
                .with_text(format!("{name}您好，我是{}，很高兴为您服务！", change.user_id))
                .with_attachment(MsgAttachment::image(image_media_id));
            client.send_welcome_msg(&message).await?;
            println!("   sent text + image {image_media_id} with WelcomeCode {code}");
        }
        // No code: a welcome message is configured in the admin console,
        // or the two have chatted before.
        None => println!("   no WelcomeCode in the event: nothing to send"),
    }

    println!("4. tag the customer {TAG_GROUP}/{TAG_NAME} (externalcontact/mark_tag)");
    let library = client.get_corp_tag_list(None, None).await?;
    let tag = library
        .tag_group
        .iter()
        .filter(|group| group.group_name == TAG_GROUP)
        .flat_map(|group| &group.tag)
        .find(|tag| tag.name == TAG_NAME);
    let Some(tag) = tag else {
        println!("   the corp has no tag {TAG_GROUP}/{TAG_NAME}: not tagged");
        return Ok(());
    };
    client
        .mark_tag(&MarkTagRequest::new(&change.user_id, &change.external_user_id).with_add_tag([&tag.id]))
        .await?;
    let detail = client
        .get_external_contact(&change.external_user_id, None)
        .await?;
    let tags: Vec<String> = detail
        .follow_user
        .iter()
        .filter(|f| f.userid == change.user_id)
        .flat_map(|f| &f.tags)
        .map(|t| format!("{}/{}", t.group_name.as_deref().unwrap_or("-"), t.tag_name))
        .collect();
    println!(
        "   {} now carries the tags {} for {}",
        change.external_user_id,
        tags.join(", "),
        change.user_id
    );
    Ok(())
}

async fn serve_for_real(
    corpid: &str,
    secret: &str,
    token: &str,
    key: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::builder().corp(corpid, secret).build()?;
    println!("1. upload the welcome image");
    let image = match env("WECOM_WELCOME_IMAGE") {
        Some(path) => {
            let name = std::path::Path::new(&path)
                .file_name()
                .map_or_else(|| "welcome.png".to_owned(), |n| n.to_string_lossy().into_owned());
            Upload::new(name, std::fs::read(&path)?)
        }
        None => Upload::new("welcome.png", PNG).with_content_type("image/png"),
    };
    let media_id = upload_welcome_image(&client, image).await?;
    let receiver = Arc::new(CallbackReceiver::new(CallbackCrypto::new(token, key, corpid)?));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let listen = env("WECOM_LISTEN").unwrap_or_else(|| "0.0.0.0:8080".into());
    let listener = tokio::net::TcpListener::bind(&listen).await?;
    tokio::spawn(async move { axum::serve(listener, routes(receiver, tx)).await });
    println!("serving /wecom/callback on {listen}");
    while let Some(change) = rx.recv().await {
        let (client, media_id) = (client.clone(), media_id.clone());
        tokio::spawn(async move {
            if let Err(err) = welcome(&client, &media_id, &change).await {
                eprintln!("   welcoming {} failed: {err}", change.external_user_id);
            }
        });
    }
    Ok(())
}

async fn offline() -> Result<(), Box<dyn std::error::Error>> {
    const TOKEN: &str = "exampleCallbackToken";
    const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    let sandbox = Sandbox::start().await;
    println!("running offline against the sandbox at {}", sandbox.base_url());
    // The sandbox keeps customers and tags; these two paths get canned
    // replies (JSON text parsed into the sandbox's JSON value).
    sandbox.stub(
        "media/upload",
        r#"{"type": "image", "media_id": "3Bq-welcome-image-media-id", "created_at": "1700000000"}"#
            .parse()?,
    );
    sandbox.stub("externalcontact/send_welcome_msg", "{}".parse()?);
    let client = Client::builder()
        .corp(creds::CORPID, creds::CORP_SECRET)
        .base_url(sandbox.base_url())
        .build()?;

    println!("1. upload the welcome image (before any customer arrives)");
    let media_id = upload_welcome_image(
        &client,
        Upload::new("welcome.png", PNG).with_content_type("image/png"),
    )
    .await?;

    let crypto = CallbackCrypto::new(TOKEN, KEY, creds::CORPID)?;
    let receiver = Arc::new(CallbackReceiver::new(crypto.clone()));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, routes(receiver, tx)).await });
    println!("   receiver at http://{addr}/wecom/callback");

    println!("→ WeCom pushes add_external_contact (zhangsan added wmCUSTOMER0001)");
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let event = format!(
        "<xml><ToUserName><![CDATA[{corpid}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
         <CreateTime>{now}</CreateTime><MsgType><![CDATA[event]]></MsgType>\
         <Event><![CDATA[change_external_contact]]></Event>\
         <ChangeType><![CDATA[add_external_contact]]></ChangeType>\
         <UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[wmCUSTOMER0001]]></ExternalUserID>\
         <State><![CDATA[shop_qr]]></State><WelcomeCode><![CDATA[CALLBACK_WELCOME_CODE]]></WelcomeCode>\
         </xml>",
        corpid = creds::CORPID
    );
    let encrypt = crypto.encrypt(&event, creds::CORPID);
    let (timestamp, nonce) = (now.to_string(), "nonce0001");
    let msg_signature = signature(TOKEN, &timestamp, nonce, &encrypt);
    let body = format!(
        "<xml><ToUserName><![CDATA[{}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>\
         <AgentID><![CDATA[1000002]]></AgentID></xml>",
        creds::CORPID
    );
    let target = format!("/wecom/callback?msg_signature={msg_signature}&timestamp={timestamp}&nonce={nonce}");
    let answer = post(addr, &target, &body).await?;
    println!("   receiver answered: {}", answer.trim());

    let change = rx
        .recv()
        .await
        .ok_or("the receiver stopped before the event arrived")?;
    welcome(&client, &media_id, &change).await?;

    if let Some(sent) = sandbox.requests("externalcontact/send_welcome_msg").first() {
        println!("sandbox received send_welcome_msg {}", sent.body);
    }
    Ok(())
}

/// Plays WeCom: POSTs `body` to the receiver over plain HTTP/1.1 and returns
/// the answer's status line and body.
async fn post(addr: SocketAddr, target: &str, body: &str) -> std::io::Result<String> {
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let request = format!(
        "POST {target} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/xml\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await?;
    let status = response.lines().next().unwrap_or_default();
    let content = response.split_once("\r\n\r\n").map_or("", |(_, content)| content);
    Ok(format!("{status} {content}"))
}
