//! Corp customer tags (企业客户标签): the tag library and `mark_tag`.

use serde_json::{Value, json};

use super::super::creds::SEED_TIME;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::input::opt_text;
use super::staff::Staff;
use super::{DUPLICATE_TAG_NAME, ExternalContactState, INVALID_TAG_ID, TAG_LIMIT};

/// WeCom's cap on corp tags per corp.
const MAX_TAGS: usize = 3000;
/// Longest tag or group name.
const MAX_NAME: usize = 30;

/// A corp tag.
#[derive(Debug, Clone)]
pub(super) struct Tag {
    pub(super) id: String,
    pub(super) name: String,
    create_time: i64,
    order: i64,
}

/// A tag group with its tags.
#[derive(Debug, Clone)]
pub(super) struct TagGroup {
    pub(super) group_id: String,
    pub(super) group_name: String,
    create_time: i64,
    order: i64,
    pub(super) tags: Vec<Tag>,
}

/// The corp's tag library.
#[derive(Debug, Default)]
pub(super) struct TagLibrary {
    groups: Vec<TagGroup>,
    next_group: u32,
    next_tag: u32,
}

impl TagLibrary {
    /// The two seed groups (see the parent module).
    pub(super) fn seeded() -> Self {
        let mut lib = TagLibrary::default();
        lib.create_group(
            "客户等级",
            10,
            SEED_TIME - 60 * super::DAY,
            &[("普通", 0), ("VIP", 1), ("核心", 2)],
        );
        lib.create_group(
            "客户来源",
            5,
            SEED_TIME - 60 * super::DAY,
            &[("线上", 0), ("线下", 0)],
        );
        lib
    }

    /// The id of a seed tag by name.
    pub(super) fn seed_tag_id(&self, name: &str) -> Option<String> {
        self.groups
            .iter()
            .flat_map(|g| &g.tags)
            .find(|t| t.name == name)
            .map(|t| t.id.clone())
    }

    fn create_group(&mut self, name: &str, order: i64, now: i64, tags: &[(&str, i64)]) -> usize {
        self.next_group += 1;
        self.groups.push(TagGroup {
            group_id: format!("etGROUP{:04}", self.next_group),
            group_name: name.to_owned(),
            create_time: now,
            order,
            tags: Vec::new(),
        });
        let index = self.groups.len() - 1;
        for &(tag, order) in tags {
            self.create_tag(index, tag, order, now);
        }
        index
    }

    fn create_tag(&mut self, group: usize, name: &str, order: i64, now: i64) -> Tag {
        self.next_tag += 1;
        let tag = Tag {
            id: format!("etTAG{:04}", self.next_tag),
            name: name.to_owned(),
            create_time: now,
            order,
        };
        self.groups[group].tags.push(tag.clone());
        tag
    }

    fn tag_count(&self) -> usize {
        self.groups.iter().map(|g| g.tags.len()).sum()
    }

    /// A group by id.
    pub(super) fn find_group(&self, group_id: &str) -> Option<&TagGroup> {
        self.groups.iter().find(|g| g.group_id == group_id)
    }

    /// A tag by id, with its group.
    pub(super) fn find_tag(&self, tag_id: &str) -> Option<(&TagGroup, &Tag)> {
        self.groups
            .iter()
            .find_map(|g| g.tags.iter().find(|t| t.id == tag_id).map(|t| (g, t)))
    }

    fn require_tag(&self, tag_id: &str) -> Result<(), ApiError> {
        self.find_tag(tag_id)
            .map(|_| ())
            .ok_or_else(|| invalid_tag(tag_id))
    }
}

fn invalid_tag(id: &str) -> ApiError {
    ApiError::new(INVALID_TAG_ID, format!("invalid tag id: {id}"))
}

fn tag_json(tag: &Tag) -> Value {
    json!({"id": tag.id, "name": tag.name, "create_time": tag.create_time, "order": tag.order, "deleted": false})
}

