//! `PutObject`, `GetObject` and `HeadObject`: one object, its body
//! streamed.

use std::collections::HashMap;

use super::S3Error;
use crate::{aws_operation, aws_shape, ByteStream, DateTime};

/// Uploads an object (`PUT /{Bucket}/{Key+}`), its body streamed from
/// bytes, a file or a reader (up to 5 GiB; larger objects go in a
/// multipart upload).
///
/// ```
/// use awsop::{s3::PutObject, ByteStream};
/// let put = PutObject {
///     bucket: "amzn-s3-demo-bucket".into(),
///     key: "notes/today.txt".into(),
///     body: ByteStream::from("hello"),
///     content_type: Some("text/plain".into()),
///     ..Default::default()
/// };
/// assert_eq!(put.body.content_length(), Some(5));
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "PUT",
    uri = "/{Bucket}/{Key+}",
    output = PutObjectOutput,
    error = S3Error,
    rename_all = "PascalCase",
    request_checksum = "supported",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct PutObject {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The object's key.
    #[aws(label)]
    pub key: String,
    /// The object's bytes.
    #[aws(payload)]
    pub body: ByteStream,
    /// A canned ACL.
    #[aws(header = "x-amz-acl")]
    pub acl: Option<String>,
    /// `Cache-Control` to serve the object with.
    #[aws(header = "Cache-Control")]
    pub cache_control: Option<String>,
    /// `Content-Disposition` to serve the object with.
    #[aws(header = "Content-Disposition")]
    pub content_disposition: Option<String>,
    /// `Content-Encoding` to serve the object with.
    #[aws(header = "Content-Encoding")]
    pub content_encoding: Option<String>,
    /// The body's base64 MD5, which S3 checks.
    #[aws(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// The object's media type (default `application/octet-stream`).
    #[aws(header = "Content-Type")]
    pub content_type: Option<String>,
    /// The body's base64 SHA-256, which S3 checks.
    #[aws(header = "x-amz-checksum-sha256")]
    pub checksum_sha256: Option<String>,
    /// Upload only if the key's current ETag matches.
    #[aws(header = "If-Match")]
    pub if_match: Option<String>,
    /// `*`: upload only if the key does not exist.
    #[aws(header = "If-None-Match")]
    pub if_none_match: Option<String>,
    /// User metadata, sent as `x-amz-meta-*` headers.
    #[aws(prefix_headers = "x-amz-meta-")]
    pub metadata: Option<HashMap<String, String>>,
    /// Server-side encryption (`AES256`, `aws:kms`).
    #[aws(header = "x-amz-server-side-encryption")]
    pub server_side_encryption: Option<String>,
    /// The storage class (`STANDARD`, `GLACIER`, ...).
    #[aws(header = "x-amz-storage-class")]
    pub storage_class: Option<String>,
    /// Tags, URL-query encoded (`k1=v1&k2=v2`).
    #[aws(header = "x-amz-tagging")]
    pub tagging: Option<String>,
    /// The account that must own the bucket.
    #[aws(header = "x-amz-expected-bucket-owner")]
    pub expected_bucket_owner: Option<String>,
}

/// What [`PutObject`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PutObjectOutput {
    /// The object's entity tag (quoted).
    #[aws(header = "ETag")]
    pub e_tag: Option<String>,
    /// The object's version, in a versioned bucket.
    #[aws(header = "x-amz-version-id")]
    pub version_id: Option<String>,
    /// The SHA-256 S3 computed, when one was sent.
    #[aws(header = "x-amz-checksum-sha256")]
    pub checksum_sha256: Option<String>,
    /// The object's CRC32 (base64): what S3 computed of a streamed upload's
    /// bytes and checked against its trailing checksum.
    #[aws(header = "x-amz-checksum-crc32")]
    pub checksum_crc32: Option<String>,
    /// The encryption S3 applied.
    #[aws(header = "x-amz-server-side-encryption")]
    pub server_side_encryption: Option<String>,
    /// The object's expiry under a lifecycle rule.
    #[aws(header = "x-amz-expiration")]
    pub expiration: Option<String>,
    /// The object's size, for appends.
    #[aws(header = "x-amz-object-size")]
    pub size: Option<i64>,
}

/// Downloads an object (`GET /{Bucket}/{Key+}`): the output's
/// [`body`](GetObjectOutput::body) is read from the connection as it is
/// consumed, never held whole.
///
/// ```
/// let get = awsop::s3::GetObject::new("amzn-s3-demo-bucket", "a/b.txt").range("bytes=0-99");
/// assert_eq!(get.range.as_deref(), Some("bytes=0-99"));
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "GET",
    uri = "/{Bucket}/{Key+}",
    output = GetObjectOutput,
    error = S3Error,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct GetObject {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The object's key.
    #[aws(label)]
    pub key: String,
    /// Only if the ETag matches (else 412).
    #[aws(header = "If-Match")]
    pub if_match: Option<String>,
    /// Only if modified since (else 304).
    #[aws(header = "If-Modified-Since")]
    pub if_modified_since: Option<DateTime>,
    /// Only if the ETag differs (else 304).
    #[aws(header = "If-None-Match")]
    pub if_none_match: Option<String>,
    /// Only if not modified since (else 412).
    #[aws(header = "If-Unmodified-Since")]
    pub if_unmodified_since: Option<DateTime>,
    /// A byte range (`bytes=0-99`).
    #[aws(header = "Range")]
    pub range: Option<String>,
    /// `Content-Type` for S3 to answer with.
    #[aws(query = "response-content-type")]
    pub response_content_type: Option<String>,
    /// `Content-Disposition` for S3 to answer with.
    #[aws(query = "response-content-disposition")]
    pub response_content_disposition: Option<String>,
    /// A version of the object.
    #[aws(query = "versionId")]
    pub version_id: Option<String>,
    /// One part of a multipart object.
    #[aws(query = "partNumber")]
    pub part_number: Option<i32>,
    /// `ENABLED`: return the object's checksums.
    #[aws(header = "x-amz-checksum-mode")]
    pub checksum_mode: Option<String>,
    /// The account that must own the bucket.
    #[aws(header = "x-amz-expected-bucket-owner")]
    pub expected_bucket_owner: Option<String>,
}

