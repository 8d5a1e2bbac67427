//! 2.9 Moments (客户朋友圈) and moment rule groups (客户朋友圈规则组).
//!
//! * Publishing: [`MomentApi::add_moment_task`] creates an asynchronous
//!   publish job, [`MomentApi::get_moment_task_result`] polls it (typed
//!   [`MomentTaskResult`]), [`MomentApi::cancel_moment_task`] stops a
//!   corp-published moment that members have not sent yet. Images and videos
//!   are uploaded first with [`MediaApi::upload_attachment`](super::MediaApi::upload_attachment)
//!   (`attachment_type` = [`AttachmentType::Moment`](super::AttachmentType::Moment)).
//! * Records: the moment list, per-member publish tasks, visible and reached
//!   customers, comments and likes.
//! * Rule groups (`moment_strategy/*`) with the moment privileges
//!   (`view_moment_list`, `send_moment`, `manage_moment_cover_and_sign`).
//!
//! Cursor lists walk to the end with the `…_stream` methods of [`MomentApi`].

use serde::{Deserialize, Serialize};

use super::shapes::{
    CreateStrategyRequest, CreatedStrategy, EditStrategyRequest, MemberRange, Strategy, StrategyDetail,
    StrategyId, StrategyList, StrategyRange, StrategyRangeList, StrategyRangeType,
};
use crate::Result;
use crate::serde_util::int_enum;

// ---------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------

