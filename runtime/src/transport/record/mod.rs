//! Recording real exchanges to a file ([`Recorder`]) and serving them back
//! ([`ReplayClient::from_file`](super::ReplayClient::from_file)), for tests
//! that record against the real service once and replay ever after
//! (feature `test-util`).
//!
//! The file is JSON, one exchange after another, meant to be read in a
//! review and committed:
//!
//! ```text
//! {
//!   "awsop_recording": 1,
//!   "exchanges": [
//!     {
//!       "request": {
//!         "method": "GET",
//!         "uri": "/v2/domains/dzd_1/user-profiles/u-1",
//!         "headers": [["x-amz-date", "20250101T000000Z"], ...],
//!         "body": ""
//!       },
//!       "response": {
//!         "status": 200,
//!         "headers": [["content-type", "application/json"], ...],
//!         "body": "{\"id\":\"up_1\"}"
//!       }
//!     }
//!   ]
//! }
//! ```
//!
//! Bodies are text, or `body_base64` when they are not UTF-8. The URI is
//! path and query only: the host (a random emulator port, a region) is not
//! what a replay should depend on.

mod file;
mod matching;

pub(crate) use matching::Replayer;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http::HeaderMap;

use super::{DispatchError, DispatchErrorKind, HttpClient};
use crate::http::{HttpRequest, HttpResponse};
use crate::BoxFuture;

/// Headers never written to a recording: they carry credentials, tokens or
/// keys. Lower case, as `http` names them.
///
/// ```
/// use awsop_runtime::transport::SECRET_HEADERS;
/// assert!(SECRET_HEADERS.contains(&"authorization"));
/// assert!(SECRET_HEADERS.contains(&"x-amz-sso_bearer_token"));
/// ```
pub const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-amz-security-token",
    "x-amz-sso_bearer_token",
    "x-aws-ec2-metadata-token",
    "x-amz-server-side-encryption-customer-key",
    "x-amz-copy-source-server-side-encryption-customer-key",
];

/// Query parameters never written to a recording (a presigned URL's
/// signature and credentials), and never compared on replay.
const SECRET_QUERY: &[&str] = &[
    "x-amz-signature",
    "x-amz-credential",
    "x-amz-security-token",
];

/// One request and the response it got, as written to the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Exchange {
    pub(crate) method: String,
    /// Path and query, secret query parameters removed.
    pub(crate) uri: String,
    pub(crate) request: Message,
    pub(crate) status: u16,
    pub(crate) response: Message,
}

/// Headers and body of one side of an exchange.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Message {
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Bytes,
}

impl Message {
    /// A request as recorded: without `host` too, which names a machine
    /// (an emulator's port, a region) as the URI's host would, and which a
    /// replay must not depend on.
    fn sent(headers: &HeaderMap, body: &Bytes) -> Self {
        Self::without(headers, body, &["host"])
    }

    fn of(headers: &HeaderMap, body: &Bytes) -> Self {
        Self::without(headers, body, &[])
    }

    fn without(headers: &HeaderMap, body: &Bytes, also_left_out: &[&str]) -> Self {
        let headers = headers
            .iter()
            .filter(|(name, _)| {
                !SECRET_HEADERS.contains(&name.as_str()) && !also_left_out.contains(&name.as_str())
            })
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        Message {
            headers,
            body: body.clone(),
        }
    }
}

/// The path and query of `uri` (absolute or not), without secret query
/// parameters.
pub(crate) fn recorded_uri(uri: &str) -> String {
    let relative = match uri.find("://") {
        Some(scheme_end) => {
            let after = &uri[scheme_end + 3..];
            match after.find(['/', '?']) {
                Some(at) => &after[at..],
                None => "",
            }
        }
        None => uri,
    };
    let (path, query) = match relative.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (relative, None),
    };
    let path = if path.is_empty() { "/" } else { path };
    let kept: Vec<&str> = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|pair| !pair.is_empty() && !is_secret_param(pair))
        .collect();
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

fn is_secret_param(pair: &str) -> bool {
    let name = pair.split('=').next().unwrap_or(pair);
    SECRET_QUERY.iter().any(|s| name.eq_ignore_ascii_case(s))
}

