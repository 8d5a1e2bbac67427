//! Media the sandbox holds (素材): what `media/upload` and its siblings
//! stored, by `media_id`, for the families that take a `media_id` (the
//! contacts family's batch jobs read their CSV from here, messages check
//! their attachments, `media/get` serves it back).

use std::collections::BTreeMap;

/// Temporary media live three days (259 200 s).
pub(crate) const MEDIA_LIFETIME_SECS: i64 = 3 * 24 * 3600;

/// Every stored media item, by id.
#[derive(Debug, Default)]
pub(crate) struct MediaStore {
    items: BTreeMap<String, StoredMedia>,
    next: u64,
}

/// One stored file.
#[derive(Debug, Clone)]
pub(crate) struct StoredMedia {
    /// The corp whose token uploaded it (media are per corp).
    pub(crate) corpid: String,
    /// `image`, `voice`, `video` or `file`.
    pub(crate) media_type: String,
    /// The file name the upload gave.
    pub(crate) filename: String,
    /// The upload's content type.
    pub(crate) content_type: String,
    pub(crate) bytes: Vec<u8>,
    /// When it was stored (sandbox clock, unix seconds).
    pub(crate) created_at: i64,
}

impl MediaStore {
    /// Stores `media` and returns its new `media_id`.
    pub(crate) fn insert(&mut self, media: StoredMedia) -> String {
        self.next += 1;
        let id = format!("3sandbox_media_{:08}", self.next);
        self.items.insert(id.clone(), media);
        id
    }

    /// The item `media_id` of `corpid`, if it exists and has not expired at `now`.
    pub(crate) fn get(&self, corpid: &str, media_id: &str, now: i64) -> Option<&StoredMedia> {
        self.items
            .get(media_id)
            .filter(|m| m.corpid == corpid && now < m.created_at + MEDIA_LIFETIME_SECS)
    }
}
