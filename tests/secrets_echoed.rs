//! Redaction that cannot be bypassed (issue 17, item 2): a service that
//! echoes the caller's secret key or session token back in an error
//! response, in any way its format can spell text, never gets it into
//! `message()`, the error's members, `Display`, `Debug` or the request id.
//! Each test is one way of writing the token that a search of the raw body
//! alone would miss.

use std::fmt::Write as _;

use awsop::runtime::http::HttpResponse;
use awsop::runtime::retry::RetryConfig;
use awsop::runtime::transport::ReplayClient;
use awsop::{aws_operation, aws_shape, Client, Credentials};

const SECRET: &str = "SeCrEtKeY/0123456789+abcdefghijklmnopqrst";
const TOKEN: &str = "SeSsIoNtOkEn//FwoGZXIvYXdzEXAMPLE+uniq==";

fn client(response: HttpResponse) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new(
            "AKIDECHOTEST",
            SECRET,
            Some(TOKEN.to_owned()),
            None,
            "test",
        ))
        .endpoint_url("http://127.0.0.1:1")
        .retry_config(RetryConfig {
            max_attempts: 1,
            ..RetryConfig::default()
        })
        .http_client(ReplayClient::new([Ok(response)]))
        .build()
        .unwrap()
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Empty {}

#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidTokenException {
    pub message: Option<String>,
    pub detail: Option<String>,
}

#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum EchoError {
    InvalidTokenException(InvalidTokenException),
}

#[aws_operation(
    service = "sns",
    protocol = "awsQuery",
    api_version = "2010-03-31",
    output = Empty,
    error = EchoError
)]
#[derive(Debug, Clone, Default)]
pub struct ListTopics {}

#[aws_operation(
    service = "monitoring",
    protocol = "rpcv2Cbor",
    target_prefix = "GraniteServiceVersion20100801",
    output = Empty,
    error = EchoError
)]
#[derive(Debug, Clone, Default)]
pub struct ListDashboards {}

#[aws_operation(
    service = "logs",
    protocol = "awsJson1_1",
    target_prefix = "Logs_20140328",
    output = Empty,
    error = EchoError
)]
#[derive(Debug, Clone, Default)]
pub struct DescribeLogGroups {}

/// Everything a program could print about an error, the request id and
/// every member included.
fn shown<E: std::fmt::Debug + std::fmt::Display>(err: &awsop::runtime::Error<E>) -> String {
    let mut out = format!("{err}\n{err:?}\n{err:#?}");
    if let Some(meta) = err.metadata() {
        let _ = write!(
            out,
            "\n{:?} {:?} {:?}",
            meta.code(),
            meta.message(),
            meta.request_id()
        );
    }
    out
}

fn assert_clean(what: &str, text: &str) {
    for (name, secret) in [("the secret key", SECRET), ("the session token", TOKEN)] {
        assert!(!text.contains(secret), "{what} shows {name}:\n{text}");
    }
    assert!(
        text.contains("** redacted **"),
        "{what}: the echo is gone entirely?\n{text}"
    );
}

/// `secret` with a CDATA boundary in its middle: the same text to an XML
/// reader, different bytes to a search.
fn cdata_split(secret: &str) -> String {
    let (a, b) = secret.split_at(secret.len() / 2);
    format!("<![CDATA[{a}]]><![CDATA[{b}]]>")
}

#[tokio::test]
async fn session_token_split_by_xml_cdata_or_a_comment_is_redacted() {
    let (a, b) = TOKEN.split_at(10);
    let body = format!(
        "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidTokenException</Code>\
         <Message>bad token {}</Message><Detail>key {a}<!-- x -->{b}</Detail></Error>\
         <RequestId>r-1</RequestId></ErrorResponse>",
        cdata_split(TOKEN)
    );
    let err = ListTopics::default()
        .send(&client(HttpResponse::new(400, body)))
        .await
        .unwrap_err();
    let Some(EchoError::InvalidTokenException(e)) = err.service_error() else {
        panic!("not the modeled error: {err:?}");
    };
    assert_clean("the message", e.message.as_deref().unwrap_or_default());
    assert_clean("the detail member", e.detail.as_deref().unwrap_or_default());
    assert_clean("the error", &shown(&err));
}

/// A CBOR text string of indefinite length: `secret` in two chunks.
fn cbor_chunked_text(out: &mut Vec<u8>, secret: &str) {
    let (a, b) = secret.split_at(7);
    out.push(0x7f);
    for chunk in [a, b] {
        out.push(0x78);
        out.push(chunk.len() as u8);
        out.extend_from_slice(chunk.as_bytes());
    }
    out.push(0xff);
}

fn cbor_text(out: &mut Vec<u8>, text: &str) {
    out.push(0x78);
    out.push(text.len() as u8);
    out.extend_from_slice(text.as_bytes());
}

#[tokio::test]
async fn secret_key_in_cbor_indefinite_length_chunks_is_redacted() {
    // {"__type": "InvalidTokenException", "Message": <chunked secret>}
    let mut body = vec![0xa2];
    cbor_text(&mut body, "__type");
    cbor_text(&mut body, "InvalidTokenException");
    cbor_text(&mut body, "Message");
    cbor_chunked_text(&mut body, SECRET);
    let mut response = HttpResponse::new(400, body);
    response
        .headers
        .insert("smithy-protocol", "rpc-v2-cbor".parse().unwrap());
    let err = ListDashboards::default()
        .send(&client(response))
        .await
        .unwrap_err();
    let Some(EchoError::InvalidTokenException(e)) = err.service_error() else {
        panic!("not the modeled error: {err:?}");
    };
    assert_clean("the message", e.message.as_deref().unwrap_or_default());
    assert_clean("the error", &shown(&err));
}

#[tokio::test]
async fn session_token_in_json_unicode_escapes_is_redacted() {
    // Gson's default: `=`, `/` and `+` written as \u escapes.
    let escaped = TOKEN
        .replace('=', "\\u003d")
        .replace('/', "\\u002F")
        .replace('+', "\\u002b");
    let body =
        format!(r#"{{"__type": "InvalidTokenException", "Message": "token {escaped} refused"}}"#);
    let err = DescribeLogGroups::default()
        .send(&client(HttpResponse::new(400, body)))
        .await
        .unwrap_err();
    let Some(EchoError::InvalidTokenException(e)) = err.service_error() else {
        panic!("not the modeled error: {err:?}");
    };
    assert_clean("the message", e.message.as_deref().unwrap_or_default());
    assert_clean("the error", &shown(&err));
}

#[tokio::test]
async fn secrets_in_the_request_id_and_error_type_headers_are_redacted() {
    let mut response = HttpResponse::new(400, "{}");
    response
        .headers
        .insert("x-amzn-requestid", format!("req-{TOKEN}").parse().unwrap());
    response.headers.insert(
        "x-amzn-errortype",
        format!("InvalidTokenException:{SECRET}").parse().unwrap(),
    );
    let err = DescribeLogGroups::default()
        .send(&client(response))
        .await
        .unwrap_err();
    let meta = err.metadata().unwrap();
    assert_clean("the request id", meta.request_id().unwrap_or_default());
    assert_eq!(meta.code(), Some("InvalidTokenException"));
    let shown = shown(&err);
    assert!(!shown.contains(TOKEN) && !shown.contains(SECRET), "{shown}");
}
