//! CBOR ([RFC 8949](https://www.rfc-editor.org/rfc/rfc8949)) at the byte
//! level: an [`Encoder`] that appends items to a `Vec<u8>`, and a pull
//! [`Decoder`] over a byte slice. The `rpcv2Cbor` protocol (Smithy RPC v2
//! CBOR) serializes shapes on top of these.
//!
//! ```
//! use awsop_runtime::codec::cbor::{Decoder, Encoder};
//!
//! // A structure as Smithy encoders write it: an indefinite-length map keyed
//! // by member name, a timestamp as tag 1 over epoch seconds, a blob as a
//! // byte string.
//! let mut e = Encoder::new();
//! e.begin_indefinite_map()
//!     .text("name").text("queue-1")
//!     .text("created").tag(1).f64(1_700_000_000.25)
//!     .text("payload").bytes(&[0xde, 0xad])
//!     .end();
//! let body = e.into_vec();
//!
//! let mut d = Decoder::new(&body);
//! let mut members = d.begin_map()?;
//! while members.has_next(&mut d)? {
//!     match &*d.read_text()? {
//!         "name" => assert_eq!(d.read_text()?, "queue-1"),
//!         "created" => {
//!             assert_eq!(d.read_tag()?, 1);
//!             assert_eq!(d.read_f64()?, 1_700_000_000.25);
//!         }
//!         "payload" => assert_eq!(*d.read_bytes()?, [0xde, 0xad]),
//!         _ => d.skip_value()?,
//!     }
//! }
//! d.finish()?;
//! # Ok::<(), awsop_runtime::codec::cbor::CborError>(())
//! ```
//!
//! The decoder is built for hostile input (a response body is whatever the
//! server, or something between, sent): declared lengths are checked
//! against the bytes left before anything is allocated, nesting is bounded
//! ([`DEFAULT_MAX_DEPTH`]), and every failure is a [`CborError`] with its
//! offset. It is our own rather than a crate's because a pull API over
//! borrowed bytes is all a generated shape reader needs, in a few hundred
//! lines with no dependency.

mod decode;
mod encode;
mod error;
mod shape_reader;
mod shape_writer;

pub use decode::{Container, Decoder};
pub use encode::Encoder;
pub use error::{CborError, CborErrorKind};
pub use shape_reader::CborShapeReader;
pub use shape_writer::CborShapeWriter;

/// The most arrays and maps a [`Decoder`] lets be open at once, unless told
/// otherwise ([`Decoder::with_max_depth`]). Deeper than any AWS shape, and
/// shallow enough for a recursive shape reader to stay well within a
/// thread's stack.
pub const DEFAULT_MAX_DEPTH: usize = 256;

/// The break that ends an indefinite-length item.
const BREAK: u8 = 0xff;

/// The major types (the top three bits of an item's first byte).
mod major {
    pub(super) const UNSIGNED: u8 = 0;
    pub(super) const NEGATIVE: u8 = 1;
    pub(super) const BYTES: u8 = 2;
    pub(super) const TEXT: u8 = 3;
    pub(super) const ARRAY: u8 = 4;
    pub(super) const MAP: u8 = 5;
    pub(super) const TAG: u8 = 6;
    pub(super) const SIMPLE: u8 = 7;
}

/// What the next item is ([`Decoder::peek_type`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Type {
    /// Major type 0: [`Decoder::read_uint`], [`Decoder::read_int`].
    UnsignedInt,
    /// Major type 1: [`Decoder::read_int`], [`Decoder::read_integer`].
    NegativeInt,
    /// Major type 2, definite or chunked: [`Decoder::read_bytes`].
    Bytes,
    /// Major type 3, definite or chunked: [`Decoder::read_text`].
    Text,
    /// Major type 4: [`Decoder::begin_array`], [`Decoder::read_array_len`].
    Array,
    /// Major type 5: [`Decoder::begin_map`], [`Decoder::read_map_len`].
    Map,
    /// Major type 6: [`Decoder::read_tag`], then the tagged item.
    Tag,
    /// `false` or `true`: [`Decoder::read_bool`].
    Bool,
    /// `null`: [`Decoder::read_null`].
    Null,
    /// `undefined`: [`Decoder::read_undefined`].
    Undefined,
    /// A half, single or double precision float: [`Decoder::read_f64`].
    Float,
    /// Another simple value, unassigned by RFC 8949: [`Decoder::read_simple`].
    Simple,
    /// The break (`0xff`) ending an indefinite-length item.
    Break,
}

impl Type {
    /// A name for messages: `"text string"`, `"map"`, ...
    ///
    /// ```
    /// assert_eq!(awsop_runtime::codec::cbor::Type::Bytes.name(), "byte string");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Type::UnsignedInt => "unsigned integer",
            Type::NegativeInt => "negative integer",
            Type::Bytes => "byte string",
            Type::Text => "text string",
            Type::Array => "array",
            Type::Map => "map",
            Type::Tag => "tag",
            Type::Bool => "boolean",
            Type::Null => "null",
            Type::Undefined => "undefined",
            Type::Float => "float",
            Type::Simple => "simple value",
            Type::Break => "break",
        }
    }
}

#[cfg(test)]
mod tests;
