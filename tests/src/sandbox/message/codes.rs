//! The errcodes of the message family. *WeCom* codes are the documented
//! values (global error-code page, developer.work.weixin.qq.com/document/path/90313);
//! the `8209xx` block is **sandbox-chosen**, for situations whose WeCom
//! code could not be confirmed.

/// WeCom: invalid media_id (不合法的media_id参数).
pub(crate) const INVALID_MEDIA_ID: i64 = 40007;
/// WeCom: invalid msgtype (不合法的msgtype参数).
pub(crate) const INVALID_MSGTYPE: i64 = 40008;
/// WeCom: image size not valid (上传图片大小不是有效值).
pub(crate) const INVALID_IMAGE_SIZE: i64 = 40009;
/// WeCom: invalid `type` parameter (不合法的type参数).
pub(crate) const INVALID_TYPE: i64 = 40005;
/// WeCom: invalid file size (不合法的文件大小).
pub(crate) const INVALID_FILE_SIZE: i64 = 40006;
/// WeCom: invalid parameter — what a group robot answers for a text or
/// markdown over its limit ("exceed max length").
pub(crate) const ROBOT_TOO_LONG: i64 = 40058;
/// WeCom: invalid UserID list length (不合法的UserID列表长度).
pub(crate) const USER_LIST_LENGTH: i64 = 40032;
/// WeCom: invalid agentid (不合法的agentid).
pub(crate) const INVALID_AGENTID: i64 = 40056;
/// WeCom: news messages cannot be confidential (news消息不支持保密消息类型).
pub(crate) const NEWS_NOT_CONFIDENTIAL: i64 = 40074;
/// WeCom: missing media_id (缺少media_id参数).
pub(crate) const MISSING_MEDIA_ID: i64 = 41006;
/// WeCom: missing url (缺少url参数).
pub(crate) const MISSING_URL: i64 = 41010;
/// WeCom: missing agentid (缺少agentid参数).
pub(crate) const MISSING_AGENTID: i64 = 41011;
/// WeCom: missing title (缺少title参数).
pub(crate) const MISSING_TITLE: i64 = 41016;
/// WeCom: missing description (缺少 description 参数).
pub(crate) const MISSING_DESCRIPTION: i64 = 41033;
/// WeCom: invalid task_id of a card (任务卡片消息的task_id不合法).
pub(crate) const INVALID_TASK_ID: i64 = 42014;
/// WeCom: a template card without the url its card_action needs
/// (Template_Card 缺失 Url).
pub(crate) const CARD_MISSING_URL: i64 = 42028;
/// WeCom: a template card without the appid its card_action needs
/// (Template_Card 缺失 appid).
pub(crate) const CARD_MISSING_APPID: i64 = 42030;
/// WeCom: invalid card_type (Template_Card.CardType 字段不合法).
pub(crate) const INVALID_CARD_TYPE: i64 = 42031;
/// WeCom: option_list of a bad length (option_list 数组长度不合法).
pub(crate) const OPTION_LIST_LENGTH: i64 = 42037;
/// WeCom: a button's text missing, or button_list of a bad length
/// (button_list.text 缺失或不合法).
pub(crate) const INVALID_BUTTON_TEXT: i64 = 42038;
/// WeCom: a button's key missing (button_list.key 缺失或不合法).
pub(crate) const INVALID_BUTTON_KEY: i64 = 42039;
/// WeCom: question_key missing (question_Key 缺失或不合法).
pub(crate) const INVALID_QUESTION_KEY: i64 = 42043;
/// WeCom: card_image missing (card_image.url 缺失或不合法).
pub(crate) const INVALID_CARD_IMAGE_URL: i64 = 42044;
/// WeCom: card_action missing or invalid (card_action 缺失或不合法).
pub(crate) const INVALID_CARD_ACTION: i64 = 42045;
/// WeCom: submit_button.key missing (submit_button.key 缺失或不合法).
pub(crate) const INVALID_SUBMIT_KEY: i64 = 42046;
/// WeCom: select_list of a bad length (select_list 数组长度不合法).
pub(crate) const SELECT_LIST_LENGTH: i64 = 42047;
/// WeCom: submit_button.text missing (submit_button.text 缺失或不合法).
pub(crate) const INVALID_SUBMIT_TEXT: i64 = 42049;
/// WeCom: the update's app is not the app that sent the message
/// (更新的消息的应用与发送消息的应用不匹配).
pub(crate) const UPDATE_AGENT_MISMATCH: i64 = 42015;
/// WeCom: empty media file (多媒体文件为空).
pub(crate) const EMPTY_MEDIA: i64 = 44001;
/// WeCom: empty text content (文本消息content参数为空).
pub(crate) const EMPTY_CONTENT: i64 = 44004;
/// WeCom: message content too large (消息内容大小超过限制).
pub(crate) const CONTENT_TOO_LONG: i64 = 45002;
/// WeCom: article count out of limits (图文消息的文章数量不符合系统限制).
pub(crate) const ARTICLE_COUNT: i64 = 45008;
/// WeCom: API call frequency exceeded (接口调用超过限制).
pub(crate) const RATE_LIMITED: i64 = 45009;
/// WeCom: author too long (图文消息author参数长度超过限制).
pub(crate) const AUTHOR_TOO_LONG: i64 = 45032;
/// WeCom: every userid, department and tag invalid (UserID、部门ID、标签ID全部非法或无权限).
pub(crate) const ALL_RECIPIENTS_INVALID: i64 = 81013;
/// WeCom: members, departments and tags all empty (指定的成员/部门/标签全部为空).
pub(crate) const NO_RECIPIENTS: i64 = 82001;
/// WeCom: invalid PartyID list length.
pub(crate) const PARTY_LIST_LENGTH: i64 = 82002;
/// WeCom: invalid TagID list length.
pub(crate) const TAG_LIST_LENGTH: i64 = 82003;
/// WeCom: invalid chatid (参数 chatid 不合法).
pub(crate) const INVALID_CHATID: i64 = 86001;
/// WeCom: no such chatid (参数 chatid 不存在).
pub(crate) const CHAT_NOT_FOUND: i64 = 86003;
/// WeCom: invalid owner (参数 群主不合法).
pub(crate) const INVALID_OWNER: i64 = 86005;
/// WeCom: too many or too few members (群成员数过多或过少).
pub(crate) const CHAT_SIZE: i64 = 86006;
/// WeCom: invalid member (不合法的群成员).
pub(crate) const INVALID_CHAT_MEMBER: i64 = 86007;
/// WeCom: chatid required (参数 需要chatid).
pub(crate) const MISSING_CHATID: i64 = 86201;
/// WeCom: string chatid too long (参数 字符串chatid过长).
pub(crate) const CHATID_TOO_LONG: i64 = 86205;
/// WeCom: owner not among the members (群主不在群成员列表).
pub(crate) const OWNER_NOT_MEMBER: i64 = 86207;
/// WeCom: chat id already exists (会话ID已经存在).
pub(crate) const CHATID_EXISTS: i64 = 86215;
/// WeCom: a member id that does not exist / is not in the chat (存在非法会话成员ID).
pub(crate) const INVALID_SESSION_MEMBER: i64 = 86216;
/// WeCom: mini-program appid missing (缺少小程序appid参数).
pub(crate) const MISSING_MINIPROGRAM_APPID: i64 = 90200;
/// WeCom: too many mini-program notice items (小程序通知的content_item个数超过限制).
pub(crate) const NOTICE_ITEMS: i64 = 90201;
/// WeCom: invalid webhook url, or the robot left the group
/// (机器人webhookurl不合法或者机器人已经被移除出群).
pub(crate) const INVALID_WEBHOOK: i64 = 93000;

/// WeCom: no message with that msgid for this app. WeCom has no code of
/// its own; its global table lists "撤回消息时报错，请检查发消息和撤回消息是否
/// 同一个应用" under 40058 (不合法的参数).
pub(crate) const MSGID_NOT_FOUND: i64 = 40_058;
/// WeCom: the msgid has expired (msgid已过期): only messages of the last 24
/// hours can be recalled.
pub(crate) const RECALL_TOO_LATE: i64 = 42_052;
/// WeCom: invalid response_code (无效的response_code), e.g. expired (72 h).
/// The sandbox also answers it for a code already used, which WeCom does
/// not document separately.
pub(crate) const INVALID_RESPONSE_CODE: i64 = 60_140;
/// Sandbox-chosen: the message was already recalled (WeCom documents no
/// code for a second recall).
pub(crate) const ALREADY_RECALLED: i64 = 820_903;
/// Sandbox-chosen: the task_id was used before by this app (WeCom
/// documents that task_ids are unique per app, but no code for a reuse).
pub(crate) const DUPLICATE_TASK_ID: i64 = 820_905;
