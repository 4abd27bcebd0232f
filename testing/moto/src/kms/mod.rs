//! AWS KMS (awsJson1_1): `CreateKey`, `Encrypt` and `Decrypt`, declared
//! from botocore 1.44.8's `kms/2014-11-01/service-2.json`. Plaintexts are
//! sensitive (never in `Debug`).
//!
//! ```no_run
//! use awsop::Blob;
//! use awsop_moto::kms::{CreateKey, Encrypt};
//! # async fn demo(client: &awsop::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let key = CreateKey::default().send(client).await?.key_metadata.unwrap_or_default().key_id;
//! let sealed = Encrypt { key_id: key, plaintext: Blob::new(b"hi".to_vec()), ..Default::default() }.send(client).await?;
//! # let _ = sealed; Ok(()) }
//! ```

use std::collections::HashMap;

use awsop::{aws_operation, aws_shape, Blob, DateTime};

mod crypto;
mod errors;
mod key;

pub use crypto::*;
pub use errors::*;
pub use key::*;

/// `CreateKey`: Creates a unique customer managed KMS key in your Amazon Web Services account and Region.
#[aws_operation(
    service = "kms",
    service_id = "KMS",
    protocol = "awsJson1_1",
    target_prefix = "TrentService",
    method = "POST",
    uri = "/",
    output = CreateKeyResponse,
    error = CreateKeyError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateKey {
    /// The key policy to attach to the KMS key.
    pub policy: Option<String>,
    /// A description of the KMS key.
    pub description: Option<String>,
    /// Determines the cryptographic operations for which you can use the KMS key.
    pub key_usage: Option<KeyUsageType>,
    /// Instead, use the KeySpec parameter.
    pub customer_master_key_spec: Option<CustomerMasterKeySpec>,
    /// Specifies the type of KMS key to create.
    pub key_spec: Option<KeySpec>,
    /// The source of the key material for the KMS key.
    pub origin: Option<OriginType>,
    /// Creates the KMS key in the specified custom key store .
    pub custom_key_store_id: Option<String>,
    /// Skips ("bypasses") the key policy lockout safety check.
    pub bypass_policy_lockout_safety_check: Option<bool>,
    /// Assigns one or more tags to the KMS key.
    pub tags: Option<Vec<Tag>>,
    /// Creates a multi-Region primary key that you can replicate into other Amazon Web Services Regions.
    pub multi_region: Option<bool>,
    /// Identifies the external key that serves as key material for the KMS key in an external key store .
    pub xks_key_id: Option<String>,
}

/// The modeled errors of [`CreateKey`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum CreateKeyError {
    /// The request was rejected because the specified policy is not syntactically or semantically correct.
    MalformedPolicyDocumentException(MalformedPolicyDocumentException),
    /// The system timed out while trying to fulfill the request.
    DependencyTimeoutException(DependencyTimeoutException),
    /// The request was rejected because a specified ARN, or an ARN in a key policy, is not valid.
    InvalidArnException(InvalidArnException),
    /// The request was rejected because a specified parameter is not supported or a specified resource is not valid for this operation.
    UnsupportedOperationException(UnsupportedOperationException),
    /// The request was rejected because an internal exception occurred.
    KMSInternalException(KMSInternalException),
    /// The request was rejected because a length constraint or quota was exceeded.
    LimitExceededException(LimitExceededException),
    /// The request was rejected because one or more tags are not valid.
    TagException(TagException),
    /// The request was rejected because KMS cannot find a custom key store with the specified key store name or ID.
    CustomKeyStoreNotFoundException(CustomKeyStoreNotFoundException),
    /// The request was rejected because of the ConnectionState of the custom key store.
    CustomKeyStoreInvalidStateException(CustomKeyStoreInvalidStateException),
    /// The request was rejected because the associated CloudHSM cluster did not meet the configuration requirements for an CloudHSM key store.
    CloudHsmClusterInvalidConfigurationException(CloudHsmClusterInvalidConfigurationException),
    /// The request was rejected because the external key specified by the XksKeyId parameter did not meet the configuration requirements for an external key store.
    XksKeyInvalidConfigurationException(XksKeyInvalidConfigurationException),
    /// The request was rejected because the ( XksKeyId ) is already associated with another KMS key in this external key store.
    XksKeyAlreadyInUseException(XksKeyAlreadyInUseException),
    /// The request was rejected because the external key store proxy could not find the external key.
    XksKeyNotFoundException(XksKeyNotFoundException),
}

