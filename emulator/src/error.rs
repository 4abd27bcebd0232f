//! The errors the emulator answers with, in restJson1 form.

use crate::server::response::Response;

/// A service error: HTTP status, error code and message.
///
/// On the wire: the status, `x-amzn-ErrorType: <Code>:<namespace URL>` (the
/// client must cut at `:`), and the body `{"message":"..."}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ServiceError {
    pub(crate) status: u16,
    pub(crate) code: &'static str,
    pub(crate) message: String,
}

// Real AWS services append a Coral namespace after the code; clients must
// ignore it, so the emulator sends one too.
const ERROR_TYPE_SUFFIX: &str = ":http://internal.amazon.com/coral/com.amazon.coral.service/";

impl ServiceError {
    pub(crate) fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        ServiceError {
            status,
            code,
            message: message.into(),
        }
    }

    pub(crate) fn validation(message: impl Into<String>) -> Self {
        Self::new(400, "ValidationException", message)
    }

    /// A body that is not a JSON object (AWS's code for unreadable input).
    pub(crate) fn serialization(message: impl Into<String>) -> Self {
        Self::new(400, "SerializationException", message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(404, "ResourceNotFoundException", message)
    }

    pub(crate) fn conflict(message: impl Into<String>) -> Self {
        Self::new(409, "ConflictException", message)
    }

    pub(crate) fn unknown_operation() -> Self {
        Self::new(404, "UnknownOperationException", "Unknown operation")
    }

    pub(crate) fn internal() -> Self {
        Self::new(
            500,
            "InternalServerException",
            "The request has failed because of an unknown error, exception or failure.",
        )
    }

    pub(crate) fn unavailable() -> Self {
        Self::new(503, "ServiceUnavailableException", "Service Unavailable")
    }

    pub(crate) fn throttling() -> Self {
        Self::new(429, "ThrottlingException", "Rate exceeded")
    }

    /// The value of `x-amzn-ErrorType`.
    pub(crate) fn error_type(&self) -> String {
        format!("{}{ERROR_TYPE_SUFFIX}", self.code)
    }

    /// The error as an HTTP response.
    pub(crate) fn into_response(self) -> Response {
        let body = serde_json::json!({ "message": self.message }).to_string();
        Response::json(self.status, body.into_bytes())
            .with_header("x-amzn-ErrorType", self.error_type())
    }
}
