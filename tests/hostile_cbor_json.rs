//! Hostile CBOR and awsJson from the server (issue 11, item 5), through
//! the output and error parsing of a real rpcv2Cbor operation (CloudWatch
//! ListDashboards) and a real awsJson1_0 one (DynamoDB ListTables):
//! truncated items, declared lengths beyond the body and the size cap,
//! nesting 100,000 deep, invalid UTF-8 in text strings, unknown tags, and
//! awsJson errors whose `__type` is not a string.
//!
//! Each is a typed error, never a panic. Nothing is allocated from a
//! declared length: a text string declaring 2^62 bytes fails at once,
//! taking no more memory than the body (a counting allocator measures it).

#[path = "support/peak_alloc.rs"]
mod peak_alloc;
#[path = "support/raw_server.rs"]
mod raw_server;

use std::time::{Duration, Instant};

// The codec itself, to build bodies and read the typed error kind.
use awsop::__private::codec::cbor::{CborErrorKind, Decoder, Encoder};
use awsop::runtime::error::{DispatchErrorKind, ErrorKind};
use awsop::runtime::http::HttpResponse;
use awsop::runtime::transport::ReplayClient;
use awsop::{aws_operation, aws_shape, Client, Credentials, DateTime, Document};
use peak_alloc::{peak_during, Counting};
use raw_server::{RawServer, Reply};

#[global_allocator]
static ALLOC: Counting = Counting;

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceNotFoundException {
    pub message: Option<String>,
}

#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum HostileError {
    ResourceNotFoundException(ResourceNotFoundException),
}

type CallError = awsop::runtime::Error<HostileError>;

#[aws_operation(
    service = "monitoring",
    protocol = "rpcv2Cbor",
    target_prefix = "GraniteServiceVersion20100801",
    output = ListDashboardsOutput,
    error = HostileError,
    rename_all = "PascalCase"
)]
#[derive(Debug, Clone, Default)]
pub struct ListDashboards {
    pub next_token: Option<String>,
}

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListDashboardsOutput {
    pub dashboard_entries: Option<Vec<DashboardEntry>>,
    pub next_token: Option<String>,
    /// Not CloudWatch's: a document, where nesting is read, not skipped.
    pub extra: Option<Document>,
}

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DashboardEntry {
    pub dashboard_name: Option<String>,
    pub last_modified: Option<DateTime>,
    pub size: Option<i64>,
}

#[aws_operation(
    service = "dynamodb",
    protocol = "awsJson1_0",
    target_prefix = "DynamoDB_20120810",
    output = ListTablesOutput,
    error = HostileError,
    rename_all = "PascalCase"
)]
#[derive(Debug, Clone, Default)]
pub struct ListTables {
    pub exclusive_start_table_name: Option<String>,
}

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListTablesOutput {
    pub table_names: Option<Vec<String>>,
    pub last_evaluated_table_name: Option<String>,
    /// Not DynamoDB's: a document, where nesting is read, not skipped.
    pub extra: Option<Document>,
}

// ---- calling ----------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Proto {
    Cbor,
    Json,
}

fn builder() -> awsop::ClientBuilder {
    Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None, None, "test"))
        .max_attempts(1)
}

/// Answers one call of `proto` with `status` and `body` (a replay: the
/// wire is not what these cases are about) and returns the result, the
/// most bytes live at once during it, and how long it took.
async fn answer(
    proto: Proto,
    response: HttpResponse,
) -> (Result<Option<String>, CallError>, usize, Duration) {
    let client = builder()
        .http_client(ReplayClient::new([Ok(response)]))
        .build()
        .unwrap();
    let started = Instant::now();
    let (result, peak) = peak_during(async {
        match proto {
            Proto::Cbor => ListDashboards::default()
                .send(&client)
                .await
                .map(|o| o.next_token),
            Proto::Json => ListTables::default()
                .send(&client)
                .await
                .map(|o| o.last_evaluated_table_name),
        }
    })
    .await;
    (result, peak, started.elapsed())
}

