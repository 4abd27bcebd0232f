//! The exception structures the operations' errors carry.

use super::*;

/// The operation conflicts with the resource's availability.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceInUseException {
    /// The resource which is being attempted to be changed is in use.
    pub message: Option<String>,
}

/// There is no limit to the number of daily on-demand backups that can be taken.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LimitExceededException {
    /// Too many operations for a given subscriber.
    pub message: Option<String>,
}

/// An error occurred on the server side.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InternalServerError {
    /// The server encountered an internal error trying to fulfill the request.
    pub message: Option<String>,
}

/// A condition specified in the operation failed to be evaluated.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConditionalCheckFailedException {
    /// The conditional request failed.
    #[aws(rename = "message")]
    pub message: Option<String>,
    /// Item which caused the ConditionalCheckFailedException .
    pub item: Option<HashMap<String, AttributeValue>>,
}

/// The request was denied due to request throttling.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProvisionedThroughputExceededException {
    /// You exceeded your maximum allowed provisioned throughput.
    #[aws(rename = "message")]
    pub message: Option<String>,
    /// A list of ThrottlingReason that provide detailed diagnostic information about why the request was throttled.
    pub throttling_reasons: Option<Vec<ThrottlingReason>>,
}

/// Represents the specific reason why a DynamoDB request was throttled and the ARN of the impacted resource.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThrottlingReason {
    /// The reason for throttling.
    pub reason: Option<String>,
    /// The Amazon Resource Name (ARN) of the DynamoDB table or index that experienced the throttling event.
    pub resource: Option<String>,
}

/// The operation tried to access a nonexistent table or index.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceNotFoundException {
    /// The resource which is being requested does not exist.
    pub message: Option<String>,
}

/// An item collection is too large.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemCollectionSizeLimitExceededException {
    /// The total size of an item collection has exceeded the maximum limit of 10 gigabytes.
    pub message: Option<String>,
}

/// Operation was rejected because there is an ongoing transaction for the item.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TransactionConflictException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Throughput exceeds the current throughput quota for your account.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestLimitExceeded {
    /// The `message` member.
    #[aws(rename = "message")]
    pub message: Option<String>,
    /// A list of ThrottlingReason that provide detailed diagnostic information about why the request was throttled.
    pub throttling_reasons: Option<Vec<ThrottlingReason>>,
}

/// The request was rejected because one or more items in the request are being modified by a request in another Region.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplicatedWriteConflictException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was denied due to request throttling.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThrottlingException {
    /// The `message` member.
    pub message: Option<String>,
    /// A list of ThrottlingReason that provide detailed diagnostic information about why the request was throttled.
    pub throttling_reasons: Option<Vec<ThrottlingReason>>,
}
