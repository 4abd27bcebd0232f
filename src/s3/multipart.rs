//! Multipart upload: create, upload parts (from bytes, files or file
//! ranges, or copied from objects), complete or abort.

use super::S3Error;
use crate::{aws_operation, aws_shape, ByteStream, DateTime};

/// Starts a multipart upload (`POST /{Bucket}/{Key+}?uploads`).
///
/// ```
/// let create = awsop::s3::CreateMultipartUpload::new("amzn-s3-demo-bucket", "big.bin");
/// assert_eq!(create.key, "big.bin");
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "POST",
    uri = "/{Bucket}/{Key+}?uploads",
    output = CreateMultipartUploadOutput,
    error = S3Error,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateMultipartUpload {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The object's key.
    #[aws(label)]
    pub key: String,
    /// The object's media type.
    #[aws(header = "Content-Type")]
    pub content_type: Option<String>,
    /// The object's storage class.
    #[aws(header = "x-amz-storage-class")]
    pub storage_class: Option<String>,
    /// The account that must own the bucket.
    #[aws(header = "x-amz-expected-bucket-owner")]
    pub expected_bucket_owner: Option<String>,
}

impl CreateMultipartUpload {
    /// Starts an upload of `key` to `bucket`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        CreateMultipartUpload {
            bucket: bucket.into(),
            key: key.into(),
            ..Default::default()
        }
    }
}

/// What [`CreateMultipartUpload`] returns: the upload's id.
#[aws_shape(
    rename_all = "PascalCase",
    xml_name = "InitiateMultipartUploadResult",
    crate = "crate"
)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateMultipartUploadOutput {
    /// The bucket.
    pub bucket: Option<String>,
    /// The key.
    pub key: Option<String>,
    /// The upload's id, for every part and the completion.
    pub upload_id: Option<String>,
    /// When a lifecycle rule aborts the upload.
    #[aws(header = "x-amz-abort-date")]
    pub abort_date: Option<DateTime>,
}

/// Uploads one part (`PUT /{Bucket}/{Key+}?partNumber=N&uploadId=...`):
/// 5 MiB to 5 GiB, except the last. A part from a file range
/// ([`ByteStream::from_path_range`]) is read as it is sent, and re-read
/// from its start if the attempt is retried.
///
/// ```
/// use awsop::{s3::UploadPart, ByteStream};
/// let part = UploadPart {
///     bucket: "amzn-s3-demo-bucket".into(),
///     key: "big.bin".into(),
///     part_number: 1,
///     upload_id: "EXAMPLEJZ6e0YupT2h66iePQCc9IEbYbD".into(),
///     body: ByteStream::from(vec![0u8; 16]),
///     ..Default::default()
/// };
/// assert_eq!(part.body.content_length(), Some(16));
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "PUT",
    uri = "/{Bucket}/{Key+}",
    output = UploadPartOutput,
    error = S3Error,
    rename_all = "PascalCase",
    request_checksum = "supported",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct UploadPart {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The object's key.
    #[aws(label)]
    pub key: String,
    /// The part's bytes.
    #[aws(payload)]
    pub body: ByteStream,
    /// The part's number, 1 to 10,000.
    #[aws(query = "partNumber")]
    pub part_number: i32,
    /// The upload's id.
    #[aws(query = "uploadId")]
    pub upload_id: String,
    /// The part's base64 MD5, which S3 checks.
    #[aws(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// The account that must own the bucket.
    #[aws(header = "x-amz-expected-bucket-owner")]
    pub expected_bucket_owner: Option<String>,
}

/// What [`UploadPart`] returns: the part's ETag, for the completion.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UploadPartOutput {
    /// The part's entity tag.
    #[aws(header = "ETag")]
    pub e_tag: Option<String>,
    /// The encryption S3 applied.
    #[aws(header = "x-amz-server-side-encryption")]
    pub server_side_encryption: Option<String>,
}

/// Copies a part from an existing object (`PUT` with `x-amz-copy-source`).
/// Like `CopyObject`, a 200 may hold an error.
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "PUT",
    uri = "/{Bucket}/{Key+}",
    output = UploadPartCopyOutput,
    error = S3Error,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct UploadPartCopy {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The object's key.
    #[aws(label)]
    pub key: String,
    /// The source, `bucket/key` (URL-encoded).
    #[aws(header = "x-amz-copy-source")]
    pub copy_source: String,
    /// The source's bytes to copy (`bytes=0-5242879`).
    #[aws(header = "x-amz-copy-source-range")]
    pub copy_source_range: Option<String>,
    /// The part's number.
    #[aws(query = "partNumber")]
    pub part_number: i32,
    /// The upload's id.
    #[aws(query = "uploadId")]
    pub upload_id: String,
}

/// What [`UploadPartCopy`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UploadPartCopyOutput {
    /// The part's ETag and time.
    #[aws(payload)]
    pub copy_part_result: Option<CopyPartResult>,
    /// The source version copied.
    #[aws(header = "x-amz-copy-source-version-id")]
    pub copy_source_version_id: Option<String>,
}

/// The body of an [`UploadPartCopy`] answer.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CopyPartResult {
    /// The part's entity tag.
    #[aws(rename = "ETag")]
    pub e_tag: Option<String>,
    /// When the part was written.
    pub last_modified: Option<DateTime>,
}

/// Assembles the uploaded parts into the object (`POST ...?uploadId=`).
/// S3 may answer 200 and still fail: that answer is an error (retried).
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "POST",
    uri = "/{Bucket}/{Key+}",
    output = CompleteMultipartUploadOutput,
    error = S3Error,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct CompleteMultipartUpload {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The object's key.
    #[aws(label)]
    pub key: String,
    /// The upload's id.
    #[aws(query = "uploadId")]
    pub upload_id: String,
    /// The parts, in order.
    #[aws(
        payload,
        rename = "CompleteMultipartUpload",
        xml_namespace = "http://s3.amazonaws.com/doc/2006-03-01/"
    )]
    pub multipart_upload: Option<CompletedMultipartUpload>,
}

/// The parts of a [`CompleteMultipartUpload`].
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompletedMultipartUpload {
    /// The parts.
    #[aws(rename = "Part", xml_flattened)]
    pub parts: Option<Vec<CompletedPart>>,
}

/// One uploaded part.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompletedPart {
    /// The part's ETag, from [`UploadPartOutput::e_tag`].
    #[aws(rename = "ETag")]
    pub e_tag: Option<String>,
    /// The part's number.
    pub part_number: Option<i32>,
}

/// What [`CompleteMultipartUpload`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompleteMultipartUploadOutput {
    /// The object's URL.
    pub location: Option<String>,
    /// The bucket.
    pub bucket: Option<String>,
    /// The key.
    pub key: Option<String>,
    /// The object's entity tag (`"...-3"` for three parts).
    #[aws(rename = "ETag")]
    pub e_tag: Option<String>,
    /// The object's version.
    #[aws(header = "x-amz-version-id")]
    pub version_id: Option<String>,
}

/// Abandons a multipart upload and frees its parts (`DELETE ...?uploadId=`).
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "DELETE",
    uri = "/{Bucket}/{Key+}",
    status = 204,
    output = AbortMultipartUploadOutput,
    error = S3Error,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct AbortMultipartUpload {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The object's key.
    #[aws(label)]
    pub key: String,
    /// The upload's id.
    #[aws(query = "uploadId")]
    pub upload_id: String,
}

/// What [`AbortMultipartUpload`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AbortMultipartUploadOutput {
    /// Who pays, for requester-pays buckets.
    #[aws(header = "x-amz-request-charged")]
    pub request_charged: Option<String>,
}
