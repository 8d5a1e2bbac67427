//! Sending app messages (消息推送): a text to a member, a markdown to a
//! department, an approval card with buttons, updating the card once the
//! member decided, and recalling a message sent by mistake.
//!
//! Offline (default): starts the sandbox (a fake WeCom server on
//! 127.0.0.1) and runs against its corp (members `zhangsan` and `lisi` in
//! department 1, app 1000002), then prints the sandbox's message log.
//!
//! Real: with `WECOM_CORPID`, `WECOM_CORP_SECRET` (an app's secret),
//! `WECOM_AGENTID` (that app) and `WECOM_TO_USER` (a member in its visible
//! range) it sends the same messages to that member.
//!
//! Run: `cargo run -p wecom-examples --bin send_message`

use wecom_apis::callback::event::{Event, parse_event};
use wecom_apis::message::{
    ButtonInteractionCard, CardButton, CardUpdate, HorizontalContent, MainTitle, Markdown, MessageApi,
    Recipients, SendMessageRequest, TemplateCard, TemplateCardApi, Text, UpdateTemplateCardRequest,
};
use wecom_apis::{Client, CorpClient};
use wecom_testkit::{Sandbox, creds};

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let (Some(corpid), Some(secret), Some(agentid), Some(user)) = (
        env("WECOM_CORPID"),
        env("WECOM_CORP_SECRET"),
        env("WECOM_AGENTID"),
        env("WECOM_TO_USER"),
    ) {
        let client = Client::builder().corp(corpid, secret).build()?;
        run(&client, agentid.parse()?, &user, None).await?;
        return Ok(());
    }
    let sandbox = Sandbox::start().await;
    println!("running offline against the sandbox at {}", sandbox.base_url());
    let client = Client::builder()
        .corp(creds::CORPID, creds::CORP_SECRET)
        .base_url(sandbox.base_url())
        .build()?;
    run(
        &client,
        sandbox.messages().default_agentid(),
        "zhangsan",
        Some(&sandbox),
    )
    .await?;

    println!("\nthe sandbox's message log:");
    for m in sandbox.messages().sent() {
        println!(
            "  {} {:<13} from app {} to {:?}{}{}",
            m.msgid,
            m.msgtype,
            m.agentid.unwrap_or_default(),
            m.delivered_to,
            if m.recalled { " (recalled)" } else { "" },
            if m.card_updates.is_empty() {
                String::new()
            } else {
                format!(" ({} card update)", m.card_updates.len())
            },
        );
    }
    Ok(())
}

async fn run(
    client: &CorpClient,
    agentid: i64,
    user: &str,
    sandbox: Option<&Sandbox>,
) -> wecom_apis::Result<()> {
    println!("1. a text to {user} (and to a member who does not exist)");
    let reply = client
        .send_message(&SendMessageRequest::new(
            agentid,
            Recipients::users([user, "no-such-member"]),
            Text::new("你的快递已到，请携带工卡前往邮件中心领取。"),
        ))
        .await?;
    println!("   msgid {}; not reached: {:?}", reply.msgid, reply.invaliduser);

    println!("2. a markdown to department 1 (and its sub-departments)");
    let markdown = Markdown::new(
        "您的会议室已经预定\n>**事项详情**\n>事　项：<font color=\"info\">开会</font>\n>时　间：<font color=\"comment\">上午9:00-11:00</font>",
    );
    let reply = client
        .send_message(&SendMessageRequest::new(
            agentid,
            Recipients::parties([1]),
            markdown,
        ))
        .await?;
    println!("   msgid {}", reply.msgid);

    println!("3. an approval card with two buttons to {user}");
    let card = ButtonInteractionCard {
        main_title: Some(MainTitle::new("报销审批").with_desc("差旅费 320 元")),
        horizontal_content_list: vec![HorizontalContent::text("申请人", "李四")],
        task_id: format!("expense-{}", std::process::id()),
        button_list: vec![
            CardButton::callback("同意", "approve").with_style(1),
            CardButton::callback("驳回", "reject").with_style(2),
        ],
        ..ButtonInteractionCard::default()
    };
    let sent = client
        .send_message(&SendMessageRequest::new(
            agentid,
            Recipients::users([user]),
            TemplateCard::from(card),
        ))
        .await?;
    println!(
        "   msgid {}, response_code {}",
        sent.msgid,
        if sent.response_code.is_some() {
            "received"
        } else {
            "absent"
        }
    );

    // The member clicks 同意: WeCom pushes a template_card_event with a
    // fresh response code (the sandbox plays the click; a real app gets it
    // at its callback URL); without one, the send reply's code.
    let clicked = match sandbox {
        Some(sb) => sb.messages().card_event(&sent.msgid, user, "approve", &[]).ok(),
        None => None,
    };
    let code = match clicked.as_deref().map(parse_event) {
        Some(Ok(Event::TemplateCardEvent { card, .. })) => Some(card.response_code),
        _ => None,
    }
    .or(sent.response_code);
    if let Some(code) = code {
        println!("4. {user} approved: the button turns into 已同意");
        let update =
            UpdateTemplateCardRequest::for_users(agentid, code, [user], CardUpdate::button("已同意"));
        let reply = client.update_template_card(&update).await?;
        println!("   updated; not reached: {:?}", reply.invaliduser);
    }

    println!("5. recall the markdown of step 2");
    client.recall_message(&reply.msgid).await?;
    println!("   recalled {}", reply.msgid);
    Ok(())
}
