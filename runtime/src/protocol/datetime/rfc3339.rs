//! RFC 3339 date-time: `2019-12-16T23:48:18Z`, `2019-12-17T00:48:18.5+01:00`.

use super::civil::{
    civil_from_days, days_from_civil, digits, is_valid_date, parse_fraction, push_fraction,
    push_padded, split_secs,
};
use super::DateTime;

pub(super) fn write(t: DateTime, out: &mut String) {
    let (days, sod) = split_secs(t.secs());
    let (y, m, d) = civil_from_days(days);
    push_padded(out, y, 4);
    out.push('-');
    push_padded(out, i64::from(m), 2);
    out.push('-');
    push_padded(out, i64::from(d), 2);
    out.push('T');
    push_padded(out, i64::from(sod / 3600), 2);
    out.push(':');
    push_padded(out, i64::from(sod / 60 % 60), 2);
    out.push(':');
    push_padded(out, i64::from(sod % 60), 2);
    push_fraction(out, t.subsec_nanos());
    out.push('Z');
}

pub(super) fn parse(text: &str) -> Option<DateTime> {
    let b = text.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let year = i64::from(digits(text.get(0..4)?)?);
    let month = digits(text.get(5..7)?)?;
    let day = digits(text.get(8..10)?)?;
    let hour = digits(text.get(11..13)?)?;
    let minute = digits(text.get(14..16)?)?;
    // 60 is a leap second; it folds into the next minute like most parsers do.
    let second = digits(text.get(17..19)?)?;
    if !is_valid_date(year, month, day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = text.get(19..)?;
    let mut nanos = 0;
    if let Some(after_dot) = rest.strip_prefix('.') {
        let end = after_dot
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after_dot.len());
        nanos = parse_fraction(&after_dot[..end])?;
        rest = &after_dot[end..];
    }
    let offset_secs: i64 = match rest {
        "Z" | "z" => 0,
        _ => {
            let rb = rest.as_bytes();
            if rb.len() != 6 || rb[3] != b':' {
                return None;
            }
            let sign = match rb[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let oh = digits(rest.get(1..3)?)?;
            let om = digits(rest.get(4..6)?)?;
            if oh > 23 || om > 59 {
                return None;
            }
            sign * i64::from(oh * 3600 + om * 60)
        }
    };
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset_secs;
    Some(DateTime::from_secs_and_nanos(secs, nanos))
}
