//! What the loopback servers share: the port (first argument or `PORT`,
//! default any free port), `LIFETIME_SECS` (default 3600), a listener on
//! 127.0.0.1 with `SO_REUSEADDR`, the `<name> listening on http://...` line,
//! and an accept loop that backs off when out of file descriptors.

use std::future::Future;
use std::io::Write as _;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::{TcpSocket, TcpStream};

/// Runs a loopback server on a single-threaded runtime: each accepted
/// connection (with `TCP_NODELAY`) goes to `handle`, which spawns what
/// serves it, until the lifetime ends.
pub fn run<H, Fut>(name: &str, backlog: u32, setup: impl FnOnce() -> H)
where
    H: Fn(TcpStream) -> Fut,
    Fut: Future<Output = ()>,
{
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
        let listener = socket.listen(backlog).expect("listen");
        let addr = listener.local_addr().expect("local addr");
        println!("{name} listening on http://{addr}");
        let _ = std::io::stdout().flush();
        let handle = setup();
        let accept = async {
            loop {
                match listener.accept().await {
                    Ok((stream, _)) => {
                        let _ = stream.set_nodelay(true);
                        handle(stream).await;
                    }
                    // Out of file descriptors and the like: back off, keep serving.
                    Err(_) => tokio::time::sleep(Duration::from_millis(5)).await,
                }
            }
        };
        tokio::select! {
            () = accept => {}
            () = tokio::time::sleep(Duration::from_secs(lifetime)) => {
                eprintln!("{name}: LIFETIME_SECS={lifetime} reached, exiting");
            }
        }
    });
}
