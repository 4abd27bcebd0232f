//! The [`Client`]: configuration and shared state that every call uses.

mod builder;
mod clock_skew;
mod endpoints;

pub use crate::error::ConfigError;
pub use builder::ClientBuilder;

pub(crate) use clock_skew::{ClockSkew, Offset};
pub(crate) use endpoints::EndpointCache;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::credentials::{Credentials, CredentialsError, ProvideCredentials};
use crate::error::Error;
use crate::operation::OperationMetadata;
use crate::region::Region;
use crate::retry::{AdaptiveRateLimiter, RandomSource, RetryConfig, RetryQuota};
use crate::sigv4::{SigningKeyCache, SigningSettings};
use crate::time::{AsyncSleep, TimeSource};
use crate::token::IdempotencyTokenGenerator;
use crate::transport::HttpClient;

/// The handle operations are sent through: region, credentials, endpoint
/// settings, retry policy, timeouts and the HTTP client.
///
/// Cheap to clone (one reference count) and `Send + Sync`: build one and
/// share it. Clones share the connection pool, the credentials cache, the
/// retry quota and the signing-key cache.
///
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// // The standard AWS configuration chain: environment, shared files, container, IMDS.
/// let client = awsop_runtime::Client::from_env().await?;
///
/// // Or everything in code:
/// let client = awsop_runtime::Client::builder()
///     .region("us-east-1")
///     .credentials(awsop_runtime::Credentials::new("AKID", "SECRET", None, None, "static"))
///     .endpoint_url("http://127.0.0.1:9000")
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) region: Option<Region>,
    pub(crate) credentials: Arc<dyn ProvideCredentials>,
    pub(crate) endpoints: EndpointCache,
    pub(crate) retry: RetryConfig,
    pub(crate) quota: RetryQuota,
    pub(crate) jitter: Box<dyn RandomSource>,
    pub(crate) rate_limiter: Option<AdaptiveRateLimiter>,
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) operation_timeout: Option<Duration>,
    pub(crate) http: Arc<dyn HttpClient>,
    pub(crate) time: Arc<dyn TimeSource>,
    /// What retry backoff and the adaptive rate limiter wait with.
    pub(crate) sleep: Arc<dyn AsyncSleep>,
    pub(crate) tokens: Arc<dyn IdempotencyTokenGenerator>,
    pub(crate) signing_keys: SigningKeyCache,
    pub(crate) signing: SigningSettings,
    /// Whether request bodies' hashes are signed (a call may override it).
    pub(crate) payload_signing: crate::call_options::PayloadSigning,
    /// When request bodies carry a checksum (a call may override it).
    pub(crate) request_checksum: crate::call_options::RequestChecksum,
    /// How S3 requests address their bucket.
    pub(crate) s3_addressing: crate::s3::AddressingStyle,
    pub(crate) clock_skew: ClockSkew,
    /// False for [`ClientBuilder::unsigned`]: no credentials, no signature.
    pub(crate) sign_requests: bool,
    /// Secrets besides the credentials, cut out of error responses.
    pub(crate) secrets: Option<Arc<crate::redact::Secrets>>,
    /// What answers every attempt of a mock client (`awsop::mock`),
    /// instead of signing and sending.
    #[cfg(feature = "test-util")]
    pub(crate) mock: Option<Arc<dyn crate::mock_hook::AttemptHook>>,
}

impl ClientInner {
    /// The client's region and the endpoint of `meta`'s service in it: what
    /// every call (and every presigned URL) is routed by.
    pub(crate) fn region_and_endpoint<E>(
        &self,
        meta: &OperationMetadata,
    ) -> Result<(&Region, Arc<endpoints::Resolved>), Error<E>> {
        let region = self.region.as_ref().ok_or_else(|| {
            Error::configuration(
                "no region configured: set AWS_REGION, a profile `region`, or ClientBuilder::region",
            )
        })?;
        let endpoint = self
            .endpoints
            .resolve(meta, region)
            .map_err(|e| Error::configuration_error(ConfigError::from_error(e)))?;
        Ok((region, endpoint))
    }

    /// The credentials to sign a call (or a presigned URL) with: those at
    /// hand when there are (no boxed future), else the provider's load.
    pub(crate) async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        match self.credentials.credentials_at_hand() {
            Some(credentials) => Ok(credentials),
            None => self.credentials.provide_credentials().await,
        }
    }
}

impl Client {
    /// A builder with nothing loaded from the environment.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// A client configured by the standard AWS chain (environment variables,
    /// shared `config`/`credentials` files, container and instance metadata
    /// credentials). See [`ClientBuilder::from_env`].
    pub async fn from_env() -> Result<Client, ConfigError> {
        ClientBuilder::from_env().await?.build()
    }

    /// The region calls are sent to, if one is configured.
    pub fn region(&self) -> Option<&Region> {
        self.inner.region.as_ref()
    }

    /// The retry configuration.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.inner.retry
    }

    /// Tokens left in the retry quota (the AWS SDKs' retry token bucket).
    pub fn retry_quota_available(&self) -> u32 {
        self.inner.quota.available()
    }

    /// The current estimate of the offset between the service's clock and ours.
    ///
    /// It is learned from the `Date` header of responses that refuse a
    /// signature as stale, and bounded to one day either way: a `Date`
    /// further from the local clock is ignored, so one bad response cannot
    /// make the client sign for 1900 or 9999. The next refusal with a
    /// plausible `Date` replaces it.
    ///
    /// ```
    /// let client = awsop_runtime::Client::builder().build().unwrap();
    /// assert_eq!(client.clock_skew(), std::time::Duration::ZERO);
    /// ```
    pub fn clock_skew(&self) -> Duration {
        self.inner.clock_skew.magnitude()
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Client")
            .field("region", &inner.region)
            .field("credentials", &inner.credentials)
            .field("retry", &inner.retry)
            .field("attempt_timeout", &inner.attempt_timeout)
            .field("operation_timeout", &inner.operation_timeout)
            .field("http", &inner.http)
            .finish_non_exhaustive()
    }
}
