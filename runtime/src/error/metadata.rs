use std::fmt;

/// What every service error carries: code, message, HTTP status, request id.
///
/// ```
/// use awsop_runtime::ErrorMetadata;
/// let meta = ErrorMetadata::new(Some("ValidationException".into()), Some("bad".into()), 400, Some("r-1".into()));
/// assert_eq!(meta.to_string(), "ValidationException (HTTP 400, request id r-1): bad");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorMetadata {
    code: Option<String>,
    message: Option<String>,
    status: u16,
    request_id: Option<String>,
}

impl ErrorMetadata {
    /// Metadata from its parts.
    pub fn new(
        code: Option<String>,
        message: Option<String>,
        status: u16,
        request_id: Option<String>,
    ) -> Self {
        ErrorMetadata {
            code,
            message,
            status,
            request_id,
        }
    }

    /// The error code, e.g. `ThrottlingException`.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The human-readable message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The `x-amzn-requestid` response header.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl fmt::Display for ErrorMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code.as_deref().unwrap_or("unknown error"))?;
        write!(f, " (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        f.write_str(")")?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}