fn group_json(group: &TagGroup, tags: &[&Tag]) -> Value {
    json!({
        "group_id": group.group_id,
        "group_name": group.group_name,
        "create_time": group.create_time,
        "order": group.order,
        "deleted": false,
        "tag": tags.iter().map(|t| tag_json(t)).collect::<Vec<_>>(),
    })
}

/// `get_corp_tag_list {tag_id?, group_id?}`: `group_id` wins over `tag_id`.
pub(super) fn get_corp_tag_list(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let tag_ids = f.opt_str_list("tag_id", MAX_TAGS)?.unwrap_or_default();
    let group_ids = f.opt_str_list("group_id", MAX_TAGS)?.unwrap_or_default();
    let lib = &state.tags;
    let groups: Vec<Value> = if !group_ids.is_empty() {
        lib.groups
            .iter()
            .filter(|g| group_ids.contains(&g.group_id.as_str()))
            .map(|g| group_json(g, &g.tags.iter().collect::<Vec<_>>()))
            .collect()
    } else if !tag_ids.is_empty() {
        lib.groups
            .iter()
            .filter_map(|g| {
                let tags: Vec<&Tag> = g
                    .tags
                    .iter()
                    .filter(|t| tag_ids.contains(&t.id.as_str()))
                    .collect();
                (!tags.is_empty()).then(|| group_json(g, &tags))
            })
            .collect()
    } else {
        lib.groups
            .iter()
            .map(|g| group_json(g, &g.tags.iter().collect::<Vec<_>>()))
            .collect()
    };
    Ok(fields(json!({ "tag_group": groups })))
}

/// `add_corp_tag {group_id | group_name, order?, tag[{name, order?}], agentid?}`.
pub(super) fn add_corp_tag(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    now: i64,
) -> ApiResult {
    let new_tags = match f.get("tag") {
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(Value::Array(_)) => return Err(ApiError::invalid("tag must not be empty")),
        Some(_) => return Err(ApiError::invalid("tag must be an array")),
        None => return Err(ApiError::missing("tag")),
    };
    let mut parsed = Vec::with_capacity(new_tags.len());
    for item in new_tags {
        let t = Fields::of(item, "tag[]")?;
        let name = opt_text(&t, "name", MAX_NAME)?.ok_or_else(|| ApiError::missing("tag.name"))?;
        parsed.push((name, t.opt_int("order")?.unwrap_or(0)));
    }
    let lib = &mut state.tags;
    if lib.tag_count() + parsed.len() > MAX_TAGS {
        return Err(ApiError::new(TAG_LIMIT, format!("corp tags exceed {MAX_TAGS}")));
    }
    let group_index = match (f.opt_str("group_id")?, opt_text(&f, "group_name", MAX_NAME)?) {
        (Some(group_id), _) => lib
            .groups
            .iter()
            .position(|g| g.group_id == group_id)
            .ok_or_else(|| invalid_tag(group_id))?,
        (None, Some(name)) => match lib.groups.iter().position(|g| g.group_name == name) {
            Some(index) => index,
            None => {
                let order = f.opt_int("order")?.unwrap_or(0);
                lib.create_group(name, order, now, &[])
            }
        },
        (None, None) => return Err(ApiError::invalid("group_id or group_name is required")),
    };
    for (name, _) in &parsed {
        if lib.groups[group_index].tags.iter().any(|t| t.name == *name) {
            return Err(ApiError::new(
                DUPLICATE_TAG_NAME,
                format!("tag name already exists: {name}"),
            ));
        }
    }
    let created: Vec<Tag> = parsed
        .iter()
        .map(|(name, order)| lib.create_tag(group_index, name, *order, now))
        .collect();
    let group = &lib.groups[group_index];
    Ok(fields(
        json!({ "tag_group": group_json(group, &created.iter().collect::<Vec<_>>()) }),
    ))
}

