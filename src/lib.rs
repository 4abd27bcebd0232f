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
        client, credentials, encoding, endpoint, env, error, http, operation, pagination, profile,
        redact, region, retry, sigv4, text, time, token, transport, value,
    };
    pub use awsop_runtime::{
        BoxFuture, Client, ClientBuilder, Credentials, Error, ErrorKind, ErrorMetadata, Region,
    };
}
pub use awsop_runtime::client::ConfigError;
pub use awsop_runtime::pagination::Paginator;
pub use awsop_runtime::{Blob, DateTime, Document};
pub use awsop_runtime::{Client, ClientBuilder, Credentials, Region};
pub use awsop_runtime::{Error, ErrorKind, ErrorMetadata};

#[cfg(feature = "datazone")]
pub mod datazone;

pub mod credentials;
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
