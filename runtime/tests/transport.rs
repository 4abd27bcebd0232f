//! The default reqwest transport against real loopback sockets.

use std::time::Duration;

use awsop_runtime::error::DispatchErrorKind;
use awsop_runtime::http::HttpRequest;
use awsop_runtime::transport::{HttpClient, ReqwestClient, TransportSettings};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Serves every connection with `reply(request_text)`, reading one request
/// head at a time, keeping the connection open between requests.
async fn serve(reply: fn(&str) -> Vec<u8>) -> (String, tokio::task::JoinHandle<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let mut connections = 0;
        while let Ok(Ok((mut socket, _))) =
            tokio::time::timeout(Duration::from_millis(1500), listener.accept()).await
        {
            connections += 1;
            tokio::spawn(async move {
                let mut buf = vec![0u8; 65536];
                let mut filled = 0;
                loop {
                    let Ok(n) = socket.read(&mut buf[filled..]).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    filled += n;
                    let text = String::from_utf8_lossy(&buf[..filled]).to_string();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let head = &text[..end];
                        let length = head
                            .lines()
                            .find_map(|l| {
                                l.to_ascii_lowercase()
                                    .strip_prefix("content-length:")
                                    .map(|v| v.trim().parse::<usize>().unwrap())
                            })
                            .unwrap_or(0);
                        if filled < end + 4 + length {
                            continue;
                        }
                        let request = text[..end + 4 + length].to_string();
                        filled = 0;
                        if socket.write_all(&reply(&request)).await.is_err() {
                            return;
                        }
                    }
                }
            });
        }
        connections
    });
    (url, task)
}

fn client(cap: usize) -> ReqwestClient {
    ReqwestClient::new(TransportSettings {
        max_response_bytes: cap,
        ..TransportSettings::default()
    })
    .unwrap()
}

#[tokio::test]
async fn sends_method_headers_body_and_pools_connections() {
    let (url, server) = serve(|request| {
        let echo = request.replace("\r\n", "|");
        format!(
            "HTTP/1.1 201 Created\r\nx-amzn-requestid: r1\r\ncontent-length: {}\r\n\r\n{}",
            echo.len(),
            echo
        )
        .into_bytes()
    })
    .await;
    let http = client(1 << 20);
    for _ in 0..5 {
        let mut request = HttpRequest::new(http::Method::POST, format!("{url}/v2/x?y=z"));
        request
            .headers
            .insert("content-type", "application/json".parse().unwrap());
        request.body = r#"{"a":1}"#.into();
        let response = http.call(request).await.unwrap();
        assert_eq!(response.status, 201);
        assert_eq!(response.header("x-amzn-requestid"), Some("r1"));
        let echo = String::from_utf8(response.body.to_vec()).unwrap();
        assert!(echo.starts_with("POST /v2/x?y=z HTTP/1.1|"), "{echo}");
        assert!(echo.contains("content-type: application/json|"), "{echo}");
        assert!(echo.ends_with(r#"{"a":1}"#), "{echo}");
    }
    assert_eq!(
        server.await.unwrap(),
        1,
        "all five calls share one pooled connection"
    );
}

#[tokio::test]
async fn responses_over_the_cap_fail_without_buffering_them() {
    // Declared length over the cap.
    let (url, _server) =
        serve(|_| b"HTTP/1.1 200 OK\r\ncontent-length: 5000000\r\n\r\nxxxx".to_vec()).await;
    let err = client(1024)
        .call(HttpRequest::new(http::Method::GET, url))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), DispatchErrorKind::BodyTooLarge);

    // Chunked, no declared length: cut off while streaming.
    let (url, _server) = serve(|_| {
        let mut out = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n".to_vec();
        for _ in 0..64 {
            out.extend_from_slice(b"400\r\n");
            out.extend_from_slice(&[b'a'; 0x400]);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\n\r\n");
        out
    })
    .await;
    let err = client(4096)
        .call(HttpRequest::new(http::Method::GET, url))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), DispatchErrorKind::BodyTooLarge);
    assert!(err.to_string().contains("4096"));
}

#[tokio::test]
async fn truncated_bodies_and_garbage_are_io_errors() {
    let (url, _server) =
        serve(|_| b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nshort".to_vec()).await;
    // The server keeps the socket open, so close it by dropping: use a
    // reply that ends the connection instead.
    let (url2, _server2) = serve(|_| b"NOT HTTP AT ALL\r\n\r\n".to_vec()).await;
    let err = client(1 << 20)
        .call(HttpRequest::new(http::Method::GET, url2))
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), DispatchErrorKind::Io | DispatchErrorKind::Other),
        "{err:?}"
    );
    drop(url);
}

#[tokio::test]
async fn connection_refused_is_a_connect_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let err = client(1024)
        .call(HttpRequest::new(http::Method::GET, url))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), DispatchErrorKind::Connect);
}
