//! The authorization flow (应用授权): pre-auth codes, the admin's consent
//! (`Sandbox::authorize`), temporary auth codes, permanent codes and the
//! corp tokens they yield.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};

use super::super::codes as common;
use super::super::creds;
use super::super::ids::IdGen;
use super::super::params::{Fields, JsonBody};
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, ApiResult, fields};
use super::super::tokens::{TokenKind, TokenStore};
use super::codes;

/// Validity of a pre_auth_code, seconds (WeCom: `expires_in` 1200).
pub(crate) const PRE_AUTH_CODE_TTL: i64 = 1200;
/// Validity of a temporary auth_code, seconds.
pub(crate) const AUTH_CODE_TTL: i64 = 600;
/// agentid of the first app installed by authorization; later ones count up.
const FIRST_AGENTID: i64 = 1_000_100;

/// One authorization session started with `get_pre_auth_code`.
#[derive(Debug, Clone)]
struct PreAuth {
    expires_at: i64,
    /// `session_info.auth_type` (0 regular, 1 test).
    auth_type: i64,
}

/// A temporary auth_code the admin's consent produced.
#[derive(Debug, Clone)]
struct AuthCode {
    corpid: String,
    expires_at: i64,
    auth_type: i64,
}

/// A corp's standing authorization of the suite.
#[derive(Debug, Clone)]
pub(crate) struct Authorization {
    pub(crate) corpid: String,
    pub(crate) permanent_code: String,
    pub(crate) agentid: i64,
    pub(crate) auth_type: i64,
    pub(crate) admin: String,
    pub(crate) authorized_at: i64,
}

/// Everything the authorization flow remembers.
#[derive(Debug, Default)]
pub(crate) struct Authorizations {
    pre_auth: HashMap<String, PreAuth>,
    auth_codes: HashMap<String, AuthCode>,
    by_corp: BTreeMap<String, Authorization>,
    installs: i64,
}

impl Authorizations {
    /// What the admin's browser does on the authorization page: consents
    /// for `corpid` in the session of `pre_auth_code`, which is used up.
    /// Returns the temporary auth_code.
    pub(crate) fn authorize(
        &mut self,
        ids: &mut IdGen,
        pre_auth_code: &str,
        corpid: &str,
        now: i64,
    ) -> Result<String, ApiError> {
        self.session(pre_auth_code, now)?;
        if creds::users_of(corpid).is_none() {
            return Err(ApiError::new(
                common::INVALID_CORPID,
                format!("sandbox: {corpid} is not a corp the sandbox knows"),
            ));
        }
        let session = self.take_pre_auth(pre_auth_code, now)?;
        let n = ids.next();
        let code = format!("ac{}{:016x}", ids.token(), ids.noise(n, 7));
        self.auth_codes.insert(
            code.clone(),
            AuthCode {
                corpid: corpid.to_owned(),
                expires_at: now + AUTH_CODE_TTL,
                auth_type: session.auth_type,
            },
        );
        Ok(code)
    }

    /// The permanent code of `corpid`'s authorization, if it has one.
    pub(crate) fn permanent_code(&self, corpid: &str) -> Option<String> {
        self.by_corp.get(corpid).map(|a| a.permanent_code.clone())
    }

    /// The corp cancels its authorization (取消授权). Returns whether it had one.
    pub(crate) fn cancel(&mut self, corpid: &str) -> bool {
        self.by_corp.remove(corpid).is_some()
    }

    fn session(&self, pre_auth_code: &str, now: i64) -> Result<&PreAuth, ApiError> {
        let session = self
            .pre_auth
            .get(pre_auth_code)
            .ok_or_else(|| ApiError::new(codes::INVALID_PRE_AUTH_CODE, "invalid pre_auth_code"))?;
        if now >= session.expires_at {
            return Err(ApiError::new(
                codes::PRE_AUTH_CODE_EXPIRED,
                "pre_auth_code expired",
            ));
        }
        Ok(session)
    }

    fn take_pre_auth(&mut self, pre_auth_code: &str, now: i64) -> Result<PreAuth, ApiError> {
        let session = self.session(pre_auth_code, now)?.clone();
        self.pre_auth.remove(pre_auth_code);
        Ok(session)
    }

