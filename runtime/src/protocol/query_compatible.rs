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
///
/// Read as botocore reads it (`_do_query_compatible_error_parse` in
/// `parsers.py`): exactly two `;`-separated parts, the code not empty.
/// Anything else is not a legacy code, and the code comes from the body.
pub(super) fn legacy_code(response: &HttpResponse) -> Option<&str> {
    let value = response.header("x-amzn-query-error")?;
    let mut parts = value.split(';');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(code), Some(_fault), None) if !code.is_empty() => Some(code),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(header: &str) -> Option<String> {
        let mut response = HttpResponse::new(400, "{}");
        response
            .headers
            .insert("x-amzn-query-error", HeaderValue::from_str(header).unwrap());
        legacy_code(&response).map(str::to_owned)
    }

    // Each case as botocore 1.44.8's `_do_query_compatible_error_parse`
    // answers it (`len(split(';')) == 2 and split(';')[0]`).
    #[test]
    fn reads_the_header_as_botocore_does() {
        assert_eq!(
            code_of("AWS.SimpleQueueService.NonExistentQueue;Sender").as_deref(),
            Some("AWS.SimpleQueueService.NonExistentQueue")
        );
        assert_eq!(
            code_of("Customized;Receiver").as_deref(),
            Some("Customized")
        );
        assert_eq!(code_of("Customized;").as_deref(), Some("Customized"));
        // No fault part, an empty code, or a third part: not a legacy code.
        assert_eq!(code_of("Customized"), None);
        assert_eq!(code_of(";Sender"), None);
        assert_eq!(code_of("a;Sender;extra"), None);
        assert_eq!(code_of(""), None);
        assert_eq!(legacy_code(&HttpResponse::new(400, "{}")), None);
    }
}
