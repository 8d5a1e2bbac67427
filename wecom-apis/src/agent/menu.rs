//! 自定义菜单 — 创建菜单 / 获取菜单 / 删除菜单: the custom menu at the
//! bottom of an app's session.

use serde::{Deserialize, Serialize};

use crate::Result;

/// The app menu endpoints (corp `access_token` of the app).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90230>
#[crate::api]
pub trait MenuApi {
    /// 创建菜单: replace app `agentid`'s menu. At most 3 buttons, each with
    /// at most 5 sub-buttons; names at most 16 bytes (sub-buttons 40),
    /// keys 128 bytes, URLs 1024 bytes. Members see the change within 24
    /// hours (at once after re-entering the session).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90231>
    #[post("menu/create", token = corp)]
    async fn create_menu(&self, #[query] agentid: i64, #[body] menu: &Menu) -> Result<()>;

    /// 获取菜单: app `agentid`'s menu, in the shape it was created.
    /// An app without a menu gets 46003.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90232>
    #[get("menu/get", token = corp)]
    async fn get_menu(&self, agentid: i64) -> Result<Menu>;

    /// 删除菜单: remove app `agentid`'s menu.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90233>
    #[get("menu/delete", token = corp)]
    async fn delete_menu(&self, agentid: i64) -> Result<()>;
}

/// An app's menu: body of `menu/create`, reply of `menu/get`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Menu {
    /// The top-level buttons (1–3).
    #[serde(default)]
    pub button: Vec<MenuButton>,
}

impl Menu {
    /// A menu of these top-level buttons.
    pub fn new(buttons: impl IntoIterator<Item = MenuButton>) -> Self {
        Menu {
            button: buttons.into_iter().collect(),
        }
    }
}

/// One menu button: an action (by its `type`) or a parent of sub-buttons.
///
/// Serializes as WeCom's `{"type", "name", "key" | "url" | "pagepath" +
/// "appid"}` or `{"name", "sub_button": [...]}`; the events a button raises
/// are named after its type. A type this SDK does not know decodes as
/// [`MenuButton::Other`] with its fields kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawButton", into = "RawButton")]
pub enum MenuButton {
    /// `click`: pushes a `click` event with `key` (点击推事件).
    Click {
        /// Label.
        name: String,
        /// The event key.
        key: String,
    },
    /// `view`: opens `url` (跳转URL).
    View {
        /// Label.
        name: String,
        /// The page.
        url: String,
    },
    /// `scancode_push`: scans a code and shows the result (扫码推事件).
    ScancodePush {
        /// Label.
        name: String,
        /// The event key.
        key: String,
    },
    /// `scancode_waitmsg`: scans a code and waits for the app's message
    /// (扫码推事件且弹出“消息接收中”提示框).
    ScancodeWaitmsg {
        /// Label.
        name: String,
        /// The event key.
        key: String,
    },
    /// `pic_sysphoto`: takes a photo (弹出系统拍照发图).
    PicSysphoto {
        /// Label.
        name: String,
        /// The event key.
        key: String,
    },
    /// `pic_photo_or_album`: takes a photo or picks one (弹出拍照或者相册发图).
    PicPhotoOrAlbum {
        /// Label.
        name: String,
        /// The event key.
        key: String,
    },
    /// `pic_weixin`: picks from the WeCom album (弹出企业微信相册发图器).
    PicWeixin {
        /// Label.
        name: String,
        /// The event key.
        key: String,
    },
    /// `location_select`: sends a location (弹出地理位置选择器).
    LocationSelect {
        /// Label.
        name: String,
        /// The event key.
        key: String,
    },
    /// `view_miniprogram`: opens a mini program page (跳转到小程序); the
    /// mini program must be linked to the corp.
    ViewMiniprogram {
        /// Label.
        name: String,
        /// The page path.
        pagepath: String,
        /// The mini program's appid.
        appid: String,
    },
    /// A button without a type: it opens its sub-buttons (1–5).
    Parent {
        /// Label.
        name: String,
        /// The sub-buttons (actions only).
        sub_button: Vec<MenuButton>,
    },
    /// A type this SDK does not know, as WeCom sent it.
    Other {
        /// `type`.
        kind: String,
        /// Label.
        name: String,
        /// `key`, if sent.
        key: Option<String>,
        /// `url`, if sent.
        url: Option<String>,
        /// `pagepath`, if sent.
        pagepath: Option<String>,
        /// `appid`, if sent.
        appid: Option<String>,
    },
}

impl MenuButton {
    /// A `click` button.
    pub fn click(name: impl Into<String>, key: impl Into<String>) -> Self {
        MenuButton::Click {
            name: name.into(),
            key: key.into(),
        }
    }

    /// A `view` button.
    pub fn view(name: impl Into<String>, url: impl Into<String>) -> Self {
        MenuButton::View {
            name: name.into(),
            url: url.into(),
        }
    }

    /// A `view_miniprogram` button.
    pub fn miniprogram(
        name: impl Into<String>,
        appid: impl Into<String>,
        pagepath: impl Into<String>,
    ) -> Self {
        MenuButton::ViewMiniprogram {
            name: name.into(),
            pagepath: pagepath.into(),
            appid: appid.into(),
        }
    }

