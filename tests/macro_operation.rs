//! `#[aws_operation]`: how each binding serializes, checked through
//! `Operation::serialize` (nothing is sent).

use std::collections::HashMap;

use awsop::runtime::operation::Operation;
use awsop::runtime::token::FixedToken;
use awsop::{aws_operation, aws_shape, Blob, DateTime, Document};

const T: DateTime = DateTime::from_secs(1_576_540_098);

fn body(req: &awsop::runtime::http::HttpRequest) -> &str {
    std::str::from_utf8(&req.body).unwrap()
}

fn json(req: &awsop::runtime::http::HttpRequest) -> serde_json::Value {
    serde_json::from_slice(&req.body).unwrap()
}

fn header<'a>(req: &'a awsop::runtime::http::HttpRequest, name: &str) -> Option<&'a str> {
    req.headers.get(name).map(|v| v.to_str().unwrap())
}

// ---- the golden request ---------------------------------------------------

#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserType {
    IamUser,
    IamRole,
    SsoUser,
    IamRoleSession,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateUserProfileOutput {
    pub id: Option<String>,
    pub user_type: Option<UserType>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccessDeniedException {
    pub message: String,
}

#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum DataZoneError {
    AccessDeniedException(AccessDeniedException),
}

#[aws_operation(
    service = "datazone",
    service_id = "DataZone",
    endpoint = "https://datazone.{region}.api.aws",
    method = "POST",
    uri = "/v2/domains/{domainIdentifier}/user-profiles",
    status = 201,
    output = CreateUserProfileOutput,
    error = DataZoneError,
)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateUserProfile {
    #[aws(label)]
    pub domain_identifier: String,
    pub user_identifier: String,
    pub user_type: Option<UserType>,
    pub session_name: Option<String>,
    #[aws(idempotency_token)]
    pub client_token: Option<String>,
}

fn golden() -> CreateUserProfile {
    CreateUserProfile {
        domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
        user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
        user_type: Some(UserType::IamRole),
        session_name: None,
        client_token: Some("6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f".into()),
    }
}

#[test]
fn golden_request_wire_form() {
    let req = golden().serialize().unwrap();
    assert_eq!(req.method, "POST");
    assert_eq!(req.uri, "/v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles");
    assert_eq!(header(&req, "content-type"), Some("application/json"));
    assert_eq!(req.headers.len(), 1);
    assert_eq!(
        body(&req),
        r#"{"userIdentifier":"arn:aws:iam::123456789012:role/DataScientist","userType":"IAM_ROLE","clientToken":"6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f"}"#
    );
}

#[test]
fn metadata_from_arguments() {
    let meta = CreateUserProfile::METADATA;
    assert_eq!(meta.service, "datazone");
    assert_eq!(meta.service_id, "DataZone");
    assert_eq!(meta.name, "CreateUserProfile");
    assert_eq!(meta.endpoint, Some("https://datazone.{region}.api.aws"));
}

#[test]
fn idempotency_token_filled_once_only_when_none() {
    let mut op = CreateUserProfile {
        domain_identifier: "d".into(),
        ..Default::default()
    };
    op.fill_idempotency_tokens(&FixedToken("00000000-0000-4000-8000-000000000000".into()));
    assert_eq!(
        op.client_token.as_deref(),
        Some("00000000-0000-4000-8000-000000000000")
    );
    // A second fill (another attempt) keeps the first token.
    op.fill_idempotency_tokens(&FixedToken("other".into()));
    assert_eq!(
        op.client_token.as_deref(),
        Some("00000000-0000-4000-8000-000000000000")
    );
    let mut mine = golden();
    mine.fill_idempotency_tokens(&FixedToken("other".into()));
    assert_eq!(mine.client_token, golden().client_token);
}

#[test]
fn label_is_percent_encoded_and_must_not_be_empty() {
    let mut op = golden();
    op.domain_identifier = "a b/c~d".into();
    assert_eq!(
        op.serialize().unwrap().uri,
        "/v2/domains/a%20b%2Fc~d/user-profiles"
    );
    op.domain_identifier = String::new();
    let err = op.serialize().unwrap_err();
    assert_eq!(err.member(), Some("domainIdentifier"));
}

