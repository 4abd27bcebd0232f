//! Amazon S3 end to end against moto with its SigV4 checking on: every
//! request below is signed with the key of moto's IAM user and checked by
//! moto (which recomputes the signature with S3's rules), in both
//! addressing styles.
//!
//! Path style goes to moto's URL (`http://127.0.0.1:PORT/bucket/key`).
//! Virtual-hosted style goes to `http://bucket.s3.us-east-1.amazonaws.com:PORT/key`
//! (an endpoint override, so that moto, which reads the bucket from a
//! `*.amazonaws.com` host, sees a virtual-hosted request): a transport
//! wrapper connects such requests to moto on 127.0.0.1, keeping their Host.

#[path = "s3/support.rs"]
mod support;

use std::time::Duration;

use awsop::s3::{
    AbortMultipartUpload, CompleteMultipartUpload, CompletedMultipartUpload, CompletedPart,
    CopyObject, CreateBucket, CreateMultipartUpload, Delete, DeleteObject, DeleteObjects,
    GetObject, HeadObject, ListObjectsV2, ObjectIdentifier, PutObject, S3Error, UploadPart,
};
use awsop::{ByteStream, Client, ErrorKind};
use awsop_moto::{require_moto, MotoServer};
use support::{base64_crc32, base64_sha256, client_for, pattern, plain_http, TempDir};

/// Keys S3 users have: spaces, unicode, `+` and `%` (each needs its own
/// encoding in the path and the signature), a slash-separated path.
const ODD_KEYS: [&str; 5] = [
    "with space.txt",
    "unicodé/日本語.txt",
    "plus+sign.txt",
    "percent%20literal.txt",
    "deep/a/b/c.txt",
];