    /// The authorization of `corpid` if `permanent_code` is its code (else 40084).
    fn check(&self, corpid: &str, permanent_code: &str) -> Result<&Authorization, ApiError> {
        self.by_corp
            .get(corpid)
            .filter(|a| a.permanent_code == permanent_code)
            .ok_or_else(|| {
                ApiError::new(
                    codes::INVALID_PERMANENT_CODE,
                    "invalid permanent_code: wrong, of another corp, or the authorization was cancelled",
                )
            })
    }
}

/// `GET service/get_pre_auth_code`.
pub(crate) fn get_pre_auth_code(state: &mut Authorizations, ids: &mut IdGen, now: i64) -> ApiResult {
    let code = format!("pac{}", ids.token());
    state.pre_auth.insert(
        code.clone(),
        PreAuth {
            expires_at: now + PRE_AUTH_CODE_TTL,
            auth_type: 0,
        },
    );
    Ok(fields(
        json!({"pre_auth_code": code, "expires_in": PRE_AUTH_CODE_TTL}),
    ))
}

/// `POST service/set_session_info` with `{pre_auth_code, session_info: {appid, auth_type}}`.
pub(crate) fn set_session_info(state: &mut Authorizations, req: &RecordedRequest, now: i64) -> ApiResult {
    let body = post_body(req)?;
    let f = body.fields();
    let code = f.req_str("pre_auth_code")?;
    let info = f.req_obj("session_info")?;
    let auth_type = info.opt_int("auth_type")?.unwrap_or(0);
    if !matches!(auth_type, 0 | 1) {
        return Err(ApiError::invalid("session_info.auth_type must be 0 or 1"));
    }
    if let Some(appid) = info.get("appid")
        && !appid.as_array().is_some_and(|ids| ids.iter().all(Value::is_i64))
    {
        return Err(ApiError::invalid("session_info.appid must be a list of integers"));
    }
    state.session(code, now)?;
    if let Some(session) = state.pre_auth.get_mut(code) {
        session.auth_type = auth_type;
    }
    Ok(fields(json!({})))
}

/// `POST service/get_permanent_code` (and `service/v2/get_permanent_code`
/// when `v2`) with `{auth_code}`.
pub(crate) fn get_permanent_code(
    state: &mut Authorizations,
    ids: &mut IdGen,
    tokens: &mut TokenStore,
    req: &RecordedRequest,
    now: i64,
    v2: bool,
) -> ApiResult {
    let body = post_body(req)?;
    let f = body.fields();
    let code = f.req_str("auth_code")?;
    let grant = state
        .auth_codes
        .remove(code)
        .filter(|g| now < g.expires_at)
        .ok_or_else(|| {
            ApiError::new(
                codes::INVALID_AUTH_CODE,
                "invalid auth_code: unknown, expired or used",
            )
        })?;
    state.installs += 1;
    let users = creds::users_of(&grant.corpid).unwrap_or_default();
    let auth = Authorization {
        corpid: grant.corpid.clone(),
        permanent_code: format!("pc{}", ids.token()),
        agentid: FIRST_AGENTID + state.installs,
        auth_type: grant.auth_type,
        admin: users.first().copied().unwrap_or("admin").to_owned(),
        authorized_at: now,
    };
    state.by_corp.insert(auth.corpid.clone(), auth.clone());
    let admin = admin_json(&auth);
    if v2 {
        return Ok(fields(json!({
            "permanent_code": auth.permanent_code,
            "auth_corp_info": {"corpid": auth.corpid, "corp_name": corp_name(&auth.corpid)},
            "auth_user_info": admin,
            "state": "",
        })));
    }
    let (token, expires_in) = tokens.issue(TokenKind::Corp(auth.corpid.clone()), now);
    Ok(fields(json!({
        "access_token": token,
        "expires_in": expires_in,
        "permanent_code": auth.permanent_code,
        "auth_corp_info": corp_info_json(&auth.corpid),
        "auth_info": {"agent": [agent_json(&auth)]},
        "auth_user_info": admin,
        "edition_info": edition_json(&auth),
        "state": "",
    })))
}

