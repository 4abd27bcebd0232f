//! The small HTTP client of the container and IMDS providers: short
//! timeouts, no proxies, no redirects, a capped body. It is the runtime's
//! own transport with tighter settings.

use std::sync::OnceLock;
use std::time::Duration;

use crate::http::HttpRequest;
use crate::transport::{DispatchError, DispatchErrorKind};
use crate::transport::{HttpClient, HyperClient, TransportSettings};

/// Credential documents are a few hundred bytes; anything far larger is
/// not a credentials endpoint.
const MAX_BODY: usize = 64 * 1024;

/// A lazily built client with fixed timeouts.
#[derive(Debug)]
pub(crate) struct HttpFetcher {
    connect_timeout: Duration,
    read_timeout: Duration,
    client: OnceLock<Result<HyperClient, String>>,
}

/// A response: status and (capped) body.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

/// Why a request got no response.
#[derive(Debug)]
pub(crate) enum FetchError {
    /// Could not connect (refused, unreachable, connect timeout).
    Connect(DispatchError),
    /// Connected, but the response did not arrive in time.
    Timeout(DispatchError),
    /// Anything else (protocol error, body too large, client setup).
    Other(String),
}

impl FetchError {
    pub(crate) fn describe(&self) -> String {
        match self {
            FetchError::Connect(_) => "could not connect".to_owned(),
            FetchError::Timeout(_) => "timed out waiting for a response".to_owned(),
            FetchError::Other(message) => message.clone(),
        }
    }
}

impl HttpFetcher {
    pub(crate) fn new(connect_timeout: Duration, read_timeout: Duration) -> Self {
        HttpFetcher {
            connect_timeout,
            read_timeout,
            client: OnceLock::new(),
        }
    }

    fn client(&self) -> Result<&HyperClient, FetchError> {
        self.client
            .get_or_init(|| {
                HyperClient::new(TransportSettings {
                    connect_timeout: Some(self.connect_timeout),
                    read_timeout: Some(self.read_timeout),
                    max_response_bytes: MAX_BODY,
                    max_concurrent_requests: None,
                    pool_max_idle_per_host: 1,
                    ..TransportSettings::default()
                })
                .map_err(|e| format!("could not build the HTTP client: {e}"))
            })
            .as_ref()
            .map_err(|e| FetchError::Other(e.clone()))
    }

    /// Sends one request with `headers` and reads the whole response.
    pub(crate) async fn fetch(
        &self,
        method: http::Method,
        url: &str,
        headers: &[(&str, &str)],
    ) -> Result<Fetched, FetchError> {
        let mut request = HttpRequest::new(method, url);
        for (name, value) in headers {
            let parsed_name = http::HeaderName::from_bytes(name.as_bytes());
            let parsed_value = http::HeaderValue::from_str(value);
            match (parsed_name, parsed_value) {
                (Ok(name), Ok(value)) => {
                    request.headers.insert(name, value);
                }
                // Values come from the environment or a token file: say
                // which header, never the value (it may be a secret).
                _ => {
                    return Err(FetchError::Other(format!(
                        "the {name:?} header value is not valid in HTTP"
                    )))
                }
            }
        }
        let call = self.client()?.call(request);
        // One bound on connecting and answering together: a server that
        // accepts and never answers cannot hold the provider chain.
        let answered = tokio::time::timeout(self.connect_timeout + self.read_timeout, call).await;
        match answered {
            Err(_) => Err(FetchError::Timeout(DispatchError::new(
                DispatchErrorKind::Timeout,
                "timed out waiting for a response",
            ))),
            Ok(Err(e)) => Err(match e.kind() {
                DispatchErrorKind::Connect => FetchError::Connect(e),
                DispatchErrorKind::Timeout => FetchError::Timeout(e),
                DispatchErrorKind::BodyTooLarge => {
                    FetchError::Other(format!("the response body is larger than {MAX_BODY} bytes"))
                }
                _ => FetchError::Other(format!("HTTP request failed: {e}")),
            }),
            Ok(Ok(response)) => Ok(Fetched {
                status: response.status,
                body: response.body.to_vec(),
            }),
        }
    }
}
