//! The format-neutral shape model: what `#[aws_shape]` and
//! `#[aws_operation]` expand into, and what every format implements.
//!
//! # How a shape gets each format
//!
//! A shape is described once and written or read by any format:
//!
//! - the macro emits a [`StructSchema`] constant (the shape's name, and per
//!   body member its wire name and options) and one generic
//!   [`WriteValue`] / [`ReadValue`] impl that walks the members;
//! - each format (JSON, CBOR, XML, form encoding) implements
//!   [`ShapeWriter`] / [`ShapeReader`] once, in `crate::codec`, and each
//!   protocol picks its format in `crate::protocol`.
//!
//! So the code per shape does not grow with the number of protocols, and
//! generics instantiate a format only for the operations that use it: a
//! restJson1 program compiles no XML. Options a format needs (XML names,
//! namespaces, flattening, attributes; form-encoding names) are data in the
//! schema, not code in the shape.

mod map_key;
mod missing;
mod read;
mod redacted;
mod schema;
mod traits;
mod union;
mod write;

pub use map_key::MapKey;
pub use missing::MissingValue;
pub use read::{Field, ReadValue, ShapeReader};
pub use redacted::Redacted;
pub use schema::{Member, StructSchema, XmlMember, XmlName, XmlNamespace, ROOT};
pub use traits::{is_error_message_key, Shape, ERROR_MESSAGE_KEYS};
pub use union::{read_union, UnknownMember};
pub use write::{member_size_hint, write_member, ShapeWriter, WriteValue};
