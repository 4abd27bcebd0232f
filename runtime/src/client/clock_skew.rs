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

/// An offset in milliseconds (server minus local), as one attempt signed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Offset(i64);

impl Offset {
    /// Local time corrected by this offset.
    pub(crate) fn apply(self, local: SystemTime) -> SystemTime {
        if self.0 >= 0 {
            local + Duration::from_millis(self.0 as u64)
        } else {
            local - Duration::from_millis(self.0.unsigned_abs())
        }
    }
}

impl ClockSkew {
    /// The offset to sign an attempt with; keep it for [`ClockSkew::learn`].
    pub(crate) fn current(&self) -> Offset {
        Offset(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Learns the offset from a server's `Date` and our clock when the
    /// response arrived. Returns whether it differs enough from the offset
    /// the refused attempt was signed `with` that a retry can now succeed.
    /// Compared with that, not with the stored offset: when several calls
    /// in flight are refused together, the first to learn the offset must
    /// not stop the others from retrying with it.
    pub(crate) fn learn(&self, server: SystemTime, local: SystemTime, with: Offset) -> bool {
        let offset_ms = match server.duration_since(local) {
            Ok(ahead) => ahead.as_millis() as i64,
            Err(behind) => -(behind.duration().as_millis() as i64),
        };
        self.offset_ms.store(offset_ms, Ordering::Relaxed);
        (offset_ms - with.0).unsigned_abs() >= MIN_SKEW.as_millis() as u64
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
        let before = skew.current();
        assert!(skew.learn(local + Duration::from_secs(3600), local, before));
        assert_eq!(
            skew.current().apply(local),
            local + Duration::from_secs(3600)
        );
        // A second call signed with the old offset and refused too still retries.
        assert!(skew.learn(local + Duration::from_secs(3600), local, before));
        // One signed with the learned offset and refused is no reason to retry.
        assert!(!skew.learn(local + Duration::from_secs(3600), local, skew.current()));
        let ahead = skew.current();
        assert!(skew.learn(local - Duration::from_secs(3600), local, ahead));
        assert_eq!(
            skew.current().apply(local),
            local - Duration::from_secs(3600)
        );
        assert_eq!(skew.magnitude(), Duration::from_secs(3600));
    }
}
