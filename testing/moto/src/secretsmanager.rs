//! AWS Secrets Manager (awsJson1_1): `CreateSecret` and `GetSecretValue`,
//! declared from botocore 1.44.8's `secretsmanager/2017-10-17/service-2.json`.
//! Secret values are sensitive (never in `Debug`).
//!
//! ```no_run
//! use awsop_moto::secretsmanager::GetSecretValue;
//! # async fn demo(client: &awsop::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let value = GetSecretValue { secret_id: "db-password".into(), ..Default::default() }.send(client).await?;
//! # let _ = value; Ok(()) }
//! ```

use awsop::{aws_operation, aws_shape, Blob, DateTime};

/// `CreateSecret`: Creates a new secret.
#[aws_operation(
    service = "secretsmanager",
    service_id = "Secrets Manager",
    protocol = "awsJson1_1",
    target_prefix = "secretsmanager",
    method = "POST",
    uri = "/",
    output = CreateSecretResponse,
    error = CreateSecretError,
    rename_all = "PascalCase",
)]
#[derive(Clone, Default)]
pub struct CreateSecret {
    /// The name of the new secret.
    pub name: String,
    /// If you include SecretString or SecretBinary , then Secrets Manager creates an initial version for the secret, and this parameter specifies the unique identifier for the new version.
    #[aws(idempotency_token)]
    pub client_request_token: Option<String>,
    /// The description of the secret.
    pub description: Option<String>,
    /// The ARN, key ID, or alias of the KMS key that Secrets Manager uses to encrypt the secret value in the secret.
    pub kms_key_id: Option<String>,
    /// The binary data to encrypt and store in the new version of the secret.
    #[aws(sensitive)]
    pub secret_binary: Option<Blob>,
    /// The text data to encrypt and store in this new version of the secret.
    #[aws(sensitive)]
    pub secret_string: Option<String>,
    /// A list of tags to attach to the secret.
    pub tags: Option<Vec<Tag>>,
    /// A list of Regions and KMS keys to replicate secrets.
    pub add_replica_regions: Option<Vec<ReplicaRegionType>>,
    /// Specifies whether to overwrite a secret with the same name in the destination Region.
    pub force_overwrite_replica_secret: Option<bool>,
    /// The exact string that identifies the partner that holds the external secret.
    pub type_: Option<String>,
    /// The ARN of a primary secret in another Amazon Web Services account.
    #[aws(rename = "CrossAccountPrimaryARN")]
    pub cross_account_primary_arn: Option<String>,
}

/// The modeled errors of [`CreateSecret`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum CreateSecretError {
    /// The parameter name or value is invalid.
    InvalidParameterException(InvalidParameterException),
    /// A parameter value is not valid for the current state of the resource.
    InvalidRequestException(InvalidRequestException),
    /// The request failed because it would exceed one of the Secrets Manager quotas.
    LimitExceededException(LimitExceededException),
    /// Secrets Manager can't encrypt the protected secret text using the provided KMS key.
    EncryptionFailure(EncryptionFailure),
    /// A resource with the ID you requested already exists.
    ResourceExistsException(ResourceExistsException),
    /// Secrets Manager can't find the resource that you asked for.
    ResourceNotFoundException(ResourceNotFoundException),
    /// The resource policy has syntax errors.
    MalformedPolicyDocumentException(MalformedPolicyDocumentException),
    /// An error occurred on the server side.
    InternalServiceError(InternalServiceError),
    /// The request failed because you did not complete all the prerequisite steps.
    PreconditionNotMetException(PreconditionNotMetException),
    /// Secrets Manager can't decrypt the protected secret text using the provided KMS key.
    DecryptionFailure(DecryptionFailure),
}

/// `GetSecretValue`: Retrieves the contents of the encrypted fields SecretString or SecretBinary from the specified version of a secret, whichever contains content.
#[aws_operation(
    service = "secretsmanager",
    service_id = "Secrets Manager",
    protocol = "awsJson1_1",
    target_prefix = "secretsmanager",
    method = "POST",
    uri = "/",
    output = GetSecretValueResponse,
    error = GetSecretValueError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct GetSecretValue {
    /// The ARN or name of the secret to retrieve.
    pub secret_id: String,
    /// The unique identifier of the version of the secret to retrieve.
    pub version_id: Option<String>,
    /// The staging label of the version of the secret to retrieve.
    pub version_stage: Option<String>,
}

