//! JSON, for restJson1 and awsJson: [`JsonShapeWriter`] writes request
//! bodies straight into one pre-sized buffer; [`JsonShapeReader`] pulls
//! responses from the bytes without building a tree, through the strict,
//! depth-bounded tokenizer [`JsonReader`].

mod reader;
mod shape_reader;
mod shape_writer;
mod writer;

pub use reader::{JsonKind, JsonReader, MAX_DEPTH};
pub use shape_reader::JsonShapeReader;
pub use shape_writer::JsonShapeWriter;
pub use writer::JsonWriter;

/// The bytes a string cannot hold as they are (RFC 8259 §7): the quote, the
/// backslash and the control characters. The writer escapes them; the
/// reader leaves its fast path at them.
const SPECIAL_IN_STRING: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};
