//! S3's modeled errors, one enum for every operation of this module.

use crate::aws_shape;

/// The body of an S3 error: S3's exceptions carry only the code and
/// message (in the surrounding [`Error`](crate::Error)), and
/// `InvalidObjectState` its storage class.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct S3Exception {
    /// The error's message.
    pub message: Option<String>,
    /// `InvalidObjectState`: the object's storage class.
    pub storage_class: Option<String>,
    /// `InvalidObjectState`: the object's Intelligent-Tiering access tier.
    pub access_tier: Option<String>,
}

/// The errors the S3 model names for this module's operations, plus
/// `NotFound`: a HEAD request's error has no body to carry a code, and S3
/// answers a missing object or bucket with a bare 404 (the Smithy S3
/// model's `NotFound`, "the specified content does not exist").
///
/// ```
/// use awsop::s3::{S3Error, S3Exception};
/// let e = S3Error::NoSuchKey(S3Exception::default());
/// assert_eq!(e.code(), Some("NoSuchKey"));
/// ```
#[aws_shape(errors, crate = "crate")]
#[derive(Debug, Clone, PartialEq)]
pub enum S3Error {
    /// The bucket name is taken (by another account).
    BucketAlreadyExists(S3Exception),
    /// You already own the bucket (outside us-east-1, creating it again fails so).
    BucketAlreadyOwnedByYou(S3Exception),
    /// The object is archived (Glacier, Deep Archive) and must be restored first.
    InvalidObjectState(S3Exception),
    /// The bucket does not exist.
    NoSuchBucket(S3Exception),
    /// The key does not exist.
    NoSuchKey(S3Exception),
    /// The multipart upload does not exist (completed or aborted).
    NoSuchUpload(S3Exception),
    /// A HEAD request's 404: no such object or bucket.
    NotFound(S3Exception),
    /// The source object of a copy is archived.
    ObjectNotInActiveTierError(S3Exception),
    /// `PutObject`: the request is not valid.
    InvalidRequest(S3Exception),
    /// `PutObject`: the append offset is not the object's size.
    InvalidWriteOffset(S3Exception),
    /// `PutObject`: the object has too many parts to append to.
    TooManyParts(S3Exception),
    /// `PutObject`: the encryption does not match the existing object's.
    EncryptionTypeMismatch(S3Exception),
}
