//! STS (awsQuery, `awsop::sts`) through the real `awsop::Client`, against
//! moto with SigV4 checking on: who the caller is, a role assumed, and
//! calls signed with the session's credentials (token included) accepted.

use std::time::{Duration, SystemTime};

use awsop::sts::{AssumeRole, GetCallerIdentity};
use awsop::{Credentials, ErrorKind};
use awsop_moto::iam::{CreateRole, ListUsers, PutRolePolicy};
use awsop_moto::{require_moto, shared_with_sigv4_auth, ACCOUNT_ID};

/// Anyone may assume it (moto matches `*`, not an account's root, to the
/// calling user).
const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#;
const ALLOW_ALL: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

#[tokio::test]
async fn caller_identity_then_a_session_of_an_assumed_role_is_accepted() {
    require_moto!();
    let moto = shared_with_sigv4_auth();
    let client = moto.client().unwrap();

    let me = GetCallerIdentity
        .send(&client)
        .await
        .expect("GetCallerIdentity");
    assert_eq!(me.account.as_deref(), Some(ACCOUNT_ID));
    assert_eq!(me.arn.as_deref(), moto.user_arn());
    assert!(me.user_id.is_some_and(|id| !id.is_empty()));

    let role = CreateRole {
        role_name: "awsop-e2e-role".into(),
        assume_role_policy_document: TRUST.into(),
        max_session_duration: Some(3600),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("CreateRole")
    .role;
    assert_eq!(
        role.arn,
        format!("arn:aws:iam::{ACCOUNT_ID}:role/awsop-e2e-role")
    );
    // IAM answers policy documents percent-encoded (RFC 3986, as the
    // model's documentation says); botocore decodes them in a handler of
    // its own (`json_decode_policies`), awsop hands over what was sent.
    let document = role.assume_role_policy_document.unwrap_or_default();
    assert!(
        document.starts_with("%7B%22Version%22%3A%222012-10-17%22"),
        "{document}"
    );
    PutRolePolicy {
        role_name: "awsop-e2e-role".into(),
        policy_name: "everything".into(),
        policy_document: ALLOW_ALL.into(),
    }
    .send(&client)
    .await
    .expect("PutRolePolicy");

    let assumed = AssumeRole {
        role_arn: role.arn.clone(),
        role_session_name: "awsop-session".into(),
        duration_seconds: Some(900),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("AssumeRole");
    let session_arn =
        format!("arn:aws:sts::{ACCOUNT_ID}:assumed-role/awsop-e2e-role/awsop-session");
    let user = assumed.assumed_role_user.expect("the assumed role user");
    assert_eq!(user.arn, session_arn);
    assert!(
        user.assumed_role_id.ends_with(":awsop-session"),
        "{}",
        user.assumed_role_id
    );
    let keys = assumed.credentials.expect("credentials");
    assert!(
        keys.access_key_id.starts_with("ASIA"),
        "{}",
        keys.access_key_id
    );
    assert!(!keys.session_token.is_empty());
    let expires = keys.expiration.to_system_time().expect("an expiry");
    let left = expires
        .duration_since(SystemTime::now())
        .expect("in the future");
    assert!(
        left <= Duration::from_secs(900) && left > Duration::from_secs(800),
        "{left:?}"
    );
    let debug = format!("{keys:?}");
    assert!(!debug.contains(&keys.secret_access_key) && !debug.contains(&keys.session_token));

    // Signed with the session (x-amz-security-token sent and signed):
    // STS knows it as the role, IAM serves it.
    let session = moto
        .client_with(Credentials::new(
            keys.access_key_id.clone(),
            keys.secret_access_key.clone(),
            Some(keys.session_token.clone()),
            None,
            "assumed",
        ))
        .unwrap();
    let them = GetCallerIdentity
        .send(&session)
        .await
        .expect("GetCallerIdentity as the role");
    assert_eq!(them.arn.as_deref(), Some(session_arn.as_str()));
    ListUsers::default()
        .send(&session)
        .await
        .expect("ListUsers as the role");

    // The session's key with another secret is refused.
    let forged = moto
        .client_with(Credentials::new(
            keys.access_key_id,
            "forged",
            Some(keys.session_token),
            None,
            "forged",
        ))
        .unwrap();
    let err = GetCallerIdentity
        .send(&forged)
        .await
        .expect_err("a forged signature");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.status(), Some(403));
    assert_eq!(err.code(), Some("SignatureDoesNotMatch"), "{err}");
}
