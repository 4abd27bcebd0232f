//! awsop: call AWS APIs by declaring each operation as a plain struct.
//!
//! `#[aws_operation]` turns a struct into an operation's input: it
//! implements request serialization, idempotency-token autofill, output and
//! error parsing, and an async `send`. `#[aws_shape]` gives structures,
//! enums and unions their AWS wire form. A program pays only for the
//! operations it declares.
//!
//! ```no_run
//! use awsop::{aws_operation, aws_shape};
//!
//! #[aws_operation(
//!     service = "datazone",
//!     endpoint = "https://datazone.{region}.api.aws",
//!     method = "POST",
//!     uri = "/v2/domains/{domainIdentifier}/user-profiles",
//!     status = 201,
//!     output = CreateUserProfileOutput,
//!     error = DataZoneError,
//! )]
//! #[derive(Debug, Clone, Default)]
//! pub struct CreateUserProfile {
//!     #[aws(label)]
//!     pub domain_identifier: String,
//!     pub user_identifier: String,
//!     pub user_type: Option<UserType>,
//!     #[aws(idempotency_token)]
//!     pub client_token: Option<String>,
//! }
//!
//! #[aws_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct CreateUserProfileOutput {
//!     pub id: Option<String>,
//!     pub user_type: Option<UserType>,
//! }
//!
//! #[aws_shape]
//! #[derive(Debug, Clone, PartialEq, Eq, Hash)]
//! pub enum UserType { IamUser, IamRole, SsoUser }
//!
//! #[aws_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct AccessDeniedException { pub message: String }
//!
//! #[aws_shape(errors)]
//! #[derive(Debug, Clone, PartialEq)]
//! pub enum DataZoneError { AccessDeniedException(AccessDeniedException) }
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let client = awsop::Client::from_env().await?;
//! let out = CreateUserProfile {
//!     domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
//!     user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
//!     user_type: Some(UserType::IamRole),
//!     ..Default::default()
//! }
//! .send(&client)
//! .await?;
//! # Ok(()) }
//! ```
//!
//! # `#[aws_operation(...)]`
//!
//! On a struct with named fields (or a unit struct: no input).
//!
//! | argument | meaning |
//! |---|---|
//! | `service = "datazone"` | SigV4 signing name and default endpoint prefix (required) |
//! | `method = "POST"` | HTTP method, upper case (required) |
//! | `uri = "/v2/x/{label}/y/{greedy+}?x-id=Foo"` | path template with labels and an optional literal query (required) |
//! | `status = 201` | the success status (2xx; default 200) |
//! | `output = Type` | an `#[aws_shape]` structure (default `()`) |
//! | `error = Type` | an `#[aws_shape(errors)]` enum (default: every error unhandled) |
//! | `protocol = "restJson1"` | the only protocol supported yet |
//! | `endpoint = "https://datazone.{region}.api.aws"` | endpoint template (default `https://{service}.{region}.amazonaws.com` and partition suffixes) |
//! | `service_id = "DataZone"` | names `AWS_ENDPOINT_URL_<SERVICE_ID>` (default: `service`) |
//! | `name = "CreateUserProfile"` | the operation name (default: the struct name) |
//! | `crate = "::my_awsop"` | where awsop is, if renamed |
//!
//! # Members: `#[aws(...)]`
//!
//! A member without a binding is a JSON body member named in lowerCamelCase
//! (`user_identifier` → `userIdentifier`), or `rename = "..."`. `Option`
//! members are left out when `None`; empty strings and lists are sent.
//!
//! | key | where | meaning |
//! |---|---|---|
//! | `label` | input | fills `{name}` of the uri (`label = "name"` to rename); must be set and non-empty |
//! | `query = "k"` | input | a query parameter (scalar or list; `query` alone uses the wire name) |
//! | `query_params` | input | a `HashMap<String, String or Vec<String>>` of parameters; explicit `query` members win |
//! | `header = "X-Foo"` | both | a header (scalars; lists are `, `-joined; timestamps as http-date) |
//! | `prefix_headers = "x-amz-meta-"` | both | a `HashMap<String, String>` of headers |
//! | `payload` | both | the whole body: `Blob`, `String`, `Document`, a structure, union or string enum |
//! | `idempotency_token` | input | an `Option<String>` filled with a UUID once per call when `None` |
//! | `response_code` | output | receives the HTTP status |
//! | `timestamp_format = "date-time"` | both | `epoch-seconds`, `date-time` or `http-date` |
//! | `sensitive` | both | redacted in the `Debug` the macro then writes (do not derive `Debug`) |
//! | `rename = "Name"` | both | the wire name |
//!
//! Member types: `String`, `bool`, `i8`…`i64`, `f32`, `f64`, [`Blob`],
//! [`DateTime`], [`Document`], `Vec<T>`, `Vec<Option<T>>` (sparse),
//! `HashMap<String, T>` (and sparse), `Box<T>`, `Option<T>`, and
//! `#[aws_shape]` types.
//!
//! # `#[aws_shape]`
//!
//! - a struct: a structure (also usable as output, exception or payload);
//! - an enum of unit variants: a string enum, values in
//!   SCREAMING_SNAKE_CASE unless `#[aws(rename = "...")]`; the macro adds
//!   `Unknown(String)` for values it does not know;
//! - an enum of unit variants with values (`A = 1`): an int enum, plus
//!   `Unknown(i32)`;
//! - an enum of one-value variants: a union, member names in lowerCamelCase;
//!   plus `Unknown(String)` holding an unknown member's name;
//! - `#[aws_shape(errors)]` on an enum of `Code(ExceptionStructure)`
//!   variants (`#[aws(retryable)]`, `#[aws(throttling)]`): an operation's
//!   errors, plus `Unhandled`.
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
        client, credentials, encoding, endpoint, env, error, http, operation, profile, region,
        retry, sigv4, text, time, token, transport, value,
    };
    pub use awsop_runtime::{
        BoxFuture, Client, ClientBuilder, Credentials, Error, ErrorKind, ErrorMetadata, Region,
    };
}
pub use awsop_runtime::client::ConfigError;
pub use awsop_runtime::{Blob, DateTime, Document};
pub use awsop_runtime::{Client, ClientBuilder, Credentials, Region};
pub use awsop_runtime::{Error, ErrorKind, ErrorMetadata};

#[cfg(feature = "datazone")]
pub mod datazone;

#[doc(hidden)]
pub mod __private;
