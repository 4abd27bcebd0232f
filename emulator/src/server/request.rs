//! Reading one HTTP/1.1 request from a connection: head, then a
//! `Content-Length` body, within limits.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::time::Instant;

use crate::error::ServiceError;

/// A request as read from the wire. Header names are lower-cased; values are
/// as sent, without surrounding whitespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Request {
    pub(crate) method: String,
    /// The request target in origin form (`/path?query`), still encoded.
    pub(crate) target: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
    /// Whether the connection may carry another request after this one.
    pub(crate) keep_alive: bool,
}

impl Request {
    /// The first value of a header (name in lower case).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The path part of the target.
    pub(crate) fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    /// The query part of the target, without `?`.
    pub(crate) fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }
}

/// Limits on what a client may send.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) max_head: usize,
    pub(crate) max_body: usize,
    /// How long the connection may wait for the first byte of a request.
    pub(crate) idle: Duration,
    /// How long a whole request (head and body) may take to arrive, from
    /// its first byte. One deadline, not a timeout per read: a client
    /// sending a byte now and then must not hold its connection slot forever.
    pub(crate) request: Duration,
}

/// Why no request was read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The peer closed, went quiet or failed between or during requests:
    /// nothing to answer.
    Gone,
    /// The request is unacceptable: answer this error, then close.
    Reject(ServiceError),
}

const MAX_HEADERS: usize = 128;

fn reject(status: u16, code: &'static str, message: impl Into<String>) -> ReadError {
    ReadError::Reject(ServiceError::new(status, code, message))
}

fn bad_request(message: impl Into<String>) -> ReadError {
    reject(400, "BadRequestException", message)
}

/// Reads the next request; `buf` keeps bytes that arrived beyond it
/// (pipelining).
pub(crate) async fn read_request<S>(
    stream: &mut S,
    buf: &mut Vec<u8>,
    limits: Limits,
) -> Result<Request, ReadError>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    // Until the first byte the idle timeout applies; from then on the
    // whole-request deadline, which never reaches past the idle timeout
    // (so a stalled request is dropped at least as soon as an idle one).
    let waiting = Instant::now();
    let mut deadline = waiting + limits.idle;
    let mut started = !buf.is_empty();
    if started {
        deadline = deadline.min(waiting + limits.request);
    }
    let head_end = loop {
        if let Some(end) = find_head_end(buf) {
            break end;
        }
        if buf.len() > limits.max_head {
            return Err(reject(
                431,
                "RequestHeaderFieldsTooLarge",
                "Request header fields too large",
            ));
        }
        if fill(stream, buf, deadline).await? == 0 {
            return Err(ReadError::Gone);
        }
        if !started {
            started = true;
            deadline = deadline.min(Instant::now() + limits.request);
        }
    };
    if head_end > limits.max_head {
        return Err(reject(
            431,
            "RequestHeaderFieldsTooLarge",
            "Request header fields too large",
        ));
    }
    let head = parse_head(&buf[..head_end])?;
    buf.drain(..head_end + 4);
    if head.content_length > limits.max_body {
        return Err(reject(
            413,
            "RequestEntityTooLargeException",
            format!("Request body larger than {} bytes", limits.max_body),
        ));
    }
    if head.expect_continue && buf.len() < head.content_length {
        // The client waits for this before sending the body (curl does).
        if stream
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
            .await
            .is_err()
        {
            return Err(ReadError::Gone);
        }
    }
    while buf.len() < head.content_length {
        if fill(stream, buf, deadline).await? == 0 {
            return Err(ReadError::Gone);
        }
    }
    let body: Vec<u8> = buf.drain(..head.content_length).collect();
    Ok(Request {
        method: head.method,
        target: head.target,
        headers: head.headers,
        body,
        keep_alive: head.keep_alive,
    })
}

