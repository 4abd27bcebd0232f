//! Where the runtime gets "now" from, so tests can fix the clock.

use std::fmt::Debug;
use std::time::SystemTime;

/// A source of the current time. The client signs every attempt with it.
///
/// ```
/// use awsop_runtime::time::{FixedTime, TimeSource};
/// use std::time::{Duration, UNIX_EPOCH};
/// let clock = FixedTime(UNIX_EPOCH + Duration::from_secs(1_440_938_160));
/// assert_eq!(clock.now(), UNIX_EPOCH + Duration::from_secs(1_440_938_160));
/// ```
pub trait TimeSource: Send + Sync + Debug {
    /// The current time.
    fn now(&self) -> SystemTime;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl TimeSource for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock stopped at one instant (for tests and golden requests).
#[derive(Debug, Clone, Copy)]
pub struct FixedTime(pub SystemTime);

impl TimeSource for FixedTime {
    fn now(&self) -> SystemTime {
        self.0
    }
}
