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