/// `POST service/get_auth_info` with `{auth_corpid, permanent_code}`.
pub(crate) fn get_auth_info(state: &Authorizations, req: &RecordedRequest) -> ApiResult {
    let body = post_body(req)?;
    let (corpid, code) = corp_and_code(&body.fields())?;
    let auth = state.check(corpid, code)?;
    Ok(fields(json!({
        "auth_corp_info": corp_info_json(&auth.corpid),
        "auth_info": {"agent": [agent_json(auth)]},
        "edition_info": edition_json(auth),
    })))
}

/// `POST service/get_corp_token` with `{auth_corpid, permanent_code}`.
pub(crate) fn get_corp_token(
    state: &Authorizations,
    tokens: &mut TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let body = post_body(req)?;
    let (corpid, code) = corp_and_code(&body.fields())?;
    let auth = state.check(corpid, code)?;
    let (token, expires_in) = tokens.issue(TokenKind::Corp(auth.corpid.clone()), now);
    Ok(fields(json!({"access_token": token, "expires_in": expires_in})))
}

/// `POST service/get_admin_list` with `{auth_corpid, agentid}`.
pub(crate) fn get_admin_list(state: &Authorizations, req: &RecordedRequest) -> ApiResult {
    let body = post_body(req)?;
    let f = body.fields();
    let corpid = f
        .opt_str("auth_corpid")?
        .ok_or_else(|| ApiError::missing("corpid"))?;
    let agentid = f
        .opt_int("agentid")?
        .ok_or_else(|| ApiError::new(codes::MISSING_AGENTID, "missing agentid"))?;
    let auth = state.by_corp.get(corpid).ok_or_else(|| {
        ApiError::new(
            codes::NO_AUTHORIZATION,
            format!("{corpid} has not authorized this suite"),
        )
    })?;
    if agentid != auth.agentid {
        return Err(ApiError::new(
            codes::INVALID_AGENTID,
            format!("agentid {agentid} is not this suite's app in {corpid}"),
        ));
    }
    Ok(fields(json!({
        "admin": [{"userid": auth.admin, "open_userid": open_userid(&auth.admin), "auth_type": 1}]
    })))
}

fn post_body(req: &RecordedRequest) -> Result<JsonBody, ApiError> {
    JsonBody::parse(&req.body)
}

fn corp_and_code<'a>(f: &Fields<'a>) -> Result<(&'a str, &'a str), ApiError> {
    let corpid = f
        .opt_str("auth_corpid")?
        .ok_or_else(|| ApiError::missing("corpid"))?;
    let code = f
        .opt_str("permanent_code")?
        .ok_or_else(|| ApiError::new(codes::MISSING_PERMANENT_CODE, "missing permanent_code"))?;
    Ok((corpid, code))
}

fn corp_name(corpid: &str) -> &'static str {
    creds::corp_name(corpid).unwrap_or("sandbox corp")
}

fn open_userid(userid: &str) -> String {
    format!("wo_{userid}")
}

fn corp_info_json(corpid: &str) -> Value {
    json!({
        "corpid": corpid,
        "corp_name": corp_name(corpid),
        "corp_type": "verified",
        "corp_square_logo_url": format!("https://sandbox.invalid/logo/{corpid}"),
        "corp_user_max": 200,
        "corp_full_name": format!("{}有限公司", corp_name(corpid)),
        "verified_end_time": 4_102_444_800_i64,
        "subject_type": 1,
        "corp_wxqrcode": format!("https://sandbox.invalid/wxqrcode/{corpid}"),
        "corp_scale": "1-50人",
        "corp_industry": "IT服务",
        "corp_sub_industry": "计算机软件/硬件/信息服务",
    })
}

fn agent_json(auth: &Authorization) -> Value {
    json!({
        "agentid": auth.agentid,
        "name": "沙箱第三方应用",
        "round_logo_url": "https://sandbox.invalid/app/round",
        "square_logo_url": "https://sandbox.invalid/app/square",
        "appid": 1,
        "auth_mode": 0,
        "is_customized_app": false,
        "auth_from_thirdapp": false,
        "privilege": {
            "level": 1,
            "allow_party": [1],
            "allow_user": creds::users_of(&auth.corpid).unwrap_or_default(),
            "allow_tag": [],
            "extra_party": [],
            "extra_user": [],
            "extra_tag": [],
        },
    })
}

