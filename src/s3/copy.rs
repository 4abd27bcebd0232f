//! `CopyObject`.

use std::collections::HashMap;

use super::S3Error;
use crate::{aws_operation, aws_shape, DateTime};

/// Copies an object, server-side (`PUT /{Bucket}/{Key+}` with
/// `x-amz-copy-source`). S3 may answer 200 and still fail the copy: that
/// answer is an error, and retried, like any 500.
///
/// ```
/// let copy = awsop::s3::CopyObject::new("amzn-s3-demo-bucket/a.txt", "amzn-s3-demo-bucket", "b.txt");
/// assert_eq!(copy.copy_source, "amzn-s3-demo-bucket/a.txt");
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "PUT",
    uri = "/{Bucket}/{Key+}",
    output = CopyObjectOutput,
    error = S3Error,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct CopyObject {
    /// The destination bucket.
    #[aws(label)]
    pub bucket: String,
    /// The destination key.
    #[aws(label)]
    pub key: String,
    /// The source, `bucket/key` (URL-encoded), optionally `?versionId=`.
    #[aws(header = "x-amz-copy-source")]
    pub copy_source: String,
    /// Copy only if the source's ETag matches.
    #[aws(header = "x-amz-copy-source-if-match")]
    pub copy_source_if_match: Option<String>,
    /// Copy only if the source was modified since.
    #[aws(header = "x-amz-copy-source-if-modified-since")]
    pub copy_source_if_modified_since: Option<DateTime>,
    /// `COPY` (the source's metadata, the default) or `REPLACE` (this request's).
    #[aws(header = "x-amz-metadata-directive")]
    pub metadata_directive: Option<String>,
    /// The copy's metadata, with `REPLACE`.
    #[aws(prefix_headers = "x-amz-meta-")]
    pub metadata: Option<HashMap<String, String>>,
    /// The copy's media type, with `REPLACE`.
    #[aws(header = "Content-Type")]
    pub content_type: Option<String>,
    /// The copy's storage class.
    #[aws(header = "x-amz-storage-class")]
    pub storage_class: Option<String>,
    /// The account that must own the destination bucket.
    #[aws(header = "x-amz-expected-bucket-owner")]
    pub expected_bucket_owner: Option<String>,
}

impl CopyObject {
    /// Copies `source` (`bucket/key`) to `key` of `bucket`.
    pub fn new(
        source: impl Into<String>,
        bucket: impl Into<String>,
        key: impl Into<String>,
    ) -> Self {
        CopyObject {
            copy_source: source.into(),
            bucket: bucket.into(),
            key: key.into(),
            ..Default::default()
        }
    }
}

/// What [`CopyObject`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CopyObjectOutput {
    /// The copy's ETag and time.
    #[aws(payload)]
    pub copy_object_result: Option<CopyObjectResult>,
    /// The source version copied.
    #[aws(header = "x-amz-copy-source-version-id")]
    pub copy_source_version_id: Option<String>,
    /// The copy's version.
    #[aws(header = "x-amz-version-id")]
    pub version_id: Option<String>,
}

/// The body of a [`CopyObject`] answer.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CopyObjectResult {
    /// The copy's entity tag.
    #[aws(rename = "ETag")]
    pub e_tag: Option<String>,
    /// When the copy was written.
    pub last_modified: Option<DateTime>,
}
