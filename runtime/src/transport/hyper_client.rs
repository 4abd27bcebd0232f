use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body::Body as _;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client as PooledClient;
use hyper_util::rt::TokioExecutor;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::timeouts::{self, BodyBuffer};
use super::{HttpClient, TransportSettings};
use crate::body::outgoing::OutgoingBody;
use crate::body::{ByteStream, ChunkSource};
use crate::http::{HttpRequest, HttpResponse, StreamingResponse};
use crate::transport::{DispatchError, DispatchErrorKind};
use crate::BoxFuture;

type Https = hyper_rustls::HttpsConnector<HttpConnector>;

/// The default [`HttpClient`]: hyper's pooled client over rustls (ring
/// provider, the platform's root certificates), HTTP/1.1 and HTTP/2
/// (negotiated by ALPN, or by prior knowledge when configured).
///
/// It applies [`TransportSettings`]' connect timeout (TCP and TLS together)
/// and read timeout (until the response starts, then between pieces of the
/// body), never follows redirects (a 3xx is the answer) and uses no proxy.
///
/// ```
/// use std::time::Duration;
/// use awsop_runtime::transport::{HyperClient, TransportSettings};
/// let client = HyperClient::new(TransportSettings {
///     read_timeout: Some(Duration::from_secs(10)),
///     ..TransportSettings::default()
/// })
/// .unwrap();
/// # drop(client);
/// ```
#[derive(Debug, Clone)]
pub struct HyperClient {
    client: PooledClient<TimedConnector, OutgoingBody>,
    max_response_bytes: usize,
    connect_timeout: Option<Duration>,
    read_timeout: Option<Duration>,
    in_flight: Option<Arc<Semaphore>>,
}