/// Moments (客户朋友圈) endpoints: publishing jobs, the moment records and
/// the moment rule groups. Every method takes the corp `access_token` (a
/// self-built app configured as 可调用应用, or a third-party / 代开发 corp
/// token with the moment permissions).
#[crate::api]
pub trait MomentApi {
    /// 创建发表任务: create a job that asks members to publish a moment
    /// (text and/or attachments) to their customers' WeChat Moments.
    ///
    /// The job runs asynchronously: poll
    /// [`get_moment_task_result`](Self::get_moment_task_result) with the
    /// returned `jobid`. Text at most 2000 characters; attachments at most 9
    /// images, or 1 video, or 1 link (no mixing); `sender_list.user_list` at
    /// most 100 000 members; `tag_list` takes corp tags only (not rule-group
    /// tags). Media ids come from `media/upload_attachment` with
    /// `attachment_type` 1.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95094>
    #[post("externalcontact/add_moment_task", token = corp)]
    async fn add_moment_task(&self, #[body] task: &MomentTask) -> Result<AddMomentTaskResult>;

    /// 获取任务创建结果: the state of a publish job and, once finished, the
    /// `moment_id` and the senders / tags WeCom rejected. WeCom serves this
    /// with GET (`jobid` in the query). The job result is kept for 24 hours.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95094>
    #[get("externalcontact/get_moment_task_result", token = corp)]
    async fn get_moment_task_result(&self, jobid: &str) -> Result<MomentTaskResult>;

    /// 停止发表企业朋友圈: stop a corp-published moment that members have
    /// not published yet. Moments already on customers' feeds stay there.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/97612>
    #[post("externalcontact/cancel_moment_task", token = corp)]
    async fn cancel_moment_task(&self, moment_id: &str) -> Result<()>;

    /// 获取企业全部的发表列表: the corp's moments (corp- and/or
    /// member-published) created in a time window (at most one month wide).
    /// `limit` at most 100 (default 100).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>
    #[post("externalcontact/get_moment_list", token = corp, page = cursor)]
    async fn get_moment_list(&self, #[body] query: &MomentListRequest) -> Result<MomentList>;

    /// 获取客户朋友圈企业发表的列表: which members were asked to publish a
    /// corp-published moment and whether they did. `limit` at most 1000
    /// (default 500).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>
    #[post("externalcontact/get_moment_task", token = corp, page = cursor(limit = 1000))]
    async fn get_moment_task(
        &self,
        moment_id: &str,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<MomentTaskList>;

    /// 获取客户朋友圈发表时选择的可见范围: the customers a member chose as
    /// visible when publishing. `limit` at most 1000 (default 500).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>
    #[post("externalcontact/get_moment_customer_list", token = corp, page = cursor(limit = 1000))]
    async fn get_moment_customer_list(
        &self,
        moment_id: &str,
        userid: &str,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<MomentCustomerList>;

    /// 获取客户朋友圈发表后的可见客户列表: the customers a member's moment
    /// actually reached. `limit` at most 5000 (default 3000).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>
    #[post("externalcontact/get_moment_send_result", token = corp, page = cursor(limit = 5000))]
    async fn get_moment_send_result(
        &self,
        moment_id: &str,
        userid: &str,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<MomentSendResult>;

    /// 获取客户朋友圈的互动数据: comments and likes on a member's moment, by
    /// customers (`external_userid`) or by corp members (`userid`).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/93333>
    #[post("externalcontact/get_moment_comments", token = corp)]
    async fn get_moment_comments(&self, moment_id: &str, userid: &str) -> Result<MomentComments>;

    /// 获取规则组列表: ids of the moment rule groups this app created.
    /// `limit` at most 1000 (default 1000).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    #[post("externalcontact/moment_strategy/list", token = corp, page = cursor(limit = 1000), alias = moment_strategy_list)]
    async fn list_moment_strategy(
        &self,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<MomentStrategyList>;

    /// 获取规则组详情: name, parent, admins and moment privileges of a rule
    /// group.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    #[post("externalcontact/moment_strategy/get", token = corp, alias = moment_strategy_get)]
    async fn get_moment_strategy(&self, strategy_id: i64) -> Result<MomentStrategyDetail>;

    /// 获取规则组管理范围: the members and departments a rule group manages.
    /// `limit` at most 1000 (default 1000).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    #[post("externalcontact/moment_strategy/get_range", token = corp, page = cursor(limit = 1000), alias = moment_strategy_get_range)]
    async fn get_moment_strategy_range(
        &self,
        strategy_id: i64,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<MomentStrategyRangeList>;

    /// 创建新的规则组: create a moment rule group with its admins, moment
    /// privileges and managed range. Serial calls only: do not create rule
    /// groups concurrently.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    #[post("externalcontact/moment_strategy/create", token = corp, alias = moment_strategy_create)]
    async fn create_moment_strategy(
        &self,
        #[body] strategy: &CreateMomentStrategyRequest,
    ) -> Result<CreatedMomentStrategy>;

    /// 编辑规则组及其管理范围: rename a rule group, replace its admins or
    /// privileges, add and remove range nodes. Serial calls only.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    #[post("externalcontact/moment_strategy/edit", token = corp, alias = moment_strategy_edit)]
    async fn edit_moment_strategy(&self, #[body] edit: &EditMomentStrategyRequest) -> Result<()>;

    /// 删除规则组: delete a moment rule group.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94890>
    #[post("externalcontact/moment_strategy/del", token = corp, alias = moment_strategy_del)]
    async fn del_moment_strategy(&self, strategy_id: i64) -> Result<()>;
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

int_enum! {
    /// State of a moment publish job (任务状态), from `get_moment_task_result`.
    pub enum MomentTaskStatus {
        /// 1: the job started (开始创建任务).
        Started = 1,
        /// 2: the job is running (正在创建任务中).
        Running = 2,
        /// 3: the job finished; see `result` (创建任务已完成).
        Finished = 3,
    }
}

int_enum! {
    /// Which moments `get_moment_list` returns (朋友圈类型 `filter_type`).
    pub enum MomentFilterType {
        /// 0: corp-published only (企业发表).
        Corp = 0,
        /// 1: member-published only (个人发表).
        Personal = 1,
        /// 2: both (所有), WeCom's default.
        All = 2,
    }
}

int_enum! {
    /// Who created a moment (朋友圈创建来源 `create_type`).
    pub enum MomentCreateType {
        /// 0: created by the corp (企业).
        Corp = 0,
        /// 1: created by the member (个人).
        Personal = 1,
    }
}

int_enum! {
    /// Visibility of a moment (可见范围类型 `visible_type`).
    pub enum MomentVisibleType {
        /// 0: visible to some customers (部分可见).
        Partial = 0,
        /// 1: public (公开).
        Public = 1,
    }
}

int_enum! {
    /// Whether a member published a corp moment (成员发表状态 `publish_status`).
    pub enum MomentPublishStatus {
        /// 0: not published (未发表).
        NotPublished = 0,
        /// 1: published (已发表).
        Published = 1,
    }
}

/// Kind of a rule-group range node (规则组管理范围节点类型 `type`).
pub type MomentStrategyRangeType = StrategyRangeType;

// ---------------------------------------------------------------------------
// add_moment_task / get_moment_task_result
// ---------------------------------------------------------------------------

/// Text of a moment (`text`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentText {
    /// The text (消息文本内容), at most 2000 characters (4000 bytes).
    #[serde(default)]
    pub content: String,
}

impl MomentText {
    /// A text of `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
        }
    }
}

/// A media reference (`{"media_id": …}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentMedia {
    /// Media id from `media/upload_attachment` (attachment type 1).
    #[serde(default)]
    pub media_id: String,
}

/// A link attachment of a moment (`link`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentLink {
    /// Title (图文消息标题), at most 64 bytes.
    #[serde(default)]
    pub title: String,
    /// The page URL (图文消息链接).
    #[serde(default)]
    pub url: String,
    /// Cover image media id (图片的素材id), from `media/upload_attachment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
}

/// One attachment of a moment to publish (`attachments[]`), tagged by
/// `msgtype`. A moment takes at most 9 images, or 1 video, or 1 link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "msgtype", rename_all = "lowercase")]
pub enum MomentAttachment {
    /// `msgtype` = `image`.
    Image {
        /// The image.
        image: MomentMedia,
    },
    /// `msgtype` = `video`.
    Video {
        /// The video.
        video: MomentMedia,
    },
    /// `msgtype` = `link`.
    Link {
        /// The link.
        link: MomentLink,
    },
}

impl MomentAttachment {
    /// An image attachment (media id from `upload_attachment`).
    pub fn image(media_id: impl Into<String>) -> Self {
        Self::Image {
            image: MomentMedia {
                media_id: media_id.into(),
            },
        }
    }

    /// A video attachment (media id from `upload_attachment`).
    pub fn video(media_id: impl Into<String>) -> Self {
        Self::Video {
            video: MomentMedia {
                media_id: media_id.into(),
            },
        }
    }

    /// A link attachment; set a cover with [`link_with_cover`](Self::link_with_cover).
    pub fn link(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self::Link {
            link: MomentLink {
                title: title.into(),
                url: url.into(),
                media_id: None,
            },
        }
    }

    /// A link attachment with a cover image media id.
    pub fn link_with_cover(
        title: impl Into<String>,
        url: impl Into<String>,
        media_id: impl Into<String>,
    ) -> Self {
        Self::Link {
            link: MomentLink {
                title: title.into(),
                url: url.into(),
                media_id: Some(media_id.into()),
            },
        }
    }
}

/// Members who publish a moment (`sender_list`, at most 100 000 members);
/// also the shape of the rejected senders in a job result.
pub type MomentSenderList = MemberRange;

/// Customers who see a moment, by corp tag (`external_contact_list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentExternalContactList {
    /// Corp customer tag ids (客户标签列表); rule-group tags are not accepted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_list: Vec<String>,
}

/// Who publishes and who sees a moment (`visible_range`). Left out, every
/// member in the app's visibility publishes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentVisibleRange {
    /// The publishing members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_list: Option<MomentSenderList>,
    /// The customers who see it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_contact_list: Option<MomentExternalContactList>,
}

impl MomentVisibleRange {
    /// An empty range (the app's whole visibility, every customer).
    pub fn new() -> Self {
        Self::default()
    }

    /// Publishing members by userid.
    pub fn with_users<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.sender_list.get_or_insert_with(Default::default).user_list =
            userids.into_iter().map(Into::into).collect();
        self
    }

    /// Publishing members by department id.
    pub fn with_departments(mut self, department_ids: impl IntoIterator<Item = i64>) -> Self {
        self.sender_list
            .get_or_insert_with(Default::default)
            .department_list = department_ids.into_iter().collect();
        self
    }

    /// Only customers carrying one of these corp tags see the moment.
    pub fn with_tags<I, S>(mut self, tag_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.external_contact_list = Some(MomentExternalContactList {
            tag_list: tag_ids.into_iter().map(Into::into).collect(),
        });
        self
    }
}

/// Request of `externalcontact/add_moment_task` (创建发表任务). Text and
/// attachments cannot both be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentTask {
    /// The text (文本消息).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<MomentText>,
    /// The attachments (附件): at most 9 images, or 1 video, or 1 link.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<MomentAttachment>,
    /// Who publishes and who sees it (发表范围).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_range: Option<MomentVisibleRange>,
}

