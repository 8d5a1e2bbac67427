//! 2.4 Rule-group (规则组) tags and customer strategies.
//!
//! A customer strategy (客户联系规则组) gives a set of admins a set of
//! privileges over the customers of the members and departments in its
//! range; rule groups can carry their own tag library (规则组标签), managed
//! like corp tags but scoped to the group. [`CustomerStrategyApi`] covers
//! both, and the `…_stream` methods of [`CustomerStrategyApi`] walk the cursor lists.

use serde::{Deserialize, Serialize};

use super::shapes::{
    CreateStrategyRequest, CreatedStrategy, EditStrategyRequest, Strategy, StrategyDetail, StrategyId,
    StrategyList, StrategyRange, StrategyRangeList, StrategyRangeType,
};
use crate::Result;

/// Rule-group tag (规则组标签) and customer strategy (客户联系规则组)
/// endpoints.
///
/// Every method takes the corp `access_token` of an app allowed to manage
/// customer contact (a self-built app listed under 可调用应用, the 客户联系
/// secret, or a third-party app with the customer-contact permission).
#[crate::api]
pub trait CustomerStrategyApi {
    // --- Rule-group tags ---------------------------------------------------

    /// 获取指定规则组下的企业客户标签: the tag groups and tags of rule
    /// groups, optionally narrowed to one rule group, some tags and/or some
    /// tag groups (a tag-group id returns the whole group; when both lists
    /// are given WeCom filters by `group_id`).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94882>
    #[post("externalcontact/get_strategy_tag_list", token = corp)]
    async fn get_strategy_tag_list(
        &self,
        #[body] request: &StrategyTagListRequest,
    ) -> Result<StrategyTagList>;

    /// 为指定规则组创建企业客户标签: add tags to a rule group, either into an
    /// existing tag group (`group_id`, which makes WeCom ignore `group_name`
    /// and `order`) or into a new one (`group_name`; an existing name adds to
    /// that group).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94882>
    #[post("externalcontact/add_strategy_tag", token = corp)]
    async fn add_strategy_tag(
        &self,
        #[body] request: &AddStrategyTagRequest,
    ) -> Result<AddedStrategyTagGroup>;

    /// 编辑指定规则组下的企业客户标签: rename or reorder a rule-group tag or
    /// tag group (`id` is either).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94882>
    #[post("externalcontact/edit_strategy_tag", token = corp)]
    async fn edit_strategy_tag(&self, id: &str, name: Option<&str>, order: Option<u32>) -> Result<()>;

    /// 删除指定规则组下的企业客户标签: delete rule-group tags and/or whole
    /// tag groups; give at least one of the two lists.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94882>
    #[post("externalcontact/del_strategy_tag", token = corp)]
    async fn del_strategy_tag(&self, tag_id: Option<&[&str]>, group_id: Option<&[&str]>) -> Result<()>;

    // --- Customer strategies -----------------------------------------------

