//! Issue 17, attack 7: `ReqwestClient::new` routed through `HTTP_PROXY`
//! while the default transport ignored it. Neither transport uses a proxy
//! from the environment now. (Its own test binary: it sets process-wide
//! environment variables.)

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use awsop_runtime::http::HttpRequest;
use awsop_runtime::transport::{HttpClient, HyperClient, ReqwestClient, TransportSettings};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Answers every request with `200 ok`, counting connections.
async fn counting_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                while let Ok(n) = socket.read(&mut buf).await {
                    if n == 0
                        || socket
                            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
                            .await
                            .is_err()
                    {
                        return;
                    }
                }
            });
        }
    });
    (url, count)
}

#[tokio::test]
async fn proxy_variables_are_ignored_by_both_transports() {
    let (proxy, proxied) = counting_server().await;
    let (target, direct) = counting_server().await;
    for name in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        std::env::set_var(name, &proxy);
    }
    std::env::remove_var("NO_PROXY");
    std::env::remove_var("no_proxy");

    // The environment is effective: a plain reqwest client goes through it.
    let plain = reqwest::Client::new();
    plain.get(format!("{target}/")).send().await.unwrap();
    assert_eq!(
        proxied.load(Ordering::SeqCst),
        1,
        "the stand-in proxy works"
    );

    let clients: Vec<(&str, Box<dyn HttpClient>)> = vec![
        (
            "hyper",
            Box::new(HyperClient::new(TransportSettings::default()).unwrap()),
        ),
        (
            "reqwest",
            Box::new(ReqwestClient::new(TransportSettings::default()).unwrap()),
        ),
    ];
    for (name, http) in clients {
        let before = direct.load(Ordering::SeqCst);
        let response = http
            .call(HttpRequest::new(http::Method::GET, format!("{target}/")))
            .await
            .unwrap();
        assert_eq!(response.status, 200, "{name}");
        assert_eq!(
            direct.load(Ordering::SeqCst),
            before + 1,
            "{name} went direct"
        );
    }
    assert_eq!(
        proxied.load(Ordering::SeqCst),
        1,
        "no transport used the proxy"
    );
}
