//! Epoch seconds: `1576540098`, `946845296.123`, `-1.5`.
//!
//! Instants are (seconds since the epoch, floor; nanoseconds into that
//! second), as in [`rfc3339`](super::rfc3339).

use std::fmt::Write;

use super::fields::{parse_fraction, push_fraction};

/// Appends the instant as a decimal number of seconds; a fraction only when
/// there is one, without trailing zeros.
pub(crate) fn write(secs: i64, nanos: u32, out: &mut String) {
    // Writing to a String cannot fail.
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
pub(crate) fn parse(text: &str) -> Option<(i64, u32)> {
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
    Some(if !negative {
        (secs, nanos)
    } else if nanos == 0 {
        (-secs, 0)
    } else {
        (-secs - 1, 1_000_000_000 - nanos)
    })
}
