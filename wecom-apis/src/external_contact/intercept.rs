//! 2.12 Chat intercept rules (聊天敏感词): words and semantics (phone
//! numbers, e-mail addresses, red packets) that WeCom warns about or blocks
//! in members' chats with customers.
//!
//! `get_intercept_rule_list` returns the array `rule_list` (a list of
//! summaries, [`InterceptRuleList`]), not a single rule. Creating a rule
//! takes `semantics_list` at the top level, while editing and reading use
//! `extra_rule.semantics_list`: both shapes are modelled as WeCom documents
//! them.
//!
//! `rule_id` is a string in the `add_intercept_rule` and
//! `get_intercept_rule_list` samples but a number in the
//! `get_intercept_rule` sample (`"rule_id":1`); every reply reads either
//! into a `String`.

use serde::{Deserialize, Serialize};

use super::shapes::MemberRange;
use crate::Result;
use crate::serde_util::int_enum;

/// Chat intercept rule (聊天敏感词) endpoints. Every method takes the corp
/// `access_token` (self-built app configured as 可调用应用, or a
/// third-party / 代开发 token with 「管理敏感词」).
#[crate::api]
pub trait InterceptRuleApi {
    /// 新建敏感词规则: create a rule. `rule_name` 1–20 characters;
    /// `word_list` at most 300 words of 1–32 characters; `applicable_range`
    /// needs members and/or departments (at most 1000 of each) in the app's
    /// visibility. A corp holds at most 100 rules.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95130>
    #[post("externalcontact/add_intercept_rule", token = corp)]
    async fn add_intercept_rule(&self, #[body] rule: &NewInterceptRule) -> Result<CreatedInterceptRule>;

    /// 获取敏感词规则列表: every rule's id, name and creation time. WeCom
    /// serves this with GET.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95130>
    #[get("externalcontact/get_intercept_rule_list", token = corp)]
    async fn get_intercept_rule_list(&self) -> Result<InterceptRuleList>;

    /// 获取敏感词规则详情: one rule with its words, semantics, intercept type
    /// and range.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95130>
    #[post("externalcontact/get_intercept_rule", token = corp)]
    async fn get_intercept_rule(&self, rule_id: &str) -> Result<InterceptRuleDetail>;

    /// 修改敏感词规则: change a rule; only the fields set are sent. The range
    /// changes by difference (`add_applicable_range`,
    /// `remove_applicable_range`); `word_list` replaces the words (at most
    /// 300).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95130>
    #[post("externalcontact/update_intercept_rule", token = corp)]
    async fn update_intercept_rule(&self, #[body] update: &InterceptRuleUpdate) -> Result<()>;

    /// 删除敏感词规则: delete a rule.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95130>
    #[post("externalcontact/del_intercept_rule", token = corp)]
    async fn del_intercept_rule(&self, rule_id: &str) -> Result<()>;
}

int_enum! {
    /// What WeCom does when a rule matches (拦截方式 `intercept_type`).
    pub enum InterceptType {
        /// 1: warn and block the message (警告并拦截发送).
        WarnAndBlock = 1,
        /// 2: warn only (仅发警告).
        WarnOnly = 2,
    }
}

int_enum! {
    /// Extra semantic matchers of a rule (额外的拦截语义规则 `semantics_list[]`).
    pub enum InterceptSemantics {
        /// 1: phone numbers (手机号).
        Phone = 1,
        /// 2: e-mail addresses (邮箱地址).
        Email = 2,
        /// 3: red packets (红包).
        RedPacket = 3,
    }
}

/// Members and departments a rule applies to (`applicable_range`,
/// `add_applicable_range`, `remove_applicable_range`): at most 1000 each,
/// in the app's visibility.
pub type InterceptApplicableRange = MemberRange;

/// Extra rules of an intercept rule (`extra_rule`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterceptExtraRule {
    /// Semantic matchers (额外的拦截语义规则).
    #[serde(default)]
    pub semantics_list: Vec<InterceptSemantics>,
}

/// Request of `externalcontact/add_intercept_rule` (新建敏感词规则).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewInterceptRule {
    /// Rule name (规则名称), 1–20 characters.
    pub rule_name: String,
    /// Words (敏感词列表), at most 300, each 1–32 characters.
    pub word_list: Vec<String>,
    /// Semantic matchers (phone, e-mail, red packet).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub semantics_list: Vec<InterceptSemantics>,
    /// Warn-and-block or warn-only.
    pub intercept_type: InterceptType,
    /// Members and departments the rule applies to (not both empty).
    pub applicable_range: InterceptApplicableRange,
}

