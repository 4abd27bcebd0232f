//! Credentials from the selected profile of the shared config files.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::process::{ProcessCredentials, DEFAULT_PROCESS_TIMEOUT};
use super::profile_chain::{BaseSource, NamedSource, ProfileChain};
use super::sources::{
    describe_role, resolve_sources, CredentialsSources, ProvideMfaToken, SourceContext,
};
use super::{
    ContainerCredentials, Credentials, CredentialsError, EnvironmentCredentials, ImdsCredentials,
    ProvideCredentials,
};
use crate::env::Env;
use crate::profile::{ProfileSet, DEFAULT_PROFILE};
use crate::text::Escaped;
use crate::BoxFuture;

/// Credentials from the selected profile (`AWS_PROFILE`, else `default`),
/// resolved into a [`ProfileChain`] with the AWS SDKs' rules:
///
/// - static keys (`aws_access_key_id`, `aws_secret_access_key`,
///   `aws_session_token`), or `credential_process` (run through
///   [`ProcessCredentials`], within [`with_process_timeout`](Self::with_process_timeout));
/// - `role_arn` with `source_profile` (chains of any depth) or
///   `credential_source`, `role_session_name`, `external_id`,
///   `duration_seconds`, `mfa_serial` (the code from
///   [`with_mfa_token`](Self::with_mfa_token));
/// - `role_arn` with `web_identity_token_file`;
/// - IAM Identity Center: `sso_session` (or the legacy `sso_start_url`)
///   with `sso_account_id` and `sso_role_name`.
///
/// The steps that call STS or IAM Identity Center are built by the
/// [`CredentialsSources`] given with [`with_sources`](Self::with_sources),
/// else the installed ones (the `awsop` facade's). The providers built for a
/// chain are kept while the files resolve to the same chain, so their caches
/// (and an SSO token's refresh schedule) survive between calls.
///
/// - The `default` profile missing, or a profile without credentials: not
///   loaded (the chain moves on).
/// - A named profile that does not exist, half a key pair, a
///   `source_profile` cycle or any other misconfiguration: an invalid
///   configuration, which stops the chain rather than silently using other
///   credentials.
///
/// ```
/// use awsop_runtime::credentials::{ProfileCredentials, ProvideCredentials};
/// use awsop_runtime::profile::ProfileSet;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let set = ProfileSet::parse("", "[default]\naws_access_key_id = AKID\naws_secret_access_key = SECRET\n", "default").unwrap();
/// let creds = ProfileCredentials::from_profile_set(set).provide_credentials().await.unwrap();
/// assert_eq!(creds.access_key_id(), "AKID");
/// assert_eq!(creds.provider_name(), "profile");
/// # });
/// ```
pub struct ProfileCredentials {
    source: Source,
    process_timeout: Duration,
    sources: Option<Arc<dyn CredentialsSources>>,
    mfa: Option<Arc<dyn ProvideMfaToken>>,
    built: Mutex<Option<(ProfileChain, Arc<dyn ProvideCredentials>)>>,
}

#[derive(Debug, Clone)]
enum Source {
    /// Read the files named by the environment on every call.
    Files(Env),
    /// Already loaded; the environment is what `credential_source =
    /// Environment` and the service clients read.
    Loaded(Arc<ProfileSet>, Env),
}

impl ProfileCredentials {
    /// Reads the shared files named by `env` on every call (wrap it in
    /// [`LazyCachingCredentials`](super::LazyCachingCredentials) to cache).
    pub fn new(env: Env) -> Self {
        Self::with_source(Source::Files(env))
    }

    /// Uses an already loaded [`ProfileSet`] and its selected profile; the
    /// process environment for `credential_source = Environment` and the
    /// region of service calls (see [`with_env`](Self::with_env)).
    pub fn from_profile_set(profile_set: impl Into<Arc<ProfileSet>>) -> Self {
        Self::with_source(Source::Loaded(profile_set.into(), Env::real()))
    }

    /// Reads `env` instead of the process environment: for a loaded set,
    /// what `credential_source = Environment`, IMDS, the container endpoint
    /// and the service clients read; otherwise also which files are read.
    pub fn with_env(mut self, env: Env) -> Self {
        self.source = match self.source {
            Source::Files(_) => Source::Files(env),
            Source::Loaded(set, _) => Source::Loaded(set, env),
        };
        self
    }

    fn with_source(source: Source) -> Self {
        ProfileCredentials {
            source,
            process_timeout: DEFAULT_PROCESS_TIMEOUT,
            sources: None,
            mfa: None,
            built: Mutex::new(None),
        }
    }

    /// The time limit of a profile's `credential_process` helper (default
    /// [`DEFAULT_PROCESS_TIMEOUT`], 2 minutes); see [`ProcessCredentials`].
    ///
    /// ```
    /// use std::time::Duration;
    /// use awsop_runtime::credentials::ProfileCredentials;
    /// use awsop_runtime::env::Env;
    /// let provider = ProfileCredentials::new(Env::real()).with_process_timeout(Duration::from_secs(10));
    /// # drop(provider);
    /// ```
    pub fn with_process_timeout(mut self, timeout: Duration) -> Self {
        self.process_timeout = timeout;
        self
    }

    /// Build assume-role, web identity and SSO steps with `sources`
    /// instead of the installed ones (see [`CredentialsSources`]).
    pub fn with_sources(mut self, sources: Arc<dyn CredentialsSources>) -> Self {
        self.sources = Some(sources);
        self
    }

    /// Like [`with_sources`](Self::with_sources), keeping the installed
    /// ones for `None`.
    pub fn with_optional_sources(mut self, sources: Option<Arc<dyn CredentialsSources>>) -> Self {
        self.sources = sources;
        self
    }

