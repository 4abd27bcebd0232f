//! The retry quota: a token bucket shared by all calls of a client, so that
//! during an outage retries stop instead of multiplying the load.

use std::sync::atomic::{AtomicU32, Ordering};

use super::RetryKind;

/// Tokens the bucket starts with (and holds at most).
pub const INITIAL_RETRY_TOKENS: u32 = 500;
/// Tokens a retry costs.
pub const RETRY_COST: u32 = 5;
/// Tokens a retry after a timeout costs.
pub const RETRY_TIMEOUT_COST: u32 = 10;
/// Tokens a call that succeeded on its first attempt gives back.
pub const NO_RETRY_INCREMENT: u32 = 1;

/// The AWS SDKs' standard-mode retry quota.
///
/// Each retry takes [`RETRY_COST`] tokens ([`RETRY_TIMEOUT_COST`] after a
/// timeout); with too few left, the call fails without retrying. A call
/// that succeeds after retrying gives back what its last retry took
/// ([`RetryQuota::release`]); one that succeeds at once gives back
/// [`NO_RETRY_INCREMENT`] ([`RetryQuota::on_success`]). Never above the
/// initial amount.
///
/// ```
/// use awsop_runtime::retry::{RetryKind, RetryQuota};
/// let quota = RetryQuota::new();
/// let cost = quota.acquire(RetryKind::Transient).unwrap();
/// assert_eq!((cost, quota.available()), (5, 495));
/// quota.release(cost); // the retried call succeeded
/// assert_eq!(quota.available(), 500);
/// ```
#[derive(Debug)]
pub struct RetryQuota {
    available: AtomicU32,
    max: u32,
}

impl Default for RetryQuota {
    fn default() -> Self {
        Self::new()
    }
}

impl RetryQuota {
    /// A full bucket of [`INITIAL_RETRY_TOKENS`].
    pub fn new() -> Self {
        Self::with_capacity(INITIAL_RETRY_TOKENS)
    }

    /// A full bucket of `tokens`.
    pub fn with_capacity(tokens: u32) -> Self {
        RetryQuota {
            available: AtomicU32::new(tokens),
            max: tokens,
        }
    }

    /// Tokens left.
    pub fn available(&self) -> u32 {
        self.available.load(Ordering::Relaxed)
    }

    /// Takes the cost of retrying after a failure of `kind`; `None`, and
    /// nothing taken, when the bucket holds less. Keep the returned cost
    /// for [`RetryQuota::release`].
    pub fn acquire(&self, kind: RetryKind) -> Option<u32> {
        let cost = match kind {
            RetryKind::Timeout => RETRY_TIMEOUT_COST,
            _ => RETRY_COST,
        };
        self.available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(cost))
            .ok()
            .map(|_| cost)
    }

    /// Gives back `cost` tokens (what the last retry of a call that then
    /// succeeded took), up to the capacity.
    pub fn release(&self, cost: u32) {
        let max = self.max;
        // The closure always returns Some, so the update cannot fail.
        let _ = self
            .available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                Some(n.saturating_add(cost).min(max))
            });
    }

    /// A call succeeded on its first attempt: gives back
    /// [`NO_RETRY_INCREMENT`], up to the capacity.
    pub fn on_success(&self) {
        self.release(NO_RETRY_INCREMENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_by_kind() {
        let q = RetryQuota::new();
        assert_eq!(q.acquire(RetryKind::Timeout), Some(10));
        assert_eq!(q.acquire(RetryKind::Throttling), Some(5));
        assert_eq!(q.acquire(RetryKind::Transient), Some(5));
        assert_eq!(q.acquire(RetryKind::ModeledRetryable), Some(5));
        assert_eq!(q.acquire(RetryKind::ClockSkew), Some(5));
        assert_eq!(q.available(), 470);
    }

    #[test]
    fn empties_then_refuses() {
        let q = RetryQuota::new();
        for _ in 0..100 {
            assert_eq!(q.acquire(RetryKind::Transient), Some(5));
        }
        assert_eq!(q.available(), 0);
        assert_eq!(q.acquire(RetryKind::Transient), None);
        assert_eq!(q.available(), 0);

        let q = RetryQuota::with_capacity(9);
        assert_eq!(q.acquire(RetryKind::Timeout), None);
        assert_eq!(q.acquire(RetryKind::Transient), Some(5));
        assert_eq!(q.acquire(RetryKind::Transient), None);
        assert_eq!(q.available(), 4);
    }

    #[test]
    fn refunds_never_exceed_capacity() {
        let q = RetryQuota::new();
        q.on_success();
        assert_eq!(q.available(), 500);
        let cost = q.acquire(RetryKind::Timeout).unwrap();
        q.on_success();
        assert_eq!(q.available(), 491);
        q.release(cost);
        assert_eq!(q.available(), 500);
        q.release(u32::MAX);
        assert_eq!(q.available(), 500);
    }

    #[test]
    fn shared_across_threads() {
        let q = std::sync::Arc::new(RetryQuota::new());
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let q = q.clone();
                std::thread::spawn(move || {
                    (0..50)
                        .filter(|_| q.acquire(RetryKind::Transient).is_some())
                        .count()
                })
            })
            .collect();
        let granted: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
        assert_eq!(granted, 100);
        assert_eq!(q.available(), 0);
    }
}
