//! A single-threaded HTTP/1.1 server on 127.0.0.1 that answers every request
//! with the same DataZone `CreateUserProfile` 201, so the load drivers
//! measure their clients, not a service.
//!
//! Usage: `loopback-server [PORT]` (or env `PORT`; default 0, any free port).
//! Prints `loopback-server listening on http://127.0.0.1:<port>`, then serves
//! keep-alive (and pipelined) connections until killed, or until
//! `LIFETIME_SECS` (default 3600) have passed.
//!
//! The parser is hand-written and minimal on purpose: it finds the end of the
//! head, reads `Content-Length` (or skips a chunked body) and answers, with
//! no allocation per request, so one core serves far more calls per second
//! than any client here can send.

use std::io::Write as _;
use std::net::SocketAddr;
use std::time::Duration;

use awsop_bench::{REQUEST_ID, RESPONSE_BODY};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// A request head or buffered body larger than this closes the connection.
const MAX_BUFFERED: usize = 1 << 20;

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("PORT").ok())
        .map(|p| {
            p.trim().parse().unwrap_or_else(|_| {
                eprintln!("PORT must be a port number, got {p:?}");
                std::process::exit(2)
            })
        })
        .unwrap_or(0);
    let lifetime = std::env::var("LIFETIME_SECS")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(3600u64);

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async move {
        let socket = TcpSocket::new_v4().expect("socket");
        socket.set_reuseaddr(true).expect("SO_REUSEADDR");
        socket
            .bind(SocketAddr::from(([127, 0, 0, 1], port)))
            .unwrap_or_else(|e| {
                eprintln!("cannot bind 127.0.0.1:{port}: {e}");
                std::process::exit(1)
            });
        // A deep backlog: the memory run opens 10,000 connections at once.
        let listener = socket.listen(65_535).expect("listen");
        let addr = listener.local_addr().expect("local addr");
        println!("loopback-server listening on http://{addr}");
        let _ = std::io::stdout().flush();

        let response: &'static [u8] = Box::leak(
            format!(
                "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\
                 x-amzn-RequestId: {REQUEST_ID}\r\nContent-Length: {}\r\n\r\n{RESPONSE_BODY}",
                RESPONSE_BODY.len()
            )
            .into_bytes()
            .into_boxed_slice(),
        );

        let accept = async {
            loop {
                match listener.accept().await {
                    Ok((stream, _)) => {
                        let _ = stream.set_nodelay(true);
                        tokio::spawn(serve(stream, response));
                    }
                    // Out of file descriptors and the like: back off, keep serving.
                    Err(_) => tokio::time::sleep(Duration::from_millis(5)).await,
                }
            }
        };
        tokio::select! {
            () = accept => {}
            () = tokio::time::sleep(Duration::from_secs(lifetime)) => {
                eprintln!("loopback-server: LIFETIME_SECS={lifetime} reached, exiting");
            }
        }
    });
}

async fn serve(mut stream: TcpStream, response: &'static [u8]) {
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut out: Vec<u8> = Vec::with_capacity(response.len());
    loop {
        // Answer every complete request in the buffer (pipelining) with one write.
        let mut start = 0;
        let mut close = false;
        loop {
            match parse(&buf[start..]) {
                Parsed::Complete { len, close: c } => {
                    out.extend_from_slice(response);
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

#[derive(Debug, PartialEq)]
enum Parsed {
    /// One whole request of `len` bytes; `close` if it asked to close.
    Complete { len: usize, close: bool },
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
    for line in head.split(|&b| b == b'\n').skip(1) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return Parsed::Invalid;
        };
        let (name, value) = (&line[..colon], trim(&line[colon + 1..]));
        if name.eq_ignore_ascii_case(b"content-length") {
            match std::str::from_utf8(value).ok().and_then(|v| v.parse().ok()) {
                Some(n) => content_length = n,
                None => return Parsed::Invalid,
            }
        } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
            chunked = value.eq_ignore_ascii_case(b"chunked");
        } else if name.eq_ignore_ascii_case(b"connection") {
            close = value.eq_ignore_ascii_case(b"close");
        }
    }
    if chunked {
        return match chunked_len(&buf[body_start..]) {
            Some(Ok(len)) => Parsed::Complete {
                len: body_start + len,
                close,
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
    }
}

/// The length of a chunked body (trailers included): `None` if incomplete.
fn chunked_len(body: &[u8]) -> Option<Result<usize, ()>> {
    let mut at = 0;
    loop {
        let line_end = at + find(&body[at..], b"\r\n")?;
        let size_text = body[at..line_end].split(|&b| b == b';').next()?;
        let size = match std::str::from_utf8(trim(size_text))
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

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |i| i + 1);
    &bytes[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_content_length_chunked_and_pipelined_requests() {
        let one = b"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc";
        assert_eq!(
            parse(one),
            Parsed::Complete {
                len: one.len(),
                close: false
            }
        );
        assert_eq!(parse(&one[..one.len() - 1]), Parsed::Partial);
        let two = [&one[..], &one[..]].concat();
        assert_eq!(
            parse(&two),
            Parsed::Complete {
                len: one.len(),
                close: false
            }
        );
        let chunked = b"POST /x HTTP/1.1\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        assert_eq!(
            parse(chunked),
            Parsed::Complete {
                len: chunked.len(),
                close: true
            }
        );
        assert_eq!(parse(&chunked[..chunked.len() - 2]), Parsed::Partial);
        assert_eq!(parse(b"GET / HTTP/1.1\r\nbad\r\n\r\n"), Parsed::Invalid);
    }
}
