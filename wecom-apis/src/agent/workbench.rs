//! 设置工作台自定义展示: the app's tile on the workbench — a template for
//! everyone (with optional default data) and data per member.
//!
//! WeCom's codes here: 94000 custom workbench not enabled in the admin
//! console, 94001 invalid `type`, 94002 / 94005 / 94007 `keydata` / `list`
//! / `webview` missing (member data), 94003 / 94006 too many `keydata` /
//! `list` items, 94008 no custom template set yet (member data).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Result;

/// The workbench endpoints (corp `access_token` of the app).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/92535>
#[crate::api]
pub trait WorkbenchApi {
    /// 设置应用在工作台展示的模版: the template type of app `agentid`'s
    /// tile, optionally with corp-wide default data (shown to members
    /// without their own; [`WorkbenchTemplateContent::TypeOnly`] sets the
    /// type alone); `replace_user_data` drops every member's own data.
    /// [`WorkbenchContent::Normal`] switches back to the plain tile.
    /// Third-party apps: only some industries (education) see custom tiles.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92535>
    #[post("agent/set_workbench_template", token = corp)]
    async fn set_workbench_template(&self, #[body] template: &WorkbenchTemplate) -> Result<()>;

    /// 获取应用在工作台展示的模版: app `agentid`'s template and default data.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92535>
    #[post("agent/get_workbench_template", token = corp)]
    async fn get_workbench_template(&self, agentid: i64) -> Result<WorkbenchTemplateReply>;

    /// 设置应用在用户工作台展示的数据: one member's data of the app's tile
    /// (the member must be in the app's visible range). Set a custom
    /// template first (94008); the data has the template's type and its
    /// object is required here. At most 10 calls a minute per member and
    /// app.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92535>
    #[post("agent/set_workbench_data", token = corp)]
    async fn set_workbench_data(&self, #[body] data: &WorkbenchData) -> Result<()>;

    /// 批量设置应用在用户工作台展示的数据: the same data for up to 1000
    /// members (`userid_list`) in one call, under the same rules as
    /// [`set_workbench_data`](Self::set_workbench_data). Unlike it, the
    /// content is wrapped in `data`. The documented reply is
    /// `errcode`/`errmsg` only (no list of invalid members). Other SDKs
    /// note a limit of 100 000 members a minute per app.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92535>
    #[post("agent/batch_set_workbench_data", token = corp)]
    async fn batch_set_workbench_data(&self, #[body] data: &BatchWorkbenchData) -> Result<()>;

    /// 获取应用在用户工作台展示的数据: what member `userid` has in app
    /// `agentid`'s tile, wrapped in `data` like the batch call's request
    /// (after a template set with `replace_user_data`, the template's data,
    /// as other SDKs note).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92535>
    #[post("agent/get_workbench_data", token = corp)]
    async fn get_workbench_data(&self, agentid: i64, userid: &str) -> Result<WorkbenchDataReply>;
}

wecom_core::string_enum! {
    /// A tile's `type` (模版类型).
    pub enum WorkbenchType {
        /// `keydata`: key figures (关键数据型).
        Keydata = "keydata",
        /// `image`: one image (图片型).
        Image = "image",
        /// `list`: lines of text (列表型).
        List = "list",
        /// `webview`: a web page (webview型).
        Webview = "webview",
        /// `normal`: the plain tile (普通宫格或列表展示).
        Normal = "normal",
    }
}

/// A tile's type (`type`) and its content (the field named after the type):
/// `{"type": "keydata", "keydata": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WorkbenchContent {
    /// `keydata`: up to 4 key figures (关键数据型).
    Keydata {
        /// The figures.
        keydata: KeyData,
    },
    /// `image`: one image (图片型).
    Image {
        /// The image.
        image: WorkbenchImage,
    },
    /// `list`: up to 3 lines (列表型).
    List {
        /// The lines.
        list: WorkbenchList,
    },
    /// `webview`: a web page inside the tile (webview型).
    Webview {
        /// The page.
        webview: WorkbenchWebview,
    },
    /// `normal`: back to the plain tile (普通宫格或列表展示).
    Normal,
    /// A type this SDK does not know (decoded only; never send it).
    #[serde(other)]
    Other,
}

impl WorkbenchContent {
    /// Its `type` (`None` for a type this SDK does not know).
    pub fn kind(&self) -> Option<WorkbenchType> {
        Some(match self {
            Self::Keydata { .. } => WorkbenchType::Keydata,
            Self::Image { .. } => WorkbenchType::Image,
            Self::List { .. } => WorkbenchType::List,
            Self::Webview { .. } => WorkbenchType::Webview,
            Self::Normal => WorkbenchType::Normal,
            Self::Other => return None,
        })
    }
}

/// `keydata` content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyData {
    /// The figures (at most 4).
    #[serde(default)]
    pub items: Vec<KeyDataItem>,
}

/// One key figure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDataItem {
    /// Its label (关键数据名称).
    #[serde(default)]
    pub key: String,
    /// Its value (关键数据).
    pub data: String,
    /// Opened on click (http(s)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jump_url: Option<String>,
    /// Mini program page opened on click (the app must be linked to one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
}

