use std::collections::VecDeque;
use std::sync::Mutex;

use super::HttpClient;
use crate::http::{HttpRequest, HttpResponse};
use crate::transport::{DispatchError, DispatchErrorKind};
use crate::BoxFuture;

/// An [`HttpClient`] that answers from a script and keeps every request it
/// was sent, for tests that check exactly what went on the wire.
///
/// The script is either a list of responses given in order
/// ([`new`](Self::new)), or, with feature `test-util`, a recording made by
/// a [`Recorder`](super::Recorder), whose exchanges answer the requests
/// that match them ([`from_file`](Self::from_file)).
///
/// ```
/// use awsop_runtime::http::{HttpRequest, HttpResponse};
/// use awsop_runtime::transport::{HttpClient, ReplayClient};
/// # async fn demo() {
/// let client = ReplayClient::new([Ok(HttpResponse::new(503, "")), Ok(HttpResponse::new(200, "{}"))]);
/// client.call(HttpRequest::new(http::Method::GET, "http://x/")).await.unwrap();
/// client.call(HttpRequest::new(http::Method::GET, "http://x/")).await.unwrap();
/// assert_eq!(client.requests().len(), 2);
/// client.assert_done();
/// # }
/// ```
#[derive(Debug, Default)]
pub struct ReplayClient {
    script: Mutex<Script>,
    requests: Mutex<Vec<HttpRequest>>,
}

#[derive(Debug)]
enum Script {
    /// Responses in the order they are given out.
    Ordered(VecDeque<Result<HttpResponse, DispatchError>>),
    /// Recorded exchanges, each answering the request that matches it.
    #[cfg(feature = "test-util")]
    Recorded(super::record::Replayer),
}

impl Default for Script {
    fn default() -> Self {
        Script::Ordered(VecDeque::new())
    }
}

impl ReplayClient {
    /// A client that answers with `script`, in order.
    pub fn new(script: impl IntoIterator<Item = Result<HttpResponse, DispatchError>>) -> Self {
        ReplayClient {
            script: Mutex::new(Script::Ordered(script.into_iter().collect())),
            requests: Mutex::new(Vec::new()),
        }
    }

    /// A client that serves the recording at `path` (written by a
    /// [`Recorder`](super::Recorder)): each request is answered by the
    /// first exchange not yet replayed with the same method, path, query
    /// and body; headers (signature, dates) and the host are not compared.
    /// A request nothing matches fails, and the error names the closest
    /// exchange and how it differs.
    ///
    /// ```no_run
    /// use awsop_runtime::transport::ReplayClient;
    /// # fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// let replay = ReplayClient::from_file("tests/recordings/get_profile.json")?;
    /// let client = awsop_runtime::Client::builder()
    ///     .region("us-east-1")
    ///     .credentials(awsop_runtime::Credentials::new("AKID", "SECRET", None, None, "replay"))
    ///     .http_client(replay)
    ///     .build()?;
    /// # drop(client); Ok(()) }
    /// ```
    #[cfg(feature = "test-util")]
    pub fn from_file(path: impl AsRef<std::path::Path>) -> std::io::Result<Self> {
        let path = path.as_ref();
        let exchanges = super::record::load(path)?;
        let replayer = super::record::Replayer::new(path.display().to_string(), exchanges);
        Ok(ReplayClient {
            script: Mutex::new(Script::Recorded(replayer)),
            requests: Mutex::new(Vec::new()),
        })
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<HttpRequest> {
        lock(&self.requests).clone()
    }

    /// Panics if part of the script was never used: responses not given
    /// out, or recorded exchanges no request matched (listed).
    ///
    /// ```should_panic
    /// use awsop_runtime::http::HttpResponse;
    /// use awsop_runtime::transport::ReplayClient;
    /// ReplayClient::new([Ok(HttpResponse::new(200, "{}"))]).assert_done();
    /// ```
    #[track_caller]
    pub fn assert_done(&self) {
        match &*lock(&self.script) {
            Script::Ordered(left) if !left.is_empty() => {
                panic!("{} scripted response(s) were never asked for", left.len())
            }
            Script::Ordered(_) => {}
            #[cfg(feature = "test-util")]
            Script::Recorded(replayer) => {
                let left = replayer.unreplayed();
                if !left.is_empty() {
                    panic!(
                        "{} recorded exchange(s) were never replayed:\n  {}",
                        left.len(),
                        left.join("\n  ")
                    );
                }
            }
        }
    }
}

// A poisoned lock only means another test thread panicked; the data is
// still a valid script, so keep going rather than cascade the panic.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl HttpClient for ReplayClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        let next = match &mut *lock(&self.script) {
            Script::Ordered(responses) => responses.pop_front().unwrap_or_else(|| {
                Err(DispatchError::new(
                    DispatchErrorKind::Other,
                    "the replay script has no more responses",
                ))
            }),
            #[cfg(feature = "test-util")]
            Script::Recorded(replayer) => replayer.serve(&request),
        };
        lock(&self.requests).push(request);
        Box::pin(async move { next })
    }
}
