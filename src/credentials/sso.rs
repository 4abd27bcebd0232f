//! IAM Identity Center credentials: the token `aws sso login` cached,
//! refreshed through SSO-OIDC when it is about to expire, exchanged for a
//! role's credentials by the SSO portal.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awsop_runtime::credentials::{
    CredentialsError, LazyCachingCredentials, ProvideCredentials, SourceContext, SsoConfig,
    SsoToken, SsoTokenCache,
};
use awsop_runtime::redact::Secrets;
use awsop_runtime::text::Escaped;
use awsop_runtime::time::TimeSource;
use awsop_runtime::{BoxFuture, Client, Credentials};

use super::support::{call_failed, service_client};
use crate::sso::{GetRoleCredentials, SsoError};
use crate::sso_oidc::CreateToken;

/// A token this close to its expiry is refreshed before it is used.
pub const SSO_REFRESH_WINDOW: Duration = Duration::from_secs(5 * 60);

/// At most one refresh attempt this often, successful or not, so a failing
/// OIDC endpoint is not hammered by every credentials load.
pub const SSO_REFRESH_INTERVAL: Duration = Duration::from_secs(30);

/// Credentials of an IAM Identity Center role (`sso_account_id`,
/// `sso_role_name`), from the access token `aws sso login` cached in
/// `~/.aws/sso/cache`.
///
/// - **`sso_session` profiles**: a token within [`SSO_REFRESH_WINDOW`]
///   (5 minutes) of expiry is refreshed through SSO-OIDC `CreateToken`
///   (`grantType = refresh_token`), at most once per
///   [`SSO_REFRESH_INTERVAL`] (30 s), and the cache file rewritten
///   atomically (the aws CLI then sees the new token too). A failed refresh
///   keeps using the old token while it is valid.
/// - **Legacy profiles** (`sso_start_url` in the profile): the token is
///   used as cached, never refreshed.
/// - An expired token that cannot be refreshed, a missing or unreadable
///   cache file, or a token the portal refuses: an error that says to run
///   `aws sso login --profile <name>`.
///
/// The role's credentials are cached and refreshed 5 minutes before they
/// expire, once for all concurrent callers. The calls are unsigned; the
/// access token, the refresh token and the client secret never appear in
/// `Debug`, logs or errors, even when a service echoes them.
///
/// ```no_run
/// use awsop::credentials::SsoCredentials;
/// use awsop::runtime::credentials::{ProfileChain, BaseSource, SourceContext};
/// use awsop::runtime::{env::Env, profile::ProfileSet};
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let env = Env::real();
/// let set = ProfileSet::load(&env).await?;
/// if let Some(ProfileChain { base: BaseSource::Sso(config), .. }) = ProfileChain::resolve(&set)? {
///     let provider = SsoCredentials::new(config, &SourceContext::new(env, Some(set.into())))?;
///     let client = awsop::Client::builder().region("eu-west-1").credentials(provider).build()?;
/// #   drop(client);
/// }
/// # Ok(()) }
/// ```
pub struct SsoCredentials {
    cached: LazyCachingCredentials,
}

impl SsoCredentials {
    /// A provider for `config`, calling the portal and SSO-OIDC in its
    /// `sso_region` with `cx`'s configuration (`AWS_ENDPOINT_URL_SSO`,
    /// `AWS_ENDPOINT_URL_SSO_OIDC`, retries), the token cache in `cx`'s
    /// home directory.
    pub fn new(config: SsoConfig, cx: &SourceContext) -> Result<Self, CredentialsError> {
        let cache = SsoTokenCache::from_env(cx.env());
        Self::with_cache(config, cx, cache)
    }

    /// Like [`new`](Self::new) with the token cache in another place.
    pub fn with_cache(
        config: SsoConfig,
        cx: &SourceContext,
        cache: SsoTokenCache,
    ) -> Result<Self, CredentialsError> {
        let secrets = Secrets::new();
        let region = config.region.as_str().to_owned();
        let portal = service_client(cx, &region, &secrets, true, "SSO")?;
        let oidc = service_client(cx, &region, &secrets, true, "SSO-OIDC")?;
        let fetch = Fetch {
            config,
            cache,
            portal,
            oidc,
            secrets,
            time: Arc::clone(cx.time_source()),
            last_refresh: tokio::sync::Mutex::new(None),
        };
        Ok(SsoCredentials {
            cached: LazyCachingCredentials::new(fetch)
                .with_time_source(Arc::clone(cx.time_source())),
        })
    }
}

impl fmt::Debug for SsoCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SsoCredentials")
            .field("cached", &self.cached)
            .finish()
    }
}

impl ProvideCredentials for SsoCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        self.cached.provide_credentials()
    }

    fn credentials_at_hand(&self) -> Option<Credentials> {
        self.cached.credentials_at_hand()
    }
}

/// One uncached load: token (refreshed if due), then `GetRoleCredentials`.
struct Fetch {
    config: SsoConfig,
    cache: SsoTokenCache,
    portal: Client,
    oidc: Client,
    secrets: Arc<Secrets>,
    time: Arc<dyn TimeSource>,
    /// When a refresh was last attempted; held across the attempt.
    last_refresh: tokio::sync::Mutex<Option<SystemTime>>,
}

impl fmt::Debug for Fetch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SsoFetch")
            .field("profile", &self.config.profile)
            .field("session", &self.config.session_name)
            .field("region", &self.config.region)
            .field("account_id", &self.config.account_id)
            .field("role_name", &self.config.role_name)
            .finish_non_exhaustive()
    }
}