fn error_text(err: &CallError) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// A 200 with `body` fails as a response error saying one of `says`, in
/// memory within a few times the body's size.
async fn bad_output(proto: Proto, body: &[u8], says: &[&str]) -> CallError {
    let what = format!("{proto:?} {:02x?}", &body[..body.len().min(24)]);
    let (result, peak, _) = answer(proto, HttpResponse::new(200, body.to_vec())).await;
    let err = result.expect_err(&what);
    assert_eq!(err.kind(), ErrorKind::Response, "{what}: {err:?}");
    assert_eq!(err.status(), Some(200), "{what}");
    let text = error_text(&err);
    assert!(
        says.iter().any(|s| text.contains(s)),
        "{what}: {text:?} should say one of {says:?}"
    );
    assert!(peak < 4 * body.len() + (1 << 20), "{what}: {peak} bytes");
    err
}

/// A 400 with `body` is the service's error, unhandled, with no code (the
/// body is not understood, so nothing in it is trusted) and its start shown.
async fn bad_error(proto: Proto, body: &[u8]) {
    let what = format!("{proto:?} {:02x?}", &body[..body.len().min(24)]);
    let (result, peak, _) = answer(proto, HttpResponse::new(400, body.to_vec())).await;
    let err = result.expect_err(&what);
    assert_eq!(err.kind(), ErrorKind::Service, "{what}: {err:?}");
    assert_eq!(err.status(), Some(400), "{what}");
    assert_eq!(err.code(), None, "{what}: {err:?}");
    assert!(matches!(err.service_error(), Some(HostileError::Unhandled)));
    assert!(
        err.metadata().and_then(|m| m.body_excerpt()).is_some(),
        "{what}"
    );
    assert!(peak < 4 * body.len() + (1 << 20), "{what}: {peak} bytes");
}

// ---- bodies -------------------------------------------------------------------

/// A ListDashboards answer as CloudWatch writes it: indefinite-length maps,
/// a timestamp as tag 1.
fn cbor_output() -> Vec<u8> {
    let mut e = Encoder::new();
    e.begin_indefinite_map()
        .text("DashboardEntries")
        .array(1)
        .begin_indefinite_map()
        .text("DashboardName")
        .text("main")
        .text("LastModified")
        .tag(1)
        .f64(1_700_000_000.5)
        .text("Size")
        .uint(42)
        .end()
        .text("NextToken")
        .text("t-2")
        .end();
    e.into_vec()
}

fn cbor_error() -> Vec<u8> {
    let mut e = Encoder::new();
    e.map(2)
        .text("__type")
        .text("com.amazonaws.cloudwatch#ResourceNotFoundException")
        .text("Message")
        .text("no dashboard");
    e.into_vec()
}

const JSON_OUTPUT: &str = r#"{"TableNames":["a","b\u00e9"],"LastEvaluatedTableName":"t-2","Extra":{"k":[1,2.5,null,true]}}"#;
const JSON_ERROR: &str = r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"no table"}"#;

/// `{"NextToken": <value>}` (a known string member), as one map entry.
fn cbor_member(key: &str, value: &[u8]) -> Vec<u8> {
    let mut e = Encoder::new();
    e.map(1).text(key);
    let mut body = e.into_vec();
    body.extend_from_slice(value);
    body
}

#[tokio::test]
async fn the_bodies_parse_when_well_formed() {
    let (out, _, _) = answer(Proto::Cbor, HttpResponse::new(200, cbor_output())).await;
    assert_eq!(out.expect("parsed").as_deref(), Some("t-2"));
    let (out, _, _) = answer(Proto::Json, HttpResponse::new(200, JSON_OUTPUT)).await;
    assert_eq!(out.expect("parsed").as_deref(), Some("t-2"));
    for (proto, body) in [
        (Proto::Cbor, cbor_error()),
        (Proto::Json, JSON_ERROR.as_bytes().to_vec()),
    ] {
        let (out, _, _) = answer(proto, HttpResponse::new(400, body)).await;
        let err = out.expect_err("an error");
        assert_eq!(err.code(), Some("ResourceNotFoundException"), "{err:?}");
        assert!(matches!(
            err.service_error(),
            Some(HostileError::ResourceNotFoundException(_))
        ));
    }
}

// ---- truncated items -------------------------------------------------------------

