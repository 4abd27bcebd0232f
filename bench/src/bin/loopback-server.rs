//! A single-threaded HTTP/1.1 server on 127.0.0.1 that answers every request
//! with the same fixed response, so the load drivers measure their clients,
//! not a service: DataZone's `CreateUserProfile` 201, or, for a request with
//! `X-Amz-Target: DynamoDB_20120810.GetItem` / `.PutItem`, what DynamoDB
//! answers (the item of `awsop_bench::dynamodb`, or `{}`).
//!
//! Usage: `loopback-server [PORT]` (or env `PORT`; default 0, any free port).
//! With `TLS_CERT` and `TLS_KEY` (PEM files: a certificate chain and its
//! key) it speaks HTTPS (HTTP/1.1 by ALPN) instead, for the first-call bench.
//! Prints `loopback-server listening on http://127.0.0.1:<port>`, then serves
//! keep-alive (and pipelined) connections until killed, or until
//! `LIFETIME_SECS` (default 3600) have passed.
//!
//! The parser is hand-written and minimal on purpose: it finds the end of the
//! head, reads `Content-Length` (or skips a chunked body) and answers, with
//! no allocation per request, so one core serves far more calls per second
//! than any client here can send.

use awsop_bench::dynamodb::{get_item_response, PUT_ITEM_RESPONSE};
use awsop_bench::{REQUEST_ID, RESPONSE_BODY};
use std::sync::Arc;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio_rustls::rustls;
use tokio_rustls::TlsAcceptor;

/// A request head or buffered body larger than this closes the connection.
const MAX_BUFFERED: usize = 1 << 20;

fn main() {
    let responses: &'static Responses = Box::leak(Box::new(Responses {
        datazone: leak(format!(
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\
             x-amzn-RequestId: {REQUEST_ID}\r\nContent-Length: {}\r\n\r\n{RESPONSE_BODY}",
            RESPONSE_BODY.len()
        )),
        get_item: leak(dynamodb_response(&get_item_response())),
        put_item: leak(dynamodb_response(PUT_ITEM_RESPONSE)),
    }));
    // A deep backlog: the memory run opens 10,000 connections at once.
    awsop_bench::server::run("loopback-server", 65_535, || {
        let tls = tls_acceptor();
        move |stream| {
            match &tls {
                None => drop(tokio::spawn(serve(stream, responses))),
                Some(tls) => {
                    let tls = tls.clone();
                    tokio::spawn(async move {
                        if let Ok(stream) = tls.accept(stream).await {
                            serve(stream, responses).await;
                        }
                    });
                }
            }
            std::future::ready(())
        }
    });
}

/// The fixed answers, as whole HTTP responses.
struct Responses {
    datazone: &'static [u8],
    get_item: &'static [u8],
    put_item: &'static [u8],
}

impl Responses {
    fn to(&self, answer: Answer) -> &'static [u8] {
        match answer {
            Answer::DataZone => self.datazone,
            Answer::GetItem => self.get_item,
            Answer::PutItem => self.put_item,
        }
    }
}

fn leak(text: String) -> &'static [u8] {
    Box::leak(text.into_bytes().into_boxed_slice())
}

/// A 200 as DynamoDB sends it: its content type, request id and CRC32 header.
fn dynamodb_response(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n\
         x-amzn-RequestId: {REQUEST_ID}\r\nx-amz-crc32: {}\r\nContent-Length: {}\r\n\r\n{body}",
        crc32(body.as_bytes()),
        body.len()
    )
}

/// CRC-32 (IEEE), which DynamoDB puts in `x-amz-crc32` and the SDK checks.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The TLS side, when `TLS_CERT` and `TLS_KEY` name PEM files.
fn tls_acceptor() -> Option<TlsAcceptor> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let (cert, key) = (
        std::env::var("TLS_CERT").ok()?,
        std::env::var("TLS_KEY").ok()?,
    );
    let fail = |what: &str, e: &dyn std::fmt::Display| -> ! {
        eprintln!("loopback-server: {what}: {e}");
        std::process::exit(2)
    };
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&cert)
        .unwrap_or_else(|e| fail(&cert, &e))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| fail(&cert, &e));
    let key = PrivateKeyDer::from_pem_file(&key).unwrap_or_else(|e| fail(&key, &e));
    let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap_or_else(|e| fail("TLS versions", &e))
    .with_no_client_auth()
    .with_single_cert(chain, key)
    .unwrap_or_else(|e| fail("TLS certificate", &e));
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Some(TlsAcceptor::from(Arc::new(config)))
}

