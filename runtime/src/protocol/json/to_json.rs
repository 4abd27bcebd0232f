use std::collections::HashMap;

use super::JsonWriter;
use crate::protocol::{base64, Blob, DateTime, Document, MapKey, Number, TimestampFormat};

/// A value that can be written into a JSON body.
///
/// `ts` is the timestamp format in force for the member being written
/// (epoch seconds unless the member says otherwise); containers pass it
/// down to their elements, everything else ignores it. `#[aws_shape]`
/// implements this for structures, enums and unions.
///
/// ```
/// use awsop_runtime::protocol::json::{JsonWriter, ToJson};
/// use awsop_runtime::protocol::TimestampFormat;
/// let mut w = JsonWriter::default();
/// vec![Some(1), None].write_json(&mut w, TimestampFormat::EpochSeconds);
/// assert_eq!(w.into_string(), "[1,null]");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written as JSON",
    label = "not a supported member type",
    note = "members are String, bool, i8/i16/i32/i64, f32/f64, Blob, DateTime, Document, Vec<T>, HashMap<String, T>, Box<T>, Option<T>, or types declared with #[aws_shape]"
)]
pub trait ToJson {
    /// Writes the value.
    fn write_json(&self, w: &mut JsonWriter, ts: TimestampFormat);

    /// About how many bytes [`write_json`](Self::write_json) will write,
    /// so a body can be allocated once.
    fn json_size_hint(&self) -> usize {
        8
    }

    /// Whether a structure member holding this is left out (`None`).
    fn is_absent(&self) -> bool {
        false
    }
}

/// Writes one structure member unless it is absent. `quoted_key` is the
/// JSON-quoted name followed by `:`.
#[inline]
pub fn write_member<T: ToJson + ?Sized>(
    w: &mut JsonWriter,
    first: &mut bool,
    quoted_key: &str,
    value: &T,
    ts: TimestampFormat,
) {
    if !value.is_absent() {
        w.raw_key(first, quoted_key);
        value.write_json(w, ts);
    }
}

/// The size hint of one structure member: its value plus its key
/// (`quoted_key_len` bytes and a comma), or 0 when absent.
#[inline]
pub fn member_size_hint<T: ToJson + ?Sized>(value: &T, quoted_key_len: usize) -> usize {
    if value.is_absent() {
        0
    } else {
        quoted_key_len + value.json_size_hint()
    }
}

impl ToJson for str {
    fn write_json(&self, w: &mut JsonWriter, _: TimestampFormat) {
        w.string(self);
    }
    fn json_size_hint(&self) -> usize {
        self.len() + 2
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut JsonWriter, _: TimestampFormat) {
        w.string(self);
    }
    fn json_size_hint(&self) -> usize {
        self.len() + 2
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut JsonWriter, _: TimestampFormat) {
        w.bool(*self);
    }
    fn json_size_hint(&self) -> usize {
        5
    }
}

macro_rules! int_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, w: &mut JsonWriter, _: TimestampFormat) {
                w.i64(i64::from(*self));
            }
        }
    )*};
}

int_to_json!(i8, i16, i32, i64);

impl ToJson for f64 {
    fn write_json(&self, w: &mut JsonWriter, _: TimestampFormat) {
        w.f64(*self);
    }
    fn json_size_hint(&self) -> usize {
        24
    }
}

impl ToJson for f32 {
    fn write_json(&self, w: &mut JsonWriter, _: TimestampFormat) {
        w.f32(*self);
    }
    fn json_size_hint(&self) -> usize {
        16
    }
}

impl ToJson for Blob {
    fn write_json(&self, w: &mut JsonWriter, _: TimestampFormat) {
        // Base64 never needs escaping.
        w.raw("\"");
        let mut text = String::with_capacity(base64::encoded_len(self.len()));
        base64::encode_into(self.as_bytes(), &mut text);
        w.raw(&text);
        w.raw("\"");
    }
    fn json_size_hint(&self) -> usize {
        base64::encoded_len(self.len()) + 2
    }
}