/// `Encrypt`: Encrypts plaintext of up to 4,096 bytes using a KMS key.
#[aws_operation(
    service = "kms",
    service_id = "KMS",
    protocol = "awsJson1_1",
    target_prefix = "TrentService",
    method = "POST",
    uri = "/",
    output = EncryptResponse,
    error = EncryptError,
    rename_all = "PascalCase",
)]
#[derive(Clone, Default)]
pub struct Encrypt {
    /// Identifies the KMS key to use in the encryption operation.
    pub key_id: String,
    /// Data to be encrypted.
    #[aws(sensitive)]
    pub plaintext: Blob,
    /// Specifies the encryption context that will be used to encrypt the data.
    pub encryption_context: Option<HashMap<String, String>>,
    /// A list of grant tokens.
    pub grant_tokens: Option<Vec<String>>,
    /// Specifies the encryption algorithm that KMS will use to encrypt the plaintext message.
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// Checks if your request will succeed.
    pub dry_run: Option<bool>,
}

/// The modeled errors of [`Encrypt`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum EncryptError {
    /// The request was rejected because the specified entity or resource could not be found.
    NotFoundException(NotFoundException),
    /// The request was rejected because the specified KMS key is not enabled.
    DisabledException(DisabledException),
    /// The request was rejected because the specified KMS key was not available.
    KeyUnavailableException(KeyUnavailableException),
    /// The system timed out while trying to fulfill the request.
    DependencyTimeoutException(DependencyTimeoutException),
    /// The request was rejected for one of the following reasons: The KeyUsage value of the KMS key is incompatible with the API operation.
    InvalidKeyUsageException(InvalidKeyUsageException),
    /// The request was rejected because the specified grant token is not valid.
    InvalidGrantTokenException(InvalidGrantTokenException),
    /// The request was rejected because an internal exception occurred.
    KMSInternalException(KMSInternalException),
    /// The request was rejected because the state of the specified resource is not valid for this request.
    KMSInvalidStateException(KMSInvalidStateException),
    /// The request was rejected because the DryRun parameter was specified.
    DryRunOperationException(DryRunOperationException),
}

/// `Decrypt`: Decrypts ciphertext that was encrypted by a KMS key using any of the following operations: Encrypt GenerateDataKey GenerateDataKeyPair GenerateDataKeyWithoutPlaintext GenerateDataKeyPairWithoutPlaintext You can use this operation to...
#[aws_operation(
    service = "kms",
    service_id = "KMS",
    protocol = "awsJson1_1",
    target_prefix = "TrentService",
    method = "POST",
    uri = "/",
    output = DecryptResponse,
    error = DecryptError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct Decrypt {
    /// Ciphertext to be decrypted.
    pub ciphertext_blob: Option<Blob>,
    /// Specifies the encryption context to use when decrypting the data.
    pub encryption_context: Option<HashMap<String, String>>,
    /// A list of grant tokens.
    pub grant_tokens: Option<Vec<String>>,
    /// Specifies the KMS key that KMS uses to decrypt the ciphertext.
    pub key_id: Option<String>,
    /// Specifies the encryption algorithm that will be used to decrypt the ciphertext.
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// A signed attestation document from an Amazon Web Services Nitro enclave or NitroTPM, and the encryption algorithm to use with the public key in the attestation document.
    pub recipient: Option<RecipientInfo>,
    /// Checks if your request will succeed.
    pub dry_run: Option<bool>,
    /// Specifies the modifiers to apply to the dry run operation.
    pub dry_run_modifiers: Option<Vec<DryRunModifierType>>,
}

/// The modeled errors of [`Decrypt`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum DecryptError {
    /// The request was rejected because the specified entity or resource could not be found.
    NotFoundException(NotFoundException),
    /// The request was rejected because the specified KMS key is not enabled.
    DisabledException(DisabledException),
    /// From the Decrypt or ReEncrypt operation, the request was rejected because the specified ciphertext, or additional authenticated data incorporated into the ciphertext, such as the encryption context, is corrupted, missing, or otherwise...
    InvalidCiphertextException(InvalidCiphertextException),
    /// The request was rejected because the specified KMS key was not available.
    KeyUnavailableException(KeyUnavailableException),
    /// The request was rejected because the specified KMS key cannot decrypt the data.
    IncorrectKeyException(IncorrectKeyException),
    /// The request was rejected for one of the following reasons: The KeyUsage value of the KMS key is incompatible with the API operation.
    InvalidKeyUsageException(InvalidKeyUsageException),
    /// The system timed out while trying to fulfill the request.
    DependencyTimeoutException(DependencyTimeoutException),
    /// The request was rejected because the specified grant token is not valid.
    InvalidGrantTokenException(InvalidGrantTokenException),
    /// The request was rejected because an internal exception occurred.
    KMSInternalException(KMSInternalException),
    /// The request was rejected because the state of the specified resource is not valid for this request.
    KMSInvalidStateException(KMSInvalidStateException),
    /// The request was rejected because the DryRun parameter was specified.
    DryRunOperationException(DryRunOperationException),
}
