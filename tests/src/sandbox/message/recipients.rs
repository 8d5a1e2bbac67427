//! Recipients checked against the corp directory (通讯录), as WeCom does:
//! known members, departments (with their sub-departments) and tags get
//! the message, the rest are reported back as invalid.

use std::collections::BTreeSet;

use super::super::directory::CorpDirectory;

/// Who a message reaches and who it does not.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    /// Userids reached, sorted.
    pub(crate) delivered: BTreeSet<String>,
    pub(crate) invalid_users: Vec<String>,
    pub(crate) invalid_parties: Vec<String>,
    pub(crate) invalid_tags: Vec<String>,
    /// Whether any recipient at all was valid.
    pub(crate) any_valid: bool,
}

/// Resolves `@all`, userids, department ids and tag ids (as text) in `dir`.
pub(crate) fn resolve(
    dir: &CorpDirectory,
    users: &[String],
    parties: &[String],
    tags: &[String],
) -> Resolved {
    let mut out = Resolved::default();
    for userid in users {
        if userid == "@all" {
            out.delivered.extend(dir.users.keys().cloned());
            out.any_valid = true;
        } else if dir.has_user(userid) {
            out.delivered.insert(userid.clone());
            out.any_valid = true;
        } else {
            out.invalid_users.push(userid.clone());
        }
    }
    for party in parties {
        match party
            .parse::<u32>()
            .ok()
            .filter(|id| dir.departments.contains_key(id))
        {
            Some(id) => {
                out.delivered.extend(members_under(dir, id));
                out.any_valid = true;
            }
            None => out.invalid_parties.push(party.clone()),
        }
    }
    for tag in tags {
        match tag.parse::<u32>().ok().and_then(|id| dir.tags.get(&id)) {
            Some(t) => {
                out.delivered
                    .extend(t.users.iter().filter(|u| dir.has_user(u)).cloned());
                for party in &t.parties {
                    out.delivered.extend(members_under(dir, *party));
                }
                out.any_valid = true;
            }
            None => out.invalid_tags.push(tag.clone()),
        }
    }
    out
}

/// Members of department `id` and of every department below it.
pub(crate) fn members_under(dir: &CorpDirectory, id: u32) -> BTreeSet<String> {
    let mut departments = BTreeSet::from([id]);
    loop {
        let before = departments.len();
        let children: Vec<u32> = dir
            .departments
            .values()
            .filter(|d| departments.contains(&d.parentid) && d.id != d.parentid)
            .map(|d| d.id)
            .collect();
        departments.extend(children);
        if departments.len() == before {
            break;
        }
    }
    dir.users
        .values()
        .filter(|m| m.department.iter().any(|d| departments.contains(d)))
        .map(|m| m.userid.clone())
        .collect()
}

/// `a|b|c` (spaces around ids allowed, as in WeCom's samples) as a list.
pub(crate) fn split_pipes(value: Option<&str>) -> Vec<String> {
    value
        .unwrap_or_default()
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
