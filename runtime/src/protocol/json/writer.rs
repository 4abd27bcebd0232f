use crate::error::BuildError;

/// A JSON text being written into one growable buffer.
///
/// Compact output (`{"a":"b"}`): every AWS JSON service accepts it, and it
/// is what gets signed and sent. The first serialization failure (an
/// unknown union member cannot be sent) is remembered and reported by
/// [`finish`](Self::finish), so writing itself never needs `?`.
///
/// ```
/// use awsop_runtime::protocol::json::JsonWriter;
/// let mut w = JsonWriter::with_capacity(32);
/// let mut first = true;
/// w.begin_object();
/// w.raw_key(&mut first, "\"name\":");
/// w.string("a \"quoted\" word");
/// w.end_object();
/// assert_eq!(w.finish().unwrap(), br#"{"name":"a \"quoted\" word"}"#.to_vec());
/// ```
#[derive(Debug, Default)]
pub struct JsonWriter {
    buf: Vec<u8>,
    error: Option<BuildError>,
}

impl JsonWriter {
    /// An empty writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        JsonWriter {
            buf: Vec::with_capacity(capacity),
            error: None,
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

    /// A `,` unless this is the first element; clears `first`.
    pub fn separator(&mut self, first: &mut bool) {
        if !*first {
            self.buf.push(b',');
        }
        *first = false;
    }

    /// An object key already quoted and followed by `:` (see
    /// [`quoted_key`](super::quoted_key)), preceded by `,` unless first.
    pub fn raw_key(&mut self, first: &mut bool, quoted_key: &str) {
        self.separator(first);
        self.buf.extend_from_slice(quoted_key.as_bytes());
    }

    /// An object key that needs quoting, preceded by `,` unless first.
    pub fn key(&mut self, first: &mut bool, key: &str) {
        self.separator(first);
        self.string(key);
        self.buf.push(b':');
    }

    /// A string, escaped per RFC 8259.
    pub fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.buf.push(b'"');
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0x00..=0x1f => b"",
                _ => continue,
            };
            self.buf.extend_from_slice(&bytes[start..i]);
            if escape.is_empty() {
                self.buf.extend_from_slice(b"\\u00");
                self.buf.push(HEX[usize::from(b >> 4)]);
                self.buf.push(HEX[usize::from(b & 0xf)]);
            } else {
                self.buf.extend_from_slice(escape);
            }
            start = i + 1;
        }
        self.buf.extend_from_slice(&bytes[start..]);
        self.buf.push(b'"');
    }

    /// Text that is already valid JSON.
    pub fn raw(&mut self, json: &str) {
        self.buf.extend_from_slice(json.as_bytes());
    }

    /// `null`
    pub fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
    }

    /// `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.buf
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// An integer.
    pub fn i64(&mut self, n: i64) {
        if n < 0 {
            self.buf.push(b'-');
        }
        self.u64(n.unsigned_abs());
    }

    /// A non-negative integer.
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

    /// A float: the shortest text that reads back to the same value; NaN
    /// and the infinities as the strings `"NaN"`, `"Infinity"`,
    /// `"-Infinity"`, as AWS JSON protocols require.
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
            // Writing to a Vec cannot fail.
            let _ = write!(self.buf, "{n}");
        }
    }

    /// An `f32`, printed at `f32` precision (`1.1`, not `1.100000023841858`).
    pub fn f32(&mut self, n: f32) {
        use std::io::Write;
        if n.is_finite() {
            let _ = write!(self.buf, "{n}");
        } else {
            self.f64(f64::from(n));
        }
    }

    /// Records a failure; [`finish`](Self::finish) reports the first one.
    pub fn fail(&mut self, error: BuildError) {
        self.error.get_or_insert(error);
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether nothing was written yet.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// The JSON text, or the first recorded failure.
    pub fn finish(self) -> Result<Vec<u8>, BuildError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.buf),
        }
    }

    /// The text written so far (ignores recorded failures).
    pub fn into_string(self) -> String {
        // Only valid UTF-8 is ever written: &str content, ASCII punctuation
        // and digits.
        String::from_utf8(self.buf).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters() {
        let mut w = JsonWriter::default();
        w.string("a\u{1}b\n\"\\é😹");
        assert_eq!(w.into_string(), r#""a\u0001b\n\"\\é😹""#);
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
            w.into_string(),
            "0 -1 -9223372036854775808 9223372036854775807 5.5 1.1 \"-Infinity\""
        );
    }
}
