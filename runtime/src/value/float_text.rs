//! Floats as text, the way every AWS text location spells them (URI
//! labels, query strings, headers, XML and form bodies): Rust's shortest
//! round-trip digits, and `NaN`, `Infinity`, `-Infinity` for the values
//! that have no digits.

use std::fmt::{Display, Write};

/// Appends `value` as AWS spells it in text.
///
/// ```
/// use awsop_runtime::value::write_float;
/// let mut out = String::new();
/// write_float(&mut out, 1.5f32);
/// out.push(' ');
/// write_float(&mut out, f64::NEG_INFINITY);
/// assert_eq!(out, "1.5 -Infinity");
/// ```
pub fn write_float<F: Into<f64> + Display + Copy>(out: &mut String, value: F) {
    let wide: f64 = value.into();
    if wide.is_nan() {
        out.push_str("NaN");
    } else if wide.is_infinite() {
        out.push_str(if wide > 0.0 { "Infinity" } else { "-Infinity" });
    } else {
        // Writing to a String cannot fail. `value` keeps its own width, so
        // an f32 prints its own shortest digits (1.1, not 1.100000023841858).
        let _ = write!(out, "{value}");
    }
}

/// `value` as AWS spells it in text.
///
/// ```
/// assert_eq!(awsop_runtime::value::float_text(f64::NAN), "NaN");
/// ```
pub fn float_text<F: Into<f64> + Display + Copy>(value: F) -> String {
    let mut out = String::new();
    write_float(&mut out, value);
    out
}

/// Reads a float spelled as AWS spells it. Rust alone would also accept
/// `inf` and `nan`, which AWS never sends.
///
/// ```
/// use awsop_runtime::value::parse_float;
/// assert_eq!(parse_float("-Infinity"), Some(f64::NEG_INFINITY));
/// assert_eq!(parse_float("2.5e3"), Some(2500.0));
/// assert_eq!(parse_float("inf"), None);
/// ```
pub fn parse_float(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ if text
            .bytes()
            .any(|b| b.is_ascii_alphabetic() && b != b'e' && b != b'E') =>
        {
            None
        }
        _ => text.parse().ok(),
    }
}
