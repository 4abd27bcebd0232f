//! A caching wrapper around any provider: lazy, refresh-ahead, single-flight.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use super::{Credentials, CredentialsError, CredentialsErrorKind, ProvideCredentials};
use crate::time::{SystemClock, TimeSource};
use crate::BoxFuture;

/// How long before expiry credentials are refreshed.
const DEFAULT_REFRESH_BUFFER: Duration = Duration::from_secs(5 * 60);
/// How long credentials without an expiry (environment, static keys in a
/// profile) are reused before the source is read again.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// After a failed refresh while the old credentials still work, how long
/// callers keep using them before the next attempt.
const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(10);

/// Caches the credentials of an inner provider.
///
/// - Loads on first use, not at construction.
/// - Refreshes ahead of expiry (5 minutes before, by default); credentials
///   without an expiry are reloaded every 15 minutes.
/// - One refresh at a time: concurrent callers wait for the load in flight
///   and share its result, success or failure.
/// - If a refresh fails while the cached credentials have not yet expired,
///   callers keep getting them (and a later call retries).
///
/// Time comes from a [`TimeSource`], so tests can move the clock.
///
/// ```
/// use awsop_runtime::credentials::{LazyCachingCredentials, ProvideCredentials};
/// use awsop_runtime::Credentials;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let cached = LazyCachingCredentials::new(Credentials::new("AKID", "SECRET", None, None, "static"));
/// assert_eq!(cached.provide_credentials().await.unwrap().access_key_id(), "AKID");
/// # });
/// ```
#[derive(Debug)]
pub struct LazyCachingCredentials {
    provider: Box<dyn ProvideCredentials>,
    time: Arc<dyn TimeSource>,
    refresh_buffer: Duration,
    default_lifetime: Duration,
    cache: RwLock<Option<Cached>>,
    /// Counts finished loads, so a caller that waited can tell whether a
    /// load ran meanwhile.
    loads_finished: AtomicU64,
    // Held across the inner provider's load: that is what makes concurrent
    // callers share one refresh. Holds the last load's failure (kind and
    // message: `CredentialsError` is not `Clone`) for callers that waited on it.
    refresh: tokio::sync::Mutex<Option<(CredentialsErrorKind, String)>>,
}

#[derive(Debug, Clone)]
struct Cached {
    creds: Credentials,
    /// When to load again.
    refresh_at: SystemTime,
}

impl LazyCachingCredentials {
    /// Caches `provider`'s credentials, timed by the system clock.
    pub fn new(provider: impl ProvideCredentials + 'static) -> Self {
        Self::from_boxed(Box::new(provider))
    }

    /// Like [`new`](Self::new), for a provider already boxed.
    pub fn from_boxed(provider: Box<dyn ProvideCredentials>) -> Self {
        LazyCachingCredentials {
            provider,
            time: Arc::new(SystemClock),
            refresh_buffer: DEFAULT_REFRESH_BUFFER,
            default_lifetime: DEFAULT_LIFETIME,
            cache: RwLock::new(None),
            loads_finished: AtomicU64::new(0),
            refresh: tokio::sync::Mutex::new(None),
        }
    }

    /// Read the time from `time` (tests).
    pub fn with_time_source(mut self, time: Arc<dyn TimeSource>) -> Self {
        self.time = time;
        self
    }

    /// Refresh this long before credentials expire (default 5 minutes).
    pub fn with_refresh_buffer(mut self, buffer: Duration) -> Self {
        self.refresh_buffer = buffer;
        self
    }

    /// Reuse credentials that carry no expiry for this long (default 15 minutes).
    pub fn with_default_lifetime(mut self, lifetime: Duration) -> Self {
        self.default_lifetime = lifetime;
        self
    }

    /// Forget the cached credentials, e.g. after a service rejected them;
    /// the next call loads again.
    pub fn invalidate(&self) {
        *self.cache.write().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn fresh(&self) -> Option<Credentials> {
        let cache = self.cache.read().unwrap_or_else(|e| e.into_inner());
        cache
            .as_ref()
            .filter(|c| self.time.now() < c.refresh_at)
            .map(|c| c.creds.clone())
    }

    fn store(&self, cached: Cached) {
        *self.cache.write().unwrap_or_else(|e| e.into_inner()) = Some(cached);
    }

    /// When credentials loaded at `now` should be loaded again.
    fn refresh_time(&self, creds: &Credentials, now: SystemTime) -> SystemTime {
        let Some(expiry) = creds.expiry() else {
            return now + self.default_lifetime;
        };
        match expiry.duration_since(now) {
            Ok(remaining) if remaining > self.refresh_buffer => expiry - self.refresh_buffer,
            // Shorter-lived than the buffer: use half the remaining time, so a
            // provider handing out short sessions is not called on every request.
            Ok(remaining) => now + remaining / 2,
            Err(_) => now,
        }
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        if let Some(creds) = self.fresh() {
            return Ok(creds);
        }
        let seen = self.loads_finished.load(Ordering::Acquire);
        let mut last_failure = self.refresh.lock().await;
        // Another caller may have refreshed while this one waited...
        if let Some(creds) = self.fresh() {
            return Ok(creds);
        }
        // ...or tried and failed: share that failure rather than queueing
        // one more load per waiting caller.
        if self.loads_finished.load(Ordering::Acquire) != seen {
            if let Some((kind, message)) = last_failure.as_ref() {
                return Err(CredentialsError::new(*kind, message.clone()));
            }
        }
        let result = self.provider.provide_credentials().await;
        self.loads_finished.fetch_add(1, Ordering::Release);
        *last_failure = None;
        match result {
            Ok(creds) => {
                let now = self.time.now();
                let refresh_at = self.refresh_time(&creds, now);
                tracing::debug!(
                    provider = creds.provider_name(),
                    "credentials cache: loaded"
                );
                self.store(Cached {
                    creds: creds.clone(),
                    refresh_at,
                });
                Ok(creds)
            }
            Err(error) => {
                let now = self.time.now();
                let stale = self.cache.read().unwrap_or_else(|e| e.into_inner()).clone();
                match stale {
                    Some(cached) if cached.creds.expiry().map_or(true, |expiry| now < expiry) => {
                        tracing::warn!(
                            error = %error,
                            "credentials cache: refresh failed; using the cached credentials until they expire"
                        );
                        let retry_at = now + RETRY_AFTER_FAILURE;
                        let refresh_at =
                            cached.creds.expiry().map_or(retry_at, |e| retry_at.min(e));
                        let creds = cached.creds.clone();
                        self.store(Cached {
                            creds: creds.clone(),
                            refresh_at,
                        });
                        Ok(creds)
                    }
                    _ => {
                        *last_failure = Some((error.kind(), error.message().to_owned()));
                        Err(error)
                    }
                }
            }
        }
    }
}

impl ProvideCredentials for LazyCachingCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }

    fn credentials_at_hand(&self) -> Option<Credentials> {
        self.fresh()
    }
}
