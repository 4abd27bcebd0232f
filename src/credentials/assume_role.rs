//! Assume-role credentials: STS `AssumeRole` over any other provider.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use awsop_runtime::credentials::{
    check_session_name, AssumeRoleConfig, CredentialsError, LazyCachingCredentials,
    ProvideCredentials, ProvideMfaToken, SourceContext, ROLE_DURATION_RANGE,
};
use awsop_runtime::env::Env;
use awsop_runtime::redact::Secrets;
use awsop_runtime::text::Escaped;
use awsop_runtime::time::TimeSource;
use awsop_runtime::{BoxFuture, Client, Credentials};

use super::sts_client::sts_client;
use super::support::{call_failed, generated_session_name};
use crate::sts::{AssumeRole, StsCredentials};

/// Credentials of an IAM role, assumed with STS `AssumeRole` using the
/// credentials of another provider (its *source*).
///
/// The session is cached and renewed 5 minutes before it expires, one
/// renewal for all concurrent callers; the source is asked only then.
/// Profiles with `role_arn` get one per role (chains of any depth, each over
/// the one before); in code, put one over any provider:
///
/// ```no_run
/// use awsop::credentials::AssumeRoleProvider;
/// use awsop::runtime::credentials::DefaultCredentialsChain;
/// use awsop::runtime::env::Env;
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let provider = AssumeRoleProvider::builder("arn:aws:iam::123456789012:role/Deployer")
///     .session_name("release-42")
///     .external_id("partner-7")
///     .duration(std::time::Duration::from_secs(3600))
///     .build(DefaultCredentialsChain::new(Env::real()))?;
/// let client = awsop::Client::builder().region("eu-west-1").credentials(provider).build()?;
/// # drop(client);
/// # Ok(()) }
/// ```
///
/// STS is called in the context's region (else `us-east-1`), at
/// `https://sts.{region}.amazonaws.com` unless `AWS_ENDPOINT_URL_STS` or
/// `sts_regional_endpoints = legacy` say otherwise. Throttling and server
/// errors are retried by the client's standard policy.
pub struct AssumeRoleProvider {
    cached: LazyCachingCredentials,
}

impl AssumeRoleProvider {
    /// A builder for the role `role_arn`.
    pub fn builder(role_arn: impl Into<String>) -> AssumeRoleBuilder {
        AssumeRoleBuilder {
            role: AssumeRoleConfig {
                profile: String::new(),
                role_arn: role_arn.into(),
                session_name: None,
                external_id: None,
                duration: None,
                mfa_serial: None,
            },
            mfa: None,
        }
    }

    /// The provider of a profile's role step, over `source`, calling STS
    /// with `cx`'s configuration (what [`AwsSources`](super::AwsSources)
    /// builds).
    pub fn from_config(
        role: &AssumeRoleConfig,
        source: Arc<dyn ProvideCredentials>,
        cx: &SourceContext,
    ) -> Result<Self, CredentialsError> {
        let mfa = match &role.mfa_serial {
            None => None,
            Some(_) => Some(Arc::clone(cx.mfa().ok_or_else(|| {
                CredentialsError::invalid_configuration(format!(
                    "assume role {}: mfa_serial is set but no MFA code callback was given",
                    Escaped(&role.role_arn)
                ))
            })?)),
        };
        let secrets = Secrets::new();
        let sts = sts_client(cx, Some(Arc::clone(&source)), &secrets)?;
        let fetch = Fetch {
            role: role.clone(),
            mfa,
            sts,
            time: Arc::clone(cx.time_source()),
        };
        Ok(AssumeRoleProvider {
            cached: LazyCachingCredentials::new(fetch)
                .with_time_source(Arc::clone(cx.time_source())),
        })
    }
}

/// Settings of an [`AssumeRoleProvider`].
pub struct AssumeRoleBuilder {
    role: AssumeRoleConfig,
    mfa: Option<Arc<dyn ProvideMfaToken>>,
}

impl AssumeRoleBuilder {
    /// The session's name (default: `awsop-<milliseconds since the epoch>`,
    /// new for every session).
    pub fn session_name(mut self, name: impl Into<String>) -> Self {
        self.role.session_name = Some(name.into());
        self
    }

    /// The external id the role's trust policy asks for.
    pub fn external_id(mut self, id: impl Into<String>) -> Self {
        self.role.external_id = Some(id.into());
        self
    }

    /// How long each session lasts (900 s to 12 h; default STS's, 1 h).
    pub fn duration(mut self, duration: Duration) -> Self {
        self.role.duration = Some(duration);
        self
    }