impl NewInterceptRule {
    /// A rule named `rule_name` on `word_list`, applied to `applicable_range`.
    pub fn new<I, S>(
        rule_name: impl Into<String>,
        word_list: I,
        intercept_type: InterceptType,
        applicable_range: InterceptApplicableRange,
    ) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            rule_name: rule_name.into(),
            word_list: word_list.into_iter().map(Into::into).collect(),
            semantics_list: Vec::new(),
            intercept_type,
            applicable_range,
        }
    }

    /// Adds semantic matchers.
    pub fn with_semantics(mut self, semantics: impl IntoIterator<Item = InterceptSemantics>) -> Self {
        self.semantics_list = semantics.into_iter().collect();
        self
    }
}

/// Response of `add_intercept_rule`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedInterceptRule {
    /// The new rule id (规则id); a string in WeCom's sample, a number
    /// accepted too.
    #[serde(default, deserialize_with = "crate::serde_util::id_string")]
    pub rule_id: String,
}

/// A rule in `get_intercept_rule_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterceptRuleSummary {
    /// Rule id (规则id); a string in WeCom's sample, a number accepted too.
    #[serde(default, deserialize_with = "crate::serde_util::id_string")]
    pub rule_id: String,
    /// Rule name (规则名称).
    #[serde(default)]
    pub rule_name: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub create_time: i64,
}

/// Response of `get_intercept_rule_list`: the array `rule_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterceptRuleList {
    /// Every rule (规则列表).
    #[serde(default)]
    pub rule_list: Vec<InterceptRuleSummary>,
}

/// A rule in full (`rule` of `get_intercept_rule`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterceptRule {
    /// Rule id (规则id). WeCom's `get_intercept_rule` sample sends it as a
    /// number (`"rule_id":1`) although the request and the other replies use
    /// a string; both are read, a number becoming its decimal text (`"1"`),
    /// so the value can be passed back to `get_intercept_rule` /
    /// `del_intercept_rule` unchanged.
    #[serde(default, deserialize_with = "crate::serde_util::id_string")]
    pub rule_id: String,
    /// Rule name (规则名称).
    #[serde(default)]
    pub rule_name: String,
    /// Words (敏感词列表).
    #[serde(default)]
    pub word_list: Vec<String>,
    /// Semantic matchers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_rule: Option<InterceptExtraRule>,
    /// Warn-and-block or warn-only.
    #[serde(default)]
    pub intercept_type: InterceptType,
    /// Members and departments the rule applies to.
    #[serde(default)]
    pub applicable_range: InterceptApplicableRange,
}

/// Response of `get_intercept_rule`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterceptRuleDetail {
    /// The rule.
    #[serde(default)]
    pub rule: InterceptRule,
}

/// Request of `externalcontact/update_intercept_rule` (修改敏感词规则). Only
/// the fields set are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterceptRuleUpdate {
    /// The rule to change.
    pub rule_id: String,
    /// New name (1–20 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_name: Option<String>,
    /// New words (replace the current ones), at most 300.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_list: Option<Vec<String>>,
    /// New semantic matchers (`extra_rule.semantics_list`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_rule: Option<InterceptExtraRule>,
    /// New intercept type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intercept_type: Option<InterceptType>,
    /// Members and departments to add to the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_applicable_range: Option<InterceptApplicableRange>,
    /// Members and departments to remove from the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remove_applicable_range: Option<InterceptApplicableRange>,
}

impl InterceptRuleUpdate {
    /// Changes rule `rule_id`; set what changes.
    pub fn new(rule_id: impl Into<String>) -> Self {
        Self {
            rule_id: rule_id.into(),
            ..Self::default()
        }
    }

