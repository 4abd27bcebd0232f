//! RFC 3339 date-time: `2019-12-16T23:48:18Z`, `2019-12-17T00:48:18.5+01:00`.
//!
//! Instants are (seconds since the epoch, floor; nanoseconds into that
//! second), so both [`SystemTime`](std::time::SystemTime) and the shape type
//! `DateTime` read and write through here.

use super::civil::{civil_from_days, secs_from_civil, split_secs};
use super::fields::{digits, parse_clock, parse_fraction, push_clock, push_fraction, push_padded};

/// Appends the instant in UTC; a fraction of a second only when there is
/// one, without trailing zeros.
pub(crate) fn write(secs: i64, nanos: u32, out: &mut String) {
    let (days, in_day) = split_secs(secs);
    let (y, m, d) = civil_from_days(days);
    push_padded(out, y, 4);
    out.push('-');
    push_padded(out, i64::from(m), 2);
    out.push('-');
    push_padded(out, i64::from(d), 2);
    out.push('T');
    push_clock(out, in_day);
    push_fraction(out, nanos);
    out.push('Z');
}

/// `YYYY-MM-DDTHH:MM:SS`, an optional fraction (kept to the nanosecond),
/// then `Z` or a `±HH:MM` offset. Surrounding whitespace is refused.
pub(crate) fn parse(text: &str) -> Option<(i64, u32)> {
    let b = text.as_bytes();
    if !text.is_ascii()
        || b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
    {
        return None;
    }
    let year = i64::from(digits(&text[0..4])?);
    let month = digits(&text[5..7])?;
    let day = digits(&text[8..10])?;
    let (hour, minute, second) = parse_clock(&text[11..19])?;
    let mut rest = &text[19..];
    let mut nanos = 0;
    if let Some(after_dot) = rest.strip_prefix('.') {
        let end = after_dot
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after_dot.len());
        nanos = parse_fraction(&after_dot[..end])?;
        rest = &after_dot[end..];
    }
    let offset_secs = match rest {
        "Z" | "z" => 0,
        _ => parse_offset(rest)?,
    };
    let local = secs_from_civil(year, month, day, hour, minute, second)?;
    Some((local - offset_secs, nanos))
}

/// `+01:00` / `-01:00` as seconds east of UTC.
fn parse_offset(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 6 || b[3] != b':' {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours = digits(&text[1..3])?;
    let minutes = digits(&text[4..6])?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * i64::from(hours * 3600 + minutes * 60))
}
