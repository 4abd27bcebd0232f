//! What the runtime needs to know about one declared operation.
//!
//! `#[aws_operation]` implements [`Operation`] for the user's struct and
//! [`ModeledError`] for its error enum; the runtime's [`crate::orchestrator`]
//! drives any `Operation` through routing, signing, retries and parsing.

use std::fmt::Debug;

use crate::body::ByteStream;
use crate::error::{BuildError, ErrorMetadata, ParseError};
use crate::http::{HttpRequest, HttpResponse};
use crate::protocol::binding::FromResponse;
use crate::protocol::{Protocol, Role};
use crate::token::IdempotencyTokenGenerator;

/// Static facts about an operation.
///
/// ```
/// use awsop_runtime::operation::{BodyChecksum, OperationMetadata};
/// const META: OperationMetadata = OperationMetadata {
///     service: "datazone",
///     service_id: "DataZone",
///     name: "CreateUserProfile",
///     endpoint: Some("https://datazone.{region}.api.aws"),
///     target_prefix: None,
///     api_version: None,
///     query_compatible: false,
///     request_checksum: BodyChecksum::None,
/// };
/// assert_eq!(META.env_suffix(), "DATAZONE");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OperationMetadata {
    /// The SigV4 signing name, also the default endpoint prefix.
    pub service: &'static str,
    /// The service id (`DataZone`), which names `AWS_ENDPOINT_URL_<SERVICE_ID>`
    /// and the `services` section key of a profile.
    pub service_id: &'static str,
    /// The operation name, as AWS spells it (`CreateUserProfile`).
    pub name: &'static str,
    /// An endpoint template, e.g. `https://datazone.{region}.api.aws`;
    /// `None` uses `https://{service}.{region}.{dnsSuffix}`.
    pub endpoint: Option<&'static str>,
    /// The service's target prefix (`DynamoDB_20120810`): awsJson's
    /// `X-Amz-Target` is `<prefix>.<name>`, rpcv2Cbor's path names it.
    pub target_prefix: Option<&'static str>,
    /// The service's API version (`2011-06-15`), sent by awsQuery and
    /// ec2Query as `Version=`.
    pub api_version: Option<&'static str>,
    /// Whether the service is query-compatible (it moved from awsQuery to
    /// a JSON or CBOR protocol): requests say `x-amzn-query-mode: true`,
    /// and errors carry the legacy awsQuery code.
    pub query_compatible: bool,
    /// Whether the service checks a checksum of the request body
    /// (`request_checksum = "..."`).
    pub request_checksum: BodyChecksum,
}

/// What an operation's model says of a checksum of its request body
/// (`request_checksum = "required"` / `"supported"` on the operation).
///
/// ```
/// use awsop_runtime::operation::BodyChecksum;
/// assert_eq!(BodyChecksum::default(), BodyChecksum::None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BodyChecksum {
    /// The service takes none.
    #[default]
    None,
    /// The service checks one when sent (`httpChecksum.requestAlgorithmMember`:
    /// S3's `PutObject`, `UploadPart`): a streamed S3 upload carries a
    /// trailing CRC32 unless the call asks for checksums only where required.
    Supported,
    /// The service refuses the request without one (`httpChecksumRequired`:
    /// S3's `DeleteObjects`, `PutBucketCors`): one is always added unless the
    /// request carries its own.
    Required,
}

impl OperationMetadata {
    /// The service id as used in environment variable names: upper case,
    /// spaces and dashes as underscores (`DataZone` → `DATAZONE`).
    pub fn env_suffix(&self) -> String {
        self.service_id
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_uppercase(),
            })
            .collect()
    }
}

