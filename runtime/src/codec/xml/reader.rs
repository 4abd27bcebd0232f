//! [`XmlReader`]: a pull tokenizer for the XML AWS services send.
//!
//! Elements (namespace prefixes dropped from names), attributes, text with
//! the five predefined entities and character references resolved, CDATA
//! sections; the XML declaration, comments and processing instructions are
//! skipped. A `DOCTYPE`, and with it every entity declaration, is refused:
//! nothing is ever expanded beyond the predefined entities, so entity bombs
//! and external entities cannot happen. Nesting is bounded
//! ([`MAX_DEPTH`]), end tags must match, and nothing is allocated from what
//! the input claims.

use std::borrow::Cow;

use crate::error::ParseError;

/// How deep elements may nest. AWS responses nest a few dozen levels at
/// most; anything deeper is hostile.
pub const MAX_DEPTH: usize = 256;

/// One step through the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlEvent<'a> {
    /// A start tag (`<name ...>`, or `<name .../>`, which is followed by
    /// its [`End`](XmlEvent::End) at once).
    Start {
        /// The local name (without a namespace prefix).
        name: &'a str,
        /// The attributes, names without prefixes, values unescaped.
        /// Namespace declarations (`xmlns`, `xmlns:p`) are left out.
        attributes: Vec<(&'a str, Cow<'a, str>)>,
    },
    /// An end tag.
    End,
    /// Character data: text between tags (unescaped) or a CDATA section.
    Text(Cow<'a, str>),
    /// The end of the document.
    Eof,
}

/// A pull tokenizer over one XML document.
///
/// ```
/// use awsop_runtime::codec::xml::{XmlEvent, XmlReader};
/// let mut r = XmlReader::new(br#"<?xml version="1.0"?><a b="1">x &amp; y<c/></a>"#).unwrap();
/// assert!(matches!(r.next().unwrap(), XmlEvent::Start { name: "a", .. }));
/// assert_eq!(r.next().unwrap(), XmlEvent::Text("x & y".into()));
/// assert!(matches!(r.next().unwrap(), XmlEvent::Start { name: "c", .. }));
/// assert_eq!(r.next().unwrap(), XmlEvent::End);
/// assert_eq!(r.next().unwrap(), XmlEvent::End);
/// assert_eq!(r.next().unwrap(), XmlEvent::Eof);
/// ```
#[derive(Debug)]
pub struct XmlReader<'a> {
    text: &'a str,
    pos: usize,
    /// The open elements' qualified names, to check end tags.
    open: Vec<&'a str>,
    /// A self-closing element's end, still to report.
    pending_end: bool,
    /// Whether the root element has been closed.
    done: bool,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':') || (c as u32) > 0x7f
}

/// Whether `name` is a qualified name (Namespaces in XML: `local` or
/// `prefix:local`, each part starting with a letter or `_`). Anything else
/// (`a:`, `:a`, `a:b:c`, `1a`) would lose its meaning, or become empty,
/// once the prefix is dropped.
fn is_qualified_name(name: &str) -> bool {
    let part = |p: &str| {
        p.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || (c as u32) > 0x7f)
    };
    let mut parts = name.split(':');
    let first = parts.next().is_some_and(part);
    match (parts.next(), parts.next()) {
        (None, _) => first,
        (Some(local), None) => first && part(local),
        (Some(_), Some(_)) => false,
    }
}

/// Attributes past this many on one element are checked for duplicates
/// with a set rather than by comparing each with those before it, so a
/// start tag with a million attributes costs linear time.
const FEW_ATTRIBUTES: usize = 16;

fn local(qualified: &str) -> &str {
    // Names are short: a byte loop beats a searcher's setup.
    match qualified.bytes().rposition(|b| b == b':') {
        Some(colon) => &qualified[colon + 1..],
        None => qualified,
    }
}

/// Where the text at the start of `bytes` ends (at the next `<`, or the
/// end), and whether it holds a `&` to unescape: eight bytes at a time,
/// as keys, entity tags and messages run to dozens of bytes.
fn text_end(bytes: &[u8]) -> (usize, bool) {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // The high bit of every byte of `word` equal to `byte` (and perhaps of
    // bytes after the first such one, which the lowest set bit ignores).
    let equal = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let mut escaped = false;
    let mut at = 0;
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let mut buf = [0; 8];
        buf.copy_from_slice(chunk);
        let word = u64::from_le_bytes(buf);
        let (lt, amp) = (equal(word, b'<'), equal(word, b'&'));
        if lt != 0 {
            // Only a `&` below the first `<` is in the text (flags there
            // are exact: false ones only sit above a true match).
            let below = (lt & lt.wrapping_neg()) - 1;
            let end = at + lt.trailing_zeros() as usize / 8;
            return (end, escaped || amp & below != 0);
        }
        escaped |= amp != 0;
        at += 8;
    }
    for &b in words.remainder() {
        match b {
            b'<' => return (at, escaped),
            b'&' => escaped = true,
            _ => {}
        }
        at += 1;
    }
    (at, escaped)
}

