//! 身份验证 in the sandbox: `auth/getuserinfo` and `auth/getuserdetail`.
//!
//! Login codes are issued by the console, as WeCom issues them when a user
//! passes the authorize or login page ([`AuthSandbox::login_code`] …): for
//! a member of a corp's directory, or for a non-member (an openid, maybe a
//! customer's external_userid). A code belongs to one corp, lasts 5
//! minutes of sandbox clock and works once; anything else is 40029 (also
//! a code of another corp). A missing code is 41008. Under
//! `snsapi_privateinfo`, for a member in the visible range of the app the
//! token acts as, the reply carries a `user_ticket` (1800 s) for
//! `auth/getuserdetail`, which answers the member's fields from the
//! directory; an unknown, expired or other corp's ticket is 40058
//! (sandbox-chosen: WeCom's own code for it is not documented).
//!
//! [`AuthSandbox::login_code`]: console::AuthSandbox::login_code

pub(crate) mod console;

use std::collections::HashMap;

use serde_json::{Value, json};

use super::agent::{AgentState, token_agent};
use super::directory::Directory;
use super::ids::IdGen;
use super::params::{JsonBody, query_param};
use super::record::RecordedRequest;
use super::reply::{ApiError, ApiResult, Reply, fields};
use super::tokens::TokenStore;
use super::tokens::require_any_corp;

/// WeCom: invalid code (不合法的oauth_code).
const INVALID_CODE: i64 = 40029;
/// WeCom: missing code (缺少oauth code).
const MISSING_CODE: i64 = 41008;
/// WeCom: userid not found.
const USER_NOT_FOUND: i64 = 60111;
/// WeCom: invalid corpid.
const INVALID_CORPID: i64 = 40013;
/// Life of a login code, seconds.
pub(crate) const CODE_TTL: i64 = 300;
/// Life of a user_ticket, seconds.
pub(crate) const USER_TICKET_TTL: i64 = 1800;

/// Every path this module serves, relative to `/cgi-bin/`.
pub(crate) const PATHS: &[&str] = &["auth/getuserinfo", "auth/getuserdetail"];

/// Who passed the login page.
#[derive(Debug, Clone)]
enum Visitor {
    /// A member, and whether the scope was `snsapi_privateinfo`.
    Member { userid: String, private: bool },
    /// Someone else.
    NonMember {
        openid: String,
        external_userid: Option<String>,
    },
}

#[derive(Debug, Clone)]
struct LoginCode {
    corpid: String,
    visitor: Visitor,
    expires_at: i64,
}

#[derive(Debug, Clone)]
struct UserTicket {
    corpid: String,
    userid: String,
    expires_at: i64,
}

/// Outstanding login codes and user_tickets.
#[derive(Debug)]
pub(crate) struct AuthState {
    codes: HashMap<String, LoginCode>,
    tickets: HashMap<String, UserTicket>,
    ids: IdGen,
}

impl Default for AuthState {
    fn default() -> Self {
        AuthState {
            codes: HashMap::new(),
            tickets: HashMap::new(),
            ids: IdGen::new(),
        }
    }
}

impl AuthState {
    /// A code for member `userid` of `corpid` (60111 / 40013 otherwise).
    pub(crate) fn member_code(
        &mut self,
        directory: &mut Directory,
        corpid: &str,
        userid: &str,
        private: bool,
        now: i64,
    ) -> Result<String, String> {
        let dir = directory
            .corp(corpid)
            .ok_or_else(|| format!("{INVALID_CORPID} invalid corpid {corpid}"))?;
        if !dir.has_user(userid) {
            return Err(format!("{USER_NOT_FOUND} userid not found: {userid}"));
        }
        let visitor = Visitor::Member {
            userid: userid.to_owned(),
            private,
        };
        Ok(self.code(corpid, visitor, now))
    }

    /// A code for a non-member of `corpid`.
    pub(crate) fn non_member_code(
        &mut self,
        directory: &mut Directory,
        corpid: &str,
        openid: &str,
        external_userid: Option<&str>,
        now: i64,
    ) -> Result<String, String> {
        directory
            .corp(corpid)
            .ok_or_else(|| format!("{INVALID_CORPID} invalid corpid {corpid}"))?;
        let visitor = Visitor::NonMember {
            openid: openid.to_owned(),
            external_userid: external_userid.map(str::to_owned),
        };
        Ok(self.code(corpid, visitor, now))
    }

