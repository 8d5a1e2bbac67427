//! The little XML handling the crypto layer needs: refuse DTDs, find `<Encrypt>`.

use serde::Deserialize;

use super::error::CallbackError;

/// Refuses a DOCTYPE or entity declaration anywhere in the document.
pub(crate) fn refuse_dtd(xml: &str) -> Result<(), CallbackError> {
    let bytes = xml.as_bytes();
    let found = bytes.windows(2).enumerate().any(|(i, w)| {
        w == b"<!" && {
            let rest = &bytes[i + 2..];
            let word = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
            word(b"DOCTYPE") || word(b"ENTITY")
        }
    });
    if found {
        Err(CallbackError::ForbiddenXml)
    } else {
        Ok(())
    }
}

#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "Encrypt")]
    encrypt: Option<String>,
}

/// The `<Encrypt>` element of a pushed body.
pub(crate) fn encrypt_element(body: &str) -> Result<String, CallbackError> {
    refuse_dtd(body)?;
    let envelope: Envelope =
        quick_xml::de::from_str(body).map_err(|e| CallbackError::MalformedXml(e.to_string()))?;
    envelope
        .encrypt
        .filter(|e| !e.trim().is_empty())
        .ok_or_else(|| CallbackError::MalformedXml("no <Encrypt> element".into()))
}