impl MomentTask {
    /// An empty task; add text and/or attachments.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the text.
    pub fn with_text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(MomentText::new(content));
        self
    }

    /// Appends an attachment.
    pub fn with_attachment(mut self, attachment: MomentAttachment) -> Self {
        self.attachments.push(attachment);
        self
    }

    /// Sets who publishes and who sees it.
    pub fn with_visible_range(mut self, range: MomentVisibleRange) -> Self {
        self.visible_range = Some(range);
        self
    }
}

/// Response of `add_moment_task`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddMomentTaskResult {
    /// The asynchronous job id (异步任务id), at most 64 bytes; valid 24 hours.
    #[serde(default)]
    pub jobid: String,
}

/// Outcome of a finished publish job (`result`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentTaskOutcome {
    /// Error code of the job (0 when the moment was created).
    #[serde(default)]
    pub errcode: i64,
    /// Error message of the job.
    #[serde(default)]
    pub errmsg: String,
    /// The created moment's id (朋友圈id).
    #[serde(default)]
    pub moment_id: String,
    /// Senders WeCom rejected (不合法的执行者列表), e.g. outside the app's
    /// visibility or without the customer-contact feature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_sender_list: Option<MomentSenderList>,
    /// Tags WeCom rejected (不合法的客户标签列表).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_external_contact_list: Option<MomentExternalContactList>,
}