    /// A parent of `sub_buttons`.
    pub fn parent(name: impl Into<String>, sub_buttons: impl IntoIterator<Item = MenuButton>) -> Self {
        MenuButton::Parent {
            name: name.into(),
            sub_button: sub_buttons.into_iter().collect(),
        }
    }

    /// The label.
    pub fn name(&self) -> &str {
        match self {
            MenuButton::Click { name, .. }
            | MenuButton::View { name, .. }
            | MenuButton::ScancodePush { name, .. }
            | MenuButton::ScancodeWaitmsg { name, .. }
            | MenuButton::PicSysphoto { name, .. }
            | MenuButton::PicPhotoOrAlbum { name, .. }
            | MenuButton::PicWeixin { name, .. }
            | MenuButton::LocationSelect { name, .. }
            | MenuButton::ViewMiniprogram { name, .. }
            | MenuButton::Parent { name, .. }
            | MenuButton::Other { name, .. } => name,
        }
    }
}

/// A button as it is on the wire.
#[derive(Serialize, Deserialize)]
struct RawButton {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(default)]
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pagepath: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    appid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sub_button: Option<Vec<RawButton>>,
}

impl TryFrom<RawButton> for MenuButton {
    type Error = String;

    fn try_from(raw: RawButton) -> std::result::Result<Self, String> {
        let RawButton {
            kind,
            name,
            key,
            url,
            pagepath,
            appid,
            sub_button,
        } = raw;
        let need = |value: Option<String>, field: &str, kind: &str| {
            value.ok_or_else(|| format!("a `{kind}` menu button needs `{field}`"))
        };
        let Some(kind) = kind.filter(|k| !k.is_empty()) else {
            let subs = sub_button
                .unwrap_or_default()
                .into_iter()
                .map(MenuButton::try_from)
                .collect::<std::result::Result<Vec<_>, _>>()?;
            return Ok(MenuButton::Parent {
                name,
                sub_button: subs,
            });
        };
        let keyed = |make: fn(String, String) -> MenuButton, key: Option<String>| {
            need(key, "key", &kind).map(|key| make(name.clone(), key))
        };
        Ok(match kind.as_str() {
            "click" => keyed(|name, key| MenuButton::Click { name, key }, key)?,
            "scancode_push" => keyed(|name, key| MenuButton::ScancodePush { name, key }, key)?,
            "scancode_waitmsg" => keyed(|name, key| MenuButton::ScancodeWaitmsg { name, key }, key)?,
            "pic_sysphoto" => keyed(|name, key| MenuButton::PicSysphoto { name, key }, key)?,
            "pic_photo_or_album" => keyed(|name, key| MenuButton::PicPhotoOrAlbum { name, key }, key)?,
            "pic_weixin" => keyed(|name, key| MenuButton::PicWeixin { name, key }, key)?,
            "location_select" => keyed(|name, key| MenuButton::LocationSelect { name, key }, key)?,
            "view" => MenuButton::View {
                url: need(url, "url", &kind)?,
                name,
            },
            "view_miniprogram" => MenuButton::ViewMiniprogram {
                pagepath: need(pagepath, "pagepath", &kind)?,
                appid: need(appid, "appid", &kind)?,
                name,
            },
            _ => MenuButton::Other {
                kind,
                name,
                key,
                url,
                pagepath,
                appid,
            },
        })
    }
}