#[tokio::test]
async fn truncated_cbor_items_are_errors() {
    let output = cbor_output();
    // Every cut but the empty body (an empty answer: no member set).
    for end in 1..output.len() {
        bad_output(Proto::Cbor, &output[..end], &["CBOR"]).await;
    }
    let error = cbor_error();
    for end in 1..error.len() {
        bad_error(Proto::Cbor, &error[..end]).await;
    }
    // Heads cut inside their argument, of every major type.
    for head in [
        &[0x19, 0x01][..],
        &[0x3a, 0, 0],
        &[0x5b, 0, 0, 0],
        &[0x7a, 0],
        &[0x99, 0],
        &[0xb9],
        &[0xdb, 0, 0, 0, 0, 0, 0],
        &[0xfb, 0, 0, 0],
    ] {
        bad_output(Proto::Cbor, &cbor_member("NextToken", head), &["CBOR"]).await;
    }
}

#[tokio::test]
async fn truncated_json_is_an_error() {
    let output = JSON_OUTPUT.as_bytes();
    for end in 1..output.len() {
        bad_output(Proto::Json, &output[..end], &["JSON"]).await;
    }
    let error = JSON_ERROR.as_bytes();
    for end in 1..error.len() {
        bad_error(Proto::Json, &error[..end]).await;
    }
}

// ---- declared lengths -------------------------------------------------------------

/// A head of major type `major` declaring `len` in eight bytes.
fn huge_head(major: u8, len: u64) -> Vec<u8> {
    let mut head = vec![major << 5 | 27];
    head.extend_from_slice(&len.to_be_bytes());
    head
}

#[tokio::test]
async fn a_declared_2_pow_62_byte_string_fails_at_once() {
    const HUGE: u64 = 1 << 62;
    // Straight from the decoder: the typed kind, with the declared length.
    let text = [huge_head(3, HUGE), b"abc".to_vec()].concat();
    let err = Decoder::new(&text).read_text().unwrap_err();
    assert_eq!(
        err.kind(),
        CborErrorKind::LengthExceedsInput { declared: HUGE }
    );
    // Through the operation: a text, a byte string, an array, a map and a
    // chunk of an indefinite string declaring 2^62 (and 2^64 - 1), in a
    // known member and in one that is skipped.
    for len in [HUGE, u64::MAX] {
        for value in [
            huge_head(3, len),
            huge_head(2, len),
            huge_head(4, len),
            huge_head(5, len),
            [&[0x7f][..], &huge_head(3, len)].concat(),
            [&[0x5f][..], &huge_head(2, len)].concat(),
        ] {
            for key in ["NextToken", "DashboardEntries", "Extra", "Unknown"] {
                let body = cbor_member(key, &value);
                let started = Instant::now();
                let err = bad_output(Proto::Cbor, &body, &["exceeds the input", "expected"]).await;
                assert!(started.elapsed() < Duration::from_secs(1), "{err}");
            }
            // In an error body.
            let mut e = Encoder::new();
            e.map(2).text("Message");
            let body = [e.into_vec(), value.clone()].concat();
            bad_error(Proto::Cbor, &body).await;
        }
    }
}

#[tokio::test]
async fn a_declared_length_over_the_cap_is_refused_before_reading() {
    const CAP: usize = 1 << 20;
    let server = RawServer::start().await;
    let client = builder()
        .endpoint_url(&server.url)
        .max_response_bytes(CAP)
        .attempt_timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    for declared in [CAP as u64 + 1, 1 << 62, u64::MAX] {
        server.set(Reply::raw(
            format!("HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: {declared}\r\n"),
            vec![0xbf; 4096],
        ));
        for proto in [Proto::Cbor, Proto::Json] {
            let (result, peak) = peak_during(async {
                match proto {
                    Proto::Cbor => ListDashboards::default().send(&client).await.map(drop),
                    Proto::Json => ListTables::default().send(&client).await.map(drop),
                }
            })
            .await;
            let err = result.expect_err("over the cap");
            // u64::MAX is no valid length to hyper at all: still a
            // dispatch error, never a body read.
            assert_eq!(err.kind(), ErrorKind::Dispatch, "{declared}: {err:?}");
            if declared != u64::MAX {
                let kind = err.as_dispatch().map(|d| d.kind());
                assert_eq!(kind, Some(DispatchErrorKind::BodyTooLarge), "{err:?}");
            }
            assert!(peak < CAP, "{proto:?} {declared}: {peak} bytes");
        }
    }
}

// ---- nesting ------------------------------------------------------------------------

const DEEP: usize = 100_000;