#[test]
fn empty_body_members_still_send_an_object() {
    #[aws_operation(service = "svc", method = "POST", uri = "/body")]
    #[derive(Default)]
    struct TestBodyStructure {
        #[aws(header = "x-amz-test-id")]
        test_id: Option<String>,
        test_config: Option<TestConfig>,
    }
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    struct TestConfig {
        timeout: Option<i32>,
    }
    let req = TestBodyStructure::default().serialize().unwrap();
    assert_eq!(body(&req), "{}");
    assert_eq!(header(&req, "content-type"), Some("application/json"));
    let req = TestBodyStructure {
        test_id: None,
        test_config: Some(TestConfig { timeout: Some(10) }),
    }
    .serialize()
    .unwrap();
    assert_eq!(body(&req), r#"{"testConfig":{"timeout":10}}"#);
}

#[test]
fn no_body_members_means_no_body_and_no_content_type() {
    #[aws_operation(service = "svc", method = "POST", uri = "/no_payload")]
    #[derive(Default)]
    struct TestPostNoPayload {
        #[aws(header = "X-Amz-Test-Id")]
        test_id: Option<String>,
    }
    let req = TestPostNoPayload::default().serialize().unwrap();
    assert!(req.body.is_empty());
    assert!(req.headers.is_empty());
    let req = TestPostNoPayload {
        test_id: Some("t-12345".into()),
    }
    .serialize()
    .unwrap();
    assert_eq!(header(&req, "x-amz-test-id"), Some("t-12345"));
    assert!(header(&req, "content-type").is_none());

    #[aws_operation(service = "svc", method = "GET", uri = "/no_input_no_payload")]
    struct TestGetNoInputNoPayload;
    let req = TestGetNoInputNoPayload.serialize().unwrap();
    assert_eq!(req.method, "GET");
    assert!(req.body.is_empty() && req.headers.is_empty());
}

// ---- labels -----------------------------------------------------------------

#[aws_operation(
    service = "svc",
    method = "GET",
    uri = "/HttpRequestWithLabels/{string}/{short}/{integer}/{long}/{float}/{double}/{boolean}/{timestamp}"
)]
struct HttpRequestWithLabels {
    #[aws(label)]
    string: String,
    #[aws(label)]
    short: i16,
    #[aws(label)]
    integer: i32,
    #[aws(label)]
    long: i64,
    #[aws(label)]
    float: f32,
    #[aws(label)]
    double: f64,
    #[aws(label)]
    boolean: bool,
    #[aws(label)]
    timestamp: DateTime,
}

#[test]
fn labels_of_every_scalar_type() {
    let mut op = HttpRequestWithLabels {
        string: "string".into(),
        short: 1,
        integer: 2,
        long: 3,
        float: 4.1,
        double: 5.1,
        boolean: true,
        timestamp: T,
    };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/HttpRequestWithLabels/string/1/2/3/4.1/5.1/true/2019-12-16T23%3A48%3A18Z"
    );
    op.string = " %:/?#[]@!$&'()*+,;=😹".into();
    op.double = f64::NEG_INFINITY;
    op.float = f32::NAN;
    assert_eq!(
        op.serialize().unwrap().uri,
        "/HttpRequestWithLabels/%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9/1/2/3/NaN/-Infinity/true/2019-12-16T23%3A48%3A18Z"
    );
}

#[test]
fn greedy_labels_keep_slashes_and_formats_apply() {
    #[aws_operation(
        service = "svc",
        method = "GET",
        uri = "/HttpRequestWithGreedyLabelInPath/foo/{foo}/baz/{baz+}"
    )]
    struct Greedy {
        #[aws(label)]
        foo: String,
        #[aws(label)]
        baz: String,
    }
    let op = Greedy {
        foo: "hello/escape".into(),
        baz: "there/guy".into(),
    };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/HttpRequestWithGreedyLabelInPath/foo/hello%2Fescape/baz/there/guy"
    );

    #[aws_operation(
        service = "svc",
        method = "GET",
        uri = "/T/{epoch}/{http}/{dt}/{default}"
    )]
    struct Formats {
        #[aws(label, timestamp_format = "epoch-seconds")]
        epoch: DateTime,
        #[aws(label, timestamp_format = "http-date")]
        http: DateTime,
        #[aws(label, timestamp_format = "date-time")]
        dt: DateTime,
        #[aws(label)]
        default: Option<DateTime>,
    }
    let op = Formats {
        epoch: T,
        http: T,
        dt: T,
        default: Some(T),
    };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/T/1576540098/Mon%2C%2016%20Dec%202019%2023%3A48%3A18%20GMT/2019-12-16T23%3A48%3A18Z/2019-12-16T23%3A48%3A18Z"
    );
    let unset = Formats {
        default: None,
        ..op
    };
    assert_eq!(unset.serialize().unwrap_err().member(), Some("default"));
}

#[test]
fn renamed_label_and_regex_literal() {
    #[aws_operation(service = "svc", method = "GET", uri = "/ReDosLiteral/{str}/(a+)+")]
    struct Regex {
        #[aws(label = "str")]
        value: String,
    }
    let op = Regex {
        value: "abc".into(),
    };
    assert_eq!(op.serialize().unwrap().uri, "/ReDosLiteral/abc/(a+)+");
}

#[test]
fn request_checksum_is_metadata_the_client_acts_on() {
    #[aws_operation(
        service = "s3",
        method = "PUT",
        uri = "/{bucket}?cors",
        request_checksum = "required"
    )]
    struct PutBucketCors {
        #[aws(label)]
        bucket: String,
    }
    #[aws_operation(service = "s3", method = "GET", uri = "/{bucket}?cors")]
    struct GetBucketCors {
        #[aws(label)]
        bucket: String,
    }
    use awsop::runtime::operation::BodyChecksum;
    assert_eq!(
        <PutBucketCors as Operation>::METADATA.request_checksum,
        BodyChecksum::Required
    );
    assert_eq!(
        <GetBucketCors as Operation>::METADATA.request_checksum,
        BodyChecksum::None
    );
    let _ = (
        PutBucketCors { bucket: "b".into() }.bucket,
        GetBucketCors { bucket: "b".into() }.bucket,
    );
}

