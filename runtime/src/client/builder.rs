use std::sync::Arc;
use std::time::Duration;

use super::{Client, ClientInner, ClockSkew, ConfigError, EndpointCache};
use crate::call_options::{PayloadSigning, RequestChecksum};
use crate::credentials::{
    CredentialsSources, DefaultCredentialsChain, ImdsCredentials, LazyCachingCredentials,
    ProvideCredentials, ProvideMfaToken,
};
use crate::env::Env;
use crate::profile::ProfileSet;
use crate::redact::Secrets;
use crate::region::{region_from_env, Region};
use crate::retry::{AdaptiveRateLimiter, RetryConfig, RetryMode, RetryQuota, XorShiftRng};
use crate::s3::AddressingStyle;
use crate::sigv4::{SigningKeyCache, SigningSettings};
use crate::time::{AsyncSleep, SystemClock, TimeSource, TokioSleep};
use crate::token::{IdempotencyTokenGenerator, RandomUuid};
use crate::transport::{HttpClient, HyperClient, TransportSettings};

/// Builds a [`Client`]. Settings made in code win over those loaded by
/// [`ClientBuilder::from_env`].
///
/// ```
/// use std::time::Duration;
/// use awsop_runtime::{Client, Credentials};
/// let client = Client::builder()
///     .region("eu-west-1")
///     .credentials(Credentials::new("AKID", "SECRET", None, None, "static"))
///     .max_attempts(5)
///     .attempt_timeout(Duration::from_secs(2))
///     .build()
///     .unwrap();
/// assert_eq!(client.region().unwrap().as_str(), "eu-west-1");
/// ```
#[derive(Default)]
pub struct ClientBuilder {
    env: Option<Env>,
    profile: Option<Arc<ProfileSet>>,
    region: Option<String>,
    loaded_region: Option<Region>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    /// `from_env`: without credentials set in code, the default chain.
    default_chain: bool,
    sources: Option<Arc<dyn CredentialsSources>>,
    mfa: Option<Arc<dyn ProvideMfaToken>>,
    unsigned: bool,
    secrets: Option<Arc<Secrets>>,
    endpoint_url: Option<String>,
    use_fips: Option<bool>,
    use_dual_stack: Option<bool>,
    s3_addressing: Option<AddressingStyle>,
    payload_signing: PayloadSigning,
    request_checksum: RequestChecksum,
    retry: Option<RetryConfig>,
    max_attempts: Option<u32>,
    transport: TransportSettings,
    attempt_timeout: Option<Duration>,
    operation_timeout: Option<Duration>,
    http: Option<Arc<dyn HttpClient>>,
    time: Option<Arc<dyn TimeSource>>,
    sleep: Option<Arc<dyn AsyncSleep>>,
    tokens: Option<Arc<dyn IdempotencyTokenGenerator>>,
    #[cfg(feature = "test-util")]
    mock: Option<Arc<dyn crate::mock_hook::AttemptHook>>,
}

impl ClientBuilder {
    /// A builder with nothing set.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder loaded from the real process environment and the shared
    /// config files (see [`ClientBuilder::from_env_with`]).
    pub async fn from_env() -> Result<Self, ConfigError> {
        Self::from_env_with(Env::real()).await
    }

    /// A builder loaded from `env` and the shared `config` / `credentials`
    /// files it points to (`AWS_PROFILE`, `AWS_CONFIG_FILE`,
    /// `AWS_SHARED_CREDENTIALS_FILE`): region (`AWS_REGION`,
    /// `AWS_DEFAULT_REGION`, profile `region`, else the EC2 instance's from
    /// IMDS), retry settings (`AWS_MAX_ATTEMPTS`, `AWS_RETRY_MODE`,
    /// `max_attempts`, `retry_mode`), when uploads carry a checksum
    /// (`AWS_REQUEST_CHECKSUM_CALCULATION`, `request_checksum_calculation`:
    /// [`RequestChecksum::from_env`]), endpoint settings
    /// (`AWS_ENDPOINT_URL[_<SERVICE>]`, FIPS, dual-stack, profile
    /// `endpoint_url` and `services`) and, unless credentials are set in
    /// code, the [default credentials chain](DefaultCredentialsChain)
    /// (environment, web identity, profile, container, IMDS), cached and
    /// refreshed ahead of expiry.
    pub async fn from_env_with(env: Env) -> Result<Self, ConfigError> {
        let profile = Arc::new(
            ProfileSet::load(&env)
                .await
                .map_err(ConfigError::from_error)?,
        );
        let mut builder = Self::from_profile_set(env.clone(), profile)?;
        if builder.loaded_region.is_none() {
            // Last in the SDKs' order: on EC2 the instance's own region. Off
            // EC2 this fails fast (1 s connect timeout at most), and
            // `AWS_EC2_METADATA_DISABLED=true` skips it.
            builder.loaded_region = ImdsCredentials::new(env).region().await.ok().flatten();
        }
        builder.default_chain = true;
        Ok(builder)
    }

