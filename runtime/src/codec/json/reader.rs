//! [`JsonReader`]: a strict RFC 8259 pull tokenizer over a response body.
//!
//! No parse tree is built: values are read straight into the shapes that
//! expect them, strings borrowed from the body unless they hold escapes.
//! Nesting is bounded ([`MAX_DEPTH`]), so hostile input cannot exhaust the
//! stack, and nothing is allocated from what the input claims.

use std::borrow::Cow;

use super::SPECIAL_IN_STRING;
use crate::encoding::hex;
use crate::error::ParseError;

/// How deep arrays and objects may nest. AWS shapes nest far less (DynamoDB
/// items allow 32 levels); anything deeper is hostile.
pub const MAX_DEPTH: u32 = 128;

/// What the next value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    /// `null`
    Null,
    /// `true` / `false`
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// `[`
    Array,
    /// `{`
    Object,
}

impl JsonKind {
    /// "a string", "an object", ...: for error messages.
    pub fn described(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::String => "a string",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        }
    }
}

/// A pull tokenizer over one JSON text.
///
/// ```
/// use awsop_runtime::codec::json::{JsonKind, JsonReader};
/// let mut r = JsonReader::new(br#"{"a": [1, "x\u00e9"]}"#);
/// r.begin_object().unwrap();
/// let mut first = true;
/// assert_eq!(r.next_key(&mut first).unwrap().as_deref(), Some("a"));
/// r.begin_array().unwrap();
/// let mut first_item = true;
/// assert!(r.next_item(&mut first_item).unwrap());
/// assert_eq!(r.number_text().unwrap(), "1");
/// assert!(r.next_item(&mut first_item).unwrap());
/// assert_eq!(r.string().unwrap(), "xé");
/// assert!(!r.next_item(&mut first_item).unwrap());
/// assert_eq!(r.next_key(&mut first).unwrap(), None);
/// r.finish().unwrap();
/// ```
#[derive(Debug)]
pub struct JsonReader<'a> {
    /// The input's longest UTF-8 prefix (all of it when it is valid), so
    /// strings and numbers are slices of checked text.
    text: &'a str,
    /// Where the input stops being UTF-8, if it does. A JSON text is UTF-8
    /// as a whole (RFC 8259 §8.1): the reader sees only what comes before,
    /// and whatever stops it there is reported as invalid UTF-8.
    invalid_utf8_at: Option<usize>,
    pos: usize,
    depth: u32,
}

impl<'a> JsonReader<'a> {
    /// A reader at the start of `input`.
    pub fn new(input: &'a [u8]) -> Self {
        // One pass over the whole body costs less than one per string.
        let (text, invalid_utf8_at) = match std::str::from_utf8(input) {
            Ok(text) => (text, None),
            Err(e) => {
                let valid = &input[..e.valid_up_to()];
                // The prefix up to `valid_up_to` is UTF-8 by definition.
                let text = std::str::from_utf8(valid).unwrap_or_default();
                (text, Some(e.valid_up_to()))
            }
        };
        JsonReader {
            text,
            invalid_utf8_at,
            pos: 0,
            depth: 0,
        }
    }

    fn syntax(&self, what: &str) -> ParseError {
        if let Some(at) = self.invalid_utf8_at.filter(|&at| self.pos >= at) {
            return ParseError::new(format!(
                "the response body is not valid JSON: invalid UTF-8 at byte {at}"
            ));
        }
        ParseError::new(format!(
            "the response body is not valid JSON: {what} at byte {}",
            self.pos
        ))
    }

