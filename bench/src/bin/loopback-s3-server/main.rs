//! A single-threaded HTTP/1.1 stand-in for S3 on 127.0.0.1, so the `*-s3`
//! drivers measure their clients, not a service:
//!
//! - `GET` with `list-type=2` in the query: the 1,000-key `ListObjectsV2`
//!   page of `awsop_bench::s3` (`application/xml`, `x-amz-request-id`);
//! - any other `GET`: the object, `SIZE_MB` MiB (default 1024) of a fixed
//!   pattern, `application/octet-stream`; `HEAD`: its headers alone;
//! - `PUT`: the body read and thrown away (`Content-Length` bytes, or a
//!   `Transfer-Encoding: chunked` body decoded as it streams), then 200
//!   with `ETag: "bench"`.
//!
//! Usage: `loopback-s3-server [PORT]` (or env `PORT`; default 0, any free
//! port). Prints `loopback-s3-server listening on http://127.0.0.1:<port>`,
//! then serves keep-alive (and pipelined) connections until killed, or
//! until `LIFETIME_SECS` (default 3600) have passed. No signature is checked.
//!
//! Built to cost the clients as little CPU as possible on a 2-core machine
//! they share: the object is written from one static 1 MiB block with
//! large writes (no per-request allocation of the object), a PUT's body is
//! read into one 256 KiB buffer per connection and never copied, and the
//! framing is hand-written (Content-Length, chunked, pipelining).

use std::io;

use awsop_bench::s3::{
    list_objects_v2_page, object_size, OBJECT_ETAG, OBJECT_LAST_MODIFIED, S3_ID_2, S3_REQUEST_ID,
};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// The pattern block the object is written from.
const BLOCK: usize = 1 << 20;
/// The buffer a request body is read into (and discarded from).
const BODY_BUF: usize = 256 * 1024;
/// A request head larger than this closes the connection.
const MAX_HEAD: usize = 64 * 1024;

fn main() {
    let answers = Answers::leak(object_size());
    awsop_bench::server::run("loopback-s3-server", 4096, || {
        move |stream| {
            tokio::spawn(async move {
                // A client that goes away mid-request is not the server's
                // failure: nothing to report.
                let _ = serve(stream, answers).await;
            });
            std::future::ready(())
        }
    });
}

/// Everything the server answers with, built once.
struct Answers {
    /// The whole `ListObjectsV2` response, head and page.
    list: &'static [u8],
    /// The head of a GET or HEAD of the object.
    object_head: &'static [u8],
    /// The whole answer to a PUT.
    put: &'static [u8],
    /// The pattern block the object's bytes are written from.
    block: &'static [u8],
    /// The object's size.
    size: u64,
}

impl Answers {
    /// Builds the answers for an object of `size` bytes, for the process's
    /// lifetime.
    fn leak(size: u64) -> &'static Answers {
        let page = list_objects_v2_page();
        let list = format!(
            "HTTP/1.1 200 OK\r\nx-amz-id-2: {S3_ID_2}\r\nx-amz-request-id: {S3_REQUEST_ID}\r\n\
             Content-Type: application/xml\r\nContent-Length: {}\r\nServer: AmazonS3\r\n\r\n{page}",
            page.len()
        );
        let object_head = format!(
            "HTTP/1.1 200 OK\r\nx-amz-id-2: {S3_ID_2}\r\nx-amz-request-id: {S3_REQUEST_ID}\r\n\
             Last-Modified: {OBJECT_LAST_MODIFIED}\r\nETag: {OBJECT_ETAG}\r\nAccept-Ranges: bytes\r\n\
             Content-Type: application/octet-stream\r\nContent-Length: {size}\r\nServer: AmazonS3\r\n\r\n"
        );
        let put = format!(
            "HTTP/1.1 200 OK\r\nx-amz-id-2: {S3_ID_2}\r\nx-amz-request-id: {S3_REQUEST_ID}\r\n\
             ETag: {OBJECT_ETAG}\r\nContent-Length: 0\r\nServer: AmazonS3\r\n\r\n"
        );
        // Not a run of one byte: a client that compressed or deduplicated
        // would otherwise look faster than it is.
        let block: Vec<u8> = (0..BLOCK as u32).map(|i| (i % 251) as u8).collect();
        Box::leak(Box::new(Answers {
            list: leak(list.into_bytes()),
            object_head: leak(object_head.into_bytes()),
            put: leak(put.into_bytes()),
            block: leak(block),
            size,
        }))
    }
}

