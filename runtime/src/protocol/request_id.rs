//! Where a response carries its request id: one list for every protocol,
//! the orchestrator's logs and error metadata.

use crate::http::HttpResponse;

/// The headers that carry a request id, in the order they are looked at:
/// `x-amzn-requestid` (JSON protocols), `x-amz-request-id` (S3, older
/// front ends).
pub const REQUEST_ID_HEADERS: [&str; 2] = ["x-amzn-requestid", "x-amz-request-id"];

/// The response's request id, from the first of [`REQUEST_ID_HEADERS`]
/// it has.
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// use awsop_runtime::protocol::request_id::from_headers;
/// let mut response = HttpResponse::new(500, "");
/// response.headers.insert("x-amz-request-id", "r-2".parse().unwrap());
/// assert_eq!(from_headers(&response), Some("r-2"));
/// ```
pub fn from_headers(response: &HttpResponse) -> Option<&str> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| response.header(name))
}
