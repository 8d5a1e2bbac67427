//! What happens outside the API around the directory: uploading a CSV for
//! a batch job (as `media/upload` would), and reading the directory back.

use super::super::Sandbox;
use super::super::media_store::StoredMedia;

/// The contacts side of a [`Sandbox`]: [`Sandbox::contacts`].
#[derive(Debug, Clone, Copy)]
pub struct ContactsSandbox<'a>(pub(in crate::sandbox) &'a Sandbox);

impl Sandbox {
    /// The directory's helpers: CSV uploads for batch jobs, reading members,
    /// departments and tags back.
    pub fn contacts(&self) -> ContactsSandbox<'_> {
        ContactsSandbox(self)
    }
}

impl ContactsSandbox<'_> {
    /// Stores `bytes` as a `file` medium of corp `corpid` called `name` (as
    /// `media/upload?type=file` would) and returns its `media_id`, for
    /// `batch/syncuser`, `batch/replaceuser` and `batch/replaceparty`.
    pub fn upload_csv(&self, corpid: &str, name: &str, bytes: impl Into<Vec<u8>>) -> String {
        let mut state = self.0.shared.lock();
        let now = state.clock.now();
        state.media.insert(StoredMedia {
            corpid: corpid.to_owned(),
            media_type: "file".to_owned(),
            filename: name.to_owned(),
            content_type: "text/csv".to_owned(),
            bytes: bytes.into(),
            created_at: now,
        })
    }

    /// The userids of corp `corpid`, sorted (empty for an unknown corp).
    pub fn userids(&self, corpid: &str) -> Vec<String> {
        let mut state = self.0.shared.lock();
        state
            .directory
            .corp(corpid)
            .map(|dir| dir.users.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// The departments of member `userid` of corp `corpid`, if it exists.
    pub fn departments_of(&self, corpid: &str, userid: &str) -> Option<Vec<u32>> {
        let mut state = self.0.shared.lock();
        Some(
            state
                .directory
                .corp(corpid)?
                .users
                .get(userid)?
                .department
                .clone(),
        )
    }

    /// The department ids of corp `corpid`, sorted, with their parents:
    /// `(id, parentid, name)`.
    pub fn departments(&self, corpid: &str) -> Vec<(u32, u32, String)> {
        let mut state = self.0.shared.lock();
        state
            .directory
            .corp(corpid)
            .map(|dir| {
                dir.departments
                    .values()
                    .map(|d| (d.id, d.parentid, d.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The members of tag `tagid` of corp `corpid`, if the tag exists.
    pub fn tag_users(&self, corpid: &str, tagid: u32) -> Option<Vec<String>> {
        let mut state = self.0.shared.lock();
        Some(state.directory.corp(corpid)?.tags.get(&tagid)?.users.clone())
    }
}
