//! A service's own word on when to retry.

use std::time::{Duration, SystemTime};

use http::HeaderMap;

use crate::time::parse_http_date;

/// The wait a response asks for: `x-amz-retry-after` (milliseconds), else
/// `Retry-After` (seconds, or an HTTP date compared with `now`), clamped to
/// `[0, max_backoff]`. A header that does not parse is ignored. When this
/// is `Some`, it replaces the computed backoff.
///
/// ```
/// use awsop_runtime::retry::retry_after;
/// use http::HeaderMap;
/// use std::time::{Duration, SystemTime};
/// let mut headers = HeaderMap::new();
/// headers.insert("retry-after", "3".parse().unwrap());
/// let max = Duration::from_secs(20);
/// assert_eq!(retry_after(&headers, SystemTime::now(), max), Some(Duration::from_secs(3)));
/// headers.insert("x-amz-retry-after", "1500".parse().unwrap());
/// assert_eq!(retry_after(&headers, SystemTime::now(), max), Some(Duration::from_millis(1500)));
/// ```
pub fn retry_after(
    headers: &HeaderMap,
    now: SystemTime,
    max_backoff: Duration,
) -> Option<Duration> {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let wait = text("x-amz-retry-after")
        .and_then(|v| whole_number(v).map(Duration::from_millis))
        .or_else(|| {
            let v = text("retry-after")?;
            match whole_number(v) {
                Some(seconds) => Some(Duration::from_secs(seconds)),
                // A date in the past means "now".
                None => Some(
                    parse_http_date(v)?
                        .duration_since(now)
                        .unwrap_or(Duration::ZERO),
                ),
            }
        })?;
    Some(wait.min(max_backoff))
}

/// ASCII digits as a number, saturating (an absurdly long wait is still a
/// long wait, and is clamped).
fn whole_number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    const MAX: Duration = Duration::from_secs(20);

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    fn now() -> SystemTime {
        // Mon, 16 Dec 2019 23:48:18 GMT
        UNIX_EPOCH + Duration::from_secs(1_576_540_098)
    }

    fn get(pairs: &[(&'static str, &str)]) -> Option<Duration> {
        retry_after(&headers(pairs), now(), MAX)
    }

    #[test]
    fn amz_header_in_milliseconds_wins() {
        assert_eq!(
            get(&[("x-amz-retry-after", "250")]),
            Some(Duration::from_millis(250))
        );
        assert_eq!(
            get(&[("x-amz-retry-after", "250"), ("retry-after", "5")]),
            Some(Duration::from_millis(250))
        );
        assert_eq!(get(&[("x-amz-retry-after", "0")]), Some(Duration::ZERO));
        assert_eq!(
            get(&[("X-Amz-Retry-After", " 1000 ")]),
            Some(Duration::from_secs(1))
        );
    }

    #[test]
    fn retry_after_seconds_or_date() {
        assert_eq!(get(&[("retry-after", "7")]), Some(Duration::from_secs(7)));
        assert_eq!(
            get(&[("retry-after", "Mon, 16 Dec 2019 23:48:23 GMT")]),
            Some(Duration::from_secs(5))
        );
        // A date in the past: retry now.
        assert_eq!(
            get(&[("retry-after", "Mon, 16 Dec 2019 23:48:00 GMT")]),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn clamped_to_max_backoff() {
        assert_eq!(get(&[("retry-after", "3600")]), Some(MAX));
        assert_eq!(
            get(&[("x-amz-retry-after", "99999999999999999999999")]),
            Some(MAX)
        );
        assert_eq!(
            get(&[("retry-after", "Tue, 17 Dec 2019 23:48:18 GMT")]),
            Some(MAX)
        );
    }

    #[test]
    fn unparseable_headers_are_ignored() {
        assert_eq!(get(&[]), None);
        for bad in ["", "-1", "1.5", "soon", "+3", "0x10"] {
            assert_eq!(get(&[("retry-after", bad)]), None, "{bad:?}");
            assert_eq!(get(&[("x-amz-retry-after", bad)]), None, "{bad:?}");
        }
        // An unparseable x-amz-retry-after falls back to Retry-After.
        assert_eq!(
            get(&[("x-amz-retry-after", "soon"), ("retry-after", "2")]),
            Some(Duration::from_secs(2))
        );
        let mut h = HeaderMap::new();
        h.insert(
            "retry-after",
            http::HeaderValue::from_bytes(b"\xff").unwrap(),
        );
        assert_eq!(retry_after(&h, now(), MAX), None);
    }
}
