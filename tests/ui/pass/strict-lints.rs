//! Generated code stays quiet under strict lints in the user's crate.
#![forbid(unsafe_code)]
#![deny(
    warnings,
    missing_docs,
    unreachable_pub,
    rust_2018_idioms,
    unused_qualifications,
    trivial_casts,
    unused_results,
    missing_debug_implementations
)]

use std::collections::HashMap;

use awsop::{aws_operation, aws_shape, Blob, DateTime};

/// Puts an object.
#[aws_operation(service = "s3ish", method = "PUT", uri = "/{bucket}/{key+}", output = PutObjectOutput, error = StoreError)]
#[derive(Debug, Clone, Default)]
pub struct PutObject {
    /// Bucket.
    #[aws(label)]
    pub bucket: String,
    /// Key.
    #[aws(label)]
    pub key: String,
    /// Metadata.
    #[aws(prefix_headers = "x-amz-meta-")]
    pub metadata: Option<HashMap<String, String>>,
    /// Expiry.
    #[aws(header = "Expires")]
    pub expires: Option<DateTime>,
    /// Body.
    #[aws(payload)]
    pub body: Option<Blob>,
    /// Token.
    #[aws(idempotency_token, query = "token")]
    pub token: Option<String>,
}

/// Lists things.
#[aws_operation(service = "s3ish", method = "GET", uri = "/")]
#[derive(Debug, Clone, Copy, Default)]
pub struct ListThings;

/// Output.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PutObjectOutput {
    /// ETag.
    #[aws(header = "ETag")]
    pub etag: Option<String>,
    /// Status.
    #[aws(response_code)]
    pub status: i32,
}

/// Class.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StorageClass {
    /// Standard.
    Standard,
    /// Glacier.
    Glacier,
}

/// Level.
#[aws_shape]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// One.
    One = 1,
}

/// Choice.
#[aws_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// A.
    A(StorageClass),
    /// B.
    B(Vec<Level>),
}

/// Sensitive.
#[aws_shape]
#[derive(Clone, Default, PartialEq)]
pub struct Secret {
    /// Value.
    #[aws(sensitive)]
    pub value: Option<String>,
    /// Choice.
    pub choice: Option<Choice>,
    /// Classes.
    pub classes: Option<HashMap<StorageClass, Vec<Option<i64>>>>,
}

/// Denied.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccessDenied {
    /// Message.
    pub message: Option<String>,
}

/// Errors.
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// Denied.
    #[aws(rename = "AccessDenied", retryable)]
    AccessDenied(AccessDenied),
}

fn main() {
    use awsop::runtime::operation::Operation;
    let request = PutObject {
        bucket: "b".into(),
        key: "k/1".into(),
        ..PutObject::default()
    }
    .serialize()
    .unwrap();
    assert_eq!(request.uri, "/b/k/1");
    let _ = ListThings.serialize().unwrap();
    let _ = format!("{:?}", Secret::default());
}
