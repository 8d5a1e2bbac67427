//! Customers (客户): follow users, customer lists and details, remarks,
//! served contacts and id conversion.

use serde_json::{Value, json};

use super::super::codes;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::directory::Directory;
use super::input::{Page, query_str};
use super::staff::Staff;
use super::{ExternalContactState, INVALID_EXTERNAL_USERID, MISSING_EXTERNAL_USERID, NO_RELATION};

/// `follow_user` entries per page of `externalcontact/get`.
const FOLLOW_PAGE: usize = 500;
/// At most this many members per `batch/get_by_user`.
const MAX_BATCH_USERS: usize = 100;
/// At most 5 remark phone numbers.
const MAX_MOBILES: usize = 5;

fn missing_external_userid() -> ApiError {
    ApiError::new(MISSING_EXTERNAL_USERID, "missing external_userid")
}

/// `GET get_follow_user_list`: active members (all have customer contact).
pub(super) fn get_follow_user_list(
    _state: &mut ExternalContactState,
    staff: Staff<'_>,
    _query: &[(String, String)],
    _now: i64,
) -> ApiResult {
    let users: Vec<&str> = staff.active().collect();
    Ok(fields(json!({ "follow_user": users })))
}

/// `GET list?userid=`: 84061 when the member has no customers.
pub(super) fn list(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    query: &[(String, String)],
    _now: i64,
) -> ApiResult {
    let userid = query_str(query, "userid").ok_or_else(|| ApiError::missing("userid"))?;
    staff.require_member(userid)?;
    let ids: Vec<&str> = state
        .dir
        .follows_of(userid)
        .map(|f| f.external_userid.as_str())
        .collect();
    if ids.is_empty() {
        return Err(ApiError::new(
            NO_RELATION,
            format!("{userid} has no external contacts"),
        ));
    }
    Ok(fields(json!({ "external_userid": ids })))
}

/// `GET get?external_userid=&cursor=`: profile plus a page of follow users.
pub(super) fn get(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    query: &[(String, String)],
    _now: i64,
) -> ApiResult {
    let external_userid = query_str(query, "external_userid").ok_or_else(missing_external_userid)?;
    let customer = state.dir.require_customer(external_userid)?;
    let follows: Vec<_> = state.dir.followers_of(external_userid).collect();
    let page = Page::new(
        query_str(query, "cursor"),
        None,
        "cursor",
        FOLLOW_PAGE,
        FOLLOW_PAGE,
    )?;
    let (slice, next_cursor) = page.cut(&follows);
    let follow_user: Vec<Value> = slice
        .iter()
        .map(|f| Directory::follow_user_json(f, &state.tags))
        .collect();
    Ok(fields(json!({
        "external_contact": state.dir.contact_json(customer),
        "follow_user": follow_user,
        "next_cursor": next_cursor,
    })))
}

/// `batch/get_by_user {userid_list, cursor?, limit?}`: one entry per
/// (customer, member) pair, members in the given order.
pub(super) fn batch_get_by_user(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let userids = f.req_str_list("userid_list", MAX_BATCH_USERS)?;
    for userid in &userids {
        staff.require_member(userid)?;
    }
    let page = Page::new(f.opt_str("cursor")?, f.opt_int("limit")?, "limit", 50, 100)?;
    let pairs: Vec<_> = userids
        .iter()
        .flat_map(|userid| state.dir.follows_of(userid))
        .collect();
    let (slice, next_cursor) = page.cut(&pairs);
    let list: Vec<Value> = slice
        .iter()
        .filter_map(|follow| {
            let customer = state.dir.customers.get(&follow.external_userid)?;
            Some(json!({
                "external_contact": state.dir.contact_json(customer),
                "follow_info": Directory::follow_info_json(follow),
            }))
        })
        .collect();
    Ok(fields(json!({
        "external_contact_list": list,
        "next_cursor": next_cursor,
        "fail_info": {"unlicensed_userid_list": []},
    })))
}

/// `remark {userid, external_userid, remark?, description?, remark_company?,
/// remark_mobiles?, remark_pic_mediaid?}`.
pub(super) fn remark(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let userid = f.req_str("userid")?;
    let external_userid = f
        .opt_str("external_userid")?
        .ok_or_else(missing_external_userid)?;
    let mobiles = f.opt_str_list("remark_mobiles", MAX_MOBILES)?;
    staff.require_member(userid)?;
    state.dir.require_customer(external_userid)?;
    let follow = state.dir.require_follow_mut(userid, external_userid)?;
    if let Some(remark) = f.get("remark").and_then(Value::as_str) {
        follow.remark = remark.to_owned();
    }
    if let Some(description) = f.get("description").and_then(Value::as_str) {
        follow.description = description.to_owned();
    }
    if let Some(company) = f.get("remark_company").and_then(Value::as_str) {
        follow.remark_corp_name = Some(company.to_owned()).filter(|c| !c.is_empty());
    }
    if let Some(mobiles) = mobiles {
        follow.remark_mobiles = mobiles.into_iter().map(str::to_owned).collect();
    }
    Ok(fields(json!({})))
}

/// `contact_list {cursor?, limit?}`: every follow as a served contact.
pub(super) fn contact_list(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let page = Page::new(f.opt_str("cursor")?, f.opt_int("limit")?, "limit", 1000, 1000)?;
    let (slice, next_cursor) = page.cut(&state.dir.follows);
    let info: Vec<Value> = slice
        .iter()
        .map(|follow| {
            json!({
                "is_customer": true,
                "tmp_openid": format!("tmp{}{}", follow.external_userid.trim_start_matches("wmCUSTOMER"), follow.userid),
                "external_userid": follow.external_userid,
                "follow_userid": follow.userid,
                "add_time": follow.createtime,
            })
        })
        .collect();
    Ok(fields(json!({ "info_list": info, "next_cursor": next_cursor })))
}

/// `convert_to_openid {external_userid}`: WeChat-user customers only.
pub(super) fn convert_to_openid(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let external_userid = f
        .opt_str("external_userid")?
        .ok_or_else(missing_external_userid)?;
    let customer = state.dir.require_customer(external_userid)?;
    if customer.customer_type != 1 {
        return Err(ApiError::new(
            INVALID_EXTERNAL_USERID,
            "only customers who are WeChat users have an openid",
        ));
    }
    let suffix = external_userid.trim_start_matches("wmCUSTOMER");
    Ok(fields(json!({ "openid": format!("oSBXopenid{suffix}") })))
}

/// `unionid_to_external_userid {unionid, openid, subject_type?}`: the
/// customer with that unionid, else a `pending_id` (sandbox behaviour).
pub(super) fn unionid_to_external_userid(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let unionid = f.req_str("unionid")?;
    if f.opt_str("openid")?.is_none() {
        return Err(ApiError::new(codes::INVALID_PARAMETER, "missing openid"));
    }
    let found = state
        .dir
        .customers
        .values()
        .find(|c| c.unionid.as_deref() == Some(unionid));
    Ok(match found {
        Some(customer) => fields(json!({ "external_userid": customer.external_userid })),
        None => fields(json!({ "external_userid": "", "pending_id": format!("pSBX{unionid}") })),
    })
}