/// An [`HttpClient`] that sends through another and writes every exchange
/// to a JSON file, rewritten after each one (so a test that fails half way
/// still leaves what it got). [`SECRET_HEADERS`] and presigned-URL
/// credentials are left out; bodies are written as they were sent and
/// received, so do not record calls whose bodies carry secrets (STS, SSO).
/// A request that got no response (a timeout) is not recorded.
///
/// ```no_run
/// use awsop_runtime::transport::{HyperClient, Recorder, TransportSettings};
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let recorder = Recorder::new(
///     HyperClient::new(TransportSettings::default())?,
///     "tests/recordings/get_profile.json",
/// );
/// let client = awsop_runtime::ClientBuilder::from_env().await?.http_client(recorder).build()?;
/// // ... calls through `client` are sent, and written to the file.
/// # Ok(()) }
/// ```
pub struct Recorder {
    inner: Arc<dyn HttpClient>,
    path: PathBuf,
    exchanges: Mutex<Vec<Exchange>>,
}

impl Recorder {
    /// Records what passes through `inner` to the file at `path` (written
    /// at the first exchange; its directory is created if need be).
    pub fn new(inner: impl HttpClient + 'static, path: impl Into<PathBuf>) -> Self {
        Self::shared(Arc::new(inner), path)
    }

    /// [`new`](Self::new), for a shared client.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use awsop_runtime::transport::{HttpClient, Recorder, ReplayClient};
    /// let inner: Arc<dyn HttpClient> = Arc::new(ReplayClient::new([]));
    /// let recorder = Recorder::shared(inner, "target/recording.json");
    /// assert_eq!(recorder.path(), std::path::Path::new("target/recording.json"));
    /// assert_eq!(recorder.recorded(), 0);
    /// ```
    pub fn shared(inner: Arc<dyn HttpClient>, path: impl Into<PathBuf>) -> Self {
        Recorder {
            inner,
            path: path.into(),
            exchanges: Mutex::new(Vec::new()),
        }
    }

    /// The file it writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many exchanges it has written.
    pub fn recorded(&self) -> usize {
        lock(&self.exchanges).len()
    }

    fn write(&self, exchanges: &[Exchange]) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        // Written aside and renamed, so the file is never half written.
        let mut partial = self.path.clone().into_os_string();
        partial.push(".partial");
        std::fs::write(&partial, file::write(exchanges))?;
        std::fs::rename(&partial, &self.path)
    }
}

impl HttpClient for Recorder {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        let method = request.method.to_string();
        let uri = recorded_uri(&request.uri);
        let sent = Message::sent(&request.headers, &request.body);
        Box::pin(async move {
            let response = self.inner.call(request).await?;
            let exchange = Exchange {
                method,
                uri,
                request: sent,
                status: response.status,
                response: Message::of(&response.headers, &response.body),
            };
            // Under the lock, so two calls in flight cannot write their
            // snapshots out of order. Blocking IO, on a test's small file.
            let mut exchanges = lock(&self.exchanges);
            exchanges.push(exchange);
            self.write(&exchanges).map_err(|e| {
                DispatchError::new(
                    DispatchErrorKind::Other,
                    format!("could not write the recording {}: {e}", self.path.display()),
                )
                .with_source(e)
            })?;
            Ok(response)
        })
    }
}

impl fmt::Debug for Recorder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Recorder")
            .field("inner", &self.inner)
            .field("path", &self.path)
            .field("recorded", &self.recorded())
            .finish()
    }
}

/// Reads a recording file.
pub(crate) fn load(path: &Path) -> std::io::Result<Vec<Exchange>> {
    let bytes = std::fs::read(path).map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!("cannot read the recording {}: {e}", path.display()),
        )
    })?;
    file::read(&bytes).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{} is not an awsop recording: {e}", path.display()),
        )
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_keep_path_and_query_without_secrets() {
        assert_eq!(recorded_uri("http://127.0.0.1:9000/v2/x?a=1"), "/v2/x?a=1");
        assert_eq!(recorded_uri("https://host"), "/");
        assert_eq!(recorded_uri("https://host?b=2"), "/?b=2");
        assert_eq!(
            recorded_uri("https://h/p?X-Amz-Signature=abc&a=1&X-Amz-Security-Token=t"),
            "/p?a=1"
        );
        assert_eq!(recorded_uri("/v2/y"), "/v2/y");
    }

    #[test]
    fn secret_headers_are_left_out() {
        let mut headers = HeaderMap::new();
        for name in SECRET_HEADERS {
            headers.insert(
                http::HeaderName::from_static(name),
                http::HeaderValue::from_static("secret"),
            );
        }
        headers.insert(
            "x-amz-date",
            http::HeaderValue::from_static("20250101T000000Z"),
        );
        let message = Message::of(&headers, &Bytes::new());
        assert_eq!(
            message.headers,
            [("x-amz-date".to_owned(), "20250101T000000Z".to_owned())]
        );
        // A request's host is left out as its URI's is.
        headers.insert(
            http::header::HOST,
            http::HeaderValue::from_static("127.0.0.1:9"),
        );
        assert_eq!(
            Message::sent(&headers, &Bytes::new()).headers,
            message.headers
        );
        assert_eq!(Message::of(&headers, &Bytes::new()).headers.len(), 2);
    }
}
