//! [`DispatchError`]: a request that could not be sent, or whose response
//! could not be received.

use std::fmt;

/// The request could not be sent or its response not fully received.
///
/// ```
/// use awsop_runtime::transport::{DispatchError, DispatchErrorKind};
/// let err = DispatchError::new(DispatchErrorKind::Timeout, "attempt timed out after 1s");
/// assert!(err.is_timeout());
/// ```
#[derive(Debug)]
pub struct DispatchError {
    kind: DispatchErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// What kind of dispatch failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DispatchErrorKind {
    /// Could not connect (DNS, refused, TLS handshake).
    Connect,
    /// The connection failed mid-exchange (reset, truncated body).
    Io,
    /// An attempt or the whole operation timed out.
    Timeout,
    /// The response body exceeded the configured size cap.
    BodyTooLarge,
    /// Anything else the HTTP client reported.
    Other,
}

impl DispatchError {
    /// A dispatch error of `kind`.
    pub fn new(kind: DispatchErrorKind, message: impl Into<String>) -> Self {
        DispatchError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// Attach the underlying cause.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The kind of failure.
    pub fn kind(&self) -> DispatchErrorKind {
        self.kind
    }

    /// Whether this was a timeout.
    pub fn is_timeout(&self) -> bool {
        self.kind == DispatchErrorKind::Timeout
    }
}

impl fmt::Display for DispatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DispatchError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}
