//! Formats: how shapes become bytes and back. Each implements
//! [`ShapeWriter`](crate::shape::ShapeWriter) and
//! [`ShapeReader`](crate::shape::ShapeReader) once; protocols pick one.
//!
//! - [`json`]: restJson1 and awsJson1.0 / 1.1;
//! - [`cbor`]: RFC 8949 bytes, for rpcv2Cbor.

pub mod cbor;
pub mod json;
