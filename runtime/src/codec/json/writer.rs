//! [`JsonWriter`]: JSON text into one growable buffer.

use super::SPECIAL_IN_STRING;
use crate::encoding::hex;

/// JSON text being written into one growable buffer: the tokens, with no
/// knowledge of shapes (that is [`JsonShapeWriter`](super::JsonShapeWriter)).
///
/// Compact output (`{"a":"b"}`): every AWS JSON service accepts it, and it
/// is what gets signed and sent.
///
/// ```
/// use awsop_runtime::codec::json::JsonWriter;
/// let mut w = JsonWriter::with_capacity(32);
/// let mut first = true;
/// w.begin_object();
/// w.key(&mut first, "name");
/// w.string("a \"quoted\" word\u{8}");
/// w.end_object();
/// assert_eq!(w.into_bytes(), br#"{"name":"a \"quoted\" word\b"}"#.to_vec());
/// ```
#[derive(Debug, Default)]
pub struct JsonWriter {
    buf: Vec<u8>,
}

impl JsonWriter {
    /// An empty writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        JsonWriter {
            buf: Vec::with_capacity(capacity),
        }
    }

    /// `{`
    pub fn begin_object(&mut self) {
        self.buf.push(b'{');
    }

    /// `}`
    pub fn end_object(&mut self) {
        self.buf.push(b'}');
    }

    /// `[`
    pub fn begin_array(&mut self) {
        self.buf.push(b'[');
    }

    /// `]`
    pub fn end_array(&mut self) {
        self.buf.push(b']');
    }

    /// A `,` unless this is the first element (`first` is then cleared).
    pub fn separator(&mut self, first: &mut bool) {
        if !*first {
            self.buf.push(b',');
        }
        *first = false;
    }

    /// An object key and its `:`, after a separator.
    pub fn key(&mut self, first: &mut bool, key: &str) {
        self.separator(first);
        self.string(key);
        self.buf.push(b':');
    }

    /// A string, escaped as RFC 8259 requires: `"` and `\`, and control
    /// characters (the short forms `\b \f \n \r \t`, else `\u00XX`).
    /// Everything else, non-ASCII included, is written as is.
    pub fn string(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.buf.reserve(bytes.len() + 2);
        self.buf.push(b'"');
        // Runs without anything to escape are copied whole.
        let mut start = 0;
        while let Some(offset) = bytes[start..]
            .iter()
            .position(|&b| SPECIAL_IN_STRING[usize::from(b)])
        {
            let i = start + offset;
            self.buf.extend_from_slice(&bytes[start..i]);
            let short: &[u8] = match bytes[i] {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                _ => b"",
            };
            if short.is_empty() {
                self.buf.extend_from_slice(b"\\u00");
                self.buf.extend_from_slice(&hex::pair(bytes[i], hex::LOWER));
            } else {
                self.buf.extend_from_slice(short);
            }
            start = i + 1;
        }
        self.buf.extend_from_slice(&bytes[start..]);
        self.buf.push(b'"');
    }

    /// Text that is already JSON (a number, or a string known to need no
    /// escaping such as base64).
    pub fn raw(&mut self, json: &str) {
        self.buf.extend_from_slice(json.as_bytes());
    }

    /// `null`
    pub fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
    }

    /// `true` or `false`
    pub fn bool(&mut self, b: bool) {
        self.buf
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// A signed integer.
    pub fn i64(&mut self, n: i64) {
        if n < 0 {
            self.buf.push(b'-');
        }
        self.u64(n.unsigned_abs());
    }

    /// An unsigned integer.
    pub fn u64(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.buf.extend_from_slice(&digits[i..]);
    }

    /// A double; `NaN` and the infinities as the strings AWS uses for them.
    pub fn f64(&mut self, n: f64) {
        use std::io::Write;
        if n.is_nan() {
            self.buf.extend_from_slice(b"\"NaN\"");
        } else if n.is_infinite() {
            self.buf.extend_from_slice(if n > 0.0 {
                b"\"Infinity\""
            } else {
                b"\"-Infinity\""
            });
        } else {
            // Display is the shortest text that reads back as the same f64.
            // Writing to a Vec cannot fail.
            let _ = write!(self.buf, "{n}");
        }
    }

    /// A float, written with f32's own shortest text (`1.1`, not
    /// `1.100000023841858`).
    pub fn f32(&mut self, n: f32) {
        use std::io::Write;
        if n.is_finite() {
            let _ = write!(self.buf, "{n}");
        } else {
            self.f64(f64::from(n));
        }
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// The JSON text.
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(w: JsonWriter) -> String {
        String::from_utf8(w.into_bytes()).unwrap()
    }

    #[test]
    fn escapes_control_characters() {
        let mut w = JsonWriter::default();
        w.string("a\u{1}b\n\"\\é😹\u{c}");
        assert_eq!(text(w), r#""a\u0001b\n\"\\é😹\f""#);
    }

    #[test]
    fn numbers() {
        let mut w = JsonWriter::default();
        for n in [0, -1, i64::MIN, i64::MAX] {
            w.i64(n);
            w.raw(" ");
        }
        w.f64(5.5);
        w.raw(" ");
        w.f32(1.1);
        w.raw(" ");
        w.f64(f64::NEG_INFINITY);
        assert_eq!(
            text(w),
            "0 -1 -9223372036854775808 9223372036854775807 5.5 1.1 \"-Infinity\""
        );
    }
}
