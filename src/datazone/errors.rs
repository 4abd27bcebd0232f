use crate::aws_shape;

/// The errors DataZone's user-profile operations are modeled to return.
///
/// Every variant holds the exception's body (its `message`); the
/// [`Error`](crate::Error) that wraps this enum also has the code, HTTP
/// status and request id. A code none of the variants names (a newer
/// exception, or one from the AWS front door such as
/// `ServiceUnavailableException`) is `Unhandled`, with its details still in
/// the surrounding [`Error`](crate::Error).
///
/// The client retries [`InternalServerException`](Self::InternalServerException)
/// and [`ThrottlingException`](Self::ThrottlingException) on its own (the
/// model marks both retryable); you only see them once the retry budget is
/// spent.
///
/// ```
/// use awsop::datazone::{DataZoneError, ValidationException};
/// let err = DataZoneError::ValidationException(ValidationException {
///     message: "domainIdentifier does not match the pattern".into(),
/// });
/// assert!(matches!(err, DataZoneError::ValidationException(_)));
/// ```
#[aws_shape(errors, crate = "crate")]
#[derive(Debug, Clone, PartialEq)]
pub enum DataZoneError {
    /// HTTP 403: the caller's credentials do not allow this call.
    AccessDeniedException(AccessDeniedException),
    /// HTTP 500: DataZone failed on its side. Retried automatically.
    #[aws(retryable)]
    InternalServerException(InternalServerException),
    /// HTTP 404: the domain or the profile does not exist.
    ResourceNotFoundException(ResourceNotFoundException),
    /// HTTP 429: too many requests. Retried automatically, with backoff.
    // The model marks it retryable without the throttling flag; the
    // runtime still treats the code `ThrottlingException` as throttling.
    #[aws(retryable)]
    ThrottlingException(ThrottlingException),
    /// HTTP 401: the caller is not authorized (e.g. not a member of the domain).
    UnauthorizedException(UnauthorizedException),
    /// HTTP 400: the input broke one of DataZone's rules; the message says which.
    ValidationException(ValidationException),
}

/// The body of an HTTP 403 `AccessDeniedException`: the caller's
/// credentials do not allow this call.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessDeniedException {
    /// DataZone's explanation.
    pub message: String,
}

/// The body of an HTTP 500 `InternalServerException`: DataZone failed on
/// its side. The model marks it retryable.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InternalServerException {
    /// DataZone's explanation.
    pub message: String,
}

/// The body of an HTTP 404 `ResourceNotFoundException`: the domain or the
/// profile does not exist.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResourceNotFoundException {
    /// DataZone's explanation.
    pub message: String,
}

/// The body of an HTTP 429 `ThrottlingException`: the caller sent too many
/// requests. The model marks it retryable.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThrottlingException {
    /// DataZone's explanation.
    pub message: String,
}

/// The body of an HTTP 401 `UnauthorizedException`: the caller is not
/// authorized for this domain.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnauthorizedException {
    /// DataZone's explanation.
    pub message: String,
}

/// The body of an HTTP 400 `ValidationException`: the input broke one of
/// DataZone's rules (a pattern, a length, a missing member).
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationException {
    /// DataZone's explanation, naming the member at fault.
    pub message: String,
}
