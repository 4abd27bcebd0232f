//! Which failures are worth another attempt, and of what kind they are.

use crate::transport::{DispatchError, DispatchErrorKind};

/// Why a failed attempt may be retried. The kind picks the retry quota cost
/// and the backoff scale, and tells the adaptive rate limiter about throttling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryKind {
    /// The service is throttling the client (throttling codes, HTTP 429,
    /// modeled throttling errors).
    Throttling,
    /// A transient failure: 500/502/503/504, transient error codes, or the
    /// connection failed.
    Transient,
    /// The attempt timed out.
    Timeout,
    /// An error the service model marks retryable.
    ModeledRetryable,
    /// The request was refused as signed at the wrong time
    /// (`RequestTimeTooSkewed`, `SignatureDoesNotMatch`, ...). Worth one retry
    /// only after the client corrects its clock from the response's `Date`;
    /// the caller decides that.
    ClockSkew,
}

impl RetryKind {
    /// Whether this is throttling (for the adaptive rate limiter and the
    /// throttling backoff scale).
    pub fn is_throttling(self) -> bool {
        self == RetryKind::Throttling
    }
}

/// Error codes that mean "slow down", as the AWS SDKs list them.
pub const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes of transient failures, whatever the status.
pub const TRANSIENT_CODES: &[&str] = &[
    "RequestTimeout",
    "RequestTimeoutException",
    "InternalError",
    // STS AssumeRoleWithWebIdentity could not reach the identity provider.
    "IDPCommunicationError",
];

/// Error codes that mean the request's signing time was off.
pub const CLOCK_SKEW_CODES: &[&str] = &[
    "RequestTimeTooSkewed",
    "RequestExpired",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "AuthFailure",
    "RequestInTheFuture",
];

/// HTTP statuses of transient failures.
pub const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// Classifies a failed attempt; `None` means do not retry.
///
/// Inputs: the HTTP status and error code if a response arrived, the
/// dispatch error if none did, and whether the modeled error is marked
/// retryable or throttling. A dispatch error decides alone: timeouts are
/// [`RetryKind::Timeout`], connect and IO failures [`RetryKind::Transient`],
/// anything else (a body over the size cap, ...) is final. Otherwise
/// throttling (by model, code, then status 429) comes first, then clock
/// skew, modeled retryable, transient codes, then transient statuses.
///
/// ```
/// use awsop_runtime::retry::{classify, RetryKind};
/// assert_eq!(classify(Some(400), Some("ThrottlingException"), None, false, false), Some(RetryKind::Throttling));
/// assert_eq!(classify(Some(503), None, None, false, false), Some(RetryKind::Transient));
/// assert_eq!(classify(Some(400), Some("ValidationException"), None, false, false), None);
/// ```
pub fn classify(
    status: Option<u16>,
    code: Option<&str>,
    dispatch: Option<&DispatchError>,
    modeled_retryable: bool,
    modeled_throttling: bool,
) -> Option<RetryKind> {
    if let Some(err) = dispatch {
        return match err.kind() {
            DispatchErrorKind::Timeout => Some(RetryKind::Timeout),
            DispatchErrorKind::Connect | DispatchErrorKind::Io => Some(RetryKind::Transient),
            _ => None,
        };
    }
    let code_in = |list: &[&str]| code.is_some_and(|c| list.contains(&c));
    if modeled_throttling || code_in(THROTTLING_CODES) {
        Some(RetryKind::Throttling)
    } else if code_in(CLOCK_SKEW_CODES) {
        Some(RetryKind::ClockSkew)
    } else if modeled_retryable {
        Some(RetryKind::ModeledRetryable)
    } else if code_in(TRANSIENT_CODES) {
        Some(RetryKind::Transient)
    } else if status == Some(429) {
        Some(RetryKind::Throttling)
    } else if status.is_some_and(|s| TRANSIENT_STATUSES.contains(&s)) {
        Some(RetryKind::Transient)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(status: u16, code: &str) -> Option<RetryKind> {
        classify(Some(status), Some(code), None, false, false)
    }

    #[test]
    fn throttling_codes() {
        for c in THROTTLING_CODES {
            assert_eq!(code(400, c), Some(RetryKind::Throttling), "{c}");
        }
        assert_eq!(
            code(400, "ThrottlingException"),
            Some(RetryKind::Throttling)
        );
        assert_eq!(code(503, "SlowDown"), Some(RetryKind::Throttling));
        assert_eq!(
            classify(Some(429), None, None, false, false),
            Some(RetryKind::Throttling)
        );
        assert_eq!(code(429, "SomethingElse"), Some(RetryKind::Throttling));
        // Codes are exact: no case folding, no prefix matching.
        assert_eq!(code(400, "throttlingexception"), None);
        assert_eq!(code(400, "ThrottlingExceptionX"), None);
    }

    #[test]
    fn transient_codes_and_statuses() {
        for c in TRANSIENT_CODES {
            assert_eq!(code(400, c), Some(RetryKind::Transient), "{c}");
        }
        for s in [500, 502, 503, 504] {
            assert_eq!(
                classify(Some(s), None, None, false, false),
                Some(RetryKind::Transient)
            );
            assert_eq!(code(s, "InternalFailure"), Some(RetryKind::Transient));
        }
        for s in [400, 401, 403, 404, 409, 413, 501, 505] {
            assert_eq!(classify(Some(s), None, None, false, false), None, "{s}");
        }
    }

    #[test]
    fn clock_skew_codes_are_their_own_kind() {
        for c in CLOCK_SKEW_CODES {
            assert_eq!(code(403, c), Some(RetryKind::ClockSkew), "{c}");
        }
    }

    #[test]
    fn modeled_traits() {
        assert_eq!(
            classify(Some(400), Some("ConflictException"), None, true, false),
            Some(RetryKind::ModeledRetryable)
        );
        assert_eq!(
            classify(Some(400), Some("Custom"), None, true, true),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            classify(Some(400), Some("Custom"), None, false, true),
            Some(RetryKind::Throttling)
        );
        assert_eq!(code(400, "AccessDeniedException"), None);
        assert_eq!(code(400, "ValidationException"), None);
    }

    #[test]
    fn dispatch_errors() {
        let kind = |k| classify(None, None, Some(&DispatchError::new(k, "x")), false, false);
        assert_eq!(kind(DispatchErrorKind::Timeout), Some(RetryKind::Timeout));
        assert_eq!(kind(DispatchErrorKind::Connect), Some(RetryKind::Transient));
        assert_eq!(kind(DispatchErrorKind::Io), Some(RetryKind::Transient));
        assert_eq!(kind(DispatchErrorKind::BodyTooLarge), None);
        assert_eq!(kind(DispatchErrorKind::Other), None);
        assert_eq!(classify(None, None, None, false, false), None);
    }

    #[test]
    fn throttling_helper() {
        assert!(RetryKind::Throttling.is_throttling());
        assert!(!RetryKind::Transient.is_throttling());
    }
}
