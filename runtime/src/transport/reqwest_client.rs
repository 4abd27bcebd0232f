use super::timeouts::{self, BodyBuffer};
use super::{HttpClient, TransportSettings};
use crate::http::{HttpRequest, HttpResponse};
use crate::transport::{DispatchError, DispatchErrorKind};
use crate::BoxFuture;

/// An [`HttpClient`] over reqwest (feature `reqwest`): for programs that
/// already use reqwest and want awsop to share its connection pool
/// ([`ReqwestClient::from_client`]).
///
/// Like [`HyperClient`](super::HyperClient) it never follows redirects,
/// and [`ReqwestClient::new`] uses no proxy (`HTTP_PROXY` and friends are
/// ignored on both transports). The read timeout of [`TransportSettings`]
/// is applied by this wrapper, so it holds for a client given to
/// [`from_client`](Self::from_client) too.
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
    read_timeout: Option<std::time::Duration>,
}

impl ReqwestClient {
    /// A client with these settings.
    pub fn new(settings: TransportSettings) -> Result<Self, DispatchError> {
        let mut builder = reqwest::Client::builder()
            .pool_max_idle_per_host(settings.pool_max_idle_per_host)
            .pool_idle_timeout(settings.pool_idle_timeout)
            .tcp_nodelay(true)
            // AWS answers are never redirects we should follow: a 3xx is an
            // error to surface, and following one would carry
            // `x-amz-security-token` to another host (reqwest strips only
            // `Authorization`).
            .redirect(reqwest::redirect::Policy::none())
            // The default transport reads no proxy variables; this one must
            // not either, or the same program would route differently
            // depending on a cargo feature.
            .no_proxy();
        if settings.http2_prior_knowledge {
            builder = builder.http2_prior_knowledge();
        }
        if let Some(timeout) = settings.connect_timeout {
            // reqwest's covers TCP and TLS, as HyperClient's does.
            builder = builder.connect_timeout(timeout);
        }
        let client = builder.build().map_err(|e| {
            DispatchError::new(DispatchErrorKind::Other, "could not build the HTTP client")
                .with_source(e)
        })?;
        Ok(ReqwestClient {
            client,
            max_response_bytes: settings.max_response_bytes,
            read_timeout: settings.read_timeout,
        })
    }

    /// Wraps an existing reqwest client: its pool, proxies, TLS settings and
    /// timeouts apply, plus this wrapper's read timeout (default 60 s, see
    /// [`with_read_timeout`](Self::with_read_timeout)).
    ///
    /// The client must not follow redirects: build it with
    /// `.redirect(reqwest::redirect::Policy::none())`. One that does is
    /// refused, because a redirect to another host would carry the
    /// request's `x-amz-security-token` and signed headers there. reqwest
    /// offers no way to read a client's policy but its `Debug` text, so
    /// that is what is checked (a client whose text does not say `None` is
    /// refused, so a change there can only refuse, never let one through);
    /// every response is also checked to come from the host it was sent to.
    ///
    /// ```
    /// use awsop_runtime::transport::ReqwestClient;
    /// let shared = reqwest::Client::builder()
    ///     .redirect(reqwest::redirect::Policy::none())
    ///     .build()
    ///     .unwrap();
    /// let client = ReqwestClient::from_client(shared, 10 * 1024 * 1024).unwrap();
    /// # drop(client);
    /// assert!(ReqwestClient::from_client(reqwest::Client::new(), 1024).is_err());
    /// ```
    pub fn from_client(
        client: reqwest::Client,
        max_response_bytes: usize,
    ) -> Result<Self, DispatchError> {
        if !follows_no_redirects(&client) {
            return Err(DispatchError::new(
                DispatchErrorKind::Other,
                "ReqwestClient::from_client: this reqwest client follows redirects, which \
                 would carry signed headers and the session token to another host; build it \
                 with .redirect(reqwest::redirect::Policy::none())",
            ));
        }
        Ok(ReqwestClient {
            client,
            max_response_bytes,
            read_timeout: TransportSettings::default().read_timeout,
        })
    }

    /// The read timeout (see [`TransportSettings::read_timeout`]); `None`
    /// leaves only the reqwest client's own timeouts.
    pub fn with_read_timeout(mut self, timeout: Option<std::time::Duration>) -> Self {
        self.read_timeout = timeout;
        self
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, DispatchError> {
        let url = reqwest::Url::parse(&request.uri).map_err(|e| {
            DispatchError::new(DispatchErrorKind::Other, "the request URL is not valid")
                .with_source(e)
        })?;
        let origin = (
            url.host_str().map(str::to_owned),
            url.port_or_known_default(),
        );
        let mut request = request;
        super::framing::add_empty_content_length(&mut request);
        let sending = self
            .client
            .request(request.method, url)
            .headers(request.headers)
            .body(request.body)
            .send();
        let mut response = timeouts::within(
            self.read_timeout,
            async { sending.await.map_err(classify) },
            timeouts::no_response,
        )
        .await?;
        // Defence in depth behind `from_client`'s check: an answer from
        // another host means a redirect was followed; it is not used.
        let answered = response.url();
        if (
            answered.host_str().map(str::to_owned),
            answered.port_or_known_default(),
        ) != origin
        {
            return Err(DispatchError::new(
                DispatchErrorKind::Other,
                "the reqwest client followed a redirect to another host; \
                 build it with .redirect(reqwest::redirect::Policy::none())",
            ));
        }
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
    /// cut off at the cap instead of exhausting memory, and a stalled one
    /// by the read timeout.
    async fn read_body(
        &self,
        response: &mut reqwest::Response,
    ) -> Result<bytes::Bytes, DispatchError> {
        let mut buffer = BodyBuffer::default();
        loop {
            let chunk = timeouts::within(
                self.read_timeout,
                async { response.chunk().await.map_err(classify) },
                timeouts::body_stalled,
            )
            .await?;
            let Some(chunk) = chunk else {
                return Ok(buffer.finish());
            };
            if buffer.len() + chunk.len() > self.max_response_bytes {
                return Err(too_large(self.max_response_bytes));
            }
            buffer.push(chunk);
        }
    }
}

/// Whether the client's redirect policy is `none`, as far as its `Debug`
/// text tells (reqwest has no accessor); anything unclear counts as "follows".
fn follows_no_redirects(client: &reqwest::Client) -> bool {
    format!("{client:?}").contains("redirect_policy: \"Policy(None)\"")
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
