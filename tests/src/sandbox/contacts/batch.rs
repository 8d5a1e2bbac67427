//! 异步批量接口: `batch/syncuser`, `batch/replaceuser`, `batch/replaceparty`
//! and `batch/getresult`, applying a CSV from the media store.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::super::directory::{CorpDirectory, Department, Member};
use super::super::params::{JsonBody, query_param};
use super::super::reply::{ApiError, ApiResult, fields};
use super::departments;
use super::users;
use super::*;

/// Which job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    SyncUser,
    ReplaceUser,
    ReplaceParty,
}

impl Kind {
    fn type_name(self) -> &'static str {
        match self {
            Kind::SyncUser => "sync_user",
            Kind::ReplaceUser => "replace_user",
            Kind::ReplaceParty => "replace_party",
        }
    }
}

/// A submitted job.
#[derive(Debug, Clone)]
pub(crate) struct BatchJob {
    corpid: String,
    /// Submission order within the sandbox.
    seq: u64,
    kind: Kind,
    /// 1 started, 2 running, 3 done.
    status: i64,
    /// The CSV's rows, by canonical column name.
    rows: Vec<BTreeMap<&'static str, String>>,
    /// One entry per row, once done.
    result: Vec<Value>,
}

/// How many jobs' results WeCom keeps per corp.
const KEPT_RESULTS: usize = 5;

/// Member columns: canonical name and the header spellings WeCom's
/// templates use.
const USER_COLUMNS: &[(&str, &[&str])] = &[
    ("name", &["姓名", "name"]),
    ("userid", &["帐号", "账号", "userid", "UserID"]),
    ("mobile", &["手机号", "手机", "mobile"]),
    ("email", &["邮箱", "email"]),
    ("department", &["所在部门", "部门", "department"]),
    ("position", &["职务", "职位", "position"]),
    ("gender", &["性别", "gender"]),
    ("alias", &["别名", "alias"]),
    ("telephone", &["座机", "telephone"]),
    ("address", &["地址", "address"]),
];

/// Department columns.
const PARTY_COLUMNS: &[(&str, &[&str])] = &[
    ("name", &["部门名称", "name"]),
    ("id", &["部门ID", "id"]),
    ("parentid", &["父部门ID", "parentid"]),
    ("order", &["排序", "order"]),
];