impl Fetch {
    fn login_hint(&self) -> String {
        format!(
            "run `aws sso login --profile {}`",
            Escaped(&self.config.profile)
        )
    }

    async fn token(&self) -> Result<SsoToken, CredentialsError> {
        let key = self.config.cache_key();
        let hint = || self.login_hint();
        let token = self
            .cache
            .load(key)
            .await
            .map_err(|e| CredentialsError::provider_error(format!("{e}; {}", hint())))?
            .ok_or_else(|| {
                CredentialsError::provider_error(format!(
                    "SSO: no cached token for profile `{}` ({} does not exist); {}",
                    Escaped(&self.config.profile),
                    Escaped(&self.cache.path_for(key).display().to_string()),
                    hint()
                ))
            })?;
        self.remember(&token);
        let now = self.time.now();
        let due = token.expires_at <= now + SSO_REFRESH_WINDOW;
        // The legacy form has no registration to refresh with.
        let token = if due && self.config.session_name.is_some() {
            self.refresh(token).await
        } else {
            token
        };
        if token.expires_at <= self.time.now() {
            return Err(CredentialsError::provider_error(format!(
                "SSO: the token of profile `{}` has expired and could not be refreshed; {}",
                Escaped(&self.config.profile),
                hint()
            )));
        }
        Ok(token)
    }

    /// The refreshed token, or `token` itself when no refresh is possible
    /// or allowed yet, or the attempt failed.
    async fn refresh(&self, token: SsoToken) -> SsoToken {
        let mut last = self.last_refresh.lock().await;
        let now = self.time.now();
        if last.is_some_and(|at| now < at + SSO_REFRESH_INTERVAL) {
            return token;
        }
        // Another caller may have refreshed while this one waited.
        if let Ok(Some(cached)) = self.cache.load(self.config.cache_key()).await {
            if cached.expires_at > now + SSO_REFRESH_WINDOW {
                self.remember(&cached);
                return cached;
            }
        }
        if !token.can_refresh(now) {
            tracing::debug!(
                "SSO: the cached token cannot be refreshed (no refresh token or registration)"
            );
            return token;
        }
        *last = Some(now);
        match self.create_token(&token).await {
            Ok(fresh) => {
                if let Err(e) = self.cache.store(self.config.cache_key(), &fresh).await {
                    tracing::warn!(error = %e, "SSO: the refreshed token could not be cached");
                }
                tracing::debug!("SSO: token refreshed");
                fresh
            }
            Err(e) => {
                tracing::warn!(error = %e, "SSO: token refresh failed");
                token
            }
        }
    }

    async fn create_token(&self, token: &SsoToken) -> Result<SsoToken, CredentialsError> {
        let request = CreateToken {
            client_id: token.client_id.clone().unwrap_or_default(),
            client_secret: token.client_secret.clone().unwrap_or_default(),
            grant_type: "refresh_token".to_owned(),
            refresh_token: token.refresh_token.clone(),
            ..Default::default()
        };
        let secrets = [
            token.access_token.as_str(),
            token.refresh_token.as_deref().unwrap_or_default(),
            token.client_secret.as_deref().unwrap_or_default(),
        ];
        let sent = request
            .send(&self.oidc)
            .await
            .map_err(|e| call_failed("SSO-OIDC CreateToken", &e, &secrets))?;
        let (Some(access_token), Some(expires_in)) = (sent.access_token, sent.expires_in) else {
            return Err(CredentialsError::provider_error(
                "SSO-OIDC CreateToken: the answer has no accessToken or expiresIn",
            ));
        };
        let mut fresh = token.clone();
        fresh.access_token = access_token;
        fresh.expires_at =
            self.time.now() + Duration::from_secs(u64::try_from(expires_in).unwrap_or(0));
        if let Some(refresh_token) = sent.refresh_token {
            fresh.refresh_token = Some(refresh_token);
        }
        self.remember(&fresh);
        Ok(fresh)
    }

    fn remember(&self, token: &SsoToken) {
        self.secrets.add(&token.access_token);
        for secret in [&token.refresh_token, &token.client_secret]
            .into_iter()
            .flatten()
        {
            self.secrets.add(secret);
        }
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let token = self.token().await?;
        let request = GetRoleCredentials {
            role_name: self.config.role_name.clone(),
            account_id: self.config.account_id.clone(),
            access_token: token.access_token.clone(),
        };
        let secrets = [token.access_token.as_str()];
        let out = request.send(&self.portal).await.map_err(|e| {
            let mut err = call_failed("SSO GetRoleCredentials", &e, &secrets);
            if matches!(e.service_error(), Some(SsoError::UnauthorizedException(_))) {
                err = CredentialsError::provider_error(format!("{err}; {}", self.login_hint()));
            }
            err
        })?;
        let creds = out.role_credentials.unwrap_or_default();
        let (Some(id), Some(secret)) = (creds.access_key_id, creds.secret_access_key) else {
            return Err(CredentialsError::provider_error(
                "SSO GetRoleCredentials: the answer has no access key",
            ));
        };
        let expiry = creds
            .expiration
            .and_then(|ms| u64::try_from(ms).ok())
            .map(|ms| UNIX_EPOCH + Duration::from_millis(ms));
        tracing::debug!(profile = %Escaped(&self.config.profile), "credentials loaded from IAM Identity Center");
        Ok(Credentials::new(
            id,
            secret,
            creds.session_token,
            expiry,
            "sso",
        ))
    }
}

impl ProvideCredentials for Fetch {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
