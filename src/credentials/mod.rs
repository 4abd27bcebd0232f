//! Credentials that come from AWS services: assume-role and web identity
//! (STS), IAM Identity Center (the SSO portal and SSO-OIDC).
//!
//! The runtime reads the configuration (environment, shared files) and
//! describes what a profile needs as a
//! [`ProfileChain`](crate::runtime::credentials::ProfileChain); the service
//! calls are declared with awsop's own macros, here in the facade
//! (`awsop::sts`, `awsop::sso`, `awsop::sso_oidc`: features `sts` and `sso`). [`AwsSources`]
//! joins the two: it is the runtime's
//! [`CredentialsSources`], turning each step into a provider that calls the
//! service through a client built from the same configuration (so
//! `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL_SSO`, retry settings and the
//! region all apply).
//!
//! [`install`] makes [`AwsSources`] the process-wide sources. Every
//! operation sent through awsop calls it first (it costs one atomic load
//! after the first time), so `Client::from_env()` resolves assume-role,
//! web identity and SSO profiles with nothing more to do; call it yourself
//! only when you resolve credentials before sending anything (e.g. a
//! [`DefaultCredentialsChain`](crate::runtime::credentials::DefaultCredentialsChain)
//! on its own).
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! // ~/.aws/config:
//! //   [profile dev]
//! //   sso_session = corp
//! //   sso_account_id = 111122223333
//! //   sso_role_name = Developer
//! //   [sso-session corp]
//! //   sso_start_url = https://corp.awsapps.com/start
//! //   sso_region = eu-west-1
//! // AWS_PROFILE=dev, after `aws sso login --profile dev`:
//! let client = awsop::Client::from_env().await?;
//! # drop(client);
//! # Ok(()) }
//! ```

#[cfg(feature = "sts")]
mod assume_role;
#[cfg(feature = "sso")]
mod sso;
#[cfg(feature = "sts")]
mod sts_client;
mod support;
#[cfg(feature = "sts")]
mod web_identity;

use std::sync::Arc;

use awsop_runtime::credentials::{
    AssumeRoleConfig, CredentialsError, CredentialsSources, ProvideCredentials, SourceContext,
    SsoConfig, WebIdentityConfig,
};

#[cfg(feature = "sts")]
pub use assume_role::{AssumeRoleBuilder, AssumeRoleProvider};
#[cfg(feature = "sso")]
pub use sso::{SsoCredentials, SSO_REFRESH_INTERVAL, SSO_REFRESH_WINDOW};
#[cfg(feature = "sts")]
pub use web_identity::WebIdentityCredentials;

/// The facade's [`CredentialsSources`]: STS for assume-role and web
/// identity (feature `sts`), the SSO portal and SSO-OIDC for IAM Identity
/// Center (feature `sso`). A step whose feature is off is a configuration
/// error naming the feature.
///
/// ```
/// use std::sync::Arc;
/// let client = awsop::ClientBuilder::new()
///     .credentials_sources(Arc::new(awsop::credentials::AwsSources))
///     .build()
///     .unwrap();
/// # drop(client);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct AwsSources;

impl CredentialsSources for AwsSources {
    fn assume_role(
        &self,
        role: &AssumeRoleConfig,
        source: Arc<dyn ProvideCredentials>,
        cx: &SourceContext,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        #[cfg(feature = "sts")]
        {
            Ok(Arc::new(AssumeRoleProvider::from_config(role, source, cx)?))
        }
        #[cfg(not(feature = "sts"))]
        {
            let _ = (source, cx);
            Err(feature_off(&role.profile, "assume role (role_arn)", "sts"))
        }
    }

    fn web_identity(
        &self,
        config: &WebIdentityConfig,
        cx: &SourceContext,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        #[cfg(feature = "sts")]
        {
            Ok(Arc::new(WebIdentityCredentials::new(config.clone(), cx)?))
        }
        #[cfg(not(feature = "sts"))]
        {
            let _ = cx;
            let profile = config.profile.as_deref().unwrap_or("(environment)");
            Err(feature_off(profile, "web identity", "sts"))
        }
    }

    fn sso(
        &self,
        config: &SsoConfig,
        cx: &SourceContext,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        #[cfg(feature = "sso")]
        {
            Ok(Arc::new(SsoCredentials::new(config.clone(), cx)?))
        }
        #[cfg(not(feature = "sso"))]
        {
            let _ = cx;
            Err(feature_off(&config.profile, "IAM Identity Center", "sso"))
        }
    }
}

#[allow(dead_code)]
fn feature_off(profile: &str, what: &str, feature: &str) -> CredentialsError {
    CredentialsError::invalid_configuration(format!(
        "profile `{}` uses {what}, which needs awsop's `{feature}` feature",
        awsop_runtime::text::Escaped(profile)
    ))
}

/// Installs [`AwsSources`] as the process-wide sources (see the module
/// docs). Idempotent and cheap; returns whether sources were installed by
/// this call (`false` also when a program installed its own first: those
/// stay).
///
/// ```
/// awsop::credentials::install();
/// assert!(awsop::runtime::credentials::installed_sources().is_some());
/// ```
pub fn install() -> bool {
    if awsop_runtime::credentials::installed_sources().is_some() {
        return false;
    }
    awsop_runtime::credentials::install_sources(Arc::new(AwsSources))
}
