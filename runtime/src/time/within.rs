//! [`within`]: an optional time limit on a future.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use pin_project_lite::pin_project;

pin_project! {
    /// The future of [`within`].
    #[project = WithinProjection]
    pub(crate) enum Within<F> {
        Unlimited { #[pin] future: F },
        Limited { #[pin] timeout: tokio::time::Timeout<F>, limit: Duration },
    }
}

/// `future`, bounded by `limit` when there is one: `Err(limit)` if it did
/// not complete in time.
///
/// One enum rather than an `async` block that awaits either `future` or
/// `timeout(limit, future)`: such a block keeps room for both, which
/// doubles the size of a call's future at each level that has a limit.
pub(crate) fn within<F: Future>(limit: Option<Duration>, future: F) -> Within<F> {
    match limit {
        None => Within::Unlimited { future },
        Some(limit) => Within::Limited {
            timeout: tokio::time::timeout(limit, future),
            limit,
        },
    }
}

impl<F: Future> Future for Within<F> {
    type Output = Result<F::Output, Duration>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project() {
            WithinProjection::Unlimited { future } => future.poll(cx).map(Ok),
            WithinProjection::Limited { timeout, limit } => {
                let limit = *limit;
                timeout.poll(cx).map(|done| done.map_err(|_| limit))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn limits_only_when_asked() {
        let slow = || tokio::time::sleep(Duration::from_millis(50));
        assert_eq!(within(None, slow()).await, Ok(()));
        assert_eq!(
            within(Some(Duration::from_millis(1)), slow()).await,
            Err(Duration::from_millis(1))
        );
        assert_eq!(within(Some(Duration::from_secs(60)), slow()).await, Ok(()));
    }
}
