//! The exception structures the operations' errors carry.

use super::*;

/// The request was rejected because the specified policy is not syntactically or semantically correct.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MalformedPolicyDocumentException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The system timed out while trying to fulfill the request.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DependencyTimeoutException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because a specified ARN, or an ARN in a key policy, is not valid.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidArnException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because a specified parameter is not supported or a specified resource is not valid for this operation.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnsupportedOperationException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because an internal exception occurred.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KMSInternalException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because a length constraint or quota was exceeded.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LimitExceededException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because one or more tags are not valid.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because KMS cannot find a custom key store with the specified key store name or ID.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomKeyStoreNotFoundException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because of the ConnectionState of the custom key store.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomKeyStoreInvalidStateException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the associated CloudHSM cluster did not meet the configuration requirements for an CloudHSM key store.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CloudHsmClusterInvalidConfigurationException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the external key specified by the XksKeyId parameter did not meet the configuration requirements for an external key store.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct XksKeyInvalidConfigurationException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the ( XksKeyId ) is already associated with another KMS key in this external key store.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct XksKeyAlreadyInUseException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the external key store proxy could not find the external key.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct XksKeyNotFoundException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the specified entity or resource could not be found.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotFoundException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the specified KMS key is not enabled.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DisabledException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the specified KMS key was not available.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyUnavailableException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected for one of the following reasons: The KeyUsage value of the KMS key is incompatible with the API operation.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidKeyUsageException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the specified grant token is not valid.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidGrantTokenException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the state of the specified resource is not valid for this request.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KMSInvalidStateException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the DryRun parameter was specified.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DryRunOperationException {
    /// The `message` member.
    pub message: Option<String>,
}

/// From the Decrypt or ReEncrypt operation, the request was rejected because the specified ciphertext, or additional authenticated data incorporated into the ciphertext, such as the encryption context, is corrupted, missing, or otherwise...
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidCiphertextException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the specified KMS key cannot decrypt the data.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncorrectKeyException {
    /// The `message` member.
    pub message: Option<String>,
}