/// Response of `get_moment_task_result` (获取任务创建结果).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentTaskResult {
    /// Job state (任务状态).
    #[serde(default)]
    pub status: MomentTaskStatus,
    /// Job type (操作类型), `add_moment_task`.
    #[serde(rename = "type", default)]
    pub task_type: String,
    /// The outcome, once the job finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<MomentTaskOutcome>,
}

impl MomentTaskResult {
    /// Whether the job finished (status 3); `result` then holds the outcome.
    pub fn is_finished(&self) -> bool {
        self.status == MomentTaskStatus::Finished
    }

    /// The created moment id, when the job finished without error.
    pub fn moment_id(&self) -> Option<&str> {
        match &self.result {
            Some(outcome) if self.is_finished() && outcome.errcode == 0 && !outcome.moment_id.is_empty() => {
                Some(&outcome.moment_id)
            }
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// get_moment_list
// ---------------------------------------------------------------------------

/// Request of `externalcontact/get_moment_list` (获取企业全部的发表列表).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentListRequest {
    /// Start of the creation window (unix seconds).
    pub start_time: i64,
    /// End of the creation window (unix seconds), at most one month after
    /// `start_time`.
    pub end_time: i64,
    /// Only moments created by this member (创建人的userid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Corp-published, member-published or both (WeCom's default: both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_type: Option<MomentFilterType>,
    /// Cursor from the previous page's `next_cursor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Page size, at most 100 (default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl MomentListRequest {
    /// Moments created in `[start_time, end_time]` (unix seconds).
    pub fn new(start_time: i64, end_time: i64) -> Self {
        Self {
            start_time,
            end_time,
            ..Self::default()
        }
    }

    /// Only moments created by `userid`.
    pub fn with_creator(mut self, userid: impl Into<String>) -> Self {
        self.creator = Some(userid.into());
        self
    }

    /// Only corp-published or member-published moments.
    pub fn with_filter_type(mut self, filter_type: MomentFilterType) -> Self {
        self.filter_type = Some(filter_type);
        self
    }

    /// Continues from a previous page's `next_cursor`.
    pub fn with_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Page size (at most 100).
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// A video of a moment (`video`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentVideo {
    /// Video media id (视频media_id); fetch it with `media/get`.
    #[serde(default)]
    pub media_id: String,
    /// Cover media id (视频封面media_id).
    #[serde(default)]
    pub thumb_media_id: String,
}

/// A link of a moment in the records (`link`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentLinkInfo {
    /// Title (网页链接标题).
    #[serde(default)]
    pub title: String,
    /// URL (网页链接url).
    #[serde(default)]
    pub url: String,
}

/// A location of a moment (`location`). WeCom writes the coordinates as
/// strings in its samples; numbers are accepted too.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentLocation {
    /// Latitude (纬度).
    #[serde(default, deserialize_with = "lenient_f64")]
    pub latitude: f64,
    /// Longitude (经度).
    #[serde(default, deserialize_with = "lenient_f64")]
    pub longitude: f64,
    /// Place name (地理位置名称).
    #[serde(default)]
    pub name: String,
}

