//! A loopback HTTP/1.1 server that answers every request with the bytes
//! the test set last (status line, headers and body, verbatim: invalid
//! UTF-8, lying lengths and all), then closes the connection. It counts
//! the body bytes it managed to write, so a test can see how much a client
//! took in before it stopped reading.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the server sends.
#[derive(Clone, Default)]
pub struct Reply {
    /// The status line and headers (each ending in CRLF), without the
    /// blank line.
    pub head: String,
    /// The body, written in pieces of 64 KiB.
    pub body: Arc<Vec<u8>>,
}

impl Reply {
    /// `status` with `headers` and a `Content-Length` of the body's size.
    pub fn new(status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Self {
        let body = body.into();
        let mut head = format!(
            "HTTP/1.1 {status} Hostile\r\nconnection: close\r\ncontent-length: {}\r\n",
            body.len()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        Reply {
            head,
            body: Arc::new(body),
        }
    }

    /// The head alone, verbatim (a test that declares its own length).
    pub fn raw(head: impl Into<String>, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            head: head.into(),
            body: Arc::new(body.into()),
        }
    }
}

pub struct RawServer {
    pub url: String,
    reply: Arc<Mutex<Reply>>,
    /// Body bytes written, over all connections.
    pub written: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl RawServer {
    pub async fn start() -> RawServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let reply = Arc::new(Mutex::new(Reply::default()));
        let written = Arc::new(AtomicUsize::new(0));
        let (r, w) = (reply.clone(), written.clone());
        let task = tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let reply = r.lock().unwrap().clone();
                let written = w.clone();
                tokio::spawn(async move {
                    let mut seen = Vec::new();
                    let mut chunk = [0u8; 4096];
                    // The whole request (head, and the body its
                    // `content-length` announces), so closing after the
                    // answer never resets a connection with unread bytes.
                    let end = loop {
                        if let Some(end) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
                            break end + 4;
                        }
                        match stream.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => seen.extend_from_slice(&chunk[..n]),
                        }
                    };
                    let length = String::from_utf8_lossy(&seen[..end])
                        .lines()
                        .filter_map(|l| l.split_once(':'))
                        .find(|(n, _)| n.trim().eq_ignore_ascii_case("content-length"))
                        .and_then(|(_, v)| v.trim().parse::<usize>().ok())
                        .unwrap_or(0);
                    while seen.len() < end + length {
                        match stream.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => seen.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let head = format!("{}\r\n", reply.head);
                    if stream.write_all(head.as_bytes()).await.is_err() {
                        return;
                    }
                    for piece in reply.body.chunks(64 * 1024) {
                        if stream.write_all(piece).await.is_err() {
                            return;
                        }
                        written.fetch_add(piece.len(), Ordering::SeqCst);
                    }
                    let _ = stream.shutdown().await;
                });
            }
        });
        RawServer {
            url,
            reply,
            written,
            task,
        }
    }

    /// Answers every later request with `reply`.
    pub fn set(&self, reply: Reply) {
        *self.reply.lock().unwrap() = reply;
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
