//! [`JsonShapeWriter`]: shapes as JSON, for restJson1 and awsJson.

use super::JsonWriter;
use crate::encoding::base64;
use crate::error::BuildError;
use crate::shape::{Member, ShapeWriter, StructSchema};
use crate::value::{DateTime, Document, Location, Number, TimestampFormat};

/// Where the next value goes, which decides what precedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// The whole document: nothing.
    Top,
    /// A structure member: `,"name":`.
    Member,
    /// A list element: `,`.
    Element,
    /// A map value: nothing (its key was just written).
    MapValue,
}

/// Writes shapes as JSON: structures as objects keyed by wire name, lists
/// as arrays, maps as objects, blobs as base64 strings, timestamps as epoch
/// seconds unless the member says otherwise, `NaN` and the infinities as
/// strings.
///
/// ```
/// use awsop_runtime::codec::json::JsonShapeWriter;
/// use awsop_runtime::shape::{Member, WriteValue, ROOT};
/// let mut w = JsonShapeWriter::with_capacity(16);
/// vec![Some(1), None].write(&mut w, &ROOT);
/// assert_eq!(w.finish().unwrap(), b"[1,null]");
/// ```
#[derive(Debug)]
pub struct JsonShapeWriter {
    out: JsonWriter,
    slot: Slot,
    first: bool,
    error: Option<BuildError>,
}

impl JsonShapeWriter {
    /// A writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        JsonShapeWriter {
            out: JsonWriter::with_capacity(capacity),
            slot: Slot::Top,
            first: true,
            error: None,
        }
    }

    /// The JSON text, or the first reason it cannot be sent.
    pub fn finish(self) -> Result<Vec<u8>, BuildError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out.into_bytes()),
        }
    }

    /// What precedes a value in the current slot.
    #[inline]
    fn begin(&mut self, m: &Member) {
        match self.slot {
            Slot::Member => self.out.key(&mut self.first, m.name),
            Slot::Element => self.out.separator(&mut self.first),
            Slot::Top | Slot::MapValue => {}
        }
    }

    /// Runs `inside` as the contents of a container whose values go in
    /// `slot`, then restores the outer container's state.
    #[inline]
    fn nested(&mut self, slot: Slot, inside: impl FnOnce(&mut Self)) {
        let outer = (self.slot, self.first);
        self.slot = slot;
        self.first = true;
        inside(self);
        (self.slot, self.first) = outer;
    }

    fn write_document(&mut self, doc: &Document) {
        match doc {
            Document::Null => self.out.null(),
            Document::Bool(b) => self.out.bool(*b),
            Document::Number(Number::PosInt(n)) => self.out.u64(*n),
            Document::Number(Number::NegInt(n)) => self.out.i64(*n),
            Document::Number(Number::Float(n)) => self.out.f64(*n),
            Document::String(s) => self.out.string(s),
            Document::Array(items) => {
                self.out.begin_array();
                let mut first = true;
                for item in items {
                    self.out.separator(&mut first);
                    self.write_document(item);
                }
                self.out.end_array();
            }
            Document::Object(entries) => {
                self.out.begin_object();
                let mut first = true;
                for (key, value) in entries {
                    self.out.key(&mut first, key);
                    self.write_document(value);
                }
                self.out.end_object();
            }
        }
    }
}

impl ShapeWriter for JsonShapeWriter {
    fn string(&mut self, m: &Member, value: &str) {
        self.begin(m);
        self.out.string(value);
    }

    fn boolean(&mut self, m: &Member, value: bool) {
        self.begin(m);
        self.out.bool(value);
    }

    fn integer(&mut self, m: &Member, value: i64) {
        self.begin(m);
        self.out.i64(value);
    }

    fn float(&mut self, m: &Member, value: f32) {
        self.begin(m);
        self.out.f32(value);
    }

    fn double(&mut self, m: &Member, value: f64) {
        self.begin(m);
        self.out.f64(value);
    }

