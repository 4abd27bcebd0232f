//! The shared setting `request_checksum_calculation` (environment
//! `AWS_REQUEST_CHECKSUM_CALCULATION`, else the profile's key), as the AWS
//! SDKs read it: `when_supported` (the default) sends a streamed upload with
//! a trailing CRC32, `when_required` signs the file's SHA-256 instead, and
//! code set on the builder wins over both.

#[path = "s3/support.rs"]
mod support;

use std::sync::{Arc, Mutex};

use awsop::runtime::body::ByteStream;
use awsop::runtime::http::{HttpRequest, HttpResponse, StreamingResponse};
use awsop::runtime::transport::{DispatchError, HttpClient};
use awsop::runtime::BoxFuture;
use awsop::s3::PutObject;
use awsop::{ClientBuilder, RequestChecksum};

/// Answers every call with an empty 200 and keeps each request's
/// `x-amz-content-sha256`.
#[derive(Debug, Default, Clone)]
struct PayloadHashes(Arc<Mutex<Vec<String>>>);

impl PayloadHashes {
    fn keep(&self, request: &HttpRequest) {
        let hash = request.headers["x-amz-content-sha256"].to_str().unwrap();
        self.0.lock().unwrap().push(hash.to_owned());
    }
}

impl HttpClient for PayloadHashes {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        self.keep(&request);
        Box::pin(async { Ok(HttpResponse::new(200, "")) })
    }

    fn call_streaming(
        &self,
        request: HttpRequest,
        body: Option<ByteStream>,
    ) -> BoxFuture<'_, Result<StreamingResponse, DispatchError>> {
        self.keep(&request);
        Box::pin(async move {
            if let Some(body) = body {
                body.collect().await.unwrap();
            }
            Ok(StreamingResponse::from(HttpResponse::new(200, "")))
        })
    }
}

#[tokio::test]
async fn the_environment_and_the_profile_choose_when_uploads_carry_a_checksum() {
    let dir = support::TempDir::new("checksum-setting");
    let data = support::pattern(100_000);
    let file = dir.write("body.bin", &data);
    let sha256: String = ring::digest::digest(&ring::digest::SHA256, &data)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let trailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER".to_owned();

    let upload = |config: &[u8], setting: Option<&str>, in_code: Option<RequestChecksum>| {
        let config = dir.write("config", config);
        let mut extra = vec![("AWS_REGION", "us-west-2".to_owned())];
        if let Some(value) = setting {
            extra.push(("AWS_REQUEST_CHECKSUM_CALCULATION", value.to_owned()));
        }
        let env = support::env_with_config(&dir, &config, extra);
        let file = file.clone();
        async move {
            let hashes = PayloadHashes::default();
            let mut builder = ClientBuilder::from_env_with(env)
                .await
                .map_err(|e| e.to_string())?
                .http_client(hashes.clone());
            if let Some(choice) = in_code {
                builder = builder.request_checksum(choice);
            }
            let client = builder.build().map_err(|e| e.to_string())?;
            PutObject {
                bucket: "bucket".into(),
                key: "k".into(),
                body: ByteStream::from_path(&file).await.unwrap(),
                ..Default::default()
            }
            .send(&client)
            .await
            .unwrap();
            let sent = hashes.0.lock().unwrap().clone();
            Ok::<_, String>(sent)
        }
    };

    let profile = b"[default]\nrequest_checksum_calculation = WHEN_REQUIRED\n";
    for (config, setting, in_code, expected) in [
        (&b""[..], None, None, &trailer),
        (b"", Some("when_required"), None, &sha256),
        (b"", Some("When_Supported"), None, &trailer),
        (profile, None, None, &sha256),
        (profile, Some("when_supported"), None, &trailer),
        (
            b"",
            Some("when_required"),
            Some(RequestChecksum::WhenSupported),
            &trailer,
        ),
    ] {
        let sent = upload(config, setting, in_code).await.unwrap();
        assert_eq!(
            sent,
            std::slice::from_ref(expected),
            "{setting:?} {in_code:?}"
        );
    }

    let err = upload(b"", Some("always"), None).await.unwrap_err();
    assert!(
        err.contains("request_checksum_calculation \"always\"")
            && err.contains("AWS_REQUEST_CHECKSUM_CALCULATION"),
        "{err}"
    );
}
