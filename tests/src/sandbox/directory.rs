//! The corp directory (通讯录) the sandbox keeps per corp: members,
//! departments and tags. Several families read it (messages check their
//! recipients, login codes map to members); the contacts family edits it.
//! Each corp the sandbox knows starts with its members from [`creds`] in the
//! root department 1, the departments of [`creds::departments_of`] under it
//! (for [`creds::CORPID`]: 2 「研发中心」 `zhangsan lisi` and 3 「销售部」
//! `wangwu zhaoliu sunqi`; for the others an empty 2 「研发中心」), a tag 1
//! 「管理层」 holding the corp's first member, and the members who had
//! already left ([`creds::departed_of`]); any other corp whose token the
//! sandbox issued (a joined downstream corp …) starts with the root only,
//! through [`Directory::corp_or_new`].

// Parts of the model are read only by the families being built on it.
#![allow(dead_code)]

use std::collections::BTreeMap;

use super::creds;

/// Every corp's directory, created on first use.
#[derive(Debug, Default)]
pub(crate) struct Directory {
    corps: BTreeMap<String, CorpDirectory>,
}

impl Directory {
    /// The directory of `corpid`, if the corp is known (seeded from
    /// [`creds::users_of`] on first use).
    pub(crate) fn corp(&mut self, corpid: &str) -> Option<&mut CorpDirectory> {
        if !self.corps.contains_key(corpid) {
            let users = creds::users_of(corpid)?;
            self.corps
                .insert(corpid.to_owned(), CorpDirectory::seeded(corpid, users));
        }
        self.corps.get_mut(corpid)
    }

    /// The directory of `corpid`: the seeded one for a corp the sandbox
    /// knows, otherwise one with only the root department (for corps that
    /// exist because the sandbox issued them a token).
    pub(crate) fn corp_or_new(&mut self, corpid: &str) -> &mut CorpDirectory {
        if self.corp(corpid).is_none() {
            self.corps
                .insert(corpid.to_owned(), CorpDirectory::seeded(corpid, &[]));
        }
        self.corps.entry(corpid.to_owned()).or_default()
    }
}

/// One corp's members, departments and tags.
#[derive(Debug, Default)]
pub(crate) struct CorpDirectory {
    /// Members by userid.
    pub(crate) users: BTreeMap<String, Member>,
    /// Departments by id; 1 is the root.
    pub(crate) departments: BTreeMap<u32, Department>,
    /// Tags by id.
    pub(crate) tags: BTreeMap<u32, Tag>,
    /// English names of departments (`name_en`), by department id.
    pub(crate) names_en: BTreeMap<u32, String>,
    /// Members who left (userid → when): no longer in `users`, but the
    /// external-contact family still knows them as their customers'
    /// former follow users.
    pub(crate) departed: BTreeMap<String, i64>,
}

impl CorpDirectory {
    /// The root department with `users` in it, the departments of
    /// [`creds::departments_of`] below it, and (when there are users) a tag
    /// holding the first.
    fn seeded(corpid: &str, users: &[&str]) -> Self {
        let mut dir = CorpDirectory::default();
        dir.departments.insert(
            1,
            Department {
                id: 1,
                name: creds::corp_name(corpid).unwrap_or(corpid).to_owned(),
                parentid: 0,
                order: 100_000_000,
                leaders: Vec::new(),
            },
        );
        if users.is_empty() {
            return dir;
        }
        for (n, userid) in users.iter().enumerate() {
            dir.users.insert(
                (*userid).to_owned(),
                Member {
                    userid: (*userid).to_owned(),
                    name: display_name(userid),
                    department: vec![1],
                    mobile: format!("1380000{:04}", n + 1),
                    email: format!("{userid}@example.com"),
                    status: 1,
                    extra: serde_json::Map::new(),
                },
            );
        }
        for &(id, name, members) in creds::departments_of(corpid) {
            dir.departments.insert(
                id,
                Department {
                    id,
                    name: name.to_owned(),
                    parentid: 1,
                    order: 100_000_000,
                    leaders: Vec::new(),
                },
            );
            for userid in members {
                if let Some(member) = dir.users.get_mut(*userid) {
                    member.department.push(id);
                }
            }
        }
        dir.tags.insert(
            1,
            Tag {
                id: 1,
                name: "管理层".to_owned(),
                users: vec![users[0].to_owned()],
                parties: Vec::new(),
            },
        );
        dir.departed = creds::departed_of(corpid)
            .iter()
            .map(|&(userid, at)| (userid.to_owned(), at))
            .collect();
        dir
    }

    /// Removes a member and every reference to it (tags, department
    /// leaders), remembering when it left: its customers stay behind,
    /// waiting to be reassigned (离职成员).
    pub(crate) fn remove_member(&mut self, userid: &str, now: i64) {
        if self.users.remove(userid).is_none() {
            return;
        }
        for tag in self.tags.values_mut() {
            tag.users.retain(|u| u != userid);
        }
        for dep in self.departments.values_mut() {
            dep.leaders.retain(|u| u != userid);
        }
        self.departed.insert(userid.to_owned(), now);
    }

    /// Whether `userid` is a member.
    pub(crate) fn has_user(&self, userid: &str) -> bool {
        self.users.contains_key(userid)
    }

    /// The members of department `id` (not of its sub-departments).
    pub(crate) fn members_of(&self, id: u32) -> impl Iterator<Item = &Member> {
        self.users.values().filter(move |m| m.department.contains(&id))
    }

    /// The userid as stored, matched ignoring ASCII case (WeCom's userids
    /// are case-insensitive).
    pub(crate) fn find_user(&self, userid: &str) -> Option<&str> {
        if let Some((key, _)) = self.users.get_key_value(userid) {
            return Some(key);
        }
        self.users
            .keys()
            .find(|k| k.eq_ignore_ascii_case(userid))
            .map(String::as_str)
    }

    /// Department `id` and every department below it, parents first.
    pub(crate) fn subtree(&self, id: u32) -> Vec<u32> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i];
            out.extend(
                self.departments
                    .values()
                    .filter(|d| d.parentid == parent && d.id != parent)
                    .map(|d| d.id),
            );
            i += 1;
        }
        out
    }
}

/// A member (成员).
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub(crate) userid: String,
    pub(crate) name: String,
    /// Departments the member belongs to.
    pub(crate) department: Vec<u32>,
    pub(crate) mobile: String,
    pub(crate) email: String,
    /// 1 active, 2 disabled, 4 not yet active, 5 left.
    pub(crate) status: i32,
    /// Every other field `user/create` / `user/update` set, as sent.
    pub(crate) extra: serde_json::Map<String, serde_json::Value>,
}

/// A department (部门).
#[derive(Debug, Clone)]
pub(crate) struct Department {
    pub(crate) id: u32,
    pub(crate) name: String,
    pub(crate) parentid: u32,
    pub(crate) order: u32,
    pub(crate) leaders: Vec<String>,
}

/// A tag (标签) and whom it holds.
#[derive(Debug, Clone)]
pub(crate) struct Tag {
    pub(crate) id: u32,
    pub(crate) name: String,
    pub(crate) users: Vec<String>,
    pub(crate) parties: Vec<u32>,
}

/// The display name of a seeded member.
pub(crate) fn display_name(userid: &str) -> String {
    match userid {
        "zhangsan" => "张三".to_owned(),
        "lisi" => "李四".to_owned(),
        "wangwu" => "王五".to_owned(),
        "zhaoliu" => "赵六".to_owned(),
        "sunqi" => "孙七".to_owned(),
        other => other.to_owned(),
    }
}
