//! Attachments (`media/upload_attachment`) used by moments and welcome messages.
