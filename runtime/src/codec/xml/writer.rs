//! [`XmlWriter`]: XML text into one growable buffer.

/// XML being written: elements, attributes and escaped text, with no
/// knowledge of shapes (that is [`XmlShapeWriter`](super::XmlShapeWriter)).
///
/// A start tag stays open for attributes until content follows; an
/// element closed with no content is written `<name/>`.
///
/// ```
/// use awsop_runtime::codec::xml::XmlWriter;
/// let mut w = XmlWriter::default();
/// w.start("a");
/// w.attribute("k", "v&\"w\"");
/// w.start("b");
/// w.text("1 < 2");
/// w.end("b");
/// w.start("c");
/// w.end("c");
/// w.end("a");
/// assert_eq!(w.into_string(), r#"<a k="v&amp;&quot;w&quot;"><b>1 &lt; 2</b><c/></a>"#);
/// ```
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    /// Whether the last start tag still waits for its `>`.
    tag_open: bool,
}

impl XmlWriter {
    /// An empty writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        XmlWriter {
            out: String::with_capacity(capacity),
            tag_open: false,
        }
    }

    fn close_tag(&mut self) {
        if self.tag_open {
            self.out.push('>');
            self.tag_open = false;
        }
    }

    /// `<name`: attributes may follow until content does.
    pub fn start(&mut self, name: &str) {
        self.close_tag();
        self.out.push('<');
        self.out.push_str(name);
        self.tag_open = true;
    }

    /// An attribute of the element just started (ignored once it has
    /// content: callers write attributes first).
    pub fn attribute(&mut self, name: &str, value: &str) {
        if !self.tag_open {
            return;
        }
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(&mut self.out, value, true);
        self.out.push('"');
    }

    /// Escaped character data.
    pub fn text(&mut self, text: &str) {
        self.close_tag();
        escape_into(&mut self.out, text, false);
    }

    /// `</name>`, or `/>` when the element has no content.
    pub fn end(&mut self, name: &str) {
        if self.tag_open {
            self.out.push_str("/>");
            self.tag_open = false;
            return;
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// The XML text.
    pub fn into_string(mut self) -> String {
        self.close_tag();
        self.out
    }
}

/// Escapes `&` and `<` (and `>`, and in attributes quotes and line breaks,
/// which attribute-value normalization would otherwise turn into spaces).
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let escaped = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' if attribute => "&quot;",
            '\n' if attribute => "&#10;",
            '\r' => "&#13;",
            '\t' if attribute => "&#9;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(escaped);
        start = i + c.len_utf8();
    }
    out.push_str(&text[start..]);
}