fn leak(bytes: Vec<u8>) -> &'static [u8] {
    Box::leak(bytes.into_boxed_slice())
}

const NOT_ALLOWED: &[u8] = b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n";
const BAD_REQUEST: &[u8] =
    b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

/// Serves one connection: request after request, each head parsed, its
/// body drained by its framing, its answer written, until the client
/// closes, asks to close, or sends what cannot be framed.
async fn serve<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    answers: &Answers,
) -> io::Result<()> {
    // Bytes read but not yet used: the next request's head, and whatever
    // followed it in the same read (its body's start, pipelined requests).
    let mut pending: Vec<u8> = Vec::with_capacity(8192);
    let mut body_buf = vec![0u8; BODY_BUF];
    loop {
        let mut scanned = 0;
        let head_end = loop {
            if let Some(end) = find_head_end(&pending, scanned) {
                break end;
            }
            // Where the next search starts: "\r\n\r\n" may straddle reads.
            scanned = pending.len().saturating_sub(3);
            if pending.len() > MAX_HEAD {
                return stream.write_all(BAD_REQUEST).await;
            }
            pending.reserve(8192);
            if stream.read_buf(&mut pending).await? == 0 {
                // Closed between requests (or inside a head): done.
                return Ok(());
            }
        };
        let head = match parse_head(&pending[..head_end]) {
            Ok(head) => head,
            Err(()) => return stream.write_all(BAD_REQUEST).await,
        };
        pending.drain(..head_end);
        if head.expect_continue {
            stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").await?;
        }
        drain_body(&mut stream, &mut pending, &mut body_buf, head.body).await?;
        match head.method {
            Method::Get if head.list => stream.write_all(answers.list).await?,
            Method::Get => {
                stream.write_all(answers.object_head).await?;
                let mut left = answers.size;
                while left > 0 {
                    let n = answers
                        .block
                        .len()
                        .min(usize::try_from(left).unwrap_or(BLOCK));
                    stream.write_all(&answers.block[..n]).await?;
                    left -= n as u64;
                }
            }
            Method::Head => stream.write_all(answers.object_head).await?,
            Method::Put => stream.write_all(answers.put).await?,
            Method::Other => stream.write_all(NOT_ALLOWED).await?,
        }
        if head.close {
            return stream.shutdown().await;
        }
    }
}

/// Reads and discards a request body framed as `framing`: bytes already in
/// `pending` first, then from `stream` into `buf`. What follows the body
/// (a pipelined request) is left in `pending`.
async fn drain_body<S: AsyncRead + Unpin>(
    stream: &mut S,
    pending: &mut Vec<u8>,
    buf: &mut [u8],
    framing: Framing,
) -> io::Result<()> {
    let eof = || io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed in a body");
    match framing {
        Framing::Length(length) => {
            let buffered = usize::try_from(length)
                .unwrap_or(usize::MAX)
                .min(pending.len());
            pending.drain(..buffered);
            let mut left = length - buffered as u64;
            while left > 0 {
                // Never past the body's end: what follows stays in the socket.
                let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
                let n = stream.read(&mut buf[..want]).await?;
                if n == 0 {
                    return Err(eof());
                }
                left -= n as u64;
            }
            Ok(())
        }
        Framing::Chunked => {
            let mut chunks = ChunkedSkipper::default();
            let used = chunks.feed(pending)?;
            pending.drain(..used);
            while !chunks.is_done() {
                // The chunk sizes alone say where the body ends, so a read
                // may run past it: the rest goes back to `pending`.
                let n = stream.read(buf).await?;
                if n == 0 {
                    return Err(eof());
                }
                let used = chunks.feed(&buf[..n])?;
                pending.extend_from_slice(&buf[used..n]);
            }
            Ok(())
        }
    }
}

