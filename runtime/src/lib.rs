//! The runtime of [awsop](https://docs.rs/awsop): everything a declared AWS
//! operation needs at run time, and nothing about any particular service.
//!
//! - [`sigv4`]: sans-IO Signature Version 4 (headers and presigned query).
//! - [`credentials`]: the provider trait, static credentials and the default chain.
//! - [`profile`]: the shared `config` / `credentials` files.
//! - [`region`], [`endpoint`]: where a call goes.
//! - [`retry`]: AWS standard and adaptive retry modes.
//! - [`transport`]: the HTTP client trait, its hyper implementation (and an optional reqwest one).
//! - [`body`]: [`ByteStream`](body::ByteStream), streaming request and response bodies.
//! - [`s3`]: Amazon S3's addressing, signing and response rules.
//! - [`presign`]: presigned URLs for any operation.
//! - [`Client`]: the handle an operation is sent through.
//! - [`text`]: escaping control characters in text shown to people.
//! - [`redact`]: cutting echoed secrets out of error responses.
//!
//! Users depend on the `awsop` facade, which re-exports what they need.
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]
#![forbid(unsafe_code)]

pub mod body;
mod call_headers;
pub mod call_options;
pub mod client;
#[doc(hidden)]
pub mod codec;
pub mod credentials;
pub mod encoding;
pub mod endpoint;
pub mod env;
pub mod error;
pub mod http;
mod local_file;
#[cfg(feature = "test-util")]
#[doc(hidden)]
pub mod mock_hook;
pub mod operation;
#[doc(hidden)]
pub mod orchestrator;
pub mod pagination;
pub mod presign;
pub mod profile;
#[doc(hidden)]
pub mod protocol;
#[doc(hidden)]
pub mod random;
pub mod redact;
pub mod region;
pub mod retry;
pub mod s3;
mod settings;
#[doc(hidden)]
pub mod shape;
pub mod sigv4;
pub mod text;
pub mod time;
pub mod token;
pub mod transport;
pub mod value;

pub use client::{Client, ClientBuilder};
pub use credentials::Credentials;
pub use error::{Error, ErrorKind, ErrorMetadata};
pub use region::Region;
pub use value::{Blob, DateTime, Document, TimestampFormat};

/// A boxed, `Send` future: the return type of the runtime's async traits.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;