    fn blob(&mut self, m: &Member, value: &[u8]) {
        self.begin(m);
        // Base64 never needs escaping.
        let mut text = String::with_capacity(base64::encoded_len(value.len()) + 2);
        text.push('"');
        base64::encode_into(value, &mut text);
        text.push('"');
        self.out.raw(&text);
    }

    fn timestamp(&mut self, m: &Member, value: &DateTime) {
        self.begin(m);
        let format = TimestampFormat::resolve(m.timestamp_format, Location::JsonBody);
        let mut text = String::with_capacity(32);
        value.write(format, &mut text);
        match format {
            TimestampFormat::EpochSeconds => self.out.raw(&text),
            _ => self.out.string(&text),
        }
    }

    fn document(&mut self, m: &Member, value: &Document) {
        self.begin(m);
        self.write_document(value);
    }

    fn null(&mut self, m: &Member) {
        self.begin(m);
        self.out.null();
    }

    fn list<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, _len: usize, items: F) {
        self.begin(m);
        self.out.begin_array();
        let item = m.list_item();
        self.nested(Slot::Element, |w| items(w, &item));
        self.out.end_array();
    }

    fn map<F: FnOnce(&mut Self)>(&mut self, m: &Member, _len: usize, entries: F) {
        self.begin(m);
        self.out.begin_object();
        // Entries manage their own commas; `first` tracks them.
        self.nested(Slot::MapValue, entries);
        self.out.end_object();
    }

    fn map_entry<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, key: &str, value: F) {
        self.out.key(&mut self.first, key);
        // The value goes in the MapValue slot: nothing precedes it, and a
        // container value restores `first` when it ends.
        value(self, &m.map_value());
    }

    fn structure<F: FnOnce(&mut Self)>(&mut self, m: &Member, _schema: &StructSchema, members: F) {
        self.begin(m);
        self.out.begin_object();
        self.nested(Slot::Member, members);
        self.out.end_object();
    }

    fn fail(&mut self, error: BuildError) {
        self.error.get_or_insert(error);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::shape::{write_member, WriteValue, ROOT};
    use crate::value::Blob;

    fn json<T: WriteValue + ?Sized>(value: &T, m: &Member) -> String {
        let mut w = JsonShapeWriter::with_capacity(8);
        value.write(&mut w, m);
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    #[test]
    fn scalars() {
        assert_eq!(json(&Blob::new("value"), &ROOT), "\"dmFsdWU=\"");
        assert_eq!(
            json(&DateTime::from_secs(1_398_796_238), &ROOT),
            "1398796238"
        );
        let dated = ROOT.with_timestamp_format(TimestampFormat::DateTime);
        assert_eq!(
            json(&DateTime::from_secs(1_398_796_238), &dated),
            "\"2014-04-29T18:30:38Z\""
        );
        assert_eq!(json(&f64::NAN, &ROOT), "\"NaN\"");
        assert_eq!(json(&vec![vec!["a".to_string()]], &ROOT), "[[\"a\"]]");
    }

    #[test]
    fn timestamp_formats_reach_list_elements() {
        let dated = ROOT.with_timestamp_format(TimestampFormat::DateTime);
        assert_eq!(
            json(&vec![DateTime::from_secs(0)], &dated),
            "[\"1970-01-01T00:00:00Z\"]"
        );
    }

    #[test]
    fn nested_containers_keep_their_commas() {
        const S: StructSchema = StructSchema::new("S", &[Member::named("m"), Member::named("n")]);
        struct Shape {
            m: HashMap<String, Vec<i32>>,
            n: i32,
        }
        impl WriteValue for Shape {
            fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
                w.structure(m, &S, |w| {
                    write_member(w, &S.members[0], &self.m);
                    write_member(w, &S.members[1], &self.n);
                });
            }
        }
        let shape = Shape {
            m: HashMap::from([("k".to_string(), vec![1, 2])]),
            n: 3,
        };
        assert_eq!(json(&shape, &ROOT), r#"{"m":{"k":[1,2]},"n":3}"#);
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
        assert_eq!(json(&doc, &ROOT), "[true,\"hi\",-3,1.5,null]");
    }
}