/// The methods the server tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Head,
    Put,
    Other,
}

/// How a request's body is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    /// `Content-Length` bytes (0 without the header).
    Length(u64),
    /// `Transfer-Encoding: chunked`.
    Chunked,
}

/// What the server needs of a request head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Head {
    method: Method,
    /// A `ListObjectsV2` (`list-type=2` in the query).
    list: bool,
    body: Framing,
    /// The client asked to close after this request (or speaks HTTP/1.0).
    close: bool,
    /// `Expect: 100-continue`: the client may wait for a 100 to send the body.
    expect_continue: bool,
}

/// The end of the first request head in `buf` (just past its empty line),
/// searching from `from`.
fn find_head_end(buf: &[u8], from: usize) -> Option<usize> {
    buf.get(from..)?
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| from + at + 4)
}

/// Parses a request head (request line and headers, with or without the
/// final empty line).
fn parse_head(head: &[u8]) -> Result<Head, ()> {
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    let mut request_line = lines.next().ok_or(())?.split(|&b| b == b' ');
    let method = match request_line.next().ok_or(())? {
        b"GET" => Method::Get,
        b"HEAD" => Method::Head,
        b"PUT" => Method::Put,
        b"" => return Err(()),
        _ => Method::Other,
    };
    let target = request_line.next().ok_or(())?;
    let http10 = match request_line.next().ok_or(())? {
        b"HTTP/1.1" => false,
        b"HTTP/1.0" => true,
        _ => return Err(()),
    };
    let list = target.iter().position(|&b| b == b'?').is_some_and(|q| {
        target[q + 1..]
            .split(|&b| b == b'&')
            .any(|p| p == b"list-type=2")
    });
    let mut length = None;
    let mut chunked = false;
    let mut close = http10;
    let mut expect_continue = false;
    for line in lines.filter(|line| !line.is_empty()) {
        let colon = line.iter().position(|&b| b == b':').ok_or(())?;
        let (name, value) = (&line[..colon], line[colon + 1..].trim_ascii());
        if name.eq_ignore_ascii_case(b"content-length") {
            let n: u64 = std::str::from_utf8(value)
                .ok()
                .and_then(|v| v.parse().ok())
                .ok_or(())?;
            if length.is_some_and(|m| m != n) {
                return Err(());
            }
            length = Some(n);
        } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
            // Only chunked (last) can be framed; gzip and the like under it
            // would still be chunked on the wire, but no client here sends them.
            let last = value.rsplit(|&b| b == b',').next().map(<[u8]>::trim_ascii);
            if !last.is_some_and(|c| c.eq_ignore_ascii_case(b"chunked")) {
                return Err(());
            }
            chunked = true;
        } else if name.eq_ignore_ascii_case(b"connection") {
            for token in value.split(|&b| b == b',').map(<[u8]>::trim_ascii) {
                if token.eq_ignore_ascii_case(b"close") {
                    close = true;
                } else if token.eq_ignore_ascii_case(b"keep-alive") {
                    close = false;
                }
            }
        } else if name.eq_ignore_ascii_case(b"expect") {
            expect_continue = value.eq_ignore_ascii_case(b"100-continue");
        }
    }
    Ok(Head {
        method,
        list,
        // Transfer-Encoding wins over Content-Length (RFC 9112, 6.3).
        body: if chunked {
            Framing::Chunked
        } else {
            Framing::Length(length.unwrap_or(0))
        },
        close,
        expect_continue,
    })
}

