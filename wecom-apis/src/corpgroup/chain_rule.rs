//! 上下游规则 (chain rules): which of the upstream corp's members or
//! departments the downstream corps (by corp or group) can see and contact.

use serde::{Deserialize, Serialize};

use crate::Result;

/// Chain rule (对接规则) endpoints.
///
/// Only an app listed under 「上下游 - 可调用接口的应用」 (the 上下游 system
/// app) of the corp that created the chain (创建空间的主企业) may call them,
/// with that corp's `access_token`; the rule's members and departments must
/// be in the app's visible range.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/95631>
#[crate::api]
pub trait ChainRuleApi {
    /// 获取对接规则id列表: the ids of a chain's rules.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95631>
    #[post("corpgroup/rule/list_ids", token = corp)]
    async fn list_rule_ids(&self, chain_id: &str) -> Result<RuleIdList>;

    /// 获取对接规则详情: one rule's upstream contacts and downstream range.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95633>
    #[post("corpgroup/rule/get_rule_info", token = corp)]
    async fn get_rule_info(&self, chain_id: &str, rule_id: i64) -> Result<RuleDetail>;

    /// 新增对接规则: add a rule; returns its id. Adding and modifying rules
    /// together are limited to **1000 calls a day**.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95634>
    #[post("corpgroup/rule/add_rule", token = corp)]
    async fn add_rule(&self, chain_id: &str, rule_info: &RuleInfo) -> Result<AddedRule>;

    /// 更新对接规则: replace a rule's ranges. Adding and modifying rules
    /// together are limited to **1000 calls a day**.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95635>
    #[post("corpgroup/rule/modify_rule", token = corp)]
    async fn modify_rule(&self, chain_id: &str, rule_id: i64, rule_info: &RuleInfo) -> Result<()>;

    /// 删除对接规则: delete a rule.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95632>
    #[post("corpgroup/rule/delete_rule", token = corp)]
    async fn delete_rule(&self, chain_id: &str, rule_id: i64) -> Result<()>;
}

/// Reply of `corpgroup/rule/list_ids`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleIdList {
    /// The rule ids (上下游关系规则的id).
    #[serde(default)]
    pub rule_ids: Vec<i64>,
}

/// Reply of `corpgroup/rule/get_rule_info`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleDetail {
    /// The rule.
    #[serde(default)]
    pub rule_info: RuleInfo,
}

/// Reply of `corpgroup/rule/add_rule`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedRule {
    /// The new rule's id.
    pub rule_id: i64,
}

/// A chain rule (上下游关系规则): who upstream is visible to whom downstream.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleInfo {
    /// The upstream corp's members and departments the downstream range can
    /// see and contact (上游企业的对接人规则).
    #[serde(default)]
    pub owner_corp_range: OwnerCorpRange,
    /// The downstream corps and groups the rule applies to (下游企业规则范围).
    #[serde(default)]
    pub member_corp_range: MemberCorpRange,
}

impl RuleInfo {
    /// A rule: `owner` visible to `member`.
    pub fn new(owner: OwnerCorpRange, member: MemberCorpRange) -> Self {
        RuleInfo {
            owner_corp_range: owner,
            member_corp_range: member,
        }
    }
}

/// Upstream members and departments of a rule; WeCom needs at least one of
/// the two lists. Empty lists are left out of requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerCorpRange {
    /// Members (用户id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userids: Vec<String>,
    /// Departments (部门id); numbers, numeric strings are read too.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::serde_util::id_list"
    )]
    pub departmentids: Vec<u64>,
}

impl OwnerCorpRange {
    /// These members.
    pub fn users<I, S>(userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        OwnerCorpRange {
            userids: userids.into_iter().map(Into::into).collect(),
            departmentids: Vec::new(),
        }
    }

    /// These departments.
    pub fn departments(departmentids: impl IntoIterator<Item = u64>) -> Self {
        OwnerCorpRange {
            userids: Vec::new(),
            departmentids: departmentids.into_iter().collect(),
        }
    }

    /// Adds departments.
    pub fn with_departments(mut self, departmentids: impl IntoIterator<Item = u64>) -> Self {
        self.departmentids.extend(departmentids);
        self
    }
}

/// Downstream corps and groups of a rule; WeCom needs at least one of the
/// two lists. Empty lists are left out of requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberCorpRange {
    /// Downstream corps (企业id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corpids: Vec<String>,
    /// Chain groups (分组id); numbers, numeric strings are read too.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::serde_util::id_list"
    )]
    pub groupids: Vec<u32>,
}

impl MemberCorpRange {
    /// These corps.
    pub fn corps<I, S>(corpids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        MemberCorpRange {
            corpids: corpids.into_iter().map(Into::into).collect(),
            groupids: Vec::new(),
        }
    }

    /// These groups.
    pub fn groups(groupids: impl IntoIterator<Item = u32>) -> Self {
        MemberCorpRange {
            corpids: Vec::new(),
            groupids: groupids.into_iter().collect(),
        }
    }

    /// Adds groups.
    pub fn with_groups(mut self, groupids: impl IntoIterator<Item = u32>) -> Self {
        self.groupids.extend(groupids);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn member_range_has_member_keys() {
        let rule = RuleInfo::new(OwnerCorpRange::users(["zhangsan"]), MemberCorpRange::groups([2]));
        assert_eq!(
            serde_json::to_value(&rule).unwrap(),
            json!({"owner_corp_range":{"userids":["zhangsan"]},"member_corp_range":{"groupids":[2]}})
        );
        let back: RuleInfo = serde_json::from_value(json!({
            "owner_corp_range":{"departmentids":["3", 4],"userids":["a"]},
            "member_corp_range":{"groupids":[2],"corpids":["ww"]}}))
        .unwrap();
        assert_eq!(back.owner_corp_range.departmentids, [3, 4]);
        assert_eq!(back.member_corp_range.corpids, ["ww"]);
    }
}
