//! Timeouts and cancellation: a server that accepts and never answers (or
//! answers too slowly) cannot hold a call past its timeouts, and a call's
//! future dropped mid-flight leaves nothing behind: no connection, no task,
//! no state.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use awsop::datazone::{CreateUserProfile, DataZoneError, UserType};
use awsop::runtime::credentials::{CredentialsError, ProvideCredentials};
use awsop::runtime::error::{DispatchError, ErrorKind};
use awsop::runtime::http::{HttpRequest, HttpResponse};
use awsop::runtime::retry::RetryConfig;
use awsop::runtime::transport::{HttpClient, HyperClient, TransportSettings};
use awsop::runtime::BoxFuture;
use awsop::{Client, ClientBuilder, Credentials, Error};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the test server does once it has read a request.
#[derive(Clone, Copy)]
enum Behaviour {
    /// Nothing: no answer, ever.
    Silent,
    /// A response head promising a body, then one body byte every 50 ms.
    Trickle,
}

/// A loopback HTTP server that counts connections still open and requests
/// received.
struct Server {
    url: String,
    open: Arc<AtomicUsize>,
    requests: Arc<AtomicUsize>,
    accept: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

impl Server {
    async fn start(behaviour: Behaviour) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let open = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(AtomicUsize::new(0));
        let accept = {
            let (open, requests) = (open.clone(), requests.clone());
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    open.fetch_add(1, Ordering::SeqCst);
                    let (open, requests) = (open.clone(), requests.clone());
                    tokio::spawn(async move {
                        serve(stream, behaviour, &requests).await;
                        open.fetch_sub(1, Ordering::SeqCst);
                    });
                }
            })
        };
        Server {
            url,
            open,
            requests,
            accept,
        }
    }

    fn open(&self) -> usize {
        self.open.load(Ordering::SeqCst)
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// Asserts that every connection gets closed within 5 s: the client
    /// does not leave abandoned attempts to the server.
    async fn assert_all_connections_close(&self) {
        assert!(
            eventually(Duration::from_secs(5), || self.open() == 0).await,
            "{} connections still open",
            self.open()
        );
    }
}

/// Reads one request head and body, behaves, then waits for the client to
/// close (a read of 0 bytes or an error): that moment is what the tests
/// observe.
async fn serve(mut stream: TcpStream, behaviour: Behaviour, requests: &AtomicUsize) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    requests.fetch_add(1, Ordering::SeqCst);
    match behaviour {
        Behaviour::Silent => {
            // Until the client goes away.
            while let Ok(n) = stream.read(&mut chunk).await {
                if n == 0 {
                    return;
                }
            }
        }
        Behaviour::Trickle => {
            let head = "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n";
            if stream.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            loop {
                tokio::time::sleep(Duration::from_millis(50)).await;
                if stream.write_all(b" ").await.is_err() {
                    return;
                }
            }
        }
    }
}

fn create(user: usize) -> CreateUserProfile {
    CreateUserProfile {
        domain_identifier: "dzd_cancel".into(),
        user_identifier: format!("arn:aws:iam::123456789012:role/cancel-{user}"),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
}

fn builder(url: &str) -> ClientBuilder {
    Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "SECRET",
            None,
            None,
            "test",
        ))
        .endpoint_url(url)
        .retry_config(RetryConfig {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(1),
            throttling_backoff: Duration::from_millis(1),
            ..RetryConfig::default()
        })
}

/// Sends one call, which must end in a timeout; the error and how long the
/// call took.
async fn send_until_timeout(client: &Client) -> (Error<DataZoneError>, Duration) {
    let started = Instant::now();
    let err = create(1).send(client).await.expect_err("a timeout");
    let elapsed = started.elapsed();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err:?}");
    (err, elapsed)
}

/// Waits until `done` holds, for at most `limit`.
async fn eventually(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if done() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    done()
}

#[tokio::test]
async fn a_silent_server_cannot_hold_a_call_past_its_operation_timeout() {
    let server = Server::start(Behaviour::Silent).await;
    let client = builder(&server.url)
        .operation_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let (err, elapsed) = send_until_timeout(&client).await;
    assert!(err.to_string().contains("timeout"), "{err}");
    assert!(elapsed >= Duration::from_millis(300), "{elapsed:?}");
    assert!(
        elapsed < Duration::from_millis(1_300),
        "held for {elapsed:?}"
    );
    assert_eq!(server.requests(), 1);
    server.assert_all_connections_close().await;
}

#[tokio::test]
async fn attempt_timeouts_are_retried_then_reported() {
    let server = Server::start(Behaviour::Silent).await;
    let client = builder(&server.url)
        .attempt_timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let (err, elapsed) = send_until_timeout(&client).await;
    assert!(err.to_string().contains("attempt"), "{err}");
    assert_eq!(server.requests(), 3, "three attempts");
    assert!(
        elapsed < Duration::from_millis(1_500),
        "held for {elapsed:?}"
    );
    server.assert_all_connections_close().await;
}

