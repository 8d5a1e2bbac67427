//! Shapes WeCom's docs share between sections of the family: the
//! `{user_list, department_list}` member range, and the rule group (规则组)
//! that customer strategies (客户联系规则组) and moment strategies
//! (客户朋友圈规则组) both are. Each section names them for its own use
//! (`MomentSenderList`, `CustomerStrategy`, …) as aliases of these types,
//! so a rule group has one model and only its privileges differ.

use serde::{Deserialize, Deserializer, Serialize};

use crate::serde_util::int_enum;

/// Members and departments (`{user_list, department_list}`): whom a rule,
/// a link or a moment applies to. Limits depend on the endpoint (see the
/// alias each section uses).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRange {
    /// Member userids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_list: Vec<String>,
    /// Department ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub department_list: Vec<i64>,
}

impl MemberRange {
    /// A range of these members and departments.
    pub fn new<I, S>(user_list: I, department_list: impl IntoIterator<Item = i64>) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            user_list: user_list.into_iter().map(Into::into).collect(),
            department_list: department_list.into_iter().collect(),
        }
    }
}

int_enum! {
    /// Kind of a node in a rule group's managed range (管理范围节点类型 `type`).
    pub enum StrategyRangeType {
        /// 1: a member (成员), identified by `userid`.
        Member = 1,
        /// 2: a department (部门), identified by `partyid`.
        Department = 2,
    }
}

/// One entry of a rule-group list (`strategy[]`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyId {
    /// The rule group's id (规则组id).
    #[serde(default)]
    pub strategy_id: i64,
}

/// One page of rule-group ids (`…_strategy/list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyList {
    /// The rule groups on this page.
    #[serde(default)]
    pub strategy: Vec<StrategyId>,
    /// Cursor of the next page; empty (or missing) on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

/// A rule group (`strategy` of `…_strategy/get`), with the privileges `P`
/// of its kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strategy<P> {
    /// Rule group id (规则组id).
    #[serde(default)]
    pub strategy_id: i64,
    /// Parent rule group id (父规则组id); 0 for a top-level group.
    #[serde(default)]
    pub parent_id: i64,
    /// Name (规则组名称).
    #[serde(default)]
    pub strategy_name: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// Admin userids (规则组管理员userid列表).
    #[serde(default)]
    pub admin_list: Vec<String>,
    /// What the admins may do (权限).
    #[serde(default)]
    pub privilege: P,
}

/// Reply of `…_strategy/get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyDetail<P> {
    /// The rule group.
    #[serde(default)]
    pub strategy: Strategy<P>,
}

/// A node of a rule group's managed range (`range[]`): a member or a
/// department.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyRange {
    /// Member (1) or department (2).
    #[serde(rename = "type", default)]
    pub range_type: StrategyRangeType,
    /// The member's userid, for a member node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// The department id, for a department node (read from a number or a
    /// numeric string).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "opt_id")]
    pub partyid: Option<i64>,
}

impl StrategyRange {
    /// A member node.
    pub fn member(userid: impl Into<String>) -> Self {
        Self {
            range_type: StrategyRangeType::Member,
            userid: Some(userid.into()),
            partyid: None,
        }
    }

    /// A department node.
    pub fn department(partyid: i64) -> Self {
        Self {
            range_type: StrategyRangeType::Department,
            userid: None,
            partyid: Some(partyid),
        }
    }
}

/// One page of a rule group's managed range (`…_strategy/get_range`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyRangeList {
    /// The managed members and departments (管理范围).
    #[serde(default)]
    pub range: Vec<StrategyRange>,
    /// Cursor of the next page; empty (or missing) on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

