//! Issue 17, attack 9: clients that cost the emulator its connection slots
//! or its CPU. A request has one deadline for head and body together, so
//! slow-drip clients are dropped and normal requests get through; and a
//! string the length limits refuse is never pattern-matched.

mod common;

use std::time::{Duration, Instant};

use awsop_emulator::{Emulator, EmulatorConfig};
use common::Harness;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn slow_drip_clients_cannot_hold_every_connection_slot() {
    let config = EmulatorConfig::builder()
        .max_connections(8)
        .request_timeout(Duration::from_millis(500))
        .build();
    let h = Harness::with(Emulator::start_with(config).await.unwrap()).await;
    // Ten clients sending a request head one byte every 200 ms: a timeout
    // per read never fires, and they would hold all 8 slots for 10 s.
    let head = b"POST /v2/domains/dzd_a/user-profiles HTTP/1.1\r\nHost: h\r\n";
    let mut drips = Vec::new();
    for _ in 0..10 {
        let mut stream = h.connect().await;
        drips.push(tokio::spawn(async move {
            let started = Instant::now();
            for byte in head {
                if stream.write_all(&[*byte]).await.is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            // Dropped by the emulator: the connection reads as closed.
            let mut rest = Vec::new();
            let _ =
                tokio::time::timeout(Duration::from_secs(2), stream.read_to_end(&mut rest)).await;
            started.elapsed()
        }));
    }
    tokio::time::sleep(Duration::from_millis(100)).await;

    let started = Instant::now();
    let reply = tokio::time::timeout(
        Duration::from_secs(5),
        h.create(json!({"userIdentifier": "after-the-drip"})),
    )
    .await
    .expect("a normal request was starved by slow clients");
    assert_eq!(reply.status, 201);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );

    for drip in drips {
        // Each was cut off well before its 12 s of dripping was done.
        let lasted = drip.await.unwrap();
        assert!(
            lasted < Duration::from_secs(6),
            "a slow client lasted {lasted:?}"
        );
    }
}

#[tokio::test]
async fn the_request_deadline_does_not_cut_a_steady_request() {
    // Well within the deadline: a request written in pieces is still served.
    let config = EmulatorConfig::builder()
        .request_timeout(Duration::from_secs(2))
        .build();
    let h = Harness::with(Emulator::start_with(config).await.unwrap()).await;
    let mut conn = h.open().await;
    let request = b"GET / HTTP/1.1\r\nHost: h\r\n\r\n";
    for piece in request.chunks(8) {
        conn.write(piece).await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(conn.read_reply().await.unwrap().status, 403);
}

#[tokio::test]
async fn a_signed_1_mib_user_identifier_is_refused_by_length_before_pattern_matching() {
    let h = Harness::start().await;
    // Just under the 1 MiB body cap. Every character is allowed by one of
    // the pattern's branches, so only the length bound refuses it.
    let huge = "a".repeat(1024 * 1024 - 256);
    let message = h
        .create(json!({"userIdentifier": huge, "userType": "IAM_USER"}))
        .await
        .expect_error(400, "ValidationException");
    assert!(
        message.contains("at 'userIdentifier' failed to satisfy constraint: Member must have length less than or equal to 2048"),
        "{}",
        &message[message.len().saturating_sub(300)..]
    );
    assert!(!message.contains("regular expression"));
    // The value is shown cut short, not echoed in full.
    assert!(message.len() < 1024, "{} bytes", message.len());

    // The bound is on length only: a long-but-allowed value still works.
    let arn = format!("arn:aws:iam::123456789012:role/{}", "r".repeat(1900));
    assert_eq!(
        h.create(json!({"userIdentifier": arn, "userType": "IAM_ROLE"}))
            .await
            .status,
        201
    );
}
