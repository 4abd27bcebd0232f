#![doc = include_str!("lib.md")]
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]

pub use awsop_macros::{aws_operation, aws_shape};

/// The runtime's public modules: credentials providers, the client and its
/// configuration, errors, endpoints, retries, SigV4, the HTTP transport and
/// its types. Everything a program names; what only generated code needs is
/// not here.
///
/// ```
/// use awsop::runtime::credentials::ProvideCredentials;
/// use awsop::runtime::retry::RetryConfig;
/// let retry = RetryConfig::default();
/// assert!(retry.max_attempts >= 1);
/// ```
pub mod runtime {
    pub use awsop_runtime::{
        body, call_options, client, credentials, encoding, endpoint, env, error, http, operation,
        pagination, presign, profile, redact, region, retry, s3 as s3_rules, sigv4, text, time,
        token, transport, value,
    };
    pub use awsop_runtime::{
        BoxFuture, Client, ClientBuilder, Credentials, Error, ErrorKind, ErrorMetadata, Region,
    };
}
pub use awsop_runtime::body::ByteStream;
pub use awsop_runtime::call_options::{CallOptions, PayloadSigning, RequestChecksum};
pub use awsop_runtime::client::ConfigError;
pub use awsop_runtime::pagination::Paginator;
pub use awsop_runtime::presign::PresignedRequest;
pub use awsop_runtime::{Blob, DateTime, Document};
pub use awsop_runtime::{Client, ClientBuilder, Credentials, Region};
pub use awsop_runtime::{Error, ErrorKind, ErrorMetadata};

#[cfg(feature = "datazone")]
pub mod datazone;

pub mod credentials;
#[cfg(feature = "s3")]
pub mod s3;
#[cfg(feature = "sso")]
pub mod sso;
#[cfg(feature = "sso")]
pub mod sso_oidc;
#[cfg(feature = "sts")]
pub mod sts;

#[cfg(feature = "test-util")]
pub mod mock;

#[doc(hidden)]
pub mod __private;
