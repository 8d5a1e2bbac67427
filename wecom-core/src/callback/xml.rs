//! The little XML handling the crypto layer needs: the envelope's one
//! `<Encrypt>` element, and refusing document type declarations in markup.
//!
//! The envelope is read with quick-xml, so it must be well-formed: one root
//! element, exactly one `<Encrypt>` child of it (not nested deeper, not
//! repeated, not commented out), nothing after the root. A UTF-8 BOM is
//! accepted. The plaintext's DTD check looks at markup only: a message whose
//! *text* says `<!DOCTYPE html>` inside CDATA is an ordinary message.

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
            Some(b'!') if declares_dtd(&rest[1..]) => return Err(CallbackError::ForbiddenXml),
            Some(b'!') => start + 2,
            Some(b'?') => skip_past(bytes, start + 2, b"?>"),
            _ => start + 1,
        };
    }
    Ok(())
}

/// Whether the markup after `<!` is a DOCTYPE or an entity declaration
/// (ASCII case-insensitively).
fn declares_dtd(after_bang: &[u8]) -> bool {
    [b"DOCTYPE".as_slice(), b"ENTITY"].iter().any(|word| {
        after_bang
            .get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

/// The index just past the first `end` at or after `from` (the end of the
/// input when there is none: an unterminated section hides nothing after it).
fn skip_past(bytes: &[u8], from: usize, end: &[u8]) -> usize {
    find_past(bytes, from, end).unwrap_or(bytes.len())
}

/// The index just past the first `end` (a short terminator such as `]]>`)
/// at or after `from`. Looks for its last byte with `memchr` and checks the
/// rest: building a general substring searcher costs more than a whole
/// envelope scan on WeCom's short sections.
fn find_past(bytes: &[u8], from: usize, end: &[u8]) -> Option<usize> {
    let (&last, head) = end.split_last()?;
    let mut at = from.min(bytes.len()) + head.len();
    while at < bytes.len() {
        let i = at + memchr::memchr(last, &bytes[at..])?;
        if &bytes[i - head.len()..i] == head {
            return Some(i + 1);
        }
        at = i + 1;
    }
    None
}

/// The text of the `<Encrypt>` child of the envelope's root (CDATA or plain).
///
/// WeCom's envelope is a flat document (`<xml>` with a few text or CDATA
/// children, no attributes), and this runs on every push, so it is checked
/// by a small scanner that jumps between markup with `memchr` instead of a
/// general XML reader (which cost as much as the decryption). What it accepts
/// is well-formed XML; the tests cross-check it against quick-xml.
pub(crate) fn encrypt_element(body: &str) -> Result<&str, CallbackError> {
    let body = body.strip_prefix(BOM).unwrap_or(body);
    Envelope::new(body).encrypt()
}

/// The envelope scanner's state.
struct Envelope<'a> {
    text: &'a str,
    at: usize,
}

/// One piece of markup, with the index just past it.
enum Markup<'a> {
    Open(&'a str),
    Close(&'a str),
    /// `<Name/>`.
    Empty(&'a str),
    CData(&'a str),
    /// A comment or processing instruction (or the XML declaration).
    Ignored,
}

impl<'a> Envelope<'a> {
    fn new(text: &'a str) -> Self {
        Envelope { text, at: 0 }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The text up to the next `<` (or the end), and moves there.
    fn text_run(&mut self) -> &'a str {
        let rest = &self.bytes()[self.at..];
        // Tags usually follow each other: no search needed.
        if rest.first() == Some(&b'<') {
            return "";
        }
        let len = memchr::memchr(b'<', rest).unwrap_or(rest.len());
        let run = &self.text[self.at..self.at + len];
        self.at += len;
        run
    }

    /// The markup starting at `self.at` (a `<`), and moves past it.
    fn markup(&mut self) -> Result<Markup<'a>, CallbackError> {
        let bytes = self.bytes();
        let start = self.at;
        let rest = &bytes[start + 1..];
        let closed_by = |end: &[u8], from: usize| -> Result<usize, CallbackError> {
            find_past(bytes, from, end).ok_or_else(|| malformed("unterminated markup"))
        };
        if rest.starts_with(b"![CDATA[") {
            let content = start + 9;
            let end = closed_by(b"]]>", content)?;
            self.at = end;
            return Ok(Markup::CData(&self.text[content..end - 3]));
        }
        if rest.starts_with(b"!--") {
            self.at = closed_by(b"-->", start + 4)?;
            return Ok(Markup::Ignored);
        }
        if rest.starts_with(b"?") {
            self.at = closed_by(b"?>", start + 2)?;
            return Ok(Markup::Ignored);
        }
        if rest.first() == Some(&b'!') {
            if declares_dtd(&rest[1..]) {
                return Err(CallbackError::ForbiddenXml);
            }
            return Err(malformed("unexpected markup declaration"));
        }
        let end = start + 1 + memchr::memchr(b'>', rest).ok_or_else(|| malformed("unterminated tag"))?;
        self.at = end + 1;
        let inner = &self.text[start + 1..end];
        let (inner, closing) = match inner.strip_prefix('/') {
            Some(name) => (name, true),
            None => (inner, false),
        };
        let (name, empty) = match inner.strip_suffix('/') {
            Some(name) if !closing => (name, true),
            _ => (inner, false),
        };
        let name = if closing { name.trim_end() } else { name };
        // A closing tag is checked against the open one instead.
        if !closing && !is_name(name) {
            return Err(malformed(if name.contains(char::is_whitespace) {
                "attributes are not expected in the envelope"
            } else {
                "an invalid tag"
            }));
        }
        Ok(match (closing, empty) {
            (true, _) => Markup::Close(name),
            (false, true) => Markup::Empty(name),
            (false, false) => Markup::Open(name),
        })
    }

    /// Walks the whole document; returns the `<Encrypt>` child's text.
    fn encrypt(mut self) -> Result<&'a str, CallbackError> {
        let mut open = Stack::default();
        let mut root_done = false;
        let mut encrypt: Option<&'a str> = None;
        // Inside <Encrypt>: (its text so far).
        let mut in_encrypt: Option<Option<&'a str>> = None;
        while self.at < self.text.len() {
            let run = self.text_run();
            if !run.is_empty() {
                if open.is_empty() {
                    if !run.bytes().all(|b| b.is_ascii_whitespace()) {
                        return Err(malformed("text outside the root element"));
                    }
                } else if let Some(so_far) = in_encrypt.as_mut() {
                    if run.contains('&') {
                        return Err(malformed("an entity reference in <Encrypt>"));
                    }
                    *so_far = join(*so_far, run)?;
                }
                continue;
            }
            match self.markup()? {
                Markup::Ignored => {}
                Markup::CData(content) => match in_encrypt.as_mut() {
                    Some(so_far) => *so_far = join(*so_far, content)?,
                    None if open.is_empty() => return Err(malformed("CDATA outside the root element")),
                    None => {}
                },
                Markup::Open(name) | Markup::Empty(name) if in_encrypt.is_some() => {
                    let _ = name;
                    return Err(malformed("<Encrypt> holds an element"));
                }
                Markup::Open(name) => {
                    if root_done {
                        return Err(malformed("content after the root element"));
                    }
                    if open.len() == 1 && name == "Encrypt" {
                        if encrypt.is_some() {
                            return Err(malformed("more than one <Encrypt> element"));
                        }
                        in_encrypt = Some(None);
                    }
                    open.push(name)?;
                }
                Markup::Empty(name) => {
                    if open.is_empty() {
                        return Err(malformed(if root_done {
                            "content after the root element"
                        } else {
                            "the root element is empty"
                        }));
                    }
                    if open.len() == 1 && name == "Encrypt" {
                        return Err(malformed("empty <Encrypt> element"));
                    }
                }
                Markup::Close(name) => {
                    if open.pop() != Some(name) {
                        return Err(malformed(format!("unexpected closing tag </{name}>")));
                    }
                    if let Some(text) = in_encrypt.take() {
                        encrypt = Some(text.unwrap_or(""));
                    }
                    root_done |= open.is_empty();
                }
            }
        }
        if !open.is_empty() {
            return Err(malformed("the root element is not closed"));
        }
        if !root_done {
            return Err(malformed("the body is not XML"));
        }
        let value = encrypt.ok_or_else(|| malformed("no <Encrypt> element"))?.trim();
        if value.is_empty() {
            return Err(malformed("empty <Encrypt> element"));
        }
        Ok(value)
    }
}

/// The open elements of the envelope (WeCom's is two levels deep): a fixed
/// array, so that scanning allocates nothing.
#[derive(Default)]
struct Stack<'a> {
    names: [&'a str; 8],
    len: usize,
}

impl<'a> Stack<'a> {
    fn push(&mut self, name: &'a str) -> Result<(), CallbackError> {
        let slot = self
            .names
            .get_mut(self.len)
            .ok_or_else(|| malformed("the envelope is nested too deeply"))?;
        *slot = name;
        self.len += 1;
        Ok(())
    }

    fn pop(&mut self) -> Option<&'a str> {
        self.len = self.len.checked_sub(1)?;
        Some(self.names[self.len])
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// An XML name as WeCom uses them (ASCII letters, digits, `_`, `-`, `.`, `:`).
fn is_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b':')
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'))
}

/// The `<Encrypt>` text so far plus one more piece. The ciphertext is one
/// piece in practice (one CDATA section, or plain text); whitespace pieces
/// around it are dropped, two non-blank pieces are refused.
fn join<'a>(so_far: Option<&'a str>, piece: &'a str) -> Result<Option<&'a str>, CallbackError> {
    match so_far {
        Some(previous) if !previous.trim().is_empty() && !piece.trim().is_empty() => {
            Err(malformed("<Encrypt> is split into several pieces"))
        }
        Some(previous) if piece.trim().is_empty() => Ok(Some(previous)),
        _ => Ok(Some(piece)),
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
            "<xml a='1'><Encrypt>abc=</Encrypt></xml>",
            "<xml><Encrypt>abc&amp;</Encrypt></xml>",
        ] {
            assert!(encrypt_element(bad).is_err(), "accepted {bad:?}");
        }
    }

    /// What quick-xml (a general reader) makes of the envelope: the same
    /// rules, written with its events. The scanner must agree with it.
    fn reference(body: &str) -> Result<String, ()> {
        use quick_xml::events::Event as X;
        let body = body.strip_prefix(BOM).unwrap_or(body);
        let mut reader = quick_xml::Reader::from_str(body);
        reader.config_mut().check_end_names = true;
        let (mut depth, mut root_done, mut in_encrypt) = (0usize, false, false);
        let mut encrypt: Option<String> = None;
        let mut pieces = 0;
        loop {
            match reader.read_event().map_err(|_| ())? {
                X::Start(e) => {
                    let name = std::str::from_utf8(e.name().as_ref()).map_err(|_| ())?.to_owned();
                    if root_done || in_encrypt || e.attributes().next().is_some() || !is_name(&name) {
                        return Err(());
                    }
                    if depth == 1 && e.name().as_ref() == b"Encrypt" {
                        if encrypt.is_some() {
                            return Err(());
                        }
                        in_encrypt = true;
                        encrypt = Some(String::new());
                    }
                    depth += 1;
                }
                X::Empty(e) => {
                    let name = std::str::from_utf8(e.name().as_ref()).map_err(|_| ())?.to_owned();
                    if depth == 0
                        || in_encrypt
                        || !is_name(&name)
                        || e.attributes().next().is_some()
                        || (depth == 1 && name == "Encrypt")
                    {
                        return Err(());
                    }
                }
                X::End(_) => {
                    depth -= 1;
                    in_encrypt = false;
                    root_done |= depth == 0;
                }
                X::Text(t) => {
                    let t = std::str::from_utf8(&t).map_err(|_| ())?.to_owned();
                    if depth == 0 && !t.trim().is_empty() {
                        return Err(());
                    }
                    if in_encrypt && !t.trim().is_empty() {
                        pieces += 1;
                        encrypt = Some(t);
                    }
                }
                X::CData(c) => {
                    if depth == 0 {
                        return Err(());
                    }
                    let c = std::str::from_utf8(&c).map_err(|_| ())?.to_owned();
                    if in_encrypt && !c.trim().is_empty() {
                        pieces += 1;
                        encrypt = Some(c);
                    }
                }
                X::GeneralRef(_) if in_encrypt || depth == 0 => return Err(()),
                X::DocType(_) => return Err(()),
                X::Eof => break,
                _ => {}
            }
        }
        let value = encrypt.ok_or(())?.trim().to_owned();
        if depth != 0 || !root_done || value.is_empty() || pieces > 1 {
            return Err(());
        }
        Ok(value)
    }

    #[test]
    fn the_scanner_agrees_with_quick_xml() {
        let parts = [
            "<xml>",
            "</xml>",
            "<Encrypt>",
            "</Encrypt>",
            "<![CDATA[abc=]]>",
            "<![CDATA[ ]]>",
            "abc=",
            " ",
            "\n",
            "<A>",
            "</A>",
            "<B/>",
            "<Encrypt/>",
            "<!-- c -->",
            "<?pi x?>",
            "<!DOCTYPE x>",
            "&amp;",
            "<a b='c'>",
            "]]>",
            "<",
            ">",
            "x",
            "<![CDATA[<Encrypt>]]>",
        ];
        // Every sequence of up to 5 parts, from a fixed pseudo-random walk.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let children = [
            "<ToUserName><![CDATA[ww]]></ToUserName>",
            "<Encrypt><![CDATA[abc=]]></Encrypt>",
            "<Encrypt>abc=</Encrypt>",
            "<Encrypt>\n<![CDATA[abc=]]>\n</Encrypt>",
            "<AgentID>1</AgentID>",
            "<AgentID><![CDATA[]]></AgentID>",
            "<!-- c -->",
            " ",
            "<B/>",
            "<A><Encrypt>x</Encrypt></A>",
        ];
        let mut agreed_ok = 0;
        for _ in 0..50_000 {
            let mut pieces: Vec<&str> = vec!["<xml>"];
            for _ in 0..(next() % 5) {
                pieces.push(children[(next() % children.len() as u64) as usize]);
            }
            pieces.push("</xml>");
            // Now and then, noise at a random place.
            for _ in 0..(next() % 3) {
                let at = (next() % (pieces.len() as u64 + 1)) as usize;
                pieces.insert(at, parts[(next() % parts.len() as u64) as usize]);
            }
            let doc = pieces.concat();
            let ours = encrypt_element(&doc).map(str::to_owned).map_err(|_| ());
            let theirs = reference(&doc);
            assert_eq!(ours, theirs, "{doc:?}");
            agreed_ok += usize::from(ours.is_ok());
        }
        assert!(
            agreed_ok > 1_000,
            "the walk reached valid envelopes too ({agreed_ok})"
        );
    }

    #[test]
    fn terminators_are_found_where_they_end() {
        assert_eq!(find_past(b"ab]]>c", 0, b"]]>"), Some(5));
        assert_eq!(find_past(b"]>]]>", 0, b"]]>"), Some(5));
        assert_eq!(find_past(b"<![CDATA[]]>", 9, b"]]>"), Some(12));
        assert_eq!(find_past(b"<![CDATA[]>", 9, b"]]>"), None);
        assert_eq!(find_past(b"x?>", 5, b"?>"), None);
        assert_eq!(find_past(b"-->", 0, b"-->"), Some(3));
    }

    #[test]
    fn dtds_are_refused_in_markup_only() {
        assert_eq!(refuse_dtd("<!DOCTYPE x><xml/>"), Err(CallbackError::ForbiddenXml));
        assert_eq!(
            refuse_dtd("<xml><!entity x 'y'></xml>"),
            Err(CallbackError::ForbiddenXml)
        );
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
