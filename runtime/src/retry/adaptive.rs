//! The adaptive retry mode's client-side rate limiter.
//!
//! The AWS SDKs' algorithm: a token bucket that stays out of the way until
//! the first throttling response, then refills at a rate steered like TCP
//! CUBIC: on throttling the rate drops to `0.7 ×` the rate the client was
//! sending at, then grows back along a cubic curve that flattens near the
//! rate that was throttled, and beyond it probes upwards. The rate never
//! exceeds twice the measured send rate, nor falls below 0.5 requests/s.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The multiplicative decrease on throttling.
const BETA: f64 = 0.7;
/// How fast the rate grows back.
const SCALE_CONSTANT: f64 = 0.4;
/// Weight of the newest send-rate sample.
const SMOOTH: f64 = 0.8;
const MIN_FILL_RATE: f64 = 0.5;
const MIN_CAPACITY: f64 = 1.0;
/// Tokens per request.
const REQUEST_COST: f64 = 1.0;

/// A client-side rate limiter for the adaptive retry mode; share one per
/// client. Call [`acquire`](Self::acquire) before every attempt and
/// [`on_response`](Self::on_response) after it.
///
/// The `*_at` methods take the time explicitly (seconds on any steady
/// timeline) and never sleep, for tests and simulations.
///
/// ```
/// use awsop_runtime::retry::AdaptiveRateLimiter;
/// # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
/// let limiter = AdaptiveRateLimiter::new();
/// limiter.acquire().await; // free until the first throttling response
/// limiter.on_response(false);
/// # });
/// ```
#[derive(Debug)]
pub struct AdaptiveRateLimiter {
    state: Mutex<State>,
    origin: Instant,
}

#[derive(Debug, Clone, PartialEq)]
struct State {
    /// Tokens per second added to the bucket.
    fill_rate: f64,
    max_capacity: f64,
    /// May go below zero: a request that must wait reserves its token
    /// at once, so concurrent waiters queue up rather than race.
    current_capacity: f64,
    last_refill: Option<f64>,
    /// Off until the first throttling response.
    enabled: bool,
    /// Smoothed requests per second, sampled every half second.
    measured_rate: f64,
    last_rate_bucket: f64,
    request_count: u64,
    /// The rate at the last throttling response, and when it came.
    last_max_rate: f64,
    last_throttle: f64,
}

impl State {
    fn new(now: f64) -> Self {
        State {
            fill_rate: MIN_FILL_RATE,
            max_capacity: MIN_CAPACITY,
            current_capacity: 0.0,
            last_refill: None,
            enabled: false,
            measured_rate: 0.0,
            last_rate_bucket: now.floor(),
            request_count: 0,
            last_max_rate: 0.0,
            last_throttle: now,
        }
    }

    fn refill(&mut self, now: f64) {
        if let Some(last) = self.last_refill {
            let added = (now - last).max(0.0) * self.fill_rate;
            self.current_capacity = (self.current_capacity + added).min(self.max_capacity);
        }
        self.last_refill = Some(now);
    }

    fn set_fill_rate(&mut self, now: f64, rate: f64) {
        // Tokens earned so far were earned at the old rate.
        self.refill(now);
        self.fill_rate = rate.max(MIN_FILL_RATE);
        self.max_capacity = rate.max(MIN_CAPACITY);
        self.current_capacity = self.current_capacity.min(self.max_capacity);
    }

    fn record_request(&mut self, now: f64) {
        let bucket = (now * 2.0).floor() / 2.0;
        self.request_count += 1;
        if bucket > self.last_rate_bucket {
            let rate = self.request_count as f64 / (bucket - self.last_rate_bucket);
            self.measured_rate = rate * SMOOTH + self.measured_rate * (1.0 - SMOOTH);
            self.request_count = 0;
            self.last_rate_bucket = bucket;
        }
    }
}

/// The time after a throttle at which the cubic curve is back at the
/// throttled rate.
fn time_window(last_max_rate: f64) -> f64 {
    (last_max_rate * (1.0 - BETA) / SCALE_CONSTANT).cbrt()
}

/// The rate the cubic curve allows `since_throttle` seconds after the last
/// throttle.
fn cubic_success(since_throttle: f64, last_max_rate: f64) -> f64 {
    let dt = since_throttle - time_window(last_max_rate);
    SCALE_CONSTANT * dt.powi(3) + last_max_rate
}

fn cubic_throttle(rate: f64) -> f64 {
    rate * BETA
}