    /// New name.
    pub fn with_rule_name(mut self, rule_name: impl Into<String>) -> Self {
        self.rule_name = Some(rule_name.into());
        self
    }

    /// New words.
    pub fn with_word_list<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.word_list = Some(words.into_iter().map(Into::into).collect());
        self
    }

    /// New semantic matchers.
    pub fn with_semantics(mut self, semantics: impl IntoIterator<Item = InterceptSemantics>) -> Self {
        self.extra_rule = Some(InterceptExtraRule {
            semantics_list: semantics.into_iter().collect(),
        });
        self
    }

    /// New intercept type.
    pub fn with_intercept_type(mut self, intercept_type: InterceptType) -> Self {
        self.intercept_type = Some(intercept_type);
        self
    }

    /// Adds members and departments to the range.
    pub fn with_add_applicable_range(mut self, range: InterceptApplicableRange) -> Self {
        self.add_applicable_range = Some(range);
        self
    }

    /// Removes members and departments from the range.
    pub fn with_remove_applicable_range(mut self, range: InterceptApplicableRange) -> Self {
        self.remove_applicable_range = Some(range);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reply sample of 获取敏感词规则详情
    /// (<https://developer.work.weixin.qq.com/document/path/95130>, also
    /// path 95097 for third-party apps). The documentation's sample has a
    /// trailing comma after `semantics_list` (`[1,2,3],`), which is not JSON;
    /// it is removed here, nothing else is changed.
    const GET_INTERCEPT_RULE_SAMPLE: &str = r#"{
        "errcode":0,
        "errmsg":"ok",
        "rule":{
            "rule_id":1,
            "rule_name":"rulename",
            "word_list":[
                "敏感词1","敏感词2"
            ],
            "extra_rule":{
                "semantics_list":[1,2,3]
            },
            "intercept_type":1,
            "applicable_range":{
                "user_list":["zhangshan"],
                "department_list":[2,3]
            }
        }
    }"#;

    #[test]
    fn get_intercept_rule_decodes_the_documented_sample_with_a_numeric_rule_id() {
        let detail: InterceptRuleDetail = serde_json::from_str(GET_INTERCEPT_RULE_SAMPLE).expect("decodes");
        let rule = &detail.rule;
        assert_eq!(rule.rule_id, "1");
        assert_eq!(rule.rule_name, "rulename");
        assert_eq!(rule.word_list, ["敏感词1", "敏感词2"]);
        assert_eq!(
            rule.extra_rule.as_ref().expect("extra_rule").semantics_list,
            [
                InterceptSemantics::Phone,
                InterceptSemantics::Email,
                InterceptSemantics::RedPacket
            ]
        );
        assert_eq!(rule.intercept_type, InterceptType::WarnAndBlock);
        assert_eq!(rule.applicable_range.user_list, ["zhangshan"]);
        assert_eq!(rule.applicable_range.department_list, [2, 3]);

        // Written back, the id is the string WeCom's requests take.
        let written = serde_json::to_value(rule).expect("encodes");
        assert_eq!(written["rule_id"], serde_json::json!("1"));
    }

    #[test]
    fn rule_ids_are_read_as_strings_or_numbers_everywhere() {
        // add_intercept_rule and get_intercept_rule_list samples: strings.
        let created: CreatedInterceptRule =
            serde_json::from_str(r#"{"errcode":0,"errmsg":"ok","rule_id":"xxx"}"#).expect("decodes");
        assert_eq!(created.rule_id, "xxx");
        let list: InterceptRuleList = serde_json::from_str(
            r#"{"errcode":0,"errmsg":"ok","rule_list":[
                {"rule_id":"xxxx","rule_name":"rulename","create_time":1600000000},
                {"rule_id":42,"rule_name":"n","create_time":1600000001}]}"#,
        )
        .expect("decodes");
        assert_eq!(list.rule_list[0].rule_id, "xxxx");
        assert_eq!(list.rule_list[0].create_time, 1600000000);
        assert_eq!(list.rule_list[1].rule_id, "42");
        let created: CreatedInterceptRule = serde_json::from_str(r#"{"rule_id":7}"#).expect("decodes");
        assert_eq!(created.rule_id, "7");
    }
}
