//! 查询应用消息发送统计: how many messages each app sent today or yesterday.

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::serde_util::int_enum;

/// 查询应用消息发送统计.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/92369>
#[crate::api]
pub trait MessageStatisticsApi {
    /// 查询应用消息发送统计: the number of member-messages each app of the
    /// corp sent today (`Today`, the default) or yesterday. Named with a
    /// `message_` prefix: `get_statistics` alone says nothing of what it counts.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92369>
    #[post("message/get_statistics", token = corp)]
    async fn get_message_statistics(&self, time_type: Option<StatisticsDay>) -> Result<MessageStatistics>;
}

int_enum! {
    /// `time_type`: which day is counted.
    pub enum StatisticsDay {
        /// 0: today (default).
        Today = 0,
        /// 1: yesterday.
        Yesterday = 1,
    }
}

/// Reply of `message/get_statistics`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageStatistics {
    /// One entry per app that sent messages.
    #[serde(default)]
    pub statistics: Vec<AppMessageCount>,
}

/// How many messages one app sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppMessageCount {
    /// The app.
    pub agentid: i64,
    /// Its name.
    #[serde(default)]
    pub app_name: String,
    /// Messages sent (each recipient counts once).
    #[serde(default)]
    pub count: i64,
}
