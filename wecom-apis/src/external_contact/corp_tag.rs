//! 2.3 Corp customer tags (企业客户标签).
//!
//! The corp's tag library (groups of tags), and marking customers with
//! tags. Tags show up on a customer in `follow_user[].tags` of
//! [`CustomerApi::get_external_contact`](super::CustomerApi::get_external_contact).

use serde::{Deserialize, Serialize};

use crate::Result;

/// Corp customer tag (企业客户标签) endpoints.
///
/// Every method takes the corp `access_token` of an app allowed to use
/// customer contact. A corp holds at most 3000 corp tags (errcode 40126
/// beyond). Pass `agentid` when a self-built app should own the tags it
/// creates, so only it may edit them.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/92117>
#[crate::api]
pub trait CorpTagApi {
    /// 获取企业标签库: tag groups and their tags. Filter by `tag_id`s or
    /// `group_id`s (when both are given, `group_id` wins and whole groups are
    /// returned); neither returns every group.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92117>
    #[post("externalcontact/get_corp_tag_list", token = corp)]
    async fn get_corp_tag_list(
        &self,
        tag_id: Option<&[&str]>,
        group_id: Option<&[&str]>,
    ) -> Result<CorpTagList>;

    /// 添加企业客户标签: add tags to a group (`group_id`), or create a group
    /// (`group_name`; an existing name adds to that group) with its tags.
    /// The reply holds the group and the tags just created. At most 3000
    /// tags per corp.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92117>
    #[post("externalcontact/add_corp_tag", token = corp)]
    async fn add_corp_tag(&self, #[body] tags: &AddCorpTagRequest) -> Result<AddedCorpTags>;

    /// 编辑企业客户标签: rename or reorder a tag or a tag group (`id` is
    /// either kind). Unknown ids are errcode 40068.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92117>
    #[post("externalcontact/edit_corp_tag", token = corp)]
    async fn edit_corp_tag(&self, #[body] edit: &EditCorpTagRequest) -> Result<()>;

    /// 删除企业客户标签: delete tags and/or whole groups; a group whose last
    /// tag is deleted is deleted too. Give at least one of the lists.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92117>
    #[post("externalcontact/del_corp_tag", token = corp)]
    async fn del_corp_tag(
        &self,
        tag_id: Option<&[&str]>,
        group_id: Option<&[&str]>,
        agentid: Option<i64>,
    ) -> Result<()>;

    /// 编辑客户企业标签: add and/or remove corp tags on a customer, as seen
    /// by the member `userid` (who must follow the customer; errcode 84061
    /// otherwise). Give at least one of the lists.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92118>
    #[post("externalcontact/mark_tag", token = corp)]
    async fn mark_tag(&self, #[body] mark: &MarkTagRequest) -> Result<()>;
}

// ---------------------------------------------------------------------------
// Tag library
// ---------------------------------------------------------------------------

/// A corp tag (企业标签).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpTag {
    /// Tag id.
    pub id: String,
    /// Tag name.
    #[serde(default)]
    pub name: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// Sort weight within the group (larger first).
    #[serde(default)]
    pub order: i64,
    /// Whether the tag was deleted (only when asked for by id).
    #[serde(default, with = "crate::serde_util::flag")]
    pub deleted: bool,
}

/// A corp tag group and its tags (标签组).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpTagGroup {
    /// Group id.
    pub group_id: String,
    /// Group name.
    #[serde(default)]
    pub group_name: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// Sort weight among groups (larger first).
    #[serde(default)]
    pub order: i64,
    /// Whether the group was deleted (only when asked for by id).
    #[serde(default, with = "crate::serde_util::flag")]
    pub deleted: bool,
    /// The group's tags.
    #[serde(default)]
    pub tag: Vec<CorpTag>,
}

/// Reply of `externalcontact/get_corp_tag_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpTagList {
    /// The matching groups.
    #[serde(default)]
    pub tag_group: Vec<CorpTagGroup>,
}

// ---------------------------------------------------------------------------
// add / edit
// ---------------------------------------------------------------------------

/// A tag to create (`tag[]` of `add_corp_tag`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCorpTag {
    /// Tag name, at most 30 characters.
    pub name: String,
    /// Sort weight (larger first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<i64>,
}

