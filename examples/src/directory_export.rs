//! Reading a whole corp directory (通讯录) the way WeCom recommends for
//! large corps: an asynchronous export. The app submits `export/user` with
//! an EncodingAESKey of its own, polls `export/get_result` until the job is
//! done, downloads each file and decrypts it with
//! [`parse_export`]. Offline it first
//! fills the sandbox's directory with a CSV batch job (`batch/syncuser`).
//!
//! Offline (default): starts the sandbox (a fake WeCom server on
//! 127.0.0.1), imports three members from a CSV, exports every member and
//! prints them.
//!
//! Real (read-only): with `WECOM_CORPID`, `WECOM_CORP_SECRET` (the
//! 通讯录同步 secret, or an app's secret with directory read permission)
//! and `WECOM_EXPORT_AES_KEY` (43 characters of `a-zA-Z0-9`, your choice)
//! it exports the members the secret may see and prints their userids and
//! departments.
//!
//! Run: `cargo run -p wecom-examples --bin directory_export`

use std::time::Duration;

use wecom_apis::contacts::{
    BatchApi, BatchJobRequest, ExportApi, ExportRequest, ExportStatus, ExportedUsers, parse_export,
};
use wecom_apis::{Client, CorpClient, Secret};
use wecom_testkit::{Sandbox, creds};

/// The key the offline run encrypts its export with.
const OFFLINE_KEY: &str = "IJUiXNpvGbODwKEBSEsAeOAPAhkqHqNCF6g19t9wfg2";

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let (Some(corpid), Some(secret), Some(key)) = (
        env("WECOM_CORPID"),
        env("WECOM_CORP_SECRET"),
        env("WECOM_EXPORT_AES_KEY"),
    ) {
        let client = Client::builder().corp(corpid, secret).build()?;
        return export_members(&client, &Secret::new(key)).await;
    }
    offline().await
}

/// Against the sandbox: import members from a CSV, then export them.
async fn offline() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = Sandbox::start().await;
    let client = Client::builder()
        .corp(creds::CORPID, creds::CORP_SECRET)
        .base_url(sandbox.base_url())
        .build()?;

    // What `media/upload?type=file` would store; the CSV follows WeCom's template.
    let csv = "姓名,帐号,手机号,邮箱,所在部门,职务\n\
               王小明,wangxiaoming,13700000001,,1;2,工程师\n\
               陈静,chenjing,,chenjing@example.com,2,设计师\n\
               张三,zhangsan,,,1,总经理\n";
    let media_id = sandbox.contacts().upload_csv(creds::CORPID, "members.csv", csv);
    let job = client
        .sync_users(&BatchJobRequest::new(media_id).with_to_invite(false))
        .await?;
    loop {
        let result = client.get_batch_result(&job.jobid).await?;
        if result.is_done() {
            for row in &result.result {
                let userid = row.userid.as_deref().unwrap_or("?");
                println!("import {userid}: {} {}", row.errcode, row.errmsg);
            }
            break;
        }
        println!("import running: {}%", result.percentage);
    }
    export_members(&client, &Secret::new(OFFLINE_KEY)).await
}

/// Exports every member the client may see, then downloads, decrypts and
/// prints each file.
async fn export_members(client: &CorpClient, key: &Secret) -> Result<(), Box<dyn std::error::Error>> {
    let job = client.export_user(&ExportRequest::new(key.clone())).await?;
    let files = loop {
        let result = client.get_export_result(&job.jobid).await?;
        match result.status {
            ExportStatus::Done => break result.data_list,
            ExportStatus::Failed => return Err("the export failed".into()),
            _ => tokio::time::sleep(Duration::from_secs(1)).await,
        }
    };
    let http = reqwest::Client::new();
    for file in files {
        let bytes = http
            .get(&file.url)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let users: ExportedUsers = parse_export(key, &bytes)?;
        for user in users.userlist {
            println!("{} {} departments {:?}", user.userid, user.name, user.department);
        }
    }
    Ok(())
}
