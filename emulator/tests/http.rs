//! The HTTP/1.1 layer: limits, framing and malformed input answered with
//! 4xx responses or a closed connection, never a hang.

mod common;

use std::time::Duration;

use awsop_emulator::{Emulator, EmulatorConfig};
use common::{Harness, ReadFailure, Req, DOMAIN};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn small_limits() -> Harness {
    let config = EmulatorConfig::builder()
        .max_header_bytes(1024)
        .max_body_bytes(1024)
        .idle_timeout(Duration::from_millis(500))
        .build();
    Harness::with(Emulator::start_with(config).await.unwrap()).await
}

fn error_code(reply: &common::Reply) -> String {
    reply.error_code().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn oversized_head_is_431() {
    let h = small_limits().await;
    let big = format!(
        "GET / HTTP/1.1\r\nHost: h\r\nx-big: {}\r\n\r\n",
        "a".repeat(2000)
    );
    let reply = h.send_bytes(big.as_bytes()).await.unwrap();
    assert_eq!(reply.status, 431);
    assert_eq!(reply.header("connection"), Some("close"));

    // A head that never ends is cut off at the limit too.
    let endless = format!("GET / HTTP/1.1\r\nx: {}", "b".repeat(5000));
    assert_eq!(h.send_bytes(endless.as_bytes()).await.unwrap().status, 431);

    let mut many = String::from("GET / HTTP/1.1\r\nHost: h\r\n");
    for i in 0..200 {
        many.push_str(&format!("h{i}: v\r\n"));
    }
    many.push_str("\r\n");
    let config = EmulatorConfig::builder()
        .max_header_bytes(64 * 1024)
        .build();
    let roomy = Harness::with(Emulator::start_with(config).await.unwrap()).await;
    assert_eq!(roomy.send_bytes(many.as_bytes()).await.unwrap().status, 431);
}

#[tokio::test]
async fn oversized_body_is_413() {
    let h = small_limits().await;
    let body = json!({"userIdentifier": "a".repeat(2000)});
    let bytes = h.encode(
        &Req::new("POST", &format!("/v2/domains/{DOMAIN}/user-profiles")).json(&body),
        Some(&h.signer()),
    );
    let reply = h.send_bytes(&bytes).await.unwrap();
    assert_eq!(reply.status, 413, "{}", error_code(&reply));
    assert_eq!(h.emulator.profile_count(), 0);
}

#[tokio::test]
async fn chunked_is_411() {
    let h = Harness::start().await;
    let raw = "POST /v2/domains/dzd_a/user-profiles HTTP/1.1\r\nHost: h\r\n\
               Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    let reply = h.send_bytes(raw.as_bytes()).await.unwrap();
    assert_eq!(reply.status, 411);
    assert!(reply.message().contains("Content-Length"));
}

#[tokio::test]
async fn malformed_requests_are_400() {
    let h = Harness::start().await;
    for raw in [
        &b"NOT HTTP AT ALL\r\n\r\n"[..],
        b"GET / HTTP/1.1\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: h\r\nno-colon-here\r\n\r\n",
        b"GET /\xff\xfe HTTP/1.1\r\nHost: h\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: \xc3\x28\r\n\r\n",
        b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\n\r\n",
        b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        b"GET noslash HTTP/1.1\r\nHost: h\r\n\r\n",
        b"\r\n\r\n",
    ] {
        let reply = h
            .send_bytes(raw)
            .await
            .unwrap_or_else(|e| panic!("no answer to {:?}: {e:?}", String::from_utf8_lossy(raw)));
        assert_eq!(reply.status, 400, "{:?}", String::from_utf8_lossy(raw));
        assert_eq!(reply.header("connection"), Some("close"));
        assert!(reply.header("x-amzn-requestid").is_some());
    }
    assert_eq!(
        h.send_bytes(b"GET / HTTP/3.0\r\nHost: h\r\n\r\n")
            .await
            .unwrap()
            .status,
        505
    );
}

#[tokio::test]
async fn expect_100_continue() {
    let h = Harness::start().await;
    let req = Req::new("POST", &format!("/v2/domains/{DOMAIN}/user-profiles"))
        .json(&json!({"userIdentifier": "jane"}))
        .header("expect", "100-continue");
    let bytes = h.encode(&req, Some(&h.signer()));
    let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let mut conn = h.open().await;
    conn.write(&bytes[..split]).await.unwrap();
    let interim = conn.read_reply().await.unwrap();
    assert_eq!(interim.status, 100);
    conn.write(&bytes[split..]).await.unwrap();
    assert_eq!(conn.read_reply().await.unwrap().status, 201);
}

#[tokio::test]
async fn body_in_several_packets() {
    let h = Harness::start().await;
    let req = Req::new("POST", &format!("/v2/domains/{DOMAIN}/user-profiles"))
        .json(&json!({"userIdentifier": "jane"}));
    let bytes = h.encode(&req, Some(&h.signer()));
    let mut conn = h.open().await;
    for piece in bytes.chunks(7) {
        conn.write(piece).await.unwrap();
        conn.stream.flush().await.unwrap();
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    assert_eq!(conn.read_reply().await.unwrap().status, 201);
}

#[tokio::test]
async fn http_1_0_closes_after_the_response() {
    let h = Harness::start().await;
    let mut conn = h.open().await;
    conn.write(b"GET / HTTP/1.0\r\n\r\n").await.unwrap();
    let reply = conn.read_reply().await.unwrap();
    assert_eq!(reply.status, 403);
    assert!(conn.closed().await);
}

#[tokio::test]
async fn idle_connections_are_closed() {
    let h = small_limits().await;
    let mut conn = h.open().await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(conn.closed().await);
    // A client that stalls mid-request is dropped too.
    let mut stalled = h.open().await;
    stalled
        .write(b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(stalled.closed().await);
}

#[tokio::test]
async fn abandoned_requests_do_not_hurt_the_server() {
    let h = Harness::start().await;
    for partial in [
        &b"POST /v2 HTT"[..],
        b"GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 50\r\n\r\n{",
    ] {
        let mut stream = h.connect().await;
        stream.write_all(partial).await.unwrap();
        drop(stream);
    }
    let mut conn = h.open().await;
    conn.write(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n")
        .await
        .unwrap();
    assert_eq!(conn.read_reply().await.unwrap().status, 403);
}

#[tokio::test]
async fn max_connections_queues_instead_of_failing() {
    let config = EmulatorConfig::builder().max_connections(1).build();
    let h = Harness::with(Emulator::start_with(config).await.unwrap()).await;
    let mut first = h.open().await;
    // The second connection is accepted by the kernel but served only once
    // the first is gone.
    let mut second = h.open().await;
    second
        .write(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n")
        .await
        .unwrap();
    let mut byte = [0u8; 1];
    let early =
        tokio::time::timeout(Duration::from_millis(200), second.stream.read(&mut byte)).await;
    assert!(early.is_err(), "served while the only slot was taken");
    first
        .write(b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    assert_eq!(first.read_reply().await.unwrap().status, 403);
    drop(first);
    assert_eq!(second.read_reply().await.map(|r| r.status).ok(), Some(403));
}

#[tokio::test]
async fn reset_is_reported_as_reset_not_eof() {
    // Guard for the fault tests: the helper tells a reset from a close.
    let h = Harness::start().await;
    h.emulator.faults().push_back(awsop_emulator::Fault::Reset);
    let result = h.send_bytes(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n").await;
    assert!(matches!(result, Err(ReadFailure::Reset)), "{result:?}");
}
