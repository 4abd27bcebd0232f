//! The `X-Amz-Date` timestamp (`20150830T123600Z`), from and to `SystemTime`.
//!
//! Formatted on the stack, with no allocation: it runs on every attempt. The
//! calendar arithmetic is the runtime's one copy in [`crate::time`].

#[cfg(feature = "verify")]
use std::time::Duration;
use std::time::{SystemTime, UNIX_EPOCH};

use super::error::{ErrorKind, SigningError};
use crate::time::civil::civil_from_days;
#[cfg(feature = "verify")]
use crate::time::civil::{days_from_civil, is_valid_date};

const SECONDS_PER_DAY: u64 = 86_400;

/// A UTC timestamp in the basic ISO 8601 form SigV4 uses, kept on the stack.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct AmzDate([u8; 16]);

impl AmzDate {
    /// Formats `time`, which must lie in the years 1970 to 9999.
    pub(crate) fn from_system_time(time: SystemTime) -> Result<Self, SigningError> {
        let secs = time
            .duration_since(UNIX_EPOCH)
            .map_err(|_| SigningError::new(ErrorKind::InvalidTime, "before 1970"))?
            .as_secs();
        let days = i64::try_from(secs / SECONDS_PER_DAY)
            .map_err(|_| SigningError::new(ErrorKind::InvalidTime, "after 9999"))?;
        let (year, month, day) = civil_from_days(days);
        if year > 9999 {
            return Err(SigningError::new(ErrorKind::InvalidTime, "after 9999"));
        }
        let rem = secs % SECONDS_PER_DAY;
        let mut buf = *b"00000000T000000Z";
        write_digits(&mut buf[0..4], year as u64);
        write_digits(&mut buf[4..6], u64::from(month));
        write_digits(&mut buf[6..8], u64::from(day));
        write_digits(&mut buf[9..11], rem / 3600);
        write_digits(&mut buf[11..13], rem % 3600 / 60);
        write_digits(&mut buf[13..15], rem % 60);
        Ok(AmzDate(buf))
    }

    /// `20150830T123600Z`.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits, 'T' and 'Z' are ever stored.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// `20150830`: the date part, used in the credential scope.
    pub(crate) fn date(&self) -> &str {
        &self.as_str()[..8]
    }
}

// Reading a timestamp back is what a server does: the client only writes them.
#[cfg(feature = "verify")]
impl AmzDate {
    /// Parses `YYYYMMDDTHHMMSSZ`, rejecting impossible dates and times.
    pub(crate) fn parse(text: &str) -> Result<Self, SigningError> {
        let malformed = || {
            SigningError::new(
                ErrorKind::InvalidTime,
                "expected a UTC timestamp like 20150830T123600Z",
            )
        };
        let bytes: [u8; 16] = text.as_bytes().try_into().map_err(|_| malformed())?;
        let digits_ok = bytes[..8]
            .iter()
            .chain(&bytes[9..15])
            .all(u8::is_ascii_digit);
        if !digits_ok || bytes[8] != b'T' || bytes[15] != b'Z' {
            return Err(malformed());
        }
        let date = AmzDate(bytes);
        let (year, month, day) = (date.field(0, 4), date.field(4, 6), date.field(6, 8));
        let (hour, minute, second) = (date.field(9, 11), date.field(11, 13), date.field(13, 15));
        if !(1970..=9999).contains(&year) || hour > 23 || minute > 59 || second > 59 {
            return Err(malformed());
        }
        // Two digits each, so these always fit.
        let (month, day) = (month as u32, day as u32);
        if !is_valid_date(year as i64, month, day) {
            return Err(malformed());
        }
        Ok(date)
    }

    /// The instant this timestamp names.
    pub(crate) fn to_system_time(self) -> SystemTime {
        let (year, month, day) = (self.field(0, 4), self.field(4, 6), self.field(6, 8));
        let days = days_from_civil(year as i64, month as u32, day as u32);
        let secs = days as u64 * SECONDS_PER_DAY
            + self.field(9, 11) * 3600
            + self.field(11, 13) * 60
            + self.field(13, 15);
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    fn field(&self, from: usize, to: usize) -> u64 {
        self.0[from..to]
            .iter()
            .fold(0, |acc, d| acc * 10 + u64::from(d - b'0'))
    }
}

impl std::fmt::Debug for AmzDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

fn write_digits(out: &mut [u8], mut value: u64) {
    for slot in out.iter_mut().rev() {
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn formats_known_instants() {
        let cases = [
            (0, "19700101T000000Z"),
            (1_440_938_160, "20150830T123600Z"),
            (1_620_747_645, "20210511T154045Z"),
            (951_782_400, "20000229T000000Z"),
            (253_402_300_799, "99991231T235959Z"),
        ];
        for (secs, text) in cases {
            let date = AmzDate::from_system_time(at(secs)).unwrap();
            assert_eq!(date.as_str(), text);
            #[cfg(feature = "verify")]
            assert_eq!(AmzDate::parse(text).unwrap().to_system_time(), at(secs));
        }
        assert_eq!(
            AmzDate::from_system_time(at(1_440_938_160)).unwrap().date(),
            "20150830"
        );
    }

    #[test]
    fn rejects_out_of_range_times() {
        assert!(AmzDate::from_system_time(UNIX_EPOCH - Duration::from_secs(1)).is_err());
        assert!(AmzDate::from_system_time(at(253_402_300_800)).is_err());
    }

    #[test]
    #[cfg(feature = "verify")]
    fn rejects_malformed_text() {
        for bad in [
            "",
            "20150830T123600",
            "20150830 123600Z",
            "2015083OT123600Z",
            "20150230T123600Z",
            "20151301T000000Z",
            "20150800T000000Z",
            "20150830T243600Z",
            "20150830T126000Z",
            "19691231T235959Z",
            "２0150830T123600Z",
        ] {
            assert!(AmzDate::parse(bad).is_err(), "{bad:?} parsed");
        }
        assert!(AmzDate::parse("20240229T000000Z").is_ok());
    }
}
