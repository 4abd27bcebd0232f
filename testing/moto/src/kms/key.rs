//! Key metadata, and the shapes of a `CreateKey` request.

use super::*;

/// The `KeyUsageType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyUsageType {
    /// `SIGN_VERIFY`
    SignVerify,
    /// `ENCRYPT_DECRYPT`
    EncryptDecrypt,
    /// `GENERATE_VERIFY_MAC`
    GenerateVerifyMac,
    /// `KEY_AGREEMENT`
    KeyAgreement,
    /// `ENCAPSULATE_DECAPSULATE`
    EncapsulateDecapsulate,
}

/// The `CustomerMasterKeySpec` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CustomerMasterKeySpec {
    /// `RSA_2048`
    #[aws(rename = "RSA_2048")]
    Rsa2048,
    /// `RSA_3072`
    #[aws(rename = "RSA_3072")]
    Rsa3072,
    /// `RSA_4096`
    #[aws(rename = "RSA_4096")]
    Rsa4096,
    /// `ECC_NIST_P256`
    EccNistP256,
    /// `ECC_NIST_P384`
    EccNistP384,
    /// `ECC_NIST_P521`
    EccNistP521,
    /// `ECC_SECG_P256K1`
    #[aws(rename = "ECC_SECG_P256K1")]
    EccSecgP256K1,
    /// `SYMMETRIC_DEFAULT`
    SymmetricDefault,
    /// `HMAC_224`
    #[aws(rename = "HMAC_224")]
    Hmac224,
    /// `HMAC_256`
    #[aws(rename = "HMAC_256")]
    Hmac256,
    /// `HMAC_384`
    #[aws(rename = "HMAC_384")]
    Hmac384,
    /// `HMAC_512`
    #[aws(rename = "HMAC_512")]
    Hmac512,
    /// `SM2`
    Sm2,
}

/// The `KeySpec` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeySpec {
    /// `RSA_2048`
    #[aws(rename = "RSA_2048")]
    Rsa2048,
    /// `RSA_3072`
    #[aws(rename = "RSA_3072")]
    Rsa3072,
    /// `RSA_4096`
    #[aws(rename = "RSA_4096")]
    Rsa4096,
    /// `ECC_NIST_P256`
    EccNistP256,
    /// `ECC_NIST_P384`
    EccNistP384,
    /// `ECC_NIST_P521`
    EccNistP521,
    /// `ECC_SECG_P256K1`
    #[aws(rename = "ECC_SECG_P256K1")]
    EccSecgP256K1,
    /// `SYMMETRIC_DEFAULT`
    SymmetricDefault,
    /// `HMAC_224`
    #[aws(rename = "HMAC_224")]
    Hmac224,
    /// `HMAC_256`
    #[aws(rename = "HMAC_256")]
    Hmac256,
    /// `HMAC_384`
    #[aws(rename = "HMAC_384")]
    Hmac384,
    /// `HMAC_512`
    #[aws(rename = "HMAC_512")]
    Hmac512,
    /// `SM2`
    Sm2,
    /// `ML_DSA_44`
    #[aws(rename = "ML_DSA_44")]
    MlDsa44,
    /// `ML_DSA_65`
    #[aws(rename = "ML_DSA_65")]
    MlDsa65,
    /// `ML_DSA_87`
    #[aws(rename = "ML_DSA_87")]
    MlDsa87,
    /// `ECC_NIST_EDWARDS25519`
    EccNistEdwards25519,
    /// `ML_KEM_512`
    #[aws(rename = "ML_KEM_512")]
    MlKem512,
    /// `ML_KEM_768`
    #[aws(rename = "ML_KEM_768")]
    MlKem768,
    /// `ML_KEM_1024`
    #[aws(rename = "ML_KEM_1024")]
    MlKem1024,
}

/// The `OriginType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OriginType {
    /// `AWS_KMS`
    AwsKms,
    /// `EXTERNAL`
    External,
    /// `AWS_CLOUDHSM`
    AwsCloudhsm,
    /// `EXTERNAL_KEY_STORE`
    ExternalKeyStore,
}

/// A key-value pair.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tag {
    /// The key of the tag.
    pub tag_key: String,
    /// The value of the tag.
    pub tag_value: String,
}

/// The `CreateKeyResponse` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateKeyResponse {
    /// Metadata associated with the KMS key.
    pub key_metadata: Option<KeyMetadata>,
}

