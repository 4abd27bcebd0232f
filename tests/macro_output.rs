//! `Operation::parse_output`: members read from the body, headers, prefix
//! headers, the status code and the whole payload.

use std::collections::HashMap;

use awsop::runtime::http::HttpResponse;
use awsop::runtime::operation::Operation;
use awsop::{aws_operation, aws_shape, Blob, DateTime, Document};

fn response(status: u16, headers: &[(&'static str, &str)], body: &str) -> HttpResponse {
    let mut r = HttpResponse::new(status, body.to_string());
    for (name, value) in headers {
        r.headers.append(*name, value.parse().unwrap());
    }
    r
}

#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FooEnum {
    #[aws(rename = "Foo")]
    Foo,
    #[aws(rename = "Bar")]
    Bar,
    #[aws(rename = "Baz")]
    Baz,
}

#[aws_shape]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntegerEnum {
    A = 1,
    B = 2,
    C = 3,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeadersOutput {
    #[aws(header = "X-String")]
    pub header_string: Option<String>,
    #[aws(header = "X-Byte")]
    pub header_byte: Option<i8>,
    #[aws(header = "X-Long")]
    pub header_long: Option<i64>,
    #[aws(header = "X-Float")]
    pub header_float: Option<f32>,
    #[aws(header = "X-Double")]
    pub header_double: Option<f64>,
    #[aws(header = "X-Boolean2")]
    pub header_false_bool: Option<bool>,
    #[aws(header = "X-StringList")]
    pub header_string_list: Option<Vec<String>>,
    #[aws(header = "X-IntegerList")]
    pub header_integer_list: Option<Vec<i32>>,
    #[aws(header = "X-TimestampList")]
    pub header_timestamp_list: Option<Vec<DateTime>>,
    #[aws(header = "X-EnumList")]
    pub header_enum_list: Option<Vec<FooEnum>>,
    #[aws(header = "X-IntegerEnum")]
    pub header_integer_enum: Option<IntegerEnum>,
    #[aws(header = "X-Date", timestamp_format = "date-time")]
    pub date: Option<DateTime>,
    #[aws(header = "X-Required")]
    pub required: String,
}

#[aws_operation(service = "svc", method = "POST", uri = "/InputAndOutputWithHeaders", output = HeadersOutput)]
struct InputAndOutputWithHeaders;

#[test]
fn headers_of_every_type() {
    let r = response(
        200,
        &[
            ("X-String", "Hello"),
            ("X-Byte", "1"),
            ("X-Long", "123"),
            ("X-Float", "1.1"),
            ("X-Double", "-Infinity"),
            ("X-Boolean2", "false"),
            ("X-StringList", r#""b,c", "\"def\"", a"#),
            ("X-IntegerList", "1, 2, 3"),
            (
                "X-TimestampList",
                "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT",
            ),
            ("X-EnumList", "Foo, Bar, Baz"),
            ("X-IntegerEnum", "1"),
            ("X-Date", "2019-12-16T23:48:18Z"),
        ],
        "",
    );
    let out = InputAndOutputWithHeaders::parse_output(&r).unwrap();
    let t = DateTime::from_secs(1_576_540_098);
    assert_eq!(
        out,
        HeadersOutput {
            header_string: Some("Hello".into()),
            header_byte: Some(1),
            header_long: Some(123),
            header_float: Some(1.1),
            header_double: Some(f64::NEG_INFINITY),
            header_false_bool: Some(false),
            header_string_list: Some(vec!["b,c".into(), "\"def\"".into(), "a".into()]),
            header_integer_list: Some(vec![1, 2, 3]),
            header_timestamp_list: Some(vec![t, t]),
            header_enum_list: Some(vec![FooEnum::Foo, FooEnum::Bar, FooEnum::Baz]),
            header_integer_enum: Some(IntegerEnum::A),
            date: Some(t),
            required: String::new(),
        }
    );
}

#[test]
fn repeated_headers_join_and_bad_headers_are_errors() {
    let r = response(
        200,
        &[("X-IntegerList", "1"), ("X-IntegerList", "2, 3")],
        "",
    );
    let out = InputAndOutputWithHeaders::parse_output(&r).unwrap();
    assert_eq!(out.header_integer_list, Some(vec![1, 2, 3]));
    let r = response(200, &[("X-Byte", "300")], "");
    let err = InputAndOutputWithHeaders::parse_output(&r).unwrap_err();
    assert_eq!(
        err.to_string(),
        "header `x-byte` (bound to `HeadersOutput.headerByte`): `300` is not a valid i8"
    );
}

#[test]
fn body_headers_and_status_together() {
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Output {
        #[aws(header = "X-Foo")]
        foo: Option<String>,
        #[aws(response_code)]
        status: Option<i32>,
        #[aws(prefix_headers = "x-meta-")]
        meta: Option<HashMap<String, String>>,
        string_value: Option<String>,
        #[aws(rename = "DoubleDribble")]
        double_value: Option<f64>,
    }
    #[aws_operation(service = "svc", method = "PUT", uri = "/x", status = 201, output = Output)]
    struct Op;
    let r = response(
        201,
        &[
            ("X-Foo", "Foo"),
            ("X-Meta-A", "1"),
            ("x-meta-b", "2"),
            ("Content-Type", "application/json"),
        ],
        r#"{"stringValue": "string", "DoubleDribble": 6.5, "ignored": [1]}"#,
    );
    let out = Op::parse_output(&r).unwrap();
    assert_eq!(
        out,
        Output {
            foo: Some("Foo".into()),
            status: Some(201),
            meta: Some(HashMap::from([
                ("a".into(), "1".into()),
                ("b".into(), "2".into())
            ])),
            string_value: Some("string".into()),
            double_value: Some(6.5),
        }
    );
    // No body at all is fine: no member is set.
    let out = Op::parse_output(&response(201, &[], "")).unwrap();
    assert_eq!(out.status, Some(201));
    assert_eq!(out.string_value, None);
    // A prefix-headers binding is always there, empty without such a
    // header (restXml's HttpPrefixHeadersAreNotPresent case).
    assert_eq!(out.meta, Some(HashMap::new()));
}

#[test]
fn prefix_headers_with_empty_prefix_take_all() {
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct HttpPrefixHeadersInResponseOutput {
        #[aws(prefix_headers = "")]
        prefix_headers: Option<HashMap<String, String>>,
    }
    #[aws_operation(service = "svc", method = "GET", uri = "/x", output = HttpPrefixHeadersInResponseOutput)]
    struct Op;
    let out =
        Op::parse_output(&response(200, &[("hello", "Hello"), ("x-foo", "Foo")], "")).unwrap();
    assert_eq!(
        out.prefix_headers,
        Some(HashMap::from([
            ("x-foo".into(), "Foo".into()),
            ("hello".into(), "Hello".into())
        ]))
    );
}

#[test]
fn payload_outputs() {
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct BlobOut {
        #[aws(header = "X-Foo")]
        foo: Option<String>,
        #[aws(payload)]
        blob: Option<Blob>,
    }
    #[aws_operation(service = "svc", method = "POST", uri = "/x", output = BlobOut)]
    struct BlobOp;
    let out =
        BlobOp::parse_output(&response(200, &[("X-Foo", "Foo")], "blobby blob blob")).unwrap();
    assert_eq!(out.blob, Some(Blob::new("blobby blob blob")));
    assert_eq!(out.foo.as_deref(), Some("Foo"));
    let out = BlobOp::parse_output(&response(200, &[("X-Foo", "Foo")], "")).unwrap();
    assert_eq!(out.blob, None);

    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Nested {
        greeting: Option<String>,
        name: Option<String>,
    }
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct StructOut {
        #[aws(payload)]
        nested: Option<Nested>,
    }
    #[aws_operation(service = "svc", method = "PUT", uri = "/x", output = StructOut)]
    struct StructOp;
    let out = StructOp::parse_output(&response(
        200,
        &[],
        r#"{"greeting": "hello", "name": "Phreddy"}"#,
    ))
    .unwrap();
    assert_eq!(
        out.nested,
        Some(Nested {
            greeting: Some("hello".into()),
            name: Some("Phreddy".into())
        })
    );
    assert_eq!(
        StructOp::parse_output(&response(200, &[], ""))
            .unwrap()
            .nested,
        None
    );

    #[aws_shape]
    #[derive(Debug, Clone, PartialEq)]
    pub enum UnionPayload {
        Greeting(String),
    }
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UnionOut {
        #[aws(payload)]
        nested: Option<UnionPayload>,
    }
    #[aws_operation(service = "svc", method = "PUT", uri = "/x", output = UnionOut)]
    struct UnionOp;
    let out = UnionOp::parse_output(&response(200, &[], r#"{"greeting": "hello"}"#)).unwrap();
    assert_eq!(out.nested, Some(UnionPayload::Greeting("hello".into())));
    assert_eq!(
        UnionOp::parse_output(&response(200, &[("Content-Length", "0")], ""))
            .unwrap()
            .nested,
        None
    );

    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TextOut {
        #[aws(payload)]
        payload: Option<String>,
    }
    #[aws_operation(service = "svc", method = "POST", uri = "/x", output = TextOut)]
    struct TextOp;
    assert_eq!(
        TextOp::parse_output(&response(
            200,
            &[("Content-Type", "text/plain")],
            "rawstring"
        ))
        .unwrap()
        .payload
        .as_deref(),
        Some("rawstring")
    );

    #[aws_shape]
    #[derive(Debug, Clone, PartialEq)]
    enum StringEnum {
        #[aws(rename = "enumvalue")]
        V,
    }
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct EnumOut {
        #[aws(payload)]
        payload: Option<StringEnum>,
    }
    #[aws_operation(service = "svc", method = "POST", uri = "/x", output = EnumOut)]
    struct EnumOp;
    assert_eq!(
        EnumOp::parse_output(&response(200, &[], "enumvalue"))
            .unwrap()
            .payload,
        Some(StringEnum::V)
    );

    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct DocOut {
        #[aws(payload)]
        document_value: Option<Document>,
    }
    #[aws_operation(service = "svc", method = "PUT", uri = "/x", output = DocOut)]
    struct DocOp;
    assert_eq!(
        DocOp::parse_output(&response(200, &[], "\"hello\""))
            .unwrap()
            .document_value,
        Some(Document::from("hello"))
    );
}

#[test]
fn no_output_and_empty_outputs() {
    #[aws_operation(service = "svc", method = "POST", uri = "/NoInputAndNoOutput")]
    struct NoInputAndNoOutput;
    NoInputAndNoOutput::parse_output(&response(200, &[], "")).unwrap();
    NoInputAndNoOutput::parse_output(&response(200, &[], "not even json")).unwrap();

    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Empty {}
    #[aws_operation(service = "svc", method = "POST", uri = "/x", output = Empty)]
    struct EmptyOut;
    assert_eq!(
        EmptyOut::parse_output(&response(200, &[], "{}")).unwrap(),
        Empty {}
    );
    assert_eq!(
        EmptyOut::parse_output(&response(200, &[], "")).unwrap(),
        Empty {}
    );
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Deep {
    pub items: Option<Vec<Deep>>,
    pub name: Option<String>,
    pub data: Option<Vec<HashMap<String, i32>>>,
}

#[aws_operation(service = "svc", method = "GET", uri = "/deep", output = Deep)]
struct DeepOp;

#[test]
fn malformed_bodies_are_parse_errors_naming_the_member() {
    let err = DeepOp::parse_output(&response(200, &[], r#"{"items": [{"name": 1}]}"#)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected a string at `Deep.items[0].name`, found a number"
    );
    let err = DeepOp::parse_output(&response(200, &[], r#"{"data": [{"a": 1}, {"b": "x"}]}"#))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected an integer at `Deep.data[1][\"b\"]`, found a string"
    );
    let err = DeepOp::parse_output(&response(200, &[], "{\"name\": ")).unwrap_err();
    assert!(err.to_string().contains("not valid JSON"), "{err}");
    let err = DeepOp::parse_output(&response(200, &[], "<html>")).unwrap_err();
    assert!(err.to_string().contains("not valid JSON"), "{err}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 50_000;
    let body = format!("{}{}", r#"{"items":["#.repeat(depth), "]}".repeat(depth));
    let err = DeepOp::parse_output(&response(200, &[], &body)).unwrap_err();
    assert!(err.to_string().contains("recursion limit"), "{err}");
    // Within the limit, deep but legal input parses.
    let depth = 60;
    let body = format!("{}{}", r#"{"items":["#.repeat(depth), "]}".repeat(depth));
    assert!(DeepOp::parse_output(&response(200, &[], &body)).is_ok());
}

#[test]
fn datetime_offsets_and_fractions_in_outputs() {
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct DatetimeOffsetsOutput {
        #[aws(timestamp_format = "date-time")]
        datetime: Option<DateTime>,
    }
    #[aws_operation(service = "svc", method = "POST", uri = "/x", output = DatetimeOffsetsOutput)]
    struct Op;
    for body in [
        r#"{"datetime": "2019-12-16T22:48:18-01:00"}"#,
        r#"{"datetime": "2019-12-17T00:48:18+01:00"}"#,
    ] {
        assert_eq!(
            Op::parse_output(&response(200, &[], body))
                .unwrap()
                .datetime,
            Some(DateTime::from_secs(1_576_540_098))
        );
    }
    assert_eq!(
        Op::parse_output(&response(
            200,
            &[],
            r#"{"datetime": "2000-01-02T20:34:56.123Z"}"#
        ))
        .unwrap()
        .datetime,
        Some(DateTime::from_secs_f64(946_845_296.123))
    );
}

#[test]
fn media_type_headers_are_base64() {
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct MediaTypeHeaderOutput {
        #[aws(header = "X-Json", media_type = "application/json")]
        json: Option<String>,
    }
    #[aws_operation(service = "svc", method = "GET", uri = "/MediaTypeHeader", output = MediaTypeHeaderOutput)]
    struct Op;
    let out = Op::parse_output(&response(200, &[("X-Json", "dHJ1ZQ==")], "")).unwrap();
    assert_eq!(out.json.as_deref(), Some("true"));
    let err = Op::parse_output(&response(200, &[("X-Json", "not base64!")], "")).unwrap_err();
    assert!(
        err.to_string().contains("MediaTypeHeaderOutput.json"),
        "{err}"
    );
}
