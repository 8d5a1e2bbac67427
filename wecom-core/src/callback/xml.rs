//! The little XML handling the crypto layer needs: refuse DTDs, find `<Encrypt>`.
//!
//! Both are plain scans (no XML parser): the outer body only has to yield the
//! ciphertext, whose integrity the signature then proves.

use super::error::CallbackError;

/// Refuses a DOCTYPE or entity declaration anywhere in the document.
pub(crate) fn refuse_dtd(xml: &str) -> Result<(), CallbackError> {
    let mut rest = xml;
    while let Some(at) = rest.find("<!") {
        let after = &rest.as_bytes()[at + 2..];
        let starts =
            |word: &[u8]| after.len() >= word.len() && after[..word.len()].eq_ignore_ascii_case(word);
        if starts(b"DOCTYPE") || starts(b"ENTITY") {
            return Err(CallbackError::ForbiddenXml);
        }
        rest = &rest[at + 2..];
    }
    Ok(())
}

/// The text of the first `<Encrypt>` element of a pushed body (CDATA or plain).
pub(crate) fn encrypt_element(body: &str) -> Result<String, CallbackError> {
    refuse_dtd(body)?;
    if !body.trim_start().starts_with('<') {
        return Err(CallbackError::MalformedXml("the body is not XML".into()));
    }
    let malformed = |what: &str| CallbackError::MalformedXml(what.to_owned());
    let start = body
        .find("<Encrypt>")
        .ok_or_else(|| malformed("no <Encrypt> element"))?
        + "<Encrypt>".len();
    let len = body[start..]
        .find("</Encrypt>")
        .ok_or_else(|| malformed("<Encrypt> is not closed"))?;
    let inner = body[start..start + len].trim();
    let value = match inner.strip_prefix("<![CDATA[") {
        Some(cdata) => cdata
            .strip_suffix("]]>")
            .ok_or_else(|| malformed("unterminated CDATA in <Encrypt>"))?,
        None => inner,
    };
    if value.trim().is_empty() {
        return Err(malformed("empty <Encrypt> element"));
    }
    Ok(value.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encrypt_is_found_in_cdata_or_plain_text() {
        assert_eq!(
            encrypt_element("<xml><Encrypt><![CDATA[abc=]]></Encrypt></xml>").unwrap(),
            "abc="
        );
        assert_eq!(
            encrypt_element("<xml>\n <Encrypt> abc= </Encrypt></xml>").unwrap(),
            "abc="
        );
        assert!(encrypt_element("<xml><Encrypt><![CDATA[abc=</Encrypt></xml>").is_err());
        assert!(encrypt_element("<xml><Encrypt></Encrypt></xml>").is_err());
        assert!(encrypt_element("<xml><Encrypt>abc").is_err());
        assert!(encrypt_element("abc").is_err());
    }

    #[test]
    fn dtds_are_found_in_any_case() {
        assert!(refuse_dtd("<!DOCTYPE x><xml/>").is_err());
        assert!(refuse_dtd("<xml><!entity x 'y'></xml>").is_err());
        assert!(refuse_dtd("<xml><![CDATA[<!-- fine -->]]></xml>").is_ok());
        assert!(refuse_dtd("<xml><!").is_ok());
    }
}
