//! 消息推送 (`message/*`, `appchat/*`, `linkedcorp/message/send`,
//! `webhook/*`) in the sandbox.
//!
//! # Apps and recipients
//! Every corp the sandbox knows has app **1000002** 「沙箱应用」; more are
//! registered with [`MessageSandbox::add_agent`]. Recipients are checked
//! against the corp's directory (`State.directory`, read here, never
//! written): unknown members, departments and tags come back in
//! `invaliduser` / `invalidparty` / `invalidtag` (joined with `|` as WeCom
//! does) while the others get the message; all of them invalid is 81013,
//! none given 82001. Departments reach their sub-departments; `@all`
//! reaches every member. Media ids must name media of the same corp and
//! type in the shared media store ([`MessageSandbox::add_media`] puts some
//! there).
//!
//! # Behaviour
//! * Every message is logged ([`MessageSandbox::sent`]): what, from which
//!   app, to whom it was addressed and delivered, recalls, card updates.
//! * Interactive template cards (button / vote / multiple) get a
//!   `response_code`, usable once within 72 hours. A member's click or
//!   submission ([`MessageSandbox::card_event`]), or choice in a notice
//!   card's action menu ([`MessageSandbox::card_menu_event`]), gives the
//!   `template_card_event` / `template_card_menu_event` WeCom would push,
//!   with a fresh code. A card's `task_id` is unique per app.
//! * `enable_duplicate_check`: an identical message (type, content,
//!   recipients, app) within the interval (default 1800 s, at most 4 h) is
//!   not delivered again; the reply carries the first one's msgid.
//! * An app's text longer than 2048 bytes is cut there (WeCom's page says
//!   so), a markdown is refused (45002); a robot refuses a long text or
//!   markdown with 40058 ("exceed max length").
//! * Recall works for 24 hours of sandbox clock, once.
//! * `message/get_statistics` counts member-messages per app for the
//!   sandbox day (UTC+8) of today or yesterday.
//! * App group chats belong to the corp that created them (the sandbox's
//!   tokens know no app); an omitted owner is the first member.
//! * Linked-corp messages reach `CorpId/userid` members of any other corp
//!   the sandbox knows.
//! * Group robots exist once registered ([`MessageSandbox::add_webhook`]);
//!   any other key, or a removed robot, is 93000; more than 20 messages a
//!   minute per robot is 45009; image messages are checked (base64, MD5,
//!   2 MB); file / voice ids must come from the same robot's upload.
//!
//! Error codes are in [`codes`]: WeCom's where known (42052 a recall after
//! 24 hours, 60140 an invalid or expired response code, 40058 an unknown
//! msgid), a sandbox block `8209xx` where WeCom documents none (a second
//! recall, a repeated task id).
//!
//! [`MessageSandbox::add_agent`]: console::MessageSandbox::add_agent
//! [`MessageSandbox::add_media`]: console::MessageSandbox::add_media
//! [`MessageSandbox::sent`]: console::MessageSandbox::sent
//! [`MessageSandbox::card_event`]: console::MessageSandbox::card_event
//! [`MessageSandbox::card_menu_event`]: console::MessageSandbox::card_menu_event
//! [`MessageSandbox::add_webhook`]: console::MessageSandbox::add_webhook

mod app;
mod appchat;
mod codes;
pub(crate) mod console;
mod content;
mod linkedcorp;
pub(crate) mod model;
mod recipients;
mod webhook;

use super::directory::Directory;
use super::media_store::MediaStore;
use super::params::Fields;
use super::record::RecordedRequest;
use super::reply::{ApiError, Reply};
use super::tokens::TokenStore;

pub(crate) use model::MessageState;

/// The app every corp has.
pub(crate) const DEFAULT_AGENTID: i64 = 1_000_002;
/// Its name.
pub(crate) const DEFAULT_AGENT_NAME: &str = "沙箱应用";

/// Every path this module serves, relative to `/cgi-bin/`.
pub(crate) const PATHS: &[&str] = &[
    "message/send",
    "message/recall",
    "message/update_template_card",
    "message/get_statistics",
    "appchat/create",
    "appchat/update",
    "appchat/get",
    "appchat/send",
    "linkedcorp/message/send",
    "webhook/send",
    "webhook/upload_media",
];

/// Whether `path` is this family's.
pub(crate) fn serves(path: &str) -> bool {
    PATHS.contains(&path)
}

/// What the handlers read besides their own state.
pub(crate) struct Env<'a> {
    pub(crate) tokens: &'a TokenStore,
    pub(crate) directory: &'a mut Directory,
    pub(crate) media: &'a MediaStore,
    pub(crate) req: &'a RecordedRequest,
    pub(crate) now: i64,
}

/// Answers every path of [`PATHS`].
pub(crate) fn handle(state: &mut MessageState, env: Env<'_>) -> Reply {
    let result = match env.req.path.as_str() {
        "message/send" => app::send(state, env),
        "message/recall" => app::recall(state, env),
        "message/update_template_card" => app::update_template_card(state, env),
        "message/get_statistics" => app::get_statistics(state, env),
        "appchat/create" => appchat::create(state, env),
        "appchat/update" => appchat::update(state, env),
        "appchat/get" => appchat::get(state, env),
        "appchat/send" => appchat::send(state, env),
        "linkedcorp/message/send" => linkedcorp::send(state, env),
        "webhook/send" => webhook::send(state, &env),
        "webhook/upload_media" => webhook::upload_media(state, &env),
        path => return Reply::not_found(path),
    };
    Reply::from_result(result)
}

/// The `agentid` of a request: required (41011) and an app of `corpid` (40056).
fn agentid(state: &MessageState, corpid: &str, f: &Fields<'_>) -> Result<i64, ApiError> {
    let agentid = f
        .opt_int("agentid")?
        .ok_or_else(|| ApiError::new(codes::MISSING_AGENTID, "missing agentid"))?;
    if state.agent_name(corpid, agentid).is_none() {
        return Err(ApiError::new(
            codes::INVALID_AGENTID,
            format!("invalid agentid {agentid}: not an app of {corpid}"),
        ));
    }
    Ok(agentid)
}

/// Whether `media_id` is media of `corpid` of type `media_type` at `now`.
fn has_media(media: &MediaStore, corpid: &str, media_id: &str, media_type: &str, now: i64) -> bool {
    media
        .get(corpid, media_id, now)
        .is_some_and(|m| m.media_type == media_type)
}
