//! The runtime of [awsop](https://docs.rs/awsop): everything a declared AWS
//! operation needs at run time, and nothing about any particular service.
//!
//! - [`sigv4`]: sans-IO Signature Version 4 (headers and presigned query).
//! - [`credentials`]: the provider trait, static credentials and the default chain.
//! - [`profile`]: the shared `config` / `credentials` files.
//! - [`region`], [`endpoint`]: where a call goes.
//! - [`retry`]: AWS standard and adaptive retry modes.
//! - [`transport`]: the HTTP client trait, its hyper implementation (and an optional reqwest one).
//! - [`Client`]: the handle an operation is sent through.
//!
//! Users depend on the `awsop` facade, which re-exports what they need.
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]
#![forbid(unsafe_code)]

// The byte-level CBOR codec under the rpcv2Cbor protocol; not yet part of
// the runtime's user-facing surface.
#[doc(hidden)]
pub mod cbor;
pub mod client;
pub mod credentials;
pub mod endpoint;
pub mod env;
pub mod error;
pub mod http;
pub mod operation;
pub mod orchestrator;
pub mod profile;
pub mod protocol;
pub mod region;
pub mod retry;
mod settings;
pub mod sigv4;
pub mod time;
pub mod token;
pub mod transport;

pub use client::{Client, ClientBuilder};
pub use credentials::Credentials;
pub use error::{Error, ErrorKind, ErrorMetadata};
pub use region::Region;

/// A boxed, `Send` future: the return type of the runtime's async traits.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;