/// One AWS operation: how to serialize its input and parse its answers.
pub trait Operation: Send + 'static {
    /// The parsed successful response.
    type Output: Send + 'static;
    /// The operation's modeled errors.
    type Error: ModeledError;
    /// The wire protocol: it writes the body, reads the output and the
    /// errors' code, message and request id.
    type Protocol: Protocol;

    /// Static facts: service, name, endpoint template.
    const METADATA: OperationMetadata;

    /// Fills every idempotency-token member that is `None`. Called once per
    /// call, before the first attempt, so every retry sends the same token.
    fn fill_idempotency_tokens(&mut self, _tokens: &dyn IdempotencyTokenGenerator) {}

    /// Validates the input and serializes it into a relative request
    /// (`uri` is path and query). Errors mean nothing is sent.
    fn serialize(&self) -> Result<HttpRequest, BuildError>;

    /// The prefix of the host the request goes to (`host_prefix = "..."`),
    /// its labels filled from the input and checked: `None` for the
    /// service's own host. Errors mean nothing is sent.
    fn host_prefix(&self) -> Result<Option<String>, BuildError> {
        Ok(None)
    }

    /// The body of a streaming payload member (`ByteStream`), sent
    /// instead of the serialized body. Called for every attempt: a
    /// replayable body is read anew each time.
    fn request_body(&self) -> Option<ByteStream> {
        None
    }

    /// Whether the output has a streaming payload member: its success
    /// responses are parsed from their head, and the body is handed to
    /// [`Operation::attach_response_body`] unread.
    const STREAMING_OUTPUT: bool = false;

    /// Puts the unread response body into the output's streaming member.
    fn attach_response_body(_output: &mut Self::Output, _body: ByteStream) {}

    /// Parses a 2xx response (with the protocol's
    /// [`read_output`](crate::protocol::binding::FromResponse), for
    /// declared operations).
    fn parse_output(response: &HttpResponse) -> Result<Self::Output, ParseError>;
}

/// [`Operation::parse_output`] for an output declared with
/// `#[aws_shape]`: reads it as the operation's protocol defines (what
/// `#[aws_operation]` expands into).
#[doc(hidden)]
pub fn read_output<O: Operation>(response: &HttpResponse) -> Result<O::Output, ParseError>
where
    O::Output: FromResponse,
{
    O::Output::from_response::<O::Protocol>(
        response,
        Role::Output {
            operation: O::METADATA.name,
        },
    )
}

/// Reads an error response as operation `O` does: its metadata (code,
/// message, HTTP status, request id) by the operation's protocol, and the
/// typed error. Useful for checking an operation against a recorded
/// response.
pub fn read_error<O: Operation>(
    response: &HttpResponse,
) -> Result<(O::Error, ErrorMetadata), ParseError> {
    let metadata = O::Protocol::error_metadata(response);
    let error = O::Error::from_response::<O::Protocol>(response, &metadata)?;
    Ok((error, metadata))
}

/// The typed error enum of an operation (its modeled exceptions plus an
/// unhandled case).
pub trait ModeledError: Debug + Send + Sync + Sized + 'static {
    /// Builds the typed error for a non-2xx response of protocol `P`,
    /// given its metadata (the code as read from the headers or body).
    /// Unknown codes give the unhandled case; a body that does not fit the
    /// modeled shape is a [`ParseError`].
    fn from_response<P: Protocol>(
        response: &HttpResponse,
        metadata: &ErrorMetadata,
    ) -> Result<Self, ParseError>;

    /// The error's code (the modeled exception's name on the wire), or
    /// `None` for the unhandled case. Error enums also have it as an
    /// inherent method.
    fn code(&self) -> Option<&'static str> {
        None
    }

    /// The exception's message, if it has one.
    fn message(&self) -> Option<&str> {
        None
    }

    /// Whether the model marks this error retryable.
    fn is_retryable(&self) -> bool {
        false
    }

    /// Whether the model marks this error as throttling.
    fn is_throttling(&self) -> bool {
        false
    }
}

/// The error type of operations that model no errors: every service error
/// is unhandled, and still carries its metadata in [`crate::Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unmodeled {
    /// A service error with no modeled shape.
    Unhandled,
}

impl std::fmt::Display for Unmodeled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // As the macro's error enums show their `Unhandled` case.
        f.write_str("unhandled service error")
    }
}

impl std::error::Error for Unmodeled {}

impl ModeledError for Unmodeled {
    fn from_response<P: Protocol>(
        _response: &HttpResponse,
        _metadata: &ErrorMetadata,
    ) -> Result<Self, ParseError> {
        Ok(Unmodeled::Unhandled)
    }
}
