//! AWS IAM Identity Center OIDC (SSO-OIDC): `CreateToken`, which with
//! `grant_type = "refresh_token"` renews the access token `aws sso login`
//! cached. What `sso_session` profiles use to refresh
//! ([`crate::credentials::SsoCredentials`]).
//!
//! The call is not signed (it carries the client's secret and the refresh
//! token), so the client must be built
//! [`unsigned`](crate::ClientBuilder::unsigned). The service lives at
//! `https://oidc.{region}.amazonaws.com` (`AWS_ENDPOINT_URL_SSO_OIDC`
//! points it elsewhere).
//!
//! ```no_run
//! use awsop::sso_oidc::CreateToken;
//! # async fn demo(client_id: String, client_secret: String, refresh_token: String) -> Result<(), Box<dyn std::error::Error>> {
//! let client = awsop::Client::builder().region("eu-west-1").unsigned().build()?;
//! let token = CreateToken {
//!     client_id,
//!     client_secret,
//!     grant_type: "refresh_token".into(),
//!     refresh_token: Some(refresh_token),
//!     ..Default::default()
//! }
//! .send(&client)
//! .await?;
//! println!("valid for {:?} s", token.expires_in);
//! # Ok(()) }
//! ```

use crate::{aws_operation, aws_shape};

/// Creates (here: refreshes) an access token (`POST /token`).
///
/// Fails with an [`SsoOidcError`]: `InvalidGrantException` when the
/// refresh token is no longer valid, `InvalidClientException` when the
/// client registration expired, `InternalServerException` (500, retried).
#[aws_operation(
    service = "sso-oauth",
    service_id = "SSO OIDC",
    endpoint = "https://oidc.{region}.amazonaws.com",
    method = "POST",
    uri = "/token",
    output = CreateTokenOutput,
    error = SsoOidcError,
    crate = "crate",
)]
#[derive(Clone, Default)]
pub struct CreateToken {
    /// The registered client's id (`clientId` of the token cache).
    pub client_id: String,
    /// The registered client's secret; never shown by `Debug`.
    #[aws(sensitive)]
    pub client_secret: String,
    /// `refresh_token` to refresh (also `authorization_code`,
    /// `urn:ietf:params:oauth:grant-type:device_code`).
    pub grant_type: String,
    /// The device code, for the device grant.
    pub device_code: Option<String>,
    /// The authorization code, for the authorization-code grant.
    pub code: Option<String>,
    /// The refresh token, for `refresh_token`; never shown by `Debug`.
    #[aws(sensitive)]
    pub refresh_token: Option<String>,
    /// The scopes asked for.
    pub scope: Option<Vec<String>>,
    /// The redirect URI of the authorization-code grant.
    pub redirect_uri: Option<String>,
    /// The PKCE verifier of the authorization-code grant.
    #[aws(sensitive)]
    pub code_verifier: Option<String>,
}

/// What [`CreateToken`] returns. `Debug` never shows the tokens.
#[aws_shape(crate = "crate")]
#[derive(Clone, Default, PartialEq)]
pub struct CreateTokenOutput {
    /// The new access token.
    #[aws(sensitive)]
    pub access_token: Option<String>,
    /// `Bearer`.
    pub token_type: Option<String>,
    /// Seconds until the access token expires.
    pub expires_in: Option<i32>,
    /// A new refresh token, when the service rotates it.
    #[aws(sensitive)]
    pub refresh_token: Option<String>,
    /// An OpenID Connect ID token, for some grants.
    #[aws(sensitive)]
    pub id_token: Option<String>,
}

/// The errors of SSO-OIDC `CreateToken`. Their bodies are OAuth-style:
/// `error` and `error_description`.
#[aws_shape(errors, crate = "crate")]
#[derive(Debug, Clone, PartialEq)]
pub enum SsoOidcError {
    /// HTTP 400: access denied.
    AccessDeniedException(OidcException),
    /// HTTP 400: the user has not yet approved the device.
    AuthorizationPendingException(OidcException),
    /// HTTP 400: the token or code expired.
    ExpiredTokenException(OidcException),
    /// HTTP 500: the service failed. Retried.
    #[aws(retryable)]
    InternalServerException(OidcException),
    /// HTTP 401: the client is not valid (e.g. its registration expired).
    InvalidClientException(OidcException),
    /// HTTP 400: the grant (the refresh token) is not valid.
    InvalidGrantException(OidcException),
    /// HTTP 400: a parameter is not valid.
    InvalidRequestException(OidcException),
    /// HTTP 400: a scope is not valid.
    InvalidScopeException(OidcException),
    /// HTTP 400: polling too fast. Retried.
    #[aws(throttling)]
    SlowDownException(OidcException),
    /// HTTP 400: the client may not use this grant.
    UnauthorizedClientException(OidcException),
    /// HTTP 400: the grant type is not supported.
    UnsupportedGrantTypeException(OidcException),
}

/// The body of every SSO-OIDC error.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OidcException {
    /// The OAuth error code (`invalid_grant`).
    pub error: Option<String>,
    /// The explanation.
    #[aws(rename = "error_description")]
    pub error_description: Option<String>,
}
