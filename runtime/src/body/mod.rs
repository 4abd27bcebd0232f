//! Streaming bodies: [`ByteStream`], the type of `@streaming` blob members
//! (S3 `PutObject`'s `Body`, `GetObject`'s `Body`), for requests and
//! responses alike.
//!
//! A request body comes from bytes, a file (or a range of one), or an async
//! reader of known length. Bytes and files can be sent again, so a retried
//! attempt re-sends them from the start; a reader cannot, so an attempt
//! that has sent (part of) it is never retried.
//!
//! A response body is read from the connection as the caller consumes it:
//! never buffered whole, not bound by the response-size cap, and the
//! socket is only read when the caller asks for more (back-pressure).
//!
//! ```
//! use awsop_runtime::body::ByteStream;
//! # async fn demo() -> std::io::Result<()> {
//! let mut body = ByteStream::from("hello");
//! assert_eq!(body.content_length(), Some(5));
//! assert_eq!(body.next().await.transpose()?.as_deref(), Some(&b"hello"[..]));
//! assert!(body.next().await.is_none());
//! # Ok(()) }
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(demo()).unwrap();
//! ```

pub(crate) mod aws_chunked;
mod byte_stream;
mod file;
mod hash;
pub(crate) mod outgoing;

pub use byte_stream::ByteStream;
pub(crate) use byte_stream::ChunkSource;
pub(crate) use hash::payload_sha256;
