//! [`DateTime`]: an instant with nanosecond precision, read and written in
//! the three wire formats of [`TimestampFormat`].

use std::fmt;
use std::time::SystemTime;

use super::TimestampFormat;
use crate::error::ParseError;
use crate::time::{epoch, from_unix, http_date, rfc3339, to_unix};

/// An instant: seconds since the Unix epoch plus nanoseconds.
///
/// It converts to and from [`SystemTime`] and reads and writes the AWS wire
/// formats: epoch seconds (`1576540098`, `946845296.123`), RFC 3339
/// date-time (`2019-12-16T23:48:18Z`, offsets accepted when parsing) and
/// HTTP date (`Mon, 16 Dec 2019 23:48:18 GMT`).
///
/// ```
/// use awsop_runtime::{DateTime, TimestampFormat};
/// let t = DateTime::from_secs(1_576_540_098);
/// assert_eq!(t.fmt(TimestampFormat::DateTime), "2019-12-16T23:48:18Z");
/// assert_eq!(t.fmt(TimestampFormat::HttpDate), "Mon, 16 Dec 2019 23:48:18 GMT");
/// assert_eq!(DateTime::parse("2019-12-17T00:48:18+01:00", TimestampFormat::DateTime).unwrap(), t);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct DateTime {
    secs: i64,
    nanos: u32,
}

impl DateTime {
    /// The instant `secs` seconds after the epoch (negative: before).
    pub const fn from_secs(secs: i64) -> Self {
        DateTime { secs, nanos: 0 }
    }

    /// The instant `secs` seconds and `nanos` nanoseconds after the epoch;
    /// `nanos` beyond one second carry into the seconds.
    pub const fn from_secs_and_nanos(secs: i64, nanos: u32) -> Self {
        DateTime {
            secs: secs.saturating_add((nanos / 1_000_000_000) as i64),
            nanos: nanos % 1_000_000_000,
        }
    }

    /// The instant `millis` milliseconds after the epoch.
    pub const fn from_millis(millis: i64) -> Self {
        DateTime {
            secs: millis.div_euclid(1000),
            nanos: (millis.rem_euclid(1000) as u32) * 1_000_000,
        }
    }

    /// The instant `secs` (fractional) seconds after the epoch, rounded to
    /// the microsecond: an `f64` near today's epoch holds no more than that,
    /// so `946845296.123` reads as exactly `.123`. Non-finite or out of range
    /// values saturate.
    pub fn from_secs_f64(secs: f64) -> Self {
        if secs.is_nan() {
            return DateTime::default();
        }
        let micros = (secs * 1_000_000.0).round();
        // `as` saturates on overflow, which is the intent here.
        let micros = micros as i64;
        DateTime {
            secs: micros.div_euclid(1_000_000),
            nanos: (micros.rem_euclid(1_000_000) as u32) * 1000,
        }
    }

    /// Whole seconds since the epoch (floor, so negative instants with a
    /// fraction round down).
    pub const fn secs(&self) -> i64 {
        self.secs
    }

    /// The nanoseconds past [`secs`](Self::secs), always in `0..1_000_000_000`.
    pub const fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Seconds since the epoch as a float (loses precision below the
    /// microsecond for current dates).
    pub fn as_secs_f64(&self) -> f64 {
        self.secs as f64 + f64::from(self.nanos) / 1e9
    }

    /// The current time of the system clock.
    pub fn now() -> Self {
        SystemTime::now().into()
    }

    /// Writes this instant in `format`.
    pub fn fmt(&self, format: TimestampFormat) -> String {
        let mut out = String::with_capacity(32);
        self.write(format, &mut out);
        out
    }

    /// Appends this instant in `format` to `out`.
    pub fn write(&self, format: TimestampFormat, out: &mut String) {
        match format {
            TimestampFormat::EpochSeconds => epoch::write(self.secs, self.nanos, out),
            TimestampFormat::DateTime => rfc3339::write(self.secs, self.nanos, out),
            TimestampFormat::HttpDate => http_date::write(self.secs, out),
        }
    }

    /// Parses `text` in `format`. Date-times accept any UTC offset and
    /// fractional seconds; HTTP dates accept fractional seconds too.
    pub fn parse(text: &str, format: TimestampFormat) -> Result<Self, ParseError> {
        let parsed = match format {
            TimestampFormat::EpochSeconds => epoch::parse(text),
            TimestampFormat::DateTime => rfc3339::parse(text),
            TimestampFormat::HttpDate => http_date::parse_fixdate(text),
        };
        let parsed = parsed.map(|(secs, nanos)| DateTime::from_secs_and_nanos(secs, nanos));
        parsed.ok_or_else(|| {
            ParseError::new(format!(
                "`{}` is not a timestamp in the {} format",
                text.escape_debug(),
                format.name()
            ))
        })
    }

    /// Parses `text` in `preferred` format, or failing that in either other
    /// format: services are not always consistent about it.
    pub fn parse_any(text: &str, preferred: TimestampFormat) -> Result<Self, ParseError> {
        Self::parse(text, preferred).or_else(|err| {
            [
                TimestampFormat::DateTime,
                TimestampFormat::HttpDate,
                TimestampFormat::EpochSeconds,
            ]
            .into_iter()
            .filter(|f| *f != preferred)
            .find_map(|f| Self::parse(text, f).ok())
            .ok_or(err)
        })
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&DateTime::fmt(self, TimestampFormat::DateTime))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&DateTime::fmt(self, TimestampFormat::DateTime))
    }
}

