//! The headers the AWS SDKs put on every call, which services and their
//! logs expect: `amz-sdk-invocation-id` (one per call, the same on every
//! attempt), `amz-sdk-request` (`attempt=N; max=M`) and `user-agent`.
//!
//! Each value is written straight into its header: these run on every
//! call, so no `format!` and no intermediate `String`.

use http::header::{HeaderName, HeaderValue};

/// `amz-sdk-invocation-id`.
pub(crate) static INVOCATION_ID: HeaderName = HeaderName::from_static("amz-sdk-invocation-id");
/// `amz-sdk-request`.
pub(crate) static SDK_REQUEST: HeaderName = HeaderName::from_static("amz-sdk-request");
/// The `user-agent` value: `awsop/<version>`.
pub(crate) static USER_AGENT: HeaderValue =
    HeaderValue::from_static(concat!("awsop/", env!("CARGO_PKG_VERSION")));

/// One call's `amz-sdk-invocation-id`: a random UUIDv4, kept as text.
///
/// Each attempt gets its own copy of the value. A `HeaderValue` cloned for
/// every attempt would cost an allocation more on the first clone, which
/// moves the copied bytes into shared storage.
pub(crate) struct InvocationId([u8; 36]);

impl InvocationId {
    /// A fresh id.
    pub(crate) fn new() -> Self {
        InvocationId(crate::token::invocation_id())
    }

    /// The header value, for one attempt.
    pub(crate) fn value(&self) -> HeaderValue {
        visible_ascii(&self.0)
    }
}

/// `attempt=N; max=M`, as the SDKs send it. With the default of 3 attempts
/// (both retry modes) the value is a static one: no allocation.
pub(crate) fn attempt(attempt: u32, max_attempts: u32) -> HeaderValue {
    let of_three = attempt
        .checked_sub(1)
        .and_then(|i| OF_THREE.get(i as usize))
        .filter(|_| max_attempts == DEFAULT_MAX_ATTEMPTS);
    match of_three {
        Some(value) => value.clone(),
        None => built(attempt, max_attempts),
    }
}

/// `attempt=N; max=M`, written on the stack by hand: `write!` into the same
/// buffer costs 2.5× as much (760 instructions against 300, callgrind), and
/// this runs on every attempt.
fn built(attempt: u32, max_attempts: u32) -> HeaderValue {
    let mut out = AttemptText {
        bytes: [0; 34],
        len: 0,
    };
    out.push(b"attempt=");
    out.push_decimal(attempt);
    out.push(b"; max=");
    out.push_decimal(max_attempts);
    visible_ascii(&out.bytes[..out.len])
}

/// The SDKs' default number of attempts, in standard and adaptive mode.
const DEFAULT_MAX_ATTEMPTS: u32 = 3;

/// `attempt=N; max=3` for N = 1, 2, 3.
static OF_THREE: [HeaderValue; 3] = [
    HeaderValue::from_static("attempt=1; max=3"),
    HeaderValue::from_static("attempt=2; max=3"),
    HeaderValue::from_static("attempt=3; max=3"),
];

/// `attempt=N; max=M` as it is built: "attempt=" + up to 10 digits +
/// "; max=" + up to 10 digits fit in 34 bytes.
struct AttemptText {
    bytes: [u8; 34],
    len: usize,
}

impl AttemptText {
    fn push(&mut self, part: &[u8]) {
        self.bytes[self.len..self.len + part.len()].copy_from_slice(part);
        self.len += part.len();
    }

    fn push_decimal(&mut self, mut n: u32) {
        let mut digits = [0u8; 10];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push(&digits[start..]);
    }
}

fn visible_ascii(bytes: &[u8]) -> HeaderValue {
    // Only ever UUIDs and `attempt=N; max=M`: always valid.
    HeaderValue::from_bytes(bytes).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempt_reads_as_the_sdks_write_it() {
        assert_eq!(attempt(1, 3), "attempt=1; max=3");
        assert_eq!(attempt(10, 120), "attempt=10; max=120");
        assert_eq!(attempt(0, u32::MAX), "attempt=0; max=4294967295");
        assert_eq!(
            attempt(u32::MAX, u32::MAX),
            "attempt=4294967295; max=4294967295"
        );
    }

    #[test]
    fn the_static_values_read_as_the_built_ones() {
        // Around the table too: attempt 0 and 4 of 3 are built.
        for n in 0..=4 {
            assert_eq!(attempt(n, 3), built(n, 3), "attempt {n}");
        }
    }

    #[test]
    fn invocation_ids_are_uuids_and_differ() {
        let (a, b) = (InvocationId::new(), InvocationId::new());
        assert_ne!(a.value(), b.value());
        let a = a.value();
        let a = a.to_str().unwrap();
        assert_eq!((a.len(), &a[14..15], &a[8..9]), (36, "4", "-"));
    }

    #[test]
    fn user_agent_names_the_version() {
        assert_eq!(
            USER_AGENT.to_str().unwrap(),
            format!("awsop/{}", env!("CARGO_PKG_VERSION"))
        );
    }
}