async fn serve<S: AsyncRead + AsyncWrite + Unpin>(mut stream: S, responses: &'static Responses) {
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut out: Vec<u8> = Vec::with_capacity(responses.get_item.len());
    loop {
        // Answer every complete request in the buffer (pipelining) with one write.
        let mut start = 0;
        let mut close = false;
        loop {
            match parse(&buf[start..]) {
                Parsed::Complete {
                    len,
                    close: c,
                    answer,
                } => {
                    out.extend_from_slice(responses.to(answer));
                    start += len;
                    if c {
                        close = true;
                        break;
                    }
                }
                Parsed::Partial => break,
                Parsed::Invalid => {
                    let _ = stream
                        .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .await;
                    return;
                }
            }
        }
        if !out.is_empty() {
            if stream.write_all(&out).await.is_err() {
                return;
            }
            out.clear();
        }
        if close {
            return;
        }
        buf.drain(..start);
        if buf.len() > MAX_BUFFERED {
            return;
        }
        buf.reserve(4096);
        match stream.read_buf(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// Which fixed response a request gets.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Answer {
    DataZone,
    GetItem,
    PutItem,
}

#[derive(Debug, PartialEq)]
enum Parsed {
    /// One whole request of `len` bytes; `close` if it asked to close.
    Complete {
        len: usize,
        close: bool,
        answer: Answer,
    },
    /// More bytes needed.
    Partial,
    /// Not HTTP/1.1 we can frame.
    Invalid,
}

fn parse(buf: &[u8]) -> Parsed {
    let Some(head_end) = find(buf, b"\r\n\r\n") else {
        return Parsed::Partial;
    };
    let head = &buf[..head_end];
    let body_start = head_end + 4;
    let mut content_length = 0usize;
    let mut chunked = false;
    let mut close = false;
    let mut answer = Answer::DataZone;
    for line in head.split(|&b| b == b'\n').skip(1) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return Parsed::Invalid;
        };
        let (name, value) = (&line[..colon], line[colon + 1..].trim_ascii());
        if name.eq_ignore_ascii_case(b"content-length") {
            match std::str::from_utf8(value).ok().and_then(|v| v.parse().ok()) {
                Some(n) => content_length = n,
                None => return Parsed::Invalid,
            }
        } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
            chunked = value.eq_ignore_ascii_case(b"chunked");
        } else if name.eq_ignore_ascii_case(b"connection") {
            close = value.eq_ignore_ascii_case(b"close");
        } else if name.eq_ignore_ascii_case(b"x-amz-target") {
            answer = match value {
                b"DynamoDB_20120810.GetItem" => Answer::GetItem,
                b"DynamoDB_20120810.PutItem" => Answer::PutItem,
                _ => Answer::DataZone,
            };
        }
    }
    if chunked {
        return match chunked_len(&buf[body_start..]) {
            Some(Ok(len)) => Parsed::Complete {
                len: body_start + len,
                close,
                answer,
            },
            Some(Err(())) => Parsed::Invalid,
            None => Parsed::Partial,
        };
    }
    if buf.len() - body_start < content_length {
        return Parsed::Partial;
    }
    Parsed::Complete {
        len: body_start + content_length,
        close,
        answer,
    }
}

/// The length of a chunked body (trailers included): `None` if incomplete.
fn chunked_len(body: &[u8]) -> Option<Result<usize, ()>> {
    let mut at = 0;
    loop {
        let line_end = at + find(&body[at..], b"\r\n")?;
        let size_text = body[at..line_end].split(|&b| b == b';').next()?;
        let size = match std::str::from_utf8(size_text.trim_ascii())
            .ok()
            .and_then(|s| usize::from_str_radix(s, 16).ok())
        {
            Some(size) => size,
            None => return Some(Err(())),
        };
        at = line_end + 2;
        if size == 0 {
            // Trailers, then an empty line.
            loop {
                let end = at + find(&body[at..], b"\r\n")?;
                let empty = end == at;
                at = end + 2;
                if empty {
                    return Some(Ok(at));
                }
            }
        }
        if body.len() < at + size + 2 {
            return None;
        }
        at += size + 2;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_ieee() {
        // The check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn frames_content_length_chunked_and_pipelined_requests() {
        let one = b"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc";
        assert_eq!(
            parse(one),
            Parsed::Complete {
                len: one.len(),
                close: false,
                answer: Answer::DataZone,
            }
        );
        assert_eq!(parse(&one[..one.len() - 1]), Parsed::Partial);
        let two = [&one[..], &one[..]].concat();
        assert_eq!(
            parse(&two),
            Parsed::Complete {
                len: one.len(),
                close: false,
                answer: Answer::DataZone,
            }
        );
        let chunked = b"POST /x HTTP/1.1\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        assert_eq!(
            parse(chunked),
            Parsed::Complete {
                len: chunked.len(),
                close: true,
                answer: Answer::DataZone,
            }
        );
        let get = b"POST / HTTP/1.1\r\nX-Amz-Target: DynamoDB_20120810.GetItem\r\nContent-Length: 2\r\n\r\n{}";
        assert_eq!(
            parse(get),
            Parsed::Complete {
                len: get.len(),
                close: false,
                answer: Answer::GetItem,
            }
        );
        assert_eq!(parse(&chunked[..chunked.len() - 2]), Parsed::Partial);
        assert_eq!(parse(b"GET / HTTP/1.1\r\nbad\r\n\r\n"), Parsed::Invalid);
    }
}
