//! Writing shapes: [`WriteValue`] is what a value knows about itself (a
//! string, a list of ..., a structure with these members), [`ShapeWriter`]
//! is what a format does with it (JSON text, CBOR bytes, XML elements,
//! form pairs). Each format implements the writer once; each shape
//! implements `WriteValue` once; generics join them only for the formats a
//! program actually uses.

use std::collections::HashMap;

use super::{MapKey, Member, StructSchema};
use crate::error::BuildError;
use crate::value::{Blob, DateTime, Document};

/// A format's writer. Every call writes one value as member `m` of
/// whatever container is open (a structure, a list, a map entry, or the
/// whole body); the writer adds the member's framing (a JSON key, an XML
/// element, a form key prefix).
///
/// Writing never fails midway: the first problem is recorded with
/// [`fail`](Self::fail) and reported when the writer finishes.
pub trait ShapeWriter: Sized {
    /// Whether map entries must be written in key order (formats that
    /// number entries, so the same map always makes the same bytes).
    const ORDERED_MAPS: bool = false;

    /// A string.
    fn string(&mut self, m: &Member, value: &str);
    /// A boolean.
    fn boolean(&mut self, m: &Member, value: bool);
    /// A byte, short, integer or long.
    fn integer(&mut self, m: &Member, value: i64);
    /// A 32-bit float.
    fn float(&mut self, m: &Member, value: f32);
    /// A 64-bit float.
    fn double(&mut self, m: &Member, value: f64);
    /// A blob.
    fn blob(&mut self, m: &Member, value: &[u8]);
    /// A timestamp, in the member's format or the format's default.
    fn timestamp(&mut self, m: &Member, value: &DateTime);
    /// A document (untyped JSON-like data).
    fn document(&mut self, m: &Member, value: &Document);
    /// A null entry of a sparse list or map.
    fn null(&mut self, m: &Member);
    /// A list of `len` elements; `items` writes them, each as the element
    /// member it is given.
    fn list<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, len: usize, items: F);
    /// A map of `len` entries; `entries` writes them with
    /// [`map_entry`](Self::map_entry).
    fn map<F: FnOnce(&mut Self)>(&mut self, m: &Member, len: usize, entries: F);
    /// One entry of the map member `m`: its key, then `value` writes the
    /// value as the member it is given.
    fn map_entry<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, key: &str, value: F);
    /// A structure or union; `members` writes its members (each with
    /// [`write_member`]).
    fn structure<F: FnOnce(&mut Self)>(&mut self, m: &Member, schema: &StructSchema, members: F);
    /// Records that the value cannot be sent (an unknown union member).
    fn fail(&mut self, error: BuildError);
}

/// A value that can be written by any [`ShapeWriter`]. `#[aws_shape]`
/// implements it for structures, unions and enums.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a member of an AWS shape",
    label = "not a supported member type",
    note = "members are String, bool, i8/i16/i32/i64, f32/f64, Blob, DateTime, Document, Vec<T>, HashMap<String, T>, Box<T>, Option<T>, or types declared with #[aws_shape]"
)]
pub trait WriteValue {
    /// Writes the value as member `m`.
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member);

    /// Whether a structure member holding this is left out (`None`).
    #[inline]
    fn is_absent(&self) -> bool {
        false
    }

    /// About how many bytes the value takes in a text format, so a body
    /// can be allocated once.
    #[inline]
    fn size_hint(&self) -> usize {
        8
    }
}

/// Writes one structure member unless it is absent.
///
/// ```
/// use awsop_runtime::codec::json::JsonShapeWriter;
/// use awsop_runtime::shape::{write_member, Member, StructSchema, ROOT};
/// use awsop_runtime::shape::ShapeWriter;
/// const S: StructSchema = StructSchema::new("S", &[Member::named("a"), Member::named("b")]);
/// let mut w = JsonShapeWriter::with_capacity(16);
/// w.structure(&ROOT, &S, |w| {
///     write_member(w, &S.members[0], &Some(1));
///     write_member(w, &S.members[1], &None::<i32>);
/// });
/// assert_eq!(w.finish().unwrap(), br#"{"a":1}"#);
/// ```
#[inline]
pub fn write_member<W: ShapeWriter, T: WriteValue + ?Sized>(w: &mut W, m: &Member, value: &T) {
    if !value.is_absent() {
        value.write(w, m);
    }
}

