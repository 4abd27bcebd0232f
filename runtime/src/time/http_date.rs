//! HTTP dates (RFC 9110 §5.6.7): IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`
//! and, when reading headers, the obsolete RFC 850 and asctime forms.
//!
//! Instants are (seconds since the epoch, floor; nanoseconds into that
//! second), as in [`rfc3339`](super::rfc3339).

use super::civil::{civil_from_days, secs_from_civil, split_secs, weekday};
use super::fields::{digits, parse_clock, parse_fraction, push_clock, push_padded};

// Indexed by `civil::weekday`: Sunday first.
const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const WEEKDAYS_LONG: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Appends the instant as IMF-fixdate; fractions of a second are dropped,
/// IMF-fixdate has none.
pub(crate) fn write(secs: i64, out: &mut String) {
    let (days, in_day) = split_secs(secs);
    let (y, m, d) = civil_from_days(days);
    out.push_str(WEEKDAYS[weekday(days) as usize]);
    out.push_str(", ");
    push_padded(out, i64::from(d), 2);
    out.push(' ');
    out.push_str(MONTHS[(m - 1) as usize]);
    out.push(' ');
    push_padded(out, y, 4);
    out.push(' ');
    push_clock(out, in_day);
    out.push_str(" GMT");
}

/// IMF-fixdate as AWS services send it in timestamp members: whole seconds,
/// or with a fraction (`23:48:18.123 GMT`), which some services send.
pub(crate) fn parse_fixdate(text: &str) -> Option<(i64, u32)> {
    let (weekday, rest) = text.split_once(", ")?;
    if !text.is_ascii() || !WEEKDAYS.contains(&weekday) {
        return None;
    }
    fixdate(rest, Fraction::Allowed)
}

/// Any form RFC 9110 asks a recipient to accept: IMF-fixdate in whole
/// seconds, RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`, two-digit years read
/// as 1970–2069) and asctime (`Sun Nov  6 08:49:37 1994`).
pub(crate) fn parse_any_form(text: &str) -> Option<(i64, u32)> {
    if !text.is_ascii() {
        return None;
    }
    // The weekday names are checked for form only, as everywhere.
    if let Some((weekday, rest)) = text.split_once(", ") {
        if WEEKDAYS.contains(&weekday) {
            fixdate(rest, Fraction::Refused)
        } else if WEEKDAYS_LONG.contains(&weekday) {
            rfc850(rest)
        } else {
            None
        }
    } else {
        let (weekday, rest) = text.split_once(' ')?;
        if !WEEKDAYS.contains(&weekday) {
            return None;
        }
        asctime(rest)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fraction {
    Allowed,
    Refused,
}

// `06 Nov 1994 08:49:37 GMT`, or `08:49:37.123 GMT` when fractions are allowed.
fn fixdate(rest: &str, fraction: Fraction) -> Option<(i64, u32)> {
    let b = rest.as_bytes();
    if b.len() < 24 || b[2] != b' ' || b[6] != b' ' || b[11] != b' ' || !rest.ends_with(" GMT") {
        return None;
    }
    let day = digits(&rest[0..2])?;
    let month = month_number(&rest[3..6])?;
    let year = digits(&rest[7..11])?;
    let clock = &rest[12..rest.len() - 4];
    let (clock, nanos) = match clock.split_once('.') {
        Some((whole, digits)) if fraction == Fraction::Allowed => (whole, parse_fraction(digits)?),
        _ => (clock, 0),
    };
    let (h, m, s) = parse_clock(clock)?;
    let secs = secs_from_civil(i64::from(year), month, day, h, m, s)?;
    Some((secs, nanos))
}

// `06-Nov-94 08:49:37 GMT`
fn rfc850(rest: &str) -> Option<(i64, u32)> {
    let b = rest.as_bytes();
    if b.len() != 22 || b[2] != b'-' || b[6] != b'-' || b[9] != b' ' || &rest[18..] != " GMT" {
        return None;
    }
    let day = digits(&rest[0..2])?;
    let month = month_number(&rest[3..6])?;
    let yy = i64::from(digits(&rest[7..9])?);
    let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
    let (h, m, s) = parse_clock(&rest[10..18])?;
    Some((secs_from_civil(year, month, day, h, m, s)?, 0))
}

// `Nov  6 08:49:37 1994`
fn asctime(rest: &str) -> Option<(i64, u32)> {
    let b = rest.as_bytes();
    if b.len() != 20 || b[3] != b' ' || b[6] != b' ' || b[15] != b' ' {
        return None;
    }
    let month = month_number(&rest[0..3])?;
    let day = digits(rest[4..6].trim_start_matches(' '))?;
    let (h, m, s) = parse_clock(&rest[7..15])?;
    let year = digits(&rest[16..20])?;
    Some((secs_from_civil(i64::from(year), month, day, h, m, s)?, 0))
}

fn month_number(name: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}
