//! Moving bytes: the [`HttpClient`] trait, its default hyper implementation,
//! an optional reqwest one, and for tests a replaying client (and, with
//! feature `test-util`, a recorder whose files it replays).
//!
//! The trait is the seam that lets users bring their own HTTP stack and lets
//! tests replay recorded exchanges. Timeouts per attempt and per operation are
//! applied by the orchestrator around any `HttpClient`, so a custom client
//! gets them too; the connect and read timeouts and the response size cap
//! belong to the client because only it sees the socket and the body stream
//! (see [`TransportSettings`]: both built-in transports apply them alike,
//! and neither uses a proxy).

mod dispatch_error;
mod framing;
mod hyper_client;
#[cfg(feature = "test-util")]
mod record;
mod replay;
#[cfg(feature = "reqwest")]
mod reqwest_client;
mod settings;
mod timeouts;

pub use dispatch_error::{DispatchError, DispatchErrorKind};
pub use hyper_client::HyperClient;
#[cfg(feature = "test-util")]
pub use record::{Recorder, SECRET_HEADERS};
pub use replay::ReplayClient;
#[cfg(feature = "reqwest")]
pub use reqwest_client::ReqwestClient;
pub use settings::TransportSettings;

use crate::body::ByteStream;
use crate::http::{HttpRequest, HttpResponse, StreamingResponse};
use crate::BoxFuture;

/// Sends one request and reads the whole response.
///
/// ```
/// use awsop_runtime::http::{HttpRequest, HttpResponse};
/// use awsop_runtime::transport::{HttpClient, ReplayClient};
/// # async fn demo() {
/// let client = ReplayClient::new([Ok(HttpResponse::new(200, "{}"))]);
/// let response = client
///     .call(HttpRequest::new(http::Method::GET, "http://127.0.0.1:1/"))
///     .await
///     .unwrap();
/// assert_eq!(response.status, 200);
/// # }
/// ```
pub trait HttpClient: Send + Sync + std::fmt::Debug {
    /// Sends `request` (its `uri` is absolute) and returns the full response.
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>>;

    /// Sends `request` with `body` as its body when given (then
    /// `request.body` is empty, and `Content-Length` is the stream's
    /// length), and returns the response before its body is read.
    ///
    /// The default reads `body` into memory, calls [`HttpClient::call`] and
    /// wraps the whole response: correct for any client, but it buffers.
    /// [`HyperClient`] streams both ways.
    fn call_streaming(
        &self,
        mut request: HttpRequest,
        body: Option<ByteStream>,
    ) -> BoxFuture<'_, Result<StreamingResponse, DispatchError>> {
        Box::pin(async move {
            if let Some(body) = body {
                request.body = body.collect().await.map_err(|e| {
                    DispatchError::new(DispatchErrorKind::Io, "could not read the request body")
                        .with_source(e)
                })?;
            }
            self.call(request).await.map(StreamingResponse::from)
        })
    }
}