/// The size hint of one structure member: its value plus its name and
/// punctuation, or 0 when absent.
#[inline]
pub fn member_size_hint<T: WriteValue + ?Sized>(m: &Member, value: &T) -> usize {
    if value.is_absent() {
        0
    } else {
        m.name.len() + 4 + value.size_hint()
    }
}

impl WriteValue for str {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.string(m, self);
    }
    fn size_hint(&self) -> usize {
        self.len() + 2
    }
}

impl WriteValue for String {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.string(m, self);
    }
    fn size_hint(&self) -> usize {
        self.len() + 2
    }
}

impl WriteValue for bool {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.boolean(m, *self);
    }
}

macro_rules! integer_write_value {
    ($($t:ty),*) => {$(
        impl WriteValue for $t {
            fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
                w.integer(m, i64::from(*self));
            }
        }
    )*};
}

integer_write_value!(i8, i16, i32, i64);

impl WriteValue for f32 {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.float(m, *self);
    }
    fn size_hint(&self) -> usize {
        16
    }
}

impl WriteValue for f64 {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.double(m, *self);
    }
    fn size_hint(&self) -> usize {
        24
    }
}

impl WriteValue for Blob {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.blob(m, self.as_bytes());
    }
    fn size_hint(&self) -> usize {
        crate::encoding::base64::encoded_len(self.len()) + 2
    }
}

impl WriteValue for DateTime {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.timestamp(m, self);
    }
    fn size_hint(&self) -> usize {
        32
    }
}

impl WriteValue for Document {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.document(m, self);
    }
    fn size_hint(&self) -> usize {
        match self {
            Document::String(s) => s.len() + 2,
            Document::Array(items) => 2 + items.iter().map(|i| i.size_hint() + 1).sum::<usize>(),
            Document::Object(entries) => {
                2 + entries
                    .iter()
                    .map(|(k, v)| k.len() + 4 + v.size_hint())
                    .sum::<usize>()
            }
            _ => 8,
        }
    }
}

impl<T: WriteValue> WriteValue for [T] {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.list(m, self.len(), |w, item| {
            for value in self {
                value.write(w, item);
            }
        });
    }
    fn size_hint(&self) -> usize {
        2 + self.iter().map(|i| i.size_hint() + 1).sum::<usize>()
    }
}

impl<T: WriteValue> WriteValue for Vec<T> {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        self.as_slice().write(w, m);
    }
    fn size_hint(&self) -> usize {
        self.as_slice().size_hint()
    }
}

impl<K: MapKey, V: WriteValue, S> WriteValue for HashMap<K, V, S> {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        w.map(m, self.len(), |w| {
            if W::ORDERED_MAPS {
                let mut entries: Vec<_> = self.iter().collect();
                entries.sort_unstable_by(|a, b| a.0.as_key().cmp(b.0.as_key()));
                for (key, value) in entries {
                    w.map_entry(m, key.as_key(), |w, value_member| {
                        value.write(w, value_member)
                    });
                }
                return;
            }
            for (key, value) in self {
                w.map_entry(m, key.as_key(), |w, value_member| {
                    value.write(w, value_member)
                });
            }
        });
    }
    fn size_hint(&self) -> usize {
        2 + self
            .iter()
            .map(|(k, v)| k.as_key().len() + 4 + v.size_hint())
            .sum::<usize>()
    }
}

/// `None` is a null inside lists and maps (sparse collections) and left
/// out entirely as a structure member.
impl<T: WriteValue> WriteValue for Option<T> {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        match self {
            Some(value) => value.write(w, m),
            None => w.null(m),
        }
    }
    fn is_absent(&self) -> bool {
        self.is_none()
    }
    fn size_hint(&self) -> usize {
        self.as_ref().map_or(4, WriteValue::size_hint)
    }
}

impl<T: WriteValue + ?Sized> WriteValue for Box<T> {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        (**self).write(w, m);
    }
    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
    fn size_hint(&self) -> usize {
        (**self).size_hint()
    }
}

impl<T: WriteValue + ?Sized> WriteValue for &T {
    fn write<W: ShapeWriter>(&self, w: &mut W, m: &Member) {
        (**self).write(w, m);
    }
    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
    fn size_hint(&self) -> usize {
        (**self).size_hint()
    }
}
