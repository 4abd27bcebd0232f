//! [`CborShapeWriter`]: shapes as CBOR, for rpcv2Cbor.

use super::Encoder;
use crate::error::BuildError;
use crate::shape::{Member, ShapeWriter, StructSchema};
use crate::value::{DateTime, Document};

/// CBOR's tag for epoch-based date/time (RFC 8949 §3.4.2).
pub(crate) const EPOCH_TAG: u64 = 1;

/// Writes shapes as CBOR the way Smithy's rpcv2Cbor does: structures as
/// maps keyed by member name (indefinite length: the members present are
/// only known while writing), lists and maps with definite lengths, blobs
/// as byte strings, floats at their member's width, timestamps as tag 1
/// over epoch seconds (a double).
///
/// ```
/// use awsop_runtime::codec::cbor::CborShapeWriter;
/// use awsop_runtime::shape::{WriteValue, ROOT};
/// let mut w = CborShapeWriter::with_capacity(8);
/// vec![1i32, 2].write(&mut w, &ROOT);
/// assert_eq!(w.finish().unwrap(), [0x82, 0x01, 0x02]);
/// ```
#[derive(Debug)]
pub struct CborShapeWriter {
    out: Encoder,
    /// Whether values go into a structure (each preceded by its member
    /// name as key) rather than a list, a map entry or the top.
    in_structure: bool,
    error: Option<BuildError>,
}

impl CborShapeWriter {
    /// A writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        CborShapeWriter {
            out: Encoder::with_capacity(capacity),
            in_structure: false,
            error: None,
        }
    }

    /// The CBOR bytes, or the first reason they cannot be sent.
    pub fn finish(self) -> Result<Vec<u8>, BuildError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out.into_vec()),
        }
    }

    #[inline]
    fn begin(&mut self, m: &Member) {
        if self.in_structure {
            self.out.text(m.name);
        }
    }

    fn nested(&mut self, in_structure: bool, inside: impl FnOnce(&mut Self)) {
        let outer = self.in_structure;
        self.in_structure = in_structure;
        inside(self);
        self.in_structure = outer;
    }

    fn write_document(&mut self, doc: &Document) {
        use crate::value::Number;
        match doc {
            Document::Null => {
                self.out.null();
            }
            Document::Bool(b) => {
                self.out.bool(*b);
            }
            Document::Number(Number::PosInt(n)) => {
                self.out.uint(*n);
            }
            Document::Number(Number::NegInt(n)) => {
                self.out.int(*n);
            }
            Document::Number(Number::Float(f)) => {
                self.out.f64(*f);
            }
            Document::String(s) => {
                self.out.text(s);
            }
            Document::Array(items) => {
                self.out.array(items.len());
                for item in items {
                    self.write_document(item);
                }
            }
            Document::Object(entries) => {
                self.out.map(entries.len());
                for (key, value) in entries {
                    self.out.text(key);
                    self.write_document(value);
                }
            }
        }
    }
}

impl ShapeWriter for CborShapeWriter {
    fn string(&mut self, m: &Member, value: &str) {
        self.begin(m);
        self.out.text(value);
    }

    fn boolean(&mut self, m: &Member, value: bool) {
        self.begin(m);
        self.out.bool(value);
    }

    fn integer(&mut self, m: &Member, value: i64) {
        self.begin(m);
        self.out.int(value);
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
        self.out.bytes(value);
    }

    fn timestamp(&mut self, m: &Member, value: &DateTime) {
        self.begin(m);
        // Always a double, as Smithy's encoders write it (readers take an
        // integer too).
        self.out.tag(EPOCH_TAG).f64(value.as_secs_f64());
    }

    fn document(&mut self, m: &Member, value: &Document) {
        self.begin(m);
        self.write_document(value);
    }

    fn null(&mut self, m: &Member) {
        self.begin(m);
        self.out.null();
    }

    fn list<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, len: usize, items: F) {
        self.begin(m);
        self.out.array(len);
        let item = m.list_item();
        self.nested(false, |w| items(w, &item));
    }

    fn map<F: FnOnce(&mut Self)>(&mut self, m: &Member, len: usize, entries: F) {
        self.begin(m);
        self.out.map(len);
        self.nested(false, entries);
    }

    fn map_entry<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, key: &str, value: F) {
        self.out.text(key);
        value(self, &m.map_value());
    }

    fn structure<F: FnOnce(&mut Self)>(&mut self, m: &Member, _schema: &StructSchema, members: F) {
        self.begin(m);
        self.out.begin_indefinite_map();
        self.nested(true, members);
        self.out.end();
    }

    fn fail(&mut self, error: BuildError) {
        self.error.get_or_insert(error);
    }
}
