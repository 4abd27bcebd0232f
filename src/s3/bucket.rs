//! `CreateBucket`.

use super::S3Error;
use crate::{aws_operation, aws_shape};

/// Creates a bucket (`PUT /{Bucket}`). Outside us-east-1 the bucket's
/// region goes in [`CreateBucketConfiguration::location_constraint`].
///
/// ```
/// let create = awsop::s3::CreateBucket::new("amzn-s3-demo-bucket");
/// assert_eq!(create.bucket, "amzn-s3-demo-bucket");
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "PUT",
    uri = "/{Bucket}",
    output = CreateBucketOutput,
    error = S3Error,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateBucket {
    /// The bucket's name.
    #[aws(label)]
    pub bucket: String,
    /// A canned ACL (`private`, `public-read`, ...).
    #[aws(header = "x-amz-acl")]
    pub acl: Option<String>,
    /// Where and how to create the bucket.
    #[aws(
        payload,
        rename = "CreateBucketConfiguration",
        xml_namespace = "http://s3.amazonaws.com/doc/2006-03-01/"
    )]
    pub create_bucket_configuration: Option<CreateBucketConfiguration>,
    /// Turn on S3 Object Lock for the bucket.
    #[aws(header = "x-amz-bucket-object-lock-enabled")]
    pub object_lock_enabled_for_bucket: Option<bool>,
    /// Object ownership (`BucketOwnerEnforced`, ...).
    #[aws(header = "x-amz-object-ownership")]
    pub object_ownership: Option<String>,
}

impl CreateBucket {
    /// Creates `bucket` in the client's region's default (us-east-1 needs no
    /// location constraint; see [`CreateBucket::in_region`] for others).
    pub fn new(bucket: impl Into<String>) -> Self {
        CreateBucket {
            bucket: bucket.into(),
            ..Default::default()
        }
    }

    /// Creates `bucket` in `region` (its location constraint).
    pub fn in_region(bucket: impl Into<String>, region: impl Into<String>) -> Self {
        CreateBucket {
            bucket: bucket.into(),
            create_bucket_configuration: Some(CreateBucketConfiguration {
                location_constraint: Some(region.into()),
            }),
            ..Default::default()
        }
    }
}

/// The body of [`CreateBucket`].
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateBucketConfiguration {
    /// The region to create the bucket in.
    pub location_constraint: Option<String>,
}

/// What [`CreateBucket`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateBucketOutput {
    /// The bucket's location (`/amzn-s3-demo-bucket`).
    #[aws(header = "Location")]
    pub location: Option<String>,
    /// The bucket's ARN.
    #[aws(header = "x-amz-bucket-arn")]
    pub bucket_arn: Option<String>,
}
