//! Formats: how shapes become bytes and back. Each implements
//! [`ShapeWriter`](crate::shape::ShapeWriter) and
//! [`ShapeReader`](crate::shape::ShapeReader) once; protocols pick one.
//!
//! - [`json`]: restJson1 and awsJson1.0 / 1.1;
//! - [`cbor`]: RFC 8949 bytes, for rpcv2Cbor;
//! - [`xml`]: restXml bodies, awsQuery and ec2Query responses;
//! - [`query`]: form pairs, for awsQuery and ec2Query requests.

#[cfg(feature = "cbor")]
pub mod cbor;
pub mod json;
#[cfg(feature = "xml")]
pub mod query;
#[cfg(feature = "xml")]
pub mod xml;