/// Request of `…_strategy/create` (创建新的规则组). Build it with the
/// section's `new` (`CreateCustomerStrategyRequest::new`,
/// `CreateMomentStrategyRequest::new`) and the `with_…` setters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateStrategyRequest<P> {
    /// Parent rule group id (父规则组id); left out for a top-level group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    /// Name (规则组名称).
    pub strategy_name: String,
    /// Admin userids (规则组管理员userid列表); super admins are not allowed.
    #[serde(default)]
    pub admin_list: Vec<String>,
    /// Privileges; unset flags keep WeCom's defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege: Option<P>,
    /// Managed members and departments (规则组的管理范围).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range: Vec<StrategyRange>,
}

impl<P> CreateStrategyRequest<P> {
    /// A top-level rule group named `strategy_name` with these admins
    /// (each section's `new` starts from here).
    pub(crate) fn named<I, S>(strategy_name: impl Into<String>, admin_list: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            parent_id: None,
            strategy_name: strategy_name.into(),
            admin_list: admin_list.into_iter().map(Into::into).collect(),
            privilege: None,
            range: Vec::new(),
        }
    }

    /// Nests the group under `parent_id`.
    pub fn with_parent_id(mut self, parent_id: i64) -> Self {
        self.parent_id = Some(parent_id);
        self
    }

    /// Sets the privileges.
    pub fn with_privilege(mut self, privilege: P) -> Self {
        self.privilege = Some(privilege);
        self
    }

    /// Sets the managed range.
    pub fn with_range(mut self, range: Vec<StrategyRange>) -> Self {
        self.range = range;
        self
    }
}

/// Reply of `…_strategy/create`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedStrategy {
    /// The new rule group id (规则组id).
    #[serde(default)]
    pub strategy_id: i64,
}

/// Request of `…_strategy/edit` (编辑规则组及其管理范围). Only the fields set
/// are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditStrategyRequest<P> {
    /// The rule group to edit.
    pub strategy_id: i64,
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy_name: Option<String>,
    /// New admin list (replaces the current one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_list: Option<Vec<String>>,
    /// New privileges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege: Option<P>,
    /// Range nodes to add (向管理范围添加的节点).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range_add: Vec<StrategyRange>,
    /// Range nodes to remove (从管理范围删除的节点).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range_del: Vec<StrategyRange>,
}

impl<P> EditStrategyRequest<P> {
    /// Edits rule group `strategy_id`; set what changes.
    pub fn new(strategy_id: i64) -> Self {
        Self {
            strategy_id,
            strategy_name: None,
            admin_list: None,
            privilege: None,
            range_add: Vec::new(),
            range_del: Vec::new(),
        }
    }

    /// Renames the group.
    pub fn with_strategy_name(mut self, name: impl Into<String>) -> Self {
        self.strategy_name = Some(name.into());
        self
    }

    /// Replaces the admins.
    pub fn with_admin_list<I, S>(mut self, admins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.admin_list = Some(admins.into_iter().map(Into::into).collect());
        self
    }

    /// Replaces the privileges.
    pub fn with_privilege(mut self, privilege: P) -> Self {
        self.privilege = Some(privilege);
        self
    }

    /// Adds range nodes.
    pub fn with_range_add(mut self, nodes: Vec<StrategyRange>) -> Self {
        self.range_add = nodes;
        self
    }

    /// Removes range nodes.
    pub fn with_range_del(mut self, nodes: Vec<StrategyRange>) -> Self {
        self.range_del = nodes;
        self
    }
}

// No `has_more` in these replies: an empty `next_cursor` ends the list.
crate::paging::cursor_page! {
    StrategyList => strategy: StrategyId,
    StrategyRangeList => range: StrategyRange,
}

/// An optional id sent as a number or a numeric string.
fn opt_id<'de, D>(deserializer: D) -> std::result::Result<Option<i64>, D::Error>
where
    D: Deserializer<'de>,
{
    #[derive(Deserialize)]
    struct Id(#[serde(deserialize_with = "crate::serde_util::deserialize_code")] i64);
    Option::<Id>::deserialize(deserializer).map(|id| id.map(|Id(n)| n))
}
