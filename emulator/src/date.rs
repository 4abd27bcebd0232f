//! The dates the emulator writes and reads: SigV4's `20150830T123600Z` and
//! the HTTP `Date` header. The calendar arithmetic is the runtime's.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awsop_runtime::sigv4::verify;
use awsop_runtime::time::{format_http_date, format_rfc3339};

/// `time` as SigV4's basic ISO-8601 form, `20150830T123600Z`.
pub(crate) fn amz_date(time: SystemTime) -> String {
    // Whole seconds, so RFC 3339 has no fraction; then drop its separators.
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    format_rfc3339(UNIX_EPOCH + Duration::from_secs(secs)).replace(['-', ':'], "")
}

/// Parses `20150830T123600Z`; `None` if it is not exactly that form or not
/// a real date.
pub(crate) fn parse_amz_date(text: &str) -> Option<SystemTime> {
    verify::parse_amz_date(text).ok()
}

/// `time` as an HTTP `Date` header value: `Sun, 30 Aug 2015 12:36:00 GMT`.
pub(crate) fn http_date(time: SystemTime) -> String {
    format_http_date(time)
}

/// `time` shifted by a signed number of milliseconds, saturating at the epoch.
pub(crate) fn shift(time: SystemTime, offset_ms: i64) -> SystemTime {
    let magnitude = Duration::from_millis(offset_ms.unsigned_abs());
    if offset_ms >= 0 {
        time.checked_add(magnitude).unwrap_or(time)
    } else {
        time.checked_sub(magnitude)
            .filter(|t| *t >= UNIX_EPOCH)
            .unwrap_or(UNIX_EPOCH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn golden_request_date() {
        // DESIGN's golden request: X-Amz-Date 20150830T123600Z.
        assert_eq!(amz_date(at(1_440_938_160)), "20150830T123600Z");
        assert_eq!(
            amz_date(at(1_440_938_160) + Duration::from_millis(999)),
            "20150830T123600Z"
        );
        assert_eq!(parse_amz_date("20150830T123600Z"), Some(at(1_440_938_160)));
        assert_eq!(
            http_date(at(1_440_938_160)),
            "Sun, 30 Aug 2015 12:36:00 GMT"
        );
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "20150830T123600",
            "20151330T123600Z",
            "2015-08-30T12:36:00Z",
        ] {
            assert_eq!(parse_amz_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn shifts_both_ways() {
        assert_eq!(shift(at(100), 5_000), at(105));
        assert_eq!(shift(at(100), -5_000), at(95));
        assert_eq!(shift(at(1), -5_000), UNIX_EPOCH);
    }
}