impl GetObject {
    /// Gets `key` of `bucket`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        GetObject {
            bucket: bucket.into(),
            key: key.into(),
            ..Default::default()
        }
    }

    /// Only the bytes of `range` (`bytes=0-99`).
    pub fn range(mut self, range: impl Into<String>) -> Self {
        self.range = Some(range.into());
        self
    }
}

/// What [`GetObject`] returns: the object's metadata and its body, unread.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug)]
pub struct GetObjectOutput {
    /// The object's bytes, read as they are consumed.
    #[aws(payload)]
    pub body: ByteStream,
    /// The body's length.
    #[aws(header = "Content-Length")]
    pub content_length: Option<i64>,
    /// The body's media type.
    #[aws(header = "Content-Type")]
    pub content_type: Option<String>,
    /// The range returned, for a range request.
    #[aws(header = "Content-Range")]
    pub content_range: Option<String>,
    /// The object's entity tag.
    #[aws(header = "ETag")]
    pub e_tag: Option<String>,
    /// When the object was last written.
    #[aws(header = "Last-Modified")]
    pub last_modified: Option<DateTime>,
    /// The object's version.
    #[aws(header = "x-amz-version-id")]
    pub version_id: Option<String>,
    /// User metadata (`x-amz-meta-*`).
    #[aws(prefix_headers = "x-amz-meta-")]
    pub metadata: Option<HashMap<String, String>>,
    /// The object's SHA-256, with `checksum_mode` enabled.
    #[aws(header = "x-amz-checksum-sha256")]
    pub checksum_sha256: Option<String>,
    /// The object's CRC32 (base64): what S3 computed of a streamed upload's
    /// bytes and checked against its trailing checksum.
    #[aws(header = "x-amz-checksum-crc32")]
    pub checksum_crc32: Option<String>,
    /// The storage class (absent for `STANDARD`).
    #[aws(header = "x-amz-storage-class")]
    pub storage_class: Option<String>,
    /// The number of parts of a multipart object.
    #[aws(header = "x-amz-mp-parts-count")]
    pub parts_count: Option<i32>,
}

/// An object's metadata without its body (`HEAD /{Bucket}/{Key+}`). A
/// missing object is [`S3Error::NotFound`]: a HEAD answer has no body.
///
/// ```
/// let head = awsop::s3::HeadObject::new("amzn-s3-demo-bucket", "a/b.txt");
/// assert_eq!(head.key, "a/b.txt");
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "HEAD",
    uri = "/{Bucket}/{Key+}",
    output = HeadObjectOutput,
    error = S3Error,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct HeadObject {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The object's key.
    #[aws(label)]
    pub key: String,
    /// Only if the ETag matches (else 412).
    #[aws(header = "If-Match")]
    pub if_match: Option<String>,
    /// Only if the ETag differs (else 304).
    #[aws(header = "If-None-Match")]
    pub if_none_match: Option<String>,
    /// A version of the object.
    #[aws(query = "versionId")]
    pub version_id: Option<String>,
    /// One part of a multipart object.
    #[aws(query = "partNumber")]
    pub part_number: Option<i32>,
    /// `ENABLED`: return the object's checksums.
    #[aws(header = "x-amz-checksum-mode")]
    pub checksum_mode: Option<String>,
}

impl HeadObject {
    /// The metadata of `key` of `bucket`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        HeadObject {
            bucket: bucket.into(),
            key: key.into(),
            ..Default::default()
        }
    }
}

/// What [`HeadObject`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeadObjectOutput {
    /// The object's length.
    #[aws(header = "Content-Length")]
    pub content_length: Option<i64>,
    /// The object's media type.
    #[aws(header = "Content-Type")]
    pub content_type: Option<String>,
    /// The object's entity tag.
    #[aws(header = "ETag")]
    pub e_tag: Option<String>,
    /// When the object was last written.
    #[aws(header = "Last-Modified")]
    pub last_modified: Option<DateTime>,
    /// The object's version.
    #[aws(header = "x-amz-version-id")]
    pub version_id: Option<String>,
    /// User metadata (`x-amz-meta-*`).
    #[aws(prefix_headers = "x-amz-meta-")]
    pub metadata: Option<HashMap<String, String>>,
    /// The object's SHA-256, with `checksum_mode` enabled.
    #[aws(header = "x-amz-checksum-sha256")]
    pub checksum_sha256: Option<String>,
    /// The object's CRC32 (base64): what S3 computed of a streamed upload's
    /// bytes and checked against its trailing checksum.
    #[aws(header = "x-amz-checksum-crc32")]
    pub checksum_crc32: Option<String>,
    /// The storage class (absent for `STANDARD`).
    #[aws(header = "x-amz-storage-class")]
    pub storage_class: Option<String>,
    /// The number of parts of a multipart object.
    #[aws(header = "x-amz-mp-parts-count")]
    pub parts_count: Option<i32>,
}