/// `edit_corp_tag {id, name?, order?, agentid?}`: `id` is a tag or a group.
pub(super) fn edit_corp_tag(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let id = f.req_str("id")?;
    let name = opt_text(&f, "name", MAX_NAME)?;
    let order = f.opt_int("order")?;
    let lib = &mut state.tags;
    if let Some(group) = lib.groups.iter_mut().find(|g| g.group_id == id) {
        if let Some(name) = name {
            group.group_name = name.to_owned();
        }
        if let Some(order) = order {
            group.order = order;
        }
        return Ok(fields(json!({})));
    }
    let tag = lib
        .groups
        .iter_mut()
        .flat_map(|g| g.tags.iter_mut())
        .find(|t| t.id == id)
        .ok_or_else(|| invalid_tag(id))?;
    if let Some(name) = name {
        tag.name = name.to_owned();
    }
    if let Some(order) = order {
        tag.order = order;
    }
    Ok(fields(json!({})))
}

/// `del_corp_tag {tag_id?, group_id?, agentid?}`: groups left without tags go too.
pub(super) fn del_corp_tag(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let tag_ids = f.opt_str_list("tag_id", MAX_TAGS)?.unwrap_or_default();
    let group_ids = f.opt_str_list("group_id", MAX_TAGS)?.unwrap_or_default();
    if tag_ids.is_empty() && group_ids.is_empty() {
        return Err(ApiError::invalid("tag_id or group_id is required"));
    }
    let lib = &mut state.tags;
    for id in &tag_ids {
        lib.require_tag(id)?;
    }
    for id in &group_ids {
        lib.find_group(id).ok_or_else(|| invalid_tag(id))?;
    }
    let mut removed: Vec<String> = tag_ids.iter().map(|id| (*id).to_owned()).collect();
    lib.groups.retain(|g| {
        let drop = group_ids.contains(&g.group_id.as_str());
        if drop {
            removed.extend(g.tags.iter().map(|t| t.id.clone()));
        }
        !drop
    });
    for group in &mut lib.groups {
        group.tags.retain(|t| !tag_ids.contains(&t.id.as_str()));
    }
    lib.groups.retain(|g| !g.tags.is_empty());
    for follow in &mut state.dir.follows {
        follow.tag_ids.retain(|id| !removed.contains(id));
    }
    Ok(fields(json!({})))
}

/// `mark_tag {userid, external_userid, add_tag?, remove_tag?}`.
pub(super) fn mark_tag(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let userid = f.req_str("userid")?;
    let external_userid = f
        .opt_str("external_userid")?
        .ok_or_else(|| ApiError::new(super::MISSING_EXTERNAL_USERID, "missing external_userid"))?;
    let add = f.opt_str_list("add_tag", MAX_TAGS)?.unwrap_or_default();
    let remove = f.opt_str_list("remove_tag", MAX_TAGS)?.unwrap_or_default();
    if add.is_empty() && remove.is_empty() {
        return Err(ApiError::invalid("add_tag or remove_tag is required"));
    }
    staff.require_member(userid)?;
    state.dir.require_customer(external_userid)?;
    for id in add.iter().chain(&remove) {
        state.tags.require_tag(id)?;
    }
    let follow = state.dir.require_follow_mut(userid, external_userid)?;
    for id in add {
        if !follow.tag_ids.iter().any(|t| t == id) {
            follow.tag_ids.push(id.to_owned());
        }
    }
    follow.tag_ids.retain(|t| !remove.contains(&t.as_str()));
    Ok(fields(json!({})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_library() {
        let lib = TagLibrary::seeded();
        assert_eq!(lib.tag_count(), 5);
        let (group, tag) = lib.find_tag("etTAG0004").expect("seed tag");
        assert_eq!(
            (group.group_name.as_str(), tag.name.as_str()),
            ("客户来源", "线上")
        );
    }
}