#[tokio::test]
async fn a_response_body_trickling_forever_is_cut_off_by_the_attempt_timeout() {
    let server = Server::start(Behaviour::Trickle).await;
    let client = builder(&server.url)
        .max_attempts(1)
        .attempt_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let (_, elapsed) = send_until_timeout(&client).await;
    assert!(elapsed < Duration::from_millis(1_300));
    server.assert_all_connections_close().await;
}

/// A credentials provider that never answers.
#[derive(Debug)]
struct Hanging;

impl ProvideCredentials for Hanging {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(std::future::pending())
    }
}

#[tokio::test]
async fn a_hanging_credentials_provider_cannot_hold_a_call_past_its_operation_timeout() {
    let server = Server::start(Behaviour::Silent).await;
    let client = builder(&server.url)
        .credentials(Hanging)
        .operation_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let (_, elapsed) = send_until_timeout(&client).await;
    assert!(elapsed < Duration::from_millis(1_200));
    assert_eq!(server.requests(), 0, "nothing was sent");
}

/// Wraps the real transport, counting calls whose future is still alive
/// and holding a share of `state` while in flight (so a future kept alive
/// somewhere, or leaked, shows up in `Arc::strong_count`).
#[derive(Debug)]
struct Tracking {
    inner: HyperClient,
    live: Arc<AtomicUsize>,
    state: Arc<String>,
}

struct LiveGuard {
    live: Arc<AtomicUsize>,
    _state: Arc<String>,
}

impl Drop for LiveGuard {
    fn drop(&mut self) {
        self.live.fetch_sub(1, Ordering::SeqCst);
    }
}

impl HttpClient for Tracking {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        self.live.fetch_add(1, Ordering::SeqCst);
        let guard = LiveGuard {
            live: self.live.clone(),
            _state: self.state.clone(),
        };
        Box::pin(async move {
            let result = self.inner.call(request).await;
            drop(guard);
            result
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_calls_mid_flight_leaks_no_connection_task_or_state() {
    const CALLS: usize = 20;
    let server = Server::start(Behaviour::Silent).await;
    let live = Arc::new(AtomicUsize::new(0));
    let state = Arc::new(String::from("shared transport state"));
    let transport = Tracking {
        // A short idle timeout: a connection that went back to the pool
        // would be closed soon, one that leaked would not.
        inner: HyperClient::new(TransportSettings {
            pool_idle_timeout: Duration::from_millis(200),
            ..TransportSettings::default()
        })
        .unwrap(),
        live: live.clone(),
        state: state.clone(),
    };
    let client = builder(&server.url).http_client(transport).build().unwrap();
    let metrics = tokio::runtime::Handle::current().metrics();
    let baseline_state = Arc::strong_count(&state);
    let baseline_tasks = metrics.num_alive_tasks();

    let calls: Vec<_> = (0..CALLS)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move { create(i).send(&client).await })
        })
        .collect();
    assert!(
        eventually(Duration::from_secs(10), || server.requests() == CALLS).await,
        "only {} of {CALLS} requests arrived",
        server.requests()
    );
    assert_eq!(live.load(Ordering::SeqCst), CALLS);
    assert_eq!(server.open(), CALLS);
    assert_eq!(Arc::strong_count(&state), baseline_state + CALLS);

    for call in &calls {
        call.abort();
    }
    for call in calls {
        let joined = call.await;
        assert!(joined.is_err_and(|e| e.is_cancelled()));
    }

    // The futures are gone with everything they held...
    assert_eq!(live.load(Ordering::SeqCst), 0);
    assert_eq!(Arc::strong_count(&state), baseline_state);
    // ...the connections they used are closed...
    server.assert_all_connections_close().await;
    // ...and no task lives on for them (the server's connection tasks and
    // the transport's connection tasks have all ended).
    assert!(
        eventually(Duration::from_secs(5), || metrics.num_alive_tasks()
            <= baseline_tasks)
        .await,
        "{} tasks alive, {baseline_tasks} before the calls",
        metrics.num_alive_tasks()
    );

    // The client still works for the calls that come after.
    drop(client);
    assert_eq!(
        Arc::strong_count(&state),
        1,
        "the client released the transport"
    );
}

/// A call's future is what the caller's task stores, and each level of the
/// orchestrator moves it once when it starts: it must stay a few KB. (An
/// `async fn` that awaited either its argument or an instrumented copy of
/// it held both, and doubled the size twice over, to 12 KB.)
#[tokio::test]
async fn a_calls_future_stays_small() {
    let client = builder("http://127.0.0.1:9").build().unwrap();
    let future = create(1).send(&client);
    let size = std::mem::size_of_val(&future);
    assert!(size <= 6 * 1024, "the future of send() is {size} bytes");
    drop(future);
}
