//! Sans-IO [Signature Version 4](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4.html)
//! signing: in the `Authorization` header ([`sign_headers`], [`sign_request`])
//! or as a presigned URL ([`presign_query`]).
//!
//! Nothing here reads the clock or does IO: the time is a parameter, so
//! signatures are reproducible. Nothing here knows where keys come from
//! either: the signer takes a [`SigningIdentity`] (the runtime's
//! `Credentials` lend one with `signing_identity()`).
//!
//! # The flow, file by file
//!
//! ```text
//! SignableRequest + SigningParams (request.rs, identity.rs, settings.rs)
//!   │ signer.rs: validate; choose the headers to sign, add host
//!   │   authorization.rs adds x-amz-date, the token, x-amz-content-sha256,
//!   │   or presign.rs the X-Amz-* query parameters
//!   ├─ task 1  canonical_request.rs  (encode.rs: URI encodings, uri.rs: URI parts)
//!   ├─ task 2  string_to_sign.rs     (date.rs: the timestamp)
//!   ├─ task 3  signing_key.rs        (derivation, and the SigningKeyCache)
//!   └─ task 4  signature.rs          (also runs 1, 2, 4 in a row for verify/)
//!       │
//! SigningOutput (output.rs): the Authorization header (authorization.rs)
//!                            or the query parameters (presign.rs)
//! ```
//!
//! Every header and parameter name is in `headers.rs`; every error is a
//! [`SigningError`]. With the cargo feature `verify`, the `verify` module
//! recomputes a signature for a server (the emulator) with the same steps.
//!
//! ```
//! use awsop_runtime::sigv4::{sign_headers, SignableRequest, SigningIdentity, SigningParams, SigningSettings};
//! use std::time::{Duration, UNIX_EPOCH};
//!
//! let settings = SigningSettings::default();
//! let params = SigningParams {
//!     identity: SigningIdentity::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None),
//!     region: "us-east-1",
//!     service: "service",
//!     time: UNIX_EPOCH + Duration::from_secs(1_440_938_160), // 2015-08-30T12:36:00Z
//!     settings: &settings,
//! };
//! let request = SignableRequest {
//!     method: "GET",
//!     uri: "https://example.amazonaws.com/",
//!     headers: &[],
//!     body: b"",
//! };
//! let output = sign_headers(&request, &params).unwrap();
//! assert_eq!(output.signature, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
//! assert_eq!(output.headers[0], ("x-amz-date", "20150830T123600Z".to_owned()));
//! ```

mod authorization;
mod canonical_request;
mod date;
mod encode;
mod error;
mod headers;
mod identity;
mod output;
mod presign;
mod request;
mod settings;
mod signature;
mod signer;
mod signing_key;
mod string_to_sign;
mod uri;
#[cfg(feature = "verify")]
pub mod verify;

pub use authorization::{sign_headers, sign_request};
pub use error::SigningError;
pub use headers::NEVER_SIGNED_HEADERS;
pub use identity::SigningIdentity;
pub use output::SigningOutput;
pub use presign::presign_query;
pub use request::{SignableRequest, SigningParams};
pub use settings::{PayloadHashing, SessionTokenMode, SigningSettings};
pub use signing_key::SigningKeyCache;

// For `Credentials`, which keeps its secret with the digest the cache needs.
pub(crate) use identity::SigningSecret;
pub(crate) use uri::host_header_for;

#[cfg(test)]
mod tests;
