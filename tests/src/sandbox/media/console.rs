//! What happens outside the API around media: files the JS-SDK uploaded,
//! files put in the store directly, and what the store holds.

use super::super::Sandbox;
use super::super::media_store::StoredMedia;

/// The media side of a [`Sandbox`]: [`Sandbox::media`].
#[derive(Debug, Clone, Copy)]
pub struct MediaSandbox<'a>(pub(in crate::sandbox) &'a Sandbox);

impl Sandbox {
    /// The media store's helpers: seed files, JS-SDK recordings, read back.
    pub fn media(&self) -> MediaSandbox<'_> {
        MediaSandbox(self)
    }
}

impl MediaSandbox<'_> {
    /// Puts a file in corp `corpid`'s store as if `media/upload` had
    /// stored it now (no size or format checks: for files larger than an
    /// upload may be, e.g. to exercise ranged downloads); its `media_id`.
    pub fn put(
        &self,
        corpid: &str,
        media_type: &str,
        filename: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> String {
        let mut state = self.0.shared.lock();
        let created_at = state.clock.now();
        state.media.insert(StoredMedia {
            corpid: corpid.to_owned(),
            media_type: media_type.to_owned(),
            filename: filename.to_owned(),
            content_type: content_type.to_owned(),
            bytes,
            created_at,
        })
    }

    /// A member of `corpid` recorded a voice message in a web page and the
    /// JS-SDK's `uploadVoice` uploaded it: its `serverId`, the `media_id`
    /// `media/get/jssdk` answers `speex` (16 kHz, `voice/speex` as WeCom's
    /// sample reply labels it) for.
    pub fn add_jssdk_voice(&self, corpid: &str, speex: Vec<u8>) -> String {
        let media_id = self.put(corpid, "voice", "voice.speex", "voice/speex", speex);
        self.0.shared.lock().media_api.jssdk.insert(media_id.clone());
        media_id
    }

    /// The bytes stored under `media_id` for `corpid`, if it exists and
    /// has not expired.
    pub fn bytes(&self, corpid: &str, media_id: &str) -> Option<Vec<u8>> {
        let state = self.0.shared.lock();
        let now = state.clock.now();
        state.media.get(corpid, media_id, now).map(|m| m.bytes.clone())
    }

    /// The MD5 of `data` in lowercase hex, as `media/upload_by_url` takes it.
    pub fn md5_hex(&self, data: &[u8]) -> String {
        super::md5::md5_hex(data)
    }
}
