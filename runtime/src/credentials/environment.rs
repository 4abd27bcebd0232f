//! Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
//! `AWS_SESSION_TOKEN`.

use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::env::Env;
use crate::BoxFuture;

/// Reads credentials from the environment variables `AWS_ACCESS_KEY_ID`,
/// `AWS_SECRET_ACCESS_KEY` and (optionally) `AWS_SESSION_TOKEN`.
///
/// Neither key set: not loaded (the chain moves on). Only one of them set:
/// an invalid configuration, which stops the chain.
///
/// ```
/// use awsop_runtime::credentials::{EnvironmentCredentials, ProvideCredentials};
/// use awsop_runtime::env::Env;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let env = Env::from_pairs([("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "SECRET")]);
/// let creds = EnvironmentCredentials::new(env).provide_credentials().await.unwrap();
/// assert_eq!(creds.access_key_id(), "AKID");
/// assert_eq!(creds.provider_name(), "environment");
/// # });
/// ```
#[derive(Debug, Clone)]
pub struct EnvironmentCredentials {
    env: Env,
}

impl EnvironmentCredentials {
    /// Reads from `env`.
    pub fn new(env: Env) -> Self {
        EnvironmentCredentials { env }
    }

    fn load(&self) -> Result<Credentials, CredentialsError> {
        let access_key_id = self.env.get_non_empty("AWS_ACCESS_KEY_ID");
        let secret_access_key = self.env.get_non_empty("AWS_SECRET_ACCESS_KEY");
        match (access_key_id, secret_access_key) {
            (Some(id), Some(secret)) => Ok(Credentials::new(
                id,
                secret,
                self.env.get_non_empty("AWS_SESSION_TOKEN"),
                None,
                "environment",
            )),
            (None, None) => Err(CredentialsError::not_loaded(
                "environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set",
            )),
            (Some(_), None) => Err(CredentialsError::invalid_configuration(
                "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
            )),
            (None, Some(_)) => Err(CredentialsError::invalid_configuration(
                "environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not",
            )),
        }
    }
}

impl ProvideCredentials for EnvironmentCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        let result = self.load();
        Box::pin(async move { result })
    }
}