async fn scenario(moto: &MotoServer, client: &Client, bucket: &str, style: &str) {
    let fail = |what: &str, e: &dyn std::fmt::Display| -> ! {
        panic!("{style}: {what}: {e}\n{}", moto.log_tail())
    };
    CreateBucket::new(bucket)
        .send(client)
        .await
        .unwrap_or_else(|e| fail("CreateBucket", &e));

    // PutObject from a file, with the checksum S3 verifies.
    let dir = TempDir::new(style);
    let data = pattern(3 * 1024 * 1024 + 17);
    let source = dir.write("source.bin", &data);
    let put = PutObject {
        bucket: bucket.into(),
        key: "objects/big.bin".into(),
        body: ByteStream::from_path(&source).await.unwrap(),
        checksum_sha256: Some(base64_sha256(&data)),
        content_type: Some("application/x-test".into()),
        metadata: Some([("purpose".to_string(), "e2e".to_string())].into()),
        ..Default::default()
    }
    .send(client)
    .await
    .unwrap_or_else(|e| fail("PutObject", &e));
    assert!(put.e_tag.is_some(), "{put:?}");

    // GetObject streamed to a file: same bytes, same checksum.
    let got = GetObject {
        checksum_mode: Some("ENABLED".into()),
        ..GetObject::new(bucket, "objects/big.bin")
    }
    .send(client)
    .await
    .unwrap_or_else(|e| fail("GetObject", &e));
    assert_eq!(got.content_length, Some(data.len() as i64));
    // moto keeps the checksum sent, and answers it only with some of its
    // versions; when it does, it must be the one we computed.
    if let Some(checksum) = &got.checksum_sha256 {
        assert_eq!(checksum, &base64_sha256(&data));
    }
    assert_eq!(got.metadata.as_ref().unwrap()["purpose"], "e2e");
    let target = dir.path().join("downloaded.bin");
    let mut file = tokio::fs::File::create(&target).await.unwrap();
    let written = got.body.write_to(&mut file).await.unwrap();
    assert_eq!(written, data.len() as u64);
    let downloaded = std::fs::read(&target).unwrap();
    assert!(downloaded == data, "{style}: the downloaded bytes differ");
    assert_eq!(base64_sha256(&downloaded), base64_sha256(&data));

    let head = HeadObject::new(bucket, "objects/big.bin")
        .send(client)
        .await
        .unwrap_or_else(|e| fail("HeadObject", &e));
    assert_eq!(head.content_length, Some(data.len() as i64));
    assert_eq!(head.content_type.as_deref(), Some("application/x-test"));
    assert_eq!(head.e_tag, put.e_tag);

    // The default for a streamed upload without a checksum of its own:
    // aws-chunked with a trailing CRC32, which moto decodes and keeps.
    let streamed = pattern(600 * 1024 + 3);
    let reader = std::io::Cursor::new(streamed.clone());
    PutObject {
        bucket: bucket.into(),
        key: "objects/streamed.bin".into(),
        body: ByteStream::from_reader(reader, streamed.len() as u64),
        ..Default::default()
    }
    .send(client)
    .await
    .unwrap_or_else(|e| fail("PutObject (trailing checksum)", &e));
    let got = GetObject {
        checksum_mode: Some("ENABLED".into()),
        ..GetObject::new(bucket, "objects/streamed.bin")
    }
    .send(client)
    .await
    .unwrap_or_else(|e| fail("GetObject (trailing checksum)", &e));
    assert_eq!(got.checksum_crc32, Some(base64_crc32(&streamed)), "{style}");
    let back = got.body.collect().await.unwrap();
    assert!(
        back[..] == streamed[..],
        "{style}: moto stored the decoded bytes"
    );

    // Odd keys, listed two a page with the paginator.
    for key in ODD_KEYS {
        PutObject {
            bucket: bucket.into(),
            key: key.into(),
            body: ByteStream::from(format!("body of {key}")),
            ..Default::default()
        }
        .send(client)
        .await
        .unwrap_or_else(|e| fail(&format!("PutObject {key:?}"), &e));
        let back = GetObject::new(bucket, key)
            .send(client)
            .await
            .unwrap_or_else(|e| fail(&format!("GetObject {key:?}"), &e));
        assert_eq!(
            &back.body.collect().await.unwrap()[..],
            format!("body of {key}").as_bytes()
        );
    }
    let listed = ListObjectsV2::new(bucket)
        .paginate(client)
        .page_size(2)
        .collect_items()
        .await
        .unwrap_or_else(|e| fail("ListObjectsV2", &e));
    let mut keys: Vec<String> = listed.into_iter().filter_map(|o| o.key).collect();
    keys.sort();
    let mut expected: Vec<String> = ODD_KEYS.iter().map(|k| k.to_string()).collect();
    expected.push("objects/big.bin".into());
    expected.push("objects/streamed.bin".into());
    expected.sort();
    assert_eq!(keys, expected, "{style}");
    let mut pages = ListObjectsV2::new(bucket).paginate(client).page_size(2);
    let mut page_count = 0;
    while let Some(page) = pages.next_page().await {
        page.unwrap_or_else(|e| fail("ListObjectsV2 page", &e));
        page_count += 1;
    }
    assert_eq!(page_count, 4, "seven keys, two a page");

    // CopyObject, then DeleteObjects of the odd keys.
    CopyObject::new(
        format!("{bucket}/objects/big.bin"),
        bucket,
        "objects/copy.bin",
    )
    .send(client)
    .await
    .unwrap_or_else(|e| fail("CopyObject", &e));
    let deleted = DeleteObjects {
        bucket: bucket.into(),
        delete: Delete {
            objects: ODD_KEYS.iter().map(|k| ObjectIdentifier::key(*k)).collect(),
            quiet: None,
        },
        ..Default::default()
    }
    .send(client)
    .await
    .unwrap_or_else(|e| fail("DeleteObjects", &e));
    let mut gone: Vec<String> = deleted
        .deleted
        .unwrap_or_default()
        .into_iter()
        .filter_map(|d| d.key)
        .collect();
    gone.sort();
    let mut odd: Vec<String> = ODD_KEYS.iter().map(|k| k.to_string()).collect();
    odd.sort();
    assert_eq!(gone, odd);

    // A typed NoSuchKey (GET: an error body), and NotFound (HEAD: none).
    let err = GetObject::new(bucket, "with space.txt")
        .send(client)
        .await
        .unwrap_err();
    assert!(
        matches!(err.service_error(), Some(S3Error::NoSuchKey(_))),
        "{style}: {err}"
    );
    assert_eq!(err.status(), Some(404));
    assert!(err.request_id().is_some(), "{err}");
    let err = HeadObject::new(bucket, "with space.txt")
        .send(client)
        .await
        .unwrap_err();
    assert!(
        matches!(err.service_error(), Some(S3Error::NotFound(_))),
        "{style}: {err}"
    );

    // Multipart: three parts, two of 5 MiB (S3's least but the last), from
    // ranges of one file.
    let part = 5 * 1024 * 1024;
    let big = pattern(2 * part + 1000);
    let big_file = dir.write("multipart.bin", &big);
    let upload = CreateMultipartUpload::new(bucket, "objects/multipart.bin")
        .send(client)
        .await
        .unwrap_or_else(|e| fail("CreateMultipartUpload", &e));
    let upload_id = upload.upload_id.expect("an upload id");
    let mut parts = Vec::new();
    for (number, start) in [(1, 0), (2, part), (3, 2 * part)] {
        let length = (big.len() - start).min(part) as u64;
        let body = ByteStream::from_path_range(&big_file, start as u64, length)
            .await
            .unwrap();
        let uploaded = UploadPart {
            bucket: bucket.into(),
            key: "objects/multipart.bin".into(),
            part_number: number,
            upload_id: upload_id.clone(),
            body,
            ..Default::default()
        }
        .send(client)
        .await
        .unwrap_or_else(|e| fail(&format!("UploadPart {number}"), &e));
        parts.push(CompletedPart {
            e_tag: uploaded.e_tag,
            part_number: Some(number),
        });
    }
    let done = CompleteMultipartUpload {
        bucket: bucket.into(),
        key: "objects/multipart.bin".into(),
        upload_id,
        multipart_upload: Some(CompletedMultipartUpload { parts: Some(parts) }),
    }
    .send(client)
    .await
    .unwrap_or_else(|e| fail("CompleteMultipartUpload", &e));
    assert!(done.e_tag.unwrap_or_default().ends_with("-3\""));
    let whole = GetObject::new(bucket, "objects/multipart.bin")
        .send(client)
        .await
        .unwrap_or_else(|e| fail("GetObject multipart", &e))
        .body
        .collect()
        .await
        .unwrap();
    assert!(whole == big, "{style}: the assembled object differs");

    // An upload abandoned.
    let abandoned = CreateMultipartUpload::new(bucket, "objects/abandoned.bin")
        .send(client)
        .await
        .unwrap_or_else(|e| fail("CreateMultipartUpload", &e));
    AbortMultipartUpload {
        bucket: bucket.into(),
        key: "objects/abandoned.bin".into(),
        upload_id: abandoned.upload_id.unwrap_or_default(),
    }
    .send(client)
    .await
    .unwrap_or_else(|e| fail("AbortMultipartUpload", &e));

    DeleteObject::new(bucket, "objects/copy.bin")
        .send(client)
        .await
        .unwrap_or_else(|e| fail("DeleteObject", &e));
}

