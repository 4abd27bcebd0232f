//! The numeric fields the date formats share: fixed-width digits, the
//! `HH:MM:SS` clock and decimal fractions of a second.

use std::fmt::Write;

/// A run of ASCII digits (no sign, no spaces) as a number.
pub(crate) fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `HH:MM:SS` as numbers; their ranges are the caller's to check.
pub(crate) fn parse_clock(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    Some((
        digits(text.get(0..2)?)?,
        digits(text.get(3..5)?)?,
        digits(text.get(6..8)?)?,
    ))
}

/// The digits after a decimal point as nanoseconds. Digits past the ninth
/// are dropped, not rounded: a parse never moves a time into the next second.
pub(crate) fn parse_fraction(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut nanos = 0u32;
    for (i, b) in digits.bytes().take(9).enumerate() {
        nanos += u32::from(b - b'0') * 10u32.pow(8 - i as u32);
    }
    Some(nanos)
}

/// Appends `n` with at least `width` digits.
pub(crate) fn push_padded(out: &mut String, n: i64, width: usize) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{n:0width$}");
}

/// Appends `HH:MM:SS` for `secs` seconds into a day.
pub(crate) fn push_clock(out: &mut String, secs_of_day: u32) {
    push_padded(out, i64::from(secs_of_day / 3600), 2);
    out.push(':');
    push_padded(out, i64::from(secs_of_day / 60 % 60), 2);
    out.push(':');
    push_padded(out, i64::from(secs_of_day % 60), 2);
}

/// Appends `.ddd` for `nanos`, trimmed of trailing zeros; nothing for 0.
pub(crate) fn push_fraction(out: &mut String, nanos: u32) {
    if nanos == 0 {
        return;
    }
    let digits = format!("{nanos:09}");
    out.push('.');
    out.push_str(digits.trim_end_matches('0'));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields() {
        assert_eq!(digits("0042"), Some(42));
        assert_eq!(digits("+42"), None);
        assert_eq!(digits(""), None);
        assert_eq!(parse_clock("08:49:37"), Some((8, 49, 37)));
        assert_eq!(parse_clock("08:4é:3"), None);
        assert_eq!(parse_clock("08-49-37"), None);
        assert_eq!(parse_fraction("5"), Some(500_000_000));
        assert_eq!(parse_fraction("1234567891"), Some(123_456_789));
        assert_eq!(parse_fraction(""), None);
        assert_eq!(parse_fraction("1a"), None);
    }

    #[test]
    fn writes_fields() {
        let mut out = String::new();
        push_padded(&mut out, 7, 4);
        push_clock(&mut out, 8 * 3600 + 49 * 60 + 37);
        push_fraction(&mut out, 0);
        push_fraction(&mut out, 120_000_000);
        assert_eq!(out, "000708:49:37.12");
    }
}
