//! What a modeled error given to `fails_with` would have come with from a
//! service: its code, message, a plausible status, a request id.

use std::sync::atomic::{AtomicU64, Ordering};

use awsop_runtime::operation::ModeledError;
use awsop_runtime::retry::{CLOCK_SKEW_CODES, THROTTLING_CODES};
use awsop_runtime::ErrorMetadata;

pub(super) fn metadata_for<E: ModeledError>(error: &E) -> ErrorMetadata {
    let code = error.code();
    // An empty message (a `Default` exception) is no message at all.
    let message = error.message().filter(|m| !m.is_empty()).map(str::to_owned);
    let status = plausible_status(code, error.is_retryable(), error.is_throttling());
    // Distinct per mock error, as a service's are per response.
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let request_id = format!("mock-{}", NEXT.fetch_add(1, Ordering::Relaxed));
    ErrorMetadata::new(code.map(str::to_owned), message, status, Some(request_id))
}

/// The status a service would likely send with `code`: only what people
/// see and match on. The retry decision rests on the code and the model's
/// flags first, as it does for real responses.
fn plausible_status(code: Option<&str>, retryable: bool, throttling: bool) -> u16 {
    let code = code.unwrap_or("");
    let has = |part: &str| code.contains(part);
    if throttling || THROTTLING_CODES.contains(&code) || has("Throttl") || has("TooManyRequests") {
        429
    } else if CLOCK_SKEW_CODES.contains(&code) || has("AccessDenied") || has("Forbidden") {
        403
    } else if has("Unauthorized") || has("NotAuthorized") {
        401
    } else if has("NotFound") || code.starts_with("NoSuch") {
        404
    } else if has("Conflict") || has("AlreadyExists") {
        409
    } else if has("ServiceUnavailable") {
        503
    } else if has("Internal") || retryable {
        500
    } else {
        400
    }
}

#[cfg(all(test, feature = "datazone"))]
mod tests {
    use super::*;
    use crate::datazone::{
        DataZoneError, InternalServerException, ResourceNotFoundException, ThrottlingException,
        ValidationException,
    };

    #[test]
    fn codes_messages_and_statuses_of_datazone_errors() {
        let cases = [
            (
                DataZoneError::ThrottlingException(ThrottlingException {
                    message: "Rate exceeded: slow down".into(),
                }),
                Some("ThrottlingException"),
                Some("Rate exceeded: slow down"),
                429,
            ),
            (
                DataZoneError::ResourceNotFoundException(ResourceNotFoundException::default()),
                Some("ResourceNotFoundException"),
                None,
                404,
            ),
            (
                DataZoneError::InternalServerException(InternalServerException::default()),
                Some("InternalServerException"),
                None,
                500,
            ),
            (
                DataZoneError::ValidationException(ValidationException {
                    message: "bad".into(),
                }),
                Some("ValidationException"),
                Some("bad"),
                400,
            ),
            (DataZoneError::Unhandled, None, None, 400),
        ];
        for (error, code, message, status) in cases {
            let metadata = metadata_for(&error);
            assert_eq!(metadata.code(), code, "{error:?}");
            assert_eq!(metadata.message(), message, "{error:?}");
            assert_eq!(metadata.status(), status, "{error:?}");
            assert!(metadata
                .request_id()
                .is_some_and(|id| id.starts_with("mock-")));
        }
    }
}
