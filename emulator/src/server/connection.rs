//! One connection: read a request, maybe inject a fault, answer, repeat
//! while the client keeps the connection alive.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::request::{self, Limits, ReadError};
use super::response::Response;
use crate::error::ServiceError;
use crate::fault::Fault;
use crate::service;
use crate::state::Shared;

pub(super) async fn serve(mut stream: TcpStream, shared: Arc<Shared>) {
    // Responses go out in one write; Nagle would only delay them.
    let _ = stream.set_nodelay(true);
    let config = &shared.config;
    let limits = Limits {
        max_head: config.max_header_bytes,
        max_body: config.max_body_bytes,
        idle: config.idle_timeout,
        request: config.request_timeout,
    };
    let mut buf = Vec::new();
    loop {
        let request = match request::read_request(&mut stream, &mut buf, limits).await {
            Ok(request) => request,
            Err(ReadError::Gone) => return,
            Err(ReadError::Reject(error)) => {
                shared.count_request();
                let response = error.into_response().closing();
                if write(&mut stream, &shared, &response).await.is_ok() {
                    close(stream).await;
                }
                return;
            }
        };
        shared.count_request();
        let response = match shared.faults.next() {
            None => service::handle(&shared, &request),
            Some(Fault::Status500) => ServiceError::internal().into_response(),
            Some(Fault::Status503) => ServiceError::unavailable().into_response(),
            Some(Fault::Status429) => ServiceError::throttling().into_response(),
            Some(Fault::Delay(delay)) => {
                tokio::time::sleep(delay).await;
                service::handle(&shared, &request)
            }
            Some(Fault::Reset) => return reset(stream),
            Some(Fault::Truncated) => {
                let response = ServiceError::internal().into_response();
                return truncate(stream, &shared, &response).await;
            }
            Some(Fault::ResetAfterProcessing) => {
                service::handle(&shared, &request);
                return reset(stream);
            }
            Some(Fault::TruncatedAfterProcessing) => {
                let response = service::handle(&shared, &request);
                return truncate(stream, &shared, &response).await;
            }
        };
        let response = if request.keep_alive {
            response
        } else {
            response.closing()
        };
        if write(&mut stream, &shared, &response).await.is_err() {
            return;
        }
        if response.close {
            return close(stream).await;
        }
    }
}

fn wire_bytes(shared: &Shared, response: &Response) -> Vec<u8> {
    let date = crate::date::http_date(shared.now());
    response.to_bytes(&date, &shared.request_id())
}

/// Writes a response within the request timeout: a client that stops
/// reading must not hold its connection slot either.
async fn write(
    stream: &mut TcpStream,
    shared: &Shared,
    response: &Response,
) -> std::io::Result<()> {
    let bytes = wire_bytes(shared, response);
    let sending = async {
        stream.write_all(&bytes).await?;
        stream.flush().await
    };
    tokio::time::timeout(shared.config.request_timeout, sending)
        .await
        .unwrap_or_else(|_| Err(std::io::ErrorKind::TimedOut.into()))
}

/// Aborts the connection with a TCP RST (`SO_LINGER` 0), as a crashed or
/// overloaded server would.
fn reset(stream: TcpStream) {
    let _ = stream.set_zero_linger();
    drop(stream);
}

/// Sends the head and half the body of `response`, whose `Content-Length`
/// promises all of it, then closes.
async fn truncate(mut stream: TcpStream, shared: &Shared, response: &Response) {
    let bytes = wire_bytes(shared, response);
    let cut = bytes.len() - response.body.len().div_ceil(2);
    if stream.write_all(&bytes[..cut]).await.is_ok() {
        let _ = stream.flush().await;
        close(stream).await;
    }
}

/// Closes after the peer has had the chance to read everything: shut down
/// our side, then drain what the client still sends, so the kernel does not
/// answer unread data with a reset that could destroy our last response.
async fn close(mut stream: TcpStream) {
    let _ = stream.shutdown().await;
    let mut sink = [0u8; 8192];
    let drain = async {
        let mut drained = 0usize;
        while drained < 4 * 1024 * 1024 {
            match stream.read(&mut sink).await {
                Ok(0) | Err(_) => break,
                Ok(n) => drained += n,
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(2), drain).await;
}