    /// 获取规则组列表: one page of the corp's customer strategy ids.
    /// `limit` at most 1000 (WeCom's default 1000). Walk every page with
    /// [`list_customer_strategy_stream`](Self::list_customer_strategy_stream).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94883>
    #[post("externalcontact/customer_strategy/list", token = corp, page = cursor(limit = 1000))]
    async fn list_customer_strategy(
        &self,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<CustomerStrategyList>;

    /// 获取规则组详情: a strategy's name, parent, admins and privileges.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94883>
    #[post("externalcontact/customer_strategy/get", token = corp)]
    async fn get_customer_strategy(&self, strategy_id: i64) -> Result<CustomerStrategyDetail>;

    /// 获取规则组管理范围: one page of the members and departments a
    /// strategy applies to. `limit` at most 1000 (WeCom's default 1000).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94883>
    #[post("externalcontact/customer_strategy/get_range", token = corp, page = cursor(limit = 1000), stream = customer_strategy_range_stream)]
    async fn get_customer_strategy_range(
        &self,
        strategy_id: i64,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<CustomerStrategyRangeList>;

    /// 创建新的规则组: create a strategy, optionally under a parent
    /// (`parent_id`), with its admins, privileges and range of members and
    /// departments.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94883>
    #[post("externalcontact/customer_strategy/create", token = corp)]
    async fn create_customer_strategy(
        &self,
        #[body] request: &CreateCustomerStrategyRequest,
    ) -> Result<CreatedCustomerStrategy>;

    /// 编辑规则组及其管理范围: rename a strategy, replace its admins or
    /// privileges, and add or remove range entries. Fields left `None` are
    /// not sent.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94883>
    #[post("externalcontact/customer_strategy/edit", token = corp)]
    async fn edit_customer_strategy(&self, #[body] request: &EditCustomerStrategyRequest) -> Result<()>;

    /// 删除规则组: delete a strategy.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94883>
    #[post("externalcontact/customer_strategy/del", token = corp)]
    async fn del_customer_strategy(&self, strategy_id: i64) -> Result<()>;
}

// ---------------------------------------------------------------------------
// Rule-group tags
// ---------------------------------------------------------------------------

/// Request of `externalcontact/get_strategy_tag_list`. Every field is
/// optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyTagListRequest {
    /// Only tags of this rule group (规则组id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy_id: Option<i64>,
    /// Only these tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_id: Option<Vec<String>>,
    /// Only these tag groups (with all their tags).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<Vec<String>>,
}

impl StrategyTagListRequest {
    /// Every rule-group tag.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only tags of rule group `strategy_id`.
    pub fn with_strategy_id(mut self, strategy_id: i64) -> Self {
        self.strategy_id = Some(strategy_id);
        self
    }

    /// Only these tags.
    pub fn with_tag_ids<I, S>(mut self, tag_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tag_id = Some(tag_ids.into_iter().map(Into::into).collect());
        self
    }

    /// Only these tag groups.
    pub fn with_group_ids<I, S>(mut self, group_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.group_id = Some(group_ids.into_iter().map(Into::into).collect());
        self
    }
}

/// A rule-group tag (规则组标签).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyTag {
    /// The tag's id.
    #[serde(default)]
    pub id: String,
    /// The tag's name.
    #[serde(default)]
    pub name: String,
    /// When the tag was created (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// Sort order (次序值); larger values come first.
    #[serde(default)]
    pub order: i64,
    /// Whether the tag was deleted (WeCom sends this only for deleted tags).
    #[serde(default, with = "crate::serde_util::flag")]
    pub deleted: bool,
}

/// A rule-group tag group with its tags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyTagGroup {
    /// The rule group the tags belong to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy_id: Option<i64>,
    /// The tag group's id.
    #[serde(default)]
    pub group_id: String,
    /// The tag group's name.
    #[serde(default)]
    pub group_name: String,
    /// When the tag group was created (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// Sort order (次序值); larger values come first.
    #[serde(default)]
    pub order: i64,
    /// Whether the tag group was deleted.
    #[serde(default, with = "crate::serde_util::flag")]
    pub deleted: bool,
    /// The group's tags.
    #[serde(default)]
    pub tag: Vec<StrategyTag>,
}

/// Response of `externalcontact/get_strategy_tag_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyTagList {
    /// The tag groups.
    #[serde(default)]
    pub tag_group: Vec<StrategyTagGroup>,
}

/// A tag to create (`add_strategy_tag`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewStrategyTag {
    /// The tag's name.
    pub name: String,
    /// Sort order; larger values come first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

impl NewStrategyTag {
    /// A tag named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            order: None,
        }
    }

    /// Sets the sort order.
    pub fn with_order(mut self, order: u32) -> Self {
        self.order = Some(order);
        self
    }
}

/// Request of `externalcontact/add_strategy_tag`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddStrategyTagRequest {
    /// The rule group (规则组id).
    pub strategy_id: i64,
    /// An existing tag group to add to (takes precedence over `group_name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The name of a new tag group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// Sort order of a new tag group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The tags to add.
    pub tag: Vec<NewStrategyTag>,
}

impl AddStrategyTagRequest {
    /// Creates a tag group `group_name` in rule group `strategy_id` with `tags`.
    pub fn new_group(strategy_id: i64, group_name: impl Into<String>, tags: Vec<NewStrategyTag>) -> Self {
        Self {
            strategy_id,
            group_id: None,
            group_name: Some(group_name.into()),
            order: None,
            tag: tags,
        }
    }

    /// Adds `tags` to the existing tag group `group_id` of rule group
    /// `strategy_id`.
    pub fn into_group(strategy_id: i64, group_id: impl Into<String>, tags: Vec<NewStrategyTag>) -> Self {
        Self {
            strategy_id,
            group_id: Some(group_id.into()),
            group_name: None,
            order: None,
            tag: tags,
        }
    }

    /// Sets the new tag group's sort order.
    pub fn with_order(mut self, order: u32) -> Self {
        self.order = Some(order);
        self
    }
}