/// Where a [`ChunkedSkipper`] is in a chunked body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Chunk {
    /// At the first byte of a chunk-size line.
    #[default]
    SizeStart,
    /// In a chunk-size line: the size so far, and whether its digits have
    /// ended (an extension after `;`, or whitespace, is skipped to the CR).
    Size {
        size: u64,
        past_digits: bool,
    },
    /// After the size line's CR.
    SizeLf {
        size: u64,
    },
    /// Inside chunk data: bytes left.
    Data(u64),
    /// After chunk data: its CR, then its LF.
    DataCr,
    DataLf,
    /// At the start of a trailer line (or of the final empty line).
    TrailerStart,
    /// Inside a trailer field, skipped to its LF.
    Trailer,
    /// After the final empty line's CR.
    EndLf,
    /// The body has ended.
    Done,
}

/// A streaming decoder of a chunked body that only finds its end: chunk
/// data is skipped by count (never looked at), sizes, extensions and
/// trailers are parsed byte by byte, and input may be split anywhere.
#[derive(Debug, Default)]
struct ChunkedSkipper {
    state: Chunk,
}

impl ChunkedSkipper {
    fn is_done(&self) -> bool {
        self.state == Chunk::Done
    }

    /// Consumes `input` up to the body's end; returns how many bytes were
    /// the body's (all of `input` unless the body ended inside it).
    fn feed(&mut self, input: &[u8]) -> io::Result<usize> {
        let bad =
            |what: &str| io::Error::new(io::ErrorKind::InvalidData, format!("chunked: {what}"));
        let mut at = 0;
        while at < input.len() {
            let byte = input[at];
            self.state = match self.state {
                Chunk::Done => return Ok(at),
                Chunk::Data(left) => {
                    let take = usize::try_from(left)
                        .unwrap_or(usize::MAX)
                        .min(input.len() - at);
                    at += take;
                    let left = left - take as u64;
                    self.state = if left == 0 {
                        Chunk::DataCr
                    } else {
                        Chunk::Data(left)
                    };
                    continue;
                }
                Chunk::SizeStart => match hex(byte) {
                    Some(d) => Chunk::Size {
                        size: d,
                        past_digits: false,
                    },
                    None => return Err(bad("a chunk size must start with a hex digit")),
                },
                Chunk::Size { size, past_digits } => match (byte, hex(byte)) {
                    (b'\r', _) => Chunk::SizeLf { size },
                    (_, Some(d)) if !past_digits => Chunk::Size {
                        size: size
                            .checked_mul(16)
                            .map(|s| s + d)
                            .ok_or_else(|| bad("chunk size overflows"))?,
                        past_digits,
                    },
                    // An extension (`;name=value`) or whitespace: skipped to CR.
                    (b';' | b' ' | b'\t', _) => Chunk::Size {
                        size,
                        past_digits: true,
                    },
                    (b'\n', _) => return Err(bad("bare LF in a chunk size line")),
                    _ if past_digits => Chunk::Size { size, past_digits },
                    _ => return Err(bad("bad chunk size")),
                },
                Chunk::SizeLf { size } => match (byte, size) {
                    (b'\n', 0) => Chunk::TrailerStart,
                    (b'\n', size) => Chunk::Data(size),
                    _ => return Err(bad("CR without LF after a chunk size")),
                },
                Chunk::DataCr => match byte {
                    b'\r' => Chunk::DataLf,
                    _ => return Err(bad("chunk data longer than its size")),
                },
                Chunk::DataLf => match byte {
                    b'\n' => Chunk::SizeStart,
                    _ => return Err(bad("CR without LF after chunk data")),
                },
                Chunk::TrailerStart => match byte {
                    b'\r' => Chunk::EndLf,
                    b'\n' => return Err(bad("bare LF ending a chunked body")),
                    _ => Chunk::Trailer,
                },
                Chunk::Trailer => match byte {
                    b'\n' => Chunk::TrailerStart,
                    _ => Chunk::Trailer,
                },
                Chunk::EndLf => match byte {
                    b'\n' => Chunk::Done,
                    _ => return Err(bad("CR without LF ending a chunked body")),
                },
            };
            at += 1;
        }
        Ok(at)
    }
}

fn hex(byte: u8) -> Option<u64> {
    (byte as char).to_digit(16).map(u64::from)
}


#[cfg(test)]
mod tests;
