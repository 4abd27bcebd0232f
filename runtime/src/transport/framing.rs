//! Message framing both transports add the same way.

use http::header::{HeaderValue, CONTENT_LENGTH};
use http::Method;

use crate::http::HttpRequest;

/// `Content-Length: 0` on a POST, PUT or PATCH without a body, as botocore
/// sends it: S3 and some proxies answer 411 Length Required without it, and
/// hyper only frames bodies that have bytes. After signing: the header is
/// framing, not content, and SigV4 does not cover it.
pub(super) fn add_empty_content_length(request: &mut HttpRequest) {
    let expects_body = matches!(request.method, Method::POST | Method::PUT | Method::PATCH);
    if expects_body && request.body.is_empty() && !request.headers.contains_key(CONTENT_LENGTH) {
        request
            .headers
            .insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
    }
}
