//! RFC 7231 IMF-fixdate: `Mon, 16 Dec 2019 23:48:18 GMT`.

use super::civil::{
    civil_from_days, days_from_civil, digits, is_valid_date, parse_fraction, push_padded,
    split_secs, weekday,
};
use super::DateTime;

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Sub-second precision is dropped: IMF-fixdate has none.
pub(super) fn write(t: DateTime, out: &mut String) {
    let (days, sod) = split_secs(t.secs());
    let (y, m, d) = civil_from_days(days);
    out.push_str(DAYS[weekday(days) as usize]);
    out.push_str(", ");
    push_padded(out, i64::from(d), 2);
    out.push(' ');
    out.push_str(MONTHS[(m - 1) as usize]);
    out.push(' ');
    push_padded(out, y, 4);
    out.push(' ');
    push_padded(out, i64::from(sod / 3600), 2);
    out.push(':');
    push_padded(out, i64::from(sod / 60 % 60), 2);
    out.push(':');
    push_padded(out, i64::from(sod % 60), 2);
    out.push_str(" GMT");
}

/// Accepts fractional seconds (`23:48:18.123 GMT`), which some services send.
/// The weekday name is checked for form only.
pub(super) fn parse(text: &str) -> Option<DateTime> {
    let mut parts = text.split(' ');
    let weekday = parts.next()?;
    let day = parts.next()?;
    let month = parts.next()?;
    let year = parts.next()?;
    let time = parts.next()?;
    if parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    let weekday = weekday.strip_suffix(',')?;
    if !DAYS.contains(&weekday) || day.len() != 2 || year.len() != 4 {
        return None;
    }
    let day = digits(day)?;
    let month = MONTHS.iter().position(|m| *m == month)? as u32 + 1;
    let year = i64::from(digits(year)?);
    let (hms, nanos) = match time.split_once('.') {
        Some((hms, frac)) => (hms, parse_fraction(frac)?),
        None => (time, 0),
    };
    let hb = hms.as_bytes();
    if hb.len() != 8 || hb[2] != b':' || hb[5] != b':' {
        return None;
    }
    let (h, mi, s) = (
        digits(&hms[0..2])?,
        digits(&hms[3..5])?,
        digits(&hms[6..8])?,
    );
    if !is_valid_date(year, month, day) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let secs = days_from_civil(year, month, day) * 86_400 + i64::from(h * 3600 + mi * 60 + s);
    Some(DateTime::from_secs_and_nanos(secs, nanos))
}
