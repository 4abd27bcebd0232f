//! Reading shapes: the mirror of [`write`](super::write). [`ReadValue`] is
//! what a value knows about itself, [`ShapeReader`] is a format's pull
//! parser; a value asks the reader for exactly what it expects, so formats
//! that do not describe themselves (XML) read as easily as those that do.

use std::collections::HashMap;
use std::hash::BuildHasher;

use super::{MapKey, Member, StructSchema};
use crate::error::ParseError;
use crate::value::{Blob, DateTime, Document};

/// A structure member found while reading: one the schema lists (by
/// index), or another (by its wire name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field<'a> {
    /// `schema.members[i]`.
    Known(usize),
    /// A member this version does not know; skip it, or keep its name
    /// (unions).
    Unknown(&'a str),
}

/// A format's pull parser, positioned on a value. Each call reads one value
/// as member `m` and moves past it.
///
/// Errors name where they happened: the reader adds the member name, list
/// index or map key to an error as it leaves each container.
pub trait ShapeReader: Sized {
    /// A string.
    fn string(&mut self, m: &Member) -> Result<String, ParseError>;
    /// A boolean.
    fn boolean(&mut self, m: &Member) -> Result<bool, ParseError>;
    /// An integer of any width (the caller checks its range).
    fn integer(&mut self, m: &Member) -> Result<i64, ParseError>;
    /// A float (`NaN`, `Infinity` and `-Infinity` included).
    fn double(&mut self, m: &Member) -> Result<f64, ParseError>;
    /// A blob.
    fn blob(&mut self, m: &Member) -> Result<Blob, ParseError>;
    /// A timestamp, in the member's format or the format's default
    /// (readers accept the other formats too, as the SDKs do).
    fn timestamp(&mut self, m: &Member) -> Result<DateTime, ParseError>;
    /// A document.
    fn document(&mut self, m: &Member) -> Result<Document, ParseError>;
    /// Whether the value is a null, consuming it if so.
    fn null(&mut self) -> Result<bool, ParseError>;
    /// Skips the value, whatever it is.
    fn skip(&mut self) -> Result<(), ParseError>;
    /// A list: `item` is called once per element, with the element member.
    fn list<F>(&mut self, m: &Member, item: F) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, &Member) -> Result<(), ParseError>;
    /// A map: `entry` is called once per entry with its key and the value
    /// member, and must read the value.
    fn map<F>(&mut self, m: &Member, entry: F) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, &str, &Member) -> Result<(), ParseError>;
    /// A structure or union: `member` is called once per member found and
    /// must read or [`skip`](Self::skip) its value.
    fn structure<F>(
        &mut self,
        m: &Member,
        schema: &StructSchema,
        member: F,
    ) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, Field<'_>) -> Result<(), ParseError>;
}

/// A value that can be read by any [`ShapeReader`]. `#[aws_shape]`
/// implements it for structures, unions and enums.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a member of an AWS shape",
    label = "not a supported member type",
    note = "members are String, bool, i8/i16/i32/i64, f32/f64, Blob, DateTime, Document, Vec<T>, HashMap<String, T>, Box<T>, Option<T>, or types declared with #[aws_shape]"
)]
pub trait ReadValue: Sized {
    /// Whether a null is a value of this type (`Option`), rather than an
    /// entry to skip in a dense list or map.
    const NULLABLE: bool = false;

    /// Reads the value as member `m`.
    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError>;

    /// Reads member `m` into `slot`, which holds what was read so far (its
    /// stand-in value at first). A null leaves it as is; lists and maps add
    /// to it, so an XML list written as repeated elements reads whole.
    #[inline]
    fn read_into<R: ShapeReader>(slot: &mut Self, r: &mut R, m: &Member) -> Result<(), ParseError> {
        if !r.null()? {
            *slot = Self::read(r, m)?;
        }
        Ok(())
    }
}

impl ReadValue for String {
    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        // An error response's echoed secrets are cut from what it decodes.
        r.string(m).map(crate::redact::decoded_owned)
    }
}

impl ReadValue for bool {
    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        r.boolean(m)
    }
}

