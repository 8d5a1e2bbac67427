//! 标签管理 (tags): create, rename and delete tags, read and change their
//! members and departments, list them.
//!
//! Section index: <https://developer.work.weixin.qq.com/document/path/90210>

use serde::{Deserialize, Serialize};

use crate::Result;

/// Endpoints of 标签管理, on the corp `access_token`. A tag created by an
/// app belongs to it: only that app (or the 通讯录同步 secret) may change it.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90210>
#[crate::api]
pub trait TagApi {
    /// 创建标签: a tag called `tagname` (1–32 UTF-8 characters, unique in
    /// the corp: 40071), with id `tagid` when given (else WeCom picks one).
    /// At most 3000 tags.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90210>
    #[post("tag/create", token = corp)]
    async fn create_tag(&self, tagname: &str, tagid: Option<u32>) -> Result<CreatedTag>;

    /// 更新标签名字: rename a tag (unknown tag: 40068; a name in use: 40071).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90211>
    #[post("tag/update", token = corp)]
    async fn update_tag(&self, tagid: u32, tagname: &str) -> Result<()>;

    /// 删除标签: remove a tag (a GET; unknown tag: 40068).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90212>
    #[get("tag/delete", token = corp)]
    async fn delete_tag(&self, tagid: u32) -> Result<()>;

    /// 获取标签成员: a tag's name, members and departments (unknown tag:
    /// 40068).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90213>
    #[get("tag/get", token = corp)]
    async fn get_tag(&self, tagid: u32) -> Result<TagMembers>;

    /// 增加标签成员: add members and/or departments to a tag (together at
    /// most 1000 members and 100 departments per call). Unknown ids come
    /// back in the reply; when every id is unknown the call fails (40070).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90214>
    #[post("tag/addtagusers", token = corp)]
    async fn add_tag_users(&self, #[body] change: &TagUsers) -> Result<TagUsersResult>;

    /// 删除标签成员: remove members and/or departments from a tag; same
    /// limits and reply as [`add_tag_users`](Self::add_tag_users), but
    /// when every id is unknown WeCom answers 40031 (not 40070).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90215>
    #[post("tag/deltagusers", token = corp)]
    async fn del_tag_users(&self, #[body] change: &TagUsers) -> Result<TagUsersResult>;

    /// 获取标签列表: every tag of the corp (third-party apps: only their own).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90216>
    #[get("tag/list", token = corp)]
    async fn list_tags(&self) -> Result<TagList>;
}

/// Reply of `tag/create`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedTag {
    /// The tag's id.
    pub tagid: u32,
}

/// Reply of `tag/get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagMembers {
    /// The tag's name.
    #[serde(default)]
    pub tagname: String,
    /// Its members.
    #[serde(default)]
    pub userlist: Vec<TagUser>,
    /// Its departments.
    #[serde(default)]
    pub partylist: Vec<u32>,
}

/// A member of a tag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagUser {
    /// The userid.
    pub userid: String,
    /// Name (not given to third-party apps).
    #[serde(default)]
    pub name: String,
}

/// Request of `tag/addtagusers` and `tag/deltagusers`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagUsers {
    /// The tag.
    pub tagid: u32,
    /// Members, at most 1000.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userlist: Vec<String>,
    /// Departments, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partylist: Vec<u32>,
}

impl TagUsers {
    /// Members `users` of tag `tagid`.
    pub fn users<S: Into<String>>(tagid: u32, users: impl IntoIterator<Item = S>) -> Self {
        TagUsers {
            tagid,
            userlist: users.into_iter().map(Into::into).collect(),
            partylist: Vec::new(),
        }
    }

    /// Also departments `parties`.
    pub fn with_parties(mut self, parties: impl IntoIterator<Item = u32>) -> Self {
        self.partylist.extend(parties);
        self
    }
}

/// Reply of `tag/addtagusers` / `tag/deltagusers`: the ids WeCom ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagUsersResult {
    /// Unknown userids, joined by `|` as WeCom sends them (see
    /// [`invalid_users`](Self::invalid_users)); empty when none.
    #[serde(default)]
    pub invalidlist: String,
    /// Unknown departments.
    #[serde(default)]
    pub invalidparty: Vec<u32>,
}

impl TagUsersResult {
    /// The unknown userids, one by one.
    pub fn invalid_users(&self) -> impl Iterator<Item = &str> {
        self.invalidlist.split('|').filter(|s| !s.is_empty())
    }
}

/// Reply of `tag/list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagList {
    /// The tags.
    #[serde(default)]
    pub taglist: Vec<TagInfo>,
}

/// One tag of `tag/list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagInfo {
    /// Its id.
    pub tagid: u32,
    /// Its name.
    #[serde(default)]
    pub tagname: String,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Reply samples of 创建标签 (90210), 获取标签成员 (90213), 增加/删除标签成员
    /// (90214 / 90215) and 获取标签列表 (90216).
    #[test]
    fn decodes_the_samples() {
        let created: CreatedTag =
            serde_json::from_value(json!({"errcode": 0, "errmsg": "created", "tagid": 12})).unwrap();
        assert_eq!(created.tagid, 12);
        let members: TagMembers = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok", "tagname": "乒乓球协会",
            "userlist": [{"userid": "zhangsan", "name": "李四"}],
            "partylist": [2]
        }))
        .unwrap();
        assert_eq!(members.tagname, "乒乓球协会");
        assert_eq!(
            members.userlist[0],
            TagUser {
                userid: "zhangsan".into(),
                name: "李四".into()
            }
        );
        assert_eq!(members.partylist, [2]);
        let added: TagUsersResult = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok", "invalidlist": "usr1|usr2|usr", "invalidparty": [2, 4]
        }))
        .unwrap();
        assert_eq!(added.invalid_users().collect::<Vec<_>>(), ["usr1", "usr2", "usr"]);
        assert_eq!(added.invalidparty, [2, 4]);
        let none: TagUsersResult =
            serde_json::from_value(json!({"errcode": 0, "errmsg": "deleted"})).unwrap();
        assert_eq!(none.invalid_users().count(), 0);
        let list: TagList = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok",
            "taglist": [{"tagid": 1, "tagname": "a"}, {"tagid": 2, "tagname": "b"}]
        }))
        .unwrap();
        assert_eq!(
            list.taglist[1],
            TagInfo {
                tagid: 2,
                tagname: "b".into()
            }
        );
    }

    /// The request sample of 增加标签成员 (90214).
    #[test]
    fn encodes_the_addtagusers_sample() {
        let change = TagUsers::users(12, ["user1", "user2"]).with_parties([4]);
        assert_eq!(
            serde_json::to_value(&change).unwrap(),
            json!({"tagid": 12, "userlist": ["user1", "user2"], "partylist": [4]})
        );
    }
}