    /// Where the code of an MFA device comes from, for roles with
    /// `mfa_serial`. Without one such a role is an error: nothing in the
    /// environment or the files can supply a code that changes every 30 s.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use awsop_runtime::credentials::ProfileCredentials;
    /// use awsop_runtime::env::Env;
    /// let provider = ProfileCredentials::new(Env::real()).with_mfa_token(Arc::new(|_serial: &str| {
    ///     Box::pin(async { Ok("123456".to_owned()) }) as awsop_runtime::BoxFuture<'static, _>
    /// }));
    /// # drop(provider);
    /// ```
    pub fn with_mfa_token(mut self, mfa: Arc<dyn ProvideMfaToken>) -> Self {
        self.mfa = Some(mfa);
        self
    }

    /// Like [`with_mfa_token`](Self::with_mfa_token), `None` for none.
    pub fn with_optional_mfa_token(mut self, mfa: Option<Arc<dyn ProvideMfaToken>>) -> Self {
        self.mfa = mfa;
        self
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let (set, env) = match &self.source {
            Source::Loaded(set, env) => (Arc::clone(set), env.clone()),
            Source::Files(env) => (
                Arc::new(ProfileSet::load(env).await.map_err(|e| {
                    CredentialsError::invalid_configuration(format!("profile: {e}")).with_source(e)
                })?),
                env.clone(),
            ),
        };
        // The name comes from AWS_PROFILE (or `--profile`): shown escaped.
        let name = set.profile_name().to_owned();
        let shown = Escaped(&name);
        if set.selected_profile().is_none() {
            return Err(if name == DEFAULT_PROFILE {
                CredentialsError::not_loaded(
                    "profile: no [default] profile in the shared config files",
                )
            } else {
                CredentialsError::invalid_configuration(format!(
                    "profile: profile `{shown}` is not defined in the shared config or credentials file"
                ))
            });
        }
        let Some(chain) = ProfileChain::resolve(&set)? else {
            return Err(CredentialsError::not_loaded(format!(
                "profile: profile `{shown}` has no credentials"
            )));
        };
        let provider = self.provider_for(chain, env, set)?;
        let creds = provider.provide_credentials().await?;
        tracing::debug!(provider = creds.provider_name(), profile = %shown, "credentials loaded from a profile");
        Ok(creds)
    }

    /// The providers of `chain`: the ones built last time if the chain has
    /// not changed, else new ones.
    fn provider_for(
        &self,
        chain: ProfileChain,
        env: Env,
        set: Arc<ProfileSet>,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        let mut built = self.built.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((seen, provider)) = built.as_ref() {
            if *seen == chain {
                return Ok(Arc::clone(provider));
            }
        }
        let cx = SourceContext::new(env, Some(set)).with_mfa(self.mfa.clone());
        let provider = build(&chain, &cx, self.sources.as_ref(), self.process_timeout)?;
        *built = Some((chain, Arc::clone(&provider)));
        Ok(provider)
    }
}

/// The providers of a chain: the base, then one assume-role provider per
/// role, each over the one before.
fn build(
    chain: &ProfileChain,
    cx: &SourceContext,
    sources: Option<&Arc<dyn CredentialsSources>>,
    process_timeout: Duration,
) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
    let env = cx.env().clone();
    let mut provider: Arc<dyn ProvideCredentials> = match &chain.base {
        BaseSource::StaticKeys { credentials, .. } => Arc::new(credentials.clone()),
        BaseSource::Process { command_line, .. } => {
            Arc::new(ProcessCredentials::new(command_line.clone()).with_timeout(process_timeout))
        }
        BaseSource::Named { source, .. } => match source {
            NamedSource::Environment => Arc::new(EnvironmentCredentials::new(env)),
            NamedSource::Ec2InstanceMetadata => Arc::new(ImdsCredentials::new(env)),
            NamedSource::EcsContainer => Arc::new(ContainerCredentials::new(env)),
        },
        BaseSource::WebIdentity(config) => {
            let sources = resolve_sources(sources, || {
                format!(
                    "profile `{}` uses web identity (web_identity_token_file)",
                    Escaped(config.profile.as_deref().unwrap_or_default())
                )
            })?;
            let mut config = config.clone();
            config.token_file = crate::profile::expand_home_path(
                &config.token_file.to_string_lossy(),
                cx.env().home_dir().as_deref(),
            );
            sources.web_identity(&config, cx)?
        }
        BaseSource::Sso(config) => {
            let sources = resolve_sources(sources, || {
                format!(
                    "profile `{}` uses IAM Identity Center (sso_session / sso_start_url)",
                    Escaped(&config.profile)
                )
            })?;
            sources.sso(config, cx)?
        }
    };
    for role in &chain.roles {
        if role.mfa_serial.is_some() && cx.mfa().is_none() {
            return Err(CredentialsError::invalid_configuration(format!(
                "profile: profile `{}` sets mfa_serial, so assuming its role needs the MFA \
                 device's current code; awsop cannot ask for it from the environment and files \
                 alone: give a callback in code (ClientBuilder::mfa_token or \
                 ProfileCredentials::with_mfa_token)",
                Escaped(&role.profile)
            )));
        }
        let sources = resolve_sources(sources, || describe_role(role))?;
        provider = sources.assume_role(role, provider, cx)?;
    }
    Ok(provider)
}

impl fmt::Debug for ProfileCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfileCredentials")
            .field("source", &self.source)
            .field("process_timeout", &self.process_timeout)
            .field("sources", &self.sources)
            .field("mfa", &self.mfa.is_some())
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for ProfileCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