/// `POST batch/<job>` with `{media_id, to_invite?, callback?}`.
pub(super) fn submit(cx: &mut Ctx<'_>, kind: Kind) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let media_id = f
        .opt_str("media_id")?
        .ok_or_else(|| ApiError::new(MISSING_MEDIA_ID, "missing media_id"))?;
    let media = cx
        .media
        .get(&cx.corpid, media_id, cx.now)
        .ok_or_else(|| ApiError::new(INVALID_MEDIA_ID, format!("invalid media_id {media_id}")))?;
    if let Some(callback) = f.get("callback") {
        let cb = super::super::params::Fields::of(callback, "callback")?;
        cb.opt_str("url")?;
        cb.opt_str("token")?;
        cb.opt_str("encodingaeskey")?;
    }
    let (columns, required): (&[(&'static str, &[&str])], &[&str]) = match kind {
        Kind::ReplaceParty => (PARTY_COLUMNS, &["name", "id", "parentid"]),
        _ => (USER_COLUMNS, &["name", "userid", "department"]),
    };
    let rows = parse_csv(&media.bytes, columns, required)?;
    let jobid = format!("jobid_{}", cx.state.ids.token());
    cx.state.jobs.insert(
        jobid.clone(),
        BatchJob {
            corpid: cx.corpid.clone(),
            seq: cx.state.ids.next(),
            kind,
            status: 1,
            rows,
            result: Vec::new(),
        },
    );
    Ok(fields(json!({ "jobid": jobid })))
}

/// `GET batch/getresult?jobid=`: one step per poll.
pub(super) fn getresult(cx: &mut Ctx<'_>) -> ApiResult {
    let jobid = query_param(&cx.req.query, "jobid")
        .filter(|j| !j.is_empty())
        .ok_or_else(|| ApiError::new(INVALID_PARAMETER, "missing jobid"))?;
    // WeCom keeps the results of a corp's latest 5 jobs only.
    if let Some(seq) = cx
        .state
        .jobs
        .get(jobid)
        .filter(|j| j.corpid == cx.corpid)
        .map(|j| j.seq)
    {
        let newer = cx
            .state
            .jobs
            .values()
            .filter(|j| j.corpid == cx.corpid && j.seq > seq)
            .count();
        if newer >= KEPT_RESULTS {
            return Err(ApiError::new(
                RESULT_CLEARED,
                format!("the result of {jobid} was cleared: only the latest {KEPT_RESULTS} jobs are kept"),
            ));
        }
    }
    let job = cx
        .state
        .jobs
        .get_mut(jobid)
        .filter(|j| j.corpid == cx.corpid)
        .ok_or_else(|| ApiError::new(JOB_NOT_FOUND, format!("jobid not found: {jobid}")))?;
    match job.status {
        1 => job.status = 2,
        2 => {
            job.result = match job.kind {
                Kind::SyncUser => sync_users(cx.dir, &job.rows, false, cx.now),
                Kind::ReplaceUser => sync_users(cx.dir, &job.rows, true, cx.now),
                Kind::ReplaceParty => replace_parties(cx.dir, &job.rows),
            };
            job.status = 3;
        }
        _ => {}
    }
    let percentage = match job.status {
        1 => 0,
        2 => 50,
        _ => 100,
    };
    let mut out = fields(json!({
        "status": job.status,
        "type": job.kind.type_name(),
        "total": job.rows.len(),
        "percentage": percentage,
    }));
    out.insert("result".into(), Value::Array(job.result.clone()));
    Ok(out)
}

/// Adds or updates every member row; with `replace`, also removes the
/// members the file does not list.
fn sync_users(
    dir: &mut CorpDirectory,
    rows: &[BTreeMap<&'static str, String>],
    replace: bool,
    now: i64,
) -> Vec<Value> {
    let mut listed = Vec::new();
    let mut result = Vec::new();
    for row in rows {
        let userid = row.get("userid").cloned().unwrap_or_default();
        let outcome = sync_user(dir, row);
        if let Ok(stored) = &outcome {
            listed.push(stored.clone());
        } else if let Some(existing) = dir.find_user(&userid) {
            listed.push(existing.to_owned());
        }
        let (errcode, errmsg) = match outcome {
            Ok(_) => (0, "ok".to_owned()),
            Err(err) => (err.code, err.msg),
        };
        result.push(json!({"userid": userid, "errcode": errcode, "errmsg": errmsg}));
    }
    if replace {
        let gone: Vec<String> = dir
            .users
            .keys()
            .filter(|u| !listed.contains(u))
            .cloned()
            .collect();
        for userid in gone {
            dir.remove_member(&userid, now);
        }
    }
    result
}

/// Applies one member row; returns the stored userid.
fn sync_user(dir: &mut CorpDirectory, row: &BTreeMap<&'static str, String>) -> Result<String, ApiError> {
    let cell = |key: &str| row.get(key).map(|v| v.trim()).filter(|v| !v.is_empty());
    let userid = cell("userid").ok_or_else(|| ApiError::new(MISSING_USERID, "missing userid"))?;
    users::check_userid(userid)?;
    let name = users::check_name(cell("name"))?;
    let department: Vec<u32> = cell("department")
        .ok_or_else(|| ApiError::new(MISSING_DEPARTMENT, "missing department"))?
        .split([';', '；'])
        .filter(|d| !d.trim().is_empty())
        .map(|d| {
            d.trim()
                .parse::<u32>()
                .map_err(|_| ApiError::new(INVALID_PARTY, format!("invalid department id {d}")))
        })
        .collect::<Result<_, _>>()?;
    if department.is_empty() {
        return Err(ApiError::new(MISSING_DEPARTMENT, "missing department"));
    }
    let existing = dir.find_user(userid).map(str::to_owned);
    users::check_contact(dir, existing.as_deref(), cell("mobile"), cell("email"))?;
    if existing.is_none() && cell("mobile").is_none() && cell("email").is_none() {
        return Err(ApiError::new(
            NO_MOBILE_NOR_EMAIL,
            "mobile and email can not be both empty",
        ));
    }
    let mut extra = Map::new();
    for key in ["position", "alias", "telephone", "address"] {
        if let Some(v) = cell(key) {
            extra.insert(key.to_owned(), v.into());
        }
    }
    if let Some(gender) = cell("gender") {
        let code = match gender {
            "男" | "1" => "1",
            "女" | "2" => "2",
            _ => {
                return Err(ApiError::new(
                    INVALID_PARAMETER,
                    format!("invalid gender {gender}"),
                ));
            }
        };
        extra.insert("gender".into(), code.into());
    }
    // As WeCom does: an unknown department id becomes a new department
    // under 「待设置部门」.
    for id in &department {
        create_pending_department(dir, *id);
    }
    match existing {
        Some(stored) => {
            let Some(member) = dir.users.get_mut(&stored) else {
                return Err(ApiError::new(
                    USER_NOT_FOUND,
                    format!("userid not found: {userid}"),
                ));
            };
            name.clone_into(&mut member.name);
            member.department = department;
            if let Some(mobile) = cell("mobile") {
                mobile.clone_into(&mut member.mobile);
            }
            if let Some(email) = cell("email") {
                email.clone_into(&mut member.email);
            }
            // The per-department lists no longer match the departments.
            member.extra.remove("order");
            member.extra.remove("is_leader_in_dept");
            member.extra.remove("main_department");
            member.extra.extend(extra);
            Ok(stored)
        }
        None => {
            dir.users.insert(
                userid.to_owned(),
                Member {
                    userid: userid.to_owned(),
                    name: name.to_owned(),
                    department,
                    mobile: cell("mobile").unwrap_or_default().to_owned(),
                    email: cell("email").unwrap_or_default().to_owned(),
                    status: 4,
                    extra,
                },
            );
            Ok(userid.to_owned())
        }
    }
}

/// Creates department `id` under 「待设置部门」 (created under the root
/// when missing) unless it exists.
fn create_pending_department(dir: &mut CorpDirectory, id: u32) {
    if dir.departments.contains_key(&id) {
        return;
    }
    let pending = match dir
        .departments
        .values()
        .find(|d| d.parentid == 1 && d.name == PENDING_NAME)
    {
        Some(d) => d.id,
        None => {
            let pending = dir
                .departments
                .keys()
                .max()
                .copied()
                .unwrap_or(1)
                .max(id)
                .saturating_add(1);
            if pending == id {
                return;
            }
            dir.departments.insert(
                pending,
                Department {
                    id: pending,
                    name: PENDING_NAME.to_owned(),
                    parentid: 1,
                    order: 0,
                    leaders: Vec::new(),
                },
            );
            pending
        }
    };
    dir.departments.insert(
        id,
        Department {
            id,
            name: format!("部门{id}"),
            parentid: pending,
            order: 0,
            leaders: Vec::new(),
        },
    );
}

/// Where a member job puts the departments its file names but the
/// directory lacks.
const PENDING_NAME: &str = "待设置部门";

/// Adds or updates every department row (parents before children, in as
/// many passes as needed), then removes the empty departments the file
/// does not list.
fn replace_parties(dir: &mut CorpDirectory, rows: &[BTreeMap<&'static str, String>]) -> Vec<Value> {
    let mut outcome: Vec<Option<Result<(u32, u32), ApiError>>> = vec![None; rows.len()];
    let mut parsed = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match parse_party(row) {
            Ok(p) => parsed.push((i, p)),
            Err(err) => outcome[i] = Some(Err(err)),
        }
    }
    loop {
        let mut progress = false;
        for (i, (name, id, parentid, order)) in &parsed {
            if outcome[*i].is_some()
                || !(dir.departments.contains_key(parentid) || (*id == 1 && *parentid == 0))
            {
                continue;
            }
            outcome[*i] = Some(apply_party(dir, name, *id, *parentid, *order));
            progress = true;
        }
        if !progress {
            break;
        }
    }
    let listed: Vec<u32> = parsed.iter().map(|(_, (_, id, _, _))| *id).collect();
    loop {
        let removable: Vec<u32> = dir
            .departments
            .keys()
            .copied()
            .filter(|id| !listed.contains(id) && departments::check_deletable(dir, *id).is_ok())
            .collect();
        if removable.is_empty() {
            break;
        }
        for id in removable {
            departments::remove(dir, id);
        }
    }
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let partyid = row
                .get("id")
                .and_then(|v| v.trim().parse::<u32>().ok())
                .unwrap_or(0);
            match outcome[i].take() {
                Some(Ok((id, action))) => {
                    json!({"action": action, "partyid": id, "errcode": 0, "errmsg": "ok"})
                }
                Some(Err(err)) => {
                    json!({"action": 0, "partyid": partyid, "errcode": err.code, "errmsg": err.msg})
                }
                None => json!({
                    "action": 0, "partyid": partyid, "errcode": PARENT_NOT_FOUND,
                    "errmsg": "parent department not found",
                }),
            }
        })
        .collect()
}

type PartyRow = (String, u32, u32, Option<u32>);

fn parse_party(row: &BTreeMap<&'static str, String>) -> Result<PartyRow, ApiError> {
    let cell = |key: &str| row.get(key).map(|v| v.trim()).filter(|v| !v.is_empty());
    let number = |key: &str| -> Result<Option<u32>, ApiError> {
        cell(key)
            .map(|v| {
                v.parse::<u32>()
                    .map_err(|_| ApiError::new(INVALID_PARAMETER, format!("{key} {v} is not a number")))
            })
            .transpose()
    };
    let name = departments::check_name(cell("name"))?.to_owned();
    let id = number("id")?.ok_or_else(|| ApiError::new(DEPARTMENT_NOT_FOUND, "missing department id"))?;
    let parentid = number("parentid")?.ok_or_else(|| ApiError::new(PARENT_NOT_FOUND, "missing parent id"))?;
    let order = number("order")?.filter(|o| *o != 0);
    Ok((name, id, parentid, order))
}

/// Creates or updates one department; returns its id and the action bits
/// (1 created, 2 renamed, 4 moved, 8 reordered).
fn apply_party(
    dir: &mut CorpDirectory,
    name: &str,
    id: u32,
    parentid: u32,
    order: Option<u32>,
) -> Result<(u32, u32), ApiError> {
    if id == 1
        && let Some(root) = dir.departments.get_mut(&1)
    {
        let action = if root.name == name { 0 } else { 2 };
        name.clone_into(&mut root.name);
        return Ok((1, action));
    }
    if id != 1 && dir.subtree(id).contains(&parentid) && dir.departments.contains_key(&id) {
        return Err(ApiError::new(
            DEPARTMENT_CYCLE,
            format!("department {parentid} is {id} or below it"),
        ));
    }
    departments::check_sibling_name(dir, parentid, name, Some(id))?;
    match dir.departments.get_mut(&id) {
        Some(dep) => {
            let mut action = 0;
            if dep.name != name {
                action |= 2;
                name.clone_into(&mut dep.name);
            }
            if dep.parentid != parentid {
                action |= 4;
                dep.parentid = parentid;
            }
            if let Some(order) = order.filter(|o| *o != dep.order) {
                action |= 8;
                dep.order = order;
            }
            Ok((id, action))
        }
        None => {
            dir.departments.insert(
                id,
                Department {
                    id,
                    name: name.to_owned(),
                    parentid,
                    order: order.unwrap_or(0),
                    leaders: Vec::new(),
                },
            );
            Ok((id, 1))
        }
    }
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/// Parses a UTF-8 CSV (a BOM, quoted fields and CRLF allowed) whose first
/// line names the columns; 40092 when it is empty, not UTF-8, or lacks a
/// required column.
fn parse_csv(
    bytes: &[u8],
    columns: &[(&'static str, &[&str])],
    required: &[&str],
) -> Result<Vec<BTreeMap<&'static str, String>>, ApiError> {
    let bad = |msg: &str| ApiError::new(INVALID_IMPORT_FILE, format!("invalid import file: {msg}"));
    let text = std::str::from_utf8(bytes).map_err(|_| bad("not UTF-8"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = split_records(text)
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()));
    let header = records.next().ok_or_else(|| bad("the file is empty"))?;
    let mapping: Vec<Option<&'static str>> = header
        .iter()
        .map(|h| {
            let h = h.trim();
            columns
                .iter()
                .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(h)))
                .map(|(key, _)| *key)
        })
        .collect();
    for key in required {
        if !mapping.contains(&Some(key)) {
            return Err(bad(&format!("no {key} column")));
        }
    }
    let rows: Vec<_> = records
        .map(|record| {
            mapping
                .iter()
                .zip(record)
                .filter_map(|(key, value)| key.map(|k| (k, value)))
                .collect::<BTreeMap<_, _>>()
        })
        .collect();
    if rows.is_empty() {
        return Err(bad("no rows"));
    }
    Ok(rows)
}

/// Splits CSV text into records of fields.
fn split_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_may_be_quoted() {
        let records = split_records("a,\"b,c\",\"d\"\"e\"\r\n1,2,3\n");
        assert_eq!(records, [vec!["a", "b,c", "d\"e"], vec!["1", "2", "3"]]);
        let rows = parse_csv(
            "\u{feff}姓名,帐号,所在部门\n张三,zhangsan,1;2\n".as_bytes(),
            USER_COLUMNS,
            &["name", "userid", "department"],
        )
        .unwrap();
        assert_eq!(rows[0]["userid"], "zhangsan");
        assert_eq!(rows[0]["department"], "1;2");
        let err = parse_csv(b"name\nx\n", USER_COLUMNS, &["name", "userid"]).unwrap_err();
        assert_eq!(err.code, INVALID_IMPORT_FILE);
        assert_eq!(
            parse_csv(b"", USER_COLUMNS, &[]).unwrap_err().code,
            INVALID_IMPORT_FILE
        );
    }
}