/// `image` content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbenchImage {
    /// The image URL (recommended 3.35:1).
    pub url: String,
    /// Opened on click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jump_url: Option<String>,
    /// Mini program page opened on click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
}

/// `list` content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbenchList {
    /// The lines (at most 3).
    #[serde(default)]
    pub items: Vec<WorkbenchListItem>,
}

/// One line of a `list` tile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbenchListItem {
    /// The text (at most 128 bytes).
    pub title: String,
    /// Opened on click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jump_url: Option<String>,
    /// Mini program page opened on click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
}

wecom_core::string_enum! {
    /// `height` of a `webview` tile.
    pub enum WebviewHeight {
        /// `single_row`: one row (单行).
        SingleRow = "single_row",
        /// `double_row`: two rows (双行).
        DoubleRow = "double_row",
    }
}

/// `webview` content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbenchWebview {
    /// The page shown in the tile.
    pub url: String,
    /// Opened on click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jump_url: Option<String>,
    /// Mini program page opened on click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    /// The tile's height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<WebviewHeight>,
    /// Hide the app's title above the tile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hide_title: Option<bool>,
    /// Let clicks reach the page instead of opening `jump_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_webview_click: Option<bool>,
}

/// Request of `agent/set_workbench_template`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbenchTemplate {
    /// The app.
    pub agentid: i64,
    /// The type, with or without its default data.
    #[serde(flatten)]
    pub content: WorkbenchTemplateContent,
    /// Drop every member's own data (use the default for everyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_user_data: Option<bool>,
}

impl WorkbenchTemplate {
    /// Template `content` for app `agentid`: a [`WorkbenchContent`] (the
    /// type with its default data) or a [`WorkbenchType`] (the type alone).
    pub fn new(agentid: i64, content: impl Into<WorkbenchTemplateContent>) -> Self {
        WorkbenchTemplate {
            agentid,
            content: content.into(),
            replace_user_data: None,
        }
    }

    /// Also drop (`true`) or keep (`false`) the members' own data.
    pub fn with_replace_user_data(mut self, replace: bool) -> Self {
        self.replace_user_data = Some(replace);
        self
    }
}

/// A template's type and, optionally, its corp-wide default data: doc
/// 92535 makes the type's object (`keydata`, `image`, …) optional in
/// `agent/set_workbench_template` ("若…需要设置企业级别默认数据，则需要设置"),
/// so a template may carry the type alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbenchTemplateContent {
    /// The type with its default data (or `normal`, which has none).
    Content(WorkbenchContent),
    /// A custom type without default data.
    TypeOnly(WorkbenchType),
}

impl WorkbenchTemplateContent {
    /// The template's type (`None` for a type this SDK does not know).
    pub fn kind(&self) -> Option<WorkbenchType> {
        match self {
            Self::Content(content) => content.kind(),
            Self::TypeOnly(kind) => Some(kind.clone()),
        }
    }

    /// The corp-wide default data, if the template has some.
    pub fn default_data(&self) -> Option<&WorkbenchContent> {
        match self {
            Self::Content(WorkbenchContent::Normal | WorkbenchContent::Other) | Self::TypeOnly(_) => None,
            Self::Content(content) => Some(content),
        }
    }
}

impl From<WorkbenchContent> for WorkbenchTemplateContent {
    fn from(content: WorkbenchContent) -> Self {
        Self::Content(content)
    }
}

