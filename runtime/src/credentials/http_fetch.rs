//! The small HTTP client of the container and IMDS providers: short
//! timeouts, no proxies, a capped body.

use std::sync::OnceLock;
use std::time::Duration;

/// Credential documents are a few hundred bytes; anything far larger is
/// not a credentials endpoint.
const MAX_BODY: usize = 64 * 1024;

/// A lazily built reqwest client with fixed timeouts.
#[derive(Debug)]
pub(crate) struct HttpFetcher {
    connect_timeout: Duration,
    read_timeout: Duration,
    client: OnceLock<Result<reqwest::Client, String>>,
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
    Connect(reqwest::Error),
    /// Connected, but the response did not arrive in time.
    Timeout(reqwest::Error),
    /// Anything else (protocol error, body too large, client setup).
    Other(String),
}

impl FetchError {
    pub(crate) fn describe(&self) -> String {
        match self {
            FetchError::Connect(e) if e.is_timeout() => "connection timed out".to_owned(),
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

    fn client(&self) -> Result<&reqwest::Client, FetchError> {
        self.client
            .get_or_init(|| {
                reqwest::Client::builder()
                    // Link-local and loopback endpoints must never go through
                    // an HTTP(S)_PROXY from the environment.
                    .no_proxy()
                    .connect_timeout(self.connect_timeout)
                    .read_timeout(self.read_timeout)
                    // A backstop for a server that trickles bytes.
                    .timeout(self.connect_timeout + self.read_timeout * 2)
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .map_err(|e| format!("could not build the HTTP client: {e}"))
            })
            .as_ref()
            .map_err(|e| FetchError::Other(e.clone()))
    }

    /// Sends one request with `headers` and reads the whole response.
    pub(crate) async fn fetch(
        &self,
        method: reqwest::Method,
        url: &str,
        headers: &[(&str, &str)],
    ) -> Result<Fetched, FetchError> {
        let mut request = self.client()?.request(method, url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut response = request.send().await.map_err(classify)?;
        let status = response.status().as_u16();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if body.len() + chunk.len() > MAX_BODY {
                return Err(FetchError::Other(format!(
                    "the response body is larger than {MAX_BODY} bytes"
                )));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched { status, body })
    }
}

fn classify(e: reqwest::Error) -> FetchError {
    if e.is_connect() {
        FetchError::Connect(e)
    } else if e.is_timeout() {
        FetchError::Timeout(e)
    } else {
        FetchError::Other(format!("HTTP request failed: {e}"))
    }
}
