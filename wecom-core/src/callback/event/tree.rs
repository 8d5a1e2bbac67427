//! A tiny element tree for the decrypted callback XML, and typed accessors.
//!
//! WeCom's callback documents are shallow (`<xml>` → fields → at most three
//! more levels for `ExtAttr`), mix CDATA and plain text, repeat siblings
//! (`AccountList`) or wrap lists (`MemChangeList/Item`), and sometimes carry a
//! list both ways (`MemChangeList` was comma separated before 4.8.0). A small
//! tree built with the quick-xml reader handles all of that uniformly and never
//! fails on an element it does not know.

use std::borrow::Cow;

use quick_xml::events::Event as XmlEvent;

use super::EventError;

/// Elements nested deeper than this are skipped (their text is dropped). WeCom
/// never nests more than five levels; the limit keeps pathological input from
/// building a deep tree.
const MAX_DEPTH: usize = 32;

/// One element: its name, its text (CDATA and plain text concatenated, entity
/// references resolved) and its child elements, in document order.
///
/// Names and texts borrow from the document: a text is copied only when it
/// comes in several pieces (text around CDATA, an entity reference), so a
/// typical callback builds its tree without copying its values.
#[derive(Debug, Default)]
pub struct Node<'a> {
    name: Cow<'a, str>,
    text: Cow<'a, str>,
    children: Vec<Node<'a>>,
}

/// `bytes` as the same stretch of `xml`, when they are a slice of it (the
/// reader hands out slices of its input): no copy, no second UTF-8 check.
fn within<'a>(xml: &'a str, bytes: &[u8]) -> Option<&'a str> {
    let start = (bytes.as_ptr() as usize).checked_sub(xml.as_ptr() as usize)?;
    xml.get(start..start.checked_add(bytes.len())?)
        .filter(|s| s.as_ptr() == bytes.as_ptr())
}

/// `bytes` as text: borrowed from `xml` when possible, else decoded.
fn text_of<'a>(xml: &'a str, bytes: Cow<'a, [u8]>) -> Result<Cow<'a, str>, EventError> {
    if let Some(text) = within(xml, &bytes) {
        return Ok(Cow::Borrowed(text));
    }
    String::from_utf8(bytes.into_owned())
        .map(Cow::Owned)
        .map_err(|_| EventError::Malformed("undecodable text".into()))
}

/// Parses `xml` into the tree under its root element, which must be `<xml>`.
///
/// # Errors
/// [`EventError::Malformed`] when the input is not a well-formed document
/// with an `<xml>` root.
pub fn parse(xml: &str) -> Result<Node<'_>, EventError> {
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    let mut reader = quick_xml::Reader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = true;

    // Open elements; `stack[0]` is the root once it has been seen.
    let mut stack: Vec<Node<'_>> = Vec::new();
    // Open elements below MAX_DEPTH that are not kept.
    let mut skipped = 0usize;
    let mut root: Option<Node<'_>> = None;

    loop {
        let event = reader
            .read_event()
            .map_err(|e| EventError::Malformed(format!("not well-formed XML: {e}")))?;
        match event {
            XmlEvent::Start(start) => {
                if root.is_some() {
                    return Err(EventError::Malformed("content after the root element".into()));
                }
                if skipped > 0 || stack.len() >= MAX_DEPTH {
                    skipped += 1;
                    continue;
                }
                let raw_name = start.name();
                let name = match within(xml, raw_name.as_ref()) {
                    Some(name) => Cow::Borrowed(name),
                    None => Cow::Owned(String::from_utf8_lossy(raw_name.as_ref()).into_owned()),
                };
                if stack.is_empty() && !name.eq_ignore_ascii_case("xml") {
                    return Err(EventError::Malformed(format!(
                        "the root element is <{name}>, not <xml>"
                    )));
                }
                stack.push(Node {
                    name,
                    ..Node::default()
                });
            }
            XmlEvent::End(_) => {
                if skipped > 0 {
                    skipped -= 1;
                    continue;
                }
                // quick-xml checks that the name matches the open element.
                let Some(node) = stack.pop() else {
                    return Err(EventError::Malformed("unexpected closing tag".into()));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            XmlEvent::Text(text) => {
                push_text(&mut stack, skipped, text_of(xml, text.into_inner())?)?;
            }
            XmlEvent::CData(cdata) => {
                push_text(&mut stack, skipped, text_of(xml, cdata.into_inner())?)?;
            }
            XmlEvent::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(ch)) => ch.to_string(),
                    Ok(None) => {
                        let name = reference
                            .decode()
                            .map_err(|e| EventError::Malformed(format!("undecodable reference: {e}")))?;
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(value) => value.to_owned(),
                            None => {
                                return Err(EventError::Malformed(format!("unknown entity &{name};")));
                            }
                        }
                    }
                    Err(e) => return Err(EventError::Malformed(format!("bad character reference: {e}"))),
                };
                push_text(&mut stack, skipped, Cow::Owned(resolved))?;
            }
            XmlEvent::Empty(_)
            | XmlEvent::Comment(_)
            | XmlEvent::Decl(_)
            | XmlEvent::PI(_)
            | XmlEvent::DocType(_) => {}
            XmlEvent::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(EventError::Malformed(
            "the document ends inside an element".into(),
        ));
    }
    root.ok_or_else(|| EventError::Malformed("no root element".into()))
}