impl From<WorkbenchType> for WorkbenchTemplateContent {
    /// The type alone (`normal` is the same as [`WorkbenchContent::Normal`]).
    fn from(kind: WorkbenchType) -> Self {
        match kind {
            WorkbenchType::Normal => Self::Content(WorkbenchContent::Normal),
            kind => Self::TypeOnly(kind),
        }
    }
}

impl Serialize for WorkbenchTemplateContent {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Self::Content(content) => content.serialize(serializer),
            Self::TypeOnly(kind) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("type", kind)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for WorkbenchTemplateContent {
    /// The type's object present (or a type without one): `Content`;
    /// a custom type without its object: `TypeOnly`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let object = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        let kind = match object.get("type") {
            Some(serde_json::Value::String(kind)) => WorkbenchType::from_value(kind),
            Some(other) => {
                return Err(D::Error::custom(format!(
                    "workbench type is not a string: {other}"
                )));
            }
            None => return Err(D::Error::missing_field("type")),
        };
        let has_object = object.get(kind.as_str()).is_some_and(|v| !v.is_null());
        if has_object || matches!(kind, WorkbenchType::Normal | WorkbenchType::Other(_)) {
            serde_json::from_value(serde_json::Value::Object(object))
                .map(Self::Content)
                .map_err(D::Error::custom)
        } else {
            Ok(Self::TypeOnly(kind))
        }
    }
}

/// Reply of `agent/get_workbench_template`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbenchTemplateReply {
    /// The type and its default data, if any.
    #[serde(flatten)]
    pub content: WorkbenchTemplateContent,
    /// Whether members' data was dropped when it was set.
    #[serde(default)]
    pub replace_user_data: bool,
}

/// Request of `agent/set_workbench_data`: one member's tile data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbenchData {
    /// The app.
    pub agentid: i64,
    /// The member.
    pub userid: String,
    /// The data; its type must be the template's.
    #[serde(flatten)]
    pub content: WorkbenchContent,
}

impl WorkbenchData {
    /// `content` for member `userid` in app `agentid`.
    pub fn new(agentid: i64, userid: impl Into<String>, content: WorkbenchContent) -> Self {
        WorkbenchData {
            agentid,
            userid: userid.into(),
            content,
        }
    }
}

/// Request of `agent/batch_set_workbench_data`: the same data for many
/// members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchWorkbenchData {
    /// The app.
    pub agentid: i64,
    /// The members (1–1000 userids).
    pub userid_list: Vec<String>,
    /// The data (`{"type", <type>: {...}}`); its type must be the template's.
    pub data: WorkbenchContent,
}

impl BatchWorkbenchData {
    /// `data` for members `userids` in app `agentid`.
    pub fn new<U: Into<String>>(
        agentid: i64,
        userids: impl IntoIterator<Item = U>,
        data: WorkbenchContent,
    ) -> Self {
        BatchWorkbenchData {
            agentid,
            userid_list: userids.into_iter().map(Into::into).collect(),
            data,
        }
    }
}

