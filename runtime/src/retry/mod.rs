//! The AWS SDKs' standard and adaptive retry modes, as pieces the
//! orchestrator composes:
//!
//! - [`RetryConfig`]: mode, attempts and backoff scales (from the environment
//!   and profile with [`RetryConfig::from_env`]).
//! - [`classify`]: whether a failed attempt is retryable, and its [`RetryKind`].
//! - [`RetryQuota`]: the shared token bucket that stops retries during outages.
//! - [`backoff`] and [`retry_after`]: how long to wait.
//! - [`AdaptiveRateLimiter`]: the adaptive mode's client-side rate limiter.
//!
//! ```
//! use awsop_runtime::retry::{backoff, classify, FixedRandom, RetryConfig, RetryQuota};
//! use std::time::Duration;
//!
//! let cfg = RetryConfig::default();
//! let quota = RetryQuota::new();
//! // Attempt 1 answered 503:
//! let kind = classify(Some(503), None, None, false, false).unwrap();
//! let cost = quota.acquire(kind).expect("quota left");
//! let wait = backoff(1, &cfg, kind.is_throttling(), &FixedRandom(0.5));
//! assert_eq!(wait, Duration::from_millis(500));
//! // Attempt 2 succeeded:
//! quota.release(cost);
//! ```

mod adaptive;
mod backoff;
mod classify;
mod config;
mod quota;
mod retry_after;

pub use adaptive::AdaptiveRateLimiter;
pub use backoff::{backoff, FixedRandom, RandomSource, XorShiftRng};
pub use classify::{
    classify, RetryKind, CLOCK_SKEW_CODES, THROTTLING_CODES, TRANSIENT_CODES, TRANSIENT_STATUSES,
};
pub use config::{RetryConfig, RetryConfigError, RetryMode};
pub use quota::{
    RetryQuota, INITIAL_RETRY_TOKENS, NO_RETRY_INCREMENT, RETRY_COST, RETRY_TIMEOUT_COST,
};
pub use retry_after::retry_after;
