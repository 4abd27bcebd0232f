//! The restJson1 protocol: what `#[aws_operation]` and `#[aws_shape]`
//! expand into.
//!
//! - Value types of AWS shapes: [`Blob`], [`DateTime`] (with
//!   [`TimestampFormat`]), [`Document`].
//! - [`json`]: JSON bodies, written directly into one buffer and read from
//!   a depth-limited parse tree.
//! - [`binding`]: members bound to the URI, query, headers, status code or
//!   the whole body.
//! - [`error_metadata`]: code, message and request id of an error response.
//! - [`base64`]: the blob codec.

pub mod base64;
pub mod binding;
mod blob;
mod datetime;
mod document;
mod error_metadata;
pub mod json;
mod map_key;
mod missing;
mod redacted;
mod structure;

pub use ::http::Method;
pub use blob::Blob;
pub use datetime::{DateTime, TimestampFormat};
pub use document::{Document, Number};
pub use error_metadata::{error_metadata, sanitize_error_code};
pub use map_key::MapKey;
pub use missing::MissingValue;
pub use redacted::Redacted;
pub use structure::Structure;
