//! AWS credentials: the value, the provider trait, and the providers.
//!
//! - [`Credentials`]: static credentials (also a provider of themselves).
//! - [`EnvironmentCredentials`], [`ProfileCredentials`] (with
//!   [`ProcessCredentials`] for `credential_process`), [`ContainerCredentials`],
//!   [`ImdsCredentials`]: the standard sources.
//! - [`EnvWebIdentityCredentials`]: web identity named by the environment.
//! - [`ProfileChain`]: what a profile's credentials are made of (static
//!   keys, a process, roles, web identity, SSO), as data; the steps that
//!   call AWS services are built by [`CredentialsSources`] (see
//!   [`sources`] for why).
//! - [`SsoTokenCache`]: the aws CLI's IAM Identity Center token cache.
//! - [`DefaultCredentialsChain`]: those sources in the AWS SDKs' order;
//!   [`CredentialsChain`]: any order, any providers.
//! - [`LazyCachingCredentials`]: caches what a provider returns and refreshes
//!   it shortly before it expires, once for all concurrent callers.

mod chain;
mod container;
mod environment;
mod http_fetch;
mod imds;
mod json;
mod lazy_cache;
mod process;
mod profile;
mod profile_chain;
pub mod sources;
mod sso_cache;
mod web_identity;

pub use chain::{CredentialsChain, DefaultCredentialsChain};
pub use container::ContainerCredentials;
pub use environment::EnvironmentCredentials;
pub use imds::ImdsCredentials;
pub use lazy_cache::LazyCachingCredentials;
pub use process::{ProcessCredentials, DEFAULT_PROCESS_TIMEOUT, MAX_PROCESS_OUTPUT};
pub use profile::ProfileCredentials;
pub use profile_chain::{
    check_session_name, AssumeRoleConfig, BaseSource, NamedSource, ProfileChain, SsoConfig,
    WebIdentityConfig, ROLE_DURATION_RANGE,
};
pub use sources::{
    install_sources, installed_sources, CredentialsSources, ProvideMfaToken, SourceContext,
};
pub use sso_cache::{SsoToken, SsoTokenCache};
pub use web_identity::{read_token_file, EnvWebIdentityCredentials};

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

use crate::sigv4::{SigningIdentity, SigningSecret};
use crate::BoxFuture;

/// An access key, its secret, an optional session token and expiry.
///
/// Cheap to clone (one reference count). `Debug` never shows the secret or
/// the session token.
///
/// ```
/// use awsop_runtime::Credentials;
/// let creds = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None, None, "static");
/// assert_eq!(creds.access_key_id(), "AKIDEXAMPLE");
/// assert!(!format!("{creds:?}").contains("wJalr"));
/// ```
#[derive(Clone)]
pub struct Credentials(Arc<Inner>);

struct Inner {
    access_key_id: String,
    // The secret together with the digest the signing-key cache looks keys
    // up by: hashed once here, when the value is made, instead of on every
    // request signed with it (the secret never changes for the life of this
    // value). The pairing lives in `sigv4`, so a digest always belongs to
    // the secret it travels with.
    secret_access_key: SigningSecret,
    session_token: Option<String>,
    expiry: Option<SystemTime>,
    provider_name: &'static str,
}

