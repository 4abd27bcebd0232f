//! The exception structures the operations' errors carry.

use super::*;

/// You must wait 60 seconds after deleting a queue before you can create another queue with the same name.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueueDeletedRecently {
    /// The `message` member.
    pub message: Option<String>,
}

/// A queue with this name already exists.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueueNameExists {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was denied due to request throttling.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestThrottled {
    /// The `message` member.
    pub message: Option<String>,
}

/// The specified ID is invalid.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidAddress {
    /// The `message` member.
    pub message: Option<String>,
}

/// The specified attribute doesn't exist.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidAttributeName {
    /// The `message` member.
    pub message: Option<String>,
}

/// A queue attribute value is invalid.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidAttributeValue {
    /// The `message` member.
    pub message: Option<String>,
}

/// Error code 400.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnsupportedOperation {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was not made over HTTPS or did not use SigV4 for signing.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidSecurity {
    /// The `message` member.
    pub message: Option<String>,
}

/// The message contains characters outside the allowed set.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidMessageContents {
    /// The `message` member.
    pub message: Option<String>,
}

/// Ensure that the QueueUrl is correct and that the queue has not been deleted.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueueDoesNotExist {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was denied due to request throttling.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KmsDisabled {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the state of the specified resource is not valid for this request.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KmsInvalidState {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the specified entity or resource could not be found.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KmsNotFound {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the specified key policy isn't syntactically or semantically correct.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KmsOptInRequired {
    /// The `message` member.
    pub message: Option<String>,
}

/// Amazon Web Services KMS throttles requests for the following conditions.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KmsThrottled {
    /// The `message` member.
    pub message: Option<String>,
}

/// The caller doesn't have the required KMS access.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KmsAccessDenied {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected for one of the following reasons: The KeyUsage value of the KMS key is incompatible with the API operation.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KmsInvalidKeyUsage {
    /// The `message` member.
    pub message: Option<String>,
}

/// The specified action violates a limit.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OverLimit {
    /// The `message` member.
    pub message: Option<String>,
}

/// The specified receipt handle isn't valid for the current version.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidIdFormat {}

/// The specified receipt handle isn't valid.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReceiptHandleIsInvalid {
    /// The `message` member.
    pub message: Option<String>,
}
