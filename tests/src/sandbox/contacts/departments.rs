//! 部门管理: `department/*`.

use serde_json::{Map, Value, json};

use super::super::directory::{CorpDirectory, Department};
use super::super::params::JsonBody;
use super::super::reply::{ApiError, ApiResult, fields};
use super::*;

/// At most this many levels below the root.
const MAX_DEPTH: usize = 15;

/// `POST department/create` with `{name, name_en?, parentid, order?, id?}`.
pub(super) fn create(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let name = check_name(f.opt_str("name")?)?;
    let parentid = u32_field(f.opt_int("parentid")?, "parentid")?
        .ok_or_else(|| ApiError::new(PARENT_NOT_FOUND, "missing parentid"))?;
    if !cx.dir.departments.contains_key(&parentid) {
        return Err(ApiError::new(
            PARENT_NOT_FOUND,
            format!("parent department {parentid} not found"),
        ));
    }
    check_sibling_name(cx.dir, parentid, name, None)?;
    // "部门最多15层", the root counted as the first.
    if depth(cx.dir, parentid) + 2 > MAX_DEPTH {
        return Err(ApiError::new(TOO_DEEP, "部门最多15层"));
    }
    let id = match u32_field(f.opt_int("id")?, "id")? {
        Some(id) if id <= 1 => return Err(invalid("id must be greater than 1")),
        Some(id) if cx.dir.departments.contains_key(&id) => {
            return Err(ApiError::new(
                DEPARTMENT_EXISTS,
                format!("department {id} existed"),
            ));
        }
        Some(id) => id,
        None => cx
            .dir
            .departments
            .keys()
            .max()
            .copied()
            .unwrap_or(1)
            .checked_add(1)
            .ok_or_else(|| invalid("no department id left"))?,
    };
    let order = u32_field(f.opt_int("order")?, "order")?.unwrap_or(0);
    cx.dir.departments.insert(
        id,
        Department {
            id,
            name: name.to_owned(),
            parentid,
            order,
            leaders: Vec::new(),
        },
    );
    if let Some(name_en) = f.opt_str("name_en")? {
        set_name_en(cx.dir, id, name_en);
    }
    Ok(fields(json!({ "id": id })))
}

/// `POST department/update` with `{id, name?, name_en?, parentid?, order?}`.
pub(super) fn update(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let id = existing(cx.dir, u32_field(f.opt_int("id")?, "id")?)?;
    let current = cx.dir.departments[&id].clone();
    let parentid = match u32_field(f.opt_int("parentid")?, "parentid")? {
        None => current.parentid,
        Some(_) if id == 1 => return Err(invalid("the root department cannot move")),
        Some(p) if !cx.dir.departments.contains_key(&p) => {
            return Err(ApiError::new(
                PARENT_NOT_FOUND,
                format!("parent department {p} not found"),
            ));
        }
        Some(p) if cx.dir.subtree(id).contains(&p) => {
            return Err(ApiError::new(
                DEPARTMENT_CYCLE,
                format!("department {p} is {id} or below it"),
            ));
        }
        Some(p) => p,
    };
    let name = match f.get("name") {
        Some(_) => check_name(f.opt_str("name")?)?.to_owned(),
        None => current.name.clone(),
    };
    if id != 1 {
        check_sibling_name(cx.dir, parentid, &name, Some(id))?;
    }
    let order = u32_field(f.opt_int("order")?, "order")?.unwrap_or(current.order);
    if let Some(dep) = cx.dir.departments.get_mut(&id) {
        dep.name = name;
        dep.parentid = parentid;
        dep.order = order;
    }
    if let Some(name_en) = f.opt_str("name_en")? {
        set_name_en(cx.dir, id, name_en);
    }
    Ok(Map::new())
}

/// `GET department/delete?id=`: only an empty department, never the root.
pub(super) fn delete(cx: &mut Ctx<'_>) -> ApiResult {
    let id = existing(cx.dir, query_u32(cx.req, "id")?)?;
    check_deletable(cx.dir, id)?;
    remove(cx.dir, id);
    Ok(Map::new())
}

/// `GET department/list?id=`: the department and everything below it.
pub(super) fn list(cx: &mut Ctx<'_>) -> ApiResult {
    let ids = scope(cx)?;
    let list: Vec<Value> = ids.iter().map(|id| department_json(cx.dir, *id)).collect();
    Ok(fields(json!({ "department": list })))
}

/// `GET department/simplelist?id=`.
pub(super) fn simple_list(cx: &mut Ctx<'_>) -> ApiResult {
    let ids = scope(cx)?;
    let list: Vec<Value> = ids
        .iter()
        .filter_map(|id| cx.dir.departments.get(id))
        .map(|d| json!({"id": d.id, "parentid": d.parentid, "order": d.order}))
        .collect();
    Ok(fields(json!({ "department_id": list })))
}

/// `GET department/get?id=`.
pub(super) fn get(cx: &mut Ctx<'_>) -> ApiResult {
    let id = existing(cx.dir, query_u32(cx.req, "id")?)?;
    Ok(fields(json!({ "department": department_json(cx.dir, id) })))
}

