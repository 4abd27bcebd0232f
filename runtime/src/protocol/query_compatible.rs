//! Query-compatible services: those that moved from awsQuery to a JSON or
//! CBOR protocol and keep their old error codes for old clients.

use http::header::{HeaderName, HeaderValue};

use crate::http::{HttpRequest, HttpResponse};
use crate::operation::OperationMetadata;

const QUERY_MODE: HeaderName = HeaderName::from_static("x-amzn-query-mode");

/// Says `x-amzn-query-mode: true` on requests of a query-compatible
/// service (which then answers errors with their awsQuery codes).
pub(super) fn mark_request(request: &mut HttpRequest, operation: &OperationMetadata) {
    if operation.query_compatible {
        request
            .headers
            .insert(QUERY_MODE, HeaderValue::from_static("true"));
    }
}

/// The legacy code of `x-amzn-query-error: <Code>;<Sender|Receiver>`, if
/// the response has one.
///
/// ```text
/// x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender
/// ```
pub(super) fn legacy_code(response: &HttpResponse) -> Option<&str> {
    let value = response.header("x-amzn-query-error")?;
    let code = value.split(';').next().unwrap_or(value).trim();
    (!code.is_empty()).then_some(code)
}
