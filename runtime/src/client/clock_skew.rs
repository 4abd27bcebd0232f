use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime};

/// The offset between the service's clock and ours, learned from the `Date`
/// header of responses that refused our signature as stale, as the AWS
/// SDKs do. Signing adds it to the local time.
#[derive(Debug, Default)]
pub(crate) struct ClockSkew {
    /// Server minus local, in milliseconds.
    offset_ms: AtomicI64,
}

/// Below this, a refused signature is not blamed on the clock: SigV4 allows
/// five minutes, so a smaller difference cannot be why it was refused.
const MIN_SKEW: Duration = Duration::from_secs(4 * 60);

impl ClockSkew {
    /// Local time corrected by the learned offset.
    pub(crate) fn adjust(&self, local: SystemTime) -> SystemTime {
        let offset = self.offset_ms.load(Ordering::Relaxed);
        if offset >= 0 {
            local + Duration::from_millis(offset as u64)
        } else {
            local - Duration::from_millis(offset.unsigned_abs())
        }
    }

    /// Learns the offset from a server's `Date` and our clock when the
    /// response arrived. Returns whether the offset changed enough that a
    /// retry can now succeed.
    pub(crate) fn learn(&self, server: SystemTime, local: SystemTime) -> bool {
        let offset_ms = match server.duration_since(local) {
            Ok(ahead) => ahead.as_millis() as i64,
            Err(behind) => -(behind.duration().as_millis() as i64),
        };
        let previous = self.offset_ms.swap(offset_ms, Ordering::Relaxed);
        (offset_ms - previous).unsigned_abs() >= MIN_SKEW.as_millis() as u64
    }

    /// The size of the current offset.
    pub(crate) fn magnitude(&self) -> Duration {
        Duration::from_millis(self.offset_ms.load(Ordering::Relaxed).unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn learns_and_applies_offsets_both_ways() {
        let skew = ClockSkew::default();
        let local = UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert!(skew.learn(local + Duration::from_secs(3600), local));
        assert_eq!(skew.adjust(local), local + Duration::from_secs(3600));
        assert!(skew.learn(local - Duration::from_secs(3600), local));
        assert_eq!(skew.adjust(local), local - Duration::from_secs(3600));
        // Learning the same offset again is no reason to retry.
        assert!(!skew.learn(local - Duration::from_secs(3600), local));
        assert_eq!(skew.magnitude(), Duration::from_secs(3600));
    }
}
