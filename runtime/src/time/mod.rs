//! Where the runtime gets "now" from, so tests can fix the clock; how it
//! waits ([`AsyncSleep`]), so tests need not; and the date formats AWS puts
//! on the wire (HTTP dates, RFC 3339).

pub(crate) mod civil;
pub(crate) mod epoch;
mod fields;
pub(crate) mod http_date;
pub(crate) mod rfc3339;
mod sleep;
mod within;

pub use sleep::{AsyncSleep, InstantSleep, TokioSleep};
pub(crate) use within::{within, Within};

use std::fmt::Debug;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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

// ---------------------------------------------------------------------------
// Date formats AWS uses on the wire: HTTP dates (headers, `Retry-After`) and
// RFC 3339 (`date-time` members, query strings, credential expirations).
// The shape type `DateTime` reads and writes through the same modules.

/// Formats a time as an HTTP date (IMF-fixdate, RFC 9110 §5.6.7), e.g.
/// `Sun, 06 Nov 1994 08:49:37 GMT`. Fractions of a second are dropped.
///
/// ```
/// use awsop_runtime::time::format_http_date;
/// use std::time::{Duration, UNIX_EPOCH};
/// let t = UNIX_EPOCH + Duration::from_secs(784_111_777);
/// assert_eq!(format_http_date(t), "Sun, 06 Nov 1994 08:49:37 GMT");
/// ```
pub fn format_http_date(time: SystemTime) -> String {
    let (secs, _) = to_unix(time);
    let mut out = String::with_capacity(29);
    http_date::write(secs, &mut out);
    out
}

/// Parses an HTTP date: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), and
/// the obsolete RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`) forms that RFC 9110 asks recipients to accept.
/// `None` for anything else, including impossible dates.
///
/// RFC 850's two-digit years are read as 1970–2069.
///
/// ```
/// use awsop_runtime::time::parse_http_date;
/// use std::time::{Duration, UNIX_EPOCH};
/// let t = UNIX_EPOCH + Duration::from_secs(784_111_777);
/// assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(t));
/// assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), Some(t));
/// assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994"), Some(t));
/// assert_eq!(parse_http_date("yesterday"), None);
/// ```
pub fn parse_http_date(text: &str) -> Option<SystemTime> {
    let (secs, nanos) = http_date::parse_any_form(text.trim())?;
    from_unix(secs, nanos)
}

/// Formats a time as RFC 3339 in UTC, e.g. `2015-08-30T12:36:00Z`; a
/// fraction of a second is written only when there is one, without
/// trailing zeros (`2000-01-02T20:34:56.123Z`).
///
/// ```
/// use awsop_runtime::time::format_rfc3339;
/// use std::time::{Duration, UNIX_EPOCH};
/// assert_eq!(format_rfc3339(UNIX_EPOCH + Duration::from_secs(1_440_938_160)), "2015-08-30T12:36:00Z");
/// assert_eq!(format_rfc3339(UNIX_EPOCH + Duration::from_millis(946_845_296_123)), "2000-01-02T20:34:56.123Z");
/// ```
pub fn format_rfc3339(time: SystemTime) -> String {
    let (secs, nanos) = to_unix(time);
    let mut out = String::with_capacity(30);
    rfc3339::write(secs, nanos, &mut out);
    out
}

/// Parses an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, an optional
/// fraction (kept to the nanosecond), then `Z` or a `±HH:MM` offset.
/// `None` for anything else, including impossible dates.
///
/// ```
/// use awsop_runtime::time::parse_rfc3339;
/// use std::time::{Duration, UNIX_EPOCH};
/// let t = UNIX_EPOCH + Duration::from_secs(1_576_540_098);
/// assert_eq!(parse_rfc3339("2019-12-16T23:48:18Z"), Some(t));
/// assert_eq!(parse_rfc3339("2019-12-17T00:48:18+01:00"), Some(t));
/// assert_eq!(parse_rfc3339("2019-12-16T23:48:18.5Z"), Some(t + Duration::from_millis(500)));
/// assert_eq!(parse_rfc3339("2019-12-16 23:48:18"), None);
/// ```
pub fn parse_rfc3339(text: &str) -> Option<SystemTime> {
    let (secs, nanos) = rfc3339::parse(text.trim())?;
    from_unix(secs, nanos)
}

/// Seconds since the Unix epoch (floor, so negative before it) and the
/// nanoseconds into that second.
pub(crate) fn to_unix(time: SystemTime) -> (i64, u32) {
    match time.duration_since(UNIX_EPOCH) {
        Ok(d) => (
            i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            d.subsec_nanos(),
        ),
        Err(before) => {
            let d = before.duration();
            let secs = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
            if d.subsec_nanos() == 0 {
                (-secs, 0)
            } else {
                (-secs - 1, 1_000_000_000 - d.subsec_nanos())
            }
        }
    }
}

