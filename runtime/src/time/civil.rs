//! Calendar arithmetic: days since the epoch ⇄ proleptic Gregorian dates,
//! after Howard Hinnant's `days_from_civil` / `civil_from_days`: exact for
//! every `i64` day in range, with no tables and no loops. Every date the
//! runtime reads or writes (RFC 3339, HTTP dates, SigV4's `X-Amz-Date`)
//! goes through here.

const SECONDS_PER_DAY: i64 = 86_400;

/// (year, month 1..=12, day 1..=31) of `days` since 1970-01-01.
// `inline`: SigV4 formats `X-Amz-Date` with it on every attempt.
#[inline]
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Days since 1970-01-01 of a valid date.
#[inline]
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether (year, month, day) names a real date.
pub(crate) fn is_valid_date(year: i64, month: u32, day: u32) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let len = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=len).contains(&day)
}

/// Seconds since the epoch of a UTC date and time of day, or `None` if it
/// is not a real one. Second 60 (a leap second) is accepted and lands on the
/// next minute, as most parsers do.
pub(crate) fn secs_from_civil(
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
) -> Option<i64> {
    if !is_valid_date(year, month, day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let in_day = i64::from(hour * 3600 + minute * 60 + second);
    Some(days_from_civil(year, month, day) * SECONDS_PER_DAY + in_day)
}

/// (days since the epoch, seconds into that day) of `secs` since the epoch.
pub(crate) fn split_secs(secs: i64) -> (i64, u32) {
    (
        secs.div_euclid(SECONDS_PER_DAY),
        secs.rem_euclid(SECONDS_PER_DAY) as u32,
    )
}

/// 0 = Sunday … 6 = Saturday.
pub(crate) fn weekday(days: i64) -> u32 {
    // 1970-01-01 was a Thursday.
    (days + 4).rem_euclid(7) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
        assert_eq!(weekday(0), 4);
    }

    #[test]
    fn round_trips_across_eras() {
        for days in [-719_468 * 2, -1, 0, 1, 18_246, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert!(is_valid_date(y, m, d));
            assert_eq!(days_from_civil(y, m, d), days);
        }
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn refuses_impossible_dates_and_times() {
        assert!(!is_valid_date(1900, 2, 29));
        assert!(is_valid_date(2000, 2, 29));
        assert!(!is_valid_date(2019, 13, 1));
        assert!(!is_valid_date(2019, 4, 31));
        assert!(!is_valid_date(2019, 1, 0));
        assert_eq!(secs_from_civil(2019, 12, 16, 24, 0, 0), None);
        assert_eq!(secs_from_civil(2019, 12, 16, 8, 60, 0), None);
        assert_eq!(secs_from_civil(2019, 12, 16, 8, 49, 61), None);
        assert_eq!(
            secs_from_civil(2016, 12, 31, 23, 59, 60),
            Some(1_483_228_800)
        );
    }
}
