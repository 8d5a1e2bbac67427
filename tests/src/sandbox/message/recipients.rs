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

#[cfg(test)]
mod tests {
    use super::super::super::directory::{CorpDirectory, Department, Member, Tag};
    use super::*;

    /// Root 1 ⊃ 2 ⊃ 3; a in 1, b in 2, c in 3; tag 7 = {a} ∪ department 3.
    fn directory() -> CorpDirectory {
        let mut dir = CorpDirectory::default();
        for (id, parentid) in [(1, 0), (2, 1), (3, 2)] {
            dir.departments.insert(
                id,
                Department {
                    id,
                    name: format!("d{id}"),
                    parentid,
                    order: 0,
                    leaders: Vec::new(),
                },
            );
        }
        for (userid, department) in [("a", 1), ("b", 2), ("c", 3)] {
            dir.users.insert(
                userid.to_owned(),
                Member {
                    userid: userid.to_owned(),
                    name: userid.to_owned(),
                    department: vec![department],
                    mobile: String::new(),
                    email: String::new(),
                    status: 1,
                    extra: serde_json::Map::new(),
                },
            );
        }
        dir.tags.insert(
            7,
            Tag {
                id: 7,
                name: "t".into(),
                users: vec!["a".into()],
                parties: vec![3],
            },
        );
        dir
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn departments_reach_their_sub_departments() {
        let dir = directory();
        let r = resolve(&dir, &[], &ids(&["2"]), &[]);
        assert_eq!(r.delivered.into_iter().collect::<Vec<_>>(), ["b", "c"]);
        assert_eq!(members_under(&dir, 1).len(), 3);
    }

    #[test]
    fn tags_reach_their_members_and_departments() {
        let dir = directory();
        let r = resolve(&dir, &ids(&["ghost"]), &ids(&["9", "x"]), &ids(&["7", "8"]));
        assert!(r.any_valid);
        assert_eq!(r.delivered.into_iter().collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(r.invalid_users, ["ghost"]);
        assert_eq!(r.invalid_parties, ["9", "x"]);
        assert_eq!(r.invalid_tags, ["8"]);
    }

    #[test]
    fn all_and_pipes() {
        let dir = directory();
        assert_eq!(resolve(&dir, &ids(&["@all"]), &[], &[]).delivered.len(), 3);
        assert_eq!(split_pipes(Some("TagID1 | TagID2||")), ["TagID1", "TagID2"]);
        assert!(split_pipes(None).is_empty());
        assert!(!resolve(&dir, &ids(&["nobody"]), &[], &[]).any_valid);
    }
}
