//! Contact import: `import_chain_contact` submits a job, `getresult` polls
//! it; the job advances one step per poll and applies its corps when done.

use serde_json::{Map, Value, json};

use super::super::params::{Fields, query_param};
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, ApiResult, fields};
use super::super::tokens::TokenStore;
use super::model::{Chain, ChainCorp, Contact, Group, ImportEntry, ImportJob};
use super::{
    CorpGroupState, IMPORT_JOB_RUNNING, INVALID_IDENTITY, INVALID_MOBILE, JOB_NOT_FOUND, owned_chain,
    upstream_caller, upstream_post,
};

/// WeCom's generic "invalid parameter".
const INVALID_PARAMETER: i64 = 40058;

/// `POST corpgroup/import_chain_contact` with `{chain_id, contact_list}`.
pub(super) fn import_chain_contact(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let f = body.fields();
    let chain_id = f.req_str("chain_id")?;
    owned_chain(state, &owner, chain_id)?;
    let list = f.req_list("contact_list", usize::MAX)?;
    let entries = list
        .iter()
        .map(|item| entry(Fields::of(item, "contact_list item")?))
        .collect::<Result<Vec<_>, ApiError>>()?;
    if state.jobs.iter().any(|j| j.owner == owner && j.status < 3) {
        return Err(ApiError::new(
            IMPORT_JOB_RUNNING,
            "an import job is still running: only one import job at a time",
        ));
    }
    let jobid = state.ids.tagged("jobchain");
    state.jobs.push(ImportJob {
        jobid: jobid.clone(),
        owner,
        chain_id: chain_id.to_owned(),
        status: 1,
        entries,
        result: None,
    });
    Ok(fields(json!({ "jobid": jobid })))
}

