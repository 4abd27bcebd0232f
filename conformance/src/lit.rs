//! Values the generated cases spell with a helper rather than inline:
//! blobs, timestamps and documents.

use awsop::{Blob, DateTime, Document};
use serde_json::Value;

/// A blob holding the UTF-8 bytes of `text` (the fixtures write blobs as text).
pub fn blob(text: &str) -> Blob {
    Blob::new(text)
}

/// The instant `secs` seconds and `nanos` nanoseconds after the epoch
/// (the generator splits the fixture's decimal text, so no float rounding).
pub fn timestamp(secs: i64, nanos: u32) -> DateTime {
    DateTime::from_secs_and_nanos(secs, nanos)
}

/// A document from its JSON text; text that is not JSON gives `Null`, which
/// then fails the comparison it takes part in.
pub fn document(json: &str) -> Document {
    serde_json::from_str::<Value>(json).map_or(Document::Null, |v| from_json(&v))
}

fn from_json(value: &Value) -> Document {
    match value {
        Value::Null => Document::Null,
        Value::Bool(b) => Document::Bool(*b),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Document::from(u)
            } else if let Some(i) = n.as_i64() {
                Document::from(i)
            } else {
                Document::from(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => Document::from(s.as_str()),
        Value::Array(items) => Document::Array(items.iter().map(from_json).collect()),
        Value::Object(entries) => Document::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), from_json(v)))
                .collect(),
        ),
    }
}
