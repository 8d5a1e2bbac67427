//! The little XML handling the crypto layer needs: the envelope's one
//! `<Encrypt>` element, and refusing document type declarations in markup.
//!
//! The envelope is read with quick-xml, so it must be well-formed: one root
//! element, exactly one `<Encrypt>` child of it (not nested deeper, not
//! repeated, not commented out), nothing after the root. A UTF-8 BOM is
//! accepted. The plaintext's DTD check looks at markup only: a message whose
//! *text* says `<!DOCTYPE html>` inside CDATA is an ordinary message.

use memchr::memmem;
use quick_xml::events::Event as XmlEvent;

use super::error::CallbackError;

const BOM: &str = "\u{feff}";

fn malformed(what: impl Into<String>) -> CallbackError {
    CallbackError::MalformedXml(what.into())
}

/// Refuses a DOCTYPE or entity declaration in the markup of `xml` (not in
/// CDATA, comments or processing instructions).
///
/// A fast scan: only `<!` and `<?` openings are looked at, and CDATA
/// sections, comments and processing instructions are skipped whole.
pub(crate) fn refuse_dtd(xml: &str) -> Result<(), CallbackError> {
    let bytes = xml.as_bytes();
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let rest = &bytes[start + 1..];
        at = match rest.first() {
            Some(b'!') if rest[1..].starts_with(b"[CDATA[") => skip_past(bytes, start, b"]]>"),
            Some(b'!') if rest[1..].starts_with(b"--") => skip_past(bytes, start + 4, b"-->"),
            Some(b'!') => {
                let word = &rest[1..];
                let starts = |w: &[u8]| word.len() >= w.len() && word[..w.len()].eq_ignore_ascii_case(w);
                if starts(b"DOCTYPE") || starts(b"ENTITY") {
                    return Err(CallbackError::ForbiddenXml);
                }
                start + 2
            }
            Some(b'?') => skip_past(bytes, start + 2, b"?>"),
            _ => start + 1,
        };
    }
    Ok(())
}

/// The index just past the first `end` at or after `from` (the end of the
/// input when there is none: an unterminated section hides nothing after it).
fn skip_past(bytes: &[u8], from: usize, end: &[u8]) -> usize {
    let from = from.min(bytes.len());
    memmem::find(&bytes[from..], end).map_or(bytes.len(), |i| from + i + end.len())
}

/// The text of the `<Encrypt>` child of the envelope's root (CDATA or plain).
pub(crate) fn encrypt_element(body: &str) -> Result<&str, CallbackError> {
    let body = body.strip_prefix(BOM).unwrap_or(body);
    let mut reader = quick_xml::Reader::from_str(body);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut root_seen = false;
    let mut in_encrypt = false;
    let mut encrypt: Option<&str> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| malformed(format!("not well-formed XML: {e}")))?;
        match event {
            XmlEvent::Start(start) => {
                if depth == 0 && root_seen {
                    return Err(malformed("content after the root element"));
                }
                if in_encrypt {
                    return Err(malformed("<Encrypt> holds an element"));
                }
                if depth == 1 && start.name().as_ref() == b"Encrypt" {
                    if encrypt.is_some() {
                        return Err(malformed("more than one <Encrypt> element"));
                    }
                    in_encrypt = true;
                    encrypt = Some("");
                }
                root_seen = true;
                depth += 1;
            }
            XmlEvent::Empty(empty) => {
                if depth == 0 {
                    return Err(malformed("the root element is empty"));
                }
                if in_encrypt {
                    return Err(malformed("<Encrypt> holds an element"));
                }
                if depth == 1 && empty.name().as_ref() == b"Encrypt" {
                    return Err(malformed("empty <Encrypt> element"));
                }
            }
            XmlEvent::End(_) => {
                depth = depth.saturating_sub(1);
                in_encrypt = false;
            }
            XmlEvent::CData(cdata) if in_encrypt => {
                encrypt = Some(take_text(encrypt, body, cdata.into_inner())?);
            }
            XmlEvent::Text(text) if in_encrypt => {
                encrypt = Some(take_text(encrypt, body, text.into_inner())?);
            }
            XmlEvent::Text(text) if depth == 0 => {
                if !text.iter().all(u8::is_ascii_whitespace) {
                    return Err(malformed("text outside the root element"));
                }
            }
            XmlEvent::DocType(_) => return Err(CallbackError::ForbiddenXml),
            XmlEvent::GeneralRef(_) if in_encrypt => {
                return Err(malformed("an entity reference in <Encrypt>"));
            }
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(malformed("the root element is not closed"));
    }
    if !root_seen {
        return Err(malformed("the body is not XML"));
    }
    let value = encrypt.ok_or_else(|| malformed("no <Encrypt> element"))?.trim();
    if value.is_empty() {
        return Err(malformed("empty <Encrypt> element"));
    }
    Ok(value)
}