impl From<SystemTime> for DateTime {
    fn from(t: SystemTime) -> Self {
        let (secs, nanos) = to_unix(t);
        DateTime { secs, nanos }
    }
}

impl DateTime {
    /// This instant as a [`SystemTime`], if the platform can represent it.
    pub fn to_system_time(&self) -> Option<SystemTime> {
        from_unix(self.secs, self.nanos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: DateTime = DateTime::from_secs(1_576_540_098);

    #[test]
    fn formats_all_three() {
        assert_eq!(T.fmt(TimestampFormat::EpochSeconds), "1576540098");
        assert_eq!(T.fmt(TimestampFormat::DateTime), "2019-12-16T23:48:18Z");
        assert_eq!(
            T.fmt(TimestampFormat::HttpDate),
            "Mon, 16 Dec 2019 23:48:18 GMT"
        );
        let f = DateTime::from_secs_and_nanos(946_845_296, 123_000_000);
        assert_eq!(f.fmt(TimestampFormat::EpochSeconds), "946845296.123");
        assert_eq!(f.fmt(TimestampFormat::DateTime), "2000-01-02T20:34:56.123Z");
    }

    #[test]
    fn parses_offsets_and_fractions() {
        for text in [
            "2019-12-16T22:48:18-01:00",
            "2019-12-17T00:48:18+01:00",
            "2019-12-16T23:48:18Z",
            "2019-12-16t23:48:18z",
        ] {
            assert_eq!(
                DateTime::parse(text, TimestampFormat::DateTime).unwrap(),
                T,
                "{text}"
            );
        }
        assert_eq!(
            DateTime::parse("2000-01-02T20:34:56.123Z", TimestampFormat::DateTime).unwrap(),
            DateTime::from_secs_f64(946_845_296.123)
        );
        assert_eq!(
            DateTime::parse("Mon, 16 Dec 2019 23:48:18 GMT", TimestampFormat::HttpDate).unwrap(),
            T
        );
        assert_eq!(
            DateTime::parse("1576540098", TimestampFormat::EpochSeconds).unwrap(),
            T
        );
        assert_eq!(
            DateTime::parse("-1.5", TimestampFormat::EpochSeconds).unwrap(),
            DateTime::from_millis(-1500)
        );
    }

    #[test]
    fn rejects_nonsense() {
        for text in [
            "",
            "2019-13-16T23:48:18Z",
            "2019-12-16T23:48:18",
            "2019-02-30T00:00:00Z",
            "x",
        ] {
            assert!(
                DateTime::parse(text, TimestampFormat::DateTime).is_err(),
                "{text}"
            );
        }
        assert!(
            DateTime::parse("Mon, 16 Foo 2019 23:48:18 GMT", TimestampFormat::HttpDate).is_err()
        );
        assert!(DateTime::parse("1e3", TimestampFormat::EpochSeconds).is_err());
    }

    #[test]
    fn parse_any_falls_back() {
        assert_eq!(
            DateTime::parse_any("Mon, 16 Dec 2019 23:48:18 GMT", TimestampFormat::DateTime)
                .unwrap(),
            T
        );
    }

    #[test]
    fn system_time_round_trip() {
        for t in [T, DateTime::from_millis(-1500), DateTime::from_secs(-1)] {
            assert_eq!(DateTime::from(t.to_system_time().unwrap()), t);
        }
    }

    #[test]
    fn never_panics_on_garbage() {
        // A small LCG: deterministic, no dependency.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as u32
        };
        let alphabet: Vec<char> = "0123456789-+:.TZtz, GMTMonDec éü€😹".chars().collect();
        let seeds = [
            "2019-12-16T23:48:18Z",
            "Mon, 16 Dec 2019 23:48:18 GMT",
            "1576540098.5",
        ];
        for i in 0..20_000 {
            let mut text: Vec<char> = seeds[i % 3].chars().collect();
            for _ in 0..(next() % 4) {
                let pos = next() as usize % (text.len() + 1);
                let c = alphabet[next() as usize % alphabet.len()];
                if next() % 2 == 0 && pos < text.len() {
                    text[pos] = c;
                } else {
                    text.insert(pos, c);
                }
            }
            let text: String = text.into_iter().collect();
            for format in [
                TimestampFormat::EpochSeconds,
                TimestampFormat::DateTime,
                TimestampFormat::HttpDate,
            ] {
                if let Ok(t) = DateTime::parse(&text, format) {
                    let _ = t.fmt(format);
                }
            }
        }
        for secs in [i64::MIN, i64::MAX, -62_135_596_800, 253_402_300_799] {
            for format in [
                TimestampFormat::EpochSeconds,
                TimestampFormat::DateTime,
                TimestampFormat::HttpDate,
            ] {
                let _ = DateTime::from_secs(secs).fmt(format);
            }
        }
    }

    #[test]
    fn negative_epoch_formats() {
        assert_eq!(
            DateTime::from_millis(-1500).fmt(TimestampFormat::EpochSeconds),
            "-1.5"
        );
        assert_eq!(
            DateTime::from_secs(-1).fmt(TimestampFormat::DateTime),
            "1969-12-31T23:59:59Z"
        );
    }
}