// botocore names some labels after a hyphenated locationName (API Gateway
// v2's, MQ's and Pinpoint's `GET /v2/tags/{resource-arn}`).
#[test]
fn hyphenated_label() {
    #[aws_operation(
        service = "apigateway",
        method = "GET",
        uri = "/v2/tags/{resource-arn}"
    )]
    struct GetTags {
        #[aws(label, rename = "resource-arn")]
        resource_arn: String,
    }
    let op = GetTags {
        resource_arn: "arn:aws:apigateway:us-east-1::/apis/a1b2".into(),
    };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/v2/tags/arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Fapis%2Fa1b2"
    );
}

// ---- query --------------------------------------------------------------------

#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FooEnum {
    #[aws(rename = "Foo")]
    Foo,
    #[aws(rename = "Baz")]
    Baz,
    #[aws(rename = "Bar")]
    Bar,
    #[aws(rename = "1")]
    One,
    #[aws(rename = "0")]
    Zero,
}

#[aws_shape]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntegerEnum {
    A = 1,
    B = 2,
    C = 3,
}

#[aws_operation(service = "svc", method = "GET", uri = "/AllQueryStringTypesInput")]
#[derive(Default)]
struct AllQueryStringTypes {
    #[aws(query = "String")]
    query_string: Option<String>,
    #[aws(query = "StringList")]
    query_string_list: Option<Vec<String>>,
    #[aws(query = "Byte")]
    query_byte: Option<i8>,
    #[aws(query = "Integer")]
    query_integer: Option<i32>,
    #[aws(query = "IntegerList")]
    query_integer_list: Option<Vec<i32>>,
    #[aws(query = "Long")]
    query_long: Option<i64>,
    #[aws(query = "Float")]
    query_float: Option<f32>,
    #[aws(query = "Double")]
    query_double: Option<f64>,
    #[aws(query = "Boolean")]
    query_boolean: Option<bool>,
    #[aws(query = "BooleanList")]
    query_boolean_list: Option<Vec<bool>>,
    #[aws(query = "Timestamp")]
    query_timestamp: Option<DateTime>,
    #[aws(query = "TimestampList")]
    query_timestamp_list: Option<Vec<DateTime>>,
    #[aws(query = "Enum")]
    query_enum: Option<FooEnum>,
    #[aws(query = "EnumList")]
    query_enum_list: Option<Vec<FooEnum>>,
    #[aws(query = "IntegerEnum")]
    query_integer_enum: Option<IntegerEnum>,
    #[aws(query_params)]
    query_params_map_of_string_list: Option<HashMap<String, Vec<String>>>,
}

#[test]
fn query_strings_of_every_type() {
    let op = AllQueryStringTypes {
        query_string: Some("Hello there".into()),
        query_string_list: Some(vec!["a".into(), "b".into(), "c".into()]),
        query_byte: Some(1),
        query_integer: Some(3),
        query_integer_list: Some(vec![1, 2, 3]),
        query_long: Some(4),
        query_float: Some(1.1),
        query_double: Some(1.1),
        query_boolean: Some(true),
        query_boolean_list: Some(vec![true, false, true]),
        query_timestamp: Some(DateTime::from_secs(1)),
        query_timestamp_list: Some(vec![DateTime::from_secs(1), DateTime::from_secs(2)]),
        query_enum: Some(FooEnum::Foo),
        query_enum_list: Some(vec![FooEnum::Foo, FooEnum::Baz, FooEnum::Zero]),
        query_integer_enum: Some(IntegerEnum::A),
        // Every key here is claimed by an explicit member: none is sent twice.
        query_params_map_of_string_list: Some(HashMap::from([
            ("String".to_string(), vec!["Hello there".to_string()]),
            ("Integer".to_string(), vec!["3".to_string()]),
        ])),
    };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/AllQueryStringTypesInput?String=Hello%20there&StringList=a&StringList=b&StringList=c&Byte=1&Integer=3\
         &IntegerList=1&IntegerList=2&IntegerList=3&Long=4&Float=1.1&Double=1.1&Boolean=true\
         &BooleanList=true&BooleanList=false&BooleanList=true&Timestamp=1970-01-01T00%3A00%3A01Z\
         &TimestampList=1970-01-01T00%3A00%3A01Z&TimestampList=1970-01-01T00%3A00%3A02Z\
         &Enum=Foo&EnumList=Foo&EnumList=Baz&EnumList=0&IntegerEnum=1"
    );
}