macro_rules! integer_read_value {
    ($($t:ty),*) => {$(
        impl ReadValue for $t {
            fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
                let n = r.integer(m)?;
                <$t>::try_from(n).map_err(|_| {
                    ParseError::new(format!("{n} is out of range for {}", stringify!($t)))
                })
            }
        }
    )*};
}

integer_read_value!(i8, i16, i32, i64);

impl ReadValue for f64 {
    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        r.double(m)
    }
}

impl ReadValue for f32 {
    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        // Narrowing is what a float member means: the service sent a float.
        r.double(m).map(|f| f as f32)
    }
}

impl ReadValue for Blob {
    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        r.blob(m)
    }
}

impl ReadValue for DateTime {
    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        r.timestamp(m)
    }
}

impl ReadValue for Document {
    const NULLABLE: bool = true;

    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        r.document(m)
    }

    fn read_into<R: ShapeReader>(slot: &mut Self, r: &mut R, m: &Member) -> Result<(), ParseError> {
        // A document member holds its null.
        *slot = r.document(m)?;
        Ok(())
    }
}

/// Reads list elements into `out`. Dense lists skip nulls; sparse ones
/// (`Vec<Option<T>>`) keep them.
fn read_items<R: ShapeReader, T: ReadValue>(
    out: &mut Vec<T>,
    r: &mut R,
    m: &Member,
) -> Result<(), ParseError> {
    r.list(m, |r, item| {
        if !T::NULLABLE && r.null()? {
            return Ok(());
        }
        out.push(T::read(r, item)?);
        Ok(())
    })
}

impl<T: ReadValue> ReadValue for Vec<T> {
    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        let mut out = Vec::new();
        read_items(&mut out, r, m)?;
        Ok(out)
    }

    fn read_into<R: ShapeReader>(slot: &mut Self, r: &mut R, m: &Member) -> Result<(), ParseError> {
        if r.null()? {
            return Ok(());
        }
        read_items(slot, r, m)
    }
}

/// Reads map entries into `out`. Dense maps skip null values; sparse ones
/// (`HashMap<_, Option<T>>`) keep them.
fn read_entries<R, K, V, S>(
    out: &mut HashMap<K, V, S>,
    r: &mut R,
    m: &Member,
) -> Result<(), ParseError>
where
    R: ShapeReader,
    K: MapKey,
    V: ReadValue,
    S: BuildHasher,
{
    r.map(m, |r, key, value| {
        if !V::NULLABLE && r.null()? {
            return Ok(());
        }
        // Room for seven entries at the first, rather than three that grow
        // (a new table, every entry moved) at the fourth.
        if out.capacity() == 0 {
            out.reserve(7);
        }
        let v = V::read(r, value)?;
        out.insert(K::from_key(&crate::redact::decoded(key)), v);
        Ok(())
    })
}

impl<K: MapKey, V: ReadValue, S: BuildHasher + Default> ReadValue for HashMap<K, V, S> {
    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        let mut out = HashMap::default();
        read_entries(&mut out, r, m)?;
        Ok(out)
    }

    fn read_into<R: ShapeReader>(slot: &mut Self, r: &mut R, m: &Member) -> Result<(), ParseError> {
        if r.null()? {
            return Ok(());
        }
        read_entries(slot, r, m)
    }
}

impl<T: ReadValue> ReadValue for Option<T> {
    const NULLABLE: bool = true;

    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        if r.null()? {
            Ok(None)
        } else {
            T::read(r, m).map(Some)
        }
    }

    fn read_into<R: ShapeReader>(slot: &mut Self, r: &mut R, m: &Member) -> Result<(), ParseError> {
        match slot {
            // A list or map seen before keeps growing.
            Some(existing) => T::read_into(existing, r, m),
            None => {
                *slot = Self::read(r, m)?;
                Ok(())
            }
        }
    }
}

impl<T: ReadValue> ReadValue for Box<T> {
    const NULLABLE: bool = T::NULLABLE;

    fn read<R: ShapeReader>(r: &mut R, m: &Member) -> Result<Self, ParseError> {
        T::read(r, m).map(Box::new)
    }

    fn read_into<R: ShapeReader>(slot: &mut Self, r: &mut R, m: &Member) -> Result<(), ParseError> {
        T::read_into(slot, r, m)
    }
}