/// What each byte is to [`plain_ascii_name`]: the common kind of name is
/// ASCII letters, digits, `_`, `-` and `.`, and is ended by any other
/// ASCII byte; a `:` or a non-ASCII byte needs the general path.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NameByte {
    Ends,
    Continues,
    General,
}

const NAME_BYTES: [NameByte; 256] = {
    let mut table = [NameByte::Ends; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.') {
            NameByte::Continues
        } else if c == b':' || c >= 0x80 {
            NameByte::General
        } else {
            NameByte::Ends
        };
        b += 1;
    }
    table
};

/// The length of the name at the start of `rest` when it is the common
/// kind, which needs no further check: ASCII name characters (as
/// [`is_name_char`] accepts them) without a colon, starting with a letter or
/// `_`, ended by an ASCII byte. `None` otherwise: the general path decides.
fn plain_ascii_name(rest: &[u8]) -> Option<usize> {
    if !rest
        .first()
        .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_')
    {
        return None;
    }
    for (i, &b) in rest.iter().enumerate() {
        match NAME_BYTES[usize::from(b)] {
            NameByte::Continues => {}
            NameByte::General => return None,
            NameByte::Ends => return Some(i),
        }
    }
    None
}

impl<'a> XmlReader<'a> {
    /// A reader at the start of `body`, which must be UTF-8.
    pub fn new(body: &'a [u8]) -> Result<Self, ParseError> {
        let text = std::str::from_utf8(body).map_err(|e| {
            ParseError::new(format!(
                "the response body is not valid XML: invalid UTF-8 at byte {}",
                e.valid_up_to()
            ))
        })?;
        // A byte-order mark may start the document.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Ok(XmlReader {
            text,
            pos: 0,
            open: Vec::new(),
            pending_end: false,
            done: false,
        })
    }

    fn syntax(&self, what: &str) -> ParseError {
        ParseError::new(format!(
            "the response body is not valid XML: {what} at byte {}",
            self.pos
        ))
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// Moves past `marker`, returning what came before it.
    fn until(&mut self, marker: &str, what: &str) -> Result<&'a str, ParseError> {
        let rest = self.rest();
        match rest.find(marker) {
            Some(i) => {
                self.pos += i + marker.len();
                Ok(&rest[..i])
            }
            None => Err(self.syntax(&format!("an unterminated {what}"))),
        }
    }

    /// Moves past whitespace; whether there was any.
    fn skip_whitespace(&mut self) -> bool {
        // Most tags have none: one byte says so.
        if !matches!(
            self.text.as_bytes().get(self.pos),
            Some(b' ' | b'\t' | b'\r' | b'\n')
        ) {
            return false;
        }
        let rest = self.rest();
        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        self.pos += rest.len() - trimmed.len();
        trimmed.len() < rest.len()
    }

    fn name(&mut self) -> Result<&'a str, ParseError> {
        let rest = self.rest();
        // The common case: an ASCII name, ended within the document.
        if let Some(end) = plain_ascii_name(rest.as_bytes()) {
            self.pos += end;
            return Ok(&rest[..end]);
        }
        let end = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
        if end == 0 {
            return Err(self.syntax("expected a name"));
        }
        let name = &rest[..end];
        if !is_qualified_name(name) {
            return Err(self.syntax(&format!("`{}` is not a valid name", name.escape_debug())));
        }
        self.pos += end;
        Ok(name)
    }

    /// The next event.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<XmlEvent<'a>, ParseError> {
        if self.pending_end {
            self.pending_end = false;
            self.close()?;
            return Ok(XmlEvent::End);
        }
        loop {
            if self.pos >= self.text.len() {
                if !self.open.is_empty() {
                    return Err(self.syntax("the document ends inside an element"));
                }
                if !self.done {
                    return Err(self.syntax("the document has no root element"));
                }
                return Ok(XmlEvent::Eof);
            }
            let rest = self.rest();
            if !rest.starts_with('<') {
                let (end, escaped) = text_end(rest.as_bytes());
                let raw = &rest[..end];
                if self.open.is_empty() {
                    // Outside the root only whitespace may stand.
                    if !raw.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
                        return Err(self.syntax("text outside the root element"));
                    }
                    self.pos += end;
                    continue;
                }
                let text = if escaped {
                    self.unescape(raw)?
                } else {
                    Cow::Borrowed(raw)
                };
                self.pos += end;
                return Ok(XmlEvent::Text(text));
            }
            // What follows `<` says which kind of markup this is.
            match rest.as_bytes().get(1) {
                Some(b'/') => return self.end_tag(),
                Some(b'?') => {
                    self.pos += 2;
                    self.until("?>", "processing instruction")?;
                    continue;
                }
                Some(b'!') => {
                    if rest.starts_with("<!--") {
                        self.pos += 4;
                        self.until("-->", "comment")?;
                        continue;
                    }
                    if rest.starts_with("<![CDATA[") {
                        if self.open.is_empty() {
                            return Err(self.syntax("CDATA outside the root element"));
                        }
                        self.pos += 9;
                        let data = self.until("]]>", "CDATA section")?;
                        return Ok(XmlEvent::Text(Cow::Borrowed(data)));
                    }
                    // `<!DOCTYPE`, and with it `<!ENTITY`: never expanded,
                    // so never accepted.
                    return Err(self.syntax("a DOCTYPE or entity declaration is refused"));
                }
                _ => {}
            }
            return self.start_tag();
        }
    }

    fn end_tag(&mut self) -> Result<XmlEvent<'a>, ParseError> {
        self.pos += 2;
        // The common case, `</name>` closing the open element: one
        // comparison instead of a scan of the name.
        if let Some(open) = self.open.last() {
            let rest = self.rest().as_bytes();
            if rest.starts_with(open.as_bytes()) && rest.get(open.len()) == Some(&b'>') {
                self.pos += open.len() + 1;
                self.close()?;
                return Ok(XmlEvent::End);
            }
        }
        let name = self.name()?;
        self.skip_whitespace();
        if !self.rest().starts_with('>') {
            return Err(self.syntax("expected `>` to end an end tag"));
        }
        self.pos += 1;
        match self.open.last() {
            Some(open) if *open == name => {}
            Some(_) => return Err(self.syntax(&format!("a mismatched end tag `</{name}>`"))),
            None => return Err(self.syntax("an end tag with no element open")),
        }
        self.close()?;
        Ok(XmlEvent::End)
    }

    fn close(&mut self) -> Result<(), ParseError> {
        self.open.pop();
        if self.open.is_empty() {
            self.done = true;
        }
        Ok(())
    }

    fn start_tag(&mut self) -> Result<XmlEvent<'a>, ParseError> {
        if self.done {
            return Err(self.syntax("a second root element"));
        }
        self.pos += 1;
        let qualified = self.name()?;
        let mut attributes = Vec::new();
        // Every attribute name seen (namespace declarations included), to
        // refuse duplicates: a name given twice has no one meaning.
        let mut names = AttributeNames::default();
        loop {
            let spaced = self.skip_whitespace();
            let rest = self.rest();
            if rest.starts_with("/>") {
                self.pos += 2;
                self.pending_end = true;
                break;
            }
            if rest.starts_with('>') {
                self.pos += 1;
                break;
            }
            if rest.is_empty() {
                return Err(self.syntax("an unterminated start tag"));
            }
            if !spaced {
                return Err(self.syntax("expected whitespace before an attribute"));
            }
            let attribute = self.name()?;
            // Members are matched by local name, so `p:k` and `q:k` are
            // the same attribute to a reader; `xmlns:p` twice is the same
            // declaration.
            let key = if attribute == "xmlns" || attribute.starts_with("xmlns:") {
                attribute
            } else {
                local(attribute)
            };
            if !names.insert(key) {
                return Err(self.syntax(&format!(
                    "a duplicate attribute `{}`",
                    attribute.escape_debug()
                )));
            }
            self.skip_whitespace();
            if !self.rest().starts_with('=') {
                return Err(self.syntax("expected `=` after an attribute name"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let quote = match self.rest().chars().next() {
                Some(q @ ('"' | '\'')) => q,
                _ => return Err(self.syntax("expected a quoted attribute value")),
            };
            self.pos += 1;
            let rest = self.rest();
            let end = rest
                .find(quote)
                .ok_or_else(|| self.syntax("an unterminated attribute value"))?;
            let raw = &rest[..end];
            if raw.contains('<') {
                return Err(self.syntax("`<` in an attribute value"));
            }
            let value = self.unescape(raw)?;
            self.pos += end + 1;
            if attribute != "xmlns" && !attribute.starts_with("xmlns:") {
                attributes.push((local(attribute), value));
            }
        }
        if self.open.len() >= MAX_DEPTH {
            return Err(self.syntax(&format!(
                "elements nested deeper than the limit of {MAX_DEPTH}"
            )));
        }
        self.open.push(qualified);
        Ok(XmlEvent::Start {
            name: local(qualified),
            attributes,
        })
    }

    /// Resolves the predefined entities and character references.
    fn unescape(&self, raw: &'a str) -> Result<Cow<'a, str>, ParseError> {
        if !raw.bytes().any(|b| b == b'&') {
            return Ok(Cow::Borrowed(raw));
        }
        let mut out = String::with_capacity(raw.len());
        // Entities are short and text is short: byte loops, not searchers.
        // Every slice below starts or ends next to an ASCII `&` or `;`, so
        // at a char boundary.
        let bytes = raw.as_bytes();
        let mut copied = 0;
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at] != b'&' {
                at += 1;
                continue;
            }
            out.push_str(&raw[copied..at]);
            let semi = bytes[at + 1..]
                .iter()
                .take(11)
                .position(|&b| b == b';')
                .ok_or_else(|| self.syntax("an unterminated entity reference"))?;
            let entity = &raw[at + 1..at + 1 + semi];
            let c = match entity {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => char_ref(entity).ok_or_else(|| {
                    self.syntax(&format!(
                        "the entity `&{}`; only the predefined entities and character references are accepted",
                        entity.escape_debug()
                    ))
                })?,
            };
            out.push(c);
            at += 1 + semi + 1;
            copied = at;
        }
        out.push_str(&raw[copied..]);
        Ok(Cow::Owned(out))
    }
}

