//! How long to wait before a retry: capped exponential backoff with full
//! jitter.

use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::RetryConfig;
use crate::random::xorshift64;

/// Uniform random numbers in `[0, 1)` for jitter. Injectable so tests can
/// fix the delays.
pub trait RandomSource: Send + Sync + Debug {
    /// The next number, in `[0, 1)`.
    fn next_f64(&self) -> f64;
}

/// A fast non-cryptographic generator ([xorshift64](crate::random)*), seeded once from the
/// operating system.
///
/// Jitter only has to keep clients from retrying in lockstep, so a few
/// arithmetic operations per retry are enough; reading the OS generator on
/// every retry would cost a system call, and a crate such as `fastrand`
/// would add a dependency for ten lines. Lock-free and shareable.
///
/// ```
/// use awsop_runtime::retry::{RandomSource, XorShiftRng};
/// let rng = XorShiftRng::from_seed(42);
/// let x = rng.next_f64();
/// assert!((0.0..1.0).contains(&x));
/// ```
#[derive(Debug)]
pub struct XorShiftRng {
    state: AtomicU64,
}

impl Default for XorShiftRng {
    fn default() -> Self {
        Self::new()
    }
}

impl XorShiftRng {
    /// Seeded from the operating system's generator.
    pub fn new() -> Self {
        Self::from_seed(crate::random::os_seed())
    }

    /// A fixed sequence (tests). A zero seed is replaced, as xorshift
    /// would stay at zero.
    pub fn from_seed(seed: u64) -> Self {
        XorShiftRng {
            state: AtomicU64::new(if seed == 0 {
                0x9E37_79B9_7F4A_7C15
            } else {
                seed
            }),
        }
    }
}

impl RandomSource for XorShiftRng {
    fn next_f64(&self) -> f64 {
        let previous = self
            .state
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |x| {
                Some(xorshift64(x))
            })
            .unwrap_or_else(|x| x);
        // The multiply (xorshift64*) spreads the state's low-quality low bits.
        let out = xorshift64(previous).wrapping_mul(0x2545_F491_4F6C_DD1D);
        // The top 53 bits make an evenly spread f64 in [0, 1).
        (out >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Always the same number (tests, and callers that want fixed delays).
///
/// ```
/// use awsop_runtime::retry::{FixedRandom, RandomSource};
/// assert_eq!(FixedRandom(0.5).next_f64(), 0.5);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct FixedRandom(pub f64);

impl RandomSource for FixedRandom {
    fn next_f64(&self) -> f64 {
        self.0
    }
}

/// The wait before retrying after attempt number `attempt` (1 for the
/// first attempt) failed: `rand * min(max_backoff, scale * 2^(attempt-1))`,
/// where the scale is `throttling_backoff` for throttling errors and
/// `initial_backoff` otherwise (both 1 s by default, as the AWS SDKs'
/// standard mode).
///
/// ```
/// use awsop_runtime::retry::{backoff, FixedRandom, RetryConfig};
/// use std::time::Duration;
/// let cfg = RetryConfig::default();
/// assert_eq!(backoff(1, &cfg, false, &FixedRandom(0.5)), Duration::from_millis(500));
/// assert_eq!(backoff(3, &cfg, false, &FixedRandom(0.5)), Duration::from_secs(2));
/// assert_eq!(backoff(10, &cfg, true, &FixedRandom(0.5)), Duration::from_secs(10)); // capped at 20 s
/// ```
pub fn backoff(
    attempt: u32,
    cfg: &RetryConfig,
    throttled: bool,
    rng: &dyn RandomSource,
) -> Duration {
    let scale = if throttled {
        cfg.throttling_backoff
    } else {
        cfg.initial_backoff
    };
    let exponent = attempt.saturating_sub(1).min(62);
    let ceiling =
        (scale.as_secs_f64() * 2f64.powi(exponent as i32)).min(cfg.max_backoff.as_secs_f64());
    let r = rng.next_f64();
    // A misbehaving source must not yield a negative, NaN or over-cap wait.
    let r = if r.is_finite() {
        r.clamp(0.0, 1.0)
    } else {
        0.0
    };
    Duration::try_from_secs_f64(r * ceiling)
        .unwrap_or(cfg.max_backoff)
        .min(cfg.max_backoff)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn doubles_then_caps() {
        let cfg = RetryConfig::default();
        let full = FixedRandom(0.999_999_999);
        let ceilings: Vec<u64> = (1..=8)
            .map(|a| (backoff(a, &cfg, false, &full).as_secs_f64()).round() as u64)
            .collect();
        assert_eq!(ceilings, [1, 2, 4, 8, 16, 20, 20, 20]);
        assert_eq!(
            backoff(u32::MAX, &cfg, false, &full).as_secs_f64().round(),
            20.0
        );
        assert_eq!(backoff(0, &cfg, false, &FixedRandom(0.5)), ms(500));
    }

    #[test]
    fn full_jitter_scales_linearly() {
        let cfg = RetryConfig::default();
        assert_eq!(backoff(1, &cfg, false, &FixedRandom(0.0)), Duration::ZERO);
        assert_eq!(backoff(1, &cfg, false, &FixedRandom(0.25)), ms(250));
        assert_eq!(backoff(2, &cfg, false, &FixedRandom(0.25)), ms(500));
        assert_eq!(backoff(4, &cfg, false, &FixedRandom(0.25)), ms(2000));
    }

    #[test]
    fn throttling_uses_its_own_scale() {
        let cfg = RetryConfig {
            initial_backoff: ms(50),
            throttling_backoff: ms(1000),
            ..RetryConfig::default()
        };
        assert_eq!(backoff(2, &cfg, false, &FixedRandom(0.5)), ms(50));
        assert_eq!(backoff(2, &cfg, true, &FixedRandom(0.5)), ms(1000));
    }

    #[test]
    fn bad_random_numbers_stay_in_bounds() {
        let cfg = RetryConfig::default();
        assert_eq!(
            backoff(1, &cfg, false, &FixedRandom(f64::NAN)),
            Duration::ZERO
        );
        assert_eq!(backoff(1, &cfg, false, &FixedRandom(-3.0)), Duration::ZERO);
        assert_eq!(
            backoff(9, &cfg, false, &FixedRandom(7.0)),
            Duration::from_secs(20)
        );
        assert_eq!(
            backoff(1, &cfg, false, &FixedRandom(f64::INFINITY)),
            Duration::ZERO
        );
    }

    #[test]
    fn xorshift_is_deterministic_and_spread() {
        let a = XorShiftRng::from_seed(7);
        let b = XorShiftRng::from_seed(7);
        let xs: Vec<f64> = (0..1000).map(|_| a.next_f64()).collect();
        let ys: Vec<f64> = (0..1000).map(|_| b.next_f64()).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        assert!((0.45..0.55).contains(&mean), "{mean}");
        let mut buckets = [0u32; 10];
        for x in &xs {
            buckets[(x * 10.0) as usize] += 1;
        }
        assert!(
            buckets.iter().all(|&n| (60..140).contains(&n)),
            "{buckets:?}"
        );
        let zero = XorShiftRng::from_seed(0);
        assert_ne!(zero.next_f64(), zero.next_f64());
        let os = XorShiftRng::new();
        assert!((0.0..1.0).contains(&os.next_f64()));
    }
}