    #[inline]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.text.as_bytes().get(self.pos) {
            self.pos += 1;
        }
    }

    #[inline]
    fn peek_byte(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.text.as_bytes().get(self.pos).copied()
    }

    /// The kind of the next value.
    pub fn peek(&mut self) -> Result<JsonKind, ParseError> {
        match self.peek_byte() {
            Some(b'n') => Ok(JsonKind::Null),
            Some(b't' | b'f') => Ok(JsonKind::Bool),
            Some(b'"') => Ok(JsonKind::String),
            Some(b'[') => Ok(JsonKind::Array),
            Some(b'{') => Ok(JsonKind::Object),
            Some(b'-' | b'0'..=b'9') => Ok(JsonKind::Number),
            Some(_) => Err(self.syntax("expected a value")),
            None => Err(self.syntax("unexpected end of input")),
        }
    }

    /// A mismatch error: `expected`, found whatever is next.
    pub fn mismatch(&mut self, expected: &'static str) -> ParseError {
        match self.peek() {
            Ok(kind) => ParseError::mismatch(expected, kind.described()),
            Err(e) => e,
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), ParseError> {
        if self.text.as_bytes()[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.syntax("expected a value"))
        }
    }

    /// Consumes `null` if it is next.
    pub fn null(&mut self) -> Result<bool, ParseError> {
        if self.peek_byte() == Some(b'n') {
            self.literal(b"null")?;
            return Ok(true);
        }
        Ok(false)
    }

    /// A boolean.
    pub fn bool(&mut self) -> Result<bool, ParseError> {
        match self.peek_byte() {
            Some(b't') => self.literal(b"true").map(|()| true),
            Some(b'f') => self.literal(b"false").map(|()| false),
            _ => Err(self.mismatch("a boolean")),
        }
    }

    /// The text of a number, checked against the JSON grammar
    /// (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    pub fn number_text(&mut self) -> Result<&'a str, ParseError> {
        if self.peek()? != JsonKind::Number {
            return Err(self.mismatch("a number"));
        }
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut i = start;
        let digits = |i: &mut usize| {
            let from = *i;
            while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > from
        };
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        match bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                digits(&mut i);
            }
            _ => {
                self.pos = i;
                return Err(self.syntax("a number needs digits"));
            }
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i) {
                self.pos = i;
                return Err(self.syntax("a number needs digits after `.`"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = bytes.get(i) {
                i += 1;
            }
            if !digits(&mut i) {
                self.pos = i;
                return Err(self.syntax("a number needs digits in its exponent"));
            }
        }
        self.pos = i;
        // Only ASCII digits and signs were accepted: both ends are char
        // boundaries.
        Ok(&self.text[start..i])
    }

    /// A string, unescaped: borrowed from the input when it holds no
    /// escapes. Invalid UTF-8, raw control characters, bad escapes and lone
    /// surrogates are errors.
    pub fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        if self.peek_byte() != Some(b'"') {
            return Err(self.mismatch("a string"));
        }
        self.pos += 1;
        let text = self.text;
        let start = self.pos;
        // Filled only once an escape is met; until then the string is
        // borrowed. Runs of ordinary bytes are skipped by one table lookup
        // each, and every run starts and ends next to an ASCII byte (a
        // quote, a backslash or an escape's last character): slices of the
        // checked text, at char boundaries.
        let mut unescaped: Option<String> = None;
        let mut run = start;
        loop {
            let end = run
                + text.as_bytes()[run..]
                    .iter()
                    .position(|&b| SPECIAL_IN_STRING[usize::from(b)])
                    .unwrap_or(text.len() - run);
            self.pos = end;
            match text.as_bytes().get(end) {
                None => return Err(self.syntax("unterminated string")),
                Some(b'"') => {
                    self.pos = end + 1;
                    return Ok(match unescaped {
                        None => Cow::Borrowed(&text[start..end]),
                        Some(mut out) => {
                            out.push_str(&text[run..end]);
                            Cow::Owned(out)
                        }
                    });
                }
                Some(b'\\') => {
                    let out =
                        unescaped.get_or_insert_with(|| String::with_capacity(end - start + 16));
                    out.push_str(&text[run..end]);
                    run = self.escape(end + 1, out)?;
                }
                Some(_) => return Err(self.syntax("a control character in a string")),
            }
        }
    }

    /// Decodes the escape after a `\` at `i`; returns where the string goes on.
    fn escape(&mut self, i: usize, out: &mut String) -> Result<usize, ParseError> {
        let simple = match self.text.as_bytes().get(i) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let first = self.hex4(i + 1)?;
                let (code, next) = match first {
                    0xD800..=0xDBFF => {
                        if self.text.as_bytes().get(i + 5..i + 7) != Some(b"\\u") {
                            return Err(self.syntax("a lone surrogate in a \\u escape"));
                        }
                        let second = self.hex4(i + 7)?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.syntax("a lone surrogate in a \\u escape"));
                        }
                        (
                            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00),
                            i + 11,
                        )
                    }
                    0xDC00..=0xDFFF => return Err(self.syntax("a lone surrogate in a \\u escape")),
                    code => (code, i + 5),
                };
                let c = char::from_u32(code).ok_or_else(|| self.syntax("invalid \\u escape"))?;
                out.push(c);
                return Ok(next);
            }
            _ => return Err(self.syntax("invalid escape in a string")),
        };
        out.push(simple);
        Ok(i + 1)
    }

    fn hex4(&self, at: usize) -> Result<u32, ParseError> {
        let digits = self
            .text
            .as_bytes()
            .get(at..at + 4)
            .ok_or_else(|| self.syntax("a truncated \\u escape"))?;
        digits.iter().try_fold(0u32, |acc, &d| {
            hex::digit_value(d)
                .map(|v| acc << 4 | u32::from(v))
                .ok_or_else(|| self.syntax("invalid \\u escape"))
        })
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.syntax(&format!(
                "nesting deeper than the recursion limit of {MAX_DEPTH} levels"
            )));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// Consumes the `{` of an object.
    pub fn begin_object(&mut self) -> Result<(), ParseError> {
        if self.peek_byte() != Some(b'{') {
            return Err(self.mismatch("an object"));
        }
        self.enter()
    }

    /// The next key of the object (and its `:`), or `None` at its `}`.
    /// `first` starts `true` for each object.
    pub fn next_key(&mut self, first: &mut bool) -> Result<Option<Cow<'a, str>>, ParseError> {
        if !self.more(first, b'}')? {
            return Ok(None);
        }
        if self.peek_byte() != Some(b'"') {
            return Err(self.syntax("expected a string key"));
        }
        let key = self.string()?;
        if self.peek_byte() != Some(b':') {
            return Err(self.syntax("expected `:` after a key"));
        }
        self.pos += 1;
        Ok(Some(key))
    }

    /// Consumes the `[` of an array.
    pub fn begin_array(&mut self) -> Result<(), ParseError> {
        if self.peek_byte() != Some(b'[') {
            return Err(self.mismatch("an array"));
        }
        self.enter()
    }

    /// Whether the array has another element (consuming its `,`), or
    /// `false` at its `]`. `first` starts `true` for each array.
    pub fn next_item(&mut self, first: &mut bool) -> Result<bool, ParseError> {
        self.more(first, b']')
    }

    /// Moves past a `,` between elements, or the closing `close`.
    fn more(&mut self, first: &mut bool, close: u8) -> Result<bool, ParseError> {
        match self.peek_byte() {
            Some(b) if b == close => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !*first => {
                self.pos += 1;
                if self.peek_byte() == Some(close) {
                    return Err(self.syntax("a trailing comma"));
                }
                Ok(true)
            }
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            Some(_) => Err(self.syntax(if close == b'}' {
                "expected `,` or `}`"
            } else {
                "expected `,` or `]`"
            })),
            None => Err(self.syntax("unexpected end of input")),
        }
    }

    /// Skips one value, whatever it is (checking it as it goes).
    pub fn skip(&mut self) -> Result<(), ParseError> {
        match self.peek()? {
            JsonKind::Null => self.literal(b"null"),
            JsonKind::Bool => self.bool().map(drop),
            JsonKind::Number => self.number_text().map(drop),
            JsonKind::String => self.string().map(drop),
            JsonKind::Array => {
                self.begin_array()?;
                let mut first = true;
                while self.next_item(&mut first)? {
                    self.skip()?;
                }
                Ok(())
            }
            JsonKind::Object => {
                self.begin_object()?;
                let mut first = true;
                while self.next_key(&mut first)?.is_some() {
                    self.skip()?;
                }
                Ok(())
            }
        }
    }

    /// Checks that only whitespace follows the value.
    pub fn finish(&mut self) -> Result<(), ParseError> {
        match self.peek_byte() {
            None if self.invalid_utf8_at.is_none() => Ok(()),
            None => Err(self.syntax("trailing bytes")),
            Some(_) => Err(self.syntax("trailing characters after the value")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip_all(text: &[u8]) -> Result<(), ParseError> {
        let mut r = JsonReader::new(text);
        r.skip()?;
        r.finish()
    }

    #[test]
    fn accepts_valid_json() {
        for text in [
            &b"{}"[..],
            b" [ ] ",
            br#"{"a":[1,-2.5e+3,0,true,false,null,"\u00e9\ud83d\ude39\n"],"b":{}}"#,
            b"-0",
            b"\"\"",
        ] {
            assert!(skip_all(text).is_ok(), "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn refuses_invalid_json() {
        for text in [
            &b"{"[..],
            b"[1,]",
            b"{\"a\":1,}",
            b"[1 2]",
            b"01",
            b"1.",
            b"1e",
            b"-",
            b"tru",
            b"\"a\x01\"",
            b"\"\\x\"",
            b"\"\\ud800\"",
            b"\"\\udc00x\"",
            b"\"\xff\"",
            b"{1:2}",
            b"[] []",
            b"",
            b"[,1]",
        ] {
            assert!(skip_all(text).is_err(), "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn invalid_utf8_anywhere_is_named_where_it_starts() {
        for (text, at) in [
            (&b"\"a\xffb\""[..], 2),
            (b"{\"k\xc3\":1}", 3),
            (b"[1] \xe2\x82", 4),
            (b"{\"skipped\":[\"\xc0\xaf\"]}", 13),
        ] {
            let err = skip_all(text).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("the response body is not valid JSON: invalid UTF-8 at byte {at}"),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
        let mut r = JsonReader::new("[\"d\u{e9}j\u{e0}\", \"\u{1f600}\"]".as_bytes());
        r.begin_array().unwrap();
        let mut first = true;
        assert!(r.next_item(&mut first).unwrap());
        assert_eq!(r.string().unwrap(), "d\u{e9}j\u{e0}");
        assert!(r.next_item(&mut first).unwrap());
        assert_eq!(r.string().unwrap(), "\u{1f600}");
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(100_000);
        let err = skip_all(deep.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("deep"), "{err}");
        let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(skip_all(ok.as_bytes()).is_ok());
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let mut r = JsonReader::new(br#""plain""#);
        assert!(matches!(r.string().unwrap(), Cow::Borrowed("plain")));
        let mut r = JsonReader::new(br#""a\/b""#);
        assert!(matches!(r.string().unwrap(), Cow::Owned(s) if s == "a/b"));
    }
}
