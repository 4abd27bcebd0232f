//! KMS and Secrets Manager (awsJson1_1) through the real `awsop::Client`,
//! against moto with SigV4 checking on: a key created, bytes that are not
//! UTF-8 encrypted and decrypted (base64 blobs both ways), a wrong
//! encryption context refused with its typed error; a secret created
//! (its version id the autofilled idempotency token) and read back.

use std::collections::HashMap;

use awsop::{Blob, DateTime, ErrorKind};
use awsop_moto::kms::*;
use awsop_moto::secretsmanager::{
    CreateSecret, GetSecretValue, GetSecretValueError, Tag as SecretTag,
};
use awsop_moto::{require_moto, shared_with_sigv4_auth, ACCOUNT_ID, REGION};

/// Within the hour around now: a timestamp read as epoch seconds.
fn recent(t: &DateTime) -> bool {
    (t.as_secs_f64() - DateTime::now().as_secs_f64()).abs() < 3600.0
}

#[tokio::test]
async fn a_key_encrypts_and_decrypts_bytes() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    let key = CreateKey {
        description: Some("awsop end to end".into()),
        key_usage: Some(KeyUsageType::EncryptDecrypt),
        tags: Some(vec![Tag {
            tag_key: "team".into(),
            tag_value: "awsop".into(),
        }]),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("CreateKey")
    .key_metadata
    .expect("key metadata");
    assert_eq!(key.aws_account_id.as_deref(), Some(ACCOUNT_ID));
    assert_eq!(
        key.arn.as_deref(),
        Some(format!("arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/{}", key.key_id).as_str())
    );
    assert_eq!(key.key_state, Some(KeyState::Enabled));
    assert_eq!(key.key_usage, Some(KeyUsageType::EncryptDecrypt));
    assert_eq!(key.description.as_deref(), Some("awsop end to end"));
    assert!(
        key.creation_date.as_ref().is_some_and(recent),
        "{:?}",
        key.creation_date
    );

    let plaintext: Vec<u8> = (0..=255u8).rev().collect();
    let context = HashMap::from([("purpose".to_string(), "test".to_string())]);
    let sealed = Encrypt {
        key_id: key.key_id.clone(),
        plaintext: Blob::new(plaintext.clone()),
        encryption_context: Some(context.clone()),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("Encrypt");
    let ciphertext = sealed.ciphertext_blob.expect("a ciphertext");
    assert!(
        ciphertext.len() > plaintext.len(),
        "{} bytes",
        ciphertext.len()
    );
    assert_ne!(ciphertext.as_bytes()[..plaintext.len()], plaintext[..]);
    assert_eq!(sealed.key_id, key.arn);

    let opened = Decrypt {
        ciphertext_blob: Some(ciphertext.clone()),
        encryption_context: Some(context),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("Decrypt");
    assert_eq!(
        opened.plaintext.as_ref().map(Blob::as_bytes),
        Some(&plaintext[..])
    );
    assert_eq!(opened.key_id, key.arn);
    // The plaintext is sensitive: Debug redacts the whole field. (A search
    // for a digit run would also match the random key id.)
    let debug = format!("{opened:?}");
    assert!(
        debug.contains("plaintext: *** Sensitive Data Redacted ***"),
        "Debug shows the plaintext: {debug}"
    );

    // The context is authenticated: another one does not decrypt.
    let err = Decrypt {
        ciphertext_blob: Some(ciphertext),
        encryption_context: Some(HashMap::from([("purpose".into(), "other".into())])),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect_err("a wrong encryption context");
    println!("Decrypt, wrong context: {err}");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.code(), Some("InvalidCiphertextException"));
    assert!(
        matches!(
            err.service_error(),
            Some(DecryptError::InvalidCiphertextException(_))
        ),
        "{err}"
    );
}

#[tokio::test]
async fn a_secret_is_stored_and_read_back() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    let created = CreateSecret {
        name: "awsop/db-password".into(),
        secret_string: Some("s3cr3t \"quoted\" ✓".into()),
        tags: Some(vec![SecretTag {
            key: Some("team".into()),
            value: Some("awsop".into()),
        }]),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("CreateSecret");
    // Secrets Manager makes the request token the version id: the
    // autofilled token (a UUID v4) made the round trip.
    let version = created.version_id.expect("a version id");
    assert_eq!(version.len(), 36, "{version}");
    assert_eq!(&version[14..15], "4", "a UUID v4: {version}");
    let arn = created.arn.expect("an ARN");
    assert!(
        arn.starts_with(&format!(
            "arn:aws:secretsmanager:{REGION}:{ACCOUNT_ID}:secret:awsop/db-password-"
        )),
        "{arn}"
    );

    let value = GetSecretValue {
        secret_id: "awsop/db-password".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("GetSecretValue");
    assert_eq!(value.secret_string.as_deref(), Some("s3cr3t \"quoted\" ✓"));
    assert_eq!(value.version_id.as_deref(), Some(version.as_str()));
    assert_eq!(value.version_stages, Some(vec!["AWSCURRENT".to_string()]));
    assert_eq!(value.arn.as_deref(), Some(arn.as_str()));
    assert!(value.created_date.as_ref().is_some_and(recent));
    assert!(!format!("{value:?}").contains("s3cr3t"));

    // A binary secret: base64 both ways.
    let bytes = vec![0u8, 0x80, 0xff, b'\n'];
    CreateSecret {
        name: "awsop/binary".into(),
        secret_binary: Some(Blob::new(bytes.clone())),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("CreateSecret, binary");
    let value = GetSecretValue {
        secret_id: "awsop/binary".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("GetSecretValue, binary");
    assert_eq!(value.secret_binary.map(Blob::into_inner), Some(bytes));

    let err = GetSecretValue {
        secret_id: "awsop/missing".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect_err("no such secret");
    assert!(
        matches!(
            err.service_error(),
            Some(GetSecretValueError::ResourceNotFoundException(_))
        ),
        "{err}"
    );
}
