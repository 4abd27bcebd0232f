use std::time::Duration;

/// Settings of the transports ([`HyperClient`](super::HyperClient), and
/// `ReqwestClient` with feature `reqwest`).
///
/// Both transports apply the timeouts the same way, and neither uses a
/// proxy: `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` are ignored, so a
/// variable planted in the environment cannot route signed requests
/// through someone else's host. To go through a proxy, give
/// `ReqwestClient::from_client` (feature `reqwest`) a
/// reqwest client configured with one.
///
/// ```
/// use std::time::Duration;
/// use awsop_runtime::transport::TransportSettings;
/// let settings = TransportSettings::default();
/// assert_eq!(settings.connect_timeout, Some(Duration::from_millis(3100)));
/// assert_eq!(settings.read_timeout, Some(Duration::from_secs(60)));
/// assert_eq!(settings.max_response_bytes, 10 * 1024 * 1024);
/// assert_eq!(settings.max_concurrent_requests, Some(256));
/// ```
#[derive(Debug, Clone)]
pub struct TransportSettings {
    /// How long to wait for a connection: TCP connect and TLS handshake
    /// together. Default 3.1 s, as the AWS SDKs; `None` for no limit.
    pub connect_timeout: Option<Duration>,
    /// How long to wait for the response to start (its status line and
    /// headers, counted from sending the request) and then for each further
    /// piece of its body. A silent server, or one that sends a byte now and
    /// then slower than this, fails with
    /// [`DispatchErrorKind::Timeout`](crate::error::DispatchErrorKind::Timeout)
    /// (retried like any timeout) instead of holding the call, and its slot
    /// in [`max_concurrent_requests`](Self::max_concurrent_requests),
    /// forever. It does not bound the whole response: use an attempt timeout
    /// for that. Default 60 s, the aws CLI's `--cli-read-timeout`; `None`
    /// for no limit.
    pub read_timeout: Option<Duration>,
    /// Responses larger than this fail with
    /// [`DispatchErrorKind::BodyTooLarge`](super::DispatchErrorKind::BodyTooLarge)
    /// instead of being buffered. Default 10 MiB.
    pub max_response_bytes: usize,
    /// Requests on the wire at once, per client (for HTTP/1.1, the number of
    /// connections); further calls wait their turn. Like the AWS SDK for
    /// Java's `maxConcurrency`, this keeps a burst of calls from opening
    /// thousands of sockets (each holds ~32 KB of buffers) and from
    /// exhausting ephemeral ports. The wait counts towards the attempt
    /// timeout. Default 256; `None` for no limit.
    pub max_concurrent_requests: Option<usize>,
    /// Idle pooled connections per host. Default 64.
    pub pool_max_idle_per_host: usize,
    /// How long an idle pooled connection is kept. Default 90 s.
    pub pool_idle_timeout: Duration,
    /// Speak HTTP/2 without negotiation (cleartext `h2c` endpoints such as
    /// local emulators). Over TLS, HTTP/2 is negotiated by ALPN regardless.
    pub http2_prior_knowledge: bool,
}

impl Default for TransportSettings {
    fn default() -> Self {
        TransportSettings {
            connect_timeout: Some(Duration::from_millis(3100)),
            read_timeout: Some(Duration::from_secs(60)),
            max_response_bytes: 10 * 1024 * 1024,
            max_concurrent_requests: Some(256),
            pool_max_idle_per_host: 64,
            pool_idle_timeout: Duration::from_secs(90),
            http2_prior_knowledge: false,
        }
    }
}
