//! Reading code, message and request id from a restJson1 error response.

use crate::error::ErrorMetadata;
use crate::http::HttpResponse;

/// Code, message, status and request id of an error response, as
/// restJson1 defines them:
///
/// - code: the `x-amzn-ErrorType` header, else the body's `code`, else its
///   `__type`; each cut at the first `:` and then after the last `#`
///   (`aws.protocoltests.restjson#FooError:http://internal...` is `FooError`);
/// - message: the body's `message`, `Message` or `errorMessage`;
/// - request id: the `x-amzn-requestid` header (else `x-amz-request-id`).
///
/// An empty or non-JSON body still gives the status and headers' worth.
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// use awsop_runtime::protocol::error_metadata;
/// let mut response = HttpResponse::new(400, r#"{"__type": "ns#ValidationException", "Message": "bad"}"#);
/// response.headers.insert("x-amzn-requestid", "r-1".parse().unwrap());
/// let meta = error_metadata(&response);
/// assert_eq!(meta.code(), Some("ValidationException"));
/// assert_eq!(meta.message(), Some("bad"));
/// assert_eq!(meta.request_id(), Some("r-1"));
/// ```
pub fn error_metadata(response: &HttpResponse) -> ErrorMetadata {
    let body: Option<serde_json::Value> = if response.body.is_empty() {
        None
    } else {
        serde_json::from_slice(&response.body).ok()
    };
    let object = body.as_ref().and_then(|b| b.as_object());
    let body_str = |key: &str| object.and_then(|o| o.get(key)).and_then(|v| v.as_str());

    let code = response
        .header("x-amzn-errortype")
        .or_else(|| body_str("code"))
        .or_else(|| body_str("__type"))
        .map(sanitize_error_code)
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    let message = ["message", "Message", "errorMessage"]
        .into_iter()
        .find_map(body_str)
        .map(str::to_string);
    let request_id = response
        .header("x-amzn-requestid")
        .or_else(|| response.header("x-amz-request-id"))
        .map(str::to_string);
    ErrorMetadata::new(code, message, response.status, request_id)
}

/// Cuts an error code to its shape name: at the first `:`, then after the
/// last `#`.
///
/// ```
/// use awsop_runtime::protocol::sanitize_error_code;
/// assert_eq!(sanitize_error_code("aws.protocoltests.restjson#FooError:http://internal.amazon.com/"), "FooError");
/// assert_eq!(sanitize_error_code("FooError"), "FooError");
/// ```
pub fn sanitize_error_code(raw: &str) -> &str {
    let code = raw.split(':').next().unwrap_or(raw);
    let code = code.rsplit('#').next().unwrap_or(code);
    code.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_header(status: u16, body: &str, name: &'static str, value: &str) -> HttpResponse {
        let mut r = HttpResponse::new(status, body.to_string());
        r.headers.insert(name, value.parse().unwrap());
        r
    }

    #[test]
    fn header_wins_over_body() {
        let r = with_header(
            500,
            r#"{"code": "Other"}"#,
            "X-Amzn-Errortype",
            "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        );
        assert_eq!(error_metadata(&r).code(), Some("FooError"));
    }

    #[test]
    fn code_then_dunder_type() {
        let r = HttpResponse::new(500, r#"{"code": "a#FooError", "__type": "Bar"}"#);
        assert_eq!(error_metadata(&r).code(), Some("FooError"));
        let r = HttpResponse::new(
            500,
            r#"{"__type": "aws.protocoltests.restjson#FooError:http://x/"}"#,
        );
        assert_eq!(error_metadata(&r).code(), Some("FooError"));
        let r = HttpResponse::new(400, r#"{"errorMessage": "m"}"#);
        assert_eq!(error_metadata(&r).message(), Some("m"));
    }

    #[test]
    fn junk_bodies_still_give_status() {
        for body in ["", "<html>502</html>", "[1,2]", "{\"code\": 5}"] {
            let meta = error_metadata(&HttpResponse::new(502, body.to_string()));
            assert_eq!(meta.status(), 502);
            assert_eq!(meta.code(), None);
        }
    }
}
