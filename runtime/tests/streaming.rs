//! Streaming bodies through the hyper transport against a loopback server:
//! responses read as consumed (not capped, back-pressured), connections
//! pooled when a body is read to its end and closed when it is dropped,
//! request bodies streamed with their declared length.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use awsop_runtime::body::ByteStream;
use awsop_runtime::error::DispatchErrorKind;
use awsop_runtime::http::HttpRequest;
use awsop_runtime::transport::{HttpClient, HyperClient, TransportSettings};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Default)]
struct Counters {
    connections: AtomicUsize,
    /// Response body bytes the server has written.
    written: AtomicU64,
    /// Request body bytes the server has read.
    received: AtomicU64,
}

/// `GET /bytes/N` answers N bytes (byte i is `i % 251`), written 64 KiB at
/// a time; `PUT` reads the body and answers its length and byte sum.
async fn serve() -> (String, Arc<Counters>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let counters = Arc::new(Counters::default());
    let shared = counters.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            shared.connections.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(connection(socket, shared.clone()));
        }
    });
    (url, counters)
}

async fn connection(mut socket: TcpStream, counters: Arc<Counters>) {
    loop {
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            match socket.read(&mut byte).await {
                Ok(1) => head.push(byte[0]),
                _ => return,
            }
        }
        let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
        let length: u64 = head
            .lines()
            .find_map(|l| {
                l.strip_prefix("content-length:")
                    .map(|v| v.trim().parse().unwrap())
            })
            .unwrap_or(0);
        let target = head.split(' ').nth(1).unwrap_or_default().to_owned();
        if head.starts_with("put") {
            let (mut left, mut sum, mut buf) = (length, 0u64, vec![0u8; 65536]);
            while left > 0 {
                let want = buf.len().min(left as usize);
                let Ok(n) = socket.read(&mut buf[..want]).await else {
                    return;
                };
                if n == 0 {
                    return;
                }
                sum = buf[..n]
                    .iter()
                    .fold(sum, |s, b| s.wrapping_add(u64::from(*b)));
                left -= n as u64;
                counters.received.fetch_add(n as u64, Ordering::SeqCst);
            }
            let reply = format!(
                "HTTP/1.1 200 OK\r\ncontent-length: 0\r\nx-length: {length}\r\nx-sum: {sum}\r\n\r\n"
            );
            if socket.write_all(reply.as_bytes()).await.is_err() {
                return;
            }
            continue;
        }
        let n: u64 = target.trim_start_matches("/bytes/").parse().unwrap_or(0);
        let reply = format!("HTTP/1.1 200 OK\r\ncontent-length: {n}\r\n\r\n");
        if socket.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
        let mut sent = 0u64;
        while sent < n {
            let chunk: Vec<u8> = (sent..(sent + 65536).min(n))
                .map(|i| (i % 251) as u8)
                .collect();
            if socket.write_all(&chunk).await.is_err() {
                return;
            }
            sent += chunk.len() as u64;
            counters
                .written
                .fetch_add(chunk.len() as u64, Ordering::SeqCst);
        }
    }
}

fn client(max_response_bytes: usize) -> HyperClient {
    HyperClient::new(TransportSettings {
        max_response_bytes,
        read_timeout: Some(Duration::from_secs(10)),
        ..TransportSettings::default()
    })
    .unwrap()
}

fn get(url: &str, n: u64) -> HttpRequest {
    HttpRequest::new(http::Method::GET, format!("{url}/bytes/{n}"))
}

#[tokio::test]
async fn a_streamed_response_is_read_as_consumed_and_not_capped() {
    let (url, counters) = serve().await;
    let client = client(1024 * 1024);
    let total: u64 = 64 * 1024 * 1024;
    let mut response = client.call_streaming(get(&url, total), None).await.unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(response.body.content_length(), Some(total));
    let first = response.body.next().await.unwrap().unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The reader paused: the server is held back by the socket's buffers,
    // far short of the whole body.
    let written = counters.written.load(Ordering::SeqCst);
    assert!(
        written < total / 2,
        "the server wrote {written} of {total} bytes unread"
    );
    let mut read = first.len() as u64;
    for (i, b) in first.iter().enumerate() {
        assert_eq!(usize::from(*b), i % 251);
    }
    while let Some(chunk) = response.body.next().await {
        let chunk = chunk.unwrap();
        assert!(chunk.len() <= 4 * 1024 * 1024, "chunks stay small");
        assert_eq!(u64::from(chunk[0]), read % 251);
        read += chunk.len() as u64;
    }
    assert_eq!(read, total, "64 MiB through a client capped at 1 MiB");

    // Buffered (as errors are), the same answer is cut at the cap.
    let buffered = client.call_streaming(get(&url, total), None).await.unwrap();
    let err = buffered.into_buffered().await.unwrap_err();
    assert_eq!(err.kind(), DispatchErrorKind::BodyTooLarge);
    let err = client.call(get(&url, total)).await.unwrap_err();
    assert_eq!(err.kind(), DispatchErrorKind::BodyTooLarge);
}

#[tokio::test]
async fn a_body_read_to_its_end_returns_its_connection_and_a_dropped_one_closes_it() {
    let (url, counters) = serve().await;
    let client = client(1024);
    for _ in 0..3 {
        let response = client
            .call_streaming(get(&url, 300_000), None)
            .await
            .unwrap();
        assert_eq!(response.body.collect().await.unwrap().len(), 300_000);
    }
    assert_eq!(
        counters.connections.load(Ordering::SeqCst),
        1,
        "one pooled connection"
    );

    let mut dropped = client
        .call_streaming(get(&url, 8 * 1024 * 1024), None)
        .await
        .unwrap();
    dropped.body.next().await.unwrap().unwrap();
    drop(dropped);
    let response = client.call_streaming(get(&url, 1000), None).await.unwrap();
    assert_eq!(response.body.collect().await.unwrap().len(), 1000);
    assert_eq!(
        counters.connections.load(Ordering::SeqCst),
        2,
        "a half-read connection is not reused"
    );
}

#[tokio::test]
async fn a_request_body_streams_with_its_declared_length() {
    let (url, counters) = serve().await;
    let client = client(1024);
    let total = 8 * 1024 * 1024u64;
    let data: Vec<u8> = (0..total).map(|i| (i % 7) as u8).collect();
    let sum = data.iter().fold(0u64, |s, b| s.wrapping_add(u64::from(*b)));
    let reader = std::io::Cursor::new(data);
    let request = HttpRequest::new(http::Method::PUT, format!("{url}/upload"));
    let response = client
        .call_streaming(request, Some(ByteStream::from_reader(reader, total)))
        .await
        .unwrap()
        .into_buffered()
        .await
        .unwrap();
    assert_eq!(response.header("x-length"), Some(&*total.to_string()));
    assert_eq!(response.header("x-sum"), Some(&*sum.to_string()));
    assert_eq!(counters.received.load(Ordering::SeqCst), total);

    // Shorter than declared: the request fails, it is not sent short.
    let request = HttpRequest::new(http::Method::PUT, format!("{url}/upload"));
    let short = ByteStream::from_reader(&b"ten bytes!"[..], 20);
    let err = client
        .call_streaming(request, Some(short))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), DispatchErrorKind::Io, "{err}");
}

#[test]
fn byte_streams_are_send_and_sync() {
    fn check<T: Send + Sync + 'static>() {}
    check::<ByteStream>();
}
