//! `DeleteObject` and `DeleteObjects`.

use super::S3Error;
use crate::{aws_operation, aws_shape, DateTime};

/// Deletes an object (`DELETE /{Bucket}/{Key+}`, 204). Deleting a key
/// that does not exist succeeds.
///
/// ```
/// let delete = awsop::s3::DeleteObject::new("amzn-s3-demo-bucket", "old.txt");
/// assert_eq!(delete.key, "old.txt");
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "DELETE",
    uri = "/{Bucket}/{Key+}",
    status = 204,
    output = DeleteObjectOutput,
    error = S3Error,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct DeleteObject {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The object's key.
    #[aws(label)]
    pub key: String,
    /// A version to delete.
    #[aws(query = "versionId")]
    pub version_id: Option<String>,
    /// The account that must own the bucket.
    #[aws(header = "x-amz-expected-bucket-owner")]
    pub expected_bucket_owner: Option<String>,
}

impl DeleteObject {
    /// Deletes `key` of `bucket`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        DeleteObject {
            bucket: bucket.into(),
            key: key.into(),
            ..Default::default()
        }
    }
}

/// What [`DeleteObject`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeleteObjectOutput {
    /// Whether a delete marker was created (versioned buckets).
    #[aws(header = "x-amz-delete-marker")]
    pub delete_marker: Option<bool>,
    /// The version deleted or the delete marker's.
    #[aws(header = "x-amz-version-id")]
    pub version_id: Option<String>,
}

/// Deletes up to 1,000 objects in one request (`POST /{Bucket}?delete`).
/// S3 requires the body's checksum; the runtime adds it.
///
/// ```
/// use awsop::s3::{Delete, DeleteObjects, ObjectIdentifier};
/// let delete = DeleteObjects {
///     bucket: "amzn-s3-demo-bucket".into(),
///     delete: Delete {
///         objects: vec![ObjectIdentifier::key("a.txt"), ObjectIdentifier::key("b.txt")],
///         quiet: None,
///     },
///     ..Default::default()
/// };
/// assert_eq!(delete.delete.objects.len(), 2);
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "POST",
    uri = "/{Bucket}?delete",
    output = DeleteObjectsOutput,
    error = S3Error,
    rename_all = "PascalCase",
    request_checksum = "required",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct DeleteObjects {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// The objects to delete.
    #[aws(
        payload,
        rename = "Delete",
        xml_namespace = "http://s3.amazonaws.com/doc/2006-03-01/"
    )]
    pub delete: Delete,
    /// The account that must own the bucket.
    #[aws(header = "x-amz-expected-bucket-owner")]
    pub expected_bucket_owner: Option<String>,
}

/// The body of [`DeleteObjects`].
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Delete {
    /// The objects.
    #[aws(rename = "Object", xml_flattened)]
    pub objects: Vec<ObjectIdentifier>,
    /// Report only the failures.
    pub quiet: Option<bool>,
}

/// An object to delete.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectIdentifier {
    /// The key.
    pub key: String,
    /// A version.
    pub version_id: Option<String>,
    /// Delete only if the ETag matches.
    #[aws(rename = "ETag")]
    pub e_tag: Option<String>,
    /// Delete only if last modified then.
    pub last_modified_time: Option<DateTime>,
    /// Delete only if of this size.
    pub size: Option<i64>,
}

impl ObjectIdentifier {
    /// The current version of `key`.
    pub fn key(key: impl Into<String>) -> Self {
        ObjectIdentifier {
            key: key.into(),
            ..Default::default()
        }
    }
}

/// What [`DeleteObjects`] returns: what was deleted, and what was not.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeleteObjectsOutput {
    /// The objects deleted.
    #[aws(xml_flattened)]
    pub deleted: Option<Vec<DeletedObject>>,
    /// The objects not deleted, each with its error.
    #[aws(rename = "Error", xml_flattened)]
    pub errors: Option<Vec<S3DeleteError>>,
}

/// An object [`DeleteObjects`] deleted.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeletedObject {
    /// The key.
    pub key: Option<String>,
    /// The version deleted.
    pub version_id: Option<String>,
    /// Whether a delete marker was created.
    pub delete_marker: Option<bool>,
    /// The delete marker's version.
    pub delete_marker_version_id: Option<String>,
}

/// An object [`DeleteObjects`] could not delete (the model's `Error`).
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct S3DeleteError {
    /// The key.
    pub key: Option<String>,
    /// The version.
    pub version_id: Option<String>,
    /// The error code (`AccessDenied`, ...).
    pub code: Option<String>,
    /// The error message.
    pub message: Option<String>,
}