// ---------------------------------------------------------------------------
// Shared with the batch jobs and exports
// ---------------------------------------------------------------------------

/// A department as `department/list` shows it.
pub(super) fn department_json(dir: &CorpDirectory, id: u32) -> Value {
    let Some(d) = dir.departments.get(&id) else {
        return Value::Null;
    };
    json!({
        "id": d.id,
        "name": d.name,
        "name_en": name_en(dir, id),
        "department_leader": d.leaders,
        "parentid": d.parentid,
        "order": d.order,
    })
}

/// Validates a department name (60001 length, 60009 characters).
pub(super) fn check_name(name: Option<&str>) -> Result<&str, ApiError> {
    let name = name.ok_or_else(|| ApiError::new(INVALID_DEPARTMENT_NAME_LEN, "missing name"))?;
    if !(1..=64).contains(&name.chars().count()) {
        return Err(ApiError::new(
            INVALID_DEPARTMENT_NAME_LEN,
            "name: 1 to 64 characters",
        ));
    }
    if name.chars().any(|c| "\\:*?\"<>|".contains(c)) {
        return Err(ApiError::new(
            DEPARTMENT_NAME_CHARS,
            format!("name {name:?} holds \\:*?\"<>|"),
        ));
    }
    Ok(name)
}

/// 60008 when a sibling (other than `myself`) has that name.
pub(super) fn check_sibling_name(
    dir: &CorpDirectory,
    parentid: u32,
    name: &str,
    myself: Option<u32>,
) -> Result<(), ApiError> {
    if dir
        .departments
        .values()
        .any(|d| d.parentid == parentid && Some(d.id) != myself && d.id != parentid && d.name == name)
    {
        return Err(ApiError::new(
            DEPARTMENT_EXISTS,
            format!("department name existed: {name}"),
        ));
    }
    Ok(())
}

/// 60007 for the root, 60006 with sub-departments, 60005 with members.
pub(super) fn check_deletable(dir: &CorpDirectory, id: u32) -> Result<(), ApiError> {
    if id == 1 {
        return Err(ApiError::new(
            ROOT_UNDELETABLE,
            "the root department cannot be deleted",
        ));
    }
    if dir.departments.values().any(|d| d.parentid == id && d.id != id) {
        return Err(ApiError::new(
            DEPARTMENT_HAS_CHILDREN,
            format!("department {id} has sub-departments"),
        ));
    }
    if dir.members_of(id).next().is_some() {
        return Err(ApiError::new(
            DEPARTMENT_HAS_MEMBERS,
            format!("department {id} has members"),
        ));
    }
    Ok(())
}

/// Removes a department and the tags' references to it.
pub(super) fn remove(dir: &mut CorpDirectory, id: u32) {
    dir.departments.remove(&id);
    dir.names_en.remove(&id);
    for tag in dir.tags.values_mut() {
        tag.parties.retain(|p| *p != id);
    }
}

/// Levels from the root down to `id` (the root is 0).
pub(super) fn depth(dir: &CorpDirectory, mut id: u32) -> usize {
    let mut levels = 0;
    while let Some(d) = dir.departments.get(&id) {
        if d.parentid == 0 || levels > 64 {
            break;
        }
        id = d.parentid;
        levels += 1;
    }
    levels
}

/// The `id` query parameter's subtree (everything when absent).
fn scope(cx: &Ctx<'_>) -> Result<Vec<u32>, ApiError> {
    match query_u32(cx.req, "id")? {
        None => Ok(cx.dir.subtree(1)),
        Some(id) => Ok(cx.dir.subtree(existing(cx.dir, Some(id))?)),
    }
}

fn existing(dir: &CorpDirectory, id: Option<u32>) -> Result<u32, ApiError> {
    let id = id.ok_or_else(|| ApiError::new(DEPARTMENT_NOT_FOUND, "missing department id"))?;
    if dir.departments.contains_key(&id) {
        Ok(id)
    } else {
        Err(ApiError::new(
            DEPARTMENT_NOT_FOUND,
            format!("department {id} not found"),
        ))
    }
}

fn u32_field(value: Option<i64>, key: &str) -> Result<Option<u32>, ApiError> {
    value
        .map(|n| u32::try_from(n).map_err(|_| invalid(format!("{key} out of range"))))
        .transpose()
}

fn invalid(msg: impl std::fmt::Display) -> ApiError {
    ApiError::new(INVALID_PARAMETER, format!("invalid parameter: {msg}"))
}

/// Sets a department's English name (kept in `CorpDirectory::names_en`).
fn set_name_en(dir: &mut CorpDirectory, id: u32, name_en: &str) {
    dir.names_en.insert(id, name_en.to_owned());
}

/// A department's English name (empty when none).
fn name_en(dir: &CorpDirectory, id: u32) -> String {
    dir.names_en.get(&id).cloned().unwrap_or_default()
}