#[test]
fn query_escaping_special_floats_zero_and_empty() {
    let op = AllQueryStringTypes {
        query_string: Some(" %:/?#[]@!$&'()*+,;=😹".into()),
        ..Default::default()
    };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/AllQueryStringTypesInput?String=%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9"
    );
    let op = AllQueryStringTypes {
        query_float: Some(f32::INFINITY),
        query_double: Some(f64::NAN),
        query_integer: Some(0),
        query_boolean: Some(false),
        query_string: Some(String::new()),
        query_string_list: Some(vec![]),
        ..Default::default()
    };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/AllQueryStringTypesInput?String=&Integer=0&Float=Infinity&Double=NaN&Boolean=false"
    );
    assert_eq!(
        AllQueryStringTypes::default().serialize().unwrap().uri,
        "/AllQueryStringTypesInput"
    );
}

#[test]
fn query_params_map_and_precedence() {
    let op = AllQueryStringTypes {
        query_params_map_of_string_list: Some(HashMap::from([
            ("QueryParamsStringKeyB".to_string(), vec!["Bar".to_string()]),
            ("QueryParamsStringKeyA".to_string(), vec!["Foo".to_string()]),
        ])),
        ..Default::default()
    };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/AllQueryStringTypesInput?QueryParamsStringKeyA=Foo&QueryParamsStringKeyB=Bar"
    );

    #[aws_operation(service = "svc", method = "POST", uri = "/Precedence")]
    struct QueryPrecedence {
        #[aws(query = "bar")]
        foo: Option<String>,
        #[aws(query_params)]
        baz: Option<HashMap<String, String>>,
    }
    let op = QueryPrecedence {
        foo: Some("named".into()),
        baz: Some(HashMap::from([
            ("bar".to_string(), "fromMap".to_string()),
            ("qux".to_string(), "alsoFromMap".to_string()),
        ])),
    };
    let req = op.serialize().unwrap();
    assert_eq!(req.uri, "/Precedence?bar=named&qux=alsoFromMap");
    assert!(req.body.is_empty());
}

#[test]
fn literal_query_in_uri() {
    #[aws_operation(
        service = "svc",
        method = "GET",
        uri = "/ConstantQueryString/{hello}?foo=bar&hello"
    )]
    struct ConstantQueryString {
        #[aws(label)]
        hello: String,
    }
    let op = ConstantQueryString { hello: "hi".into() };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/ConstantQueryString/hi?foo=bar&hello"
    );

    #[aws_operation(
        service = "svc",
        method = "GET",
        uri = "/ConstantAndVariableQueryString?foo=bar"
    )]
    struct ConstantAndVariable {
        #[aws(query)]
        baz: Option<String>,
        #[aws(query = "maybeSet")]
        maybe_set: Option<String>,
    }
    let op = ConstantAndVariable {
        baz: Some("bam".into()),
        maybe_set: None,
    };
    assert_eq!(
        op.serialize().unwrap().uri,
        "/ConstantAndVariableQueryString?foo=bar&baz=bam"
    );
}

#[test]
fn idempotency_token_in_query() {
    #[aws_operation(
        service = "svc",
        method = "POST",
        uri = "/QueryIdempotencyTokenAutoFill"
    )]
    #[derive(Default)]
    struct QueryIdempotencyTokenAutoFill {
        #[aws(query = "token", idempotency_token)]
        token: Option<String>,
    }
    let mut op = QueryIdempotencyTokenAutoFill::default();
    op.fill_idempotency_tokens(&FixedToken("00000000-0000-4000-8000-000000000000".into()));
    assert_eq!(
        op.serialize().unwrap().uri,
        "/QueryIdempotencyTokenAutoFill?token=00000000-0000-4000-8000-000000000000"
    );
}

// ---- headers -----------------------------------------------------------------

#[aws_operation(service = "svc", method = "POST", uri = "/InputAndOutputWithHeaders")]
#[derive(Default)]
struct InputAndOutputWithHeaders {
    #[aws(header = "X-String")]
    header_string: Option<String>,
    #[aws(header = "X-Byte")]
    header_byte: Option<i8>,
    #[aws(header = "X-Integer")]
    header_integer: Option<i32>,
    #[aws(header = "X-Float")]
    header_float: Option<f32>,
    #[aws(header = "X-Double")]
    header_double: Option<f64>,
    #[aws(header = "X-Boolean1")]
    header_true_bool: Option<bool>,
    #[aws(header = "X-StringList")]
    header_string_list: Option<Vec<String>>,
    #[aws(header = "X-IntegerList")]
    header_integer_list: Option<Vec<i32>>,
    #[aws(header = "X-TimestampList")]
    header_timestamp_list: Option<Vec<DateTime>>,
    #[aws(header = "X-Enum")]
    header_enum: Option<FooEnum>,
    #[aws(header = "X-EnumList")]
    header_enum_list: Option<Vec<FooEnum>>,
    #[aws(header = "X-IntegerEnum")]
    header_integer_enum: Option<IntegerEnum>,
}

