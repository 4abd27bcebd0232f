//! The transports (the default hyper one, and the optional reqwest one)
//! against real loopback sockets: every test runs against both.

use std::time::Duration;

use awsop_runtime::error::DispatchErrorKind;
use awsop_runtime::http::HttpRequest;
use awsop_runtime::transport::{HttpClient, HyperClient, ReqwestClient, TransportSettings};
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

/// Both transports, named, with a response size cap of `cap` bytes.
fn clients(cap: usize) -> Vec<(&'static str, Box<dyn HttpClient>)> {
    let settings = TransportSettings {
        max_response_bytes: cap,
        ..TransportSettings::default()
    };
    vec![
        (
            "hyper",
            Box::new(HyperClient::new(settings.clone()).unwrap()),
        ),
        ("reqwest", Box::new(ReqwestClient::new(settings).unwrap())),
    ]
}

#[tokio::test]
async fn sends_method_headers_body_and_pools_connections() {
    for (name, http) in clients(1 << 20) {
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
        for _ in 0..5 {
            let mut request = HttpRequest::new(http::Method::POST, format!("{url}/v2/x?y=z"));
            request
                .headers
                .insert("content-type", "application/json".parse().unwrap());
            request.body = r#"{"a":1}"#.into();
            let response = http.call(request).await.unwrap();
            assert_eq!(response.status, 201, "{name}");
            assert_eq!(response.header("x-amzn-requestid"), Some("r1"), "{name}");
            let echo = String::from_utf8(response.body.to_vec()).unwrap();
            assert!(
                echo.starts_with("POST /v2/x?y=z HTTP/1.1|"),
                "{name}: {echo}"
            );
            assert!(
                echo.contains("content-type: application/json|"),
                "{name}: {echo}"
            );
            assert!(echo.ends_with(r#"{"a":1}"#), "{name}: {echo}");
        }
        assert_eq!(
            server.await.unwrap(),
            1,
            "{name}: five calls share one pooled connection"
        );
    }
}

#[tokio::test]
async fn responses_over_the_cap_fail_without_buffering_them() {
    // Declared length over the cap.
    let (url, _server) =
        serve(|_| b"HTTP/1.1 200 OK\r\ncontent-length: 5000000\r\n\r\nxxxx".to_vec()).await;
    for (name, http) in clients(1024) {
        let err = http
            .call(HttpRequest::new(http::Method::GET, url.clone()))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), DispatchErrorKind::BodyTooLarge, "{name}");
    }

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
    for (name, http) in clients(4096) {
        let err = http
            .call(HttpRequest::new(http::Method::GET, url.clone()))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), DispatchErrorKind::BodyTooLarge, "{name}");
        assert!(err.to_string().contains("4096"), "{name}");
    }
}

/// Answers one connection with `raw` bytes, then closes it.
async fn answer_once_and_close(raw: &'static [u8]) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 4096];
        let _ = socket.read(&mut buf).await;
        let _ = socket.write_all(raw).await;
        let _ = socket.shutdown().await;
    });
    url
}

#[tokio::test]
async fn truncated_bodies_and_garbage_are_io_errors() {
    for (name, http) in clients(1 << 20) {
        let url =
            answer_once_and_close(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nshort").await;
        let err = http
            .call(HttpRequest::new(http::Method::GET, url))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), DispatchErrorKind::Io, "{name}: {err:?}");

        let url = answer_once_and_close(b"NOT HTTP AT ALL\r\n\r\n").await;
        let err = http
            .call(HttpRequest::new(http::Method::GET, url))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), DispatchErrorKind::Io, "{name}: {err:?}");
    }
}

#[tokio::test]
async fn connection_refused_is_a_connect_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    for (name, http) in clients(1024) {
        let err = http
            .call(HttpRequest::new(http::Method::GET, url.clone()))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), DispatchErrorKind::Connect, "{name}");
    }
}

