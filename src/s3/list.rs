//! `ListObjectsV2`, with its paginator.

use super::S3Error;
use crate::{aws_operation, aws_shape, DateTime};

/// Lists a bucket's objects, up to 1,000 a page (`GET /{Bucket}?list-type=2`).
///
/// `paginate` walks every page (`ContinuationToken` from the previous
/// page's `NextContinuationToken`); `items()` yields each
/// [`Object`].
///
/// ```no_run
/// # async fn demo(client: &awsop::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let mut objects = awsop::s3::ListObjectsV2::new("amzn-s3-demo-bucket").paginate(client).items();
/// while let Some(object) = objects.next().await {
///     println!("{:?}", object?.key);
/// }
/// # Ok(()) }
/// ```
#[aws_operation(
    service = "s3",
    service_id = "S3",
    protocol = "restXml",
    method = "GET",
    uri = "/{Bucket}?list-type=2",
    output = ListObjectsV2Output,
    error = S3Error,
    rename_all = "PascalCase",
    paginator(
        input_token = "ContinuationToken",
        output_token = "NextContinuationToken",
        items = "Contents",
        page_size = "MaxKeys",
        more_results = "IsTruncated"
    ),
    crate = "crate",
)]
#[derive(Debug, Clone, Default)]
pub struct ListObjectsV2 {
    /// The bucket.
    #[aws(label)]
    pub bucket: String,
    /// Group keys by this delimiter into `common_prefixes`.
    #[aws(query = "delimiter")]
    pub delimiter: Option<String>,
    /// `url`: keys in the answer are URL-encoded.
    #[aws(query = "encoding-type")]
    pub encoding_type: Option<String>,
    /// The most keys a page holds (at most 1,000).
    #[aws(query = "max-keys")]
    pub max_keys: Option<i32>,
    /// Only keys that start with this.
    #[aws(query = "prefix")]
    pub prefix: Option<String>,
    /// Where the previous page ended.
    #[aws(query = "continuation-token")]
    pub continuation_token: Option<String>,
    /// Include each object's owner.
    #[aws(query = "fetch-owner")]
    pub fetch_owner: Option<bool>,
    /// Only keys after this one.
    #[aws(query = "start-after")]
    pub start_after: Option<String>,
    /// The account that must own the bucket.
    #[aws(header = "x-amz-expected-bucket-owner")]
    pub expected_bucket_owner: Option<String>,
}

impl ListObjectsV2 {
    /// Lists `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListObjectsV2 {
            bucket: bucket.into(),
            ..Default::default()
        }
    }
}

/// One page of [`ListObjectsV2`].
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListObjectsV2Output {
    /// Whether more pages follow.
    pub is_truncated: Option<bool>,
    /// The objects.
    #[aws(xml_flattened)]
    pub contents: Option<Vec<Object>>,
    /// The bucket.
    pub name: Option<String>,
    /// The prefix asked for.
    pub prefix: Option<String>,
    /// The delimiter asked for.
    pub delimiter: Option<String>,
    /// The page size asked for.
    pub max_keys: Option<i32>,
    /// Key prefixes up to the delimiter.
    #[aws(xml_flattened)]
    pub common_prefixes: Option<Vec<CommonPrefix>>,
    /// `url` when keys are URL-encoded.
    pub encoding_type: Option<String>,
    /// The keys on this page.
    pub key_count: Option<i32>,
    /// The token this page was asked with.
    pub continuation_token: Option<String>,
    /// The token of the next page.
    pub next_continuation_token: Option<String>,
    /// The start key asked for.
    pub start_after: Option<String>,
}

/// An object in a listing.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Object {
    /// The key.
    pub key: Option<String>,
    /// When it was last written.
    pub last_modified: Option<DateTime>,
    /// Its entity tag.
    pub e_tag: Option<String>,
    /// Its size in bytes.
    pub size: Option<i64>,
    /// Its storage class.
    pub storage_class: Option<String>,
    /// Its owner, with `fetch_owner`.
    pub owner: Option<Owner>,
}

/// An object's owner.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Owner {
    /// The owner's display name.
    pub display_name: Option<String>,
    /// The owner's canonical id.
    #[aws(rename = "ID")]
    pub id: Option<String>,
}

/// A key prefix of a listing grouped by delimiter.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommonPrefix {
    /// The prefix.
    pub prefix: Option<String>,
}
