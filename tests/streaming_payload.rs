//! `@streaming` blobs in a restJson1 operation (the same path as S3's
//! restXml ones): a `ByteStream` payload member is sent as the whole body,
//! with its length, and read back as a stream; the other members travel in
//! headers. The operations follow Amazon Glacier's `UploadArchive` and
//! `GetJobOutput` (restJson1, streaming payloads both ways).

use std::sync::{Arc, Mutex};

use awsop::runtime::body::ByteStream;
use awsop::runtime::http::{HttpRequest, HttpResponse, StreamingResponse};
use awsop::runtime::transport::{DispatchError, HttpClient};
use awsop::runtime::BoxFuture;
use awsop::{aws_operation, aws_shape, ClientBuilder, Credentials};

/// Glacier `UploadArchive`: the archive is the body.
#[aws_operation(service = "glacier", service_id = "Glacier", method = "POST",
                uri = "/{accountId}/vaults/{vaultName}/archives", status = 201,
                output = UploadArchiveOutput)]
#[derive(Debug, Clone, Default)]
struct UploadArchive {
    #[aws(label)]
    account_id: String,
    #[aws(label)]
    vault_name: String,
    #[aws(header = "x-amz-archive-description")]
    archive_description: Option<String>,
    #[aws(payload)]
    body: ByteStream,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
struct UploadArchiveOutput {
    #[aws(header = "x-amz-archive-id")]
    archive_id: Option<String>,
}

/// Glacier `GetJobOutput`: the job's output is the body.
#[aws_operation(service = "glacier", service_id = "Glacier", method = "GET",
                uri = "/{accountId}/vaults/{vaultName}/jobs/{jobId}/output",
                output = GetJobOutputOutput)]
#[derive(Debug, Clone, Default)]
struct GetJobOutput {
    #[aws(label)]
    account_id: String,
    #[aws(label)]
    vault_name: String,
    #[aws(label)]
    job_id: String,
}

#[aws_shape]
#[derive(Debug)]
struct GetJobOutputOutput {
    #[aws(payload)]
    body: Option<ByteStream>,
    #[aws(header = "Content-Type")]
    content_type: Option<String>,
    #[aws(response_code)]
    status: i32,
}

/// Each request with the body it carried.
type Seen = Arc<Mutex<Vec<(HttpRequest, Vec<u8>)>>>;

#[derive(Debug, Default)]
struct Capture {
    seen: Seen,
}

impl HttpClient for Capture {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        let body = request.body.to_vec();
        self.seen.lock().unwrap().push((request, body));
        Box::pin(async {
            Ok(
                HttpResponse::new(200, "the job's output")
                    .with_header("Content-Type", "text/plain"),
            )
        })
    }

    fn call_streaming(
        &self,
        request: HttpRequest,
        body: Option<ByteStream>,
    ) -> BoxFuture<'_, Result<StreamingResponse, DispatchError>> {
        Box::pin(async move {
            let bytes = match body {
                Some(body) => body.collect().await.unwrap().to_vec(),
                None => request.body.to_vec(),
            };
            let answer = if request.method == http::Method::POST {
                HttpResponse::new(201, "").with_header("x-amz-archive-id", "archive-1")
            } else {
                HttpResponse::new(200, "the job's output").with_header("Content-Type", "text/plain")
            };
            self.seen.lock().unwrap().push((request, bytes));
            Ok(StreamingResponse::from(answer))
        })
    }
}

#[tokio::test]
async fn a_streaming_payload_is_the_whole_body_both_ways() {
    let capture = Capture::default();
    let seen = capture.seen.clone();
    let client = ClientBuilder::new()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "SECRET", None, None, "test"))
        .http_client(capture)
        .build()
        .unwrap();
    let out = UploadArchive {
        account_id: "-".into(),
        vault_name: "photos".into(),
        archive_description: Some("2024".into()),
        body: ByteStream::from_reader(&b"archive bytes"[..], 13),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(out.archive_id.as_deref(), Some("archive-1"));
    {
        let seen = seen.lock().unwrap();
        let (request, body) = &seen[0];
        assert_eq!(
            request.uri,
            "https://glacier.us-east-1.amazonaws.com/-/vaults/photos/archives"
        );
        assert_eq!(body, b"archive bytes");
        assert!(
            request.body.is_empty(),
            "the stream is the body, not the serialized bytes"
        );
        assert_eq!(request.headers["content-type"], "application/octet-stream");
        assert_eq!(request.headers["x-amz-archive-description"], "2024");
        // A reader cannot be hashed ahead: unsigned, and said so.
        assert_eq!(request.headers["x-amz-content-sha256"], "UNSIGNED-PAYLOAD");
    }

    let job = GetJobOutput {
        account_id: "-".into(),
        vault_name: "photos".into(),
        job_id: "job-1".into(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(job.status, 200);
    assert_eq!(job.content_type.as_deref(), Some("text/plain"));
    let body = job.body.expect("a body").collect().await.unwrap();
    assert_eq!(&body[..], b"the job's output");
    // Without a streaming input, the request went through `call_streaming`
    // for its output only, and was signed with the empty body's hash as
    // every other service (no x-amz-content-sha256).
    let seen = seen.lock().unwrap();
    assert!(!seen[1].0.headers.contains_key("x-amz-content-sha256"));
}
