//! Where the runtime gets "now" from, so tests can fix the clock, and the
//! date formats AWS puts on the wire (HTTP dates, RFC 3339).

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

const SECONDS_PER_DAY: i64 = 86_400;
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_LONG: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

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
    let days = secs.div_euclid(SECONDS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    let (h, m, s) = clock_of(secs);
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[weekday_index(days)],
        day,
        MONTHS[(month - 1) as usize],
        year,
        h,
        m,
        s
    )
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
    let text = text.trim();
    if !text.is_ascii() {
        return None;
    }
    if let Some((weekday, rest)) = text.split_once(", ") {
        if WEEKDAYS.contains(&weekday) {
            parse_imf_fixdate(rest)
        } else if WEEKDAYS_LONG.contains(&weekday) {
            parse_rfc850(rest)
        } else {
            None
        }
    } else {
        let (weekday, rest) = text.split_once(' ')?;
        if !WEEKDAYS.contains(&weekday) {
            return None;
        }
        parse_asctime(rest)
    }
}

// `06 Nov 1994 08:49:37 GMT`
fn parse_imf_fixdate(rest: &str) -> Option<SystemTime> {
    let b = rest.as_bytes();
    if b.len() != 24 || b[2] != b' ' || b[6] != b' ' || b[11] != b' ' || &rest[20..] != " GMT" {
        return None;
    }
    let day = digits(&rest[0..2])?;
    let month = month_number(&rest[3..6])?;
    let year = digits(&rest[7..11])?;
    let (h, m, s) = parse_clock(&rest[12..20])?;
    from_civil(year as i64, month, day, h, m, s, 0)
}

// `06-Nov-94 08:49:37 GMT`
fn parse_rfc850(rest: &str) -> Option<SystemTime> {
    let b = rest.as_bytes();
    if b.len() != 22 || b[2] != b'-' || b[6] != b'-' || b[9] != b' ' || &rest[18..] != " GMT" {
        return None;
    }
    let day = digits(&rest[0..2])?;
    let month = month_number(&rest[3..6])?;
    let yy = digits(&rest[7..9])? as i64;
    let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
    let (h, m, s) = parse_clock(&rest[10..18])?;
    from_civil(year, month, day, h, m, s, 0)
}

// `Nov  6 08:49:37 1994`
fn parse_asctime(rest: &str) -> Option<SystemTime> {
    let b = rest.as_bytes();
    if b.len() != 20 || b[3] != b' ' || b[6] != b' ' || b[15] != b' ' {
        return None;
    }
    let month = month_number(&rest[0..3])?;
    let day = digits(rest[4..6].trim_start_matches(' '))?;
    let (h, m, s) = parse_clock(&rest[7..15])?;
    let year = digits(&rest[16..20])?;
    from_civil(year as i64, month, day, h, m, s, 0)
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
    let (year, month, day) = civil_from_days(secs.div_euclid(SECONDS_PER_DAY));
    let (h, m, s) = clock_of(secs);
    let mut out = format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}");
    if nanos != 0 {
        let fraction = format!("{nanos:09}");
        out.push('.');
        out.push_str(fraction.trim_end_matches('0'));
    }
    out.push('Z');
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
    let text = text.trim();
    let b = text.as_bytes();
    if !text.is_ascii()
        || b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
    {
        return None;
    }
    let year = digits(&text[0..4])?;
    let month = digits(&text[5..7])?;
    let day = digits(&text[8..10])?;
    let (h, m, s) = parse_clock(&text[11..19])?;
    let mut rest = &text[19..];
    let mut nanos = 0u32;
    if let Some(after_dot) = rest.strip_prefix('.') {
        let len = after_dot.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 {
            return None;
        }
        // Digits past the nanosecond are dropped, not rounded: a parse never
        // moves a time into the next second.
        for (i, c) in after_dot[..len].bytes().enumerate().take(9) {
            nanos += u32::from(c - b'0') * 10u32.pow(8 - i as u32);
        }
        rest = &after_dot[len..];
    }
    let offset_seconds = match rest {
        "Z" | "z" => 0,
        _ => {
            let ob = rest.as_bytes();
            if ob.len() != 6 || ob[3] != b':' {
                return None;
            }
            let sign = match ob[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let oh = digits(&rest[1..3])?;
            let om = digits(&rest[4..6])?;
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (i64::from(oh) * 3600 + i64::from(om) * 60)
        }
    };
    let local = from_civil(i64::from(year), month, day, h, m, s, nanos)?;
    shift(local, -offset_seconds)
}

/// Seconds since the Unix epoch (negative before it) and the nanoseconds
/// into that second.
fn to_unix(time: SystemTime) -> (i64, u32) {
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

fn from_unix(secs: i64, nanos: u32) -> Option<SystemTime> {
    let base = if secs >= 0 {
        UNIX_EPOCH.checked_add(Duration::from_secs(secs.unsigned_abs()))?
    } else {
        UNIX_EPOCH.checked_sub(Duration::from_secs(secs.unsigned_abs()))?
    };
    base.checked_add(Duration::from_nanos(u64::from(nanos)))
}

fn shift(time: SystemTime, seconds: i64) -> Option<SystemTime> {
    if seconds >= 0 {
        time.checked_add(Duration::from_secs(seconds.unsigned_abs()))
    } else {
        time.checked_sub(Duration::from_secs(seconds.unsigned_abs()))
    }
}

/// A validated calendar date and clock time in UTC as a `SystemTime`.
/// Second 60 (a leap second) is accepted and lands on the next minute.
fn from_civil(
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    nanos: u32,
) -> Option<SystemTime> {
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let secs = days * SECONDS_PER_DAY
        + i64::from(hour) * 3600
        + i64::from(minute) * 60
        + i64::from(second);
    from_unix(secs, nanos)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the whole
// proleptic Gregorian calendar with no tables and no loops.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn clock_of(secs: i64) -> (i64, i64, i64) {
    let in_day = secs.rem_euclid(SECONDS_PER_DAY);
    (in_day / 3600, in_day / 60 % 60, in_day % 60)
}

// 1970-01-01 was a Thursday (index 3 with Monday = 0).
fn weekday_index(days: i64) -> usize {
    (days + 3).rem_euclid(7) as usize
}

fn month_number(name: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// `HH:MM:SS`
fn parse_clock(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    Some((
        digits(&text[0..2])?,
        digits(&text[3..5])?,
        digits(&text[6..8])?,
    ))
}

/// A run of ASCII digits (no sign, no spaces) as a number.
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
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

    #[test]
    fn calendar_math_matches_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