/// Presigned PUT and GET used by a plain HTTP client. moto checks no
/// query-string signature (with its SigV4 checking on it fails any request
/// without an `Authorization` header), so this runs against a moto without
/// it; the signatures themselves are checked against the S3 API
/// reference's example (`tests/s3_wire.rs`) and the SigV4 suite's presign
/// vectors (`runtime/tests/sigv4_suite.rs`).
async fn presigned(moto: &MotoServer, client: &Client, bucket: &str, style: &str) {
    CreateBucket::new(bucket)
        .send(client)
        .await
        .unwrap_or_else(|e| panic!("{style}: CreateBucket: {e}\n{}", moto.log_tail()));
    let presigned_put = PutObject {
        bucket: bucket.into(),
        key: "shared/presigned file.txt".into(),
        ..Default::default()
    }
    .presign(client, Duration::from_secs(300))
    .await
    .unwrap();
    assert_eq!(presigned_put.method(), "PUT");
    let (status, _) = plain_http(moto.addr(), &presigned_put, b"uploaded with a URL").await;
    assert_eq!(status, 200, "{style}: presigned PUT\n{}", moto.log_tail());
    let presigned_get = GetObject::new(bucket, "shared/presigned file.txt")
        .presign(client, Duration::from_secs(300))
        .await
        .unwrap();
    let (status, body) = plain_http(moto.addr(), &presigned_get, b"").await;
    assert_eq!(status, 200, "{style}: presigned GET");
    assert_eq!(body, b"uploaded with a URL");

    let missing = GetObject::new(bucket, "shared/none.txt")
        .presign(client, Duration::from_secs(60))
        .await
        .unwrap();
    let (status, _) = plain_http(moto.addr(), &missing, b"").await;
    assert_eq!(status, 404, "{style}: presigned GET of a missing key");
}

#[tokio::test]
async fn presigned_urls_work_with_a_plain_http_client() {
    require_moto!();
    let moto = MotoServer::start().expect("moto starts");
    for (style, name) in [
        (awsop::runtime::s3_rules::AddressingStyle::Path, "path"),
        (
            awsop::runtime::s3_rules::AddressingStyle::Virtual,
            "virtual",
        ),
    ] {
        let client = client_for(&moto, style);
        presigned(&moto, &client, &format!("awsop-presigned-{name}"), name).await;
    }
}

#[tokio::test]
async fn s3_path_style_against_moto_with_sigv4_checking() {
    require_moto!();
    let moto = MotoServer::with_sigv4_auth().expect("moto starts with auth on");
    let client = client_for(&moto, awsop::runtime::s3_rules::AddressingStyle::Path);
    scenario(&moto, &client, "awsop-path-style", "path").await;
}

#[tokio::test]
async fn s3_virtual_hosted_style_against_moto_with_sigv4_checking() {
    require_moto!();
    let moto = MotoServer::with_sigv4_auth().expect("moto starts with auth on");
    let client = client_for(&moto, awsop::runtime::s3_rules::AddressingStyle::Virtual);
    scenario(&moto, &client, "awsop-virtual-style", "virtual").await;
}

#[tokio::test]
async fn a_wrong_signature_is_refused() {
    require_moto!();
    let moto = MotoServer::with_sigv4_auth().expect("moto starts with auth on");
    // The right key id with a wrong secret: moto must refuse, or the
    // tests above prove nothing about signing.
    let client = awsop::ClientBuilder::new()
        .region(awsop_moto::REGION)
        .endpoint_url(moto.endpoint())
        .s3_addressing_style(awsop::runtime::s3_rules::AddressingStyle::Path)
        .credentials(awsop::Credentials::new(
            moto.access_key_id(),
            "not-the-secret",
            None,
            None,
            "test",
        ))
        .max_attempts(1)
        .build()
        .unwrap();
    let err = CreateBucket::new("awsop-refused")
        .send(&client)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Service, "{err}");
    assert_eq!(err.code(), Some("SignatureDoesNotMatch"), "{err}");
}