    fn code(&mut self, corpid: &str, visitor: Visitor, now: i64) -> String {
        let code = self.ids.token();
        self.codes.insert(
            code.clone(),
            LoginCode {
                corpid: corpid.to_owned(),
                visitor,
                expires_at: now + CODE_TTL,
            },
        );
        code
    }
}

/// Answers `auth/getuserinfo` and `auth/getuserdetail`.
pub(crate) fn handle(
    state: &mut AuthState,
    apps: &mut AgentState,
    tokens: &TokenStore,
    directory: &mut Directory,
    req: &RecordedRequest,
    now: i64,
) -> Reply {
    let result = match req.path.as_str() {
        "auth/getuserinfo" => get_user_info(state, apps, tokens, directory, req, now),
        _ => get_user_detail(state, tokens, directory, req, now),
    };
    Reply::from_result(result)
}

/// `GET auth/getuserinfo?code=`: the code's visitor; the code is spent.
fn get_user_info(
    state: &mut AuthState,
    apps: &mut AgentState,
    tokens: &TokenStore,
    directory: &mut Directory,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let corpid = require_any_corp(tokens, &req.query, now)?;
    let code = query_param(&req.query, "code")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| ApiError::new(MISSING_CODE, "missing code"))?;
    let invalid = || ApiError::new(INVALID_CODE, "invalid code");
    let login = state.codes.get(code).ok_or_else(invalid)?;
    if login.corpid != corpid {
        return Err(invalid());
    }
    let login = state.codes.remove(code).ok_or_else(invalid)?;
    if now >= login.expires_at {
        return Err(invalid());
    }
    match login.visitor {
        Visitor::Member { userid, private } => {
            let still_member = directory.corp(&corpid).is_some_and(|d| d.has_user(&userid));
            if !still_member {
                return Err(ApiError::new(
                    USER_NOT_FOUND,
                    format!("userid not found: {userid}"),
                ));
            }
            let mut reply = fields(json!({"userid": userid}));
            let visible = token_agent(&corpid)
                .and_then(|agentid| apps.app(&corpid, agentid, directory))
                .is_some_and(|app| app.sees(directory, &corpid, &userid));
            if private && visible {
                let ticket = state.ids.token();
                state.tickets.insert(
                    ticket.clone(),
                    UserTicket {
                        corpid,
                        userid,
                        expires_at: now + USER_TICKET_TTL,
                    },
                );
                // As page 91023's sample: no expires_in (the page gives
                // the ticket's life, 1800 s, in prose).
                reply.insert("user_ticket".into(), json!(ticket));
            }
            Ok(reply)
        }
        Visitor::NonMember {
            openid,
            external_userid,
        } => {
            let mut reply = fields(json!({"openid": openid}));
            if let Some(id) = external_userid {
                reply.insert("external_userid".into(), json!(id));
            }
            Ok(reply)
        }
    }
}

/// `POST auth/getuserdetail` with `{user_ticket}`: the member's fields.
fn get_user_detail(
    state: &mut AuthState,
    tokens: &TokenStore,
    directory: &mut Directory,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let corpid = require_any_corp(tokens, &req.query, now)?;
    let body = JsonBody::parse(&req.body)?;
    let ticket = body.fields().req_str("user_ticket")?;
    let t = state
        .tickets
        .get(ticket)
        .filter(|t| t.corpid == corpid && now < t.expires_at)
        .ok_or_else(|| ApiError::invalid("invalid user_ticket"))?;
    let member = directory
        .corp(&corpid)
        .and_then(|d| d.users.get(&t.userid))
        .ok_or_else(|| ApiError::new(USER_NOT_FOUND, format!("userid not found: {}", t.userid)))?;
    let extra = |key: &str| member.extra.get(key).cloned();
    let gender = match extra("gender") {
        Some(Value::String(g)) => g,
        Some(Value::Number(n)) => n.to_string(),
        _ => "0".to_owned(),
    };
    let userid = &member.userid;
    Ok(fields(json!({
        "userid": userid,
        "gender": gender,
        "avatar": format!("https://wework.qpic.cn/sandbox/avatar/{userid}/0"),
        "qr_code": format!("https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=sandbox{userid}"),
        "mobile": member.mobile,
        "email": member.email,
        "biz_mail": extra("biz_mail").unwrap_or_else(|| json!(format!("{userid}@sandbox.wecom.work"))),
        "address": extra("address").unwrap_or_else(|| json!("")),
    })))
}