/// Reply of `agent/get_workbench_data`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbenchDataReply {
    /// The member's data (用户设置的数据); `None` when WeCom sends none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<WorkbenchContent>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(key: &str, data: &str) -> KeyDataItem {
        KeyDataItem {
            key: key.into(),
            data: data.into(),
            jump_url: Some("http://www.qq.com".into()),
            pagepath: Some("pages/index".into()),
        }
    }

    /// The `keydata` request sample of <https://developer.work.weixin.qq.com/document/path/92535>.
    #[test]
    fn encodes_the_keydata_template_sample() {
        let t = WorkbenchTemplate::new(
            1000005,
            WorkbenchContent::Keydata {
                keydata: KeyData {
                    items: vec![
                        item("待审批", "2"),
                        item("带批阅作业", "4"),
                        item("成绩录入", "45"),
                        item("综合评价", "98"),
                    ],
                },
            },
        )
        .with_replace_user_data(true);
        let link = |k: &str, d: &str| json!({"key": k, "data": d, "jump_url": "http://www.qq.com", "pagepath": "pages/index"});
        assert_eq!(
            serde_json::to_value(&t).unwrap(),
            json!({
                "agentid": 1000005,
                "type": "keydata",
                "keydata": {"items": [link("待审批", "2"), link("带批阅作业", "4"), link("成绩录入", "45"), link("综合评价", "98")]},
                "replace_user_data": true
            })
        );
    }

    /// The `image`, `list` and `webview` samples of the same page.
    #[test]
    fn encodes_the_other_template_samples() {
        let image = WorkbenchTemplate::new(
            1000005,
            WorkbenchContent::Image {
                image: WorkbenchImage {
                    url: "xxxx".into(),
                    jump_url: Some("http://www.qq.com".into()),
                    pagepath: Some("pages/index".into()),
                },
            },
        );
        assert_eq!(
            serde_json::to_value(&image).unwrap(),
            json!({"agentid": 1000005, "type": "image", "image": {"url": "xxxx", "jump_url": "http://www.qq.com", "pagepath": "pages/index"}})
        );
        let list = WorkbenchData::new(
            1000005,
            "test",
            WorkbenchContent::List {
                list: WorkbenchList {
                    items: vec![WorkbenchListItem {
                        title: "智慧校园新版设计的小程序要来啦".into(),
                        jump_url: Some("http://www.qq.com".into()),
                        pagepath: Some("pages/index".into()),
                    }],
                },
            },
        );
        assert_eq!(
            serde_json::to_value(&list).unwrap(),
            json!({"agentid": 1000005, "userid": "test", "type": "list", "list": {"items": [
                {"title": "智慧校园新版设计的小程序要来啦", "jump_url": "http://www.qq.com", "pagepath": "pages/index"}
            ]}})
        );
        let webview = WorkbenchContent::Webview {
            webview: WorkbenchWebview {
                url: "http://www.qq.com".into(),
                jump_url: Some("http://www.qq.com".into()),
                pagepath: Some("pages/index".into()),
                height: Some(WebviewHeight::SingleRow),
                hide_title: Some(true),
                enable_webview_click: None,
            },
        };
        assert_eq!(
            serde_json::to_value(&webview).unwrap(),
            json!({"type": "webview", "webview": {"url": "http://www.qq.com", "jump_url": "http://www.qq.com",
                "pagepath": "pages/index", "height": "single_row", "hide_title": true}})
        );
        assert_eq!(
            serde_json::to_value(WorkbenchTemplate::new(1, WorkbenchContent::Normal)).unwrap(),
            json!({"agentid": 1, "type": "normal"})
        );
    }

    /// The reply sample of `agent/get_workbench_template`.
    #[test]
    fn decodes_the_get_template_sample() {
        let r: WorkbenchTemplateReply = serde_json::from_value(json!({
            "errcode": 0,
            "errmsg": "ok",
            "type": "image",
            "image": {"url": "xxxx", "jump_url": "http://www.qq.com", "pagepath": "pages/index"},
            "replace_user_data": true
        }))
        .unwrap();
        assert!(r.replace_user_data);
        let image = WorkbenchContent::Image {
            image: WorkbenchImage {
                url: "xxxx".into(),
                jump_url: Some("http://www.qq.com".into()),
                pagepath: Some("pages/index".into()),
            },
        };
        assert_eq!(r.content.default_data(), Some(&image));
        assert_eq!(r.content, WorkbenchTemplateContent::Content(image));
        let r: WorkbenchTemplateReply =
            serde_json::from_value(json!({"type": "carousel", "carousel": {}})).unwrap();
        assert_eq!(
            r.content,
            WorkbenchTemplateContent::Content(WorkbenchContent::Other)
        );
        assert_eq!(r.content.kind(), None);
    }

    /// Doc 92535: the type's object is optional in a template ("若type指定为
    /// keydata，且需要设置企业级别默认数据，则需要设置…").
    #[test]
    fn a_template_may_have_no_default_data() {
        let t = WorkbenchTemplate::new(1000005, WorkbenchType::Keydata).with_replace_user_data(false);
        assert_eq!(
            serde_json::to_value(&t).unwrap(),
            json!({"agentid": 1000005, "type": "keydata", "replace_user_data": false})
        );
        let back: WorkbenchTemplate = serde_json::from_value(serde_json::to_value(&t).unwrap()).unwrap();
        assert_eq!(back, t);
        let r: WorkbenchTemplateReply = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok", "type": "webview", "replace_user_data": false
        }))
        .unwrap();
        assert_eq!(
            r.content,
            WorkbenchTemplateContent::TypeOnly(WorkbenchType::Webview)
        );
        assert_eq!(r.content.kind(), Some(WorkbenchType::Webview));
        assert_eq!(r.content.default_data(), None);
        // `normal` has no object either way.
        assert_eq!(
            WorkbenchTemplate::new(1, WorkbenchType::Normal).content,
            WorkbenchTemplateContent::Content(WorkbenchContent::Normal)
        );
        let r: WorkbenchTemplateReply =
            serde_json::from_value(json!({"type": "normal", "replace_user_data": false})).unwrap();
        assert_eq!(
            r.content,
            WorkbenchTemplateContent::Content(WorkbenchContent::Normal)
        );
        // A malformed default is an error, not silently dropped.
        let bad = serde_json::from_value::<WorkbenchTemplateReply>(
            json!({"type": "image", "image": {"jump_url": "x"}}),
        );
        assert!(bad.is_err());
    }

    /// The request sample of `agent/batch_set_workbench_data`
    /// (<https://developer.work.weixin.qq.com/document/path/94620>, the
    /// third-party copy of 92535): the content is wrapped in `data`.
    #[test]
    fn encodes_the_batch_set_sample() {
        let b = BatchWorkbenchData::new(
            1000005,
            ["userid1", "userid2"],
            WorkbenchContent::Keydata {
                keydata: KeyData {
                    items: vec![KeyDataItem {
                        key: "待审批".into(),
                        data: "0".into(),
                        jump_url: Some("http://www.qq.com".into()),
                        pagepath: None,
                    }],
                },
            },
        );
        let sample = json!({
            "agentid": 1000005,
            "userid_list": ["userid1", "userid2"],
            "data": {
                "type": "keydata",
                "keydata": {"items": [{"key": "待审批", "data": "0", "jump_url": "http://www.qq.com"}]}
            }
        });
        assert_eq!(serde_json::to_value(&b).unwrap(), sample);
        assert_eq!(serde_json::from_value::<BatchWorkbenchData>(sample).unwrap(), b);
    }

    /// The reply sample of `agent/get_workbench_data`
    /// (<https://developer.work.weixin.qq.com/document/path/96454>), and a
    /// `webview` reply as WeCom sent it to an app (empty strings kept).
    #[test]
    fn decodes_the_get_workbench_data_samples() {
        let r: WorkbenchDataReply = serde_json::from_value(json!({
            "errcode": 0,
            "errmsg": "ok",
            "data": {
                "type": "keydata",
                "keydata": {"items": [
                    {"key": "待审批", "data": "2", "jump_url": "http://www.qq.com/"},
                    {"key": "带批阅作业", "data": "4", "jump_url": "http://www.qq.com"},
                    {"key": "成绩录入", "data": "45", "jump_url": "http://www.qq.com"},
                    {"key": "综合评价", "data": "98", "jump_url": "http://www.qq.com"}
                ]}
            }
        }))
        .unwrap();
        let Some(WorkbenchContent::Keydata { keydata }) = r.data else {
            panic!("keydata expected: {r:?}");
        };
        let figures: Vec<(&str, &str)> = keydata
            .items
            .iter()
            .map(|i| (i.key.as_str(), i.data.as_str()))
            .collect();
        assert_eq!(
            figures,
            [
                ("待审批", "2"),
                ("带批阅作业", "4"),
                ("成绩录入", "45"),
                ("综合评价", "98")
            ]
        );
        assert_eq!(keydata.items[0].jump_url.as_deref(), Some("http://www.qq.com/"));

        let r: WorkbenchDataReply = serde_json::from_value(json!({
            "errcode": 0,
            "errmsg": "ok",
            "data": {"type": "webview", "webview": {
                "url": "https://h5.example.com/#/pages/index/index?oneid=1",
                "jump_url": "", "pagepath": "", "height": "double_row",
                "hide_title": true, "enable_webview_click": true
            }}
        }))
        .unwrap();
        assert_eq!(
            r.data,
            Some(WorkbenchContent::Webview {
                webview: WorkbenchWebview {
                    url: "https://h5.example.com/#/pages/index/index?oneid=1".into(),
                    jump_url: Some(String::new()),
                    pagepath: Some(String::new()),
                    height: Some(WebviewHeight::DoubleRow),
                    hide_title: Some(true),
                    enable_webview_click: Some(true),
                }
            })
        );
        let none: WorkbenchDataReply = serde_json::from_value(json!({"errcode": 0, "errmsg": "ok"})).unwrap();
        assert_eq!(none.data, None);
    }
}
