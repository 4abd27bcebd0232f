//! Modeled errors (`#[aws_shape(errors)]`) read from error responses of a
//! restJson1 operation: code, message and request id from the headers and
//! body, the typed exception with its members, and the retry flags.

use awsop::runtime::http::HttpResponse;
use awsop::runtime::operation::{read_error, ModeledError};
use awsop::{aws_operation, aws_shape, ErrorMetadata};

/// An operation whose errors are `GreetingError`.
#[aws_operation(service = "greet", method = "POST", uri = "/greet", error = GreetingError)]
#[derive(Debug, Clone, Default)]
pub struct Greet {}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FooError {}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidGreeting {
    #[aws(rename = "Message")]
    pub message: Option<String>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComplexNestedErrorData {
    #[aws(rename = "Fooooo")]
    pub foo: Option<String>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComplexError {
    #[aws(header = "X-Header", rename = "Header")]
    pub header: Option<String>,
    #[aws(rename = "TopLevel")]
    pub top_level: Option<String>,
    #[aws(rename = "Nested")]
    pub nested: Option<ComplexNestedErrorData>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThrottlingException {
    pub message: String,
}

#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum GreetingError {
    FooError(FooError),
    InvalidGreeting(InvalidGreeting),
    ComplexError(ComplexError),
    #[aws(throttling)]
    ThrottlingException(ThrottlingException),
    #[aws(rename = "InternalServerException", retryable)]
    Internal(FooError),
}

fn response(status: u16, headers: &[(&'static str, &str)], body: &str) -> HttpResponse {
    let mut r = HttpResponse::new(status, body.to_string());
    for (name, value) in headers {
        r.headers.insert(*name, value.parse().unwrap());
    }
    r
}

fn parse(r: &HttpResponse) -> (GreetingError, ErrorMetadata) {
    read_error::<Greet>(r).unwrap()
}

#[test]
fn code_from_header_body_code_or_dunder_type() {
    let uri = "http://internal.amazon.com/coral/com.amazon.coral.validate/";
    let responses = [
        response(500, &[("X-Amzn-Errortype", "FooError")], ""),
        response(500, &[("X-Amzn-Errortype", &format!("FooError:{uri}"))], ""),
        response(
            500,
            &[(
                "X-Amzn-Errortype",
                &format!("aws.protocoltests.restjson#FooError:{uri}"),
            )],
            "",
        ),
        response(
            500,
            &[("Content-Type", "application/json")],
            r#"{"code": "FooError"}"#,
        ),
        response(
            500,
            &[],
            r#"{"code": "aws.protocoltests.restjson#FooError"}"#,
        ),
        response(
            500,
            &[],
            &format!(r#"{{"code": "aws.protocoltests.restjson#FooError:{uri}"}}"#),
        ),
        response(500, &[], r#"{"__type": "FooError"}"#),
        response(
            500,
            &[],
            r#"{"__type": "aws.protocoltests.restjson#FooError"}"#,
        ),
        response(
            500,
            &[],
            &format!(r#"{{"__type": "aws.protocoltests.restjson#FooError:{uri}"}}"#),
        ),
    ];
    for r in &responses {
        let (err, meta) = parse(r);
        assert_eq!(err, GreetingError::FooError(FooError {}), "{r:?}");
        assert_eq!(meta.code(), Some("FooError"));
        assert_eq!(meta.status(), 500);
    }
}

#[test]
fn complex_error_reads_headers_and_body() {
    let r = response(
        403,
        &[
            ("Content-Type", "application/json"),
            ("X-Amzn-Errortype", "ComplexError"),
            ("X-Header", "Header"),
        ],
        r#"{"TopLevel": "Top level", "Nested": {"Fooooo": "bar"}}"#,
    );
    let (err, _) = parse(&r);
    assert_eq!(
        err,
        GreetingError::ComplexError(ComplexError {
            header: Some("Header".into()),
            top_level: Some("Top level".into()),
            nested: Some(ComplexNestedErrorData {
                foo: Some("bar".into())
            }),
        })
    );
    let (err, _) = parse(&response(
        403,
        &[("X-Amzn-Errortype", "ComplexError")],
        "{}",
    ));
    assert_eq!(err, GreetingError::ComplexError(ComplexError::default()));
}

#[test]
fn message_code_display_and_request_id() {
    let r = response(
        400,
        &[
            ("X-Amzn-Errortype", "InvalidGreeting"),
            ("x-amzn-requestid", "req-1"),
        ],
        r#"{"Message": "Hi"}"#,
    );
    let (err, meta) = parse(&r);
    assert_eq!(
        err,
        GreetingError::InvalidGreeting(InvalidGreeting {
            message: Some("Hi".into())
        })
    );
    assert_eq!(meta.message(), Some("Hi"));
    assert_eq!(meta.request_id(), Some("req-1"));
    assert_eq!(err.code(), Some("InvalidGreeting"));
    assert_eq!(err.message(), Some("Hi"));
    assert_eq!(err.to_string(), "InvalidGreeting: Hi");
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert_eq!(boxed.to_string(), "InvalidGreeting: Hi");
}

#[test]
fn unknown_codes_are_unhandled_with_metadata() {
    let r = response(
        503,
        &[],
        r#"{"__type": "ServiceUnavailableException", "message": "later"}"#,
    );
    let (err, meta) = parse(&r);
    assert_eq!(err, GreetingError::Unhandled);
    assert_eq!(err.code(), None);
    assert_eq!(err.to_string(), "unhandled service error");
    assert_eq!(meta.code(), Some("ServiceUnavailableException"));
    assert_eq!(meta.message(), Some("later"));
}

#[test]
fn empty_or_non_json_bodies_still_give_metadata() {
    for body in [
        "",
        "<html><body>502 Bad Gateway</body></html>",
        "{\"truncated",
    ] {
        let (err, meta) = parse(&response(502, &[], body));
        assert_eq!(err, GreetingError::Unhandled);
        assert_eq!(meta.status(), 502);
        assert_eq!(meta.code(), None);
    }
    // A known code with a body that is not JSON still gives the variant.
    let (err, _) = parse(&response(
        429,
        &[("X-Amzn-Errortype", "ThrottlingException")],
        "Rate exceeded",
    ));
    assert_eq!(
        err,
        GreetingError::ThrottlingException(ThrottlingException {
            message: String::new()
        })
    );
}

#[test]
fn wrongly_shaped_error_bodies_are_parse_errors() {
    let r = response(
        400,
        &[("X-Amzn-Errortype", "InvalidGreeting")],
        r#"{"Message": 5}"#,
    );
    let err = read_error::<Greet>(&r).unwrap_err();
    assert!(err.to_string().contains("InvalidGreeting.Message"), "{err}");
}

#[test]
fn retryable_and_throttling_flags() {
    let throttled = GreetingError::ThrottlingException(ThrottlingException::default());
    assert!(throttled.is_throttling());
    assert!(throttled.is_retryable());
    let internal = GreetingError::Internal(FooError {});
    assert!(internal.is_retryable());
    assert!(!internal.is_throttling());
    assert_eq!(internal.code(), Some("InternalServerException"));
    assert!(!GreetingError::Unhandled.is_retryable());
    let foo = GreetingError::FooError(FooError {});
    assert!(!foo.is_retryable() && !foo.is_throttling());
    assert_eq!(foo.to_string(), "FooError");
}
