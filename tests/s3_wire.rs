//! S3 on the wire, without a network: signatures against the S3 API
//! reference's worked examples, S3's answers (errors in a 200, HEAD
//! errors, wrong-region answers, both request ids) through the real
//! orchestrator, and retries of streamed bodies.

#[path = "s3/support.rs"]
mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use awsop::runtime::body::ByteStream;
use awsop::runtime::http::{HttpRequest, HttpResponse, StreamingResponse};
use awsop::runtime::s3_rules::AddressingStyle;
use awsop::runtime::time::FixedTime;
use awsop::runtime::transport::{DispatchError, HttpClient};
use awsop::runtime::BoxFuture;
use awsop::s3::{CopyObject, GetObject, HeadObject, PutObject, S3Error};
use awsop::{CallOptions, Client, ClientBuilder, Credentials, PayloadSigning};

/// The S3 API reference's example key ("Signature Calculations for the
/// Authorization Header" and "Authenticating Requests: Using Query
/// Parameters"): 2013-05-24T00:00:00Z in us-east-1.
fn docs_client(http: impl HttpClient + 'static) -> Client {
    ClientBuilder::new()
        .region("us-east-1")
        .endpoint_url("https://s3.amazonaws.com")
        .credentials(Credentials::new(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            None,
            None,
            "docs",
        ))
        .time_source(FixedTime(UNIX_EPOCH + Duration::from_secs(1_369_353_600)))
        .http_client(http)
        .sleep(NoSleep)
        .build()
        .unwrap()
}

/// What a scripted endpoint saw: each request and its body, read whole.
#[derive(Debug, Clone)]
struct Seen {
    request: HttpRequest,
    body: Vec<u8>,
}

/// Answers each request with the next of `answers`, recording it.
#[derive(Debug)]
struct Scripted {
    answers: Mutex<Vec<HttpResponse>>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Scripted {
    fn new(answers: Vec<HttpResponse>) -> (Self, Arc<Mutex<Vec<Seen>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut answers = answers;
        answers.reverse();
        (
            Scripted {
                answers: Mutex::new(answers),
                seen: seen.clone(),
            },
            seen,
        )
    }

    fn answer(&self) -> HttpResponse {
        self.answers.lock().unwrap().pop().expect("a scripted answer")
    }
}

impl HttpClient for Scripted {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        let body = request.body.to_vec();
        self.seen.lock().unwrap().push(Seen { request, body });
        let answer = self.answer();
        Box::pin(async move { Ok(answer) })
    }

    fn call_streaming(
        &self,
        request: HttpRequest,
        body: Option<ByteStream>,
    ) -> BoxFuture<'_, Result<StreamingResponse, DispatchError>> {
        Box::pin(async move {
            let bytes = match body {
                Some(body) => body.collect().await.map(|b| b.to_vec()),
                None => Ok(request.body.to_vec()),
            };
            // A body that fails to read fails the attempt, as on a socket.
            let bytes = bytes.map_err(|e| {
                DispatchError::new(awsop::runtime::transport::DispatchErrorKind::Io, e.to_string())
            })?;
            self.seen.lock().unwrap().push(Seen {
                request,
                body: bytes,
            });
            Ok(StreamingResponse::from(self.answer()))
        })
    }
}

#[derive(Debug)]
struct NoSleep;

impl awsop::runtime::time::AsyncSleep for NoSleep {
    fn sleep(&self, _: Duration) -> BoxFuture<'static, ()> {
        Box::pin(async {})
    }
}

fn query_param<'a>(uri: &'a str, name: &str) -> Option<&'a str> {
    uri.split_once('?')?
        .1
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[tokio::test]
async fn presigned_get_matches_the_s3_api_reference() {
    // "Authenticating Requests: Using Query Parameters (AWS Signature
    // Version 4)", its example: GET examplebucket/test.txt for 86400 s.
    let (http, _) = Scripted::new(vec![]);
    let client = docs_client(http);
    let presigned = GetObject::new("examplebucket", "test.txt")
        .presign(&client, Duration::from_secs(86_400))
        .await
        .unwrap();
    assert_eq!(presigned.method(), "GET");
    let uri = presigned.uri();
    assert!(uri.starts_with("https://examplebucket.s3.amazonaws.com/test.txt?"), "{uri}");
    assert_eq!(query_param(uri, "X-Amz-Algorithm"), Some("AWS4-HMAC-SHA256"));
    assert_eq!(
        query_param(uri, "X-Amz-Credential"),
        Some("AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request")
    );
    assert_eq!(query_param(uri, "X-Amz-Date"), Some("20130524T000000Z"));
    assert_eq!(query_param(uri, "X-Amz-Expires"), Some("86400"));
    assert_eq!(query_param(uri, "X-Amz-SignedHeaders"), Some("host"));
    assert_eq!(
        query_param(uri, "X-Amz-Signature"),
        Some("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    );
    assert!(presigned.headers().is_empty());
    // The URL is a credential: Debug leaves out its query.
    assert!(!format!("{presigned:?}").contains("aeeed9bb"));
}

#[tokio::test]
async fn presigning_refuses_expiries_outside_one_second_to_seven_days() {
    let (http, _) = Scripted::new(vec![]);
    let client = docs_client(http);
    for expiry in [Duration::ZERO, Duration::from_secs(7 * 24 * 3600 + 1)] {
        let err = GetObject::new("examplebucket", "test.txt")
            .presign(&client, expiry)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), awsop::ErrorKind::Configuration, "{err}");
    }
    assert!(GetObject::new("examplebucket", "test.txt")
        .presign(&client, Duration::from_secs(7 * 24 * 3600))
        .await
        .is_ok());
}

#[tokio::test]
async fn get_object_with_a_range_signs_as_the_s3_api_reference() {
    // "Signature Calculations for the Authorization Header: Transferring
    // Payload in a Single Chunk", example "GET Object": the first 10 bytes.
    let (http, seen) = Scripted::new(vec![HttpResponse::new(206, "0123456789")
        .with_header("Content-Range", "bytes 0-9/44")]);
    let client = docs_client(http);
    let out = GetObject::new("examplebucket", "test.txt")
        .range("bytes=0-9")
        .send(&client)
        .await
        .unwrap();
    assert_eq!(&out.body.collect().await.unwrap()[..], b"0123456789");
    let seen = seen.lock().unwrap();
    let request = &seen[0].request;
    assert_eq!(request.uri, "https://examplebucket.s3.amazonaws.com/test.txt");
    let authorization = request.headers["authorization"].to_str().unwrap();
    assert!(
        authorization.contains("SignedHeaders=host;range;x-amz-content-sha256;x-amz-date"),
        "{authorization}"
    );
    assert!(
        authorization.ends_with(
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        ),
        "{authorization}"
    );
    assert_eq!(
        request.headers["x-amz-content-sha256"],
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}
