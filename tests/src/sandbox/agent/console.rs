//! What a test reads of the apps directly: menus and workbench data as
//! stored, and changes an admin makes in the console.

use serde_json::Value;

use super::super::Sandbox;

/// The apps side of a [`Sandbox`]: [`Sandbox::agent`].
#[derive(Debug, Clone, Copy)]
pub struct AgentSandbox<'a>(pub(in crate::sandbox) &'a Sandbox);

impl Sandbox {
    /// The apps' helpers (应用管理): stored menus and workbench data,
    /// the visible range.
    pub fn agent(&self) -> AgentSandbox<'_> {
        AgentSandbox(self)
    }
}

impl AgentSandbox<'_> {
    /// The `button` array of app `agentid`'s menu in `corpid`, as stored.
    pub fn menu(&self, corpid: &str, agentid: i64) -> Option<Value> {
        let mut state = self.0.shared.lock();
        let state = &mut *state;
        state
            .agent
            .app(corpid, agentid, &mut state.directory)
            .and_then(|app| app.menu.clone())
    }

    /// Member `userid`'s workbench data in app `agentid` (`type` and its
    /// content), as stored.
    pub fn workbench_data(&self, corpid: &str, agentid: i64, userid: &str) -> Option<Value> {
        let mut state = self.0.shared.lock();
        let state = &mut *state;
        state
            .agent
            .app(corpid, agentid, &mut state.directory)
            .and_then(|app| app.user_data.get(userid).cloned())
            .map(Value::Object)
    }

    /// The app's name, as stored.
    pub fn name(&self, corpid: &str, agentid: i64) -> Option<String> {
        let mut state = self.0.shared.lock();
        let state = &mut *state;
        state
            .agent
            .app(corpid, agentid, &mut state.directory)
            .map(|app| app.name.clone())
    }

    /// An admin narrows app `agentid`'s visible range to `userids` (the
    /// department range is dropped). Returns whether the app exists.
    pub fn set_visible_users(&self, corpid: &str, agentid: i64, userids: &[&str]) -> bool {
        let mut state = self.0.shared.lock();
        let state = &mut *state;
        match state.agent.app(corpid, agentid, &mut state.directory) {
            Some(app) => {
                app.allow_users = userids.iter().map(|u| (*u).to_owned()).collect();
                app.allow_parties.clear();
                true
            }
            None => false,
        }
    }

    /// An admin turns app `agentid`'s custom workbench (自定义工作台模式)
    /// on or off in the console; while off, setting a template or member
    /// data answers 94000. Returns whether the app exists.
    pub fn set_custom_workbench(&self, corpid: &str, agentid: i64, on: bool) -> bool {
        let mut state = self.0.shared.lock();
        let state = &mut *state;
        match state.agent.app(corpid, agentid, &mut state.directory) {
            Some(app) => {
                app.custom_workbench = on;
                true
            }
            None => false,
        }
    }
}
