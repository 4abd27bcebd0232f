//! The one error type of the CBOR decoder.

use std::fmt;

use super::Type;

/// Why CBOR input could not be read: what was wrong, and the offset of the
/// item (or chunk) where it was found.
///
/// ```
/// use awsop_runtime::codec::cbor::{CborErrorKind, Decoder};
/// // A text string declaring 2^63 bytes, in a 10-byte input.
/// let input = [0x7b, 0x80, 0, 0, 0, 0, 0, 0, 0, b'a'];
/// let err = Decoder::new(&input).read_text().unwrap_err();
/// assert_eq!(err.kind(), CborErrorKind::LengthExceedsInput { declared: 1 << 63 });
/// assert_eq!(err.offset(), 0);
/// assert_eq!(err.to_string(), "CBOR: a declared length of 9223372036854775808 exceeds the input, at byte 0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CborError {
    kind: CborErrorKind,
    offset: usize,
}

/// What was wrong with CBOR input (see [`CborError::kind`]).
///
/// Public, unlike most of the runtime's error kinds, because a shape reader
/// built on the decoder turns some of them into its own messages (a member
/// of the wrong type, a number out of range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CborErrorKind {
    /// The input ended inside an item's head.
    UnexpectedEof,
    /// An item of another type than the one asked for.
    UnexpectedType {
        /// What was asked for, e.g. `"text string"`.
        expected: &'static str,
        /// What the input holds.
        found: Type,
    },
    /// Additional information 28, 29 or 30, which RFC 8949 reserves.
    ReservedAdditionalInfo(u8),
    /// Additional information 31 (indefinite length) on an integer or a tag.
    IndefiniteNotAllowed,
    /// A chunk of an indefinite-length string that is not a definite-length
    /// string of the same major type.
    InvalidChunk,
    /// A two-byte simple value below 32 (not well-formed, RFC 8949 §3.3).
    InvalidSimpleValue(u8),
    /// An integer outside the range of the type asked for.
    IntegerOverflow,
    /// A text string (or one of its chunks) that is not UTF-8.
    InvalidUtf8,
    /// A string, array or map declaring more bytes (or items) than the rest
    /// of the input could hold. Checked before anything is allocated.
    LengthExceedsInput {
        /// The declared length.
        declared: u64,
    },
    /// Arrays and maps nested deeper than the decoder's limit.
    DepthLimitExceeded {
        /// The limit ([`Decoder::with_max_depth`](super::Decoder::with_max_depth)).
        limit: usize,
    },
    /// A break (`0xff`) outside an indefinite-length array or map, or right
    /// after a map key.
    UnexpectedBreak,
    /// Bytes left over after the item ([`Decoder::finish`](super::Decoder::finish)).
    TrailingBytes,
}

impl CborError {
    pub(super) fn new(kind: CborErrorKind, offset: usize) -> Self {
        CborError { kind, offset }
    }

    /// What was wrong.
    pub fn kind(&self) -> CborErrorKind {
        self.kind
    }

    /// The byte offset, in the decoder's input, of the item where it was found.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for CborError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CBOR: ")?;
        match self.kind {
            CborErrorKind::UnexpectedEof => f.write_str("the input ends inside an item")?,
            CborErrorKind::UnexpectedType { expected, found } => {
                write!(f, "expected {expected}, found {}", found.name())?
            }
            CborErrorKind::ReservedAdditionalInfo(info) => {
                write!(f, "reserved additional information {info}")?
            }
            CborErrorKind::IndefiniteNotAllowed => {
                f.write_str("indefinite length on an integer or tag")?
            }
            CborErrorKind::InvalidChunk => f.write_str(
                "an indefinite-length string chunk is not a definite string of its type",
            )?,
            CborErrorKind::InvalidSimpleValue(value) => {
                write!(f, "two-byte simple value {value} (below 32)")?
            }
            CborErrorKind::IntegerOverflow => f.write_str("integer out of range")?,
            CborErrorKind::InvalidUtf8 => f.write_str("text string is not UTF-8")?,
            CborErrorKind::LengthExceedsInput { declared } => {
                write!(f, "a declared length of {declared} exceeds the input")?
            }
            CborErrorKind::DepthLimitExceeded { limit } => {
                write!(f, "nested deeper than {limit} arrays and maps")?
            }
            CborErrorKind::UnexpectedBreak => {
                f.write_str("break outside an indefinite-length container")?
            }
            CborErrorKind::TrailingBytes => f.write_str("bytes after the item")?,
        }
        write!(f, ", at byte {}", self.offset)
    }
}

impl std::error::Error for CborError {}
