use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client as PooledClient;
use hyper_util::rt::TokioExecutor;
use tokio::sync::Semaphore;

use super::{HttpClient, TransportSettings};
use crate::http::{HttpRequest, HttpResponse};
use crate::transport::{DispatchError, DispatchErrorKind};
use crate::BoxFuture;

type Connector = hyper_rustls::HttpsConnector<HttpConnector>;

/// The default [`HttpClient`]: hyper's pooled client over rustls (ring
/// provider, the platform's root certificates), HTTP/1.1 and HTTP/2
/// (negotiated by ALPN, or by prior knowledge when configured).
///
/// ```
/// use awsop_runtime::transport::{HyperClient, TransportSettings};
/// let client = HyperClient::new(TransportSettings::default()).unwrap();
/// # drop(client);
/// ```
#[derive(Debug, Clone)]
pub struct HyperClient {
    client: PooledClient<Connector, Full<Bytes>>,
    max_response_bytes: usize,
    in_flight: Option<Arc<Semaphore>>,
}

impl HyperClient {
    /// A client with these settings.
    pub fn new(settings: TransportSettings) -> Result<Self, DispatchError> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(settings.connect_timeout);
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls_config()?)
            .https_or_http()
            .enable_http1()
            .enable_http2()
            .wrap_connector(http);
        let client = PooledClient::builder(TokioExecutor::new())
            .pool_max_idle_per_host(settings.pool_max_idle_per_host)
            .pool_idle_timeout(settings.pool_idle_timeout)
            .http2_only(settings.http2_prior_knowledge)
            .build(https);
        Ok(HyperClient {
            client,
            max_response_bytes: settings.max_response_bytes,
            in_flight: settings
                .max_concurrent_requests
                .map(|n| Arc::new(Semaphore::new(n.max(1)))),
        })
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, DispatchError> {
        // Held until the body is read: the limit is on exchanges, not on
        // requests written.
        let _permit = match &self.in_flight {
            Some(limit) => Some(limit.acquire().await.map_err(|_| {
                DispatchError::new(DispatchErrorKind::Other, "the HTTP client was shut down")
            })?),
            None => None,
        };
        let uri: http::Uri = request.uri.parse().map_err(|e| {
            DispatchError::new(DispatchErrorKind::Other, "the request URL is not valid")
                .with_source(e)
        })?;
        let mut outgoing = http::Request::new(Full::new(request.body));
        *outgoing.method_mut() = request.method;
        *outgoing.uri_mut() = uri;
        *outgoing.headers_mut() = request.headers;

        let response = self.client.request(outgoing).await.map_err(classify)?;
        let (parts, body) = response.into_parts();
        let declared = parts
            .headers
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|len| len > self.max_response_bytes as u64) {
            return Err(too_large(self.max_response_bytes));
        }
        // Read chunk by chunk up to the cap, so an oversized or endless body
        // is cut off instead of exhausting memory.
        let body = Limited::new(body, self.max_response_bytes)
            .collect()
            .await
            .map_err(|e| {
                if e.downcast_ref::<LengthLimitError>().is_some() {
                    too_large(self.max_response_bytes)
                } else {
                    DispatchError::new(
                        DispatchErrorKind::Io,
                        "the connection failed while reading the response body",
                    )
                    .with_source(BoxedError(e))
                }
            })?
            .to_bytes();
        Ok(HttpResponse {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        })
    }
}

impl HttpClient for HyperClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        Box::pin(self.send(request))
    }
}

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

fn classify(err: hyper_util::client::legacy::Error) -> DispatchError {
    let (kind, what) = if err.is_connect() {
        (
            DispatchErrorKind::Connect,
            "could not connect to the endpoint",
        )
    } else {
        (DispatchErrorKind::Io, "the HTTP exchange failed")
    };
    DispatchError::new(kind, what).with_source(err)
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