/// Contains metadata about a KMS key.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyMetadata {
    /// The twelve-digit account ID of the Amazon Web Services account that owns the KMS key.
    #[aws(rename = "AWSAccountId")]
    pub aws_account_id: Option<String>,
    /// The globally unique identifier for the KMS key.
    pub key_id: String,
    /// The Amazon Resource Name (ARN) of the KMS key.
    pub arn: Option<String>,
    /// The date and time when the KMS key was created.
    pub creation_date: Option<DateTime>,
    /// Specifies whether the KMS key is enabled.
    pub enabled: Option<bool>,
    /// The description of the KMS key.
    pub description: Option<String>,
    /// The cryptographic operations for which you can use the KMS key.
    pub key_usage: Option<KeyUsageType>,
    /// The current status of the KMS key.
    pub key_state: Option<KeyState>,
    /// The date and time after which KMS deletes this KMS key.
    pub deletion_date: Option<DateTime>,
    /// The earliest time at which any imported key material permanently associated with this KMS key expires.
    pub valid_to: Option<DateTime>,
    /// The source of the key material for the KMS key.
    pub origin: Option<OriginType>,
    /// A unique identifier for the custom key store that contains the KMS key.
    pub custom_key_store_id: Option<String>,
    /// The cluster ID of the CloudHSM cluster that contains the key material for the KMS key.
    pub cloud_hsm_cluster_id: Option<String>,
    /// Specifies whether the KMS key's key material expires.
    pub expiration_model: Option<ExpirationModelType>,
    /// The manager of the KMS key.
    pub key_manager: Option<KeyManagerType>,
    /// Instead, use the KeySpec field.
    pub customer_master_key_spec: Option<CustomerMasterKeySpec>,
    /// Describes the type of key material in the KMS key.
    pub key_spec: Option<KeySpec>,
    /// The encryption algorithms that the KMS key supports.
    pub encryption_algorithms: Option<Vec<EncryptionAlgorithmSpec>>,
    /// The signing algorithms that the KMS key supports.
    pub signing_algorithms: Option<Vec<SigningAlgorithmSpec>>,
    /// The key agreement algorithm used to derive a shared secret.
    pub key_agreement_algorithms: Option<Vec<KeyAgreementAlgorithmSpec>>,
    /// The key encapsulation algorithm that the KMS key supports.
    pub encapsulation_algorithms: Option<Vec<EncapsulationAlgorithmSpec>>,
    /// Indicates whether the KMS key is a multi-Region ( True ) or regional ( False ) key.
    pub multi_region: Option<bool>,
    /// Lists the primary and replica keys in same multi-Region key.
    pub multi_region_configuration: Option<MultiRegionConfiguration>,
    /// The waiting period before the primary key in a multi-Region key is deleted.
    pub pending_deletion_window_in_days: Option<i32>,
    /// The message authentication code (MAC) algorithm that the HMAC KMS key supports.
    pub mac_algorithms: Option<Vec<MacAlgorithmSpec>>,
    /// Information about the external key that is associated with a KMS key in an external key store.
    pub xks_key_configuration: Option<XksKeyConfigurationType>,
    /// Identifies the current key material.
    pub current_key_material_id: Option<String>,
}

/// The `KeyState` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyState {
    /// `Creating`
    #[aws(rename = "Creating")]
    Creating,
    /// `Enabled`
    #[aws(rename = "Enabled")]
    Enabled,
    /// `Disabled`
    #[aws(rename = "Disabled")]
    Disabled,
    /// `PendingDeletion`
    #[aws(rename = "PendingDeletion")]
    PendingDeletion,
    /// `PendingImport`
    #[aws(rename = "PendingImport")]
    PendingImport,
    /// `PendingReplicaDeletion`
    #[aws(rename = "PendingReplicaDeletion")]
    PendingReplicaDeletion,
    /// `Unavailable`
    #[aws(rename = "Unavailable")]
    Unavailable,
    /// `Updating`
    #[aws(rename = "Updating")]
    Updating,
}

/// The `ExpirationModelType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExpirationModelType {
    /// `KEY_MATERIAL_EXPIRES`
    KeyMaterialExpires,
    /// `KEY_MATERIAL_DOES_NOT_EXPIRE`
    KeyMaterialDoesNotExpire,
}

/// The `KeyManagerType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyManagerType {
    /// `AWS`
    Aws,
    /// `CUSTOMER`
    Customer,
}

