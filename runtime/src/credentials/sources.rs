//! The seam between the runtime's credentials chain and the AWS services
//! some credentials come from (STS, IAM Identity Center).
//!
//! # Why a seam
//!
//! Assume-role and web identity call STS; SSO calls the SSO portal and
//! SSO-OIDC. Those calls are declared with awsop's own macros, so they live
//! in the `awsop` facade (`awsop::sts`, `awsop::sso`, `awsop::sso_oidc`),
//! and the runtime knows nothing of services or macros. So the work is
//! split in two:
//!
//! - The runtime reads the configuration and says *what* to do: a
//!   [`ProfileChain`] (a base source and the roles on top of it), or a
//!   [`WebIdentityConfig`] from the environment. Everything that needs no
//!   service (static keys, `credential_process`, `credential_source =
//!   Environment | Ec2InstanceMetadata | EcsContainer`) it builds itself.
//! - A [`CredentialsSources`] (the facade's `awsop::credentials::AwsSources`)
//!   turns the steps that need a service into providers, using clients made
//!   from the same configuration ([`SourceContext::client_builder`]: the
//!   same environment, profile, region and endpoint overrides such as
//!   `AWS_ENDPOINT_URL_STS`).
//!
//! A builder or provider takes its sources explicitly
//! ([`ClientBuilder::credentials_sources`](crate::ClientBuilder::credentials_sources),
//! [`ProfileCredentials::with_sources`](super::ProfileCredentials::with_sources)),
//! else the process-wide ones [`install_sources`] set. The facade installs
//! its sources before any of its operations is sent, so
//! `awsop::Client::from_env()` assumes roles with nothing more to do; a
//! program using the runtime alone gets a clear error naming what is
//! missing.

use std::fmt;
use std::sync::{Arc, OnceLock};

use super::{AssumeRoleConfig, CredentialsError, ProvideCredentials, SsoConfig, WebIdentityConfig};
use crate::env::Env;
use crate::profile::ProfileSet;
use crate::region::Region;
use crate::text::Escaped;
use crate::time::{SystemClock, TimeSource};
use crate::BoxFuture;

