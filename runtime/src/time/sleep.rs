//! Waiting, as a seam: the client's retry backoff sleeps through an
//! [`AsyncSleep`], so tests can make every wait instant.

use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::BoxFuture;

/// Waits for a while. The client sleeps through one between retry attempts
/// (the backoff, a `Retry-After`) and when the adaptive rate limiter holds
/// an attempt back.
///
/// ```
/// use std::time::Duration;
/// use awsop_runtime::time::{AsyncSleep, InstantSleep};
/// # async fn demo() {
/// let sleep = InstantSleep::new();
/// sleep.sleep(Duration::from_secs(20)).await; // returns at once
/// assert_eq!(sleep.slept(), [Duration::from_secs(20)]);
/// # }
/// ```
pub trait AsyncSleep: Send + Sync + Debug {
    /// A future that completes after `duration`.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

/// Real waiting, on tokio's timer: what a client sleeps with unless told
/// otherwise.
///
/// ```
/// use std::time::Duration;
/// use awsop_runtime::time::{AsyncSleep, TokioSleep};
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// TokioSleep.sleep(Duration::from_millis(1)).await;
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleep;

impl AsyncSleep for TokioSleep {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// No waiting at all: every sleep completes at once, and is written down
/// so a test can check how long the client would have waited. Clones share
/// the record.
///
/// ```
/// use std::time::Duration;
/// use awsop_runtime::time::InstantSleep;
/// let sleep = InstantSleep::new();
/// let client = awsop_runtime::Client::builder().sleep(sleep.clone()).build().unwrap();
/// # drop(client);
/// assert!(sleep.slept().is_empty());
/// ```
#[derive(Debug, Clone, Default)]
pub struct InstantSleep {
    slept: Arc<Mutex<Vec<Duration>>>,
}

impl InstantSleep {
    /// A sleep that never waits, with nothing recorded yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every duration asked for so far, in order.
    pub fn slept(&self) -> Vec<Duration> {
        self.slept.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl AsyncSleep for InstantSleep {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        self.slept
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(duration);
        Box::pin(std::future::ready(()))
    }
}
