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
use awsop::{CallOptions, Client, ClientBuilder, Credentials, PayloadSigning, RequestChecksum};

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
        self.answers
            .lock()
            .unwrap()
            .pop()
            .expect("a scripted answer")
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
                DispatchError::new(
                    awsop::runtime::transport::DispatchErrorKind::Io,
                    e.to_string(),
                )
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
    assert!(
        uri.starts_with("https://examplebucket.s3.amazonaws.com/test.txt?"),
        "{uri}"
    );
    assert_eq!(
        query_param(uri, "X-Amz-Algorithm"),
        Some("AWS4-HMAC-SHA256")
    );
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
    let (http, seen) = Scripted::new(vec![
        HttpResponse::new(206, "0123456789").with_header("Content-Range", "bytes 0-9/44")
    ]);
    let client = docs_client(http);
    let out = GetObject::new("examplebucket", "test.txt")
        .range("bytes=0-9")
        .send(&client)
        .await
        .unwrap();
    assert_eq!(&out.body.collect().await.unwrap()[..], b"0123456789");
    let seen = seen.lock().unwrap();
    let request = &seen[0].request;
    assert_eq!(
        request.uri,
        "https://examplebucket.s3.amazonaws.com/test.txt"
    );
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

fn plain_client(http: impl HttpClient + 'static) -> ClientBuilder {
    ClientBuilder::new()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET", None, None, "test"))
        .http_client(http)
        .sleep(NoSleep)
}

/// The S3 API reference's "Error responses" example body.
const NO_SUCH_KEY: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>NoSuchKey</Code>\n  \
    <Message>The resource you requested does not exist</Message>\n  <Resource>/mybucket/myfoto.jpg</Resource>\n  \
    <RequestId>4442587FB7D0A2F9</RequestId>\n</Error>";

#[tokio::test]
async fn errors_keep_both_request_ids_and_are_typed() {
    let (http, _) = Scripted::new(vec![HttpResponse::new(404, NO_SUCH_KEY)
        .with_header("x-amz-request-id", "4442587FB7D0A2F9")
        .with_header(
            "x-amz-id-2",
            "vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=",
        )]);
    let client = plain_client(http).build().unwrap();
    let err = GetObject::new("mybucket", "myfoto.jpg")
        .send(&client)
        .await
        .unwrap_err();
    assert!(
        matches!(err.service_error(), Some(S3Error::NoSuchKey(_))),
        "{err}"
    );
    let meta = err.metadata().unwrap();
    assert_eq!(meta.request_id(), Some("4442587FB7D0A2F9"));
    assert_eq!(
        meta.extended_request_id(),
        Some("vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=")
    );
    assert_eq!(
        err.message(),
        Some("The resource you requested does not exist")
    );
}

#[tokio::test]
async fn a_head_error_without_a_body_is_a_typed_not_found() {
    let (http, seen) = Scripted::new(vec![
        HttpResponse::new(404, "").with_header("x-amz-request-id", "R404")
    ]);
    let client = plain_client(http).build().unwrap();
    let err = HeadObject::new("bucket", "missing.txt")
        .send(&client)
        .await
        .unwrap_err();
    assert!(
        matches!(err.service_error(), Some(S3Error::NotFound(_))),
        "{err}"
    );
    assert_eq!(err.code(), Some("NotFound"));
    assert_eq!(err.request_id(), Some("R404"));
    assert_eq!(seen.lock().unwrap()[0].request.method, http::Method::HEAD);
}

#[tokio::test]
async fn a_wrong_region_names_the_buckets_region() {
    // A 301 (S3 answers requests to the wrong regional endpoint so), and a
    // 400 whose body names the region (signed for the wrong region).
    let redirect = "<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access \
        must be addressed using the specified endpoint.</Message><Endpoint>bucket.s3.eu-west-1.amazonaws.com</Endpoint>\
        <Bucket>bucket</Bucket></Error>";
    let malformed = "<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is \
        malformed; the region 'us-west-2' is wrong; expecting 'eu-west-1'</Message><Region>eu-west-1</Region>\
        <RequestId>R2</RequestId></Error>";
    let (http, _) = Scripted::new(vec![
        HttpResponse::new(301, redirect).with_header("x-amz-bucket-region", "eu-west-1"),
        HttpResponse::new(400, malformed),
    ]);
    let client = plain_client(http).build().unwrap();
    for code in ["PermanentRedirect", "AuthorizationHeaderMalformed"] {
        let err = GetObject::new("bucket", "k")
            .send(&client)
            .await
            .unwrap_err();
        assert_eq!(err.code(), Some(code));
        let meta = err.metadata().unwrap();
        assert_eq!(meta.bucket_region(), Some("eu-west-1"), "{err}");
        assert!(err.to_string().contains("bucket region eu-west-1"), "{err}");
    }
}