/// The attribute names of one start tag.
#[derive(Default)]
struct AttributeNames<'a> {
    few: Vec<&'a str>,
    /// Made only past [`FEW_ATTRIBUTES`]: most tags have none, and a new
    /// set reads the thread's hash keys.
    many: Option<std::collections::HashSet<&'a str>>,
}

impl<'a> AttributeNames<'a> {
    /// Adds `name`; `false` when it was there already.
    fn insert(&mut self, name: &'a str) -> bool {
        if self.few.contains(&name) {
            return false;
        }
        if self.few.len() < FEW_ATTRIBUTES {
            self.few.push(name);
            return true;
        }
        self.many.get_or_insert_with(Default::default).insert(name)
    }
}

/// `#65` / `#x41` → `A`, for characters XML allows.
fn char_ref(entity: &str) -> Option<char> {
    let digits = entity.strip_prefix('#')?;
    // `CharRef ::= '&#' [0-9]+ ';' | '&#x' [0-9a-fA-F]+ ';'`: the integer
    // parsers would also take a sign, and `X` is not `x`.
    let (digits, radix) = match digits.strip_prefix('x') {
        Some(hex) => (hex, 16),
        None => (digits, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let code = u32::from_str_radix(digits, radix).ok()?;
    // Surrogates and values past U+10FFFF are no characters at all.
    let c = char::from_u32(code)?;
    // XML 1.0's Char production: no NUL and no other C0 control but tab,
    // newline and carriage return, and neither U+FFFE nor U+FFFF.
    let allowed =
        matches!(c, '\t' | '\n' | '\r') || (code >= 0x20 && !matches!(code, 0xfffe | 0xffff));
    allowed.then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Result<Vec<String>, ParseError> {
        let mut r = XmlReader::new(text.as_bytes())?;
        let mut out = Vec::new();
        loop {
            match r.next()? {
                XmlEvent::Eof => return Ok(out),
                XmlEvent::Start { name, attributes } => out.push(format!(
                    "<{name}{}>",
                    attributes
                        .iter()
                        .map(|(k, v)| format!(" {k}={v}"))
                        .collect::<String>()
                )),
                XmlEvent::End => out.push("</>".into()),
                XmlEvent::Text(t) => out.push(format!("{t:?}")),
            }
        }
    }

    #[test]
    fn names_read_alike_on_the_plain_ascii_and_the_general_path() {
        let name_of = |text: &str| {
            let mut r = XmlReader::new(text.as_bytes()).unwrap();
            r.name().map(str::to_owned).map_err(|e| e.to_string())
        };
        // Ended by ASCII: the fast path; by a non-ASCII name char, a colon
        // or the end of the text: the general one. Same answers.
        for (text, name) in [
            ("Key>", "Key"),
            ("_a.b-c9 ", "_a.b-c9"),
            ("p:Key>", "p:Key"),
            ("Keyé>", "Keyé"),
            ("éKey/", "éKey"),
            ("Key", "Key"),
        ] {
            assert_eq!(name_of(text).as_deref(), Ok(name), "{text:?}");
        }
        for bad in ["1a>", "-a>", "a:>", ":a>", "a:b:c>", ">"] {
            assert!(name_of(bad).is_err(), "{bad:?}");
        }
        assert_eq!(local("p:Key"), "Key");
        assert_eq!(local("Key"), "Key");
    }

    #[test]
    fn text_ends_at_the_first_lt_and_knows_of_ampersands_before_it() {
        let plain = |t: &str| {
            let end = t.find('<').unwrap_or(t.len());
            (end, t[..end].contains('&'))
        };
        for text in [
            "",
            "<",
            "abc",
            "abcdefg<",
            "abcdefgh<",
            "abcdefghi<x",
            "&quot;0123456789abcdef&quot;</ETag>",
            "0123456<&",
            "01234567<&",
            "0123456789abcde&<",
            "0123<567&9",
            // A byte one above the one sought, just past a match, is
            // where a false flag would be.
            "01<=&'67",
            "0&'<4567",
            "logs/2026/12/02/part-000123.json.gz",
            "\u{e9}t\u{e9} &amp; <b>",
        ] {
            assert_eq!(text_end(text.as_bytes()), plain(text), "{text:?}");
        }
    }

    #[test]
    fn reads_elements_text_and_attributes() {
        let got = events(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- hi -->\
             <p:a xmlns:p=\"urn:x\" p:k='v &lt;1&gt;'><b>&#65;&#x42;&quot;</b><![CDATA[<raw>&amp;]]><c/></p:a>\n",
        )
        .unwrap();
        assert_eq!(
            got,
            [
                "<a k=v <1>>",
                "<b>",
                "\"AB\\\"\"",
                "</>",
                "\"<raw>&amp;\"",
                "<c>",
                "</>",
                "</>"
            ]
        );
    }

    #[test]
    fn refuses_what_it_must() {
        for text in [
            "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
            "<a>&e;</a>",
            "<a>&#0;</a>",
            "<a><b></a></b>",
            "<a>",
            "</a>",
            "<a></a><b></b>",
            "text<a/>",
            "<a b=c/>",
            "<a b=\"<\"/>",
            "<a>&amp</a>",
            "",
            "<a><![CDATA[x</a>",
            "<a k=\"1\" k=\"2\"/>",
            "<a p:k=\"1\" q:k=\"2\"/>",
            "<a xmlns:p=\"u\" xmlns:p=\"v\"/>",
            "<a k=\"1\"j=\"2\"/>",
            "<a:/>",
            "<:a/>",
            "<a:b:c/>",
            "<1a/>",
            "<a>&#+65;</a>",
            "<a>&#X41;</a>",
            "<a>&#xFFFE;</a>",
            "<a>&#xD800;</a>",
            "<a>&#x110000;</a>",
        ] {
            assert!(events(text).is_err(), "{text}");
        }
        assert!(XmlReader::new(b"<a>\xff</a>").is_err());
    }

    #[test]
    fn many_attributes_are_checked_for_duplicates_in_linear_time() {
        let unique: String = (0..100_000).map(|i| format!(" a{i}=\"\"")).collect();
        let ok = format!("<a{unique}/>");
        let got = events(&ok).unwrap();
        assert_eq!(got.len(), 2);
        let dup = format!("<a{unique} a99999=\"\"/>");
        let err = events(&dup).unwrap_err();
        assert!(
            err.to_string().contains("duplicate attribute `a99999`"),
            "{err}"
        );
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        let err = events(&deep).unwrap_err();
        assert!(err.to_string().contains("deeper"), "{err}");
        let ok = format!("{}{}", "<a>".repeat(200), "</a>".repeat(200));
        assert!(events(&ok).is_ok());
    }
}
