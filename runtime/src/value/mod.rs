//! The value types of AWS shapes, shared by every protocol: [`Blob`],
//! [`DateTime`] with its [`TimestampFormat`]s, and [`Document`].

mod blob;
mod datetime;
mod document;
mod float_text;
mod timestamp_format;

pub use blob::Blob;
pub use datetime::DateTime;
pub use document::{Document, Number};
pub use float_text::{float_text, parse_float, write_float};
pub use timestamp_format::{Location, TimestampFormat};
