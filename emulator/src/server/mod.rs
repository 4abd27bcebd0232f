//! The hand-written HTTP/1.1 server: accepting connections and serving
//! requests on each, with faults injected between reading and answering.
//!
// Hand-written rather than hyper so that every fault (a reset, a body cut
// short, a stall) is a deliberate act on the raw socket.

mod connection;
pub(crate) mod request;
pub(crate) mod response;

use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;

use crate::state::Shared;

/// Accepts connections until `shutdown` changes or its sender goes away,
/// then stops every connection.
pub(crate) async fn run(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut shutdown: watch::Receiver<bool>,
) {
    let permits = Arc::new(Semaphore::new(shared.config.max_connections));
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            biased;
            _ = shutdown.changed() => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = accept(&listener, &permits) => match accepted {
                Some((stream, permit)) => {
                    let shared = Arc::clone(&shared);
                    connections.spawn(async move {
                        connection::serve(stream, shared).await;
                        drop(permit);
                    });
                }
                // Out of file descriptors or similar: let the system breathe.
                None => tokio::time::sleep(Duration::from_millis(20)).await,
            },
        }
    }
    connections.shutdown().await;
}

/// The next connection, once there is room for it.
async fn accept(
    listener: &TcpListener,
    permits: &Arc<Semaphore>,
) -> Option<(TcpStream, OwnedSemaphorePermit)> {
    let permit = Arc::clone(permits).acquire_owned().await.ok()?;
    let (stream, _) = listener.accept().await.ok()?;
    Some((stream, permit))
}
