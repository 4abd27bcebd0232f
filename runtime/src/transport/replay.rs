use std::collections::VecDeque;
use std::sync::Mutex;

use super::HttpClient;
use crate::http::{HttpRequest, HttpResponse};
use crate::transport::{DispatchError, DispatchErrorKind};
use crate::BoxFuture;

/// An [`HttpClient`] that answers from a recorded script and keeps every
/// request it was sent, for tests that check exactly what went on the wire.
///
/// ```
/// use awsop_runtime::http::{HttpRequest, HttpResponse};
/// use awsop_runtime::transport::{HttpClient, ReplayClient};
/// # async fn demo() {
/// let client = ReplayClient::new([Ok(HttpResponse::new(503, "")), Ok(HttpResponse::new(200, "{}"))]);
/// client.call(HttpRequest::new(http::Method::GET, "http://x/")).await.unwrap();
/// client.call(HttpRequest::new(http::Method::GET, "http://x/")).await.unwrap();
/// assert_eq!(client.requests().len(), 2);
/// # }
/// ```
#[derive(Debug, Default)]
pub struct ReplayClient {
    script: Mutex<VecDeque<Result<HttpResponse, DispatchError>>>,
    requests: Mutex<Vec<HttpRequest>>,
}

impl ReplayClient {
    /// A client that answers with `script`, in order.
    pub fn new(script: impl IntoIterator<Item = Result<HttpResponse, DispatchError>>) -> Self {
        ReplayClient {
            script: Mutex::new(script.into_iter().collect()),
            requests: Mutex::new(Vec::new()),
        }
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<HttpRequest> {
        lock(&self.requests).clone()
    }
}

// A poisoned lock only means another test thread panicked; the data is
// still a valid script, so keep going rather than cascade the panic.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl HttpClient for ReplayClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        lock(&self.requests).push(request);
        let next = lock(&self.script).pop_front().unwrap_or_else(|| {
            Err(DispatchError::new(
                DispatchErrorKind::Other,
                "the replay script has no more responses",
            ))
        });
        Box::pin(async move { next })
    }
}
