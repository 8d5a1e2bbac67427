//! The one corp-token API the sandbox serves: `user/get`, for tests of the
//! corp `access_token` kind.

use serde_json::json;

use super::codes;
use super::creds;
use super::directory::Directory;
use super::params::query_param;
use super::record::RecordedRequest;
use super::reply::{ApiError, ApiResult, fields};
use super::tokens::{TokenStore, require_corp};

/// Path of the member-read API.
pub(crate) const USER_GET: &str = "user/get";

/// `GET user/get?access_token=&userid=` for [`creds::CORPID`], and for the
/// customer / downstream corps with a corp token of theirs (from
/// `service/get_corp_token` or `corpgroup/corp/gettoken`): each corp sees
/// only its own members.
pub(crate) fn user_get(
    tokens: &TokenStore,
    directory: &mut Directory,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let corpid = query_param(&req.query, "access_token")
        .and_then(|token| tokens.corp_of(token))
        .unwrap_or(creds::CORPID)
        .to_owned();
    require_corp(tokens, &req.query, &corpid, now)?;
    let userid = query_param(&req.query, "userid")
        .filter(|u| !u.is_empty())
        .ok_or_else(|| ApiError::missing("userid"))?;
    let member = directory
        .corp(&corpid)
        .and_then(|dir| dir.users.get(userid))
        .ok_or_else(|| ApiError::new(codes::USER_NOT_FOUND, format!("userid not found: {userid}")))?;
    Ok(fields(json!({"userid": member.userid, "name": member.name})))
}