/// Turns the steps of a credentials chain that call an AWS service into
/// providers. Implemented by the `awsop` facade; tests implement it with
/// stand-ins.
///
/// Each method returns a provider that caches its credentials and
/// refreshes them ahead of expiry (one refresh for all concurrent callers),
/// so that a role in the middle of a chain is not assumed again for every
/// refresh of the role above it.
///
/// ```
/// use std::sync::Arc;
/// use awsop_runtime::credentials::*;
/// use awsop_runtime::Credentials;
///
/// /// Pretends every role is granted with fixed keys.
/// #[derive(Debug)]
/// struct Pretend;
///
/// impl CredentialsSources for Pretend {
///     fn assume_role(&self, _role: &AssumeRoleConfig, _source: Arc<dyn ProvideCredentials>, _cx: &SourceContext)
///         -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
///         Ok(Arc::new(Credentials::new("ROLE", "SECRET", Some("TOKEN".into()), None, "pretend")))
///     }
///     fn web_identity(&self, _config: &WebIdentityConfig, _cx: &SourceContext)
///         -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
///         Err(CredentialsError::invalid_configuration("no web identity here"))
///     }
///     fn sso(&self, _config: &SsoConfig, _cx: &SourceContext)
///         -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
///         Err(CredentialsError::invalid_configuration("no SSO here"))
///     }
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let set = awsop_runtime::profile::ProfileSet::parse(
///     "[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Dev\ncredential_source = Environment\n", "", "dev").unwrap();
/// let provider = ProfileCredentials::from_profile_set(set).with_sources(Arc::new(Pretend));
/// assert_eq!(provider.provide_credentials().await.unwrap().access_key_id(), "ROLE");
/// # });
/// ```
pub trait CredentialsSources: Send + Sync + fmt::Debug {
    /// A provider of `role`'s credentials, assumed with `source`'s.
    fn assume_role(
        &self,
        role: &AssumeRoleConfig,
        source: Arc<dyn ProvideCredentials>,
        cx: &SourceContext,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError>;

    /// A provider of credentials for a web identity token (unsigned
    /// `AssumeRoleWithWebIdentity`, the token file read at every refresh).
    fn web_identity(
        &self,
        config: &WebIdentityConfig,
        cx: &SourceContext,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError>;

    /// A provider of IAM Identity Center role credentials (the cached SSO
    /// token, refreshed through SSO-OIDC, exchanged by `GetRoleCredentials`).
    fn sso(
        &self,
        config: &SsoConfig,
        cx: &SourceContext,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError>;
}

/// Supplies the code of an MFA device when a role with `mfa_serial` is
/// assumed: a prompt, a TOTP generator, a hardware key's helper.
///
/// Any `Fn(&str) -> BoxFuture<Result<String, CredentialsError>>` is one.
///
/// ```
/// use std::sync::Arc;
/// use awsop_runtime::credentials::ProvideMfaToken;
/// let codes: Arc<dyn ProvideMfaToken> = Arc::new(|serial: &str| {
///     let serial = serial.to_owned();
///     Box::pin(async move {
///         assert!(serial.starts_with("arn:aws:iam::"));
///         Ok("123456".to_owned())
///     }) as awsop_runtime::BoxFuture<'static, _>
/// });
/// # drop(codes);
/// ```
pub trait ProvideMfaToken: Send + Sync {
    /// The current code of the device `serial` (its ARN or serial number).
    fn mfa_token(&self, serial: &str) -> BoxFuture<'static, Result<String, CredentialsError>>;
}

impl<F> ProvideMfaToken for F
where
    F: Fn(&str) -> BoxFuture<'static, Result<String, CredentialsError>> + Send + Sync,
{
    fn mfa_token(&self, serial: &str) -> BoxFuture<'static, Result<String, CredentialsError>> {
        self(serial)
    }
}

/// What a [`CredentialsSources`] builds its clients from: the environment
/// and shared files the chain was read from, the region, the MFA callback
/// and the clock.
///
/// ```
/// use awsop_runtime::credentials::SourceContext;
/// use awsop_runtime::env::Env;
/// let cx = SourceContext::new(Env::from_pairs([("AWS_REGION", "eu-west-1")]), None);
/// assert_eq!(cx.region().map(|r| r.as_str()), Some("eu-west-1"));
/// let client = cx.client_builder().unwrap().build().unwrap();
/// assert_eq!(client.region().unwrap().as_str(), "eu-west-1");
/// ```
#[derive(Clone)]
pub struct SourceContext {
    env: Env,
    profile: Option<Arc<ProfileSet>>,
    region: Option<Region>,
    mfa: Option<Arc<dyn ProvideMfaToken>>,
    time: Arc<dyn TimeSource>,
}

impl SourceContext {
    /// A context over `env` and the shared files already loaded from it
    /// (`None`: no profile settings apply). The region is `env`'s
    /// `AWS_REGION` / `AWS_DEFAULT_REGION`, else the profile's `region`; an
    /// invalid one is ignored here (the client reports it).
    pub fn new(env: Env, profile: Option<Arc<ProfileSet>>) -> Self {
        let region = crate::region::region_from_env(&env, profile.as_deref())
            .ok()
            .flatten();
        SourceContext {
            env,
            profile,
            region,
            mfa: None,
            time: Arc::new(SystemClock),
        }
    }

    /// The MFA callback roles with `mfa_serial` use.
    pub fn with_mfa(mut self, mfa: Option<Arc<dyn ProvideMfaToken>>) -> Self {
        self.mfa = mfa;
        self
    }

    /// The clock expiry decisions use (tests move it).
    pub fn with_time_source(mut self, time: Arc<dyn TimeSource>) -> Self {
        self.time = time;
        self
    }

    /// The environment.
    pub fn env(&self) -> &Env {
        &self.env
    }

    /// The shared config files, if loaded.
    pub fn profile_set(&self) -> Option<&Arc<ProfileSet>> {
        self.profile.as_ref()
    }

    /// The configured region, if any.
    pub fn region(&self) -> Option<&Region> {
        self.region.as_ref()
    }

    /// The MFA callback, if one was given in code.
    pub fn mfa(&self) -> Option<&Arc<dyn ProvideMfaToken>> {
        self.mfa.as_ref()
    }

    /// The clock.
    pub fn time_source(&self) -> &Arc<dyn TimeSource> {
        &self.time
    }

    /// A client builder with this context's environment and profile
    /// (region, retry settings, endpoint overrides such as
    /// `AWS_ENDPOINT_URL_STS`) and no credentials: what credentials
    /// providers call services through.
    pub fn client_builder(&self) -> Result<crate::ClientBuilder, crate::client::ConfigError> {
        let profile = self
            .profile
            .clone()
            .unwrap_or_else(|| Arc::new(ProfileSet::empty(crate::profile::DEFAULT_PROFILE)));
        crate::ClientBuilder::from_profile_set(self.env.clone(), profile)
            .map(|builder| builder.shared_time_source(Arc::clone(&self.time)))
    }
}

impl fmt::Debug for SourceContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SourceContext")
            .field("region", &self.region)
            .field(
                "profile",
                &self.profile.as_ref().map(|p| p.profile_name().to_owned()),
            )
            .field("mfa", &self.mfa.is_some())
            .finish_non_exhaustive()
    }
}

static INSTALLED: OnceLock<Arc<dyn CredentialsSources>> = OnceLock::new();

/// Makes `sources` the process-wide [`CredentialsSources`], used by every
/// provider and client builder not given its own. The first call wins;
/// later ones return `false` and change nothing. The `awsop` facade calls
/// it (`awsop::credentials::install`) before any of its operations is
/// sent.
pub fn install_sources(sources: Arc<dyn CredentialsSources>) -> bool {
    INSTALLED.set(sources).is_ok()
}

/// The sources [`install_sources`] installed, if any.
pub fn installed_sources() -> Option<Arc<dyn CredentialsSources>> {
    INSTALLED.get().cloned()
}

/// The sources to use: `explicit`, else the installed ones, else an error
/// saying which step of which profile needs them.
pub(crate) fn resolve_sources(
    explicit: Option<&Arc<dyn CredentialsSources>>,
    needed_for: impl FnOnce() -> String,
) -> Result<Arc<dyn CredentialsSources>, CredentialsError> {
    explicit.cloned().or_else(installed_sources).ok_or_else(|| {
        CredentialsError::invalid_configuration(format!(
            "{}: that needs an AWS service call (STS or IAM Identity Center), which the awsop \
             facade provides and installs before it sends an operation; call \
             awsop::credentials::install() to resolve credentials before any operation is sent, \
             or with awsop-runtime alone give a CredentialsSources to \
             ClientBuilder::credentials_sources",
            needed_for()
        ))
    })
}

/// "profile `x` uses assume role" for error messages.
pub(crate) fn describe_role(role: &AssumeRoleConfig) -> String {
    format!(
        "profile `{}` assumes a role (role_arn)",
        Escaped(&role.profile)
    )
}
