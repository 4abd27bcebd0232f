//! An attempt's response read as operation `O`: its output, or its
//! modeled error classified for retry. The generic part of an attempt.

use crate::client::{ClientInner, Offset};
use crate::error::{DispatchError, Error, ErrorMetadata};
use crate::http::HttpResponse;
use crate::operation::{ModeledError, Operation};
use crate::protocol::{request_id, Protocol};
use crate::retry::{self, RetryKind};
use crate::s3;

use super::{Outcome, TARGET};

/// How an attempt that got no response is retried: only if the failure
/// is transient.
pub(super) fn classify_dispatch(error: &DispatchError) -> Option<RetryKind> {
    tracing::debug!(target: TARGET, error = %error, "dispatch failed");
    retry::classify(None, None, Some(error), false, false)
}

/// [`classify_dispatch`] as an attempt's outcome (for a mocked attempt).
#[cfg(feature = "test-util")]
pub(crate) fn dispatch_failed<T, E>(error: DispatchError) -> Outcome<T, E> {
    match classify_dispatch(&error) {
        Some(kind) => Outcome::Retry {
            error: Error::dispatch(error),
            kind,
            retry_after: None,
        },
        None => Outcome::Done(Err(Error::dispatch(error))),
    }
}

// The spans are passed in rather than taken from `Span::current()`: a
// subscriber that does not track the current span would otherwise lose them.
pub(crate) fn on_response<O: Operation>(
    inner: &ClientInner,
    response: HttpResponse,
    span: &tracing::Span,
    skew: Offset,
) -> Outcome<O::Output, O::Error> {
    span.record("status", response.status);
    if let Some(id) = request_id::from_headers(&response) {
        span.record("request_id", id);
    }
    if response.is_success() {
        return Outcome::Done(
            O::parse_output(&response)
                .map_err(|e| Error::response(e, Some(success_metadata(&response)))),
        );
    }
    let mut metadata = O::Protocol::error_metadata(&response);
    if s3::applies_to(O::METADATA.service) {
        metadata = s3::enrich_metadata(metadata, &response);
    }
    let modeled = match O::Error::from_response::<O::Protocol>(&response, &metadata) {
        Ok(modeled) => modeled,
        Err(e) => return Outcome::Done(Err(Error::response(e, Some(metadata)))),
    };
    let kind = retry::classify(
        Some(response.status),
        metadata.code(),
        None,
        modeled.is_retryable(),
        modeled.is_throttling(),
    );
    tracing::debug!(
        target: TARGET,
        status = response.status,
        code = metadata.code(),
        "service error"
    );
    let retry_after =
        retry::retry_after(&response.headers, inner.time.now(), inner.retry.max_backoff);
    let error = Error::service(modeled, metadata);
    match kind {
        Some(RetryKind::ClockSkew) => {
            let learned = response
                .header("date")
                .and_then(crate::time::parse_http_date)
                .is_some_and(|server| inner.clock_skew.learn(server, inner.time.now(), skew));
            if learned {
                Outcome::Retry {
                    error,
                    kind: RetryKind::ClockSkew,
                    retry_after: None,
                }
            } else {
                Outcome::Done(Err(error))
            }
        }
        Some(kind) => Outcome::Retry {
            error,
            kind,
            retry_after,
        },
        None => Outcome::Done(Err(error)),
    }
}

/// Metadata for a 2xx response whose body could not be parsed.
pub(super) fn success_metadata(response: &HttpResponse) -> ErrorMetadata {
    ErrorMetadata::new(
        None,
        None,
        response.status,
        request_id::from_headers(response).map(str::to_owned),
    )
}