/// Reads more bytes into `buf` before `deadline`; 0 at end of stream.
async fn fill<S: AsyncRead + Unpin>(
    stream: &mut S,
    buf: &mut Vec<u8>,
    deadline: Instant,
) -> Result<usize, ReadError> {
    let mut chunk = [0u8; 8192];
    match tokio::time::timeout_at(deadline, stream.read(&mut chunk)).await {
        Ok(Ok(n)) => {
            buf.extend_from_slice(&chunk[..n]);
            Ok(n)
        }
        Ok(Err(_)) | Err(_) => Err(ReadError::Gone),
    }
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n")
}

/// The parsed request line and headers.
#[derive(Debug, PartialEq, Eq)]
struct Head {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    content_length: usize,
    keep_alive: bool,
    expect_continue: bool,
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Parses the head (without its final blank line).
fn parse_head(head: &[u8]) -> Result<Head, ReadError> {
    let text = std::str::from_utf8(head).map_err(|_| bad_request("Request head is not UTF-8"))?;
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad_request("Malformed request line"));
    };
    if method.is_empty() || !method.bytes().all(is_tchar) {
        return Err(bad_request("Malformed method"));
    }
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        v if v.starts_with("HTTP/") => {
            return Err(reject(
                505,
                "HttpVersionNotSupported",
                "HTTP version not supported",
            ))
        }
        _ => return Err(bad_request("Malformed request line")),
    };
    let target = origin_form(target)?;

    let mut headers = Vec::new();
    for line in lines {
        if headers.len() == MAX_HEADERS {
            return Err(reject(
                431,
                "RequestHeaderFieldsTooLarge",
                "Too many header fields",
            ));
        }
        if line.starts_with([' ', '\t']) {
            return Err(bad_request("Obsolete line folding is not accepted"));
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| bad_request("Malformed header line"))?;
        if name.is_empty() || !name.bytes().all(is_tchar) {
            return Err(bad_request("Malformed header name"));
        }
        let value = value.trim_matches([' ', '\t']);
        if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
            return Err(bad_request("Control character in header value"));
        }
        headers.push((name.to_ascii_lowercase(), value.to_owned()));
    }

    let values = |name: &'static str| header_values(&headers, name);
    if values("transfer-encoding").next().is_some() {
        return Err(reject(
            411,
            "LengthRequiredException",
            "Transfer-Encoding is not supported; send the body with Content-Length",
        ));
    }
    let mut content_length = None;
    for value in values("content-length").flat_map(|v| v.split(',')) {
        let value = value.trim();
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad_request("Malformed Content-Length"));
        }
        let length: usize = value.parse().map_err(|_| {
            reject(
                413,
                "RequestEntityTooLargeException",
                "Request body too large",
            )
        })?;
        if content_length.is_some_and(|l| l != length) {
            return Err(bad_request("Conflicting Content-Length values"));
        }
        content_length = Some(length);
    }
    if http11 && values("host").next().is_none() {
        return Err(bad_request("Missing Host header"));
    }
    let connection_has = |token: &str| {
        values("connection")
            .flat_map(|v| v.split(','))
            .any(|t| t.trim().eq_ignore_ascii_case(token))
    };
    let keep_alive = if http11 {
        !connection_has("close")
    } else {
        connection_has("keep-alive")
    };
    let expect_continue = values("expect").any(|v| v.eq_ignore_ascii_case("100-continue"));
    Ok(Head {
        method: method.to_owned(),
        target,
        headers,
        content_length: content_length.unwrap_or(0),
        keep_alive,
        expect_continue,
    })
}

