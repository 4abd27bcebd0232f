//! The connect and read timeouts, applied the same way by both transports.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use pin_project_lite::pin_project;

use bytes::{Bytes, BytesMut};

use crate::error::{DispatchError, DispatchErrorKind};

/// Runs `future`, failing with `on_timeout(limit)` if it takes longer.
pub(crate) fn within<F: Future>(
    limit: Option<Duration>,
    future: F,
    on_timeout: fn(Duration) -> DispatchError,
) -> Timed<F> {
    Timed {
        limited: crate::time::within(limit, future),
        on_timeout,
    }
}

pin_project! {
    /// The future of [`within`]: a struct rather than an `async fn`, which
    /// would keep room for `future` twice (as its argument and as what it
    /// awaits).
    pub(crate) struct Timed<F> {
        #[pin]
        limited: crate::time::Within<F>,
        on_timeout: fn(Duration) -> DispatchError,
    }
}

impl<T, F: Future<Output = Result<T, DispatchError>>> Future for Timed<F> {
    type Output = Result<T, DispatchError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let on_timeout = *this.on_timeout;
        this.limited
            .poll(cx)
            .map(|done| done.unwrap_or_else(|limit| Err(on_timeout(limit))))
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
