//! LazyCachingCredentials: caching, refresh ahead of expiry, one shared
//! refresh for concurrent callers, and failures, with a test clock.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awsop_runtime::credentials::{
    CredentialsError, CredentialsErrorKind, LazyCachingCredentials, ProvideCredentials,
};
use awsop_runtime::time::TimeSource;
use awsop_runtime::{BoxFuture, Credentials};

#[derive(Debug)]
struct TestClock(Mutex<SystemTime>);

impl TestClock {
    fn new() -> Arc<Self> {
        Arc::new(TestClock(Mutex::new(
            UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        )))
    }
    fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

impl TimeSource for TestClock {
    fn now(&self) -> SystemTime {
        *self.0.lock().unwrap()
    }
}

/// Hands out `AKID<n>` for the n-th load, expiring `lifetime` after the
/// clock's now (or never), after an optional delay.
#[derive(Debug)]
struct CountingProvider {
    clock: Arc<TestClock>,
    lifetime: Option<Duration>,
    delay: Duration,
    loads: Arc<AtomicUsize>,
    fail: Arc<AtomicBool>,
}

impl CountingProvider {
    fn new(clock: &Arc<TestClock>, lifetime: Option<Duration>) -> Self {
        CountingProvider {
            clock: Arc::clone(clock),
            lifetime,
            delay: Duration::ZERO,
            loads: Arc::new(AtomicUsize::new(0)),
            fail: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl ProvideCredentials for CountingProvider {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            if !self.delay.is_zero() {
                tokio::time::sleep(self.delay).await;
            }
            let n = self.loads.fetch_add(1, Ordering::SeqCst) + 1;
            if self.fail.load(Ordering::SeqCst) {
                return Err(CredentialsError::provider_error("refresh failed"));
            }
            let expiry = self.lifetime.map(|l| self.clock.now() + l);
            Ok(Credentials::new(
                format!("AKID{n}"),
                "S3CR3T",
                None,
                expiry,
                "test",
            ))
        })
    }
}

const MIN: Duration = Duration::from_secs(60);

fn cache(provider: CountingProvider, clock: &Arc<TestClock>) -> LazyCachingCredentials {
    LazyCachingCredentials::new(provider).with_time_source(Arc::clone(clock) as Arc<dyn TimeSource>)
}

async fn key(cache: &LazyCachingCredentials) -> String {
    cache
        .provide_credentials()
        .await
        .unwrap()
        .access_key_id()
        .to_owned()
}

#[tokio::test]
async fn loads_lazily_and_refreshes_five_minutes_before_expiry() {
    let clock = TestClock::new();
    let provider = CountingProvider::new(&clock, Some(60 * MIN));
    let loads = Arc::clone(&provider.loads);
    let cache = cache(provider, &clock);
    assert_eq!(
        loads.load(Ordering::SeqCst),
        0,
        "nothing loads before the first call"
    );

    assert_eq!(key(&cache).await, "AKID1");
    assert_eq!(key(&cache).await, "AKID1");
    clock.advance(54 * MIN); // 6 minutes left: still outside the buffer
    assert_eq!(key(&cache).await, "AKID1");
    clock.advance(2 * MIN); // 4 minutes left: refresh ahead of expiry
    assert_eq!(key(&cache).await, "AKID2");
    assert_eq!(key(&cache).await, "AKID2");
    assert_eq!(loads.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn credentials_without_expiry_are_reused_for_the_default_lifetime() {
    let clock = TestClock::new();
    let provider = CountingProvider::new(&clock, None);
    let cache = cache(provider, &clock);
    assert_eq!(key(&cache).await, "AKID1");
    clock.advance(14 * MIN);
    assert_eq!(key(&cache).await, "AKID1");
    clock.advance(2 * MIN);
    assert_eq!(key(&cache).await, "AKID2");

    let cache = cache_with_lifetime(&clock);
    assert_eq!(key(&cache).await, "AKID1");
    clock.advance(MIN + Duration::from_secs(1));
    assert_eq!(key(&cache).await, "AKID2");
}

fn cache_with_lifetime(clock: &Arc<TestClock>) -> LazyCachingCredentials {
    cache(CountingProvider::new(clock, None), clock).with_default_lifetime(MIN)
}

#[tokio::test]
async fn short_lived_credentials_are_cached_for_half_their_remaining_life() {
    let clock = TestClock::new();
    let cache = cache(CountingProvider::new(&clock, Some(2 * MIN)), &clock);
    assert_eq!(key(&cache).await, "AKID1");
    clock.advance(Duration::from_secs(59));
    assert_eq!(key(&cache).await, "AKID1");
    clock.advance(Duration::from_secs(2));
    assert_eq!(key(&cache).await, "AKID2");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_callers_share_one_load() {
    let clock = TestClock::new();
    let mut provider = CountingProvider::new(&clock, Some(60 * MIN));
    provider.delay = Duration::from_millis(100);
    let loads = Arc::clone(&provider.loads);
    let cache = Arc::new(cache(provider, &clock));

    for round in 1..=2 {
        let tasks: Vec<_> = (0..50)
            .map(|_| {
                let cache = Arc::clone(&cache);
                tokio::spawn(async move {
                    cache
                        .provide_credentials()
                        .await
                        .unwrap()
                        .access_key_id()
                        .to_owned()
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap(), format!("AKID{round}"));
        }
        assert_eq!(loads.load(Ordering::SeqCst), round);
        // Into the refresh window: the next round shares exactly one refresh.
        clock.advance(56 * MIN);
    }
}

#[tokio::test]
async fn failed_refresh_keeps_valid_credentials_then_errors_after_expiry() {
    let clock = TestClock::new();
    let provider = CountingProvider::new(&clock, Some(60 * MIN));
    let fail = Arc::clone(&provider.fail);
    let loads = Arc::clone(&provider.loads);
    let cache = cache(provider, &clock);
    assert_eq!(key(&cache).await, "AKID1");

    fail.store(true, Ordering::SeqCst);
    clock.advance(57 * MIN); // in the refresh window, not expired
    assert_eq!(key(&cache).await, "AKID1");
    assert_eq!(loads.load(Ordering::SeqCst), 2);
    // The failure is not retried on every call...
    assert_eq!(key(&cache).await, "AKID1");
    assert_eq!(loads.load(Ordering::SeqCst), 2);
    // ...but again after a short pause.
    clock.advance(Duration::from_secs(11));
    assert_eq!(key(&cache).await, "AKID1");
    assert_eq!(loads.load(Ordering::SeqCst), 3);

    clock.advance(5 * MIN); // now expired
    let err = cache.provide_credentials().await.unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::ProviderError);

    fail.store(false, Ordering::SeqCst);
    assert!(key(&cache).await.starts_with("AKID"));
}

#[tokio::test]
async fn first_load_failure_is_returned() {
    let clock = TestClock::new();
    let provider = CountingProvider::new(&clock, None);
    provider.fail.store(true, Ordering::SeqCst);
    let cache = cache(provider, &clock);
    assert!(cache.provide_credentials().await.is_err());
}

#[tokio::test]
async fn invalidate_forces_a_reload() {
    let clock = TestClock::new();
    let cache = cache(CountingProvider::new(&clock, Some(60 * MIN)), &clock);
    assert_eq!(key(&cache).await, "AKID1");
    cache.invalidate();
    assert_eq!(key(&cache).await, "AKID2");
}

#[tokio::test]
async fn debug_never_shows_the_secret() {
    let clock = TestClock::new();
    let cache = cache(CountingProvider::new(&clock, None), &clock);
    key(&cache).await;
    assert!(!format!("{cache:?}").contains("S3CR3T"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_callers_share_one_failed_load() {
    let clock = TestClock::new();
    let mut provider = CountingProvider::new(&clock, Some(60 * MIN));
    provider.delay = Duration::from_millis(100);
    provider.fail.store(true, Ordering::SeqCst);
    let loads = Arc::clone(&provider.loads);
    let fail = Arc::clone(&provider.fail);
    let cache = Arc::new(cache(provider, &clock));

    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let cache = Arc::clone(&cache);
            tokio::spawn(async move { cache.provide_credentials().await })
        })
        .collect();
    for task in tasks {
        let err = task.await.unwrap().unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::ProviderError);
        assert_eq!(err.to_string(), "refresh failed");
    }
    assert_eq!(loads.load(Ordering::SeqCst), 1);

    // A later call tries again.
    fail.store(false, Ordering::SeqCst);
    assert_eq!(key(&cache).await, "AKID2");
}

#[tokio::test]
async fn only_fresh_credentials_are_at_hand() {
    let clock = TestClock::new();
    let provider = CountingProvider::new(&clock, Some(60 * MIN));
    let loads = Arc::clone(&provider.loads);
    let cache = cache(provider, &clock);
    assert!(
        cache.credentials_at_hand().is_none(),
        "nothing is at hand before the first load"
    );
    assert_eq!(key(&cache).await, "AKID1");
    let at_hand = cache.credentials_at_hand().expect("fresh after a load");
    assert_eq!(at_hand.access_key_id(), "AKID1");

    // Inside the refresh buffer the entry is due: a caller must go through
    // the load (which refreshes), not take the old set from the hand.
    clock.advance(56 * MIN);
    assert!(cache.credentials_at_hand().is_none());
    assert_eq!(key(&cache).await, "AKID2");
    assert_eq!(
        cache.credentials_at_hand().unwrap().access_key_id(),
        "AKID2"
    );

    cache.invalidate();
    assert!(cache.credentials_at_hand().is_none());
    assert_eq!(
        loads.load(Ordering::SeqCst),
        2,
        "asking the hand loads nothing"
    );
}
