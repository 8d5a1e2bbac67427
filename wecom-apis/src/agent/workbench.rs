//! 设置工作台自定义展示: the app's tile on the workbench — a template for
//! everyone (with default data) and data per member.

use serde::{Deserialize, Serialize};

use crate::Result;

/// The workbench endpoints (corp `access_token` of the app).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/92535>
#[crate::api]
pub trait WorkbenchApi {
    /// 设置应用在工作台展示的模版: the template type of app `agentid`'s
    /// tile, with the corp-wide default data; `replace_user_data` drops
    /// every member's own data. [`WorkbenchContent::Normal`] switches back
    /// to the plain tile. Third-party apps: only some industries
    /// (education) see custom tiles.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92535>
    #[post("agent/set_workbench_template", token = corp)]
    async fn set_workbench_template(&self, #[body] template: &WorkbenchTemplate) -> Result<()>;

    /// 获取应用在工作台展示的模版: app `agentid`'s template and default data.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92535>
    #[post("agent/get_workbench_template", token = corp)]
    async fn get_workbench_template(&self, agentid: i64) -> Result<WorkbenchTemplateReply>;

    /// 设置应用在用户工作台展示的数据: one member's data of the app's tile;
    /// its type must be the template's (set the template first).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/92535>
    #[post("agent/set_workbench_data", token = corp)]
    async fn set_workbench_data(&self, #[body] data: &WorkbenchData) -> Result<()>;
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
    /// The type and its default data.
    #[serde(flatten)]
    pub content: WorkbenchContent,
    /// Drop every member's own data (use the default for everyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_user_data: Option<bool>,
}

impl WorkbenchTemplate {
    /// Template `content` for app `agentid`.
    pub fn new(agentid: i64, content: WorkbenchContent) -> Self {
        WorkbenchTemplate {
            agentid,
            content,
            replace_user_data: None,
        }
    }

    /// Also drop (`true`) or keep (`false`) the members' own data.
    pub fn with_replace_user_data(mut self, replace: bool) -> Self {
        self.replace_user_data = Some(replace);
        self
    }
}

/// Reply of `agent/get_workbench_template`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbenchTemplateReply {
    /// The type and its default data.
    #[serde(flatten)]
    pub content: WorkbenchContent,
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
        assert_eq!(
            r.content,
            WorkbenchContent::Image {
                image: WorkbenchImage {
                    url: "xxxx".into(),
                    jump_url: Some("http://www.qq.com".into()),
                    pagepath: Some("pages/index".into()),
                }
            }
        );
        let r: WorkbenchTemplateReply =
            serde_json::from_value(json!({"type": "carousel", "carousel": {}})).unwrap();
        assert_eq!(r.content, WorkbenchContent::Other);
    }
}