impl Default for AdaptiveRateLimiter {
    fn default() -> Self {
        Self::new()
    }
}

impl AdaptiveRateLimiter {
    /// A limiter that lets everything through until the first throttling
    /// response.
    pub fn new() -> Self {
        AdaptiveRateLimiter {
            state: Mutex::new(State::new(0.0)),
            origin: Instant::now(),
        }
    }

    /// Waits until the bucket has a token for one attempt.
    pub async fn acquire(&self) {
        self.acquire_with(&crate::time::TokioSleep).await;
    }

    /// [`acquire`](Self::acquire), waiting with `sleep` (the client's, so
    /// a test's instant sleep applies here too).
    ///
    /// ```
    /// use awsop_runtime::retry::AdaptiveRateLimiter;
    /// use awsop_runtime::time::InstantSleep;
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let sleep = InstantSleep::new();
    /// AdaptiveRateLimiter::new().acquire_with(&sleep).await; // not limited yet
    /// assert!(sleep.slept().is_empty());
    /// # }
    /// ```
    pub async fn acquire_with(&self, sleep: &dyn crate::time::AsyncSleep) {
        if let Some(wait) = self.acquire_at(self.now()) {
            sleep.sleep(wait).await;
        }
    }

    /// Records the response to an attempt (a throttling error or not) and
    /// adjusts the rate.
    pub fn on_response(&self, throttled: bool) {
        self.on_response_at(self.now(), throttled);
    }

