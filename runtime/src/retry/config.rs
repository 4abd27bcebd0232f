//! How many attempts, in which mode, with what backoff.

use std::fmt;
use std::time::Duration;

use crate::env::Env;
use crate::settings::{self, Origin, ProfileLookup, Setting};

/// The AWS retry modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RetryMode {
    /// Exponential backoff with jitter and a retry quota (`standard`; also
    /// what `legacy` selects here).
    #[default]
    Standard,
    /// Standard plus a client-side rate limiter that slows the client down
    /// after throttling ([`super::AdaptiveRateLimiter`]).
    Adaptive,
}

/// Retry settings.
///
/// ```
/// use awsop_runtime::retry::{RetryConfig, RetryMode};
/// use std::time::Duration;
/// let cfg = RetryConfig::default();
/// assert_eq!(cfg.mode, RetryMode::Standard);
/// assert_eq!(cfg.max_attempts, 3);
/// assert_eq!(cfg.initial_backoff, Duration::from_secs(1));
/// assert_eq!(cfg.max_backoff, Duration::from_secs(20));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryConfig {
    /// Standard or adaptive.
    pub mode: RetryMode,
    /// Attempts in all, the first included; 1 means no retries. At least 1.
    pub max_attempts: u32,
    /// The backoff scale for transient errors: the first retry waits up to
    /// this long, each further retry up to twice as long as the one before.
    pub initial_backoff: Duration,
    /// The backoff scale for throttling errors.
    pub throttling_backoff: Duration,
    /// No backoff (and no `Retry-After`) waits longer than this.
    pub max_backoff: Duration,
}

impl Default for RetryConfig {
    /// Standard mode, 3 attempts, 1 s scale, 20 s cap, as the AWS SDKs'
    /// standard retry mode.
    fn default() -> Self {
        RetryConfig {
            mode: RetryMode::Standard,
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            throttling_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }
}

impl RetryConfig {
    /// One attempt, no retries.
    pub fn disabled() -> Self {
        RetryConfig {
            max_attempts: 1,
            ..RetryConfig::default()
        }
    }

    /// The defaults, with `AWS_MAX_ATTEMPTS` (else the profile's
    /// `max_attempts`) and `AWS_RETRY_MODE` (else `retry_mode`) applied.
    ///
    /// `retry_mode` is `standard`, `adaptive` or `legacy` (read as
    /// standard), in any case; `max_attempts` a whole number ≥ 1. Anything
    /// else is an error naming the setting, its source and its value.
    ///
    /// ```
    /// use awsop_runtime::{env::Env, retry::{RetryConfig, RetryMode}};
    /// let env = Env::from_pairs([("AWS_MAX_ATTEMPTS", "5"), ("AWS_RETRY_MODE", "adaptive")]);
    /// let cfg = RetryConfig::from_env(&env, None).unwrap();
    /// assert_eq!((cfg.max_attempts, cfg.mode), (5, RetryMode::Adaptive));
    ///
    /// let env = Env::from_pairs([("AWS_MAX_ATTEMPTS", "0")]);
    /// assert!(RetryConfig::from_env(&env, None).is_err());
    /// ```
    pub fn from_env(
        env: &Env,
        profile: Option<&crate::profile::ProfileSet>,
    ) -> Result<RetryConfig, RetryConfigError> {
        Self::from_settings(env, profile.map(|p| p as &dyn ProfileLookup))
    }

    pub(crate) fn from_settings(
        env: &Env,
        profile: Option<&dyn ProfileLookup>,
    ) -> Result<RetryConfig, RetryConfigError> {
        let mut cfg = RetryConfig::default();
        if let Some(s) =
            settings::env_then_profile(env, profile, "AWS_MAX_ATTEMPTS", "max_attempts")
        {
            cfg.max_attempts = match s.value.parse::<u32>() {
                Ok(n) if n >= 1 && s.value.bytes().all(|b| b.is_ascii_digit()) => n,
                _ => {
                    return Err(RetryConfigError::new(
                        "max_attempts",
                        s,
                        "a whole number of at least 1",
                    ))
                }
            };
        }
        if let Some(s) = settings::env_then_profile(env, profile, "AWS_RETRY_MODE", "retry_mode") {
            cfg.mode = match s.value.to_ascii_lowercase().as_str() {
                "standard" | "legacy" => RetryMode::Standard,
                "adaptive" => RetryMode::Adaptive,
                _ => {
                    return Err(RetryConfigError::new(
                        "retry_mode",
                        s,
                        "standard, adaptive or legacy",
                    ))
                }
            };
        }
        Ok(cfg)
    }
}

/// A retry setting that was not understood.
///
/// ```
/// use awsop_runtime::{env::Env, retry::RetryConfig};
/// let env = Env::from_pairs([("AWS_RETRY_MODE", "eager")]);
/// let err = RetryConfig::from_env(&env, None).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid retry_mode \"eager\" (from environment variable AWS_RETRY_MODE): expected standard, adaptive or legacy"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryConfigError {
    setting: &'static str,
    value: String,
    origin: Origin,
    expected: &'static str,
}