/// One moment in `get_moment_list`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Moment {
    /// Moment id (朋友圈id).
    #[serde(default)]
    pub moment_id: String,
    /// The creator's userid (创建人的userid); for corp-published moments
    /// the admin who created it.
    #[serde(default)]
    pub creator: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub create_time: i64,
    /// Corp- or member-published (创建来源).
    #[serde(default)]
    pub create_type: MomentCreateType,
    /// Partial or public visibility (可见范围类型).
    #[serde(default)]
    pub visible_type: MomentVisibleType,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<MomentText>,
    /// The images (`image`, an array of media ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub image: Vec<MomentMedia>,
    /// The video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<MomentVideo>,
    /// The link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<MomentLinkInfo>,
    /// The location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<MomentLocation>,
}

/// Response of `get_moment_list`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentList {
    /// Cursor of the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// The moments (朋友圈列表).
    #[serde(default)]
    pub moment_list: Vec<Moment>,
}

// ---------------------------------------------------------------------------
// get_moment_task / get_moment_customer_list / get_moment_send_result / comments
// ---------------------------------------------------------------------------

/// One member's publishing state (`task_list[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentTaskItem {
    /// The member's userid (发表成员).
    #[serde(default)]
    pub userid: String,
    /// Whether the member published it (成员发表状态).
    #[serde(default)]
    pub publish_status: MomentPublishStatus,
}

/// Response of `get_moment_task`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentTaskList {
    /// Cursor of the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// Per-member publishing states (发表任务列表).
    #[serde(default)]
    pub task_list: Vec<MomentTaskItem>,
}

/// A customer a member chose as visible (`customer_list[]` of
/// `get_moment_customer_list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentCustomer {
    /// The publishing member (发表成员userid).
    #[serde(default)]
    pub userid: String,
    /// The customer (外部联系人id).
    #[serde(default)]
    pub external_userid: String,
}

/// Response of `get_moment_customer_list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentCustomerList {
    /// Cursor of the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// The customers (可见客户列表).
    #[serde(default)]
    pub customer_list: Vec<MomentCustomer>,
}

/// A customer a moment reached (`customer_list[]` of `get_moment_send_result`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentSentCustomer {
    /// The customer (成员发送成功的外部联系人).
    #[serde(default)]
    pub external_userid: String,
}

/// Response of `get_moment_send_result`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentSendResult {
    /// Cursor of the next page; empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
    /// The customers reached (成员可见客户列表).
    #[serde(default)]
    pub customer_list: Vec<MomentSentCustomer>,
}

/// A comment or like (`comment_list[]`, `like_list[]`): by a customer
/// (`external_userid`) or by a corp member (`userid`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentInteraction {
    /// The customer who interacted, if it was a customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// The corp member who interacted, if it was a member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// When (unix seconds).
    #[serde(default)]
    pub create_time: i64,
}

/// Response of `get_moment_comments` (获取客户朋友圈的互动数据).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentComments {
    /// Comments (评论列表).
    #[serde(default)]
    pub comment_list: Vec<MomentInteraction>,
    /// Likes (点赞列表).
    #[serde(default)]
    pub like_list: Vec<MomentInteraction>,
}

// ---------------------------------------------------------------------------
// moment_strategy/*
// ---------------------------------------------------------------------------
/// A rule-group id in `moment_strategy/list`.
pub type MomentStrategyId = StrategyId;

/// Response of `moment_strategy/list`.
pub type MomentStrategyList = StrategyList;

/// Moment privileges of a rule group (`privilege`). Unset flags are left out
/// of requests, so WeCom keeps its defaults (or the current values on edit).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MomentStrategyPrivilege {
    /// May view all of the members' moments (允许查看成员的全部客户朋友圈发表).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_moment_list: Option<bool>,
    /// Members may publish moments (允许成员发表客户朋友圈), default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_moment: Option<bool>,
    /// Members may set their moment cover and signature (配置封面和签名),
    /// default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_moment_cover_and_sign: Option<bool>,
}

impl MomentStrategyPrivilege {
    /// No flag set (WeCom's defaults).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `view_moment_list`.
    pub fn with_view_moment_list(mut self, allowed: bool) -> Self {
        self.view_moment_list = Some(allowed);
        self
    }

    /// Sets `send_moment`.
    pub fn with_send_moment(mut self, allowed: bool) -> Self {
        self.send_moment = Some(allowed);
        self
    }

    /// Sets `manage_moment_cover_and_sign`.
    pub fn with_manage_moment_cover_and_sign(mut self, allowed: bool) -> Self {
        self.manage_moment_cover_and_sign = Some(allowed);
        self
    }
}