impl From<MenuButton> for RawButton {
    fn from(button: MenuButton) -> Self {
        let raw = |kind: &str, name: String| RawButton {
            kind: Some(kind.to_owned()),
            name,
            key: None,
            url: None,
            pagepath: None,
            appid: None,
            sub_button: None,
        };
        let keyed = |kind: &str, name: String, key: String| RawButton {
            key: Some(key),
            ..raw(kind, name)
        };
        match button {
            MenuButton::Click { name, key } => keyed("click", name, key),
            MenuButton::ScancodePush { name, key } => keyed("scancode_push", name, key),
            MenuButton::ScancodeWaitmsg { name, key } => keyed("scancode_waitmsg", name, key),
            MenuButton::PicSysphoto { name, key } => keyed("pic_sysphoto", name, key),
            MenuButton::PicPhotoOrAlbum { name, key } => keyed("pic_photo_or_album", name, key),
            MenuButton::PicWeixin { name, key } => keyed("pic_weixin", name, key),
            MenuButton::LocationSelect { name, key } => keyed("location_select", name, key),
            MenuButton::View { name, url } => RawButton {
                url: Some(url),
                ..raw("view", name)
            },
            MenuButton::ViewMiniprogram {
                name,
                pagepath,
                appid,
            } => RawButton {
                pagepath: Some(pagepath),
                appid: Some(appid),
                ..raw("view_miniprogram", name)
            },
            MenuButton::Parent { name, sub_button } => RawButton {
                kind: None,
                sub_button: Some(sub_button.into_iter().map(RawButton::from).collect()),
                ..raw("", name)
            },
            MenuButton::Other {
                kind,
                name,
                key,
                url,
                pagepath,
                appid,
            } => RawButton {
                key,
                url,
                pagepath,
                appid,
                ..raw(&kind, name)
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The request sample of <https://developer.work.weixin.qq.com/document/path/90231>
    /// (every button type; action buttons there carry an empty `sub_button`).
    fn documented_menu() -> serde_json::Value {
        json!({
            "button": [
                {"type": "click", "name": "今日歌曲", "key": "V1001_TODAY_MUSIC"},
                {
                    "name": "菜单",
                    "sub_button": [
                        {"type": "view", "name": "搜索", "url": "http://www.soso.com/"},
                        {"type": "click", "name": "赞一下我们", "key": "V1001_GOOD"}
                    ]
                },
                {
                    "name": "扫码",
                    "sub_button": [
                        {"type": "scancode_waitmsg", "name": "扫码带提示", "key": "rselfmenu_0_0", "sub_button": []},
                        {"type": "scancode_push", "name": "扫码推事件", "key": "rselfmenu_0_1", "sub_button": []},
                        {"type": "pic_sysphoto", "name": "系统拍照发图", "key": "rselfmenu_1_0", "sub_button": []},
                        {"type": "pic_photo_or_album", "name": "拍照或者相册发图", "key": "rselfmenu_1_1", "sub_button": []},
                        {"type": "pic_weixin", "name": "微信相册发图", "key": "rselfmenu_1_2", "sub_button": []}
                    ]
                }
            ]
        })
    }

    #[test]
    fn decodes_the_documented_menu() {
        let menu: Menu = serde_json::from_value(documented_menu()).unwrap();
        assert_eq!(menu.button.len(), 3);
        assert_eq!(menu.button[0], MenuButton::click("今日歌曲", "V1001_TODAY_MUSIC"));
        assert_eq!(
            menu.button[1],
            MenuButton::parent(
                "菜单",
                [
                    MenuButton::view("搜索", "http://www.soso.com/"),
                    MenuButton::click("赞一下我们", "V1001_GOOD")
                ]
            )
        );
        let MenuButton::Parent { sub_button, .. } = &menu.button[2] else {
            panic!("a parent")
        };
        assert_eq!(
            sub_button[0],
            MenuButton::ScancodeWaitmsg {
                name: "扫码带提示".into(),
                key: "rselfmenu_0_0".into()
            }
        );
        assert!(matches!(&sub_button[1], MenuButton::ScancodePush { key, .. } if key == "rselfmenu_0_1"));
        assert!(matches!(&sub_button[2], MenuButton::PicSysphoto { key, .. } if key == "rselfmenu_1_0"));
        assert!(matches!(&sub_button[3], MenuButton::PicPhotoOrAlbum { key, .. } if key == "rselfmenu_1_1"));
        assert!(matches!(&sub_button[4], MenuButton::PicWeixin { key, .. } if key == "rselfmenu_1_2"));
    }

    #[test]
    fn encodes_buttons_as_wecom_does() {
        let menu = Menu::new([
            MenuButton::click("今日歌曲", "V1001_TODAY_MUSIC"),
            MenuButton::parent(
                "菜单",
                [
                    MenuButton::view("搜索", "http://www.soso.com/"),
                    MenuButton::LocationSelect {
                        name: "发送位置".into(),
                        key: "rselfmenu_2_0".into(),
                    },
                    MenuButton::miniprogram("小程序", "wx4389ji4kAAA", "pages/lunar/index"),
                ],
            ),
        ]);
        assert_eq!(
            serde_json::to_value(&menu).unwrap(),
            json!({"button": [
                {"type": "click", "name": "今日歌曲", "key": "V1001_TODAY_MUSIC"},
                {"name": "菜单", "sub_button": [
                    {"type": "view", "name": "搜索", "url": "http://www.soso.com/"},
                    {"type": "location_select", "name": "发送位置", "key": "rselfmenu_2_0"},
                    {"type": "view_miniprogram", "name": "小程序", "pagepath": "pages/lunar/index", "appid": "wx4389ji4kAAA"}
                ]}
            ]})
        );
        let back: Menu = serde_json::from_value(serde_json::to_value(&menu).unwrap()).unwrap();
        assert_eq!(back, menu);
    }

    #[test]
    fn unknown_types_are_kept_and_missing_fields_refused() {
        let b: MenuButton =
            serde_json::from_value(json!({"type": "media_id", "name": "图", "key": "k"})).unwrap();
        assert!(matches!(&b, MenuButton::Other { kind, key: Some(k), .. } if kind == "media_id" && k == "k"));
        assert_eq!(b.name(), "图");
        assert_eq!(
            serde_json::to_value(&b).unwrap(),
            json!({"type": "media_id", "name": "图", "key": "k"})
        );
        let err = serde_json::from_value::<MenuButton>(json!({"type": "view", "name": "x"})).unwrap_err();
        assert!(err.to_string().contains("needs `url`"), "{err}");
    }
}
