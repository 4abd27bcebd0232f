//! Issue 17, attacks 3 and 7, against both transports on loopback: a
//! silent or trickling server must end in a typed timeout (not a hang that
//! holds an in-flight slot forever), and a redirect must never carry signed
//! headers or the session token to another host.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use awsop_runtime::error::{DispatchError, DispatchErrorKind};
use awsop_runtime::http::HttpRequest;
use awsop_runtime::transport::{HttpClient, HyperClient, ReqwestClient, TransportSettings};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const SHORT: Duration = Duration::from_millis(300);

/// What a test server does with each connection, after reading one
/// request head (and its body, if any).
#[derive(Clone, Copy)]
enum Behaviour {
    /// Accepts, reads, never answers.
    Silent,
    /// Accepts and never reads or answers (a stuck TLS handshake for https).
    Mute,
    /// Sends a response head one byte per `Duration`.
    DripHead(Duration),
    /// Sends a head promising 100 bytes, then one byte per `Duration`.
    DripBody(Duration),
    /// A whole response, in 5 pieces `Duration` apart.
    Steady(Duration),
    /// `200 OK` at once.
    Ok,
    /// `307` to this location.
    Redirect(&'static str),
}

struct Server {
    url: String,
    /// Every request head received, in order.
    seen: Arc<Mutex<Vec<String>>>,
    connections: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn server(behaviour: Behaviour) -> Server {
    server_with(move |_| behaviour).await
}

/// A server whose behaviour may depend on the port it listens on (for a
/// redirect to a location known only later, see `redirect_to`).
async fn server_with(behaviour: impl Fn(u16) -> Behaviour + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let connections = Arc::new(AtomicUsize::new(0));
    let behaviour = Arc::new(behaviour);
    let task = {
        let (seen, connections) = (seen.clone(), connections.clone());
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                connections.fetch_add(1, Ordering::SeqCst);
                let seen = seen.clone();
                let behaviour = behaviour(port);
                tokio::spawn(serve(socket, behaviour, seen));
            }
        })
    };
    Server {
        url: format!("http://127.0.0.1:{port}"),
        seen,
        connections,
        task,
    }
}

async fn serve(mut socket: TcpStream, behaviour: Behaviour, seen: Arc<Mutex<Vec<String>>>) {
    if let Behaviour::Mute = behaviour {
        tokio::time::sleep(Duration::from_secs(30)).await;
        return;
    }
    loop {
        let Some(head) = read_request(&mut socket).await else {
            return;
        };
        seen.lock().unwrap().push(head);
        let result = match behaviour {
            Behaviour::Silent | Behaviour::Mute => {
                tokio::time::sleep(Duration::from_secs(30)).await;
                return;
            }
            Behaviour::DripHead(every) => {
                for byte in b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n" {
                    if socket.write_all(&[*byte]).await.is_err() {
                        return;
                    }
                    tokio::time::sleep(every).await;
                }
                Ok(())
            }
            Behaviour::DripBody(every) => {
                if socket
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
                for _ in 0..100 {
                    tokio::time::sleep(every).await;
                    if socket.write_all(b"x").await.is_err() {
                        return;
                    }
                }
                Ok(())
            }
            Behaviour::Steady(every) => {
                let _ = socket
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n")
                    .await;
                for _ in 0..5 {
                    tokio::time::sleep(every).await;
                    if socket.write_all(b"ab").await.is_err() {
                        return;
                    }
                }
                Ok(())
            }
            Behaviour::Ok => {
                socket
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
                    .await
            }
            Behaviour::Redirect(location) => {
                let reply = format!(
                    "HTTP/1.1 307 Temporary Redirect\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n"
                );
                socket.write_all(reply.as_bytes()).await
            }
        };
        if result.is_err() {
            return;
        }
    }
}