impl HyperClient {
    /// A client with these settings.
    pub fn new(settings: TransportSettings) -> Result<Self, DispatchError> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        // Per address tried (hyper-util splits it between them); the whole
        // connection, TLS included, is bounded by `TimedConnector`.
        http.set_connect_timeout(settings.connect_timeout);
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls_config()?)
            .https_or_http()
            .enable_http1()
            .enable_http2()
            .wrap_connector(http);
        let connector = TimedConnector {
            inner: https,
            timeout: settings.connect_timeout,
        };
        let client = PooledClient::builder(TokioExecutor::new())
            .pool_max_idle_per_host(settings.pool_max_idle_per_host)
            .pool_idle_timeout(settings.pool_idle_timeout)
            .http2_only(settings.http2_prior_knowledge)
            .build(connector);
        Ok(HyperClient {
            client,
            max_response_bytes: settings.max_response_bytes,
            connect_timeout: settings.connect_timeout,
            read_timeout: settings.read_timeout,
            in_flight: settings
                .max_concurrent_requests
                .map(|n| Arc::new(Semaphore::new(n.max(1)))),
        })
    }

    /// Sends the request and waits for the response head. The permit (of
    /// `max_concurrent_requests`) is held until the body is read.
    async fn exchange(
        &self,
        request: HttpRequest,
        body: Option<ByteStream>,
    ) -> Result<
        (
            http::response::Parts,
            Incoming,
            Option<OwnedSemaphorePermit>,
        ),
        DispatchError,
    > {
        // Held until the body is read, or until a timeout gives up on it:
        // the limit is on exchanges, not on requests written.
        let permit = match &self.in_flight {
            Some(limit) => Some(limit.clone().acquire_owned().await.map_err(|_| {
                DispatchError::new(DispatchErrorKind::Other, "the HTTP client was shut down")
            })?),
            None => None,
        };
        let mut request = request;
        // The URL's own bytes become the `Uri`'s, without a copy.
        let uri = http::Uri::try_from(std::mem::take(&mut request.uri)).map_err(|e| {
            DispatchError::new(DispatchErrorKind::Other, "the request URL is not valid")
                .with_source(e)
        })?;
        let outgoing_body = match body {
            Some(stream) => {
                let length = stream.content_length().ok_or_else(|| {
                    DispatchError::new(
                        DispatchErrorKind::Other,
                        "a streamed request body must have a known length",
                    )
                })?;
                // Framing, after signing: the stream is sent with exactly
                // this many bytes (the body checks it).
                request
                    .headers
                    .insert(http::header::CONTENT_LENGTH, length.into());
                OutgoingBody::stream(stream, length)
            }
            None => {
                super::framing::add_empty_content_length(&mut request);
                OutgoingBody::full(request.body)
            }
        };
        let mut outgoing = http::Request::new(outgoing_body);
        *outgoing.method_mut() = request.method;
        *outgoing.uri_mut() = uri;
        *outgoing.headers_mut() = request.headers;

        let response = timeouts::within(
            self.read_timeout,
            async {
                self.client
                    .request(outgoing)
                    .await
                    .map_err(|e| classify(e, self.connect_timeout))
            },
            timeouts::no_response,
        )
        .await?;
        let (parts, body) = response.into_parts();
        Ok((parts, body, permit))
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, DispatchError> {
        let (parts, body, _permit) = self.exchange(request, None).await?;
        let declared = parts
            .headers
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|len| len > self.max_response_bytes as u64) {
            return Err(too_large(self.max_response_bytes));
        }
        // Read frame by frame up to the cap, so an oversized or endless body
        // is cut off instead of exhausting memory, and a stalled one by the
        // read timeout.
        let mut body = Limited::new(body, self.max_response_bytes);
        let mut buffer = BodyBuffer::default();
        loop {
            let frame = timeouts::within(
                self.read_timeout,
                async { Ok(body.frame().await) },
                timeouts::body_stalled,
            )
            .await?;
            match frame {
                None => break,
                Some(Ok(frame)) => {
                    if let Ok(data) = frame.into_data() {
                        buffer.push(data);
                    }
                }
                Some(Err(e)) => {
                    return Err(if e.downcast_ref::<LengthLimitError>().is_some() {
                        too_large(self.max_response_bytes)
                    } else {
                        DispatchError::new(
                            DispatchErrorKind::Io,
                            "the connection failed while reading the response body",
                        )
                        .with_source(BoxedError(e))
                    })
                }
            }
        }
        Ok(HttpResponse {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body: buffer.finish(),
        })
    }

    async fn send_streaming(
        &self,
        request: HttpRequest,
        body: Option<ByteStream>,
    ) -> Result<StreamingResponse, DispatchError> {
        let (parts, incoming, permit) = self.exchange(request, body).await?;
        let length = incoming.size_hint().exact();
        let chunks = IncomingChunks {
            body: incoming,
            read_timeout: self.read_timeout,
            stalled: None,
            last_frame: None,
            _permit: permit,
        };
        Ok(StreamingResponse {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body: ByteStream::once(Box::pin(chunks), length, "response"),
            buffer_limit: self.max_response_bytes,
        })
    }
}

/// A response body read as its reader asks: hyper reads the socket only
/// when polled (back-pressure). Dropped before its end, hyper closes the
/// connection; read to the end, the connection goes back to the pool. The
/// read timeout bounds each wait for the next frame.
struct IncomingChunks {
    body: Incoming,
    read_timeout: Option<Duration>,
    /// One timer for the whole body, armed at the first wait and moved on
    /// only when it fires early: a timer per frame (tens of thousands per
    /// gigabyte, each through the timer wheel's lock) was a large part of a
    /// big download's CPU.
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
    /// When the last frame came, while the timer is armed.
    last_frame: Option<tokio::time::Instant>,
    /// The `max_concurrent_requests` place, freed with the body.
    _permit: Option<OwnedSemaphorePermit>,
}

impl ChunkSource for IncomingChunks {
    fn poll_chunk(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<std::io::Result<Bytes>>> {
        let this = &mut *self;
        loop {
            match Pin::new(&mut this.body).poll_frame(cx) {
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(Ok(frame))) => {
                    if this.stalled.is_some() {
                        this.last_frame = Some(tokio::time::Instant::now());
                    }
                    // Trailers carry no bytes.
                    if let Ok(data) = frame.into_data() {
                        if !data.is_empty() {
                            return Poll::Ready(Some(Ok(data)));
                        }
                    }
                }
                Poll::Ready(Some(Err(e))) => {
                    return Poll::Ready(Some(Err(std::io::Error::other(e))));
                }
                Poll::Pending => {
                    let Some(limit) = this.read_timeout else {
                        return Poll::Pending;
                    };
                    let stalled = this
                        .stalled
                        .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
                    while stalled.as_mut().poll(cx).is_ready() {
                        // Fired: a stall only if no frame came within the
                        // limit; else wait on from the last frame.
                        match this.last_frame.map(|at| at + limit) {
                            Some(deadline) if deadline > tokio::time::Instant::now() => {
                                stalled.as_mut().reset(deadline);
                            }
                            _ => {
                                return Poll::Ready(Some(Err(std::io::Error::new(
                                    std::io::ErrorKind::TimedOut,
                                    timeouts::body_stalled(limit).to_string(),
                                ))));
                            }
                        }
                    }
                    return Poll::Pending;
                }
            }
        }
    }
}