/// Appends text to the innermost open element; text outside the root must be
/// whitespace.
fn push_text<'a>(stack: &mut [Node<'a>], skipped: usize, text: Cow<'a, str>) -> Result<(), EventError> {
    if skipped > 0 {
        return Ok(());
    }
    match stack.last_mut() {
        Some(node) if node.text.is_empty() => node.text = text,
        Some(node) => node.text.to_mut().push_str(&text),
        None if text.trim().is_empty() => {}
        None => return Err(EventError::Malformed("text outside the root element".into())),
    }
    Ok(())
}

/// The value of an element: its text without surrounding whitespace.
///
/// WeCom's documentation shows some values as `![CDATA[x]]` without the
/// leading `<` (`ChainId`, share_agent_change's `CorpId`); that wrapper is
/// removed too.
pub fn clean(text: &str) -> &str {
    let text = text.trim();
    match text.strip_prefix("![CDATA[").and_then(|t| t.strip_suffix("]]")) {
        Some(inner) => inner.trim(),
        None => text,
    }
}

impl<'a> Node<'a> {
    /// The element's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The element's text (CDATA and plain text together), as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The child elements, in document order.
    pub fn children(&self) -> &[Node<'a>] {
        &self.children
    }

    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Node<'a>> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child named `name`.
    pub fn children_named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Node<'a>> + 's {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The cleaned value of this element.
    pub fn value(&self) -> &str {
        clean(&self.text)
    }

    /// The cleaned value of the first child named any of `names` (tried in
    /// order), present even when empty.
    pub fn raw(&self, names: &[&'static str]) -> Option<&str> {
        names.iter().find_map(|n| self.child(n)).map(Node::value)
    }

    /// An optional string: `None` when absent or empty.
    pub fn opt_str(&self, names: &[&'static str]) -> Option<String> {
        self.raw(names).filter(|v| !v.is_empty()).map(str::to_owned)
    }

    /// A required string (may be empty).
    pub fn req_str(&self, names: &[&'static str]) -> Result<String, EventError> {
        self.raw(names)
            .map(str::to_owned)
            .ok_or(EventError::MissingField(names[0]))
    }

    /// A required, non-empty string.
    pub fn req_nonempty(&self, names: &[&'static str]) -> Result<String, EventError> {
        self.opt_str(names).ok_or(EventError::MissingField(names[0]))
    }

    /// An optional integer: `None` when absent or empty, an error when present
    /// but not an integer.
    pub fn opt_i64(&self, names: &[&'static str]) -> Result<Option<i64>, EventError> {
        match self.raw(names) {
            None | Some("") => Ok(None),
            Some(v) => parse_i64(names[0], v).map(Some),
        }
    }

    /// A required integer.
    pub fn req_i64(&self, names: &[&'static str]) -> Result<i64, EventError> {
        self.opt_i64(names)?.ok_or(EventError::MissingField(names[0]))
    }

    /// A list of strings, from comma-separated values, repeated elements or
    /// both (every element named `names[..]` contributes). Empty items are
    /// dropped.
    pub fn str_list(&self, names: &[&'static str]) -> Vec<String> {
        let mut out = Vec::new();
        for name in names {
            for node in self.children_named(name) {
                out.extend(split_list(node.value()));
            }
        }
        out
    }

    /// A list of integers, like [`Node::str_list`].
    pub fn i64_list(&self, names: &[&'static str]) -> Result<Vec<i64>, EventError> {
        self.str_list(names)
            .iter()
            .map(|v| parse_i64(names[0], v))
            .collect()
    }

    /// The items of a wrapped list such as `<MemChangeList><Item>a</Item>…`,
    /// also accepting the older comma-separated text form of the wrapper.
    pub fn item_list(&self, wrapper: &'static str, item: &'static str) -> Vec<String> {
        let mut out = Vec::new();
        for node in self.children_named(wrapper) {
            out.extend(split_list(node.value()));
            for child in node.children_named(item) {
                out.extend(split_list(child.value()));
            }
        }
        out
    }
}

/// Splits a comma-separated value, trimming items and dropping empty ones.
pub fn split_list(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(',')
        .map(clean)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// Parses an integer field value.
pub fn parse_i64(field: &'static str, value: &str) -> Result<i64, EventError> {
    value.trim().parse().map_err(|_| invalid(field, value))
}

/// An [`EventError::InvalidField`] keeping at most 64 characters of `value`.
pub fn invalid(field: &'static str, value: &str) -> EventError {
    EventError::InvalidField {
        field,
        value: value.chars().take(64).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdata_plain_text_entities_and_whitespace() {
        let root = parse(
            "<?xml version=\"1.0\"?>\n<xml>\n <A> <![CDATA[ x y ]]> </A><B>1&amp;2&#65;</B><C/>\
             <D>![CDATA[ww1]]</D><!-- c --></xml>\n",
        )
        .unwrap();
        assert_eq!(root.name, "xml");
        assert_eq!(root.raw(&["A"]), Some("x y"));
        assert_eq!(root.raw(&["B"]), Some("1&2A"));
        assert_eq!(root.raw(&["C"]), Some(""));
        assert_eq!(root.opt_str(&["C"]), None);
        assert_eq!(root.opt_str(&["D"]).as_deref(), Some("ww1"));
        assert_eq!(root.opt_str(&["Missing"]), None);
    }

    #[test]
    fn lists_in_every_form() {
        let root = parse(
            "<xml><L><![CDATA[a, b,,c]]></L><L>d</L><W><Item>x</Item><Item><![CDATA[y]]></Item></W>\
             <V><![CDATA[p,q]]></V><N>1,2</N></xml>",
        )
        .unwrap();
        assert_eq!(root.str_list(&["L"]), ["a", "b", "c", "d"]);
        assert_eq!(root.item_list("W", "Item"), ["x", "y"]);
        assert_eq!(root.item_list("V", "Item"), ["p", "q"]);
        assert_eq!(root.i64_list(&["N"]).unwrap(), [1, 2]);
        assert!(root.i64_list(&["L"]).is_err());
    }

    #[test]
    fn integers() {
        let root = parse("<xml><A> 42 </A><B></B><C>x</C></xml>").unwrap();
        assert_eq!(root.req_i64(&["A"]).unwrap(), 42);
        assert_eq!(root.opt_i64(&["B"]).unwrap(), None);
        assert_eq!(root.req_i64(&["B"]), Err(EventError::MissingField("B")));
        assert!(matches!(
            root.opt_i64(&["C"]),
            Err(EventError::InvalidField { field: "C", .. })
        ));
    }

    #[test]
    fn malformed_documents() {
        for bad in [
            "",
            "   ",
            "hello",
            "{\"a\":1}",
            "<root><A>1</A></root>",
            "<xml><A>1</B></xml>",
            "<xml><A>1</A>",
            "<xml></xml><xml></xml>",
            "<xml></xml>trailing",
            "<xml><A>&bogus;</A></xml>",
            "<xml><A><![CDATA[unterminated</A></xml>",
        ] {
            assert!(matches!(parse(bad), Err(EventError::Malformed(_))), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_skipped_not_kept() {
        let depth = 10_000;
        let xml = format!(
            "<xml>{}{}<A>1</A></xml>",
            "<d>".repeat(depth),
            "</d>".repeat(depth)
        );
        let root = parse(&xml).unwrap();
        assert_eq!(root.raw(&["A"]), Some("1"));
        let mut levels = 0;
        let mut node = &root;
        while let Some(child) = node.child("d") {
            levels += 1;
            node = child;
        }
        assert!(levels < MAX_DEPTH);
    }
}