/// One request head (and its body, discarded); `None` when the peer closes.
async fn read_request(socket: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).into_owned();
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .and_then(|v| v.trim().parse::<usize>().ok())
                })
                .unwrap_or(0);
            while buf.len() < end + 4 + length {
                let n = socket.read(&mut chunk).await.ok()?;
                if n == 0 {
                    return None;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return Some(head);
        }
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn settings(read_timeout: Option<Duration>, in_flight: Option<usize>) -> TransportSettings {
    TransportSettings {
        read_timeout,
        connect_timeout: Some(SHORT),
        max_concurrent_requests: in_flight,
        ..TransportSettings::default()
    }
}

/// Both transports with these settings, named.
fn transports(settings: TransportSettings) -> Vec<(&'static str, Arc<dyn HttpClient>)> {
    vec![
        (
            "hyper",
            Arc::new(HyperClient::new(settings.clone()).unwrap()),
        ),
        ("reqwest", Arc::new(ReqwestClient::new(settings).unwrap())),
    ]
}

fn get(url: &str) -> HttpRequest {
    HttpRequest::new(http::Method::GET, format!("{url}/"))
}

async fn timed_out(http: &dyn HttpClient, url: &str) -> (DispatchError, Duration) {
    let started = Instant::now();
    let call = http.call(get(url));
    let result = tokio::time::timeout(Duration::from_secs(10), call)
        .await
        .expect("the call hung past its read timeout");
    (result.expect_err("a timeout"), started.elapsed())
}

#[tokio::test]
async fn a_silent_server_gives_a_typed_timeout() {
    let silent = server(Behaviour::Silent).await;
    for (name, http) in transports(settings(Some(SHORT), Some(256))) {
        let (err, took) = timed_out(&*http, &silent.url).await;
        assert_eq!(err.kind(), DispatchErrorKind::Timeout, "{name}: {err}");
        assert!(took < Duration::from_secs(3), "{name}: {took:?}");
    }
}

#[tokio::test]
async fn a_byte_a_second_body_gives_a_typed_timeout() {
    let drip = server(Behaviour::DripBody(Duration::from_secs(1))).await;
    for (name, http) in transports(settings(Some(SHORT), Some(256))) {
        let (err, took) = timed_out(&*http, &drip.url).await;
        assert_eq!(err.kind(), DispatchErrorKind::Timeout, "{name}: {err}");
        assert!(err.to_string().contains("stalled"), "{name}: {err}");
        assert!(took < Duration::from_secs(4), "{name}: {took:?}");
    }
}

#[tokio::test]
async fn a_byte_a_second_head_gives_a_typed_timeout() {
    let drip = server(Behaviour::DripHead(Duration::from_secs(1))).await;
    for (name, http) in transports(settings(Some(SHORT), Some(256))) {
        let (err, took) = timed_out(&*http, &drip.url).await;
        assert_eq!(err.kind(), DispatchErrorKind::Timeout, "{name}: {err}");
        assert!(took < Duration::from_secs(3), "{name}: {took:?}");
    }
}

#[tokio::test]
async fn the_read_timeout_is_between_pieces_not_for_the_whole_body() {
    // Five pieces 150 ms apart: 750 ms in all, never 300 ms of silence.
    let steady = server(Behaviour::Steady(Duration::from_millis(150))).await;
    for (name, http) in transports(settings(Some(SHORT), Some(256))) {
        let response = http.call(get(&steady.url)).await;
        let response = response.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(&response.body[..], b"ababababab", "{name}");
    }
}

#[tokio::test]
async fn hung_calls_release_their_in_flight_slots() {
    let silent = server(Behaviour::Silent).await;
    let healthy = server(Behaviour::Ok).await;
    // Two slots, four hung calls: without a read timeout the healthy call
    // behind them would wait forever.
    for (name, http) in transports(settings(Some(SHORT), Some(2))) {
        let hung: Vec<_> = (0..4)
            .map(|_| {
                let http = http.clone();
                let url = silent.url.clone();
                tokio::spawn(async move { http.call(get(&url)).await })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(50)).await;
        let started = Instant::now();
        let answer = tokio::time::timeout(Duration::from_secs(5), http.call(get(&healthy.url)))
            .await
            .unwrap_or_else(|_| panic!("{name}: the healthy call starved"));
        assert_eq!(answer.unwrap().status, 200, "{name}");
        assert!(started.elapsed() < Duration::from_secs(3), "{name}");
        for call in hung {
            let err = call.await.unwrap().unwrap_err();
            assert_eq!(err.kind(), DispatchErrorKind::Timeout, "{name}: {err}");
        }
        // Every slot is free again: two healthy calls at once go through.
        let (a, b) = tokio::join!(http.call(get(&healthy.url)), http.call(get(&healthy.url)));
        assert!(a.is_ok() && b.is_ok(), "{name}");
    }
}

#[tokio::test]
async fn a_tls_handshake_that_never_completes_hits_the_connect_timeout() {
    let mute = server(Behaviour::Mute).await;
    let https = mute.url.replace("http://", "https://");
    // A long read timeout: only the connect timeout can end this.
    for (name, http) in transports(settings(Some(Duration::from_secs(30)), Some(256))) {
        let (err, took) = timed_out(&*http, &https).await;
        assert_eq!(err.kind(), DispatchErrorKind::Timeout, "{name}: {err}");
        assert!(took < Duration::from_secs(3), "{name}: {took:?}");
    }
    assert!(mute.connections.load(Ordering::SeqCst) >= 2);
}

#[test]
fn timeouts_have_the_documented_defaults() {
    let defaults = TransportSettings::default();
    assert_eq!(defaults.connect_timeout, Some(Duration::from_millis(3100)));
    assert_eq!(defaults.read_timeout, Some(Duration::from_secs(60)));
}

// ---------------------------------------------------------------- redirects

/// A signed request carrying a session token.
fn signed(url: &str) -> HttpRequest {
    let mut request = HttpRequest::new(http::Method::POST, format!("{url}/v2/x"));
    request.headers.insert(
        "authorization",
        "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/datazone/aws4_request, SignedHeaders=host, Signature=00"
            .parse()
            .unwrap(),
    );
    request.headers.insert(
        "x-amz-security-token",
        "SESSION-TOKEN-SECRET".parse().unwrap(),
    );
    request.body = bytes::Bytes::from_static(b"{}");
    request
}

/// A 307 from `first` to `second`, another host (port) on loopback.
async fn redirect_pair() -> (Server, Server) {
    let second = server(Behaviour::Ok).await;
    let location: &'static str = Box::leak(format!("{}/stolen", second.url).into_boxed_str());
    let first = server(Behaviour::Redirect(location)).await;
    (first, second)
}

async fn assert_not_followed(name: &str, http: &dyn HttpClient) {
    let (first, second) = redirect_pair().await;
    let response = http.call(signed(&first.url)).await.unwrap();
    assert_eq!(response.status, 307, "{name}: the 3xx is the answer");
    assert_eq!(first.seen.lock().unwrap().len(), 1, "{name}");
    assert!(
        second.seen.lock().unwrap().is_empty(),
        "{name}: the other host saw {:?}",
        second.seen.lock().unwrap()
    );
    assert_eq!(second.connections.load(Ordering::SeqCst), 0, "{name}");
}

#[tokio::test]
async fn a_307_to_another_host_is_never_followed() {
    for (name, http) in transports(TransportSettings::default()) {
        assert_not_followed(name, &*http).await;
    }
    let shared = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .unwrap();
    let wrapped = ReqwestClient::from_client(shared, 1 << 20).unwrap();
    assert_not_followed("reqwest from_client", &wrapped).await;
}

#[tokio::test]
async fn from_client_refuses_a_reqwest_client_that_follows_redirects() {
    // reqwest::Client::new() follows up to 10 redirects and would carry
    // x-amz-security-token to the other host (it strips only Authorization).
    for client in [
        reqwest::Client::new(),
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::limited(3))
            .build()
            .unwrap(),
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::custom(|a| a.follow()))
            .build()
            .unwrap(),
    ] {
        let err = ReqwestClient::from_client(client, 1 << 20).unwrap_err();
        assert!(err.to_string().contains("Policy::none()"), "{err}");
    }
    // The attack is real: used directly, such a client hands the token over.
    let (first, second) = redirect_pair().await;
    let raw = reqwest::Client::builder().no_proxy().build().unwrap();
    let request = signed(&first.url);
    let answer = raw
        .post(&request.uri)
        .headers(request.headers)
        .body(request.body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let stolen = second.seen.lock().unwrap().join("\n").to_ascii_lowercase();
    assert!(
        stolen.contains("x-amz-security-token: session-token-secret"),
        "{stolen}"
    );
}

#[tokio::test]
async fn from_client_applies_the_read_timeout_too() {
    let silent = server(Behaviour::Silent).await;
    let shared = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let wrapped = ReqwestClient::from_client(shared, 1 << 20)
        .unwrap()
        .with_read_timeout(Some(SHORT));
    let (err, took) = timed_out(&wrapped, &silent.url).await;
    assert_eq!(err.kind(), DispatchErrorKind::Timeout, "{err}");
    assert!(took < Duration::from_secs(3));
}