impl RetryConfigError {
    fn new(setting: &'static str, found: Setting, expected: &'static str) -> Self {
        RetryConfigError {
            setting,
            value: found.value,
            origin: found.origin,
            expected,
        }
    }
}

impl fmt::Display for RetryConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&settings::invalid(
            self.setting,
            &self.value,
            &self.origin,
            self.expected,
        ))
    }
}

impl std::error::Error for RetryConfigError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::test_support::FakeProfile;

    fn load(env: &[(&str, &str)], profile: Option<&FakeProfile>) -> Result<RetryConfig, String> {
        RetryConfig::from_settings(
            &Env::from_pairs(env.iter().copied()),
            profile.map(|p| p as &dyn ProfileLookup),
        )
        .map_err(|e| e.to_string())
    }

    #[test]
    fn defaults_without_settings() {
        assert_eq!(load(&[], None).unwrap(), RetryConfig::default());
        assert_eq!(RetryConfig::disabled().max_attempts, 1);
    }

    #[test]
    fn env_wins_over_profile() {
        let p = FakeProfile::default()
            .with("max_attempts", "7")
            .with("retry_mode", "adaptive");
        let cfg = load(&[], Some(&p)).unwrap();
        assert_eq!((cfg.max_attempts, cfg.mode), (7, RetryMode::Adaptive));
        let env = [("AWS_MAX_ATTEMPTS", "2"), ("AWS_RETRY_MODE", "standard")];
        let cfg = load(&env, Some(&p)).unwrap();
        assert_eq!((cfg.max_attempts, cfg.mode), (2, RetryMode::Standard));
    }

    #[test]
    fn modes() {
        for (value, mode) in [
            ("standard", RetryMode::Standard),
            ("legacy", RetryMode::Standard),
            ("Adaptive", RetryMode::Adaptive),
            (" STANDARD ", RetryMode::Standard),
        ] {
            assert_eq!(load(&[("AWS_RETRY_MODE", value)], None).unwrap().mode, mode);
        }
        let err = load(&[("AWS_RETRY_MODE", "fast")], None).unwrap_err();
        assert!(err.contains("retry_mode \"fast\""), "{err}");
    }

    #[test]
    fn reads_a_real_profile_file() {
        let config = "[default]\nmax_attempts = 4\nretry_mode = legacy\n";
        let profile = crate::profile::ProfileSet::parse(config, "", "default").unwrap();
        let env = Env::from_pairs::<&str, &str>([]);
        let cfg = RetryConfig::from_env(&env, Some(&profile)).unwrap();
        assert_eq!((cfg.max_attempts, cfg.mode), (4, RetryMode::Standard));
    }

    #[test]
    fn max_attempts_must_be_a_positive_whole_number() {
        assert_eq!(
            load(&[("AWS_MAX_ATTEMPTS", "1")], None)
                .unwrap()
                .max_attempts,
            1
        );
        assert_eq!(
            load(&[("AWS_MAX_ATTEMPTS", "10")], None)
                .unwrap()
                .max_attempts,
            10
        );
        for bad in ["0", "-1", "+3", "3.0", "three", "99999999999"] {
            let err = load(&[("AWS_MAX_ATTEMPTS", bad)], None).unwrap_err();
            assert_eq!(
                err,
                format!(
                    "invalid max_attempts {bad:?} (from environment variable AWS_MAX_ATTEMPTS): \
                     expected a whole number of at least 1"
                )
            );
        }
        let p = FakeProfile::default().with("max_attempts", "0");
        let err = load(&[], Some(&p)).unwrap_err();
        assert!(err.contains("profile setting `max_attempts`"), "{err}");
    }
}
