use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime};

/// The offset between the service's clock and ours, learned from the `Date`
/// header of responses that refused our signature as stale, as the AWS
/// SDKs do. Signing adds it to the local time.
///
/// The offset is bounded by [`MAX_SKEW`]: a `Date` further from our clock
/// than that is ignored. One hostile or broken response (a proxy's, a
/// captive portal's) must not be able to make every later call sign for
/// 1900 (which cannot be signed at all, so nothing would ever be sent again
/// and the offset never corrected) or for the year 9999.
#[derive(Debug, Default)]
pub(crate) struct ClockSkew {
    /// Server minus local, in milliseconds; always within ±[`MAX_SKEW`].
    offset_ms: AtomicI64,
}

/// Below this, a refused signature is not blamed on the clock: SigV4 allows
/// five minutes, so a smaller difference cannot be why it was refused.
const MIN_SKEW: Duration = Duration::from_secs(4 * 60);

/// The largest offset the client will learn: one day. Real clocks drift by
/// seconds to hours (a wrong time zone is at most 14 h); a server `Date`
/// further away than this says more about the response than about our clock.
const MAX_SKEW: Duration = Duration::from_secs(24 * 60 * 60);

/// An offset in milliseconds (server minus local), as one attempt signed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Offset(i64);

impl Offset {
    /// Local time corrected by this offset.
    pub(crate) fn apply(self, local: SystemTime) -> SystemTime {
        // The offset is bounded, so this only falls back for a local clock
        // within a day of the ends of what `SystemTime` can hold.
        let shift = Duration::from_millis(self.0.unsigned_abs());
        let shifted = if self.0 >= 0 {
            local.checked_add(shift)
        } else {
            local.checked_sub(shift)
        };
        shifted.unwrap_or(local)
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
    ///
    /// A `Date` more than [`MAX_SKEW`] from our clock is ignored: nothing is
    /// stored and no retry is asked for. A later refusal with a plausible
    /// `Date` replaces whatever offset was learned before, so a wrong (but
    /// in-window) offset is corrected by the next response that refuses it.
    pub(crate) fn learn(&self, server: SystemTime, local: SystemTime, with: Offset) -> bool {
        let (ahead, distance) = match server.duration_since(local) {
            Ok(ahead) => (true, ahead),
            Err(behind) => (false, behind.duration()),
        };
        if distance > MAX_SKEW {
            tracing::debug!(
                skew_secs = distance.as_secs(),
                "ignoring a response Date more than a day from the local clock"
            );
            return false;
        }
        // At most a day of milliseconds: far inside i64.
        let magnitude = distance.as_millis() as i64;
        let offset_ms = if ahead { magnitude } else { -magnitude };
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

    #[test]
    fn dates_outside_the_window_are_ignored() {
        let skew = ClockSkew::default();
        let local = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let year_1900 = UNIX_EPOCH - Duration::from_secs(2_208_988_800);
        let year_9999 = UNIX_EPOCH + Duration::from_secs(253_402_300_799);
        for poisoned in [
            year_1900,
            year_9999,
            local + MAX_SKEW + Duration::from_secs(1),
        ] {
            assert!(!skew.learn(poisoned, local, skew.current()));
            assert_eq!(skew.magnitude(), Duration::ZERO);
        }
        // The edge of the window is still learned.
        assert!(skew.learn(local - MAX_SKEW, local, skew.current()));
        assert_eq!(skew.magnitude(), MAX_SKEW);
        // ... and a later plausible Date replaces it.
        assert!(skew.learn(local, local, skew.current()));
        assert_eq!(skew.current().apply(local), local);
    }
}