impl HttpClient for HyperClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        Box::pin(self.send(request))
    }

    fn call_streaming(
        &self,
        request: HttpRequest,
        body: Option<ByteStream>,
    ) -> BoxFuture<'_, Result<StreamingResponse, DispatchError>> {
        Box::pin(self.send_streaming(request, body))
    }
}

/// The HTTPS-or-HTTP connector with one deadline on the whole connection:
/// `HttpConnector`'s own timeout covers TCP only, and a server that accepts
/// and then never completes the TLS handshake would otherwise hold the call
/// until the read timeout.
#[derive(Debug, Clone)]
struct TimedConnector {
    inner: Https,
    timeout: Option<Duration>,
}

type Connection = <Https as tower_service::Service<http::Uri>>::Response;
type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl tower_service::Service<http::Uri> for TimedConnector {
    type Response = Connection;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<Connection, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, uri: http::Uri) -> Self::Future {
        let connecting = self.inner.call(uri);
        let timeout = self.timeout;
        let limited = crate::time::within(timeout, connecting);
        Box::pin(async move {
            limited
                .await
                .unwrap_or_else(|limit| Err(Box::new(ConnectTimedOut(limit)) as BoxError))
        })
    }
}

/// The connect deadline passed.
#[derive(Debug)]
struct ConnectTimedOut(Duration);

impl std::fmt::Display for ConnectTimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no connection within {:?}", self.0)
    }
}

impl std::error::Error for ConnectTimedOut {}

/// TLS with the ring provider named explicitly (so another crate enabling
/// aws-lc-rs cannot make the choice ambiguous) and the platform's roots.
fn tls_config() -> Result<rustls::ClientConfig, DispatchError> {
    let mut roots = rustls::RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    let (added, _ignored) = roots.add_parsable_certificates(native.certs);
    if added == 0 {
        // Not fatal: plain-HTTP endpoints (emulators, tests) still work, and
        // an HTTPS call fails with a certificate error that names the cause.
        tracing::warn!(
            "no root certificates found on this system; HTTPS endpoints will be refused"
        );
    }
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map(|builder| builder.with_root_certificates(roots).with_no_client_auth())
        .map_err(|e| {
            DispatchError::new(DispatchErrorKind::Other, "could not configure TLS").with_source(e)
        })
}

fn too_large(cap: usize) -> DispatchError {
    DispatchError::new(
        DispatchErrorKind::BodyTooLarge,
        format!("the response body is larger than the {cap}-byte cap"),
    )
}

fn classify(
    err: hyper_util::client::legacy::Error,
    connect_timeout: Option<Duration>,
) -> DispatchError {
    if err.is_connect() {
        // Our deadline on TCP and TLS, or HttpConnector's own on TCP.
        if let (true, Some(limit)) = (is_timeout(&err), connect_timeout) {
            return timeouts::no_connection(limit).with_source(err);
        }
        return DispatchError::new(
            DispatchErrorKind::Connect,
            "could not connect to the endpoint",
        )
        .with_source(err);
    }
    DispatchError::new(DispatchErrorKind::Io, "the HTTP exchange failed").with_source(err)
}

/// Whether a connect timeout is among `err`'s causes.
fn is_timeout(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = err.source();
    while let Some(cause) = source {
        let timed_out = cause.is::<ConnectTimedOut>()
            || cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut);
        if timed_out {
            return true;
        }
        source = cause.source();
    }
    false
}

/// Carries a boxed body error as a `source()`.
#[derive(Debug)]
struct BoxedError(Box<dyn std::error::Error + Send + Sync>);

impl std::fmt::Display for BoxedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for BoxedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}
