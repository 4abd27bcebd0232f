//! What `Encrypt` and `Decrypt` return, and the shapes they take.

use super::*;

/// The `EncryptResponse` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EncryptResponse {
    /// The encrypted plaintext.
    pub ciphertext_blob: Option<Blob>,
    /// The Amazon Resource Name ( key ARN ) of the KMS key that was used to encrypt the plaintext.
    pub key_id: Option<String>,
    /// The encryption algorithm that was used to encrypt the plaintext.
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
}

/// Contains information about the party that receives the response from the API operation.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecipientInfo {
    /// The encryption algorithm that KMS should use with the public key for an Amazon Web Services Nitro Enclave or NitroTPM to encrypt plaintext values for the response.
    pub key_encryption_algorithm: Option<KeyEncryptionMechanism>,
    /// The attestation document for an Amazon Web Services Nitro Enclave or a NitroTPM.
    pub attestation_document: Option<Blob>,
}

/// The `KeyEncryptionMechanism` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyEncryptionMechanism {
    /// `RSAES_OAEP_SHA_256`
    #[aws(rename = "RSAES_OAEP_SHA_256")]
    RsaesOaepSha256,
}

/// The `DryRunModifierType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DryRunModifierType {
    /// `IGNORE_CIPHERTEXT`
    IgnoreCiphertext,
}

/// The `DecryptResponse` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Clone, Default, PartialEq)]
pub struct DecryptResponse {
    /// The Amazon Resource Name ( key ARN ) of the KMS key that was used to decrypt the ciphertext.
    pub key_id: Option<String>,
    /// Decrypted plaintext data.
    #[aws(sensitive)]
    pub plaintext: Option<Blob>,
    /// The encryption algorithm that was used to decrypt the ciphertext.
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// The plaintext data encrypted with the public key from the attestation document.
    pub ciphertext_for_recipient: Option<Blob>,
    /// The identifier of the key material used to decrypt the ciphertext.
    pub key_material_id: Option<String>,
}
