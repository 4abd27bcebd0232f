use crate::value::{parse_float, write_float, DateTime, TimestampFormat};

/// A scalar as text in a URI label, a query string or a header: strings,
/// numbers, booleans, timestamps, and `#[aws_shape]` enums.
///
/// ```
/// use awsop_runtime::protocol::binding::HttpValue;
/// use awsop_runtime::TimestampFormat;
/// let mut out = String::new();
/// f64::NEG_INFINITY.write_http(&mut out, TimestampFormat::DateTime);
/// assert_eq!(out, "-Infinity");
/// assert_eq!(bool::read_http("true", TimestampFormat::DateTime), Ok(true));
/// ```
pub trait HttpValue: Sized {
    /// Whether this is text that must be quoted inside a header list when
    /// it contains `,` or `"`.
    const IS_TEXT: bool = false;
    /// Whether this is a timestamp (http-dates contain a comma, which
    /// matters when splitting header lists).
    const IS_TIMESTAMP: bool = false;

    /// Appends the value as text.
    fn write_http(&self, out: &mut String, ts: TimestampFormat);

    /// Reads the value from text; the error says why not.
    fn read_http(text: &str, ts: TimestampFormat) -> Result<Self, String>;
}

impl HttpValue for String {
    const IS_TEXT: bool = true;

    fn write_http(&self, out: &mut String, _: TimestampFormat) {
        out.push_str(self);
    }

    fn read_http(text: &str, _: TimestampFormat) -> Result<Self, String> {
        Ok(text.to_string())
    }
}

impl HttpValue for bool {
    fn write_http(&self, out: &mut String, _: TimestampFormat) {
        out.push_str(if *self { "true" } else { "false" });
    }

    fn read_http(text: &str, _: TimestampFormat) -> Result<Self, String> {
        match text {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(format!("`{}` is not a boolean", text.escape_debug())),
        }
    }
}

macro_rules! number_http_value {
    ($($t:ty),*) => {$(
        impl HttpValue for $t {
            fn write_http(&self, out: &mut String, _: TimestampFormat) {
                use std::fmt::Write;
                // Writing to a String cannot fail.
                let _ = write!(out, "{self}");
            }

            fn read_http(text: &str, _: TimestampFormat) -> Result<Self, String> {
                text.parse()
                    .map_err(|_| format!("`{}` is not a valid {}", text.escape_debug(), stringify!($t)))
            }
        }
    )*};
}

number_http_value!(i8, i16, i32, i64);

macro_rules! float_http_value {
    ($($t:ty),*) => {$(
        impl HttpValue for $t {
            fn write_http(&self, out: &mut String, _: TimestampFormat) {
                write_float(out, *self);
            }

            fn read_http(text: &str, _: TimestampFormat) -> Result<Self, String> {
                // Narrowing is what a float member means.
                parse_float(text)
                    .map(|f| f as $t)
                    .ok_or_else(|| format!("`{}` is not a number", text.escape_debug()))
            }
        }
    )*};
}

float_http_value!(f32, f64);

impl HttpValue for DateTime {
    const IS_TIMESTAMP: bool = true;

    fn write_http(&self, out: &mut String, ts: TimestampFormat) {
        self.write(ts, out);
    }

    fn read_http(text: &str, ts: TimestampFormat) -> Result<Self, String> {
        DateTime::parse_any(text, ts).map_err(|e| e.to_string())
    }
}
