//! AWS IAM Identity Center's portal (the SSO service): `GetRoleCredentials`,
//! which exchanges an IAM Identity Center access token for the credentials
//! of a role in an account. What `sso_session` profiles use
//! ([`crate::credentials::SsoCredentials`]).
//!
//! The call is not signed: the access token travels in the
//! `x-amz-sso_bearer_token` header, so the client must be built
//! [`unsigned`](crate::ClientBuilder::unsigned). The portal lives at
//! `https://portal.sso.{region}.amazonaws.com` (`AWS_ENDPOINT_URL_SSO`
//! points it elsewhere).
//!
//! ```no_run
//! use awsop::sso::GetRoleCredentials;
//! # async fn demo(access_token: String) -> Result<(), Box<dyn std::error::Error>> {
//! let client = awsop::Client::builder().region("eu-west-1").unsigned().build()?;
//! let out = GetRoleCredentials {
//!     role_name: "Developer".into(),
//!     account_id: "111122223333".into(),
//!     access_token,
//! }
//! .send(&client)
//! .await?;
//! println!("{:?}", out.role_credentials.and_then(|c| c.expiration));
//! # Ok(()) }
//! ```

use crate::{aws_operation, aws_shape};

/// Exchanges an access token for a role's short-term credentials
/// (`GET /federation/credentials`).
///
/// Fails with an [`SsoError`]: `UnauthorizedException` (401) when the
/// token is expired or revoked, `ResourceNotFoundException` (404) when the
/// role is not assigned to the user, `TooManyRequestsException` (429,
/// retried).
#[aws_operation(
    service = "awsssoportal",
    service_id = "SSO",
    endpoint = "https://portal.sso.{region}.amazonaws.com",
    method = "GET",
    uri = "/federation/credentials",
    output = GetRoleCredentialsOutput,
    error = SsoError,
    crate = "crate",
)]
#[derive(Clone, Default)]
pub struct GetRoleCredentials {
    /// The role's name (the profile's `sso_role_name`). Sent as `role_name`.
    #[aws(query = "role_name")]
    pub role_name: String,
    /// The account's id (the profile's `sso_account_id`). Sent as `account_id`.
    #[aws(query = "account_id")]
    pub account_id: String,
    /// The access token from the token cache. Sent as the
    /// `x-amz-sso_bearer_token` header; never shown by `Debug`.
    #[aws(header = "x-amz-sso_bearer_token", sensitive)]
    pub access_token: String,
}

/// What [`GetRoleCredentials`] returns.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetRoleCredentialsOutput {
    /// The credentials.
    pub role_credentials: Option<RoleCredentials>,
}

/// A role's short-term credentials. `Debug` never shows the secret key or
/// the session token.
#[aws_shape(crate = "crate")]
#[derive(Clone, Default, PartialEq)]
pub struct RoleCredentials {
    /// The access key id.
    pub access_key_id: Option<String>,
    /// The secret access key.
    #[aws(sensitive)]
    pub secret_access_key: Option<String>,
    /// The session token.
    #[aws(sensitive)]
    pub session_token: Option<String>,
    /// When they expire, in milliseconds since the Unix epoch.
    pub expiration: Option<i64>,
}

/// The errors of the SSO portal.
///
/// ```
/// use awsop::sso::{SsoError, UnauthorizedException};
/// let err = SsoError::UnauthorizedException(UnauthorizedException { message: Some("expired".into()) });
/// assert!(matches!(err, SsoError::UnauthorizedException(_)));
/// ```
#[aws_shape(errors, crate = "crate")]
#[derive(Debug, Clone, PartialEq)]
pub enum SsoError {
    /// HTTP 400: a parameter is invalid.
    InvalidRequestException(InvalidRequestException),
    /// HTTP 404: the role is not assigned, or the account does not exist.
    ResourceNotFoundException(ResourceNotFoundException),
    /// HTTP 429: too many requests. Retried.
    #[aws(throttling)]
    TooManyRequestsException(TooManyRequestsException),
    /// HTTP 401: the access token is expired or not valid.
    UnauthorizedException(UnauthorizedException),
}

/// The body of an `InvalidRequestException`.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvalidRequestException {
    /// The service's explanation.
    pub message: Option<String>,
}

/// The body of a `ResourceNotFoundException`.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResourceNotFoundException {
    /// The service's explanation.
    pub message: Option<String>,
}

/// The body of a `TooManyRequestsException`.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TooManyRequestsException {
    /// The service's explanation.
    pub message: Option<String>,
}

/// The body of an `UnauthorizedException`.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnauthorizedException {
    /// The service's explanation.
    pub message: Option<String>,
}
