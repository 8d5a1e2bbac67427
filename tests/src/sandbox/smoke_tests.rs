//! One end-to-end pass over real HTTP on loopback (raw HTTP/1.1, no client crate).

use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{Fault, Sandbox, creds};

/// Sends one request; returns (status, content-type, body).
async fn send(sandbox: &Sandbox, method: &str, path_and_query: &str, body: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(sandbox.addr()).await.expect("connect");
    let request = format!(
        "{method} /cgi-bin/{path_and_query} HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((text.as_str(), ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let content_type = head
        .lines()
        .find_map(|l| l.strip_prefix("content-type: "))
        .unwrap_or_default()
        .to_owned();
    (status, content_type, body.to_owned())
}

async fn post(sandbox: &Sandbox, path: &str, token: &str, body: Value) -> Value {
    let (_, _, text) = send(
        sandbox,
        "POST",
        &format!("{path}?provider_access_token={token}"),
        &body.to_string(),
    )
    .await;
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

#[tokio::test]
async fn http_end_to_end() {
    let sandbox = Sandbox::start().await;
    assert!(sandbox.base_url().ends_with("/cgi-bin/"));

    // Corp token + user/get.
    let (status, ctype, body) = send(
        &sandbox,
        "GET",
        &format!(
            "gettoken?corpid={}&corpsecret={}",
            creds::CORPID,
            creds::CORP_SECRET
        ),
        "",
    )
    .await;
    assert_eq!((status, ctype.as_str()), (200, "application/json"));
    assert!(body.starts_with("{\"errcode\":0,"), "{body}");
    let corp_token = serde_json::from_str::<Value>(&body).expect("json")["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (_, _, user) = send(
        &sandbox,
        "GET",
        &format!("user/get?access_token={corp_token}&userid=lisi"),
        "",
    )
    .await;
    assert!(user.contains("\"userid\":\"lisi\""), "{user}");

    // Provider token; licence calls need it.
    let login = json!({"corpid": creds::PROVIDER_CORPID, "provider_secret": creds::PROVIDER_SECRET});
    let (_, _, body) = send(&sandbox, "POST", "service/get_provider_token", &login.to_string()).await;
    let token = serde_json::from_str::<Value>(&body).expect("json")["provider_access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (_, _, missing) = send(&sandbox, "POST", "license/get_order", "{}").await;
    assert!(missing.starts_with("{\"errcode\":41001"), "{missing}");
    let with_corp_token = post(
        &sandbox,
        "license/get_order",
        &corp_token,
        json!({"order_id": "x"}),
    )
    .await;
    assert_eq!(with_corp_token["errcode"], 40082);
    let (_, _, suite) = send(
        &sandbox,
        "POST",
        &format!("license/get_order?provider_access_token={token}&suite_access_token=s"),
        "{}",
    )
    .await;
    assert!(suite.starts_with("{\"errcode\":40082"), "{suite}");

    // Buy, pay, list codes, activate.
    let order = post(
        &sandbox,
        "license/create_new_order",
        &token,
        json!({"corpid": creds::CUSTOMER_CORPID, "buyer_userid": "b",
               "account_count": {"base_count": 1}, "account_duration": {"months": 1}}),
    )
    .await;
    let order_id = order["order_id"].as_str().unwrap_or_default().to_owned();
    assert!(sandbox.license().pay_order(&order_id).is_ok());
    let accounts = post(
        &sandbox,
        "license/list_order_account",
        &token,
        json!({"order_id": order_id}),
    )
    .await;
    let code = accounts["account_list"][0]["active_code"].clone();
    let activated = post(
        &sandbox,
        "license/active_account",
        &token,
        json!({"corpid": creds::CUSTOMER_CORPID, "active_code": code, "userid": "sunqi"}),
    )
    .await;
    assert_eq!(activated, json!({"errcode": 0, "errmsg": "ok"}));

    // Expired / revoked tokens.
    sandbox.expire_tokens();
    assert_eq!(
        post(
            &sandbox,
            "license/get_order",
            &token,
            json!({"order_id": order_id})
        )
        .await["errcode"],
        42009
    );
    sandbox.revoke_tokens();
    assert_eq!(
        post(
            &sandbox,
            "license/get_order",
            &token,
            json!({"order_id": order_id})
        )
        .await["errcode"],
        40082
    );

    // Faults, unknown paths, recording.
    sandbox.inject_fault(
        "gettoken",
        Fault::Status {
            status: 502,
            body: "bad gateway".into(),
        },
        1,
    );
    sandbox.inject_fault("gettoken", Fault::RawBody("{not json".into()), 1);
    sandbox.inject_fault("gettoken", Fault::Delay(Duration::from_millis(1)), 1);
    let (s1, c1, _) = send(&sandbox, "GET", "gettoken", "").await;
    let (s2, c2, b2) = send(&sandbox, "GET", "gettoken", "").await;
    let (_, _, b3) = send(&sandbox, "GET", "gettoken", "").await;
    assert_eq!((s1, c1.starts_with("text/plain")), (502, true));
    assert_eq!(
        (s2, c2.as_str(), b2.as_str()),
        (200, "application/json", "{not json")
    );
    assert!(b3.starts_with("{\"errcode\":41002"), "{b3}");
    let (s404, _, b404) = send(&sandbox, "POST", "no/such/api", "").await;
    assert_eq!(s404, 404);
    assert!(b404.starts_with("{\"errcode\":404"), "{b404}");
    assert_eq!(sandbox.request_count("gettoken"), 4);
    let recorded = sandbox.requests("/cgi-bin/license/create_new_order");
    assert_eq!(recorded.len(), 1);
    assert_eq!(
        recorded[0].query_param("provider_access_token"),
        Some(token.as_str())
    );
    assert_eq!(
        recorded[0].json().map(|v| v["buyer_userid"].clone()),
        Some(json!("b"))
    );
}

/// Every path the sandbox lists is handled (not answered with its 404 for
/// unknown paths), so the list kept beside each family's dispatch is true.
#[tokio::test]
async fn every_served_path_is_handled() {
    let sandbox = Sandbox::start().await;
    for path in Sandbox::served_paths() {
        let (status, _, body) = send(&sandbox, "POST", &path, "{}").await;
        assert!(
            status != 404 && !body.contains("no such API"),
            "{path} is listed as served but answered {status} {body}"
        );
    }
}
