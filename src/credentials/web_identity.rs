//! Web identity credentials: STS `AssumeRoleWithWebIdentity`, unsigned,
//! with a token file read again at every refresh.

use std::fmt;
use std::sync::Arc;

use awsop_runtime::credentials::{
    read_token_file, CredentialsError, LazyCachingCredentials, ProvideCredentials, SourceContext,
    WebIdentityConfig,
};
use awsop_runtime::redact::Secrets;
use awsop_runtime::text::Escaped;
use awsop_runtime::time::TimeSource;
use awsop_runtime::{BoxFuture, Client, Credentials};

use super::assume_role::session;
use super::sts_client::sts_client;
use super::support::{call_failed, generated_session_name};
use crate::sts::AssumeRoleWithWebIdentity;

/// Credentials of a role assumed with an OpenID Connect token: EKS IAM
/// roles for service accounts, GitHub Actions, any OIDC provider the
/// role trusts.
///
/// - The token file (`AWS_WEB_IDENTITY_TOKEN_FILE` or a profile's
///   `web_identity_token_file`) is read again for every session, since
///   the platform rotates it; it is read like every local file (at most
///   64 KiB, never a FIFO).
/// - `AssumeRoleWithWebIdentity` is sent unsigned: the token is the
///   credential. It never appears in `Debug`, logs or errors, even when
///   STS echoes it.
/// - The session is cached and renewed 5 minutes before it expires, one
///   renewal for all concurrent callers.
///
/// ```no_run
/// use awsop::credentials::WebIdentityCredentials;
/// use awsop::runtime::credentials::{SourceContext, WebIdentityConfig};
/// use awsop::runtime::env::Env;
/// # fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let config = WebIdentityConfig {
///     profile: None,
///     token_file: "/var/run/secrets/eks.amazonaws.com/serviceaccount/token".into(),
///     role_arn: "arn:aws:iam::123456789012:role/app".into(),
///     session_name: None,
/// };
/// let provider = WebIdentityCredentials::new(config, &SourceContext::new(Env::real(), None))?;
/// let client = awsop::Client::builder().region("eu-west-1").credentials(provider).build()?;
/// # drop(client);
/// # Ok(()) }
/// ```
pub struct WebIdentityCredentials {
    cached: LazyCachingCredentials,
}

impl WebIdentityCredentials {
    /// A provider for `config`, calling STS with `cx`'s configuration.
    pub fn new(config: WebIdentityConfig, cx: &SourceContext) -> Result<Self, CredentialsError> {
        let secrets = Secrets::new();
        let sts = sts_client(cx, None, &secrets)?;
        let fetch = Fetch {
            config,
            sts,
            secrets,
            time: Arc::clone(cx.time_source()),
        };
        Ok(WebIdentityCredentials {
            cached: LazyCachingCredentials::new(fetch)
                .with_time_source(Arc::clone(cx.time_source())),
        })
    }
}

impl fmt::Debug for WebIdentityCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebIdentityCredentials")
            .field("cached", &self.cached)
            .finish()
    }
}

impl ProvideCredentials for WebIdentityCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        self.cached.provide_credentials()
    }

    fn credentials_at_hand(&self) -> Option<Credentials> {
        self.cached.credentials_at_hand()
    }
}

struct Fetch {
    config: WebIdentityConfig,
    sts: Client,
    secrets: Arc<Secrets>,
    time: Arc<dyn TimeSource>,
}

impl fmt::Debug for Fetch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebIdentityFetch")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Fetch {
    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let arn = Escaped(&self.config.role_arn).to_string();
        let token = read_token_file(&self.config.token_file).await?;
        self.secrets.add(&token);
        let request = AssumeRoleWithWebIdentity {
            role_arn: self.config.role_arn.clone(),
            role_session_name: self
                .config
                .session_name
                .clone()
                .unwrap_or_else(|| generated_session_name(self.time.now())),
            web_identity_token: token.clone(),
            ..Default::default()
        };
        let what = format!("STS AssumeRoleWithWebIdentity {arn}");
        let out = request
            .send(&self.sts)
            .await
            .map_err(|e| call_failed(&what, &e, &[token.as_str()]))?;
        let creds = session(out.credentials, &what)?;
        tracing::debug!(role = %arn, "credentials loaded with a web identity token");
        Ok(creds)
    }
}

impl ProvideCredentials for Fetch {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