#[tokio::test]
async fn concurrent_requests_are_limited() {
    // Count the most connections open at once while 40 calls run together.
    let (url, server) = serve(|_| {
        std::thread::sleep(Duration::from_millis(20));
        b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n".to_vec()
    })
    .await;
    let http = std::sync::Arc::new(
        HyperClient::new(TransportSettings {
            max_concurrent_requests: Some(4),
            ..TransportSettings::default()
        })
        .unwrap(),
    );
    let calls: Vec<_> = (0..40)
        .map(|_| {
            let http = http.clone();
            let url = url.clone();
            tokio::spawn(async move { http.call(HttpRequest::new(http::Method::GET, url)).await })
        })
        .collect();
    for call in calls {
        assert_eq!(call.await.unwrap().unwrap().status, 200);
    }
    let connections = server.await.unwrap();
    assert!(
        connections <= 4,
        "{connections} connections for a limit of 4"
    );
}

#[tokio::test]
async fn speaks_http2_with_prior_knowledge() {
    let settings = TransportSettings {
        http2_prior_knowledge: true,
        ..TransportSettings::default()
    };
    h2_round_trips(
        "hyper",
        Box::new(HyperClient::new(settings.clone()).unwrap()),
    )
    .await;
    h2_round_trips("reqwest", Box::new(ReqwestClient::new(settings).unwrap())).await;
}

/// Two calls through `http` to an HTTP/2-only server, on one connection.
async fn h2_round_trips(name: &str, http: Box<dyn HttpClient>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (served_tx, mut served_rx) = tokio::sync::mpsc::unbounded_channel();
    let server = tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let mut connection = h2::server::handshake(socket).await.unwrap();
        // Keep accepting (which also drives the connection's IO) until the
        // client goes away, so every response is flushed.
        while let Some(Ok((request, mut respond))) = connection.accept().await {
            let (head, mut body) = request.into_parts();
            let mut received = Vec::new();
            while let Some(chunk) = body.data().await {
                let chunk = chunk.unwrap();
                let _ = body.flow_control().release_capacity(chunk.len());
                received.extend_from_slice(&chunk);
            }
            let _ = served_tx.send((head.version, head.method.to_string(), received));
            let response = http::Response::builder().status(201).body(()).unwrap();
            let mut stream = respond.send_response(response, false).unwrap();
            stream
                .send_data(bytes::Bytes::from_static(b"{\"id\":\"p1\"}"), true)
                .unwrap();
        }
    });
    for _ in 0..2 {
        let mut request = HttpRequest::new(http::Method::POST, format!("{url}/v2/x"));
        request.body = "{}".into();
        let response = http.call(request).await.unwrap();
        assert_eq!(response.status, 201, "{name}");
        assert_eq!(&response.body[..], b"{\"id\":\"p1\"}", "{name}");
    }
    drop(http);
    server.await.unwrap();
    let mut served = Vec::new();
    while let Ok(record) = served_rx.try_recv() {
        served.push(record);
    }
    assert_eq!(
        served.len(),
        2,
        "{name}: both calls on one HTTP/2 connection"
    );
    for (version, method, body) in served {
        assert_eq!(version, http::Version::HTTP_2, "{name}");
        assert_eq!(method, "POST", "{name}");
        assert_eq!(body, b"{}", "{name}");
    }
}

/// Answers 200 with the request's head echoed in the body, so a test sees
/// exactly what went on the wire.
fn echo_head(request: &str) -> Vec<u8> {
    let head = request.split("\r\n\r\n").next().unwrap_or_default();
    format!(
        "HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{head}",
        head.len()
    )
    .into_bytes()
}

/// botocore sends `Content-Length: 0` on a bodiless POST, PUT or PATCH, and
/// S3 and some proxies answer 411 without it; a GET or DELETE sends none.
#[tokio::test]
async fn bodiless_posts_puts_and_patches_send_content_length_zero() {
    let (url, _server) = serve(echo_head).await;
    for (name, client) in clients(1 << 20) {
        for (method, expected) in [
            (http::Method::POST, Some("0")),
            (http::Method::PUT, Some("0")),
            (http::Method::PATCH, Some("0")),
            (http::Method::GET, None),
            (http::Method::DELETE, None),
        ] {
            let request = HttpRequest::new(method.clone(), format!("{url}/thing"));
            let response = client.call(request).await.unwrap();
            let head = String::from_utf8(response.body.to_vec()).unwrap();
            let length = head.lines().find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .map(|v| v.trim().to_string())
            });
            assert_eq!(length.as_deref(), expected, "{name} {method}:\n{head}");
        }
    }
}