#[tokio::test]
async fn cbor_nested_100000_deep_is_an_error_not_a_stack_overflow() {
    let arrays = [vec![0x81; DEEP], vec![0x00]].concat();
    let indefinite = [vec![0x9f; DEEP], vec![0xff; DEEP]].concat();
    let maps = [b"\xa1\x61a".repeat(DEEP), vec![0x00]].concat();
    let indefinite_maps = [b"\xbf\x61a".repeat(DEEP), vec![0x00], vec![0xff; DEEP]].concat();
    for value in [&arrays, &indefinite, &maps, &indefinite_maps] {
        // A document member reads it (recursively, to the limit); an
        // unknown member skips it (iteratively, to the same limit).
        for key in ["Extra", "Unknown"] {
            bad_output(Proto::Cbor, &cbor_member(key, value), &["nested deeper"]).await;
        }
        bad_output(Proto::Cbor, value, &["nested deeper", "expected map"]).await;
        bad_error(Proto::Cbor, value).await;
        bad_error(Proto::Cbor, &cbor_member("Unknown", value)).await;
    }
    // 100,000 tags stacked on one item: no nesting, no recursion.
    let tags = [vec![0xc6; DEEP], vec![0x61, b'x']].concat();
    bad_output(Proto::Cbor, &cbor_member("NextToken", &tags), &["a tag"]).await;
    let (out, _, _) = answer(
        Proto::Cbor,
        HttpResponse::new(200, cbor_member("Unknown", &tags)),
    )
    .await;
    assert!(out.is_ok(), "a skipped member's tags are skipped: {out:?}");
}