    /// A builder from `env` and shared files already loaded: region (the
    /// environment's, else the profile's; IMDS is not asked), retry and
    /// endpoint settings, and no credentials. What credentials providers
    /// build their STS and IAM Identity Center clients from.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use awsop_runtime::{env::Env, profile::ProfileSet, ClientBuilder};
    /// let set = ProfileSet::parse("[default]\nregion = eu-west-1\n", "", "default").unwrap();
    /// let client = ClientBuilder::from_profile_set(Env::from_pairs::<&str, &str>([]), Arc::new(set))
    ///     .unwrap()
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(client.region().unwrap().as_str(), "eu-west-1");
    /// ```
    pub fn from_profile_set(env: Env, profile: Arc<ProfileSet>) -> Result<Self, ConfigError> {
        let loaded_region =
            region_from_env(&env, Some(&profile)).map_err(ConfigError::from_error)?;
        let retry = RetryConfig::from_env(&env, Some(&profile)).map_err(ConfigError::from_error)?;
        let request_checksum = RequestChecksum::from_env(&env, Some(&profile))?.unwrap_or_default();
        Ok(ClientBuilder {
            env: Some(env),
            profile: Some(profile),
            loaded_region,
            retry: Some(retry),
            request_checksum,
            ..Self::default()
        })
    }

    /// Where the default chain gets the providers of assume-role, web
    /// identity and IAM Identity Center steps (default: the installed ones,
    /// see [`crate::credentials::sources`]). Only for credentials loaded by
    /// [`from_env`](Self::from_env).
    pub fn credentials_sources(mut self, sources: Arc<dyn CredentialsSources>) -> Self {
        self.sources = Some(sources);
        self
    }

    /// The MFA callback for profile roles with `mfa_serial` (see
    /// [`ProvideMfaToken`]). Only for credentials loaded by
    /// [`from_env`](Self::from_env).
    pub fn mfa_token(mut self, mfa: Arc<dyn ProvideMfaToken>) -> Self {
        self.mfa = Some(mfa);
        self
    }

    /// Send requests without credentials and without a signature: for the
    /// few anonymous calls (STS `AssumeRoleWithWebIdentity`, the SSO
    /// portal's `GetRoleCredentials`, which carry their own token).
    ///
    /// ```
    /// let client = awsop_runtime::Client::builder().region("us-east-1").unsigned().build().unwrap();
    /// # drop(client);
    /// ```
    pub fn unsigned(mut self) -> Self {
        self.unsigned = true;
        self
    }

    /// Secrets besides the signing credentials that this client's calls
    /// carry (a bearer token, a web identity token): a service that
    /// echoes one in an error response has it cut out of the body, the
    /// headers and every string decoded from them, as the signing
    /// credentials are.
    ///
    /// ```
    /// use awsop_runtime::redact::Secrets;
    /// let secrets = Secrets::new();
    /// secrets.add("token-123");
    /// let client = awsop_runtime::Client::builder()
    ///     .region("us-east-1")
    ///     .unsigned()
    ///     .redact_secrets(secrets)
    ///     .build()
    ///     .unwrap();
    /// # drop(client);
    /// ```
    pub fn redact_secrets(mut self, secrets: Arc<Secrets>) -> Self {
        self.secrets = Some(secrets);
        self
    }

