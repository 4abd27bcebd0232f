//! Amazon S3 (restXml): buckets, objects streamed both ways, listing with
//! a paginator, batch delete, copy, and multipart upload. Hand-written from
//! botocore's S3 model (`s3/2006-03-01/service-2.json`), members named and
//! bound as the model has them; each struct carries the members most calls
//! need (the model's others can be added the same way).
//!
//! S3's own rules are the runtime's ([`crate::runtime::s3_rules`]):
//! virtual-hosted addressing by default (path style by
//! [`ClientBuilder::s3_addressing_style`](crate::ClientBuilder::s3_addressing_style)
//! or the config file's `s3 =` / `addressing_style`), `AWS_ENDPOINT_URL_S3`,
//! FIPS and dual-stack endpoints, S3's signing (no double encoding, no path
//! normalization, `x-amz-content-sha256` always), errors inside a 200, and
//! both request ids in errors.
//!
//! ```no_run
//! use awsop::s3::{GetObject, PutObject};
//! use awsop::ByteStream;
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let client = awsop::Client::from_env().await?;
//! PutObject {
//!     bucket: "amzn-s3-demo-bucket".into(),
//!     key: "photos/puppy.png".into(),
//!     body: ByteStream::from_path("puppy.png").await?,
//!     ..Default::default()
//! }
//! .send(&client)
//! .await?;
//!
//! let object = GetObject::new("amzn-s3-demo-bucket", "photos/puppy.png").send(&client).await?;
//! let mut file = tokio::fs::File::create("copy.png").await?;
//! object.body.write_to(&mut file).await?; // streamed: never all in memory
//!
//! // A URL anyone can GET for an hour, with curl or a browser.
//! let url = GetObject::new("amzn-s3-demo-bucket", "photos/puppy.png")
//!     .presign(&client, std::time::Duration::from_secs(3600))
//!     .await?;
//! println!("{}", url.uri());
//! # Ok(()) }
//! ```

mod bucket;
mod copy;
mod delete;
mod errors;
mod list;
mod multipart;
mod object;

pub use bucket::{CreateBucket, CreateBucketConfiguration, CreateBucketOutput};
pub use copy::{CopyObject, CopyObjectOutput, CopyObjectResult};
pub use delete::{
    Delete, DeleteObject, DeleteObjectOutput, DeleteObjects, DeleteObjectsOutput, DeletedObject,
    ObjectIdentifier, S3DeleteError,
};
pub use errors::{S3Error, S3Exception};
pub use list::{CommonPrefix, ListObjectsV2, ListObjectsV2Output, Object, Owner};
pub use multipart::{
    AbortMultipartUpload, AbortMultipartUploadOutput, CompleteMultipartUpload,
    CompleteMultipartUploadOutput, CompletedMultipartUpload, CompletedPart, CopyPartResult,
    CreateMultipartUpload, CreateMultipartUploadOutput, UploadPart, UploadPartCopy,
    UploadPartCopyOutput, UploadPartOutput,
};
pub use object::{
    GetObject, GetObjectOutput, HeadObject, HeadObjectOutput, PutObject, PutObjectOutput,
};
