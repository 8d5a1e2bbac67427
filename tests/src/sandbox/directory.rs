//! The corp directory (通讯录) the sandbox keeps per corp: members,
//! departments and tags. Several families read it (messages check their
//! recipients, login codes map to members); the contacts family edits it.
//! Each corp the sandbox knows starts with its members from [`creds`] in the
//! root department 1.

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
}

impl CorpDirectory {
    /// The root department with `users` in it.
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
        dir
    }

    /// Whether `userid` is a member.
    pub(crate) fn has_user(&self, userid: &str) -> bool {
        self.users.contains_key(userid)
    }

    /// The members of department `id` (not of its sub-departments).
    pub(crate) fn members_of(&self, id: u32) -> impl Iterator<Item = &Member> {
        self.users.values().filter(move |m| m.department.contains(&id))
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