    /// Takes a token at time `now` (seconds): `None` to send at once,
    /// else how long to wait first (the token is already reserved).
    pub fn acquire_at(&self, now: f64) -> Option<Duration> {
        let mut s = self.lock();
        if !s.enabled {
            return None;
        }
        s.refill(now);
        let wait = if REQUEST_COST > s.current_capacity {
            Some((REQUEST_COST - s.current_capacity) / s.fill_rate)
        } else {
            None
        };
        s.current_capacity -= REQUEST_COST;
        wait.map(|secs| Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX))
    }

    /// [`on_response`](Self::on_response) at time `now` (seconds).
    pub fn on_response_at(&self, now: f64, throttled: bool) {
        let mut s = self.lock();
        s.record_request(now);
        let rate = if throttled {
            let rate_to_use = if s.enabled {
                s.measured_rate.min(s.fill_rate)
            } else {
                s.measured_rate
            };
            s.last_max_rate = rate_to_use;
            s.last_throttle = now;
            s.enabled = true;
            cubic_throttle(rate_to_use)
        } else {
            cubic_success(now - s.last_throttle, s.last_max_rate)
        };
        let measured = s.measured_rate;
        s.set_fill_rate(now, rate.min(2.0 * measured));
    }

    /// The current refill rate in requests per second.
    pub fn fill_rate(&self) -> f64 {
        self.lock().fill_rate
    }

    /// Whether the limiter has started limiting (after a throttle).
    pub fn is_enabled(&self) -> bool {
        self.lock().enabled
    }

    fn now(&self) -> f64 {
        self.origin.elapsed().as_secs_f64()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // The state stays consistent even if a holder panicked: every
        // update is a few float assignments with no early exit.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    // The test vectors below are the AWS SDKs' shared ones for the adaptive
    // retry mode (aws-sdk-go-v2 aws/retry/adaptive_ratelimit_test.go, also
    // used by smithy-rs and botocore).

    #[test]
    fn cubic_success_vectors() {
        for (t, expected) in [
            (5.0, 7.0),
            (6.0, 9.64893600966),
            (7.0, 10.000030849917364),
            (8.0, 10.453284520772092),
            (9.0, 13.408697022224185),
            (10.0, 21.26626835427364),
            (11.0, 36.425998516920465),
        ] {
            let got = cubic_success(t - 5.0, 10.0);
            assert!(close(got, expected), "t={t}: {got} != {expected}");
        }
    }

    #[test]
    fn cubic_throttle_vectors() {
        let mut last_max_rate = 10.0;
        let mut last_throttle = 5.0;
        let mut rate = 0.0;
        for (throttled, t, expected) in [
            (false, 5.0, 7.0),
            (false, 6.0, 9.64893600966),
            (true, 7.0, 6.754255206761999),
            (true, 8.0, 4.727978644733399),
            (false, 9.0, 4.670125557970046),
            (false, 10.0, 4.770870456867401),
            (false, 11.0, 6.011819748005445),
            (false, 12.0, 10.792973431384178),
        ] {
            if throttled {
                rate = cubic_throttle(rate);
                last_throttle = t;
                last_max_rate = rate;
            } else {
                rate = cubic_success(t - last_throttle, last_max_rate);
            }
            assert!(close(rate, expected), "t={t}: {rate} != {expected}");
        }
    }

    #[test]
    fn sending_rate_vectors() {
        let limiter = AdaptiveRateLimiter::new();
        for (throttled, t, measured, fill) in [
            (false, 0.2, 0.0, 0.5),
            (false, 0.4, 0.0, 0.5),
            (false, 0.6, 4.800000000000001, 0.5),
            (false, 0.8, 4.800000000000001, 0.5),
            (false, 1.0, 4.16, 0.5),
            (false, 1.2, 4.16, 0.6912),
            (false, 1.4, 4.16, 1.0975999999999997),
            (false, 1.6, 5.632000000000001, 1.6384000000000005),
            (false, 1.8, 5.632000000000001, 2.3328),
            (true, 2.0, 4.3264, 3.0284799999999996),
            (false, 2.2, 4.3264, 3.48663917347026),
            (false, 2.4, 4.3264, 3.821874416040255),
            (false, 2.6, 5.66528, 4.053385727709987),
            (false, 2.8, 5.66528, 4.200373108479454),
            (false, 3.0, 4.333056, 4.282036558348658),
            (true, 3.2, 4.333056, 2.99742559084406),
            (false, 3.4, 4.333056, 3.4522263943863463),
        ] {
            limiter.on_response_at(t, throttled);
            let s = limiter.lock().clone();
            assert!(
                close(s.measured_rate, measured),
                "t={t}: measured {}",
                s.measured_rate
            );
            assert!(close(s.fill_rate, fill), "t={t}: fill {}", s.fill_rate);
        }
    }

    #[test]
    fn free_until_throttled() {
        let limiter = AdaptiveRateLimiter::new();
        for i in 0..1000 {
            assert_eq!(limiter.acquire_at(f64::from(i) * 0.001), None);
        }
        assert!(!limiter.is_enabled());
        limiter.on_response_at(1.0, true);
        assert!(limiter.is_enabled());
        // One response in the first second: measured 0.8/s, times beta.
        assert!(
            close(limiter.fill_rate(), 0.8 * BETA),
            "{}",
            limiter.fill_rate()
        );
    }

    #[test]
    fn throttled_bucket_paces_requests() {
        let limiter = AdaptiveRateLimiter::new();
        limiter.on_response_at(0.0, true);
        // Rate 0.5/s, bucket empty: the first request waits 2 s, and each
        // one after it 2 s more, because waiting requests hold their tokens.
        let waits: Vec<f64> = (0..3)
            .map(|_| limiter.acquire_at(0.0).unwrap().as_secs_f64())
            .collect();
        assert!(
            close(waits[0], 2.0) && close(waits[1], 4.0) && close(waits[2], 6.0),
            "{waits:?}"
        );
        // Ten seconds later the debt is paid and capacity is capped at 1.
        assert_eq!(limiter.acquire_at(10.0), None);
        assert!(limiter.acquire_at(10.0).is_some());
    }

    #[test]
    fn rate_recovers_after_throttling() {
        let limiter = AdaptiveRateLimiter::new();
        // Send 10 requests/s for 5 s, then get throttled.
        let mut t = 0.0;
        while t < 5.0 {
            limiter.on_response_at(t, false);
            t += 0.1;
        }
        limiter.on_response_at(5.0, true);
        let after_throttle = limiter.fill_rate();
        assert!(after_throttle < 10.0, "{after_throttle}");
        let mut t = 5.1;
        while t < 15.0 {
            limiter.on_response_at(t, false);
            t += 0.1;
        }
        assert!(limiter.fill_rate() > after_throttle);
        // Never more than twice the measured send rate.
        let s = limiter.lock().clone();
        assert!(s.fill_rate <= 2.0 * s.measured_rate + 1e-9);
    }

    #[tokio::test]
    async fn acquire_sleeps_when_limited() {
        let limiter = AdaptiveRateLimiter::new();
        limiter.acquire().await;
        limiter.on_response(true);
        {
            // Give the bucket a high rate and an empty balance of one token.
            let mut s = limiter.lock();
            s.fill_rate = 100.0;
            s.max_capacity = 100.0;
            s.current_capacity = 0.0;
        }
        let start = Instant::now();
        limiter.acquire().await;
        assert!(
            start.elapsed() >= Duration::from_millis(5),
            "{:?}",
            start.elapsed()
        );
    }
}
