//! The connect and read timeouts, applied the same way by both transports.

use std::future::Future;
use std::time::Duration;

use bytes::{Bytes, BytesMut};

use crate::error::{DispatchError, DispatchErrorKind};

/// Runs `future`, failing with `on_timeout(limit)` if it takes longer.
pub(crate) async fn within<T>(
    limit: Option<Duration>,
    future: impl Future<Output = Result<T, DispatchError>>,
    on_timeout: fn(Duration) -> DispatchError,
) -> Result<T, DispatchError> {
    match limit {
        None => future.await,
        Some(limit) => tokio::time::timeout(limit, future)
            .await
            .unwrap_or_else(|_| Err(on_timeout(limit))),
    }
}

/// No response head within the read timeout.
pub(crate) fn no_response(limit: Duration) -> DispatchError {
    DispatchError::new(
        DispatchErrorKind::Timeout,
        format!("no response within the {limit:?} read timeout"),
    )
}

/// The body stopped arriving for longer than the read timeout.
pub(crate) fn body_stalled(limit: Duration) -> DispatchError {
    DispatchError::new(
        DispatchErrorKind::Timeout,
        format!("the response body stalled for longer than the {limit:?} read timeout"),
    )
}

/// No connection (TCP and TLS) within the connect timeout.
pub(crate) fn no_connection(limit: Duration) -> DispatchError {
    DispatchError::new(
        DispatchErrorKind::Timeout,
        format!("could not connect to the endpoint within the {limit:?} connect timeout"),
    )
}

/// A body gathered chunk by chunk: most responses arrive in one chunk,
/// which is kept without copying.
#[derive(Default)]
pub(crate) struct BodyBuffer {
    first: Option<Bytes>,
    rest: BytesMut,
}

impl BodyBuffer {
    /// Bytes gathered so far (the reqwest transport checks its cap with it).
    #[cfg_attr(not(feature = "reqwest"), allow(dead_code))]
    pub(crate) fn len(&self) -> usize {
        self.first.as_ref().map_or(0, Bytes::len) + self.rest.len()
    }

    pub(crate) fn push(&mut self, chunk: Bytes) {
        match &self.first {
            None => self.first = Some(chunk),
            Some(first) => {
                if self.rest.is_empty() {
                    self.rest.extend_from_slice(first);
                }
                self.rest.extend_from_slice(&chunk);
            }
        }
    }

    pub(crate) fn finish(self) -> Bytes {
        if self.rest.is_empty() {
            self.first.unwrap_or_default()
        } else {
            self.rest.freeze()
        }
    }
}
