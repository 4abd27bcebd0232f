//! Epoch seconds: `1576540098`, `946845296.123`, `-1.5`.

use super::civil::{parse_fraction, push_fraction};
use super::DateTime;

pub(super) fn write(t: DateTime, out: &mut String) {
    use std::fmt::Write;
    let (secs, nanos) = (t.secs(), t.subsec_nanos());
    if nanos == 0 {
        let _ = write!(out, "{secs}");
    } else if secs < 0 {
        // Floor representation: -2 s + 0.5 s is -1.5 s.
        let whole = secs + 1;
        let frac = 1_000_000_000 - nanos;
        if whole == 0 {
            out.push_str("-0");
        } else {
            let _ = write!(out, "{whole}");
        }
        push_fraction(out, frac);
    } else {
        let _ = write!(out, "{secs}");
        push_fraction(out, nanos);
    }
}

/// Plain decimal only: exponents are not a timestamp format AWS sends.
pub(super) fn parse(text: &str) -> Option<DateTime> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, frac) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = whole.parse().ok()?;
    let nanos = match frac {
        Some(f) => parse_fraction(f)?,
        None => 0,
    };
    Some(if negative {
        if nanos == 0 {
            DateTime::from_secs(-secs)
        } else {
            DateTime::from_secs_and_nanos(-secs - 1, 1_000_000_000 - nanos)
        }
    } else {
        DateTime::from_secs_and_nanos(secs, nanos)
    })
}
