//! AWS Security Token Service (STS): `AssumeRole`,
//! `AssumeRoleWithWebIdentity` and `GetCallerIdentity`, the three calls
//! awsop's assume-role and web identity credentials need
//! ([`crate::credentials::AssumeRoleProvider`],
//! [`crate::credentials::WebIdentityCredentials`]).
//!
//! STS speaks awsQuery (form-encoded requests, XML answers) and lives at
//! `https://sts.{region}.amazonaws.com` (`AWS_ENDPOINT_URL_STS` points it
//! elsewhere). `AssumeRoleWithWebIdentity` is not signed: the client must
//! be built [`unsigned`](crate::ClientBuilder::unsigned).
//!
//! ```no_run
//! use awsop::sts::GetCallerIdentity;
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let client = awsop::Client::from_env().await?;
//! let me = GetCallerIdentity.send(&client).await?;
//! println!("{:?} in account {:?}", me.arn, me.account);
//! # Ok(()) }
//! ```

use crate::{aws_operation, aws_shape, DateTime};

/// Returns temporary credentials of a role (`AssumeRole`), signed with the
/// caller's credentials.
///
/// Fails with an [`StsError`]: `MalformedPolicyDocument`,
/// `PackedPolicyTooLarge`, `RegionDisabledException`,
/// `ExpiredTokenException`; `AccessDenied` (unhandled) when the caller may
/// not assume the role.
#[aws_operation(
    service = "sts",
    service_id = "STS",
    protocol = "awsQuery",
    api_version = "2011-06-15",
    method = "POST",
    uri = "/",
    output = AssumeRoleOutput,
    error = StsError,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Clone, Default)]
pub struct AssumeRole {
    /// The role's ARN.
    pub role_arn: String,
    /// The session's name (2–64 of `[\w+=,.@-]`), shown in CloudTrail.
    pub role_session_name: String,
    /// Managed policies that further limit the session.
    pub policy_arns: Option<Vec<PolicyDescriptorType>>,
    /// An inline policy that further limits the session (JSON).
    pub policy: Option<String>,
    /// The session's length, 900 seconds up to the role's maximum.
    pub duration_seconds: Option<i32>,
    /// Session tags.
    pub tags: Option<Vec<Tag>>,
    /// Tags passed on to roles assumed from this session.
    pub transitive_tag_keys: Option<Vec<String>>,
    /// The external id the role's trust policy asks for.
    pub external_id: Option<String>,
    /// The MFA device (ARN or serial number) the code is from.
    pub serial_number: Option<String>,
    /// The MFA device's current code; never shown by `Debug`.
    #[aws(sensitive)]
    pub token_code: Option<String>,
    /// The source identity set on the session.
    pub source_identity: Option<String>,
}

/// What [`AssumeRole`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssumeRoleOutput {
    /// The session's credentials.
    pub credentials: Option<StsCredentials>,
    /// Who the session is.
    pub assumed_role_user: Option<AssumedRoleUser>,
    /// How full the packed session policies are, in percent.
    pub packed_policy_size: Option<i32>,
    /// The session's source identity.
    pub source_identity: Option<String>,
}

/// Returns temporary credentials of a role for an OpenID Connect token
/// (`AssumeRoleWithWebIdentity`): EKS service accounts, GitHub Actions.
/// Not signed.
#[aws_operation(
    service = "sts",
    service_id = "STS",
    protocol = "awsQuery",
    api_version = "2011-06-15",
    method = "POST",
    uri = "/",
    output = AssumeRoleWithWebIdentityOutput,
    error = StsError,
    rename_all = "PascalCase",
    crate = "crate",
)]
#[derive(Clone, Default)]
pub struct AssumeRoleWithWebIdentity {
    /// The role's ARN.
    pub role_arn: String,
    /// The session's name.
    pub role_session_name: String,
    /// The identity provider's token (a JWT); never shown by `Debug`.
    #[aws(sensitive)]
    pub web_identity_token: String,
    /// For OAuth 2.0 providers only (`www.amazon.com`, `graph.facebook.com`).
    pub provider_id: Option<String>,
    /// Managed policies that further limit the session.
    pub policy_arns: Option<Vec<PolicyDescriptorType>>,
    /// An inline policy that further limits the session (JSON).
    pub policy: Option<String>,
    /// The session's length.
    pub duration_seconds: Option<i32>,
}