impl Credentials {
    /// Credentials from their parts; `provider_name` says where they came from.
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
        expiry: Option<SystemTime>,
        provider_name: &'static str,
    ) -> Self {
        Credentials(Arc::new(Inner {
            access_key_id: access_key_id.into(),
            secret_access_key: SigningSecret::new(secret_access_key.into()),
            session_token,
            expiry,
            provider_name,
        }))
    }

    /// The access key id (not secret).
    pub fn access_key_id(&self) -> &str {
        &self.0.access_key_id
    }

    /// The secret access key.
    pub fn secret_access_key(&self) -> &str {
        self.0.secret_access_key.as_str()
    }

    /// What the SigV4 signer signs with: these keys, with the secret's
    /// digest already computed for the signing-key cache.
    ///
    /// ```
    /// use awsop_runtime::Credentials;
    /// let creds = Credentials::new("AKID", "SECRET", Some("TOKEN".into()), None, "static");
    /// let identity = creds.signing_identity();
    /// assert_eq!(identity.access_key_id(), "AKID");
    /// assert_eq!(identity.session_token(), Some("TOKEN"));
    /// ```
    pub fn signing_identity(&self) -> SigningIdentity<'_> {
        SigningIdentity::with_secret(
            &self.0.access_key_id,
            &self.0.secret_access_key,
            self.0.session_token.as_deref(),
        )
    }

    /// The session token of temporary credentials.
    pub fn session_token(&self) -> Option<&str> {
        self.0.session_token.as_deref()
    }

    /// When these credentials stop working, if they expire.
    pub fn expiry(&self) -> Option<SystemTime> {
        self.0.expiry
    }

    /// Which provider produced them (`"environment"`, `"profile"`, ...).
    pub fn provider_name(&self) -> &'static str {
        self.0.provider_name
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("provider_name", &self.0.provider_name)
            .field("access_key_id", &self.0.access_key_id)
            .field("expiry", &self.0.expiry)
            .finish_non_exhaustive()
    }
}

/// Something that can produce credentials, possibly by IO.
///
/// ```
/// use awsop_runtime::credentials::ProvideCredentials;
/// use awsop_runtime::Credentials;
/// # async fn demo() {
/// let creds = Credentials::new("AKID", "SECRET", None, None, "static");
/// let got = creds.provide_credentials().await.unwrap();
/// assert_eq!(got.access_key_id(), "AKID");
/// # }
/// ```
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Produce credentials, or say why not.
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>>;

    /// The credentials [`provide_credentials`](Self::provide_credentials)
    /// would produce right now without any IO or waiting, if there are
    /// such: a static set, or a cache's still-fresh entry. Every call asks
    /// this first, so the common case costs no boxed future; `None` (the
    /// default) means "ask `provide_credentials`".
    ///
    /// ```
    /// use awsop_runtime::credentials::ProvideCredentials;
    /// use awsop_runtime::Credentials;
    /// let creds = Credentials::new("AKID", "SECRET", None, None, "static");
    /// assert_eq!(creds.credentials_at_hand().unwrap().access_key_id(), "AKID");
    /// ```
    fn credentials_at_hand(&self) -> Option<Credentials> {
        None
    }
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        let creds = self.clone();
        Box::pin(async move { Ok(creds) })
    }

    fn credentials_at_hand(&self) -> Option<Credentials> {
        Some(self.clone())
    }
}

/// Why a provider produced no credentials.
///
/// `NotLoaded` lets a chain move on to the next provider; every other kind
/// stops the chain, as in the AWS SDKs (a misconfigured profile is an error,
/// not a reason to silently use something else).
#[derive(Debug)]
pub struct CredentialsError {
    kind: CredentialsErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// The broad reason a provider failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsErrorKind {
    /// This provider is not configured here; try the next one.
    NotLoaded,
    /// Configured, but the configuration is wrong.
    InvalidConfiguration,
    /// Configured, but fetching failed (IO, HTTP, process).
    ProviderError,
    /// The provider took too long.
    Timeout,
}

impl CredentialsError {
    /// An error of `kind` with a message (which must never contain a secret).
    pub fn new(kind: CredentialsErrorKind, message: impl Into<String>) -> Self {
        CredentialsError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// "This provider is not configured here".
    pub fn not_loaded(message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::NotLoaded, message)
    }

    /// "Configured, but the configuration is wrong".
    pub fn invalid_configuration(message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::InvalidConfiguration, message)
    }

    /// "Configured, but fetching failed".
    pub fn provider_error(message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::ProviderError, message)
    }

    /// "The provider took too long".
    pub fn timeout(message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::Timeout, message)
    }

    /// Attach the underlying cause.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The broad reason.
    pub fn kind(&self) -> CredentialsErrorKind {
        self.kind
    }

    /// The message (also what `Display` shows).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CredentialsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}