#[tokio::test]
async fn json_nested_100000_deep_is_an_error_not_a_stack_overflow() {
    let arrays = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    let objects = format!("{}1{}", r#"{"a":"#.repeat(DEEP), "}".repeat(DEEP));
    for value in [&arrays, &objects] {
        for key in ["Extra", "Unknown", "TableNames"] {
            let body = format!(r#"{{"{key}":{value}}}"#);
            bad_output(
                Proto::Json,
                body.as_bytes(),
                &["recursion limit", "expected"],
            )
            .await;
        }
        bad_error(Proto::Json, value.as_bytes()).await;
        let body = format!(r#"{{"__type":{value},"message":"m"}}"#);
        bad_error(Proto::Json, body.as_bytes()).await;
    }
}

// ---- text -----------------------------------------------------------------------------

#[tokio::test]
async fn invalid_utf8_in_cbor_text_is_an_error() {
    for value in [
        &b"\x62\xff\xfe"[..],
        b"\x62\xc0\xaf",             // overlong `/`
        b"\x63\xed\xa0\x80",         // an encoded surrogate
        b"\x7f\x61\xc3\x61\xa9\xff", // `é` split across two chunks
        b"\x7f\x62ok\x61\xff\xff",   // a bad second chunk
    ] {
        bad_output(Proto::Cbor, &cbor_member("NextToken", value), &["UTF-8"]).await;
        bad_output(Proto::Cbor, &cbor_member("Extra", value), &["UTF-8"]).await;
        // As a key.
        let mut key = vec![0xa1];
        key.extend_from_slice(value);
        key.push(0x00);
        bad_output(Proto::Cbor, &key, &["UTF-8"]).await;
        // As an error's `__type` or message.
        for field in ["__type", "Message"] {
            bad_error(Proto::Cbor, &cbor_member(field, value)).await;
        }
    }
}

#[tokio::test]
async fn invalid_utf8_in_json_text_is_an_error() {
    for value in [
        &b"\"\xff\xfe\""[..],
        b"\"\xc0\xaf\"",
        b"\"\xed\xa0\x80\"",
        br#""\ud800""#,
        br#""\udc00x""#,
        br#""\ud800\u0041""#,
    ] {
        let body = [&b"{\"LastEvaluatedTableName\":"[..], value, b"}"].concat();
        bad_output(Proto::Json, &body, &["UTF-8", "surrogate", "JSON"]).await;
        let body = [&b"{"[..], value, b":1}"].concat();
        bad_output(Proto::Json, &body, &["UTF-8", "surrogate", "JSON"]).await;
        let body = [&b"{\"__type\":"[..], value, b"}"].concat();
        bad_error(Proto::Json, &body).await;
    }
}

// ---- tags -----------------------------------------------------------------------------

#[tokio::test]
async fn unknown_cbor_tags_are_errors_where_a_value_is_read() {
    // On a string, a list, a structure, a timestamp (only tag 1 is one),
    // and on the whole body (55799, "self-described CBOR").
    let tagged_text = [&[0xd8, 0x2a][..], b"\x61x"].concat();
    bad_output(
        Proto::Cbor,
        &cbor_member("NextToken", &tagged_text),
        &["a tag"],
    )
    .await;
    bad_output(
        Proto::Cbor,
        &cbor_member("DashboardEntries", &[0xc2, 0x80]),
        &["a tag"],
    )
    .await;
    let entry = |timestamp: &[u8]| {
        let mut e = Encoder::new();
        e.map(1)
            .text("DashboardEntries")
            .array(1)
            .map(1)
            .text("LastModified");
        [e.into_vec(), timestamp.to_vec()].concat()
    };
    for timestamp in [
        &[0xc0, 0x00][..],
        &[0xdb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00],
    ] {
        bad_output(Proto::Cbor, &entry(timestamp), &["tag"]).await;
    }
    let self_described = [&[0xd9, 0xd9, 0xf7][..], &cbor_output()].concat();
    bad_output(Proto::Cbor, &self_described, &["a tag"]).await;
    // A tag with nothing after it, or before a break.
    bad_output(Proto::Cbor, &cbor_member("Unknown", &[0xc1]), &["CBOR"]).await;
    bad_output(Proto::Cbor, &[0xbf, 0xc1, 0xff], &["a tag"]).await;
    // A tagged value in a member nobody reads is skipped, and one in a
    // document is read past its tag: both parse.
    for key in ["Unknown", "Extra"] {
        let body = cbor_member(key, &tagged_text);
        let (out, _, _) = answer(Proto::Cbor, HttpResponse::new(200, body)).await;
        assert!(out.is_ok(), "{key}: {out:?}");
    }
    // Not well-formed heads: reserved additional information, an
    // indefinite integer, a two-byte simple value under 32, a lone break.
    for value in [&[0x1c][..], &[0x1f], &[0xf8, 0x10], &[0xff], &[0x3e]] {
        let says = ["not valid CBOR", "found a break"];
        bad_output(Proto::Cbor, &cbor_member("NextToken", value), &says).await;
        bad_output(Proto::Cbor, &cbor_member("Unknown", value), &says).await;
    }
    // Trailing bytes after the body's item.
    bad_output(
        Proto::Cbor,
        &[cbor_output(), vec![0x00]].concat(),
        &["CBOR"],
    )
    .await;
}

// ---- awsJson `__type` that is not a string ------------------------------------------------

#[tokio::test]
async fn an_aws_json_error_whose_type_is_not_a_string_has_no_code() {
    for value in [
        "5",
        "-1.5e300",
        "{}",
        r#"{"__type":"ResourceNotFoundException"}"#,
        "[]",
        r#"["ResourceNotFoundException"]"#,
        "null",
        "true",
    ] {
        let body = format!(r#"{{"__type":{value},"message":"m"}}"#);
        let (result, _, _) = answer(Proto::Json, HttpResponse::new(400, body.clone())).await;
        let err = result.expect_err(&body);
        assert_eq!(err.kind(), ErrorKind::Service, "{body}: {err:?}");
        assert_eq!((err.status(), err.code()), (Some(400), None), "{body}");
        assert!(
            matches!(err.service_error(), Some(HostileError::Unhandled)),
            "{body}"
        );
        // The rest of the body still reads.
        assert_eq!(err.message(), Some("m"), "{body}");
        // With a string `code` beside it, that is the code.
        let body = format!(r#"{{"__type":{value},"code":"ResourceNotFoundException"}}"#);
        let (result, _, _) = answer(Proto::Json, HttpResponse::new(400, body.clone())).await;
        let err = result.expect_err(&body);
        assert_eq!(
            err.code(),
            Some("ResourceNotFoundException"),
            "{body}: {err:?}"
        );
        assert!(matches!(
            err.service_error(),
            Some(HostileError::ResourceNotFoundException(_))
        ));
    }
    // A string that is all namespace or URI suffix names nothing.
    for value in [r#""""#, "\"aws#\"", r#"":http://x""#, "\"#\""] {
        let body = format!(r#"{{"__type":{value}}}"#);
        let (result, _, _) = answer(Proto::Json, HttpResponse::new(400, body.clone())).await;
        let err = result.expect_err(&body);
        assert_eq!(
            (err.kind(), err.code()),
            (ErrorKind::Service, None),
            "{body}: {err:?}"
        );
    }
}
