//! Injected faults: each kind on the wire, before or after processing,
//! scheduled or random, and the counters.

mod common;

use std::time::{Duration, Instant};

use awsop_emulator::{Emulator, EmulatorConfig, Fault};
use common::{Harness, ReadFailure, Req, DOMAIN};
use serde_json::json;

fn create_req(user: &str, token: &str) -> Req {
    Req::new("POST", &format!("/v2/domains/{DOMAIN}/user-profiles"))
        .json(&json!({"userIdentifier": user, "clientToken": token}))
}

#[tokio::test]
async fn status_faults_come_before_processing_and_keep_the_connection() {
    let h = Harness::start().await;
    h.emulator
        .faults()
        .extend([Fault::Status500, Fault::Status503, Fault::Status429]);
    let mut conn = h.open().await;
    let expected = [
        (500, "InternalServerException"),
        (503, "ServiceUnavailableException"),
        (429, "ThrottlingException"),
    ];
    for (status, code) in expected {
        conn.write(&h.encode(&create_req("jane", "t1"), Some(&h.signer())))
            .await
            .unwrap();
        let reply = conn.read_reply().await.unwrap();
        reply.expect_error(status, code);
        assert!(reply.header("x-amzn-requestid").is_some());
    }
    assert_eq!(h.emulator.profile_count(), 0);
    // The same connection then serves the request for real.
    conn.write(&h.encode(&create_req("jane", "t1"), Some(&h.signer())))
        .await
        .unwrap();
    assert_eq!(conn.read_reply().await.unwrap().status, 201);
    assert_eq!(h.emulator.faults_injected(), 3);
    assert_eq!(h.emulator.requests_served(), 4);
    assert_eq!(h.emulator.faults().pending(), 0);
}

#[tokio::test]
async fn faults_apply_even_to_unauthenticated_requests() {
    // Faults strike before anything is looked at, as a broken load balancer would.
    let h = Harness::start().await;
    h.emulator.faults().push_back(Fault::Status503);
    h.send_unsigned(create_req("jane", "t"))
        .await
        .expect_error(503, "ServiceUnavailableException");
}

#[tokio::test]
async fn reset_before_processing() {
    let h = Harness::start().await;
    h.emulator.faults().push_back(Fault::Reset);
    let bytes = h.encode(&create_req("jane", "t"), Some(&h.signer()));
    match h.send_bytes(&bytes).await {
        Err(ReadFailure::Reset) => {}
        other => panic!("expected a reset, got {other:?}"),
    }
    assert_eq!(h.emulator.profile_count(), 0);
    assert_eq!(h.emulator.faults_injected(), 1);
}

#[tokio::test]
async fn reset_after_processing_then_retry_with_the_same_token() {
    let h = Harness::start().await;
    h.emulator.faults().push_back(Fault::ResetAfterProcessing);
    let bytes = h.encode(&create_req("jane", "exactly-once"), Some(&h.signer()));
    assert!(matches!(
        h.send_bytes(&bytes).await,
        Err(ReadFailure::Reset)
    ));
    // The work was done although the client never heard of it...
    assert_eq!(h.emulator.profile_count(), 1);
    // ...and the retry, re-signed with the same token, gets the original answer.
    let retry = h.send(create_req("jane", "exactly-once")).await;
    assert_eq!(retry.status, 201);
    let stored = h.get("jane", "").await.json();
    assert_eq!(retry.json()["id"], stored["id"]);
    assert_eq!(h.emulator.profile_count(), 1);
}

#[tokio::test]
async fn truncated_before_processing() {
    let h = Harness::start().await;
    h.emulator.faults().push_back(Fault::Truncated);
    let bytes = h.encode(&create_req("jane", "t"), Some(&h.signer()));
    match h.send_bytes(&bytes).await {
        Err(ReadFailure::Eof { received }) => {
            let text = String::from_utf8_lossy(&received);
            assert!(text.starts_with("HTTP/1.1 500 "), "{text}");
            let (head, body) = text.split_once("\r\n\r\n").unwrap();
            let promised: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("Content-Length: "))
                .unwrap()
                .parse()
                .unwrap();
            assert!(body.len() < promised, "{} < {promised}", body.len());
            assert!(!body.is_empty());
        }
        other => panic!("expected a truncated body, got {other:?}"),
    }
    assert_eq!(h.emulator.profile_count(), 0);
}

#[tokio::test]
async fn truncated_after_processing_then_retry() {
    let h = Harness::start().await;
    h.emulator
        .faults()
        .push_back(Fault::TruncatedAfterProcessing);
    let bytes = h.encode(&create_req("jane", "tok"), Some(&h.signer()));
    let partial = match h.send_bytes(&bytes).await {
        Err(ReadFailure::Eof { received }) => String::from_utf8(received).unwrap(),
        other => panic!("expected a truncated body, got {other:?}"),
    };
    assert!(partial.starts_with("HTTP/1.1 201 Created"), "{partial}");
    assert_eq!(h.emulator.profile_count(), 1);
    let retry = h.send(create_req("jane", "tok")).await;
    assert_eq!(retry.status, 201);
    // The part that did arrive is a prefix of the full original answer.
    let body_part = partial.split_once("\r\n\r\n").unwrap().1;
    assert!(String::from_utf8(retry.body)
        .unwrap()
        .starts_with(body_part));
}

#[tokio::test]
async fn delay_then_normal_processing() {
    let h = Harness::start().await;
    h.emulator
        .faults()
        .push_back(Fault::Delay(Duration::from_millis(300)));
    let started = Instant::now();
    let reply = h.send(create_req("jane", "t")).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(reply.status, 201);
    assert_eq!(h.emulator.faults_injected(), 1);
}

#[tokio::test]
async fn random_faults_are_deterministic_per_seed() {
    async fn pattern(seed: u64) -> (Vec<String>, u64) {
        let config = EmulatorConfig::builder().seed(seed).fault_rate(0.5).build();
        let h = Harness::with(Emulator::start_with(config).await.unwrap()).await;
        let mut outcomes = Vec::new();
        for i in 0..30 {
            let bytes = h.encode(
                &create_req(&format!("u{i}"), &format!("t{i}")),
                Some(&h.signer()),
            );
            outcomes.push(match h.send_bytes(&bytes).await {
                Ok(reply) => reply.status.to_string(),
                Err(ReadFailure::Reset) => "reset".to_owned(),
                Err(other) => format!("{other:?}"),
            });
        }
        assert_eq!(h.emulator.requests_served(), 30);
        (outcomes, h.emulator.faults_injected())
    }
    let (a, injected) = pattern(7).await;
    let (b, _) = pattern(7).await;
    assert_eq!(a, b);
    assert!((5..=25).contains(&injected), "{injected} faults in 30");
    let successes = a.iter().filter(|o| *o == "201").count() as u64;
    assert_eq!(successes + injected, 30);
    assert!(
        a.iter()
            .all(|o| ["201", "500", "503", "429", "reset"].contains(&o.as_str())),
        "{a:?}"
    );
}

#[tokio::test]
async fn random_kinds_and_clear() {
    let h = Harness::start().await;
    h.emulator.faults().set_random_kinds([Fault::Status429]);
    h.emulator.faults().set_rate(1.0);
    for _ in 0..3 {
        h.send(create_req("jane", "t"))
            .await
            .expect_error(429, "ThrottlingException");
    }
    h.emulator.faults().clear();
    assert_eq!(h.send(create_req("jane", "t")).await.status, 201);
    assert_eq!(h.emulator.faults_injected(), 3);
}
