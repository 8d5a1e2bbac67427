//! 2.10 Statistics (数据统计): members' customer-contact figures
//! (「联系客户统计」) and customer-group figures (「群聊数据统计」), by
//! group owner or by day.
//!
//! WeCom keeps 180 days of data and answers at most 30 days per query. The
//! by-owner group statistics are offset-paginated; the `…_stream` methods of [`StatisticsApi`]
//! walks them to the end.

use serde::{Deserialize, Serialize};
use wecom_core::{CursorPage, Page};

use crate::Result;
use crate::serde_util::int_enum;

/// Statistics (数据统计) endpoints. Every method takes the corp
/// `access_token`; the members (or group owners) must be in the app's
/// visibility.
#[crate::api]
pub trait StatisticsApi {
    /// 获取「联系客户统计」数据: per-day figures (applications, new
    /// customers, chats, messages, reply rate, …) of members and/or
    /// departments. `userid` and `partyid` at most 100 each, not both empty;
    /// the window spans at most 30 days within the last 180.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92132>
    #[post("externalcontact/get_user_behavior_data", token = corp)]
    async fn get_user_behavior_data(
        &self,
        #[body] query: &UserBehaviorDataRequest,
    ) -> Result<UserBehaviorData>;

    /// 获取「群聊数据统计」数据 (按群主聚合): customer-group figures summed
    /// per group owner over `[day_begin_time, day_end_time]` (at most 30
    /// days, within the last 180). `owner_filter.userid_list` at most 100;
    /// without an owner filter and with more than 1000 people in the app's
    /// visibility WeCom answers 81017. `limit` 1–1000 (default 500),
    /// offset-paginated (`next_offset`, `total`).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92133>
    #[post("externalcontact/groupchat/statistic", token = corp, page = offset(limit = 1000), alias = groupchat_statistic)]
    async fn group_chat_statistic(
        &self,
        #[body] query: &GroupChatStatisticRequest,
    ) -> Result<GroupChatStatistic>;

    /// 获取「群聊数据统计」数据 (按自然日聚合): customer-group figures per day
    /// over `[day_begin_time, day_end_time]` (at most 30 days, within the
    /// last 180) for the given owners (at most 100).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92133>
    #[post("externalcontact/groupchat/statistic_group_by_day", token = corp, alias = groupchat_statistic_group_by_day)]
    async fn group_chat_statistic_group_by_day(
        &self,
        #[body] query: &GroupChatStatisticByDayRequest,
    ) -> Result<GroupChatStatisticByDay>;
}

int_enum! {
    /// Sort key of `groupchat/statistic` (排序方式 `order_by`).
    pub enum GroupChatStatisticOrder {
        /// 1: new groups (新增群的数量), WeCom's default.
        NewChatCount = 1,
        /// 2: total groups (群总数).
        ChatTotal = 2,
        /// 3: new members (新增群人数).
        NewMemberCount = 3,
        /// 4: total members (群总人数).
        MemberTotal = 4,
    }
}

int_enum! {
    /// Sort direction of `groupchat/statistic` (`order_asc`).
    pub enum StatisticSortDirection {
        /// 0: descending (降序), WeCom's default.
        Descending = 0,
        /// 1: ascending (升序).
        Ascending = 1,
    }
}

// ---------------------------------------------------------------------------
// get_user_behavior_data
// ---------------------------------------------------------------------------

/// Request of `externalcontact/get_user_behavior_data`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserBehaviorDataRequest {
    /// Members (成员ID列表), at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userid: Vec<String>,
    /// Departments (部门ID列表), at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partyid: Vec<i64>,
    /// First day (unix seconds); counted from that day's 00:00.
    pub start_time: i64,
    /// Last day (unix seconds), at most 30 days after `start_time`.
    pub end_time: i64,
}

impl UserBehaviorDataRequest {
    /// Figures over `[start_time, end_time]`; add members and/or departments.
    pub fn new(start_time: i64, end_time: i64) -> Self {
        Self {
            start_time,
            end_time,
            ..Self::default()
        }
    }

    /// Members to report on.
    pub fn with_userids<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.userid = userids.into_iter().map(Into::into).collect();
        self
    }

    /// Departments to report on.
    pub fn with_partyids(mut self, partyids: impl IntoIterator<Item = i64>) -> Self {
        self.partyid = partyids.into_iter().collect();
        self
    }
}

/// One day of customer-contact figures (`behavior_data[]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BehaviorData {
    /// The day (unix seconds, 00:00).
    #[serde(default)]
    pub stat_time: i64,
    /// Chats with customers (聊天总数).
    #[serde(default)]
    pub chat_cnt: i64,
    /// Messages sent (发送消息数).
    #[serde(default)]
    pub message_cnt: i64,
    /// Share of customer chats answered within 20 minutes, in percent
    /// (已回复聊天占比); absent when no customer started a chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_percentage: Option<f64>,
    /// Average first-reply time in minutes (平均首次回复时长); absent when
    /// there was nothing to answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_reply_time: Option<f64>,
    /// Customers who deleted or blocked the member (删除/拉黑成员的客户数).
    #[serde(default)]
    pub negative_feedback_cnt: i64,
    /// Friend applications the member sent (发起申请数).
    #[serde(default)]
    pub new_apply_cnt: i64,
    /// New customers (新增客户数).
    #[serde(default)]
    pub new_contact_cnt: i64,
}

/// Response of `get_user_behavior_data`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserBehaviorData {
    /// One entry per day (统计数据列表).
    #[serde(default)]
    pub behavior_data: Vec<BehaviorData>,
}

// ---------------------------------------------------------------------------
// groupchat/statistic, groupchat/statistic_group_by_day
// ---------------------------------------------------------------------------