#[test]
fn headers_of_every_type() {
    let op = InputAndOutputWithHeaders {
        header_string: Some("Hello".into()),
        header_byte: Some(1),
        header_integer: Some(123),
        header_float: Some(1.1),
        header_double: Some(f64::NEG_INFINITY),
        header_true_bool: Some(true),
        header_string_list: Some(vec!["a".into(), "b".into(), "c".into()]),
        header_integer_list: Some(vec![1, 2, 3]),
        header_timestamp_list: Some(vec![T, T]),
        header_enum: Some(FooEnum::Foo),
        header_enum_list: Some(vec![FooEnum::Foo, FooEnum::Bar, FooEnum::Baz]),
        header_integer_enum: Some(IntegerEnum::A),
    };
    let req = op.serialize().unwrap();
    let expected = [
        ("x-string", "Hello"),
        ("x-byte", "1"),
        ("x-integer", "123"),
        ("x-float", "1.1"),
        ("x-double", "-Infinity"),
        ("x-boolean1", "true"),
        ("x-stringlist", "a, b, c"),
        ("x-integerlist", "1, 2, 3"),
        (
            "x-timestamplist",
            "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT",
        ),
        ("x-enum", "Foo"),
        ("x-enumlist", "Foo, Bar, Baz"),
        ("x-integerenum", "1"),
    ];
    for (name, value) in expected {
        assert_eq!(header(&req, name), Some(value), "{name}");
    }
    assert_eq!(req.headers.len(), expected.len());
    assert!(req.body.is_empty());
}