/// Response of `externalcontact/add_strategy_tag`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedStrategyTagGroup {
    /// The tag group with the created tags and their ids.
    #[serde(default)]
    pub tag_group: StrategyTagGroup,
}

// ---------------------------------------------------------------------------
// Customer strategies
// ---------------------------------------------------------------------------

/// One entry of `customer_strategy/list`.
pub type CustomerStrategyId = StrategyId;

/// Response of `externalcontact/customer_strategy/list`: one page of ids.
pub type CustomerStrategyList = StrategyList;

/// What a strategy's admins may do (规则组权限). Every flag is optional:
/// in requests, unset flags are left out (WeCom then applies its own
/// default); replies carry every flag. Flags are written as JSON bools and
/// read from bools or 0/1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerStrategyPrivilege {
    /// View the customer list (查看客户列表).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub view_customer_list: Option<bool>,
    /// View customer statistics (查看客户统计数据).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub view_customer_data: Option<bool>,
    /// View the customer-group list (查看客户群列表).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub view_room_list: Option<bool>,
    /// Configure 「联系我」 for members (配置「联系我」方式).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub contact_me: Option<bool>,
    /// Configure 「加入群聊」 (配置「加入群聊」).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub join_room: Option<bool>,
    /// Share customers between members (允许分享客户给其他成员).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub share_customer: Option<bool>,
    /// Reassign resigned members' customers (分配离职成员客户).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub oper_resign_customer: Option<bool>,
    /// Reassign resigned members' customer groups (分配离职成员客户群).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub oper_resign_group: Option<bool>,
    /// Send mass messages to customers (给客户群发消息).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub send_customer_msg: Option<bool>,
    /// Configure welcome messages (配置欢迎语).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub edit_welcome_msg: Option<bool>,
    /// View members' customer-contact statistics (查看成员联系客户统计).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub view_behavior_data: Option<bool>,
    /// View customer-group statistics (查看群聊数据统计).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub view_room_data: Option<bool>,
    /// Send mass messages to customer groups (发送消息到客户群).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub send_group_msg: Option<bool>,
    /// Deduplicate customer groups (群聊去重).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub room_deduplication: Option<bool>,
    /// Configure quick replies (配置快捷回复).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub rapid_reply: Option<bool>,
    /// Transfer active members' customers (转接在职成员的客户).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub onjob_customer_transfer: Option<bool>,
    /// Edit the anti-harassment rules (编辑企业成员防骚扰规则).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub edit_anti_spam_rule: Option<bool>,
    /// Export the customer list (导出客户列表).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub export_customer_list: Option<bool>,
    /// Export members' customer statistics (导出成员客户统计).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub export_customer_data: Option<bool>,
    /// Export the customer-group list (导出客户群列表).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub export_customer_group_list: Option<bool>,
    /// Manage customer tags (配置企业客户标签).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::opt_flag::deserialize"
    )]
    pub manage_customer_tag: Option<bool>,
}

/// A customer strategy (规则组).
pub type CustomerStrategy = Strategy<CustomerStrategyPrivilege>;

/// Response of `externalcontact/customer_strategy/get`.
pub type CustomerStrategyDetail = StrategyDetail<CustomerStrategyPrivilege>;

/// A member or department in a strategy's range (管理范围节点).
pub type CustomerStrategyRange = StrategyRange;

/// Kind of an entry in a strategy's range (管理范围节点类型).
pub type CustomerStrategyRangeType = StrategyRangeType;

/// Response of `externalcontact/customer_strategy/get_range`: one page.
pub type CustomerStrategyRangeList = StrategyRangeList;

/// Request of `externalcontact/customer_strategy/create`.
pub type CreateCustomerStrategyRequest = CreateStrategyRequest<CustomerStrategyPrivilege>;

impl CreateStrategyRequest<CustomerStrategyPrivilege> {
    /// A top-level customer strategy named `strategy_name` with these admins
    /// and this range (WeCom requires the range at creation).
    pub fn new<I, S>(strategy_name: impl Into<String>, admin_list: I, range: Vec<StrategyRange>) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self::named(strategy_name, admin_list).with_range(range)
    }
}

/// Response of `externalcontact/customer_strategy/create`.
pub type CreatedCustomerStrategy = CreatedStrategy;

/// Request of `externalcontact/customer_strategy/edit`; unset fields are
/// left unchanged.
pub type EditCustomerStrategyRequest = EditStrategyRequest<CustomerStrategyPrivilege>;