/// Group owners to report on (`owner_filter`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatOwnerFilter {
    /// Owner userids (群主ID列表), at most 100.
    #[serde(default)]
    pub userid_list: Vec<String>,
}

impl GroupChatOwnerFilter {
    /// A filter on these owners.
    pub fn new<I, S>(userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            userid_list: userids.into_iter().map(Into::into).collect(),
        }
    }
}

/// Request of `externalcontact/groupchat/statistic` (按群主聚合).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatStatisticRequest {
    /// First day (unix seconds, rounded down to 00:00), yesterday back to
    /// 180 days ago.
    pub day_begin_time: i64,
    /// Last day (inclusive); WeCom's default is `day_begin_time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_end_time: Option<i64>,
    /// Owners to report on; without it, every owner in the app's visibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_filter: Option<GroupChatOwnerFilter>,
    /// Sort key (default: new groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<GroupChatStatisticOrder>,
    /// Sort direction (default: descending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_asc: Option<StatisticSortDirection>,
    /// Offset of the page (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// Page size, 1–1000 (default 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl GroupChatStatisticRequest {
    /// Figures from `day_begin_time` (one day unless an end is set).
    pub fn new(day_begin_time: i64) -> Self {
        Self {
            day_begin_time,
            ..Self::default()
        }
    }

    /// Last day (inclusive).
    pub fn with_day_end_time(mut self, day_end_time: i64) -> Self {
        self.day_end_time = Some(day_end_time);
        self
    }

    /// Only these owners (at most 100).
    pub fn with_owners<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.owner_filter = Some(GroupChatOwnerFilter::new(userids));
        self
    }

    /// Sort key and direction.
    pub fn with_order(
        mut self,
        order_by: GroupChatStatisticOrder,
        direction: StatisticSortDirection,
    ) -> Self {
        self.order_by = Some(order_by);
        self.order_asc = Some(direction);
        self
    }

    /// Page offset.
    pub fn with_offset(mut self, offset: u32) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Page size (1–1000).
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// Customer-group figures (`data`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatStatisticData {
    /// New groups (新增客户群数量).
    #[serde(default)]
    pub new_chat_cnt: i64,
    /// Total groups (截至当天客户群总数量).
    #[serde(default)]
    pub chat_total: i64,
    /// Groups with messages (有发过消息的客户群数量).
    #[serde(default)]
    pub chat_has_msg: i64,
    /// New members (客户群新增群人数).
    #[serde(default)]
    pub new_member_cnt: i64,
    /// Total members (截至当天客户群总人数).
    #[serde(default)]
    pub member_total: i64,
    /// Members who sent messages (有发过消息的群成员数).
    #[serde(default)]
    pub member_has_msg: i64,
    /// Messages (客户群消息总数).
    #[serde(default)]
    pub msg_total: i64,
    /// Groups migrated from a trainee (新增的群迁移群数).
    #[serde(default)]
    pub migrate_trainee_chat_cnt: i64,
}

/// Figures of one owner (`items[]` of `groupchat/statistic`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatOwnerStatistic {
    /// The owner's userid (群主ID).
    #[serde(default)]
    pub owner: String,
    /// The figures.
    #[serde(default)]
    pub data: GroupChatStatisticData,
}

/// Response of `groupchat/statistic`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatStatistic {
    /// Number of owners in total (命中过滤条件的记录总个数).
    #[serde(default)]
    pub total: u32,
    /// Offset of the next page; equals `total` after the last page.
    #[serde(default)]
    pub next_offset: u32,
    /// Figures per owner.
    #[serde(default)]
    pub items: Vec<GroupChatOwnerStatistic>,
}

/// Request of `externalcontact/groupchat/statistic_group_by_day` (按自然日聚合).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatStatisticByDayRequest {
    /// First day (unix seconds, rounded down to 00:00).
    pub day_begin_time: i64,
    /// Last day (inclusive); WeCom's default is `day_begin_time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_end_time: Option<i64>,
    /// Owners to report on (at most 100).
    pub owner_filter: GroupChatOwnerFilter,
}

impl GroupChatStatisticByDayRequest {
    /// Daily figures of these owners from `day_begin_time`.
    pub fn new(day_begin_time: i64, owner_filter: GroupChatOwnerFilter) -> Self {
        Self {
            day_begin_time,
            day_end_time: None,
            owner_filter,
        }
    }

    /// Last day (inclusive).
    pub fn with_day_end_time(mut self, day_end_time: i64) -> Self {
        self.day_end_time = Some(day_end_time);
        self
    }
}

/// Figures of one day (`items[]` of `statistic_group_by_day`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatDayStatistic {
    /// The day (unix seconds, 00:00).
    #[serde(default)]
    pub stat_time: i64,
    /// The figures.
    #[serde(default)]
    pub data: GroupChatStatisticData,
}

/// Response of `groupchat/statistic_group_by_day`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChatStatisticByDay {
    /// Figures per day.
    #[serde(default)]
    pub items: Vec<GroupChatDayStatistic>,
}

impl CursorPage for GroupChatStatistic {
    type Item = GroupChatOwnerStatistic;

    /// An offset list: the cursor is `next_offset` as text, and the walk
    /// ends when it reaches `total`, or when a page comes back empty or with
    /// a `next_offset` that cannot follow it (smaller than the page).
    fn into_page(self) -> Page<GroupChatOwnerStatistic> {
        let more = !self.items.is_empty()
            && self.next_offset < self.total
            && self.next_offset as usize >= self.items.len();
        Page::from_offset(self.items, u64::from(self.next_offset), more)
    }
}
