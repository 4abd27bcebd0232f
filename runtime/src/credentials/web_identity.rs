//! Web identity from the environment (`AWS_WEB_IDENTITY_TOKEN_FILE`,
//! `AWS_ROLE_ARN`, `AWS_ROLE_SESSION_NAME`): EKS IAM roles for service
//! accounts, GitHub Actions' OIDC. The STS call itself is a
//! [`CredentialsSources`](super::CredentialsSources)' job.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::profile_chain::check_session_name;
use super::sources::{resolve_sources, CredentialsSources, SourceContext};
use super::{Credentials, CredentialsError, ProvideCredentials, WebIdentityConfig};
use crate::env::Env;
use crate::local_file;
use crate::text::Escaped;
use crate::BoxFuture;

impl WebIdentityConfig {
    /// The configuration `env` names: `AWS_WEB_IDENTITY_TOKEN_FILE` and
    /// `AWS_ROLE_ARN` (both, or neither: `Ok(None)`), and optionally
    /// `AWS_ROLE_SESSION_NAME`.
    ///
    /// ```
    /// use awsop_runtime::credentials::WebIdentityConfig;
    /// use awsop_runtime::env::Env;
    /// let env = Env::from_pairs([
    ///     ("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/eks.amazonaws.com/serviceaccount/token"),
    ///     ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/app"),
    /// ]);
    /// let config = WebIdentityConfig::from_env(&env).unwrap().unwrap();
    /// assert_eq!(config.role_arn, "arn:aws:iam::123456789012:role/app");
    /// assert!(WebIdentityConfig::from_env(&Env::from_pairs::<&str, &str>([])).unwrap().is_none());
    /// ```
    pub fn from_env(env: &Env) -> Result<Option<WebIdentityConfig>, CredentialsError> {
        let token_file = env.get_non_empty("AWS_WEB_IDENTITY_TOKEN_FILE");
        let role_arn = env.get_non_empty("AWS_ROLE_ARN");
        let (token_file, role_arn) = match (token_file, role_arn) {
            (None, _) => return Ok(None),
            (Some(file), Some(arn)) => (file, arn),
            (Some(_), None) => {
                return Err(CredentialsError::invalid_configuration(
                    "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not",
                ))
            }
        };
        let session_name = env.get_non_empty("AWS_ROLE_SESSION_NAME");
        if let Some(name) = &session_name {
            check_session_name(name).map_err(|problem| {
                CredentialsError::invalid_configuration(format!(
                    "web identity: AWS_ROLE_SESSION_NAME `{}`: {problem}",
                    Escaped(name)
                ))
            })?;
        }
        Ok(Some(WebIdentityConfig {
            profile: None,
            token_file: expand(&token_file, env),
            role_arn,
            session_name,
        }))
    }
}

fn expand(path: &str, env: &Env) -> PathBuf {
    crate::profile::expand_home_path(path, env.home_dir().as_deref())
}

/// Reads a web identity token file: at most 64 KiB of UTF-8, surrounding
/// whitespace removed, only from a regular file (a FIFO is an error at once,
/// never a wait). Errors name the file, never its contents.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let path = std::env::temp_dir().join(format!("awsop-doc-token-{}", std::process::id()));
/// std::fs::write(&path, "eyJhbGciOi.eyJzdWIi.sig\n").unwrap();
/// let token = awsop_runtime::credentials::read_token_file(&path).await.unwrap();
/// assert_eq!(token, "eyJhbGciOi.eyJzdWIi.sig");
/// std::fs::remove_file(&path).unwrap();
/// # });
/// ```
pub async fn read_token_file(path: &Path) -> Result<String, CredentialsError> {
    let token = local_file::read_token(path).await.map_err(|e| {
        CredentialsError::invalid_configuration(format!("web identity token file: {e}"))
    })?;
    if token.is_empty() {
        return Err(CredentialsError::invalid_configuration(format!(
            "web identity token file {} is empty",
            Escaped(&path.display().to_string())
        )));
    }
    Ok(token)
}

/// Web identity credentials configured by the environment, the default
/// chain's second provider: not loaded when `AWS_WEB_IDENTITY_TOKEN_FILE`
/// is unset. The provider the sources build is kept while the configuration
/// stays the same, so its cache survives between calls.
///
/// ```
/// use awsop_runtime::credentials::{CredentialsErrorKind, EnvWebIdentityCredentials, ProvideCredentials};
/// use awsop_runtime::env::Env;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let provider = EnvWebIdentityCredentials::new(Env::from_pairs::<&str, &str>([]));
/// let err = provider.provide_credentials().await.unwrap_err();
/// assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);
/// # });
/// ```
pub struct EnvWebIdentityCredentials {
    env: Env,
    sources: Option<Arc<dyn CredentialsSources>>,
    built: Mutex<Option<(WebIdentityConfig, Arc<dyn ProvideCredentials>)>>,
}

impl EnvWebIdentityCredentials {
    /// Reads `env` on every call; uses the installed sources.
    pub fn new(env: Env) -> Self {
        EnvWebIdentityCredentials {
            env,
            sources: None,
            built: Mutex::new(None),
        }
    }

    /// Calls STS through `sources` instead of the installed ones.
    pub fn with_sources(mut self, sources: Option<Arc<dyn CredentialsSources>>) -> Self {
        self.sources = sources;
        self
    }

    async fn provider(&self) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        let Some(config) = WebIdentityConfig::from_env(&self.env)? else {
            return Err(CredentialsError::not_loaded(
                "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is not set",
            ));
        };
        if let Some((seen, provider)) = self
            .built
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
        {
            if *seen == config {
                return Ok(Arc::clone(provider));
            }
        }
        let sources = resolve_sources(self.sources.as_ref(), || {
            "web identity from AWS_WEB_IDENTITY_TOKEN_FILE".to_owned()
        })?;
        // The shared files too: STS is called in the profile's region when
        // the environment names none.
        let profile = crate::profile::ProfileSet::load(&self.env)
            .await
            .map_err(|e| {
                CredentialsError::invalid_configuration(format!("profile: {e}")).with_source(e)
            })?;
        let cx = SourceContext::new(self.env.clone(), Some(Arc::new(profile)));
        let provider = sources.web_identity(&config, &cx)?;
        *self.built.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((config, Arc::clone(&provider)));
        Ok(provider)
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let provider = self.provider().await?;
        provider.provide_credentials().await
    }
}

impl fmt::Debug for EnvWebIdentityCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvWebIdentityCredentials")
            .field("sources", &self.sources)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for EnvWebIdentityCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