impl ToJson for DateTime {
    fn write_json(&self, w: &mut JsonWriter, ts: TimestampFormat) {
        let mut text = String::with_capacity(32);
        self.write(ts, &mut text);
        match ts {
            TimestampFormat::EpochSeconds => w.raw(&text),
            _ => w.string(&text),
        }
    }
    fn json_size_hint(&self) -> usize {
        32
    }
}

impl ToJson for Document {
    fn write_json(&self, w: &mut JsonWriter, ts: TimestampFormat) {
        match self {
            Document::Null => w.null(),
            Document::Bool(b) => w.bool(*b),
            Document::Number(Number::PosInt(n)) => w.u64(*n),
            Document::Number(Number::NegInt(n)) => w.i64(*n),
            Document::Number(Number::Float(n)) => w.f64(*n),
            Document::String(s) => w.string(s),
            Document::Array(items) => items.write_json(w, ts),
            Document::Object(entries) => entries.write_json(w, ts),
        }
    }
    fn json_size_hint(&self) -> usize {
        match self {
            Document::String(s) => s.len() + 2,
            Document::Array(items) => items.json_size_hint(),
            Document::Object(entries) => entries.json_size_hint(),
            _ => 8,
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut JsonWriter, ts: TimestampFormat) {
        self.as_slice().write_json(w, ts);
    }
    fn json_size_hint(&self) -> usize {
        self.as_slice().json_size_hint()
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut JsonWriter, ts: TimestampFormat) {
        w.begin_array();
        let mut first = true;
        for item in self {
            w.separator(&mut first);
            item.write_json(w, ts);
        }
        w.end_array();
    }
    fn json_size_hint(&self) -> usize {
        2 + self.iter().map(|i| i.json_size_hint() + 1).sum::<usize>()
    }
}

impl<K: MapKey, V: ToJson, S> ToJson for HashMap<K, V, S> {
    fn write_json(&self, w: &mut JsonWriter, ts: TimestampFormat) {
        w.begin_object();
        let mut first = true;
        for (k, v) in self {
            w.key(&mut first, k.as_key());
            v.write_json(w, ts);
        }
        w.end_object();
    }
    fn json_size_hint(&self) -> usize {
        2 + self
            .iter()
            .map(|(k, v)| k.as_key().len() + 4 + v.json_size_hint())
            .sum::<usize>()
    }
}

/// `None` is `null` inside lists and maps (sparse collections) and left out
/// entirely as a structure member.
impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut JsonWriter, ts: TimestampFormat) {
        match self {
            Some(v) => v.write_json(w, ts),
            None => w.null(),
        }
    }
    fn json_size_hint(&self) -> usize {
        self.as_ref().map_or(4, ToJson::json_size_hint)
    }
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, w: &mut JsonWriter, ts: TimestampFormat) {
        (**self).write_json(w, ts);
    }
    fn json_size_hint(&self) -> usize {
        (**self).json_size_hint()
    }
    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: ToJson + ?Sized>(v: &T, ts: TimestampFormat) -> String {
        let mut w = JsonWriter::default();
        v.write_json(&mut w, ts);
        w.into_string()
    }

    #[test]
    fn scalars() {
        let ts = TimestampFormat::EpochSeconds;
        assert_eq!(json(&Blob::new("value"), ts), "\"dmFsdWU=\"");
        assert_eq!(json(&DateTime::from_secs(1_398_796_238), ts), "1398796238");
        assert_eq!(
            json(
                &DateTime::from_secs(1_398_796_238),
                TimestampFormat::DateTime
            ),
            "\"2014-04-29T18:30:38Z\""
        );
        assert_eq!(json(&f64::NAN, ts), "\"NaN\"");
        assert_eq!(json(&vec![vec!["a".to_string()]], ts), "[[\"a\"]]");
    }

    #[test]
    fn documents() {
        let doc = Document::Array(vec![
            Document::Bool(true),
            Document::from("hi"),
            Document::from(-3i64),
            Document::from(1.5),
            Document::Null,
        ]);
        assert_eq!(
            json(&doc, TimestampFormat::EpochSeconds),
            "[true,\"hi\",-3,1.5,null]"
        );
    }
}