fn entry(f: Fields<'_>) -> Result<ImportEntry, ApiError> {
    let contacts = f
        .req_list("contact_info_list", usize::MAX)?
        .iter()
        .map(|c| {
            let c = Fields::of(c, "contact_info_list item")?;
            Ok(Contact {
                name: c.req_str("name")?.to_owned(),
                identity_type: c.req_int("identity_type")?,
                mobile: c.req_str("mobile")?.to_owned(),
                user_custom_id: c.opt_str("user_custom_id")?.unwrap_or_default().to_owned(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(ImportEntry {
        corp_name: f.req_str("corp_name")?.to_owned(),
        group_path: f.opt_str("group_path")?.unwrap_or_default().to_owned(),
        custom_id: f.opt_str("custom_id")?.unwrap_or_default().to_owned(),
        contacts,
    })
}

/// `GET corpgroup/getresult?jobid=`: advances the job one step and answers
/// its status (and, once 3, its result).
pub(super) fn getresult(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let owner = upstream_caller(state, tokens, req, now)?;
    let jobid = query_param(&req.query, "jobid")
        .filter(|j| !j.is_empty())
        .ok_or_else(|| ApiError::invalid("missing jobid"))?;
    let pos = state
        .jobs
        .iter()
        .position(|j| j.jobid == jobid && j.owner == owner)
        .ok_or_else(|| ApiError::new(JOB_NOT_FOUND, format!("job not found: {jobid}")))?;
    if state.jobs[pos].status < 3 {
        state.jobs[pos].status += 1;
        if state.jobs[pos].status == 3 {
            let job = state.jobs[pos].clone();
            let result = match state.chains.iter_mut().find(|c| c.chain_id == job.chain_id) {
                Some(chain) => apply(chain, &job, &mut state.ids),
                None => failed_everything(&job),
            };
            state.jobs[pos].result = Some(result);
        }
    }
    let job = &state.jobs[pos];
    let mut out = json!({ "status": job.status });
    if let Some(result) = &job.result {
        out["result"] = Value::Object(result.clone());
    }
    Ok(fields(out))
}

/// The error of one contact, if it is invalid.
fn contact_error(c: &Contact) -> Option<(i64, &'static str)> {
    if !matches!(c.identity_type, 1 | 2) {
        return Some((INVALID_IDENTITY, "invalid contact identity"));
    }
    if !valid_mobile(&c.mobile) {
        return Some((INVALID_MOBILE, "invalid mobile"));
    }
    let name_len = c.name.chars().count();
    if name_len == 0 || name_len > 32 {
        return Some((INVALID_PARAMETER, "invalid name"));
    }
    if !c.user_custom_id.is_empty() && !valid_user_custom_id(&c.user_custom_id) {
        return Some((INVALID_PARAMETER, "invalid user_custom_id"));
    }
    None
}

/// Mainland: 11 digits starting with 1; international: `+` and 6–15 digits.
fn valid_mobile(mobile: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match mobile.strip_prefix('+') {
        Some(rest) => digits(rest) && (6..=15).contains(&rest.len()),
        None => digits(mobile) && mobile.len() == 11 && mobile.starts_with('1'),
    }
}

/// Digits only, no leading zero, 1 ..= 2^64-2, not 11 or 13 digits long.
fn valid_user_custom_id(id: &str) -> bool {
    !id.starts_with('0')
        && !matches!(id.len(), 11 | 13)
        && id.parse::<u64>().is_ok_and(|n| (1..u64::MAX).contains(&n))
}

fn failed_everything(job: &ImportJob) -> Map<String, Value> {
    let fail_list: Vec<Value> = job
        .entries
        .iter()
        .map(|e| {
            json!({"corp_name": e.corp_name, "custom_id": e.custom_id, "errcode": INVALID_PARAMETER,
                   "errmsg": "chain removed", "contact_info_list": []})
        })
        .collect();
    fields(json!({"chain_id": job.chain_id, "import_status": 3, "fail_list": fail_list}))
}

/// Applies a finished job to its chain; returns the `result` object.
fn apply(chain: &mut Chain, job: &ImportJob, ids: &mut super::super::ids::IdGen) -> Map<String, Value> {
    let mut fail_list = Vec::new();
    let mut imported = 0usize;
    for e in &job.entries {
        let name_len = e.corp_name.chars().count();
        let mut corp_error =
            (name_len == 0 || name_len > 32).then_some((INVALID_PARAMETER, "invalid corp_name"));
        let contact_errors: Vec<Value> = e
            .contacts
            .iter()
            .filter_map(|c| {
                contact_error(c)
                    .map(|(code, msg)| json!({"mobile": c.mobile, "errcode": code, "errmsg": msg}))
            })
            .collect();
        if corp_error.is_none()
            && let Some(first) = contact_errors.first()
        {
            let code = first["errcode"].as_i64().unwrap_or(INVALID_PARAMETER);
            let msg = if code == INVALID_IDENTITY {
                "invalid contact identity"
            } else if code == INVALID_MOBILE {
                "invalid mobile"
            } else {
                "invalid contact"
            };
            corp_error = Some((code, msg));
        }
        if let Some((code, msg)) = corp_error {
            fail_list.push(json!({
                "corp_name": e.corp_name,
                "custom_id": e.custom_id,
                "errcode": code,
                "errmsg": msg,
                "contact_info_list": contact_errors,
            }));
            continue;
        }
        imported += 1;
        let existing = chain.corps.iter_mut().find(|c| {
            (!e.custom_id.is_empty() && c.custom_id == e.custom_id)
                || (e.custom_id.is_empty() && c.corp_name == e.corp_name)
        });
        match existing {
            Some(corp) => corp.contacts.clone_from(&e.contacts),
            None => {
                let groupid = group_for(chain, &e.group_path);
                chain.corps.push(ChainCorp {
                    corpid: None,
                    pending_corpid: Some(ids.tagged("wpimport")),
                    corp_name: e.corp_name.clone(),
                    custom_id: e.custom_id.clone(),
                    groupid,
                    invite_userid: String::new(),
                    qualification_status: 1,
                    agentid: None,
                    members: Vec::new(),
                    contacts: e.contacts.clone(),
                });
            }
        }
    }
    let import_status = match (imported, fail_list.len()) {
        (_, 0) => 1,
        (0, _) => 3,
        _ => 2,
    };
    fields(json!({"chain_id": job.chain_id, "import_status": import_status, "fail_list": fail_list}))
}

/// The group at `path` (`a/b/c` from the root), created as needed.
fn group_for(chain: &mut Chain, path: &str) -> u32 {
    let mut parent = 1;
    for name in path.split('/').map(str::trim).filter(|n| !n.is_empty()) {
        if let Some(g) = chain
            .groups
            .iter()
            .find(|g| g.parentid == parent && g.name == name)
        {
            parent = g.groupid;
            continue;
        }
        let groupid = chain.groups.iter().map(|g| g.groupid).max().unwrap_or(1) + 1;
        chain.groups.push(Group {
            groupid,
            name: name.to_owned(),
            parentid: parent,
            order: 0,
        });
        parent = groupid;
    }
    parent
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles_and_custom_ids() {
        assert!(valid_mobile("13800000000"));
        assert!(valid_mobile("+85259000045"));
        assert!(!valid_mobile("12345"));
        assert!(!valid_mobile("+85"));
        assert!(valid_user_custom_id("100"));
        assert!(!valid_user_custom_id("0100"));
        assert!(!valid_user_custom_id("12345678901"));
        assert!(!valid_user_custom_id("abc"));
    }
}