/// The `EncryptionAlgorithmSpec` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EncryptionAlgorithmSpec {
    /// `SYMMETRIC_DEFAULT`
    SymmetricDefault,
    /// `RSAES_OAEP_SHA_1`
    #[aws(rename = "RSAES_OAEP_SHA_1")]
    RsaesOaepSha1,
    /// `RSAES_OAEP_SHA_256`
    #[aws(rename = "RSAES_OAEP_SHA_256")]
    RsaesOaepSha256,
    /// `SM2PKE`
    #[aws(rename = "SM2PKE")]
    Sm2Pke,
}

/// The `SigningAlgorithmSpec` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SigningAlgorithmSpec {
    /// `RSASSA_PSS_SHA_256`
    #[aws(rename = "RSASSA_PSS_SHA_256")]
    RsassaPssSha256,
    /// `RSASSA_PSS_SHA_384`
    #[aws(rename = "RSASSA_PSS_SHA_384")]
    RsassaPssSha384,
    /// `RSASSA_PSS_SHA_512`
    #[aws(rename = "RSASSA_PSS_SHA_512")]
    RsassaPssSha512,
    /// `RSASSA_PKCS1_V1_5_SHA_256`
    #[aws(rename = "RSASSA_PKCS1_V1_5_SHA_256")]
    RsassaPkcs1V15Sha256,
    /// `RSASSA_PKCS1_V1_5_SHA_384`
    #[aws(rename = "RSASSA_PKCS1_V1_5_SHA_384")]
    RsassaPkcs1V15Sha384,
    /// `RSASSA_PKCS1_V1_5_SHA_512`
    #[aws(rename = "RSASSA_PKCS1_V1_5_SHA_512")]
    RsassaPkcs1V15Sha512,
    /// `ECDSA_SHA_256`
    #[aws(rename = "ECDSA_SHA_256")]
    EcdsaSha256,
    /// `ECDSA_SHA_384`
    #[aws(rename = "ECDSA_SHA_384")]
    EcdsaSha384,
    /// `ECDSA_SHA_512`
    #[aws(rename = "ECDSA_SHA_512")]
    EcdsaSha512,
    /// `SM2DSA`
    #[aws(rename = "SM2DSA")]
    Sm2Dsa,
    /// `ML_DSA_SHAKE_256`
    #[aws(rename = "ML_DSA_SHAKE_256")]
    MlDsaShake256,
    /// `ED25519_SHA_512`
    #[aws(rename = "ED25519_SHA_512")]
    Ed25519Sha512,
    /// `ED25519_PH_SHA_512`
    #[aws(rename = "ED25519_PH_SHA_512")]
    Ed25519PhSha512,
}

/// The `KeyAgreementAlgorithmSpec` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyAgreementAlgorithmSpec {
    /// `ECDH`
    Ecdh,
}

/// The `EncapsulationAlgorithmSpec` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EncapsulationAlgorithmSpec {
    /// `ML_KEM`
    MlKem,
}

/// Describes the configuration of this multi-Region key.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MultiRegionConfiguration {
    /// Indicates whether the KMS key is a PRIMARY or REPLICA key.
    pub multi_region_key_type: Option<MultiRegionKeyType>,
    /// Displays the key ARN and Region of the primary key.
    pub primary_key: Option<MultiRegionKey>,
    /// displays the key ARNs and Regions of all replica keys.
    pub replica_keys: Option<Vec<MultiRegionKey>>,
}

/// The `MultiRegionKeyType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MultiRegionKeyType {
    /// `PRIMARY`
    Primary,
    /// `REPLICA`
    Replica,
}

/// Describes the primary or replica key in a multi-Region key.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MultiRegionKey {
    /// Displays the key ARN of a primary or replica key of a multi-Region key.
    pub arn: Option<String>,
    /// Displays the Amazon Web Services Region of a primary or replica key in a multi-Region key.
    pub region: Option<String>,
}

/// The `MacAlgorithmSpec` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MacAlgorithmSpec {
    /// `HMAC_SHA_224`
    #[aws(rename = "HMAC_SHA_224")]
    HmacSha224,
    /// `HMAC_SHA_256`
    #[aws(rename = "HMAC_SHA_256")]
    HmacSha256,
    /// `HMAC_SHA_384`
    #[aws(rename = "HMAC_SHA_384")]
    HmacSha384,
    /// `HMAC_SHA_512`
    #[aws(rename = "HMAC_SHA_512")]
    HmacSha512,
}

/// Information about the external key that is associated with a KMS key in an external key store.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct XksKeyConfigurationType {
    /// The ID of the external key in its external key manager.
    pub id: Option<String>,
}
