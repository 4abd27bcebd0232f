//! Credentials from the selected profile of the shared config files.

use std::sync::Arc;
use std::time::Duration;

use super::process::{ProcessCredentials, DEFAULT_PROCESS_TIMEOUT};
use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::env::Env;
use crate::profile::{ProfileSet, Section, DEFAULT_PROFILE};
use crate::text::Escaped;
use crate::BoxFuture;

/// Keys that configure a source awsop does not implement yet, with what it is.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("role_arn", "assume role (role_arn)"),
    (
        "web_identity_token_file",
        "web identity (web_identity_token_file)",
    ),
    ("sso_session", "IAM Identity Center / SSO (sso_session)"),
    ("sso_start_url", "IAM Identity Center / SSO (sso_start_url)"),
    (
        "sso_account_id",
        "IAM Identity Center / SSO (sso_account_id)",
    ),
    ("sso_role_name", "IAM Identity Center / SSO (sso_role_name)"),
    ("login_session", "console login (login_session)"),
];

/// Credentials from the selected profile (`AWS_PROFILE`, else `default`):
/// `aws_access_key_id` / `aws_secret_access_key` / `aws_session_token`, else
/// `credential_process` (run through [`ProcessCredentials`], within
/// [`with_process_timeout`](Self::with_process_timeout)).
///
/// - The `default` profile missing, or a profile without credentials: not
///   loaded (the chain moves on).
/// - A named profile that does not exist, half a key pair, or a profile that
///   needs assume-role, web identity or SSO (not supported yet): an invalid
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
#[derive(Debug, Clone)]
pub struct ProfileCredentials {
    source: Source,
    process_timeout: Duration,
}

#[derive(Debug, Clone)]
enum Source {
    /// Read the files named by the environment on every call.
    Files(Env),
    /// Already loaded.
    Loaded(Arc<ProfileSet>),
}

impl ProfileCredentials {
    /// Reads the shared files named by `env` on every call (wrap it in
    /// [`LazyCachingCredentials`](super::LazyCachingCredentials) to cache).
    pub fn new(env: Env) -> Self {
        ProfileCredentials {
            source: Source::Files(env),
            process_timeout: DEFAULT_PROCESS_TIMEOUT,
        }
    }

    /// Uses an already loaded [`ProfileSet`] and its selected profile.
    pub fn from_profile_set(profile_set: impl Into<Arc<ProfileSet>>) -> Self {
        ProfileCredentials {
            source: Source::Loaded(profile_set.into()),
            process_timeout: DEFAULT_PROCESS_TIMEOUT,
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

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let set = match &self.source {
            Source::Loaded(set) => Arc::clone(set),
            Source::Files(env) => Arc::new(ProfileSet::load(env).await.map_err(|e| {
                CredentialsError::invalid_configuration(format!("profile: {e}")).with_source(e)
            })?),
        };
        // The name comes from AWS_PROFILE (or `--profile`): shown escaped.
        let name = set.profile_name();
        let shown = Escaped(name);
        let Some(profile) = set.selected_profile() else {
            return Err(if name == DEFAULT_PROFILE {
                CredentialsError::not_loaded(
                    "profile: no [default] profile in the shared config files",
                )
            } else {
                CredentialsError::invalid_configuration(format!(
                    "profile: profile `{shown}` is not defined in the shared config or credentials file"
                ))
            });
        };
        let creds = resolve(name, profile, self.process_timeout).await?;
        tracing::debug!(provider = creds.provider_name(), profile = %shown, "credentials loaded from a profile");
        Ok(creds)
    }
}

async fn resolve(
    name: &str,
    profile: &Section,
    process_timeout: Duration,
) -> Result<Credentials, CredentialsError> {
    let name = Escaped(name);
    if let Some((_, what)) = UNSUPPORTED
        .iter()
        .find(|(key, _)| profile.get(key).is_some())
    {
        return Err(CredentialsError::invalid_configuration(format!(
            "profile: profile `{name}` uses {what}, which awsop does not support yet; \
             use static keys, credential_process, or environment variables"
        )));
    }
    let non_empty = |key: &str| profile.get(key).filter(|v| !v.is_empty());
    match (
        non_empty("aws_access_key_id"),
        non_empty("aws_secret_access_key"),
    ) {
        (Some(id), Some(secret)) => {
            return Ok(Credentials::new(
                id,
                secret,
                non_empty("aws_session_token").map(str::to_owned),
                None,
                "profile",
            ))
        }
        (Some(_), None) => {
            return Err(CredentialsError::invalid_configuration(format!(
                "profile: profile `{name}` sets aws_access_key_id but not aws_secret_access_key"
            )))
        }
        (None, Some(_)) => {
            return Err(CredentialsError::invalid_configuration(format!(
                "profile: profile `{name}` sets aws_secret_access_key but not aws_access_key_id"
            )))
        }
        (None, None) => {}
    }
    if let Some(command_line) = non_empty("credential_process") {
        return ProcessCredentials::new(command_line)
            .with_timeout(process_timeout)
            .provide_credentials()
            .await;
    }
    Err(CredentialsError::not_loaded(format!(
        "profile: profile `{name}` has no credentials"
    )))
}

impl ProvideCredentials for ProfileCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