/// A moment rule group (`strategy` of `moment_strategy/get`).
pub type MomentStrategy = Strategy<MomentStrategyPrivilege>;

/// Response of `moment_strategy/get`.
pub type MomentStrategyDetail = StrategyDetail<MomentStrategyPrivilege>;

/// A node of a rule group's managed range (`range[]`): a member or a
/// department.
pub type MomentStrategyRange = StrategyRange;

/// Response of `moment_strategy/get_range`.
pub type MomentStrategyRangeList = StrategyRangeList;

/// Request of `moment_strategy/create` (创建新的规则组).
pub type CreateMomentStrategyRequest = CreateStrategyRequest<MomentStrategyPrivilege>;

impl CreateStrategyRequest<MomentStrategyPrivilege> {
    /// A top-level moment rule group named `strategy_name` with these
    /// admins; its range can follow with `with_range`.
    pub fn new<I, S>(strategy_name: impl Into<String>, admin_list: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self::named(strategy_name, admin_list)
    }
}

/// Response of `moment_strategy/create`.
pub type CreatedMomentStrategy = CreatedStrategy;

/// Request of `moment_strategy/edit` (编辑规则组及其管理范围). Only the
/// fields set are sent.
pub type EditMomentStrategyRequest = EditStrategyRequest<MomentStrategyPrivilege>;

// ---------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------

// These lists carry no `has_more`: an empty `next_cursor` ends them.
crate::paging::cursor_page! {
    MomentList => moment_list: Moment,
    MomentTaskList => task_list: MomentTaskItem,
    MomentCustomerList => customer_list: MomentCustomer,
    MomentSendResult => customer_list: MomentSentCustomer,
}

// ---------------------------------------------------------------------------
// Serde helpers
// ---------------------------------------------------------------------------

/// Reads a number written either as a JSON number or as a string
/// (`"23.10647"`); `null` and `""` read as 0.
fn lenient_f64<'de, D>(deserializer: D) -> std::result::Result<f64, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Lenient {
        Number(f64),
        Text(String),
        Null(()),
    }
    match Lenient::deserialize(deserializer)? {
        Lenient::Number(n) => Ok(n),
        Lenient::Text(s) if s.trim().is_empty() => Ok(0.0),
        Lenient::Text(s) => s
            .trim()
            .parse()
            .map_err(|_| serde::de::Error::invalid_value(serde::de::Unexpected::Str(&s), &"a coordinate")),
        Lenient::Null(()) => Ok(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn attachments_are_tagged_by_msgtype() {
        let task = MomentTask::new()
            .with_text("hi")
            .with_attachment(MomentAttachment::image("M1"))
            .with_attachment(MomentAttachment::link("T", "https://x"))
            .with_visible_range(MomentVisibleRange::new().with_users(["u1"]).with_tags(["et1"]));
        assert_eq!(
            serde_json::to_value(&task).unwrap(),
            json!({
                "text": {"content": "hi"},
                "attachments": [
                    {"msgtype": "image", "image": {"media_id": "M1"}},
                    {"msgtype": "link", "link": {"title": "T", "url": "https://x"}}
                ],
                "visible_range": {
                    "sender_list": {"user_list": ["u1"]},
                    "external_contact_list": {"tag_list": ["et1"]}
                }
            })
        );
    }

    #[test]
    fn location_accepts_strings_and_numbers() {
        let l: MomentLocation =
            serde_json::from_value(json!({"latitude": "23.5", "longitude": 113.25, "name": "x"})).unwrap();
        assert_eq!((l.latitude, l.longitude), (23.5, 113.25));
        let l: MomentLocation = serde_json::from_value(json!({"latitude": "", "name": "y"})).unwrap();
        assert_eq!(l.latitude, 0.0);
    }

    #[test]
    fn task_result_helpers() {
        let r: MomentTaskResult = serde_json::from_value(json!({
            "status": 3, "type": "add_moment_task",
            "result": {"errcode": 0, "errmsg": "ok", "moment_id": "mom1"}
        }))
        .unwrap();
        assert!(r.is_finished());
        assert_eq!(r.moment_id(), Some("mom1"));
        let r: MomentTaskResult =
            serde_json::from_value(json!({"status": 2, "type": "add_moment_task"})).unwrap();
        assert_eq!(r.status, MomentTaskStatus::Running);
        assert_eq!(r.moment_id(), None);
    }
}