fn admin_json(auth: &Authorization) -> Value {
    json!({
        "userid": auth.admin,
        "open_userid": open_userid(&auth.admin),
        "name": auth.admin,
        "avatar": format!("https://sandbox.invalid/avatar/{}", auth.admin),
    })
}

fn edition_json(auth: &Authorization) -> Value {
    json!({"agent": [{
        "agentid": auth.agentid,
        "edition_id": "SBX-TRIAL",
        "edition_name": if auth.auth_type == 1 { "测试版" } else { "试用版" },
        "app_status": 1,
        "user_limit": 200,
        "expired_time": auth.authorized_at + 15 * 86_400,
        "is_virtual_version": false,
        "is_shared_from_other_corp": false,
    }]})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(path: &str, body: Value) -> RecordedRequest {
        RecordedRequest {
            method: "POST".into(),
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: body.to_string(),
            body_bytes: body.to_string().into_bytes(),
        }
    }

    #[test]
    fn consent_codes_are_single_use_and_expire() {
        let mut ids = IdGen::new();
        let mut tokens = TokenStore::new();
        let mut state = Authorizations::default();
        let pac = get_pre_auth_code(&mut state, &mut ids, 0).expect("pre_auth_code")["pre_auth_code"]
            .as_str()
            .expect("string")
            .to_owned();
        let err = state.authorize(&mut ids, &pac, "wwunknown", 1).unwrap_err();
        assert_eq!(err.code, common::INVALID_CORPID);
        state
            .authorize(&mut ids, &pac, creds::DOWNSTREAM_CORPID, 1)
            .expect("consent");
        // The session's code is used up by the consent.
        let err = state
            .authorize(&mut ids, &pac, creds::CUSTOMER_CORPID, 1)
            .unwrap_err();
        assert_eq!(err.code, codes::INVALID_PRE_AUTH_CODE);

        let pac = get_pre_auth_code(&mut state, &mut ids, 0).expect("pre_auth_code")["pre_auth_code"]
            .as_str()
            .expect("string")
            .to_owned();
        let err = state
            .authorize(&mut ids, &pac, creds::CUSTOMER_CORPID, PRE_AUTH_CODE_TTL)
            .unwrap_err();
        assert_eq!(err.code, codes::PRE_AUTH_CODE_EXPIRED);

        let pac = get_pre_auth_code(&mut state, &mut ids, 0).expect("pre_auth_code")["pre_auth_code"]
            .as_str()
            .expect("string")
            .to_owned();
        let code = state
            .authorize(&mut ids, &pac, creds::CUSTOMER_CORPID, 1)
            .expect("consent");
        assert!(code.len() >= 64, "auth codes are 64..512 bytes: {code}");
        let req = post("service/get_permanent_code", json!({"auth_code": code}));
        let first = get_permanent_code(&mut state, &mut ids, &mut tokens, &req, 2, false).expect("exchange");
        assert_eq!(first["auth_corp_info"]["corpid"], creds::CUSTOMER_CORPID);
        let err = get_permanent_code(&mut state, &mut ids, &mut tokens, &req, 3, false).unwrap_err();
        assert_eq!(err.code, codes::INVALID_AUTH_CODE);

        let permanent = state.permanent_code(creds::CUSTOMER_CORPID).expect("authorized");
        let ok = post(
            "service/get_corp_token",
            json!({"auth_corpid": creds::CUSTOMER_CORPID, "permanent_code": permanent}),
        );
        assert!(get_corp_token(&state, &mut tokens, &ok, 4).is_ok());
        let wrong = post(
            "service/get_corp_token",
            json!({"auth_corpid": creds::CUSTOMER_CORPID, "permanent_code": "nope"}),
        );
        assert_eq!(
            get_corp_token(&state, &mut tokens, &wrong, 4).unwrap_err().code,
            codes::INVALID_PERMANENT_CODE
        );
        assert!(state.cancel(creds::CUSTOMER_CORPID));
        assert_eq!(
            get_corp_token(&state, &mut tokens, &ok, 5).unwrap_err().code,
            codes::INVALID_PERMANENT_CODE
        );
    }
}