/// The inverse of [`to_unix`], if the platform can represent the instant.
pub(crate) fn from_unix(secs: i64, nanos: u32) -> Option<SystemTime> {
    let base = if secs >= 0 {
        UNIX_EPOCH.checked_add(Duration::from_secs(secs.unsigned_abs()))?
    } else {
        UNIX_EPOCH.checked_sub(Duration::from_secs(secs.unsigned_abs()))?
    };
    base.checked_add(Duration::from_nanos(u64::from(nanos)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> SystemTime {
        from_unix(secs, 0).unwrap()
    }

    #[test]
    fn http_date_round_trips() {
        for secs in [
            0,
            784_111_777,
            951_782_400,
            1_576_540_098,
            -1,
            -86_400 * 365,
            253_402_300_799,
        ] {
            let text = format_http_date(at(secs));
            assert_eq!(parse_http_date(&text), Some(at(secs)), "{text}");
        }
        assert_eq!(format_http_date(at(0)), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(format_http_date(at(-1)), "Wed, 31 Dec 1969 23:59:59 GMT");
        assert_eq!(
            format_http_date(at(1_576_540_098)),
            "Mon, 16 Dec 2019 23:48:18 GMT"
        );
        // 2000-02-29: a leap day in a year divisible by 400.
        assert_eq!(
            format_http_date(at(951_782_400)),
            "Tue, 29 Feb 2000 00:00:00 GMT"
        );
    }

    #[test]
    fn http_date_drops_fractions() {
        let t = at(1_576_540_098) + Duration::from_millis(999);
        assert_eq!(format_http_date(t), "Mon, 16 Dec 2019 23:48:18 GMT");
    }

    #[test]
    fn http_date_obsolete_forms() {
        let t = Some(at(784_111_777));
        assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), t);
        assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994"), t);
        assert_eq!(parse_http_date("Sun Nov 06 08:49:37 1994"), t);
        assert_eq!(
            parse_http_date("Thursday, 01-Jan-20 00:00:00 GMT"),
            Some(at(1_577_836_800))
        );
    }

    #[test]
    fn http_date_refuses_garbage() {
        for bad in [
            "",
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 November 1994 08:49:37 GMT",
            "Xyz, 06 Nov 1994 08:49:37 GMT",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 29 Feb 1900 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "Sun, 06 Nov 1994 08:49:61 GMT",
            "Sun, 06 Nov +994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sun, 06 Nov 1994 08:4é:37 GMT",
            "120",
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sun Nov 6 08:49:37 1994",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rfc3339_formats() {
        assert_eq!(format_rfc3339(at(0)), "1970-01-01T00:00:00Z");
        assert_eq!(format_rfc3339(at(-1)), "1969-12-31T23:59:59Z");
        assert_eq!(format_rfc3339(at(1_576_540_098)), "2019-12-16T23:48:18Z");
        let t = at(946_845_296);
        assert_eq!(
            format_rfc3339(t + Duration::from_millis(123)),
            "2000-01-02T20:34:56.123Z"
        );
        assert_eq!(
            format_rfc3339(t + Duration::from_millis(500)),
            "2000-01-02T20:34:56.5Z"
        );
        assert_eq!(
            format_rfc3339(t + Duration::from_nanos(1)),
            "2000-01-02T20:34:56.000000001Z"
        );
        // Before the epoch the fraction still counts forward from the second.
        let before = UNIX_EPOCH - Duration::from_millis(250);
        assert_eq!(format_rfc3339(before), "1969-12-31T23:59:59.75Z");
    }

    #[test]
    fn rfc3339_parses_offsets_and_fractions() {
        let t = at(1_576_540_098);
        assert_eq!(parse_rfc3339("2019-12-16T23:48:18Z"), Some(t));
        assert_eq!(parse_rfc3339("2019-12-16t23:48:18z"), Some(t));
        assert_eq!(parse_rfc3339("2019-12-17T00:48:18+01:00"), Some(t));
        assert_eq!(parse_rfc3339("2019-12-16T22:48:18-01:00"), Some(t));
        assert_eq!(parse_rfc3339("2019-12-16T23:48:18+00:00"), Some(t));
        assert_eq!(
            parse_rfc3339("2000-01-02T20:34:56.123Z"),
            Some(at(946_845_296) + Duration::from_millis(123))
        );
        assert_eq!(
            parse_rfc3339("2000-01-02T20:34:56.1234567891Z"),
            Some(at(946_845_296) + Duration::from_nanos(123_456_789))
        );
        assert_eq!(
            parse_rfc3339("1969-12-31T23:59:59.75Z"),
            Some(UNIX_EPOCH - Duration::from_millis(250))
        );
        // A leap second lands on the next minute.
        assert_eq!(
            parse_rfc3339("2016-12-31T23:59:60Z"),
            Some(at(1_483_228_800))
        );
    }

    #[test]
    fn rfc3339_round_trips() {
        for (secs, nanos) in [
            (0, 0),
            (1_440_938_160, 0),
            (946_845_296, 123_000_000),
            (-5, 1),
            (4_102_444_800, 999_999_999),
        ] {
            let t = from_unix(secs, nanos).unwrap();
            assert_eq!(parse_rfc3339(&format_rfc3339(t)), Some(t));
        }
    }

    #[test]
    fn rfc3339_refuses_garbage() {
        for bad in [
            "",
            "2019-12-16",
            "2019-12-16T23:48:18",
            "2019-12-16 23:48:18Z",
            "2019-12-16T23:48:18.Z",
            "2019-12-16T23:48:18+0100",
            "2019-12-16T23:48:18+24:00",
            "2019-13-16T23:48:18Z",
            "2019-02-29T23:48:18Z",
            "2019-12-16T23:48:18ZZ",
            "+019-12-16T23:48:18Z",
            "2019-12-16T23:48:18.12a3Z",
            "20191216T234818Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }
}