    /// The region to call (validated: `[a-z0-9-]` only).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Credentials, or any credentials provider.
    pub fn credentials(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// A shared credentials provider.
    pub fn credentials_provider(mut self, provider: Arc<dyn ProvideCredentials>) -> Self {
        self.credentials = Some(provider);
        self
    }

    /// An endpoint URL for every service (wins over all configuration).
    /// Its path prefix is kept.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Use FIPS endpoints.
    pub fn use_fips(mut self, on: bool) -> Self {
        self.use_fips = Some(on);
        self
    }

    /// Use dual-stack (IPv4 and IPv6) endpoints.
    pub fn use_dual_stack(mut self, on: bool) -> Self {
        self.use_dual_stack = Some(on);
        self
    }

    /// How S3 requests address their bucket (wins over the config file's
    /// `s3 =` section `addressing_style`). Default: [`AddressingStyle::Auto`],
    /// virtual-hosted style where the bucket name allows it.
    ///
    /// ```
    /// use awsop_runtime::{s3::AddressingStyle, Client};
    /// let client = Client::builder().s3_addressing_style(AddressingStyle::Path).build().unwrap();
    /// # drop(client);
    /// ```
    pub fn s3_addressing_style(mut self, style: AddressingStyle) -> Self {
        self.s3_addressing = Some(style);
        self
    }

    /// Whether request bodies' SHA-256 is signed, for every call (a call's
    /// `CallOptions` may override it). Default: [`PayloadSigning::Signed`].
    pub fn payload_signing(mut self, signing: PayloadSigning) -> Self {
        self.payload_signing = signing;
        self
    }

    /// When request bodies carry a checksum the service checks, for every
    /// call (a call's `CallOptions` may override it). Default:
    /// [`RequestChecksum::WhenSupported`]: a streamed S3 upload is sent
    /// with a trailing CRC32.
    ///
    /// ```
    /// use awsop_runtime::{call_options::RequestChecksum, Client};
    /// let client = Client::builder()
    ///     .request_checksum(RequestChecksum::WhenRequired)
    ///     .build()
    ///     .unwrap();
    /// # drop(client);
    /// ```
    pub fn request_checksum(mut self, checksum: RequestChecksum) -> Self {
        self.request_checksum = checksum;
        self
    }

    /// The whole retry configuration.
    pub fn retry_config(mut self, retry: RetryConfig) -> Self {
        self.retry = Some(retry);
        self
    }

    /// Attempts per call, the first included (1 disables retries).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts);
        self
    }

