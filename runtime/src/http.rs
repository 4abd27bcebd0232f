//! The request and response as the runtime moves them: plain data, no IO.

use bytes::{Bytes, BytesMut};
use http::{HeaderMap, Method};

use crate::body::ByteStream;
use crate::transport::{DispatchError, DispatchErrorKind};

/// An HTTP request an operation serialized, ready to be routed, signed and sent.
///
/// Before endpoint resolution `uri` is the path and query (`/v2/x?y=z`,
/// already percent-encoded); the orchestrator then makes it absolute
/// (`https://host/prefix/v2/x?y=z`).
///
/// ```
/// use awsop_runtime::http::HttpRequest;
/// let request = HttpRequest::new(http::Method::GET, "/v2/domains/d1/user-profiles/u1");
/// assert_eq!(request.uri, "/v2/domains/d1/user-profiles/u1");
/// ```
#[derive(Debug, Clone)]
pub struct HttpRequest {
    /// The HTTP method.
    pub method: Method,
    /// Path and query (relative), or the absolute URL once routed.
    pub uri: String,
    /// Request headers (never `Content-Length`: the transport sets it).
    pub headers: HeaderMap,
    /// The body bytes, exactly as they will be signed and sent.
    pub body: Bytes,
}

impl HttpRequest {
    /// A request with no headers and an empty body.
    pub fn new(method: Method, uri: impl Into<String>) -> Self {
        HttpRequest {
            method,
            uri: uri.into(),
            // Room for what a call carries without regrowing: content type,
            // host, date, token, authorization, invocation id, attempt, agent.
            headers: HeaderMap::with_capacity(8),
            body: Bytes::new(),
        }
    }
}

/// An HTTP response, fully read (its size bounded by the transport's cap).
///
/// ```
/// use awsop_runtime::http::HttpResponse;
/// let response = HttpResponse::new(201, "{}");
/// assert!(response.is_success());
/// ```
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Response headers.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Bytes,
}

impl HttpResponse {
    /// A response with the given status and body and no headers.
    pub fn new(status: u16, body: impl Into<Bytes>) -> Self {
        HttpResponse {
            status,
            headers: HeaderMap::new(),
            body: body.into(),
        }
    }

    /// The response with one more header: for tests and endpoints that
    /// build responses.
    ///
    /// # Panics
    ///
    /// If `name` is not a valid header name, or `value` not a valid header
    /// value (control characters).
    ///
    /// ```
    /// use awsop_runtime::http::HttpResponse;
    /// let response = HttpResponse::new(429, "{}").with_header("Retry-After", "2");
    /// assert_eq!(response.header("retry-after"), Some("2"));
    /// ```
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        let Ok(header) = http::HeaderName::from_bytes(name.as_bytes()) else {
            panic!("{name:?} is not a valid header name");
        };
        let Ok(value) = http::HeaderValue::from_str(value) else {
            panic!("the value given for header {name} is not a valid header value");
        };
        self.headers.append(header, value);
        self
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// A header's value as text, if present and valid UTF-8.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// An HTTP response whose body is read as it is consumed: what
/// [`HttpClient::call_streaming`](crate::transport::HttpClient::call_streaming) returns.
///
/// ```
/// use awsop_runtime::http::{HttpResponse, StreamingResponse};
/// # async fn demo() {
/// let streaming = StreamingResponse::from(HttpResponse::new(200, "abc"));
/// let buffered = streaming.into_buffered().await.unwrap();
/// assert_eq!(&buffered.body[..], b"abc");
/// # }
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(demo());
/// ```
#[derive(Debug)]
pub struct StreamingResponse {
    /// The status code.
    pub status: u16,
    /// Response headers.
    pub headers: HeaderMap,
    /// The body, not yet read.
    pub body: ByteStream,
    /// The most [`StreamingResponse::into_buffered`] reads (the transport's
    /// response-size cap): a response the caller does not stream, such as
    /// an error, stays bounded.
    pub buffer_limit: usize,
}

impl StreamingResponse {
    /// Reads the whole body (at most `buffer_limit` bytes, else an error of
    /// kind [`DispatchErrorKind::BodyTooLarge`]).
    pub async fn into_buffered(self) -> Result<HttpResponse, DispatchError> {
        let StreamingResponse {
            status,
            headers,
            body,
            buffer_limit,
        } = self;
        let too_large = || {
            DispatchError::new(
                DispatchErrorKind::BodyTooLarge,
                format!("the response body is larger than the {buffer_limit}-byte cap"),
            )
        };
        if body
            .content_length()
            .is_some_and(|n| n > buffer_limit as u64)
        {
            return Err(too_large());
        }
        let body = match body.as_bytes() {
            Some(bytes) if bytes.len() <= buffer_limit => bytes.clone(),
            _ => {
                let mut body = body;
                let mut out = BytesMut::new();
                while let Some(chunk) = body.next().await {
                    let chunk = chunk.map_err(|e| {
                        let kind = if e.kind() == std::io::ErrorKind::TimedOut {
                            DispatchErrorKind::Timeout
                        } else {
                            DispatchErrorKind::Io
                        };
                        DispatchError::new(
                            kind,
                            "the connection failed while reading the response body",
                        )
                        .with_source(e)
                    })?;
                    if out.len() + chunk.len() > buffer_limit {
                        return Err(too_large());
                    }
                    out.extend_from_slice(&chunk);
                }
                out.freeze()
            }
        };
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }

    /// The status and headers with an empty body: what an output with a
    /// streaming member is parsed from (its other members are headers).
    pub fn head(&self) -> HttpResponse {
        HttpResponse {
            status: self.status,
            headers: self.headers.clone(),
            body: Bytes::new(),
        }
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

impl From<HttpResponse> for StreamingResponse {
    /// A response already read whole (from a transport that does not
    /// stream): its body becomes a one-chunk stream.
    fn from(response: HttpResponse) -> Self {
        StreamingResponse {
            status: response.status,
            headers: response.headers,
            body: ByteStream::from(response.body),
            buffer_limit: usize::MAX,
        }
    }
}
