//! MD5 in hex, the file checksum WeCom takes (`media/upload_by_url`,
//! the export files' `md5`), from RustCrypto's `md-5`.

use md5::{Digest, Md5};

/// The MD5 of `data`, as 32 lowercase hex digits (how WeCom takes it).
pub fn md5_hex(data: &[u8]) -> String {
    hex::encode(Md5::digest(data))
}