    /// How long to wait for a connection, TCP connect and TLS handshake
    /// together (default 3.1 s, as the AWS SDKs; `None`: no limit). See
    /// [`TransportSettings::connect_timeout`]. Applies to the built-in
    /// transport, not to one given with [`http_client`](Self::http_client).
    ///
    /// ```
    /// use std::time::Duration;
    /// let client = awsop_runtime::Client::builder()
    ///     .connect_timeout(Duration::from_secs(1))
    ///     .read_timeout(Duration::from_secs(20))
    ///     .build()
    ///     .unwrap();
    /// # drop(client);
    /// // `None` removes a limit:
    /// let patient = awsop_runtime::Client::builder().read_timeout(None).build().unwrap();
    /// # drop(patient);
    /// ```
    pub fn connect_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.transport.connect_timeout = timeout.into();
        self
    }

    /// How long to wait for a response to start, and then between pieces
    /// of its body (default 60 s, the aws CLI's; `None`: no limit). A
    /// silent or trickling server fails the attempt with a timeout (which
    /// is retried) instead of holding it, and its in-flight slot, forever.
    /// See [`TransportSettings::read_timeout`]; like
    /// [`connect_timeout`](Self::connect_timeout), for the built-in
    /// transport.
    pub fn read_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.transport.read_timeout = timeout.into();
        self
    }

    /// Time limit of one attempt, response body included (default none).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// Time limit of a whole call, retries and backoff included (default none).
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = Some(timeout);
        self
    }

    /// Largest response body accepted (default 10 MiB).
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.transport.max_response_bytes = bytes;
        self
    }

    /// Requests on the wire at once (default 256; `None`: no limit). See
    /// [`TransportSettings::max_concurrent_requests`].
    pub fn max_concurrent_requests(mut self, limit: Option<usize>) -> Self {
        self.transport.max_concurrent_requests = limit;
        self
    }

    /// Speak HTTP/2 to cleartext endpoints without negotiation (h2c).
    pub fn http2_prior_knowledge(mut self, on: bool) -> Self {
        self.transport.http2_prior_knowledge = on;
        self
    }

    /// Your own HTTP client instead of the default [`HyperClient`].
    pub fn http_client(mut self, client: impl HttpClient + 'static) -> Self {
        self.http = Some(Arc::new(client));
        self
    }

    /// A shared HTTP client.
    pub fn shared_http_client(mut self, client: Arc<dyn HttpClient>) -> Self {
        self.http = Some(client);
        self
    }

    /// The clock used for signing (tests fix it).
    pub fn time_source(mut self, time: impl TimeSource + 'static) -> Self {
        self.time = Some(Arc::new(time));
        self
    }

    /// A shared clock used for signing.
    pub fn shared_time_source(mut self, time: Arc<dyn TimeSource>) -> Self {
        self.time = Some(time);
        self
    }

    /// What the client waits with between retry attempts (default: tokio's
    /// timer). Tests give an [`InstantSleep`](crate::time::InstantSleep),
    /// so a throttled-then-successful call takes no time and the backoff
    /// it would have waited can be checked.
    ///
    /// ```
    /// use awsop_runtime::time::InstantSleep;
    /// let sleep = InstantSleep::new();
    /// let client = awsop_runtime::Client::builder().sleep(sleep.clone()).build().unwrap();
    /// # drop(client);
    /// ```
    pub fn sleep(mut self, sleep: impl AsyncSleep + 'static) -> Self {
        self.sleep = Some(Arc::new(sleep));
        self
    }

    /// The idempotency-token generator (tests fix it).
    pub fn token_generator(mut self, tokens: impl IdempotencyTokenGenerator + 'static) -> Self {
        self.tokens = Some(Arc::new(tokens));
        self
    }

    /// Makes `hook` answer every attempt instead of signing and sending:
    /// what `awsop::mock::Mock::client` builds on. Not a stable API.
    #[cfg(feature = "test-util")]
    #[doc(hidden)]
    pub fn attempt_hook(mut self, hook: Arc<dyn crate::mock_hook::AttemptHook>) -> Self {
        self.mock = Some(hook);
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        let region = match self.region {
            Some(name) => Some(Region::new(name).map_err(ConfigError::from_error)?),
            None => self.loaded_region,
        };
        let mut retry = self.retry.unwrap_or_default();
        if let Some(attempts) = self.max_attempts {
            if attempts == 0 {
                return Err(ConfigError::new(
                    "max_attempts must be at least 1 (1 disables retries)",
                    None,
                ));
            }
            retry.max_attempts = attempts;
        }
        let credentials = match (self.credentials, self.default_chain, &self.env) {
            (Some(credentials), _, _) => credentials,
            (None, true, Some(env)) => Arc::new(LazyCachingCredentials::new(
                DefaultCredentialsChain::new(env.clone())
                    .with_sources(self.sources)
                    .with_mfa_token(self.mfa),
            )),
            _ => Arc::new(NoCredentials),
        };
        let http: Arc<dyn HttpClient> = match self.http {
            Some(http) => http,
            None => Arc::new(HyperClient::new(self.transport).map_err(ConfigError::from_error)?),
        };
        let s3_addressing = match self.s3_addressing {
            Some(style) => style,
            None => s3_addressing_from_profile(self.profile.as_deref())?,
        };
        let endpoints = EndpointCache::new(
            // A bare builder reads no environment: only what is set in code applies.
            self.env
                .unwrap_or_else(|| Env::from_pairs::<String, String>([])),
            self.profile,
            self.endpoint_url,
            self.use_fips,
            self.use_dual_stack,
        );
        let rate_limiter = (retry.mode == RetryMode::Adaptive).then(AdaptiveRateLimiter::new);
        let time: Arc<dyn TimeSource> = self.time.unwrap_or_else(|| Arc::new(SystemClock));
        Ok(Client {
            inner: Arc::new(ClientInner {
                region,
                credentials,
                endpoints,
                quota: RetryQuota::new(),
                jitter: Box::new(XorShiftRng::new()),
                rate_limiter,
                retry,
                attempt_timeout: self.attempt_timeout,
                operation_timeout: self.operation_timeout,
                http,
                time,
                sleep: self.sleep.unwrap_or_else(|| Arc::new(TokioSleep)),
                tokens: self.tokens.unwrap_or_else(|| Arc::new(RandomUuid)),
                signing_keys: SigningKeyCache::default(),
                signing: SigningSettings::default(),
                payload_signing: self.payload_signing,
                request_checksum: self.request_checksum,
                s3_addressing,
                clock_skew: ClockSkew::default(),
                sign_requests: !self.unsigned,
                secrets: self.secrets,
                #[cfg(feature = "test-util")]
                mock: self.mock,
            }),
        })
    }
}

/// The selected profile's `s3 =` section `addressing_style`, as the AWS
/// CLI and boto3 read it.
fn s3_addressing_from_profile(
    profile: Option<&ProfileSet>,
) -> Result<AddressingStyle, ConfigError> {
    let value = profile
        .and_then(ProfileSet::selected_profile)
        .and_then(|section| section.sub_property("s3", "addressing_style"));
    match value {
        None => Ok(AddressingStyle::default()),
        Some(value) => value
            .parse()
            .map_err(|e| ConfigError::caused_by(format!("in the shared config file: {e}"), e)),
    }
}

/// The provider of a builder given no credentials: every call fails with a
/// credentials error that says how to configure them.
#[derive(Debug)]
struct NoCredentials;

impl ProvideCredentials for NoCredentials {
    fn provide_credentials(
        &self,
    ) -> crate::BoxFuture<'_, Result<crate::Credentials, crate::credentials::CredentialsError>>
    {
        Box::pin(async {
            Err(crate::credentials::CredentialsError::new(
                crate::credentials::CredentialsErrorKind::InvalidConfiguration,
                "no credentials configured: use Client::from_env() or ClientBuilder::credentials()",
            ))
        })
    }
}
