use bytes::{Bytes, BytesMut};

use super::{HttpClient, TransportSettings};
use crate::http::{HttpRequest, HttpResponse};
use crate::transport::{DispatchError, DispatchErrorKind};
use crate::BoxFuture;

/// An [`HttpClient`] over reqwest (feature `reqwest`): for programs that
/// already use reqwest and want awsop to share its connection pool
/// ([`ReqwestClient::from_client`]).
///
/// ```
/// use awsop_runtime::transport::{ReqwestClient, TransportSettings};
/// let client = ReqwestClient::new(TransportSettings::default()).unwrap();
/// # drop(client);
/// ```
#[derive(Debug, Clone)]
pub struct ReqwestClient {
    client: reqwest::Client,
    max_response_bytes: usize,
}

impl ReqwestClient {
    /// A client with these settings.
    pub fn new(settings: TransportSettings) -> Result<Self, DispatchError> {
        let mut builder = reqwest::Client::builder()
            .pool_max_idle_per_host(settings.pool_max_idle_per_host)
            .pool_idle_timeout(settings.pool_idle_timeout)
            .tcp_nodelay(true)
            // AWS answers are never redirects we should follow: a 3xx is an error to surface.
            .redirect(reqwest::redirect::Policy::none());
        if settings.http2_prior_knowledge {
            builder = builder.http2_prior_knowledge();
        }
        if let Some(timeout) = settings.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        let client = builder.build().map_err(|e| {
            DispatchError::new(DispatchErrorKind::Other, "could not build the HTTP client")
                .with_source(e)
        })?;
        Ok(ReqwestClient {
            client,
            max_response_bytes: settings.max_response_bytes,
        })
    }

    /// Wraps an existing reqwest client (its own timeouts and pool apply).
    pub fn from_client(client: reqwest::Client, max_response_bytes: usize) -> Self {
        ReqwestClient {
            client,
            max_response_bytes,
        }
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, DispatchError> {
        let mut response = self
            .client
            .request(request.method, &request.uri)
            .headers(request.headers)
            .body(request.body)
            .send()
            .await
            .map_err(classify)?;
        let status = response.status().as_u16();
        let headers = std::mem::take(response.headers_mut());
        if let Some(len) = response.content_length() {
            if len > self.max_response_bytes as u64 {
                return Err(too_large(self.max_response_bytes));
            }
        }
        let body = self.read_body(&mut response).await?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }

    /// Reads the body chunk by chunk so an oversized or endless response is
    /// cut off at the cap instead of exhausting memory.
    async fn read_body(&self, response: &mut reqwest::Response) -> Result<Bytes, DispatchError> {
        let mut first: Option<Bytes> = None;
        let mut rest = BytesMut::new();
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            let total = first.as_ref().map_or(0, Bytes::len) + rest.len() + chunk.len();
            if total > self.max_response_bytes {
                return Err(too_large(self.max_response_bytes));
            }
            // Most responses arrive in one chunk: keep it without copying.
            match &first {
                None => first = Some(chunk),
                Some(f) => {
                    if rest.is_empty() {
                        rest.extend_from_slice(f);
                    }
                    rest.extend_from_slice(&chunk);
                }
            }
        }
        Ok(if rest.is_empty() {
            first.unwrap_or_default()
        } else {
            rest.freeze()
        })
    }
}

impl HttpClient for ReqwestClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        Box::pin(self.send(request))
    }
}

fn too_large(cap: usize) -> DispatchError {
    DispatchError::new(
        DispatchErrorKind::BodyTooLarge,
        format!("the response body is larger than the {cap}-byte cap"),
    )
}

fn classify(err: reqwest::Error) -> DispatchError {
    let (kind, what) = if err.is_timeout() {
        (DispatchErrorKind::Timeout, "the request timed out")
    } else if err.is_connect() {
        (
            DispatchErrorKind::Connect,
            "could not connect to the endpoint",
        )
    } else if err.is_body() || err.is_decode() || err.is_request() {
        (
            DispatchErrorKind::Io,
            "the connection failed during the exchange",
        )
    } else if err.is_builder() {
        (DispatchErrorKind::Other, "the request could not be built")
    } else {
        (DispatchErrorKind::Io, "the HTTP exchange failed")
    };
    // reqwest's Display includes the URL, which holds no secret (the
    // signature travels in a header), so it is safe to keep as the source.
    DispatchError::new(kind, what).with_source(err.without_url())
}