#[test]
fn header_lists_quote_and_empty_values_are_sent() {
    let op = InputAndOutputWithHeaders {
        header_string_list: Some(vec!["b,c".into(), "\"def\"".into(), "a".into()]),
        ..Default::default()
    };
    let req = op.serialize().unwrap();
    assert_eq!(header(&req, "x-stringlist"), Some(r#""b,c", "\"def\"", a"#));

    let op = InputAndOutputWithHeaders {
        header_string: Some(String::new()),
        header_string_list: Some(vec![]),
        ..Default::default()
    };
    let req = op.serialize().unwrap();
    assert_eq!(header(&req, "x-string"), Some(""));
    assert_eq!(header(&req, "x-stringlist"), Some(""));
}

#[test]
fn header_values_with_control_characters_are_refused() {
    for bad in ["a\r\nInjected: yes", "a\nb", "nul\0", "bell\u{7}"] {
        let op = InputAndOutputWithHeaders {
            header_string: Some(bad.into()),
            ..Default::default()
        };
        let err = op.serialize().unwrap_err();
        assert_eq!(err.member(), Some("headerString"), "{bad:?}");
    }
    let op = InputAndOutputWithHeaders {
        header_string_list: Some(vec!["ok".into(), "x\r\n".into()]),
        ..Default::default()
    };
    assert_eq!(
        op.serialize().unwrap_err().member(),
        Some("headerStringList")
    );
}

#[test]
fn timestamp_header_formats() {
    #[aws_operation(service = "svc", method = "POST", uri = "/TimestampFormatHeaders")]
    struct TimestampFormatHeaders {
        #[aws(header = "X-memberEpochSeconds", timestamp_format = "epoch-seconds")]
        member_epoch_seconds: Option<DateTime>,
        #[aws(header = "X-memberHttpDate", timestamp_format = "http-date")]
        member_http_date: Option<DateTime>,
        #[aws(header = "X-memberDateTime", timestamp_format = "date-time")]
        member_date_time: Option<DateTime>,
        #[aws(header = "X-defaultFormat")]
        default_format: Option<DateTime>,
    }
    let req = TimestampFormatHeaders {
        member_epoch_seconds: Some(T),
        member_http_date: Some(T),
        member_date_time: Some(T),
        default_format: Some(T),
    }
    .serialize()
    .unwrap();
    assert_eq!(header(&req, "x-memberepochseconds"), Some("1576540098"));
    assert_eq!(
        header(&req, "x-memberhttpdate"),
        Some("Mon, 16 Dec 2019 23:48:18 GMT")
    );
    assert_eq!(
        header(&req, "x-memberdatetime"),
        Some("2019-12-16T23:48:18Z")
    );
    assert_eq!(
        header(&req, "x-defaultformat"),
        Some("Mon, 16 Dec 2019 23:48:18 GMT")
    );
}

#[test]
fn prefix_headers() {
    #[aws_operation(service = "svc", method = "GET", uri = "/HttpPrefixHeaders")]
    struct HttpPrefixHeaders {
        #[aws(header = "x-foo")]
        foo: Option<String>,
        #[aws(prefix_headers = "x-foo-")]
        foo_map: Option<HashMap<String, String>>,
    }
    let req = HttpPrefixHeaders {
        foo: Some("Foo".into()),
        foo_map: Some(HashMap::from([
            ("abc".to_string(), "Abc value".to_string()),
            ("def".to_string(), "Def value".to_string()),
        ])),
    }
    .serialize()
    .unwrap();
    assert_eq!(header(&req, "x-foo"), Some("Foo"));
    assert_eq!(header(&req, "x-foo-abc"), Some("Abc value"));
    assert_eq!(header(&req, "x-foo-def"), Some("Def value"));
    assert_eq!(req.headers.len(), 3);

    let req = HttpPrefixHeaders {
        foo: None,
        foo_map: Some(HashMap::from([("abc".to_string(), String::new())])),
    }
    .serialize()
    .unwrap();
    assert_eq!(header(&req, "x-foo-abc"), Some(""));

    let err = HttpPrefixHeaders {
        foo: None,
        foo_map: Some(HashMap::from([("bad key".to_string(), "v".to_string())])),
    }
    .serialize()
    .unwrap_err();
    assert_eq!(err.member(), Some("fooMap"));
}

// ---- payloads ----------------------------------------------------------------

#[test]
fn blob_payload() {
    #[aws_operation(service = "svc", method = "POST", uri = "/HttpPayloadTraits")]
    struct HttpPayloadTraits {
        #[aws(header = "X-Foo")]
        foo: Option<String>,
        #[aws(payload)]
        blob: Option<Blob>,
    }
    let req = HttpPayloadTraits {
        foo: Some("Foo".into()),
        blob: Some(Blob::new("blobby blob blob")),
    }
    .serialize()
    .unwrap();
    assert_eq!(body(&req), "blobby blob blob");
    assert_eq!(
        header(&req, "content-type"),
        Some("application/octet-stream")
    );
    let req = HttpPayloadTraits {
        foo: Some("Foo".into()),
        blob: None,
    }
    .serialize()
    .unwrap();
    assert!(req.body.is_empty());
    assert!(header(&req, "content-type").is_none());

    #[aws_operation(service = "svc", method = "POST", uri = "/blob_payload")]
    struct TestPayloadBlob {
        #[aws(header = "Content-Type")]
        content_type: Option<String>,
        #[aws(payload)]
        data: Option<Blob>,
    }
    let req = TestPayloadBlob {
        content_type: Some("image/jpg".into()),
        data: Some(Blob::new("1234")),
    }
    .serialize()
    .unwrap();
    assert_eq!(header(&req, "content-type"), Some("image/jpg"));
    assert_eq!(body(&req), "1234");
}

#[test]
fn string_and_enum_payloads_are_text() {
    #[aws_operation(service = "svc", method = "POST", uri = "/StringPayload")]
    struct HttpStringPayload {
        #[aws(payload)]
        payload: Option<String>,
    }
    let req = HttpStringPayload {
        payload: Some("rawstring".into()),
    }
    .serialize()
    .unwrap();
    assert_eq!(body(&req), "rawstring");
    assert_eq!(header(&req, "content-type"), Some("text/plain"));

    #[aws_shape]
    #[derive(Debug, Clone, PartialEq)]
    enum StringEnum {
        #[aws(rename = "enumvalue")]
        V,
    }
    #[aws_operation(service = "svc", method = "POST", uri = "/EnumPayload")]
    struct HttpEnumPayload {
        #[aws(payload)]
        payload: Option<StringEnum>,
    }
    let req = HttpEnumPayload {
        payload: Some(StringEnum::V),
    }
    .serialize()
    .unwrap();
    assert_eq!(body(&req), "enumvalue");
    assert_eq!(header(&req, "content-type"), Some("text/plain"));
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PayloadConfig {
    pub data: Option<i32>,
}

#[aws_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum UnionPayload {
    Greeting(String),
}

#[test]
fn structure_union_and_document_payloads() {
    #[aws_operation(service = "svc", method = "POST", uri = "/payload")]
    struct TestPayloadStructure {
        #[aws(header = "x-amz-test-id")]
        test_id: Option<String>,
        #[aws(payload)]
        payload_config: Option<PayloadConfig>,
    }
    let req = TestPayloadStructure {
        test_id: None,
        payload_config: Some(PayloadConfig { data: Some(25) }),
    }
    .serialize()
    .unwrap();
    assert_eq!(body(&req), r#"{"data":25}"#);
    assert_eq!(header(&req, "content-type"), Some("application/json"));
    // An unset structure payload is still `{}`.
    let req = TestPayloadStructure {
        test_id: Some("t-12345".into()),
        payload_config: None,
    }
    .serialize()
    .unwrap();
    assert_eq!(body(&req), "{}");
    assert_eq!(header(&req, "content-type"), Some("application/json"));
    assert_eq!(header(&req, "x-amz-test-id"), Some("t-12345"));

    #[aws_operation(service = "svc", method = "PUT", uri = "/HttpPayloadWithUnion")]
    struct HttpPayloadWithUnion {
        #[aws(payload)]
        nested: Option<UnionPayload>,
    }
    let req = HttpPayloadWithUnion {
        nested: Some(UnionPayload::Greeting("hello".into())),
    }
    .serialize()
    .unwrap();
    assert_eq!(body(&req), r#"{"greeting":"hello"}"#);
    // An unset union payload sends nothing.
    let req = HttpPayloadWithUnion { nested: None }.serialize().unwrap();
    assert!(req.body.is_empty() && req.headers.is_empty());

    #[aws_operation(service = "svc", method = "PUT", uri = "/DocumentTypeAsPayload")]
    struct DocumentTypeAsPayload {
        #[aws(payload)]
        document_value: Option<Document>,
    }
    let req = DocumentTypeAsPayload {
        document_value: Some(Document::from("hello")),
    }
    .serialize()
    .unwrap();
    assert_eq!(body(&req), "\"hello\"");
    assert_eq!(header(&req, "content-type"), Some("application/json"));
}

#[test]
fn unknown_union_members_cannot_be_sent() {
    #[aws_operation(service = "svc", method = "PUT", uri = "/u")]
    struct SendUnion {
        contents: Option<UnionPayload>,
    }
    let err = SendUnion {
        contents: Some(UnionPayload::Unknown("newMember".into())),
    }
    .serialize()
    .unwrap_err();
    assert!(err.to_string().contains("newMember"), "{err}");
}

// ---- body members -------------------------------------------------------------

#[test]
fn body_members_renames_and_formats() {
    #[aws_operation(service = "svc", method = "PUT", uri = "/SimpleScalarProperties")]
    #[derive(Default)]
    struct SimpleScalarProperties {
        #[aws(header = "X-Foo")]
        foo: Option<String>,
        string_value: Option<String>,
        true_boolean_value: Option<bool>,
        byte_value: Option<i8>,
        short_value: Option<i16>,
        long_value: Option<i64>,
        float_value: Option<f32>,
        #[aws(rename = "DoubleDribble")]
        double_value: Option<f64>,
        #[aws(timestamp_format = "date-time")]
        date_time: Option<DateTime>,
        #[aws(timestamp_format = "http-date")]
        http_date: Option<DateTime>,
        normal: Option<DateTime>,
        data: Option<Blob>,
        r#type: Option<String>,
    }
    let req = SimpleScalarProperties {
        foo: Some("Foo".into()),
        string_value: Some("string".into()),
        true_boolean_value: Some(true),
        byte_value: Some(1),
        short_value: Some(2),
        long_value: Some(4),
        float_value: Some(5.5),
        double_value: Some(6.5),
        date_time: Some(DateTime::from_secs(1_398_796_238)),
        http_date: Some(DateTime::from_secs(1_398_796_238)),
        normal: Some(DateTime::from_millis(1_398_796_238_500)),
        data: Some(Blob::new("value")),
        r#type: Some("t".into()),
    }
    .serialize()
    .unwrap();
    assert_eq!(header(&req, "x-foo"), Some("Foo"));
    assert_eq!(
        json(&req),
        serde_json::json!({
            "stringValue": "string",
            "trueBooleanValue": true,
            "byteValue": 1,
            "shortValue": 2,
            "longValue": 4,
            "floatValue": 5.5,
            "DoubleDribble": 6.5,
            "dateTime": "2014-04-29T18:30:38Z",
            "httpDate": "Tue, 29 Apr 2014 18:30:38 GMT",
            "normal": 1398796238.5,
            "data": "dmFsdWU=",
            "type": "t",
        })
    );
    let req = SimpleScalarProperties {
        float_value: Some(f32::NAN),
        double_value: Some(f64::INFINITY),
        ..Default::default()
    }
    .serialize()
    .unwrap();
    assert_eq!(
        body(&req),
        r#"{"floatValue":"NaN","DoubleDribble":"Infinity"}"#
    );
}

#[test]
fn empty_strings_and_lists_are_sent_none_is_not() {
    #[aws_operation(service = "svc", method = "PUT", uri = "/JsonLists")]
    #[derive(Default)]
    struct JsonLists {
        string_list: Option<Vec<String>>,
        sparse_string_list: Option<Vec<Option<String>>>,
        nested_string_list: Option<Vec<Vec<String>>>,
        empty: Option<String>,
        absent: Option<String>,
        dense_map: Option<HashMap<String, Vec<String>>>,
        sparse_map: Option<HashMap<String, Option<i32>>>,
    }
    let req = JsonLists {
        string_list: Some(vec![]),
        sparse_string_list: Some(vec![Some("a".into()), None]),
        nested_string_list: Some(vec![vec!["foo".into()], vec![]]),
        empty: Some(String::new()),
        absent: None,
        dense_map: Some(HashMap::from([("x".to_string(), vec![])])),
        sparse_map: Some(HashMap::from([("z".to_string(), None)])),
    }
    .serialize()
    .unwrap();
    assert_eq!(
        json(&req),
        serde_json::json!({
            "stringList": [],
            "sparseStringList": ["a", null],
            "nestedStringList": [["foo"], []],
            "empty": "",
            "denseMap": {"x": []},
            "sparseMap": {"z": null},
        })
    );
}

#[test]
fn documents_in_the_body() {
    #[aws_operation(service = "svc", method = "PUT", uri = "/DocumentType")]
    struct DocumentType {
        string_value: Option<String>,
        document_value: Option<Document>,
    }
    let doc: Document = Document::Array(vec![
        Document::Bool(true),
        Document::from("hi"),
        Document::Array(vec![Document::from(1i64), Document::from(2i64)]),
        Document::Object(HashMap::from([(
            "foo".to_string(),
            Document::Object(HashMap::from([(
                "baz".to_string(),
                Document::Array(vec![Document::from(3i64), Document::from(-4i64)]),
            )])),
        )])),
        Document::from(1.5),
        Document::Null,
    ]);
    let req = DocumentType {
        string_value: Some("string".into()),
        document_value: Some(doc),
    }
    .serialize()
    .unwrap();
    assert_eq!(
        json(&req),
        serde_json::json!({
            "stringValue": "string",
            "documentValue": [true, "hi", [1, 2], {"foo": {"baz": [3, -4]}}, 1.5, null],
        })
    );
}

#[test]
fn recursive_shapes() {
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    struct Nested1 {
        foo: Option<String>,
        nested: Option<Box<Nested2>>,
    }
    #[aws_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    struct Nested2 {
        bar: Option<String>,
        recursive_member: Option<Box<Nested1>>,
    }
    #[aws_operation(service = "svc", method = "PUT", uri = "/RecursiveShapes")]
    struct RecursiveShapes {
        nested: Option<Nested1>,
    }
    let req = RecursiveShapes {
        nested: Some(Nested1 {
            foo: Some("Foo1".into()),
            nested: Some(Box::new(Nested2 {
                bar: Some("Bar1".into()),
                recursive_member: Some(Box::new(Nested1 {
                    foo: Some("Foo2".into()),
                    nested: Some(Box::new(Nested2 {
                        bar: Some("Bar2".into()),
                        recursive_member: None,
                    })),
                })),
            })),
        }),
    }
    .serialize()
    .unwrap();
    assert_eq!(
        body(&req),
        r#"{"nested":{"foo":"Foo1","nested":{"bar":"Bar1","recursiveMember":{"foo":"Foo2","nested":{"bar":"Bar2"}}}}}"#
    );
}

#[test]
fn sensitive_members_are_redacted_in_debug() {
    #[aws_operation(service = "svc", method = "POST", uri = "/secret")]
    struct PutSecret {
        name: String,
        #[aws(sensitive)]
        secret_value: Option<String>,
    }
    let op = PutSecret {
        name: "db".into(),
        secret_value: Some("hunter2".into()),
    };
    let debug = format!("{op:?}");
    assert_eq!(
        debug,
        r#"PutSecret { name: "db", secret_value: *** Sensitive Data Redacted *** }"#
    );
    // The wire still carries it.
    assert!(body(&op.serialize().unwrap()).contains("hunter2"));
}

#[test]
fn renamed_crate_path() {
    mod renamed {
        pub use awsop as my_awsop;
    }
    #[aws_operation(
        crate = "renamed::my_awsop",
        service = "svc",
        method = "GET",
        uri = "/x"
    )]
    struct Renamed;
    #[aws_shape(crate = "renamed::my_awsop")]
    #[derive(Debug, Clone, Default, PartialEq)]
    struct RenamedShape {
        a: Option<i32>,
    }
    assert_eq!(Renamed.serialize().unwrap().uri, "/x");
    assert_eq!(Renamed::METADATA.name, "Renamed");
    let shape = RenamedShape { a: Some(1) };
    assert_eq!(
        awsop::__private::protocol::binding::Payload::to_payload::<
            awsop::__private::protocol::RestJson1,
        >(&shape, &awsop::__private::shape::ROOT)
        .unwrap()
        .bytes,
        br#"{"a":1}"#
    );
}

#[test]
fn name_argument_and_defaults() {
    #[aws_operation(
        service = "svc",
        method = "DELETE",
        uri = "/x/{id}",
        name = "DeleteThing",
        protocol = "restJson1"
    )]
    struct Delete {
        #[aws(label)]
        id: String,
    }
    assert_eq!(Delete::METADATA.name, "DeleteThing");
    assert_eq!(Delete::METADATA.service_id, "svc");
    assert_eq!(Delete::METADATA.endpoint, None);
    assert_eq!(
        Delete { id: "1".into() }.serialize().unwrap().method,
        "DELETE"
    );
}

#[test]
fn media_type_headers_are_base64_and_text_headers_may_be_utf8() {
    #[aws_operation(service = "svc", method = "GET", uri = "/MediaTypeHeader")]
    struct MediaTypeHeader {
        #[aws(header = "X-Json", media_type = "application/json")]
        json: Option<String>,
        #[aws(header = "X-Name")]
        name: Option<String>,
    }
    let req = MediaTypeHeader {
        json: Some("true".into()),
        name: Some("Zoë".into()),
    }
    .serialize()
    .unwrap();
    assert_eq!(header(&req, "x-json"), Some("dHJ1ZQ=="));
    assert_eq!(req.headers["x-name"].as_bytes(), "Zoë".as_bytes());
}
