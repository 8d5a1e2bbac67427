//! Apps (应用管理): an app's settings, its custom menu, its workbench
//! template and per-member workbench data, and the IP ranges WeCom calls
//! from and answers at.
//!
//! Every endpoint takes the corp `access_token` of the app it manages (a
//! self-built app's secret, or an authorized corp's token for a third-party
//! / 代开发 app); `agent/list` lists the apps that token may see.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use wecom_apis::agent::{AgentApi, Menu, MenuApi, MenuButton};
//! # let sandbox = wecom_testkit::Sandbox::start().await;
//! # let client = sandbox.corp_client();
//! let app = client.get_agent(1000002).await?;
//! println!("{} ({})", app.name, app.agentid);
//! let menu = Menu::new([
//!     MenuButton::click("今日歌曲", "V1001_TODAY_MUSIC"),
//!     MenuButton::parent("菜单", [MenuButton::view("搜索", "https://www.soso.com/")]),
//! ]);
//! client.create_menu(1000002, &menu).await?;
//! assert_eq!(client.get_menu(1000002).await?, menu);
//! # Ok(()) }
//! ```

mod menu;
mod network;
mod settings;
mod workbench;

pub use menu::*;
pub use network::*;
pub use settings::*;
pub use workbench::*;

/// Every endpoint of this family, trait by trait, each in declaration
/// order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[
    AGENT_API_ENDPOINTS,
    MENU_API_ENDPOINTS,
    WORKBENCH_API_ENDPOINTS,
    NETWORK_API_ENDPOINTS,
];
