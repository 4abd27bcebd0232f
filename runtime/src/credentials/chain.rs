//! Providers tried in order: the default chain and custom ones.

use std::sync::Arc;

use super::{
    ContainerCredentials, Credentials, CredentialsError, CredentialsErrorKind, CredentialsSources,
    EnvWebIdentityCredentials, EnvironmentCredentials, ImdsCredentials, ProfileCredentials,
    ProvideCredentials, ProvideMfaToken,
};
use crate::env::Env;
use crate::BoxFuture;

/// Tries providers in order and returns the first credentials.
///
/// A provider that is "not loaded" passes to the next; any other error stops
/// the chain (a broken configuration must not silently fall through to
/// other credentials). When no provider has credentials, the error lists
/// why each one had none.
///
/// ```
/// use awsop_runtime::credentials::{CredentialsChain, EnvironmentCredentials, ProvideCredentials};
/// use awsop_runtime::{env::Env, Credentials};
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let chain = CredentialsChain::new()
///     .push(EnvironmentCredentials::new(Env::from_pairs::<&str, &str>([])))
///     .push(Credentials::new("AKID", "SECRET", None, None, "static"));
/// assert_eq!(chain.provide_credentials().await.unwrap().provider_name(), "static");
/// # });
/// ```
#[derive(Debug, Default)]
pub struct CredentialsChain {
    providers: Vec<Box<dyn ProvideCredentials>>,
}

impl CredentialsChain {
    /// An empty chain (which finds no credentials).
    pub fn new() -> Self {
        Self::default()
    }

    /// A chain of `providers`, tried in order.
    pub fn from_providers(providers: Vec<Box<dyn ProvideCredentials>>) -> Self {
        CredentialsChain { providers }
    }

    /// Adds a provider at the end.
    pub fn push(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.providers.push(Box::new(provider));
        self
    }

    /// Adds a provider at `index` (0 = tried first); an index past the end appends.
    pub fn insert(mut self, index: usize, provider: impl ProvideCredentials + 'static) -> Self {
        let index = index.min(self.providers.len());
        self.providers.insert(index, Box::new(provider));
        self
    }

    /// The providers, in order.
    pub fn providers(&self) -> &[Box<dyn ProvideCredentials>] {
        &self.providers
    }

    /// The providers, to reorder or remove some.
    pub fn providers_mut(&mut self) -> &mut Vec<Box<dyn ProvideCredentials>> {
        &mut self.providers
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let mut reasons = Vec::new();
        for provider in &self.providers {
            match provider.provide_credentials().await {
                Ok(creds) => {
                    tracing::debug!(
                        provider = creds.provider_name(),
                        "credentials chain: credentials found"
                    );
                    return Ok(creds);
                }
                Err(e) if e.kind() == CredentialsErrorKind::NotLoaded => {
                    tracing::debug!(reason = %e, "credentials chain: provider has no credentials, trying the next");
                    reasons.push(e.to_string());
                }
                Err(e) => {
                    tracing::debug!(error = %e, "credentials chain: provider failed, stopping");
                    return Err(e);
                }
            }
        }
        let detail = if reasons.is_empty() {
            "the chain has no providers".to_owned()
        } else {
            reasons.join("; ")
        };
        Err(CredentialsError::not_loaded(format!(
            "no credentials found ({detail})"
        )))
    }
}

impl ProvideCredentials for CredentialsChain {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}

/// The AWS SDKs' standard order:
///
/// 1. environment variables ([`EnvironmentCredentials`]);
/// 2. web identity from the environment ([`EnvWebIdentityCredentials`]:
///    `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN`);
/// 3. the shared config files' profile ([`ProfileCredentials`]: static keys,
///    `credential_process`, assume-role, web identity, IAM Identity Center);
/// 4. the container endpoint ([`ContainerCredentials`]);
/// 5. EC2 instance metadata, IMDSv2 ([`ImdsCredentials`]).
///
/// Every provider reads `env` (and the files it names) when asked, so the
/// chain is cheap to build; it does not cache, so wrap it in
/// [`LazyCachingCredentials`](super::LazyCachingCredentials) for a client.
/// Steps that call STS or IAM Identity Center use the
/// [`CredentialsSources`] given with [`with_sources`](Self::with_sources),
/// else the installed ones.
///
/// ```
/// use awsop_runtime::credentials::{DefaultCredentialsChain, ProvideCredentials};
/// use awsop_runtime::env::Env;
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let env = Env::from_pairs([("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "SECRET")]);
/// let creds = DefaultCredentialsChain::new(env).provide_credentials().await.unwrap();
/// assert_eq!(creds.provider_name(), "environment");
/// # });
/// ```
pub struct DefaultCredentialsChain {
    env: Env,
    sources: Option<Arc<dyn CredentialsSources>>,
    mfa: Option<Arc<dyn ProvideMfaToken>>,
    chain: CredentialsChain,
}

impl DefaultCredentialsChain {
    /// The standard chain reading `env`.
    pub fn new(env: Env) -> Self {
        Self::build(env, None, None)
    }

    /// Build assume-role, web identity and SSO steps with `sources`
    /// (`None`: the installed ones).
    pub fn with_sources(self, sources: Option<Arc<dyn CredentialsSources>>) -> Self {
        Self::build(self.env, sources, self.mfa)
    }

    /// The MFA callback for profile roles with `mfa_serial`.
    pub fn with_mfa_token(self, mfa: Option<Arc<dyn ProvideMfaToken>>) -> Self {
        Self::build(self.env, self.sources, mfa)
    }

    fn build(
        env: Env,
        sources: Option<Arc<dyn CredentialsSources>>,
        mfa: Option<Arc<dyn ProvideMfaToken>>,
    ) -> Self {
        let chain = CredentialsChain::new()
            .push(EnvironmentCredentials::new(env.clone()))
            .push(EnvWebIdentityCredentials::new(env.clone()).with_sources(sources.clone()))
            .push(
                ProfileCredentials::new(env.clone())
                    .with_optional_sources(sources.clone())
                    .with_optional_mfa_token(mfa.clone()),
            )
            .push(ContainerCredentials::new(env.clone()))
            .push(ImdsCredentials::new(env.clone()));
        DefaultCredentialsChain {
            env,
            sources,
            mfa,
            chain,
        }
    }

    /// The underlying chain, to add (e.g. assume-role) or remove providers.
    pub fn into_chain(self) -> CredentialsChain {
        self.chain
    }
}

impl std::fmt::Debug for DefaultCredentialsChain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DefaultCredentialsChain")
            .field("sources", &self.sources)
            .field("mfa", &self.mfa.is_some())
            .field("chain", &self.chain)
            .finish()
    }
}

impl ProvideCredentials for DefaultCredentialsChain {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        self.chain.provide_credentials()
    }
}