impl NewCorpTag {
    /// A tag called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            order: None,
        }
    }

    /// Sort weight.
    pub fn with_order(mut self, order: i64) -> Self {
        self.order = Some(order);
        self
    }
}

/// Request of `externalcontact/add_corp_tag`: give `group_id` to add to an
/// existing group, or `group_name` to create one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddCorpTagRequest {
    /// Existing group to add the tags to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Name of the group to create (or to add to, if it exists), at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// Sort weight of a new group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<i64>,
    /// The tags to create.
    pub tag: Vec<NewCorpTag>,
    /// Self-built app that will own the tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl AddCorpTagRequest {
    /// Create the group `group_name` (or add to it, if it exists) with `tags`.
    pub fn new_group(group_name: impl Into<String>, tags: Vec<NewCorpTag>) -> Self {
        Self {
            group_name: Some(group_name.into()),
            tag: tags,
            ..Self::default()
        }
    }

    /// Add `tags` to the existing group `group_id`.
    pub fn to_group(group_id: impl Into<String>, tags: Vec<NewCorpTag>) -> Self {
        Self {
            group_id: Some(group_id.into()),
            tag: tags,
            ..Self::default()
        }
    }

    /// Sort weight of a new group.
    pub fn with_order(mut self, order: i64) -> Self {
        self.order = Some(order);
        self
    }

    /// Self-built app that will own the tags.
    pub fn with_agentid(mut self, agentid: i64) -> Self {
        self.agentid = Some(agentid);
        self
    }
}

/// Reply of `externalcontact/add_corp_tag`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedCorpTags {
    /// The group, holding the tags just created.
    #[serde(default)]
    pub tag_group: CorpTagGroup,
}

/// Request of `externalcontact/edit_corp_tag`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditCorpTagRequest {
    /// A tag id or a group id.
    pub id: String,
    /// New name, at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New sort weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<i64>,
    /// Self-built app that owns the tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl EditCorpTagRequest {
    /// Edit the tag or group `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            ..Self::default()
        }
    }

    /// New name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// New sort weight.
    pub fn with_order(mut self, order: i64) -> Self {
        self.order = Some(order);
        self
    }

    /// Self-built app that owns the tag.
    pub fn with_agentid(mut self, agentid: i64) -> Self {
        self.agentid = Some(agentid);
        self
    }
}

// ---------------------------------------------------------------------------
// mark_tag
// ---------------------------------------------------------------------------

/// Request of `externalcontact/mark_tag` (编辑客户企业标签).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkTagRequest {
    /// The member who follows the customer.
    pub userid: String,
    /// The customer.
    pub external_userid: String,
    /// Corp tag ids to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_tag: Vec<String>,
    /// Corp tag ids to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_tag: Vec<String>,
}

impl MarkTagRequest {
    /// Tag changes on `external_userid` as seen by `userid`.
    pub fn new(userid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
            external_userid: external_userid.into(),
            ..Self::default()
        }
    }

    /// Tags to add.
    pub fn with_add_tag<I, S>(mut self, tag_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.add_tag.extend(tag_ids.into_iter().map(Into::into));
        self
    }

    /// Tags to remove.
    pub fn with_remove_tag<I, S>(mut self, tag_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.remove_tag.extend(tag_ids.into_iter().map(Into::into));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_group_decodes_bool_or_int_deleted() {
        let l: CorpTagList = serde_json::from_str(
            r#"{"tag_group":[{"group_id":"g","group_name":"n","create_time":1,"order":2,"deleted":false,
                "tag":[{"id":"t","name":"a","create_time":1,"order":0,"deleted":1}]}]}"#,
        )
        .expect("decodes");
        assert!(!l.tag_group[0].deleted);
        assert!(l.tag_group[0].tag[0].deleted);
    }

    #[test]
    fn mark_tag_leaves_out_empty_lists() {
        let m = MarkTagRequest::new("u", "wm").with_add_tag(["t1"]);
        assert_eq!(
            serde_json::to_value(&m).expect("encodes"),
            serde_json::json!({"userid":"u","external_userid":"wm","add_tag":["t1"]})
        );
    }
}