#[tokio::test]
async fn an_error_in_a_200_is_an_error_and_retried() {
    // The CopyObject reference: "A copy request might return an error when
    // Amazon S3 receives the copy request or while Amazon S3 is copying the
    // files. ... the error is embedded in the 200 OK response."
    let internal = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>\
        <Message>We encountered an internal error. Please try again.</Message><RequestId>R3</RequestId></Error>";
    let copied = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CopyObjectResult>\
        <LastModified>2009-10-28T22:32:00Z</LastModified><ETag>\"9b2cf535f27731c974343645a3985328\"</ETag></CopyObjectResult>";
    let (http, seen) = Scripted::new(vec![
        HttpResponse::new(200, internal),
        HttpResponse::new(200, copied),
    ]);
    let client = plain_client(http).build().unwrap();
    let out = CopyObject::new("src/a", "dst", "b")
        .send(&client)
        .await
        .unwrap();
    assert_eq!(seen.lock().unwrap().len(), 2, "retried once");
    let result = out.copy_object_result.unwrap();
    assert_eq!(
        result.e_tag.as_deref(),
        Some("\"9b2cf535f27731c974343645a3985328\"")
    );

    let (http, _) = Scripted::new(vec![HttpResponse::new(200, internal)]);
    let client = plain_client(http).max_attempts(1).build().unwrap();
    let err = CopyObject::new("src/a", "dst", "b")
        .send(&client)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("InternalError"), "{err}");
}

