//! Files sent as `multipart/form-data` (e.g. `media/upload_attachment`).

use bytes::Bytes;

/// A file to upload: its name, MIME type and content.
///
/// Endpoint arguments marked `#[file]` take an `&Upload`; the request is then
/// sent as `multipart/form-data` with the argument's wire name as the part name.
///
/// ```
/// use wecom_core::Upload;
///
/// let logo = Upload::new("logo.png", std::fs::read("Cargo.toml").unwrap_or_default())
///     .with_content_type("image/png");
/// assert_eq!(logo.file_name, "logo.png");
/// assert_eq!(logo.content_type.as_deref(), Some("image/png"));
/// // `{:?}` shows the name, type and size, never the content.
/// assert!(format!("{logo:?}").contains("logo.png"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Upload {
    /// File name WeCom sees (it derives the media's name and sometimes its type from it).
    pub file_name: String,
    /// MIME type, e.g. `image/png`; `application/octet-stream` when `None`.
    pub content_type: Option<String>,
    /// The file's content.
    pub bytes: Bytes,
}

impl Upload {
    /// A file from its name and content.
    pub fn new(file_name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        Upload {
            file_name: file_name.into(),
            content_type: None,
            bytes: bytes.into(),
        }
    }

    /// Sets the MIME type.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// Builds the multipart form for one attempt (forms are consumed when sent).
    pub(crate) fn form(&self, part_name: &'static str) -> Result<reqwest::multipart::Form, reqwest::Error> {
        let len = self.bytes.len() as u64;
        let part = reqwest::multipart::Part::stream_with_length(self.bytes.clone(), len)
            .file_name(self.file_name.clone())
            .mime_str(self.content_type.as_deref().unwrap_or("application/octet-stream"))?;
        Ok(reqwest::multipart::Form::new().part(part_name, part))
    }
}

impl AsRef<Upload> for Upload {
    fn as_ref(&self) -> &Upload {
        self
    }
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}