/// The `<Encrypt>` text so far plus one more piece. The ciphertext is one
/// piece in practice (one CDATA section, or plain text); whitespace pieces
/// around it are dropped, two non-blank pieces are refused.
fn take_text<'a>(
    so_far: Option<&'a str>,
    body: &'a str,
    piece: std::borrow::Cow<'a, [u8]>,
) -> Result<&'a str, CallbackError> {
    let std::borrow::Cow::Borrowed(piece) = piece else {
        return Err(malformed("unexpected text in <Encrypt>"));
    };
    // Borrowed from `body`, which is UTF-8: find the same bytes as a `str`.
    let offset = piece.as_ptr() as usize - body.as_ptr() as usize;
    let piece = body
        .get(offset..offset + piece.len())
        .ok_or_else(|| malformed("text in <Encrypt> is not UTF-8"))?;
    match so_far {
        Some(previous) if !previous.trim().is_empty() && !piece.trim().is_empty() => {
            Err(malformed("<Encrypt> is split into several pieces"))
        }
        Some(previous) if piece.trim().is_empty() => Ok(previous),
        _ => Ok(piece),
    }
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
        assert_eq!(
            encrypt_element("\u{feff}<xml><ToUserName><![CDATA[ww]]></ToUserName><Encrypt>\n<![CDATA[abc=]]>\n</Encrypt></xml>")
                .unwrap(),
            "abc=",
            "a BOM and whitespace around the CDATA are fine"
        );
    }

    #[test]
    fn the_envelope_must_be_well_formed_with_one_encrypt_child() {
        for bad in [
            "<xml><Encrypt><![CDATA[abc=</Encrypt></xml>",
            "<xml><Encrypt></Encrypt></xml>",
            "<xml><Encrypt/></xml>",
            "<xml><Encrypt>abc",
            "<xml><Encrypt>abc=</Encrypt>",
            "abc",
            "",
            "<xml><A><Encrypt>abc=</Encrypt></A></xml>",
            "<xml><Encrypt>abc=</Encrypt><Encrypt>def=</Encrypt></xml>",
            "<xml><!--<Encrypt>abc=</Encrypt>--></xml>",
            "<xml><Encrypt>abc=</Encrypt></xml><xml/>",
            "<xml><Encrypt>abc=</Encrypt></xml>trailing",
            "<xml><Encrypt>a<![CDATA[bc=]]></Encrypt></xml>",
            "<xml><Encrypt><b>abc=</b></Encrypt></xml>",
            "<xml><Encrypt>abc=</Encrypt></xmlx>",
        ] {
            assert!(encrypt_element(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn dtds_are_refused_in_markup_only() {
        assert_eq!(refuse_dtd("<!DOCTYPE x><xml/>"), Err(CallbackError::ForbiddenXml));
        assert_eq!(refuse_dtd("<xml><!entity x 'y'></xml>"), Err(CallbackError::ForbiddenXml));
        assert!(refuse_dtd("<xml><![CDATA[<!-- fine -->]]></xml>").is_ok());
        assert!(refuse_dtd("<xml><Content><![CDATA[<!DOCTYPE html><p>hi</p>]]></Content></xml>").is_ok());
        assert!(refuse_dtd("<xml><!-- <!DOCTYPE x> --></xml>").is_ok());
        assert!(refuse_dtd("<?pi <!DOCTYPE x> ?><xml/>").is_ok());
        assert_eq!(
            refuse_dtd("<xml><![CDATA[x]]><!DOCTYPE y></xml>"),
            Err(CallbackError::ForbiddenXml),
            "markup after a CDATA section is still checked"
        );
        assert!(refuse_dtd("<xml><!").is_ok());
        assert_eq!(
            encrypt_element("<!DOCTYPE x [<!ENTITY e 'v'>]><xml><Encrypt>abc=</Encrypt></xml>"),
            Err(CallbackError::ForbiddenXml)
        );
    }
}