/// The modeled errors of [`GetSecretValue`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum GetSecretValueError {
    /// Secrets Manager can't find the resource that you asked for.
    ResourceNotFoundException(ResourceNotFoundException),
    /// The parameter name or value is invalid.
    InvalidParameterException(InvalidParameterException),
    /// A parameter value is not valid for the current state of the resource.
    InvalidRequestException(InvalidRequestException),
    /// Secrets Manager can't decrypt the protected secret text using the provided KMS key.
    DecryptionFailure(DecryptionFailure),
    /// An error occurred on the server side.
    InternalServiceError(InternalServiceError),
}

/// A structure that contains information about a tag.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tag {
    /// The key identifier, or name, of the tag.
    pub key: Option<String>,
    /// The string value associated with the key of the tag.
    pub value: Option<String>,
}

/// A custom type that specifies a Region and the KmsKeyId for a replica secret.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplicaRegionType {
    /// A Region code.
    pub region: Option<String>,
    /// The ARN, key ID, or alias of the KMS key to encrypt the secret.
    pub kms_key_id: Option<String>,
}

/// The `CreateSecretResponse` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateSecretResponse {
    /// The ARN of the new secret.
    #[aws(rename = "ARN")]
    pub arn: Option<String>,
    /// The name of the new secret.
    pub name: Option<String>,
    /// The unique identifier associated with the version of the new secret.
    pub version_id: Option<String>,
    /// A list of the replicas of this secret and their status: Failed , which indicates that the replica was not created.
    pub replication_status: Option<Vec<ReplicationStatusType>>,
}

/// A replication object consisting of a RegionReplicationStatus object and includes a Region, KMSKeyId, status, and status message.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplicationStatusType {
    /// The Region where replication occurs.
    pub region: Option<String>,
    /// Can be an ARN , Key ID , or Alias .
    pub kms_key_id: Option<String>,
    /// The status can be InProgress , Failed , or InSync .
    pub status: Option<StatusType>,
    /// Status message such as " Secret with this name already exists in this region ".
    pub status_message: Option<String>,
    /// The date that the secret was last accessed in the Region.
    pub last_accessed_date: Option<DateTime>,
}

/// The `StatusType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StatusType {
    /// `InSync`
    #[aws(rename = "InSync")]
    InSync,
    /// `Failed`
    #[aws(rename = "Failed")]
    Failed,
    /// `InProgress`
    #[aws(rename = "InProgress")]
    InProgress,
    /// `Pending`
    #[aws(rename = "Pending")]
    Pending,
    /// `Detached`
    #[aws(rename = "Detached")]
    Detached,
}

/// The parameter name or value is invalid.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidParameterException {
    /// The `Message` member.
    pub message: Option<String>,
}

/// A parameter value is not valid for the current state of the resource.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidRequestException {
    /// The `Message` member.
    pub message: Option<String>,
}

/// The request failed because it would exceed one of the Secrets Manager quotas.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LimitExceededException {
    /// The `Message` member.
    pub message: Option<String>,
}

/// Secrets Manager can't encrypt the protected secret text using the provided KMS key.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EncryptionFailure {
    /// The `Message` member.
    pub message: Option<String>,
}

/// A resource with the ID you requested already exists.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceExistsException {
    /// The `Message` member.
    pub message: Option<String>,
}

/// Secrets Manager can't find the resource that you asked for.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceNotFoundException {
    /// The `Message` member.
    pub message: Option<String>,
}

/// The resource policy has syntax errors.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MalformedPolicyDocumentException {
    /// The `Message` member.
    pub message: Option<String>,
}

/// An error occurred on the server side.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InternalServiceError {
    /// The `Message` member.
    pub message: Option<String>,
}

/// The request failed because you did not complete all the prerequisite steps.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreconditionNotMetException {
    /// The `Message` member.
    pub message: Option<String>,
}

/// Secrets Manager can't decrypt the protected secret text using the provided KMS key.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecryptionFailure {
    /// The `Message` member.
    pub message: Option<String>,
}

/// The `GetSecretValueResponse` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Clone, Default, PartialEq)]
pub struct GetSecretValueResponse {
    /// The ARN of the secret.
    #[aws(rename = "ARN")]
    pub arn: Option<String>,
    /// The friendly name of the secret.
    pub name: Option<String>,
    /// The unique identifier of this version of the secret.
    pub version_id: Option<String>,
    /// The decrypted secret value, if the secret value was originally provided as binary data in the form of a byte array.
    #[aws(sensitive)]
    pub secret_binary: Option<Blob>,
    /// The decrypted secret value, if the secret value was originally provided as a string or through the Secrets Manager console.
    #[aws(sensitive)]
    pub secret_string: Option<String>,
    /// A list of all of the staging labels currently attached to this version of the secret.
    pub version_stages: Option<Vec<String>>,
    /// The date and time that this version of the secret was created.
    pub created_date: Option<DateTime>,
}