/// What [`AssumeRoleWithWebIdentity`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssumeRoleWithWebIdentityOutput {
    /// The session's credentials.
    pub credentials: Option<StsCredentials>,
    /// The token's subject.
    pub subject_from_web_identity_token: Option<String>,
    /// Who the session is.
    pub assumed_role_user: Option<AssumedRoleUser>,
    /// How full the packed session policies are, in percent.
    pub packed_policy_size: Option<i32>,
    /// The token's issuer.
    pub provider: Option<String>,
    /// The token's audience.
    pub audience: Option<String>,
    /// The session's source identity.
    pub source_identity: Option<String>,
}

/// Says who the caller is (`GetCallerIdentity`); needs no permission.
#[aws_operation(
    service = "sts",
    service_id = "STS",
    protocol = "awsQuery",
    api_version = "2011-06-15",
    method = "POST",
    uri = "/",
    output = GetCallerIdentityOutput,
    error = StsError,
    crate = "crate",
)]
#[derive(Debug, Clone, Copy, Default)]
pub struct GetCallerIdentity;

/// What [`GetCallerIdentity`] returns.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GetCallerIdentityOutput {
    /// The caller's unique id (`AROA...:session` for a role session).
    pub user_id: Option<String>,
    /// The account.
    pub account: Option<String>,
    /// The caller's ARN (`arn:aws:sts::<account>:assumed-role/<role>/<session>`).
    pub arn: Option<String>,
}

/// Temporary credentials. `Debug` never shows the secret key or the token.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Clone, Default, PartialEq)]
pub struct StsCredentials {
    /// The access key id.
    pub access_key_id: String,
    /// The secret access key.
    #[aws(sensitive)]
    pub secret_access_key: String,
    /// The session token.
    #[aws(sensitive)]
    pub session_token: String,
    /// When they expire.
    pub expiration: DateTime,
}

/// The session's identity.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssumedRoleUser {
    /// `AROA...:session`.
    pub assumed_role_id: String,
    /// `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
    pub arn: String,
}

/// A managed policy's ARN.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyDescriptorType {
    /// The policy's ARN.
    pub arn: Option<String>,
}

/// A session tag.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tag {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

/// The errors STS models for these calls. Throttling (`Throttling`, 400)
/// and server errors (500, 503) are retried by the client's policy; an
/// `AccessDenied` is `Unhandled`, with its code and message in the
/// surrounding [`Error`](crate::Error).
#[aws_shape(errors, crate = "crate")]
#[derive(Debug, Clone, PartialEq)]
pub enum StsError {
    /// The session's credentials (the caller's, for `AssumeRole`) expired.
    #[aws(rename = "ExpiredTokenException")]
    ExpiredTokenException(StsException),
    /// The identity provider could not be reached. Retried.
    #[aws(rename = "IDPCommunicationError", retryable)]
    IdpCommunicationError(StsException),
    /// The identity provider refused the token.
    #[aws(rename = "IDPRejectedClaim")]
    IdpRejectedClaim(StsException),
    /// The web identity token is not valid (signature, issuer, audience).
    #[aws(rename = "InvalidIdentityToken")]
    InvalidIdentityToken(StsException),
    /// The policy is not valid.
    #[aws(rename = "MalformedPolicyDocument")]
    MalformedPolicyDocument(StsException),
    /// The session policies and tags are too large.
    #[aws(rename = "PackedPolicyTooLarge")]
    PackedPolicyTooLarge(StsException),
    /// STS is not activated in the region.
    #[aws(rename = "RegionDisabledException")]
    RegionDisabledException(StsException),
}

/// The body of an STS error.
#[aws_shape(rename_all = "PascalCase", crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StsException {
    /// STS's explanation.
    pub message: Option<String>,
}