fn header_values<'a>(
    headers: &'a [(String, String)],
    name: &'a str,
) -> impl Iterator<Item = &'a str> + 'a {
    headers
        .iter()
        .filter(move |(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The target in origin form; absolute-form (`http://host/path`) is reduced
/// to its path, as HTTP/1.1 servers must accept it.
fn origin_form(target: &str) -> Result<String, ReadError> {
    if target.bytes().any(|b| b <= b' ' || b == 0x7f) {
        return Err(bad_request("Malformed request target"));
    }
    if target.starts_with('/') {
        return Ok(target.to_owned());
    }
    for scheme in ["http://", "https://"] {
        if let Some(rest) = target.strip_prefix(scheme) {
            let path_start = rest.find(['/', '?']).unwrap_or(rest.len());
            let path = &rest[path_start..];
            return Ok(if path.starts_with('/') {
                path.to_owned()
            } else {
                format!("/{path}")
            });
        }
    }
    Err(bad_request("Malformed request target"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Result<Head, ReadError> {
        parse_head(text.as_bytes())
    }

    fn status(result: Result<Head, ReadError>) -> u16 {
        match result {
            Err(ReadError::Reject(e)) => e.status,
            other => panic!("expected a rejection, got {other:?}"),
        }
    }

    #[test]
    fn parses_a_post() {
        let h = head("POST /v2/x?a=b HTTP/1.1\r\nHost: h\r\nContent-Length: 12\r\nX-Amz-Date:  20150830T123600Z ").unwrap();
        assert_eq!(h.method, "POST");
        assert_eq!(h.target, "/v2/x?a=b");
        assert_eq!(h.content_length, 12);
        assert!(h.keep_alive);
        assert_eq!(
            h.headers[2],
            ("x-amz-date".into(), "20150830T123600Z".into())
        );
    }

    #[test]
    fn connection_semantics() {
        assert!(
            !head("GET / HTTP/1.1\r\nHost: h\r\nConnection: close")
                .unwrap()
                .keep_alive
        );
        assert!(!head("GET / HTTP/1.0").unwrap().keep_alive);
        assert!(
            head("GET / HTTP/1.0\r\nConnection: Keep-Alive")
                .unwrap()
                .keep_alive
        );
        assert!(
            head("GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue")
                .unwrap()
                .expect_continue
        );
    }

    #[test]
    fn absolute_form() {
        assert_eq!(
            head("GET http://h:1/a?b HTTP/1.1\r\nHost: h")
                .unwrap()
                .target,
            "/a?b"
        );
        assert_eq!(
            head("GET http://h:1 HTTP/1.1\r\nHost: h").unwrap().target,
            "/"
        );
        assert_eq!(
            head("GET http://h?q HTTP/1.1\r\nHost: h").unwrap().target,
            "/?q"
        );
    }

    #[test]
    fn rejects_malformed_heads() {
        for bad in [
            "",
            "GET",
            "GET /",
            "GET / HTTP/1.1 extra",
            "G(T / HTTP/1.1\r\nHost: h",
            "GET * HTTP/1.1\r\nHost: h",
            "GET / FTP/1.0",
            "GET / HTTP/1.1",
            "GET / HTTP/1.1\r\nHost: h\r\nbad header",
            "GET / HTTP/1.1\r\nHost: h\r\n folded",
            "GET / HTTP/1.1\r\nHost: h\r\n: empty",
            "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{1}b",
            "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: -1",
            "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2",
            "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: ",
        ] {
            assert_eq!(status(head(bad)), 400, "{bad:?}");
        }
        assert_eq!(status(head("GET / HTTP/2.0")), 505);
        assert_eq!(
            status(head(
                "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked"
            )),
            411
        );
        assert_eq!(
            status(head(
                "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999"
            )),
            413
        );
        assert_eq!(status(parse_head(b"GET /\xff HTTP/1.1\r\nHost: h")), 400);
    }

    #[test]
    fn same_content_length_twice_is_fine() {
        let h = head("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3").unwrap();
        assert_eq!(h.content_length, 3);
    }

    #[test]
    fn too_many_headers() {
        let mut text = String::from("GET / HTTP/1.1\r\nHost: h");
        for i in 0..200 {
            text.push_str(&format!("\r\nx-{i}: v"));
        }
        assert_eq!(status(head(&text)), 431);
    }
}