    /// The MFA device `serial` and where its current code comes from.
    pub fn mfa(mut self, serial: impl Into<String>, codes: Arc<dyn ProvideMfaToken>) -> Self {
        self.role.mfa_serial = Some(serial.into());
        self.mfa = Some(codes);
        self
    }

    /// The provider over `source`, configured by the process environment
    /// and shared files (region, `AWS_ENDPOINT_URL_STS`, retries).
    pub fn build(
        self,
        source: impl ProvideCredentials + 'static,
    ) -> Result<AssumeRoleProvider, CredentialsError> {
        self.build_with(Arc::new(source), &SourceContext::new(Env::real(), None))
    }

    /// The provider over `source`, configured by `cx`.
    pub fn build_with(
        self,
        source: Arc<dyn ProvideCredentials>,
        cx: &SourceContext,
    ) -> Result<AssumeRoleProvider, CredentialsError> {
        let arn = Escaped(&self.role.role_arn).to_string();
        if let Some(name) = &self.role.session_name {
            check_session_name(name).map_err(|problem| {
                CredentialsError::invalid_configuration(format!("assume role {arn}: {problem}"))
            })?;
        }
        if let Some(duration) = self.role.duration {
            let (min, max) = ROLE_DURATION_RANGE;
            if !(min..=max).contains(&duration.as_secs()) {
                return Err(CredentialsError::invalid_configuration(format!(
                    "assume role {arn}: the duration must be {min} to {max} seconds"
                )));
            }
        }
        let cx = cx.clone().with_mfa(self.mfa.or_else(|| cx.mfa().cloned()));
        AssumeRoleProvider::from_config(&self.role, source, &cx)
    }
}

impl fmt::Debug for AssumeRoleBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleBuilder")
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for AssumeRoleProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleProvider")
            .field("cached", &self.cached)
            .finish()
    }
}

impl ProvideCredentials for AssumeRoleProvider {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        self.cached.provide_credentials()
    }

    fn credentials_at_hand(&self) -> Option<Credentials> {
        self.cached.credentials_at_hand()
    }
}

/// One uncached `AssumeRole`.
struct Fetch {
    role: AssumeRoleConfig,
    mfa: Option<Arc<dyn ProvideMfaToken>>,
    sts: Client,
    time: Arc<dyn TimeSource>,
}

impl fmt::Debug for Fetch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleFetch")
            .field("role", &self.role)
            .field("mfa", &self.mfa.is_some())
            .finish_non_exhaustive()
    }
}

impl Fetch {
    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let arn = Escaped(&self.role.role_arn).to_string();
        let token_code = match (&self.role.mfa_serial, &self.mfa) {
            (Some(serial), Some(codes)) => Some(codes.mfa_token(serial).await?),
            _ => None,
        };
        let request = AssumeRole {
            role_arn: self.role.role_arn.clone(),
            role_session_name: self
                .role
                .session_name
                .clone()
                .unwrap_or_else(|| generated_session_name(self.time.now())),
            duration_seconds: self
                .role
                .duration
                .map(|d| i32::try_from(d.as_secs()).unwrap_or(i32::MAX)),
            external_id: self.role.external_id.clone(),
            serial_number: self.role.mfa_serial.clone(),
            token_code: token_code.clone(),
            ..Default::default()
        };
        let secrets: Vec<&str> = token_code.iter().map(String::as_str).collect();
        let out = request
            .send(&self.sts)
            .await
            .map_err(|e| call_failed(&format!("STS AssumeRole {arn}"), &e, &secrets))?;
        let creds = session(out.credentials, &format!("STS AssumeRole {arn}"))?;
        tracing::debug!(role = %arn, "credentials loaded by assuming a role");
        Ok(creds)
    }
}

/// The session credentials of an STS answer, as `Credentials`.
pub(crate) fn session(
    credentials: Option<StsCredentials>,
    what: &str,
) -> Result<Credentials, CredentialsError> {
    let Some(c) = credentials.filter(|c| !c.access_key_id.is_empty()) else {
        return Err(CredentialsError::provider_error(format!(
            "{what}: the answer has no credentials"
        )));
    };
    Ok(Credentials::new(
        c.access_key_id,
        c.secret_access_key,
        Some(c.session_token).filter(|t| !t.is_empty()),
        c.expiration.to_system_time(),
        "sts",
    ))
}

impl ProvideCredentials for Fetch {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