#[tokio::test]
async fn a_file_body_is_hashed_signed_and_sent_again_on_a_retry() {
    let dir = support::TempDir::new("wire-retry");
    let data = support::pattern(300_000);
    let path = dir.write("body.bin", &data);
    let (http, seen) = Scripted::new(vec![
        HttpResponse::new(503, "<Error><Code>SlowDown</Code></Error>"),
        HttpResponse::new(200, "").with_header("ETag", "\"e\""),
    ]);
    // Checksums only where required: the file's SHA-256 is signed instead.
    let client = plain_client(http)
        .request_checksum(RequestChecksum::WhenRequired)
        .build()
        .unwrap();
    PutObject {
        bucket: "bucket".into(),
        key: "k".into(),
        body: ByteStream::from_path(&path).await.unwrap(),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    let digest = ring::digest::digest(&ring::digest::SHA256, &data);
    let hex: String = digest.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    for attempt in seen.iter() {
        assert!(attempt.body == data, "every attempt sends the whole file");
        assert_eq!(
            attempt.request.headers["x-amz-content-sha256"],
            hex.as_str()
        );
        let authorization = attempt.request.headers["authorization"].to_str().unwrap();
        assert!(
            authorization.contains("x-amz-content-sha256"),
            "{authorization}"
        );
    }
}

#[tokio::test]
async fn a_reader_body_is_not_retried_once_read() {
    let (http, seen) = Scripted::new(vec![
        HttpResponse::new(503, "<Error><Code>SlowDown</Code></Error>"),
        HttpResponse::new(200, ""),
    ]);
    let client = plain_client(http).build().unwrap();
    let err = PutObject {
        bucket: "bucket".into(),
        key: "k".into(),
        body: ByteStream::from_reader(&b"streamed once"[..], 13),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    assert_eq!(err.code(), Some("SlowDown"));
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1, "not retried");
    // Framed, with its CRC32 as the trailer (zlib.crc32(b"streamed once")).
    assert_eq!(
        seen[0].body,
        b"d\r\nstreamed once\r\n0\r\nx-amz-checksum-crc32:Z15FDg==\r\n\r\n"
    );
    assert_eq!(
        seen[0].request.headers["x-amz-content-sha256"],
        "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
    );
}

#[tokio::test]
async fn a_streamed_upload_carries_a_trailing_crc32_and_is_framed_again_on_a_retry() {
    let dir = support::TempDir::new("wire-trailer");
    // Two whole 256 KiB chunks and a part of one.
    let data = support::pattern(2 * 256 * 1024 + 4321);
    let path = dir.write("body.bin", &data);
    let (http, seen) = Scripted::new(vec![
        HttpResponse::new(503, "<Error><Code>SlowDown</Code></Error>"),
        HttpResponse::new(200, "").with_header("ETag", "\"e\""),
    ]);
    let client = plain_client(http).build().unwrap();
    PutObject {
        bucket: "bucket".into(),
        key: "k".into(),
        body: ByteStream::from_path(&path).await.unwrap(),
        content_encoding: Some("gzip".into()),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2, "a file is sent again");
    for attempt in seen.iter() {
        let (decoded, trailers) = support::decode_aws_chunked(&attempt.body);
        assert!(decoded == data, "every attempt frames the whole file");
        assert_eq!(
            trailers,
            [format!(
                "x-amz-checksum-crc32:{}",
                support::base64_crc32(&data)
            )]
        );
        let headers = &attempt.request.headers;
        assert_eq!(
            headers["x-amz-content-sha256"],
            "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
        );
        assert_eq!(headers["content-encoding"], "aws-chunked,gzip");
        assert_eq!(
            headers["x-amz-decoded-content-length"],
            data.len().to_string().as_str()
        );
        assert_eq!(headers["x-amz-trailer"], "x-amz-checksum-crc32");
        assert_eq!(headers["x-amz-sdk-checksum-algorithm"], "CRC32");
        let authorization = headers["authorization"].to_str().unwrap();
        for signed in [
            "content-encoding",
            "x-amz-decoded-content-length",
            "x-amz-trailer",
        ] {
            assert!(authorization.contains(signed), "{signed}: {authorization}");
        }
    }
}

#[tokio::test]
async fn a_checksum_of_the_callers_wins_over_the_trailer() {
    let dir = support::TempDir::new("wire-own-checksum");
    let data = support::pattern(1000);
    let path = dir.write("body.bin", &data);
    let (http, seen) = Scripted::new(vec![HttpResponse::new(200, "")]);
    let client = plain_client(http).build().unwrap();
    PutObject {
        bucket: "bucket".into(),
        key: "k".into(),
        body: ByteStream::from_path(&path).await.unwrap(),
        checksum_sha256: Some(support::base64_sha256(&data)),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();
    let seen = seen.lock().unwrap();
    assert!(seen[0].body == data, "sent as it is");
    assert!(!seen[0].request.headers.contains_key("x-amz-trailer"));
}

#[tokio::test]
async fn payload_signing_is_set_per_call_and_per_client() {
    let put = || PutObject {
        bucket: "bucket".into(),
        key: "k".into(),
        body: ByteStream::from("abc"),
        ..Default::default()
    };
    let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    let (http, seen) = Scripted::new(vec![HttpResponse::new(200, ""); 4]);
    let client = plain_client(http).build().unwrap();
    put().send(&client).await.unwrap();
    let unsigned = CallOptions::new().payload_signing(PayloadSigning::Unsigned);
    put().send_with(&client, &unsigned).await.unwrap();
    let hashes: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|s| {
            s.request.headers["x-amz-content-sha256"]
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(hashes, [abc, "UNSIGNED-PAYLOAD"]);

    let (http, seen) = Scripted::new(vec![HttpResponse::new(200, ""); 2]);
    let client = plain_client(http)
        .payload_signing(PayloadSigning::Unsigned)
        .build()
        .unwrap();
    put().send(&client).await.unwrap();
    let signed = CallOptions::new().payload_signing(PayloadSigning::Signed);
    put().send_with(&client, &signed).await.unwrap();
    let hashes: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|s| {
            s.request.headers["x-amz-content-sha256"]
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(hashes, ["UNSIGNED-PAYLOAD", abc]);
    // A body-less request carries the empty body's hash, always.
    let (http, seen) = Scripted::new(vec![HttpResponse::new(404, "")]);
    let client = plain_client(http).build().unwrap();
    let _ = HeadObject::new("bucket", "k").send(&client).await;
    assert_eq!(
        seen.lock().unwrap()[0].request.headers["x-amz-content-sha256"],
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}

#[tokio::test]
async fn keys_are_sent_and_signed_as_they_are() {
    // S3 keys may hold `//` and characters that need encoding: the path is
    // neither normalized nor encoded twice (moto, checking signatures with
    // S3's rules, accepts such keys in tests/s3_moto.rs).
    let (http, seen) = Scripted::new(vec![HttpResponse::new(200, "")]);
    let client = plain_client(http).build().unwrap();
    GetObject::new("bucket", "a b//c+d%e~f")
        .send(&client)
        .await
        .unwrap();
    let uri = seen.lock().unwrap()[0].request.uri.clone();
    assert_eq!(
        uri,
        "https://bucket.s3.us-west-2.amazonaws.com/a%20b//c%2Bd%25e~f"
    );
    // A `.` or `..` segment is refused before anything is sent: URL
    // libraries and proxies on the way would resolve it to another key.
    let err = GetObject::new("bucket", "a/../b")
        .send(&client)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), awsop::ErrorKind::Construction, "{err}");
}

async fn url_of(builder: ClientBuilder, bucket: &str) -> Result<String, String> {
    let (http, seen) = Scripted::new(vec![HttpResponse::new(200, "")]);
    let client = builder
        .http_client(http)
        .build()
        .map_err(|e| e.to_string())?;
    GetObject::new(bucket, "k")
        .send(&client)
        .await
        .map_err(|e| e.to_string())?;
    let uri = seen.lock().unwrap()[0].request.uri.clone();
    Ok(uri)
}

#[tokio::test]
async fn addressing_follows_the_builder_the_config_file_and_the_name() {
    let base = || plain_client(Scripted::new(vec![]).0);
    assert_eq!(
        url_of(base(), "bucket").await.unwrap(),
        "https://bucket.s3.us-west-2.amazonaws.com/k"
    );
    assert_eq!(
        url_of(base().s3_addressing_style(AddressingStyle::Path), "bucket")
            .await
            .unwrap(),
        "https://s3.us-west-2.amazonaws.com/bucket/k"
    );
    // Not a DNS name (upper case), or dots over TLS: path style.
    assert_eq!(
        url_of(base(), "My.Bucket").await.unwrap(),
        "https://s3.us-west-2.amazonaws.com/My.Bucket/k"
    );
    assert_eq!(
        url_of(base(), "my.bucket").await.unwrap(),
        "https://s3.us-west-2.amazonaws.com/my.bucket/k"
    );
    let err = url_of(
        base().s3_addressing_style(AddressingStyle::Virtual),
        "my.bucket",
    )
    .await
    .unwrap_err();
    assert!(err.contains("virtual-hosted"), "{err}");
    // Dual-stack and FIPS.
    assert_eq!(
        url_of(base().use_dual_stack(true), "bucket").await.unwrap(),
        "https://bucket.s3.dualstack.us-west-2.amazonaws.com/k"
    );
    assert_eq!(
        url_of(base().use_fips(true).use_dual_stack(true), "bucket")
            .await
            .unwrap(),
        "https://bucket.s3-fips.dualstack.us-west-2.amazonaws.com/k"
    );
    // An endpoint override, both styles.
    assert_eq!(
        url_of(base().endpoint_url("http://localhost:4566"), "bucket")
            .await
            .unwrap(),
        "http://bucket.localhost:4566/k"
    );
    assert_eq!(
        url_of(
            base()
                .endpoint_url("http://localhost:4566")
                .s3_addressing_style(AddressingStyle::Path),
            "bucket"
        )
        .await
        .unwrap(),
        "http://localhost:4566/bucket/k"
    );
}

#[tokio::test]
async fn the_config_file_and_aws_endpoint_url_s3_are_read() {
    use awsop::runtime::env::Env;
    let dir = support::TempDir::new("wire-config");
    let config = dir.write(
        "config",
        b"[default]\nregion = eu-central-1\ns3 =\n  addressing_style = path\n",
    );
    let env = |extra| support::env_with_config(&dir, &config, extra);
    let builder = ClientBuilder::from_env_with(env(vec![])).await.unwrap();
    assert_eq!(
        url_of(builder, "bucket").await.unwrap(),
        "https://s3.eu-central-1.amazonaws.com/bucket/k"
    );
    let builder = ClientBuilder::from_env_with(env(vec![(
        "AWS_ENDPOINT_URL_S3",
        "http://127.0.0.1:9000".to_owned(),
    )]))
    .await
    .unwrap();
    assert_eq!(
        url_of(builder, "bucket").await.unwrap(),
        "http://127.0.0.1:9000/bucket/k"
    );

    let bad = dir.write("bad", b"[default]\ns3 =\n  addressing_style = sideways\n");
    let env = Env::from_pairs([
        ("AWS_CONFIG_FILE", bad.to_string_lossy().into_owned()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ]);
    let err = ClientBuilder::from_env_with(env)
        .await
        .unwrap()
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("sideways"), "{err}");
}
